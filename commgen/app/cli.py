"""The ``commgen`` command line. Commands stay thin; the work happens in plain functions.

The language is chosen before the commands are defined, so that their help texts are
translated too; heavy modules are imported inside the commands to keep start-up quick.
"""

from __future__ import annotations

import contextlib
import os
import sys

import click

from commgen import __version__
from commgen.foundation.i18n import LANGUAGES, LOCALE_DIR, _, choose_language, set_language

# ``commgen --help`` imports click, the translations and the list of commands, nothing more:
# the errors and the terminal cleaning are imported when an error is to be shown.


def _scan_lang(args: list[str]) -> str | None:
    """Find ``--lang`` before Click parses anything, so help texts come out translated."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _command_name(args: list[str]) -> str:
    """The command's name (the first word that is not an option or --lang's value)."""
    words = iter(args)
    for arg in words:
        if arg == "--lang":
            next(words, None)
        elif not arg.startswith("-"):
            return arg
    return ""


def _setup_language(lang: str) -> None:
    set_language(lang)
    # Click's own messages (usage errors, "Options:") go through the global gettext domain.
    import gettext

    os.environ["LANGUAGE"] = lang
    gettext.bindtextdomain("commgen", str(LOCALE_DIR))
    gettext.textdomain("commgen")


def _setup_console() -> None:
    """UTF-8 on every console, also a Windows one with a legacy code page."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(encoding="utf-8", errors="replace")


def _help_width() -> int:
    """The width of help texts, as Click computes it (``shutil.get_terminal_size``: COLUMNS,
    else the terminal, else 80; at most 80, two columns to spare, at least 50), without
    importing shutil (which imports the compression modules: a sixth of a ``--help``)."""
    forced = click.formatting.FORCED_WIDTH  # Click's test runner sets it
    if forced is not None:
        return forced
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return max(min(columns if columns > 0 else 80, 80) - 2, 50)


class _Commands(click.Group):
    """The commands, each imported only when it runs (``commgen --help`` lists them from
    their help texts, without importing their modules)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        from commgen.app.commands import COMMANDS

        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        from commgen.app.commands import COMMANDS

        if cmd_name not in COMMANDS:
            return None
        if cmd_name not in self.commands:
            import importlib

            module = importlib.import_module(f"commgen.app.commands.{cmd_name}")
            command = module.make()
            if not any(p.name == "lang" for p in command.params):  # new and web have it
                command.params.append(_lang_option())
            self.add_command(command, cmd_name)
        return self.commands[cmd_name]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        import gettext

        from commgen.app.commands import COMMANDS, help_text

        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, click.Command(name, help=help_text(name)).get_short_help_str(limit))
                for name in COMMANDS]  # Click's own shortening, without the command's module
        with formatter.section(gettext.gettext("Commands")):  # Click's own word, translated
            formatter.write_dl(rows)


def _lang_option() -> click.Option:
    """``--lang`` after the command's name too (``commgen check --lang en``): the language is
    already set from the whole command line (``_scan_lang``), so the option only has to be
    known to Click (trial-check10 F11)."""
    return click.Option(["--lang"], type=click.Choice(LANGUAGES), metavar="nl|en",
                        expose_value=False,
                        help=_("Language of the command line (default: Dutch; also "
                               "COMMGEN_LANG)."))


def build_cli() -> click.Group:
    """The command group, its help in the chosen language."""

    @click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"],
                                                   "terminal_width": _help_width()},
                 help=_("commgen writes the school's communication after a nude image or sex "
                        "video of a pupil has been shared: a communication statement, letters "
                        "and guidance, from vetted text and your answers."))
    @click.version_option(__version__, "--version", prog_name="commgen",
                          message="%(prog)s %(version)s")
    @click.option("--lang", type=click.Choice(LANGUAGES), metavar="nl|en",
                  help=_("Language of the command line (default: Dutch; also COMMGEN_LANG)."))
    def cli(lang: str | None) -> None:
        pass

    return cli


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and turn every error into a message and an exit code."""
    _setup_console()
    args = list(sys.argv[1:] if argv is None else argv)
    command = _command_name(args) if argv is None else ""  # not tests calling main
    try:  # a Ctrl-C during start-up (the regex file, the language) is a stop as well
        if command:  # the command's own process; the list of commands compiles too little
            from commgen.foundation.regexcache import keep_compiled_patterns

            keep_compiled_patterns(command)
        _setup_language(choose_language(_scan_lang(args)))
        code = build_cli().main(args=args, prog_name="commgen", standalone_mode=False)
    except (Exception, KeyboardInterrupt) as exc:  # each kind below; a bug as the last
        code = _failure(exc)
    if argv is None:  # the process ends here (not a caller in the same process, like tests)
        import gc

        gc.freeze()  # nothing is left to collect: spare the exit its full garbage collections
    sys.exit(code if isinstance(code, int) else 0)  # 0: EXIT_OK


def _interrupted(exc: BaseException) -> bool:
    """Ctrl-C that Python wrapped in another error: during an import, a KeyboardInterrupt in a
    class body's ``__set_name__`` (a dataclass field) comes out as a RuntimeError caused by it."""
    seen: set[int] = set()
    cause = exc.__cause__ or exc.__context__
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False


def _failure(exc: BaseException) -> int:
    """Show ``exc`` (called while it is handled) and return the exit code."""
    from commgen.foundation.errors import (
        EXIT_BAD_INPUT,
        EXIT_INTERNAL,
        EXIT_STOPPED,
        CommgenError,
        InterviewStopped,
    )
    from commgen.foundation.textclean import for_terminal

    if isinstance(exc, click.exceptions.Abort):
        click.echo(_("Stopped."), err=True)
        return EXIT_BAD_INPUT
    if isinstance(exc, click.ClickException):
        exc.show()
        return exc.exit_code
    if isinstance(exc, InterviewStopped):  # not an error: the answers are saved
        click.echo()
        click.echo(exc.message, err=True)
        return exc.exit_code
    if isinstance(exc, CommgenError):
        click.echo(_("Error: {message}").format(message=for_terminal(exc.message)), err=True)
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt) or _interrupted(exc):
        click.echo(_("Stopped."), err=True)
        return EXIT_STOPPED
    # a bug: say so plainly, without a traceback
    click.echo(_("Internal error ({kind}: {detail}). Nothing was written. Please report this "
                 "to the maintainers of commgen.").format(kind=type(exc).__name__,
                                                         detail=exc), err=True)
    if os.environ.get("COMMGEN_DEBUG"):
        raise exc
    return EXIT_INTERNAL
