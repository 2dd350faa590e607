"""Check settings kept as data: severity per audience, detector texts, phrases never flagged.

``ernst.yaml`` says how heavy each category weighs for each audience, ``detectoren.yaml``
holds the Dutch message and safer alternative of every detector written in code, and
``toegestaan.yaml`` the expressions that look like a finding but are not ("in de roos"),
``woorden.yaml`` the Dutch words the detectors use (``checks.vocabulary``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from commgen.checks.findings import CATEGORIES
from commgen.checks.vocabulary import Vocabulary, load_vocabulary
from commgen.foundation.concepts import AUDIENCES, SEVERITIES
from commgen.foundation.errors import CatalogError, Problem
from commgen.foundation.i18n import _
from commgen.foundation.yamlfile import LineDict, load_mapping


@dataclass
class DetectorText:
    message: str
    suggestion: str | None


@dataclass
class Settings:
    severity: dict[str, dict[str, str]] = field(default_factory=dict)  # audience -> cat -> level
    texts: dict[str, DetectorText] = field(default_factory=dict)
    allowed_phrases: list[str] = field(default_factory=list)
    not_names: set[str] = field(default_factory=set)
    email_roles: list[str] = field(default_factory=list)
    vocabulary: Vocabulary | None = None
    first_names: frozenset[str] = frozenset()  # voornamen.yaml, besides deduce's lists
    institutions: frozenset[str] = frozenset()  # last words of an organisation's name
    closings: list[str] = field(default_factory=list)  # "Met vriendelijke groet" ...

    def level(self, audience: str | None, category: str, default: str) -> str:
        if audience is None:
            return default
        return self.severity.get(audience, {}).get(category, default)

    def text(self, key: str) -> DetectorText:
        return self.texts.get(key) or DetectorText(key, None)


def _mapping(value: object) -> LineDict | None:
    return value if isinstance(value, LineDict) else None


def _severity(path: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    data, found = load_mapping(path)
    problems.extend(found)
    result: dict[str, dict[str, str]] = {}
    for audience, levels in data.items():
        where = data.line_of(audience)
        if audience not in AUDIENCES:
            problems.append(Problem(_("unknown audience '{audience}'; allowed: {allowed}").format(
                audience=audience, allowed=", ".join(AUDIENCES)), path, where, str(audience)))
            continue
        levels = levels if levels is not None else LineDict()
        if _mapping(levels) is None:
            problems.append(Problem(_("expected a mapping (key: value lines)"), path, where,
                                    str(audience)))
            continue
        result[audience] = {}
        for category, level in levels.items():
            key = f"{audience}.{category}"
            if category not in CATEGORIES:
                problems.append(Problem(_("unknown category; allowed: {allowed}").format(
                    allowed=", ".join(CATEGORIES)), path, levels.line_of(category), key))
            elif level not in SEVERITIES:
                problems.append(Problem(_("'level' must be error or warning"), path,
                                        levels.line_of(category), key))
            else:
                result[audience][str(category)] = str(level)
    return result


def _texts(path: Path, problems: list[Problem]) -> dict[str, DetectorText]:
    data, found = load_mapping(path)
    problems.extend(found)
    result: dict[str, DetectorText] = {}
    for key, entry in data.items():
        entry = _mapping(entry)
        message = entry.get("message") if entry is not None else None
        if not isinstance(message, str):
            problems.append(Problem(_("a rule needs a 'message'"), path, data.line_of(key),
                                    str(key)))
            continue
        suggestion = entry.get("suggestion") if entry is not None else None
        result[str(key)] = DetectorText(message.strip(),
                                        str(suggestion).strip() if suggestion else None)
    return result


def _word_list(data: LineDict, key: str, path: Path, problems: list[Problem]) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(Problem(_("expected a list of patterns"), path, data.line_of(key), key))
        return []
    return list(value)


def load_settings(folder: Path) -> Settings:
    problems: list[Problem] = []
    severity = _severity(folder / "ernst.yaml", problems)
    texts = _texts(folder / "detectoren.yaml", problems)
    allowed, found = load_mapping(folder / "toegestaan.yaml")
    problems.extend(found)
    phrases = _word_list(allowed, "uitdrukkingen", folder / "toegestaan.yaml", problems)
    not_names = _word_list(allowed, "geen_namen", folder / "toegestaan.yaml", problems)
    roles = _word_list(allowed, "functieadressen", folder / "toegestaan.yaml", problems)
    vocabulary = None
    try:
        vocabulary = load_vocabulary(folder)
    except CatalogError as exc:
        problems.extend(exc.problems)
    first_names = _first_names(folder / FIRST_NAMES_FILE, problems)
    institutions = _word_list(allowed, "instellingen", folder / "toegestaan.yaml", problems)
    closings = _word_list(allowed, "afsluitingen", folder / "toegestaan.yaml", problems)
    if problems:
        raise CatalogError(_("The check rules cannot be used:"), problems)
    return Settings(severity, texts, phrases, {w.casefold() for w in not_names}, roles,
                    vocabulary, first_names, frozenset(w.casefold() for w in institutions),
                    closings)


FIRST_NAMES_FILE = "voornamen.yaml"


def _first_names(path: Path, problems: list[Problem]) -> frozenset[str]:
    """``voornamen.yaml``: lists of first names by family (optional)."""
    if not path.is_file():
        return frozenset()
    data, found = load_mapping(path)
    problems.extend(found)
    names: set[str] = set()
    for key in data:
        names.update(n.strip() for n in _word_list(data, str(key), path, problems) if n.strip())
    return frozenset(names)
