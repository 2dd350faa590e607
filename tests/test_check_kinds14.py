"""The speculation kinds of round 14 (det14a), each by its structure and not by a phrase: how a
pupil one can identify is doing (feelings, sleep, care), a measure of the school in a note's
short form, who sent the image to whom or put it where, and a certainty nobody has (how far it
went, whether it is gone, what the police will do). The false alarms they must not make are
fixed by their reason: what can happen in general, the reader's own child, what the school
itself did, what the school does not promise. The sentences are new ones, not from a corpus."""

from __future__ import annotations

import pytest

from tests.conftest import errors_of


@pytest.mark.parametrize("text,expected", [
    # how a pupil is doing
    ("Lotte is er helemaal kapot van, zegt haar tante.", "kapot"),
    ("De jongen uit de tweede klas schaamt zich dood.", "schaamt zich"),
    ("Jesper slaapt nauwelijks sinds het weekend.", "slaapt"),
    ("Zij zit sinds oktober in behandeling bij een psycholoog.", "in behandeling"),
    ("Mila durft de gymzaal niet meer in.", "durft"),
    # a measure in a note's short form
    ("Besluit: Timo vier dagen thuis.", "dagen thuis"),
    ("Noor werkt voorlopig in groep 6 bij meester Bas.", "in groep"),
    ("De twee jongens zijn inmiddels door de directie bestraft.", "bestraft"),
    ("Daan heeft een contactverbod gekregen.", "contactverbod"),
    # who sent it to whom or put it where
    ("zaterdag om 20.10 uur doorgestuurd naar K.", "doorgestuurd naar"),
    ("jesse zette het meteen op zijn story", "zette het"),
    ("De foto is door een meisje uit 3b in de groepschat gezet.", "door een meisje"),
    # a certainty nobody has
    ("Het filmpje is ruim 500 keer bekeken.", "keer bekeken"),
    ("Het staat nog steeds op een forum.", "nog steeds op"),
    ("De agent verwacht dat de jongens een taakstraf krijgen.", "verwacht dat"),
    ("Wij kunnen u geruststellen: niemand heeft het nog.", "geruststellen"),
])
def test_a_round14_speculation_kind_is_found(checker, text: str, expected: str) -> None:
    found = errors_of(checker, text, "speculation")
    assert any(expected.lower() in f.lower() for f in found), (text, found)


@pytest.mark.parametrize("text", [
    "Het kan zijn dat uw kind de komende tijd slecht slaapt of minder eet.",
    "Als je niet meer durft te praten, kun je ook een mail sturen.",
    "Jantje lacht, Jantje huilt: gevoelens wisselen.",
    "Het filmpje is opgenomen in een kleedkamer.",
    "Wij hebben een brief naar alle ouders gestuurd.",
    "Zet de telefoon van uw kind niet op slot als straf.",
    "Alle leerlingen moeten hun telefoon inleveren bij de toets.",
    "Wie een beeld doorstuurt, kan daarvoor worden vervolgd.",
    "Een beeld kan duizenden keren bekeken worden.",
])
def test_the_same_words_in_general_pass(checker, text: str) -> None:
    assert not errors_of(checker, text, "speculation"), text
