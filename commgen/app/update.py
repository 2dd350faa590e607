"""``commgen update``: a new version of the statement, update letters, and the full set.

The run: claim the answers file (as the interview does); read it with its history (an answers
file of an older commgen has none: its current state becomes version 1, with the documents its
output folder's manifest lists); ask only the questions the catalogue marks ``changes`` (the
current answer as default; "what is new" starts empty), in a draft beside the answers file
(``<name>.update-concept.yaml``) so that Ctrl-C loses nothing; raise the version, set its date
and time. Then, for each audience that already got a document and that the change concerns, an
update letter with only the vetted sentences of what is new for that audience
(``render.updates``): an audience whose documents do not use the changed answers, or for whom
the new fact may not be said yet (a police fact without police approval), gets nothing. The
letters and the full documents of the new version are checked and written as one set
(``generate_from_answers``), and only then is the new version added to the history in the
answers file. Before writing, the answers file is read again: when another run added a version
meanwhile (two laptops on a shared folder), this one stops and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from commgen.answers.answersfile import (
    ACCEPTED_KEY,
    FORMAT_VERSION,
    Answers,
    load_answers,
    private_path,
    read_answers_file,
    read_school_link,
)
from commgen.answers.history import (
    Sent,
    Version,
    added_values,
    changed,
    history_yaml,
    read_history,
    relative_folder,
    stored_values,
)
from commgen.answers.partial import parse_settings, read_answers, read_meta
from commgen.app.interview import Draft, Interview, complete_without_asking
from commgen.app.timeline import (
    Reach,
    audience_label,
    default_out,
    documents_of,
    history_of,
    missing_note,
    reach_of,
    record_sent,
    version_folder,
)
from commgen.foundation.concepts import DOCUMENT_LANGUAGE
from commgen.foundation.errors import (
    AnswersError,
    InterviewStopped,
    OutputError,
    Problem,
    UsageError,
)
from commgen.foundation.files import Claimed, claim, release
from commgen.foundation.formatting import DateText
from commgen.foundation.i18n import _, current_language
from commgen.questions.catalog import Catalog, Document, Question, text_for
from commgen.questions.types import display, is_empty

UPDATE_DRAFT = ".update-concept"  # antwoorden.yaml -> antwoorden.update-concept.yaml


def draft_path(answers: Path) -> Path:
    return answers.with_name(f"{answers.stem}{UPDATE_DRAFT}{answers.suffix or '.yaml'}")


def claim_answers(path: Path) -> Path:
    """Claim the answers file for this run, or stop with a message (another interview or
    update has it, here or on another computer)."""
    if not path.is_file():
        raise AnswersError(_("The answers file cannot be used:"), [Problem(
            _("file not found"), path)])
    try:
        return claim(path)
    except Claimed as exc:
        raise OutputError(_("{path} is in use by another commgen run ({holder}): an interview or "
                            "an update, perhaps on another computer. Wait until it is finished, "
                            "then run commgen update again; nothing was changed.").format(
                                path=path, holder=exc.holder or "?")) from None
    except OSError as exc:  # a folder that cannot be written: the claim cannot be made
        raise OutputError(_("{path} cannot be written ({detail}). Is it open in another "
                            "program, or is the disk full?").format(
                                path=path, detail=exc.strerror or exc)) from None


# --- Which audiences hear what ------------------------------------------------------------

@dataclass
class Letter:
    document: Document
    new: list[str]
    meaning: list[str]
    previous: Version  # the last version that reached this audience
    number: int = 1  # this audience's update letters, this one included
    about: tuple[str, ...] = ()  # the questions the letter tells of


# A change that another change's sentence already tells: a new contact person's sentence gives
# the whole contact, so a new number or address of that person is not said again.
COVERED_BY = {"contact": ("contact_phone", "contact_email")}


@dataclass
class Plan:
    letters: list[Letter] = field(default_factory=list)
    silent: list[Document] = field(default_factory=list)  # got documents, hear nothing now


def _keys(question: Any, value: Any) -> list[str]:
    from commgen.render.updates import value_key

    if value is None:
        return []
    if question.type == "yesno":
        return [value_key(bool(value))]
    return added_values(None, value)


def news_values(catalog: Catalog, table: dict[str, dict[str, Any]], audience: str,
                old: dict[str, Any], new: dict[str, Any], facts_old: dict[str, Any],
                changes: dict[str, tuple[Any, Any]]
                ) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Per question, the values that are news for ``audience``, in two kinds: ``fresh``, a
    choice that came with this version (or a changed date, time or text that had a value
    before); ``later``, a choice that was there already but that this audience could not be
    told before (a fact approved only now). Their sentences differ: what happened since the
    last letter, and what may be told now."""
    from commgen.render.snippets import choose
    from commgen.render.updates import CHANGED

    fresh: dict[str, list[str]] = {}
    later: dict[str, list[str]] = {}
    for qid, by_value in table.items():
        question = catalog.by_id[qid]
        if CHANGED in by_value:
            if qid in changes and not is_empty(changes[qid][0]):
                fresh[qid] = [CHANGED]
            continue
        before = _keys(question, old.get(qid))
        for value in _keys(question, new.get(qid)):
            if value not in before:
                fresh.setdefault(qid, []).append(value)
            elif not choose(by_value.get(value), audience, facts_old):
                later.setdefault(qid, []).append(value)
    return fresh, later


def _in_order(catalog: Catalog, fresh: dict[str, list[str]], later: dict[str, list[str]]
              ) -> list[tuple[str, str, str]]:
    """What is new, earliest first: in the catalogue's order of questions and of choices (the
    police were asked for advice, then a report was made, then an investigation started),
    what may be told only now beside what happened since."""
    index = {q.id: n for n, q in enumerate(catalog.questions)}

    def rank(item: tuple[str, str, str]) -> tuple[int, int]:
        qid, value, _kind = item
        choices = [c.value for c in catalog.by_id[qid].choices or []]
        return index.get(qid, 0), choices.index(value) if value in choices else 0

    items = [(q, v, "new") for q, values in fresh.items() for v in values]
    items += [(q, v, "later") for q, values in later.items() for v in values]
    return sorted(items, key=rank)


def plan_letters(catalog: Catalog, old: Answers, new: Answers, history: list[Version],
                 changes: dict[str, tuple[Any, Any]], lang: str, now: dt.datetime) -> Plan:
    """For each update letter whose audience got a document before: its sentences, or
    nothing when the change does not concern that audience. An audience hears of a question
    its documents told it of (the evening in its invitation, a fact in a letter); the crisis
    team hears every change; "what is new" goes to every letter it feeds."""
    from commgen.render.context import build_context, case_facts
    from commgen.render.snippets import load_snippets
    from commgen.render.templateinfo import questions_used
    from commgen.render.updates import load_updates, sentences_for

    updates = load_updates(catalog, lang)
    snippets = load_snippets(catalog, lang)
    old_stored, new_stored = (stored_values(catalog, old.values),
                              stored_values(catalog, new.values))
    facts_old, facts_new = case_facts(catalog, old), case_facts(catalog, new)
    reach = reach_of(catalog, history, lang)
    news = "\n".join(new.values.get("update_news") or []).strip()
    news_question = next((q for q in catalog.questions if q.changes == "news"
                          and q.type == "paragraphs"), None)

    def names(source: str) -> list[str]:  # the words of the school (groep/klas) tell nothing
        return [q for q in questions_used(source, catalog, snippets.terms_question)
                if q != snippets.terms_question or q in changes]

    plan = Plan()
    for doc in documents_of(catalog, ("update",)):
        audience = doc.audience
        previous = reach.last.get(audience)
        if previous is None:
            continue  # this audience never got anything: the full documents are its first
        concerned = (set(catalog.by_id) if audience == "internal"
                     else reach.told.get(audience, set()))
        new_table, later_table, meaning_table = (
            {q: t for q, t in table.items() if q in concerned}
            for table in (updates.new, updates.later, updates.meaning))
        fresh, later = news_values(catalog, {**later_table, **new_table}, audience, old_stored,
                                   new_stored, facts_old, changes)
        fresh = {q: v for q, v in fresh.items() if q in new_table}
        for whole, parts in COVERED_BY.items():  # a new contact person's sentence says it all
            if whole in fresh:
                for part in parts:
                    fresh.pop(part, None)
        context = build_context(catalog, snippets, new, doc, lang, now)
        about: set[str] = set()
        new_lines: list[str] = []
        for qid, value, kind in _in_order(catalog, fresh, later):
            table, label = (new_table, "nieuw") if kind == "new" else (later_table,
                                                                      "nu_te_melden")
            new_lines += [line for line in sentences_for(table, {qid: [value]}, audience,
                                                         facts_new, context, label, about, names)
                          if line not in new_lines]
        told_news = bool(news) and news_question is not None and catalog.feeds(news_question,
                                                                                 doc)
        if not new_lines and not told_news:
            plan.silent.append(doc)
            continue
        meaning = sentences_for(meaning_table, {q: [*fresh.get(q, []), *later.get(q, [])]
                                                for q in {*fresh, *later}},
                                audience, facts_new, context, "betekenis")
        plan.letters.append(Letter(doc, new_lines, meaning, previous,
                                   reach.letters.get(audience, 0) + 1,
                                   tuple(q for q in catalog.by_id if q in about)))
    return plan


def letter_context(letter: Letter, plan: Plan, number: int, lang: str,
                   ordinal: Any = str) -> dict[str, Any]:
    """What an update letter's template sees as ``update``: ``nummer`` counts the update
    letters this audience got (this one included), ``rangwoord`` says it in a word ("tweede"),
    ``volgende`` the one after it ("derde"),
    ``version`` is the statement's version."""
    previous = letter.previous
    try:
        day = DateText(dt.date.fromisoformat(previous.date), lang)
    except ValueError:
        day = DateText(dt.date.today(), lang)
    others = [text_for(x.document.title, lang) for x in plan.letters
              if x.document.audience != "internal"]
    return {"update": {
        "version": str(number), "nummer": str(letter.number), "rangwoord": ordinal(letter.number),
        "volgende": ordinal(letter.number + 1),
        "previous": str(previous.number),
        "previous_date": str(day), "previous_time": previous.time, "nieuw": list(letter.new),
        "betekenis": list(letter.meaning), "ontvangers": others,
        "niet": list(dict.fromkeys(audience_label(d.audience) for d in plan.silent))}}


# --- The run -------------------------------------------------------------------------------

@dataclass
class UpdateOutcome:
    version: Version | None
    result: Any = None  # generate.Result of the documents
    plan: Plan | None = None
    notes: list[str] = field(default_factory=list)
    command: str = ""  # the command that goes on with this update (with --out when needed)


def run_update(catalog: Catalog, answers_path: Path, out_dir: Path | None = None,
               settings: tuple[str, ...] = (), answers_file: Path | None = None,
               yes: bool = False, asker: Any = None, interactive: bool | None = None,
               accept_findings: str | None = None, force: bool = False,
               now: dt.datetime | None = None) -> UpdateOutcome:
    """The whole update; the answers file is claimed for the run."""
    lock = claim_answers(answers_path)
    try:
        return _update(catalog, answers_path, out_dir or default_out(answers_path), settings,
                       answers_file, yes, asker, interactive, accept_findings, force,
                       now or dt.datetime.now().replace(microsecond=0))
    finally:
        release(lock)


def _fingerprint(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _still_ours(path: Path, fingerprint: str, last: int) -> None:
    """Stop before anything is written when another run changed the answers file since this
    one read it (two laptops on a shared folder): its version is kept, this one is not made."""
    problems: list[Problem] = []
    try:
        history = read_history(read_answers_file(path), path, problems)
    except AnswersError:
        history = []
    found = history[-1].number if history else 1
    if _fingerprint(path) != fingerprint or found != last:
        raise OutputError(_("{path} was changed by another commgen run while this update was "
                            "going on (it now has version {found}; this update started from "
                            "version {last}). Nothing was written, and the other run's version "
                            "is kept. Run commgen update again to build on it; your answers "
                            "of this run are in {draft}.").format(
                                path=path, found=found, last=last, draft=draft_path(path)))


def _update(catalog: Catalog, answers_path: Path, out_dir: Path, settings: tuple[str, ...],
            answers_file: Path | None, yes: bool, asker: Any, interactive: bool | None,
            accept_findings: str | None, force: bool, now: dt.datetime) -> UpdateOutcome:
    from commgen.app.generate import generate_from_answers
    from commgen.app.prompts import ask

    outcome = UpdateOutcome(None)
    outcome.command = update_command(answers_path, out_dir)
    fingerprint = _fingerprint(answers_path)
    current = load_answers(answers_path, catalog)
    history, note = history_of(catalog, current, out_dir)
    command = outcome.command
    for text in (note, missing_note(out_dir, history)):
        if text:
            outcome.notes.append(text)
    if current.format != FORMAT_VERSION:
        outcome.notes.append(_("{path} is in the format of an older commgen ({found}); it is "
                               "saved in format {version}, with the history, once the update "
                               "is written.").format(path=answers_path, found=current.format,
                                                     version=FORMAT_VERSION))
    last = history[-1].number
    for text in outcome.notes:
        click.echo(_("Note: {problem}").format(problem=text), err=True)

    draft = _start_draft(catalog, answers_path, current, last, now, command)
    _relative_files(catalog, draft.answered, answers_path)
    base: dict[str, Any] = {}
    if answers_file:
        base.update(read_answers(answers_file, catalog))
    from_file = set(base)
    from_settings = parse_settings(settings, catalog)
    base.update(from_settings)
    draft.answered.update(base)
    draft.save(catalog)
    if interactive is None:
        interactive = sys.stdin.isatty()
    scripted = bool(answers_file or settings or yes)
    asking = interactive or not scripted
    interview = Interview(catalog, draft, asker or ask, check=asking)
    days = _DayChecks(now.date(), _school_days(catalog))
    try:
        if asking:
            interview.resolve_all()
            for question in catalog.questions:
                if not interview.applies(question):
                    continue
                if question.changes in ("yes", "news") and question.id not in base:
                    interview._ask_and_keep(question)
                    days.check(interview, question)
                elif question.id in base:  # given with --set or --answers: checked here too
                    days.check(interview, question)
            interview.fill()  # questions a changed answer opened (the evening's day, ...)
            for question in catalog.questions:
                if interview.applies(question):
                    days.check(interview, question)
            if not yes and not interview.review():
                raise InterviewStopped(_stopped(answers_path, command))
        else:
            if stale := _stale_dates(catalog, interview.values(), days.day):
                raise AnswersError(_("The update cannot be made:"), [Problem(
                    _stale_message(q, interview.values(), days.day,
                                   _given_by(q, set(from_settings), from_file)),
                    answers_file if _given_by(q, set(from_settings), from_file) == "file"
                    else None, key=q.id) for q in stale])
            complete_without_asking(interview)
            for question in catalog.questions:
                reason = _day_off_of(question, interview.values(), days.school_days)
                if reason and interview.applies(question):
                    click.echo(_("Warning: {message}").format(message=_day_off_message(
                        question, interview.values(), reason)), err=True)
        draft.save(catalog)
    except (click.exceptions.Abort, KeyboardInterrupt, EOFError):
        raise InterviewStopped(_stopped(answers_path, command)) from None

    new = load_answers(draft.path, catalog)
    new.path = answers_path  # the manifest and the messages name the real answers file
    new.accepted = {**current.accepted, **new.accepted}
    changes = {qid: change for qid, change in changed(
        catalog, stored_values(catalog, current.values), stored_values(catalog, new.values)
    ).items() if not _out_of_use(catalog, catalog.by_id[qid], change, new.values)}
    news = "\n".join(new.values.get("update_news") or [])
    if not changes and not news.strip():
        _remove_draft(draft.path)
        raise UsageError(_("Nothing changed since version {n}: no new version was made. Change "
                           "an answer (or say what is new) to make one.").format(n=last))
    number = last + 1
    lang = DOCUMENT_LANGUAGE
    plan = plan_letters(catalog, current, new, history, changes, lang, now)
    extra = _render_letters(catalog, new, plan, number, lang, now)
    _still_ours(answers_path, fingerprint, last)
    _keep_earlier(out_dir, answers_path, last)
    result = generate_from_answers(catalog, new, out_dir, force=force, lang=lang, now=now,
                                   accept_findings=accept_findings, extra=extra)
    outcome.result, outcome.plan = result, plan
    if result.blocked:  # nothing written; the draft keeps this run's answers
        result.answers_path = None  # no "commgen new --resume": update_lines says the command
        return outcome
    version = Version(number, now.date().isoformat(), now.strftime("%H:%M"),
                      list(new.values.get("approvals") or []),
                      str(new.values.get("approved_by") or ""), changes, news,
                      _sent(catalog, result, out_dir, lang, reach_of(catalog, history, lang),
                            plan), relative_folder(out_dir, answers_path))
    sent_now = {item.document for item in version.sent}
    # "How to send": only what goes out in this version, not the letters sent before
    result.plain_texts = [(doc, path) for doc, path in result.plain_texts if doc.id in sent_now]
    _relative_files(catalog, draft.answered, answers_path)
    final = Draft(answers_path, dict(draft.answered), dict(draft.accepted),
                  history=history_yaml([*history, version]), header=_header(answers_path),
                  school=draft.school)
    final.save(catalog)
    _remove_draft(draft.path)
    keep_version(out_dir, number, [w.path for w in result.written])
    outcome.version = version
    return outcome


def _out_of_use(catalog: Catalog, question: Question, change: tuple[Any, Any],
                values: dict[str, Any]) -> bool:
    """A question that no longer applies (its condition went) and so lost its answer: not a
    change of the case ("nee → (leeg)" says nothing that happened)."""
    return is_empty(change[1]) and not catalog.applies(question, values)


def _stale_dates(catalog: Catalog, values: dict[str, Any], day: dt.date) -> list[Question]:
    """Dates still to come (``future`` in the catalogue) that the new version would keep although
    they lie before its day: "the next update follows on" a day that has gone is not true."""
    return [q for q in catalog.questions if catalog.applies(q, values) and _is_stale(q, values,
                                                                                      day)]


def _is_stale(question: Question, values: dict[str, Any], day: dt.date) -> bool:
    return bool(question.future and isinstance(values.get(question.id), dt.date)
                and values[question.id] < day)


def _given_by(question: Question, from_settings: set[str], from_file: set[str]) -> str:
    """How this run's user gives the answer again: "set" (--set), "file" (--answers), or "yes"
    (the answers file's own answer, kept with --yes)."""
    if question.id in from_settings:
        return "set"
    return "file" if question.id in from_file else "yes"


def _stale_message(question: Question, values: dict[str, Any], day: dt.date,
                   how: str = "ask") -> str:
    """The message for a day that has gone, fit for how the user runs: at the question (ask),
    or what to change in the command."""
    text = _("{prompt}: {date} lies before this new version ({today}); give a day that is still "
             "to come").format(prompt=text_for(question.prompt, current_language()),
                               date=display(question, values[question.id]),
                               today=display(question, day))
    hint = {"set": _("change --set {key}=... in the command"),
            "file": _("change '{key}' in the file given with --answers"),
            "yes": _("add --set {key}=YYYY-MM-DD to the command, or run commgen update without "
                     "--yes to be asked")}.get(how)
    return f"{text} ({hint.format(key=question.id)})" if hint else f"{text}."


def _school_days(catalog: Catalog) -> tuple[str, ...]:
    from commgen.render.updates import load_updates

    return load_updates(catalog, DOCUMENT_LANGUAGE).school_days


def _day_off_of(question: Question, values: dict[str, Any], school_days: tuple[str, ...]
                ) -> str | None:
    from commgen.app.evaluation import day_off

    value = values.get(question.id)
    if question.id not in school_days or not isinstance(value, dt.date):
        return None
    return day_off(value)


def _day_off_message(question: Question, values: dict[str, Any], reason: str) -> str:
    return _("{prompt}: {date} is {reason}, not a school day; check that this is meant").format(
        prompt=text_for(question.prompt, current_language()),
        date=display(question, values[question.id]), reason=reason)


@dataclass
class _DayChecks:
    """The checks of a day at its question, as the privacy check of an answer: a day that has
    gone is asked again until it is one still to come; a day that is no school day (a weekend,
    a holiday) is shown with a warning and asked once more, and Enter keeps it (not asked again
    for the same day)."""

    day: dt.date
    school_days: tuple[str, ...]
    kept: dict[str, Any] = field(default_factory=dict)  # question id -> the day kept anyway

    def check(self, interview: Interview, question: Question) -> None:
        while True:
            values = interview.values()
            if _is_stale(question, values, self.day):
                click.echo(_("Error: {message}").format(message=_stale_message(
                    question, values, self.day)), err=True)
                interview._ask_and_keep(question)
                continue
            reason = _day_off_of(question, values, self.school_days)
            if reason and self.kept.get(question.id) != values.get(question.id):
                self.kept[question.id] = values.get(question.id)
                click.echo(_("Warning: {message}").format(message=_day_off_message(
                    question, values, reason)) + ". " + _("Press Enter to keep this day, or "
                                                          "give another."), err=True)
                interview._ask_and_keep(question)
                continue
            return


def _start_draft(catalog: Catalog, answers_path: Path, current: Answers, last: int,
                 now: dt.datetime, command: str) -> Draft:
    """The answers of the new version so far: those of an update stopped earlier, else the
    current ones; the version's own fields are set, "what is new" starts empty."""
    path = draft_path(answers_path)
    source = path if path.exists() else answers_path
    if source == path:
        click.echo(_("Note: {problem}").format(problem=_(
            "an update of {name} stopped earlier; it goes on with the answers given then "
            "({draft}).").format(name=answers_path.name, draft=path.name)), err=True)
    answered = read_answers(source, catalog)
    for question in catalog.questions:  # left empty before: not asked again
        if question.id not in answered and catalog.applies(question, current.values):
            answered[question.id] = None
    draft = Draft(path, answered, dict(read_meta(source)[ACCEPTED_KEY]),
                  header=[_("commgen: the next version of {name}, being made by commgen update "
                            "(not finished).").format(name=answers_path.name),
                          _("Continue with: {command}").format(command=command)],
                  school=read_school_link(source, catalog))
    for question in catalog.questions:
        if question.changes == "version":
            answered[question.id] = {"statement_version": str(last + 1),
                                     "statement_date": now.date(),
                                     "statement_time": now.time()}.get(question.id)
        elif question.changes == "news" and question.type == "paragraphs" and source != path:
            answered[question.id] = None
    return draft


def _relative_files(catalog: Catalog, answered: dict[str, Any], answers_path: Path) -> None:
    """A file named in the answers (the school's logo) stays as the answers file named it,
    relative to its folder ("scholen/logo.png"): reading the file made it absolute, and an
    absolute path breaks when the case folder is copied or moved. A file outside the case
    folder stays absolute (copying the answers file alone must not lose it)."""
    folder = answers_path.parent.resolve()
    for question in catalog.questions:
        value = answered.get(question.id)
        if question.type != "image" or not isinstance(value, Path) or not value.is_absolute():
            continue
        try:
            answered[question.id] = value.resolve().relative_to(folder)
        except ValueError:  # outside the case folder (or on another drive)
            continue


def _render_letters(catalog: Catalog, answers: Answers, plan: Plan, number: int, lang: str,
                    now: dt.datetime) -> list[tuple[Document, Any]]:
    from commgen.render.document import render_one
    from commgen.render.snippets import load_snippets
    from commgen.render.updates import load_updates

    snippets = load_snippets(catalog, lang)
    ordinal = load_updates(catalog, lang).ordinal
    return [(letter.document, render_one(catalog, snippets, answers, letter.document, lang, now,
                                         letter_context(letter, plan, number, lang, ordinal)))
            for letter in plan.letters]


def _sent(catalog: Catalog, result: Any, out_dir: Path, lang: str, reach: Reach,
          plan: Plan) -> list[Sent]:
    """What this version sends, as written (document, audience, file, SHA-256, and what an
    update letter told of): its update letters, and the full documents an audience has not
    had yet (a new audience, or a document new in the set). The other full documents of the
    version are made for the file, not sent again: "we wrote to you on ..." and the timeline
    count only what went out."""
    from commgen.app.generate import output_path
    from commgen.app.output import file_hash

    about = {letter.document.id: letter.about for letter in plan.letters}
    by_name = {output_path(out_dir, doc, lang).name: doc for doc in catalog.documents}
    written = []
    for item in result.written:
        doc = by_name.get(item.wanted.name)
        if doc is not None:
            written.append(Sent(doc.id, doc.audience, item.path.name,
                                file_hash(item.path) or "", about.get(doc.id, ())))
    return record_sent(catalog, written, reach, lang)


def keep_version(out_dir: Path, number: int, files: list[Path]) -> None:
    """Copy the files of version ``number`` into its own folder, so that no version's
    documents are lost when later ones replace them in the output folder (``vorige/`` holds
    only the one before). A copy already there with the same content is left; one with other
    content is never overwritten: the new copy gets a new name."""
    from commgen.app.output import file_hash, write_document

    folder = version_folder(out_dir, number)
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue  # a file that went meanwhile: the manifest named it, nothing to keep
        target = folder / path.name
        if target.exists() and file_hash(target) == hashlib.sha256(data).hexdigest():
            continue
        write_document(target, data)


def _keep_earlier(out_dir: Path, answers_path: Path, last: int) -> None:
    """Before the first update: the documents of the version the folder holds now (made by
    commgen generate, or by an older commgen) go into its version folder, as they are."""
    from commgen.app.output import Manifest, answers_key

    if version_folder(out_dir, last).exists():
        return
    key = answers_key(answers_path, out_dir)
    manifest = Manifest.load(out_dir)
    keep_version(out_dir, last, [out_dir / name for name, entry in manifest.files.items()
                                 if entry.get("answers") == key and (out_dir / name).is_file()])


def _header(path: Path) -> list[str]:
    stamp = dt.datetime.now().strftime("%d-%m-%Y %H:%M")
    return [_("commgen answers, saved {when}, with the history of every version.").format(
                when=stamp),
            _("A new version: commgen update \"{path}\"; the timeline: commgen history "
              "\"{path}\"").format(path=path)]


def update_command(path: Path, out_dir: Path) -> str:
    """The command that goes on with this update: ``--out`` when its folder is not the one a
    plain ``commgen update`` would take."""
    command = f'commgen update "{path}"'
    try:
        same = out_dir.resolve() == default_out(path).resolve()
    except OSError:
        same = False
    return command if same else f'{command} --out "{out_dir}"'


def _stopped(path: Path, command: str) -> str:
    return _("Stopped. The answers of this update are saved in {draft}; nothing else was "
             "changed. Continue with:\n  {command}").format(draft=draft_path(path),
                                                              command=command)


def _remove_draft(path: Path) -> None:
    for item in (path, private_path(path)):
        try:
            item.unlink(missing_ok=True)
        except OSError:
            continue


def update_lines(catalog: Catalog, outcome: UpdateOutcome) -> list[str]:
    """What the run did with the versions and the letters, after the report of the files."""
    lang = current_language()
    plan = outcome.plan
    if outcome.version is None:
        return [_("The new version was not recorded: nothing was written. Fix what the check "
                  "found and run commgen update again; this run's answers are kept.")] + (
            [_("Change the answers with: {command}").format(command=outcome.command)]
            if outcome.command else [])
    lines = [_("Version {n} of the statement is recorded in the history of the answers "
               "file.").format(n=outcome.version.number)]
    if plan is not None and plan.letters:
        lines.append(_("Update letters: {documents}").format(documents=", ".join(
            text_for(letter.document.title, lang) for letter in plan.letters)))
    if plan is not None and plan.silent:
        lines.append(_("No update letter for: {documents} (the change does not concern them, "
                       "or may not reach them yet).").format(documents=", ".join(
                           text_for(doc.title, lang) for doc in plan.silent)))
    return lines
