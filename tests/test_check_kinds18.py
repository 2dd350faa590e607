"""The kinds of round 18, each by its structure, in sentences written for the kind (not taken
from a corpus). Who saw the image or who is on it, said for everyone ("iedereen herkent hem
direct"); the chat of a named group ("de groepsapp van de korfbal", "#kanaal", "de 3C-chat");
a pupil's club, shop or church with its name or place; counts at a post as fact ("3.400
views"); the police's steps in more forms; a family's faith or strictness; emoji and
exclamations that dramatise; blame in a judgement of or advice to the victim ("dom van haar
om ...", "voortaan een langere rok"); when the image was made; someone who opened the account
or link; a criminal step against a person; what follows a person's own number or address; a
name no list knows, from where it stands. And the look-alikes that stay clean: a school that
acts as an organisation, general statements about rumours, the law, advice to everyone."""

from __future__ import annotations

import pytest

from commgen.foundation.concepts import ERROR
from tests.conftest import errors_of

ROUND18 = {"speculatie18_iedereen", "groep18_app", "plek18_club", "speculatie16_aantal",
           "speculatie_stappen", "speculatie_thuis", "sensatie18_uitroep", "schuld18_voortaan",
           "beeld18_tijd", "bewijs18_bekeken", "strafzaak18_stap", "about-pupil", "name"}


@pytest.mark.parametrize("category,text,expected", [
    # who saw it or who it is, for everyone
    ("speculation", "Op de club herkent iedereen hem direct.", "herkent iedereen"),
    ("speculation", "Iedereen in het dorp weet meteen om wie het gaat.", "om wie het gaat"),
    ("speculation", "Iedereen uit zijn straat heeft het filmpje al gezien.", "heeft het filmpje"),
    # the chat of a named group
    ("group", "Het filmpje ging rond in de groepsapp van de korfbal.", "groepsapp van de korfbal"),
    ("group", "Op Discord stond het in het kanaal #brugpieper-memes.", "#brugpieper-memes"),
    ("group", "Iemand uit de 3C-chat heeft het doorgestuurd.", "3C-chat"),
    # a pupil's club, shop or church with its name or place
    ("address", "Ze traint op vrijdag bij de turnvereniging in Heerhugowaard.",
     "bij de turnvereniging in Heerhugowaard"),
    ("address", "Hij speelt waterpolo bij De Zeehondjes, daar kent iedereen hem.",
     "waterpolo bij De Zeehondjes"),
    ("address", "Zijn vader werkt bij de slager tegenover de Plus in Heiloo.",
     "werkt bij de slager tegenover de Plus"),
    ("address", "Het gezin gaat elke vrijdag naar de moskee aan de Vondelweg.",
     "naar de moskee aan de Vondelweg"),
    # counts at a post, as fact
    ("speculation", "Het bericht had binnen een dag 3.400 views.", "3.400 views"),
    ("speculation", "De video is door honderden kijkers bekeken.", "honderden kijkers bekeken"),
    # the police's steps, a family's faith or strictness
    ("speculation", "De recherche gaat volgende week zijn laptop in beslag nemen.",
     "in beslag nemen"),
    ("speculation", "Volgende week wordt zij waarschijnlijk gedagvaard.", "gedagvaard"),
    ("speculation", "Haar familie is erg gelovig, dus dit ligt gevoelig.", "erg gelovig"),
    ("speculation", "Hij komt uit een streng religieus gezin.", "streng religieus gezin"),
    # emoji and exclamations that dramatise
    ("sensational", "Heb je het al gezien?? 😱", "😱"),
    ("sensational", "Wat gebeurt hier allemaal!!!", "!!!"),
    # blame in a judgement of or advice to the victim
    ("blame", "Het was ook wel dom van haar om dat filmpje te maken.", "dom van haar om"),
    ("blame", "Wij adviseren de meisjes voortaan een langere rok te dragen.",
     "voortaan een langere rok"),
    ("blame", "Had hij die jongen maar meteen geblokkeerd, dan was er niets gebeurd.",
     "maar meteen geblokkeerd"),
    # when the image was made
    ("image-detail", "De foto is genomen op 3 november rond 23.10 uur.", "genomen op 3 november"),
    ("image-detail", "Het is opgenomen rond half 3 's nachts.", "half 3 's nachts"),
    # someone opened the account or the link
    ("evidence", "De teamleider heeft het account zelf nog even geopend.", "geopend"),
    ("evidence", "Ik heb het kanaal gisteravond nog bekeken.", "bekeken"),
    # a criminal step against a person
    ("legal-term", "Tegen drie klasgenoten is inmiddels aangifte gedaan.", "aangifte gedaan"),
    ("legal-term", "Er is een Halt-dossier geopend voor de jongen.", "Halt-dossier"),
    ("legal-term", "Zij is als getuige gehoord door de zedenpolitie.", "als getuige gehoord"),
    # what follows a person's own number or address
    ("speculation", "Haar nummer is 06-13572468, ze wordt sindsdien steeds gebeld.",
     "ze wordt sindsdien steeds gebeld"),
    ("speculation", "Ze wonen aan de Beukenlaan 12, daar staat nu elke avond een auto.",
     "daar staat nu elke avond een auto"),
    # a name no list knows, from where it stands
    ("name", "De tante van Zhyldyz belde vanochtend.", "Zhyldyz"),
    ("name", "Wie kent die Tadeusz uit de vierde?", "Tadeusz"),
])
def test_a_kind_is_found_by_its_structure(checker, category: str, text: str,
                                         expected: str) -> None:
    """Found by one of the round's rules or detectors."""
    start = text.index(expected)
    found = [(f.start, f.end, f.rule) for f in checker.check(text)
             if f.category == category and f.severity == ERROR]
    assert any(a < start + len(expected) and b > start and rule in ROUND18
               for a, b, rule in found), (text, found)


@pytest.mark.parametrize("category,text", [
    # a school that acts as an organisation, with an article, after "en", or that we asked
    ("group", "Wij hebben het Vechtdal College gebeld om de aanpak af te stemmen."),
    ("group", "De directie van het Groene Hart Lyceum heeft een eigen brief gestuurd."),
    ("group", "Het Stedelijk Gymnasium en het Minkema College organiseren samen een avond."),
    ("group", "Het samenwerkingsverband Kennemerland denkt met ons mee."),
    # rumours, the law and advice in general
    ("speculation", "Geruchten doen veel pijn, ook bij wie er niets mee te maken heeft."),
    ("speculation", "Hoor je een gerucht, vertel het dan niet verder."),
    ("speculation", "We kunnen niet beloven dat de foto overal verdwenen is."),
    ("legal-term", "Aangifte doen tegen iemand kan bij elk politiebureau."),
    ("legal-term", "Wie online iemand uitscheldt, kan ook strafbaar zijn voor smaad."),
    ("evidence", "Niemand van het team heeft het account geopend."),
    ("evidence", "Een screenshot maken valt ook onder bezit; verwijder het."),
    ("blame", "Wij raden iedereen aan voortaan niets door te sturen."),
    ("blame", "De journalist vroeg om een reactie van de school."),
    ("blame", "Wij zullen voortaan beter letten op wie er in de kleedkamer komt."),
    ("sensational", "Sterkte voor iedereen die hier verdriet van heeft ❤️"),
    ("sensational", "Dit is geen schandaal maar een schending van iemands privacy."),
    ("address", "Veel kinderen sporten bij een vereniging in de buurt."),
    ("image-detail", "Kies een rustig moment voor het gesprek, bijvoorbeeld in de auto."),
    # a place, a country, an idiom with a first name
    ("name", "De moeder van Nederland is een bijnaam van een oude tv-presentatrice."),
    ("name", "Leg het uit in Jip-en-Janneketaal, dan snapt iedereen het."),
    ("name", "Ook een ongelovige Thomas is welkom op de ouderavond."),
])
def test_a_look_alike_is_no_error(checker, category: str, text: str) -> None:
    assert not errors_of(checker, text, category), text


def test_a_verb_of_advice_is_no_part_of_an_allowed_name() -> None:
    """"Mail Yvonne gerust": the contact person's name after a verb that opens the sentence
    is hers and allowed; another person's name there is still found."""
    from commgen.checks.allow import AllowList
    from commgen.checks.run import make_checker

    allow = AllowList()
    allow.add_values({"contact": {"name": "Yvonne Kersten"}})
    checker = make_checker("parents-class", allow=allow)
    assert not errors_of(checker, "Mail Yvonne gerust als u vragen heeft.", "name")
    assert not errors_of(checker, "Bel Yvonne Kersten als je twijfelt.", "name")
    assert errors_of(checker, "Bel Sanne de Vries even op.", "name") == ["Sanne de Vries"]
