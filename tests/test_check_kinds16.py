"""The kinds of round 16, each by its structure: how one pupil (or someone of her family)
feels and whether she comes to school, said about someone who can be recognised ("Kacper is
thuis helemaal ingestort", "Ze wil niet meer naar school") and what others do to her now
("wordt uitgescholden"); a sanction as a fact ("op het matje geroepen"); how many saw the image,
as a guess ("ik gok de halve bovenbouw", "zo'n 200 volgers"); where a pupil or her family comes
from or moves to ("een meisje uit Goes", "verhuist naar Assen"); what is heard on a film and
how long it lasts ("je hoort de jongens lachen", "(zo'n 12 sec)"); the school keeping or
viewing the image ("de screenshots staan in een map", "Ik heb het zelf ook even bekeken").
And the false alarms the fresh sets of the round showed, fixed by their reason: the contact
person's first name in a quick note, another address of a help organisation, rumours the
school does not go into, nobody accused, a question whether something happened, a word
named in order not to use it, what no member of staff does, what the law says for everyone,
a school that acts as an organisation, the town after "in". The sentences are new ones,
written for the kind, not taken from a corpus."""

from __future__ import annotations

import pytest

from commgen.foundation.concepts import ERROR
from tests.conftest import errors_of

# The rule files of the round (speculatie_straf.yaml got the round's sanction forms).
ROUND16 = {"speculatie16_gemoed", "speculatie16_aantal", "speculatie_straf", "beeld16_geluid",
           "bewijs16", "plek16_herkomst"}


@pytest.mark.parametrize("category,text,expected", [
    # how one recognisable pupil or her family feels
    ("speculation", "Lotte is sinds het weekend erg van slag en zegt weinig.", "erg van slag"),
    ("speculation", "Jayden, die het filmpje als eerste zag, is behoorlijk aangeslagen.",
     "behoorlijk aangeslagen"),
    ("speculation", "Het meisje uit Ede was gisteren helemaal overstuur.", "overstuur"),
    ("speculation", "Haar vader is woedend en wil de school spreken.", "woedend"),
    ("speculation", "hij voelt zich echt gebroken, zegt zijn zus", "gebroken"),
    # whether she comes to school
    ("speculation", "Ze wil de komende weken niet naar school.", "niet naar school"),
    ("speculation", "Het slachtoffer blijft deze week thuis.", "blijft deze week thuis"),
    ("speculation", "De jongen uit 2b is vandaag ziek gemeld.", "ziek gemeld"),
    # what others do to her now
    ("speculation", "Haar broertje wordt sindsdien op school gepest.", "wordt sindsdien op school"),
    ("speculation", "Ze fietst langs de bushalte, daar staan nu jongens haar op te wachten.",
     "staan nu jongens"),
    # a sanction as a fact
    ("speculation", "Die twee zijn gisteren op het matje geroepen.",
     "op het matje geroepen"),
    ("speculation", "Hij heeft spijt, maar hij krijgt ook straf.", "krijgt ook straf"),
    ("speculation", "Volgens mij moet die jongen gewoon naar een andere school.",
     "naar een andere school"),
    # how many saw it, as a guess
    ("speculation", "Hoeveel? Ik gok de helft van de derde klassen.", "Ik gok"),
    ("speculation", "In de groep zaten ± 60 ontvangers.", "± 60 ontvangers"),
    ("speculation", "Het werkelijke aantal is natuurlijk veel groter.", "Het werkelijke aantal"),
    # what is heard on the film and how long it lasts
    ("image-detail", "Op de opname hoor je twee meiden giechelen.",
     "hoor je twee meiden giechelen"),
    ("image-detail", "Je hoort op de achtergrond een radio en een hond.", "op de achtergrond"),
    ("image-detail", "Wie heeft de versie met geluid nog?", "versie met geluid"),
    ("image-detail", "Het clipje (ca. 20 sec) ging eerst in de teamapp rond.", "ca. 20 sec"),
    # the school keeps or views the image, or asks someone to
    ("evidence", "De schermafbeeldingen staan veilig in het zorgdossier.", "staan veilig in"),
    ("evidence", "Ik heb de beelden gisteren met de teamleider bekeken.", "Ik heb de beelden"),
    ("evidence", "Is het echt zo erg? Kijk zelf maar, de link staat hieronder.", "Kijk zelf maar"),
    ("evidence", "Bewaar de chat, ook het filmpje zelf, voor het gesprek.", "ook het filmpje zelf"),
    # where a pupil or her family comes from or moves to
    ("address", "Het gezin komt oorspronkelijk uit Mosul.", "Mosul"),
    ("address", "Hij en zijn moeder kwamen uit Aleppo, vorig jaar.", "Aleppo"),
    ("address", "De familie verhuist in januari naar Emmen.", "naar Emmen"),
])
def test_a_kind_is_found_by_its_structure(checker, category: str, text: str,
                                         expected: str) -> None:
    """Found by one of the round's rules (not by an older rule that happens to hold it)."""
    start = text.index(expected)
    found = [(f.start, f.end, f.rule) for f in checker.check(text)
             if f.category == category and f.severity == ERROR]
    assert any(a < start + len(expected) and b > start and rule in ROUND16
               for a, b, rule in found), (text, found)


@pytest.mark.parametrize("category,text", [
    # feelings of us, of many, of the reader, in general
    ("speculation", "Wij zijn als team erg geschrokken van wat er is gebeurd."),
    ("speculation", "Veel leerlingen zijn boos of verdrietig; dat is normaal."),
    ("speculation", "Uw kind is misschien bang om erover te beginnen."),
    ("speculation", "Een kind kan na zo'n week erg onrustig zijn."),
    ("speculation", "Iedereen is geschrokken, ook de docenten."),
    # rumours the school does not go into; nobody accused; a question
    ("speculation", "Er gaan geruchten rond, maar wij gaan daar niet op in."),
    ("speculation", "In deze brief wordt niemand beschuldigd of aangewezen."),
    ("speculation", "De school heeft een vaste contactpersoon aangewezen voor de pers."),
    ("speculation", "Of er straffen zijn opgelegd? Daar zeggen wij niets over."),
    ("speculation", "Gebruik in de klas liever niet de woorden dader of verdachte."),
    ("speculation", "Lesdoel: leerlingen weten wat ze moeten doen als ze zo'n filmpje krijgen."),
    ("speculation", "Als een kind vertelt dat hij het heeft gezien: luister en blijf rustig."),
    # what no member of staff does, what is not allowed, what the law says
    ("evidence", "Geen enkele docent heeft de beelden bekeken of bewaard."),
    ("evidence", "Wie het filmpje nog heeft, verwijdert het meteen."),
    ("evidence", "Een foto doorsturen of bewaren geldt ook als verspreiden."),
    ("blame", "Het blijft strafbaar, ook als jongeren het beeld zelf hebben gemaakt."),
    ("blame", "De twee maatjes zijn gekozen door de leerling zelf."),
    ("legal-term", "Wij doen geen mededelingen over een mogelijk strafrechtelijk traject."),
    # another school that acts as an organisation, and its town
    ("group", "Het Noorderlicht College in Assen heeft een vergelijkbaar protocol."),
    ("name", "Het Noorderlicht College in Assen heeft een vergelijkbaar protocol."),
    # advice for whoever is extorted, a rule for everyone, what the school knows
    ("speculation", "Wie wordt afgeperst, betaalt niet en meldt het bij de politie."),
    ("speculation", "Wie een beeld doorstuurt, kan daarvoor straf krijgen."),
    ("speculation", "Er zijn tot nu toe negen meldingen bij de school binnengekomen."),
    ("speculation", "Onze school heeft ruim 900 leerlingen en 80 medewerkers."),
    ("speculation", "Moet uw kind naar een andere school? Bespreek het met de mentor."),
    # what the school does not do, and the police's advice on extortion
    ("evidence", "Wij hebben het filmpje niet bekeken en bewaren het ook niet."),
    ("evidence", "Bewaar de berichten van de afperser, maar nooit de foto zelf."),
    # hearing as getting news
    ("image-detail", "Als je hoort dat er een filmpje rondgaat, meld het bij je mentor."),
    ("image-detail", "Hoor je iets over de beelden, vertel het dan aan de vertrouwenspersoon."),
    ("image-detail", "U hoort van ons zodra er nieuws is over de ouderavond."),
    # a class, a letter from a town
    ("address", "Leerlingen uit groep 8 krijgen donderdag een les over online veiligheid."),
    ("address", "Er kwam een brief uit Den Haag over het nieuwe beleid."),
    # idioms and words that are no names
    ("name", "Met een Jantje-lacht-Jantje-huilt-houding komen we er niet."),
    ("name", "We zijn nog niet bij Abraham, maar het gaat de goede kant op."),
    ("name", "Buddy's helpen de leerling bij de terugkeer."),
])
def test_a_look_alike_is_no_error(checker, category: str, text: str) -> None:
    assert not errors_of(checker, text, category), text


def test_another_school_where_a_pupil_is_stays_an_error(checker) -> None:
    """A school at the start of a sentence that acts is an organisation; a school where
    the image went round, or where someone goes, still names a place."""
    assert errors_of(checker, "Het filmpje ging ook rond op het Noorderlicht College.", "group")
    assert errors_of(checker, "Het Noorderlicht College is de school van haar broer.", "group")


def test_the_contact_persons_first_name_in_a_note_is_allowed() -> None:
    """In a quick note written in lower case ("bellen met anouk") the contact person's first
    name is hers, as it is with a capital; another first name is still a name."""
    from commgen.checks.allow import AllowList
    from commgen.checks.run import make_checker

    allow = AllowList()
    allow.add_name("Femke Brouwer")
    checker = make_checker(allow=allow)
    assert not errors_of(checker, "femke belt om tien uur alle ouders, verder niemand", "name")
    assert errors_of(checker, "femke belt om tien uur met de moeder van sanne",
                     "name") == ["sanne"]


def test_another_address_of_a_help_organisation_is_allowed(checker) -> None:
    """Helpwanted is part of Offlimits: its address passes as Helpwanted's does, and no
    document names it (it is no help resource of its own)."""
    assert not errors_of(checker, "Tip: kijk op offlimits.nl/ouders voor een gesprekskaart.",
                         "url")
    assert errors_of(checker, "Tip: kijk op onlinemeiden.example/ouders voor meer.", "url")


@pytest.mark.parametrize("category,text", [
    ("speculation", "Er gaan geruchten dat Daan de foto heeft verspreid, maar wij gaan daar "
                    "niet op in."),
    ("speculation", "De mentor heeft Tom aangewezen."),
    ("harmful", "Neem geen risico: bewaar het filmpje als bewijs."),
    ("evidence", "Wie het filmpje heeft, meldt dat en bewaart het als bewijs."),
    ("evidence", "Geen enkele docent heeft het gezien, maar de mentor heeft de beelden bewaard."),
    ("blame", "Ook als ze de foto zelf heeft gemaakt, is het haar eigen schuld."),
    ("blame", "Sanne is zelf verantwoordelijk voor wat ze ermee doet."),
    ("speculation", "U heeft het misschien gehoord: Lotte is erg van slag."),
])
def test_an_allowed_reason_stops_at_its_own_clause(checker, category: str, text: str) -> None:
    """The round's exceptions hold for their own clause only: a rumour that is spelled out,
    a pupil pointed out, or a second clause that keeps the image is still an error."""
    assert errors_of(checker, text, category), text


def test_a_pupil_by_age_from_a_place_and_the_schools_own_place() -> None:
    """"Een veertienjarige uit Tiel" names where a pupil lives, as "een jongen uit Tiel" does
    (the place is the finding); the school's own place, from its profile, passes, also where
    a family comes from it."""
    from commgen.checks.allow import AllowList
    from commgen.checks.run import make_checker

    allow = AllowList()
    allow.add_profile({"name": "Het Lingecollege", "place": "Tiel"})
    checker = make_checker(allow=allow)
    assert errors_of(checker, "Een veertienjarige uit Culemborg is gehoord.", "address") \
        == ["Culemborg"]
    assert errors_of(checker, "Twee 16-jarigen uit Buren zijn gehoord.", "address") == ["Buren"]
    assert not errors_of(checker, "Een veertienjarige uit Tiel is gehoord.", "address")
    assert not errors_of(checker, "Het gezin komt oorspronkelijk uit Tiel.", "address")

