"""The kinds of round det14d, each by its structure: a home described by the person ("bij X
thuis"), a workplace, school or shop that points to a person, a place of birth, a street
without a number; an age after "ik ben" or in brackets with more after it; a licence plate, a
police case number, a pupil number with a name between; a suspect or a crime named as fact
about this case. The false alarms they must not make are fixed by their reason: a day with a
time, a rule for everyone ("wie ..., pleegt"), who decides, a group in general, an ordinary
word in lower-case text. The sentences are new ones, written for the kind, not from a corpus."""

from __future__ import annotations

import pytest

from tests.conftest import errors_of


@pytest.mark.parametrize("category,text,expected", [
    # address: a home, a workplace, a club, a school, a shop, a place of birth, a bare street
    ("address", "De foto's zijn gemaakt bij lotte thuis na het zwemmen.", "lotte thuis"),
    ("address", "Haar stiefvader werkt als monteur bij Vermeulen Techniek in Dronten.",
     "Vermeulen"),
    ("address", "Zijn moeder zit tegenwoordig weer in Tilburg.", "Tilburg"),
    ("address", "Het gezin dat sinds maart aan de Lindeboom in Hatert woont, is geschrokken.",
     "Lindeboom"),
    ("address", "Die buurjongen Verhoef uit de Kruiskamp stuurde het door.", "Kruiskamp"),
    ("address", "Haar broer zit nu op het Jeroen Bosch College.", "Jeroen Bosch"),
    ("address", "Mijn buurman woont in de Pelikaanstraat, vlak bij het park.", "Pelikaanstraat"),
    ("address", "Zij is geboren in 2012 in Groningen en later verhuisd.", "Groningen"),
    ("address", "Zijn oom heeft een kapsalon aan de Markt in Veghel.", "Markt"),
    # age
    ("age", "sorry mevrouw ik ben 13 en ik wist het niet", "13"),
    ("age", "Zijn nicht (17, werkt bij de bakker) heeft het gezien.", "17"),
    ("age", "In de groep zaten Tom (B2c, 15) en zijn vriend.", "15"),
    ("age", "De politie doet niets, want hij is nog jonger dan twaalf.", "twaalf"),
    # id-number
    ("id-number", "De scooter met kenteken DX-417-K stond voor de deur.", "DX-417"),
    ("id-number", "Het dossier heet bij de politie (zaak PL1200-2026771204) nog open.",
     "PL1200-2026771204"),
    ("id-number", "leerlingnr daan 48213 graag uit het systeem halen", "48213"),
    # legal-term
    ("legal-term", "Uit het gesprek bleek dat de politie twee verdachten heeft gehoord.",
     "verdachten"),
    ("legal-term", "De jongen kreeg gisteren een proces-verbaal van de wijkagent.",
     "proces-verbaal"),
    ("legal-term", "Uit wat ik hoorde blijkt dat het hier om een strafbaar feit gaat.",
     "strafbaar feit gaat"),
    ("legal-term", "De klasgenoot die de beelden heeft vervaardigd, is geschorst.", "vervaardigd"),
])
def test_a_kind_is_found_by_its_structure(checker, category: str, text: str,
                                         expected: str) -> None:
    found = errors_of(checker, text, category)
    assert any(expected in f or f in expected for f in found), (text, found)


@pytest.mark.parametrize("category,text", [
    # a day with a time is no date of birth
    ("birthdate", "informatieavond di 8 dec 20.00 in de mediatheek"),
    ("birthdate", "Het spreekuur is op vr 11 dec 13.30 bij de zorgcoördinator."),
    # a rule for everyone, and who decides
    ("legal-term", "Wie zo'n foto van een klasgenoot doorstuurt, pleegt een strafbaar feit."),
    ("legal-term", "De officier van justitie bepaalt of een zaak wordt vervolgd, niet wij."),
    ("legal-term", "Bureau Halt helpt jongeren die een klein strafbaar feit hebben gepleegd."),
    # a suspicious message is not a suspect
    ("legal-term", "Verdachte berichten kun je altijd bij de mentor melden."),
    # a home or place in general
    ("address", "Praat er bij u thuis rustig over met uw kind."),
    ("address", "Als je bij een vriendin thuis bent, mag je ook bellen."),
    # a list of days in brackets is no age
    ("age", "De gesprekken (14, 15 en 16 december) gaan door."),
    ("age", "Zie bladzijde (hoofdstuk 3, 12) van de gids."),
    # ordinary words in quickly typed text
    ("name", "niks delen en erin blijven praten met je mentor"),
])
def test_the_same_words_in_general_pass(checker, category: str, text: str) -> None:
    assert not errors_of(checker, text, category), text
