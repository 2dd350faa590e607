"""Answers files: YAML that a person can read and edit, checked against the catalogue.

Top-level keys are question ids. Keys starting with ``_`` belong to commgen itself
(``_commgen``: the format version; ``_commgen_accepted``: per question the reason the user gave
for keeping an answer the privacy check found a problem in, and ``_commgen_drafts``: the text
being typed when the interview was stopped). Every problem in the file is reported at once, with its
line, so that a communications officer under pressure fixes the file in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from commgen.foundation.errors import AnswersError, Problem
from commgen.foundation.files import write_atomic
from commgen.foundation.i18n import _, current_language
from commgen.foundation.yamlfile import LineDict, load_mapping
from commgen.questions.catalog import Catalog, Question, closest, text_for
from commgen.questions.conditions import parse_answer
from commgen.questions.guard import GuardedNames, names_key_missing, names_weak
from commgen.questions.types import InvalidAnswer, is_empty, to_yaml_value, type_of

FORMAT_KEY = "_commgen"
FORMAT_VERSION = 1
ACCEPTED_KEY = "_commgen_accepted"
DRAFTS_KEY = "_commgen_drafts"
META_KEYS = {FORMAT_KEY, ACCEPTED_KEY, DRAFTS_KEY}


@dataclass
class Answers:
    """Typed answers for the questions that apply; ``None`` for an optional one left open."""

    values: dict[str, Any]
    path: Path | None = None
    notes: list[Problem] = field(default_factory=list)  # warnings that did not stop the run
    accepted: dict[str, str] = field(default_factory=dict)  # question id -> reason kept

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def load_answers(path: Path, catalog: Catalog) -> Answers:
    """Read ``path`` and check it; raise AnswersError with every problem found."""
    return validate_answers(read_answers_file(path), catalog, path)


def read_answers_file(path: Path) -> LineDict:
    """The raw ``question: answer`` lines of an answers file, or AnswersError."""
    data, problems = load_mapping(path, missing=_("file not found"), shape=_(
        "the file must consist of lines 'question: answer'"))
    if problems:
        raise AnswersError(_("The answers file cannot be used:"), problems)
    return data


def validate_answers(data: LineDict, catalog: Catalog, path: Path | None = None) -> Answers:
    """Check raw answers against the catalogue, in catalogue order, honouring ``when``."""
    problems: list[Problem] = []
    notes: list[Problem] = []
    for key in data:
        if str(key) in catalog.by_id or str(key) in META_KEYS:
            continue
        # a spelling hint for the first few (thousands of unknown keys are not typos)
        close = closest(str(key), list(catalog.by_id)) if len(problems) < 20 else None
        hint = _("did you mean '{name}'?").format(name=close) if close else _(
            "remove it, or check the spelling against the question ids in catalog.yaml")
        problems.append(Problem(_("unknown question; {hint}").format(hint=hint), path,
                                data.line_of(key), str(key)))
    version = data.get(FORMAT_KEY, FORMAT_VERSION)
    if version != FORMAT_VERSION:
        problems.append(Problem(_("this file is for format {found}; this commgen reads format "
                                  "{version}").format(found=version, version=FORMAT_VERSION),
                                path, data.line_of(FORMAT_KEY), FORMAT_KEY))

    values: dict[str, Any] = {}
    for question in catalog.questions:
        if not catalog.applies(question, values):
            if question.id in data and not is_empty(data[question.id]):
                notes.append(Problem(_("this answer is not used, because the question does not "
                                       "apply to the other answers"), path,
                                     data.line_of(question.id), question.id))
            values[question.id] = None
            continue
        values[question.id] = _one_answer(question, catalog, data, path, problems)
        names = values[question.id]
        if isinstance(names, GuardedNames) and names:
            where = (path, data.line_of(question.id), question.id)
            if names.weak:
                notes.append(Problem(names_weak(), *where))
            elif not names.available:
                problems.append(Problem(names_key_missing(), *where))
    accepted = read_meta_mapping(data, ACCEPTED_KEY, path, problems)
    if problems:
        raise AnswersError(_("The answers file cannot be used:"), problems)
    return Answers(values, path, notes, accepted)


def read_meta_mapping(data: LineDict, key: str, path: Path | None, problems: list[Problem]
                      ) -> dict[str, str]:
    """A ``question id: text`` mapping under one of commgen's own keys."""
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        problems.append(Problem(_("expected lines 'question: text' under this key"), path,
                                data.line_of(key), key))
        return {}
    return {str(k): v for k, v in value.items()}


def _one_answer(question: Question, catalog: Catalog, data: LineDict, path: Path | None,
                problems: list[Problem]) -> Any:
    line = data.line_of(question.id) if question.id in data else None
    value = data.get(question.id)
    if not is_empty(value):
        try:  # a relative file name counts from the answers file
            parsed = parse_answer(question, value, data.raw.get(question.id),
                                  base=path.parent if path else Path.cwd())
        except InvalidAnswer as exc:
            problems.append(Problem(str(exc), path, line, question.id))
            return None
        if not is_empty(parsed):
            return parsed
    default = default_value(question, catalog)
    if default is not None:
        return default
    if question.required:
        problems.append(Problem(_("an answer is required ({prompt})").format(
            prompt=text_for(question.prompt, current_language())), path, line, question.id))
    return None


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a readable ``|`` block instead of a quoted string with escapes."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_answers(catalog: Catalog, answered: dict[str, Any], header: list[str],
                 meta: dict[str, dict[str, str]] | None = None) -> str:
    """An answers file a person can read: the question as a comment above each answer.

    ``answered`` maps question ids to typed values; a key with ``None`` was asked and left
    empty, and is written as an empty answer so that a resumed interview does not ask again.
    """
    lang = current_language()
    lines = [f"# {line}" if line else "#" for line in header]
    lines += [f"{FORMAT_KEY}: {FORMAT_VERSION}"]
    for key, mapping in (meta or {}).items():
        if mapping:
            lines.append(yaml.dump({key: dict(mapping)}, Dumper=_Dumper, allow_unicode=True,
                                   sort_keys=False, default_flow_style=False,
                                   width=100).rstrip("\n"))
    lines.append("")
    section = None
    for question in catalog.questions:
        if question.id not in answered:
            continue
        if question.section != section:
            section = question.section
            title = next((text_for(s.title, lang) for s in catalog.sections if s.id == section),
                         section)
            lines += ["", f"# --- {title}"]
        lines.append(f"# {text_for(question.prompt, lang)}")
        value = answered[question.id]
        if value is None:
            lines.append(f"{question.id}:")
            continue
        dumped = yaml.dump({question.id: to_yaml_value(question, value)}, Dumper=_Dumper,
                           allow_unicode=True, sort_keys=False, default_flow_style=False,
                           width=100)
        lines.append(dumped.rstrip("\n"))
    return "\n".join(lines) + "\n"


def save_answers(path: Path, catalog: Catalog, answered: dict[str, Any], header: list[str],
                 meta: dict[str, dict[str, str]] | None = None) -> None:
    """Write an answers file atomically, readable by its owner only (it is a draft of a
    confidential statement). ``meta``: commgen's own mappings (``ACCEPTED_KEY``, ...)."""
    write_atomic(path, dump_answers(catalog, answered, header, meta).encode("utf-8"),
                 private=True)



def default_value(question: Question, catalog: Catalog) -> Any:
    """The catalogue's default, typed; ``today`` is the day of generation for dates."""
    return type_of(question).default_value(question)
