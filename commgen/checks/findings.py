"""A finding: one passage of a text that may harm the pupil, with why and what to write instead."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from commgen.foundation.concepts import ERROR

CATEGORIES = ("name", "group", "phone", "email", "address", "id-number", "birthdate", "age",
              "handle", "url", "image-detail", "blame", "speculation", "sensational",
              "legal-term", "evidence", "relation", "harmful", "metadata")


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


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, as editors count them."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)
