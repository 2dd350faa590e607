"""Hostile output folders, end to end through ``commgen generate --out``: a folder that cannot
be made, a file or device where the folder should be, a folder or link where a document
should be, a manifest that is garbage or claims files outside the folder, names too long, a
path through a link, and a full disk (a small tmpfs when one can be mounted, else ``os.replace``
and ``os.fsync`` failing with ENOSPC after N files in a direct call). Each ends in a clear
message or a complete set, never a half set, a stray temporary or a file written through a
link to somewhere else."""

from __future__ import annotations

import errno
import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_cli
from tests.hostile import Case, Run, check, launch, matrix_fixture, sample, snapshot, stray

ONLY = ("--only", "communicatiestatement,brief-ouders-klas,persverklaring")

POSIX = os.name == "posix"
NOT_POSIX = None if POSIX else "links, pipes and /proc are POSIX"
ANSWERS = yaml.safe_dump(sample(), allow_unicode=True, sort_keys=False)
OUTSIDE = b"van iemand anders"


def out_case(case_id: str, prepare: Callable[[Path], str], codes: tuple[int, ...] = (2,),
             *words: str, after: Callable[[Run], None] | None = None,
             extra: tuple[str, ...] = (), skip: str | None = None, writes: bool = False
             ) -> Case:
    """``prepare(folder)`` makes the hostile situation and returns the ``--out`` value."""
    def setup(folder: Path) -> list[str]:
        (folder / "antwoorden.yaml").write_text(ANSWERS, encoding="utf-8")
        return ["generate", "antwoorden.yaml", "--out", prepare(folder), *ONLY, *extra]
    return Case(case_id, setup, codes=codes, words=words, after=after, skip=skip,
                writes=writes)


def _first_run(folder: Path) -> None:
    run = launch(["generate", "antwoorden.yaml", "--out", "uit", *ONLY], folder)
    assert run.code == 0, run.output


def _file(folder: Path) -> str:
    (folder / "bestand").write_text("x", encoding="utf-8")
    return "bestand"


def _doc_is_folder(folder: Path) -> str:
    (folder / "uit" / "communicatiestatement.docx").mkdir(parents=True)
    return "uit"


def _doc_links_outside(folder: Path) -> str:
    (folder / "buiten.docx").write_bytes(OUTSIDE)
    (folder / "uit").mkdir()
    os.symlink(folder / "buiten.docx", folder / "uit" / "communicatiestatement.docx")
    return "uit"


def _outside_kept(run: Run) -> None:
    assert (run.folder / "buiten.docx").read_bytes() == OUTSIDE, "written through a link"


def _emptied_document(folder: Path) -> str:
    (folder / "antwoorden.yaml").write_text(ANSWERS, encoding="utf-8")
    _first_run(folder)
    (folder / "uit" / "persverklaring.docx").write_bytes(b"")  # a run killed long ago
    return "uit"


def _no_empty_document(run: Run) -> None:
    empty = [p.name for p in (run.folder / "uit").iterdir() if p.is_file()
             and p.stat().st_size == 0]
    assert not empty, f"still empty: {empty}"


def _manifest(content: bytes | str) -> Callable[[Path], str]:
    def prepare(folder: Path) -> str:
        (folder / "antwoorden.yaml").write_text(ANSWERS, encoding="utf-8")
        _first_run(folder)
        manifest = folder / "uit" / ".commgen-manifest.json"
        if content == "folder":
            manifest.unlink()
            manifest.mkdir()
        else:
            manifest.write_bytes(content if isinstance(content, bytes) else content.encode())
        return "uit"
    return prepare


def _manifest_claims_outside(folder: Path) -> str:
    """A manifest that says a file outside the folder is one of the set's own."""
    (folder / "antwoorden.yaml").write_text(ANSWERS, encoding="utf-8")
    _first_run(folder)
    (folder / "buiten.docx").write_bytes(OUTSIDE)
    path = folder / "uit" / ".commgen-manifest.json"
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    files = data.get("files", data)
    if isinstance(files, dict):
        for name in list(files)[:3]:
            files[f"../{name}"] = files[name]
        files["../buiten.docx"] = next(iter(files.values()))
    path.write_text(json.dumps(data), encoding="utf-8")
    return "uit"


def _vorige_is_a_file(folder: Path) -> str:
    (folder / "antwoorden.yaml").write_text(ANSWERS, encoding="utf-8")
    _first_run(folder)
    (folder / "uit" / "vorige").write_text("geen map", encoding="utf-8")
    return "uit"


def _through_link(folder: Path) -> str:
    (folder / "echt").mkdir()
    os.symlink(folder / "echt", folder / "link")
    return "link"


def _in_real_folder(run: Run) -> None:
    assert (run.folder / "echt" / "communicatiestatement.docx").exists()


def _dangling(folder: Path) -> str:
    os.symlink(folder / "weg", folder / "link")
    return "link"


def _fifo(folder: Path) -> str:
    os.mkfifo(folder / "pijp")
    return "pijp"


def _word_lock(folder: Path) -> str:
    (folder / "antwoorden.yaml").write_text(ANSWERS, encoding="utf-8")
    _first_run(folder)
    (folder / "uit" / "~$mmunicatiestatement.docx").write_bytes(b"owner")
    return "uit"


def _lock_kept(run: Run) -> None:
    assert (run.folder / "uit" / "~$mmunicatiestatement.docx").read_bytes() == b"owner"


CASES = [
    out_case("out-is-a-file", _file, (2,), "bestand"),
    out_case("out-is-dev-null", lambda f: "/dev/null", (2,), "/dev/null",
             skip=None if Path("/dev/null").exists() else "no /dev/null"),
    out_case("out-is-a-fifo", _fifo, (2,), "pijp", skip=NOT_POSIX),
    out_case("out-cannot-be-made", lambda f: "/proc/commgen-uit", (2,), "/proc",
             skip=None if Path("/proc/self").exists() else "no /proc"),
    out_case("out-read-only-system", lambda f: "/sys/commgen-uit", (2,), "/sys",
             skip=None if Path("/sys/kernel").exists() else "no /sys"),
    out_case("out-name-over-255", lambda f: "u" * 300, (2,), "uuuu"),
    out_case("out-path-over-4096", lambda f: "/".join(["map" * 60] * 30), (2,), "map"),
    out_case("out-empty-string", lambda f: "", (0, 2), writes=True),
    out_case("out-control-characters", lambda f: "uit\x1b[31m\x07", (0, 2)),
    out_case("out-bidi-name", lambda f: "uit\u202eexe.", (0, 2)),
    out_case("out-through-a-link", _through_link, (0,), after=_in_real_folder,
             skip=NOT_POSIX),
    out_case("out-dangling-link", _dangling, (0, 2), skip=NOT_POSIX),
    out_case("document-name-is-a-folder", _doc_is_folder, (0, 2),
             after=lambda run: (run.folder / "uit" / "communicatiestatement.docx").is_dir()
             or (_ for _ in ()).throw(AssertionError("the folder was replaced"))),
    out_case("document-is-a-link-outside", _doc_links_outside, (0, 2), after=_outside_kept,
             skip=NOT_POSIX),
    out_case("document-is-a-link-outside-force", _doc_links_outside, (0, 2),
             after=_outside_kept, extra=("--force",), skip=NOT_POSIX),
    out_case("document-left-empty-by-an-old-run", _emptied_document, (0,),
             after=_no_empty_document),
    out_case("document-open-in-word", _word_lock, (0, 2), after=_lock_kept,
             extra=("--force",), writes=True),
    out_case("manifest-garbage", _manifest(b"\x00\xffgeen json"), (0, 2)),
    out_case("manifest-wrong-shape", _manifest('{"files": 5, "answers": [1]}'), (0, 2)),
    out_case("manifest-huge", _manifest('{"x": "' + "y" * (30 * 1024 * 1024) + '"}'), (0, 2)),
    out_case("manifest-deep", _manifest("[" * 100000 + "]" * 100000), (0, 2)),
    out_case("manifest-is-a-folder", _manifest("folder"), (0, 2)),
    out_case("manifest-claims-files-outside", _manifest_claims_outside, (0, 2),
             after=_outside_kept, extra=("--force",)),
    out_case("previous-folder-is-a-file", _vorige_is_a_file, (0, 2), extra=("--force",),
             after=lambda run: (run.folder / "uit" / "vorige").is_file()
             or (_ for _ in ()).throw(AssertionError("vorige was replaced"))),
]


results = matrix_fixture(CASES)


@pytest.mark.parametrize("case", [c.param() for c in CASES])
def test_hostile_output_folder(results, case: Case) -> None:  # type: ignore[no-untyped-def]
    check(results, case)


# --- a full disk


def _no_half_set(folder: Path, before: dict[str, tuple[int, int]] | None = None) -> None:
    assert not [name for name in snapshot(folder) if stray(Path(name).name)]
    documents = sorted(p.name for p in folder.glob("*.docx"))
    if before is None:
        assert documents == [], f"a half set: {documents}"
    else:
        assert snapshot(folder) == before, "the earlier set was changed"


@pytest.fixture
def small_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A 40 KB tmpfs (the set is about 60 KB): only where it can be mounted (root on Linux)."""
    mount = tmp_path / "klein"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40k", "tmpfs", str(mount)],
                          capture_output=True) if POSIX and os.geteuid() == 0 else None
    if done is None or done.returncode != 0:
        pytest.skip("a tmpfs cannot be mounted here (the direct-call cases cover a full disk)")
    yield mount
    subprocess.run(["umount", str(mount)], capture_output=True)


def test_a_full_disk_in_a_real_run(tmp_path: Path, small_disk: Path) -> None:
    (tmp_path / "antwoorden.yaml").write_text(ANSWERS, encoding="utf-8")
    run = launch(["generate", "antwoorden.yaml", "--out", str(small_disk / "uit"), *ONLY],
                 tmp_path)
    assert run.code == 2, run.output
    assert "Traceback" not in run.output and "Interne fout" not in run.output
    assert "vol" in run.err  # "Is de schijf vol?"
    _no_half_set(small_disk / "uit")


@pytest.mark.parametrize("where,after", [("fsync", 1), ("fsync", 4), ("replace", 1),
                                         ("replace", 4), ("replace", -2), ("replace", -1)])
def test_a_full_disk_after_n_files(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch,
                                   where: str, after: int) -> None:
    """The disk fills after ``after`` files: every later write fails to reach the disk
    (``fsync``), or one rename fails (a rename needs no room for the data, so putting files
    back works again): nothing of the new set stays, the message says what was not written.
    A negative ``after`` counts from the end: the last renames of a run of this commgen."""
    (tmp_path / "antwoorden.yaml").write_text(ANSWERS, encoding="utf-8")
    real = getattr(os, where)
    calls = {"n": 0}
    if after < 0:  # count the calls of a run that succeeds, into another folder
        def count(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls["n"] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(os, where, count)
        assert run_cli(capsys, "generate", str(tmp_path / "antwoorden.yaml"), "--out",
                       str(tmp_path / "proef"), *ONLY)[0] == 0
        monkeypatch.setattr(os, where, real)
        after, calls["n"] = calls["n"] + after, 0

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] > after and (where == "fsync" or calls["n"] == after + 1):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(os, where, full)
    code, out, err = run_cli(capsys, "generate", str(tmp_path / "antwoorden.yaml"), "--out",
                             str(tmp_path / "uit"), *ONLY)
    monkeypatch.setattr(os, where, real)
    assert code == 2, out + err
    assert "Interne fout" not in err and "communicatiestatement" in err
    _no_half_set(tmp_path / "uit")


def test_a_full_disk_keeps_the_earlier_set(tmp_path: Path, capsys,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "antwoorden.yaml").write_text(ANSWERS, encoding="utf-8")
    assert run_cli(capsys, "generate", str(tmp_path / "antwoorden.yaml"), "--out",
                   str(tmp_path / "uit"), *ONLY)[0] == 0
    before = snapshot(tmp_path / "uit")
    data = yaml.safe_load(ANSWERS)
    data["view_extra"] = "Een andere tekst, zodat elk document verandert."
    (tmp_path / "antwoorden.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                              encoding="utf-8")
    real, calls = os.replace, {"n": 0}

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 9:  # the third document's move into place
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(os, "replace", full)
    code, _out, err = run_cli(capsys, "generate", str(tmp_path / "antwoorden.yaml"), "--out",
                              str(tmp_path / "uit"), "--force", *ONLY)
    monkeypatch.setattr(os, "replace", real)
    assert code == 2 and "Interne fout" not in err
    after = snapshot(tmp_path / "uit")
    assert {k for k in after if not stray(Path(k).name)} == set(before), "files came or went"
    for name, (size, _mtime) in before.items():
        assert after[name][0] == size, f"{name} changed"
