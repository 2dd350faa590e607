"""A finding: one passage of a text that may harm the pupil, with why and what to write instead."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from commgen.foundation.concepts import ERROR

CATEGORIES = ("name", "group", "phone", "email", "address", "id-number", "birthdate", "age",
              "handle", "url", "image-detail", "blame", "speculation", "sensational",
              "legal-term", "evidence", "relation", "harmful", "metadata")

# The rule of a finding of a guarded name (a pupil involved): never kept, with no reason at all.
GUARDED_RULE = "guarded-name"


@dataclass(frozen=True)
class Finding:
    """Offsets are character offsets into the checked text (end exclusive)."""

    category: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    rule: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"category": self.category, "severity": self.severity, "start": self.start,
                "end": self.end, "text": self.text, "message": self.message,
                "suggestion": self.suggestion}

    def with_severity(self, severity: str) -> Finding:
        return Finding(self.category, severity, self.start, self.end, self.text, self.message,
                       self.suggestion, self.rule)


def masked(finding: Finding, text: str, spans: list[tuple[int, int]], mask: str) -> Finding:
    """The finding with every part of a guarded name in its passage (and in its message,
    which may quote the passage) shown as ``mask``: a rule whose match takes in a guarded
    name ("Roos' moeder") must not print it."""
    inside = sorted((max(s, finding.start), min(e, finding.end)) for s, e in spans
                    if s < finding.end and finding.start < e)
    if not inside:
        return finding
    passage, message = finding.text, finding.message
    for start, end in inside:
        name = text[start:end]
        passage, message = passage.replace(name, mask), message.replace(name, mask)
    return Finding(finding.category, finding.severity, finding.start, finding.end, passage,
                   message, finding.suggestion, finding.rule)


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    """Where the line that holds ``offset`` begins and ends (its newline left out)."""
    end = text.find("\n", offset)
    return text.rfind("\n", 0, offset) + 1, len(text) if end < 0 else end


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, as editors count them."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)


def has_guarded(findings: list[Finding]) -> bool:
    """A pupil's guarded name is among the findings: the text may not be written, whatever
    reason is given (``--accept-findings`` included)."""
    return any(f.rule == GUARDED_RULE for f in findings)
