"""``commgen new``: the interview, then the documents."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from commgen.app.commands import help_text
from commgen.app.commands.options import (
    DEFAULT_OUT,
    PathParam,
    accept_option,
    out_option,
    school_option,
    scripted_options,
    templates_option,
)
from commgen.app.report import report
from commgen.foundation.errors import EXIT_OK
from commgen.foundation.i18n import LANGUAGES, _

if TYPE_CHECKING:
    from pathlib import Path


def make() -> click.Command:
    @click.command(help=help_text("new"))
    @out_option()
    @click.option("--resume", type=PathParam(dir_okay=False),
                  metavar=_("ANSWERS.yaml"), help=_("Continue an interrupted interview."))
    @scripted_options()
    @click.option("--lang", type=click.Choice(LANGUAGES), metavar="nl|en",
                  help=_("Language of the questions (same as commgen --lang)."))
    @school_option()
    @accept_option()
    @templates_option()
    def new(out_dir: Path | None, resume: Path | None, answers_file: Path | None,
            settings: tuple[str, ...], yes: bool, lang: str | None, school: str | None,
            accept_findings: str | None, templates: Path | None) -> int:
        from commgen.app.interview import run_interview
        from commgen.foundation.resources import templates_dir
        from commgen.questions.catalog import load_catalog

        catalog = load_catalog(templates_dir(templates))
        from pathlib import Path

        folder = out_dir or (resume.parent if resume else Path(DEFAULT_OUT))
        _path, result = run_interview(catalog, folder, resume, answers_file, settings, yes,
                                      school=school, accept_findings=accept_findings)
        return report(result) if result is not None else EXIT_OK
    return new
