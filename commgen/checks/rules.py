"""Phrasing rules the foundation maintains as YAML, in the style of the Vale linter.

One file per rule in ``snippets/<lang>/regels``. ``extends: existence`` flags every match of
``tokens``; ``extends: substitution`` flags every key of ``swap`` and offers its value as the
safer alternative. Matches inside an ``exceptions`` match are not findings. Keeping this in
data lets the foundation add a phrase the day it turns up in a real letter, without Python.
A pattern may name a list of ``woordsoorten.yaml`` as ``{list}`` (``checks.kinds``): the rule
keeps the structure of a kind of sentence, the list the words of a kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from commgen.checks import ruleindex
from commgen.checks.findings import CATEGORIES, Finding
from commgen.checks.kinds import KINDS_FILE, expand, load_kinds
from commgen.checks.patterns import compile_pattern
from commgen.checks.ruleindex import RuleKeys, rule_keys
from commgen.checks.spans import Spans
from commgen.foundation.concepts import SEVERITIES
from commgen.foundation.errors import CatalogError, Problem
from commgen.foundation.i18n import _
from commgen.foundation.yamlfile import LineDict, load_mapping

RULES_FOLDER = "regels"
_BY_LINE_FROM = 400  # characters: a shorter text (an answer) is searched at once
_LINES_KEPT = 20_000  # lines whose findings a rule keeps, at most
# Files in the rules folder that are settings, not rules.
SETTINGS_FILES = frozenset({"ernst.yaml", "detectoren.yaml", "toegestaan.yaml", "woorden.yaml",
                            "consistentie.yaml", "voornamen.yaml", KINDS_FILE})
_KEYS = ("extends", "category", "level", "message", "suggestion", "ignorecase", "nonword",
         "tokens", "swap", "exceptions", "description")
_KINDS = ("existence", "substitution")
SWAP_GROUP = "swap"


@dataclass
class Rule:
    """One compiled rule; ``swaps`` holds the alternative per group of a substitution."""

    name: str
    kind: str
    category: str
    level: str
    message: str
    suggestion: str | None
    pattern: re.Pattern[str]
    swaps: list[str] = field(default_factory=list)
    exceptions: re.Pattern[str] | None = None
    keys: RuleKeys | None = None  # where a match can start (``checks.ruleindex``)
    _lines: dict[str, list[list[Finding]]] = field(default_factory=dict, repr=False,
                                                   compare=False)

    def find(self, text: str) -> list[Finding]:
        """The findings in ``text``, looked for line by line: a rule's match never spans a
        paragraph, and the documents of one case share many paragraphs (help resources,
        the closing), so a line's findings are kept and found again without a search."""
        return find_all([self], text, self._lines)

    def _find(self, text: str, places: list[int] | None = None) -> list[Finding]:
        """The findings in one line (or a short text); ``places``: where the pattern can
        match (``checks.ruleindex``), or None to search the whole text."""
        if places is None or self.keys is None:
            matches = [m for m in self.pattern.finditer(text) if m.start() != m.end()]
        elif not places and self.keys.rest is None:
            return []
        else:
            matches = ruleindex.matches(self.pattern, self.keys, text, places)
        if matches and self.exceptions is not None:  # looked for only when there is a match
            excepted = Spans(m.span() for m in self.exceptions.finditer(text))
            matches = [m for m in matches if not excepted.contains(m.start(), m.end())]
        return [self._finding(m, m.start(), m.end()) for m in matches]

    @staticmethod
    def _swap_index(match: re.Match[str]) -> int:
        return _swap_index_of(match)

    def _finding(self, match: re.Match[str], start: int, end: int) -> Finding:
        passage = match.group(0)
        if self.kind == "substitution":
            index = self._swap_index(match)
            suggestion: str | None = self.swaps[index]
            message = _format(self.message, suggestion, passage)
        else:
            suggestion = self.suggestion
            message = _format(self.message, passage)
        return Finding(self.category, self.level, start, end, passage, message, suggestion,
                       self.name)


_INDEXES: dict[tuple[int, ...], tuple[list[Rule], ruleindex.Index]] = {}


def _index(rules: list[Rule]) -> ruleindex.Index:
    """The first-word table of these rules (built once per list of rules)."""
    key = tuple(id(r) for r in rules)
    kept = _INDEXES.get(key)
    if kept is None or any(a is not b for a, b in zip(kept[0], rules, strict=True)):
        if len(_INDEXES) > 32:
            _INDEXES.clear()
        kept = _INDEXES[key] = (list(rules), ruleindex.Index([r.keys for r in rules]))
    return kept[1]


def find_all(rules: list[Rule], text: str,
             lines: dict[str, list[list[Finding]]] | None = None) -> list[Finding]:
    """``[f for rule in rules for f in rule.find(text)]``, with the text cut into words once
    for all rules. A long text is looked for line by line; ``lines`` keeps each line's
    findings (per rule) to find them again without a search."""
    index = _index(rules)

    def per_rule(part: str) -> list[list[Finding]]:
        places = index.places(part)
        return [rule._find(part, where) for rule, where in zip(rules, places, strict=True)]

    if len(text) < _BY_LINE_FROM or "\n" not in text:
        return [f for found in per_rule(text) for f in found]
    kept = _LINES.setdefault(tuple(id(r) for r in rules), {}) if lines is None else lines
    if len(kept) > _LINES_KEPT:
        kept.clear()
    by_rule: list[list[Finding]] = [[] for _rule in rules]
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            found = kept.get(line)
            if found is None:
                found = kept[line] = per_rule(line)
            for into, line_findings in zip(by_rule, found, strict=True):
                into += [replace(f, start=f.start + offset, end=f.end + offset)
                         for f in line_findings] if offset else line_findings
        offset += len(line) + 1
    return [f for found in by_rule for f in found]


_LINES: dict[tuple[int, ...], dict[str, list[list[Finding]]]] = {}


def _swap_index_of(match: re.Match[str]) -> int:
    """Which alternative of a substitution matched: the named group ``swap{i}_{n}`` of the
    fast form, or the i-th group of the plain one."""
    for name, value in match.groupdict().items():
        if value is not None and name.startswith(SWAP_GROUP):
            return int(name[len(SWAP_GROUP):].partition("_")[0])
    return next(i for i, g in enumerate(match.groups()) if g is not None)


def _format(message: str, *values: str) -> str:
    """Vale's ``%s`` placeholders, filled in order."""
    for value in values:
        if "%s" not in message:
            break
        message = message.replace("%s", value, 1)
    return message


def _wrap(body: str, nonword: bool) -> str:
    return body if nonword else rf"(?<![\w-])(?:{body})(?![\w])"


def _source(parts: list[str], nonword: bool, capture: bool) -> str:
    """The alternatives in order; with ``capture`` part i is the group ``swap{i}``."""
    groups = [f"(?P<{SWAP_GROUP}{i}>{p})" if capture else f"(?:{p})" for i, p in enumerate(parts)]
    return _wrap("|".join(groups), nonword)


class _Invalid(Exception):
    """A pattern of a rule file does not compile (already reported as a problem)."""


def _string_list(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def parse_rule(path: Path, data: LineDict, problems: list[Problem],
               kinds: dict[str, str] | None = None) -> Rule | None:
    """Check one rule file's content; report every mistake with its line and key.
    ``kinds``: the word lists a pattern may name as ``{list}``."""
    before = len(problems)

    def problem(message: str, key: str | None) -> None:
        problems.append(Problem(message, path, data.line_of(key) if key else None, key))

    for key in data:
        if key not in _KEYS:
            problem(_("unknown key; allowed: {allowed}").format(allowed=", ".join(_KEYS)),
                    str(key))
    kind = data.get("extends")
    if kind not in _KINDS:
        problem(_("'extends' must be one of: {allowed}").format(allowed=", ".join(_KINDS)),
                "extends")
    category = data.get("category")
    if category not in CATEGORIES:
        problem(_("unknown category; allowed: {allowed}").format(
            allowed=", ".join(CATEGORIES)), "category")
    level = data.get("level", "error")
    if level not in SEVERITIES:
        problem(_("'level' must be error or warning"), "level")
    message = data.get("message")
    if not isinstance(message, str) or not message.strip():
        problem(_("a rule needs a 'message'"), "message")
    suggestion = data.get("suggestion")
    if suggestion is not None and not isinstance(suggestion, str):
        problem(_("expected text"), "suggestion")
    flags = re.IGNORECASE if data.get("ignorecase", True) else 0
    nonword = bool(data.get("nonword", False))

    parts: list[str] = []
    swaps: list[str] = []
    if kind == "substitution":
        swap = data.get("swap")
        if not isinstance(swap, dict) or not swap:
            problem(_("a substitution rule needs 'swap': unsafe phrase: safer phrase"), "swap")
        else:
            for key, value in swap.items():
                parts.append(str(key))
                swaps.append("" if value is None else str(value))
    elif kind == "existence":
        tokens = _string_list(data.get("tokens"))
        if not tokens:
            problem(_("an existence rule needs 'tokens': a list of patterns"), "tokens")
        else:
            parts = tokens
    exceptions = _string_list(data.get("exceptions", []))
    if exceptions is None:
        problem(_("expected a list of patterns"), "exceptions")

    def expanded(patterns: list[str], key: str) -> list[str]:
        result = []
        for pattern in patterns:
            text, unknown = expand(pattern, kinds or {})
            for name in unknown:
                problem(_("'{{{name}}}' is not a list of {file}; lists: {lists}").format(
                    name=name, file=KINDS_FILE, lists=", ".join(sorted(kinds or {})) or "-"),
                    key)
            result.append(text)
        return result

    parts = expanded(parts, "tokens" if kind == "existence" else "swap")
    exceptions = expanded(exceptions, "exceptions") if exceptions is not None else None
    pattern_lists = (("tokens" if kind == "existence" else "swap", parts),
                     ("exceptions", exceptions or []))

    def validate() -> None:
        """Each pattern on its own, so a mistake is reported with its key."""
        valid = True
        for key, patterns in pattern_lists:
            for pattern in patterns:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    valid = False
                    problem(_("'{pattern}' is not a valid pattern ({detail})").format(
                        pattern=pattern, detail=exc), key)
        if not valid:
            raise _Invalid

    if len(problems) > before:
        with suppress(_Invalid):
            validate()
        return None
    try:  # compiled from the disk cache; each part on its own only when that fails
        pattern = _compiled(_source(parts, nonword, kind == "substitution"), flags, validate,
                            problem, "tokens" if kind == "existence" else "swap")
        excepted = (_compiled(_source(exceptions, nonword, False), flags, validate, problem,
                              "exceptions") if exceptions else None)
    except _Invalid:
        return None
    return Rule(
        name=path.stem, kind=str(kind), category=str(category), level=str(level),
        message=str(message).strip(), suggestion=suggestion, pattern=pattern, swaps=swaps,
        exceptions=excepted, keys=rule_keys(parts, flags, nonword))


def _compiled(source: str, flags: int, validate: Callable[[], None],
              problem: Callable[[str, str | None], None], key: str) -> re.Pattern[str]:
    """The rule's pattern; when it does not compile, each part is compiled on its own so
    the mistake is reported with its key (and the whole pattern's error if none fails)."""
    try:
        return compile_pattern(source, flags)
    except re.error as exc:
        validate()
        problem(_("'{pattern}' is not a valid pattern ({detail})").format(
            pattern=source, detail=exc), key)
        raise _Invalid from None


def load_rules(folder: Path) -> list[Rule]:
    """Every rule file in ``folder``; CatalogError listing every mistake in any of them."""
    problems: list[Problem] = []
    rules: list[Rule] = []
    try:
        kinds = load_kinds(folder)
    except CatalogError as exc:
        problems += exc.problems
        kinds = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name in SETTINGS_FILES:
            continue
        data, found = load_mapping(path, empty_ok=False)
        problems.extend(found)
        if not found:
            rule = parse_rule(path, data, problems, kinds)
            if rule is not None:
                rules.append(rule)
    if problems:
        raise CatalogError(_("The check rules cannot be used:"), problems)
    return rules
