"""The phrasing rules' findings per line kept between runs (``checks.run.LineStore``): a new
case's documents are mostly the vetted lines of earlier cases, so a later process reads their
findings instead of searching them. What it reads is exactly what the search finds; the file
shows nothing of the text; a damaged file or other rules only mean searching again.
"""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from commgen.checks import rules as rules_module
from commgen.checks import run
from commgen.checks.rules import find_all
from commgen.checks.run import LineStore, make_checker, save_stores
from tests import test_check_cache
from tests.test_check_cache import recorded

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = sorted((ROOT / "tests" / "golden").rglob("*.txt"))
# A line of a case's own (an answer in a letter) among the vetted ones.
OWN = ("De leerling is zielig en naïef; het beeld is viraal gegaan op Snapchat.\n"
       "Bel Jan de Vries op 06 12345678.\n")


empty_cache = test_check_cache.empty_cache  # the cache folder of a test, empty


@pytest.fixture
def searched(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every line (or short text) the rules really search."""
    return recorded(monkeypatch, rules_module.Rule, "_find")


def _texts() -> list[str]:
    assert len(GOLDEN) > 10
    return [OWN + path.read_text(encoding="utf-8") for path in GOLDEN[:12]]


def _rows(findings: list[Any]) -> list[tuple[Any, ...]]:
    return [(f.category, f.severity, f.start, f.end, f.text, f.message, f.suggestion, f.rule)
            for f in findings]


def test_a_later_process_reads_the_findings_of_every_line_and_they_are_identical(
        empty_cache: Path, searched: list[str]) -> None:
    texts = _texts()
    first = make_checker("parents-class")
    before = [_rows(first.check(text)) for text in texts]
    assert searched and any(before)
    save_stores()
    searched.clear()
    later = make_checker("parents-class")  # as a new process: an empty store, the file there
    assert later.lines is not first.lines and not later.lines
    again = [_rows(later.check(text)) for text in texts]
    assert searched == []  # every line came from the file
    assert again == before
    fresh = replace(later, lines=None)
    for text in texts:  # the rules' own search, nothing kept
        assert _rows(find_all(later.rules, text, {})) == _rows(
            [f for rule in fresh.rules for f in rule.find(text)])
        assert _rows(find_all(later.rules, text, later.lines)) == _rows(
            find_all(later.rules, text, {}))


def test_the_file_shows_nothing_of_the_text(empty_cache: Path) -> None:
    checker = make_checker("press")
    findings = checker.check(_texts()[0])
    assert any(f.text == "naïef" for f in findings)
    save_stores()
    files = list((empty_cache / LineStore.KIND).iterdir())
    assert len(files) == 1
    data = files[0].read_bytes()
    for passage in ("naïef", "is viraal", "Jan de Vries", "12345678", "Snapchat"):
        assert passage.encode("utf-8") not in data
        assert passage.encode("utf-16-le") not in data


def test_a_damaged_file_or_changed_rules_mean_searching_again(
        empty_cache: Path, searched: list[str]) -> None:
    text = _texts()[1]
    expected = _rows(make_checker().check(text))
    save_stores()
    (path,) = (empty_cache / LineStore.KIND).iterdir()
    path.write_bytes(path.read_bytes()[:-40] + b"\0" * 40)
    searched.clear()
    assert _rows(make_checker().check(text)) == expected
    assert searched  # not read from the damaged file
    save_stores()  # written again, whole
    searched.clear()
    assert _rows(make_checker().check(text)) == expected and not searched
    changed = make_checker()
    changed.rules[0] = replace(changed.rules[0], message=changed.rules[0].message + " (!)")
    changed.lines = LineStore(changed.rules)
    searched.clear()
    changed.check(text)
    assert searched  # other rules: another file
    other = make_checker()
    other.check(text)
    i = next(i for i, rule in enumerate(other.rules) if rule.kind == "existence"
             and any(not f.text.startswith("“") for f in rule.find(text)))
    rules = [*other.rules[:i], replace(other.rules[i], message="Anders: %s"), *other.rules[i + 1:]]
    replaced = replace(other, rules=rules)  # the store of the old rules stays behind
    messages = [f.message for f in replaced.check(text) if f.rule == rules[i].name]
    assert messages and all(m.startswith("Anders: ") for m in messages)


def test_the_collector_runs_again_after_a_check() -> None:
    checker = make_checker()
    assert gc.isenabled()
    checker.check(OWN * 20)
    assert gc.isenabled()
    gc.disable()
    try:
        checker.check(OWN)
        assert not gc.isenabled()  # a caller's choice stays
    finally:
        gc.enable()


def test_lines_are_kept_for_every_audience_of_one_checker(empty_cache: Path) -> None:
    checker = make_checker()
    assert checker.for_audience("press").lines is checker.lines
    assert isinstance(run.make_checker("press").lines, LineStore)


def test_remembered_scores_give_the_model_findings_of_the_model_itself(
        empty_cache: Path) -> None:
    from commgen.checks.model import load_model, model_findings
    from commgen.checks.spans import Spans

    checker = make_checker()
    assert checker.rules_folder is not None
    model = load_model(checker.rules_folder)
    assert model is not None
    texts = [*_texts(), "Het was een schandalige actie van die naïeve meid, echt een drama."]
    raw = [_rows(model_findings(model, t, checker.rules, Spans([]))) for t in texts]
    assert any(raw)
    run._SCORED.clear()
    first = run._remembered_model(model, checker.rules_folder)
    assert [_rows(model_findings(first, t, checker.rules, Spans([]))) for t in texts] == raw
    save_stores()
    run._SCORED.clear()
    later = run._remembered_model(model, checker.rules_folder)  # as a new process
    calls: list[str] = []
    later._model = type("Counting", (), {  # scores only from the file now
        "__getattr__": lambda self, name: (calls.append(name), getattr(model, name))[1]})()
    assert [_rows(model_findings(later, t, checker.rules, Spans([]))) for t in texts] == raw
    assert "scores" not in calls and "score_without_strongest_word" not in calls
