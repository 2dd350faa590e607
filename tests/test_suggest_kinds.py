"""What a user sees at a question when an answer has a problem (the second web trial of web 8):
each finding is kept or not by its own kind, never with one reason for all; its label and its
suggestion come from what it is (a sanction, a relative, the pupil's gender); the words the
suggestions are taken in with are data (``zinsbouw`` in woorden.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from commgen.app.answercheck import AnswerFinding, check_answers, with_suggestion
from commgen.checks.suggest import grammar_words, take_in
from commgen.checks.vocabulary import load_vocabulary
from commgen.docx.reader import docx_text
from commgen.foundation.errors import CatalogError
from tests.conftest import TEMPLATES, run_cli, sample_data, write_answers

PASTED = ["Daan de Vries 2H3\nLuuk Smits 2H1\nThijs van Dijk 3V2\n"
          "Zij hebben een schorsing van twee dagen gekregen."]
RULES = TEMPLATES.parent / "snippets" / "nl" / "regels"


def _found(catalog, question_id: str, text: str | list[str],  # type: ignore[no-untyped-def]
           accepted: dict[str, str] | None = None, **extra) -> list[AnswerFinding]:
    values = {"pupil_visible": True, "origin": "unknown", "school_type": "vo",
              question_id: text if isinstance(text, list) else [text], **extra}
    return check_answers(catalog, values, accepted, only=[question_id])


def test_a_reason_keeps_what_is_keepable_never_a_name_or_a_public_sanction(catalog) -> None:  # type: ignore[no-untyped-def]
    found = _found(catalog, "actions_extra", PASTED)
    kinds = {(f.finding.category, f.keepable) for f in found}
    assert ("name", False) in kinds and ("sanction", False) in kinds and ("group", True) in kinds
    kept = _found(catalog, "actions_extra", PASTED, {"actions_extra": "alleen voor intern"})
    # the classes are kept with the reason; the three names and the suspension stay open
    assert sorted(f.finding.category for f in kept) == ["name", "name", "name", "sanction"]
    assert all(not f.keepable for f in kept)


def test_a_sanction_in_a_text_for_the_team_only_is_keepable(catalog) -> None:  # type: ignore[no-untyped-def]
    found = _found(catalog, "teachers_extra", "Twee leerlingen hebben een schorsing gekregen.")
    sanctions = [f for f in found if f.finding.category == "sanction"]
    assert sanctions and all(f.keepable and not f.public for f in sanctions)


def test_names_kept_with_one_reason_hold_back_the_team_guide(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Trial finding 5: one blanket reason let the team guide (internal) print three pupils'
    names and classes. A possible pupil's name is never kept, in no document."""
    out = tmp_path / "uit"
    path = write_answers(tmp_path, {"actions_extra": PASTED,
                                    "_commgen_accepted": {"actions_extra": "alleen intern"}})
    code, stdout, stderr = run_cli(capsys, "generate", str(path), "--out", str(out))
    assert code != 0, stdout
    for made in out.glob("*.docx") if out.exists() else []:
        text = docx_text(made.read_bytes())
        assert "Daan de Vries" not in text and "Luuk Smits" not in text, made.name
    assert not (out / "handreiking-team.docx").exists()


def test_kept_classes_alone_still_make_the_documents_that_may_hold_them(
        tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Per finding: what a reason may keep is still kept (a class, in the team's own text)."""
    out = tmp_path / "uit"
    extra = sample_data().get("teachers_extra") or []
    path = write_answers(tmp_path, {
        "teachers_extra": [*extra, "Let in 2H3 extra op de sfeer in de klas."],
        "_commgen_accepted": {"teachers_extra": "de mentoren moeten weten om welke klas het "
                                                "gaat"}})
    code, stdout, stderr = run_cli(capsys, "generate", str(path), "--out", str(out))
    assert code == 0, stdout + stderr
    assert "2H3" in docx_text((out / "handreiking-team.docx").read_bytes())


@pytest.mark.parametrize(("text", "word", "category", "expected"), [
    ("We hebben contact gehad met haar familie.", "haar familie", "relation",
     "We hebben contact gehad met de ouders."),
    ("We spraken met haar ouders over wat er nu gebeurt.", "haar ouders", "relation",
     "We spraken met de ouders over wat er nu gebeurt."),
    ("Het meisje is thuis en krijgt hulp.", "meisje", "gender",
     "De leerling is thuis en krijgt hulp."),
])
def test_a_family_or_gender_word_is_labelled_so_with_a_fitting_suggestion(
        catalog, text: str, word: str, category: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    """Trial finding 13: "haar familie" was "een feit dat nog niet vaststaat", with nothing to
    take; it is a relative, and becomes "de ouders"."""
    found = [f for f in _found(catalog, "view_extra", text) if word in f.finding.message]
    assert found and found[0].finding.category == category
    assert found[0].finding.suggestion
    changed = with_suggestion(catalog.by_id["view_extra"], [text], found[0].finding)
    assert changed == [expected]


@pytest.mark.parametrize("text", [
    "Zij hebben een schorsing van twee dagen gekregen.",
    "De twee jongens zijn drie dagen geschorst.",
    "Hij krijgt een officiële waarschuwing en moet nablijven.",
])
def test_a_sanction_is_labelled_a_sanction_and_can_be_left_out(catalog, text: str) -> None:  # type: ignore[no-untyped-def]
    """Trial finding 13: "schorsing" was labelled speculation; it is a measure against pupils,
    with a sentence of its own to take (not the speculation line)."""
    found = _found(catalog, "actions_extra", text)
    assert found and {f.finding.category for f in found} == {"sanction"}, found
    item = next(f for f in found if f.finding.suggestion)
    changed = with_suggestion(catalog.by_id["actions_extra"], [text], item.finding)
    assert changed == [item.finding.suggestion]
    assert not _found(catalog, "actions_extra", changed)


def test_a_word_that_says_how_the_image_was_made_is_no_sanction(catalog) -> None:  # type: ignore[no-untyped-def]
    found = _found(catalog, "situation_extra", "Het beeld is stiekem gemaakt.")
    assert found and "sanction" not in {f.finding.category for f in found}


def test_the_grammar_words_are_data(tmp_path: Path) -> None:
    """The lists of the suggestion's grammar check live in woorden.yaml (``zinsbouw``) and a
    changed list changes what fits: without "via" words, a preposition before "via" passes."""
    words = grammar_words()
    assert "terwijl" in words.words("bijzin_voegwoorden") and "door" in words.words(
        "voor_via_niet")
    text = "Het werd doorgestuurd door @jordy.snap2010 op Snapchat."
    start = text.index("@jordy")
    end = start + len("@jordy.snap2010")
    assert take_in(text, start, end, "via sociale media", "handle", words) is None
    folder = tmp_path / "regels"
    folder.mkdir()
    source = (RULES / "woorden.yaml").read_text(encoding="utf-8")
    changed = source.replace("  voor_via_niet: [door, van, naar, met, aan, voor, bij, op, in, "
                             "uit, over]", "  voor_via_niet: [tegen]")
    assert changed != source
    (folder / "woorden.yaml").write_text(changed, encoding="utf-8")
    assert take_in(text, start, end, "via sociale media", "handle",
                   load_vocabulary(folder).grammar) is not None


def test_a_missing_grammar_list_is_named_with_its_file(tmp_path: Path) -> None:
    folder = tmp_path / "regels"
    folder.mkdir()
    source = (RULES / "woorden.yaml").read_text(encoding="utf-8")
    (folder / "woorden.yaml").write_text(source.replace("  geen_maatregel: [stiekem]\n", ""),
                                         encoding="utf-8")
    with pytest.raises(CatalogError) as error:
        load_vocabulary(folder)
    assert "geen_maatregel" in str(error.value.problems[0])
