"""The kinds of round detect15, each by its structure: hearsay with the source in the sentence
("volgens mijn zoon heeft ...", "X zegt dat ...", ", zeggen ze", "dat weet iedereen"), a
sanction or a call for one ("is van school gestuurd", "moet de cel in"), a judgement of a
pupil's character ("staat bekend als", "deugt niet"), a birthday with day and month or a birth
month with a year, an age as a predicate, after a name or of a group, and a place where a pupil
regularly is (club, side job, training). The false alarms they must not make are fixed by their
reason: the law or a helpline as the source, what nobody knows, a reassurance for every child,
the age range of a help resource or a rule, a statistic, a date of a school event, a pupil on
a platform. The sentences are new ones, written for the kind, not taken from a corpus."""

from __future__ import annotations

import pytest

from tests.conftest import errors_of


@pytest.mark.parametrize("category,text,expected", [
    # speculation: hearsay with its source
    ("speculation", "Volgens mijn nichtje heeft Ravi de foto als eerste rondgestuurd.",
     "Volgens mijn nichtje"),
    ("speculation", "volgens Ingrid zat die jongen uit de brugklas er ook achter", "volgens"),
    ("speculation", "bo zegt dat haar broer het filmpje nog op zijn laptop heeft", "zegt dat"),
    ("speculation", "Ze heeft het zelf op internet gezet, zeggen ze op het plein.", "zeggen ze"),
    ("speculation", "Hij had het al maanden gepland, dat weten we allemaal.", "dat weten we"),
    ("speculation", "Iedereen in de buurt weet wie het is, die arme meid.", "weet wie"),
    ("speculation", "Hij heeft het gemaakt, maar dat gelooft niemand op school.",
     "dat gelooft niemand"),
    # speculation: a sanction or a call for one
    ("speculation", "Die jongen uit 4b is gisteren van school gestuurd.", "van school gestuurd"),
    ("speculation", "Echt walgelijk, die gasten moeten gewoon de cel in.", "de cel in"),
    ("speculation", "De filmer krijgt vermoedelijk een werkstraf.", "werkstraf"),
    ("speculation", "De straf voor Kees is veel te licht.", "straf voor Kees"),
    # speculation: the character of a pupil
    ("speculation", "Marit staat op school bekend als een meisje dat graag opvalt.",
     "staat op school bekend als"),
    ("speculation", "Die knul van de overkant deugt gewoon niet.", "deugt gewoon niet"),
    ("speculation", "Jorrit is altijd al een beetje beïnvloedbaar geweest.", "beïnvloedbaar"),
    # birthdate: a birthday with day and month, a month with a year
    ("birthdate", "Fenna is jarig op 17/10 en wil geen feestje meer.", "17/10"),
    ("birthdate", "Op 3 juni viert hij zijn verjaardag, net voor de zomer.", "3 juni"),
    ("birthdate", "Tobias wordt 12 februari dertien.", "12 februari"),
    ("birthdate", "Ze is van oktober 2012 en dus de jongste.", "oktober 2012"),
    ("birthdate", "Gebooren? achtentwintig mei tweeduizendtwaalf, zegt zijn oma.",
     "achtentwintig mei tweeduizendtwaalf"),
    ("birthdate", "Geboortedatum volgens het dossier van de jeugdarts: 07-08-2012.", "07-08-2012"),
    # age: as a predicate, after a name, of a group, in English
    ("age", "Zijn nichtje Ilse is pas elf, zegt de moeder.", "pas elf"),
    ("age", "Het gaat om Bas Vermeer, 14, en zijn vriend.", "14"),
    ("age", "De meiden in dat groepje zijn allemaal 13 en 14 jaar.", "13 en 14"),
    ("age", "Please take down the clip of our pupil, she is 13 years old.", "13 years old"),
    ("age", "Hij kreeg zijn eerste telefoon op zijn negende.", "op zijn negende"),
    # address: a club, a training, a side job
    ("address", "Noor traint op dinsdag bij Atletiekvereniging De Spurt in Hoorn.", "De Spurt"),
    ("address", "Ze heeft een bijbaantje bij de Jumbo aan de Dorpsstraat.", "Jumbo"),
    ("address", "Hij speelt bij VV Zwaluwen in de JO15-1.", "VV Zwaluwen"),
    ("address", "Na schooltijd zit ze op dansles bij Dansschool Pirouette.", "Pirouette"),
    # evidence: someone of the school who views, keeps or searches the image
    ("evidence", "De teamleider heeft het filmpje gisteren bekeken in zijn kantoor.",
     "heeft het filmpje gisteren bekeken"),
    ("evidence", "De conciërge heeft er voor de zekerheid screenshots van gemaakt.", "screenshots"),
    ("evidence", "De video staat nog op mijn laptop, zeg maar wanneer.", "op mijn laptop"),
    ("evidence", "We hebben de chromebooks van de hele klas doorzocht.", "doorzocht"),
    ("evidence", "Kun je de posts even bewaren, als bewijs voor later?", "als bewijs"),
    # blame: fixed turns and judgements
    ("blame", "Een deel van de schuld ligt toch ook bij het meisje zelf.", "ligt toch ook bij"),
    ("blame", "Wie zoiets maakt, is zelf ook een beetje schuldig.", "een beetje schuldig"),
    ("blame", "Haar ouders moeten zich ook eens achter de oren krabben.", "achter de oren"),
    ("blame", "Een beetje berouw zou haar sieren.", "berouw zou haar sieren"),
    ("blame", "Zulke meiden lokken het zelf uit.", "lokken het zelf uit"),
])
def test_a_kind_is_found_by_its_structure(checker, category: str, text: str,
                                         expected: str) -> None:
    found = errors_of(checker, text, category)
    start = text.index(expected)
    spans = [(text.find(f), text.find(f) + len(f)) for f in found]
    assert any(a < start + len(expected) and b > start for a, b in spans), (text, found)


@pytest.mark.parametrize("category,text", [
    # the law, a helpline or research as the source; what nobody knows; what the school says
    ("speculation", "Volgens de wet is het bezitten van zo'n foto strafbaar, ook voor jongeren."),
    ("speculation", "Volgens Helpwanted is het belangrijk dat u rustig blijft."),
    ("speculation", "Niemand weet op dit moment wie de foto heeft gemaakt."),
    ("speculation", "Als uw kind zegt dat het iets heeft ontvangen, blijf dan rustig."),
    ("speculation", "Er gaan geruchten; wij gaan daar niet op in."),
    # a reassurance for every child and a rule for everyone
    ("speculation", "Kinderen die het bericht hebben gekregen, krijgen geen straf."),
    ("speculation", "Wie zo'n beeld doorstuurt, kan van school worden gestuurd."),
    ("speculation", "Over maatregelen tegen leerlingen doen wij geen uitspraken."),
    # the age of a help resource, a rule, a statistic, the whole school
    ("age", "De meeste jongeren die worden afgeperst zijn tussen de 14 en 17 jaar oud."),
    ("age", "De minimumleeftijd voor Snapchat is dertien jaar."),
    ("age", "Helpwanted is er voor jongeren van 12 tot 25 jaar."),
    ("age", "Een kind van tien snapt vaak nog niet wat doorsturen doet."),
    ("age", "De leerlingen van onze school zijn tussen de 12 en 18 jaar."),
    # a school event with a date
    ("birthdate", "Op 5 december vieren we op school gewoon Sinterklaas."),
    ("birthdate", "De ouderavond is op 14 januari; dan vieren we ook het jubileum."),
    # a pupil on a platform, the school working with others
    ("address", "Zij zit op Snapchat en heeft daar de melding gedaan."),
    ("address", "Wij werken samen met Bureau Halt en de wijkagent."),
    # what the school does not do, and a question to the reader
    ("evidence", "Wij hebben het beeld niet bekeken en bewaren het ook niet."),
    ("evidence", "Heb je een screenshot gemaakt? Verwijder die dan ook."),
    ("evidence",
     "Samen met de mentor hebben de leerlingen hun telefoons nagekeken en alles gewist."),
    # who is not to blame
    ("blame", "De leerling treft geen enkele schuld; die ligt bij wie het beeld verspreidt."),
    ("blame", "Geef geen adviezen die klinken alsof het de eigen schuld van de leerling is."),
])
def test_a_look_alike_is_no_error(checker, category: str, text: str) -> None:
    assert not errors_of(checker, text, category), text
