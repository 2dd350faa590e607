"""Another school named in a letter identifies the pupil as a class does (found in a user
trial: "het Stedelijk Lyceum", "OSG De Meerwaarden" passed); the school's own name, and the
letterhead and signature of another school of the foundation, pass."""

from __future__ import annotations

from pathlib import Path

from commgen.checks.allow import AllowList
from commgen.checks.run import make_checker
from tests.conftest import run_cli


def _groups(text: str, own: str | None = None) -> list[str]:
    allow = AllowList()
    if own:
        allow.add_name(own)
    checker = make_checker("parents-class", allow=allow)
    return [f.text for f in checker.check(text) if f.category == "group"]


def test_another_schools_name_in_a_sentence_is_an_identifying_detail() -> None:
    text = ("De foto is ook gedeeld door leerlingen van het Stedelijk Lyceum en van OSG De "
            "Meerwaarden.")
    found = _groups(text)
    assert any("Stedelijk Lyceum" in f for f in found), found
    assert any("OSG De Meerwaarden" in f for f in found), found


def test_the_schools_own_name_passes() -> None:
    text = "Op het Baken College is een foto rondgegaan; het Stedelijk Lyceum weet ervan."
    found = _groups(text, own="Het Baken College")
    assert found and not any("Baken" in f for f in found), found


def test_a_letterhead_of_another_school_of_the_foundation_passes(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    letter = tmp_path / "brief.txt"
    letter.write_text("OSG De Meerwaarden\n\nBeste ouders,\n\nWij informeren u over een "
                      "incident.\n\nMet vriendelijke groet,\n\nA. de Vries\nrector\n",
                      encoding="utf-8")
    code, out, _err = run_cli(capsys, "check", "--audience", "press", str(letter))
    assert code == 0, out
    letter.write_text("Beste ouders,\n\nHet beeld kwam van een leerling van OSG De "
                      "Meerwaarden.\n", encoding="utf-8")
    code, out, _err = run_cli(capsys, "check", "--audience", "press", str(letter))
    assert code == 1 and "Meerwaarden" in out, out
