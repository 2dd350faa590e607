"""Names of the pupils involved, kept only as keyed hashes.

The interview asks for these names so that the privacy checks can refuse them in any
document. They are never written in clear text: the answers file holds the id of a secret
key and the HMAC-SHA256 of each name's normalised forms (the whole name and each part). The
key itself stays on the computer where the names were typed (``foundation.keystore``), so
whoever gets the answers file cannot try a list of common names against the hashes; on that
computer the checks still recognise the names in any text.

Normalising makes hiding a name hard: case, accents and punctuation do not count, invisible
format characters (soft hyphen, zero-width space, direction marks) are removed, letters that
look Latin but are Cyrillic or Greek count as the Latin letter, and dots or hyphens between
single letters ("S.a.n.n.e", "S a n n e") are ignored.

Answers files of older commgen versions kept a salt beside plain SHA-256 hashes; those are
read as *weak*: they still work for the checks, and the interview asks the names again.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

_SEPARATORS = re.compile(r"[\s\-‐‑'’`.]+")
# Cyrillic and Greek letters that look like Latin ones (lower case, after casefold).
_CONFUSABLES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d",
    "ɡ": "g", "ⅼ": "l", "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ϲ": "c", "ԛ": "q", "ԝ": "w"})
# Single letters joined by dots or hyphens ("S.a.n.n.e"), or four or more joined by single
# spaces ("S a n n e"; fewer would be initials).
SPACED_LETTERS = re.compile(r"(?<![^\W\d_])[^\W\d_](?:(?:[.\-][^\W\d_](?![^\W\d_]))+"
                            r"|(?: [^\W\d_](?![^\W\d_])){3,})")
_HASH = re.compile(r"^[0-9a-f]{64}$")


def is_invisible(char: str) -> bool:
    """A format character (Unicode category Cf): soft hyphen, zero-width, bidi controls."""
    return unicodedata.category(char) == "Cf"


def visible(text: str) -> tuple[str, list[int]]:
    """``text`` without invisible characters, with the offset in ``text`` of every character
    kept (so a match in the result can be mapped back)."""
    kept = [(i, ch) for i, ch in enumerate(text) if not is_invisible(ch)]
    return "".join(ch for _i, ch in kept), [i for i, _ch in kept]


def join_spaced_letters(text: str) -> str:
    """"S.a.n.n.e", "S-a-n-n-e" and "S a n n e" -> "Sanne" (single letters joined by dots,
    hyphens or spaces)."""
    return SPACED_LETTERS.sub(lambda m: re.sub(r"[.\- ]", "", m.group()), text)


def normalise(name: str) -> str:
    """Case, accents, punctuation, invisible characters and look-alike letters do not matter:
    "Zoë  van-Dijk" -> "zoe van dijk"."""
    name, _offsets = visible(name)
    # casefold after NFKD too: mathematical letters (𝐒) have no case until they are decomposed
    decomposed = unicodedata.normalize("NFKD", join_spaced_letters(name).casefold()).casefold()
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.translate(_CONFUSABLES)
    return " ".join(part for part in _SEPARATORS.split(plain) if part)


def name_forms(name: str) -> set[str]:
    """The whole name and every part of at least two letters."""
    whole = normalise(name)
    if not whole:
        return set()
    return {whole} | {part for part in whole.split() if len(part) >= 2}


def keyed_digest(key: bytes, form: str) -> str:
    return hmac.new(key, form.encode("utf-8"), hashlib.sha256).hexdigest()


def _weak_digest(salt: str, form: str) -> str:
    """The salted SHA-256 of commgen 0.1 answers files (read, never written)."""
    return hashlib.sha256(f"{salt}\x00{form}".encode()).hexdigest()


@dataclass
class GuardedNames:
    """What is stored: the key's id, the hashes and how many names were given (for the review).

    ``salt`` is set only for a file of an older commgen (weak hashes)."""

    key_id: str
    hashes: list[str] = field(default_factory=list)
    count: int = 0
    salt: str | None = None
    key: bytes | None = field(default=None, repr=False, compare=False)  # only in memory

    @classmethod
    def from_names(cls, names: list[str]) -> GuardedNames:
        """Hash ``names`` with a new key held in memory; it is stored on this computer only
        when the names are written to a file (``as_yaml``)."""
        from commgen.foundation.keystore import new_key

        forms = [f for f in (name_forms(name) for name in names) if f]
        if not forms:
            return cls("", [], 0)
        key = new_key()
        hashes = {keyed_digest(key, form) for group in forms for form in group}
        return cls("", sorted(hashes), len(forms), key=key)

    @classmethod
    def from_yaml(cls, value: dict[str, Any]) -> GuardedNames | None:
        """The stored form (``key``, ``hashes``, ``count``; or an old ``salt``), or None when
        ``value`` is not one."""
        hashes = value.get("hashes")
        if not isinstance(hashes, list) or not all(isinstance(h, str) and _HASH.match(h)
                                                   for h in hashes):
            return None
        count = value.get("count", 0)
        count = count if isinstance(count, int) and not isinstance(count, bool) else 0
        key_id, salt = value.get("key"), value.get("salt")
        if isinstance(key_id, str) and salt is None:
            from commgen.foundation.keystore import valid_id

            return cls(key_id, list(hashes), count) if valid_id(key_id) else None
        if isinstance(salt, str) and key_id is None:
            return cls("", list(hashes), count, salt=salt)
        return None

    def as_yaml(self) -> dict[str, Any]:
        """The form for an answers file: the key's id, never the key (stored now, on this
        computer, if it was only in memory)."""
        if self.salt is not None:  # kept as read until the names are given again
            return {"salt": self.salt, "count": self.count, "hashes": list(self.hashes)}
        if not self.key_id and self.key is not None and self.hashes:
            from commgen.foundation.keystore import store_key

            self.key_id = store_key(self.key)
        return {"key": self.key_id, "count": self.count, "hashes": list(self.hashes)}

    @property
    def weak(self) -> bool:
        """Hashes from an older commgen, whose salt sat beside them in the file."""
        return self.salt is not None

    @property
    def available(self) -> bool:
        """Whether this computer can recognise the names (it holds the key, or the hashes
        are the old weak ones)."""
        if not self.hashes:
            return False
        if self.weak or self.key is not None:
            return True
        from commgen.foundation.keystore import load_key

        return load_key(self.key_id) is not None

    def digest(self, form: str) -> str | None:
        """The stored hash of one normalised form, or None when the key is not here."""
        if self.salt is not None:
            return _weak_digest(self.salt, form)
        from commgen.foundation.keystore import load_key

        key = self.key if self.key is not None else load_key(self.key_id)
        return keyed_digest(key, form) if key is not None else None

    def matches(self, text: str) -> bool:
        """Whether ``text`` (a word or a full name) is one of the guarded forms."""
        value = self.digest(normalise(text))
        return value is not None and value in set(self.hashes)

    def __bool__(self) -> bool:
        return bool(self.hashes)


def names_key_missing() -> str:
    """Why names from this file cannot be checked here, and what to do."""
    from commgen.foundation.i18n import _

    return _("the names of the pupils involved were given on another computer, or their key "
             "was forgotten: this computer cannot recognise them. Give the names again with "
             "commgen new --resume, or make the documents on the computer where they were "
             "given")


def names_weak() -> str:
    from commgen.foundation.i18n import _

    return _("the names of the pupils involved were saved by an older commgen with a weak "
             "code, which someone with this file could undo. They still protect the documents; "
             "give them again (commgen new --resume) to save them safely")

