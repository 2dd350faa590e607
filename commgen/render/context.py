"""Turn checked answers into what one document's template sees.

Every question id becomes a variable (``None`` when it does not apply), except sensitive
questions, which never enter a template, and free text that does not feed this document
(its ``feeds`` in the catalogue): a template that prints it fails. ``phrase`` holds the
vetted sentences for the document's audience, ``term`` the primary/secondary wording, ``doc``
facts about the document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import TemplateError

from commgen.answers.answersfile import Answers
from commgen.foundation.errors import CatalogError, Problem
from commgen.foundation.formatting import DateText, format_time
from commgen.foundation.i18n import _
from commgen.foundation.jinja import render_text
from commgen.foundation.textclean import clean_text
from commgen.questions.catalog import Catalog, Document, text_for
from commgen.questions.conditions import scope
from commgen.questions.contextnames import SCHOOL_QUESTIONS, check_declared
from commgen.questions.types import Person
from commgen.render.helpresources import resources_for
from commgen.render.snippets import Snippets, holds, terms_for

LOGO_HEIGHT_MM = 18.0


@dataclass(frozen=True)
class Picture:
    """An image the renderer places in the document (docxtpl's InlineImage needs the
    template, which the context does not have yet). To a template it is an opaque handle: it
    can be printed (as the image) and tested, and offers no attribute or method."""

    __jinja_attributes__ = frozenset()

    path: Path
    height_mm: float

    def __str__(self) -> str:  # what a plain-text check sees
        return ""


class Paragraphs(str):
    """Paragraphs of free text; docxtpl turns each ``\\a`` into a real Word paragraph."""

    __jinja_attributes__ = frozenset({"paragraphs"})  # what a template may read (foundation.jinja)

    paragraphs: list[str]

    def __new__(cls, paragraphs: list[str]) -> Paragraphs:
        self = super().__new__(cls, "\a".join(paragraphs))
        self.paragraphs = list(paragraphs)
        return self


def template_value(value: Any, lang: str) -> Any:
    """An answer in the form a template prints it."""
    if value is None:
        return None
    if isinstance(value, Path):  # an image answer: never the path itself
        return Picture(value, LOGO_HEIGHT_MM)
    if isinstance(value, Person):
        return value.as_dict()
    if isinstance(value, dt.date):
        return DateText(value, lang)
    if isinstance(value, dt.time):
        return format_time(value, lang)
    return value


def build_context(catalog: Catalog, snippets: Snippets, answers: Answers, document: Document,
                  lang: str, now: dt.datetime | None = None) -> dict[str, Any]:
    """The variables one document's template may use."""
    now = now or dt.datetime.now()
    context: dict[str, Any] = {}
    for question in catalog.questions:
        if question.sensitive or not catalog.feeds(question, document):
            continue  # absent: a template that prints it fails, as the linter says
        value = answers.get(question.id)
        if question.type == "paragraphs":
            context[question.id] = Paragraphs(value) if value else None
        elif question.type == "multichoice":
            context[question.id] = list(value or [])
        elif question.type == "phone" and isinstance(value, str):
            context[question.id] = snippets.phones.format(value)  # the house style
        else:
            context[question.id] = template_value(value, lang)
    extras: dict[str, Any] = {
        "term": terms_for(snippets, answers.values),
        "doc": {
            "id": document.id,
            "title": text_for(document.title, lang),
            "version": document.version,
            "audience": document.audience,
            "lang": lang,
        },
        "today": DateText(now.date(), lang),
        "now": format_time(now.time(), lang),
        "label": _labels(catalog, answers, lang),
        "school": _school(answers, snippets),
    }
    facts = case_facts(catalog, answers)
    extras["hulp"] = [{**r, "telefoon": snippets.phones.format(r["telefoon"])}
                      for r in resources_for(snippets.help, document.audience,
                                             lambda when: holds(when, facts))]
    context.update(extras)
    context["phrase"] = _phrases(catalog, snippets, answers, document, context, facts)
    check_declared({**extras, "phrase": context["phrase"]})
    check_plain(context)
    return context


def _labels(catalog: Catalog, answers: Answers, lang: str) -> dict[str, Any]:
    """The catalogue's label of each chosen value, for lists such as "Communicatie naar"."""
    labels: dict[str, Any] = {}
    for question in catalog.questions:
        if question.sensitive or question.type not in ("choice", "multichoice"):
            continue
        by_value = {c.value: text_for(c.label, lang) for c in question.choices}
        value = answers.get(question.id)
        if question.type == "choice":
            labels[question.id] = by_value.get(value, "") if value else ""
        else:
            labels[question.id] = [by_value[v] for v in value or []]
    return labels


def case_facts(catalog: Catalog, answers: Answers) -> dict[str, Any]:
    """What a sentence's ``when`` sees: every answer that may reach a document, or its
    type's "not answered" (the catalogue's conditions see the same)."""
    return scope([q for q in catalog.questions if not q.sensitive], answers.values)


def _phrases(catalog: Catalog, snippets: Snippets, answers: Answers, document: Document,
             context: dict[str, Any], facts: dict[str, Any]) -> dict[str, Any]:
    phrases: dict[str, Any] = {}
    for qid in snippets.phrases:
        question = catalog.by_id[qid]
        if question.sensitive:
            continue
        value = answers.get(qid)
        chosen = [] if value is None else ([value] if isinstance(value, str) else list(value))
        texts: list[str] = []
        for choice in chosen:
            source = snippets.phrase(qid, choice, document.audience, facts)
            if source:
                text = _render_snippet(source, context, snippets, f"{qid}.{choice}")
                if text and text not in texts:  # two choices, one sentence: say it once
                    texts.append(text)
        if question.type == "choice":
            phrases[qid] = texts[0] if texts else ""
        else:
            phrases[qid] = texts
    for name in snippets.sentences:
        source = snippets.sentence(name, document.audience, facts)
        phrases[name] = (_render_snippet(source, context, snippets, f"sentences.{name}")
                         if source else "")
    for name in snippets.lists:
        phrases[name] = [text for text in (
            _render_snippet(source, context, snippets, f"lists.{name}")
            for source in snippets.items(name, document.audience, facts)) if text]
    return phrases


def _render_snippet(source: str, context: dict[str, Any], snippets: Snippets, label: str) -> str:
    if "{" not in source:  # most vetted sentences are plain text: no need to compile them
        return clean_text(source).strip()
    try:
        return clean_text(render_text(source, context)).strip()
    except TemplateError as exc:
        raise CatalogError(_("The snippets cannot be used:"), [Problem(
            _("the sentence cannot be filled in: {detail}").format(detail=exc),
            snippets.folder, None, label)]) from None


def _school(answers: Answers, snippets: Snippets) -> dict[str, Any]:
    """The letterhead and signature: the school's own answers (often from its profile)."""
    school: dict[str, Any] = {key: answers.get(qid) or "" for key, qid in SCHOOL_QUESTIONS.items()}
    if isinstance(school.get("phone"), str):
        school["phone"] = snippets.phones.format(school["phone"])
    head, logo = answers.get("signatory"), answers.get("school_logo")
    school["head"] = head.as_dict() if isinstance(head, Person) else {"name": "", "role": ""}
    school["logo"] = Picture(logo, LOGO_HEIGHT_MM) if isinstance(logo, Path) else None
    return school


# What a template may be given: plain values, lists and mappings of them, and image handles.
_PLAIN = (str, int, float, bool, dt.date, dt.time, Picture)


def check_plain(value: Any, where: str = "context") -> None:
    """Stop a programming slip: nothing but plain values reaches a template (a template is
    data from elsewhere and must find no object with methods that reach the machine)."""
    if value is None or isinstance(value, _PLAIN):
        return
    if isinstance(value, dict):
        for key, item in value.items():
            check_plain(item, f"{where}.{key}")
        return
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            check_plain(item, f"{where}[{index}]")
        return
    raise RuntimeError(f"{where} is a {type(value).__name__}, not a plain value")

