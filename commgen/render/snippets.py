"""Vetted phrasing the foundation maintains: sentences per choice and audience, and terms.

``phrases.yaml`` maps question -> choice value -> audience (or ``all``) -> sentence. An empty
sentence means "say nothing about this to this audience" and is a deliberate choice.
``terms.yaml`` holds the words that differ between primary and secondary schools.
Sentences may use Jinja (``{{ term.klas }}``); they are rendered in the sandbox.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from commgen.foundation.concepts import AUDIENCES
from commgen.foundation.errors import CatalogError, Problem
from commgen.foundation.i18n import _
from commgen.foundation.jinja import text_environment
from commgen.foundation.yamlfile import LineDict, load_mapping
from commgen.questions.catalog import Catalog
from commgen.render.helpresources import HelpResource, load_help_resources

PHRASES_FILE = "phrases.yaml"
TERMS_FILE = "terms.yaml"
ALL = "all"


@dataclass
class Snippets:
    phrases: dict[str, dict[str, dict[str, str]]]  # question -> value -> audience -> text
    terms_question: str | None
    terms: dict[str, dict[str, str]]  # choice value -> term -> word
    folder: Path
    help: list[HelpResource] = field(default_factory=list)  # hulpbronnen.yaml

    def phrase(self, question_id: str, value: str, audience: str) -> str | None:
        by_audience = self.phrases.get(question_id, {}).get(value)
        if by_audience is None:
            return None
        return by_audience.get(audience, by_audience.get(ALL))


def _load(path: Path, problems: list[Problem]) -> LineDict:
    data, found = load_mapping(path)  # a language without a snippet file has no snippets
    problems.extend(found)
    return data


def load_snippets(catalog: Catalog, lang: str) -> Snippets:
    """Read the snippets for ``lang`` and check them against the catalogue."""
    folder = catalog.snippets_dir / lang
    problems: list[Problem] = []
    phrases = _read_phrases(catalog, folder / PHRASES_FILE, problems)
    terms_question, terms = _read_terms(catalog, folder / TERMS_FILE, problems)
    if problems:
        raise CatalogError(_("The snippets cannot be used:"), problems)
    return Snippets(phrases, terms_question, terms, folder, load_help_resources(folder))


def _read_phrases(catalog: Catalog, path: Path, problems: list[Problem]
                  ) -> dict[str, dict[str, dict[str, str]]]:
    data = _load(path, problems)
    audiences_in_use = sorted({doc.audience for doc in catalog.documents})
    result: dict[str, dict[str, dict[str, str]]] = {}
    for qid, by_value in data.items():
        question = catalog.by_id.get(str(qid))
        if question is None or question.type not in ("choice", "multichoice"):
            problems.append(Problem(_("not a choice question of the catalogue"), path,
                                    data.line_of(qid), str(qid)))
            continue
        if not isinstance(by_value, LineDict):
            problems.append(Problem(_("expected a mapping (key: value lines)"), path,
                                    data.line_of(qid), str(qid)))
            continue
        values = {c.value for c in question.choices}
        result[question.id] = {}
        for value, by_audience in by_value.items():
            label = f"{qid}.{value}"
            if str(value) not in values:
                problems.append(Problem(_("'{value}' is not a choice of this question; allowed:"
                                          " {allowed}").format(value=value, allowed=", ".join(
                                              sorted(values))), path, by_value.line_of(value),
                                        label))
                continue
            if isinstance(by_audience, str):
                by_audience = LineDict({ALL: by_audience})
            if not isinstance(by_audience, LineDict):
                problems.append(Problem(_("give a sentence per audience (all, internal, ...)"),
                                        path, by_value.line_of(value), label))
                continue
            texts: dict[str, str] = {}
            for audience, text in by_audience.items():
                if audience != ALL and audience not in AUDIENCES:
                    problems.append(Problem(_("unknown audience '{audience}'; allowed: all, "
                                              "{allowed}").format(audience=audience,
                                                                  allowed=", ".join(AUDIENCES)),
                                            path, by_audience.line_of(audience), label))
                texts[str(audience)] = "" if text is None else str(text).strip()
            result[question.id][str(value)] = texts
        for choice in question.choices:
            texts = result[question.id].get(choice.value)
            if texts is None:
                problems.append(Problem(_("no vetted sentence for the choice '{value}'").format(
                    value=choice.value), path, data.line_of(qid), str(qid)))
                continue
            missing = [a for a in audiences_in_use if a not in texts and ALL not in texts]
            if missing:
                problems.append(Problem(_("no sentence for audience {audiences} (write one, or "
                                          "'all')").format(audiences=", ".join(missing)), path,
                                        by_value.line_of(choice.value),
                                        f"{qid}.{choice.value}"))
    return result


def _read_terms(catalog: Catalog, path: Path, problems: list[Problem]
                ) -> tuple[str | None, dict[str, dict[str, str]]]:
    data = _load(path, problems)
    if not data:
        return None, {}
    if len(data) != 1:
        problems.append(Problem(_("terms.yaml has one key: the choice question that picks the "
                                  "terms (e.g. school_type)"), path, 1))
        return None, {}
    qid = str(next(iter(data)))
    question = catalog.by_id.get(qid)
    by_value = data[qid]
    if question is None or question.type != "choice" or not isinstance(by_value, LineDict):
        problems.append(Problem(_("not a choice question of the catalogue"), path,
                                data.line_of(qid), qid))
        return None, {}
    terms: dict[str, dict[str, str]] = {}
    names: set[str] | None = None
    for choice in question.choices:
        words = by_value.get(choice.value)
        if not isinstance(words, LineDict):
            problems.append(Problem(_("no terms for the choice '{value}'").format(
                value=choice.value), path, by_value.line_of(choice.value) or data.line_of(qid),
                qid))
            continue
        terms[choice.value] = {str(k): str(v) for k, v in words.items()}
        if names is not None and names != set(terms[choice.value]):
            problems.append(Problem(_("every choice needs the same terms; differing: "
                                      "{terms}").format(terms=", ".join(sorted(
                                          names ^ set(terms[choice.value])))), path,
                                    by_value.line_of(choice.value), qid))
        names = set(terms[choice.value])
    return qid, terms


def terms_for(snippets: Snippets, values: dict[str, Any]) -> dict[str, str]:
    if not snippets.terms_question:
        return {}
    return snippets.terms.get(values.get(snippets.terms_question) or "", {})


@lru_cache(maxsize=1024)
def _compiled(source: str):  # type: ignore[no-untyped-def]
    return text_environment().from_string(source)


def render_snippet(source: str, context: dict[str, Any]) -> str:
    """A sentence (or the catalogue's author text) filled in; each source is compiled once
    per process, in the one text environment, however many documents use it."""
    return _compiled(source).render(context)
