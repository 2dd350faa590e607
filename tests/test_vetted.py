"""The shipped findings of vetted lines and scores of vetted sentences (``checks/vetted.json``,
``checks.run.Vetted``): up to date with the rules, the model and the code, the same as a
search of the line or a score of the sentence, and never a case's own text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from commgen.checks import run
from commgen.checks.model import MODEL_FILE, load_model
from commgen.checks.rules import RULES_FOLDER, find_all

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import build_vetted  # noqa: E402


@pytest.fixture(scope="module")
def vetted() -> dict[str, object]:
    return json.loads(run.Vetted.FILE.read_bytes())


def test_the_shipped_file_is_up_to_date_with_the_rules_the_model_and_the_code() -> None:
    done = subprocess.run([sys.executable, "tools/build_vetted.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_entry_is_a_cases_own_text(vetted: dict[str, dict[str, dict[str, object]]]) -> None:
    answers = set().union(*(build_vetted._answers(s) for s in (ROOT / "samples").glob("*.yaml")))
    assert "obs de vlinderboom" in answers and "mark jansen" in answers
    lines = vetted["lines"]["entries"]
    sentences = [piece.partition("\0")[2] for piece in vetted["scores"]["entries"]]
    assert len(lines) > 100 and len(sentences) > 100
    for text in [*lines, *sentences]:
        assert build_vetted._vetted(text, answers), text


def test_a_vetted_line_has_the_findings_a_search_gives(
        vetted: dict[str, dict[str, dict[str, list[list[list[object]]]]]]) -> None:
    rules = run._loaded_rules(run.snippets_folder() / RULES_FOLDER)
    entries = vetted["lines"]["entries"]
    assert any(any(per_rule) for per_rule in entries.values())  # some lines have findings
    for line, rows in entries.items():
        assert len(rows) == len(rules)
        searched = [run._row(f) for f in find_all(rules, line, {})]
        assert searched == [row for per_rule in rows for row in per_rule], line


def test_a_vetted_sentence_has_the_score_the_model_gives(
        vetted: dict[str, dict[str, dict[str, object]]]) -> None:
    folder = run.snippets_folder() / RULES_FOLDER
    model = load_model(folder)
    assert model is not None and (folder / MODEL_FILE).is_file()
    for piece, value in list(vetted["scores"]["entries"].items())[::7]:
        kind, _sep, text = piece.partition("\0")
        if kind == "s":
            assert model.scores(text) == value, text
        else:
            assert model.score_without_strongest_word(text, int(kind[1:])) == value, text


def test_entries_of_another_stamp_are_not_used(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = tmp_path / "vetted.json"
    shipped.write_text(json.dumps({"format": run.Vetted.FORMAT, "lines": {
        "stamp": "another", "entries": {"Een regel.": [[] for _ in range(3)]}}}),
        encoding="utf-8")
    monkeypatch.setattr(run.Vetted, "FILE", shipped)
    assert run.Vetted().entries("lines", lambda: "current") == {}
    assert run.Vetted().entries("lines", lambda: "another") == {
        "Een regel.": [[], [], []]}
    shipped.write_text("{damaged", encoding="utf-8")
    assert run.Vetted().entries("lines", lambda: "another") == {}


def test_a_new_case_takes_vetted_lines_and_still_finds_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A line of a new text is searched; a vetted one is taken from the file (a rule-shaped
    finding planted in the file shows it is read) - and only while its stamp is current."""
    rules = run._loaded_rules(run.snippets_folder() / RULES_FOLDER)
    store = run.LineStore(rules)
    monkeypatch.setenv("COMMGEN_CACHE", str(tmp_path / "cache"))
    planted = [[] for _rule in rules]
    planted[0] = [["sensational", "error", 0, 4, "Wist", "geplant", None, rules[0].name]]
    shipped = tmp_path / "vetted.json"
    shipped.write_text(json.dumps({"format": run.Vetted.FORMAT, "lines": {
        "stamp": store._content_stamp(), "entries": {"Wist u dat.": planted}}}),
        encoding="utf-8")
    monkeypatch.setattr(run.Vetted, "FILE", shipped)
    monkeypatch.setattr(run, "VETTED", run.Vetted())
    new_line = "Wat een schande, die naaktfoto's van die sletje. " * 9
    text = "Wist u dat.\n" + new_line
    found = find_all(rules, text, store)
    assert [f.message for f in found if f.start == 0] == ["geplant"]
    searched = [(f.start + 12, f.rule) for f in find_all(rules, new_line, {})]
    assert searched and [(f.start, f.rule) for f in found if f.start > 0] == searched
    other = run.LineStore(rules)
    monkeypatch.setattr(other, "_content_stamp", lambda: "changed rules")
    assert not [f for f in find_all(rules, text, other) if f.message == "geplant"]
