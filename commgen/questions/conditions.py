"""The catalogue's expressions: ``when`` conditions on questions and documents, and validators.

A condition reads earlier answers. One that cannot be evaluated is a mistake in the
catalogue, never a silent "does not apply": loading tries every condition on representative
answers (each name it reads not answered, and set to typical answers of its question's type)
and reports the first combination that fails, with its line. At run time a condition or a
validator that still fails raises CatalogError as well.

An unanswered question is ``None`` to a condition, an unanswered multiple choice ``[]``
(``QuestionType.unanswered``), so "'x' in audiences" simply does not hold yet, while
"count > 3" must be written "count and count > 3".
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from jinja2 import TemplateError

from commgen.foundation.cache import cached_json
from commgen.foundation.errors import CatalogError, Problem
from commgen.foundation.i18n import _, current_language
from commgen.foundation.jinja import EXPRESSION_ERRORS, compile_expression, expression_names
from commgen.questions.model import Document, Question
from commgen.questions.types import TYPES, InvalidAnswer, is_empty, type_of

# At most this many combinations of answers are tried per condition; beyond it, each name
# is varied on its own while the others are not answered, or all have their first answer.
MAX_COMBINATIONS = 256


def scope(questions: Iterable[Question], values: Mapping[str, Any]) -> dict[str, Any]:
    """What a condition sees: every question's answer, or its type's "not answered"."""
    return {q.id: values[q.id] if values.get(q.id) is not None else type_of(q).unanswered()
            for q in questions}


def _catalog_error(message: str, item: Question | Document) -> CatalogError:
    return CatalogError(_("The catalogue cannot be used:"),
                        [Problem(message, item.source, item.line, item.id)])


def applies(item: Question | Document, questions: Iterable[Question],
            values: Mapping[str, Any]) -> bool:
    """Whether the ``when`` of a question or document holds for the answers so far."""
    if not item.when:
        return True
    try:
        return bool(compile_expression(item.when)(**scope(questions, values)))
    except EXPRESSION_ERRORS as exc:  # a mistake in the catalogue, not in commgen
        raise _catalog_error(_("the condition '{when}' fails: {detail}").format(
            when=item.when, detail=_detail(exc)), item) from None


def run_validator(question: Question, value: Any) -> str:
    """Run a copier-style validator: an expression that gives a message when wrong."""
    assert question.validator
    try:
        result = compile_expression(question.validator)(value=value)
    except EXPRESSION_ERRORS as exc:  # a mistake in the catalogue, not in commgen
        raise _catalog_error(_("the validator of this question fails: {detail}").format(
            detail=_detail(exc)), question) from None
    return str(result).strip() if result else ""


def _validated(question: Question, result: Any) -> Any:
    if question.validator and not is_empty(result):
        message = run_validator(question, result)
        if message:
            raise InvalidAnswer(message)
    return result


def parse_answer(question: Question, value: Any, raw: str | None = None,
                 base: Path | None = None) -> Any:
    """Check one answer against its type and validator; the typed value or InvalidAnswer."""
    return _validated(question, type_of(question).parse(question, value, raw, base))


def parse_typed(question: Question, text: str) -> Any:
    """The same for an answer typed at the terminal (choices also by number)."""
    return _validated(question, type_of(question).parse_typed(question, text))


def _detail(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


def _literal(question: Question, value: Any) -> str:
    """A sample answer as a catalogue author would write it in a condition."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(question, v) for v in value) + "]"
    return type_of(question).display(question, value)


def _options(question: Question) -> list[Any]:
    return [type_of(question).unanswered(), *type_of(question).samples(question)]


def representative_answers(names: Iterable[str], questions: Mapping[str, Question]
                           ) -> Iterator[dict[str, Any]]:
    """Combinations of answers for ``names``: all of them up to MAX_COMBINATIONS, else each
    name varied on its own (the others not answered, then the others at their first answer)."""
    names = sorted(names)
    options = [_options(questions[name]) for name in names]
    if math.prod(len(o) for o in options) <= MAX_COMBINATIONS:
        for values in itertools.product(*options):
            yield dict(zip(names, values, strict=True))
        return
    for base in ([o[0] for o in options], [o[1] if len(o) > 1 else o[0] for o in options]):
        for i, name in enumerate(names):
            for option in options[i]:
                yield {**dict(zip(names, base, strict=True)), name: option}


def _described(values: Mapping[str, Any], questions: Mapping[str, Question]) -> str:
    parts = []
    for name, value in values.items():
        question = questions[name]
        if is_empty(value):
            parts.append(_("'{name}' is not answered").format(name=name))
        else:
            parts.append(_("'{name}' is {value}").format(name=name,
                                                         value=_literal(question, value)))
    return ", ".join(parts)


def condition_failure(condition: str, questions: Mapping[str, Question]) -> str | None:
    """Why ``condition`` cannot be evaluated for some answers, or None when it always can.

    ``questions`` are the questions it may read; a condition that names others, or one of
    an unknown type, or is not an expression, is reported by the catalogue loader and not
    tried here. The answer depends only on the condition and the types and choices of the
    questions it names, so it is kept in the user cache for the next run.
    """
    try:
        names = expression_names(condition)
    except TemplateError:
        return None
    named = [questions[n] for n in sorted(names) if n in questions]
    parts = [current_language(), condition, *(f"{q.id}:{q.type}:" + ",".join(
        c.value for c in q.choices) for q in named)]
    return cached_json("conditions", parts, lambda: _condition_failure(condition, questions))


def _condition_failure(condition: str, questions: Mapping[str, Question]) -> str | None:
    try:
        names = expression_names(condition)
        evaluate = compile_expression(condition)
    except TemplateError:
        return None
    if not names <= set(questions) or any(questions[n].type not in TYPES for n in names):
        return None
    for values in representative_answers(names, questions):
        try:
            evaluate(**values)
        except EXPRESSION_ERRORS as exc:  # a mistake in the catalogue, not in commgen
            return _("the condition '{when}' fails when {values}: {detail}").format(
                when=condition, values=_described(values, questions), detail=_detail(exc))
    return None


def validator_failure(question: Question) -> str | None:
    """Why the validator of ``question`` cannot be evaluated for a typical answer, if so."""
    if not question.validator:
        return None
    try:
        evaluate = compile_expression(question.validator)
    except TemplateError:
        return None
    for value in type_of(question).samples(question):
        try:
            evaluate(value=value)
        except EXPRESSION_ERRORS as exc:  # a mistake in the catalogue, not in commgen
            return _("the validator '{validator}' fails for the answer {value}: {detail}"
                     ).format(validator=question.validator, value=_literal(question, value),
                              detail=_detail(exc))
    return None
