"""Compiled regular expressions kept on disk, so the check rules are compiled once, not on
every start.

Python compiles a pattern in two steps: its parser and code generator (pure Python, slow for
the long alternatives of the rule files: about 0.1 s for all of them) and ``_sre.compile``
(C, fast). The generated code is a list of numbers; this module stores it in the user cache
folder, one small file per pattern named by the hash of the pattern, its flags and the Python
version, and builds the pattern from it the next time. Anything unexpected (another Python,
a damaged or unwritable cache, internals that moved) falls back to ``re.compile``: the cache
only ever saves time, it never changes a result.
"""

from __future__ import annotations

import marshal
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from commgen.foundation.cache import entry, get, has, put
from commgen.foundation.shipped import SHIPPED_TABLE, compiled_code

try:  # the two halves of re.compile (Python 3.11 and later; 3.10 names them sre_*)
    import _sre
    from re import _constants, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - an older or another Python: no disk cache
    _sre = None

_FORMAT = 4  # of the stored files; a new format or a new Python makes new file names
_VERSION = f"{_FORMAT}-{sys.implementation.name}-{sys.version}-{getattr(_sre, 'MAGIC', 0)}"


def _path(pattern: str, flags: int) -> Path:
    return entry("patterns", _VERSION, str(int(flags)), pattern)


def _from_disk(key: str, flags: int) -> re.Pattern[str] | None:
    stored = get(_path(key, flags))
    if stored is None:
        return None
    try:
        source, stored_flags, code, groups, groupindex, indexgroup = marshal.loads(stored)
        return _sre.compile(source, stored_flags, code, groups, groupindex, tuple(indexgroup))
    except (OSError, ValueError, TypeError, EOFError, RuntimeError):
        return None  # not there yet, or not usable: compile it again


def _compile_and_store(key: str, source: str, flags: int) -> re.Pattern[str]:
    """What ``re._compiler.compile`` does, keeping the generated code."""
    cflags, code, groups, groupindex, indexgroup = compiled_code(source, flags)
    compiled = _sre.compile(source, cflags, code, groups, groupindex, indexgroup)
    _store(key, flags, (source, cflags, code, groups, groupindex, list(indexgroup)))
    return compiled


def _store(key: str, flags: int, stored: tuple[Any, ...]) -> None:
    put(_path(key, flags), marshal.dumps(stored))  # a read-only cache: compile again next time


def _shipped(key: str, flags: int) -> re.Pattern[str] | None:
    """The pattern from the code ``precompiled.json`` ships for it (a first run), kept in the
    user cache like one compiled here; None when it is not shipped."""
    code = SHIPPED_TABLE.code(key, flags)
    if code is None:
        return None
    try:
        compiled = _sre.compile(key, *code)
    except (TypeError, ValueError, RuntimeError, OverflowError):
        return None
    cflags, generated, groups, groupindex, indexgroup = code
    _store(key, flags, (key, cflags, generated, groups, groupindex, list(indexgroup)))
    return compiled


class LazyPattern:
    """A pattern whose code is in the disk cache, read from there when it is first used: a
    run whose review is found in the cache (a warm run) never searches with the rules, and
    reading their compiled code (megabytes) was a tenth of its start. ``pattern`` is there
    without reading; everything else is the compiled pattern's. Its entry was made from the
    same source by a compile that validated it; an entry gone or damaged by then is compiled
    again from the source."""

    __slots__ = ("_compiled", "_flags", "pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern, self._flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        found = self._compiled
        if found is None:
            found = _from_disk(self.pattern, self._flags) or _shipped(self.pattern, self._flags)
            if found is None:
                found = _compile_and_store(self.pattern, self.pattern, self._flags)
            self._compiled = found
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:40]!r}...)"


def compile_pattern(pattern: str, flags: int = 0,
                    validate: Callable[[], None] | None = None,
                    faster: Callable[[], str] | None = None,
                    lazy: bool = True) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the disk cache when it is there, else from the
    code ``precompiled.json`` ships (when ``faster`` is not given: its source is another).
    Only when the pattern is compiled anew: ``validate`` runs (it may raise ``re.error`` with
    a better place), and ``faster`` may give an equivalent source that runs faster. ``lazy``
    (the rules' patterns): one in the disk cache is read from there when first used
    (``LazyPattern``)."""
    if _sre is None or not isinstance(pattern, str):
        return re.compile(faster() if faster else pattern, flags)
    if lazy and faster is None and has(_path(pattern, flags)):
        return LazyPattern(pattern, flags)  # type: ignore[return-value]
    found = _from_disk(pattern, flags)
    if found is None and faster is None:
        found = _shipped(pattern, flags)
    if found is not None:
        return found
    if validate is not None:
        validate()
    source = faster() if faster else pattern
    try:
        return _compile_and_store(pattern, source, flags)
    except (AttributeError, TypeError):  # internals changed in this Python: no cache
        return re.compile(source, flags)


# --- alternatives tried by their first character ---------------------------------------------
def first_characters(pattern: str, flags: int) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with; None when it could start with
    any (a class such as ``\\w``, an empty match) or the pattern is not understood."""
    if _sre is None:
        return None
    try:
        chars, nullable = _first(_parser.parse(pattern, flags))
    except (re.error, AttributeError, TypeError, ValueError):
        return None
    return None if chars is None or nullable else frozenset(chars)


def _first(items: Iterable[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """(first characters, can it match nothing) of a parsed sequence."""
    c = _constants
    result: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            return result | {chr(av)}, False
        if op is c.IN:
            chars = _charset(av)
            return (None if chars is None else result | chars), False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: the next item gives the first character
        if op is c.SUBPATTERN:
            if av[1] or av[2]:  # flags changed inside: not worth understanding
                return None, False
            chars, nullable = _first(av[3])
        elif op is c.BRANCH:
            chars, nullable = set(), False
            for branch in av[1]:
                more, empty = _first(branch)
                if more is None:
                    return None, False
                chars |= more
                nullable = nullable or empty
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            chars, nullable = _first(av[2])
            nullable = nullable or av[0] == 0
        elif op is getattr(c, "ATOMIC_GROUP", None):
            chars, nullable = _first(av)
        else:
            return None, False
        if chars is None:
            return None, False
        result |= chars
        if not nullable:
            return result, False
    return result, True


def _charset(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
    c = _constants
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] <= 64:
            chars.update(chr(i) for i in range(av[0], av[1] + 1))
        else:  # a category, a negation, a wide range
            return None
    return chars


def by_first_character(parts: list[str], flags: int, labels: list[str] | None = None,
                       firsts: list[frozenset[str] | None] | None = None) -> str | None:
    """One non-capturing alternation of ``parts`` in which each part is tried only where the
    text starts with a character it can start with: ``(?=[nN])(?:naakt|...)|(?=[bB])...``.
    The parts keep their order, so the same match is found as by ``(?:a|b|...)``; at a
    position only the few parts that can match there are tried. With ``labels`` every copy
    of part i is a named group ``{labels[i]}_{n}``, so a match tells which part it was.
    ``firsts``: the first characters when they are known without reading the parts (literal
    words); upper and lower case then go together. None if not worth it."""
    ignorecase = bool(flags & re.IGNORECASE) or firsts is not None
    if firsts is None:
        firsts = [first_characters(part, flags) for part in parts]
    keys: dict[str, set[str]] = {}
    for chars in firsts:
        for char in chars or ():
            keys.setdefault(char.lower() if ignorecase else char, set()).update(
                {char, char.lower(), char.upper()} if ignorecase else {char})
    if len(keys) < 2:
        return None
    copies = iter(range(1 << 30))

    def member(i: int) -> str:
        return f"(?P<{labels[i]}_{next(copies)}>{parts[i]})" if labels else f"(?:{parts[i]})"

    groups = []
    for key, chars in sorted(keys.items()):
        members = [member(i) for i, first in enumerate(firsts)
                   if first is None or key in {ch.lower() if ignorecase else ch for ch in first}]
        groups.append(f"(?={_class(chars | {key})})(?:{'|'.join(members)})")
    anywhere = [member(i) for i, first in enumerate(firsts) if first is None]
    if anywhere:
        every = set().union(*keys.values(), keys)
        groups.append(f"(?!{_class(every)})(?:{'|'.join(anywhere)})")
    return "(?:" + "|".join(groups) + ")"


def _class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"


# --- the first word of a match ----------------------------------------------------------------
_MAX_WORDS = 2000  # first words of one pattern, at most (more: the pattern is not keyed)


def first_words(pattern: str, flags: int) -> tuple[frozenset[str], frozenset[str]] | None:
    """What the first word of a match of ``pattern`` (put between ``(?<![\\w-])`` and
    ``(?![\\w])``) can be: (whole words, beginnings of words), in lower case under
    IGNORECASE; None when the match may start with something else than a word character or
    the first word is not known from the pattern. Every match starts with a word that is one
    of the whole words or begins with one of the beginnings (a necessary condition, so a
    search may skip every other place)."""
    if _sre is None:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        if parsed.getwidth()[0] == 0:
            return None
        done, open_ = _words(list(parsed), {""}, flags)
    except (_NotKeyed, re.error, AttributeError, TypeError, ValueError, RecursionError):
        return None
    done |= {(w, True) for w in open_}  # the pattern ends: (?![\w]) follows
    if any(not w for w, _exact in done) or len(done) > _MAX_WORDS:
        return None
    ignorecase = bool(flags & re.IGNORECASE)
    words, starts = set(), set()
    for word, exact in done:
        if ignorecase:
            if any(ord(ch) > 0xFF or ch in "µıſ" for ch in word):
                return None  # a letter with a case partner outside Latin-1: not keyed
            word = word.lower()
        (words if exact else starts).add(word)
    return frozenset(words), frozenset(starts)


def may_be_empty(pattern: str, flags: int) -> bool:
    """Whether a match of ``pattern`` may be empty (True when it does not parse)."""
    if _sre is None:
        return True
    try:
        return _parser.parse(pattern, flags).getwidth()[0] == 0
    except (re.error, AttributeError, TypeError, ValueError, RecursionError):
        return True


class _NotKeyed(Exception):
    pass


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _words(items: list[tuple[Any, Any]], partials: set[str], flags: int
           ) -> tuple[set[tuple[str, bool]], set[str]]:
    """Walk a parsed sequence with the possible beginnings of the first word so far: the
    first words known to be finished (word, whole) and the beginnings still open."""
    c = _constants
    done: set[tuple[str, bool]] = set()

    def stop(exact: bool) -> tuple[set[tuple[str, bool]], set[str]]:
        if not exact and "" in partials:
            raise _NotKeyed
        return done | {(p, exact) for p in partials}, set()

    for op, av in items:
        if not partials:
            break
        if len(partials) > _MAX_WORDS:
            raise _NotKeyed
        if op is c.LITERAL:
            ch = chr(av)
            if not _is_word(ch):
                if "" in partials:
                    raise _NotKeyed
                return stop(True)
            partials = {p + ch for p in partials}
        elif op is c.IN:
            chars = _charset(av)
            if chars is None:
                if any(o is c.CATEGORY and a is c.CATEGORY_SPACE for o, a in av) and len(av) == 1:
                    if "" in partials:
                        raise _NotKeyed
                    return stop(True)
                return stop(False)
            if all(not _is_word(ch) for ch in chars):
                if "" in partials:
                    raise _NotKeyed
                return stop(True)
            if not all(_is_word(ch) for ch in chars) or len(chars) > 8:
                return stop(False)
            partials = {p + ch for p in partials for ch in chars}
        elif op is c.AT:
            if av is not c.AT_BOUNDARY:
                return stop(False)
            if "" not in partials:  # after a word character: the word ends here
                return stop(True)
            if len(partials) > 1:
                raise _NotKeyed
        elif op in (c.ASSERT, c.ASSERT_NOT):
            continue  # a condition only: the words without it are more, never fewer
        elif op is c.SUBPATTERN:
            if av[1] or av[2]:  # flags changed inside
                return stop(False)
            more, partials = _words(list(av[3]), partials, flags)
            done |= more
        elif op is getattr(c, "ATOMIC_GROUP", None):
            more, partials = _words(list(av), partials, flags)
            done |= more
        elif op is c.BRANCH:
            opened: set[str] = set()
            for branch in av[1]:
                more, still = _words(list(branch), set(partials), flags)
                done |= more
                opened |= still
            partials = opened
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, high, sub = av
            if high == 1:
                more, once = _words(list(sub), set(partials), flags)
                done |= more
                partials = once | (partials if low == 0 else set())
            elif _only_space(list(sub)):
                if "" in partials:  # the match may start with white space
                    raise _NotKeyed
                if low == 0:
                    done |= {(p, True) for p in partials}
                else:
                    if "" in partials:
                        raise _NotKeyed
                    return stop(True)
            else:  # "(?:(?:een|de)\s+)+": when the first time round ends the word, that is it
                more, still = _words(list(sub), set(partials), flags)
                if still:
                    return stop(False)
                done |= more
                partials = partials if low == 0 else set()
        else:
            return stop(False)
    return done, partials


def _only_space(items: list[tuple[Any, Any]]) -> bool:
    """A sequence of one class of white space or non-word characters (``\\s``, ``[\\s,]``)."""
    c = _constants
    if len(items) != 1:
        return False
    op, av = items[0]
    if op is c.LITERAL:
        return not _is_word(chr(av))
    if op is c.IN:
        if all(o is c.CATEGORY and a is c.CATEGORY_SPACE for o, a in av):
            return True
        chars = _charset(av)
        return chars is not None and all(not _is_word(ch) for ch in chars)
    return False
