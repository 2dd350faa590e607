"""The sentence kinds of round detect13, each by what makes it one and not by a phrase: measures
about a pupil one can identify without a sanction word (trial 12 F1), soft hearsay, a motive or
'a joke' said as fact, the pupil's future, home circumstances (F6), who did what with the image
or the link, who knows or saw it, steps of the police or a family, advice to the pupil after
the fact, her own part, and a place gripped by it. The false alarms they must not make are
fixed by their reason: general policy, what the school does, a denial, a research figure, the
reader's own child. The sentences are new ones, written for the kind, not taken from a corpus."""

from __future__ import annotations

import pytest

from commgen.app.answercheck import check_answers
from tests.conftest import errors_of


@pytest.mark.parametrize("category,text,expected", [
    # F1: a measure without a sanction word
    ("speculation", "De drie meisjes mogen volgende week niet mee op excursie.", "niet mee"),
    ("speculation", "Daan blijft tot de herfstvakantie thuis.", "thuis"),
    ("speculation", "Zij gaat na de kerst naar een andere vestiging.", "andere vestiging"),
    ("speculation", "De twee jongens krijgen een gesprek met de wijkagent.", "gesprek"),
    ("speculation", "Sanne en Iris zitten de komende weken apart bij de mentor.", "apart"),
    ("speculation", "We hebben besloten de jongen twee dagen te schorsen.", "te schorsen"),
    ("speculation", "De betrokken leerling wordt vanaf dinsdag in een aparte ruimte opgevangen.",
     "aparte ruimte"),
    # F6: soft hearsay and guesses
    ("speculation", "Het zou om een paar foto's van het schoolkamp gaan.", "zou om"),
    ("speculation", "Misschien zaten er ook jongens van de voetbalclub in die groep.", "Misschien"),
    ("speculation", "De video schijnt al op een andere site te staan.", "schijnt"),
    ("speculation", "Alles wijst erop dat de maker een klasgenoot is.", "wijst erop"),
    # F6: a motive or 'a joke' as fact
    ("speculation", "Hij wilde haar gewoon kwetsen.", "wilde haar"),
    ("speculation", "Het begon als een weddenschap tussen vrienden.", "begon als"),
    ("speculation", "Het was maar een flauwe grap.", "grap"),
    # F6: the pupil's future
    ("speculation", "Zijn hele schooltijd is verpest door die ene foto.", "verpest"),
    ("speculation", "Dit gaat haar de rest van haar leven achtervolgen.", "achtervolgen"),
    # F6: home circumstances (and parents divorcing as a relation)
    ("speculation", "Thuis loopt het al een tijd niet goed.", "Thuis"),
    ("speculation", "Het gezin van het meisje heeft het financieel zwaar.", "zwaar"),
    ("relation", "Haar ouders liggen sinds de zomer in scheiding.", "scheiding"),
    # who did what, who knows, steps of the police or a family
    ("speculation", "Ruben heeft de link in de klassenapp gedeeld.", "de link"),
    ("speculation", "Noor pinde de video vast bovenaan de groep.", "pinde"),
    ("speculation", "Vraag het aan Yara, zij weet wie het filmpje heeft gemaakt.",
     "weet wie"),
    ("speculation", "De oudste broer heeft het inmiddels toegegeven.", "toegegeven"),
    ("speculation", "De politie heeft de jongen uit de derde gisteren opgehaald.", "opgehaald"),
    ("speculation", "De ouders van het meisje willen de school aanklagen.", "aanklagen"),
    ("speculation", "Zijn account heet tim.vd.b, daar stond de foto nog de hele avond.",
     "daar stond"),
    ("speculation", "Ze traint bij de zwemclub en daar ging het filmpje ook rond.", "daar ging"),
    # blame: advice after the fact, her own part
    ("blame", "Tip voor het meisje: zet voortaan je locatie uit.", "Tip voor het meisje"),
    ("blame", "Draag de volgende keer gewoon een badpak onder je kleren.", "volgende keer"),
    ("blame", "Ze stuurde hem zelf ook een paar foto's terug.", "zelf"),
    ("blame", "Helemaal onschuldig is ze niet, want ze was niet helemaal onschuldig.",
     "niet helemaal onschuldig"),
    # sensational: a place gripped by it
    ("sensational", "Het filmpje houdt de hele wijk al weken bezig.", "hele wijk"),
    ("sensational", "Een seksvideo die heel Zwolle schokt.", "heel Zwolle"),
    ("sensational", "Het gênante filmpje ging de hele school door.", "gênante filmpje"),
])
def test_a_kind_is_found_by_its_structure(checker, category: str, text: str,
                                         expected: str) -> None:
    found = errors_of(checker, text, category)
    assert any(expected in f or f in expected for f in found), (text, found)


@pytest.mark.parametrize("category,text", [
    # general policy, what the school does, a denial
    ("speculation", "Leerlingen die het beeld doorsturen, kunnen een maatregel krijgen."),
    ("speculation", "Wij nemen maatregelen; welke, maken wij niet bekend."),
    ("speculation", "Er is geen reden om uw kind deze week thuis te houden."),
    ("speculation", "Wie zich niet goed voelt, mag thuisblijven; meld het bij de mentor."),
    ("speculation", "Alle klassen krijgen deze week een les over toestemming."),
    ("speculation", "We hebben het platform gevraagd de foto te verwijderen."),
    # the reader, advice, what can happen in general
    ("speculation", "Mogelijk heeft uw kind er al iets over gehoord."),
    ("speculation", "Misschien is het goed om er thuis rustig over te praten."),
    ("speculation", "Een foto doorsturen lijkt misschien een grap, maar het doet pijn."),
    ("speculation", "Doorsturen is strafbaar, ook als het als grapje bedoeld is."),
    ("speculation", "Een beeld kan iemand lang achtervolgen; daarom sturen we het niet door."),
    ("speculation", "Maakt u zich zorgen over de situatie thuis? Bel Veilig Thuis."),
    ("speculation", "Wij hebben de tekst afgestemd met de familie en met de politie."),
    ("speculation",
     "Bijna de helft van de jongeren zegt weleens een sexy bericht te hebben gekregen."),
    ("speculation", "Wij wisten niet dat het beeld al langer rondging."),
    ("speculation", "De politie kan bij een onderzoek telefoons in beslag nemen."),
    ("speculation", "Instagram heeft de video na onze melding verwijderd."),
    ("speculation", "We hebben onze eigen kanalen nagekeken; daar stond het beeld niet."),
    ("relation", "Ook als ouders gescheiden zijn, krijgen beide ouders deze brief."),
    # blame: the school's own plans, advice to parents, the rule that she stays a victim
    ("blame", "De tablets worden voortaan alleen onder toezicht gebruikt."),
    ("blame", "Tip voor ouders: zet samen met uw kind de instellingen op privé."),
    ("blame", "Een kind dat wordt afgeperst, is slachtoffer, ook als het zelf iets stuurde."),
    ("blame", "Jongeren kunnen ook zelf contact opnemen met Helpwanted."),
    # sensational: a fact about the country, consent
    ("sensational", "Scholen in heel Nederland hebben met zulke situaties te maken."),
    ("sensational", "Deel nooit een foto zonder expliciete toestemming van wie erop staat."),
])
def test_the_same_words_in_general_pass(checker, category: str, text: str) -> None:
    assert not errors_of(checker, text, category), text


MEASURE = "De twee jongens mogen deze week niet op school komen."


def _measures(catalog, question_id: str, accepted: dict[str, str] | None):  # type: ignore[no-untyped-def]
    values = {"pupil_visible": True, "origin": "unknown", "school_type": "vo",
              question_id: [MEASURE]}
    found = check_answers(catalog, values, accepted, only=[question_id])
    return [f for f in found if f.finding.rule == "speculatie_maatregel"]


def test_a_measure_without_a_sanction_word_is_never_kept_in_a_public_text(catalog) -> None:  # type: ignore[no-untyped-def]
    """Trial 12 F1: like a suspension, a measure about pupils one can identify said without a
    sanction word is not kept by a reason in a text that reaches the parents."""
    measures = _measures(catalog, "actions_extra", {"actions_extra": "de ouders willen het weten"})
    assert measures and not any(f.keepable for f in measures)


def test_a_measure_in_a_text_for_the_team_only_is_keepable(catalog) -> None:  # type: ignore[no-untyped-def]
    measures = _measures(catalog, "teachers_extra", None)
    assert measures and all(f.keepable and not f.public for f in measures)
