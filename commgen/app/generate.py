"""The run loop of ``commgen generate``: answers -> context -> rendered documents -> files.

Every document is rendered and checked before any is written, so a failure never leaves a
half-finished set behind.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from commgen.answers.answersfile import Answers, load_answers
from commgen.app.output import Written, write_document
from commgen.foundation.concepts import DOCUMENT_LANGUAGE
from commgen.foundation.errors import Problem, UsageError
from commgen.foundation.i18n import _
from commgen.foundation.textclean import clean_text
from commgen.questions.catalog import Catalog, Document, load_catalog, text_for
from commgen.render.document import render_one
from commgen.render.pdf import pdf_bytes, require_soffice
from commgen.render.plaintext import plain_text
from commgen.render.snippets import load_snippets


@dataclass
class Result:
    written: list[Written] = field(default_factory=list)
    not_applicable: list[Document] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    review: Any = None  # commgen.checks.generation.Review: the privacy check of every document


def select_documents(catalog: Catalog, answers: Answers, only: list[str] | None
                     ) -> tuple[list[Document], list[Document]]:
    """The documents to make: those asked for (or all) whose ``when`` holds."""
    known = [doc.id for doc in catalog.documents]
    if only:
        unknown = [doc_id for doc_id in only if doc_id not in known]
        if unknown:
            raise UsageError(_("Unknown document {ids} for --only; choose from: {known}.").format(
                ids=", ".join(unknown), known=", ".join(known)))
    chosen, skipped = [], []
    for doc in catalog.documents:
        if only and doc.id not in only:
            continue
        if catalog.is_applicable(doc.when, answers.values):
            chosen.append(doc)
        else:
            skipped.append(doc)
    return chosen, skipped


def output_path(out_dir: Path, doc: Document, lang: str) -> Path:
    return out_dir / f"{text_for(doc.filename, lang)}.docx"


def document_data(review: Any, doc_id: str, data: bytes) -> bytes:
    """The bytes to write: with the acceptance of the findings recorded in the document's
    custom properties when the user accepted them (``--accept-findings``)."""
    if doc_id not in review.accepted():
        return data
    from commgen.checks.generation import ACCEPTED_PROPERTY
    from commgen.docx.props import add_custom_property

    return add_custom_property(data, ACCEPTED_PROPERTY, str(review.reason))


def generate(answers_path: Path, out_dir: Path, templates_dir: Path,
             only: list[str] | None = None, force: bool = False,
             lang: str = DOCUMENT_LANGUAGE, now: dt.datetime | None = None,
             pdf: bool = False, accept_findings: str | None = None) -> Result:
    """Check the answers, render every applicable document, then write them all."""
    catalog = load_catalog(templates_dir)
    answers = load_answers(answers_path, catalog)
    return generate_from_answers(catalog, answers, out_dir, only, force, lang, now, pdf=pdf,
                                 accept_findings=accept_findings)


def generate_from_answers(catalog: Catalog, answers: Answers, out_dir: Path,
                          only: list[str] | None = None, force: bool = False,
                          lang: str = DOCUMENT_LANGUAGE, now: dt.datetime | None = None,
                          pdf: bool = False, accept_findings: str | None = None) -> Result:
    """Render every applicable document, check it, then write each .docx, its plain text
    and PDF. A document with privacy errors is not written unless the findings are accepted."""
    from commgen.checks.generation import review_documents

    now = now or dt.datetime.now()
    chosen, skipped = select_documents(catalog, answers, only)
    snippets = load_snippets(catalog, lang)
    if pdf:
        require_soffice()  # say so before anything is written
    rendered = [(doc, render_one(catalog, snippets, answers, doc, lang, now)) for doc in chosen]
    reason = clean_text(accept_findings).strip() if accept_findings else None  # into XML
    review = review_documents(catalog, answers, rendered, reason, lang)
    result = Result(not_applicable=skipped, notes=list(answers.notes), review=review)
    refused = review.refused()
    documents: list[Written] = []
    for doc, document in rendered:
        if doc.id in refused:
            continue
        data = document_data(review, doc.id, document.data)
        written = write_document(output_path(out_dir, doc, lang), data, force)
        documents.append(written)
        result.written.append(written)
        if doc.plain_text:  # same name as the .docx, so the pair is easy to find
            result.written.append(write_document(written.path.with_suffix(".txt"),
                                                 plain_text(data).encode("utf-8"), force))
    if pdf and documents:
        converted = pdf_bytes([w.path for w in documents])
        for written in documents:
            result.written.append(write_document(written.path.with_suffix(".pdf"),
                                                 converted[written.path], force))
    return result
