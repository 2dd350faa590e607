"""The catalogue: documents, questions and choice lists, maintained as data by the foundation.

Modelled on copier's questions (type, help, choices, default, validator, when). The question
ids are the template variables. Loading checks the whole file and reports every mistake with
its line, because the people who edit it do not read Python tracebacks: unknown keys and
types, defaults that do not fit their type (``types``), and ``when`` conditions and
validators that cannot be evaluated for some answers (``conditions``). The dataclasses it
produces live in ``model``, so the types and conditions need no catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from jinja2 import TemplateError

from commgen.foundation.concepts import AUDIENCES, CATALOG_LANGUAGES, NOW_WORDS, TODAY_WORDS
from commgen.foundation.errors import CatalogError, Problem
from commgen.foundation.i18n import _
from commgen.foundation.jinja import compile_expression, expression_names
from commgen.foundation.yamlfile import LineDict, load_mapping
from commgen.questions import conditions
from commgen.questions.contextnames import CONTEXT_NAMES, JINJA_NAMES
from commgen.questions.model import Choice, Document, Question, Section, localized, text_for
from commgen.questions.types import TYPES, InvalidAnswer, is_empty

__all__ = ["CATALOG_FILE", "CaseFact", "Catalog", "CatalogError", "Choice", "Document", "Question",
           "Section", "closest", "load_catalog", "localized", "text_for"]

CATALOG_FILE = "catalog.yaml"
# Names the context builder adds next to the answers; a question may not take them.
RESERVED_NAMES = frozenset(CONTEXT_NAMES) | JINJA_NAMES
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_YAML_AMBIGUOUS = {"yes", "no", "on", "off", "true", "false", "y", "n", "null", "~"}


@dataclass(frozen=True)
class CaseFact:
    """One answer a document carries for ``commgen check``: only when ``when`` holds (it sees
    the answers and ``doc``), and of a list only the values in ``values`` (empty: all)."""

    question: str
    when: str | None = None
    values: tuple[str, ...] = ()


@dataclass
class Catalog:
    path: Path
    documents: list[Document]
    sections: list[Section]
    questions: list[Question]
    snippets_dir: Path
    author: str = ""  # Jinja text for the author property: the school, never a person
    # The answers a document carries in its properties (``commgen.case``) for ``commgen
    # check``: choices only, each under its own condition (``case_facts`` in the catalogue).
    case_facts: tuple[CaseFact, ...] = ()
    by_id: dict[str, Question] = field(init=False)

    def __post_init__(self) -> None:
        self.by_id = {q.id: q for q in self.questions}

    def document(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)

    def feeds(self, question: Question, document: Document) -> bool:
        """Whether ``question``'s answer may be printed in ``document`` (its ``feeds``)."""
        return not question.feeds or document.id in question.feeds or (
            document.audience in question.feeds)

    def documents_fed(self, question: Question) -> list[Document]:
        """The documents an answer may be printed in."""
        return [doc for doc in self.documents if self.feeds(question, doc)]

    def audiences_of(self, question: Question) -> list[str]:
        """The audiences an answer reaches: those of the documents it feeds."""
        return list(dict.fromkeys(doc.audience for doc in self.documents_fed(question)))

    def offered(self, question: Question, values: dict[str, Any]) -> Question:
        """The question with only the choices whose ``when`` holds for the answers so far."""
        if not any(c.when for c in question.choices):
            return question
        kept = tuple(c for c in question.choices if not c.when or conditions.applies(
            replace(question, when=c.when), self.questions, values))
        return replace(question, choices=kept)

    def applies(self, item: Question | Document, values: dict[str, Any]) -> bool:
        """Whether the ``when`` of a question or document holds for the answers so far; a
        condition that cannot be evaluated raises CatalogError."""
        return conditions.applies(item, self.questions, values)

    def is_applicable(self, condition: str | None, values: dict[str, Any]) -> bool:
        """The same, by the condition's text (for callers that hold only ``doc.when``)."""
        if not condition:
            return True
        owner = next((item for item in [*self.documents, *self.questions]
                      if item.when == condition), None)
        if owner is None:  # not the catalogue's own condition: report it against the file
            owner = Document("", {}, {}, "", "", {}, {}, when=condition, source=self.path)
        return conditions.applies(owner, self.questions, values)


class _Reader:
    """Collects problems while turning the parsed YAML into dataclasses."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, message: str, where: LineDict | None = None, key: str | None = None,
                label: str | None = None) -> None:
        line = where.line_of(key) if isinstance(where, LineDict) and key else (
            where.line if isinstance(where, LineDict) else None)
        self.problems.append(Problem(message, self.path, line, label or key))

    def mapping(self, data: Any, key: str, parent: LineDict) -> LineDict:
        value = data
        if not isinstance(value, LineDict):
            self.problem(_("expected a mapping (key: value lines)"), parent, key)
            return LineDict()
        return value

    def entries(self, data: LineDict, key: str, allowed: set[str], empty: str, needs: str
                ) -> Iterator[tuple[LineDict, str]]:
        """The entries of the list ``key`` that have an id, with their keys checked: a
        ``documents`` or ``questions`` list. ``empty`` and ``needs`` are the messages for a
        missing list and for an entry without an id."""
        entries = data.get(key)
        if not isinstance(entries, list) or not entries:
            self.problem(empty, data, key)
            return
        for entry in entries:
            if not isinstance(entry, LineDict) or "id" not in entry:
                self.problem(needs, data, key)
                continue
            entry_id = str(entry["id"])
            for name in entry:
                if name not in allowed:
                    self.problem(_("unknown key; allowed: {allowed}").format(
                        allowed=", ".join(sorted(allowed))), entry, name, f"{entry_id}.{name}")
            yield entry, entry_id

    def localized(self, entry: LineDict, key: str, label: str, required: bool = True
                  ) -> dict[str, str]:
        value = localized(entry.get(key))
        if required:
            missing = [lang for lang in CATALOG_LANGUAGES if not value.get(lang)]
            if missing:
                self.problem(_("'{key}' needs a text for: {langs}").format(
                    key=key, langs=", ".join(missing)), entry, key, label)
        return value


def closest(word: str, options: list[str]) -> str | None:
    """The option a typo most likely meant, for "did you mean" hints."""
    from difflib import get_close_matches  # only needed on the error path

    matches = get_close_matches(word, options, n=1)
    return matches[0] if matches else None


def _suggest(word: str, options: list[str]) -> str:
    close = closest(word, options)
    return _(" (did you mean '{name}'?)").format(name=close) if close else ""


def load_catalog(folder: Path) -> Catalog:
    """Read and check ``catalog.yaml`` in ``folder``; raise CatalogError listing every mistake."""
    path = folder / CATALOG_FILE
    data, problems = load_mapping(path, missing=_(
        "file not found; --templates must name a folder with a catalog.yaml"), empty_ok=False)
    if problems:
        raise CatalogError(_("The catalogue cannot be used:"), problems)
    reader = _Reader(path)
    known = {"format", "snippets", "author", "documents", "sections", "questions", "choices",
             "case_facts"}
    for key in data:
        if key not in known:
            reader.problem(_("unknown key; allowed: {allowed}").format(
                allowed=", ".join(sorted(known))), data, key)

    choice_lists = _read_choice_lists(reader, data)
    sections = _read_sections(reader, data)
    questions = _read_questions(reader, data, choice_lists, {s.id for s in sections})
    documents = _read_documents(reader, data, folder, questions)
    _check_feeds(reader, questions, documents)
    snippets_dir = (folder / str(data.get("snippets", "../snippets"))).resolve()
    if reader.problems:
        raise CatalogError(_("The catalogue cannot be used:"), reader.problems)
    facts = _read_case_facts(reader, data, {q.id: q for q in questions})
    if reader.problems:
        raise CatalogError(_("The catalogue cannot be used:"), reader.problems)
    catalog = Catalog(path, documents, sections, questions, snippets_dir,
                      str(data.get("author", "")), facts)
    _check_defaults(reader, catalog, data)
    if reader.problems:
        raise CatalogError(_("The catalogue cannot be used:"), reader.problems)
    return catalog


_CASE_FACT_TYPES = ("choice", "multichoice", "yesno")


def _read_case_facts(reader: _Reader, data: LineDict, questions: dict[str, Question]
                     ) -> tuple[CaseFact, ...]:
    """``case_facts``: per question (a choice, never free text or a name: the properties
    travel with every copy) an optional ``when`` and ``values``."""
    raw = reader.mapping(data.get("case_facts", LineDict()), "case_facts", data)
    facts = []
    for qid, entry in raw.items():
        question = questions.get(str(qid))
        if question is None or question.sensitive or question.type not in _CASE_FACT_TYPES:
            reader.problem(_("a case fact is a choice question that is not sensitive"), raw,
                           qid)
            continue
        entry = entry if isinstance(entry, LineDict) else LineDict()
        for key in entry:
            if key not in ("when", "values"):
                reader.problem(_("unknown key; allowed: {allowed}").format(
                    allowed="when, values"), entry, key, f"case_facts.{qid}")
        values = entry.get("values") or []
        when = entry.get("when")
        facts.append(CaseFact(str(qid), str(when) if when else None,
                              tuple(str(v) for v in values) if isinstance(values, list)
                              else (str(values),)))
    return tuple(facts)


def _read_choice_lists(reader: _Reader, data: LineDict) -> dict[str, tuple[Choice, ...]]:
    lists: dict[str, tuple[Choice, ...]] = {}
    raw = reader.mapping(data.get("choices", LineDict()), "choices", data)
    for name, entries in raw.items():
        if not isinstance(entries, list) or not entries:
            reader.problem(_("a choice list is a list of entries with value and label"), raw,
                           name)
            continue
        lists[name] = _read_choices(reader, entries, raw, name)
    return lists


def _read_choices(reader: _Reader, entries: list, parent: LineDict, name: str
                  ) -> tuple[Choice, ...]:
    seen: set[str] = set()
    choices = []
    for entry in entries:
        if not isinstance(entry, LineDict) or "value" not in entry:
            reader.problem(_("each choice needs 'value' and 'label'"), parent, name)
            continue
        value = entry.raw.get("value", entry["value"])
        value = str(value)
        if not _ID.match(value.replace("-", "_")) or value.lower() in _YAML_AMBIGUOUS:
            reader.problem(_("'{value}' cannot be a choice value: use lower-case letters, digits,"
                             " - and _, and not yes/no/on/off").format(value=value),
                           entry, "value", f"{name}.{value}")
        if value in seen:
            reader.problem(_("the value '{value}' appears twice in this list").format(
                value=value), entry, "value", name)
        seen.add(value)
        when = entry.get("when")
        choices.append(Choice(value, reader.localized(entry, "label", f"{name}.{value}"),
                              str(when) if when is not None else None))
    return tuple(choices)


def _read_sections(reader: _Reader, data: LineDict) -> list[Section]:
    sections = []
    for entry in data.get("sections") or []:
        if not isinstance(entry, LineDict) or "id" not in entry:
            reader.problem(_("each section needs 'id' and 'title'"), data, "sections")
            continue
        sections.append(Section(str(entry["id"]), reader.localized(entry, "title",
                                                                   str(entry["id"]))))
    return sections


_QUESTION_KEYS = {"id", "type", "prompt", "help", "section", "choices", "default", "required",
                  "when", "sensitive", "validator", "profile", "feeds", "past", "future", "changes"}
# ``changes`` (commgen update): asked again with its change told, set by the update, or new news.
CHANGES = {True: "yes", "version": "version", "news": "news"}
# ``made_by``: documents another command makes than ``commgen generate``.
MADE_BY = ("update", "history", "evaluate")
# Free text a template prints as typed: it declares the documents or audiences it feeds.
FEEDS_REQUIRED = ("paragraphs",)


def _read_questions(reader: _Reader, data: LineDict, choice_lists: dict[str, tuple[Choice, ...]],
                    section_ids: set[str]) -> list[Question]:
    entries = data.get("questions")
    questions: list[Question] = []
    seen: set[str] = set()
    for entry, qid in reader.entries(
            data, "questions", _QUESTION_KEYS, _("the catalogue needs a list of questions"),
            _("each question needs at least 'id', 'type' and 'prompt'")):
        if not _ID.match(qid) or qid in RESERVED_NAMES:
            reader.problem(_("'{id}' cannot be a question id: use lower-case letters, digits "
                             "and _, starting with a letter").format(id=qid), entry, "id", qid)
        if qid in seen:
            reader.problem(_("the question id '{id}' appears twice").format(id=qid), entry,
                           "id", qid)
        seen.add(qid)
        qtype = str(entry.get("type", ""))
        if qtype not in TYPES:
            reader.problem(_("unknown type '{type}'; allowed: {allowed}").format(
                type=qtype, allowed=", ".join(TYPES)), entry, "type", qid)
        choices: tuple[Choice, ...] = ()
        choices_name = None
        if qtype in ("choice", "multichoice"):
            spec = entry.get("choices")
            if isinstance(spec, str):
                choices_name = spec
                if spec not in choice_lists:
                    reader.problem(_("there is no choice list '{name}'{hint}").format(
                        name=spec, hint=_suggest(spec, list(choice_lists))), entry, "choices",
                        qid)
                choices = choice_lists.get(spec, ())
            elif isinstance(spec, list):
                choices = _read_choices(reader, spec, entry, qid)
            else:
                reader.problem(_("a choice question needs 'choices': the name of a choice list "
                                 "or a list of choices"), entry, "choices", qid)
        if qtype == "names" and not entry.get("sensitive"):
            reader.problem(_("a question of type names must be sensitive: true"), entry, "type",
                           qid)
        section = str(entry.get("section", ""))
        if section_ids and section not in section_ids:
            reader.problem(_("unknown section '{section}'{hint}").format(
                section=section, hint=_suggest(section, sorted(section_ids))), entry, "section",
                qid)
        when = entry.get("when")
        if when is not None:
            when = str(when)
            try:
                names = expression_names(when)
            except TemplateError as exc:
                reader.problem(_("the condition is not a valid expression: {detail}").format(
                    detail=exc), entry, "when", qid)
                names = set()
            earlier = {q.id for q in questions}
            for name in sorted(names - earlier):
                hint = (_(" (it is asked later; move this question after it)") if name in
                        {str(e.get("id")) for e in entries if isinstance(e, LineDict)}
                        else _suggest(name, sorted(earlier)))
                reader.problem(_("the condition names '{name}', which is not an earlier "
                                 "question{hint}").format(name=name, hint=hint), entry, "when",
                               qid)
            failure = conditions.condition_failure(when, {q.id: q for q in questions})
            if failure:
                reader.problem(failure, entry, "when", qid)
        validator = entry.get("validator")
        if validator is not None:
            try:
                compile_expression(str(validator))
            except TemplateError as exc:
                reader.problem(_("the validator is not a valid expression: {detail}").format(
                    detail=exc), entry, "validator", qid)
        question = Question(
            id=qid, type=qtype, prompt=reader.localized(entry, "prompt", qid),
            help=reader.localized(entry, "help", qid, required=False), section=section,
            choices=choices, choices_name=choices_name, default=entry.get("default"),
            required=bool(entry.get("required", False)), when=when,
            sensitive=bool(entry.get("sensitive", False)),
            validator=str(validator) if validator is not None else None,
            profile=str(entry["profile"]) if entry.get("profile") else None,
            feeds=_read_feeds(reader, entry, qid), past=bool(entry.get("past", False)),
            future=bool(entry.get("future", False)),
            changes=_read_changes(reader, entry, qid), line=entry.line, source=reader.path)
        for choice in choices:
            if choice.when:
                _check_choice_when(reader, entry, qid, choice, questions)
        if qtype in TYPES and (failure := conditions.validator_failure(question)):
            reader.problem(failure, entry, "validator", qid)
        questions.append(question)
    return questions


_DOCUMENT_KEYS = {"id", "title", "subject", "audience", "version", "filename", "templates",
                  "when", "plain_text", "made_by"}


def _read_changes(reader: _Reader, entry: LineDict, qid: str) -> str | None:
    value = entry.get("changes")
    if value is None or value is False:
        return None
    if isinstance(value, bool | str) and value in CHANGES:
        return CHANGES[value]
    reader.problem(_("'changes' is true, version or news"), entry, "changes", qid)
    return None


def _check_choice_when(reader: _Reader, entry: LineDict, qid: str, choice: Choice,
                       earlier: list[Question]) -> None:
    assert choice.when
    label = f"{qid}.{choice.value}.when"
    try:
        names = expression_names(choice.when)
    except TemplateError as exc:
        reader.problem(_("the condition is not a valid expression: {detail}").format(
            detail=exc), entry, "choices", label)
        return
    known = {q.id for q in earlier}
    for name in sorted(names - known):
        reader.problem(_("the condition names '{name}', which is not an earlier "
                         "question{hint}").format(name=name, hint=_suggest(name, sorted(known))),
                       entry, "choices", label)
    if not names - known and (failure := conditions.condition_failure(
            choice.when, {q.id: q for q in earlier})):
        reader.problem(failure, entry, "choices", label)


def _read_feeds(reader: _Reader, entry: LineDict, qid: str) -> tuple[str, ...]:
    spec = entry.get("feeds")
    if spec is None:  # every document (the shipped catalogue declares it for FEEDS_REQUIRED)
        return ()
    if not isinstance(spec, list) or not spec:
        reader.problem(_("'feeds' is a list of documents or audiences, e.g. [internal, "
                         "parents-class]"), entry, "feeds", qid)
        return ()
    return tuple(str(item) for item in spec)


def _check_feeds(reader: _Reader, questions: list[Question], documents: list[Document]
                 ) -> None:
    known = sorted({*AUDIENCES, *(doc.id for doc in documents)})
    for question in questions:
        for item in question.feeds:
            if item not in known:
                reader.problems.append(Problem(_(
                    "'feeds' names '{name}', which is neither a document nor an audience"
                    "{hint}").format(name=item, hint=_suggest(item, known)), reader.path,
                    question.line, f"{question.id}.feeds"))


def _read_documents(reader: _Reader, data: LineDict, folder: Path,
                    questions: list[Question]) -> list[Document]:
    by_id = {q.id: q for q in questions}
    question_ids = set(by_id)
    documents: list[Document] = []
    for entry, doc_id in reader.entries(
            data, "documents", _DOCUMENT_KEYS, _("the catalogue needs a list of documents"),
            _("each document needs 'id', 'title', 'audience' and 'templates'")):
        if any(d.id == doc_id for d in documents):
            reader.problem(_("the document id '{id}' appears twice").format(id=doc_id), entry,
                           "id", doc_id)
        audience = str(entry.get("audience", ""))
        if audience not in AUDIENCES:
            reader.problem(_("unknown audience '{audience}'; allowed: {allowed}").format(
                audience=audience, allowed=", ".join(AUDIENCES)), entry, "audience", doc_id)
        templates: dict[str, Path] = {}
        spec = entry.get("templates")
        if not isinstance(spec, LineDict) or not spec:
            reader.problem(_("'templates' maps a language to a .docx file, e.g. nl: "
                             "nl/brief.docx"), entry, "templates", doc_id)
        else:
            for lang, rel in spec.items():
                file = folder / str(rel)
                if not file.resolve().is_relative_to(folder.resolve()):
                    # a set travels between schools: it may not read a file of the computer
                    reader.problem(_("a template must be inside the folder of the template "
                                     "set, not {file}").format(file=rel), spec, lang,
                                   f"{doc_id}.templates.{lang}")
                elif not file.is_file():
                    reader.problem(_("template file not found: {file}").format(file=file), spec,
                                   lang, f"{doc_id}.templates.{lang}")
                templates[str(lang)] = file
        when = entry.get("when")
        if when is not None:
            try:
                unknown = expression_names(str(when)) - question_ids
            except TemplateError as exc:
                reader.problem(_("the condition is not a valid expression: {detail}").format(
                    detail=exc), entry, "when", doc_id)
                unknown = set()
            for name in sorted(unknown):
                reader.problem(_("the condition names '{name}', which is not a question{hint}"
                                 ).format(name=name, hint=_suggest(name, sorted(question_ids))),
                               entry, "when", doc_id)
            failure = conditions.condition_failure(str(when), by_id)
            if failure:
                reader.problem(failure, entry, "when", doc_id)
        filename = localized(entry.get("filename") or doc_id)
        documents.append(Document(
            id=doc_id, title=reader.localized(entry, "title", doc_id),
            subject=localized(entry.get("subject")), audience=audience,
            version=str(entry.get("version", "1")), filename=filename, templates=templates,
            when=str(when) if when is not None else None,
            plain_text=bool(entry.get("plain_text", False)),
            made_by=_read_made_by(reader, entry, doc_id), line=entry.line, source=reader.path))
    return documents


def _read_made_by(reader: _Reader, entry: LineDict, doc_id: str) -> str | None:
    value = entry.get("made_by")
    if value is None:
        return None
    if str(value) not in MADE_BY:
        reader.problem(_("'made_by' is one of: {allowed}").format(allowed=", ".join(MADE_BY)),
                       entry, "made_by", doc_id)
        return None
    return str(value)


def _check_defaults(reader: _Reader, catalog: Catalog, data: LineDict) -> None:
    for question in catalog.questions:
        if is_empty(question.default) or (
                question.type == "date" and question.default in TODAY_WORDS) or (
                question.type == "time" and question.default in NOW_WORDS):
            continue
        try:
            conditions.parse_answer(question, question.default)
        except InvalidAnswer as exc:
            reader.problems.append(Problem(_("the default does not fit: {detail}").format(
                detail=exc), catalog.path, question.line, question.id))
        except CatalogError as exc:  # the validator fails on the default
            reader.problems.extend(exc.problems)
