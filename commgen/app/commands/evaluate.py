"""``commgen evaluate``: the evaluation record for the ZAT meeting and the aftercare dates."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from commgen.app.commands import help_text
from commgen.app.commands.options import PathParam, accept_option, templates_option
from commgen.foundation.i18n import _

if TYPE_CHECKING:
    from pathlib import Path


def make() -> click.Command:
    @click.command(help=help_text("evaluate"))
    @click.argument("answers", type=PathParam(dir_okay=False), metavar=_("ANSWERS.yaml"))
    @click.option("--out", "out_dir", type=PathParam(file_okay=False), default=None,
                  metavar=_("FOLDER"),
                  help=_("Folder for the evaluation record and the calendar file (default: "
                         "the folder of the case's documents)."))
    @accept_option()
    @templates_option()
    def evaluate(answers: Path, out_dir: Path | None, accept_findings: str | None,
                 templates: Path | None) -> int:
        from commgen.app.evaluation import evaluate as run
        from commgen.app.report import report
        from commgen.foundation.resources import templates_dir
        from commgen.questions.catalog import load_catalog

        catalog = load_catalog(templates_dir(templates))
        result, note, moments = run(catalog, answers, out_dir, accept_findings)
        if note:
            click.echo(_("Note: {problem}").format(problem=note), err=True)
        code = report(result)
        if not result.blocked:
            click.echo(_("Aftercare moments (also in the calendar file):"))
            for moment in moments:
                click.echo(f"  - {moment['datum']}: {moment['titel']} ({moment['wanneer']})")
        return code
    return evaluate
