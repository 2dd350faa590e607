"""The run loop of ``commgen new``: ask, keep every answer, review, then make the documents.

The draft answers file is written after every answer (atomically, readable by its owner
only), so Ctrl-C or a closed terminal loses nothing; ``--resume`` continues where it stopped.
Changing an answer on the review screen asks again only the questions whose ``when``
condition depends on it.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from commgen.answers.answersfile import load_answers, save_answers
from commgen.answers.partial import parse_settings, read_answers
from commgen.app.output import next_free
from commgen.foundation.errors import AnswersError, InterviewStopped, OutputError, Problem
from commgen.foundation.i18n import _, current_language
from commgen.foundation.jinja import expression_names
from commgen.questions.catalog import Catalog, Question, text_for
from commgen.questions.types import display

DRAFT_NAME = "antwoorden.yaml"

Asker = Callable[[Question, Catalog, Any], Any]


@dataclass
class Draft:
    """Answers given so far: typed values; ``None`` means asked and left empty."""

    path: Path
    answered: dict[str, Any] = field(default_factory=dict)

    def save(self, catalog: Catalog) -> None:
        stamp = dt.datetime.now().strftime("%d-%m-%Y %H:%M")
        header = [_("commgen answers (draft), saved {when}.").format(when=stamp),
                  _("Continue with: commgen new --resume \"{path}\"").format(path=self.path),
                  _("or make the documents with: commgen generate \"{path}\"").format(
                      path=self.path)]
        save_answers(self.path, catalog, self.answered, header)


class Interview:
    """The questions still to ask, in catalogue order, honouring ``when``."""

    def __init__(self, catalog: Catalog, draft: Draft, asker: Asker) -> None:
        self.catalog = catalog
        self.draft = draft
        self.asker = asker

    def values(self) -> dict[str, Any]:
        return {q.id: self.draft.answered.get(q.id) for q in self.catalog.questions}

    def applies(self, question: Question) -> bool:
        return self.catalog.applies(question, self.values())

    def open_questions(self) -> list[Question]:
        """Applicable questions not answered yet (an answer of ``None`` counts as given)."""
        result = []
        for question in self.catalog.questions:
            if question.id not in self.draft.answered and self.applies(question):
                result.append(question)
        return result

    def _drop_inapplicable(self) -> None:
        for question in self.catalog.questions:
            if question.id in self.draft.answered and not self.applies(question):
                del self.draft.answered[question.id]

    def _ask_and_keep(self, question: Question) -> None:
        current = self.draft.answered.get(question.id)
        self.draft.answered[question.id] = self.asker(question, self.catalog, current)
        self._drop_inapplicable()
        self.draft.save(self.catalog)

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
        """Ask one question again, then only the questions that depend on it."""
        self._ask_and_keep(question)
        for dependant in self.dependants(question.id):
            if self.applies(dependant):
                self._ask_and_keep(dependant)

    def numbered(self) -> list[Question]:
        return [q for q in self.catalog.questions if q.id in self.draft.answered]

    def review(self) -> bool:
        """Show every answer; change any by number. True to make the documents."""
        lang = current_language()
        while True:
            click.echo()
            click.secho(_("Check your answers"), bold=True)
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
            choice = click.prompt(_("Number to change, Enter to make the documents, q to stop"),
                                  default="", show_default=False).strip().lower()
            if not choice:
                return True
            if choice in ("q", "s", "stop", "quit"):
                return False
            if choice.isdigit() and 1 <= int(choice) <= len(questions):
                self.change(questions[int(choice) - 1])
                self.fill()  # a changed answer can open questions that were not asked
            else:
                click.echo(_("Error: {message}").format(message=_(
                    "type a number from 1 to {n}, Enter or q").format(n=len(questions))),
                    err=True)


def start_draft(out_dir: Path, resume: Path | None, catalog: Catalog,
                base: dict[str, Any]) -> Draft:
    """A new draft in ``out_dir`` (never over an existing file), or the one to resume."""
    if resume is not None:
        notes: list[Problem] = []
        answered = read_answers(resume, catalog, notes)
        for note in notes:
            click.echo(_("Note: {problem}").format(problem=note), err=True)
        return Draft(resume, answered)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(_("{path}: the folder cannot be created ({detail}).").format(
            path=out_dir, detail=exc.strerror or exc)) from None
    path = out_dir / DRAFT_NAME
    if path.exists():
        path = next_free(path)
    draft = Draft(path, dict(base))
    draft.save(catalog)
    return draft


def missing_required(interview: Interview) -> list[Question]:
    """Open questions that have no default and must be answered."""
    from commgen.answers.answersfile import default_value

    return [q for q in interview.open_questions()
            if q.required and default_value(q, interview.catalog) is None]


def run_interview(catalog: Catalog, out_dir: Path, resume: Path | None = None,
                  answers_file: Path | None = None, settings: tuple[str, ...] = (),
                  yes: bool = False, asker: Asker | None = None,
                  interactive: bool | None = None, school: str | None = None,
                  accept_findings: str | None = None) -> tuple[Path, Any]:
    """Run the whole interview; return the draft path and the generation result (or None)."""
    from commgen.app.generate import generate_from_answers
    from commgen.app.prompts import ask

    base: dict[str, Any] = {}
    if school:
        from commgen.answers.profiles import load_profile, profile_answers

        base.update(profile_answers(load_profile(school), catalog))
    if answers_file:
        base.update(read_answers(answers_file, catalog))
    base.update(parse_settings(settings, catalog))
    draft = start_draft(out_dir, resume, catalog, base)
    if resume is not None and base:
        draft.answered.update(base)
    interview = Interview(catalog, draft, asker or ask)
    scripted = bool(answers_file or settings or yes)
    if interactive is None:
        interactive = sys.stdin.isatty()
    if scripted and not interactive:
        missing = missing_required(interview)
        if missing:
            problems = [Problem(_("an answer is required ({prompt})").format(
                prompt=text_for(q.prompt, current_language())), key=q.id) for q in missing]
            raise AnswersError(_("Answers are missing and there is no terminal to ask them "
                                 "(draft: {path}):").format(path=draft.path), problems)
        for question in interview.open_questions():
            draft.answered[question.id] = None  # optional: left empty, defaults apply later
        draft.save(catalog)
    click.echo(_("Your answers are saved after every question in {path} (readable only by "
                 "you).").format(path=draft.path))
    try:
        interview.fill()
        if not yes and not interview.review():
            click.echo(_("Stopped. Your answers are in {path}. Continue with: commgen new "
                         "--resume \"{path}\"").format(path=draft.path))
            return draft.path, None
    except click.exceptions.Abort:
        raise InterviewStopped(_("Stopped. Your answers are in {path}. Continue with: commgen "
                                 "new --resume \"{path}\"").format(path=draft.path)) from None
    draft.save(catalog)
    answers = load_answers(draft.path, catalog)  # exactly what `commgen generate` would read
    return draft.path, generate_from_answers(catalog, answers, out_dir,
                                             accept_findings=accept_findings)

