"""Hostile school profiles and logos, end to end through ``commgen new --school`` (answers from
a file, no terminal), ``commgen check --school`` and the logo of an answers file: a profile that
is missing, a folder, a device, huge, binary, tagged or of the wrong shape; a logo that is
missing, a folder, huge, not an image, truncated, an SVG, a pipe, a device or a path out of
the profile's folder. Each ends in a clear message naming the file, within seconds."""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import SAMPLES
from tests.hostile import LOGO, ONLY, Case, check, matrix_fixture, sample

PROFILE = (SAMPLES / "scholen" / "hetbaken.yaml").read_text(encoding="utf-8")
POSIX = os.name == "posix"


def _answers_without_school(folder: Path) -> None:
    data = sample()
    for key in [k for k in data if k.startswith("school_") or k == "signatory"]:
        data.pop(key)
    (folder / "antwoorden.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                            encoding="utf-8")


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    row = b"\0" * (1 + (width + 7) // 8)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height, 9)) + chunk(b"IEND", b""))


def _make(folder: Path, name: str, kind: str | bytes) -> None:
    """A file ``name`` in ``folder`` that is ``kind``: bytes, or a folder/fifo/link."""
    path = folder / name
    if isinstance(kind, bytes):
        path.write_bytes(kind)
    elif kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind.startswith("link:"):
        os.symlink(kind[5:], path)


def profile(case_id: str, text: str | bytes | None, *words: str, school: str = "profiel.yaml",
            files: dict[str, str | bytes] | None = None, codes: tuple[int, ...] = (2,),
            skip: str | None = None) -> Case:
    """``commgen new --school SCHOOL`` with the profile ``text`` (None: not written)."""
    def setup(folder: Path) -> list[str]:
        _answers_without_school(folder)
        if text is not None:
            _make(folder, "profiel.yaml", text.encode() if isinstance(text, str) else text)
        for name, kind in (files or {}).items():
            _make(folder, name, kind)
        return ["new", "--out", "uit", "--yes", "--answers", "antwoorden.yaml", "--school",
                school]
    return Case(case_id, setup, codes=codes, words=words, skip=skip)


def logo(case_id: str, logo_name: str, kind: str | bytes | None, *words: str,
         codes: tuple[int, ...] = (2,), skip: str | None = None) -> Case:
    """A profile whose logo is ``logo_name``, made as ``kind``."""
    text = PROFILE.replace("logo: hetbaken-logo.png", f"logo: {logo_name}")
    files = {} if kind is None else {logo_name: kind}
    return profile(case_id, text, *words, files=files, codes=codes, skip=skip)


def answers_logo(case_id: str, kind: str | bytes, *words: str, name: str = "logo.png",
                 codes: tuple[int, ...] = (2,), skip: str | None = None) -> Case:
    """An answers file whose ``school_logo`` is ``name``, made as ``kind``."""
    def setup(folder: Path) -> list[str]:
        _make(folder, name, kind)
        (folder / "antwoorden.yaml").write_text(yaml.safe_dump(
            sample(school_logo=name), allow_unicode=True), encoding="utf-8")
        return ["generate", "antwoorden.yaml", "--out", "uit", *ONLY]
    return Case(case_id, setup, codes=codes, words=words, skip=skip)


def check_school(case_id: str, text: str | bytes, *words: str) -> Case:
    def setup(folder: Path) -> list[str]:
        _make(folder, "profiel.yaml", text.encode() if isinstance(text, str) else text)
        (folder / "brief.txt").write_text("Bel 033 460 55 00.\n", encoding="utf-8")
        return ["check", "--school", "profiel.yaml", "brief.txt"]
    return Case(case_id, setup, words=words)


NOT_POSIX = None if POSIX else "named pipes and links are POSIX"
PNG = LOGO.read_bytes()
CASES = [
    profile("profile-missing", None, "weg.yaml", school="weg.yaml"),
    profile("profile-unknown-name", None, "nergens", school="nergens"),
    profile("profile-name-traversal", None, school="../../../etc/passwd"),
    profile("profile-name-control-chars", None, school="prof\x1b[31miel"),
    profile("profile-folder", "folder", "profiel.yaml"),
    profile("profile-fifo", None, "profiel.yaml", files={"profiel.yaml": "fifo"},
            skip=NOT_POSIX),
    profile("profile-dev-zero", None, school="/dev/zero",
            skip=None if Path("/dev/zero").exists() else "no /dev/zero"),
    profile("profile-huge", "name: " + "x" * (3 * 1024 * 1024), "profiel.yaml"),
    profile("profile-binary", bytes(range(256)) * 16, "profiel.yaml"),
    profile("profile-utf16", PROFILE.encode("utf-16"), "profiel.yaml"),
    profile("profile-python-tag", PROFILE + "extra: !!python/object/apply:os.system [id]\n",
            "profiel.yaml"),
    profile("profile-alias-bomb", "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a]\n"
            "name: [*b, *b, *b, *b]\n", "profiel.yaml"),
    profile("profile-head-text", PROFILE.replace("head:\n  name: Peter de Boer\n  role: rector",
                                                 "head: Peter de Boer"), "profiel.yaml",
            codes=(0, 2)),
    profile("profile-name-list", PROFILE.replace("name: Het Baken College",
                                                 "name: [Het, Baken]"), "profiel.yaml"),
    profile("profile-unknown-key", PROFILE + "bsn: 123456789\n", "profiel.yaml"),
    profile("profile-phone-5000-digits", PROFILE.replace("phone: 033 460 55 00",
                                                         "phone: " + "3" * 5000),
            "profiel.yaml"),
    profile("profile-list", "- een\n- twee\n", "profiel.yaml"),
    profile("profile-empty", "", "profiel.yaml"),
    profile("profile-name-too-long", PROFILE.replace("name: Het Baken College",
                                                     "name: " + "Het Baken " * 1200),
            "profiel.yaml"),
    logo("logo-missing", "weg.png", None, "weg.png"),
    logo("logo-folder", "map.png", "folder", "map.png"),
    logo("logo-huge", "groot.png", PNG[:-12] + b"\0" * (11 * 1024 * 1024) + PNG[-12:],
         "groot.png"),
    logo("logo-not-an-image", "tekst.png", b"dit is gewoon tekst\n", "tekst.png"),
    logo("logo-truncated-png", "half.png", PNG[: len(PNG) // 2], "half.png"),
    logo("logo-truncated-jpeg", "half.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\0" * 200,
         "half.jpg"),
    logo("logo-svg", "logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg' onload='x'/>",
         "logo.svg"),
    logo("logo-etc-passwd", "/etc/passwd", None, "passwd"),
    logo("logo-outside-the-folder", "../../buiten.png", None, "buiten.png"),
    logo("logo-fifo", "pijp.png", "fifo", "pijp.png", skip=NOT_POSIX),
    logo("logo-link-to-dev-zero", "nul.png", "link:/dev/zero", "nul.png", skip=NOT_POSIX),
    logo("logo-link-loop", "lus.png", "link:lus.png", "lus.png", skip=NOT_POSIX),
    logo("logo-huge-dimensions", "reus.png", _png(30000, 30000), codes=(0, 2)),
    logo("logo-zero-dimensions", "nul.png", _png(0, 0), codes=(0, 2)),
    logo("logo-name-control-chars", "lo\x1b[2Jgo.png", None, "profiel.yaml"),
    answers_logo("answers-logo-fifo", "fifo", "logo.png", skip=NOT_POSIX),
    answers_logo("answers-logo-folder", "folder", "logo.png"),
    answers_logo("answers-logo-link-to-passwd", "link:/etc/passwd", "logo.png",
                 skip=NOT_POSIX),
    answers_logo("answers-logo-svg", b"<svg/>", "logo.svg", name="logo.svg"),
    answers_logo("answers-logo-gif", b"GIF89a" + b"\0" * 40, "logo.gif", name="logo.gif"),
    answers_logo("answers-logo-png-named-jpg", PNG, name="logo.jpg", codes=(0, 2)),
    check_school("check-profile-python-tag", PROFILE + "x: !!python/name:os.system\n",
                 "profiel.yaml"),
    check_school("check-profile-binary", b"\x00\xff" * 500, "profiel.yaml"),
    check_school("check-profile-alias-bomb", "a: &a [x, x, x, x, x]\nname: [*a, *a, *a]\n",
                 "profiel.yaml"),
]


results = matrix_fixture(CASES)


@pytest.mark.parametrize("case", [c.param() for c in CASES])
def test_hostile_school(results, case: Case) -> None:  # type: ignore[no-untyped-def]
    check(results, case)


def test_the_plain_profile_works(tmp_path: Path) -> None:
    """The profile every case breaks makes the documents when nothing is broken."""
    from tests.hostile import launch

    setup: Callable[[Path], list[str]] = profile(
        "plain", PROFILE, files={"hetbaken-logo.png": PNG}).setup
    run = launch(setup(tmp_path), tmp_path)
    assert run.code == 0, run.output
    assert (tmp_path / "uit" / "brief-ouders-klas.docx").exists()
