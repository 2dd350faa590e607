"""Names of the pupils involved, kept only as salted hashes.

The interview asks for these names so that the privacy checks can refuse them in any
document. They are never written in clear text: the answers file holds a random salt and the
SHA-256 hashes of each name's normalised forms (the whole name and each part), so the file can
be shared with the board without the names, and a checker can still recognise them in a text.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from typing import Any

_SEPARATORS = re.compile(r"[\s\-‐‑'’`.]+")


def normalise(name: str) -> str:
    """Case, accents and punctuation do not matter: "Zoë  van-Dijk" -> "zoe van dijk"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(part for part in _SEPARATORS.split(plain) if part)


def name_forms(name: str) -> set[str]:
    """The whole name and every part of at least two letters."""
    whole = normalise(name)
    if not whole:
        return set()
    return {whole} | {part for part in whole.split() if len(part) >= 2}


def digest(salt: str, form: str) -> str:
    return hashlib.sha256(f"{salt}\x00{form}".encode()).hexdigest()


@dataclass
class GuardedNames:
    """What is stored: a salt, the hashes and how many names were given (for the review)."""

    salt: str
    hashes: list[str] = field(default_factory=list)
    count: int = 0

    @classmethod
    def from_names(cls, names: list[str], salt: str | None = None) -> GuardedNames:
        salt = salt or secrets.token_hex(16)
        hashes: set[str] = set()
        count = 0
        for name in names:
            forms = name_forms(name)
            if forms:
                count += 1
                hashes.update(digest(salt, form) for form in forms)
        return cls(salt, sorted(hashes), count)

    def as_yaml(self) -> dict[str, Any]:
        return {"salt": self.salt, "count": self.count, "hashes": list(self.hashes)}

    def matches(self, text: str) -> bool:
        """Whether ``text`` (a word or a full name) is one of the guarded forms."""
        return digest(self.salt, normalise(text)) in set(self.hashes)

    def __bool__(self) -> bool:
        return bool(self.hashes)
