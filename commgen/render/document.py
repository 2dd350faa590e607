"""One document from checked answers: its context, its properties, its rendered bytes.

The properties say which school and which template made the document, never a person; they
are written by commgen after rendering, never taken from the template. One of them
(``commgen.allowed``) holds the school's own details and public contacts, so that
``commgen check`` of the document knows them without the answers file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from jinja2 import TemplateError

from commgen.answers.answersfile import Answers
from commgen.docx.props import MAX_CORE_PROPERTY, DocProperties
from commgen.foundation.errors import AnswersError, CatalogError, Problem, TemplateProblem
from commgen.foundation.i18n import _
from commgen.foundation.jinja import render_text
from commgen.questions.catalog import Catalog, Document, text_for
from commgen.questions.contextnames import check_declared
from commgen.questions.school import SCHOOL_FIELDS
from commgen.questions.types import Person
from commgen.render.context import build_context, case_facts, check_plain
from commgen.render.docxrender import RenderedDocument, render_document
from commgen.render.snippets import Snippets, holds


def render_one(catalog: Catalog, snippets: Snippets, answers: Answers, doc: Document,
               lang: str, now: dt.datetime, extra: dict[str, Any] | None = None
               ) -> RenderedDocument:
    """Render one document in ``lang`` from checked answers; ``extra``: names another command
    gives its documents (``update``, ``history``; declared in ``questions.contextnames``)."""
    template = doc.templates.get(lang)
    if template is None:
        raise TemplateProblem(_("The document {doc} has no template in language {lang}.").format(
            doc=doc.id, lang=lang))
    context = build_context(catalog, snippets, answers, doc, lang, now)
    if extra:
        check_declared(extra)
        check_plain(extra)
        context.update(extra)
    try:
        author = render_text(catalog.author, context).strip() if catalog.author else ""
    except TemplateError as exc:
        raise CatalogError(_("The catalogue cannot be used:"), [Problem(
            _("the author text cannot be filled in: {detail}").format(detail=exc),
            catalog.path, None, "author")]) from None
    if len(author) > MAX_CORE_PROPERTY:  # Word's core properties hold 255 characters
        raise AnswersError(_("The answers file cannot be used:"), [Problem(
            _("the author of the documents (the school's name: “{start}…”) is longer than {n} "
              "characters, the most a Word document's properties hold; shorten it").format(
                start=author[:40], n=MAX_CORE_PROPERTY), answers.path, None, "school_name")])
    props = DocProperties(
        title=text_for(doc.title, lang), subject=text_for(doc.subject, lang) if doc.subject
        else "", author=author, language="nl-NL" if lang == "nl" else "en-GB",
        identifier=f"commgen:{doc.id}", version=doc.version, created=now.astimezone(),
        custom={"commgen.document": doc.id, "commgen.template_version": doc.version,
                "commgen.generated": now.astimezone().isoformat(timespec="seconds")})
    case = case_property(catalog, answers, doc)
    if case:
        props.custom[CASE_PROPERTY] = case
    sensitive = frozenset(q.id for q in catalog.questions if q.sensitive)

    def allowed(text: str) -> dict[str, str]:
        details = allowed_details(catalog, answers, text, doc.audience)
        return {ALLOWED_PROPERTY: details} if details else {}

    return render_document(template, context, props, sensitive, allowed)


ALLOWED_PROPERTY = "commgen.allowed"
CASE_PROPERTY = "commgen.case"


def case_property(catalog: Catalog, answers: Answers, doc: Document) -> str:
    """The case's answers a document carries for ``commgen check`` (the catalogue's
    ``case_facts``), as JSON: a school leader's edit in Word is checked against the case
    without the answers file (police facts, the school type's words, Helpwanted when nothing
    is online). Choices only, each only where its condition holds for this document's readers:
    a public letter never carries a police fact the police did not approve. "" when none."""
    facts = {**case_facts(catalog, answers), "doc": {"id": doc.id, "audience": doc.audience}}
    carried: dict[str, object] = {}
    for fact in catalog.case_facts:
        value = answers.get(fact.question)
        if value is None and catalog.by_id[fact.question].type == "multichoice":
            value = []  # nothing chosen (a channel: the image was never sent or put online)
        if value is None or (fact.when and not holds(fact.when, facts)):
            continue
        if isinstance(value, (list, tuple)):
            value = [str(v) for v in value if not fact.values or str(v) in fact.values]
        elif fact.values and str(value) not in fact.values:
            continue
        carried[fact.question] = value
    return json.dumps(carried, ensure_ascii=False, sort_keys=True) if carried else ""


NAMED_CLASS_AUDIENCE = "parents-class"  # the letter to the class's own parents


def allowed_details(catalog: Catalog, answers: Answers, text: str,
                    audience: str | None = None) -> str:
    """The school's own details and its public contacts (contact person, spokesperson, head)
    that the document shows, as JSON: ``commgen check`` of the document allows them without
    ``--answers``. Only what is in the document's text anyway; never a sensitive answer, never
    the pupils' names; "" when there is none."""
    school = {f.question for f in SCHOOL_FIELDS
              if f.allow in ("text", "website") or f.type in ("phone", "email", "person")}
    folded, digits = text.casefold(), re.sub(r"\D", "", text)
    details: dict[str, object] = {}
    for question in catalog.questions:
        if question.sensitive or not (question.id in school
                                      or question.type in ("person", "phone", "email")):
            continue
        value = answers.get(question.id)
        if isinstance(value, Person) and value.name.strip().casefold() in folded:
            details[question.id] = value.as_dict()
        elif question.type == "phone" and isinstance(value, str) and value.strip():
            if re.sub(r"\D", "", value) in digits:
                details[question.id] = value.strip()
        elif isinstance(value, str) and value.strip() and value.strip().casefold() in folded:
            details[question.id] = value.strip()
    # the class the family agreed to name, in the class's own letter that names it
    named = str(answers.get("class_name") or "").strip()
    if (audience == NAMED_CLASS_AUDIENCE and answers.get("class_named") is True and named
            and named.casefold() in folded):
        details["class_name"] = named
    return json.dumps(details, ensure_ascii=False, sort_keys=True) if details else ""
