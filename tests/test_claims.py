"""Two interviews never share an answers file, a lock left behind is taken over, and a failed
save keeps the interview going."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from commgen.foundation.files import Claimed, claim, create_new, lock_path, release
from tests.conftest import run_cli, write_answers


def test_two_new_drafts_in_one_folder_get_two_files(tmp_path: Path) -> None:
    first = create_new(tmp_path / "antwoorden.yaml")
    second = create_new(tmp_path / "antwoorden.yaml")
    assert first.name == "antwoorden.yaml" and second.name == "antwoorden (2).yaml"


def test_a_claimed_file_is_refused_and_released_after(tmp_path: Path) -> None:
    path = tmp_path / "antwoorden.yaml"
    lock = claim(path)
    with pytest.raises(Claimed):
        claim(path)
    release(lock)
    release(claim(path))
    assert not lock_path(path).exists()


@pytest.mark.skipif(os.name != "posix", reason="a dead process is recognised on POSIX")
def test_a_lock_of_a_process_that_ended_is_taken_over(tmp_path: Path) -> None:
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True).stdout.strip()
    path = tmp_path / "antwoorden.yaml"
    lock_path(path).write_text(f"{socket.gethostname()}:{ended}\n", encoding="utf-8")
    release(claim(path))


def test_resuming_a_file_in_use_says_so(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    answers = write_answers(tmp_path)
    lock = claim(answers)  # as if another interview is running on it
    try:
        code, _out, err = run_cli(capsys, "new", "--resume", str(answers), "--yes")
    finally:
        release(lock)
    assert code == 2 and "in gebruik" in err and "Traceback" not in err


def test_a_failed_save_keeps_the_interview_going(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from commgen.app import interview
    from tests.test_interview import invoke, typed

    real = interview.save_answers
    calls = {"n": 0}

    def flaky(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(interview, "save_answers", flaky)
    result = invoke(["new", "--out", str(tmp_path)], [*typed(), "m"])
    assert result.exit_code == 0, result.output
    assert "konden niet worden bewaard" in result.output + result.stderr
    assert (tmp_path / "communicatiestatement.docx").exists()
    assert not list(tmp_path.glob(".*commgen-lock"))


def test_share_writes_a_copy_without_names_and_refuses_open_findings(tmp_path: Path,
                                                                     capsys) -> None:  # type: ignore[no-untyped-def]
    import yaml

    answers = write_answers(tmp_path, {"involved_pupils": ["Sanne de Vries"],
                                       "situation_extra": "Het beeld van Sanne ging rond."})
    code, _out, err = run_cli(capsys, "share", str(answers))
    assert code == 1 and "Niet gedeeld" in err and "•••" in err and "Sanne" not in err
    copy = tmp_path / "antwoorden (delen).yaml"
    assert not copy.exists()
    answers = write_answers(tmp_path, {"involved_pupils": ["Sanne de Vries"]})
    code, out, _err = run_cli(capsys, "share", str(answers))
    assert code == 0 and "delen" in out
    text = copy.read_text(encoding="utf-8")
    shared = yaml.safe_load(text)
    assert "Sanne" not in text and "Vries" not in text and "/root" not in text
    assert set(shared["involved_pupils"]) == {"key", "count", "hashes"}
    assert shared["school_logo"] == "hetbaken-logo.png"  # no folder of the sender


def test_temporaries_of_a_killed_run_are_removed_by_the_next(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    out.mkdir()
    old_set = out / ".commgen-set-abc123"
    old_set.mkdir()
    (old_set / "brief.docx").write_bytes(b"")
    old_tmp = out / ".commgen-x1y2.tmp"
    old_tmp.write_bytes(b"")
    recent = out / ".commgen-recent.tmp"
    recent.write_bytes(b"")
    hour_ago = os.path.getmtime(recent) - 7200
    for item in (old_set, old_tmp):
        os.utime(item, (hour_ago, hour_ago))
    code, out_text, err = run_cli(capsys, "generate", str(write_answers(tmp_path)), "--out",
                                  str(out))
    assert code == 0, out_text + err
    assert not old_set.exists() and not old_tmp.exists()
    assert recent.exists()  # may belong to a run going on now
    assert not [p for p in out.iterdir() if p.stat().st_size == 0 and p.suffix == ".docx"]
