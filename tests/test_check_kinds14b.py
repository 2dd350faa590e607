"""The sentence kinds of round 14 for sensational language and evidence (det14b), each by what
makes it one and not by a phrase: a headline or a shout, a group with a strong emotion as a
headline, loaded words of the press and the neighbourhood app, drama about the victim, laughing
in a chat, a whole place that has it; asking who has the image or the link, pointing to where it
is, asking whether someone saw it, reports of viewing and keeping it, sending it in chat words,
showing it in a lesson. The false alarms they must not make are fixed by their reason: what the
school refuses to do, a question not to ask, pupils who saw it in general, a school's size, a
question to the reader followed by advice to delete. The sentences are new ones, written for the
kind, not taken from a corpus."""

from __future__ import annotations

import pytest

from tests.conftest import errors_of


@pytest.mark.parametrize("category,text,expected", [
    # a headline or a shout
    ("sensational", "BREAKING: filmpje van leerling nu ook op een andere site", "BREAKING"),
    ("sensational", "Schaam je, Lyceum Oost!!! Niemand grijpt in", "Schaam je"),
    ("sensational", "Moeders woedend na foto in klassenapp", "Moeders woedend"),
    # loaded words
    ("sensational", "De directie stopt alles in de doofpot.", "doofpot"),
    ("sensational", "Met die brief zet u die jongen aan de schandpaal.", "schandpaal"),
    ("sensational", "De rector zwijgt als het graf.", "zwijgt als het graf"),
    ("sensational", "Het meisje werd in de groepsapp met naam en toenaam genoemd.",
     "met naam en toenaam"),
    ("sensational", "Zo'n pedofiel hoort niet in de buurt van kinderen.", "pedofiel"),
    ("sensational", "Het filmpje is gisteravond uitgelekt.", "uitgelekt"),
    ("sensational", "Het bericht ging binnen een uur de hele stad door.", "binnen een uur"),
    # drama about the victim
    ("sensational", "Die ene foto heeft haar leven verwoest.", "leven verwoest"),
    ("sensational", "Sinds maandag durft niemand nog iets in de groep te zetten.",
     "durft niemand nog"),
    # laughing in a chat
    ("sensational", "hij staat er helemaal op hahaha", "hahaha"),
    # a whole place or group that has it
    ("sensational", "de hele wijk praat erover", "de hele wijk praat erover"),
    ("sensational", "Het hele derde jaar heeft het gezien.", "hele derde jaar heeft het gezien"),
    ("sensational", "En nu is die overal.", "overal"),
    # asking who has it, pointing to where it is
    ("evidence", "wie heeft die clip nog, ik ben hem kwijt", "wie heeft die clip"),
    ("evidence", "hier is de link, niet doorsturen he", "hier is de link"),
    ("evidence", "Zoek op Instagram op 'zevenwolden leaks', dan zie je het.", "Zoek op"),
    ("evidence", "Heb jij die video van de gymzaal al gezien?", "Heb jij die video"),
    # reports of viewing and keeping
    ("evidence", "Mijn zoon heeft het gezien bij een vriendje.", "heeft het gezien bij"),
    ("evidence", "ik heb hem gesaved voor de zekerheid", "gesaved"),
    ("evidence", "De teamleider heeft het filmpje op de gedeelde schijf gezet.", "schijf"),
    ("evidence", "Ik heb het scherm gefotografeerd met mijn eigen telefoon.",
     "scherm gefotografeerd"),
    ("evidence", "Ik heb de clip bekeken om te zien of zij het echt was.", "bekeken"),
    # sending in chat words, showing in a lesson
    ("evidence", "stuur even naar mn insta", "stuur even naar mn insta"),
    ("evidence", "Kun je me die foto ff appen?", "die foto ff appen"),
    ("evidence", "Toon daarna de screenshots van het account op het digibord.", "Toon"),
    ("evidence", "Stuur dan even een screenshot naar de mentor.", "screenshot naar"),
    ("evidence", "Bewaar het maar goed, je weet maar nooit.", "Bewaar het maar goed"),
])
def test_a_kind_is_found_by_its_structure(checker, category: str, text: str,
                                         expected: str) -> None:
    found = errors_of(checker, text, category)
    assert any(expected in f or f in expected for f in found), (text, found)


@pytest.mark.parametrize("category,text", [
    ("sensational", "Wij willen niemand aan de schandpaal zetten."),
    ("sensational", "We voorkomen dat een leerling aan de schandpaal komt te staan."),
    ("sensational", "Onze school heeft ruim 1200 leerlingen op twee locaties."),
    ("sensational", "De hele school leeft mee met de leerling."),
    ("sensational", "Er is geen sprake van een doofpot: we informeren alle ouders."),
    ("evidence", "Vraag liever ‘Hoe gaat het met je?’ in plaats van ‘Heb jij die foto gezien?’."),
    ("evidence", "Leerlingen die de video hebben gezien, kunnen bij de mentor terecht."),
    ("evidence",
     "Heeft uw kind het beeld op een tablet? Verwijder het samen en stuur het niet door."),
    ("evidence",
     "Bewaar de berichten en het profiel van de afperser voor de politie, niet het beeld."),
    ("evidence", "Staat het beeld op een openbare site? Meld de link bij het Meldpunt."),
    ("evidence", "Vraag als mentor niet wie de foto heeft gezien."),
    ("evidence", "Vraag uw kind of het zich onder druk voelde om een beeld door te sturen."),
    ("evidence", "Zie je een gemene reactie? Maak een screenshot van de tekst en meld hem."),
    ("evidence", "Stuur de mentor nooit een foto, ook geen schermafbeelding."),
    ("harmful", "Afgesproken: niemand van het team bekijkt of bewaart de video."),
    ("sensational", "Het is geen tijd voor sensatie, wel voor rust."),
])
def test_the_same_words_in_general_pass(checker, category: str, text: str) -> None:
    assert not errors_of(checker, text, category), text
