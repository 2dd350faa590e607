"""`commgen templates check`: the bundled set passes; each broken template fails at its place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.broken_templates import CASES, letter, personal_metadata
from tests.conftest import mini_template_set, run_cli


def _check(capsys, folder: Path, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    return run_cli(capsys, "templates", "check", "--templates", str(folder), *args)


def test_bundled_template_set_passes(capsys) -> None:
    code, out, _err = run_cli(capsys, "templates", "check")
    assert code == 0, out
    assert "fout [" not in out


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_template_fails_at_its_place(name: str, tmp_path: Path, capsys) -> None:
    case = CASES[name]
    folder = mini_template_set(tmp_path / "set", case.build(), case.extra_questions)
    code, out, _err = _check(capsys, folder)
    assert code == 1, out
    lines = [line for line in out.splitlines() if f"fout [{case.code}]" in line]
    assert lines, out
    assert any(case.place in line and case.words in line for line in lines), out
    assert "brief.docx" in out


@pytest.mark.parametrize("name", sorted(CASES))
def test_json_names_file_code_and_place(name: str, tmp_path: Path, capsys) -> None:
    case = CASES[name]
    folder = mini_template_set(tmp_path / "set", case.build(), case.extra_questions)
    code, out, _err = _check(capsys, folder, "--format", "json")
    data = json.loads(out)
    found = [p for p in data["problems"] if p["code"] == case.code]
    assert code == 1 and data["errors"] >= 1 and found
    assert found[0]["file"].endswith("brief.docx") and found[0]["severity"] == "error"
    assert set(found[0]) >= {"file", "location", "severity", "code", "message"}


def test_place_in_json_is_also_given_as_numbers(tmp_path: Path, capsys) -> None:
    folder = mini_template_set(tmp_path / "set", CASES["p-block-across-cells"].build())
    _code, out, _err = _check(capsys, folder, "--format", "json")
    [problem] = [p for p in json.loads(out)["problems"] if p["code"] == "block-crosses-cells"]
    assert problem["where"] == {"part": "body", "table": 1, "row": 1, "cell": 1,
                                "excerpt": "{%p if note %}"}


def test_english_output(tmp_path: Path, capsys) -> None:
    folder = mini_template_set(tmp_path / "set", CASES["unclosed-if"].build())
    code, out, _err = run_cli(capsys, "--lang", "en", "templates", "check", "--templates",
                              str(folder))
    assert code == 1
    assert "paragraph 2 (“{%p if note %}”): error [unclosed-block]" in out


def test_warnings_do_not_fail(tmp_path: Path, capsys) -> None:
    extra = ("  - id: forgotten\n    section: main\n    type: text\n"
             "    prompt: {nl: Vergeten, en: Forgotten}\n")
    folder = mini_template_set(tmp_path / "set", personal_metadata(), extra)
    code, out, _err = _check(capsys, folder)
    assert code == 0, out
    assert "waarschuwing [personal-metadata]" in out and "Jan Jansen" in out
    assert "regel 22, 'forgotten': waarschuwing [unused-question]" in out


def test_catalogue_problems_are_all_listed_with_their_line(tmp_path: Path, capsys) -> None:
    extra = ("  - id: note\n    section: main\n    type: text\n    prompt: {nl: Twee, en: Two}\n"
             "  - id: late\n    section: main\n    type: text\n    when: nope\n"
             "    prompt: {nl: Laat, en: Late}\n")
    folder = mini_template_set(tmp_path / "set", letter("{{ note }}"), extra)
    code, out, _err = _check(capsys, folder)
    assert code == 1
    assert "catalog.yaml" in out
    assert "regel 22, 'note': fout [catalog]: het vraag-id 'note' komt twee keer voor" in out
    assert "regel 29, 'late': fout [catalog]" in out and "'nope'" in out


def test_snippet_problems(tmp_path: Path, capsys) -> None:
    extra = ("  - id: kind\n    section: main\n    type: choice\n"
             "    choices: [{value: foto, label: {nl: foto, en: photo}},\n"
             "              {value: film, label: {nl: film, en: film}}]\n"
             "    prompt: {nl: Soort, en: Kind}\n")
    folder = mini_template_set(tmp_path / "set", letter("{{ phrase.kind }} {{ note }}"), extra)
    (folder / "snippets" / "nl").mkdir(parents=True)
    (folder / "snippets" / "nl" / "phrases.yaml").write_text(
        "kind:\n  foto:\n    all: Het gaat om een {{ doc.titel }}.\n", encoding="utf-8")
    code, out, _err = _check(capsys, folder)
    assert code == 1
    assert "phrases.yaml" in out and "fout [snippets]" in out and "'film'" in out


def test_snippet_sentences_are_checked_like_templates(tmp_path: Path, capsys) -> None:
    extra = ("  - id: kind\n    section: main\n    type: choice\n"
             "    choices: [{value: foto, label: {nl: foto, en: photo}}]\n"
             "    prompt: {nl: Soort, en: Kind}\n")
    folder = mini_template_set(tmp_path / "set", letter("{{ phrase.kind }} {{ note }}"), extra)
    (folder / "snippets" / "nl").mkdir(parents=True)
    (folder / "snippets" / "nl" / "phrases.yaml").write_text(
        "kind:\n  foto:\n    all: Het gaat om {{ doc.titel }}.\n", encoding="utf-8")
    code, out, _err = _check(capsys, folder)
    assert code == 1
    assert "regel 3, 'kind.foto.all': fout [unknown-attribute]" in out


def test_not_a_template_set_is_bad_usage(tmp_path: Path, capsys) -> None:
    code, _out, err = _check(capsys, tmp_path)
    assert code == 2 and "catalog.yaml" in err


def test_unreadable_docx(tmp_path: Path, capsys) -> None:
    folder = mini_template_set(tmp_path / "set", letter("x"))
    (folder / "brief.docx").write_bytes(b"geen zip")
    code, out, _err = _check(capsys, folder)
    assert code == 1 and "fout [unreadable]" in out


def test_fixed_text_goes_through_the_privacy_check_for_its_audience(tmp_path: Path,
                                                                      capsys) -> None:
    folder = mini_template_set(tmp_path / "set", letter(
        "Ze had die foto ook niet moeten maken.", "Bel Daan de Vries als u vragen hebt.",
        "{{ note }}"))
    code, out, _err = _check(capsys, folder)
    assert code == 1
    assert "alinea 1 (“Ze had die foto ook niet ...”): fout [privacy-blame]" in out
    assert "alinea 2 (“Bel Daan de Vries als u ...”): fout [privacy-name]" in out


def test_tag_split_by_formatting_is_fine(tmp_path: Path, capsys) -> None:
    from tests.broken_templates import split_runs

    document = split_runs(("Groet van {{ school", True), ("_name }} en ", False),
                          ("{{ note }}", True))
    code, out, _err = _check(capsys, mini_template_set(tmp_path / "set", document))
    assert code == 0 and "Geen problemen gevonden." in out, out


def test_inline_block_over_paragraphs_is_a_warning(tmp_path: Path, capsys) -> None:
    document = letter("Beste ouders, {% if note %}", "{{ note }}", "{% endif %}Groet")
    code, out, _err = _check(capsys, mini_template_set(tmp_path / "set", document))
    assert code == 0
    assert "alinea 1 (“Beste ouders, {% if note %}”): waarschuwing [block-spans-paragraphs]" in out


def test_school_field_uses_the_question_with_that_profile_field(tmp_path: Path, capsys) -> None:
    extra = ("  - id: school_place\n    section: main\n    type: text\n    profile: place\n"
             "    prompt: {nl: Plaats, en: Town}\n")
    document = letter("{{ school_name }}, {{ school.place }}", "{{ note }}")
    code, out, _err = _check(capsys, mini_template_set(tmp_path / "set", document, extra))
    assert code == 0 and "unused-question" not in out, out


def test_a_condition_that_cannot_be_evaluated_is_a_catalogue_problem(tmp_path: Path,
                                                                      capsys) -> None:
    extra = ("  - id: count\n    section: main\n    type: text\n    prompt: {nl: Aantal, en: N}\n"
             "  - id: more\n    section: main\n    type: text\n    when: count > 3\n"
             "    prompt: {nl: Meer, en: More}\n")
    folder = mini_template_set(tmp_path / "set", letter("{{ note }}"), extra)
    code, out, _err = _check(capsys, folder, "--format", "json")
    [problem] = [p for p in json.loads(out)["problems"] if p["code"] == "catalog"]
    assert code == 1 and problem["severity"] == "error"
    assert problem["file"].endswith("catalog.yaml") and "'more'" in problem["location"]
    assert "regel 29" in problem["location"]
    assert "'count > 3'" in problem["message"] and "niet beantwoord" in problem["message"]
