"""The run loop of ``commgen new``: ask, keep every answer, review, then make the documents.

The draft answers file is written after every answer (atomically, readable by its owner
only), so Ctrl-C or a closed terminal loses nothing; ``--resume`` continues where it stopped,
and the paragraphs typed of an answer not finished yet come back as its current text.
Changing an answer on the review screen asks only the questions it opens up (their ``when``
condition names it and was false) or that have no answer yet; the documents are made only by
a deliberate ``m``, never a bare Enter. A new interview in a folder with a case offers to
continue it (``terminal.offer_earlier_case``), and its file is made at the first answer.

Every free-text answer is privacy-checked as soon as it is given (``answercheck``): a finding
is shown at that question, with the passage marked, and the user edits the answer, takes the
suggestion, or keeps it with a reason (saved under ``_commgen_accepted`` in the draft). The
review screen lists what is still open, each problem once, with its question. Until then the
answer is saved in the private side file (``answersfile.private_path``), not in the answers file,
so that the answers file can be shared at any moment.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from commgen.answers.answersfile import (
    ACCEPTED_KEY,
    DRAFTS_KEY,
    HISTORY_KEY,
    dump_answers,
    load_answers,
    private_path,
    read_school_link,
    save_answers,
)
from commgen.answers.partial import parse_settings, read_answers, read_meta
from commgen.answers.profiles import SchoolLink, school_link
from commgen.app.answercheck import (
    FREE_TEXT_TYPES,
    AnswerFinding,
    check_answers,
    make_checker,
    mask_guarded,
    mask_typed,
    with_suggestion,
)
from commgen.app.contactcheck import show_contact_warnings
from commgen.checks.findings import GUARDED_RULE
from commgen.foundation.concepts import ERROR
from commgen.foundation.errors import AnswersError, InterviewStopped, OutputError, Problem
from commgen.foundation.files import Claimed, claim, create_new, release
from commgen.foundation.i18n import _, current_language
from commgen.foundation.jinja import expression_names
from commgen.questions.catalog import Catalog, Question, text_for
from commgen.questions.types import display, is_empty

DRAFT_NAME = "antwoorden.yaml"
MAKE_WORDS = ("m", "maak", "make")  # the review's answer that makes the documents

Asker = Callable[[Question, Catalog, Any], Any]


@dataclass
class Draft:
    """Answers given so far: typed values; ``None`` means asked and left empty."""

    path: Path
    answered: dict[str, Any] = field(default_factory=dict)
    accepted: dict[str, str] = field(default_factory=dict)  # question id -> reason kept
    drafts: dict[str, str] = field(default_factory=dict)  # question id -> text typed so far
    history: list[Any] | None = None  # the versions to save (None: keep the file's own)
    header: list[str] | None = None  # the comment on top (None: the interview's)
    save_failed: OSError | None = None  # why the last save failed (None: it was written)
    create: bool = False  # the file is made at the first save, not before the first answer
    school: SchoolLink | None = None  # the profile the file names: its line is kept

    def save(self, catalog: Catalog, checked: bool = True) -> None:
        """Write the draft. ``checked=False`` (the very first save, before the checker is
        loaded) keeps every free-text answer apart, as not cleared yet: quick, and still safe
        to share."""
        stamp = dt.datetime.now().strftime("%d-%m-%Y %H:%M")
        header = self.header or [
            _("commgen answers (draft), saved {when}.").format(when=stamp),
            _("Continue with: commgen new --resume \"{path}\"").format(path=self.path),
            _("or make the documents with: commgen generate \"{path}\"").format(path=self.path)]
        self.accepted = {k: v for k, v in self.accepted.items() if k in self.answered}
        if checked:
            stored, drafts, held = self._to_store(catalog)
        else:
            stored, drafts = dict(self.answered), dict(self.drafts)
            held = {q.id for q in catalog.questions if q.type in FREE_TEXT_TYPES
                    and not is_empty(self.answered.get(q.id))}
        meta: dict[str, Any] = {ACCEPTED_KEY: self.accepted, DRAFTS_KEY: drafts}
        if self.history is not None:
            meta[HISTORY_KEY] = self.history
        try:
            if self.create:  # exclusively: never over another interview's file
                self.path = create_new(self.path, dump_answers(catalog, {}, []).encode("utf-8"))
                self.create = False
            save_answers(self.path, catalog, stored, header, meta, private=held,
                         school=self.school)
            self.save_failed = None
        except OSError as exc:  # a full disk or a lost network folder: keep asking
            self.save_failed = exc
            click.secho(_("Your answers could not be saved in {path} ({detail}); the interview "
                          "goes on and tries again after the next answer.").format(
                              path=self.path, detail=exc.strerror or type(exc).__name__),
                        fg="red", err=True)


    def _to_store(self, catalog: Catalog) -> tuple[dict[str, Any], dict[str, str], set[str]]:
        """What goes on disk: the answers with every guarded name masked, the text typed so far
        (masked too), and the ids of the answers with an open finding (kept apart)."""
        values = {q.id: self.answered.get(q.id) for q in catalog.questions}
        found = [f for f in check_answers(catalog, values, self.accepted)  # a warning (said
                 if f.finding.severity == ERROR]  # twice) is no reason to keep an answer apart
        for item in found:  # a pupil's name is never kept: its reason is cancelled
            if item.finding.rule == GUARDED_RULE:
                self.accepted.pop(item.question.id, None)
        stored = dict(self.answered)
        for question_id in {item.question.id for item in found}:
            stored[question_id] = mask_guarded(catalog.by_id[question_id], stored[question_id],
                                               [f for f in found if f.question.id == question_id])
        drafts = dict(self.drafts)
        if drafts:
            checker = make_checker(catalog, values)
            drafts = {k: mask_typed(checker, v) for k, v in drafts.items()}
        return stored, drafts, {item.question.id for item in found}


class Interview:
    """The questions still to ask, in catalogue order, honouring ``when``."""

    def __init__(self, catalog: Catalog, draft: Draft, asker: Asker,
                 check: bool = True) -> None:
        self.catalog = catalog
        self.draft = draft
        self.asker = asker
        self.check = check  # privacy-check each answer as it is given (needs a terminal)

    def values(self) -> dict[str, Any]:
        return {q.id: self.draft.answered.get(q.id) for q in self.catalog.questions}

    def applies(self, question: Question) -> bool:
        return self.catalog.applies(question, self.values())

    def decided(self, question: Question) -> bool:
        """Whether the question applies, and every answer its condition names that can still be
        given (its own question applies) is given: the terminal asks in order, so there it is
        the same as ``applies``; a page that shows a whole step hides the question until then.
        (Conditions name only earlier questions, so this ends.)"""
        names = expression_names(question.when) if question.when else set()
        if any(n in self.catalog.by_id and n not in self.draft.answered
               and self.decided(self.catalog.by_id[n]) for n in names):
            return False  # waits for an answer that can still be given
        return self.applies(question)

    def open_questions(self) -> list[Question]:
        """Applicable questions not answered yet (an answer of ``None`` counts as given);
        not the questions of a new version (``changes: news``), which commgen update asks."""
        result = []
        for question in self.catalog.questions:
            if question.changes == "news":
                continue  # asked by commgen update, for each new version
            if question.id not in self.draft.answered and self.applies(question):
                result.append(question)
        return result

    def _drop_inapplicable(self) -> None:
        for question in self.catalog.questions:
            if question.id in self.draft.answered and not self.applies(question):
                del self.draft.answered[question.id]

    def current(self, question: Question) -> Any:
        """The answer so far, or the text typed before the interview was stopped."""
        current = self.draft.answered.get(question.id)
        typed = self.draft.drafts.get(question.id)
        if current is None and typed:
            from commgen.questions.types import parse_paragraphs

            return parse_paragraphs(typed) if question.type == "paragraphs" else typed
        return current

    def _ask_and_keep(self, question: Question) -> None:
        from commgen.app.prompts import StoppedTyping, show_earlier_findings

        before = self.draft.answered.get(question.id)
        try:
            offered = self.catalog.offered(question, self.values())
            current = self.current(question)
            if offered is not question and isinstance(current, list):
                current = [v for v in current if v in {c.value for c in offered.choices}]
            if self.check and current:  # an answer the check rejected, offered again
                show_earlier_findings(self.open_findings([question.id]))
            value = self.asker(offered, self.catalog, current)
        except StoppedTyping as stop:
            if stop.text.strip():
                self.draft.drafts[question.id] = stop.text
                self.draft.save(self.catalog)
            raise click.exceptions.Abort() from None
        self.keep(question, value, before)
        show_contact_warnings(self.catalog.snippets_dir, self.values(), question.id)
        if self.check:
            self.resolve(question)

    def keep(self, question: Question, value: Any, before: Any = None) -> None:
        """Keep one answer (the terminal's or the browser's) and save the draft at once: a
        changed answer is checked anew, and questions that no longer apply lose theirs.
        ``before``: the answer when it was asked (default: the one in the draft now)."""
        if before is None:
            before = self.draft.answered.get(question.id)
        self.draft.drafts.pop(question.id, None)
        if value != before:
            self.draft.accepted.pop(question.id, None)  # a changed answer is checked anew
        self.draft.answered[question.id] = value
        self._drop_inapplicable()
        self.draft.save(self.catalog)

    def take_suggestion(self, question: Question, finding: Any) -> None:
        """Take the finding's suggestion into the answer (the terminal's and the browser's
        choice alike), the sentence kept whole, and save."""
        self.draft.answered[question.id] = with_suggestion(
            question, self.draft.answered[question.id], finding)
        self.draft.save(self.catalog)

    def keep_with_reason(self, question: Question, reason: str) -> None:
        """Keep the answer as it is, with the reason recorded: it keeps each finding a reason
        may keep (``AnswerFinding.keepable``), never a pupil's name or a sanction in a public
        text, which stay open (``check_answers``)."""
        self.draft.accepted[question.id] = reason
        self.draft.save(self.catalog)

    # -- the privacy check of one answer ----------------------------------------------------
    def open_findings(self, only: list[str] | None = None) -> list[AnswerFinding]:
        return check_answers(self.catalog, self.values(), self.draft.accepted, only=only)

    def resolve(self, question: Question) -> None:
        """Show each problem of this answer, until it is fixed or kept with a reason."""
        from commgen.app.prompts import show_finding

        while True:
            found = self.open_findings([question.id])
            if not found:
                return
            item = found[0]
            show_finding(item)
            options = [("1", _("edit the answer"))]
            if item.finding.suggestion:
                options.append(("2", _("take the suggestion: “{text}”").format(
                    text=item.finding.suggestion)))
            if item.keepable:  # never a pupil's name, never a sanction in a public text
                options.append(("3", _("keep it, with a reason (recorded in the documents)")))
            else:
                click.echo("    " + _("A reason cannot keep this: no document may hold a "
                                      "pupil's name, and no public text a measure against a "
                                      "pupil."))
            options.append(("4", _("decide later (it stays on the to-do list of the review)")))
            for key, label in options:
                click.echo(f"    {key}. {label}")
            from commgen.app.terminal import discard_typeahead

            discard_typeahead()
            from commgen.app.prompts import pick

            choice = pick(_("  Choice"), [k for k, _l in options])  # "2", "!2", "2." alike
            if choice == "1":
                self._ask_and_keep_unchecked(question)
            elif choice == "4":
                click.echo(_("  Until it is fixed or kept, this answer is saved apart in {name}, "
                             "readable only by you; {answers} stays fit to share.").format(
                                 name=private_path(self.draft.path).name,
                                 answers=self.draft.path.name))
                return
            elif choice == "2":
                self.take_suggestion(question, item.finding)
            else:
                reason = ""
                while not reason:
                    reason = click.prompt(_("  Reason"), default="", show_default=False).strip()
                self.keep_with_reason(question, reason)
                # the reason keeps what is keepable; a name or a sanction is shown next

    def _ask_and_keep_unchecked(self, question: Question) -> None:
        check, self.check = self.check, False
        try:
            self._ask_and_keep(question)
        finally:
            self.check = check

    def resolve_all(self) -> None:
        """Raise every problem of answers given before (a file, --set) at its question."""
        lang = current_language()
        for question_id in dict.fromkeys(f.question.id for f in self.open_findings()):
            question = self.catalog.by_id[question_id]
            click.echo()
            click.secho(text_for(question.prompt, lang), bold=True)
            self.resolve(question)

    def fill(self) -> None:
        """Ask every open question; a later question can open up after an answer."""
        section = None
        while True:
            pending = self.open_questions()
            if not pending:
                return
            question = pending[0]
            if question.section != section:
                section = question.section
                title = next((text_for(s.title, current_language()) for s in
                              self.catalog.sections if s.id == section), section)
                click.echo()
                click.secho(f"== {title} ==", fg="blue", bold=True)
            self._ask_and_keep(question)

    def dependants(self, question_id: str) -> list[Question]:
        """Questions whose condition names ``question_id``, directly or through another."""
        affected = {question_id}
        result = []
        for question in self.catalog.questions:  # conditions only name earlier questions
            if question.when and expression_names(question.when) & affected:
                affected.add(question.id)
                result.append(question)
        return result

    def change(self, question: Question) -> None:
        """Ask one question again, then of the questions that depend on it only those that
        apply now and did not before, or have no answer yet (an answer that still applies is
        kept: the review shows it, to change by its number)."""
        dependants = self.dependants(question.id)
        applied = {d.id for d in dependants if self.applies(d)}
        self._ask_and_keep(question)
        for dependant in dependants:
            if self.applies(dependant) and (dependant.id not in applied
                                            or dependant.id not in self.draft.answered):
                self._ask_and_keep(dependant)

    def numbered(self) -> list[Question]:
        return [q for q in self.catalog.questions if q.id in self.draft.answered]

    def review(self) -> bool:
        """Show every answer, and what is still to do; change any by number, or go to a
        to-do. True to make the documents."""
        from commgen.app.prompts import feeds_text

        lang = current_language()
        while True:
            click.echo()
            click.secho(_("Check your answers"), bold=True)
            todo = self.open_findings() if self.check else []
            if todo:
                self._show_todo(todo)
            show_contact_warnings(self.catalog.snippets_dir, self.values())
            questions = self.numbered()
            section = None
            for number, question in enumerate(questions, 1):
                if question.section != section:
                    section = question.section
                    title = next((text_for(s.title, lang) for s in self.catalog.sections
                                  if s.id == section), section)
                    click.secho(title, fg="blue", bold=True)
                value = display(question, self.draft.answered.get(question.id))
                click.echo(f"  {number:>2}. {text_for(question.prompt, lang)}: {value}")
                if self.draft.answered.get(question.id) and (
                        fed := feeds_text(question, self.catalog)):
                    click.secho(f"      {fed}", dim=True)
            ask = (_("Number to change, t1 for the first to-do, m to make the documents, q to "
                     "stop") if todo else _("Number to change, m to make the documents, q to "
                                            "stop"))
            from commgen.app.terminal import discard_typeahead

            discard_typeahead()  # a stray Enter or pasted line never answers this prompt
            choice = click.prompt(ask, default="", show_default=False).strip().lower()
            choice = _as_number(choice)  # "!3", "3.", "(3)", "t1." as users type a number
            errors = [f for f in todo if f.finding.severity == ERROR]
            if choice in MAKE_WORDS and errors:
                click.echo(_("Error: {message}").format(message=_(
                    "{n} problem(s) still open: no document would be written. Choose t1 to "
                    "fix or keep it, or q to stop.").format(n=len(errors))), err=True)
                continue
            if choice in MAKE_WORDS:
                return True  # warnings only: the documents can be made
            if not choice:  # never a bare Enter: making the documents is a deliberate answer
                click.echo(_("Nothing chosen. Type m and Enter to make the documents, a number "
                             "to change an answer, or q to stop."), err=True)
                continue
            if choice in ("q", "s", "stop", "quit"):
                return False
            if choice.startswith("t") and choice[1:].isdigit() and todo:
                index = int(choice[1:])
                if 1 <= index <= len(todo):
                    question = todo[index - 1].question
                    click.echo()
                    click.secho(text_for(question.prompt, lang), bold=True)
                    self.resolve(question)  # then back to the review
                    continue
            if choice.isdigit() and 1 <= int(choice) <= len(questions):
                self.change(questions[int(choice) - 1])
                self.fill()  # a changed answer can open questions that were not asked
            else:
                click.echo(_("Error: {message}").format(message=_(
                    "type a number from 1 to {n}, m or q").format(n=len(questions))),
                    err=True)

    def _show_todo(self, todo: list[AnswerFinding]) -> None:
        from commgen.app.answercheck import kind_label
        from commgen.checks.report import severity_label

        lang = current_language()
        click.secho(_("To do: {n} problem(s) the privacy check found").format(n=len(todo)),
                    fg="red", bold=True)
        for number, item in enumerate(todo, 1):
            finding = item.finding
            click.echo(f"  t{number}. {text_for(item.question.prompt, lang)}: "
                       f"{severity_label(finding.severity)} [{kind_label(finding.category)}] "
                       f"“{finding.text}” — {finding.message}")


def _as_number(choice: str) -> str:
    """The review's choice with a number typed as users type one (``!3``, ``3.``, ``(3)``,
    ``#3``; ``t1.`` for a to-do) written plainly (``3``, ``t1``); anything else as typed."""
    from commgen.questions.types import picked_number

    to_do = choice[:1] == "t" and picked_number(choice[1:]) is not None
    number = picked_number(choice[1:] if to_do else choice)
    if number is None:
        return choice
    return f"t{number}" if to_do else str(number)


def start_draft(out_dir: Path, resume: Path | None, catalog: Catalog,
                base: dict[str, Any], school: SchoolLink | None = None) -> Draft:
    """A new draft in ``out_dir`` (never over an existing file), or the one to resume.
    ``school``: the profile given with ``--school`` (else the one the resumed file names),
    which the draft names instead of copying its answers."""
    if resume is not None:
        notes: list[Problem] = []
        answered = read_answers(resume, catalog, notes)
        for note in notes:
            click.echo(_("Note: {problem}").format(problem=note), err=True)
        meta = read_meta(resume)
        return Draft(resume, answered, meta[ACCEPTED_KEY], meta[DRAFTS_KEY],
                     school=school or read_school_link(resume, catalog))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(_("{path}: the folder cannot be created ({detail}).").format(
            path=out_dir, detail=exc.strerror or exc)) from None
    try:
        # Exclusively (two interviews never share one), and at once with every given answer
        # but free text (which the first save keeps apart, unchecked): a run killed before
        # that save keeps the choices it was given.
        at_once = {k: v for k, v in base.items()
                   if k in catalog.by_id and catalog.by_id[k].type not in FREE_TEXT_TYPES}
        path = create_new(out_dir / DRAFT_NAME,
                          dump_answers(catalog, at_once, []).encode("utf-8"))
    except OSError as exc:
        raise OutputError(_("{path}: the answers file cannot be created ({detail}).").format(
            path=out_dir / DRAFT_NAME, detail=exc.strerror or exc)) from None
    draft = Draft(path, dict(base), school=school)
    draft.save(catalog, checked=False)  # at once: a run killed now keeps the answers given
    return draft


def later_draft(out_dir: Path) -> Draft:
    """A new draft in ``out_dir`` whose file is made at its first save (the first free name:
    ``antwoorden.yaml``, else ``antwoorden (2).yaml``, ...)."""
    from commgen.foundation.files import numbered

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(_("{path}: the folder cannot be created ({detail}).").format(
            path=out_dir, detail=exc.strerror or exc)) from None
    first = out_dir / DRAFT_NAME
    path = next(p for p in (first, *numbered(first)) if not p.exists())
    return Draft(path, create=True)


def stopped_message(path: Path) -> str:
    """Stopping is not an error: where the answers are, and the exact command to go on."""
    return _("Stopped. Your answers are saved in {path}. Continue with:\n  commgen new "
             "--resume \"{path}\"").format(path=path)


def missing_required(interview: Interview) -> list[Question]:
    """Open questions that have no default and must be answered."""
    from commgen.answers.answersfile import default_value

    return [q for q in interview.open_questions()
            if q.required and default_value(q, interview.catalog) is None]


def complete_without_asking(interview: Interview) -> None:
    """No terminal to ask on: stop with every required answer that is missing, else leave the
    optional open questions empty (their defaults apply later)."""
    missing = missing_required(interview)
    if missing:
        problems = [Problem(_("an answer is required ({prompt})").format(
            prompt=text_for(q.prompt, current_language())), key=q.id) for q in missing]
        raise AnswersError(_("Answers are missing and there is no terminal to ask them "
                             "(draft: {path}):").format(path=interview.draft.path), problems)
    for question in interview.open_questions():
        interview.draft.answered[question.id] = None


def run_interview(catalog: Catalog, out_dir: Path, resume: Path | None = None,
                  answers_file: Path | None = None, settings: tuple[str, ...] = (),
                  yes: bool = False, asker: Asker | None = None,
                  interactive: bool | None = None, school: str | None = None,
                  accept_findings: str | None = None) -> tuple[Path, Any]:
    """Run the whole interview; return the draft path and the generation result (or None).
    The answers file is claimed for this run: a second interview on it stops with a message."""
    base, accepted, link = given_answers(catalog, school, answers_file, settings)
    scripted = bool(answers_file or settings or yes)
    if resume is None and not scripted:
        from commgen.app.terminal import offer_earlier_case

        resume, go_on = offer_earlier_case(out_dir / DRAFT_NAME)
        if not go_on:
            return out_dir / DRAFT_NAME, None
    if resume is not None:
        lock = claim_draft(resume)
    if resume is None and not base:  # nothing given yet: no file before the first answer
        draft = later_draft(out_dir)
    else:
        draft = start_draft(out_dir, resume, catalog, base, link)
    if resume is None:
        lock = claim_draft(draft.path)
    try:
        return _interview(catalog, draft, out_dir, resume, base, accepted, yes, asker,
                          interactive, answers_file, settings, accept_findings)
    finally:
        release(lock)


def given_answers(catalog: Catalog, school: str | None = None, answers_file: Path | None = None,
                  settings: tuple[str, ...] = ()
                  ) -> tuple[dict[str, Any], dict[str, str], SchoolLink | None]:
    """The answers given before the interview starts (``--school``, ``--answers``, ``--set``,
    later ones winning), the reasons kept with them and the profile the draft names (that of
    ``--school``, else the one the ``--answers`` file names); the same for commgen new and
    web."""
    base: dict[str, Any] = {}
    accepted: dict[str, str] = {}
    link = None
    if school:
        link = school_link(school, None, catalog)
        base.update(link.values)
    if answers_file:
        base.update(read_answers(answers_file, catalog))
        accepted.update(read_meta(answers_file)[ACCEPTED_KEY])
        link = link or read_school_link(answers_file, catalog)
    base.update(parse_settings(settings, catalog))
    return base, accepted, link


def claim_draft(path: Path) -> Path:
    """Claim an answers file for this run (the terminal's or the browser's interview)."""
    try:
        return claim(path)
    except Claimed as exc:
        raise OutputError(_("{path} is in use by another commgen interview ({holder}). Finish "
                            "that one first, or start a new interview with another --out "
                            "folder.").format(path=path, holder=exc.holder or "?")) from None


def _interview(catalog: Catalog, draft: Draft, out_dir: Path, resume: Path | None,
               base: dict[str, Any], accepted: dict[str, str], yes: bool, asker: Asker | None,
               interactive: bool | None, answers_file: Path | None, settings: tuple[str, ...],
               accept_findings: str | None) -> tuple[Path, Any]:
    from commgen.app.generate import generate_from_answers
    from commgen.app.prompts import ask

    if resume is not None and base:
        draft.answered.update(base)
    draft.accepted.update(accepted)
    if interactive is None:
        interactive = sys.stdin.isatty()
    scripted = bool(answers_file or settings or yes)
    asking = interactive or not scripted  # otherwise nothing is asked: generation reports
    interview = Interview(catalog, draft, asker or ask, check=asking)
    if scripted and not interactive:
        complete_without_asking(interview)
        draft.save(catalog)
    if os.name == "posix":
        click.echo(_("Your answers are saved after every question in {path} (readable only by "
                     "you).").format(path=draft.path))
    else:  # Windows: the folder's own permissions apply; commgen sets none
        click.echo(_("Your answers are saved after every question in {path}. Keep it in a "
                     "folder only you can open.").format(path=draft.path))
    try:
        if asking:
            interview.resolve_all()  # a file's or --set's problems, each at its question
        interview.fill()
        if not yes and not interview.review():
            if draft.create:
                draft.save(catalog)
            click.echo(stopped_message(draft.path))
            return draft.path, None
    except (click.exceptions.Abort, KeyboardInterrupt, EOFError):
        if draft.create:  # stopped before the first answer: no file was made
            raise InterviewStopped(_("Stopped before the first answer; no answers file was "
                                     "made.")) from None
        raise InterviewStopped(stopped_message(draft.path)) from None
    draft.save(catalog)
    answers = load_answers(draft.path, catalog)  # exactly what `commgen generate` would read
    return draft.path, generate_from_answers(catalog, answers, out_dir,
                                             accept_findings=accept_findings)

