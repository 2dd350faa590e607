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
)
from commgen.answers.history import (
    Sent,
    Version,
    added_values,
    changed,
    history_yaml,
    read_history,
    stored_values,
)
from commgen.answers.partial import parse_settings, read_answers, read_meta
from commgen.app.interview import Draft, Interview, complete_without_asking
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


# --- The history of a file, also one made before commgen kept it -------------------------

def documents_of(catalog: Catalog, kinds: tuple[str | None, ...] = (None,)) -> list[Document]:
    return [doc for doc in catalog.documents if doc.made_by in kinds]


def first_version(catalog: Catalog, answers: Answers, out_dir: Path,
                  lang: str = DOCUMENT_LANGUAGE) -> tuple[Version, str]:
    """Version 1 of an answers file without history: its current state, with the documents
    the output folder's manifest says commgen wrote from it (else those that apply). Returns
    the version and a note for the user."""
    from commgen.app.generate import output_path, select_documents
    from commgen.app.output import Manifest, answers_key

    values = answers.values
    key = answers_key(answers.path)
    manifest = Manifest.load(out_dir)
    by_name = {output_path(out_dir, doc, lang).name: doc for doc in documents_of(catalog)}
    sent = []
    for name, entry in manifest.files.items():
        doc = by_name.get(str(entry.get("wanted", name)))
        if doc is not None and entry.get("answers") == key:
            sent.append(Sent(doc.id, doc.audience, name, str(entry.get("sha256", ""))))
    if sent:
        note = _("{path} has no history yet (made by an older commgen): its current answers are "
                 "recorded as version 1, with the {n} document(s) commgen wrote from it in "
                 "{folder}.").format(path=answers.path, n=len(sent), folder=out_dir)
    else:
        chosen, _skipped = select_documents(catalog, answers, None)
        sent = [Sent(doc.id, doc.audience) for doc in chosen]
        note = _("{path} has no history yet (made by an older commgen): its current answers are "
                 "recorded as version 1. No documents of it were found in {folder}; commgen "
                 "assumes the {n} document(s) that apply to these answers were sent.").format(
                     path=answers.path, folder=out_dir, n=len(sent))
    date = values.get("statement_date")
    time = values.get("statement_time")
    version = Version(1, date.isoformat() if isinstance(date, dt.date) else "",
                      time.strftime("%H:%M") if isinstance(time, dt.time) else "",
                      list(values.get("approvals") or []), str(values.get("approved_by") or ""),
                      {}, "", sent)
    return version, note


def history_of(catalog: Catalog, answers: Answers, out_dir: Path) -> tuple[list[Version],
                                                                           str | None]:
    """The versions of a case; for a file without history, version 1 made from it now."""
    if answers.history:
        return list(answers.history), None
    version, note = first_version(catalog, answers, out_dir)
    return [version], note


def default_out(answers_path: Path) -> Path:
    """The answers file's own folder when commgen wrote documents there, else the default."""
    from commgen.app.commands.options import DEFAULT_OUT
    from commgen.app.output import MANIFEST_NAME

    folder = answers_path.parent
    return folder if (folder / MANIFEST_NAME).exists() else Path(DEFAULT_OUT)


# --- Which audiences hear what ------------------------------------------------------------

@dataclass
class Letter:
    document: Document
    new: list[str]
    meaning: list[str]
    previous: Version


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
                facts_new: dict[str, Any], changes: dict[str, tuple[Any, Any]]
                ) -> dict[str, list[str]]:
    """Per question, the values that are news for ``audience``: a choice that came with this
    version, or one that was there but that this audience could not be told before (a fact
    approved only now). A changed date, time or text counts when it had a value before."""
    from commgen.render.snippets import choose
    from commgen.render.updates import CHANGED

    result: dict[str, list[str]] = {}
    for qid, by_value in table.items():
        question = catalog.by_id[qid]
        if CHANGED in by_value:
            if qid in changes and not is_empty(changes[qid][0]):
                result[qid] = [CHANGED]
            continue
        before = _keys(question, old.get(qid))
        values = []
        for value in _keys(question, new.get(qid)):
            told = value in before and choose(by_value.get(value), audience, facts_old)
            if not told:
                values.append(value)
        if values:
            result[qid] = values
    return result


def used_by_audience(catalog: Catalog, lang: str) -> dict[str, set[str]]:
    """The questions the full documents of each audience use (their templates, phrases and
    labels): a change of another answer does not concern that audience."""
    import re

    from commgen.foundation.jinja import expression_names
    from commgen.render.snippets import load_snippets
    from commgen.render.templateinfo import questions_used, template_source

    snippets = load_snippets(catalog, lang)
    used: dict[str, set[str]] = {}
    for doc in documents_of(catalog):
        path = doc.templates.get(lang)
        if path is None:
            continue
        source = template_source(path)
        names = set(questions_used(source, catalog, snippets.terms_question))
        for phrase in set(re.findall(r"phrase\.(\w+)", source)):  # and what picks its wording
            variants = snippets.sentences.get(phrase) or [
                v for by_value in snippets.phrases.get(phrase, {}).values() for v in by_value]
            for variant in variants:
                if variant.when:
                    names |= expression_names(variant.when)
        used.setdefault(doc.audience, set()).update(names)
    return used


def plan_letters(catalog: Catalog, old: Answers, new: Answers, history: list[Version],
                 changes: dict[str, tuple[Any, Any]], lang: str, now: dt.datetime) -> Plan:
    """For each update letter whose audience got a document before: its sentences, or
    nothing when the change does not concern that audience."""
    from commgen.render.context import build_context, case_facts
    from commgen.render.snippets import load_snippets
    from commgen.render.updates import load_updates, sentences_for

    updates = load_updates(catalog, lang)
    snippets = load_snippets(catalog, lang)
    old_stored, new_stored = (stored_values(catalog, old.values),
                              stored_values(catalog, new.values))
    facts_old, facts_new = case_facts(catalog, old), case_facts(catalog, new)
    used = used_by_audience(catalog, lang)
    plan = Plan()
    for doc in documents_of(catalog, ("update",)):
        previous = next((v for v in reversed(history) if doc.audience in v.audiences()), None)
        if previous is None:
            continue  # this audience never got anything: the full documents are its first
        # The crisis team hears every change; another audience only those its documents use.
        concerned = (set(catalog.by_id) if doc.audience == "internal"
                     else used.get(doc.audience, set()))
        tables = [{q: t for q, t in table.items() if q in concerned}
                  for table in (updates.new, updates.meaning)]
        picked = [news_values(catalog, table, doc.audience, old_stored, new_stored, facts_old,
                              facts_new, changes) for table in tables]
        context = build_context(catalog, snippets, new, doc, lang, now)
        new_lines = sentences_for(tables[0], picked[0], doc.audience, facts_new, context,
                                  "nieuw")
        if not new_lines:
            plan.silent.append(doc)
            continue
        meaning = sentences_for(tables[1], picked[1], doc.audience, facts_new, context,
                                "betekenis")
        plan.letters.append(Letter(doc, new_lines, meaning, previous))
    return plan


def letter_context(letter: Letter, plan: Plan, number: int, lang: str) -> dict[str, Any]:
    """What an update letter's template sees as ``update``."""
    previous = letter.previous
    try:
        day = DateText(dt.date.fromisoformat(previous.date), lang)
    except ValueError:
        day = DateText(dt.date.today(), lang)
    others = [text_for(x.document.title, lang) for x in plan.letters
              if x.document.audience != "internal"]
    return {"update": {
        "version": str(number), "previous": str(previous.number), "previous_date": str(day),
        "previous_time": previous.time, "nieuw": list(letter.new),
        "betekenis": list(letter.meaning), "ontvangers": others,
        "niet": [text_for(d.title, lang) for d in plan.silent]}}


# --- The run -------------------------------------------------------------------------------

@dataclass
class UpdateOutcome:
    version: Version | None
    result: Any = None  # generate.Result of the documents
    plan: Plan | None = None
    notes: list[str] = field(default_factory=list)


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
    fingerprint = _fingerprint(answers_path)
    current = load_answers(answers_path, catalog)
    history, note = history_of(catalog, current, out_dir)
    if note:
        outcome.notes.append(note)
    if current.format != FORMAT_VERSION:
        outcome.notes.append(_("{path} is in the format of an older commgen ({found}); it is "
                               "saved in format {version}, with the history, once the update "
                               "is written.").format(path=answers_path, found=current.format,
                                                     version=FORMAT_VERSION))
    last = history[-1].number
    for text in outcome.notes:
        click.echo(_("Note: {problem}").format(problem=text), err=True)

    draft = _start_draft(catalog, answers_path, current, last, now)
    base: dict[str, Any] = {}
    if answers_file:
        base.update(read_answers(answers_file, catalog))
    base.update(parse_settings(settings, catalog))
    draft.answered.update(base)
    draft.save(catalog)
    if interactive is None:
        interactive = sys.stdin.isatty()
    scripted = bool(answers_file or settings or yes)
    asking = interactive or not scripted
    interview = Interview(catalog, draft, asker or ask, check=asking)
    try:
        if asking:
            interview.resolve_all()
            for question in catalog.questions:
                if (question.changes in ("yes", "news") and question.id not in base
                        and interview.applies(question)):
                    interview._ask_and_keep(question)
            interview.fill()
            while stale := _stale_dates(catalog, interview.values(), now.date()):
                click.echo(_("Error: {message}").format(message=_stale_message(
                    stale[0], interview.values(), now.date())), err=True)
                interview._ask_and_keep(stale[0])
            if not yes and not interview.review():
                raise InterviewStopped(_stopped(answers_path))
        else:
            if stale := _stale_dates(catalog, interview.values(), now.date()):
                raise AnswersError(_("The update cannot be made:"), [Problem(
                    _stale_message(q, interview.values(), now.date()), key=q.id)
                    for q in stale])
            complete_without_asking(interview)
        draft.save(catalog)
    except (click.exceptions.Abort, KeyboardInterrupt, EOFError):
        raise InterviewStopped(_stopped(answers_path)) from None

    new = load_answers(draft.path, catalog)
    new.path = answers_path  # the manifest and the messages name the real answers file
    new.accepted = {**current.accepted, **new.accepted}
    changes = changed(catalog, stored_values(catalog, current.values),
                      stored_values(catalog, new.values))
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
    result = generate_from_answers(catalog, new, out_dir, force=force, lang=lang, now=now,
                                   accept_findings=accept_findings, extra=extra)
    outcome.result, outcome.plan = result, plan
    if result.blocked:
        return outcome  # nothing written; the draft keeps this run's answers
    version = Version(number, now.date().isoformat(), now.strftime("%H:%M"),
                      list(new.values.get("approvals") or []),
                      str(new.values.get("approved_by") or ""), changes, news,
                      _sent(catalog, result, out_dir, lang, history))
    final = Draft(answers_path, dict(draft.answered), dict(draft.accepted),
                  history=history_yaml([*history, version]), header=_header(answers_path))
    final.save(catalog)
    _remove_draft(draft.path)
    outcome.version = version
    return outcome


def _stale_dates(catalog: Catalog, values: dict[str, Any], day: dt.date) -> list[Question]:
    """Dates still to come (``future`` in the catalogue) that the new version would keep although
    they lie before its day: "the next update follows on" a day that has gone is not true."""
    return [q for q in catalog.questions if q.future and catalog.applies(q, values)
            and isinstance(values.get(q.id), dt.date) and values[q.id] < day]


def _stale_message(question: Question, values: dict[str, Any], day: dt.date) -> str:
    return _("{prompt}: {date} lies before this new version ({today}); give a day that is still "
             "to come (with --set {key}=...)").format(
                 prompt=text_for(question.prompt, current_language()),
                 date=display(question, values[question.id]), today=display(question, day),
                 key=question.id)


def _start_draft(catalog: Catalog, answers_path: Path, current: Answers, last: int,
                 now: dt.datetime) -> Draft:
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
                          _("Continue with: commgen update \"{path}\"").format(
                              path=answers_path)])
    for question in catalog.questions:
        if question.changes == "version":
            answered[question.id] = {"statement_version": str(last + 1),
                                     "statement_date": now.date(),
                                     "statement_time": now.time()}.get(question.id)
        elif question.changes == "news" and question.type == "paragraphs" and source != path:
            answered[question.id] = None
    return draft


def _render_letters(catalog: Catalog, answers: Answers, plan: Plan, number: int, lang: str,
                    now: dt.datetime) -> list[tuple[Document, Any]]:
    from commgen.render.document import render_one
    from commgen.render.snippets import load_snippets

    snippets = load_snippets(catalog, lang)
    return [(letter.document, render_one(catalog, snippets, answers, letter.document, lang, now,
                                         letter_context(letter, plan, number, lang)))
            for letter in plan.letters]


def _sent(catalog: Catalog, result: Any, out_dir: Path, lang: str,
          history: list[Version]) -> list[Sent]:
    """What this version sends, as written (document, audience, file, SHA-256): its update
    letters, and the full documents an audience has not had yet (a new audience, or a document
    new in the set). The other full documents of the version are made for the file, not sent
    again: "we wrote to you on ..." and the timeline count only what went out."""
    from commgen.app.generate import output_path
    from commgen.app.output import file_hash

    had = {s.document for v in history for s in v.sent}
    by_name = {output_path(out_dir, doc, lang).name: doc for doc in catalog.documents}
    sent = []
    for written in result.written:
        doc = by_name.get(written.wanted.name)
        if doc is not None and (doc.made_by == "update" or doc.id not in had):
            sent.append(Sent(doc.id, doc.audience, written.path.name,
                             file_hash(written.path) or ""))
    return sent


def _header(path: Path) -> list[str]:
    stamp = dt.datetime.now().strftime("%d-%m-%Y %H:%M")
    return [_("commgen answers, saved {when}, with the history of every version.").format(
                when=stamp),
            _("A new version: commgen update \"{path}\"; the timeline: commgen history "
              "\"{path}\"").format(path=path)]


def _stopped(path: Path) -> str:
    return _("Stopped. The answers of this update are saved in {draft}; nothing else was "
             "changed. Continue with:\n  commgen update \"{path}\"").format(
                 draft=draft_path(path), path=path)


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
                  "found and run commgen update again; this run's answers are kept.")]
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
