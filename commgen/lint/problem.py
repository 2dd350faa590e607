"""One finding of ``commgen templates check``: file, place, severity, a stable code, a message."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from commgen.docx.places import Place
from commgen.foundation.concepts import ERROR
from commgen.foundation.errors import Problem
from commgen.foundation.i18n import _


@dataclass(frozen=True)
class LintProblem:
    """The code is stable (tests and scripts use it); the message is in the user's language."""

    code: str
    message: str
    file: Path | None
    place: Place | None = None
    line: int | None = None  # for YAML files
    key: str | None = None
    severity: str = ERROR

    def location(self) -> str:
        if self.place is not None:
            return self.place.describe()
        parts = []
        if self.line is not None:
            parts.append(_("line {line}").format(line=self.line))
        if self.key:
            parts.append(f"'{self.key}'")
        return ", ".join(parts)

    def as_dict(self, file: str) -> dict[str, Any]:
        data: dict[str, Any] = {"file": file, "location": self.location(),
                                "severity": self.severity, "code": self.code,
                                "message": self.message}
        if self.place is not None:
            data["where"] = self.place.as_dict()
        elif self.line is not None or self.key:
            data["where"] = {"line": self.line, "key": self.key}
        return data


def from_problem(problem: Problem, code: str) -> LintProblem:
    """A catalogue or snippet problem, as the loaders report it, in the linter's form."""
    return LintProblem(code, problem.message, problem.path, line=problem.line, key=problem.key)
