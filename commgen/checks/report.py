"""Findings for people (text, coloured by severity) and for programs (JSON)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import click

from commgen.checks.findings import GUARDED_RULE, Finding, line_bounds, line_col, masked
from commgen.docx.reader import DocumentText
from commgen.foundation.concepts import ERROR
from commgen.foundation.i18n import _
from commgen.foundation.textclean import for_terminal

COLOURS = {ERROR: "red", "warning": "yellow"}
# What was checked: plain text, or the text of a .docx with the place of every paragraph.
Checked = str | DocumentText


def severity_label(severity: str) -> str:
    return _("error") if severity == ERROR else _("warning")


def _excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def position(name: str, checked: Checked, offset: int) -> str:
    """Where ``offset`` is, after the file or document ``name``: in a .docx the place a Word
    user finds ('brief.docx, paragraph 12, under “What happened?”'), in plain text
    'name:line:col' (1-based). ``commgen generate``'s review and ``commgen check`` both say it
    this way, so one finding has one position; JSON keeps the character offsets."""
    place = None if isinstance(checked, str) else checked.place_at(offset)
    located = place.locate() if place is not None else ""
    if located:
        return f"{name}, {located}"
    line, col = line_col(checked if isinstance(checked, str) else checked.text, offset)
    return f"{name}:{line}:{col}"


def sentence_at(text: str, finding: Finding, hidden: Iterable[tuple[int, int]] = (),
                limit: int = 100) -> str:
    """The sentence that holds the finding, to search for in Word; the passages of
    ``hidden`` (guarded names) shown as the mask, never as they are."""
    from commgen.checks.sentences import sentences

    line_start, line_end = line_bounds(text, finding.start)
    start, end = line_start, line_end
    for begin, stop, _said in sentences(text[line_start:line_end]):
        if begin + line_start <= finding.start < stop + line_start:
            start, end = begin + line_start, stop + line_start
            break
    return _excerpt(_shown(text, start, end, hidden), limit)


def _shown(text: str, start: int, end: int, hidden: Iterable[tuple[int, int]]) -> str:
    """``text[start:end]`` with every guarded name of ``hidden`` in it as the mask (as
    ``findings.masked`` shows a finding's passage)."""
    from commgen.foundation.concepts import GUARDED_MASK

    span = Finding("", "", start, end, text[start:end], "", None, "")
    return masked(span, text, list(hidden), GUARDED_MASK).text


def place_json(checked: Checked, offset: int) -> dict[str, Any] | None:
    """The Word place of ``offset`` for JSON output (None for plain text)."""
    place = None if isinstance(checked, str) else checked.place_at(offset)
    if place is None:
        return None
    data = place.as_dict()
    if place.heading:
        data["heading"] = place.heading
    return data


def finding_lines(where: str, finding: Finding, sentence: str = "") -> list[str]:
    """Three lines per finding: where and what, why, what to write instead; in a .docx a
    fourth, first, with the sentence that holds it (to find it in Word)."""
    head = click.style(f"{severity_label(finding.severity)} [{finding.category}]",
                       fg=COLOURS.get(finding.severity), bold=True)
    lines = [f"{for_terminal(where)}: {head} “{for_terminal(_excerpt(finding.text))}”",
             f"    {for_terminal(finding.message)}"]
    if sentence and sentence != _excerpt(finding.text):
        lines.insert(1, "    " + _("in: “{sentence}”").format(sentence=for_terminal(sentence)))
    if finding.suggestion:
        lines.append("    " + _("Instead: {suggestion}").format(suggestion=finding.suggestion))
    return lines


def text_report(results: Iterable[tuple[str, Checked, list[Finding]]]) -> list[str]:
    """``results``: (path, checked text or document text, findings) per file."""
    lines: list[str] = []
    errors = warnings = files = 0
    for path, text, findings in results:
        files += 1
        hidden = [(f.start, f.end) for f in findings if f.rule == GUARDED_RULE]
        for finding in findings:
            sentence = "" if isinstance(text, str) else sentence_at(text.text, finding, hidden)
            lines.extend(finding_lines(position(path, text, finding.start), finding, sentence))
            if finding.severity == ERROR:
                errors += 1
            else:
                warnings += 1
    lines.append(_("{errors} error(s), {warnings} warning(s) in {files} file(s).").format(
        errors=errors, warnings=warnings, files=files))
    return lines


def json_report(results: Iterable[tuple[str, Checked, list[Finding]]]) -> str:
    """Offsets as in the text report; for a .docx each finding also has its ``place``."""
    files = []
    for path, text, findings in results:
        items = []
        checked = text if isinstance(text, str) else text.text
        hidden = [(f.start, f.end) for f in findings if f.rule == GUARDED_RULE]
        found = {checked[s:e] for s, e in hidden if e > s}  # and their parts: an excerpt
        found |= {part for name in found for part in name.split() if len(part) > 2}  # may
        names = sorted(found, key=len, reverse=True)  # end inside a name
        for finding in findings:
            item = finding.as_json()
            if finding.rule != GUARDED_RULE and finding.end > finding.start:
                # the passage at the offsets, as a tool that highlights by them shows it
                item["text"] = _shown(checked, finding.start, finding.end, hidden)
            place = place_json(text, finding.start)
            if place is not None:
                item["place"] = _without_names(place, names)
            items.append(item)
        files.append({"path": path, "findings": items})
    return json.dumps({"files": files}, ensure_ascii=False, indent=2)


def _without_names(place: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """A place whose excerpt and heading show every guarded name as the mask."""
    from commgen.foundation.concepts import GUARDED_MASK

    for key in ("excerpt", "heading"):
        if key in place:
            for name in names:
                place[key] = place[key].replace(name, GUARDED_MASK)
    return place


def review_lines(review) -> list[str]:  # type: ignore[no-untyped-def]
    """The privacy check of a generation run: findings per answer and per document."""
    lines: list[str] = []
    for question, text, findings in review.answers:
        for finding in findings:
            line, col = line_col(text, finding.start)
            where = _("answer '{question}', line {line}").format(question=question, line=line)
            lines.extend(finding_lines(f"{where}:{col}", finding))
    for document in review.documents:
        for finding in document.findings:
            if finding.category == "metadata":
                where = _("{doc}, document properties").format(doc=document.doc_id)
            else:
                checked = document.document if document.document is not None else document.text
                where = position(document.doc_id, checked, finding.start)
            lines.extend(finding_lines(where, finding))
    for doc_id in review.refused():
        if review.holds_guarded(doc_id):
            message = _("Not written: {doc}. It holds the name of a pupil involved (•••), which "
                        "is never kept, not even with --accept-findings: change the answer.")
        else:
            message = _("Not written: {doc}. Change the answers, or use --accept-findings "
                        "\"reason\" to write it anyway.")
        lines.append(click.style(message.format(doc=doc_id), fg="red", bold=True))
    for doc_id in review.accepted():
        lines.append(click.style(_("Written despite findings: {doc}. Reason (recorded in the "
                                   "document properties): {reason}").format(
                                       doc=doc_id, reason=review.reason), fg="yellow"))
    return lines
