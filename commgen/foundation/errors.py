"""One error hierarchy for everything meant for the user.

Every error raised on purpose carries a message that is already translated into the user's
language and says what to do. The CLI prints it and exits with the error's code; nothing else
reaches the terminal as a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from commgen.foundation.i18n import _

if TYPE_CHECKING:
    from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
EXIT_STOPPED = 130  # as a shell reports Ctrl-C


class CommgenError(Exception):
    """Base class: a message for the user and an exit code. Raise a subclass that names what
    went wrong (a test refuses ``raise CommgenError(...)``)."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file, with where a person can find it."""

    message: str
    path: Path | None = None
    line: int | None = None  # 1-based
    key: str | None = None

    def location(self) -> str:
        parts = []
        if self.path is not None:
            parts.append(str(self.path))
        if self.line is not None:
            from commgen.foundation.i18n import _

            parts.append(_("line {line}").format(line=self.line))
        if self.key:
            parts.append(f"'{self.key}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


MAX_SHOWN = 50  # problems listed in one message; a file with thousands is the wrong file


class ProblemsError(CommgenError):
    """Several problems found at once, so the user can fix them in one go."""

    def __init__(self, heading: str, problems: list[Problem]) -> None:
        self.heading = heading
        self.problems = list(problems)
        shown = [f"  - {p}" for p in self.problems[:MAX_SHOWN]]
        if len(self.problems) > MAX_SHOWN:
            shown.append("  - " + _("... and {count} more problems").format(
                count=len(self.problems) - MAX_SHOWN))
        body = "\n".join(shown)
        super().__init__(f"{heading}\n{body}" if body else heading)


class AnswersError(ProblemsError):
    """The answers file is malformed or does not fit the catalogue."""


class CatalogError(ProblemsError):
    """The catalogue or snippets maintained by the foundation are wrong."""


class TemplateProblem(CommgenError):
    """A Word template cannot be rendered (syntax error, unknown variable, unreadable file)."""


class VerificationError(CommgenError):
    """A rendered document failed its own check; it was not written."""


class OutputError(CommgenError):
    """A document could not be written where the user asked."""


class UsageError(CommgenError):
    """A command-line value that cannot be used (an unknown document id, a folder that is not
    a template set)."""


class InputFileError(CommgenError):
    """A file given to read (for ``commgen check``) is missing, a folder, or not text."""


class PdfError(CommgenError):
    """No PDF can be made: LibreOffice is missing or failed."""


class InterviewStopped(CommgenError):
    """The interview was interrupted; the draft keeps every answer given so far."""

    exit_code = EXIT_STOPPED
