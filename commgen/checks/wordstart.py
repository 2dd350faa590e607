"""Detector patterns that begin with ``\\w*``, searched from the start of words only.

A pattern such as ``(?i:\\w*(?:groepschat|kanaal|server))\\s+#`` is tried by ``re`` at every
position of the text, and from each position inside a word ``\\w*`` runs to the end of the
word: a word of n letters costs n*n steps (9000 letters in one answer took a detector most
of a minute). The same matches come from fewer starts. If the pattern matches at a position
just after a word character, it matches one position earlier too (``\\w*`` takes that
character as well, whatever follows is the same), so the leftmost match of a search begins
where the search begins or after a character that is no word character. ``WordStartPattern``
therefore tries the pattern itself at the search's first position and otherwise searches
with ``(?<!\\w)`` in front: the same match objects' spans, groups and order as the pattern's
own ``finditer`` and ``search`` (``tests/test_speed_warm.py`` compares them). Only a pattern
that cannot match the empty string and whose ``\\w*`` has no upper bound qualifies; every
other use (``match``, ``sub``, ...) goes to the pattern itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from commgen.checks.patterns import compile_pattern

try:  # Python 3.11+
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_C = _sre_constants
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
# the source's own beginning: groups opened, then \w* (only such a pattern is parsed)
_BEGINS = re.compile(r"(?:\((?:\?[aiLmsux\-]*:|\?P<\w+>)?)*\\w\*")


def starts_with_any_word(pattern: str, flags: int = 0) -> bool:
    """Whether every match of ``pattern`` begins with an unbounded ``\\w*`` (or ``\\w*?``) and
    no match is empty."""
    if not isinstance(pattern, str) or not _BEGINS.match(pattern) \
            or _GLOBAL_FLAGS.search(pattern) or flags & re.VERBOSE:
        return False
    try:
        parsed = _sre_parse.parse(pattern, flags)
        if parsed.getwidth()[0] == 0:
            return False
    except (re.error, RecursionError, OverflowError):
        return False
    items = list(parsed)
    while items:
        op, av = items[0]
        if op is _C.SUBPATTERN:
            items = list(av[-1])
            continue
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            low, high, body = av
            body = list(body)
            return (low == 0 and high is _C.MAXREPEAT and len(body) == 1
                    and body[0] == (_C.IN, [(_C.CATEGORY, _C.CATEGORY_WORD)]))
        return False
    return False


class WordStartPattern:
    """A compiled pattern whose ``finditer`` and ``search`` start only at the search's first
    position and after non-word characters (see the module's text)."""

    __slots__ = ("at_word_start", "compiled", "word")

    def __init__(self, compiled: re.Pattern[str], at_word_start: re.Pattern[str]) -> None:
        self.compiled, self.at_word_start = compiled, at_word_start
        self.word = re.compile(r"\w", compiled.flags & re.ASCII)

    def search(self, text: str, pos: int = 0, endpos: int | None = None
               ) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        if 0 < pos <= end and self.word.match(text, pos - 1):
            found = self.compiled.match(text, pos, end)
            if found is not None:
                return found
        return self.at_word_start.search(text, pos, end)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None
                 ) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        while pos <= end:
            found = self.search(text, pos, end)
            if found is None:
                return
            yield found
            pos = found.end()  # never empty (checked when made): the next starts there

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        groups = self.compiled.groups
        return [m.group() if groups == 0 else m.group(1) if groups == 1 else m.groups()
                for m in self.finditer(text, pos, endpos)]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

    def __eq__(self, other: object) -> bool:
        return self.compiled == (other.compiled if isinstance(other, WordStartPattern)
                                 else other)

    def __hash__(self) -> int:
        return hash(self.compiled)

    def __repr__(self) -> str:
        return f"WordStartPattern({self.compiled!r})"


def compile_detector(pattern: str, flags: int = 0,
                     validate: Callable[[], None] | None = None,
                     faster: Callable[[], str] | None = None,
                     lazy: bool = True) -> Any:
    """``patterns.compile_pattern``; a pattern that begins with ``\\w*`` as a
    ``WordStartPattern``; one that ``re`` searches by trying every position (no literal or
    character-set prefix) with a look-ahead for its first characters in front
    (``first_character_lead``)."""
    if faster is None and not starts_with_any_word(pattern, flags):
        lead = first_character_lead(pattern, flags)
        if lead:
            return compile_pattern(f"{lead}(?:{pattern})", flags, validate, lazy=lazy)
    compiled = compile_pattern(pattern, flags, validate, faster, lazy)
    if faster is not None or not starts_with_any_word(pattern, flags):
        return compiled
    return WordStartPattern(compiled, compile_pattern(rf"(?<!\w)(?:{pattern})", flags,
                                                      lazy=False))


# --- a look-ahead for the first characters ---------------------------------------------------
# A pattern that begins with ``\b``, a look-behind or an alternation under IGNORECASE gives
# ``re`` no prefix to skip to: it tries the whole pattern at every position of the text (at a
# word start every alternative of ``(?:(?=[Aa])(?:alle|aan)|(?=[Bb])...)`` in turn). With
# ``(?=[...])`` of the characters every match starts with in front, a position whose character
# is none of them fails at once. The look-ahead holds wherever the pattern matches (the
# characters are those of the pattern's own first items, under the same flags), so the
# matches, their spans and groups are the same; it adds no group. Decided once per pattern
# (parsing it is slow) and kept like the rules' first words: shipped in ``precompiled.json``
# for the detectors the samples compile, in the user cache for any other.
_LEAD_FORMAT = "1"


def first_character_lead(pattern: str, flags: int) -> str:
    """``(?=[...])`` of the characters a match of ``pattern`` starts with, or "" when the
    pattern is not understood, could start with any character or an empty match, or already
    has a prefix ``re`` skips to."""
    from commgen.foundation.cache import cached_json

    if not isinstance(pattern, str):
        return ""
    lead = cached_json("first-chars", [_LEAD_FORMAT, str(int(flags)), pattern],
                       lambda: _lead(pattern, flags))
    return lead if isinstance(lead, str) else ""


def _lead(pattern: str, flags: int) -> str:
    from commgen.checks.patterns import first_characters
    from commgen.foundation.shipped import compiled_code

    if _GLOBAL_FLAGS.search(pattern) or flags & re.VERBOSE:
        return ""  # "(?:" + a global flag or a comment to the end of the line: not the same
    chars = first_characters(pattern, flags)
    if not chars:
        return ""
    try:
        code = compiled_code(pattern, flags)[1]
        prefixed = code[0] == _C.INFO and code[2] & (_C.SRE_INFO_PREFIX | _C.SRE_INFO_CHARSET)
        lead = "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"
        plain, led = re.compile(pattern, flags), re.compile(f"{lead}(?:{pattern})", flags)
    except (re.error, AttributeError, TypeError, ValueError, IndexError, RecursionError):
        return ""
    if prefixed or led.groups != plain.groups or led.groupindex != plain.groupindex:
        return ""
    return lead
