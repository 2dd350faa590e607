"""The answers file can be shared at any moment: text with an open privacy finding, and text
typed when the interview stopped, live in a private side file beside it until the finding is
fixed or kept with a reason; every command reads the two together."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import yaml

from commgen.answers.answersfile import (
    ACCEPTED_KEY,
    DRAFTS_KEY,
    load_answers,
    private_path,
    save_answers,
)
from commgen.answers.partial import read_answers, read_meta
from commgen.app.answercheck import check_answers
from commgen.app.interview import Draft
from commgen.foundation.errors import AnswersError
from commgen.questions.types import parse_names
from tests.conftest import run_cli, write_answers

OPEN = "Het beeld ging eerst rond in klas 2A."  # a class named: an error for the parents
CLEAN = "Het beeld ging eerst rond in het leerjaar."


def _base(tmp_path: Path, catalog) -> dict:  # type: ignore[no-untyped-def]
    (tmp_path / "start").mkdir(exist_ok=True)
    values = load_answers(write_answers(tmp_path / "start"), catalog).values
    return {k: v for k, v in values.items() if v is not None}


def _draft(tmp_path: Path, catalog, situation: str, accepted: dict | None = None,  # type: ignore[no-untyped-def]
           drafts: dict | None = None) -> Draft:
    answered = _base(tmp_path, catalog)
    answered["situation_extra"] = [situation]
    draft = Draft(tmp_path / "antwoorden.yaml", answered, dict(accepted or {}),
                  dict(drafts or {}))
    draft.save(catalog)
    return draft


def test_an_open_finding_is_kept_apart_and_read_back_with_the_answers(tmp_path: Path,
                                                                      catalog) -> None:  # type: ignore[no-untyped-def]
    draft = _draft(tmp_path, catalog, OPEN)
    side = private_path(draft.path)
    assert side.name == "antwoorden.niet-delen.yaml"
    shared = draft.path.read_text(encoding="utf-8")
    assert "klas 2A" not in shared and "situation_extra:" not in shared
    assert side.name in shared  # the answers file says where the rest is
    assert OPEN in side.read_text(encoding="utf-8")
    if os.name == "posix":
        assert stat.S_IMODE(side.stat().st_mode) == 0o600
    # every reader sees the two files as one
    assert load_answers(draft.path, catalog).values["situation_extra"] == [OPEN]
    assert read_answers(draft.path, catalog)["situation_extra"] == [OPEN]


def test_fixing_or_keeping_the_answer_moves_it_back_and_removes_the_side_file(
        tmp_path: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    draft = _draft(tmp_path, catalog, OPEN)
    side = private_path(draft.path)
    draft.answered["situation_extra"] = [CLEAN]  # fixed
    draft.save(catalog)
    assert not side.exists() and CLEAN in draft.path.read_text(encoding="utf-8")
    draft.answered["situation_extra"] = [OPEN]
    draft.save(catalog)
    assert side.exists()
    draft.accepted["situation_extra"] = "de hele klas weet het al"  # kept with a reason
    draft.save(catalog)
    assert not side.exists()
    data = yaml.safe_load(draft.path.read_text(encoding="utf-8"))
    assert data["situation_extra"] == [OPEN]
    assert data[ACCEPTED_KEY] == {"situation_extra": "de hele klas weet het al"}


def test_text_typed_when_the_interview_stopped_stays_out_of_the_answers_file(
        tmp_path: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    draft = _draft(tmp_path, catalog, CLEAN, drafts={"not_said_extra": "Half af, nog niet"})
    assert "Half af" not in draft.path.read_text(encoding="utf-8")
    assert read_meta(draft.path)[DRAFTS_KEY] == {"not_said_extra": "Half af, nog niet"}


def test_a_guarded_name_in_free_text_never_reaches_a_file(tmp_path: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    answered = _base(tmp_path, catalog)
    answered["involved_pupils"] = parse_names("Sanne de Vries")
    answered["situation_extra"] = ["Eerst rustig.", "Het beeld van Sanne ging rond, zei De Vries."]
    draft = Draft(tmp_path / "antwoorden.yaml", answered,
                  drafts={"not_said_extra": "Half af: sanne de vries belde"})
    draft.save(catalog)
    files = draft.path.read_text(encoding="utf-8") + private_path(draft.path).read_text(
        encoding="utf-8")
    assert "Sanne" not in files and "Vries" not in files and "sanne" not in files
    assert draft.answered["situation_extra"][1].startswith("Het beeld van Sanne")  # this session
    kept = read_answers(draft.path, catalog)
    assert kept["situation_extra"] == ["Eerst rustig.", "Het beeld van ••• ging rond, zei •••."]
    assert read_meta(draft.path)[DRAFTS_KEY] == {"not_said_extra": "Half af: ••• belde"}
    # resumed, the mask is a problem at its question until the sentence is written anew ...
    found = check_answers(catalog, {**kept, "involved_pupils": answered["involved_pupils"]},
                          only=["situation_extra"])
    assert [f.finding.rule for f in found] == ["guarded-name", "guarded-name"]
    assert found[0].finding.suggestion
    # ... and never reaches a document
    with pytest.raises(AnswersError) as raised:
        load_answers(draft.path, catalog)
    assert "•••" in str(raised.value.problems[0]) and "Sanne" not in str(raised.value.problems)


def test_share_and_generate_see_the_side_file(tmp_path: Path, capsys, catalog) -> None:  # type: ignore[no-untyped-def]
    draft = _draft(tmp_path, catalog, OPEN)
    code, _out, err = run_cli(capsys, "share", str(draft.path))
    assert code == 1 and "klas 2A" in err and "Traceback" not in err
    assert not (tmp_path / "antwoorden (delen).yaml").exists()
    code, out, _err = run_cli(capsys, "generate", str(draft.path), "--out", str(tmp_path / "o"))
    assert code == 1 and "klas 2A" in out  # the open answer blocks, as it would in the file
    assert not list((tmp_path / "o").glob("*.docx")) if (tmp_path / "o").exists() else True
    draft.accepted["situation_extra"] = "de hele klas weet het al"
    draft.save(catalog)
    code, out, _err = run_cli(capsys, "share", str(draft.path))
    assert code == 0, out
    copy = (tmp_path / "antwoorden (delen).yaml").read_text(encoding="utf-8")
    assert "klas 2A" in copy and "niet-delen" not in copy


def test_a_problem_in_the_side_file_names_the_side_file(tmp_path: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    draft = _draft(tmp_path, catalog, OPEN)
    side = private_path(draft.path)
    side.write_text(side.read_text(encoding="utf-8") + "police_involved: misschien\n",
                    encoding="utf-8")
    with pytest.raises(AnswersError) as raised:
        load_answers(draft.path, catalog)
    assert str(side) in str(raised.value.problems[0])


def test_an_interruption_between_the_two_writes_loses_nothing(tmp_path: Path, catalog,  # type: ignore[no-untyped-def]
                                                             monkeypatch) -> None:
    draft = _draft(tmp_path, catalog, CLEAN)
    from commgen.answers import answersfile

    real = answersfile.write_atomic

    def fail_on_main(path: Path, data: bytes, private: bool = False) -> None:
        if path == draft.path:
            raise OSError(28, "No space left on device")
        real(path, data, private=private)

    monkeypatch.setattr(answersfile, "write_atomic", fail_on_main)
    with pytest.raises(OSError):
        save_answers(draft.path, catalog, {**draft.answered, "situation_extra": [OPEN]}, [],
                     {ACCEPTED_KEY: {}}, private={"situation_extra"})
    monkeypatch.undo()
    assert load_answers(draft.path, catalog).values["situation_extra"] == [OPEN]


def test_decide_later_at_the_terminal_keeps_the_answer_apart_until_it_is_kept(
        tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    terminal = pytest.importorskip("tests.test_interview_checks_terminal")
    out = tmp_path / "out"
    child = terminal.problem_raised(tmp_path, OPEN, "klas 2A")
    child.sendline("4")  # decide later
    child.expect_exact("alleen voor u leesbaar")
    child.expect_exact(terminal.REVIEW)
    child.sendline("q")
    child.expect(terminal.pexpect.EOF)
    child.close()
    answers, side = out / "antwoorden.yaml", out / "antwoorden.niet-delen.yaml"
    assert "klas 2A" not in answers.read_text(encoding="utf-8")
    assert OPEN in side.read_text(encoding="utf-8")
    code, _out, err = run_cli(capsys, "share", str(answers))
    assert code == 1 and "klas 2A" in err

    child = terminal.spawn("--resume", str(answers))
    child.expect_exact(terminal.FOUND)  # raised again at its question
    child.expect_exact("Keuze")
    child.sendline("3")
    child.expect_exact("Reden")
    child.sendline("de hele klas weet het al")
    rest = terminal.finish(child)
    assert child.exitstatus == 0, rest
    assert not side.exists() and OPEN in answers.read_text(encoding="utf-8")
    assert run_cli(capsys, "share", str(answers))[0] == 0


def test_the_side_file_given_as_answers_file_points_to_the_answers_file(tmp_path: Path, capsys,
                                                                      catalog) -> None:  # type: ignore[no-untyped-def]
    draft = _draft(tmp_path, catalog, OPEN)
    code, out, err = run_cli(capsys, "generate", str(private_path(draft.path)), "--out",
                             str(tmp_path / "o"))
    assert code == 2 and "antwoorden.yaml" in err and "Traceback" not in err, out + err
