"""The hook for the privacy checker of ``commgen check`` (issue 5), which is built separately.

The fixed text of templates and vetted sentences goes to every school, so it must pass the same
privacy rules as a generated letter for its audience. This module only connects the linter to
that checker: when ``commgen.checks`` is not installed yet, nothing is checked here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from commgen.lint.problem import ERROR, WARNING, LintProblem
from commgen.lint.wordparts import Place


@dataclass(frozen=True)
class StaticText:
    """Text written by the foundation, not by a school: a template paragraph or a sentence."""

    text: str
    audience: str
    file: Path
    place: Place | None = None
    line: int | None = None
    key: str | None = None


def privacy_problems(texts: list[StaticText]) -> list[LintProblem]:
    """Run the static texts through ``commgen.checks.check_text(text, audience)``, if present.

    Expected contract (issue 5): ``check_text`` returns findings with ``category``,
    ``severity`` ("error" or "warning"), ``text`` and ``message`` (and optionally
    ``suggestion``), as in ``commgen check --format json``.
    """
    try:
        checks = importlib.import_module("commgen.checks")
    except ModuleNotFoundError:
        return []
    check_text = getattr(checks, "check_text", None)
    if check_text is None:
        return []
    problems = []
    for item in texts:
        for finding in check_text(item.text, audience=item.audience):
            problems.append(_problem(item, finding))
    return problems


def _problem(item: StaticText, finding: Any) -> LintProblem:
    get = finding.get if isinstance(finding, dict) else (
        lambda key, default=None: getattr(finding, key, default))
    message = f"“{get('text', '')}”: {get('message', '')}"
    if get("suggestion"):
        message += f" ({get('suggestion')})"
    severity = ERROR if get("severity", ERROR) == ERROR else WARNING
    return LintProblem(f"privacy-{get('category', 'text')}", message, item.file, item.place,
                       item.line, item.key, severity)
