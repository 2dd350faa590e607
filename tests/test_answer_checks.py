"""One answer checked for the audiences it reaches; kept answers; a blocked run writes nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

from commgen.answers.answersfile import load_answers
from commgen.app.answercheck import catalogue_audiences, check_answers, replace_passage
from commgen.questions.types import parse_names
from tests.conftest import run_cli, write_answers

SPECULATION = "Waarschijnlijk heeft een klasgenoot het beeld verspreid."


def test_an_answer_is_checked_for_the_strictest_audience_it_reaches(catalog) -> None:  # type: ignore[no-untyped-def]
    values = {"involved_pupils": parse_names("Sanne de Vries"),
              "situation_extra": ["Sanne uit klas 2A deelde het."]}
    found = check_answers(catalog, values)
    assert [(f.question.id, f.finding.text) for f in found] == [
        ("situation_extra", "•••"), ("situation_extra", "klas 2A")]  # a name is never shown
    assert "press" in catalogue_audiences(catalog)
    # speculation is only a warning for the crisis team, an error for the press
    values = {"situation_extra": [SPECULATION]}
    assert check_answers(catalog, values, audiences={"situation_extra": ["internal"]}) == []
    strict = check_answers(catalog, values, audiences={"situation_extra": ["internal", "press"]})
    assert strict and all(f.finding.severity == "error" for f in strict)
    assert check_answers(catalog, values, accepted={"situation_extra": "reden"}) == []


def test_taking_the_suggestion_replaces_only_the_passage(catalog) -> None:  # type: ignore[no-untyped-def]
    values = {"involved_pupils": parse_names("Sanne"), "situation_extra": ["Eerst.",
                                                                           "Toen Sanne & co."]}
    item = check_answers(catalog, values)[0]
    question = catalog.by_id["situation_extra"]
    assert replace_passage(question, values["situation_extra"], item.finding,
                           "de leerling") == ["Eerst.", "Toen de leerling & co."]


def test_an_answer_kept_with_a_reason_is_written_with_that_reason(tmp_path: Path, capsys,
                                                                  catalog) -> None:  # type: ignore[no-untyped-def]
    answers = write_answers(tmp_path, {"situation_extra": "Het ging rond in klas 2A.",
                                       "_commgen_accepted": {"situation_extra": "ouders weten"}})
    assert load_answers(answers, catalog).accepted == {"situation_extra": "ouders weten"}
    out = tmp_path / "out"
    code, stdout, _err = run_cli(capsys, "generate", str(answers), "--out", str(out))
    assert code == 0, stdout
    with zipfile.ZipFile(out / "communicatiestatement.docx") as archive:
        assert "ouders weten" in archive.read("docProps/custom.xml").decode()
    with zipfile.ZipFile(out / "handreiking-team.docx") as archive:  # no finding there
        assert "ouders weten" not in archive.read("docProps/custom.xml").decode()


def test_a_blocked_run_writes_nothing_and_leaves_the_earlier_set(tmp_path: Path,
                                                                capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    answers = write_answers(tmp_path)
    assert run_cli(capsys, "generate", str(answers), "--out", str(out))[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    write_answers(tmp_path, {"situation_extra": "Het ging rond in klas 2A."})
    code, stdout, _err = run_cli(capsys, "generate", str(answers), "--out", str(out))
    assert code == 1 and "Niets geschreven" in stdout
    assert stdout.count("“klas 2A”") == 1  # once, with the places in each document below it
    assert "in communicatiestatement, " in stdout
    assert "antwoord 'situation_extra', regel 1" in stdout
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_police_fact_is_raised_at_its_question_until_the_police_approve(catalog) -> None:  # type: ignore[no-untyped-def]
    typed = ["Wij hebben aangifte gedaan; de wijkagent komt langs."]
    waiting = check_answers(catalog, {"approvals": ["board", "family"],
                                      "situation_extra": typed})
    # one finding per sentence about the police (the structure rule, trial12 F3)
    assert [f.finding.rule for f in waiting] == ["consistency-wacht_op_goedkeuring"]
    assert all(f.finding.suggestion is None for f in waiting)  # nothing to put in its place
    assert check_answers(catalog, {"approvals": ["board", "family", "police"],
                                   "situation_extra": typed}) == []
    # the crisis team may know it: an answer only for the internal statement is not raised
    assert check_answers(catalog, {"approvals": ["board"], "situation_extra": typed},
                         audiences={"situation_extra": ["internal"]}) == []


def test_a_pupils_name_as_the_contact_persons_name_is_refused_and_blocks_generate(
        tmp_path: Path, capsys, catalog) -> None:  # type: ignore[no-untyped-def]
    from commgen.questions.types import Person

    values = {"involved_pupils": parse_names("Sanne de Vries"),
              "contact": Person("Sanne de Vries", "leerling"),
              "spokesperson": Person("Mark Jansen", "directeur"),
              "team_support": Person("Joris de Vries", "mentor")}  # the family name: no pupil
    found = check_answers(catalog, values)
    assert [(f.question.id, f.finding.rule) for f in found] == [("contact", "guarded-name")]
    # saved masked, and the mask stays a finding at the question until a name is written
    masked = replace_passage(catalog.by_id["contact"], values["contact"], found[0].finding, "•••")
    assert masked == Person("•••", "leerling")
    assert [f.question.id for f in check_answers(catalog, {**values, "contact": masked})] == [
        "contact"]
    out = tmp_path / "out"
    answers = write_answers(tmp_path, {"involved_pupils": ["Sanne de Vries"],
                                       "contact": {"name": "Sanne de Vries", "role": "ib'er"}})
    code, stdout, err = run_cli(capsys, "generate", str(answers), "--out", str(out))
    assert code == 1 and "contact" in err and "•••" in err
    assert "Sanne" not in stdout + err
    assert not out.exists() or not list(out.iterdir())


def test_a_suggestion_keeps_the_sentence_whole(catalog) -> None:  # type: ignore[no-untyped-def]
    from commgen.app.interview import Draft, Interview

    question = catalog.by_id["situation_extra"]
    texts = ["Vermoedelijk heeft een klasgenoot de foto doorgestuurd. Wij praten met de klas.",
             "Het ging om het topless beeld van een leerling."]
    draft = Draft(Path("unused.yaml"))
    interview = Interview(catalog, draft, asker=lambda *a: None)
    got = []
    for text in texts:
        draft.answered = {"situation_extra": [text]}
        item = check_answers(catalog, draft.answered)[0]
        assert item.finding.suggestion
        draft.save = lambda *a, **k: None  # type: ignore[method-assign]
        interview.take_suggestion(question, item.finding)
        got.append(draft.answered["situation_extra"])
    # either of the school's neutral lines (the rule that finds the guess chooses which)
    assert got[0][0] in (
        "Hoe het beeld is verspreid, wordt uitgezocht; daarover doen we geen uitspraken. "
        "Wij praten met de klas.",
        "Wat er precies is gebeurd, wordt uitgezocht; daarover doen we geen uitspraken. "
        "Wij praten met de klas."), got
    assert got[1:] == [["Het ging om een seksueel getint beeld van een leerling."]]
