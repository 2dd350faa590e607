"""The case answered in the browser: a thin layer over the interview of ``commgen new``.

The answers live in the same ``Draft`` as the terminal's interview and are kept through the
same ``Interview.keep`` (saved at once, a changed answer checked anew, questions that no longer
apply losing theirs); the findings are those of ``answercheck.check_answers``; the preview is
``generate.render_set`` and the documents are written by ``generate.generate_from_answers``
after ``load_answers`` of the saved file, exactly as ``commgen generate`` does. Nothing here
holds a question, a rule or a text of its own.

A pupil's name never goes back to the page: an answer with a guarded name is shown with the
name masked (``mask_guarded``), a finding of one shows the mask, and the names' own question is
answered in password fields that are never filled in.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from commgen.answers.answersfile import load_answers
from commgen.answers.profiles import SchoolLink
from commgen.app.answercheck import (
    FREE_TEXT_TYPES,
    AnswerFinding,
    answer_text,
    mask_guarded,
    refused_name,
    unmasked,
)
from commgen.app.interview import DRAFT_NAME, Draft, Interview, claim_draft, start_draft
from commgen.app.web.texts import finding_label
from commgen.checks.findings import GUARDED_RULE
from commgen.foundation.concepts import ERROR, GUARDED_MASK
from commgen.foundation.errors import AnswersError, UsageError
from commgen.foundation.files import release
from commgen.foundation.i18n import _, current_language, ngettext
from commgen.questions.catalog import Catalog, Question, text_for
from commgen.questions.conditions import parse_answer, parse_typed
from commgen.questions.types import InvalidAnswer, display, is_empty, type_of

CHOICE_TYPES = ("choice", "multichoice", "yesno")


def _not_asked_here(question: Question, catalog: Catalog, current: Any) -> Any:
    raise UsageError(_("commgen web asks its questions in the browser."))


MOMENT_TYPES = ("date", "time")  # typed as words ("gisteren"), saved as a date


@dataclass
class Field:
    """One question as a page shows it."""

    question: Question
    prompt: str
    help: str
    hint: str
    applies: bool
    text: str = ""  # the current answer as text (a guarded name masked), for text inputs
    chosen: list[str] = field(default_factory=list)  # the chosen values of a choice
    offered: list[str] = field(default_factory=list)  # the choices offered now
    choices: list[tuple[str, str]] = field(default_factory=list)  # (value, label)
    person: tuple[str, str] = ("", "")
    shown: str = ""  # the answer as the review shows it (names: "2 names, not shown")
    appears_in: str = ""


@dataclass
class DocumentPreview:
    doc_id: str
    title: str
    paragraphs: list[tuple[str, str]]  # (kind: heading, text or small; the text)
    findings: list[Any]
    blocked: bool
    plain: str | None = None


@dataclass
class Preview:
    problems: list[tuple[str, str]] = field(default_factory=list)  # (message, link)
    todo: list[tuple[str, ...]] = field(default_factory=list)  # prompt, level, ..., link
    documents: list[DocumentPreview] = field(default_factory=list)
    not_needed: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)  # titles of the documents blocked
    # what blocks them, each passage once: (titles, level, category, passage, why, link)
    blocking: list[tuple[str, ...]] = field(default_factory=list)
    only_documents: bool = False  # what blocks is in no answer: keepable with one reason


class WebCase:
    """The draft of one case, claimed for this run as the terminal's interview claims it."""

    def __init__(self, catalog: Catalog, out_dir: Path, resume: Path | None = None,
                 given: dict[str, Any] | None = None, school: SchoolLink | None = None) -> None:
        """``given``: answers given beforehand (``--school``, ``--set``), as commgen new takes
        them: they win over those of a file resumed; ``school``: the profile of ``--school``,
        which the draft names."""
        self.catalog = catalog
        self.out_dir = out_dir
        lock = claim_draft(resume) if resume is not None else None
        draft = start_draft(out_dir, resume, catalog, given or {}, school)
        self.lock = lock or claim_draft(draft.path)
        self.interview = Interview(catalog, draft, _not_asked_here, check=False)
        if resume is not None and given:
            draft.answered.update(given)
            draft.save(catalog)
        self.written: dict[str, Path] = {}  # file name -> path, of the last set written
        self.titles: dict[str, str] = {}  # file name -> title of its document
        self.kept_apart: dict[str, str] = {}  # file name -> the name an earlier file kept
        # question id -> what the last check of the documents found in its answer (title of the
        # document, level, category, passage, why), shown at the question until it changes
        self.in_documents: dict[str, list[tuple[str, ...]]] = {}
        self._checked: dict[str, str] = {}  # question id -> its answer's text, so checked
        self._found: tuple[Any, list[AnswerFinding]] | None = None  # the last check
        self.made_at: Any = None  # when the documents were written last (a datetime)
        self._pinned: set[str] = set()  # "nu"/"vandaag" answers this run filled in at making
        self.sending: dict[str, str] = {}  # plain text file -> how to send it (the letters)
        self.channel = ""  # the send channel's label
        self.subjects: dict[str, str] = {}  # plain text file -> what its document is for

    @property
    def draft(self) -> Draft:
        return self.interview.draft

    def close(self) -> None:
        """Save once more and let another interview take the file."""
        try:
            self.draft.save(self.catalog)
        finally:
            release(self.lock)

    # -- the steps ---------------------------------------------------------------------------
    def steps(self) -> list[tuple[str, str]]:
        """(section id, title) of every section with a question the interview asks."""
        lang = current_language()
        asked = {q.section for q in self.catalog.questions if q.changes != "news"}
        return [(s.id, text_for(s.title, lang)) for s in self.catalog.sections if s.id in asked]

    def current_step(self) -> str | None:
        """Where the user stopped: the first step with a question still open (the first step
        of a new case); None when every question is answered (the check comes next)."""
        ids = [s for s, _title in self.steps()]
        if not self.draft.answered:
            return ids[0]
        return next((q.section for q in self.interview.open_questions() if q.section in ids),
                    None)

    def waiting(self, section: str) -> list[tuple[str, str, str]] | None:
        """When no question of a step is shown: the answers its questions wait for (prompt,
        the step's title, link), each once in the order of the catalogue; an empty list when
        no question of the step applies to the answers; None when a question is shown."""
        from commgen.foundation.jinja import expression_names

        questions = self.questions_of(section)
        if any(self.interview.decided(q) for q in questions):
            return None
        titles = dict(self.steps())
        names = {n for q in questions if q.when for n in expression_names(q.when)}
        lang = current_language()
        return [(text_for(q.prompt, lang), titles.get(q.section, ""), self.link(q.id))
                for q in self.catalog.questions if q.id in names and q.changes != "news"
                and q.id not in self.draft.answered and self.interview.decided(q)]

    def questions_of(self, section: str) -> list[Question]:
        return [q for q in self.catalog.questions
                if q.section == section and q.changes != "news"]

    def findings(self, only: list[str] | None = None) -> list[AnswerFinding]:
        """The open findings of the answers (of ``only``), as the interview checks them; the
        check of the same answers is not run twice (a page's state asks more than once)."""
        key = (repr(sorted(self.draft.answered.items())), repr(sorted(self.draft.accepted
                                                                      .items())),
               repr(self.draft.drafts))
        if self._found is None or self._found[0] != key:
            # every answer is checked on its own, so those of ``only`` are the same in the
            # whole check: one check per state of the answers, however often a page asks
            self._found = (key, self.interview.open_findings())
        if only is None:
            return self._found[1]
        wanted = set(only)
        return [f for f in self._found[1] if f.question.id in wanted]

    def listed(self, found: list[AnswerFinding]) -> list[AnswerFinding]:
        """The findings a page lists: per answer each passage once, as ``segments`` marks
        them (a finding inside a passage marked already is not a point of its own), so that
        a count of points is the number of points shown."""
        result: list[AnswerFinding] = []
        ends: dict[str, int] = {}
        for item in found:
            at = ends.get(item.question.id, 0)
            if item.finding.start < at:
                continue
            result.append(item)
            ends[item.question.id] = max(item.finding.end, item.finding.start + 1)
        return result

    def fields(self, section: str) -> list[Field]:
        values = self.interview.values()
        found = self.findings([q.id for q in self.questions_of(section)])
        return [self._field(q, values, found) for q in self.questions_of(section)]

    def _field(self, question: Question, values: dict[str, Any],
               found: list[AnswerFinding]) -> Field:
        from commgen.app.prompts import feeds_text

        lang = current_language()
        kind = type_of(question)
        current = self.interview.current(question)
        item = Field(question, text_for(question.prompt, lang),
                     text_for(question.help, lang) if question.help else "",
                     kind.hint(question), self.interview.decided(question),
                     appears_in=feeds_text(question, self.catalog, values))
        if question.type in CHOICE_TYPES:
            item.hint = ""  # the terminal's "numbers, separated by commas": not here
            offered = self.catalog.offered(question, values)
            item.offered = [c.value for c in offered.choices]
            if question.type == "yesno":
                item.choices = [("yes", _("yes")), ("no", _("no"))]
                answer = current if current is not None else kind.default_value(question)
                item.chosen = [] if answer is None else ["yes" if answer else "no"]
                item.offered = ["yes", "no"]
            else:
                item.choices = [(c.value, text_for(c.label, lang)) for c in question.choices]
                answer = current if current is not None else kind.default_value(question)
                item.chosen = [] if answer is None else (
                    list(answer) if isinstance(answer, list) else [answer])
        elif question.type == "person":
            if current is not None:
                item.person = (current.name, current.role)
        elif question.type == "names":
            item.shown = display(question, current) if current else ""
        elif question.type == "image":
            item.hint = ""  # the terminal's "for example logo.png": here a file is chosen
            item.shown = Path(current).name if current else ""
        elif self.at_making(question) and (current is None or question.id in self._pinned):
            item.text = self.run_word(question)  # the moment the documents are made
        else:
            item.text = self.answer_as_text(question, current, found)
            if question.id not in self.draft.answered and not item.text:
                item.text = kind.default_text(question, None) or ""  # offered, to accept
        return item

    @staticmethod
    def at_making(question: Question) -> bool:
        """A version's own date or time whose default is the moment the documents are made
        ("today", "now"): the page offers that word, not the moment the step was opened, and
        the answer left so is saved empty, which ``commgen generate`` reads as the day and
        time it makes the documents (the catalogue's default)."""
        return (question.type in MOMENT_TYPES and question.changes == "version"
                and question.default in getattr(type_of(question), "run_words", ()))

    @staticmethod
    def run_word(question: Question) -> str:
        return _("now") if question.type == "time" else _("today")

    def at_making_note(self, question: Question) -> str:
        if question.type == "time":
            return _("“{word}”: the time at which the documents are made is filled in then.")\
                .format(word=self.run_word(question))
        return _("“{word}”: the day on which the documents are made is filled in then.")\
            .format(word=self.run_word(question))

    def answer_as_text(self, question: Question, value: Any,
                       found: list[AnswerFinding] | None = None) -> str:
        """The answer as an input shows it, every guarded name masked."""
        if is_empty(value):
            return ""
        if question.type in FREE_TEXT_TYPES:
            mine = [f for f in (found if found is not None else self.findings([question.id]))
                    if f.question.id == question.id]
            value = mask_guarded(question, value, mine)
            return "\n\n".join(value) if isinstance(value, list) else str(value)
        return type_of(question).display(question, value)

    # -- answering ---------------------------------------------------------------------------
    def question(self, question_id: str) -> Question:
        question = self.catalog.by_id.get(question_id)
        if question is None or question.changes == "news":
            raise UsageError(_("Unknown question {id}.").format(id=question_id))
        return question

    def answer(self, question_id: str, form: Any) -> str | None:
        """Keep the answer posted for one question; the message when it is not valid."""
        question = self.question(question_id)
        if not self.interview.applies(question):
            return _("This question does not apply to the other answers.")
        if question.type == "image":
            return self.upload(question, form)
        try:
            value = self.parse(question, form)
        except InvalidAnswer as exc:
            return sentence(str(exc))
        if value is _UNCHANGED:
            return None
        if value is _AT_MAKING:
            if question.id in self._pinned:
                return None  # the moment the documents were made last, filled in then again
            if question.id not in self.draft.answered or self.draft.answered[question.id] \
                    is not None:
                self.interview.keep(question, None)  # filled in when the documents are made
            return self.save_problem()
        self._pinned.discard(question.id)  # a date or time typed: it stays
        value = unmasked(question, self.interview.draft.answered.get(question.id), value,
                         self.findings([question.id]))  # the page shows names masked
        refused = refused_name(self.catalog, self.interview.values(), question, value)
        if refused:
            return refused
        if question.type == "names":
            value = added_names(self.draft.answered.get(question.id), value,
                                [v for v in form.getlist("value") if v.strip()])
        self.interview.keep(question, value)  # a changed text: its old findings not shown
        return self.save_problem()

    def upload(self, question: Question, form: Any) -> str | None:
        """An image chosen in the page (``file``: its name, ``data``: base64): written beside
        the answers file under a name of commgen's own (never over another file), checked as
        the terminal checks a path, and kept as that file's name. Nothing chosen: unchanged."""
        import base64
        import binascii

        from commgen.foundation.files import write_atomic
        from commgen.questions.types import parse_image

        name, data = str(form.get("file") or ""), str(form.get("data") or "")
        if not data:
            return None
        suffix = Path(name).suffix.lower().replace(".jpeg", ".jpg")
        try:
            parse_image(Path(f"logo{suffix}"))  # the kind of file, before anything is written
            content = base64.b64decode(data, validate=True)
        except InvalidAnswer as exc:
            return str(exc)
        except (binascii.Error, ValueError):
            return _("Refused: the request is not complete.")
        folder = self.draft.path.parent
        target = folder / f"schoollogo{suffix}"
        number = 1
        while target.exists() and target.read_bytes() != content:
            number += 1
            target = folder / f"schoollogo-{number}{suffix}"
        try:
            write_atomic(target, content)
            parse_image(Path(target.name), base=folder)
        except InvalidAnswer as exc:
            target.unlink(missing_ok=True)
            return str(exc).replace(str(target), name)
        except OSError as exc:
            return save_failed_message(exc, target)
        self.interview.keep(question, Path(target.name))
        return self.save_problem()

    def forget_names(self, question_id: str) -> str | None:
        """Forget every name given for a names question (to give the right ones again)."""
        question = self.question(question_id)
        if question.type != "names":
            return _("Unknown question {id}.").format(id=question_id)
        self.interview.keep(question, None)
        return self.save_problem()

    def button(self, form: Any) -> tuple[str | None, str | None]:
        """The button of a step's form besides going on: a suggestion taken (``fix``: "question
        number"), a reason kept (``keep``: the question, ``reason-QUESTION``) or the names
        forgotten (``forget``); the question it was about and the message if it failed."""
        if form.get("fix"):
            question_id, _sep, number = str(form.get("fix")).partition(" ")
            return question_id, self.take_suggestion(question_id, int(number or -1))
        if form.get("keep"):
            question_id = str(form.get("keep"))
            return question_id, self.keep_with_reason(
                question_id, str(form.get(f"reason-{question_id}") or ""))
        if form.get("forget"):
            question_id = str(form.get("forget"))
            return question_id, self.forget_names(question_id)
        return None, None

    def guarded_on(self, section: str) -> str | None:
        """The first question of a step whose answer holds a pupil's name (None: none)."""
        ids = {q.id for q in self.questions_of(section)}
        return next((f.question.id for f in self.findings() if f.question.id in ids
                     and f.finding.rule == GUARDED_RULE), None)

    def save_problem(self) -> str | None:
        """What the page says when the last save failed (None: it was written)."""
        failed = self.draft.save_failed
        return None if failed is None else save_failed_message(failed, self.draft.path)

    def answer_step(self, section: str, form: Any, leaving: bool = False) -> dict[str, str]:
        """Keep the answers of a whole step posted as one form (the page without
        JavaScript, and every page when it goes to another step); the message of each answer
        that is not valid, by question id. Only the questions shown are posted (``shown``); an
        empty field of a question not answered before leaves it open, but for an optional one
        when the step is left (``leaving``): then it counts as asked, as in the terminal."""
        errors: dict[str, str] = {}
        shown = set(form.getlist("shown"))
        for question in self.questions_of(section):
            if question.id not in shown or not self.interview.decided(question):
                continue
            posted = Posted(form, question.id)
            if question.type == "image":  # a file chosen in the page, or nothing: unchanged
                error = self.upload(question, posted)
                if error:
                    errors[question.id] = error
                continue
            try:
                value = self.parse(question, posted)
            except InvalidAnswer as exc:
                errors[question.id] = sentence(str(exc))
                continue
            if value is _AT_MAKING:
                error = self.answer(question.id, posted)
                if error:
                    errors[question.id] = error
                continue
            if value is None and question.id not in self.draft.answered and leaving \
                    and not question.required:
                self.interview.keep(question, None)  # asked and left empty, as in the terminal
                continue
            if value is _UNCHANGED or (value is None and question.id not in self.draft.answered):
                continue
            current = self.draft.answered.get(question.id, _UNCHANGED)
            typed = str(posted.get("value") or "").replace("\r\n", "\n")
            if value == current or (current is not _UNCHANGED and question.type not in
                                    ("names", *CHOICE_TYPES)
                                    and typed == self.answer_as_text(question, current)):
                continue  # as the page showed it (a guarded name as the mask): unchanged
            error = self.answer(question.id, posted)
            if error:
                errors[question.id] = error
        return errors

    def parse(self, question: Question, form: Any) -> Any:
        """The typed answer of a question from the posted form (``getlist``/``get``)."""
        if question.type == "names":
            lines = [v for v in form.getlist("value") if v.strip()]
            return parse_answer(question, "\n".join(lines)) if lines else _UNCHANGED
        if question.type == "person":
            name, role = (form.get("name") or "").strip(), (form.get("role") or "").strip()
            if not name and not role:
                return None
            return parse_answer(question, {"name": name, "role": role})
        if question.type == "multichoice":
            return parse_answer(question, [v for v in form.getlist("value") if v])
        text = form.get("value") or ""
        if not text.strip():
            return None
        if self.at_making(question) and text.strip().lower() in type_of(question).run_words \
                | {self.run_word(question).lower()}:
            return _AT_MAKING
        if question.type in FREE_TEXT_TYPES and GUARDED_MASK in text:
            text = self.unmasked(question, text)
        if question.type == "yesno":
            return parse_answer(question, text == "yes")
        if question.type in ("choice", "paragraphs"):
            return parse_answer(question, text)
        return parse_typed(question, text)

    def unmasked(self, question: Question, text: str) -> str:
        """The text sent back with each mask the page showed (a pupil's name) as the name it
        stands for again, in order: editing around a name keeps it marked until it is fixed,
        and the mask itself never becomes part of an answer."""
        current = self.draft.answered.get(question.id)
        whole = answer_text(current) if not is_empty(current) else ""
        names = [whole[f.finding.start:f.finding.end] for f in sorted(
            self.findings([question.id]), key=lambda f: f.finding.start)
            if f.finding.rule == GUARDED_RULE and f.question.id == question.id]
        pieces = text.split(GUARDED_MASK)
        if len(pieces) - 1 > len(names):
            raise InvalidAnswer(_("{mask} stands for a pupil's name and cannot be typed: take "
                                  "the suggestion or write the sentence anew.").format(
                                      mask=GUARDED_MASK))
        return "".join(p + (names[n] if n < len(pieces) - 1 else "")
                       for n, p in enumerate(pieces))

    def take_suggestion(self, question_id: str, number: int) -> str | None:
        question = self.question(question_id)
        found = self.findings([question.id])
        if not 0 <= number < len(found) or not found[number].finding.suggestion:
            return _("This problem has changed; look at the answer again.")
        self.interview.take_suggestion(question, found[number].finding)
        self.in_documents.pop(question.id, None)  # checked anew in the next preview
        return None

    def keep_with_reason(self, question_id: str, reason: str) -> str | None:
        question = self.question(question_id)
        if any(f.finding.rule == GUARDED_RULE for f in self.findings([question.id])):
            return _("A pupil's name is never kept: take the suggestion or write the "
                     "sentence anew.")
        if not reason.strip():
            return _("Give the reason for keeping it.")
        self.interview.keep_with_reason(question, reason.strip())
        self.in_documents.pop(question.id, None)
        return None

    def state(self, section: str | None) -> dict[str, Any]:
        """What the page needs after a change: which questions apply and which choices are
        offered, the findings of the step's free-text answers (names masked), the to-do."""
        values = self.interview.values()
        questions = self.questions_of(section) if section else []
        found = self.findings()
        marks = {}
        for question in questions:
            if question.type in FREE_TEXT_TYPES:
                mine = [f for f in found if f.question.id == question.id]
                marks[question.id] = {
                    "segments": segments(mine),
                    "keepable": bool(mine) and not any(
                        f.finding.rule == GUARDED_RULE for f in mine),
                    "kept": self.draft.accepted.get(question.id)}
        offered = {}
        for question in questions:
            if question.type in ("choice", "multichoice"):
                offered[question.id] = [c.value for c in
                                        self.catalog.offered(question, values).choices]
        given = {q.id: _("Already given: {names}. Names typed here are added to them.").format(
            names=display(q, self.draft.answered[q.id])) for q in questions
            if q.type == "names" and self.draft.answered.get(q.id)}
        given.update({q.id: _("Saved as {value}").format(value=display(
            q, self.draft.answered[q.id])) for q in questions  # "gisteren": which day
            if q.type in MOMENT_TYPES and self.draft.answered.get(q.id) is not None})
        given.update({q.id: _("Saved: {name} (beside the answers file). Choose another file "
                              "to replace it.").format(name=Path(self.draft.answered[q.id]).name)
                      for q in questions if q.type == "image" and self.draft.answered.get(q.id)})
        # what a question shown again holds (its answer may have gone while it was hidden)
        fill = {}
        for question in questions:
            if question.type in (*CHOICE_TYPES, "text", "paragraphs", *MOMENT_TYPES):
                item = self._field(question, values, found)
                fill[question.id] = {"chosen": item.chosen, "text": item.text}
        given.update({q.id: self.at_making_note(q) for q in questions
                      if self.at_making(q) and q.id in self.draft.answered
                      and (self.draft.answered[q.id] is None or q.id in self._pinned)})
        from commgen.app.prompts import feeds_text

        listed = self.listed(found)
        ids = {q.id for q in questions}
        here = sum(1 for f in listed if f.question.id in ids)
        return {"applies": {q.id: self.interview.decided(q) for q in questions},
                "offered": offered, "marks": marks, "todo": len(listed), "todo_here": here,
                "given": given, "fill": fill,
                "todo_link": self.link(listed[0].question.id) if listed else "",
                # where each free text goes with the answers as they are now
                "appears_in": {q.id: feeds_text(q, self.catalog, values) for q in questions
                               if q.feeds},
                "documents": sorted(self.documents_found(section)) if section else []}

    # -- preview and documents ---------------------------------------------------------------
    def saved_answers(self) -> Any:
        """The answers exactly as ``commgen generate`` reads them from the saved file."""
        self.draft.save(self.catalog)
        return load_answers(self.draft.path, self.catalog)

    def preview(self) -> Preview:
        from commgen.app.generate import render_set
        from commgen.checks.report import severity_label
        from commgen.docx.reader import read_document
        from commgen.render.plaintext import plain_text

        lang = current_language()
        result = Preview(todo=[(text_for(f.question.prompt, lang),
                                severity_label(f.finding.severity),
                                finding_label(f.finding),
                                f.finding.message, self.link(f.question.id))
                               for f in self.findings()])
        try:
            answers = self.saved_answers()
        except AnswersError as exc:
            result.problems = [(p.message, self.link(p.key)) for p in exc.problems]
            return result
        rendered, outcome = render_set(self.catalog, answers)
        reviews = {r.doc_id: r for r in outcome.review.documents}
        for doc, document in rendered:
            read = read_document(document.data).paragraphs
            headings = {p.place.heading for p in read if p.place.heading}
            paragraphs = []
            for paragraph in read:
                if not paragraph.text.strip():
                    continue
                kind = ("small" if paragraph.place.part != "body" else "heading"
                        if paragraph.text in headings else "text")
                paragraphs.append((kind, paragraph.text))
            review = reviews.get(doc.id)
            result.documents.append(DocumentPreview(
                doc.id, text_for(doc.title, lang), paragraphs,
                self._document_findings(review.findings if review else [], answers.values,
                                        text_for(doc.title, lang)),
                doc.id in outcome.blocked,
                plain_text(document.data, getattr(document, "body", None))
                if doc.plain_text else None))
        found: dict[str, dict[tuple[str, str], list[Any]]] = {}  # each passage once
        for document in result.documents:
            for level, category, shown, message, link, _count in document.findings:
                question_id = link.rpartition("#vraag-")[2] if link else ""
                if question_id and question_id not in self.draft.accepted:
                    row = found.setdefault(question_id, {}).setdefault(
                        (shown, message), [[], level, category, shown, message])
                    row[0].append(document.title)
        self.in_documents = {q: [(", ".join(r[0]), *r[1:]) for r in rows.values()]
                             for q, rows in found.items()}
        self._checked = {q: self._answer_now(q) for q in self.in_documents}
        result.not_needed = [text_for(doc.title, lang) for doc in outcome.not_applicable]
        result.blocked = [d.title for d in result.documents if d.blocked]
        rows: dict[tuple[str, str], list[Any]] = {}
        for document in result.documents:
            for level, category, shown, message, link, _count in (
                    document.findings if document.blocked else []):
                row = rows.setdefault((shown, message), [[], level, category, shown, message,
                                                         link])
                row[0].append(document.title)
        result.blocking = [(", ".join(row[0]), *row[1:]) for row in rows.values()]
        # what blocks comes only from the documents' own sentences, no answer holds it (and
        # no pupil's name): it may be kept with one reason, as --accept-findings does
        result.only_documents = bool(result.blocking) and not result.todo and all(
            not row[5] and row[3] != GUARDED_MASK for row in result.blocking)
        return result

    def _answer_now(self, question_id: str) -> str:
        value = self.draft.answered.get(question_id)
        return "" if is_empty(value) else answer_text(value)

    def documents_found(self, section: str) -> dict[str, list[tuple[str, ...]]]:
        """What the last check of the documents found in the answers of a step, for the
        answers that are still the text then checked (a rewritten answer's old findings are
        not shown: its own check at the question is of the current text)."""
        ids = {q.id for q in self.questions_of(section)}
        return {q: rows for q, rows in self.in_documents.items() if q in ids
                and self._checked.get(q) == self._answer_now(q)
                and q not in self.draft.accepted}

    def _document_findings(self, findings: list[Any], values: dict[str, Any], title: str = ""
                           ) -> list[tuple[Any, ...]]:
        """The errors of one document, each passage once with how often it stands there,
        in words, with the link to the answer it comes from (if any)."""
        from commgen.checks.report import severity_label

        texts = {q.id: answer_text(values[q.id]) for q in self.catalog.questions
                 if values.get(q.id) not in (None, "", [])}
        rows: dict[tuple[str, str, str], list[Any]] = {}
        for f in findings:
            if f.severity != ERROR:
                continue
            shown = GUARDED_MASK if f.rule == GUARDED_RULE else f.text
            key = (f.category, shown, f.message)
            if key in rows:
                rows[key][5] += 1
                continue
            source = next((qid for qid, text in texts.items() if f.text and f.text in text),
                          None)
            rows[key] = [severity_label(f.severity), finding_label(f), shown,
                         f.message, self.link(source), 1]
        return [(*row[:5], ngettext("{n} time", "{n} times", row[5]).format(n=row[5])
                 if row[5] > 1 else "") for row in rows.values()]

    def link(self, question_id: str | None) -> str:
        """The address of a question on its step ("" for no question)."""
        question = self.catalog.by_id.get(question_id or "")
        if question is None or question.changes == "news":
            return ""
        return f"/stap/{question.section}#vraag-{question.id}"

    def generate(self, accept_findings: str | None = None) -> Any:
        """Write every document at once, as ``commgen generate`` does; the Result. With
        ``accept_findings``, as ``--accept-findings``: only when what blocks the documents
        comes from no answer (an answer's finding is kept at its question, with its reason)."""

        from commgen.app.generate import generate_from_answers
        from commgen.app.report import send_instructions

        if accept_findings and not self.preview().only_documents:
            accept_findings = None
        now = self._pin_making_time()
        result = generate_from_answers(self.catalog, self.saved_answers(), self.out_dir,
                                       accept_findings=accept_findings, now=now)
        if not result.blocked:
            self.written = {w.path.name: w.path for w in result.written}
            self.kept_apart = {w.path.name: w.wanted.name for w in result.written
                               if w.path.name != w.wanted.name}
            self.titles = self._titles(result.written)
            self.made_at = now
            self.sending = {path.name: line for _doc, path, line in send_instructions(result)}
            self.channel = result.send_channel[1]
            lang = current_language()
            self.subjects = {path.name: text_for(doc.subject, lang) if doc.subject else ""
                             for doc, path in result.plain_texts}
        return result

    def _holds_guarded(self, text: str) -> bool:
        """Whether a pupil's name stands in ``text``, found as the check finds it."""
        from commgen.app.answercheck import make_checker
        from commgen.checks.names import guarded_spans

        checker = make_checker(self.catalog, self.interview.values())
        return bool(guarded_spans(text, checker.guards, checker.detectors.interfixes))

    def _pin_making_time(self) -> Any:
        """The moment the documents are made, written into the answers left as "nu" and
        "vandaag" (and those this run wrote so before), so that the answers file makes the
        same documents again with ``commgen generate``; a date or time typed stays."""
        import datetime as dt

        now = dt.datetime.now().replace(second=0, microsecond=0)
        for question in self.catalog.questions:
            if not self.at_making(question) or not self.interview.applies(question):
                continue
            if ((question.id in self.draft.answered and self.draft.answered[question.id] is None)
                    or question.id in self._pinned):
                value = now.time() if question.type == "time" else now.date()
                if self.draft.answered.get(question.id) != value:
                    self.interview.keep(question, value)
                self._pinned.add(question.id)
        return now

    def zip_name(self) -> str:
        """The zip file's name: after the case, its school and the day the documents were
        made, in safe characters only (letters, digits, hyphens), never a pupil's name."""
        import datetime as dt
        import re
        import unicodedata

        school = str(self.interview.values().get("school_name") or "")
        plain = unicodedata.normalize("NFKD", school).encode("ascii", "ignore").decode()
        words = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", plain)][:6]
        if words and self._holds_guarded(school):
            words = []  # a school named like a pupil: the date alone
        day = (self.made_at or dt.datetime.now()).strftime("%Y-%m-%d")
        return "-".join([_("documents"), *words, day]) + ".zip"

    def _titles(self, written: list[Any]) -> dict[str, str]:
        """The title of the document each file written holds (by file name)."""
        from commgen.app.generate import output_path

        lang = current_language()
        by_stem = {output_path(self.out_dir, doc, lang).stem: text_for(doc.title, lang)
                   for doc in self.catalog.documents}
        return {w.path.name: by_stem.get(w.wanted.stem, "") for w in written}

    def zipped(self) -> bytes:
        """The documents written last, in one zip file."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, path in self.written.items():
                archive.writestr(name, path.read_bytes())
        return buffer.getvalue()


def sentence(message: str) -> str:
    """A message of a type's check ("dit is geen ...") as a sentence on the page."""
    return message[:1].upper() + message[1:]


class Posted:
    """The fields of one question in the form of a whole step, as ``parse`` reads them."""

    def __init__(self, form: Any, question_id: str) -> None:
        self.form = form
        self.id = question_id

    def get(self, key: str) -> Any:
        return self.form.get(self.id if key == "value" else f"{self.id}.{key}")

    def getlist(self, key: str) -> list[str]:
        return self.form.getlist(self.id if key == "value" else f"{self.id}.{key}")


def added_names(given: Any, new: Any, typed: list[str]) -> Any:
    """The names given before with the ``typed`` ones added (hashed with the earlier names'
    key, so one key holds all); only the new ones (``new``, parsed) when the earlier ones
    cannot be added to (given on another computer, or in an old file)."""
    from commgen.foundation.textclean import clean_text
    from commgen.questions.guard import GuardedNames, name_forms

    if not given or not new or given.weak or not given.available:
        return new
    forms = [f for f in (name_forms(clean_text(n).strip()) for n in typed) if f]
    hashes = set(given.hashes) | {given.digest(form) for group in forms for form in group}
    return GuardedNames(given.key_id, sorted(h for h in hashes if h), given.count + len(forms),
                        key=given.key)


def save_failed_message(failed: OSError, path: Path) -> str:
    """Why the answers could not be written, in words, and what to do; the answers stay on
    the page."""
    import errno

    code = failed.errno
    if code == errno.ENOSPC:
        what = _("The disk is full: make room (empty the recycle bin, delete large files), "
                 "then change an answer again.")
    elif getattr(failed, "winerror", None) in (32, 33) or code == errno.EBUSY:
        what = _("The file is open in another program (for example Word, an editor or a "
                 "sync program such as OneDrive): close it there, then change an answer again.")
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS) or isinstance(failed,
                                                                        PermissionError):
        what = _("The folder is read-only or you may not write in it: stop commgen web "
                 "(Ctrl-C) and start it again with --out and a folder of your own, for example "
                 "in Documents.")
    else:
        what = _("({detail}) Check that the folder is still there (a USB stick or network "
                 "folder), then change an answer again.").format(
                     detail=failed.strerror or type(failed).__name__)
    return _("Your answers could not be saved in {path}. {what} What you typed stays on "
             "this page; do not close it until the answers are saved.").format(
                 path=path, what=what)


class _Unchanged:
    """Names left empty: the names given before are kept."""


_UNCHANGED = _Unchanged()


class _AtMaking:
    """A version's date or time left as "today" or "now": filled in when the documents are
    made."""


_AT_MAKING = _AtMaking()


def segments(found: list[AnswerFinding]) -> list[dict[str, Any]]:
    """The answer's text in pieces, each finding's passage marked with why and what instead;
    the passage of a guarded name is the mask, never the name."""
    from commgen.checks.report import severity_label

    if not found:
        return []
    text = found[0].text
    names = sorted((f.finding.start, f.finding.end) for f in found
                   if f.finding.rule == GUARDED_RULE)

    def shown(start: int, end: int) -> str:  # the text, every guarded name as the mask
        out, at = [], start
        for name_start, name_end in names:
            if name_end <= at or name_start >= end:
                continue
            out += [text[at:max(name_start, at)], GUARDED_MASK]
            at = max(at, name_end)
        return "".join([*out, text[at:end]]) if at < end else "".join(out)

    pieces: list[dict[str, Any]] = []
    at = 0
    for number, item in enumerate(found):
        finding = item.finding
        if finding.start < at:
            continue  # overlaps a passage marked already
        if finding.start > at:
            pieces.append({"text": shown(at, finding.start)})
        pieces.append({"text": shown(finding.start, max(finding.end, finding.start + 1)),
                       "n": number, "reason": finding.message,
                       "suggestion": finding.suggestion or "",
                       "level": severity_label(finding.severity),
                       "category": finding_label(finding),
                       "guarded": finding.rule == GUARDED_RULE})
        at = max(finding.end, finding.start + 1)
    if at < len(text):
        pieces.append({"text": shown(at, len(text))})
    return pieces


def default_folder(out_dir: Path | None, resume: Path | None) -> Path:
    """The folder of a new case: ``--out``, else the folder of the file to resume."""
    from commgen.app.commands.options import DEFAULT_OUT

    return out_dir or (resume.parent if resume else Path(DEFAULT_OUT))


__all__ = ["DRAFT_NAME", "WebCase", "answer_text", "default_folder", "segments"]
