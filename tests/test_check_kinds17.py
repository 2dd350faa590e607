"""The kinds of round 17, each by its structure. What a sentence tells about a person it
identifies: after a name, a class or an account, the rest of the sentence is a claim about a
recognisable pupil ("Milan heeft het filmpje naar zijn neef gestuurd"), found without a word
list of acts (``checks.narrative``). A chat or server named with words between ("de server
heet 'Polderkrakers'"); where someone works, was born or passes every day ("een bijbaan bij
lunchroom De Kaasstolp", "geboren in Tilburg"); a whole community that knows or laughs ("het
hele dorp weet het al"); what is seen or heard on or with the image ("je ziet de rode
gordijnen", "met het nummer ... eronder", "gemaakt om 22:40"). And the false alarms the fresh
sets of the round showed, fixed by their reason: what the school says it does not say, and
the advice not to keep the image. The sentences are new ones, written for the kind, not taken
from a corpus."""

from __future__ import annotations

import pytest

from commgen.foundation.concepts import ERROR
from tests.conftest import errors_of

ROUND17 = {"about-pupil", "group", "plek17_werk", "sensatie17_iedereen", "beeld17_zien",
           # a later round's rule that holds the same passage in full (round 18: the time of
           # making with the image in the sentence)
           "beeld18_tijd"}


@pytest.mark.parametrize("category,text,expected", [
    # what a sentence tells about a pupil it names, whatever the verb
    ("speculation", "Milan zat toen achter in de bus en keek alleen maar toe.",
     "keek alleen maar toe"),
    ("speculation", "Volgens de mentor kreeg Esmée de foto van een jongen uit de buurt.",
     "de foto van een jongen"),
    ("speculation", "Toen zat Yusuf er ook bij, hij filmde alles.", "hij filmde alles"),
    ("speculation", "Anouk reageert al dagen nergens meer op.", "reageert al dagen"),
    ("speculation", "De foto is doorgestuurd door Bas.", "De foto is doorgestuurd"),
    # ... a class and an account too
    ("speculation", "De jongens van 2C hebben er de hele middag om zitten lachen.",
     "de hele middag"),
    ("speculation", "Het account @stadsroddels010 is sinds zondag uit de lucht.",
     "uit de lucht"),
    # a chat named with words between
    ("group", "De groepsapp heette eerst 'Pauzeplein' en daarna iets anders.", "Pauzeplein"),
    ("group", "Ze speelden op een Discord-server die 'Polderkrakers' heet.", "Polderkrakers"),
    # where someone works, was born or passes every day
    ("address", "Ze heeft een bijbaan bij lunchroom De Kaasstolp aan de Markt.",
     "bijbaan bij lunchroom"),
    ("address", "Zijn moeder werkt bij de Albert Heijn in Oosterhout.", "werkt bij de Albert"),
    ("address", "Jesse, geboren 3 mei 2011 in Tilburg, zit sinds groep 5 bij ons.", "in Tilburg"),
    ("address", "Hij komt elke dag met de bus van 7:15 uit Rijen.", "met de bus van"),
    # a whole community that knows, laughs or talks
    ("sensational", "Het hele dorp weet het al, ook bij de bakker.", "Het hele dorp weet"),
    ("sensational", "De hele klas zat er gisteren om te gniffelen.", "De hele klas zat"),
    ("sensational", "Iedereen kent het filmpje inmiddels.", "Iedereen kent het"),
    ("sensational", "De hele gang gonst van de geruchten.", "gonst van de geruchten"),
    # what is seen and heard on or with the image
    ("image-detail", "De foto is in een badkamer gemaakt, je ziet de rode gordijnen.",
     "je ziet de rode gordijnen"),
    ("image-detail", "Er stond een tiktok met het liedje van Snelle eronder.",
     "het liedje van Snelle"),
    ("image-detail", "Het onderschrift was 'kijk wie er dronken is'.", "kijk wie er dronken is"),
    ("image-detail", "De opname is gemaakt op 12-3 om 22:40.", "om 22:40"),
    ("image-detail", "Het filmpje op Snapchat duurde maar 9 seconden.", "9 seconden"),
    ("image-detail", "Het was een spiegelselfie in de gymzaal.", "spiegelselfie"),
])
def test_a_kind_is_found_by_its_structure(checker, category: str, text: str,
                                         expected: str) -> None:
    """Found by one of the round's rules or detectors (not by an older rule that happens to
    hold it)."""
    start = text.index(expected)
    found = [(f.start, f.end, f.rule) for f in checker.check(text)
             if f.category == category and f.severity == ERROR]
    assert any(a < start + len(expected) and b > start and rule in ROUND17
               for a, b, rule in found), (text, found)


@pytest.mark.parametrize("category,text", [
    # no one identified: nothing said about a recognisable pupil
    ("speculation", "Wij weten niet wie het beeld als eerste heeft gedeeld."),
    ("speculation", "Een leerling heeft ons vanochtend gewaarschuwd; dat was moedig."),
    ("group", "De werkgroep heet 'Veilig online' en komt elke maand bij elkaar."),
    ("address", "Veel leerlingen hebben een bijbaan in de supermarkt."),
    ("address", "Leerlingen die met de bus komen, kunnen in de aula wachten."),
    ("sensational", "Wij zorgen ervoor dat de hele school weet waar je terecht kunt."),
    ("sensational", "Niet iedereen weet het al; vertel het rustig."),
    ("sensational", "De hele school krijgt deze brief vandaag."),
    ("image-detail", "U ziet hieronder de nummers van de hulplijnen."),
    ("image-detail", "Als u een foto ontvangt, kijk er niet naar en meld het."),
    # what the school does not say, the advice not to keep the image
    ("blame", "Wij zeggen niet dat een leerling naïef of dom is geweest."),
    ("blame", "Als school zeggen wij nooit dat een kind het zelf heeft uitgelokt."),
    ("evidence", "Bewaar de foto niet als bewijs; de politie vraagt daar zelf om."),
    ("evidence", "Wij bewaren geen kopie van de beelden, ook niet voor het onderzoek."),
])
def test_a_look_alike_is_no_error(checker, category: str, text: str) -> None:
    assert not errors_of(checker, text, category), text


@pytest.mark.parametrize("category,text", [
    ("blame", "Wij zeggen niet dat ze naïef is, maar ze had beter moeten opletten."),
    ("evidence", "Bewaar de foto niet op je telefoon, maar stuur hem naar de mentor als bewijs."),
    ("sensational", "Wij vertellen het zodat niemand schrikt, want het hele dorp weet het al."),
])
def test_an_allowed_reason_stops_at_its_own_clause(checker, category: str, text: str) -> None:
    """What the school does not say, and the advice not to keep the image, hold for their
    own clause only."""
    assert errors_of(checker, text, category), text


def test_a_claim_about_a_pupil_is_marked_after_the_name_and_never_alone(checker) -> None:
    """The passage starts after the name (the name has its own finding) and a sentence
    without anyone identified gets no such finding."""
    text = "Sanne is die avond met een vriendin naar de kermis geweest."
    told = [f for f in checker.check(text) if f.rule == "about-pupil"]
    assert [f.text for f in told] == ["is die avond met een vriendin naar de kermis geweest"]
    assert not [f for f in checker.check("Een leerling is die avond met een vriendin naar de "
                                         "kermis geweest.") if f.rule == "about-pupil"]


def test_a_guarded_name_in_the_claim_stays_hidden() -> None:
    """A claim after one name that holds a guarded name shows the mask, never the name."""
    from commgen.checks.run import make_checker
    from commgen.questions.guard import GuardedNames

    guard = GuardedNames.from_names(["Lieke"])
    checker = make_checker("parents-class", guards=[guard])
    text = "Daan is die avond met Lieke naar de kermis geweest."
    told = [f for f in checker.check(text) if f.rule == "about-pupil"]
    assert [f.text for f in told] == ["is die avond met ••• naar de kermis geweest"], told
