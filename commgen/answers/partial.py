"""Answers given in part: a draft answers file (``--resume``, ``--answers``) and ``--set``.

Unlike ``load_answers``, nothing here needs every question: what is present is checked, what
is missing is asked later. Every problem is reported at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from commgen.answers.answersfile import (
    ACCEPTED_KEY,
    DRAFTS_KEY,
    META_KEYS,
    SCHOOL_KEY,
    read_answers_file,
    read_meta_mapping,
    school_answers,
)
from commgen.foundation.errors import AnswersError, Problem
from commgen.foundation.i18n import _
from commgen.questions.catalog import Catalog, Question
from commgen.questions.conditions import parse_answer
from commgen.questions.guard import GuardedNames, names_key_missing, names_weak
from commgen.questions.types import InvalidAnswer, is_empty, match_choice


def read_meta(path: Path) -> dict[str, dict[str, str]]:
    """commgen's own mappings in a (draft) answers file: accepted findings, drafts."""
    data = read_answers_file(path)
    problems: list[Problem] = []
    meta = {key: read_meta_mapping(data, key, path, problems)
            for key in (ACCEPTED_KEY, DRAFTS_KEY)}
    if problems:
        raise AnswersError(_("The answers file cannot be used:"), problems)
    return meta


def read_answers(path: Path, catalog: Catalog, notes: list[Problem] | None = None
                 ) -> dict[str, Any]:
    """Read a possibly incomplete answers file; every answer present is checked. Names that
    cannot be recognised on this computer, or that an older commgen saved weakly, are left out
    so that they are asked again; ``notes`` says why."""
    data = read_answers_file(path)
    problems: list[Problem] = []
    answered: dict[str, Any] = dict(school_answers(data, catalog, path))
    for key, value in data.items():
        if key in META_KEYS or key == SCHOOL_KEY:
            continue
        question = catalog.by_id.get(str(key))
        if question is None:
            problems.append(Problem(_("unknown question; {hint}").format(
                hint=_("remove it, or check the spelling against the question ids in "
                       "catalog.yaml")), data.source_of(key, path), data.line_of(key),
                                    str(key)))
            continue
        if is_empty(value) and question.id in answered:
            continue  # the school profile's answer
        answered[question.id] = _parse(question, value, data.raw.get(key),
                                       data.source_of(key, path), data.line_of(key), problems)
        names = answered[question.id]
        if isinstance(names, GuardedNames) and (names.weak or not names.available):
            del answered[question.id]  # asked again, so that they are saved with a key here
            if notes is not None:
                notes.append(Problem(names_weak() if names.weak else names_key_missing(),
                                     data.source_of(key, path), data.line_of(key), question.id))
    if problems:
        raise AnswersError(_("The answers file cannot be used:"), problems)
    return answered


def _parse(question: Question, value: Any, raw: str | None, path: Path | None,
           line: int | None, problems: list[Problem]) -> Any:
    if is_empty(value):
        return None
    try:  # a file counts from the answers file it came from, kept absolute
        parsed = parse_answer(question, value, raw, base=path.parent if path else Path.cwd())
    except InvalidAnswer as exc:
        problems.append(Problem(str(exc), path, line, question.id))
        return None
    return None if is_empty(parsed) else parsed


def _several(question: Question, value: Any) -> Any:
    """``--set spread=few,one_class``: the choices, when the whole text is no choice and each
    part separated by commas is one (so it cannot be read two ways); else the value as it is."""
    if not isinstance(value, str) or "," not in value:
        return value
    try:
        match_choice(question, value)
        return value
    except InvalidAnswer:
        pass
    try:
        return [match_choice(question, part) for part in value.split(",") if part.strip()]
    except InvalidAnswer:
        return value


def parse_settings(settings: tuple[str, ...], catalog: Catalog) -> dict[str, Any]:
    """``--set key=value``; the value is read as YAML, so lists work: ``actions=[lesson]``."""
    import yaml

    answered: dict[str, Any] = {}
    problems: list[Problem] = []
    for setting in settings:
        key, sep, text = setting.partition("=")
        key = key.strip()
        question = catalog.by_id.get(key)
        if not sep or question is None:
            problems.append(Problem(_("use --set question=answer with a question id from the "
                                      "catalogue"), key=key or setting))
            continue
        if question.sensitive:  # never echo or keep it: the value is in the shell history
            problems.append(Problem(_("names are typed at the question (they are not shown) "
                                      "or kept in an answers file, never given with --set: the "
                                      "shell history and the process list would keep them"),
                                    key=key))
            continue
        try:
            value = yaml.safe_load(text) if text.strip() else None
        except yaml.YAMLError:
            value = text
        raw = text if isinstance(value, bool | int | float) or value is None else None
        if question.type != "multichoice":
            answered[key] = _parse(question, value, raw, None, None, problems)
            continue
        found: list[Problem] = []
        answered[key] = _parse(question, _several(question, value), raw, None, None, found)
        problems += [Problem(p.message + " " + _(
            "Several answers are written in square brackets: --set {key}=[{example}]").format(
                key=key, example=", ".join(c.value for c in question.choices[:2])), key=p.key)
            for p in found]
    if problems:
        raise AnswersError(_("The --set values cannot be used:"), problems)
    return answered
