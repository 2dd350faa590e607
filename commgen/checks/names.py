"""Names: the guarded names of the pupils involved (matched on salted hashes), and any other
person's name (found by deduce's Dutch name lists).

Guarded names are stored only as hashes of normalised forms (see ``questions.guard``). To find
them, every word and every run of two to four words of the text is normalised the same way
(case, accents, punctuation), hashed with the same salt and compared; a possessive ("Sannes",
"Roos'") is tried without its ending. A match on a surname takes the initials and the
interfix in front of it along ("S. de Vries"). The interfixes and titles are data
(``woorden.yaml``: ``tussenvoegsels``, ``naam_titels``), passed in normalised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from commgen.questions.guard import SPACED_LETTERS, GuardedNames, normalise, visible

MAX_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+")
_JOIN = re.compile(r"[\s\-‐‑'’`.]*")


def _words(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text``; letters joined by dots or hyphens ("S.a.n.n.e") are one word."""
    spaced = [(m.start(), m.end(), m.group()) for m in SPACED_LETTERS.finditer(text)]
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)
             if not any(s <= m.start() < e for s, e, _w in spaced)]
    return sorted(words + spaced)


def _contiguous(text: str, words: list[tuple[int, int, str]]) -> bool:
    return all(_JOIN.fullmatch(text[a[1]:b[0]]) for a, b in pairwise(words))


def _variants(words: list[str]) -> set[str]:
    """The normalised form, and the form without a possessive ending on the last word."""
    base = normalise(" ".join(words))
    forms = {base}
    last = words[-1]
    if len(last) > 3 and last[-1] in "sS":
        forms.add(normalise(" ".join([*words[:-1], last[:-1]])))
    return forms


def guarded_spans(text: str, guards: Iterable[GuardedNames], interfixes: frozenset[str]
                  ) -> list[tuple[int, int]]:
    """Where any guarded name occurs in ``text``, in any of its forms, also with invisible
    characters inside it (the spans count in ``text`` itself)."""
    tables = [(g, set(g.hashes)) for g in guards if g and g.available]
    if not tables:
        return []
    original = text
    text, offsets = visible(original)
    words = _words(text)
    spans: list[tuple[int, int]] = []
    for i in range(len(words)):
        for n in range(MAX_WORDS, 0, -1):
            group = words[i:i + n]
            if len(group) < n:
                continue
            if n == 1 and normalise(group[0][2]) in interfixes:
                continue
            if n > 1 and not _contiguous(text, group):
                continue
            forms = _variants([w[2] for w in group])
            if any(guard.digest(form) in hashes for guard, hashes in tables for form in forms):
                spans.append((_extend_left(text, words, i, interfixes), group[-1][1]))
                break
    if len(text) != len(original):  # back to the places in the text as it was given
        spans = [(offsets[s], offsets[e - 1] + 1) for s, e in spans]
    return _merge(spans)


def _extend_left(text: str, words: list[tuple[int, int, str]], i: int,
                 interfixes: frozenset[str]) -> int:
    """Take initials and the interfix between them and a surname along ("S. de Vries"); a
    lowercase "van" before a first name ("van Sannes") is an ordinary word and stays out."""
    start = words[i][0]
    j = i - 1
    chain: list[int] = []
    while j >= 0 and _JOIN.fullmatch(text[words[j][1]:(words[j + 1][0])]):
        word = words[j][2]
        initial = len(word) == 1 and word.isupper() and text[words[j][1]:words[j][1] + 1] == "."
        if initial:
            start = words[j][0]
            chain.clear()
        elif word.lower() in interfixes:
            chain.append(words[j][0])
        else:
            break
        j -= 1
    if chain and words[i - len(chain)][2][:1].isupper():  # "De Vries", "Van Dijk"
        start = min(start, chain[-1])
    return start


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def name_tokens(passage: str, titles: frozenset[str], interfixes: frozenset[str]) -> list[str]:
    """The parts of a name that identify someone: without titles and interfixes."""
    return [t for t in normalise(passage).split() if t not in titles and t not in interfixes]
