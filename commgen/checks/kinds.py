"""Vocabularies of kinds for the phrasing rules (``regels/woordsoorten.yaml``).

A rule names a kind of word instead of listing its words: ``{beeld}`` in a pattern of a rule
file stands for every word of the list ``beeld`` ("foto", "filmpje", "naaktfoto's" ...), so a
rule says the structure ("bewaar + een beeldwoord") and the foundation keeps the words. A word
in a list is literal text, except that ``...`` at its start or end stands for the rest of a word
(``...schandaal`` also finds "sextape-schandaal", ``vriend...`` "vriendinnetje") and a space
for any run of white space. A reference to a list that does not exist is reported with the
rule file, its line and the list names there are. The file is read once per process and file
version.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from commgen.foundation.errors import CatalogError, Problem
from commgen.foundation.i18n import _
from commgen.foundation.yamlfile import load_mapping

KINDS_FILE = "woordsoorten.yaml"
_NAME = r"[a-z][a-z0-9_]*"
WILDCARD = "..."
REFERENCE = re.compile(rf"\{{({_NAME})\}}")  # {beeld}; {0,3} is a repeat, not a list


def word_pattern(word: str) -> str:
    """One word of a list as a pattern: literal, ``...`` for the rest of a word."""
    word = " ".join(word.split())
    head = word.startswith(WILDCARD)
    tail = word.endswith(WILDCARD) and len(word) > len(WILDCARD)
    core = word[len(WILDCARD) if head else 0:len(word) - len(WILDCARD) if tail else None]
    body = re.escape(core).replace(r"\ ", r"\s+")
    return (r"[\w\-]*" if head else "") + body + (r"[\w\-]*" if tail else "")


def alternation(words: tuple[str, ...]) -> str:
    """The list as a group of alternatives, longest first (so "foto's" is tried before
    "foto"), words without a wildcard before words with one."""
    ordered = sorted(set(words), key=lambda w: (WILDCARD in w, -len(w), w))
    # One plain group: the rule around it is tried by first character already
    # (``checks.patterns``), and doing it here too would multiply the pattern's size.
    return "(?:" + "|".join(word_pattern(w) for w in ordered) + ")"


@lru_cache(maxsize=8)
def _load(path: Path, _stamp: tuple[int, int]) -> dict[str, str]:
    data, problems = load_mapping(path)
    kinds: dict[str, str] = {}
    for key, value in data.items():
        if not isinstance(key, str) or not re.fullmatch(_NAME, key):
            problems.append(Problem(_("a list name is written in small letters, digits and _ "
                                      "(beeld, verwant_woorden)"), path, data.line_of(key),
                                    str(key)))
            continue
        words = value if isinstance(value, list) else None
        if not words or not all(isinstance(w, str) and w.replace(WILDCARD, "").strip()
                                 for w in words):
            problems.append(Problem(_("expected a list of words"), path, data.line_of(key),
                                    key))
            continue
        kinds[key] = alternation(tuple(words))
    if problems:
        raise CatalogError(_("The check rules cannot be used:"), problems)
    return kinds


def load_kinds(folder: Path) -> dict[str, str]:
    """The lists of ``woordsoorten.yaml`` in a rules folder, each as a pattern; none when the
    folder has no such file."""
    path = (folder / KINDS_FILE).resolve()
    try:
        stat = path.stat()
    except OSError:
        return {}
    return _load(path, (stat.st_mtime_ns, stat.st_size))


def expand(pattern: str, kinds: dict[str, str]) -> tuple[str, list[str]]:
    """The pattern with every ``{list}`` replaced by its words; and the unknown list names."""
    unknown: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in kinds:
            return kinds[name]
        unknown.append(name)
        return match.group()

    return REFERENCE.sub(replace, pattern), unknown
