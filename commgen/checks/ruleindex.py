"""Where a phrasing rule's match can start, so the rule's pattern is tried only there.

A rule's pattern is a long alternation (``(?<![\\w-])(?:a|b|...)(?![\\w])``); searched over a
text, the regex engine tries it at every character. Nearly every alternative starts with a
word from a short list ("stuur", "de", "een", a kind of word from ``woordsoorten.yaml``):
``checks.patterns.first_words`` reads those words from the pattern. The text is cut into words
once (one ``\\w+`` pass, shared by all rules); a dict from first word to rules says at which
words each rule can match, and there ``pattern.match(text, pos)`` gives exactly the match
``pattern.finditer`` would give. The few alternatives whose first word is not known (one that
starts with ``[\\w-]*``) are searched as one smaller pattern, and their places are merged in.
A rule that cannot be keyed at all (``nonword``, case-sensitive, an alternative that may
match nothing) is searched as before. The findings are the same; only the work is less.

The first words of a rule are computed once (the pattern's parser is slow) and kept in the
user cache with the compiled patterns.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from commgen.checks.patterns import compile_pattern, first_words, may_be_empty
from commgen.foundation.cache import cached_json
from commgen.foundation.regexcache import compile_apart

_WORD = re.compile(r"\w+")
_BUCKET = 3  # a beginning of a word is looked up by its first three letters
_FORMAT = "2"
_NOWHERE = sys.maxsize
SWAP_GROUP = "swap"  # rules.SWAP_GROUP (rules imports this module)
# a reference to a group by its number or name: other alternatives would change the numbers
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


@dataclass(frozen=True)
class RuleKeys:
    """The first words a match of a rule can have (lower case): whole words and beginnings
    of words; ``rest`` finds the alternatives whose first word is not known."""

    words: frozenset[str]
    starts: frozenset[str]
    rest: re.Pattern[str] | None
    # per alternative: its (whole words, beginnings), None when not known (``rest``)
    parts: tuple[str, ...] = ()
    part_words: tuple[tuple[frozenset[str], tuple[str, ...]] | None, ...] = ()
    flags: int = 0
    narrowable: bool = False  # alternatives known one by one, no group referred to
    # per word: which alternatives can start with it; per alternative and capture: its pattern
    _chosen: dict[str, tuple[int, ...]] = field(
        default_factory=dict, compare=False, hash=False, repr=False)
    _alone: dict[tuple[int, bool], re.Pattern[str]] = field(
        default_factory=dict, compare=False, hash=False, repr=False)
    _by_word: dict[tuple[str, bool], tuple[re.Pattern[str], ...]] = field(
        default_factory=dict, compare=False, hash=False, repr=False)
    _tables: list[tuple[dict[str, list[int]], dict[str, list[int]], tuple[int, ...]]] = field(
        default_factory=list, compare=False, hash=False, repr=False)

    def alternatives(self, word: str, capture: bool) -> tuple[re.Pattern[str], ...]:
        """The rule's alternatives whose match can start with ``word`` (lower case), in their
        order, each as a pattern of its own (the rule's pattern with that alternative only,
        its group name kept). The whole pattern matches at a place where ``word`` starts what
        the first of these that matches there matches: an alternation tries its
        alternatives in order, and the others cannot match there. Only for ``narrowable``.
        Kept per word: a text asks for the same words again and again."""
        found = self._by_word.get((word, capture))
        if found is None:
            found = self._by_word[(word, capture)] = tuple(
                self._alone_pattern(i, capture) for i in self._chosen_for(word))
        return found

    def _chosen_for(self, word: str) -> tuple[int, ...]:
        """The alternatives that can start with ``word``, in order: those that have it as a
        whole first word, those with a beginning it starts with, those not known."""
        chosen = self._chosen.get(word)
        if chosen is None:
            table = self._table()
            found = set(table[0].get(word, ()))
            starts = table[1]
            for n in range(1, len(word) + 1):
                found.update(starts.get(word[:n], ()))
            chosen = self._chosen[word] = tuple(sorted(found.union(table[2])))
        return chosen

    def _table(self) -> tuple[dict[str, list[int]], dict[str, list[int]], tuple[int, ...]]:
        """Per whole first word and per beginning: the alternatives with it; and those whose
        first word is not known (built once per rule)."""
        if not self._tables:
            words: dict[str, list[int]] = {}
            starts: dict[str, list[int]] = {}
            unknown = []
            for i, known in enumerate(self.part_words):
                if known is None:
                    unknown.append(i)
                    continue
                for w in known[0]:
                    words.setdefault(w, []).append(i)
                for b in known[1]:
                    starts.setdefault(b, []).append(i)
            self._tables.append((words, starts, tuple(unknown)))
        return self._tables[0]

    def _alone_pattern(self, i: int, capture: bool) -> re.Pattern[str]:
        alone = self._alone.get((i, capture))
        if alone is None:
            alone = self._alone[(i, capture)] = compile_apart(
                alternatives_source(self.parts, (i,), capture), self.flags, "alternatives")
        return alone


def rule_keys(parts: list[str], flags: int, nonword: bool) -> RuleKeys | None:
    """The keys of a rule with these alternatives (each between ``(?<![\\w-])`` and
    ``(?![\\w])``); None when the rule is searched as a whole."""
    if nonword or not flags & re.IGNORECASE or not parts:
        return None

    def compute() -> dict[str, Any]:
        words: set[str] = set()
        starts: set[str] = set()
        rest: list[int] = []
        per_part: list[list[list[str]] | None] = []
        empty = False  # an alternative that may match nothing: finditer's rules for those
        for i, part in enumerate(parts):
            found = first_words(part, flags)
            if found is None:
                rest.append(i)
                empty = empty or may_be_empty(part, flags)
                per_part.append(None)
            else:
                words |= found[0]
                starts |= found[1]
                per_part.append([sorted(found[0]), sorted(found[1])])
        return {"words": sorted(words), "starts": sorted(starts), "rest": rest,
                "empty": empty, "parts": per_part}

    try:
        value = cached_json("rulekeys", [_FORMAT, str(int(flags)), *parts], compute)
        if value["empty"]:
            return None
        rest_parts = [parts[i] for i in value["rest"]]
        rest = (compile_pattern(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in rest_parts)
                                + r")(?![\w])", flags) if rest_parts else None)
        part_words = tuple(None if known is None else (frozenset(known[0]), tuple(known[1]))
                           for known in value["parts"])
        if len(part_words) != len(parts):
            return None
        narrowable = _GROUP_REFERENCE.search("\0".join(parts)) is None  # one search
        return RuleKeys(frozenset(value["words"]), frozenset(value["starts"]), rest,
                        tuple(parts), part_words, int(flags), narrowable)
    except (KeyError, TypeError, ValueError, re.error):
        return None


def alternatives_source(parts: Sequence[str], chosen: Sequence[int], capture: bool) -> str:
    """The source of a rule's pattern (``rules._source``, not ``nonword``) with only the
    alternatives ``chosen``; with ``capture`` alternative i is the group ``swap{i}``."""
    groups = [f"(?P<{SWAP_GROUP}{i}>{parts[i]})" if capture else f"(?:{parts[i]})"
              for i in chosen]
    return rf"(?<![\w-])(?:{'|'.join(groups)})(?![\w])"


class Index:
    """The first words of several rules in one table: one pass over a text's words gives,
    per rule, the places where it can match."""

    def __init__(self, keys: Sequence[RuleKeys | None]) -> None:
        self.keys = list(keys)
        self.words: dict[str, list[int]] = {}
        self.buckets: dict[str, list[tuple[str, int]]] = {}
        self.short: list[tuple[str, int]] = []  # beginnings shorter than a bucket
        self.keyed = [i for i, k in enumerate(self.keys) if k is not None]
        for i in self.keyed:
            key = self.keys[i]
            assert key is not None
            for word in key.words:
                self.words.setdefault(word, []).append(i)
            for start in key.starts:
                if len(start) >= _BUCKET:
                    self.buckets.setdefault(start[:_BUCKET], []).append((start, i))
                else:
                    self.short.append((start, i))

    def places(self, text: str) -> list[list[int] | None]:
        """Per rule: the sorted places where its pattern can match (None: search it all)."""
        found: list[list[int] | None] = [None if k is None else [] for k in self.keys]
        if not self.keyed:
            return found
        words, buckets, short, keyed = self.words, self.buckets, self.short, self.keyed
        at_words: dict[int, str | None] = {}
        _WORDS_AT[0] = (text, at_words)  # for ``matches``: the word at each place
        for match in _WORD.finditer(text):
            start = match.start()
            if start and text[start - 1] == "-":
                continue  # (?<![\w-]) fails here
            word = match.group()
            if not (word.isascii() or _latin1(word)):
                at_words[start] = None
                for i in keyed:  # a letter with case partners beyond Latin-1: try every rule
                    found[i].append(start)  # type: ignore[union-attr]
                continue
            word = at_words[start] = word.lower()
            for i in words.get(word, ()):
                found[i].append(start)  # type: ignore[union-attr]
            for begin, i in buckets.get(word[:_BUCKET], ()):
                if word.startswith(begin):
                    found[i].append(start)  # type: ignore[union-attr]
            for begin, i in short:
                if word.startswith(begin):
                    found[i].append(start)  # type: ignore[union-attr]
        return found


# the last text ``Index.places`` went through and the word (lower case) at each of its
# places; None for a word with letters whose cases are not all in Latin-1
# (one tuple, replaced whole: a thread checking another text never sees half of it)
_WORDS_AT: list[tuple[str | None, dict[int, str | None]]] = [(None, {})]
_UNKNOWN = object()


def _tried(pattern: re.Pattern[str], keys: RuleKeys, text: str, at: int, capture: bool,
           at_words: dict[int, str | None] | None) -> re.Match[str] | None:
    """``pattern.match(text, at)``, tried with only the alternatives that can start with the
    word there (``RuleKeys.alternatives``); the whole pattern where no word starts or its
    letters' cases are not all in Latin-1 (the index's own rule for those)."""
    word = _UNKNOWN if at_words is None else at_words.get(at, _UNKNOWN)
    if word is _UNKNOWN:
        found = _WORD.match(text, at)
        word = None if found is None or not (found.group().isascii() or _latin1(
            found.group())) else found.group().lower()
    if word is None:
        return pattern.match(text, at)
    for alone in keys.alternatives(word, capture):  # type: ignore[arg-type]
        match = alone.match(text, at)
        if match is not None:
            return match
    return None


def _latin1(word: str) -> bool:
    """Only letters whose upper and lower case are both in Latin-1 (where ``str.lower`` and
    the regex engine's IGNORECASE agree)."""
    return max(word) <= "\xff" and "µ" not in word and "ÿ" not in word and "ß" not in word


def matches(pattern: re.Pattern[str], keys: RuleKeys, text: str,
            places: list[int]) -> list[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, tried only at ``places`` and where
    ``keys.rest`` matches."""
    found: list[re.Match[str]] = []
    pos, i = 0, 0
    rest, rest_at = keys.rest, -1
    capture = f"{SWAP_GROUP}0" in pattern.groupindex
    last_text, last_words = _WORDS_AT[0]
    at_words = last_words if last_text is text else None
    while True:
        i = bisect_left(places, pos, i)
        at = places[i] if i < len(places) else _NOWHERE
        if rest is not None and rest_at < pos:
            hit = rest.search(text, pos)
            rest_at = hit.start() if hit else _NOWHERE
            if hit is None:
                rest = None
        if rest is not None:
            at = min(at, rest_at)
        if at == _NOWHERE:
            return found
        match = (_tried(pattern, keys, text, at, capture, at_words) if keys.narrowable
                 else pattern.match(text, at))
        if match is not None and match.end() > at:
            found.append(match)
            pos = match.end()
        else:
            pos = at + 1
