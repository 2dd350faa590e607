"""What a run tells the user: the privacy findings, what was written, what was kept."""

from __future__ import annotations

import os
from typing import Any

import click

from commgen.foundation.errors import EXIT_FINDINGS, EXIT_OK
from commgen.foundation.i18n import _
from commgen.foundation.textclean import for_terminal


def report(result: Any) -> int:
    """What the privacy check found, what was written, what was kept, what was not needed."""
    for note in result.notes:
        click.echo(_("Note: {problem}").format(problem=for_terminal(str(note))), err=True)
    if result.review is not None:
        from commgen.checks.report import review_lines

        for line in review_lines(result.review):
            click.echo(line, color=False if os.environ.get("NO_COLOR") else None)
    if result.written:
        click.echo(_("Written:"))
    for written in result.written:
        click.echo(f"  {written.path}")
        if written.path != written.wanted:
            click.echo(_("    ({wanted} already exists and may have been edited; it was kept. "
                         "Use --force to replace it.)").format(wanted=written.wanted.name))
        elif written.replaced:
            click.echo(_("    (replaced the earlier version)"))
    for doc in result.not_applicable:
        click.echo(_("Not needed with these answers: {doc}").format(doc=doc.id))
    refused = result.review.refused() if result.review is not None else []
    return EXIT_FINDINGS if refused else EXIT_OK
