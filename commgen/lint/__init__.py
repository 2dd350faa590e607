"""``commgen templates check``: a linter for a whole template set (see templateset)."""

from __future__ import annotations

from commgen.lint.problem import ERROR, WARNING, LintProblem
from commgen.lint.templateset import check_template_set

__all__ = ["ERROR", "WARNING", "LintProblem", "check_template_set"]
