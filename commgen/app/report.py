"""What a run tells the user: the privacy findings, what was written, what was kept.

Each finding is told once, not once per document: a passage found in several documents is
one line with the documents named, and when it comes from an answer, with that question.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import click

from commgen.foundation.errors import EXIT_FINDINGS, EXIT_OK
from commgen.foundation.i18n import _, ngettext
from commgen.foundation.textclean import for_terminal

# How each send channel takes the plain text (``send_channel`` choices of the catalogue).
APP_CHANNELS = ("parro", "social_schools", "magister", "somtoday", "app")
LETTER_AUDIENCES = ("parents-class", "parents-other")  # the letters that go by send_channel


@dataclass
class Grouped:
    """One finding, and everywhere it was found."""

    finding: Any
    where: str
    question: str | None = None
    documents: list[tuple[str, str]] = field(default_factory=list)  # (document, where in it)


def grouped_findings(review: Any) -> list[Grouped]:
    """Every finding of the run once: answers first, then what only the documents have."""
    groups: dict[tuple[str, str, str], Grouped] = {}
    answer_texts: list[tuple[str, str]] = []
    for question, text, findings in review.answers:
        answer_texts.append((question, text))
        for finding in findings:
            key = (finding.category, finding.text, finding.message)
            if key not in groups:
                line = text.count("\n", 0, finding.start) + 1
                where = _("answer '{question}', line {line}").format(question=question,
                                                                     line=line)
                groups[key] = Grouped(finding, where, question)
    for document in review.documents:
        for finding in document.findings:
            where = _place(document, finding)
            key = (finding.category, finding.text, finding.message)
            if key not in groups:
                question = next((q for q, t in answer_texts
                                 if finding.text and finding.text in t), None)
                groups[key] = Grouped(finding, where, question)
            if document.doc_id not in (d for d, _w in groups[key].documents):
                groups[key].documents.append((document.doc_id, where))
    return list(groups.values())


def _place(document: Any, finding: Any) -> str:
    """Where in a document: the Word place (or line:col), as ``commgen check`` says it."""
    from commgen.checks.report import position

    if finding.category == "metadata":
        return _("{doc}, document properties").format(doc=document.doc_id)
    checked = document.text if document.document is None else document.document
    return position(document.doc_id, checked, finding.start)


def review_lines(result: Any) -> list[str]:
    from commgen.checks.report import finding_lines

    lines: list[str] = []
    for group in grouped_findings(result.review):
        if group.question in result.kept:
            continue  # kept with a reason: said below, with the reason
        lines.extend(finding_lines(group.where, group.finding))
        several = len(group.documents) > 1 or group.question is not None
        for _doc, where in group.documents if several else []:
            lines.append("    " + _("in {place}").format(place=where))
    if not result.blocked:  # nothing is written when a document is blocked: no such line
        for doc_id, reason in result.accepted.items():
            lines.append(click.style(_("Written despite findings: {doc}. Reason (recorded in "
                                       "the document properties): {reason}").format(
                                           doc=doc_id, reason=reason), fg="yellow"))
    return lines


def blocked_lines(result: Any) -> list[str]:
    """Why nothing was written, for the end of the run's output (the lines a user reads)."""
    if not result.blocked:
        return []
    named = [d for d in result.blocked if result.review is not None
             and result.review.holds_guarded(d)]
    if named:
        message = ngettext(
            "Nothing was written: {docs} holds the name of a pupil involved (•••), which is "
            "never kept, not even with --accept-findings, and a run writes all its documents "
            "or none. Change the answer.",
            "Nothing was written: {docs} hold the name of a pupil involved (•••), which is "
            "never kept, not even with --accept-findings, and a run writes all its documents "
            "or none. Change the answer.", len(named)).format(docs=", ".join(named))
    else:
        message = ngettext(
            "Nothing was written: {docs} still has errors, and a run writes all its documents "
            "or none. Change the answers, or use --accept-findings \"reason\" to write them "
            "anyway.",
            "Nothing was written: {docs} still have errors, and a run writes all its documents "
            "or none. Change the answers, or use --accept-findings \"reason\" to write them "
            "anyway.", len(result.blocked)).format(docs=", ".join(result.blocked))
    lines = [click.style(message, fg="red", bold=True)]
    if result.answers_path is not None:
        lines.append(_("Change the answers with: commgen new --resume \"{path}\"").format(
            path=result.answers_path))
    return lines


def written_lines(written: Any) -> list[str]:
    lines = [f"  {written.path}"]
    if written.path != written.wanted:
        if written.kept_reason == "open":
            lines.append(_("    ({wanted} is open in Word; it was kept and the new version "
                           "written beside it.)").format(wanted=written.wanted.name))
        elif written.kept_reason == "twin":
            kept = written.wanted.with_suffix(".docx").name
            lines.append(_("    (the text of {document}; the changes made in {kept} in Word "
                           "are not in it: to send those, copy the text from {kept})").format(
                               document=written.path.with_suffix(".docx").name, kept=kept))
        elif written.kept_reason == "edited":
            lines.append(_("    ({wanted} was changed after commgen wrote it; it was kept. Use "
                           "--force to replace it.)").format(wanted=written.wanted.name))
        else:
            lines.append(_("    ({wanted} already exists and was not made by commgen from these "
                           "answers; it was kept. Use --force to replace it.)").format(
                               wanted=written.wanted.name))
    if written.previous is not None:
        lines.append(_("    (the earlier version is now in {folder})").format(
            folder=written.previous.parent))
    elif written.replaced:
        lines.append(_("    (replaced the earlier version)"))
    return lines


def send_instructions(result: Any) -> list[tuple[Any, Any, str]]:
    """(document, its plain text file, how to send it) for each letter that goes through the
    send channel of the answers: what the terminal prints under "How to send:" and the
    browser's page of the documents shows, from this one place."""
    channel, label = result.send_channel
    found: list[tuple[Any, Any, str]] = []
    for doc, path in result.plain_texts if channel else []:
        if doc.audience not in LETTER_AUDIENCES:
            continue  # the website statement and the press statement do not go to parents
        if channel in APP_CHANNELS:
            line = _("  Paste {file} into a new message in {channel}.").format(
                file=path.name, channel=label)
        elif channel == "email":
            line = _("  Paste {file} into the e-mail itself (not as an attachment).").format(
                file=path.name)
        elif channel == "paper":
            line = _("  Print {file} as it is; {text} is for a later message.").format(
                file=path.with_suffix(".docx").name, text=path.name)
        else:
            continue
        found.append((doc, path, line.strip()))
    return found


def paste_lines(result: Any) -> list[str]:
    """Which plain text goes where, for the channel the letters go through."""
    lines = [f"  {line}" for _doc, _path, line in send_instructions(result)]
    return [_("How to send:"), *lines] if lines else []


def report(result: Any) -> int:
    """What the privacy check found, what was written, what was kept, what was not needed."""
    for note in result.notes:
        click.echo(_("Note: {problem}").format(problem=for_terminal(str(note))), err=True)
    color = False if os.environ.get("NO_COLOR") else None
    if result.review is not None:
        for line in review_lines(result):
            click.echo(line, color=color)
    if result.written:
        click.echo(_("Written:"))
    for written in result.written:
        for line in written_lines(written):
            click.echo(for_terminal(line))  # a folder name may hold control characters
    for line in paste_lines(result):
        click.echo(line)
    for doc in result.not_applicable:
        click.echo(_("Not needed with these answers: {doc}").format(doc=doc.id))
    for line in blocked_lines(result):
        click.echo(line, color=color)
    return EXIT_FINDINGS if result.blocked else EXIT_OK
