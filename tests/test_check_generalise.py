"""The check by kind of sentence (round detect9): claims said as fact, relatives, named places,
and what is allowed by its form. Each case is a sentence no rule was written for word by word:
the kind must carry it."""

from __future__ import annotations

import pytest

from commgen.checks.allow import phrase_spans
from commgen.foundation.concepts import WARNING
from tests.conftest import errors_of


@pytest.mark.parametrize("text,category", [
    # a claim said as fact: who did it, how it spread, what will happen, hearsay
    ("Mijn buurvrouw zegt dat de jongen die filmde al weken rondliep met die telefoon.",
     "speculation"),
    ("Stijn heeft hem daarna op het schoolplein aan een paar vrienden laten zien.",
     "speculation"),
    ("De politie heeft zijn laptop in beslag genomen.", "speculation"),
    ("Hij krijgt zeker een taakstraf, dat weet ik van een kennis.", "speculation"),
    ("Er gaat niets meer rond, alles is van internet gehaald.", "speculation"),
    ("Het zou me niks verbazen als er nog een tweede filmpje is.", "speculation"),
    ("Hij wist gewoon niet beter, hij is pas twaalf.", "speculation"),
    ("Bram heeft toegegeven dat hij de groep beheerde.", "speculation"),
    # a place where a pupil is found
    ("Ze traint elke woensdag op Sportpark Zuiderlicht.", "address"),
    ("Het gesprek was bij hen thuis aan de Boergoensevliet.", "address"),
    ("De jongen woont in een flat achter het Griftpark.", "address"),
    ("Ze logeert bij familie aan de Lange Haven 77.", "address"),
])
def test_a_sentence_of_a_kind_is_found(checker, text: str, category: str) -> None:
    assert errors_of(checker, text, category), text


@pytest.mark.parametrize("text", [
    "Kinderen onder de twaalf kunnen in Nederland niet strafrechtelijk worden vervolgd.",
    "Op 19 november hoorden wij dat er een beeld werd verspreid.",
    "Volgens Offlimits gebeurt afpersing vaak via Instagram en Snapchat.",
    "De school kan niet beloven dat een beeld nooit meer ergens opduikt.",
    "Geruchten over leerlingen helpen niemand; wilt u ze niet doorgeven?",
])
def test_the_law_what_the_school_knows_and_general_figures_are_no_speculation(
        checker, text: str) -> None:
    assert not errors_of(checker, text, "speculation"), text


def test_one_relative_is_an_error_and_a_bare_kinship_word_a_warning(checker) -> None:
    assert errors_of(checker, "De moeder belde vanochtend over de brief.", "relation")
    assert errors_of(checker, "Ze woont bij haar ouders in een flat.", "relation")
    assert errors_of(checker, "Ouders zeggen dat de ouders van de jongen het weten.", "relation")
    bare = [f for f in checker.check("Oma belde om 9 uur.") if f.category == "relation"]
    assert bare and {f.severity for f in bare} == {WARNING}
    # what commgen writes itself: the parents of all pupils, of 'the pupil'
    assert not errors_of(checker, "Het kind en zijn of haar ouders krijgen hulp.", "relation")
    assert not errors_of(checker, "Met de ouders van de leerling is dit afgesproken.", "relation")


@pytest.mark.parametrize("text,category", [
    ("Vermijd in appjes woorden als ‘sekstape’ of ‘naaktschandaal’.", "sensational"),
    ("Een zin als ‘bewaar het als bewijs’ hoort niet in een brief.", "evidence"),
    ("Het nummer 0800-0432 is gratis en anoniem.", "address"),
    ("De wijkagent van Charlois komt in de klas vertellen over veilig online zijn.", "name"),
    ("Bijna elk kind van twaalf heeft tegenwoordig een smartphone.", "age"),
    ("Wij willen geen heksenjacht en vragen u niet op de zaak vooruit te lopen.",
     "sensational"),
])
def test_what_is_allowed_by_its_form_is_no_error(checker, text: str, category: str) -> None:
    assert not errors_of(checker, text, category), text


def test_het_and_a_capital_is_a_school_not_a_pupil(checker) -> None:
    assert not errors_of(checker, "Zij zit op het Carolus en hij op een andere school.", "name")
    assert not errors_of(checker, "Het Carolus heeft de ouders ook een brief gestuurd.", "name")
    # 'het' as a pronoun: it was Jesse
    assert errors_of(checker, "Iedereen weet dat het Jesse was.", "name")


def test_an_allowed_phrase_may_be_a_pattern_and_a_broken_one_is_read_literally() -> None:
    text = "Gebruik geen woorden als ‘schandaal’ in een brief."
    spans = phrase_spans(text, ["~woorden\\s+als\\s+‘[^’]+’"])
    assert [text[a:b] for a, b in spans] == ["woorden als ‘schandaal’"]
    assert phrase_spans("een (kapot patroon", ["~(kapot patroon"]) == [(4, 18)]
    idiom = "geen Jantje-van-Leiden"
    assert [idiom[a:b] for a, b in phrase_spans(idiom, ["Jantje van Leiden"])] \
        == ["Jantje-van-Leiden"]
