"""``commgen history``: the timeline of a case."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from commgen.app.commands import help_text
from commgen.app.commands.options import PathParam, templates_option
from commgen.foundation.i18n import _

if TYPE_CHECKING:
    from pathlib import Path


def make() -> click.Command:
    @click.command(help=help_text("history"))
    @click.argument("answers", type=PathParam(dir_okay=False), metavar=_("ANSWERS.yaml"))
    @click.option("--docx", "docx", type=PathParam(dir_okay=False), metavar=_("FILE"),
                  help=_("Also write the timeline as a Word document, for the crisis file."))
    @templates_option()
    def history(answers: Path, docx: Path | None, templates: Path | None) -> int:
        from commgen.app.report import report
        from commgen.app.timeline import timeline_document
        from commgen.foundation.errors import EXIT_OK
        from commgen.foundation.resources import templates_dir
        from commgen.foundation.textclean import for_terminal
        from commgen.questions.catalog import load_catalog

        catalog = load_catalog(templates_dir(templates))
        lines, note, result = timeline_document(catalog, answers, docx)
        if note:
            click.echo(_("Note: {problem}").format(problem=note), err=True)
        for line in lines:
            click.echo(for_terminal(line))
        return report(result) if result is not None else EXIT_OK
    return history
