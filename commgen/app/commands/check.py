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

    from commgen.checks.findings import Finding
    from commgen.checks.run import Checker
    from commgen.checks.sources import Source


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
    @click.option("--json", "as_json", is_flag=True, help=_("The same as --format json."))
    def check(files: tuple[str, ...], audience: str | None, guard_file: str | None,
              answers_file: Path | None, school: str | None, output: str,
              as_json: bool) -> int:
        from functools import partial

        from commgen.checks.findings import has_errors
        from commgen.checks.load import checker_from_files, for_document, with_own_details_hint
        from commgen.checks.report import json_report, text_report
        from commgen.checks.run import ResultCache, snippets_folder
        from commgen.checks.sources import read_guard_names, read_source

        guards = read_guard_names(guard_file, files) if guard_file else []
        sources = [read_source(spec) for spec in files]
        checker = checker_from_files(audience, guards, answers_file, school)
        case = CaseCheck(checker, answers_file)
        # the findings of a text checked before, with the same checker: from the user cache
        results_cache = ResultCache(checker.rules_folder.parent if checker.rules_folder
                                    else snippets_folder())
        results = []
        notes: list[str] = []
        for source in sources:  # a document commgen made knows its school's details
            readers = audience or case.audience_of(source.document_id)
            doc_checker, known = for_document(case.for_readers(checker, readers, audience),
                                              source.properties)
            found = results_cache.check(doc_checker, source.text, f"check:{readers}", partial(
                checked_and_fitted, doc_checker, source.text, readers))
            findings = case.findings(found, source.text, readers)
            findings = with_own_details_hint(findings, known or bool(answers_file or school),
                                             known or answers_file is not None, source.text,
                                             _home_words(doc_checker, findings))
            findings = source.hidden_findings(findings)
            results.append((source.path, source.located, findings))
            if known:
                notes.append(_known_from(source))
        if output == "json" or as_json:
            click.echo(json_report(results))
        else:
            color = False if os.environ.get("NO_COLOR") else None
            for note in notes:
                click.echo(note, color=color)
            for line in text_report(results):
                click.echo(line, color=color)
        return EXIT_FINDINGS if any(has_errors(f) for _p, _t, f in results) else EXIT_OK
    return check


def checked_and_fitted(checker: Checker, text: str, readers: str | None) -> list[Finding]:
    """The check of ``text``, each suggestion fitted to its line (``fitted_to_lines``)."""
    return fitted_to_lines(checker, text, checker.check(text), readers)


def fitted_to_lines(checker: Checker, text: str, findings: list[Finding],
                    readers: str | None) -> list[Finding]:
    """Each finding's suggestion only where taking it in its line leaves a whole sentence
    (as at a question in the interview: ``fitting.fit_suggestion``, without checking the new
    sentence again, which cost a letter twice its check; nor importing ``answercheck``, whose
    catalogue and Jinja a letter's check does not need); otherwise the
    message says to write the sentence anew. "een leerling" for "haar moeder" or for
    "leerling van 13" was no Dutch (trial-check10 F6)."""
    from dataclasses import replace

    from commgen.app.fitting import fit_suggestion
    from commgen.checks.findings import line_bounds
    from commgen.checks.suggest import is_phrase, own_sentence

    del readers  # the changed sentence is not checked again, for any readers
    out = []
    for finding in findings:
        start, end = line_bounds(text, finding.start)
        if not finding.suggestion or finding.end > end:
            out.append(finding)
            continue
        local = replace(finding, start=finding.start - start, end=finding.end - start)
        if own_sentence(text[start:end], local.start, local.end) == (local.start, local.end):
            # the passage is its whole sentence: a sentence may take its place, a few words
            # ("het beeld") cannot
            phrase = is_phrase(finding.suggestion.strip())
            out.append(replace(finding, suggestion=None) if phrase else finding)
            continue
        done = fit_suggestion(text[start:end], local)
        out.append(replace(done, start=finding.start, end=finding.end))
    return out


def _home_words(checker: Checker, findings: list[Finding]) -> tuple[str, ...]:
    """The rules' words for living somewhere ("woont"): an address beside them is a home
    (read only when there is an address to judge)."""
    from commgen.checks.vocabulary import HOME_WORDS

    if not any(f.category == "address" for f in findings):
        return ()
    words = checker.settings.vocabulary
    return words.words(HOME_WORDS) if words is not None else ()


def _known_from(source: Source) -> str:
    """Why a document's school details pass: commgen recorded them when it made it."""
    if source.properties_from:
        return _("{file}: the school's details and contacts are those commgen recorded in "
                 "{document}, made with it.").format(file=source.path,
                                                     document=source.properties_from)
    return _("{file}: the school's details and contacts are those commgen recorded in the "
             "document's properties when it made it.").format(file=source.path)


class CaseCheck:
    """What ``commgen check`` knows of the case: the answers (``--answers``, typed as the
    review reads them), the audience of a document commgen made (its ``commgen.document``
    property), and the rules that read a document as the review does (consistentie.yaml:
    gender and family, what we do not say, words public texts never say, facts waiting for
    an approval, words of consent for an image made otherwise): one rule set for the review,
    the check at a question and ``commgen check``."""

    def __init__(self, checker: Checker, answers_file: Path | None) -> None:
        from commgen.checks.consistency import load_consistency

        self.answers_file = answers_file
        self._catalog = None
        self.values: dict[str, object] = {}
        if answers_file is not None:
            from commgen.answers.partial import read_answers

            self.values = read_answers(answers_file, self.catalog)
        folder = checker.rules_folder
        self.rules = load_consistency(folder if folder is not None and folder.is_dir() else None)

    @property
    def catalog(self):  # type: ignore[no-untyped-def]
        if self._catalog is None:
            from commgen.foundation.resources import templates_dir
            from commgen.questions.catalog import load_catalog

            self._catalog = load_catalog(templates_dir(None))
        return self._catalog

    def audience_of(self, doc_id: str | None) -> str | None:
        """The audience of a document commgen made, by the id in its properties."""
        if not doc_id:
            return None
        return next((d.audience for d in self.catalog.documents if d.id == doc_id), None)

    def for_readers(self, checker: Checker, readers: str | None, given: str | None) -> Checker:
        """The checker for the document's readers: those of ``--audience``, else those its
        properties name; in the letter to the class's own parents the class the family agreed
        to name is allowed (``class_named``, ``class_name`` of the answers)."""
        from dataclasses import replace

        if readers != given:
            checker = checker.for_audience(readers)
        name = str(self.values.get("class_name") or "").strip()
        if readers == "parents-class" and self.values.get("class_named") is True and name:
            checker = checker.with_allow(replace(checker.allow,
                                                 phrases=checker.allow.phrases | {name}))
        return checker

    def findings(self, found: list[Finding], text: str, readers: str | None) -> list[Finding]:
        """The privacy check's findings with the review's document rules added (a passage
        another finding marks as a whole is said once), and a suggestion that names the
        police made neutral unless the answers say the police approved."""
        if self.rules is None:
            return found
        from commgen.checks.consistency import document_findings, unapproved_suggestions
        from commgen.checks.findings import GUARDED_RULE
        from commgen.foundation.concepts import DOCUMENT_LANGUAGE

        extra = [f for f in document_findings(self.rules, self.values, text, readers,
                                              DOCUMENT_LANGUAGE)
                 if not any((f.start, f.end) == (o.start, o.end) for o in found)]
        guarded = [text[o.start:o.end] for o in found if o.rule == GUARDED_RULE]
        extra = [_without(f, guarded) for f in extra]
        found = unapproved_suggestions(self.rules, self.values, found + extra)
        return sorted(found, key=lambda f: (f.start, f.end))


def _without(finding: Finding, names: list[str]) -> Finding:
    """The finding with every guarded name in its sentence shown as the mask."""
    from dataclasses import replace

    from commgen.foundation.concepts import GUARDED_MASK

    shown = finding.text
    for name in sorted(set(names), key=len, reverse=True):
        shown = shown.replace(name, GUARDED_MASK) if name else shown
    return finding if shown == finding.text else replace(finding, text=shown)
