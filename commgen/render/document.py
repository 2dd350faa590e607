"""One document from checked answers: its context, its properties, its rendered bytes.

The properties say which school and which template made the document, never a person; they
are written by commgen after rendering, never taken from the template.
"""

from __future__ import annotations

import datetime as dt

from jinja2 import TemplateError

from commgen.answers.answersfile import Answers
from commgen.docx.props import DocProperties
from commgen.foundation.errors import CatalogError, Problem, TemplateProblem
from commgen.foundation.i18n import _
from commgen.questions.catalog import Catalog, Document, text_for
from commgen.render.context import build_context
from commgen.render.docxrender import RenderedDocument, render_document
from commgen.render.snippets import Snippets, render_snippet


def render_one(catalog: Catalog, snippets: Snippets, answers: Answers, doc: Document,
               lang: str, now: dt.datetime) -> RenderedDocument:
    """Render one document in ``lang`` from checked answers."""
    template = doc.templates.get(lang)
    if template is None:
        raise TemplateProblem(_("The document {doc} has no template in language {lang}.").format(
            doc=doc.id, lang=lang))
    context = build_context(catalog, snippets, answers, doc, lang, now)
    try:
        author = render_snippet(catalog.author, context).strip() if catalog.author else ""
    except TemplateError as exc:
        raise CatalogError(_("The catalogue cannot be used:"), [Problem(
            _("the author text cannot be filled in: {detail}").format(detail=exc),
            catalog.path, None, "author")]) from None
    props = DocProperties(
        title=text_for(doc.title, lang), subject=text_for(doc.subject, lang) if doc.subject
        else "", author=author, language="nl-NL" if lang == "nl" else "en-GB",
        identifier=f"commgen:{doc.id}", version=doc.version, created=now.astimezone(),
        custom={"commgen.document": doc.id, "commgen.template_version": doc.version,
                "commgen.generated": now.astimezone().isoformat(timespec="seconds")})
    sensitive = frozenset(q.id for q in catalog.questions if q.sensitive)
    return render_document(template, context, props, sensitive)
