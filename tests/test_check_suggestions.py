"""Taking a finding's suggestion keeps the sentence Dutch: the whole passage is replaced and
the words around it are never said twice ("een leerling een leerling", found in a user
trial)."""

from __future__ import annotations

from itertools import pairwise

import pytest

from commgen.app.answercheck import check_answers, replace_passage
from commgen.checks.run import make_checker
from commgen.checks.suggest import apply_suggestion


def _take(text: str, passage: str, suggestion: str) -> str:
    start = text.index(passage)
    return apply_suggestion(text, start, start + len(passage), suggestion)


@pytest.mark.parametrize(("text", "passage", "suggestion", "expected"), [
    ("Het gaat om een leerling Sanne uit 2B.", "Sanne", "een leerling",
     "Het gaat om een leerling uit 2B."),
    ("Een leerling, Sanne, heeft de foto gedeeld.", "Sanne", "een leerling",
     "Een leerling heeft de foto gedeeld."),
    ("Sanne is vandaag thuis.", "Sanne", "een leerling", "Een leerling is vandaag thuis."),
    ("Wij spraken met Sanne en haar ouders.", "Sanne", "een leerling",
     "Wij spraken met een leerling en haar ouders."),
    ("Wij spraken met de Sanne van 2B.", "Sanne", "een leerling",
     "Wij spraken met de leerling van 2B."),
    ("Het gaat om een leerling (14) uit de brugklas.", "(14)", "een leerling",
     "Het gaat om een leerling uit de brugklas."),
    ("Toen Sanne & co.", "Sanne", "de leerling", "Toen de leerling & co."),
])
def test_a_suggestion_replaces_the_passage_without_repeating_words(
        text: str, passage: str, suggestion: str, expected: str) -> None:
    assert _take(text, passage, suggestion) == expected


def test_every_suggestion_the_check_makes_on_a_sentence_reads_once() -> None:
    """The check's own findings and suggestions: no word pair of the suggestion twice."""
    checker = make_checker()
    text = "Het gaat om een leerling Daan (14) uit de klas van meneer Jansen."
    findings = [f for f in checker.check(text) if f.suggestion]
    assert findings
    for finding in findings:
        changed = apply_suggestion(text, finding.start, finding.end, finding.suggestion or "")
        words = changed.lower().split()
        pairs = list(pairwise(words))
        assert len(pairs) == len(set(pairs)), (finding.text, changed)


def test_taking_a_suggestion_in_an_answer_is_grammatical(catalog) -> None:  # type: ignore[no-untyped-def]
    values = {"situation_extra": ["Een leerling, Daan Vermeulen, deelde het beeld."]}
    found = [f for f in check_answers(catalog, values) if f.finding.category == "name"]
    assert found, "the name is found"
    item = found[0]
    question = catalog.by_id["situation_extra"]
    changed = replace_passage(question, values["situation_extra"], item.finding,
                              item.finding.suggestion or "")
    assert changed == ["Een leerling deelde het beeld."]
