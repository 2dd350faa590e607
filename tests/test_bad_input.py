"""A wrong answers file gets a clear message naming the key, the line and what is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli, write_answers


def _line_of(path: Path, key: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    raise AssertionError(key)


def _generate(capsys, tmp_path: Path, answers: Path, *extra: str) -> tuple[int, str]:
    code, out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "out"),
                             *extra)
    assert "Traceback" not in out + err
    return code, err


def _no_output(tmp_path: Path) -> bool:
    out = tmp_path / "out"
    return not out.exists() or not any(out.iterdir())


def test_unknown_key_names_key_line_and_suggestion(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"contact_phon": "038 760 12 34"})
    code, err = _generate(capsys, tmp_path, answers)
    assert code == 2
    assert f"regel {_line_of(answers, 'contact_phon')}" in err
    assert "'contact_phon'" in err and "onbekende vraag" in err and "contact_phone" in err
    assert _no_output(tmp_path)


def test_wrong_type_for_a_person(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"contact": ["Karin", "Smit"]})
    code, err = _generate(capsys, tmp_path, answers)
    assert code == 2
    assert f"regel {_line_of(answers, 'contact')}, 'contact'" in err


def test_wrong_type_list_for_text(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"school_place": ["Amersfoort", "Leusden"]})
    code, err = _generate(capsys, tmp_path, answers)
    assert code == 2
    assert "'school_place'" in err and "verwacht tekst" in err


def test_invalid_choice_lists_what_is_allowed(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"material": "polaroid"})
    code, err = _generate(capsys, tmp_path, answers)
    assert code == 2
    assert f"regel {_line_of(answers, 'material')}" in err
    assert "'polaroid' is geen van de keuzes" in err
    assert "photo (foto), video, several (meerdere beelden)" in err


def test_invalid_choice_inside_a_multichoice(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"actions": ["lesson", "detention"]})
    code, err = _generate(capsys, tmp_path, answers)
    assert code == 2 and "'detention'" in err and "'actions'" in err


def test_choice_by_dutch_label_is_accepted(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"material": "Foto", "police": "om advies gevraagd"})
    code, _err = _generate(capsys, tmp_path, answers)
    assert code == 0


def test_missing_required_answer(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path, drop=("spokesperson",))
    code, err = _generate(capsys, tmp_path, answers)
    assert code == 2
    assert "'spokesperson'" in err and "een antwoord is verplicht" in err
    assert "Woordvoerder voor de pers" in err


def test_all_problems_are_reported_at_once(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"material": "polaroid", "contact_email": "geen adres",
                                       "reported_date": "gisteravond laat"},
                            drop=("spokesperson",))
    code, err = _generate(capsys, tmp_path, answers)
    assert code == 2
    for key in ("material", "contact_email", "reported_date", "spokesperson"):
        assert f"'{key}'" in err


def test_malformed_yaml_names_the_line(capsys, tmp_path: Path) -> None:
    answers = tmp_path / "kapot.yaml"
    answers.write_text("school_name: OBS De Vlinderboom\nschool_place: [Zwolle\nschool_type: po\n",
                       encoding="utf-8")
    code, err = _generate(capsys, tmp_path, answers)
    assert code == 2
    assert "geen geldige YAML" in err and "kapot.yaml, regel" in err


def test_tab_indentation_is_explained(capsys, tmp_path: Path) -> None:
    answers = tmp_path / "tab.yaml"
    answers.write_text("contact:\n\tname: Karin\n", encoding="utf-8")
    code, err = _generate(capsys, tmp_path, answers)
    assert code == 2 and "regel 2" in err and "YAML" in err


def test_a_date_that_is_not_a_date(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"reported_date": "31-02-2026"})
    code, err = _generate(capsys, tmp_path, answers)
    assert code == 2
    assert f"regel {_line_of(answers, 'reported_date')}, 'reported_date'" in err
    assert "bestaat niet" in err


def test_a_date_in_words_is_not_a_date(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"next_update_date": "na het weekend"})
    code, err = _generate(capsys, tmp_path, answers)
    assert code == 2 and "dit is geen datum" in err and "21-11-2026" in err


def test_a_key_written_twice(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path)
    with answers.open("a", encoding="utf-8") as handle:
        handle.write("material: photo\n")
    code, err = _generate(capsys, tmp_path, answers)
    assert code == 2 and "twee keer" in err and "'material'" in err


def test_invalid_email_and_phone(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"contact_email": "zorg@@hetbaken", "contact_phone": "12"})
    code, err = _generate(capsys, tmp_path, answers)
    assert code == 2
    assert "geen geldig e-mailadres" in err and "geen geldig telefoonnummer" in err


def test_not_a_mapping(capsys, tmp_path: Path) -> None:
    answers = tmp_path / "lijst.yaml"
    answers.write_text("- een\n- twee\n", encoding="utf-8")
    code, err = _generate(capsys, tmp_path, answers)
    assert code == 2 and "vraag: antwoord" in err


def test_missing_file_and_folder(capsys, tmp_path: Path) -> None:
    code, err = _generate(capsys, tmp_path, tmp_path / "bestaat-niet.yaml")
    assert code == 2 and "bestand niet gevonden" in err
    code, err = _generate(capsys, tmp_path, tmp_path)
    assert code == 2 and "dit is een map" in err


def test_not_utf8(capsys, tmp_path: Path) -> None:
    answers = tmp_path / "latin1.yaml"
    answers.write_bytes("school_name: Coöperatieve school\n".encode("latin-1"))
    code, err = _generate(capsys, tmp_path, answers)
    assert code == 2 and "UTF-8" in err


def test_answer_for_a_question_that_does_not_apply_is_a_note(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"pupil_visible": False, "origin": "pressure"})
    code, err = _generate(capsys, tmp_path, answers)
    assert code == 0
    assert "Let op:" in err and "'origin'" in err


def test_unknown_document_for_only(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path)
    code, err = _generate(capsys, tmp_path, answers, "--only", "persbericht")
    assert code == 2 and "persbericht" in err and "communicatiestatement" in err


def test_usage_errors_exit_2_in_dutch(capsys) -> None:
    code, _out, err = run_cli(capsys, "generate")
    assert code == 2 and "Ontbrekend argument" in err
    code, _out, err = run_cli(capsys, "maak")
    assert code == 2 and "Onbekende opdracht" in err


def test_english_on_request(capsys, tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"material": "polaroid"})
    code, _out, err = run_cli(capsys, "--lang", "en", "generate", str(answers), "--out",
                              str(tmp_path / "out"))
    assert code == 2
    assert "The answers file cannot be used" in err and "line " in err
    assert "regel" not in err and "antwoordenbestand" not in err


@pytest.mark.parametrize("env_lang", ["en", "nl"])
def test_language_from_environment(capsys, monkeypatch, env_lang: str) -> None:
    monkeypatch.setenv("COMMGEN_LANG", env_lang)
    code, out, _err = run_cli(capsys, "--help")
    assert code == 0
    assert ("Usage:" in out) == (env_lang == "en")
    assert ("Gebruik:" in out) == (env_lang == "nl")
