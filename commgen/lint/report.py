"""The linter's findings as text for a person or JSON for a script.

JSON: ``{"problems": [{"file", "location", "severity", "code", "message", "where"}],
"errors": int, "warnings": int}``. ``location`` and ``message`` are in the user's language;
``code`` is stable; ``where`` holds the same place as numbers (part, paragraph or table/row/cell
and excerpt, or line and key in a YAML file).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from commgen.foundation.concepts import ERROR, WARNING
from commgen.foundation.i18n import _, ngettext
from commgen.lint.problem import LintProblem


def shown_path(path: Path | None) -> str:
    """A path as the author typed it: relative to the current folder when inside it."""
    if path is None:
        return ""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def counts(problems: list[LintProblem]) -> tuple[int, int]:
    errors = sum(1 for p in problems if p.severity == ERROR)
    return errors, sum(1 for p in problems if p.severity == WARNING)


def as_json(problems: list[LintProblem]) -> str:
    errors, warnings = counts(problems)
    data = {"problems": [p.as_dict(shown_path(p.file)) for p in problems],
            "errors": errors, "warnings": warnings}
    return json.dumps(data, ensure_ascii=False, indent=2)


def as_lines(problems: list[LintProblem]) -> list[tuple[str, str | None]]:
    """Lines of the text report, each with a colour for its severity (or None)."""
    lines: list[tuple[str, str | None]] = []
    current: str | None = None
    for problem in problems:
        file = shown_path(problem.file)
        if file != current:
            lines.append(("", None))
            lines.append((file, None))
            current = file
        label = _("error") if problem.severity == ERROR else _("warning")
        where = problem.location()
        prefix = f"  {where}: " if where else "  "
        lines.append((f"{prefix}{label} [{problem.code}]: {problem.message}",
                      "red" if problem.severity == ERROR else "yellow"))
    errors, warnings = counts(problems)
    lines.append(("", None))
    if not problems:
        lines.append((_("No problems found."), "green"))
    else:
        lines.append((ngettext("{n} error", "{n} errors", errors).format(n=errors) + ", " +
                      ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings) +
                      ".", "red" if errors else "yellow"))
    return lines
