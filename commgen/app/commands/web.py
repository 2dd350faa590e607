"""``commgen web``: the interview in the browser, on this computer only."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from commgen.app.commands import help_text
from commgen.app.commands.options import (
    PathParam,
    out_option,
    school_option,
    set_option,
    templates_option,
)
from commgen.foundation.errors import EXIT_OK
from commgen.foundation.i18n import _

if TYPE_CHECKING:
    from pathlib import Path


def make() -> click.Command:
    @click.command(help=help_text("web"))
    @out_option()
    @click.option("--resume", type=PathParam(dir_okay=False), metavar=_("ANSWERS.yaml"),
                  help=_("Continue with an answers file (also one made by commgen new)."))
    @click.option("--port", type=click.IntRange(0, 65535), default=0, metavar="N",
                  help=_("Port on 127.0.0.1 (default: a free one)."))
    @click.option("--no-browser", is_flag=True,
                  help=_("Do not open the browser; only print the address."))
    @click.option("--idle", type=click.FloatRange(min=1), default=60, metavar=_("MINUTES"),
                  help=_("Stop after this many minutes without a request (default: 60)."))
    @school_option()
    @set_option()
    @templates_option()
    def web(out_dir: Path | None, resume: Path | None, port: int, no_browser: bool,
            idle: float, school: str | None, settings: tuple[str, ...],
            templates: Path | None) -> int:
        from commgen.app.web.run import run_web

        run_web(out_dir, resume, port, not no_browser, idle, templates, school, settings)
        return EXIT_OK
    return web
