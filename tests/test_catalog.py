"""The catalogue and snippets are data the foundation edits; mistakes are named with the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from commgen.foundation.errors import CatalogError
from commgen.questions.catalog import load_catalog
from commgen.render.snippets import load_snippets
from tests.conftest import run_cli, write_answers


def _edit(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _problems(folder: Path) -> str:
    with pytest.raises(CatalogError) as info:
        catalog = load_catalog(folder)
        load_snippets(catalog, "nl")
    return str(info.value)


def test_bundled_catalogue_and_snippets_load(catalog) -> None:  # type: ignore[no-untyped-def]
    snippets = load_snippets(catalog, "nl")
    assert catalog.document("communicatiestatement").audience == "internal"
    assert snippets.terms["po"]["klas"] == "groep" and snippets.terms["vo"]["klas"] == "klas"
    for question in catalog.questions:
        assert question.prompt["nl"] and question.prompt["en"], question.id


def test_duplicate_question_id(template_copy: Path) -> None:
    line = _edit(template_copy / "catalog.yaml", "  - id: school_place", "  - id: school_name")
    message = _problems(template_copy)
    assert f"catalog.yaml, regel {line}" in message and "twee keer" in message


def test_when_naming_an_unknown_question(template_copy: Path) -> None:
    line = _edit(template_copy / "catalog.yaml", "when: pupil_visible", "when: pupil_visable")
    message = _problems(template_copy)
    assert f"regel {line}" in message and "pupil_visable" in message
    assert "pupil_visible" in message  # the suggestion


def test_unknown_type_and_unknown_choice_list(template_copy: Path) -> None:
    _edit(template_copy / "catalog.yaml", "    type: yesno", "    type: boolean")
    _edit(template_copy / "catalog.yaml", "choices: materials", "choices: material")
    message = _problems(template_copy)
    assert "onbekend type 'boolean'" in message
    assert "er is geen keuzelijst 'material'" in message and "materials" in message


def test_missing_template_file(template_copy: Path) -> None:
    (template_copy / "nl" / "communicatiestatement.docx").unlink()
    assert "sjabloonbestand niet gevonden" in _problems(template_copy)


def test_choice_without_vetted_sentence(template_copy: Path) -> None:
    phrases = template_copy.parent / "snippets" / "nl" / "phrases.yaml"
    _edit(phrases, "  several:\n    internal: Het gaat om meer dan één beeld.\n"
                   "    parents-class: Het gaat om meer dan één beeld.\n"
                   "    teachers: Het gaat om meer dan één beeld.\n    all: \"\"\n", "")
    message = _problems(template_copy)
    assert "phrases.yaml" in message and "'several'" in message


def test_snippet_for_an_unknown_choice(template_copy: Path) -> None:
    phrases = template_copy.parent / "snippets" / "nl" / "phrases.yaml"
    line = _edit(phrases, "  photo:\n", "  fotoo:\n")
    message = _problems(template_copy)
    assert f"phrases.yaml, regel {line + 0}" in message or "fotoo" in message
    assert "'fotoo' is geen keuze van deze vraag" in message


def test_snippet_with_a_template_error_is_reported(template_copy: Path, tmp_path: Path,
                                                   capsys) -> None:
    phrases = template_copy.parent / "snippets" / "nl" / "phrases.yaml"
    _edit(phrases, "{{ term.klassen }}", "{{ term.klasen }}")
    answers = write_answers(tmp_path)
    code, _out, err = run_cli(capsys, "generate", str(answers), "--templates", str(template_copy),
                              "--out", str(tmp_path / "out"))
    assert code == 2 and "spread.several_classes" in err and "klasen" in err


def test_templates_option_and_environment(template_copy: Path, tmp_path: Path, capsys,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _edit(template_copy / "catalog.yaml", "title: {nl: Communicatiestatement,",
          "title: {nl: Kernboodschap,")
    answers = write_answers(tmp_path)
    monkeypatch.setenv("COMMGEN_TEMPLATES", str(template_copy))
    code, out, _err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "out"))
    assert code == 0
    import docx

    written = tmp_path / "out" / "communicatiestatement.docx"
    assert docx.Document(str(written)).core_properties.title == "Kernboodschap"
    assert str(written) in out


def test_missing_catalogue(tmp_path: Path, capsys) -> None:
    answers = write_answers(tmp_path)
    code, _out, err = run_cli(capsys, "generate", str(answers), "--templates", str(tmp_path))
    assert code == 2 and "catalog.yaml" in err and "niet gevonden" in err


def test_bundled_yaml_reads_the_same_with_and_without_libyaml() -> None:
    """libyaml accepts some flow mappings the pure-Python parser refuses (``{nl: Wie?, ...}``);
    a machine without libyaml must read every bundled file too."""
    import yaml

    from tests.conftest import TEMPLATES

    root = TEMPLATES.parent
    files = [*root.glob("templates/*.yaml"), *root.glob("snippets/*/*.yaml"),
             *root.glob("samples/**/*.yaml")]
    assert len(files) >= 8
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=yaml.SafeLoader) == yaml.load(
            text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), path
