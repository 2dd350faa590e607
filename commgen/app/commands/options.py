"""Options that several commands share, made after the language is chosen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from commgen.foundation.i18n import _

DEFAULT_OUT = "commgen-documenten"


class PathParam(click.Path):
    """click.Path that gives a ``pathlib.Path`` (imported only when a path is given, so that
    ``commgen --help`` starts quickly)."""

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        from pathlib import Path

        return Path(super().convert(value, param, ctx))


def out_option() -> Callable[[Any], Any]:
    """``--out FOLDER`` of an interview (``commgen new``, ``commgen web``)."""
    return click.option(
        "--out", "out_dir", type=PathParam(file_okay=False), default=None,
        metavar=_("FOLDER"),
        help=_("Folder for the answers and the documents (default: {default}, or the "
               "folder of the file given to --resume).").format(default=DEFAULT_OUT))


def accept_option() -> Callable[[Any], Any]:
    """``--accept-findings REASON``: write despite privacy errors, with the reason recorded."""
    return click.option(
        "--accept-findings", "accept_findings", metavar=_("REASON"),
        help=_("Write documents despite errors found by the privacy check; the reason is "
               "recorded in the document properties."))


def templates_option() -> Callable[[Any], Any]:
    """``--templates FOLDER`` (or COMMGEN_TEMPLATES): another template set than the bundled one."""
    return click.option(
        "--templates", "templates", type=PathParam(file_okay=False),
        envvar="COMMGEN_TEMPLATES", metavar=_("FOLDER"),
        help=_("Folder with catalog.yaml and the Word templates (default: the bundled set; "
               "also COMMGEN_TEMPLATES)."))


def set_option() -> Callable[[Any], Any]:
    """``--set QUESTION=ANSWER``, repeatable (commgen new, update and web)."""
    return click.option("--set", "settings", multiple=True, metavar=_("QUESTION=ANSWER"),
                        help=_("Give one answer on the command line (repeatable)."))


def school_option() -> Callable[[Any], Any]:
    """``--school PROFILE`` (commgen new and web)."""
    return click.option("--school", metavar=_("PROFILE"),
                        help=_("School profile (a .yaml file, or the name of a bundled one) "
                               "that answers the questions about the school."))


def scripted_options() -> Callable[[Any], Any]:
    """``--answers FILE``, ``--set QUESTION=ANSWER`` and ``--yes``: answers given beforehand,
    for ``commgen new`` and ``commgen update`` alike."""
    options = [
        click.option("--answers", "answers_file", type=PathParam(dir_okay=False),
                     metavar=_("ANSWERS.yaml"),
                     help=_("Take answers from this file; only what is missing is asked.")),
        set_option(),
        click.option("--yes", is_flag=True,
                     help=_("Skip the review screen; without a terminal, fail when answers are "
                            "missing instead of asking.")),
    ]

    def decorate(function: Any) -> Any:
        for option in reversed(options):
            function = option(function)
        return function
    return decorate
