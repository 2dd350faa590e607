"""The run loop of ``commgen generate``: answers -> context -> rendered documents -> files.

Every document is rendered and checked in memory before any is written; the set is written
only when every document passes (or its findings are accepted), and then as one set
(``output.write_set``), so a run never leaves some documents of a set written and others not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from commgen.answers.answersfile import Answers, load_answers
from commgen.app.output import Written, write_set
from commgen.foundation.concepts import DOCUMENT_LANGUAGE
from commgen.foundation.errors import Problem, UsageError
from commgen.foundation.i18n import _, current_language
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
    blocked: list[str] = field(default_factory=list)  # documents with open errors: none written
    accepted: dict[str, str] = field(default_factory=dict)  # document id -> reason recorded
    answers_path: Path | None = None
    kept: dict[str, str] = field(default_factory=dict)  # answers kept with a reason
    plain_texts: list[tuple[Document, Path]] = field(default_factory=list)
    send_channel: tuple[str | None, str] = (None, "")  # the choice and its label


def select_documents(catalog: Catalog, answers: Answers, only: list[str] | None
                     ) -> tuple[list[Document], list[Document]]:
    """The documents to make: those asked for (or all) whose ``when`` holds."""
    known = [doc.id for doc in catalog.documents if not doc.made_by]  # others: update, ...
    if only:
        for doc in catalog.documents:
            if doc.made_by and doc.id in only:
                raise UsageError(_("{doc} is made by commgen {command} (from the history of "
                                   "a case), not by commgen generate.").format(
                                       doc=doc.id, command=doc.made_by))
        unknown = [doc_id for doc_id in only if doc_id not in known]
        if unknown:
            raise UsageError(_("Unknown document {ids} for --only; choose from: {known}.").format(
                ids=", ".join(unknown), known=", ".join(known)))
    chosen, skipped = [], []
    for doc in catalog.documents:
        if doc.made_by or (only and doc.id not in only):
            continue
        if catalog.is_applicable(doc.when, answers.values):
            chosen.append(doc)
        else:
            skipped.append(doc)
    return chosen, skipped


def output_path(out_dir: Path, doc: Document, lang: str) -> Path:
    return out_dir / f"{text_for(doc.filename, lang)}.docx"


def verdict(review: Any, answers: Answers) -> tuple[list[str], dict[str, str]]:
    """Which documents are blocked (errors not accepted), and the reason recorded in each
    document written despite findings: ``--accept-findings`` for all, or the reasons of the
    answers kept in the interview for the findings whose passage is in such an answer."""
    from commgen.app.answercheck import accepted_passages, covered_by
    from commgen.checks.findings import has_guarded
    from commgen.checks.generation import keepable
    from commgen.foundation.concepts import ERROR

    passages = accepted_passages(answers.values, answers.accepted)
    blocked: list[str] = []
    accepted: dict[str, str] = {}
    for document in review.documents:
        errors = [f for f in document.findings if f.severity == ERROR]
        if not errors:
            continue
        public = getattr(document, "public", False)
        if has_guarded(errors) or not all(keepable(f, public) for f in errors):
            blocked.append(document.doc_id)  # a pupil's name (or a sanction in a public text):
            continue  # never written, whatever the reason
        if review.reason:
            accepted[document.doc_id] = str(review.reason)
            continue
        reasons = [covered_by(f, passages, public) for f in errors]
        if any(r is None for r in reasons):
            blocked.append(document.doc_id)
        else:
            accepted[document.doc_id] = "; ".join(dict.fromkeys(r for r in reasons if r))
    return blocked, accepted


def guarded_notes(catalog: Catalog, answers: Answers) -> list[Problem]:
    """A note per answer that holds a pupil's name (as the contact person's name, say): the
    documents would print it, since an answer allows itself in them."""
    from commgen.app.answercheck import guarded_answers

    lang = current_language()
    return [Problem(_("The answer to “{question}” holds the name of a pupil involved (•••); no "
                      "document is written with it. Change the answer with commgen new "
                      "--resume.").format(question=text_for(item.question.prompt, lang)),
                    answers.path, None, item.question.id)
            for item in guarded_answers(catalog, answers.values)]


def document_data(doc_id: str, data: bytes, accepted: dict[str, str]) -> bytes:
    """The bytes to write: with the acceptance of the findings recorded in the document's
    custom properties when the user accepted them (``--accept-findings`` or a reason given
    in the interview)."""
    if doc_id not in accepted:
        return data
    from commgen.checks.generation import ACCEPTED_PROPERTY
    from commgen.docx.props import add_custom_property

    return add_custom_property(data, ACCEPTED_PROPERTY, accepted[doc_id])


def generate(answers_path: Path, out_dir: Path, templates_dir: Path,
             only: list[str] | None = None, force: bool = False,
             lang: str = DOCUMENT_LANGUAGE, now: dt.datetime | None = None,
             pdf: bool = False, accept_findings: str | None = None) -> Result:
    """Check the answers, render every applicable document, then write them all."""
    catalog = load_catalog(templates_dir)
    answers = load_answers(answers_path, catalog)
    return generate_from_answers(catalog, answers, out_dir, only, force, lang, now, pdf=pdf,
                                 accept_findings=accept_findings)


def render_set(catalog: Catalog, answers: Answers, only: list[str] | None = None,
               lang: str = DOCUMENT_LANGUAGE, now: dt.datetime | None = None,
               accept_findings: str | None = None, extra: Sequence[tuple[Document, Any]] = ()
               ) -> tuple[list[tuple[Document, Any]], Result]:
    """Every applicable document rendered and checked in memory, nothing written: the
    documents, and a Result with the review and which documents are blocked (``commgen
    generate`` writes them next; ``commgen web`` previews them)."""
    from commgen.checks.generation import review_documents

    now = now or dt.datetime.now()
    chosen, skipped = select_documents(catalog, answers, only)
    snippets = load_snippets(catalog, lang)
    rendered = [(doc, render_one(catalog, snippets, answers, doc, lang, now)) for doc in chosen]
    rendered += list(extra)
    reason = clean_text(accept_findings).strip() if accept_findings else None  # into XML
    review = review_documents(catalog, answers, rendered, reason, lang)
    blocked, accepted = verdict(review, answers)
    notes = list(answers.notes) + guarded_notes(catalog, answers)
    if len(notes) > len(answers.notes):  # a pupil's name in an answer: no document at all
        blocked = list(dict.fromkeys([*blocked, *(doc.id for doc, _d in rendered)]))
    return rendered, Result(not_applicable=skipped, notes=notes, review=review,
                            blocked=blocked, accepted=accepted, answers_path=answers.path,
                            kept=dict(answers.accepted))


def generate_from_answers(catalog: Catalog, answers: Answers, out_dir: Path,
                          only: list[str] | None = None, force: bool = False,
                          lang: str = DOCUMENT_LANGUAGE, now: dt.datetime | None = None,
                          pdf: bool = False, accept_findings: str | None = None,
                          extra: Sequence[tuple[Document, Any]] = ()) -> Result:
    """Render every applicable document and check it, all in memory; only when no document
    has an open privacy error, write the whole set (each .docx, its plain text and PDF) at
    once. A blocked run leaves the output folder as it was. ``extra``: documents rendered by
    another command (``commgen update``'s letters), checked and written in the same set."""
    now = now or dt.datetime.now()
    if pdf:
        require_soffice()  # say so before anything is written
    rendered, result = render_set(catalog, answers, only, lang, now, accept_findings, extra)
    accepted = result.accepted
    if result.blocked:
        return result  # all or nothing: not one file of the set is written
    files: list[tuple[str, bytes]] = []
    for doc, document in rendered:
        name = output_path(out_dir, doc, lang).name
        data = document_data(doc.id, document.data, accepted)
        files.append((name, data))
        if doc.plain_text:  # same name as the .docx, so the pair is easy to find
            text = plain_text(data, getattr(document, "body", None))
            files.append((Path(name).with_suffix(".txt").name, text.encode("utf-8")))
    if pdf and files:
        files += _pdfs(out_dir, [(n, d) for n, d in files if n.endswith(".docx")])
    result.written = write_set(out_dir, files, answers.path, force, now)
    by_name = {w.wanted.name: w.path for w in result.written}
    result.send_channel = _channel(catalog, answers)
    result.plain_texts = [(doc, by_name[output_path(out_dir, doc, lang).with_suffix(".txt").name])
                          for doc, _document in rendered if doc.plain_text]
    return result


def _pdfs(out_dir: Path, documents: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The PDF of every document, converted from a private temporary folder."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="commgen-pdf-") as folder:
        paths = []
        for name, data in documents:
            path = Path(folder) / name
            path.write_bytes(data)
            paths.append(path)
        converted = pdf_bytes(paths)
        return [(p.with_suffix(".pdf").name, converted[p]) for p in paths]


def _channel(catalog: Catalog, answers: Answers) -> tuple[str | None, str]:
    value = answers.values.get("send_channel")
    question = catalog.by_id.get("send_channel")
    if not value or question is None:
        return None, ""
    label = next((text_for(c.label, current_language()) for c in question.choices
                  if c.value == value), str(value))
    return str(value), label
