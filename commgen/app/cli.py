"""The ``commgen`` command line. Commands stay thin; the work happens in plain functions.

The language is chosen before the commands are defined, so that their help texts are
translated too; heavy modules are imported inside the commands to keep start-up quick.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import click

from commgen import __version__
from commgen.foundation.concepts import AUDIENCES
from commgen.foundation.errors import (
    EXIT_BAD_INPUT,
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    CommgenError,
)
from commgen.foundation.i18n import LANGUAGES, LOCALE_DIR, _, choose_language, set_language

DEFAULT_OUT = "commgen-documenten"


def _scan_lang(args: list[str]) -> str | None:
    """Find ``--lang`` before Click parses anything, so help texts come out translated."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


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


def build_cli() -> click.Group:
    @click.group(context_settings={"help_option_names": ["-h", "--help"]},
                 help=_("commgen writes the school's communication after a nude image or sex "
                        "video of a pupil has been shared: a communication statement, letters "
                        "and guidance, from vetted text and your answers."))
    @click.version_option(__version__, "--version", prog_name="commgen",
                          message="%(prog)s %(version)s")
    @click.option("--lang", type=click.Choice(LANGUAGES), metavar="nl|en",
                  help=_("Language of the command line (default: Dutch; also COMMGEN_LANG)."))
    def cli(lang: str | None) -> None:
        pass

    accept_option = click.option(
        "--accept-findings", "accept_findings", metavar=_("REASON"),
        help=_("Write documents despite errors found by the privacy check; the reason is "
               "recorded in the document properties."))

    templates_option = click.option(
        "--templates", "templates", type=click.Path(file_okay=False, path_type=Path),
        envvar="COMMGEN_TEMPLATES", metavar=_("FOLDER"),
        help=_("Folder with catalog.yaml and the Word templates (default: the bundled set; "
               "also COMMGEN_TEMPLATES)."))

    @cli.command(help=_("Answer the questions of the communication statement, check them on "
                        "one screen, and make the documents. Every answer is saved at once."))
    @click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
                  default=None, metavar=_("FOLDER"),
                  help=_("Folder for the answers and the documents (default: {default}, or the "
                         "folder of the file given to --resume).").format(default=DEFAULT_OUT))
    @click.option("--resume", type=click.Path(dir_okay=False, path_type=Path),
                  metavar=_("ANSWERS.yaml"), help=_("Continue an interrupted interview."))
    @click.option("--answers", "answers_file", type=click.Path(dir_okay=False, path_type=Path),
                  metavar=_("ANSWERS.yaml"),
                  help=_("Take answers from this file; only what is missing is asked."))
    @click.option("--set", "settings", multiple=True, metavar=_("QUESTION=ANSWER"),
                  help=_("Give one answer on the command line (repeatable)."))
    @click.option("--yes", is_flag=True,
                  help=_("Skip the review screen; without a terminal, fail when answers are "
                         "missing instead of asking."))
    @click.option("--lang", type=click.Choice(LANGUAGES), metavar="nl|en",
                  help=_("Language of the questions (same as commgen --lang)."))
    @click.option("--school", metavar=_("PROFILE"),
                  help=_("School profile (a .yaml file, or the name of a bundled one) that "
                         "answers the questions about the school."))
    @accept_option
    @templates_option
    def new(out_dir: Path | None, resume: Path | None, answers_file: Path | None,
            settings: tuple[str, ...], yes: bool, lang: str | None, school: str | None,
            accept_findings: str | None, templates: Path | None) -> int:
        from commgen.app.interview import run_interview
        from commgen.foundation.resources import templates_dir
        from commgen.questions.catalog import load_catalog

        catalog = load_catalog(templates_dir(templates))
        folder = out_dir or (resume.parent if resume else Path(DEFAULT_OUT))
        _path, result = run_interview(catalog, folder, resume, answers_file, settings, yes,
                                      school=school, accept_findings=accept_findings)
        return _report(result) if result is not None else EXIT_OK

    @cli.group(help=_("For template authors: see and try the template set."))
    def templates() -> None:
        pass

    @templates.command("list", help=_("Show the documents, their template files, versions, "
                                      "audiences and the questions each template uses."))
    @templates_option
    def templates_list(templates: Path | None) -> int:
        from commgen.foundation.i18n import current_language
        from commgen.foundation.resources import templates_dir
        from commgen.questions.catalog import load_catalog, text_for
        from commgen.render.templateinfo import describe

        folder = templates_dir(templates)
        catalog = load_catalog(folder)
        click.echo(_("Template set: {folder}").format(folder=folder))
        for info in describe(catalog):
            doc = info.document
            click.echo()
            click.secho(f"{doc.id} — {text_for(doc.title, current_language())}", bold=True)
            click.echo(_("  language: {lang}   version: {version}   audience: {audience}").format(
                lang=info.lang, version=doc.version, audience=doc.audience))
            click.echo(_("  file: {path}").format(path=info.path))
            if doc.when:
                click.echo(_("  only when: {when}").format(when=doc.when))
            if info.error:
                click.secho(_("  cannot be read: {error}").format(error=info.error), fg="red")
            else:
                click.echo(click.wrap_text(", ".join(info.questions), width=92,
                                           initial_indent=_("  questions: "),
                                           subsequent_indent="    "))
        return EXIT_OK

    @templates.command("preview", help=_("Make one document from sample answers in a temporary "
                                         "folder and show where it is."))
    @click.argument("doc", metavar="DOC")
    @click.option("--answers", "answers_file", type=click.Path(dir_okay=False, path_type=Path),
                  metavar=_("ANSWERS.yaml"),
                  help=_("Answers to use (default: the bundled sample vo-politie)."))
    @click.option("--pdf", is_flag=True, help=_("Also make a PDF (needs LibreOffice)."))
    @templates_option
    def templates_preview(doc: str, answers_file: Path | None, pdf: bool,
                          templates: Path | None) -> int:
        import tempfile

        from commgen.app.generate import generate as run
        from commgen.foundation.resources import bundled, templates_dir

        answers = answers_file or bundled("samples") / "vo-politie.yaml"
        folder = Path(tempfile.mkdtemp(prefix="commgen-preview-"))
        result = run(answers, folder, templates_dir(templates), [doc])
        if not result.written:
            click.echo(_("Not needed with these answers: {doc}").format(doc=doc))
            return EXIT_OK
        for written in result.written:
            click.echo(str(written.path))
            if pdf:
                from commgen.app.output import convert_to_pdf

                click.echo(str(convert_to_pdf(written.path)))
        return EXIT_OK

    @templates.command("check", help=_("Check a template set for everything that would go "
                                       "wrong in a school: tags, names, comments, tracked "
                                       "changes, the catalogue and the vetted sentences. Exit "
                                       "code 1 when there are errors."))
    @click.option("--format", "output_format", type=click.Choice(["text", "json"]),
                  default="text", show_default=True, help=_("Output for people or for scripts."))
    @templates_option
    def templates_check(output_format: str, templates: Path | None) -> int:
        from commgen.foundation.concepts import ERROR
        from commgen.foundation.errors import EXIT_FINDINGS
        from commgen.foundation.resources import templates_dir
        from commgen.lint import check_template_set
        from commgen.lint.report import as_json, as_lines
        from commgen.questions.catalog import CATALOG_FILE

        folder = templates_dir(templates)
        if not (folder / CATALOG_FILE).is_file():
            raise CommgenError(_("{folder} is not a template set: it has no catalog.yaml. Give "
                                 "--templates the folder with catalog.yaml and the Word "
                                 "templates.").format(folder=folder))
        problems = check_template_set(folder)
        if output_format == "json":
            click.echo(as_json(problems))
        else:
            click.echo(_("Template set: {folder}").format(folder=folder))
            for line, colour in as_lines(problems):
                click.secho(line, fg=colour)
        return EXIT_FINDINGS if any(p.severity == ERROR for p in problems) else EXIT_OK

    @cli.command(help=_("Make the documents from an answers file (YAML)."))
    @click.argument("answers", type=click.Path(dir_okay=True, path_type=Path),
                    metavar=_("ANSWERS.yaml"))
    @click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
                  default=DEFAULT_OUT, show_default=True, metavar=_("FOLDER"),
                  help=_("Folder for the documents."))
    @click.option("--only", metavar=_("DOC,..."),
                  help=_("Make only these documents (ids from the catalogue, comma-separated)."))
    @click.option("--force", is_flag=True,
                  help=_("Replace documents that already exist. Without it an existing document "
                         "is kept and the new one gets a new name."))
    @click.option("--pdf", is_flag=True,
                  help=_("Also make a PDF of every document (needs LibreOffice)."))
    @accept_option
    @templates_option
    def generate(answers: Path, out_dir: Path, only: str | None, force: bool, pdf: bool,
                 accept_findings: str | None, templates: Path | None) -> int:
        from commgen.app.generate import generate as run
        from commgen.foundation.resources import templates_dir

        wanted = [part.strip() for part in only.split(",") if part.strip()] if only else None
        return _report(run(answers, out_dir, templates_dir(templates), wanted, force, pdf=pdf,
                           accept_findings=accept_findings))

    @cli.command(help=_("Check letters and documents for names, class names, contact details, "
                        "descriptions of the image, blame and speculation. FILE is a .docx, "
                        ".txt or .md file, or - for standard input."))
    @click.argument("files", nargs=-1, required=True, metavar=_("FILE..."))
    @click.option("--audience", type=click.Choice(AUDIENCES),
                  help=_("Who will read the text; sets how heavy each finding weighs "
                         "(default: every rule at its own level)."))
    @click.option("--guard", "guards", multiple=True, metavar=_("NAME"),
                  help=_("A name that may never appear, in any form (repeatable)."))
    @click.option("--answers", "answers_file", type=click.Path(dir_okay=False, path_type=Path),
                  metavar=_("ANSWERS.yaml"),
                  help=_("Answers file: its contact person and spokesperson are allowed, the "
                         "names of the pupils involved are refused."))
    @click.option("--school", metavar=_("PROFILE"),
                  help=_("School profile whose address, phone, e-mail and website are allowed."))
    @click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
                  show_default=True, help=_("Output for people or for programs."))
    def check(files: tuple[str, ...], audience: str | None, guards: tuple[str, ...],
              answers_file: Path | None, school: str | None, output: str) -> int:
        from commgen.checks.findings import has_errors
        from commgen.checks.load import checker_from_files
        from commgen.checks.report import json_report, text_report
        from commgen.checks.sources import read_source

        sources = [read_source(spec) for spec in files]
        checker = checker_from_files(audience, guards, answers_file, school)
        results = [(s.path, s.located, checker.check(s.text)) for s in sources]
        if output == "json":
            click.echo(json_report(results))
        else:
            color = False if os.environ.get("NO_COLOR") else None
            for line in text_report(results):
                click.echo(line, color=color)
        return EXIT_FINDINGS if any(has_errors(f) for _p, _t, f in results) else EXIT_OK

    return cli


def _report(result) -> int:  # type: ignore[no-untyped-def]
    """What the privacy check found, what was written, what was kept, what was not needed."""
    for note in result.notes:
        click.echo(_("Note: {problem}").format(problem=note), err=True)
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


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and turn every error into a message and an exit code."""
    _setup_console()
    args = list(sys.argv[1:] if argv is None else argv)
    _setup_language(choose_language(_scan_lang(args)))
    cli = build_cli()
    try:
        code = cli.main(args=args, prog_name="commgen", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(_("Stopped."), err=True)
        code = EXIT_BAD_INPUT
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except CommgenError as exc:
        click.echo(_("Error: {message}").format(message=exc.message), err=True)
        code = exc.exit_code
    except KeyboardInterrupt:
        click.echo(_("Stopped."), err=True)
        code = 130
    except Exception as exc:  # a bug: say so plainly, without a traceback
        click.echo(_("Internal error ({kind}: {detail}). Nothing was written. Please report this "
                     "to the maintainers of commgen.").format(kind=type(exc).__name__,
                                                             detail=exc), err=True)
        if os.environ.get("COMMGEN_DEBUG"):
            raise
        code = EXIT_INTERNAL
    sys.exit(code if isinstance(code, int) else EXIT_OK)
