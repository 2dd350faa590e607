"""Concurrency and interruption, with real child processes: two ``commgen new`` in one folder,
two ``generate`` into one folder at once, Ctrl-C (SIGINT) and kill -9 (SIGKILL) at random
moments of ``generate``, a claim left by a killed interview and one held by a live process.

After each: no 0-byte file, no temporary outside a run that was killed, every document a
complete .docx, a manifest that reads, and the next run knows its own files (it replaces
them instead of writing "(2)" copies beside them)."""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.hostile import BAD_OUTPUT, LAUNCHER, ONLY, child_env, launch, sample, snapshot, stray

POSIX = os.name == "posix"
ROUNDS = 6
ANSWERS = yaml.safe_dump(sample(), allow_unicode=True, sort_keys=False)


def spawn(args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", LAUNCHER, *args], cwd=cwd,
                            env=child_env(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def finish(process: subprocess.Popen[bytes], timeout: float = 60) -> tuple[int, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, (out + err).decode("utf-8", "backslashreplace")


def sound(folder: Path, killed: bool = False) -> None:
    """What a folder holds after runs: no empty file, complete documents, a manifest that
    reads; temporaries only when a run was killed (the next run removes them when old)."""
    for name in snapshot(folder):
        path = folder / name
        if stray(path.name):
            assert killed, f"stray {name}"
            continue
        if path.is_file():
            assert path.stat().st_size > 0, f"empty {name}"
            if path.suffix == ".docx":
                with zipfile.ZipFile(path) as archive:
                    assert archive.testzip() is None, f"damaged {name}"
    manifest = folder / ".commgen-manifest.json"
    if manifest.exists():
        json.loads(manifest.read_text(encoding="utf-8"))


def no_copies(folder: Path) -> None:
    copies = sorted(p.name for p in folder.glob("* (*).docx"))
    assert not copies, f"the next run did not know its own files: {copies}"


def clean_output(output: str) -> None:
    for word in BAD_OUTPUT:
        assert word not in output, output


def _write(folder: Path, name: str = "antwoorden.yaml", **changes: object) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(sample(**changes), allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def test_two_interviews_in_one_folder(tmp_path: Path) -> None:
    """Two ``commgen new`` at once, answers from a file: two answers files, each whole, and
    a set of documents that is complete."""
    for round_ in range(2):
        folder = tmp_path / f"ronde{round_}"
        folder.mkdir()
        _write(tmp_path, f"a{round_}.yaml", view_extra="Eerste interview.")
        _write(tmp_path, f"b{round_}.yaml", view_extra="Tweede interview.")
        first = spawn(["new", "--out", str(folder), "--yes", "--answers",
                       str(tmp_path / f"a{round_}.yaml")], tmp_path)
        second = spawn(["new", "--out", str(folder), "--yes", "--answers",
                        str(tmp_path / f"b{round_}.yaml")], tmp_path)
        results = [finish(first), finish(second)]
        for code, output in results:
            clean_output(output)
            assert code in (0, 2), output
        drafts = answers_files(folder)
        assert len(drafts) == sum(code == 0 for code, _ in results) or len(drafts) == 2
        texts = {" ".join(yaml.safe_load(p.read_text(encoding="utf-8")).get("view_extra", []))
                 for p in drafts}
        assert texts <= {"Eerste interview.", "Tweede interview."} and len(texts) == len(drafts)
        sound(folder)


def test_two_runs_into_one_folder(tmp_path: Path) -> None:
    """Two ``generate`` of different answers into one folder at once: each ends clearly, the
    folder holds complete documents and a manifest that reads."""
    a = _write(tmp_path, "a.yaml", view_extra="Versie A van de tekst.")
    b = _write(tmp_path, "b.yaml", view_extra="Versie B van de tekst.")
    for round_ in range(2):
        out = tmp_path / f"uit{round_}"
        first = spawn(["generate", str(a), "--out", str(out), *ONLY], tmp_path)
        second = spawn(["generate", str(b), "--out", str(out), *ONLY], tmp_path)
        for code, output in (finish(first), finish(second)):
            clean_output(output)
            assert code in (0, 2), output
        sound(out)


@pytest.mark.skipif(not POSIX, reason="signals to a child process are POSIX")
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["sigint", "sigkill"])
def test_interrupted_at_random_moments(tmp_path: Path, sig: signal.Signals) -> None:
    """``generate`` stopped at a random moment, ROUNDS times: no empty or stray file (a kill
    -9 may leave a temporary, which a run an hour later removes), and the next run replaces
    its own files instead of keeping them as edited."""
    answers = _write(tmp_path)
    rng = random.Random(20 + int(sig))
    first = launch(["generate", str(answers), "--out", "uit", *ONLY], tmp_path)
    assert first.code == 0, first.output
    busy = max(first_duration(tmp_path, answers), 0.3)
    for round_ in range(ROUNDS):
        data = sample(view_extra=f"Ronde {round_}: een andere tekst.")
        answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        process = spawn(["generate", str(answers), "--out", "uit", *ONLY], tmp_path)
        time.sleep(rng.uniform(0.05, busy))
        process.send_signal(sig)
        code, output = finish(process)
        if sig == signal.SIGINT and "init_import_site" in output:
            pass  # Python itself was still starting (a site-packages .pth): none of our code ran
        elif sig == signal.SIGINT:
            clean_output(output)
            # "Gestopt." (click's Abort: 2), or the signal came after the run had finished
            assert code in (0, 2, 130, -signal.SIGINT), output
        sound(tmp_path / "uit", killed=sig == signal.SIGKILL)
    _age_leftovers(tmp_path / "uit")
    last = launch(["generate", str(answers), "--out", "uit", *ONLY], tmp_path)
    assert last.code == 0, last.output
    sound(tmp_path / "uit")
    no_copies(tmp_path / "uit")


def first_duration(folder: Path, answers: Path) -> float:
    start = time.monotonic()
    launch(["generate", str(answers), "--out", "tijd", *ONLY], folder)
    return time.monotonic() - start


def _age_leftovers(folder: Path) -> None:
    """As if the killed runs were long ago (a run removes only old leftovers)."""
    old = time.time() - 3 * 3600
    for item in folder.glob(".commgen-*"):
        if stray(item.name):
            os.utime(item, (old, old))


@pytest.mark.skipif(not POSIX, reason="a dead process is recognised on POSIX")
def test_a_claim_left_by_a_killed_interview_is_taken_over(tmp_path: Path) -> None:
    answers = _write(tmp_path)
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True).stdout.strip()
    lock = tmp_path / ".antwoorden.yaml.commgen-lock"
    lock.write_text(f"{socket.gethostname()}:{ended}\n", encoding="utf-8")
    run = launch(["new", "--resume", str(answers), "--yes"], tmp_path)
    assert run.code == 0, run.output
    assert not lock.exists()
    sound(tmp_path)


@pytest.mark.parametrize("content", ["", "\x00\xff rommel", "x" * 100000, "host:notapid"],
                         ids=["empty", "garbage", "huge", "no-pid"])
def test_a_damaged_claim_is_a_message(tmp_path: Path, content: str) -> None:
    answers = _write(tmp_path)
    (tmp_path / ".antwoorden.yaml.commgen-lock").write_text(content, encoding="utf-8")
    run = launch(["new", "--resume", str(answers), "--yes"], tmp_path)
    clean_output(run.output)
    assert run.code in (0, 2), run.output


def test_a_claim_of_a_live_interview_is_respected(tmp_path: Path) -> None:
    answers = _write(tmp_path)
    before = answers.read_bytes()
    lock = tmp_path / ".antwoorden.yaml.commgen-lock"
    lock.write_text(f"{socket.gethostname()}:{os.getpid()}\n", encoding="utf-8")
    run = launch(["new", "--resume", str(answers), "--yes"], tmp_path)
    assert run.code == 2 and "in gebruik" in run.err, run.output
    clean_output(run.output)
    assert lock.exists() and answers.read_bytes() == before


def answers_files(folder: Path) -> list[Path]:
    """The answers files in ``folder``, not their private side files (read with them)."""
    return sorted(p for p in folder.glob("antwoorden*.yaml") if ".niet-delen" not in p.name)


@pytest.mark.skipif(not POSIX, reason="signals to a child process are POSIX")
def test_an_interview_killed_while_saving_keeps_its_answers(tmp_path: Path) -> None:
    """kill -9 of ``commgen new`` at random moments: the answers file is whole every time and
    the interview can be resumed. Killed between the first write (the choices) and the first
    save (the free text too), a resume without a terminal says which answers it still needs."""
    source = _write(tmp_path, "bron.yaml")
    rng = random.Random(7)
    for round_ in range(3):
        folder = tmp_path / f"ronde{round_}"
        process = spawn(["new", "--out", str(folder), "--yes", "--answers", str(source)],
                        tmp_path)
        time.sleep(rng.uniform(0.1, 1.0))
        process.kill()
        finish(process)
        for draft in answers_files(folder):
            assert yaml.safe_load(draft.read_text(encoding="utf-8")) is not None
            run = launch(["new", "--resume", str(draft), "--yes"], tmp_path)
            clean_output(run.output)
            if run.code == 2:  # the free text was not saved yet: named, not a crash
                assert "ontbreken antwoorden" in run.err and "school_name" in run.err, run.output
                kept = yaml.safe_load(draft.read_text(encoding="utf-8"))
                assert kept.get("school_type"), kept  # the choices given were kept
            else:
                assert run.code in (0, 1), run.output


def test_ctrl_c_wrapped_by_python_during_an_import_is_a_stop(capsys: pytest.CaptureFixture[str]
                                                              ) -> None:
    """A SIGINT while a module's dataclass is being made reaches commgen as a RuntimeError
    caused by the KeyboardInterrupt (seen in CI): it is a stop, not an internal error."""
    from commgen.app.cli import _failure
    from commgen.foundation.errors import EXIT_STOPPED

    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as interrupt:
            raise RuntimeError("Error calling __set_name__ on 'Field'") from interrupt
    except RuntimeError as wrapped:
        code = _failure(wrapped)
    err = capsys.readouterr().err
    assert code == EXIT_STOPPED and "Interne fout" not in err and "Internal error" not in err
