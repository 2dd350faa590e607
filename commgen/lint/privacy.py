"""The fixed text of templates and vetted sentences, through the checks of ``commgen check``.

That text goes to every school, so it must pass the same privacy rules as a generated letter
for its audience.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from commgen.docx.places import Place
from commgen.foundation.concepts import ERROR, WARNING
from commgen.lint.problem import LintProblem


@dataclass(frozen=True)
class StaticText:
    """Text written by the foundation, not by a school: a template paragraph or a sentence."""

    text: str
    audience: str
    file: Path
    place: Place | None = None
    line: int | None = None
    key: str | None = None


def privacy_problems(texts: list[StaticText], snippets_dir: Path | None = None
                     ) -> list[LintProblem]:
    """Run the static texts through the privacy check of ``commgen check``, per audience.

    No school's allow-list applies here: a template's fixed text names no school, person,
    number or address of its own; those come from the answers.
    """
    from commgen.checks.allow import AllowList
    from commgen.checks.run import make_checker

    rules = snippets_dir if snippets_dir is not None and (snippets_dir / "regels").is_dir() \
        else None
    checker = make_checker(None, [], AllowList(), rules)
    problems = []
    for item in texts:
        for finding in checker.for_audience(item.audience).check(item.text):
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
