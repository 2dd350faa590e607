"""``commgen update``: a new version of the statement, with update letters."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from commgen.app.commands import help_text
from commgen.app.commands.options import (
    PathParam,
    accept_option,
    scripted_options,
    templates_option,
)
from commgen.foundation.i18n import _

if TYPE_CHECKING:
    from pathlib import Path


def make() -> click.Command:
    @click.command(help=help_text("update"))
    @click.argument("answers", type=PathParam(dir_okay=False), metavar=_("ANSWERS.yaml"))
    @click.option("--out", "out_dir", type=PathParam(file_okay=False), default=None,
                  metavar=_("FOLDER"),
                  help=_("Folder for the documents (default: the folder of the answers file "
                         "when commgen wrote documents there)."))
    @scripted_options()
    @click.option("--force", is_flag=True,
                  help=_("Replace documents that already exist. Without it an existing document "
                         "is kept and the new one gets a new name."))
    @accept_option()
    @templates_option()
    def update(answers: Path, out_dir: Path | None, answers_file: Path | None,
               settings: tuple[str, ...], yes: bool, force: bool, accept_findings: str | None,
               templates: Path | None) -> int:
        from commgen.app.report import report
        from commgen.app.update import run_update, update_lines
        from commgen.foundation.errors import EXIT_FINDINGS
        from commgen.foundation.resources import templates_dir
        from commgen.questions.catalog import load_catalog

        catalog = load_catalog(templates_dir(templates))
        outcome = run_update(catalog, answers, out_dir, settings, answers_file, yes,
                             accept_findings=accept_findings, force=force)
        code = report(outcome.result)
        for line in update_lines(catalog, outcome):
            click.echo(line)
        return EXIT_FINDINGS if outcome.version is None else code
    return update
