"""Help resources (hulpbronnen.yaml): the organisations letters and the handout point to.

The foundation keeps this file up to date without Python. An entry marked ``controleren: ja``
holds a fact nobody could confirm; it never reaches a document until someone checks it and
removes the mark. The privacy check reads the same file, so a helpline number is never
mistaken for a personal one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from commgen.foundation.concepts import AUDIENCES
from commgen.foundation.errors import CatalogError, Problem
from commgen.foundation.i18n import _
from commgen.foundation.yamlfile import LineDict, load_mapping

RESOURCES_FILE = "hulpbronnen.yaml"
_KEYS = {"naam", "wat", "telefoon", "website", "voor", "controleren", "wanneer",
         "andere_websites"}


@dataclass(frozen=True)
class HelpResource:
    id: str
    naam: str
    wat: str
    telefoon: str
    website: str
    voor: tuple[str, ...]
    controleren: bool
    wanneer: str = ""  # a condition on the case (checked by the snippets loader)
    # other addresses of the same organisation (an old or a new name): the check lets them
    # pass, a document never names them
    andere_websites: tuple[str, ...] = ()
    line: int | None = None

    def as_dict(self) -> dict[str, str]:
        return {"naam": self.naam, "wat": self.wat, "telefoon": self.telefoon,
                "website": self.website}


def load_help_resources(folder: Path) -> list[HelpResource]:
    """Every entry of ``folder/hulpbronnen.yaml`` (none when the file is absent)."""
    path = folder / RESOURCES_FILE
    data, problems = load_mapping(path)
    entries = data.get("hulpbronnen", LineDict()) if not problems else LineDict()
    resources: list[HelpResource] = []
    if not problems and not isinstance(entries, LineDict):
        problems.append(Problem(_("expected a mapping (key: value lines)"), path,
                                data.line_of("hulpbronnen"), "hulpbronnen"))
        entries = LineDict()
    for rid, entry in entries.items():
        label = f"hulpbronnen.{rid}"
        if not isinstance(entry, LineDict):
            problems.append(Problem(_("expected a mapping (key: value lines)"), path,
                                    entries.line_of(rid), label))
            continue
        for key in entry:
            if key not in _KEYS:
                problems.append(Problem(_("unknown key; allowed: {allowed}").format(
                    allowed=", ".join(sorted(_KEYS))), path, entry.line_of(key), label))
        voor = entry.get("voor") or []
        if not isinstance(voor, list) or any(a not in AUDIENCES for a in voor):
            problems.append(Problem(_("'voor' lists audiences: {allowed}").format(
                allowed=", ".join(AUDIENCES)), path, entry.line_of("voor"), label))
            voor = []
        if not entry.get("naam"):
            problems.append(Problem(_("an answer is required ({prompt})").format(prompt="naam"),
                                    path, entries.line_of(rid), label))
        check = entry.get("controleren", False)
        others = entry.get("andere_websites") or []
        if isinstance(others, str):  # one address, written without brackets
            others = [others]
        if not isinstance(others, list) or not all(isinstance(o, str) for o in others):
            problems.append(Problem(_("expected a list of words"), path,
                                    entry.line_of("andere_websites"), label))
            others = []
        resources.append(HelpResource(
            id=str(rid), naam=_text(entry.get("naam")), wat=_text(entry.get("wat")),
            telefoon=_text(entry.get("telefoon")), website=_text(entry.get("website")),
            voor=tuple(voor), controleren=check is True or str(check).lower() in ("ja", "yes"),
            wanneer=_text(entry.get("wanneer")), line=entries.line_of(rid),
            andere_websites=tuple(o.strip() for o in others if o.strip())))
    if problems:
        raise CatalogError(_("The snippets cannot be used:"), problems)
    return resources


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def resources_for(resources: list[HelpResource], audience: str,
                  applies: Callable[[str], bool] | None = None) -> list[dict[str, str]]:
    """The confirmed resources meant for one audience, in file order; one with ``wanneer``
    only when ``applies`` says its condition holds for the case."""
    return [r.as_dict() for r in resources if audience in r.voor and not r.controleren
            and (not r.wanneer or (applies is not None and applies(r.wanneer)))]
