"""Turn checked answers into what one document's template sees.

Every question id becomes a variable (``None`` when it does not apply), except sensitive
questions: those never enter a template. ``phrase`` holds the vetted sentences for the
document's audience, ``term`` the primary/secondary wording, ``doc`` facts about the document.
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
from commgen.foundation.textclean import clean_text
from commgen.questions.catalog import Catalog, Document, text_for
from commgen.questions.contextnames import SCHOOL_QUESTIONS, check_declared
from commgen.questions.types import Person
from commgen.render.helpresources import resources_for
from commgen.render.snippets import Snippets, render_snippet, terms_for


@dataclass(frozen=True)
class Picture:
    """An image the renderer places in the document (docxtpl's InlineImage needs the
    template, which the context does not have yet)."""

    path: Path
    height_mm: float

    def __str__(self) -> str:  # what a plain-text check sees
        return ""


LOGO_HEIGHT_MM = 18.0


class Paragraphs(str):
    """Paragraphs of free text; docxtpl turns each ``\\a`` into a real Word paragraph."""

    paragraphs: list[str]

    def __new__(cls, paragraphs: list[str]) -> Paragraphs:
        self = super().__new__(cls, "\a".join(paragraphs))
        self.paragraphs = list(paragraphs)
        return self


def template_value(value: Any, lang: str) -> Any:
    """An answer in the form a template prints it."""
    if value is None:
        return None
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
        if question.sensitive:
            continue
        value = answers.get(question.id)
        if question.type == "paragraphs":
            context[question.id] = Paragraphs(value) if value else None
        elif question.type == "multichoice":
            context[question.id] = list(value or [])
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
        "school": _school(answers),
        "hulp": resources_for(snippets.help, document.audience),
    }
    context.update(extras)
    context["phrase"] = _phrases(catalog, snippets, answers, document, context)
    check_declared({**extras, "phrase": context["phrase"]})
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


def _phrases(catalog: Catalog, snippets: Snippets, answers: Answers, document: Document,
             context: dict[str, Any]) -> dict[str, Any]:
    phrases: dict[str, Any] = {}
    for qid in snippets.phrases:
        question = catalog.by_id[qid]
        if question.sensitive:
            continue
        value = answers.get(qid)
        chosen = [] if value is None else ([value] if isinstance(value, str) else list(value))
        texts = []
        for choice in chosen:
            source = snippets.phrase(qid, choice, document.audience)
            if source:
                texts.append(_render_snippet(source, context, snippets, f"{qid}.{choice}"))
        if question.type == "choice":
            phrases[qid] = texts[0] if texts else ""
        else:
            phrases[qid] = texts
    return phrases


def _render_snippet(source: str, context: dict[str, Any], snippets: Snippets, label: str) -> str:
    if "{" not in source:  # most vetted sentences are plain text: no need to compile them
        return clean_text(source).strip()
    try:
        return clean_text(render_snippet(source, context)).strip()
    except TemplateError as exc:
        raise CatalogError(_("The snippets cannot be used:"), [Problem(
            _("the sentence cannot be filled in: {detail}").format(detail=exc),
            snippets.folder, None, label)]) from None


def _school(answers: Answers) -> dict[str, Any]:
    """The letterhead and signature: the school's own answers (often from its profile)."""
    school: dict[str, Any] = {key: answers.get(qid) or "" for key, qid in SCHOOL_QUESTIONS.items()}
    head, logo = answers.get("signatory"), answers.get("school_logo")
    school["head"] = head.as_dict() if isinstance(head, Person) else {"name": "", "role": ""}
    school["logo"] = Picture(logo, LOGO_HEIGHT_MM) if isinstance(logo, Path) else None
    return school
