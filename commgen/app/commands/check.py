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
    from collections.abc import Mapping
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
            doc_checker, known = for_document(case.for_readers(checker, readers, audience,
                                                               source.properties),
                                              source.properties)
            found = results_cache.check(
                doc_checker, source.text,
                f"check:{readers}:{case.facts_key(source.properties)}",
                partial(checked_and_fitted, doc_checker, source.text, readers, case,
                        source.properties))
            findings = case.findings(found, source.text, readers, source.properties)
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


def checked_and_fitted(checker: Checker, text: str, readers: str | None,
                       case: CaseCheck | None = None,
                       properties: Mapping[str, str] | None = None) -> list[Finding]:
    """The check of ``text``, the sentence for blame chosen by the case's facts
    (``CaseCheck.case_suggestions``), each suggestion fitted to its line
    (``fitted_to_lines``)."""
    found = checker.check(text)
    if case is not None:
        found = case.case_suggestions(found, readers, properties)
    return fitted_to_lines(checker, text, found, readers)


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
    from commgen.checks.findings import GUARDED_RULE, line_bounds
    from commgen.checks.suggest import grammar_words, is_phrase, own_sentence

    del readers  # the changed sentence is not checked again, for any readers
    advice = grammar_words().words("weglaten")
    out = []
    for finding in findings:
        start, end = line_bounds(text, finding.start)
        if not finding.suggestion or finding.end > end \
                or finding.suggestion.strip().casefold() in advice:
            out.append(finding)  # advice ("laat het adres weg") is for the reader as it is
            continue
        local = replace(finding, start=finding.start - start, end=finding.end - start)
        if own_sentence(text[start:end], local.start, local.end) == (local.start, local.end):
            # the passage is its whole sentence: a sentence may take its place, a few words
            # ("het beeld") cannot
            phrase = is_phrase(finding.suggestion.strip())
            out.append(replace(finding, suggestion=None) if phrase else finding)
            continue
        done = fit_suggestion(text[start:end], local)
        if done.suggestion and finding.rule != GUARDED_RULE:
            shown = shown_edit(text[start:end], done)
            grown = [(shown.start + start, finding.start), (finding.end, shown.end + start)]
            if not any((o.rule == GUARDED_RULE or (o.category == "name" and o is not finding))
                       and any(o.start < last and first < o.end for first, last in grown
                               if first < last)
                       for o in findings):
                done = shown  # never a wider passage over a (pupil's) name
        out.append(replace(done, start=done.start + start, end=done.end + start))
    return out


def shown_edit(line: str, finding: Finding) -> Finding:
    """The finding's suggestion as the words a reader puts in place of ``text`` by hand: the
    edit the interview would make (``take_in``), so that "uit de 3havo-b" shows "een klas van
    onze school" for "de 3havo-b", never for "3havo" ("uit de een klas ... -b", trial12 F5).
    The passage grows over the words around it that change with it (an article, the rest of
    a code, the role before a name)."""
    from dataclasses import replace

    from commgen.checks.suggest import edit_of, grammar_words, is_phrase, take_in

    suggestion = (finding.suggestion or "").strip()
    if not is_phrase(suggestion) or suggestion.casefold() in grammar_words().words("weglaten"):
        return finding  # a sentence for its sentence; advice ("laat het adres weg") as it is
    changed = take_in(line, finding.start, finding.end, suggestion, finding.category)
    if changed is None:
        return finding
    first, last, words = edit_of(line, changed)
    if (first, last) == (finding.start, finding.end) and words == suggestion:
        return finding
    if line[finding.start:finding.end].strip().startswith("("):
        return finding  # an aside in brackets ("Daan (14)"): the passage as found
    if len(changed) < len(line) and words in line[first:last]:
        # words taken out ("een 13-jarig meisje"): shown with the word after them ("13-jarig
        # meisje" -> "meisje"), never with a name before them ("Daan (14)")
        first, last, words = edit_of(line, changed, after=True)
        if not (first <= finding.start and finding.end <= last) or not words.strip() \
                or first < finding.start:
            return finding
    return replace(finding, start=first, end=last, text=line[first:last], suggestion=words)


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

    def facts_key(self, properties: Mapping[str, str] | None = None) -> str:
        """The answers that choose a suggestion's sentence (how the image was made, edited or
        not; from ``--answers`` or the document's ``commgen.case``): part of the cached
        results' key."""
        values = self.values_for(properties or {})
        return ",".join(str(values.get(k)) for k in ("origin", "material", "pupil_visible"))

    def case_suggestions(self, found: list[Finding], readers: str | None,
                         properties: Mapping[str, str] | None = None) -> list[Finding]:
        """Blame and sanctions get the sentence the school can say instead, chosen by the
        case's facts as at a question (``answercheck.CaseSentences``: for an image made
        secretly never the "in vertrouwen" line); without ``--answers``, the sentence that fits
        every case (trial12 F4)."""
        from dataclasses import replace

        from commgen.checks.generation import CASE_SENTENCES

        if not any(f.category in CASE_SENTENCES for f in found):
            return found  # a letter without them never loads the answer checks (speed13)
        from commgen.app.answercheck import CaseSentences

        sentences = CaseSentences(self.catalog, self.values_for(properties or {}))
        public = self.rules.public if self.rules is not None else frozenset()
        audiences = [readers or "press"]
        return [replace(f, suggestion=sentences.suggestion(f, audiences, public))
                if f.category in CaseSentences.BY_CATEGORY else f for f in found]

    def audience_of(self, doc_id: str | None) -> str | None:
        """The audience of a document commgen made, by the id in its properties."""
        if not doc_id:
            return None
        return next((d.audience for d in self.catalog.documents if d.id == doc_id), None)

    def for_readers(self, checker: Checker, readers: str | None, given: str | None,
                    properties: Mapping[str, str] | None = None) -> Checker:
        """The checker for the document's readers: those of ``--audience``, else those its
        properties name; in the letter to the class's own parents the class the family agreed
        to name is allowed (``class_named``, ``class_name`` of the answers, or the class
        commgen recorded in that letter's ``commgen.allowed``)."""
        import json
        from dataclasses import replace

        from commgen.render.document import ALLOWED_PROPERTY

        if readers != given:
            checker = checker.for_audience(readers)
        name = str(self.values.get("class_name") or "").strip()
        named = self.values.get("class_named") is True
        if self.answers_file is None and properties:
            try:
                recorded = json.loads(properties.get(ALLOWED_PROPERTY) or "{}")
            except ValueError:
                recorded = {}
            if isinstance(recorded, dict) and isinstance(recorded.get("class_name"), str):
                name, named = recorded["class_name"].strip(), True
        if readers == "parents-class" and named and name:
            checker = checker.with_allow(replace(checker.allow,
                                                 phrases=checker.allow.phrases | {name}))
        return checker

    def values_for(self, properties: Mapping[str, str]) -> dict[str, object]:
        """The answers the rules read: those of ``--answers``, else the case's answers a
        document commgen made carries in its properties (``commgen.case``: choices only, and
        in a public document the police's answer only once the police approved)."""
        import json

        from commgen.render.document import CASE_PROPERTY

        if self.answers_file is not None:
            return self.values
        try:
            carried = json.loads(properties.get(CASE_PROPERTY) or "{}")
        except ValueError:
            carried = {}
        return carried if isinstance(carried, dict) else {}

    def findings(self, found: list[Finding], text: str, readers: str | None,
                 properties: Mapping[str, str] | None = None) -> list[Finding]:
        """The privacy check's findings with the review's document rules added (a passage
        another finding marks as a whole is said once), and a suggestion that names the
        police made neutral unless the answers say the police approved."""
        if self.rules is None:
            return found
        values = self.values_for(properties or {})
        from commgen.checks.consistency import document_findings, unapproved_suggestions
        from commgen.checks.findings import GUARDED_RULE
        from commgen.foundation.concepts import DOCUMENT_LANGUAGE

        extra = [f for f in document_findings(self.rules, values, text, readers,
                                              DOCUMENT_LANGUAGE)
                 if not any((f.start, f.end) == (o.start, o.end) for o in found)]
        guarded = [text[o.start:o.end] for o in found if o.rule == GUARDED_RULE]
        extra = [_without(f, guarded) for f in extra]
        extra = _without_own_roles(extra, text, self._roles(properties or {}))
        found = unapproved_suggestions(self.rules, values, found + extra)
        return sorted(found, key=lambda f: (f.start, f.end))

    def _roles(self, properties: Mapping[str, str]) -> set[str]:
        """The roles of the school's own people (contact person, spokesperson, signatory):
        those of ``--answers``, else those commgen recorded in ``commgen.allowed``."""
        import json

        from commgen.render.document import ALLOWED_PROPERTY

        people: list[object] = list(self.values.values())
        try:
            recorded = json.loads(properties.get(ALLOWED_PROPERTY) or "{}")
        except ValueError:
            recorded = {}
        people += list(recorded.values()) if isinstance(recorded, dict) else []
        roles = {str(getattr(p, "role", "") or (p.get("role") if isinstance(p, dict) else "")
                     or "") for p in people}
        return {r.casefold() for r in roles if r.strip()}


def _without_own_roles(findings: list[Finding], text: str, roles: set[str]) -> list[Finding]:
    """The other school type's words less those in a role the school itself gave one of its
    people ("Samira El Idrissi, zorgcoördinator" at a primary school: the school's answer)."""
    from commgen.checks.consistency import SCHOOL_WORDS

    return [f for f in findings if f.rule != SCHOOL_WORDS or not any(
        " ".join(text[f.start:f.end].split()).casefold() in role for role in roles)]


def _without(finding: Finding, names: list[str]) -> Finding:
    """The finding with every guarded name in its sentence shown as the mask."""
    from dataclasses import replace

    from commgen.foundation.concepts import GUARDED_MASK

    shown = finding.text
    for name in sorted(set(names), key=len, reverse=True):
        shown = shown.replace(name, GUARDED_MASK) if name else shown
    return finding if shown == finding.text else replace(finding, text=shown)
