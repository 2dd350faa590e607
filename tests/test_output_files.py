"""Documents are written atomically and an existing (maybe edited) document is never lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from commgen.app.output import word_lock_file, write_document
from commgen.foundation.errors import OutputError
from tests.conftest import run_cli, write_answers


def test_an_edited_document_is_kept_and_a_rerun_replaces_only_its_own(capsys,
                                                                    tmp_path: Path) -> None:
    answers = write_answers(tmp_path)
    out = tmp_path / "out"
    assert run_cli(capsys, "generate", str(answers), "--out", str(out))[0] == 0
    edited = out / "communicatiestatement.docx"
    edited.write_bytes(b"bewerkt in Word")
    code, stdout, _err = run_cli(capsys, "generate", str(answers), "--out", str(out))
    assert code == 0
    assert edited.read_bytes() == b"bewerkt in Word"
    assert (out / "communicatiestatement (2).docx").stat().st_size > 1000
    assert "communicatiestatement (2).docx" in stdout and "--force" in stdout
    assert "gewijzigd" in stdout
    run_cli(capsys, "generate", str(answers), "--out", str(out))
    assert not (out / "communicatiestatement (3).docx").exists()  # its own copy is replaced
    assert (out / "vorige" / "communicatiestatement (2).docx").exists()
    assert not any("(2)" in p.name for p in out.iterdir() if p.suffix == ".txt")


def test_force_replaces(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "communicatiestatement.docx").write_bytes(b"oud")
    code, stdout, _err = run_cli(capsys, "generate", str(answers), "--out", str(out), "--force",
                                 "--only", "communicatiestatement")
    assert code == 0 and "vorige" in stdout
    assert (out / "communicatiestatement.docx").read_bytes()[:2] == b"PK"
    assert (out / "vorige" / "communicatiestatement.docx").read_bytes() == b"oud"
    assert sorted(p.name for p in out.iterdir()) == [
        ".commgen-manifest.json", "communicatiestatement.docx", "vorige"]


def test_force_refuses_a_document_open_in_word(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "communicatiestatement.docx"
    target.write_bytes(b"open in Word")
    word_lock_file(target).write_bytes(b"owner")
    code, _stdout, err = run_cli(capsys, "generate", str(answers), "--out", str(out), "--force")
    assert code == 2 and "geopend in Word" in err
    assert target.read_bytes() == b"open in Word"


def test_word_lock_file_name() -> None:
    assert word_lock_file(Path("communicatiestatement.docx")).name == "~$mmunicatiestatement.docx"
    assert word_lock_file(Path("brief.docx")).name == "~$brief.docx"
    assert word_lock_file(Path("brief-a.docx")).name == "~$rief-a.docx"


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    write_document(tmp_path / "a.docx", b"PK data")
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_failed_write_leaves_no_trace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import commgen.app.output as output

    def broken_replace(src, dst):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", broken_replace)
    with pytest.raises(OutputError) as info:
        write_document(tmp_path / "a.docx", b"PK data")
    assert "a.docx" in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_output_folder_is_created(tmp_path: Path) -> None:
    written = write_document(tmp_path / "diep" / "map" / "a.docx", b"PK")
    assert written.path.read_bytes() == b"PK"


def test_output_folder_that_is_a_file(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path)
    blocker = tmp_path / "bestand"
    blocker.write_text("x", encoding="utf-8")
    code, _out, err = run_cli(capsys, "generate", str(answers), "--out", str(blocker / "sub"))
    assert code == 2 and "Traceback" not in err
