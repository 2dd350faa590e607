"""A letter's plain-text twin (the text pasted into the e-mail or the parents' portal) goes
where its Word document goes: after the letter was edited in Word, a new run writes ``brief
(2).docx`` and ``brief (2).txt`` together and says that the Word edits are not in that text,
instead of silently replacing ``brief.txt`` beside the edited letter (trial12 F7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tests.conftest import SAMPLES, run_cli

LETTER = "brief-ouders-klas"


def test_the_text_twin_follows_its_kept_document(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    answers = SAMPLES / "po-basisschool.yaml"
    code, _out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path))
    assert code == 0, err
    first_text = (tmp_path / f"{LETTER}.txt").read_text(encoding="utf-8")
    letter = Document(str(tmp_path / f"{LETTER}.docx"))
    letter.add_paragraph("Een zin die de directeur in Word toevoegde.")
    letter.save(str(tmp_path / f"{LETTER}.docx"))

    code, out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path))
    assert code == 0, err
    assert (tmp_path / f"{LETTER} (2).docx").exists()
    assert (tmp_path / f"{LETTER} (2).txt").read_text(encoding="utf-8") == first_text
    assert not (tmp_path / f"{LETTER}.txt").exists()  # no text beside the edited letter ...
    assert (tmp_path / "vorige" / f"{LETTER}.txt").exists()  # ... the earlier one is kept
    assert f"Plak {LETTER} (2).txt" in out
    assert "staan er niet in" in out and f"{LETTER}.docx" in out
    assert "toevoegde" in " ".join(p.text for p in Document(
        str(tmp_path / f"{LETTER}.docx")).paragraphs)  # the edit is never lost

    code, out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path))
    assert code == 0, err  # a third run replaces its own copies beside the edited letter
    assert not (tmp_path / f"{LETTER} (3).docx").exists()
    assert not (tmp_path / f"{LETTER} (3).txt").exists()
