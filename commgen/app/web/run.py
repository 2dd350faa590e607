"""Starting and stopping ``commgen web``: the socket, the browser, the messages."""

from __future__ import annotations

import sys
import webbrowser
from pathlib import Path
from typing import Any

import click

from commgen.app.web.case import WebCase, default_folder
from commgen.app.web.server import Access, bind, serve, term_as_interrupt
from commgen.foundation.i18n import _, ngettext


def run_web(out_dir: Path | None, resume: Path | None, port: int, browser: bool,
            idle_minutes: float, templates: Path | None = None, school: str | None = None,
            settings: tuple[str, ...] = ()) -> None:
    """Serve the interview until Ctrl-C or the idle time; the answers are saved throughout.
    ``school`` and ``settings``: answers given beforehand, as ``commgen new`` takes them."""
    from commgen.app.interview import given_answers
    from commgen.foundation.resources import templates_dir
    from commgen.questions.catalog import load_catalog

    catalog = load_catalog(templates_dir(templates))
    base, _accepted, link = given_answers(catalog, school, None, settings)
    resume = offer_to_continue(out_dir, resume, sys.stdin.isatty())
    sock = bind(port)  # before the draft: a port in use stops here, with nothing made
    with term_as_interrupt():  # a SIGTERM before the server runs: a stop like Ctrl-C, too
        was_idle, case = _serve_case(catalog, out_dir, resume, (base, link), sock, browser,
                                     idle_minutes)
    if was_idle:
        click.echo(ngettext("commgen web stopped after {minutes:g} minute without use.",
                            "commgen web stopped after {minutes:g} minutes without use.",
                            _count(idle_minutes)).format(minutes=idle_minutes))
    click.echo(_("Your answers are saved in {path}. Continue with:\n  commgen web --resume "
                 "\"{path}\"\nor in the terminal: commgen new --resume \"{path}\"").format(
                     path=case.draft.path.resolve()))


def _serve_case(catalog: Any, out_dir: Path | None, resume: Path | None,
                given: tuple[dict[str, Any], Any],  # the answers and the profile given
                sock: Any, browser: bool, idle_minutes: float) -> tuple[bool, WebCase]:
    """Open the case, say where to go, serve; (stopped for being idle, the case)."""
    case = None
    was_idle = False
    try:
        case = WebCase(catalog, default_folder(out_dir, resume), resume, *given)
        access = Access(sock.getsockname()[1])
        url = access.start_url()
        click.echo(_("commgen web runs on this computer only. Your answers are saved after "
                     "every change in {path}.").format(path=case.draft.path))
        click.echo(_("Open this address in your browser. It works in every browser on this "
                     "computer as long as commgen web runs; keep this window open to find it "
                     "again:"))
        click.echo(f"  {url}")
        click.echo(ngettext("Stop with Ctrl-C; commgen stops by itself after {minutes:g} "
                            "minute without use.",
                            "Stop with Ctrl-C; commgen stops by itself after {minutes:g} "
                            "minutes without use.", _count(idle_minutes)).format(
                                minutes=idle_minutes))
        if browser:  # a link of its own, that works once: its address may be seen by others
            webbrowser.open(access.browser_url())
        was_idle = serve(case, sock, access, idle_minutes)
    finally:
        if case is not None:
            case.close()
        sock.close()
    return was_idle, case


def _count(minutes: float) -> int:
    """The number ngettext chooses the form by (1.5 minutes is plural)."""
    return 1 if minutes == 1 else 2


def offer_to_continue(out_dir: Path | None, resume: Path | None, interactive: bool
                      ) -> Path | None:
    """The answers file to resume: ``--resume``, or the unfinished one in the folder (asked at
    a terminal, where the default is to continue; without one it is continued, and said)."""
    from commgen.app.web.case import DRAFT_NAME

    found = default_folder(out_dir, None) / DRAFT_NAME
    if resume is not None or not found.is_file():
        return resume
    if interactive:
        if click.confirm(_("This folder has answers of an earlier case: {path}. Continue with "
                           "them?").format(path=found.resolve()), default=True):
            return found
        return None
    # no terminal to ask on (started from a shortcut): the unfinished case goes on, so that
    # starting commgen web again is the way back in after the browser was closed
    click.echo(_("This folder has answers of an earlier case: {path}. commgen web continues "
                 "with them; for a new case, start it with another --out folder.").format(
                     path=found.resolve()))
    return found
