"""``commgen history``: the timeline of a case, on the terminal and as a Word document.

Per version: its number, date and time, who approved it, what changed (question, old and new
answer, as the catalogue labels them; a guarded answer only as "changed"), the "what is new"
text, and which documents went to which audience. The same rows fill the timeline document
and the evaluation record (``history.versions``), which are privacy-checked like every other
document before they are written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from commgen.answers.answersfile import Answers, load_answers
from commgen.answers.history import Version
from commgen.foundation.concepts import DOCUMENT_LANGUAGE
from commgen.foundation.formatting import DateText
from commgen.foundation.i18n import _
from commgen.questions.catalog import Catalog, Document, text_for

SET_SUFFIX = "#{kind}"  # the manifest key of a timeline or evaluation set (see write_extra)


def audience_label(audience: str) -> str:
    labels = {
        "internal": _("crisis team (internal)"),
        "parents-class": _("parents of the class"),
        "parents-other": _("parents of other classes"),
        "press": _("press and website"),
        "teachers": _("teachers and staff"),
    }
    return labels.get(audience, audience)


def moment(version: Version, lang: str) -> str:
    """"21 november 2026, 11:15 uur"."""
    try:
        day = str(DateText(dt.date.fromisoformat(version.date), lang))
    except ValueError:
        day = version.date or "?"
    return _("{date}, {time}").format(date=day, time=version.time) if version.time else day


def value_text(catalog: Catalog, qid: str, value: Any, lang: str) -> str:
    """A stored answer as people read it: choice labels, ja/nee, a date in words."""
    question = catalog.by_id.get(qid)
    if value is None or value == "" or value == []:
        return _("(empty)")
    if question is None:
        return str(value)
    labels = {c.value: text_for(c.label, lang) for c in question.choices}
    if isinstance(value, list):
        return ", ".join(labels.get(str(v), str(v)) for v in value) or _("(empty)")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if question.type == "date":
        try:
            return str(DateText(dt.date.fromisoformat(str(value)), lang))
        except ValueError:
            return str(value)
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v)
    return labels.get(str(value), str(value))


def change_lines(catalog: Catalog, version: Version, lang: str) -> list[str]:
    lines = []
    for qid, (old, new) in version.changes.items():
        question = catalog.by_id.get(qid)
        prompt = text_for(question.prompt, lang) if question else qid
        if question is not None and question.sensitive:
            lines.append(_("{question}: changed").format(question=prompt))
            continue
        lines.append(_("{question}: {old} → {new}").format(
            question=prompt, old=value_text(catalog, qid, old, lang),
            new=value_text(catalog, qid, new, lang)))
    return lines


def approval_text(catalog: Catalog, version: Version, lang: str) -> str:
    question = catalog.by_id.get("approvals")
    labels = {c.value: text_for(c.label, lang) for c in question.choices} if question else {}
    who = ", ".join(labels.get(a, a) for a in version.approvals) or _("nobody yet")
    return f"{who} ({version.approved_by})" if version.approved_by else who


def document_lines(catalog: Catalog, version: Version, lang: str) -> list[str]:
    by_id = {doc.id: doc for doc in catalog.documents}
    lines = []
    for sent in version.sent:
        doc = by_id.get(sent.document)
        title = text_for(doc.title, lang) if doc else sent.document
        line = _("version {n}: {document}, to {audience}").format(
            n=version.number, document=title, audience=audience_label(sent.audience))
        lines.append(f"{line}: {sent.file}" if sent.file else line)
    return lines


def timeline_rows(catalog: Catalog, versions: list[Version], lang: str = DOCUMENT_LANGUAGE
                  ) -> list[dict[str, Any]]:
    """Plain rows for the terminal and for the documents' ``history.versions``."""
    return [{
        "nummer": str(v.number), "moment": moment(v, lang),
        "goedkeuring": approval_text(catalog, v, lang),
        "wijzigingen": change_lines(catalog, v, lang) if v.number > 1 else [
            _("first version of the statement")],
        "nieuws": [p for p in v.news.split("\n") if p.strip()],
        "documenten": document_lines(catalog, v, lang),
    } for v in versions]


def timeline_text(rows: list[dict[str, Any]]) -> list[str]:
    """The timeline as lines for the terminal."""
    lines: list[str] = []
    for row in rows:
        lines.append(_("Version {n} · {moment}").format(n=row["nummer"], moment=row["moment"]))
        lines.append("  " + _("Approved by: {who}").format(who=row["goedkeuring"]))
        lines += [f"  - {line}" for line in row["wijzigingen"]]
        lines += [f"  “{line}”" for line in row["nieuws"]]
        if row["documenten"]:
            lines.append("  " + _("Sent:"))
            lines += [f"    - {line}" for line in row["documenten"]]
        lines.append("")
    return lines


def incident_date(answers: Answers, lang: str) -> str:
    day = answers.values.get("reported_date")
    return str(DateText(day, lang)) if isinstance(day, dt.date) else ""


def made_by(catalog: Catalog, kind: str) -> Document:
    from commgen.foundation.errors import CatalogError, Problem

    doc = next((d for d in catalog.documents if d.made_by == kind), None)
    if doc is None:
        raise CatalogError(_("The catalogue cannot be used:"), [Problem(
            _("no document has 'made_by: {kind}'; add one (see templates/README.md)").format(
                kind=kind), catalog.path, None, "documents")])
    return doc


def render_extra(catalog: Catalog, answers: Answers, doc: Document, history: dict[str, Any],
                 now: dt.datetime, lang: str = DOCUMENT_LANGUAGE) -> Any:
    from commgen.render.document import render_one
    from commgen.render.snippets import load_snippets

    return render_one(catalog, load_snippets(catalog, lang), answers, doc, lang, now,
                      {"history": history})


def write_extra(catalog: Catalog, answers: Answers, rendered: list[tuple[str, Document, Any]],
                folder: Path, kind: str, others: list[tuple[str, bytes]] | None = None,
                accept_findings: str | None = None, now: dt.datetime | None = None,
                lang: str = DOCUMENT_LANGUAGE) -> Any:
    """Check the documents (file name, document, rendered) like every other document, then
    write them and ``others`` as one set. The manifest keys this set apart from the case's
    documents, so that writing it never moves those into ``vorige/``."""
    from commgen.app.generate import Result, document_data, verdict
    from commgen.app.output import write_set
    from commgen.checks.generation import review_documents
    from commgen.foundation.textclean import clean_text

    reason = clean_text(accept_findings).strip() if accept_findings else None
    review = review_documents(catalog, answers, [(d, r) for _n, d, r in rendered], reason, lang)
    blocked, accepted = verdict(review, answers)
    result = Result(notes=list(answers.notes), review=review, blocked=blocked,
                    accepted=accepted, answers_path=answers.path, kept=dict(answers.accepted))
    if blocked:
        return result
    files = [(name, document_data(doc.id, document.data, accepted))
             for name, doc, document in rendered] + list(others or [])
    key = answers.path.with_name(answers.path.name + SET_SUFFIX.format(kind=kind)) if (
        answers.path) else None
    result.written = write_set(folder, files, key, now=now)
    return result


def load_case(catalog: Catalog, answers_path: Path, out_dir: Path
              ) -> tuple[Answers, list[Version], str | None]:
    """The answers and their versions (a file without history: version 1, in memory)."""
    from commgen.app.update import history_of

    answers = load_answers(answers_path, catalog)
    versions, note = history_of(catalog, answers, out_dir)
    return answers, versions, note


def timeline_document(catalog: Catalog, answers_path: Path, target: Path | None,
                      now: dt.datetime | None = None) -> tuple[list[str], str | None, Any]:
    """The timeline's lines, a note (no history yet), and the result of writing the Word
    document to ``target`` (None: not asked)."""
    from commgen.app.update import default_out

    now = now or dt.datetime.now().replace(microsecond=0)
    answers, versions, note = load_case(catalog, answers_path, default_out(answers_path))
    rows = timeline_rows(catalog, versions)
    result = None
    if target is not None:
        doc = made_by(catalog, "history")
        rendered = render_extra(catalog, answers, doc, {
            "versions": rows, "incident": incident_date(answers, DOCUMENT_LANGUAGE)}, now)
        name = target.name if target.suffix.lower() == ".docx" else f"{target.name}.docx"
        result = write_extra(catalog, answers, [(name, doc, rendered)], target.parent,
                             "tijdlijn", now=now)
    return timeline_text(rows), note, result
