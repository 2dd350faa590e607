"""Starting and stopping ``commgen web``: the socket, the browser, the messages."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import click

from commgen.app.web.case import WebCase, default_folder
from commgen.app.web.server import Access, bind, serve
from commgen.foundation.i18n import _, ngettext


def run_web(out_dir: Path | None, resume: Path | None, port: int, browser: bool,
            idle_minutes: float, templates: Path | None = None) -> None:
    """Serve the interview until Ctrl-C or the idle time; the answers are saved throughout."""
    from commgen.foundation.resources import templates_dir
    from commgen.questions.catalog import load_catalog

    catalog = load_catalog(templates_dir(templates))
    sock = bind(port)  # before the draft: a port in use stops here, with nothing made
    case = None
    try:
        case = WebCase(catalog, default_folder(out_dir, resume), resume)
        access = Access(sock.getsockname()[1])
        url = access.start_url()
        click.echo(_("commgen web runs on this computer only. Your answers are saved after "
                     "every change in {path}.").format(path=case.draft.path))
        click.echo(_("Open this address in your browser (it works once):"))
        click.echo(f"  {url}")
        click.echo(ngettext("Stop with Ctrl-C; commgen stops by itself after {minutes:g} "
                            "minute without use.",
                            "Stop with Ctrl-C; commgen stops by itself after {minutes:g} "
                            "minutes without use.", _count(idle_minutes)).format(
                                minutes=idle_minutes))
        if browser:
            webbrowser.open(url)
        was_idle = serve(case, sock, access, idle_minutes)
    finally:
        if case is not None:
            case.close()
        sock.close()
    if was_idle:
        click.echo(ngettext("commgen web stopped after {minutes:g} minute without use.",
                            "commgen web stopped after {minutes:g} minutes without use.",
                            _count(idle_minutes)).format(minutes=idle_minutes))
    click.echo(_("Your answers are saved in {path}. Continue with:\n  commgen web --resume "
                 "\"{path}\"\nor in the terminal: commgen new --resume \"{path}\"").format(
                     path=case.draft.path.resolve()))


def _count(minutes: float) -> int:
    """The number ngettext chooses the form by (1.5 minutes is plural)."""
    return 1 if minutes == 1 else 2
