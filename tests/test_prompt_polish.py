"""The interview's prompts as a person sees them: the cursor, an answer the check rejected,
several answers with --set; in Dutch and in English."""

from __future__ import annotations

import re
from pathlib import Path

from commgen.docx.reader import docx_text
from tests.conftest import TEMPLATES
from tests.test_interview import invoke, typed

SAMPLE = TEMPLATES.parent / "samples" / "vo-politie.yaml"


# The review numbers the answers in the catalogue's order (asserted below, so that a changed
# catalogue says why the test types the wrong number).
PLACE, SITUATION = "2", "19"


def test_prompts_are_indented_with_one_space_before_the_cursor(tmp_path: Path) -> None:
    """Every prompt: "  › " (or "  nummer: "); an answer changed from the review is offered
    as "  [Zwolle] › "."""
    result = invoke(["new", "--out", str(tmp_path)], [*typed(), PLACE, "", "m"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert f"\n   {PLACE}. Plaats van de school: Zwolle\n" in out
    # Click echoes what was typed after the prompt: "  › Zwolle", "  nummer: 1".
    assert "\n  › OBS De Vlinderboom\n" in out and "\n  › Zwolle\n" in out
    assert "\n  nummer: 1\n" in out
    assert "\n  [Zwolle] › \n" in out
    assert not re.search(r"^ ?[>›]", out, re.MULTILINE), "a prompt not indented like the rest"
    assert not re.search(r"[>›:]  \S", out), "two spaces before the cursor"


def test_a_rejected_answer_offered_again_shows_its_finding_first(tmp_path: Path) -> None:
    """A text the check rejected ("decide later"), changed from the review: its finding is
    shown before the text is offered again as the default."""
    # only a guarded name ('Daan deelde het beeld' is also a claim of who shared it, detect13)
    named = "Ook Daan heeft ervan gehoord."
    lines = typed({"situation_extra": [named, "", "4"]})  # 4: decide later
    # the review: change that answer by its number; Enter keeps the current text, then
    # the check asks again (1: edit), a clean text is typed, and the review is left.
    result = invoke(["new", "--out", str(tmp_path)],
                    [*lines, SITUATION, "", "1", "Het beeld werd in de klas gedeeld.", "", "m"])
    assert result.exit_code == 0, result.output
    after = result.output.split("Controleer uw antwoorden", 1)[1].split("\n\n", 1)[1]
    assert f'  {SITUATION}. Wilt u nog iets toevoegen aan "Wat speelt er?"' in after
    warning = after.find("Het huidige antwoord op de volgende vraag, dat weer als standaard "
                         "wordt aangeboden, heeft nog een probleem:")
    offered = after.find("Huidige tekst:")
    assert 0 <= warning < offered, after[:3000]
    finding = after[warning:offered]
    assert "De privacycontrole vond iets in dit antwoord" in finding and "Daan" not in finding
    text = docx_text((tmp_path / "communicatiestatement.docx").read_bytes())
    assert "Het beeld werd in de klas gedeeld." in text and "Daan" not in text


def test_set_with_commas_on_a_multichoice_is_read_as_several_choices(tmp_path: Path) -> None:
    ok = invoke(["new", "--answers", str(SAMPLE), "--set", "spread=one_class,other_schools",
                 "--set", "channel=group_apps,public_online", "--yes", "--out", str(tmp_path)],
                [])
    assert ok.exit_code == 0, ok.output
    text = docx_text((tmp_path / "communicatiestatement.docx").read_bytes())
    assert "gedeeld in één klas" in text and "buiten onze school" in text  # both read


def test_set_with_a_wrong_multichoice_says_how_several_answers_are_written(
        tmp_path: Path) -> None:
    dutch = invoke(["new", "--answers", str(SAMPLE), "--set", "spread=few,overal", "--yes",
                    "--out", str(tmp_path / "nl")], [])
    message = str(dutch.exception)
    assert "'few,overal'" in message and "geen van de keuzes" not in message.split("'few")[0]
    assert "Meerdere antwoorden schrijft u tussen vierkante haken: --set spread=[few, " in message
    english = invoke(["new", "--lang", "en", "--answers", str(SAMPLE), "--set",
                      "spread=few,everywhere", "--yes", "--out", str(tmp_path / "en")], [])
    assert "Several answers are written in square brackets: --set spread=[few, " in str(
        english.exception)
