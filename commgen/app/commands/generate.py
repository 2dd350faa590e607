"""``commgen generate``: the documents from an answers file."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from commgen.app.commands import help_text
from commgen.app.commands.options import DEFAULT_OUT, PathParam, accept_option, templates_option
from commgen.app.report import report
from commgen.foundation.i18n import _

if TYPE_CHECKING:
    from pathlib import Path


def make() -> click.Command:
    @click.command(help=help_text("generate"))
    @click.argument("answers", type=PathParam(dir_okay=True),
                    metavar=_("ANSWERS.yaml"))
    @click.option("--out", "out_dir", type=PathParam(file_okay=False),
                  default=DEFAULT_OUT, show_default=True, metavar=_("FOLDER"),
                  help=_("Folder for the documents."))
    @click.option("--only", metavar=_("DOC,..."),
                  help=_("Make only these documents (ids from the catalogue, comma-separated)."))
    @click.option("--force", is_flag=True,
                  help=_("Replace documents that already exist. Without it an existing document "
                         "is kept and the new one gets a new name."))
    @click.option("--pdf", is_flag=True,
                  help=_("Also make a PDF of every document (needs LibreOffice)."))
    @accept_option()
    @templates_option()
    def generate(answers: Path, out_dir: Path, only: str | None, force: bool, pdf: bool,
                 accept_findings: str | None, templates: Path | None) -> int:
        from commgen.app.generate import generate as run
        from commgen.foundation.resources import templates_dir

        wanted = [part.strip() for part in only.split(",") if part.strip()] if only else None
        return report(run(answers, out_dir, templates_dir(templates), wanted, force, pdf=pdf,
                           accept_findings=accept_findings))
    return generate
