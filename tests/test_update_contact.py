"""``commgen update`` with a new contact person (name, role, phone or e-mail): every update
letter that reaches parents or staff says so in one sentence, the documents of the new version
use the new contact, and the history records the change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import run_cli
from tests.test_update import _ahead, docx_text, first_version, update

OLD = "Samira El Idrissi"
TOLD = ("update-communicatiestatement", "update-ouders-klas", "update-ouders-andere-klassen",
        "update-team")


def test_a_new_contact_person_is_told_in_one_sentence_and_used_from_then_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = first_version(tmp_path, capsys)
    update(capsys, answers, "--set", "contact=Anna Bos, teamleider", "--set",
           "contact_phone=0337654321", "--set", f"next_update_date={_ahead(2)}")
    for name in TOLD:
        text = docx_text(tmp_path / f"{name}.docx")
        said = [line for line in text.splitlines() if "vanaf nu Anna Bos, teamleider" in line]
        assert len(said) == 1, (name, said)  # two answers changed, one sentence
        assert "033 765 43 21" in said[0] and "zorg@hetbaken.example" in said[0], said
        assert OLD not in text, name
    parents = docx_text(tmp_path / "update-ouders-klas.docx")
    assert "Uw contactpersoon is vanaf nu Anna Bos" in parents
    press = docx_text(tmp_path / "update-pers.docx")  # the website names the contact
    assert "De contactpersoon voor ouders is vanaf nu Anna Bos, teamleider." in press
    assert "033 765" not in press and OLD not in press
    for name in ("communicatiestatement", "brief-ouders-klas", "kaart-receptie",
                 "handreiking-team"):
        text = docx_text(tmp_path / f"{name}.docx")
        assert "Anna Bos" in text and OLD not in text, name
    changes = yaml.safe_load(answers.read_text(encoding="utf-8"))["_commgen_history"][-1][
        "changes"]
    assert changes["contact"] == {"old": {"name": OLD, "role": "zorgcoördinator"},
                                  "new": {"name": "Anna Bos", "role": "teamleider"}}
    assert changes["contact_phone"]["new"] == "033 765 4321"
    code, out, err = run_cli(capsys, "history", str(answers))
    assert code == 0, err
    assert f"{OLD}, zorgcoördinator → Anna Bos, teamleider" in out


def test_only_a_new_email_address_is_told_as_that_and_not_to_the_press(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Trial cli9, finding 18: the same contact person with a new address is not announced as
    a new contact person, and the press (which calls the spokesperson) hears nothing of it."""
    answers = first_version(tmp_path, capsys)
    update(capsys, answers, "--set", "contact_email=ouders@hetbaken.example")
    text = docx_text(tmp_path / "update-ouders-klas.docx")
    assert ("Het e-mailadres van de contactpersoon is veranderd: u mailt "
            f"{OLD} nu via ouders@hetbaken.example.") in text
    assert "vanaf nu" not in text
    assert "ouders@hetbaken.example" in docx_text(tmp_path / "brief-ouders-klas.docx")
    press = tmp_path / "update-pers.docx"
    assert not press.exists() or "contactpersoon" not in docx_text(press)
    team = docx_text(tmp_path / "update-communicatiestatement.docx")
    assert "Het e-mailadres van de contactpersoon is veranderd" in team


def test_a_new_contact_person_with_a_new_address_is_one_sentence(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = first_version(tmp_path, capsys)
    update(capsys, answers, "--set", "contact=Anna Bos, teamleider", "--set",
           "contact_email=a.bos@hetbaken.example")
    text = docx_text(tmp_path / "update-ouders-klas.docx")
    assert "Uw contactpersoon is vanaf nu Anna Bos" in text
    assert "a.bos@hetbaken.example" in text
    assert "Het e-mailadres van de contactpersoon is veranderd" not in text
