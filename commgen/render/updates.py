"""Vetted sentences for update letters: what is new, and what it means for each audience.

``updates.yaml`` (beside ``phrases.yaml``) has two sections, ``nieuw`` (what is new) and
``betekenis`` (what it means for the reader), each mapping question -> value -> sentences per
audience, in the same form as ``phrases.yaml`` (variants with ``when``, ``all``, an empty
sentence for "this audience does not hear it"). The value is a choice of the question (a choice
added to a list counts), ``ja``/``nee`` for a yes/no question, or ``changed`` for a date, a time
or a text. Only questions the catalogue marks ``changes: true`` may appear.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import TemplateError

from commgen.foundation.errors import CatalogError, Problem
from commgen.foundation.i18n import _
from commgen.foundation.jinja import render_text
from commgen.foundation.textclean import clean_text
from commgen.foundation.yamlfile import LineDict, load_mapping
from commgen.questions.catalog import Catalog
from commgen.render.snippets import Variant, _variants, choose

UPDATES_FILE = "updates.yaml"
NEW, MEANING = "nieuw", "betekenis"
CHANGED = "changed"  # the key for a change of a date, a time or a text
YES, NO = "ja", "nee"


@dataclass
class UpdateSentences:
    """question -> value -> variants, for what is new and for what it means."""

    new: dict[str, dict[str, list[Variant]]] = field(default_factory=dict)
    meaning: dict[str, dict[str, list[Variant]]] = field(default_factory=dict)
    path: Path | None = None

    def questions(self) -> set[str]:
        return set(self.new) | set(self.meaning)


def value_key(value: Any) -> str:
    """The key a stored value has in ``updates.yaml``."""
    if isinstance(value, bool):
        return YES if value else NO
    return str(value)


def load_updates(catalog: Catalog, lang: str) -> UpdateSentences:
    """Read ``updates.yaml`` for ``lang`` and check it against the catalogue."""
    path = catalog.snippets_dir / lang / UPDATES_FILE
    data, problems = load_mapping(path)
    result = UpdateSentences(path=path)
    for key in data:
        if key not in (NEW, MEANING):
            problems.append(Problem(_("expected the sections {new} and {meaning}").format(
                new=NEW, meaning=MEANING), path, data.line_of(key), str(key)))
    for section, target in ((NEW, result.new), (MEANING, result.meaning)):
        by_question = data.get(section)
        if by_question is None:
            continue
        if not isinstance(by_question, LineDict):
            problems.append(Problem(_("expected a mapping (key: value lines)"), path,
                                    data.line_of(section), section))
            continue
        for qid, by_value in by_question.items():
            label = f"{section}.{qid}"
            question = catalog.by_id.get(str(qid))
            if question is None or question.changes != "yes":
                problems.append(Problem(_("not a question the catalogue marks 'changes: true'"),
                                        path, by_question.line_of(qid), label))
                continue
            if not isinstance(by_value, LineDict):
                problems.append(Problem(_("expected a mapping (key: value lines)"), path,
                                        by_question.line_of(qid), label))
                continue
            allowed = ({c.value for c in question.choices} if question.choices else
                       {YES, NO} if question.type == "yesno" else {CHANGED})
            target[question.id] = {}
            for value, entry in by_value.items():
                if str(value) not in allowed:
                    problems.append(Problem(_("'{value}' is not a choice of this question; "
                                              "allowed: {allowed}").format(
                                                  value=value, allowed=", ".join(sorted(allowed))),
                                            path, by_value.line_of(value), f"{label}.{value}"))
                    continue
                variants = _variants(catalog, path, entry, by_value.line_of(value),
                                     f"{label}.{value}", problems)
                if variants is not None:
                    target[question.id][str(value)] = variants
    if problems:
        raise CatalogError(_("The snippets cannot be used:"), problems)
    return result


def sentences_for(table: dict[str, dict[str, list[Variant]]], changes: Mapping[str, list[str]],
                  audience: str, facts: Mapping[str, Any], context: dict[str, Any],
                  label: str) -> list[str]:
    """The sentences for ``audience`` of every value a change brought, rendered, each once."""
    result: list[str] = []
    for qid, values in changes.items():
        for value in values:
            source = choose(table.get(qid, {}).get(value), audience, facts)
            if not source:
                continue
            try:
                text = clean_text(render_text(source, context)).strip()
            except TemplateError as exc:
                raise CatalogError(_("The snippets cannot be used:"), [Problem(
                    _("the sentence cannot be filled in: {detail}").format(detail=exc),
                    None, None, f"{label}.{qid}.{value}")]) from None
            if text and text not in result:
                result.append(text)
    return result
