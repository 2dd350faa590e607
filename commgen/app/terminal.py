"""Reading lines at a real terminal: a paste is kept whole, and what was typed ahead of a
prompt is never taken as its answer; and, before a new interview, the case a folder holds.

A paste is recognised by bracketed-paste mode where the terminal supports it (``ESC[?2004h``:
the terminal sends a paste between ``ESC[200~`` and ``ESC[201~``), and otherwise by lines that
arrive together (more lines already waiting within a few milliseconds of the first). CRLF, CR
and LF are each one line end. Without a terminal (a pipe, a scripted run) nothing here is
used: the caller reads the lines one by one as they come.

POSIX-only calls (``termios``, ``select`` on standard input) are guarded; on Windows
``msvcrt.kbhit`` tells whether more keys are waiting, and bracketed-paste mode is not asked for.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from commgen.foundation.errors import AnswersError
from commgen.foundation.i18n import _, ngettext

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
PASTE_WINDOW = 0.03  # seconds: lines waiting this soon after a line arrived with it
LINE_ENDS = re.compile(r"\r\n|\r|\n")
SHOWN = 60  # characters shown of a line that was not used


@dataclass
class Entry:
    """What arrived at one prompt: its lines (line ends removed) and whether it was a paste
    (several lines at once, or between the paste markers)."""

    lines: list[str]
    pasted: bool


def at_terminal() -> bool:
    """Whether the interview reads a person's keys (standard input is a terminal)."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):  # replaced or closed streams
        return False


def _bracketed_supported() -> bool:
    """Asked for only where it can be: a POSIX terminal on both sides that is not "dumb"."""
    try:
        shown = sys.stdout.isatty()
    except (AttributeError, ValueError):
        shown = False
    return (os.name == "posix" and os.environ.get("TERM", "dumb") not in ("", "dumb")
            and shown and at_terminal())


def _pending(timeout: float) -> bool:
    """Whether a whole line (POSIX) or a key (Windows) is waiting on standard input."""
    if os.name == "nt":
        try:
            import msvcrt
        except ImportError:
            return False
        end = time.monotonic() + timeout
        while True:
            if msvcrt.kbhit():
                return True
            if time.monotonic() >= end:
                return False
            time.sleep(0.002)
    try:
        import select

        return bool(select.select([sys.stdin], [], [], timeout)[0])
    except (ImportError, OSError, ValueError):
        return False


def _readline() -> str:
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line


@contextlib.contextmanager
def _paste_mode() -> Iterator[None]:
    """Bracketed-paste mode on while one answer is read (off again after it, also on Ctrl-C),
    the markers not echoed as ``^[[200~`` (``ECHOCTL`` off where ``termios`` has it)."""
    if not _bracketed_supported():
        yield
        return
    saved = None
    try:
        import termios

        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
        quiet = termios.tcgetattr(fd)
        quiet[3] &= ~getattr(termios, "ECHOCTL", 0)
        termios.tcsetattr(fd, termios.TCSANOW, quiet)
    except (ImportError, OSError, ValueError):
        saved = None
    sys.stdout.write("\x1b[?2004h")
    sys.stdout.flush()
    try:
        yield
    finally:
        sys.stdout.write("\x1b[?2004l")
        sys.stdout.flush()
        if saved is not None:
            with contextlib.suppress(OSError, ValueError):
                termios.tcsetattr(sys.stdin.fileno(), termios.TCSANOW, saved)


class InputStopped(EOFError):
    """Ctrl-C or the end of input in the middle of a paste; ``lines``: what had arrived."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines


def read_hidden_entry(prompt: str) -> Entry | None:
    """``read_entry`` with typing not shown (the names of pupils), on a POSIX terminal; None
    elsewhere (the caller asks with Click's hidden prompt). Unlike ``getpass``, which discards
    the input still waiting (``TCSAFLUSH``), every line of a paste is kept."""
    if os.name != "posix" or not at_terminal():
        return None
    try:
        import termios

        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
        hidden = termios.tcgetattr(fd)
        hidden[3] &= ~termios.ECHO
        termios.tcsetattr(fd, termios.TCSANOW, hidden)
    except (ImportError, OSError, ValueError):
        return None
    try:
        return read_entry(prompt)
    finally:
        with contextlib.suppress(OSError, ValueError):
            termios.tcsetattr(fd, termios.TCSANOW, saved)
        click.echo()  # the line end that was not shown


def read_entry(prompt: str) -> Entry:
    """Show ``prompt`` and read what arrives: one typed line, or a whole paste (all of its
    lines, the empty ones included, up to the end marker or as long as lines keep coming)."""
    click.echo(prompt, nl=False)
    with _paste_mode():
        text = _readline()
        try:
            while True:
                if text.count(PASTE_START) > text.count(PASTE_END):
                    text += _readline()  # inside a marked paste: its end is on its way
                elif _pending(PASTE_WINDOW):
                    text += _readline()
                else:
                    break
        except (KeyboardInterrupt, EOFError):
            raise InputStopped(_split(text).lines) from None
    return _split(text)


def _split(text: str) -> Entry:
    marked = PASTE_START in text
    text = text.replace(PASTE_START, "").replace(PASTE_END, "\n")
    lines = LINE_ENDS.split(text)
    while lines and lines[-1] == "":  # the last line end, and the Enter after a marked paste
        lines.pop()
    return Entry(lines, marked or len(lines) > 1)


def discard_typeahead() -> list[str]:
    """Drop what was typed or pasted before the next prompt was shown (so that it is not taken
    as that prompt's answer), and say so. Returns the lines dropped."""
    if not at_terminal():
        return []
    text = ""
    if os.name == "nt":
        with contextlib.suppress(ImportError):
            import msvcrt

            while msvcrt.kbhit():
                text += msvcrt.getwch()
    else:
        while _pending(0):
            try:
                text += _readline()
            except EOFError:
                break
    lines = [line for line in LINE_ENDS.split(text.replace(PASTE_START, "")
                                              .replace(PASTE_END, "")) if line.strip()]
    if text.strip():
        click.secho(ngettext("Not used: {n} line that arrived before the next question was "
                             "asked (type it again there if it was meant for it):",
                             "Not used: {n} lines that arrived before the next question was "
                             "asked (type them again there if they were meant for it):",
                             len(lines)).format(n=len(lines)), fg="yellow", err=True)
        for line in lines:
            shown = line if len(line) <= SHOWN else line[:SHOWN] + "…"
            click.echo(f"    {shown}", err=True)
    elif text:
        click.secho(_("Not used: an empty line that arrived before the next question was "
                      "asked."), fg="yellow", err=True)
    return lines


def offer_earlier_case(found: Path) -> tuple[Path | None, bool]:
    """Before a new interview in a folder that holds a case already (``found``, its answers
    file): say so, with its version and date, and offer to continue it; when its documents
    were made, point at ``commgen update`` instead, and start a second case only when asked to.
    Returns the answers file to resume (or None) and whether to go on at all."""
    if not found.is_file():
        return None, True
    import datetime as dt

    from commgen.answers.answersfile import HISTORY_KEY, read_answers_file
    from commgen.app.output import MANIFEST_NAME

    try:
        data: Any = read_answers_file(found)
    except AnswersError:
        data = {}
    when = data.get("statement_date")
    if isinstance(when, dt.date):
        when = when.strftime("%d-%m-%Y")
    if not when:
        when = dt.datetime.fromtimestamp(found.stat().st_mtime).strftime("%d-%m-%Y")
    click.echo(_("This folder already holds a case: {file} (version {version}, {date}).").format(
        file=found, version=data.get("statement_version") or 1, date=when))
    if (found.parent / MANIFEST_NAME).exists() or data.get(HISTORY_KEY):
        click.echo(_("Its documents have been made. For a new version of that case, with what "
                     "changed since, use:\n  commgen update \"{path}\"").format(path=found))
        if _yes(_("Start a new, separate case in this folder anyway?"), default=False):
            return None, True
        return None, False
    if _yes(_("Continue with that case?"), default=True):
        return found, True
    click.echo(_("A new case is started beside it; {file} stays as it is.").format(
        file=found.name))
    return None, True


YES, NO = ("j", "ja", "y", "yes"), ("n", "nee", "no")


def _yes(question: str, default: bool) -> bool:
    """A yes/no question in Dutch or English (j, ja, y, yes / n, nee, no); Enter: ``default``."""
    suffix = _("[Y/n]") if default else _("[y/N]")
    while True:
        answer = click.prompt(f"{question} {suffix}", default="", show_default=False
                              ).strip().lower()
        if not answer:
            return default
        if answer in YES or answer in NO:
            return answer in YES
        click.echo(_("Error: {message}").format(message=_("answer j (yes) or n (no)")),
                   err=True)
