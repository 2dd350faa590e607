"""Vetted phrasing the foundation maintains: sentences per choice and audience, and terms.

``phrases.yaml`` maps question -> choice value -> audience (or ``all``) -> sentence. An empty
sentence means "say nothing about this to this audience" and is a deliberate choice. A choice
may instead hold a list of variants, each with a ``when`` condition on the case's facts (the
catalogue's expression language, checked at load); the first variant that holds and has a
sentence for the audience is used. The section ``sentences`` holds named sentences the same
way (name -> variants), not tied to one choice: templates print them as ``phrase.<name>``.
The section ``lists`` holds named lists of sentences (name -> items, each item a named
sentence's variants): ``phrase.<name>`` is then the list of the items that hold for the case,
in order, so two documents that show the same list read it from one place.
``terms.yaml`` holds the words that differ between primary and secondary schools.
Sentences may use Jinja (``{{ term.klas }}``); they are rendered in the sandbox.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import TemplateError

from commgen.foundation.concepts import AUDIENCES
from commgen.foundation.errors import CatalogError, Problem
from commgen.foundation.i18n import _
from commgen.foundation.jinja import EXPRESSION_ERRORS, compile_expression, expression_names
from commgen.foundation.yamlfile import LineDict, load_mapping
from commgen.questions import conditions
from commgen.questions.catalog import Catalog
from commgen.render.helpresources import RESOURCES_FILE, HelpResource, load_help_resources
from commgen.render.phonestyle import PhoneStyle, load_phone_style

PHRASES_FILE = "phrases.yaml"
TERMS_FILE = "terms.yaml"
ALL = "all"
WHEN = "when"
# The section of phrases.yaml with named sentences (not tied to one question's choice).
SENTENCES = "sentences"
# The section of phrases.yaml with named lists of sentences (each item chosen like a sentence).
LISTS = "lists"


@dataclass(frozen=True)
class Variant:
    """Sentences per audience that hold when ``when`` holds for the case (always without)."""

    texts: dict[str, str]
    when: str | None = None

    def text_for(self, audience: str) -> str | None:
        return self.texts.get(audience, self.texts.get(ALL))


@dataclass
class Snippets:
    phrases: dict[str, dict[str, list[Variant]]]  # question -> value -> variants
    terms_question: str | None
    terms: dict[str, dict[str, str]]  # choice value -> term -> word
    folder: Path
    help: list[HelpResource] = field(default_factory=list)  # hulpbronnen.yaml
    sentences: dict[str, list[Variant]] = field(default_factory=dict)  # name -> variants
    lists: dict[str, list[list[Variant]]] = field(default_factory=dict)  # name -> items
    phones: PhoneStyle = field(default_factory=PhoneStyle)  # telefoonnummers.yaml

    def phrase(self, question_id: str, value: str, audience: str,
               facts: Mapping[str, Any] | None = None) -> str | None:
        return choose(self.phrases.get(question_id, {}).get(value), audience, facts)

    def sentence(self, name: str, audience: str, facts: Mapping[str, Any] | None = None
                 ) -> str | None:
        return choose(self.sentences.get(name), audience, facts)

    def items(self, name: str, audience: str, facts: Mapping[str, Any] | None = None
              ) -> list[str]:
        """The sentences of a named list that hold for the case and have a text for
        ``audience`` (an empty text leaves the item out)."""
        chosen = (choose(item, audience, facts) for item in self.lists.get(name, []))
        return [text for text in chosen if text]


def holds(when: str | None, facts: Mapping[str, Any] | None) -> bool:
    """Whether a sentence's condition holds for the case (checked at load, so it runs)."""
    if not when:
        return True
    if facts is None:
        return False
    try:
        return bool(_compiled(when)(**facts))
    except EXPRESSION_ERRORS as exc:  # a mistake in the phrasing table, not in commgen
        raise CatalogError(_("The snippets cannot be used:"), [Problem(
            _("the condition '{when}' fails: {detail}").format(when=when, detail=exc),
            None, None, when)]) from None


@cache
def _compiled(when: str):  # type: ignore[no-untyped-def]
    return compile_expression(when)


def choose(variants: list[Variant] | None, audience: str,
           facts: Mapping[str, Any] | None) -> str | None:
    """The first variant whose condition holds and that has a sentence for ``audience``."""
    for variant in variants or []:
        text = variant.text_for(audience)
        if text is not None and holds(variant.when, facts):
            return text
    return None


def _load(path: Path, problems: list[Problem]) -> LineDict:
    data, found = load_mapping(path)  # a language without a snippet file has no snippets
    problems.extend(found)
    return data


def load_snippets(catalog: Catalog, lang: str) -> Snippets:
    """Read the snippets for ``lang`` and check them against the catalogue."""
    folder = catalog.snippets_dir / lang
    problems: list[Problem] = []
    data = _load(folder / PHRASES_FILE, problems)
    phrases = _read_phrases(catalog, folder / PHRASES_FILE, data, problems)
    sentences = _read_sentences(catalog, folder / PHRASES_FILE, data, problems)
    lists = _read_lists(catalog, folder / PHRASES_FILE, data, set(sentences), problems)
    terms_question, terms = _read_terms(catalog, folder / TERMS_FILE, problems)
    help_resources = load_help_resources(folder)
    phones = load_phone_style(folder, problems)
    for resource in help_resources:
        if resource.wanneer:
            _check_when(catalog, resource.wanneer, folder / RESOURCES_FILE, resource.line,
                        f"hulpbronnen.{resource.id}", problems)
    if problems:
        raise CatalogError(_("The snippets cannot be used:"), problems)
    return Snippets(phrases, terms_question, terms, folder, help_resources, sentences, lists,
                    phones)


def _check_when(catalog: Catalog, when: str, path: Path, line: int | None, label: str,
                problems: list[Problem]) -> None:
    """A sentence's condition is checked like the catalogue's: it parses, it names only
    questions, and it can be evaluated for representative answers."""
    try:
        names = expression_names(when)
    except TemplateError as exc:
        problems.append(Problem(_("the condition is not a valid expression: {detail}").format(
            detail=exc), path, line, label))
        return
    for name in sorted(names - set(catalog.by_id)):
        problems.append(Problem(_("the condition names '{name}', which is not a question"
                                  "{hint}").format(name=name, hint=""), path, line, label))
    if names <= set(catalog.by_id):
        failure = conditions.condition_failure(when, catalog.by_id)
        if failure:
            problems.append(Problem(failure, path, line, label))


def _variants(catalog: Catalog, path: Path, entry: Any, line: int | None, label: str,
              problems: list[Problem]) -> list[Variant] | None:
    """One entry of the tables: a sentence for all, sentences per audience (with an optional
    ``when``), or a list of those, tried in order."""
    if isinstance(entry, str) or entry is None:
        entry = LineDict({ALL: entry or ""})
    items = entry if isinstance(entry, list) else [entry]
    variants: list[Variant] = []
    for item in items:
        if isinstance(item, str):
            item = LineDict({ALL: item})
        if not isinstance(item, LineDict):
            problems.append(Problem(_("give a sentence per audience (all, internal, ...)"),
                                    path, line, label))
            return None
        texts: dict[str, str] = {}
        when = item.get(WHEN)
        if when is not None:
            when = str(when)
            _check_when(catalog, when, path, item.line_of(WHEN) or line, label, problems)
        for audience, text in item.items():
            if audience == WHEN:
                continue
            if audience != ALL and audience not in AUDIENCES:
                problems.append(Problem(_("unknown audience '{audience}'; allowed: all, "
                                          "{allowed}").format(audience=audience,
                                                              allowed=", ".join(AUDIENCES)),
                                        path, item.line_of(audience) or line, label))
            texts[str(audience)] = "" if text is None else str(text).strip()
        variants.append(Variant(texts, when))
    return variants


def _read_phrases(catalog: Catalog, path: Path, data: LineDict, problems: list[Problem]
                  ) -> dict[str, dict[str, list[Variant]]]:
    audiences_in_use = sorted({doc.audience for doc in catalog.documents})
    result: dict[str, dict[str, list[Variant]]] = {}
    for qid, by_value in data.items():
        if qid in (SENTENCES, LISTS):
            continue
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
        for value, entry in by_value.items():
            label = f"{qid}.{value}"
            if str(value) not in values:
                problems.append(Problem(_("'{value}' is not a choice of this question; allowed:"
                                          " {allowed}").format(value=value, allowed=", ".join(
                                              sorted(values))), path, by_value.line_of(value),
                                        label))
                continue
            variants = _variants(catalog, path, entry, by_value.line_of(value), label, problems)
            if variants is not None:
                result[question.id][str(value)] = variants
        for choice in question.choices:
            variants = result[question.id].get(choice.value)
            if variants is None:
                problems.append(Problem(_("no vetted sentence for the choice '{value}'").format(
                    value=choice.value), path, data.line_of(qid), str(qid)))
                continue
            covered = {a for v in variants for a in v.texts}
            missing = [a for a in audiences_in_use if a not in covered and ALL not in covered]
            if missing:
                problems.append(Problem(_("no sentence for audience {audiences} (write one, or "
                                          "'all')").format(audiences=", ".join(missing)), path,
                                        by_value.line_of(choice.value),
                                        f"{qid}.{choice.value}"))
    return result


def mapping_section(data: LineDict, key: str, path: Path, problems: list[Problem]
                    ) -> LineDict | None:
    """The section ``key`` of a data file when it is a mapping; ``None`` when it is absent, or
    not a mapping (then a problem with its line)."""
    section = data.get(key)
    if section is None or isinstance(section, LineDict):
        return section
    problems.append(Problem(_("expected a mapping (key: value lines)"), path, data.line_of(key),
                            key))
    return None


def _read_sentences(catalog: Catalog, path: Path, data: LineDict, problems: list[Problem]
                    ) -> dict[str, list[Variant]]:
    """Named sentences chosen by the case's facts; templates print ``phrase.<name>``."""
    section = mapping_section(data, SENTENCES, path, problems)
    if section is None:
        return {}
    result: dict[str, list[Variant]] = {}
    for name, entry in section.items():
        label = f"{SENTENCES}.{name}"
        if str(name) in catalog.by_id:
            problems.append(Problem(_("not a choice question of the catalogue"), path,
                                    section.line_of(name), label))
            continue
        variants = _variants(catalog, path, entry, section.line_of(name), label, problems)
        if variants is not None:
            result[str(name)] = variants
    return result


def _read_lists(catalog: Catalog, path: Path, data: LineDict, taken: set[str],
                problems: list[Problem]) -> dict[str, list[list[Variant]]]:
    """Named lists of sentences; templates loop over ``phrase.<name>``."""
    section = mapping_section(data, LISTS, path, problems)
    if section is None:
        return {}
    result: dict[str, list[list[Variant]]] = {}
    for name, entries in section.items():
        label = f"{LISTS}.{name}"
        line = section.line_of(name)
        if str(name) in catalog.by_id or str(name) in taken:
            problems.append(Problem(_("this name is already a question or a named sentence; "
                                      "give the list another name"), path, line, label))
            continue
        if not isinstance(entries, list):
            problems.append(Problem(_("give a list of sentences (one item per line with -)"),
                                    path, line, label))
            continue
        items = [_variants(catalog, path, entry, line, f"{label}.{number}", problems)
                 for number, entry in enumerate(entries, 1)]
        result[str(name)] = [item for item in items if item is not None]
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


@dataclass(frozen=True)
class SentenceSource:
    """One sentence of phrases.yaml as written, for the template linter."""

    key: str  # e.g. "police.investigation.press" or "sentences.view.all"
    audience: str
    text: str
    line: int | None
    when: str | None


def sentence_sources(data: LineDict) -> list[SentenceSource]:
    """Every sentence in a phrases.yaml mapping (choices and named sentences), with its line."""
    found: list[SentenceSource] = []
    for qid, by_value in data.items():
        if not isinstance(by_value, LineDict):
            continue
        for value, entry in by_value.items():
            items = entry if isinstance(entry, list) else [entry]
            if qid == LISTS:  # a named list: each entry is one item's variants
                items = [v for e in items for v in (e if isinstance(e, list) else [e])]
            for item in items:
                if not isinstance(item, LineDict):
                    if isinstance(item, str):
                        found.append(SentenceSource(f"{qid}.{value}", ALL, item,
                                                    by_value.line_of(value), None))
                    continue
                when = item.get(WHEN)
                for audience, text in item.items():
                    if audience == WHEN or not isinstance(text, str):
                        continue
                    found.append(SentenceSource(f"{qid}.{value}.{audience}", str(audience), text,
                                                item.line_of(audience) or by_value.line_of(value),
                                                None if when is None else str(when)))
    return found


def backing(source: SentenceSource) -> set[str]:
    """The answers a sentence depends on: its choice's question and the names in its ``when``."""
    qid = source.key.split(".", 1)[0]
    names = set() if qid in (SENTENCES, LISTS) else {qid}
    if source.when:
        names |= expression_names(source.when)
    return names


def unbacked_claims(sources: list[SentenceSource], claims: Mapping[str, list[str]]
                    ) -> list[tuple[SentenceSource, str, list[str]]]:
    """Sentences that state a fact no answer backs: (sentence, claim, the answers that could).

    ``claims`` maps a pattern (a regular expression, case-insensitive) to the questions whose
    answer makes such a claim true; a sentence that matches must depend on one of them."""
    import re

    found = []
    for source in sources:
        if not source.text.strip():
            continue
        names = backing(source)
        for pattern, questions in claims.items():
            if re.search(pattern, source.text, re.IGNORECASE) and not names & set(questions):
                found.append((source, pattern, list(questions)))
    return found


def phrase_names(snippets: Snippets) -> frozenset[str]:
    """What ``phrase.<name>`` may be: a choice question with sentences, a named sentence or a
    named list."""
    return frozenset(snippets.phrases) | frozenset(snippets.sentences) | frozenset(snippets.lists)
