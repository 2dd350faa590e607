"""The command line itself: control characters, invalid bytes and huge values in every option
(``--accept-findings``, ``--out``, ``--school``, ``--set``, ``--only``, ``--lang``), ``--set``
of the names question (refused without echo), unknown options, garbage in the environment
(``COMMGEN_LANG``, ``COMMGEN_TEMPLATES``, ``COMMGEN_CONFIG``, ``COMMGEN_CACHE``), a terminal
without UTF-8, and hostile input to ``commgen check`` (stdin, file names, guard files). Each is
a real child process; each ends in a clear message, with nothing raw printed and nothing
leaked."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import yaml

from tests.hostile import (
    GUARDED,
    LAUNCHER,
    ONLY,
    Case,
    Run,
    check,
    child_env,
    matrix_fixture,
    sample,
)

POSIX = os.name == "posix"
FINDING = "Bel 06 12345678 voor meer informatie."  # an error for parents: the run stops


def _answers(folder: Path, **changes: object) -> None:
    (folder / "antwoorden.yaml").write_text(yaml.safe_dump(
        sample(**changes), allow_unicode=True, sort_keys=False), encoding="utf-8")


def gen(case_id: str, *args: str | bytes, codes: tuple[int, ...] = (2,),
        words: tuple[str, ...] = (), env: dict[str, str | None] | None = None,
        changes: dict[str, object] | None = None, after: Callable[[Run], None] | None = None,
        secrets: tuple[str, ...] = (), writes: bool = False) -> Case:
    """``commgen generate antwoorden.yaml ARGS`` (``--out uit`` unless ARGS say otherwise)."""
    def setup(folder: Path) -> Sequence[str | bytes]:
        _answers(folder, **(changes or {}))
        out = () if "--out" in args else ("--out", "uit")
        only = () if "--only" in args else ONLY
        return ["generate", "antwoorden.yaml", *out, *only, *args]
    return Case(case_id, setup, codes=codes, words=words, env=env or {}, after=after,
                secrets=secrets, writes=writes)


def new(case_id: str, *args: str | bytes, codes: tuple[int, ...] = (2,),
        words: tuple[str, ...] = (), secrets: tuple[str, ...] = ()) -> Case:
    """``commgen new`` with the sample's answers and ARGS, no terminal."""
    def setup(folder: Path) -> Sequence[str | bytes]:
        _answers(folder)
        return ["new", "--out", "uit", "--yes", "--answers", "antwoorden.yaml", *args]
    return Case(case_id, setup, codes=codes, words=words, secrets=secrets)


def cmd(case_id: str, args: Sequence[str | bytes], codes: tuple[int, ...] = (2,),
        words: tuple[str, ...] = (), stdin: bytes | None = None,
        files: dict[str, bytes | str] | None = None,
        env: dict[str, str | None] | None = None, secrets: tuple[str, ...] = ()) -> Case:
    """Any command, with ``files`` made first (bytes, or "fifo")."""
    def setup(folder: Path) -> Sequence[str | bytes]:
        for name, data in (files or {}).items():
            if data == "fifo":
                os.mkfifo(folder / name)
            else:
                (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())
        return list(args)
    return Case(case_id, setup, codes=codes, words=words, stdin=stdin, env=env or {},
                secrets=secrets)


def _reason_recorded(expected: str) -> Callable[[Run], None]:
    def after(run: Run) -> None:
        with zipfile.ZipFile(run.folder / "uit" / "brief-ouders-klas.docx") as archive:
            custom = archive.read("docProps/custom.xml").decode("utf-8")
        assert expected in custom, custom[-400:]
    return after


ACCEPT = {"changes": {"situation_extra": FINDING}}
NAMES = {"involved_pupils": ["Sanne de Vries"]}
CASES = [
    # --- --accept-findings
    gen("accept-newline-and-tab", "--accept-findings", "akkoord\nvan\tde directie", codes=(0,),
        after=_reason_recorded("directie"), **ACCEPT),  # type: ignore[arg-type]
    gen("accept-bidi", "--accept-findings", "akkoord \u202eeidcerid", codes=(0,),
        **ACCEPT),  # type: ignore[arg-type]
    gen("accept-huge", "--accept-findings", "akkoord " * 12000, codes=(0, 2),
        **ACCEPT),  # type: ignore[arg-type]
    gen("accept-empty", "--accept-findings", "", codes=(1, 2), **ACCEPT),  # type: ignore[arg-type]
    gen("accept-spaces", "--accept-findings", "   ", codes=(1, 2),
        **ACCEPT),  # type: ignore[arg-type]
    gen("accept-invalid-bytes", "--accept-findings", b"akkoord \xff\xfe", codes=(0, 2),
        **ACCEPT),  # type: ignore[arg-type]
    gen("accept-xml", "--accept-findings", "</vt:lpwstr><x>&amp;]]>", codes=(0,),
        after=_reason_recorded("&lt;/vt:lpwstr&gt;"), **ACCEPT),  # type: ignore[arg-type]
    # --- --out
    gen("out-invalid-bytes", "--out", b"uit\xff\xfe", codes=(0, 2)),
    gen("out-huge", "--out", "u" * 100000),
    gen("out-newline", "--out", "uit\nregel", codes=(0, 2)),
    # --- --school
    new("school-control-characters", "--school", "pro\x1b[31mfiel", words=("pro",)),
    new("school-huge", "--school", "p" * 100000),
    new("school-invalid-bytes", "--school", b"prof\xffiel"),
    new("school-empty", "--school", "", codes=(0, 2)),
    # --- --set
    new("set-control-characters", "--set", "school_name=Het\x1b[31m Baken\x07", codes=(0, 2)),
    new("set-huge", "--set", "view_extra=" + "x" * 100000, words=("te lang",)),
    new("set-unknown-question", "--set", "nergens=1", words=("nergens",)),
    new("set-without-equals", "--set", "school_name", words=("school_name",)),
    new("set-empty-key", "--set", "=waarde"),
    new("set-meta-key", "--set", "_commgen_accepted=zomaar", codes=(0, 2)),
    new("set-invalid-bytes", "--set", b"school_name=Het \xff Baken", codes=(0, 2)),
    new("set-names", "--set", "involved_pupils=Sanne de Vries", words=("--set",),
        secrets=GUARDED),
    new("set-names-spaced-key", "--set", " involved_pupils =Sanne de Vries", secrets=GUARDED),
    new("set-names-capitals", "--set", "INVOLVED_PUPILS=Sanne de Vries", secrets=GUARDED),
    new("set-names-no-value", "--set", "involved_pupils", secrets=GUARDED),
    new("set-names-twice", "--set", "involved_pupils=Sanne", "--set",
        "involved_pupils=de Vries", secrets=GUARDED),
    # --- options and language
    gen("unknown-option", "--kwaad", words=("--kwaad",)),
    gen("unknown-option-control", "--kw\x1b[2Jaad"),
    gen("unknown-option-huge", "--" + "x" * 100000),
    gen("only-garbage", "--only", "\x1b[31m,,, ,x", words=("communicatiestatement",)),
    gen("only-huge", "--only", ",".join(["brief"] * 20000)),
    cmd("lang-unknown", ["--lang", "xx", "--help"], codes=(0, 2)),
    cmd("lang-control", ["--lang", "n\x1bl", "--help"], codes=(0, 2)),
    gen("env-lang-unknown", env={"COMMGEN_LANG": "xx"}, codes=(0,)),
    gen("env-lang-path", env={"COMMGEN_LANG": "../../../etc/passwd"}, codes=(0,)),
    gen("env-lang-control", env={"COMMGEN_LANG": "\x1b[31m"}, codes=(0,)),
    gen("env-lang-locale-form", env={"COMMGEN_LANG": "nl_NL.UTF-8"}, codes=(0,)),
    gen("env-lang-huge", env={"COMMGEN_LANG": "n" * 100000}, codes=(0,)),
    # --- a terminal without UTF-8 (the findings print “•••” and ö)
    gen("terminal-ascii", env={"PYTHONIOENCODING": "ascii"}, codes=(1,),
        changes={**NAMES, "situation_extra": "Sanne is geschrokken."}, secrets=GUARDED),
    gen("terminal-latin1", env={"PYTHONIOENCODING": "latin-1"}, codes=(1,),
        changes={**NAMES, "situation_extra": "Sanne is geschrokken."}, secrets=GUARDED),
    gen("terminal-lang-c", env={"PYTHONIOENCODING": None, "LANG": "C", "LC_ALL": "C",
                                "PYTHONUTF8": "0"}, codes=(1,),
        changes={**NAMES, "situation_extra": "Sanne is geschrokken."}, secrets=GUARDED),
    cmd("terminal-ascii-help", ["--help"], codes=(0,), env={"PYTHONIOENCODING": "ascii"}),
    cmd("terminal-ascii-check", ["check", "brief.txt"], codes=(1,),
        env={"PYTHONIOENCODING": "ascii"},
        files={"brief.txt": "Zoë en “Samira” bellen 06 12345678 — 💛\n"}),
    # --- the environment
    gen("env-templates-missing", env={"COMMGEN_TEMPLATES": "/nergens/sjablonen"},
        words=("/nergens",)),
    gen("env-templates-a-file", env={"COMMGEN_TEMPLATES": "/etc/hostname"}),
    gen("env-templates-etc", env={"COMMGEN_TEMPLATES": "/etc"}),
    gen("env-config-a-file", env={"COMMGEN_CONFIG": "/etc/hostname"}, codes=(0, 2),
        changes=NAMES, secrets=GUARDED),
    gen("env-config-cannot-be-made", env={"COMMGEN_CONFIG": "/proc/commgen"}, codes=(0, 2),
        changes=NAMES, secrets=GUARDED),
    gen("env-cache-a-file", env={"COMMGEN_CACHE": "/etc/hostname"}, codes=(0,)),
    gen("env-cache-dev-null", env={"COMMGEN_CACHE": "/dev/null"}, codes=(0,)),
    gen("env-cache-cannot-be-made", env={"COMMGEN_CACHE": "/proc/commgen-cache"}, codes=(0,)),
    gen("env-home-cannot-be-made", env={"COMMGEN_CONFIG": None, "COMMGEN_CACHE": None,
                                        "HOME": "/proc/geen-thuis",
                                        "XDG_CONFIG_HOME": None, "XDG_CACHE_HOME": None},
        codes=(0, 2), changes=NAMES, secrets=GUARDED),
    # --- commgen check
    cmd("check-stdin-huge", ["check", "-"], stdin=b"Een zin. " * (3 * 1024 * 1024),
        words=("meer dan",)),
    cmd("check-stdin-binary", ["check", "-"], stdin=bytes(range(256)) * 100, codes=(0, 1, 2)),
    cmd("check-stdin-invalid-utf8", ["check", "-"], stdin=b"Bel \xff\xfe 06 12345678\n",
        codes=(1, 2)),
    cmd("check-stdin-empty", ["check", "-"], stdin=b"", codes=(0,)),
    cmd("check-file-name-newline", ["check", "brief\nnaam.txt"], codes=(1,),
        files={"brief\nnaam.txt": "Bel 06 12345678.\n"}),
    cmd("check-missing-control-name", ["check", "we\x1b[2Jg.txt"], words=("we",)),
    cmd("check-docx-that-is-text", ["check", "brief.docx"], files={"brief.docx": "tekst"},
        words=("brief.docx",)),
    cmd("check-unknown-suffix", ["check", "brief.exe"], files={"brief.exe": b"MZ\x90\x00"},
        codes=(0, 1, 2)),
    cmd("check-many-files", ["check", *["brief.txt"] * 300], codes=(1,),
        files={"brief.txt": "Bel 06 12345678.\n"}),
    cmd("check-guard-file-fifo", ["check", "--guard-file", "pijp", "brief.txt"],
        files={"pijp": "fifo", "brief.txt": "Tekst.\n"}, words=("pijp",)),
    cmd("check-guard-file-dev-zero", ["check", "--guard-file", "/dev/zero", "brief.txt"],
        files={"brief.txt": "Tekst.\n"}),
    cmd("check-guard-file-huge", ["check", "--guard-file", "namen.txt", "brief.txt"],
        files={"namen.txt": "Naam\n" * 600000, "brief.txt": "Tekst.\n"}, words=("200",)),
    cmd("check-guard-file-binary", ["check", "--guard-file", "namen.txt", "brief.txt"],
        files={"namen.txt": bytes(range(256)) * 10, "brief.txt": "Tekst.\n"},
        codes=(0, 1, 2)),
    cmd("check-guard-file-stdin-and-stdin", ["check", "--guard-file", "-", "-"],
        stdin=b"Sanne de Vries\n", codes=(0, 1, 2), secrets=GUARDED),
    cmd("check-answers-garbage", ["check", "--answers", "a.yaml", "brief.txt"],
        files={"a.yaml": b"\x00\xff" * 100, "brief.txt": "Tekst.\n"}, words=("a.yaml",)),
    cmd("check-guard-finds-without-echo", ["check", "--guard-file", "namen.txt", "brief.txt"],
        files={"namen.txt": "Sanne de Vries\n", "brief.txt": "Wij spraken met S\u00adanne.\n"},
        codes=(1,), secrets=GUARDED),
    cmd("names-forget-garbage", ["names", "forget", "a.yaml"], files={"a.yaml": b"\xff" * 50},
        words=("a.yaml",)),
    cmd("names-forget-no-names", ["names", "forget", "a.yaml"],
        files={"a.yaml": "school_name: x\n"}, codes=(0, 1, 2)),
    cmd("share-garbage", ["share", "a.yaml"], files={"a.yaml": "!!python/name:os.system\n"},
        words=("a.yaml",)),
    cmd("preview-unknown-document", ["templates", "preview", "\x1b[31mbrief"], codes=(2,)),
]


results = matrix_fixture(CASES)


@pytest.mark.parametrize("case", [c.param() for c in CASES])
def test_hostile_command_line(results, case: Case) -> None:  # type: ignore[no-untyped-def]
    check(results, case)


@pytest.mark.skipif(not POSIX, reason="a closed pipe is POSIX")
def test_a_reader_that_stops_early(tmp_path: Path) -> None:
    """``commgen templates list | head -1``: the pipe closes under commgen's output."""
    process = subprocess.Popen([sys.executable, "-c", LAUNCHER, "templates", "list"],
                               cwd=tmp_path, env=child_env(), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout is not None
    process.stdout.read(10)
    process.stdout.close()
    err = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    process.wait(timeout=30)
    assert "Traceback" not in err and "Interne fout" not in err, err


def test_the_reason_reaches_the_document(tmp_path: Path) -> None:
    """The run every --accept-findings case varies writes its reason (no case passes because
    the reason is never recorded)."""
    from tests.hostile import launch

    _answers(tmp_path, situation_extra=FINDING)
    run = launch(["generate", "antwoorden.yaml", "--out", "uit", "--accept-findings",
                  "akkoord van de directie"], tmp_path)
    assert run.code == 0, run.output
    _reason_recorded("akkoord van de directie")(run)
    with zipfile.ZipFile(io.BytesIO((tmp_path / "uit" / "brief-ouders-klas.docx").read_bytes())
                         ) as archive:
        assert "docProps/custom.xml" in archive.namelist()
