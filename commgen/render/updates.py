"""Vetted sentences for update letters: what is new, and what it means for each audience.

``updates.yaml`` (beside ``phrases.yaml``) has three tables, ``nieuw`` (what happened since the
last letter), ``nu_te_melden`` (a fact that was true before but may be told only now, e.g. the
police approved the text later) and ``betekenis`` (what it means for the reader), each mapping
question -> value -> sentences per audience, in the same form as ``phrases.yaml`` (variants with
``when``, ``all``, an empty sentence for "this audience does not hear it"). The value is a choice
of the question (a choice added to a list counts), ``ja``/``nee`` for a yes/no question, or
``changed`` for a date, a time or a text. Only questions the catalogue marks ``changes: true``
may appear.

Two more sections: ``ontvangers`` (who a document reaches, where that is not the audience the
catalogue gives it for the checks: the letter to the other school reaches none of the audiences
of update letters; the invitation to the parents' evening goes with the parents' letters), and
``schooldag`` (the dates that should fall on a school day: commgen update warns at the question
when one falls in a weekend, on a public holiday or in a school holiday).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import TemplateError

from commgen.foundation.concepts import AUDIENCES
from commgen.foundation.errors import CatalogError, Problem
from commgen.foundation.i18n import _
from commgen.foundation.jinja import render_text
from commgen.foundation.textclean import clean_text
from commgen.foundation.yamlfile import LineDict, load_mapping
from commgen.questions.catalog import Catalog
from commgen.render.snippets import Variant, _variants, choose, mapping_section

UPDATES_FILE = "updates.yaml"
NEW, LATER, MEANING = "nieuw", "nu_te_melden", "betekenis"
RECIPIENTS, SCHOOL_DAYS, ORDINALS = "ontvangers", "schooldag", "rangtelwoorden"
WITH = "met"  # ontvangers: {met: [documents]}: to the audiences that got one of them
CHANGED = "changed"  # the key for a change of a date, a time or a text
YES, NO = "ja", "nee"


@dataclass
class UpdateSentences:
    """question -> value -> variants, for what is new, what may be told only now and what
    it means; who each document reaches; the dates that should fall on a school day."""

    new: dict[str, dict[str, list[Variant]]] = field(default_factory=dict)
    meaning: dict[str, dict[str, list[Variant]]] = field(default_factory=dict)
    later: dict[str, dict[str, list[Variant]]] = field(default_factory=dict)
    # document id -> the audiences it reaches (a list), or the documents it goes with
    recipients: dict[str, tuple[str, ...] | dict[str, tuple[str, ...]]] = field(
        default_factory=dict)
    school_days: tuple[str, ...] = ()
    ordinals: tuple[str, ...] = ()  # "eerste", "tweede", ...: the words for 1, 2, ...
    path: Path | None = None

    def ordinal(self, number: int) -> str:
        """The word for the ``number``-th ("eerste"), or the number with "e" beyond the list."""
        if 1 <= number <= len(self.ordinals):
            return self.ordinals[number - 1]
        return f"{number}e"

    def questions(self) -> set[str]:
        return set(self.new) | set(self.meaning) | set(self.later)


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
        if key not in (NEW, LATER, MEANING, RECIPIENTS, SCHOOL_DAYS, ORDINALS):
            problems.append(Problem(_("expected the sections {new} and {meaning}").format(
                new=", ".join((NEW, LATER, RECIPIENTS, SCHOOL_DAYS)), meaning=MEANING), path,
                data.line_of(key), str(key)))
    result.recipients = _read_recipients(catalog, data, path, problems)
    result.school_days = _read_school_days(catalog, data, path, problems)
    ordinals = data.get(ORDINALS) or []
    if isinstance(ordinals, list) and all(isinstance(w, str) and w.strip() for w in ordinals):
        result.ordinals = tuple(w.strip() for w in ordinals)
    else:
        problems.append(Problem(_("expected a list of words: first, second, ..."), path,
                                data.line_of(ORDINALS), ORDINALS))
    for section, target in ((NEW, result.new), (LATER, result.later),
                            (MEANING, result.meaning)):
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


def _read_recipients(catalog: Catalog, data: LineDict, path: Path, problems: list[Problem]
                     ) -> dict[str, tuple[str, ...] | dict[str, tuple[str, ...]]]:
    section = mapping_section(data, RECIPIENTS, path, problems)
    if section is None:
        return {}
    known = {doc.id for doc in catalog.documents}
    result: dict[str, tuple[str, ...] | dict[str, tuple[str, ...]]] = {}
    for doc_id, spec in section.items():
        label, line = f"{RECIPIENTS}.{doc_id}", section.line_of(doc_id)
        if str(doc_id) not in known:
            problems.append(Problem(_("'{name}' is not a document of the catalogue").format(
                name=doc_id), path, line, label))
            continue
        if isinstance(spec, list) and all(str(a) in AUDIENCES for a in spec):
            result[str(doc_id)] = tuple(str(a) for a in spec)
        elif (isinstance(spec, dict) and set(spec) == {WITH} and isinstance(spec[WITH], list)
              and all(str(d) in known for d in spec[WITH])):
            result[str(doc_id)] = {WITH: tuple(str(d) for d in spec[WITH])}
        else:
            problems.append(Problem(_("expected a list of audiences ({allowed}), or "
                                      "'{with_key}: [documents]'").format(
                                          allowed=", ".join(AUDIENCES), with_key=WITH),
                                    path, line, label))
    return result


def _read_school_days(catalog: Catalog, data: LineDict, path: Path, problems: list[Problem]
                      ) -> tuple[str, ...]:
    items = data.get(SCHOOL_DAYS) or []
    good = isinstance(items, list) and all(
        str(q) in catalog.by_id and catalog.by_id[str(q)].type == "date" for q in items)
    if not good:
        problems.append(Problem(_("expected a list of date questions of the catalogue"), path,
                                data.line_of(SCHOOL_DAYS), SCHOOL_DAYS))
        return ()
    return tuple(str(q) for q in items)


def sentences_for(table: dict[str, dict[str, list[Variant]]], changes: Mapping[str, list[str]],
                  audience: str, facts: Mapping[str, Any], context: dict[str, Any],
                  label: str, about: set[str] | None = None,
                  names: Any = None) -> list[str]:
    """The sentences for ``audience`` of every value a change brought, rendered, each once.
    ``about`` collects the questions the sentences tell of (the question, and the answers a
    sentence prints, found by ``names(source)``)."""
    result: list[str] = []
    for qid, values in changes.items():
        for value in values:
            source = choose(table.get(qid, {}).get(value), audience, facts)
            if not source:
                continue
            if about is not None:
                about.add(qid)
                about.update(names(source) if names else ())
            try:
                text = clean_text(render_text(source, context)).strip()
            except TemplateError as exc:
                raise CatalogError(_("The snippets cannot be used:"), [Problem(
                    _("the sentence cannot be filled in: {detail}").format(detail=exc),
                    None, None, f"{label}.{qid}.{value}")]) from None
            if text and text not in result:
                result.append(text)
    return result


def recipients(catalog: Catalog, updates: UpdateSentences, documents: list[str],
               had: Mapping[str, set[str]]) -> dict[str, list[str]]:
    """The audiences each document of one version reaches (``ontvangers``): the catalogue's
    audience unless ``updates.yaml`` says otherwise; a document that goes ``met`` others
    reaches the audiences that got one of those, before (``had``: audience -> document ids) or
    in this same version (when none did, the catalogue's audience)."""
    by_id = {doc.id: doc for doc in catalog.documents}
    reached = {audience: set(ids) for audience, ids in had.items()}
    result: dict[str, list[str]] = {}
    along: list[str] = []
    for doc_id in dict.fromkeys(documents):
        spec = updates.recipients.get(doc_id)
        if isinstance(spec, dict):
            along.append(doc_id)
            continue
        audiences = list(spec) if spec is not None else (
            [by_id[doc_id].audience] if doc_id in by_id else [])
        result[doc_id] = audiences
        for audience in audiences:
            reached.setdefault(audience, set()).add(doc_id)
    for doc_id in along:
        spec = updates.recipients[doc_id]
        with_documents = set(spec[WITH]) if isinstance(spec, dict) else set()
        result[doc_id] = [a for a in AUDIENCES if reached.get(a, set()) & with_documents] or [
            by_id[doc_id].audience]
    return result
