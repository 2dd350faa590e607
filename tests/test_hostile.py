"""Hostile and broken input: every case ends in a clear message (exit 1 or 2) within seconds,
never an internal error, a hang, a raw escape sequence on the terminal or a stray file.

Each case runs the real command line in a child process, as a user would, with a timeout.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import SAMPLES, TEMPLATES

SAMPLE = (SAMPLES / "vo-politie.yaml").read_text(encoding="utf-8").replace(
    "school_logo: scholen/hetbaken-logo.png",
    f"school_logo: {(SAMPLES / 'scholen' / 'hetbaken-logo.png').as_posix()}")
ESC = "\x1b"


def commgen(*args: str, cwd: Path, stdin: bytes | None = None, timeout: int = 60
            ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COMMGEN_LANG": "nl", "PYTHONIOENCODING": "utf-8"}
    env.pop("COMMGEN_TEMPLATES", None)
    return subprocess.run([sys.executable, "-m", "commgen", *args], cwd=cwd, env=env,
                          input=stdin.decode("utf-8", "replace") if stdin else None,
                          capture_output=True, text=True, timeout=timeout)


def assert_clear(run: subprocess.CompletedProcess[str], code: int = 2, *words: str) -> None:
    output = run.stdout + run.stderr
    assert run.returncode == code, output
    assert "Traceback" not in output and "Interne fout" not in output, output
    assert ESC not in output, output
    for word in words:
        assert word in output, output


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if (".commgen-" in p.name
                  or p.name.endswith(".tmp")) and p.name != ".commgen-manifest.json")


def answers_with(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "antwoorden.yaml"
    path.write_text(SAMPLE + "\n" + extra + "\n", encoding="utf-8")
    return path


ANSWERS_CASES = {
    "alias-bomb": "lol: &a [x, x, x, x, x, x, x, x, x, x]\n"
                  "lol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                  "involved_pupils: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
    "huge-number": "view_extra: " + "9" * 5000,
    "python-tag": "view_extra: !!python/object/apply:os.system ['echo gehackt']",
    "long-school-name": "school_name: " + "Het Baken College " * 20,
}


@pytest.mark.parametrize("case", sorted(ANSWERS_CASES))
def test_hostile_answers_files(tmp_path: Path, case: str) -> None:
    text = SAMPLE
    extra = ANSWERS_CASES[case]
    keys = {line.split(":")[0] for line in extra.splitlines()}
    text = "\n".join(line for line in text.splitlines() if line.split(":")[0] not in keys)
    path = tmp_path / "antwoorden.yaml"
    path.write_text(text + "\n" + extra + "\n", encoding="utf-8")
    run = commgen("generate", str(path), "--out", "uit", cwd=tmp_path, timeout=30)
    assert_clear(run, 2, "antwoorden.yaml")
    assert not (tmp_path / "uit").exists() or not list((tmp_path / "uit").iterdir())
    assert "gehackt" not in run.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_or_device_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "antwoorden.yaml"
    os.mkfifo(fifo)
    assert_clear(commgen("generate", str(fifo), cwd=tmp_path, timeout=20), 2,
                 "geen gewoon bestand")
    if Path("/dev/zero").exists():
        assert_clear(commgen("generate", "/dev/zero", cwd=tmp_path, timeout=20), 2)
        assert_clear(commgen("check", "/dev/zero", cwd=tmp_path, timeout=20), 2)


def test_a_very_large_answers_or_text_file(tmp_path: Path) -> None:
    big = tmp_path / "groot.yaml"
    big.write_text("view_extra: " + "x" * (3 * 1024 * 1024), encoding="utf-8")
    assert_clear(commgen("generate", str(big), cwd=tmp_path), 2, "te groot")
    text = tmp_path / "groot.txt"
    text.write_bytes(b"Een zin. " * (3 * 1024 * 1024))
    assert_clear(commgen("check", str(text), cwd=tmp_path), 2, "te groot")


def _zip_bomb(path: Path, inside: str = "word/document.xml") -> None:
    """A small .docx whose one part unpacks to 70 MB of zeros."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(inside, "w") as handle:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(70):
                handle.write(chunk)


def test_a_zip_bomb_is_not_unpacked(tmp_path: Path, template_copy: Path) -> None:
    bomb = tmp_path / "brief.docx"
    _zip_bomb(bomb)
    assert bomb.stat().st_size < 1024 * 1024
    assert_clear(commgen("check", str(bomb), cwd=tmp_path, timeout=30), 2, "brief.docx")
    _zip_bomb(template_copy / "nl" / "persverklaring.docx")
    assert_clear(commgen("templates", "check", "--templates", str(template_copy),
                         cwd=tmp_path, timeout=30), 1, "persverklaring.docx")
    run = commgen("generate", str(answers_with(tmp_path, "")), "--templates", str(template_copy),
                  "--out", "uit", cwd=tmp_path, timeout=30)
    assert_clear(run, 2, "persverklaring.docx")
    assert not (tmp_path / "uit" / "persverklaring.docx").exists()


def test_a_damaged_or_huge_logo(tmp_path: Path) -> None:
    logo = (SAMPLES / "scholen" / "hetbaken-logo.png").read_bytes()
    (tmp_path / "kapot.png").write_bytes(logo[: len(logo) // 2])
    (tmp_path / "groot.png").write_bytes(logo[:-12] + b"\0" * (11 * 1024 * 1024) + logo[-12:])
    for name, words in (("kapot.png", "onvolledig"), ("groot.png", "te groot")):
        data = yaml.safe_load(SAMPLE)
        data["school_logo"] = name
        path = tmp_path / f"antwoorden-{name}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        assert_clear(commgen("generate", str(path), "--out", "uit", cwd=tmp_path), 2, words)


def test_escape_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    letter = tmp_path / f"brief{ESC}[31m.txt"
    letter.write_text(f"Bel 06 12345678 of mail {ESC}]0;titel\x07 naar sanne@mail.nl.\n",
                      encoding="utf-8")
    run = commgen("check", letter.name, cwd=tmp_path)
    assert_clear(run, 1, "brief\\x1b[31m.txt", "06 12345678")
    bad = tmp_path / "fout.yaml"
    bad.write_text(f"onbekend{ESC}[2J: ja\n", encoding="utf-8")
    assert_clear(commgen("generate", str(bad), cwd=tmp_path), 2, "fout.yaml")


def test_control_characters_in_a_reason_are_recorded_safely(tmp_path: Path) -> None:
    path = answers_with(tmp_path, "").read_text(encoding="utf-8")
    (tmp_path / "antwoorden.yaml").write_text(
        path.replace("situation_extra:", "situation_extra: Bel 06 12345678.\nx_old:", 1)
        if "situation_extra:" in path else path + "situation_extra: Bel 06 12345678.\n",
        encoding="utf-8")
    text = (tmp_path / "antwoorden.yaml").read_text(encoding="utf-8")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("x_old"))
    (tmp_path / "antwoorden.yaml").write_text(text + "\n", encoding="utf-8")
    run = commgen("generate", "antwoorden.yaml", "--out", "uit", "--accept-findings",
                  f"akkoord{ESC}[31m\x07 van de directie", cwd=tmp_path)
    assert_clear(run, 0)
    data = (tmp_path / "uit" / "communicatiestatement.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        custom = archive.read("docProps/custom.xml").decode("utf-8")
    assert "akkoord[31m van de directie" in custom and ESC not in custom
    assert leftovers(tmp_path) == []


def test_every_bundled_template_passes_the_limits() -> None:
    """The limits leave the real template set far inside them."""
    from commgen.docx.reader import check_package_file

    for path in sorted((TEMPLATES / "nl").glob("*.docx")):
        check_package_file(path)
