"""The real `commgen new` in a pseudo-terminal (the second web trial, finding 5): pasted names
with classes and a suspension are never kept with one reason; a reason keeps what may be kept,
finding by finding, and the names are shown next, without the choice to keep them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_answers
from tests.test_interview_checks_terminal import ASKED, FOUND, REVIEW, STATEMENT, spawn

pexpect = pytest.importorskip("pexpect", reason="pexpect is installed with .[test] (POSIX)")

KEEP = "zo laten, met een reden"
NOT_KEEPABLE = "Dit kunt u niet met een reden houden"


def _answers(tmp_path: Path) -> Path:
    return write_answers(tmp_path, {"involved_pupils": ["Sanne Bakker"], "not_said_extra": None},
                         drop=("situation_extra",))


def _type(child, *lines: str) -> None:  # type: ignore[no-untyped-def]
    child.expect_exact("›")
    for line in [*lines, ""]:
        child.sendline(line)


def _choice(child) -> str:  # type: ignore[no-untyped-def]
    """What the interview showed up to the next "Keuze" prompt."""
    child.expect_exact(FOUND)
    child.expect_exact("Keuze")
    return child.before


def test_pasted_names_and_a_suspension_cannot_be_kept_with_a_reason(tmp_path: Path) -> None:
    child = spawn("--answers", str(_answers(tmp_path)), "--out", str(tmp_path / "out"))
    child.expect_exact(ASKED)
    _type(child, "Daan de Vries 2H3", "Luuk Smits 2H1",
          "Zij hebben een schorsing van twee dagen gekregen.")
    shown = _choice(child)
    assert "Daan de Vries" in shown and "een naam" in shown
    assert KEEP not in shown and NOT_KEEPABLE in shown  # a name: no "keep it"
    child.sendline("4")  # decide later
    child.expect_exact(REVIEW)
    todo = child.before
    assert "[een maatregel tegen een leerling]" in todo  # labelled by its kind
    child.sendline("m")  # make: refused, problems are open
    child.expect_exact("punt(en) open")
    child.expect_exact(REVIEW)
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert not (tmp_path / "out" / STATEMENT).exists()


def test_a_reason_keeps_a_class_and_the_name_beside_it_is_shown_next(tmp_path: Path) -> None:
    out = tmp_path / "out"
    child = spawn("--answers", str(_answers(tmp_path)), "--out", str(out))
    child.expect_exact(ASKED)
    _type(child, "Het beeld ging eerst rond in klas 2A, zegt Daan de Vries.")
    shown = _choice(child)
    assert "klas 2A" in shown and KEEP in shown
    child.sendline("3")
    child.expect_exact("Reden")
    child.sendline("de hele klas weet het al")
    shown = _choice(child)  # the reason kept the class; the name is still open
    assert "Daan de Vries" in shown and KEEP not in shown and NOT_KEEPABLE in shown
    child.sendline("4")  # decide later: the name stays open, so no document is made
    child.expect_exact(REVIEW)
    child.sendline("m")
    child.expect_exact("punt(en) open")  # the name holds every document back
    child.expect_exact(REVIEW)
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert not (out / STATEMENT).exists()
    draft = (out / "antwoorden.yaml").read_text(encoding="utf-8")
    assert "de hele klas weet het al" in draft  # the reason kept for the class
