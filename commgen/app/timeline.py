"""``commgen history``: the timeline of a case, on the terminal and as a Word document.

Per version: its number, date and time, who approved it, what changed (question, old and new
answer, as the catalogue labels them; a guarded answer only as "changed"), the "what is new"
text, and which documents went to which audience. The same rows fill the timeline document
and the evaluation record (``history.versions``), which are privacy-checked like every other
document before they are written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from commgen.answers.answersfile import Answers, load_answers, read_answers_file
from commgen.answers.history import Sent, Version, read_history
from commgen.foundation.concepts import DOCUMENT_LANGUAGE
from commgen.foundation.errors import AnswersError
from commgen.foundation.formatting import DateText
from commgen.foundation.i18n import _
from commgen.questions.catalog import Catalog, Document, text_for

SET_SUFFIX = "#{kind}"  # the manifest key of a timeline or evaluation set (see write_extra)
INTERNAL = "internal"  # the crisis team's audience: its documents are kept, not sent
OUTSIDE = "outside"  # the audience recorded for a document that reaches no update audience
VERSIONS_FOLDER = "versies"  # every version's documents: versies/versie-1, versies/versie-2


def version_folder(out_dir: Path, number: int) -> Path:
    """Where every document of one version is kept (``commgen update``): ``versies/versie-2``."""
    return out_dir / VERSIONS_FOLDER / f"versie-{number}"


def audience_label(audience: str) -> str:
    labels = {
        "internal": _("crisis team (internal)"),
        "parents-class": _("parents of the class"),
        "parents-other": _("parents of other classes"),
        "press": _("press and website"),
        "teachers": _("teachers and staff"),
        OUTSIDE: _("outside the school"),
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
        if isinstance(new, list) and isinstance(old, list | type(None)):
            lines.append(_("{question}: {changes}").format(question=prompt, changes=", ".join(
                list_changes(catalog, qid, old or [], new, lang))))
            continue
        lines.append(_("{question}: {old} → {new}").format(
            question=prompt, old=value_text(catalog, qid, old, lang),
            new=value_text(catalog, qid, new, lang)))
    return lines


def list_changes(catalog: Catalog, qid: str, old: list[Any], new: list[Any], lang: str
                 ) -> list[str]:
    """A list's change as what came and what went: "+ ouderavond", "− klassengesprek"."""
    before, after = [str(v) for v in old], [str(v) for v in new]
    return ([f"+ {value_text(catalog, qid, [v], lang)}" for v in after if v not in before] +
            [f"− {value_text(catalog, qid, [v], lang)}" for v in before if v not in after])


def approval_text(catalog: Catalog, version: Version, lang: str) -> str:
    question = catalog.by_id.get("approvals")
    labels = {c.value: text_for(c.label, lang) for c in question.choices} if question else {}
    who = ", ".join(labels.get(a, a) for a in version.approvals) or _("nobody yet")
    return f"{who} ({version.approved_by})" if version.approved_by else who


def document_lines(catalog: Catalog, version: Version, lang: str,
                   internal: bool = False) -> list[str]:
    """The documents of a version that went out (``internal``: those made for the crisis team
    and the front desk, which are kept, never sent)."""
    from commgen.render.updates import load_updates

    outside = {d for d, spec in load_updates(catalog, lang).recipients.items() if spec == ()}
    by_id = {doc.id: doc for doc in catalog.documents}
    lines = []
    for sent in version.sent:
        if (sent.audience == INTERNAL) != internal:
            continue
        doc = by_id.get(sent.document)
        title = text_for(doc.title, lang) if doc else sent.document
        line = _("version {n}: {document}, to {audience}").format(
            n=version.number, document=title, audience=audience_label(sent.audience)) if (
            sent.document not in outside) else _("version {n}: {document}").format(
                n=version.number, document=title)
        lines.append(f"{line}: {sent.file}" if sent.file else line)
    return lines


def timeline_rows(catalog: Catalog, versions: list[Version], lang: str = DOCUMENT_LANGUAGE,
                  out_dir: Path | None = None) -> list[dict[str, Any]]:
    """Plain rows for the terminal and for the documents' ``history.versions``; ``map``: the
    folder that keeps the version's documents (``versies/versie-N``), when it is there."""
    gone = set(missing_versions(out_dir, versions)) if out_dir is not None else set()

    def kept(number: int) -> str:
        if out_dir is None:
            return ""
        folder = version_folder(out_dir, number).relative_to(out_dir).as_posix()
        if number in gone:
            return _("{folder} (missing: removed or moved)").format(folder=folder)
        return folder if version_folder(out_dir, number).is_dir() else ""

    return [{
        "nummer": str(v.number), "moment": moment(v, lang),
        "goedkeuring": approval_text(catalog, v, lang),
        "wijzigingen": change_lines(catalog, v, lang) if v.number > 1 else [
            _("first version of the statement")],
        "nieuws": [p for p in v.news.split("\n") if p.strip()],
        "documenten": document_lines(catalog, v, lang),
        "intern": document_lines(catalog, v, lang, internal=True),
        "map": kept(v.number),
    } for v in versions]


def missing_versions(out_dir: Path, versions: list[Version]) -> list[int]:
    """The versions whose folder (``versies/versie-N``) is gone although the output folder
    keeps the versions (an update made ``versies/``): removed or moved by hand."""
    if not (out_dir / VERSIONS_FOLDER).is_dir():
        return []  # no version kept yet (a case of an older commgen, or no update yet)
    return [v.number for v in versions if not version_folder(out_dir, v.number).is_dir()]


def missing_note(out_dir: Path, versions: list[Version]) -> str | None:
    """What to tell the user of versions whose documents are no longer kept."""
    gone = missing_versions(out_dir, versions)
    if not gone:
        return None
    return _("the documents of version(s) {numbers} are missing in {folder}: the folder was "
             "removed or moved. The history still lists these versions; put the folder back "
             "(from a backup or the crisis file) to keep what was sent.").format(
                 numbers=", ".join(map(str, gone)), folder=out_dir / VERSIONS_FOLDER)


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
        if row.get("intern"):
            lines.append("  " + _("Made for internal use (not sent):"))
            lines += [f"    - {line}" for line in row["intern"]]
        if row["map"]:
            lines.append("  " + _("All documents of this version: {folder}").format(
                folder=row["map"]))
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


# --- The history of a file, also one made before commgen kept it -------------------------

def documents_of(catalog: Catalog, kinds: tuple[str | None, ...] = (None,)) -> list[Document]:
    return [doc for doc in catalog.documents if doc.made_by in kinds]


def first_version(catalog: Catalog, answers: Answers, out_dir: Path,
                  lang: str = DOCUMENT_LANGUAGE) -> tuple[Version, str]:
    """Version 1 of an answers file without history: its current state, with the documents
    the output folder's manifest says commgen wrote from it (else those that apply). Returns
    the version and a note for the user."""
    from commgen.app.generate import output_path, select_documents
    from commgen.app.output import Manifest, answers_key

    values = answers.values
    key = answers_key(answers.path, out_dir)
    manifest = Manifest.load(out_dir)
    by_name = {output_path(out_dir, doc, lang).name: doc for doc in documents_of(catalog)}
    sent = []
    for name, entry in manifest.files.items():
        doc = by_name.get(str(entry.get("wanted", name)))
        if doc is not None and entry.get("answers") == key:
            sent.append(Sent(doc.id, doc.audience, name, str(entry.get("sha256", ""))))
    if sent:
        note = _("{path} has had no update yet: its current answers are "
                 "recorded as version 1, with the {n} document(s) commgen wrote from it in "
                 "{folder}.").format(path=answers.path, n=len(sent), folder=out_dir)
    else:
        chosen, _skipped = select_documents(catalog, answers, None)
        sent = [Sent(doc.id, doc.audience) for doc in chosen]
        note = _("{path} has had no update yet: its current answers are "
                 "recorded as version 1. No documents of it were found in {folder}; commgen "
                 "assumes the {n} document(s) that apply to these answers were sent.").format(
                     path=answers.path, folder=out_dir, n=len(sent))
    sent = record_sent(catalog, sent, Reach(), lang)
    date = values.get("statement_date")
    time = values.get("statement_time")
    version = Version(1, date.isoformat() if isinstance(date, dt.date) else "",
                      time.strftime("%H:%M") if isinstance(time, dt.time) else "",
                      list(values.get("approvals") or []), str(values.get("approved_by") or ""),
                      {}, "", sent)
    return version, note


@dataclass
class Reach:
    """What the audiences got so far, from the history: per audience the documents, the last
    version that reached it, how many update letters it had, and the questions its documents
    told of (their templates' answers and phrases, and what its update letters said)."""

    had: dict[str, set[str]] = field(default_factory=dict)
    last: dict[str, Version] = field(default_factory=dict)
    letters: dict[str, int] = field(default_factory=dict)
    told: dict[str, set[str]] = field(default_factory=dict)
    documents: set[str] = field(default_factory=set)  # every document sent, to anyone


def reach_of(catalog: Catalog, versions: list[Version], lang: str = DOCUMENT_LANGUAGE
             ) -> Reach:
    """Who got what, version by version. The audiences are those each document reaches
    (``ontvangers`` in updates.yaml), also for a history written by an older commgen."""
    from commgen.render.updates import load_updates, recipients

    updates = load_updates(catalog, lang)
    used = questions_of_documents(catalog, lang)
    by_id = {doc.id: doc for doc in catalog.documents}
    reach = Reach()
    for version in versions:
        stored = {s.document: s.audience for s in version.sent}
        targets = recipients(catalog, updates, list(stored), reach.had)
        for item in version.sent:
            reach.documents.add(item.document)
            audiences = targets.get(item.document)
            if audiences is None or item.audience in audiences:
                audiences = [item.audience]  # one entry per audience (or an unknown document)
            for audience in audiences:
                reach.had.setdefault(audience, set()).add(item.document)
                reach.last[audience] = version
                reach.told.setdefault(audience, set()).update(
                    used.get(item.document, set()) | set(item.about))
                doc = by_id.get(item.document)
                if doc is not None and doc.made_by == "update":
                    reach.letters[audience] = reach.letters.get(audience, 0) + 1
    return reach


def questions_of_documents(catalog: Catalog, lang: str) -> dict[str, set[str]]:
    """The questions each document's template uses, directly or through the phrases it prints
    (and what picks their wording): what a document tells its audience of."""
    import re

    from commgen.foundation.jinja import expression_names
    from commgen.render.snippets import load_snippets
    from commgen.render.templateinfo import questions_used, template_source

    snippets = load_snippets(catalog, lang)
    used: dict[str, set[str]] = {}
    for doc in catalog.documents:
        path = doc.templates.get(lang)
        if path is None:
            continue
        source = template_source(path)
        names = set(questions_used(source, catalog, snippets.terms_question))
        for phrase in set(re.findall(r"phrase\.(\w+)", source)):  # and what picks its wording
            variants = snippets.sentences.get(phrase) or [
                v for by_value in snippets.phrases.get(phrase, {}).values() for v in by_value]
            for variant in variants:
                if variant.when:
                    names |= expression_names(variant.when)
                text = variant.text_for(doc.audience)
                if text and "{" in text:  # the answers a sentence prints
                    names |= set(questions_used(text, catalog, snippets.terms_question))
        used[doc.id] = names
    return used


def record_sent(catalog: Catalog, written: list[Sent], reach: Reach,
                lang: str = DOCUMENT_LANGUAGE) -> list[Sent]:
    """What one version sends, one entry per document and audience it reaches (``ontvangers``
    in updates.yaml: the invitation to the parents' evening goes with the parents' letters):
    every update letter, and a full document only to an audience that did not have it yet. A
    document that reaches none of the audiences of update letters (the letter to the other
    school) is recorded once, with the audience ``outside`` (not the catalogue's audience,
    which picks its checks: the other school's staff are no parents of this school)."""
    from commgen.render.updates import load_updates, recipients

    by_id = {doc.id: doc for doc in catalog.documents}
    targets = recipients(catalog, load_updates(catalog, lang), [s.document for s in written],
                         reach.had)
    result: list[Sent] = []
    for item in written:
        doc = by_id.get(item.document)
        letter = doc is not None and doc.made_by == "update"
        audiences = targets.get(item.document) or []
        if not audiences:
            if item.document not in reach.documents:
                result.append(Sent(item.document, OUTSIDE if doc is not None else
                                   item.audience, item.file, item.sha256, item.about))
            continue
        result += [Sent(item.document, audience, item.file, item.sha256, item.about)
                   for audience in audiences
                   if letter or item.document not in reach.had.get(audience, set())]
    return result


def history_of(catalog: Catalog, answers: Answers, out_dir: Path) -> tuple[list[Version],
                                                                           str | None]:
    """The versions of a case; for a file without history, version 1 made from it now."""
    if answers.history:
        return list(answers.history), None
    version, note = first_version(catalog, answers, out_dir)
    return [version], note


def default_out(answers_path: Path) -> Path:
    """The folder the history says the last update wrote to; else the answers file's own
    folder when commgen wrote documents there; else the default."""
    from commgen.answers.history import output_folder
    from commgen.app.commands.options import DEFAULT_OUT
    from commgen.app.output import MANIFEST_NAME

    try:
        recorded = output_folder(read_history(read_answers_file(answers_path), answers_path, []),
                                 answers_path)
    except (AnswersError, OSError):
        recorded = None  # the run that reads the file says what is wrong with it
    if recorded is not None:
        return recorded
    folder = answers_path.parent
    return folder if (folder / MANIFEST_NAME).exists() else Path(DEFAULT_OUT)


def load_case(catalog: Catalog, answers_path: Path, out_dir: Path
              ) -> tuple[Answers, list[Version], str | None]:
    """The answers and their versions (a file without history: version 1, in memory)."""
    answers = load_answers(answers_path, catalog)
    versions, note = history_of(catalog, answers, out_dir)
    return answers, versions, note


def timeline_document(catalog: Catalog, answers_path: Path, target: Path | None,
                      now: dt.datetime | None = None) -> tuple[list[str], str | None, Any]:
    """The timeline's lines, a note (no history yet), and the result of writing the Word
    document to ``target`` (None: not asked)."""
    now = now or dt.datetime.now().replace(microsecond=0)
    out_dir = default_out(answers_path)
    answers, versions, note = load_case(catalog, answers_path, out_dir)
    rows = timeline_rows(catalog, versions, out_dir=out_dir)
    if gone := missing_note(out_dir, versions):
        note = f"{note}\n{gone}" if note else gone
    result = None
    if target is not None:
        doc = made_by(catalog, "history")
        rendered = render_extra(catalog, answers, doc, {
            "versions": rows, "incident": incident_date(answers, DOCUMENT_LANGUAGE)}, now)
        name = target.name if target.suffix.lower() == ".docx" else f"{target.name}.docx"
        result = write_extra(catalog, answers, [(name, doc, rendered)], target.parent,
                             "tijdlijn", now=now)
    return timeline_text(rows), note, result
