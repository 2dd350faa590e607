"""`when` conditions and validators: a condition that cannot be evaluated is a catalogue
error with its line, at load time and at run time, never a question silently left out."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from commgen.answers.answersfile import validate_answers
from commgen.foundation.errors import CatalogError
from commgen.foundation.yamlfile import LineDict
from commgen.questions import conditions
from commgen.questions.catalog import load_catalog
from commgen.questions.model import Choice, Question
from tests.conftest import mini_template_set, run_cli


def _edit(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _load_error(folder: Path) -> CatalogError:
    with pytest.raises(CatalogError) as info:
        load_catalog(folder)
    return info.value


COUNT = ("  - id: count\n    section: main\n    type: text\n    prompt: {{nl: Aantal, en: Count}}\n"
         "  - id: extra\n    section: main\n    type: text\n    when: \"{when}\"\n"
         "    prompt: {{nl: Meer, en: More}}\n")


def _mini(tmp_path: Path, extra: str) -> Path:
    return mini_template_set(tmp_path / "set", docx.Document(), extra)


def _line(folder: Path, start: str) -> int:
    lines = (folder / "catalog.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.strip().startswith(start))


def test_comparing_a_text_answer_with_a_number_is_refused_at_load(tmp_path: Path) -> None:
    folder = _mini(tmp_path, COUNT.format(when="count > 3"))
    [problem] = _load_error(folder).problems
    assert problem.path == folder / "catalog.yaml"
    assert problem.line == _line(folder, "when:") and problem.key == "extra"
    assert problem.message.startswith(
        "de voorwaarde 'count > 3' werkt niet als 'count' niet beantwoord is: ")
    assert "'>' not supported" in problem.message


def test_a_condition_that_fails_only_for_an_answer_names_that_answer(tmp_path: Path) -> None:
    folder = _mini(tmp_path, COUNT.format(when="count and count > 3"))
    [problem] = _load_error(folder).problems
    assert problem.line == _line(folder, "when:") and problem.key == "extra"
    assert "als 'count' 'tekst' is" in problem.message


def test_comparing_a_choice_with_a_number_in_the_bundled_catalogue(template_copy: Path) -> None:
    line = _edit(template_copy / "catalog.yaml", "    when: school_address",
                 "    when: \"school_type < 3\"")
    [problem] = _load_error(template_copy).problems
    assert (problem.line, problem.key) == (line, "school_postcode")
    assert "'school_type < 3'" in problem.message and "'school_type'" in problem.message


def test_a_document_condition_is_tried_too(template_copy: Path) -> None:
    line = _edit(template_copy / "catalog.yaml", "when: letter_other_classes == 'letter'",
                 "when: audiences > 2")
    [problem] = _load_error(template_copy).problems
    assert (problem.line, problem.key) == (line, "brief-ouders-andere-klassen")
    assert "'audiences' niet beantwoord is" in problem.message


def test_templates_check_reports_the_condition(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = _mini(tmp_path, COUNT.format(when="count > 3"))
    code, out, _err = run_cli(capsys, "templates", "check", "--templates", str(folder))
    assert code == 1
    line = _line(folder, "when:")
    assert f"regel {line}, 'extra': fout [catalog]: de voorwaarde 'count > 3'" in out


def test_a_valid_condition_still_decides(tmp_path: Path) -> None:
    catalog = load_catalog(_mini(tmp_path, COUNT.format(when="count and count|length > 3")))
    extra = catalog.by_id["extra"]
    assert catalog.applies(extra, {"count": "vijftig"})
    assert not catalog.applies(extra, {"count": "elf"})
    assert not catalog.applies(extra, {})  # not answered yet
    assert catalog.is_applicable(extra.when, {"count": "vijftig"})


def test_an_unanswered_multiple_choice_is_an_empty_list(catalog) -> None:  # type: ignore[no-untyped-def]
    document = catalog.document("handreiking-team")  # when: "'staff' in audiences"
    assert not catalog.applies(document, {})
    assert catalog.applies(document, {"audiences": ["staff"]})


def test_a_condition_that_still_fails_at_run_time_is_a_catalogue_error(tmp_path: Path) -> None:
    # Every representative answer works; a two-letter answer divides by zero.
    catalog = load_catalog(_mini(tmp_path, COUNT.format(when="count and 10 // (count|length - 2)")))
    extra = catalog.by_id["extra"]
    assert catalog.applies(extra, {"count": "tekst"})
    with pytest.raises(CatalogError) as info:
        catalog.applies(extra, {"count": "ab"})
    [problem] = info.value.problems
    assert (problem.line, problem.key) == (extra.line, "extra")
    assert problem.path == catalog.path and "werkt niet" in problem.message
    with pytest.raises(CatalogError):  # and so does reading an answers file with it
        validate_answers(LineDict({"school_name": "De Vlinderboom", "count": "ab"}), catalog)


VALIDATED = ("  - id: count\n    section: main\n    type: text\n    validator: \"{validator}\"\n"
             "    prompt: {{nl: Aantal, en: Count}}\n")


def test_a_validator_that_cannot_be_evaluated_is_refused_at_load(tmp_path: Path) -> None:
    folder = _mini(tmp_path, VALIDATED.format(validator="value > 3"))
    [problem] = _load_error(folder).problems
    assert (problem.line, problem.key) == (_line(folder, "validator:"), "count")
    assert "'value > 3'" in problem.message and "'tekst'" in problem.message


def test_a_validator_that_fails_at_run_time_is_a_catalogue_error(tmp_path: Path) -> None:
    catalog = load_catalog(_mini(tmp_path, VALIDATED.format(
        validator="'te kort' if 10 // (value|length - 2) > 4 else ''")))
    question = catalog.by_id["count"]
    assert conditions.parse_answer(question, "tekstje") == "tekstje"
    with pytest.raises(conditions.InvalidAnswer, match="te kort"):
        conditions.parse_answer(question, "abc")
    with pytest.raises(CatalogError) as info:
        conditions.parse_answer(question, "ab")
    assert info.value.problems[0].key == "count"


def _choice(qid: str, n: int, kind: str = "choice") -> Question:
    choices = tuple(Choice(f"v{i}", {"nl": f"v{i}"}) for i in range(n))
    return Question(qid, kind, {}, {}, "main", choices=choices)


def test_every_combination_is_tried_when_there_are_few() -> None:
    questions = {"a": _choice("a", 3), "b": _choice("b", 2, "multichoice"),
                 "c": Question("c", "yesno", {}, {}, "main")}
    combos = list(conditions.representative_answers(questions, questions))
    assert len(combos) == 4 * 3 * 3  # each with "not answered"
    assert {"a": None, "b": [], "c": None} in combos
    assert {"a": "v2", "b": ["v1"], "c": False} in combos


def test_the_number_of_combinations_is_bounded() -> None:
    questions = {name: _choice(name, 9) for name in "abcde"}
    combos = list(conditions.representative_answers(questions, questions))
    assert conditions.MAX_COMBINATIONS < 10 ** 5
    assert len(combos) == 2 * 5 * 10  # each name on its own, twice
    assert {"a": "v8", "b": None, "c": None, "d": None, "e": None} in combos
    assert {"a": "v0", "b": "v0", "c": "v0", "d": "v0", "e": "v5"} in combos
