"""The structured kinds by structure (round detect10b): class and team codes in any order of
year and level letters, clubs and chats by their name, evidence in every grammatical form, ages
tied to a pupil, named local places, names from context; and what passes by what it is. The
sentences are new ones, written for the kind, not taken from a corpus."""

from __future__ import annotations

import pytest

from commgen.checks.allow import AllowList
from commgen.checks.run import make_checker
from tests.conftest import errors_of


@pytest.mark.parametrize("text,expected", [
    ("Een meisje uit 4VK-c heeft het bericht gekregen.", "4VK-c"),
    ("Joep uit 2hc heeft het doorgestuurd.", "2hc"),
    ("De leerlingen van PrO 2 hebben een les gehad.", "PrO 2"),
    ("Hij zit in de mentorgroep van 1a/1b.", "1a/1b"),
    ("Zij speelt bij de MB2 van Hockeyclub Vlietland.", "MB2"),
    ("Ze zit bij zwemvereniging De Dolfijn in de wedstrijdgroep.", "zwemvereniging De Dolfijn"),
    ("Het filmpje stond in de groepsapp ‘Brugklas Boys’.", "Brugklas Boys"),
    ("Het kanaal heette toen nog ‘Zuidoost Leaks’.", "Zuidoost Leaks"),
    ("Hij zat met haar in dezelfde zwemgroep.", "dezelfde zwemgroep"),
    ("Het gaat om een jongen uit de metaalgroep.", "metaalgroep"),
])
def test_a_group_is_found_by_its_structure(checker, text: str, expected: str) -> None:
    assert any(expected in found or found in expected
               for found in errors_of(checker, text, "group")), text


@pytest.mark.parametrize("text", [
    "In groep 5 en 6 krijgen alle kinderen elk jaar les over online veiligheid.",
    "Vragen gaan naar de mentor, niet naar de klassenapp.",
    "Het docententeam van De Regenboog komt vanavond bij elkaar.",
    "De zorgcoördinator zit in kamer 2.07.",
])
def test_a_group_in_general_passes(checker, text: str) -> None:
    assert not errors_of(checker, text, "group"), text


@pytest.mark.parametrize("text", [
    "Leerlingen is gevraagd de video aan de teamleider te laten zien.",
    "Graag een schermafbeelding via de schoolapp.",
    "NIET VERWIJDEREN, de wijkagent komt vanmiddag kijken.",
    "Het is belangrijk dat het filmpje nergens wordt verwijderd totdat de politie het heeft.",
    "Stuur de screenshots van de chat naar mevrouw De Vries.",
    "Neem een schermopname van het profiel voordat het verdwijnt.",
])
def test_evidence_in_every_form(checker, text: str) -> None:
    assert errors_of(checker, text, "evidence"), text


@pytest.mark.parametrize("text", [
    "Als iemand je onder druk zet met een beeld, betaal dan niet.",
    "Telegram bewaart foto's soms vanzelf op je telefoon; zet dat uit.",
    "Meld het account bij het platform, zonder zelf het beeld te bewaren.",
    "Bewaar de foto niet op een stick, in de cloud of op een laptop.",
    "Praat in de klas over de vraag ‘mag ik dit doorsturen?’.",
])
def test_advice_against_keeping_it_passes(checker, text: str) -> None:
    assert not errors_of(checker, text, "evidence"), text


@pytest.mark.parametrize("text,expected", [
    ("Slachtoffer: meisje, 13, brugklas.", "13"),
    ("Haar zusje van acht heeft het ook gezien.", "acht"),
    ("Hij is geboren in 2011 en is dus al veertien.", "veertien"),
    ("Niemand wist dat ze pas 13 was; ik hoorde dat hij 16 is.", "16"),
])
def test_an_age_tied_to_a_pupil(checker, text: str, expected: str) -> None:
    assert any(expected in found for found in errors_of(checker, text, "age")), text


@pytest.mark.parametrize("text", [
    "Kinderen van 12 jaar en ouder kunnen zelf bellen.",
    "Drie leerlingen van 3 havo hebben een gesprek gehad.",
])
def test_an_age_of_everyone_passes(checker, text: str) -> None:
    assert not errors_of(checker, text, "age"), text


def test_a_named_place_is_marked_and_the_schools_own_place_passes() -> None:
    allow = AllowList()
    allow.add_profile({"name": "Het Baken College", "place": "Amersfoort"})
    checker = make_checker(allow=allow)
    assert "Hoogland" in errors_of(checker, "Het gaat om een jongen uit Hoogland.", "address")
    assert "Schothorst" in errors_of(checker, "Ze hangt vaak rond in de wijk Schothorst.",
                                   "address")
    assert not errors_of(checker, "Het gaat om een leerling uit Amersfoort.", "address")


@pytest.mark.parametrize("text,expected", [
    ("Vader Kowalczyk heeft gisteren gebeld.", "Kowalczyk"),
    ("Leerlingnummer Amira: 230417.", "Amira"),
    ("‘daannn heeft het gedeeld’", "daannn"),
])
def test_a_name_from_its_context(checker, text: str, expected: str) -> None:
    assert any(expected in found for found in errors_of(checker, text, "name")), text
