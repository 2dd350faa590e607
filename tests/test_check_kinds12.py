"""Round detect12b: false alarms fixed by their reason, not by their sentence, and the school's
own role address agreeing with its website (trial-check10, F14). Each reason is shown on new
sentences written for it (not taken from a corpus) together with a sentence where the same words
are still a problem, so a fix that only drops the words fails."""

from __future__ import annotations

import pytest

from tests.conftest import errors_of


@pytest.mark.parametrize("category,text", [
    # an age as the subject of a general statement: what anyone of that age may or can do
    ("age", "Een veertienjarige mag in Nederland zelf een account aanmaken."),
    ("age", "Een kind van acht jaar kan nog niet overzien wat een bericht met een ander doet."),
    ("age", "Zestienjarigen mogen zelf naar de huisarts, ook zonder hun ouders."),
    # an account in general: no username after "een eigen ...account"
    ("handle", "Twaalfjarigen mogen nog geen eigen TikTokaccount hebben, dat kan pas later."),
    # a help site by what it offers, also when it says so with "lees meer" or "expertisecentrum"
    ("url", "Op www.veiliginternetten.example leest u wat u ertegen kunt doen."),
    ("url", "Het Netwerk Mediawijsheid (mediawijzer.example) is het kenniscentrum voor ouders."),
    # the setting in a sentence that is not about the image
    ("image-detail", "Alle leerlingen moeten zich veilig kunnen voelen, ook in de douches."),
    ("image-detail", "Wij speculeren niet over hoe de telefoon in de badkamer is terechtgekomen."),
    ("image-detail", "De meiden die in de kleedkamer waren, hebben niets fout gedaan."),
    ("image-detail", "Bij de gymzaal is er voortaan extra toezicht bij de kleedkamers."),
    ("image-detail", "Omkleden in een kleedkamer is heel normaal; niemand hoeft zich te schamen."),
    ("image-detail", "Uit de cijfers: een op de vier jongeren kreeg weleens een sexy foto."),
    ("image-detail", "In de les leren we dat je geen foto's van iemand in de douche maakt."),
    ("image-detail", "Het gesprek met de ouders is in kamer 3.12 op de eerste verdieping."),
    # evidence: the sentence itself says not to, or what is shown is not the image
    ("evidence", "Een schermafbeelding maken is ook bewaren; doe dat dus niet."),
    ("evidence", "Als uw kind u een beeld wil laten zien: niet bekijken en de mentor bellen."),
    ("evidence", "Laat deze brief gerust zien aan opa en oma als zij vragen hebben."),
    ("evidence", "Is een leerling van slag, stuur hem of haar dan naar de mentor."),
    ("evidence", "Wij hebben de video meteen bij het platform gemeld."),
    ("evidence", "Een kopie als bewijs bewaren is echt niet nodig."),
    ("evidence", "Vraagt iemand je om naaktfoto's? Bij Helpwanted kun je anoniem chatten."),
    ("evidence", "In Nederland is het vragen van een minderjarige om naaktbeelden strafbaar."),
    ("evidence", "U mag de chatberichten van de afperser bewaren, maar nooit de beelden zelf."),
])
def test_a_false_alarm_is_fixed_by_its_reason(checker, category: str, text: str) -> None:
    assert not errors_of(checker, text, category), text


@pytest.mark.parametrize("category,text,expected", [
    ("age", "Een veertienjarige uit 3B heeft de foto doorgestuurd.", "veertienjarige"),
    ("age", "Een jongen van twaalf hoort toch te weten dat je dat niet stuurt.", "twaalf"),
    ("age", "Jurre L. (16) mag van zijn moeder thuisblijven.", "16"),
    ("handle", "Zijn TikTok-account heet luukjes, daar stond het op.", "luukjes"),
    ("image-detail", "Op de foto staat ze in de douche van de sporthal.", "Op de foto staat ze"),
    ("image-detail", "De foto is gemaakt in kamer 214 van het hostel.", "in kamer"),
    ("evidence", "Maak een schermafbeelding van de foto en stuur die naar de mentor.",
     "schermafbeelding"),
    ("evidence", "Stuur de video naar de mentor, dan kijkt zij ernaar.", "Stuur de video"),
    ("evidence", "Bewaar de foto als bewijs voor de politie.", "Bewaar de foto"),
    # "lees meer op" is how a school points to its own site too: no help resource by it
    ("url", "Lees meer op www.dewiekslag.example.", "www.dewiekslag.example"),
])
def test_the_same_words_about_this_case_stay_found(checker, category: str, text: str,
                                                   expected: str) -> None:
    found = errors_of(checker, text, category)
    assert any(expected in f or f in expected for f in found), (text, found)


@pytest.mark.parametrize("text", [
    "Mail naar info@dewiekslag.example of kijk op www.dewiekslag.example.",
    "Kijk op www.dewiekslag.example of mail naar info@dewiekslag.example.",
    "Mail naar pers@dewiekslag.example of kijk op www.dewiekslag.example.",
    "Kijk op www.dewiekslag.example of mail naar pers@dewiekslag.example.",
    "Voor informatie: mail info@dewiekslag.example of kijk op www.dewiekslag.example.",
    "Voor informatie: kijk op www.dewiekslag.example of mail pers@dewiekslag.example.",
])
def test_a_role_address_and_the_website_of_its_domain_agree(checker, text: str) -> None:
    """Without options, the role address (info@, pers@ of ``functieadressen``) and the website
    of the same domain both pass (a help or information sentence) or both fail, whatever their
    order; a word inside the address ("info@") is no help word of the sentence."""
    email, url = errors_of(checker, text, "email"), errors_of(checker, text, "url")
    assert bool(email) == bool(url), (text, email, url)
    assert bool(email) == (not text.startswith("Voor informatie")), (text, email, url)


def test_both_get_the_own_details_hint(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import run_cli

    letter = tmp_path / "brief.txt"
    letter.write_text("Mail naar pers@dewiekslag.example of kijk op www.dewiekslag.example.\n",
                      encoding="utf-8")
    code, out, err = run_cli(capsys, "check", str(letter))
    assert code == 1
    assert (out + err).count("--answers") >= 2, out + err


@pytest.mark.parametrize("category,text,expected", [
    # a year of birth a few words after "geboren", a month child, "een 2012'er"
    ("birthdate", "Het meisje is geboren in de zomer van 2012 en zit nu in 2C.", "2012"),
    ("birthdate", "Hij werd geboren op tweede kerstdag 2011, zegt zijn moeder.", "2011"),
    ("birthdate", "Zij is een septemberkind uit 2013.", "septemberkind"),
    ("birthdate", "Als echte 2012'er zit ze al jaren op Snapchat.", "2012'er"),
    ("birthdate", "De jongen, die in 2010 is geboren, woont in Zuidbroek.", "2010"),
    # the next number of the same form after a personal number is one too
    ("id-number", "Leerlingnummer 31-5520 is van Noor, 31-5587 van haar vriendin.", "31-5587"),
    ("id-number", "Leerling 318.204 staat in Magister op de lijst.", "318.204"),
])
def test_a_birth_year_and_a_listed_number_are_found(checker, category: str, text: str,
                                                    expected: str) -> None:
    found = errors_of(checker, text, category)
    assert any(expected in f for f in found), (text, found)


@pytest.mark.parametrize("category,text", [
    # a recent year is this case's date, not a birth year; a school year's numbers are no id
    ("birthdate", "De school is geboren uit een fusie in 2025."),
    ("birthdate", "Het idee voor de ouderavond is in 2026 geboren."),
    ("id-number", "Bel 085-4012345 of 085-4012399 voor een afspraak."),
])
def test_a_recent_year_or_a_phone_number_is_no_personal_detail(checker, category: str,
                                                                text: str) -> None:
    assert not errors_of(checker, text, category), text
