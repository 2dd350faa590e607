"""What a new user of ``commgen check`` and of scripted answers files ran into (trial-check10:
F8, F11, F12, F16), end to end through the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import SAMPLES, run_cli, sample_data

SCHOOL_KEYS = ("school_name", "school_place", "school_type", "school_address",
               "school_postcode", "school_phone", "school_email", "school_website",
               "school_logo", "signatory")


def _profile_case(folder: Path, school: str) -> Path:
    """A case whose answers name a school profile instead of copying the school's facts."""
    data = {k: v for k, v in sample_data("vo-politie").items() if k not in SCHOOL_KEYS}
    data = {"school": school, **data}
    path = folder / "zaak" / "antwoorden.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _docx_text(path: Path) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def test_answers_file_names_a_profile_file_beside_it(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """F12: ``school: ../debrug.yaml`` counts from the answers file; the profile's facts fill
    the letterhead and the signature, and ``check --answers`` allows them."""
    for name in ("hetbaken.yaml", "hetbaken-logo.png"):
        shutil.copy(SAMPLES / "scholen" / name, tmp_path / name)
    answers = _profile_case(tmp_path, "../hetbaken.yaml")
    code, out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "docs"))
    assert code == 0, err
    letter = _docx_text(tmp_path / "docs" / "brief-ouders-klas.docx")
    assert "Het Baken College" in letter and "Amersfoort" in letter
    assert "Peter de Boer" in letter
    code, out, _err = run_cli(capsys, "check", "--answers", str(answers),
                              str(tmp_path / "docs" / "brief-ouders-klas.txt"))
    assert code == 0, out


def test_answers_file_names_a_bundled_profile_and_its_own_lines_win(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = _profile_case(tmp_path, "hetbaken")
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    data["school_place"] = "Leusden"  # a line of the file itself counts over the profile
    answers.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                       encoding="utf-8")
    code, _out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "d"))
    assert code == 0, err
    letter = _docx_text(tmp_path / "d" / "brief-ouders-klas.docx")
    assert "Het Baken College" in letter and "Leusden" in letter


def test_a_profile_that_is_not_there_is_named(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    answers = _profile_case(tmp_path, "debrug")
    code, _out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "d"))
    assert code == 2
    assert "debrug" in err and "hetbaken" in err  # what was asked, what there is
    assert "Traceback" not in err and "school_type" not in err
    assert not (tmp_path / "d").exists()


def test_check_takes_lang_after_the_command(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """F11: ``commgen check --lang en`` speaks English, as ``commgen --lang en check`` does;
    ``--json`` is ``--format json``."""
    letter = tmp_path / "brief.txt"
    letter.write_text("Mail gerust naar sanne.devries2011@gmail.com.\n", encoding="utf-8")
    code, out, _err = run_cli(capsys, "check", "--lang", "en", str(letter))
    assert code == 1
    assert "1 error(s)" in out and "fout" not in out
    code, out, _err = run_cli(capsys, "check", "--json", str(letter))
    assert code == 1
    assert json.loads(out)["files"][0]["findings"][0]["category"] == "email"


def test_register_is_checked_for_the_readers_given(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """F16: a "je" text checked for parents is a register slip; for teachers it is not, and a
    text of unknown readers is not held to a register."""
    text = tmp_path / "mail.txt"
    text.write_text("Beste collega's,\n\nJe hebt misschien al iets gehoord. Als je vragen hebt, "
                    "bel ons.\n", encoding="utf-8")
    code, out, _err = run_cli(capsys, "check", "--audience", "parents-class", str(text))
    assert code == 1 and out.count("[consistency]") == 2, out
    code, out, _err = run_cli(capsys, "check", "--audience", "teachers", str(text))
    assert "[consistency]" not in out, out
    code, out, _err = run_cli(capsys, "check", str(text))
    assert "[consistency]" not in out, out


def test_a_pupils_street_gets_no_own_school_hint(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """F8: an address where someone lives is never the school's to allow; the school's own
    address still gets the hint how to allow it."""
    text = tmp_path / "brief.txt"
    text.write_text("Een leerling die vlak bij school aan de Populierenlaan 12 woont, heeft het "
                    "gezien.\n\nOnze school staat aan de Molenkade 17.\n", encoding="utf-8")
    code, out, _err = run_cli(capsys, "check", str(text))
    assert code == 1
    pupil, school = out.split("Molenkade", 1)
    assert "Populierenlaan" in pupil and "--school" not in pupil, out
    assert "--school" in school, out
