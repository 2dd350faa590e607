"""A fact that waits for the police's approval is never kept for a public text with a reason
(trial cli9, finding 7: one "keep" at one question put an unapproved police fact on the
website and in the class letter). The reason may keep it in the internal statement only."""

from __future__ import annotations

from pathlib import Path

import pytest

from commgen.checks.findings import Finding
from commgen.checks.generation import keepable
from tests.conftest import run_cli, write_answers

POLICE_FACT = "De politie doet onderzoek na aangifte door de familie."
PUBLIC = ("communicatiestatement-website", "brief-ouders-klas")


def test_a_waiting_police_fact_is_keepable_only_where_it_stays_inside() -> None:
    waiting = Finding(category="consistency", rule="consistency-wacht_op_goedkeuring",
                      severity="error", start=0, end=5, text="aangifte gedaan",
                      message="", suggestion="")
    assert not keepable(waiting, public=True)
    assert keepable(waiting, public=False)


def test_generate_with_a_reason_never_puts_an_unapproved_police_fact_in_public(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = write_answers(tmp_path, {"situation_extra": [POLICE_FACT]},
                            base="vo-stiekem-gefilmd")
    code, out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "uit"),
                             "--accept-findings", "De familie wil dat ouders het weten")
    assert code != 0, out + err
    assert not list((tmp_path / "uit").glob("*.docx"))  # all or nothing: none written
    for doc in PUBLIC:
        assert doc in out + err, out + err
