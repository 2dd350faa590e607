"""Findings of the command-line trial cli9 (/work/trial-cli9.md) on the checks: each test
reproduces a finding on the old code and holds the fix end to end (real documents, the CLI).

- 23: a line of consent or trust ("in vertrouwen") in a case where the image was made
  secretly, under pressure, by extortion, or is edited;
- 16 and 20: the pupil's gender after a preposition ("goed met haar"), in a sentence that says
  "Een leerling", and in ``commgen check`` for every audience but internal;
- 12: what of the user's own "Wat zeggen we verder niet?" items a public document is held to;
- 22 and 8: "geen commentaar" in ``commgen check`` and at the question; no police sentence
  suggested without the police's approval; a blocked run says last that nothing was written;
- 15: ``commgen check`` of a document commgen made reads its audience from its properties.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from commgen.app.generate import generate
from commgen.app.report import report
from commgen.checks.consistency import not_said_items
from commgen.checks.findings import Finding
from commgen.questions.catalog import load_catalog
from tests.conftest import TEMPLATES, run_cli, write_answers
from tests.goldentext import NOW

IN_TRUST = "Wie iets in vertrouwen deelt, mag erop rekenen dat het privé blijft."


def _check_text(capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str,
                *args: str) -> tuple[int, str]:
    path = tmp_path / "tekst.txt"
    path.write_text(text, encoding="utf-8")
    code, out, _err = run_cli(capsys, "check", str(path), *args)
    return code, out


def _consistency(result, doc_id: str) -> list[Finding]:  # type: ignore[no-untyped-def]
    return [f for d in result.review.documents if d.doc_id == doc_id for f in d.findings
            if f.category == "consistency"]


# --- 23: consent or trust when the image was made otherwise -----------------------------

def test_an_in_trust_line_in_a_secretly_filmed_case_stops_every_public_document(
        tmp_path: Path) -> None:
    path = write_answers(tmp_path, {"view_extra": [IN_TRUST]}, base="vo-stiekem-gefilmd")
    result = generate(path, tmp_path / "out", TEMPLATES, now=NOW)
    assert "brief-ouders-klas" in result.blocked and not result.written
    found = [f for f in _consistency(result, "brief-ouders-klas") if "vertrouwen" in f.message]
    assert found and "zonder dat de leerling het wist" in found[0].message
    assert found[0].suggestion and "in vertrouwen" not in found[0].suggestion
    assert found[0].text == IN_TRUST


@pytest.mark.parametrize(("overrides", "reason"), [
    ({"origin": "secret"}, "zonder dat de leerling het wist"),
    ({"origin": "pressure"}, "onder druk gezet"),
    ({"origin": "sextortion"}, "afgeperst"),
    ({"origin": "unknown", "material": "edited"}, "bewerkt of nagemaakt"),
])
def test_check_with_answers_reports_words_of_consent_by_how_the_image_was_made(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, overrides: dict[str, str],
        reason: str) -> None:
    answers = write_answers(tmp_path, overrides, base="vo-stiekem-gefilmd")
    text = IN_TRUST + "\n\nDe leerling had het filmpje met toestemming aan een vriend gestuurd.\n"
    code, out = _check_text(capsys, tmp_path, text, "--answers", str(answers),
                            "--audience", "parents-class")
    assert code == 1
    assert "'in vertrouwen' klinkt alsof" in out and "'met toestemming' klinkt alsof" in out
    assert reason in out


@pytest.mark.parametrize("material", ["photo", "edited"])
def test_a_line_of_trust_fits_an_image_shared_in_trust(capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path, material: str) -> None:
    """Also an edited image made from a photo the pupil shared in trust."""
    answers = write_answers(tmp_path, {"origin": "voluntary", "material": material},
                            base="vo-stiekem-gefilmd")
    _code, out = _check_text(capsys, tmp_path, IN_TRUST + "\n", "--answers", str(answers),
                             "--audience", "parents-class")
    assert "klinkt alsof" not in out
    # and a sentence that says the image was *not* shared in trust is no finding either
    answers = write_answers(tmp_path, {"origin": "secret"}, base="vo-stiekem-gefilmd")
    _code, out = _check_text(capsys, tmp_path, "Het beeld is niet in vertrouwen gedeeld.\n",
                             "--answers", str(answers), "--audience", "parents-class")
    assert "klinkt alsof" not in out


def test_the_check_at_the_question_reports_the_in_trust_line(catalog) -> None:  # type: ignore[no-untyped-def]
    from commgen.app.answercheck import check_answers

    values = {"pupil_visible": True, "origin": "secret", "school_type": "vo",
              "view_extra": [IN_TRUST]}
    found = check_answers(catalog, values, only=["view_extra"])
    assert any("klinkt alsof" in f.finding.message for f in found)


# --- 16 and 20: the pupil's gender ------------------------------------------------------

GENDER_TEXT = ("Het meisje is weer op school.\n\n"
               "De leerling is weer op school en het gaat goed met haar.\n\n"
               "Een leerling is weer op school. Het gaat naar omstandigheden goed met haar.\n\n"
               "Wij zijn er voor hem.\n")


@pytest.mark.parametrize("audience", ["press", "parents-other", "parents-class", "teachers",
                                      None])
def test_check_reports_the_pupils_gender_for_every_audience_but_internal(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, audience: str | None) -> None:
    code, out = _check_text(capsys, tmp_path, GENDER_TEXT,
                            *(("--audience", audience) if audience else ()))
    assert code == 1
    assert "'meisje' zegt iets over het geslacht" in out
    assert out.count("'haar' zegt iets over het geslacht") == 2  # "met haar", twice
    assert "'hem'" not in out  # "Wij zijn er voor hem.": no sentence about the pupil before


def test_check_of_an_internal_text_has_no_gender_rule(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    _code, out = _check_text(capsys, tmp_path, GENDER_TEXT, "--audience", "internal")
    assert "zegt iets over het geslacht" not in out


def test_check_with_answers_reports_the_gender_in_an_update_for_other_classes(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    answers = write_answers(tmp_path)
    code, out = _check_text(capsys, tmp_path, "Een leerling is weer op school en het gaat naar "
                            "omstandigheden goed met haar.\n", "--answers", str(answers),
                            "--audience", "parents-other")
    assert code == 1 and "'haar' zegt iets over het geslacht" in out


# --- 12: the user's own "do not say" items ----------------------------------------------

def test_what_of_a_not_said_item_is_checked() -> None:
    from commgen.app.answercheck import case_rules

    rules = case_rules(load_catalog(TEMPLATES))
    assert rules is not None
    items = not_said_items(rules, {"not_said_extra": [
        "Niet dat het filmpje op TikTok stond.",
        'Niets over de "schorsing" van de twee leerlingen.',
        "Geen namen van klassen.",
        'Als iemand vraagt of het op school gebeurde, zeggen we niets over "de gymzaal" of '
        "over de trainer van Snapchat-groep Vrienden."],
        "actions_extra": ["De schorsing duurt een week."]})
    folded = {i.casefold() for i in items}
    assert {"tiktok", "schorsing", "de gymzaal", "snapchat-groep", "vrienden"} <= folded
    assert not {"niet", "filmpje", "stond", "leerlingen", "trainer", "school"} & folded
    # an ordinary word of an item is no ban on the word ("Geen namen van klassen." and the
    # vetted "ouders van andere klassen", or the user's own "in andere klassen"): only the
    # whole item, its quoted words and its names are checked
    assert not {"namen", "klassen"} & folded
    assert "geen commentaar" in folded  # always on the list


def test_a_platform_the_list_forbids_stops_the_public_documents(tmp_path: Path) -> None:
    path = write_answers(tmp_path, {
        "not_said_extra": ["Niets over de schorsing van de twee leerlingen.",
                           "Niet dat het filmpje op TikTok stond."],
        "situation_extra": ["Een leerling is zonder het te weten gefilmd en dat filmpje is "
                            "gedeeld in een groepsapp & daarna op TikTok."]},
        base="vo-stiekem-gefilmd")
    result = generate(path, tmp_path / "out", TEMPLATES, now=NOW)
    public = {"brief-ouders-klas", "communicatiestatement-website"}
    for doc_id in public:
        assert any("('TikTok')" in f.message for f in _consistency(result, doc_id)), doc_id
    assert not any("TikTok" in f.message for f in _consistency(result, "communicatiestatement"))
    assert public <= set(result.blocked)


def test_the_question_says_how_to_write_an_item_that_is_checked() -> None:
    question = load_catalog(TEMPLATES).by_id["not_said_extra"]
    assert "aanhalingstekens" in question.help["nl"] and "hoofdletter" in question.help["nl"]


# --- 22 and 8: one rule set; the police in a suggestion; a blocked run -------------------

def test_check_finds_geen_commentaar_in_a_press_text(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    code, out = _check_text(capsys, tmp_path, "Wij geven geen commentaar.\n",
                            "--audience", "press")
    assert code == 1 and "('geen commentaar')" in out
    assert "Beter: Meer kunnen we nu niet zeggen" in out


def test_the_check_at_the_question_finds_geen_commentaar(catalog) -> None:  # type: ignore[no-untyped-def]
    from commgen.app.answercheck import check_answers

    values = {"pupil_visible": True, "origin": "secret", "school_type": "vo",
              "audiences": ["press"], "press_extra": ["Verder geen commentaar."]}
    found = check_answers(catalog, values, only=["press_extra"])
    assert any("geen commentaar" in f.finding.message for f in found)


def test_no_police_sentence_is_suggested_without_the_polices_approval(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = "We hebben het gesprek met de daders gevoerd.\n"
    _code, out = _check_text(capsys, tmp_path, text, "--audience", "parents-class")
    assert "[legal-term]" in out and "De politie is ingeschakeld" not in out
    assert "Beter: Hoe het beeld is verspreid, wordt uitgezocht" in out
    answers = write_answers(tmp_path, {"approvals": ["board", "family", "police"]})
    _code, out = _check_text(capsys, tmp_path, text, "--answers", str(answers),
                             "--audience", "parents-class")
    assert "Beter: De politie is ingeschakeld" in out


def test_a_police_fact_without_answers_is_a_warning(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    _code, out = _check_text(capsys, tmp_path, "De politie doet onderzoek.\n",
                             "--audience", "press")
    assert "waarschuwing [consistency]" in out and "Zonder --answers" in out


def _blocked_result(blocked: list[str]) -> SimpleNamespace:
    review = SimpleNamespace(answers=[], documents=[], holds_guarded=lambda _d: False)
    return SimpleNamespace(notes=[], review=review, written=[], blocked=blocked,
                           accepted={"brief-ouders-klas": "De familie wil het"},
                           answers_path=Path("antwoorden.yaml"), kept={}, not_applicable=[
                               SimpleNamespace(id="brief-andere-school")],
                           send_channel=(None, ""), plain_texts=[])


def test_a_blocked_run_says_last_that_nothing_was_written(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert report(_blocked_result(["persverklaring"])) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert not any("Geschreven" in line for line in lines)
    assert lines[-2].startswith("Niets geschreven: persverklaring bevat nog fouten")
    assert lines[-1].startswith("Wijzig de antwoorden met")
    report(_blocked_result(["persverklaring", "brief-ouders-klas"]))
    out = capsys.readouterr().out
    assert "persverklaring, brief-ouders-klas bevatten nog fouten" in out


def test_generate_blocked_by_geen_commentaar_writes_nothing_and_says_so_last(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_answers(tmp_path, {"press_extra": ["Verder geen commentaar."]},
                         base="vo-stiekem-gefilmd")
    code, out, _err = run_cli(capsys, "generate", str(path), "--out", str(tmp_path / "out"))
    assert code == 1 and not list((tmp_path / "out").glob("*.docx"))
    lines = out.strip().splitlines()
    assert "Geschreven" not in out
    assert lines[-2].startswith("Niets geschreven: persverklaring bevat nog fouten")


# --- 15: the audience of a document commgen made ----------------------------------------

def test_check_reads_the_audience_of_a_letter_commgen_made(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"class_named": "ja", "class_name": "4 vwo"},
                            base="vo-stiekem-gefilmd")
    out_dir = tmp_path / "out"
    code, _out, _err = run_cli(capsys, "generate", str(answers), "--out", str(out_dir))
    assert code == 0
    letter = out_dir / "brief-ouders-klas.docx"
    from commgen.docx.reader import docx_text

    assert "4 vwo" in docx_text(letter.read_bytes())
    code, out, _err = run_cli(capsys, "check", str(letter), "--answers", str(answers))
    assert code == 0, out
    assert "[group]" not in out
    # the letter to the other classes never names the class, not even with the answers
    other = tmp_path / "andere.txt"
    other.write_text("Het gaat om 4 vwo.\n", encoding="utf-8")
    code, out, _err = run_cli(capsys, "check", str(other), "--answers", str(answers))
    assert code == 1 and "[group]" in out


def test_advice_that_names_the_police_is_kept_without_the_polices_approval(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """trial-check10 F5: "bewaar het als bewijs" got the sentence about how the image spread,
    because its own suggestion ("volg het advies van de politie") names the police. Advice is
    no fact about the case: only a suggestion that states a police fact waits for approval."""
    text = "Heeft u het beeld ontvangen, bewaar het dan als bewijs.\n"
    _code, out = _check_text(capsys, tmp_path, text, "--audience", "parents-class")
    assert "[evidence]" in out
    assert "Beter: Bewaar of stuur het niet door, ook niet naar school" in out
    assert "Hoe het beeld is verspreid" not in out
