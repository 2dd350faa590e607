"""Every sentence holds for the answers given: the case of the new-user trial cli9.

A pupil secretly filmed; a class chat, then public TikTok; the family reported to the police,
who investigate and have not approved the wording; the family agrees to the letters; the press
called; no phone numbers on the website; the contact person gives a private address and a 06
number. Each test names the trial's finding it holds to (they failed on the code before).
"""

from __future__ import annotations

import docx
import pytest

from commgen.answers.answersfile import load_answers
from commgen.app.contactcheck import contact_warnings, email_warning, private_mail_services
from commgen.app.generate import generate_from_answers
from commgen.app.interview import Draft, Interview
from commgen.docx.reader import docx_text
from commgen.foundation.i18n import set_language
from tests.conftest import run_cli, write_answers
from tests.goldentext import NOW

TRIAL = {
    "origin": "secret", "material": "video",
    "channel": ["group_apps", "public_online"], "spread": ["one_class"],
    "police": ["report_family", "investigation"], "approvals": ["board", "family"],
    "reporting": ["platform", "helpwanted", "meldpunt"], "media": "questions",
    "audiences": ["parents_class", "staff", "press", "online"], "phones_public": False,
    "contact_phone": "06-12345678", "contact_email": "marieke.hofstede1978@gmail.com",
    "lesson_classes": "one",
}
DROP = ("situation_extra", "view_extra", "actions_extra", "why_extra", "press_extra")
PUBLIC = ("communicatiestatement-website", "brief-ouders-klas", "persverklaring",
          "reacties-sociale-media")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, catalog) -> dict[str, str]:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("trial")
    path = write_answers(folder, TRIAL, base="vo-stiekem-gefilmd", drop=DROP)
    result = generate_from_answers(catalog, load_answers(path, catalog), folder / "out", now=NOW)
    texts = {w.path.stem: docx_text(w.path.read_bytes()) for w in result.written
             if w.path.suffix == ".docx"}
    texts["_folder"] = str(folder / "out")
    return texts


def test_public_texts_give_the_rule_not_the_fact_of_secret_filming_before_the_police_approve(
        made: dict[str, str], catalog) -> None:  # type: ignore[no-untyped-def]
    """Finding 13: how the image was made is a fact of the police's investigation; until they
    approve, public texts say the general rule, and the origin question's help says so."""
    for doc in ("communicatiestatement-website", "brief-ouders-klas"):
        text = made[doc]
        assert "gemaakt zonder dat de leerling het wist" not in text, doc
        assert "Iemand zonder toestemming seksueel filmen of fotograferen is strafbaar" in text
        assert "treft geen enkele blaam" in text, doc
    shareable, annex = made["communicatiestatement"].split("Bijlage: alleen voor het crisisteam")
    assert "gemaakt zonder dat de leerling het wist" not in shareable  # it may go outside
    assert "zonder medeweten van de leerling" in annex
    assert "gemaakt zonder dat de leerling het wist" in made["handreiking-team"]
    help_nl = catalog.by_id["origin"].help["nl"]
    assert "nooit in een brief" not in help_nl
    assert "algemene regel" in help_nl and "politie" in help_nl


def test_nothing_suggests_sexting_for_a_secretly_made_image(
        made: dict[str, str], catalog) -> None:  # type: ignore[no-untyped-def]
    """Finding 14: no "shame sexting"; the removal message says the image should never have
    been made; the help of the pupils' approach does not say making an image is no problem."""
    for doc, text in made.items():
        assert "shame sexting" not in text, doc
    assert ("Er gaat een beeld rond dat nooit gemaakt en nooit doorgestuurd had mogen worden."
            in made["verwijderbericht-leerlingen"])
    help_nl = " ".join(catalog.by_id["pupil_approach"].help["nl"].split())
    assert "niet het maken van een beeld" not in help_nl
    assert "stiekem" in help_nl


def test_a_public_channel_is_never_a_limited_spread(made: dict[str, str]) -> None:
    """Finding 11: on public social media the image is not "beperkt gedeeld" nor shared
    "binnen één klas": the spread sentence says the extent is not known."""
    for doc, text in made.items():
        assert "beperkt gedeeld" not in text, doc
        assert "binnen één klas" not in text and "vooral gedeeld binnen" not in text, doc
    for doc in ("persverklaring", "communicatiestatement-website"):  # the press's words
        assert "De omvang is nog niet bekend." in made[doc], doc
    for doc in ("communicatiestatement", "brief-ouders-klas", "handreiking-team"):
        assert "is nog niet bekend hoe ver het verder is verspreid" in made[doc], doc


def test_public_replies_never_print_a_number_kept_off_the_website(made: dict[str, str]) -> None:
    """Finding 10: "no phones on the website" holds for every public text: the social-media
    replies give the school's own number, never the contact person's mobile."""
    mobile, school = "06 12 34 56 78", "055 521 40 00"
    for doc in PUBLIC:
        if doc != "brief-ouders-klas":  # the letter goes to the parents themselves
            assert mobile not in made[doc], doc
    replies = made["reacties-sociale-media"]
    assert f"Neem contact op met de school via {school}." in replies
    assert mobile in made["brief-ouders-klas"]  # a letter to parents keeps the contact's number


def test_the_press_hears_no_class_and_the_lesson_is_about_feelings(made: dict[str, str]) -> None:
    """Finding 19: "in één klas is met leerlingen gesproken over wat er is gebeurd" points at
    the class and misstates the lesson."""
    for doc in ("persverklaring", "communicatiestatement-website"):
        assert "In één klas" not in made[doc], doc
        assert "over wat er is gebeurd" not in made[doc], doc
    assert "Met leerlingen is gesproken over toestemming" in made["persverklaring"]
    assert "over wat dit met hen doet" in made["brief-ouders-klas"]


def test_the_removal_request_has_no_trailing_space(
        tmp_path, catalog) -> None:  # type: ignore[no-untyped-def]
    """Finding 21: "... Meldpunt Kinderporno (Offlimits). " ended the paragraph with a space
    when the Meldpunt was the only report; with two, one space stays between them."""
    for reporting, expected in (
            (["meldpunt", "platform"], "Het beeld is gemeld bij Meldpunt Kinderporno (Offlimits)."),
            (["meldpunt", "helpwanted"], "Het beeld is gemeld bij Meldpunt Kinderporno "
             "(Offlimits). Helpwanted (Offlimits) helpt ons bij het verwijderen.")):
        folder = tmp_path / reporting[1]
        folder.mkdir()
        path = write_answers(folder, {**TRIAL, "reporting": reporting},
                             base="vo-stiekem-gefilmd", drop=DROP)
        generate_from_answers(catalog, load_answers(path, catalog), folder / "out", now=NOW)
        document = docx.Document(str(folder / "out" / "verwijderverzoek-platform.docx"))
        lines = [p.text for p in document.paragraphs if "Meldpunt" in p.text]
        assert lines == [expected], lines


def test_a_private_address_and_a_mobile_number_are_warned_of(catalog) -> None:  # type: ignore[no-untyped-def]
    """Finding 4: the list of private mail services is data; a 06 number is a warning only."""
    set_language("nl")
    services = private_mail_services(catalog.snippets_dir)
    assert {"gmail.com", "hotmail.com", "outlook.com", "icloud.com", "ziggo.nl",
            "kpnmail.nl"} <= services
    values = {"school_email": "info@eemlandlyceum.nl", **TRIAL}
    found = dict(contact_warnings(catalog.snippets_dir, values))
    assert found["contact_email"].startswith("Dit is geen adres van de school "
                                             "(eemlandlyceum.nl): gmail.com")
    assert "mobiel nummer" in found["contact_phone"]
    fine = {**values, "contact_email": "m.hofstede@eemlandlyceum.nl",
            "contact_phone": "033 461 23 45"}
    assert contact_warnings(catalog.snippets_dir, fine) == []
    assert email_warning("a@Hotmail.com", {"school_website": "https://www.school.nl/x"},
                         services).startswith("Dit is geen adres van de school (school.nl)")


def test_the_interview_warns_at_the_question_and_keeps_the_answer(
        tmp_path, catalog, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    set_language("nl")
    draft = Draft(tmp_path / "antwoorden.yaml")
    draft.answered = {"school_email": "info@eemlandlyceum.nl"}
    typed = {"contact_email": "marieke.hofstede1978@gmail.com", "contact_phone": "06-12345678"}
    interview = Interview(catalog, draft, asker=lambda q, *_a: typed[q.id], check=False)
    for qid in typed:
        interview._ask_and_keep(catalog.by_id[qid])
    err = capsys.readouterr().err
    assert "Dit is geen adres van de school (eemlandlyceum.nl)" in err
    assert "Dit is een mobiel nummer" in err
    assert draft.answered["contact_email"] == "marieke.hofstede1978@gmail.com"


def test_history_lists_internal_documents_apart_from_what_was_sent(
        tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    """Finding 21: the crisis team's statement and the front-desk card were listed as sent;
    finding 19: a file this commgen made is not "made by an older commgen"."""
    answers = write_answers(tmp_path, drop=DROP)
    code, _out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path))
    assert code == 0, err
    code, out, err = run_cli(capsys, "history", str(answers))
    assert code == 0, err
    assert "oudere commgen" not in out + err
    sent, _sep, internal = out.partition("Gemaakt voor intern gebruik (niet verstuurd):")
    assert internal, out
    sent_part = sent.split("Verstuurd:")[1]
    for title in ("Communicatiestatement,", "Kaart voor de receptie"):
        assert title not in sent_part, (title, sent_part)
    assert "Communicatiestatement," in internal
    assert "Brief aan ouders" in sent_part
