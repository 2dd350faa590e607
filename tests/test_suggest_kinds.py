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
    code, stdout, _stderr = run_cli(capsys, "generate", str(path), "--out", str(out))
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
    # "via" is a preposition (``voorzetsels``): it takes the place of "door" (trial12 F5)
    assert take_in(text, start, end, "via sociale media", "handle", words) \
        == "Het werd doorgestuurd via sociale media op Snapchat."
    folder = tmp_path / "regels"
    folder.mkdir()
    source = (RULES / "woorden.yaml").read_text(encoding="utf-8")
    changed = source.replace("  voorzetsels: [in, op, bij, aan, naar, van, uit, met, voor, door, "
                             "onder, via, om, tot, over]", "  voorzetsels: [tegen]")
    assert changed != source
    (folder / "woorden.yaml").write_text(changed, encoding="utf-8")
    assert take_in(text, start, end, "via sociale media", "handle",  # "door via": no Dutch
                   load_vocabulary(folder).grammar) is None


def test_a_missing_grammar_list_is_named_with_its_file(tmp_path: Path) -> None:
    folder = tmp_path / "regels"
    folder.mkdir()
    source = (RULES / "woorden.yaml").read_text(encoding="utf-8")
    (folder / "woorden.yaml").write_text(source.replace("  geen_maatregel: [stiekem]\n", ""),
                                         encoding="utf-8")
    with pytest.raises(CatalogError) as error:
        load_vocabulary(folder)
    assert "geen_maatregel" in str(error.value.problems[0])


# -- a suggestion replaces its own sentence, never a neighbour, never a sentence twice ---------

TRIAL_SITUATION = ("Een leerling uit een klas van onze school heeft een foto op haar Instagram "
                   "gezet. Jongens van een andere school hebben daar een naaktbeeld van gemaakt. "
                   "Vermoedelijk heeft een jongen het beeld verspreid. Het gerucht gaat dat het "
                   "ook op Telegram staat.")
INVESTIGATED = {"police": "investigation", "approvals": ["board", "family", "police"]}


def _click_all(catalog, question_id: str, text: str, **extra) -> list[str]:  # type: ignore[no-untyped-def]
    values = {"pupil_visible": True, "origin": "unknown", "material": "edited",
              "school_type": "vo", question_id: [text], **extra}
    for _round in range(10):
        found = [f for f in check_answers(catalog, values, only=[question_id])
                 if f.finding.suggestion]
        if not found:
            break
        values[question_id] = with_suggestion(catalog.by_id[question_id], values[question_id],
                                              found[0].finding)
    return values[question_id]


def test_two_guesses_in_one_answer_say_the_school_line_once_and_keep_the_facts(
        catalog) -> None:  # type: ignore[no-untyped-def]
    """Trial finding 2: both guesses became the same sentence (twice), and the first one took
    the fixed sentences beside it along."""
    # either of the school's neutral lines (the rule that finds a guess chooses which)
    lines = ("Hoe het beeld is verspreid, wordt uitgezocht; daarover doen we geen uitspraken.",
             "Wat er precies is gebeurd, wordt uitgezocht; daarover doen we geen uitspraken.")
    result = _click_all(catalog, "situation_extra", TRIAL_SITUATION, **INVESTIGATED)
    text = "\n".join(result)
    assert sum(text.count(line) for line in lines) == 1, text
    assert "Een leerling uit een klas van onze school heeft een foto op haar Instagram" in text
    assert "Jongens van een andere school hebben daar een naaktbeeld van gemaakt." in text
    assert "Vermoedelijk" not in text and "gerucht" not in text


def test_a_sentence_the_answer_says_already_is_left_out_not_said_again() -> None:
    line = "Hoe het beeld is verspreid, wordt uitgezocht; daarover doen we geen uitspraken."
    text = f"{line} Een klasgenoot heeft het gedaan. De mentor is er voor de klas."
    start = text.index("Een klasgenoot")
    assert take_in(text, start, start + len("Een klasgenoot heeft"), line) == (
        f"{line} De mentor is er voor de klas.")


def test_a_sentence_suggestion_stops_at_its_own_sentence() -> None:
    text = "Eerste zin blijft staan.\nVermoedelijk deed hij het\nDerde regel blijft ook."
    start = text.index("Vermoedelijk")
    changed = take_in(text, start, start + len("Vermoedelijk"), "Dat wordt uitgezocht.")
    assert changed == "Eerste zin blijft staan.\nDat wordt uitgezocht.\nDerde regel blijft ook."


@pytest.mark.parametrize("text", [
    TRIAL_SITUATION.split(". ")[0] + ".",
    "De leerling had een selfie op zijn eigen TikTok geplaatst; daarvan is een nepbeeld gemaakt.",
    "Onze leerling heeft een vakantiefoto op haar account gepost.",
])
def test_what_the_pupil_posted_herself_is_no_guess(catalog, text: str) -> None:  # type: ignore[no-untyped-def]
    """Trial finding 2: "heeft een foto op haar Instagram gezet" (a fact) was speculation."""
    assert not [f for f in _found(catalog, "situation_extra", text, **INVESTIGATED)
                if f.finding.category == "speculation"]


@pytest.mark.parametrize("text", [
    "Een klasgenoot heeft de foto op Snapchat gezet.",
    "Haar ex heeft een foto op zijn Snapchat gezet.",
    "Een leerling heeft het beeld op haar Snapchat gezet.",
])
def test_who_posted_the_image_is_still_a_guess(catalog, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [f for f in _found(catalog, "situation_extra", text, **INVESTIGATED)
            if f.finding.category == "speculation"]


@pytest.mark.parametrize("text", [
    "Vermoedelijk heeft een jongen van een andere school het beeld verspreid.",
    "Een jongen uit 4 havo zou het beeld hebben gedeeld.",
    "Volgens leerlingen heeft een jongen het filmpje doorgestuurd.",
])
def test_the_gender_of_whoever_spread_it_is_not_the_pupils(catalog, text: str) -> None:  # type: ignore[no-untyped-def]
    """Trial finding 2: "jongen" (the suspect) was flagged as the pupil's gender, with nothing
    to take; the guess is the problem, and its suggestion takes the word away."""
    found = _found(catalog, "situation_extra", text, **INVESTIGATED)
    assert {f.finding.category for f in found} - {"group"} == {"speculation"}, found
    # "het meisje" alone says her gender and nothing else (how she feels would be a guess
    # about her state: speculatie16_gemoed.yaml)
    assert not [f for f in _found(catalog, "situation_extra", "Het meisje krijgt steun van haar "
                                  "mentor.") if f.finding.category != "gender"]


# -- what the documents already say ------------------------------------------------------------

@pytest.mark.parametrize(("question_id", "text", "police"), [
    ("press_extra", "De politie onderzoekt de zaak.", "investigation"),
    ("situation_extra", "Er loopt een politieonderzoek.", "investigation"),
    ("situation_extra", "De ouders hebben aangifte gedaan.", "report_family"),
])
def test_a_sentence_the_documents_say_already_is_a_warning_to_leave_out(
        catalog, question_id: str, text: str, police: str) -> None:  # type: ignore[no-untyped-def]
    """Trial finding 9: "De politie onderzoekt de zaak." next to the fixed "De politie doet
    onderzoek." got through; the same meaning in other words is said twice."""
    extra = {"police": police, "approvals": ["board", "family", "police"]}
    found = [f for f in _found(catalog, question_id, [text, "Wij vragen u geduld te hebben."],
                               **extra) if f.finding.category == "repeat"]
    assert len(found) == 1 and found[0].finding.severity == "warning"
    assert found[0].finding.text == text and found[0].keepable
    changed = with_suggestion(catalog.by_id[question_id], [text, "Wij vragen u geduld te "
                                                                 "hebben."], found[0].finding)
    assert changed == ["Wij vragen u geduld te hebben."]


def test_a_new_fact_about_the_police_is_no_repeat(catalog) -> None:  # type: ignore[no-untyped-def]
    extra = {"police": ["wijkagent"], "approvals": ["board", "family", "police"]}
    assert not [f for f in _found(catalog, "actions_extra", "Op donderdag is er een ouderavond, "
                                  "samen met de wijkagent.", **extra)
                if f.finding.category == "repeat"]
    assert not [f for f in _found(catalog, "press_extra", "De politie onderzoekt de zaak.",
                                  police="advice", approvals=["police"])
                if f.finding.category == "repeat"]


def test_the_general_word_for_the_image_is_allowed_and_the_list_says_so(
        tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Trial finding 9: "naaktbeeld" is one of the general words DOMAIN.md gives for the image
    (with "seksueel getint beeld"); the "what we do not say" list said nothing about the image
    at all, so it now says which words may be used."""
    out = tmp_path / "uit"
    path = write_answers(tmp_path, {"situation_extra": ["Er gaat een naaktbeeld rond."]})
    code, stdout, stderr = run_cli(capsys, "generate", str(path), "--out", str(out))
    assert code == 0, stdout + stderr
    statement = docx_text((out / "communicatiestatement.docx").read_bytes())
    assert "Er gaat een naaktbeeld rond." in statement
    assert "alleen in algemene woorden, zoals een naaktbeeld" in statement


def test_pasted_lines_stay_lines_after_a_suggestion(catalog) -> None:  # type: ignore[no-untyped-def]
    """Trial finding 5: pasted lines are not run together into one line."""
    text = "Let op in 2H3.\nDe mentoren praten met de klas.\nWe evalueren vrijdag."
    found = [f for f in _found(catalog, "teachers_extra", text) if f.finding.category == "group"]
    assert found and found[0].finding.suggestion
    changed = with_suggestion(catalog.by_id["teachers_extra"], [text], found[0].finding)
    assert changed == ["Let op in een klas van onze school.", "De mentoren praten met de klas.",
                       "We evalueren vrijdag."]


def test_a_relation_is_raised_once_not_also_as_the_pupils_gender(catalog) -> None:  # type: ignore[no-untyped-def]
    found = _found(catalog, "view_extra", "Haar ex is erg geschrokken.")
    assert [f.finding.category for f in found] == ["relation"], found
