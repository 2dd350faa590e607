"""``commgen check``: the privacy check on any letter or text."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import click

from commgen.app.commands import help_text
from commgen.app.commands.options import PathParam
from commgen.foundation.concepts import AUDIENCES
from commgen.foundation.errors import EXIT_FINDINGS, EXIT_OK
from commgen.foundation.i18n import _

if TYPE_CHECKING:
    from pathlib import Path


def make() -> click.Command:
    @click.command(help=help_text("check"))
    @click.argument("files", nargs=-1, required=True, metavar=_("FILE..."))
    @click.option("--audience", type=click.Choice(AUDIENCES),
                  help=_("Who will read the text; sets how heavy each finding weighs "
                         "(default: every rule at its own level)."))
    @click.option("--guard-file", "guard_file", metavar=_("FILE"),
                  help=_("A file with names that may never appear, in any form, one per line "
                         "(- for standard input). Names are never given on the command line, "
                         "where the shell history keeps them."))
    @click.option("--answers", "answers_file", type=PathParam(dir_okay=False),
                  metavar=_("ANSWERS.yaml"),
                  help=_("Answers file: its contact person and spokesperson are allowed, the "
                         "names of the pupils involved are refused."))
    @click.option("--school", metavar=_("PROFILE"),
                  help=_("School profile whose address, phone, e-mail and website are allowed."))
    @click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
                  show_default=True, help=_("Output for people or for programs."))
    def check(files: tuple[str, ...], audience: str | None, guard_file: str | None,
              answers_file: Path | None, school: str | None, output: str) -> int:
        from commgen.checks.findings import has_errors
        from commgen.checks.load import checker_from_files, for_document, with_own_details_hint
        from commgen.checks.report import json_report, text_report
        from commgen.checks.sources import read_guard_names, read_source

        guards = read_guard_names(guard_file, files) if guard_file else []
        sources = [read_source(spec) for spec in files]
        checker = checker_from_files(audience, guards, answers_file, school)
        results = []
        for source in sources:  # a document commgen made knows its school's details
            doc_checker, known = for_document(checker, source.properties)
            findings = doc_checker.check(source.text)
            if not (known or answers_file or school):
                findings = with_own_details_hint(findings)
            results.append((source.path, source.located, findings))
        if output == "json":
            click.echo(json_report(results))
        else:
            color = False if os.environ.get("NO_COLOR") else None
            for line in text_report(results):
                click.echo(line, color=color)
        return EXIT_FINDINGS if any(has_errors(f) for _p, _t, f in results) else EXIT_OK
    return check
