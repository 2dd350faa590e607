"""The image-detail and blame kinds of round detect14, each by its structure and not by a
phrase: how long the image is and how good, what one hears in it, whether the face is in view,
titles, captions, file names and edits, marks an account gives a body, clothing and how far
undressed, where the image came from; and blame by what the pupil did or is, a lesson that
blames whoever showed herself, and the parents' supervision. The false alarms are fixed by their
reason: a message text that is no image, a report mark, a denial. The sentences are new ones,
written for the kind, not taken from a corpus."""

from __future__ import annotations

import pytest

from tests.conftest import errors_of


@pytest.mark.parametrize("category,text,expected", [
    # lengte en kwaliteit, geluid, gezicht
    ("image-detail", "De video duurt ongeveer 25 seconden.", "duurt ongeveer 25 seconden"),
    ("image-detail", "Het filmpje, bijna twee minuten, ging de hele avond rond.", "twee minuten"),
    ("image-detail", "Er circuleert ook een versie in hoge resolutie.", "versie in hoge"),
    ("image-detail", "Achteraan hoor je gelach en je hoort mensen tellen.", "hoort mensen"),
    ("image-detail", "Aan het eind roept hij nog iets naar de camera.", "Aan het eind roept"),
    ("image-detail", "Je ziet haar gezicht en de poster boven haar bed.", "Je ziet haar gezicht"),
    ("image-detail", "Ze kijkt recht in de camera op die foto.", "kijkt recht in de camera"),
    # titel, bijschrift, bestandsnaam, bewerking
    ("image-detail", "Iemand plaatste het met het bijschrift 'raad wie dit is'.", "bijschrift"),
    ("image-detail", "Op de telefoons heet het bestand sanne_kamer2.mov.", "sanne_kamer2.mov"),
    ("image-detail", "Een jongen uit 1B heeft er een sticker van gemaakt.", "sticker van"),
    # cijfers voor een lichaam
    ("image-detail", "Bij haar foto stond een 8 voor haar buik.", "een 8 voor haar buik"),
    ("image-detail", "Het account zet er steeds een 6/10 bij.", "6/10"),
    # kleding en houding
    ("image-detail", "Op het filmpje staat hij in zijn voetbalbroek.", "in zijn voetbalbroek"),
    ("image-detail", "Ze had haar trainingsjack nog half aan.", "nog half aan"),
    ("image-detail", "Hij trekt zijn shirt omhoog.", "trekt zijn shirt omhoog"),
    # herkomst
    ("image-detail", "De foto is van haar eigen Snapchat gehaald.", "van haar eigen Snapchat"),
    # blame: wat zij anders had moeten doen, wat zij zichzelf aandeed
    ("blame", "Had hij dat filmpje maar nooit gemaakt.", "Had hij dat filmpje maar"),
    ("blame", "Door te blijven reageren heeft zij het erger gemaakt.", "Door te blijven"),
    ("blame", "Hij heeft zichzelf flink in de problemen gebracht.", "zichzelf flink"),
    ("blame", "Eerlijk gezegd heeft ze er zelf om gevraagd met die berichten.", "zelf om gevraagd"),
    ("blame", "Nu doet hij alsof hij het slachtoffer is.", "alsof hij het slachtoffer"),
    # een oordeel over wie zij is
    ("blame", "Zo'n meisje is een makkelijke prooi voor die types.", "makkelijke prooi"),
    ("blame", "Hij trekt altijd graag de aandacht naar zich toe.", "altijd graag de aandacht"),
    # een les die de schuld legt bij wie zich liet zien
    ("blame", "Wie naaktfoto's van zichzelf verstuurt, moet niet gek opkijken.", "van zichzelf"),
    ("blame", "Bespreek waarom je je nooit moet uitkleden als er een camera aanstaat.",
     "waarom je je nooit moet uitkleden"),
    ("blame", "Die meiden posten foto's in bikini, wat verwacht je dan?", "wat verwacht je dan"),
    # haar ouders
    ("blame", "De ouders hebben nauwelijks toezicht op wat hij doet.", "nauwelijks toezicht"),
    ("blame", "Ouders moeten hun kinderen beter in de gaten houden.", "beter in de gaten houden"),
    ("blame", "Die vader moet zich eens achter de oren krabben.", "achter de oren krabben"),
])
def test_a_kind_is_found_by_its_structure(checker, category: str, text: str,
                                         expected: str) -> None:
    from commgen.foundation.concepts import ERROR

    start = text.lower().index(expected.lower())
    end = start + len(expected)
    found = [f for f in checker.check(text) if f.category == category and f.severity == ERROR]
    assert any(f.start < end and start < f.end for f in found), (text, [f.text for f in found])


@pytest.mark.parametrize("category,text", [
    ("image-detail", "Hij stuurde haar een bericht met de tekst 'sorry, het spijt me'."),
    ("image-detail", "Voor zijn proefwerk Engels kreeg hij een 8/10."),
    ("image-detail", "Het gesprek met de ouders duurde ruim een uur."),
    ("blame", "Een leerling die zo'n beeld ontvangt, heeft daar zelf niet om gevraagd."),
    ("blame", "Niemand heeft het recht om jouw foto te beoordelen."),
    ("blame", "Wie een beeld van een ander doorstuurt, maakt de schade groter."),
])
def test_the_same_words_in_general_pass(checker, category: str, text: str) -> None:
    assert not errors_of(checker, text, category), text
