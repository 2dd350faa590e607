"""Guarded names cannot be recovered from any file commgen writes without the key, and a name
hidden with invisible characters, look-alike letters or spaced letters is still found."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest
import yaml

from commgen.foundation import keystore
from commgen.questions.guard import GuardedNames, name_forms
from tests.conftest import run_cli, write_answers

COMMON = ["Sanne", "de Vries", "Sanne de Vries", "Daan", "Bakker", "Emma", "Lucas", "Noah",
          "Jansen", "Mila"]


@pytest.fixture
def keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A key folder of this test alone."""
    folder = tmp_path / "config"
    monkeypatch.setenv("COMMGEN_CONFIG", str(folder))
    keystore._cache.clear()
    return folder


def _stored(names: list[str]) -> dict:  # type: ignore[type-arg]
    return GuardedNames.from_names(names).as_yaml()


def test_the_file_holds_a_key_id_and_hashes_nothing_to_try_names_on(keys: Path) -> None:
    stored = _stored(["Sanne de Vries"])
    assert set(stored) == {"key", "count", "hashes"} and "salt" not in stored
    assert keystore.valid_id(stored["key"])
    # a list of common names, tried the way the old salted hashes could be undone: no match
    tried = {hashlib.sha256(form.encode()).hexdigest() for name in COMMON
             for form in name_forms(name)}
    tried |= {hashlib.sha256(f"{stored['key']}\x00{form}".encode()).hexdigest()
              for name in COMMON for form in name_forms(name)}
    assert not tried & set(stored["hashes"])
    # the key is in a user-only file outside the answers, and only that makes them match
    [key_file] = (keys / "keys").glob("*.key")
    assert key_file.stem == stored["key"]
    if os.name == "posix":
        assert key_file.stat().st_mode & 0o077 == 0
    guard = GuardedNames.from_yaml(stored)
    assert guard is not None and guard.available and guard.matches("sanne")


def test_without_the_key_the_names_are_asked_again_and_generate_stops(
        keys: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    stored = _stored(["Sanne de Vries"])
    answers = write_answers(tmp_path, {"involved_pupils": stored})
    assert run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "a"))[0] == 0
    code, out, _err = run_cli(capsys, "names", "forget", str(answers))
    assert code == 0 and "Vergeten" in out
    assert not list((keys / "keys").glob("*.key"))
    keystore._cache.clear()
    code, out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "b"))
    assert code == 2 and "andere computer" in err and "--resume" in err
    assert not (tmp_path / "b").exists()


def test_old_weak_hashes_still_protect_and_are_named_weak(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    salt = "ab" * 16
    weak = {"salt": salt, "count": 1, "hashes": sorted(
        hashlib.sha256(f"{salt}\x00{form}".encode()).hexdigest()
        for form in name_forms("Sanne de Vries"))}
    answers = write_answers(tmp_path, {"involved_pupils": weak,
                                       "situation_extra": "Sanne is erg geschrokken."})
    code, out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "out"))
    assert code == 1 and "zwakke code" in err and "“•••”" in out and "Sanne" not in out


@pytest.mark.parametrize("hidden", [
    "San\u00adne de Vr\u00adies",      # soft hyphens, which Word does not show
    "Sa\u200bnne",                      # zero-width space
    "\u202eSanne",                      # a direction mark in front
    "Sаnne",                            # a Cyrillic а
    "S.a.n.n.e",                        # dots between the letters
    "S-a-n-n-e de Vries",
])
def test_a_hidden_name_is_still_found(tmp_path: Path, capsys, hidden: str) -> None:  # type: ignore[no-untyped-def]
    names = tmp_path / "namen.txt"
    names.write_text("Sanne de Vries\n", encoding="utf-8")
    letter = tmp_path / "brief.txt"
    letter.write_text(f"Wij hebben gesproken met {hidden} en haar ouders.\n", encoding="utf-8")
    code, out, _err = run_cli(capsys, "check", "--guard-file", str(names), str(letter))
    assert code == 1 and "•••" in out
    assert "Sanne" not in out and "Vries" not in out


def test_names_never_come_from_the_command_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = run_cli(capsys, "new", "--out", str(tmp_path), "--yes",
                              "--set", "involved_pupils=Sanne de Vries")
    assert code == 2 and "--set" in err and "Sanne" not in err
    code, _out, err = run_cli(capsys, "check", "--guard", "Sanne", "-")
    assert code == 2 and "Sanne" not in err.replace("'--guard'", "")


def test_the_draft_of_an_interview_holds_hashes_with_a_key(keys: Path, tmp_path: Path) -> None:
    from tests.test_interview import invoke, typed

    lines = typed({"involved_pupils": ["Sanne de Vries", "Daan Bakker, Mila", ""]})
    result = invoke(["new", "--out", str(tmp_path)], [*lines, "m"])
    assert result.exit_code == 0, result.output
    draft = yaml.safe_load((tmp_path / "antwoorden.yaml").read_text(encoding="utf-8"))
    stored = draft["involved_pupils"]
    assert stored["count"] == 3 and keystore.valid_id(stored["key"])  # every pasted line kept
    text = (tmp_path / "antwoorden.yaml").read_text(encoding="utf-8")
    for secret in ("Sanne", "Vries", "Daan", "Bakker", "Mila"):
        assert not re.search(secret, text) and secret not in result.output
