"""``commgen templates list|preview|check``: tools for the foundation's template authors."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from commgen.app.commands import help_text
from commgen.app.commands.options import PathParam, templates_option
from commgen.foundation.errors import EXIT_OK, UsageError
from commgen.foundation.i18n import _

if TYPE_CHECKING:
    from pathlib import Path


def make() -> click.Command:
    @click.group(help=help_text("templates"))
    def templates() -> None:
        pass

    @templates.command("list", help=_("Show the documents, their template files, versions, "
                                      "audiences and the questions each template uses."))
    @templates_option()
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
    @click.option("--answers", "answers_file", type=PathParam(dir_okay=False),
                  metavar=_("ANSWERS.yaml"),
                  help=_("Answers to use (default: the bundled sample vo-politie)."))
    @click.option("--pdf", is_flag=True, help=_("Also make a PDF (needs LibreOffice)."))
    @templates_option()
    def templates_preview(doc: str, answers_file: Path | None, pdf: bool,
                          templates: Path | None) -> int:
        import tempfile

        from commgen.app.generate import generate as run
        from commgen.foundation.resources import bundled, templates_dir

        answers = answers_file or bundled("samples") / "vo-politie.yaml"
        from pathlib import Path

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
    @templates_option()
    def templates_check(output_format: str, templates: Path | None) -> int:
        from commgen.foundation.concepts import ERROR
        from commgen.foundation.errors import EXIT_FINDINGS
        from commgen.foundation.resources import templates_dir
        from commgen.lint import check_template_set
        from commgen.lint.report import as_json, as_lines
        from commgen.questions.catalog import CATALOG_FILE

        folder = templates_dir(templates)
        if not (folder / CATALOG_FILE).is_file():
            raise UsageError(_("{folder} is not a template set: it has no catalog.yaml. Give "
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
    return templates
