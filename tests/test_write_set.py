"""A run's documents are written as one set: all of them or none, never over an edited one."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import commgen.app.output as output
from commgen.app.output import MANIFEST_NAME, Manifest, word_lock_file, write_set
from commgen.foundation.errors import OutputError

SET = [("brief.docx", b"PK brief 1"), ("brief.txt", b"brief 1"), ("pers.docx", b"PK pers 1")]
NEW = [("brief.docx", b"PK brief 2"), ("brief.txt", b"brief 2"), ("pers.docx", b"PK pers 2")]


def _contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_the_manifest_records_every_file_with_its_hash(tmp_path: Path) -> None:
    answers = tmp_path / "antwoorden.yaml"
    written = write_set(tmp_path / "out", SET, answers)
    assert [w.path.name for w in written] == ["brief.docx", "brief.txt", "pers.docx"]
    data = json.loads((tmp_path / "out" / MANIFEST_NAME).read_text(encoding="utf-8"))
    entry = data["files"]["brief.docx"]
    import hashlib

    assert entry["sha256"] == hashlib.sha256(b"PK brief 1").hexdigest()
    assert entry["answers"] == "../antwoorden.yaml" and entry["written"]  # relative: may move
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".commgen-set")]


def test_a_rerun_replaces_the_set_and_keeps_the_previous_one(tmp_path: Path) -> None:
    out, answers = tmp_path / "out", tmp_path / "a.yaml"
    write_set(out, SET, answers)
    written = write_set(out, NEW[:2], answers)  # pers.docx is no longer part of the set
    assert all(w.replaced and w.path == w.wanted for w in written)
    files = _contents(out)
    assert files["brief.docx"] == b"PK brief 2" and files["vorige/brief.docx"] == b"PK brief 1"
    assert files["vorige/pers.docx"] == b"PK pers 1" and "pers.docx" not in files
    assert written[0].previous == out / "vorige" / "brief.docx"
    assert set(Manifest.load(out).files) == {"brief.docx", "brief.txt"}


def test_an_edited_file_is_kept_and_the_new_one_written_beside_it(tmp_path: Path) -> None:
    out, answers = tmp_path / "out", tmp_path / "a.yaml"
    write_set(out, SET, answers)
    (out / "pers.docx").write_bytes(b"edited in Word")
    written = {w.wanted.name: w for w in write_set(out, NEW, answers)}
    assert (out / "pers.docx").read_bytes() == b"edited in Word"
    assert written["pers.docx"].path.name == "pers (2).docx"
    assert written["pers.docx"].kept_reason == "edited"
    assert (out / "pers (2).docx").read_bytes() == b"PK pers 2"
    # a third run replaces its own copy beside the edited one, instead of adding "(3)"
    written = {w.wanted.name: w for w in write_set(out, SET, answers)}
    assert written["pers.docx"].path.name == "pers (2).docx"
    assert (out / "pers (2).docx").read_bytes() == b"PK pers 1"
    assert not (out / "pers (3).docx").exists()
    assert (out / "pers.docx").read_bytes() == b"edited in Word"


def test_files_of_another_answers_file_or_unknown_files_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_set(out, SET[:1], tmp_path / "andere.yaml")
    (out / "pers.docx").write_bytes(b"someone's own file")
    written = {w.wanted.name: w for w in write_set(out, NEW, tmp_path / "a.yaml")}
    assert written["brief.docx"].kept_reason == "other-answers"
    assert written["pers.docx"].kept_reason == "unknown"
    assert (out / "brief.docx").read_bytes() == b"PK brief 1"
    assert (out / "pers.docx").read_bytes() == b"someone's own file"


def test_force_replaces_an_edited_file_but_not_one_open_in_word(tmp_path: Path) -> None:
    out, answers = tmp_path / "out", tmp_path / "a.yaml"
    write_set(out, SET, answers)
    (out / "pers.docx").write_bytes(b"edited")
    write_set(out, NEW, answers, force=True)
    assert (out / "pers.docx").read_bytes() == b"PK pers 2"
    assert (out / "vorige" / "pers.docx").read_bytes() == b"edited"
    word_lock_file(out / "brief.docx").write_bytes(b"owner")
    before = _contents(out)
    with pytest.raises(OutputError) as info:
        write_set(out, SET, answers, force=True)
    assert "Word" in str(info.value)
    assert _contents(out) == before


def test_a_failing_move_puts_everything_back(tmp_path: Path, monkeypatch) -> None:
    out, answers = tmp_path / "out", tmp_path / "a.yaml"
    write_set(out, SET, answers)
    before = sorted(out.rglob("*")), _contents(out)
    real = os.replace
    calls = []

    def failing(src, dst):  # type: ignore[no-untyped-def]
        calls.append(dst)
        if Path(dst) == out / "pers.docx" and calls.count(dst) == 1:  # the set's last file
            raise PermissionError(13, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(output.os, "replace", failing)
    with pytest.raises(OutputError) as info:
        write_set(out, NEW, answers)
    message = str(info.value)
    assert "pers.docx" in message and "brief.docx" in message and "teruggezet" in message
    monkeypatch.setattr(output.os, "replace", real)
    assert (sorted(out.rglob("*")), _contents(out)) == before  # no vorige/, no staging left


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="POSIX permissions, not root")
def test_a_read_only_folder_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_set(out, SET, tmp_path / "a.yaml")
    before = _contents(out)
    out.chmod(0o500)
    try:
        with pytest.raises(OutputError):
            write_set(out, NEW, tmp_path / "a.yaml")
    finally:
        out.chmod(0o700)
    assert _contents(out) == before


def test_a_failing_write_into_the_staging_folder_changes_nothing(tmp_path: Path,
                                                                 monkeypatch) -> None:
    out, answers = tmp_path / "out", tmp_path / "a.yaml"
    write_set(out, SET, answers)
    before = _contents(out)

    def full_disk(files):  # type: ignore[no-untyped-def]
        for path, data in files:
            if path.name == "brief.txt":
                raise OSError(28, "No space left on device", str(path))
            path.write_bytes(data)

    monkeypatch.setattr(output, "write_durable", full_disk)
    with pytest.raises(OutputError) as info:
        write_set(out, NEW, answers)
    assert "pers.docx" in str(info.value)
    assert str(out / "brief.txt") in str(info.value)  # the file's name, not the staging one
    assert _contents(out) == before


def test_a_broken_manifest_keeps_every_existing_file(tmp_path: Path) -> None:
    out, answers = tmp_path / "out", tmp_path / "a.yaml"
    write_set(out, SET, answers)
    (out / MANIFEST_NAME).write_text("{kapot", encoding="utf-8")
    written = write_set(out, NEW, answers)
    assert all(w.path != w.wanted for w in written)
    assert (out / "brief.docx").read_bytes() == b"PK brief 1"


def test_a_file_in_the_way_of_vorige_changes_nothing(tmp_path: Path) -> None:
    """Also as root (where a read-only folder does not stop a write)."""
    out, answers = tmp_path / "out", tmp_path / "a.yaml"
    write_set(out, SET, answers)
    (out / "vorige").write_bytes(b"a file, not a folder")
    before = sorted(out.rglob("*")), _contents(out)
    with pytest.raises(OutputError) as info:
        write_set(out, NEW, answers)
    assert "niet geschreven: brief.docx, brief.txt, pers.docx" in str(info.value)
    assert (sorted(out.rglob("*")), _contents(out)) == before


def test_a_run_stopped_halfway_leaves_files_the_next_run_knows(tmp_path: Path,
                                                                monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Killed between moving files in and recording them (here: Ctrl-C at the third move, so
    nothing is rolled back): the next run recognises what it wrote and adds no "(2)" copies."""
    import os

    from commgen.app import output

    folder = tmp_path / "out"
    first = [("a.docx", b"eerste a"), ("b.docx", b"eerste b"), ("c.txt", b"eerste c")]
    output.write_set(folder, first, tmp_path / "antwoorden.yaml")
    second = [("a.docx", b"tweede a"), ("b.docx", b"tweede b"), ("c.txt", b"tweede c")]
    real, calls = os.replace, {"n": 0}

    def interrupted(src, dst):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 5:  # after moving the old set aside and the first new file in
            raise KeyboardInterrupt
        return real(src, dst)

    monkeypatch.setattr(output.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        output.write_set(folder, second, tmp_path / "antwoorden.yaml")
    monkeypatch.setattr(output.os, "replace", real)
    third = [("a.docx", b"derde a"), ("b.docx", b"derde b"), ("c.txt", b"derde c")]
    written = output.write_set(folder, third, tmp_path / "antwoorden.yaml")
    assert [w.path.name for w in written] == ["a.docx", "b.docx", "c.txt"]
    assert not [p for p in folder.iterdir() if "(2)" in p.name]
    assert (folder / "a.docx").read_bytes() == b"derde a"
