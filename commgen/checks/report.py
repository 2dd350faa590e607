"""Findings for people (text, coloured by severity) and for programs (JSON)."""

from __future__ import annotations

import json
from collections.abc import Iterable

import click

from commgen.checks.findings import Finding, line_col
from commgen.foundation.concepts import ERROR
from commgen.foundation.i18n import _

COLOURS = {ERROR: "red", "warning": "yellow"}


def severity_label(severity: str) -> str:
    return _("error") if severity == ERROR else _("warning")


def _excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def finding_lines(where: str, finding: Finding) -> list[str]:
    """Three lines per finding: where and what, why, what to write instead."""
    head = click.style(f"{severity_label(finding.severity)} [{finding.category}]",
                       fg=COLOURS.get(finding.severity), bold=True)
    lines = [f"{where}: {head} “{_excerpt(finding.text)}”", f"    {finding.message}"]
    if finding.suggestion:
        lines.append("    " + _("Instead: {suggestion}").format(suggestion=finding.suggestion))
    return lines


def text_report(results: Iterable[tuple[str, str, list[Finding]]]) -> list[str]:
    """``results``: (path, checked text, findings) per file."""
    lines: list[str] = []
    errors = warnings = files = 0
    for path, text, findings in results:
        files += 1
        for finding in findings:
            line, col = line_col(text, finding.start)
            lines.extend(finding_lines(f"{path}:{line}:{col}", finding))
            if finding.severity == ERROR:
                errors += 1
            else:
                warnings += 1
    lines.append(_("{errors} error(s), {warnings} warning(s) in {files} file(s).").format(
        errors=errors, warnings=warnings, files=files))
    return lines


def json_report(results: Iterable[tuple[str, str, list[Finding]]]) -> str:
    return json.dumps({"files": [{"path": path, "findings": [f.as_json() for f in findings]}
                                 for path, _text, findings in results]},
                      ensure_ascii=False, indent=2)


def review_lines(review) -> list[str]:  # type: ignore[no-untyped-def]
    """The privacy check of a generation run: findings per answer and per document."""
    from commgen.checks.findings import line_col

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
                line, col = line_col(document.text, finding.start)
                where = f"{document.doc_id}:{line}:{col}"
            lines.extend(finding_lines(where, finding))
    for doc_id in review.refused():
        lines.append(click.style(_("Not written: {doc}. Change the answers, or use "
                                   "--accept-findings \"reason\" to write it anyway.").format(
                                       doc=doc_id), fg="red", bold=True))
    for doc_id in review.accepted():
        lines.append(click.style(_("Written despite findings: {doc}. Reason (recorded in the "
                                   "document properties): {reason}").format(
                                       doc=doc_id, reason=review.reason), fg="yellow"))
    return lines
