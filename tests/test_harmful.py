"""Harmful instructions (look at, keep, save, show, screenshot, forward or collect the material
as evidence) are an error for every audience, with the safe alternative."""

from __future__ import annotations

import pytest

from commgen.checks.load import checker_from_answers
from commgen.foundation.concepts import AUDIENCES, ERROR
from tests.conftest import TEMPLATES

RULES = TEMPLATES.parent / "snippets" / "nl"

HARMFUL = [
    "Bekijk het beeld even om te weten waar het over gaat.",
    "Bewaar het filmpje, de politie wil het misschien zien.",
    "Laat uw kind het filmpje aan u zien.",
    "Maak een screenshot van het bericht voor de school.",
    "Stuur de foto door aan de mentor.",
    "Verzamel zoveel mogelijk bewijs voordat u naar school komt.",
    "Kijk samen naar het filmpje.",
]
SAFE = [
    "Bekijk het beeld niet.",
    "Bewaar het niet.",
    "Bekijk het beeld nooit, vraag er niet om en stuur het nooit door.",
    "Vraag uw kind het beeld niet te bekijken en niet door te sturen.",
    "Heeft uw kind het beeld? Laat het niet aan u zien, maar vraag uw kind het te verwijderen.",
    "Bekijken, bewaren en doorsturen is strafbaar, ook voor jongeren.",
]


def _checker():  # type: ignore[no-untyped-def]
    return checker_from_answers({}, RULES)


@pytest.mark.parametrize("text", HARMFUL)
def test_harmful_advice_is_an_error_for_every_audience(text: str) -> None:
    checker = _checker()
    for audience in AUDIENCES:
        found = [f for f in checker.for_audience(audience).check(text)
                 if f.category == "harmful"]
        assert found and found[0].severity == ERROR, (audience, text)
        assert "verwijder het" in (found[0].suggestion or "")


@pytest.mark.parametrize("text", SAFE)
def test_the_safe_advice_is_clean(text: str) -> None:
    checker = _checker()
    for audience in AUDIENCES:
        assert [f for f in checker.for_audience(audience).check(text)
                if f.category == "harmful"] == [], (audience, text)
