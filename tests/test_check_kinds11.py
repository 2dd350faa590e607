"""The structured kinds of round detect11b, each by what makes it one and not by a phrase:
teams, clubs and team chats, usernames run together with capitals and channel tags, evidence
kept or handed in for a purpose, ages after time words or a name; and the false alarms fixed by
their reason (a negation inside the sentence, the ages of a group, a whole year, the school's own
words for the pupil's parents). The sentences are new ones, written for the kind, not taken
from a corpus."""

from __future__ import annotations

import pytest

from tests.conftest import errors_of


@pytest.mark.parametrize("category,text,expected", [
    ("group", "Het filmpje kwam in de teamchat van de zaterdagploeg terecht.", "teamchat"),
    ("group", "Ze speelt al drie jaar bij vv Rood-Wit Veenendaal.", "vv Rood-Wit Veenendaal"),
    ("group", "De jongens uit de B2 hebben het bekeken.", "B2"),
    ("group", "Noor Bakker, 13, 4G.", "4G"),
    ("group", "Iemand uit het tweede elftal stuurde het door.", "tweede elftal"),
    ("group", "Hij zat vorig jaar nog op het Vecht-college.", "Vecht-college"),
    ("handle", "In de lobby noemde hij zich KoningKlaasNL.", "KoningKlaasNL"),
    ("handle", "Het stond in #ouders-klas-3 op de server.", "#ouders-klas-3"),
    ("handle", "Op Fortnite heet hij DaanTheGamer.", "DaanTheGamer"),
    ("evidence", "Ik heb het filmpje op een stick gezet, zodat de politie het kan bekijken.",
     "zodat de politie"),
    ("evidence", "Doe eerst een schermopname voordat je iets wist.", "Doe eerst een schermopname"),
    ("evidence", "De conciërge heeft alle berichten geprint voor de teamleider.", "geprint"),
    ("age", "Fenna werd afgelopen zomer veertien en zit in de tweede.", "veertien"),
    ("age", "Zijn neef Thijs van 16 heeft het bericht gemaakt.", "16"),
    ("address", "Breng het pakje naar Meidoornlaan 44, daar woont hij.", "Meidoornlaan 44"),
])
def test_a_kind_is_found_by_its_structure(checker, category: str, text: str,
                                         expected: str) -> None:
    found = errors_of(checker, text, category)
    assert any(expected in f or f in expected for f in found), (text, found)


@pytest.mark.parametrize("category,text", [
    ("group", "De mentoren van het derde jaar komen donderdag samen."),
    ("group", "Voor de tweede klassen is er een extra les over privacy."),
    ("group", "Kinderen in groep 7 zijn meestal tien of elf jaar."),
    ("handle", "Minecraft is geliefd bij kinderen op de basisschool."),
    ("handle", "Ouders lezen de berichten van school in WhatsApp of ParnasSys."),
    ("evidence", "De mentor heeft de foto nooit gezien en niet opgeslagen."),
    ("evidence", "Alleen de politie mag een kopie van zulke beelden bewaren."),
    ("evidence", "Wij vragen ouders niet om de telefoon van hun kind te laten zien."),
    ("age", "Jongeren van vijftien of zestien jaar kunnen ook bij Fier terecht."),
    ("age", "Een kind van tien of elf vertelt het niet altijd meteen."),
    ("relation", "De mentor heeft met de leerling en zijn ouders gesproken."),
    ("relation", "De ouders van de betrokken leerlingen zijn vanochtend gebeld."),
    ("url", "Bij Helpwanted kunt u een melding doen of een beeld laten verwijderen: "
            "helpwanted.nl."),
])
def test_the_same_words_in_general_pass(checker, category: str, text: str) -> None:
    assert not errors_of(checker, text, category), text
