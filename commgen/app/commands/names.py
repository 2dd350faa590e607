"""``commgen names forget``: delete the key behind the guarded names of a case.

Without its key, the hashes in an answers file cannot be used by anyone, on any computer:
commgen itself will ask for the names again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from commgen.app.commands import help_text
from commgen.app.commands.options import PathParam
from commgen.foundation.errors import EXIT_OK, UsageError
from commgen.foundation.i18n import _

if TYPE_CHECKING:
    from pathlib import Path


def make() -> click.Group:
    @click.group(help=help_text("names"))
    def names() -> None:
        pass

    @names.command("forget", help=_("Delete the key of the guarded names in ANSWERS.yaml (or "
                                    "every key on this computer with --all). The names in "
                                    "that file can then no longer be recognised by anyone."))
    @click.argument("answers", required=False, type=PathParam(dir_okay=False),
                    metavar=_("ANSWERS.yaml"))
    @click.option("--all", "everything", is_flag=True,
                  help=_("Every key commgen keeps in files on this computer."))
    def forget(answers: Path | None, everything: bool) -> int:
        from commgen.foundation import keystore

        if answers is None and not everything:
            raise UsageError(_("Give the answers file whose names to forget, or --all."))
        ids = keystore.known_ids() if everything else [_key_id(answers)]  # type: ignore[arg-type]
        forgotten = [key_id for key_id in ids if key_id and keystore.forget(key_id)]
        if forgotten:
            click.echo(_("Forgotten: the key of {count} set(s) of names.").format(
                count=len(forgotten)))
        else:
            click.echo(_("There was no key to forget on this computer."))
        return EXIT_OK

    return names


def _key_id(answers: Path) -> str:
    from commgen.answers.answersfile import read_answers_file
    from commgen.checks.load import GUARDED_QUESTION

    value = read_answers_file(answers).get(GUARDED_QUESTION)
    key_id = value.get("key") if isinstance(value, dict) else None
    if not isinstance(key_id, str):
        raise UsageError(_("{file} holds no names saved with a key.").format(file=answers))
    return key_id
