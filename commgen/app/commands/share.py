"""``commgen share``: a copy of an answers file that may go to the board or a colleague.

The copy holds every answer, the guarded names only as keyed hashes (never the key), the
reasons for findings that were kept, and no draft paragraphs of an interrupted answer. It is
refused while any answer still has an open finding of the privacy check: such text stays in the
file of the person who typed it until it is fixed or kept with a reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from commgen.app.commands import help_text
from commgen.app.commands.options import PathParam, templates_option
from commgen.foundation.errors import EXIT_FINDINGS, EXIT_OK, UsageError
from commgen.foundation.i18n import _

if TYPE_CHECKING:
    from pathlib import Path


def make() -> click.Command:
    @click.command(help=help_text("share"))
    @click.argument("answers", type=PathParam(dir_okay=False),
                    metavar=_("ANSWERS.yaml"))
    @click.option("--out", "out_file", type=PathParam(dir_okay=False),
                  metavar=_("FILE"), help=_("Where to write the copy (default: beside the "
                                            "answers file, with \"(delen)\" in its name)."))
    @templates_option()
    def share(answers: Path, out_file: Path | None, templates: Path | None) -> int:
        from commgen.app.sharing import share_answers
        from commgen.foundation.resources import templates_dir
        from commgen.questions.catalog import load_catalog

        target = out_file or answers.with_name(f"{answers.stem} (delen){answers.suffix}")
        if target.resolve() == answers.resolve():
            raise UsageError(_("Give --out another file than the answers file itself."))
        open_findings = share_answers(load_catalog(templates_dir(templates)), answers, target)
        if open_findings:
            click.echo(_("Not shared: these answers still have an open finding. Fix them or keep "
                         "them with a reason (commgen new --resume \"{path}\"):").format(
                             path=answers), err=True)
            for line in open_findings:
                click.echo(f"  - {line}", err=True)
            return EXIT_FINDINGS
        click.echo(_("Copy to share: {path}").format(path=target))
        return EXIT_OK

    return share
