"""The documents made from the bundled samples read exactly as before the restructuring.

``tests/golden`` holds the text of every document (every Word part) and every plain-text twin,
written by the code of main 4f82a83 with ``python -m tests.goldentext``. A change in wording
is a change to make on purpose: then write the golden files again and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from commgen.answers.answersfile import load_answers
from commgen.app.generate import generate_from_answers
from tests.conftest import SAMPLES
from tests.goldentext import GOLDEN, NOW, docx_golden_text, golden_name

SAMPLE_FILES = sorted(SAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_documents_match_the_golden_text(tmp_path: Path, sample: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    expected = {p.name: p.read_text(encoding="utf-8") for p in (GOLDEN / sample.stem).iterdir()}
    assert expected, f"no golden files for {sample.stem}"
    result = generate_from_answers(catalog, load_answers(sample, catalog), tmp_path, now=NOW)
    made: dict[str, str] = {}
    for written in result.written:
        if written.path.suffix == ".docx":
            made[golden_name(written.path)] = docx_golden_text(written.path.read_bytes())
        elif written.path.suffix == ".txt":
            made[golden_name(written.path)] = written.path.read_text(encoding="utf-8")
    assert sorted(made) == sorted(expected)
    for name, text in made.items():
        assert text == expected[name], name


def test_the_golden_reader_sees_every_part() -> None:
    """The comparison would be empty if the reader missed the text: it sees body and header."""
    text = (GOLDEN / "vo-politie" / "communicatiestatement.docx.golden.txt").read_text("utf-8")
    assert "=== word/document.xml" in text and "=== word/header" in text
    assert "Wat speelt er?" in text and len(text) > 3000
