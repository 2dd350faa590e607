"""``commgen templates check``: a linter for a whole template set (see templateset)."""

from __future__ import annotations

from commgen.lint.problem import LintProblem
from commgen.lint.templateset import check_template_set

__all__ = ["LintProblem", "check_template_set"]
