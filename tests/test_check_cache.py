"""The findings of the privacy check kept between runs (``checks.run.ResultCache``) are the
findings the check makes: an entry is used only for the same text, kind and checker, and every
input a finding depends on - the check's data files, the guarded names and their key, the
allowed details and contacts, the audience, the kind of text, commgen's version and code -
makes another entry. An entry shows nothing of the text it was made from.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

import commgen
from commgen.checks import run
from commgen.checks.allow import AllowList
from commgen.checks.run import Checker, ResultCache, make_checker, snippets_folder
from commgen.foundation import cache
from commgen.questions.guard import GuardedNames

TEXT = ("Mogelijk heeft de leerling het beeld zelf verstuurd. Bel Jan de Vries op 06 12345678 "
        "of mail jan.devries@voorbeeld.example.")


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMMGEN_CACHE", str(folder))
    return folder


def recorded(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[str]:
    """Every text ``owner.name(self, text, ...)`` is called with, the method itself run."""
    calls: list[str] = []
    original = getattr(owner, name)

    def method(self: Any, text: str, *more: Any) -> Any:
        calls.append(text)
        return original(self, text, *more)

    monkeypatch.setattr(owner, name, method)
    return calls


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text ``Checker.check`` really checks (not served from the cache)."""
    return recorded(monkeypatch, Checker, "check")


def _rows(findings: list[Any]) -> list[tuple[Any, ...]]:
    return [(f.category, f.severity, f.start, f.end, f.text, f.message, f.suggestion, f.rule)
            for f in findings]


def _cached(checker: Checker, text: str = TEXT, kind: str = "document:brief",
            folder: Path | None = None) -> list[Any]:
    return ResultCache(folder or snippets_folder()).check(checker, text, kind)


def test_the_same_check_again_comes_from_the_cache_and_is_identical(
        empty_cache: Path, counted: list[str]) -> None:
    checker = make_checker("press")
    first = _cached(checker)
    assert len(counted) == 1 and first
    again = _cached(make_checker("press"))
    assert len(counted) == 1  # not checked again
    assert _rows(again) == _rows(first) == _rows(Checker.check(checker, TEXT))


def test_the_cache_folder_shows_nothing_of_the_text(empty_cache: Path) -> None:
    findings = _cached(make_checker("press"))
    assert any(f.text == "06 12345678" for f in findings)
    entries = [p for p in empty_cache.rglob("*") if p.is_file()]
    assert entries
    for path in entries:
        data = path.read_bytes()
        for passage in ("Jan de Vries", "12345678", "jan.devries", "zelf verstuurd"):
            assert passage.encode("utf-8") not in data
            assert passage.encode("utf-16-le") not in data


@pytest.mark.parametrize("change", [
    "audience", "guarded names", "key of the guarded names", "allowed contact", "kind",
    "text", "commgen version"])
def test_a_changed_input_is_checked_again(empty_cache: Path, counted: list[str],
                                          monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    guard = GuardedNames.from_names(["Jan de Vries"])
    before = make_checker("press", [guard])
    _cached(before)
    assert len(counted) == 1
    after, text, kind = make_checker("press", [guard]), TEXT, "document:brief"
    if change == "audience":
        after = before.for_audience("internal")
    elif change == "guarded names":
        after = make_checker("press", [GuardedNames.from_names(["Jan de Vries", "Roos"])])
    elif change == "key of the guarded names":  # the same hashes, another key on this computer
        other = GuardedNames(guard.key_id, list(guard.hashes), guard.count,
                             key=b"\x01" * len(guard.key or b"x"))
        after = make_checker("press", [other])
    elif change == "allowed contact":
        allow = AllowList()
        allow.add_name("Jan de Vries")
        after = make_checker("press", [], allow)
        before_unguarded = make_checker("press", [])
        _cached(before_unguarded)
        counted.clear()
    elif change == "kind":
        kind = "document:persverklaring"
    elif change == "text":
        text = TEXT + " "
    elif change == "commgen version":
        monkeypatch.setattr(cache, "VERSION", cache.VERSION + "-next")
    counted.clear()
    found = _cached(after, text, kind)
    assert counted == [text]  # checked, not taken from the entry of the other input
    assert _rows(found) == _rows(Checker.check(after, text))


def test_findings_follow_each_change_of_input(empty_cache: Path) -> None:
    """Not only checked again: the result is the one of the new input."""
    press = _cached(make_checker("press"))
    internal = _cached(make_checker("internal"))
    speculation = {f.severity for f in press if f.category == "speculation"}
    assert speculation == {"error"}
    assert {f.severity for f in internal if f.category == "speculation"} == {"warning"}
    guarded = _cached(make_checker("press", [GuardedNames.from_names(["Jan de Vries"])]))
    assert any(f.rule == "guarded-name" for f in guarded)
    assert not any(f.rule == "guarded-name" for f in press)
    allow = AllowList()
    allow.add_name("Jan de Vries")
    allowed = _cached(make_checker("press", [], allow))
    assert not any(f.category == "name" for f in allowed)
    assert any(f.category == "name" for f in press)


def test_a_changed_rules_file_is_checked_again(empty_cache: Path, tmp_path: Path) -> None:
    folder = tmp_path / "snippets"
    shutil.copytree(snippets_folder(), folder)
    first = _cached(make_checker("press", snippets_dir=folder), folder=folder)
    assert {f.severity for f in first if f.category == "speculation"} == {"error"}
    severity = folder / "regels" / "ernst.yaml"
    severity.write_text(severity.read_text(encoding="utf-8").replace(
        "press:\n", "press:\n  speculation: warning\n"), encoding="utf-8")
    second = _cached(make_checker("press", snippets_dir=folder), folder=folder)
    assert {f.severity for f in second if f.category == "speculation"} == {"warning"}


def test_a_changed_module_of_commgen_makes_another_stamp(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "commgen"
    shutil.copytree(Path(commgen.__file__).parent, package,
                    ignore=shutil.ignore_patterns("__pycache__", "locale"))
    monkeypatch.setattr(commgen, "__file__", str(package / "__init__.py"))
    before = run._data_stamp(snippets_folder())
    assert run._data_stamp(snippets_folder()) == before  # the same files: the same stamp
    detectors = package / "checks" / "detectors.py"
    detectors.write_text(detectors.read_text(encoding="utf-8") + "\n# changed\n",
                         encoding="utf-8")
    assert run._data_stamp(snippets_folder()) != before


def test_a_damaged_or_foreign_entry_is_checked_again(empty_cache: Path,
                                                     counted: list[str]) -> None:
    checker = make_checker("press")
    expected = _rows(_cached(checker))
    for path in [p for p in empty_cache.rglob("*") if p.is_file()]:
        raw = bytearray(path.read_bytes())
        raw[-1] ^= 0x01
        path.write_bytes(bytes(raw))
    counted.clear()
    assert _rows(_cached(checker)) == expected
    assert counted == [TEXT]
    # An entry that decrypts to something other than finding rows is not used either.
    results = ResultCache(snippets_folder())
    parts = [results.base, results._state(checker), "document:brief", TEXT]
    for path in [p for p in empty_cache.rglob("*") if p.is_file()]:
        path.unlink()
    cache.cached_sealed_json(ResultCache.KIND, parts, lambda: [["name", "error", "x"]])
    counted.clear()
    assert _rows(results.check(checker, TEXT, "document:brief")) == expected
    assert counted == [TEXT]


def test_generate_again_gives_the_same_review(empty_cache: Path, tmp_path: Path,
                                              counted: list[str]) -> None:
    from commgen.app.generate import generate
    from tests.conftest import TEMPLATES, write_answers

    answers = write_answers(tmp_path, {"situation_extra": "Bel Jan de Vries op 06 12345678."})
    first = generate(answers, tmp_path / "uit", TEMPLATES)
    checked = len(counted)
    assert checked > 5
    again = generate(answers, tmp_path / "uit2", TEMPLATES)
    assert len(counted) == checked  # every answer and document from the cache
    assert [(d.doc_id, _rows(d.findings)) for d in again.review.documents] == [
        (d.doc_id, _rows(d.findings)) for d in first.review.documents]
    assert [(a[0], _rows(a[2])) for a in again.review.answers] == [
        (a[0], _rows(a[2])) for a in first.review.answers]
    assert first.blocked == again.blocked and first.blocked  # the name blocks both runs


def test_the_consistency_check_follows_a_changed_answer(empty_cache: Path,
                                                        tmp_path: Path) -> None:
    """The documents' agreement is kept for the whole set: the same texts with another answer
    (the police approved the text now) give that answer's findings, not the kept ones."""
    from types import SimpleNamespace

    from commgen.checks.generation import DocumentReview, Review, _add_consistency
    from commgen.checks.rules import RULES_FOLDER

    text = "Beste ouders,\nDe politie doet onderzoek naar het beeld.\n"
    rendered = [(SimpleNamespace(id="brief", audience="press", made_by=None),
                 SimpleNamespace(text=text))]
    folder = snippets_folder() / RULES_FOLDER
    results = ResultCache(snippets_folder())

    def findings(values: dict[str, Any]) -> list[str]:
        review = Review(documents=[DocumentReview("brief", text, [])])
        _add_consistency(review, folder, values, rendered, "nl", results)
        return [f.rule for f in review.documents[0].findings]

    waiting = findings({"approvals": []})
    assert waiting and findings({"approvals": []}) == waiting  # the second from the cache
    assert findings({"approvals": ["police"]}) != waiting
    assert findings({"approvals": []}) == waiting
    assert any((empty_cache / ResultCache.KIND).iterdir())


def test_properties_from_the_text_are_written_in_the_one_save_and_verified(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The school's details the document shows go into its properties in the same save as
    the others; the verification of the saved bytes stops a document whose text is not the
    text those details were taken from."""
    import datetime as dt

    from commgen.answers.answersfile import load_answers
    from commgen.docx.props import read_custom_properties
    from commgen.foundation.errors import VerificationError
    from commgen.questions.catalog import load_catalog
    from commgen.render import docxrender
    from commgen.render.document import ALLOWED_PROPERTY, render_one
    from commgen.render.snippets import load_snippets
    from tests.conftest import TEMPLATES, write_answers

    catalog = load_catalog(TEMPLATES)
    answers = load_answers(write_answers(tmp_path), catalog)
    snippets = load_snippets(catalog, "nl")
    doc = next(d for d in catalog.documents if d.id == "brief-ouders-klas")
    now = dt.datetime(2026, 11, 21, 10, 0)
    rendered = render_one(catalog, snippets, answers, doc, "nl", now)
    properties = read_custom_properties(rendered.data)
    assert "Het Baken College" in properties[ALLOWED_PROPERTY]
    assert properties["commgen.document"] == "brief-ouders-klas"
    original = docxrender._text_in_memory
    monkeypatch.setattr(docxrender, "_text_in_memory", lambda docx: original(docx) + "x")
    with pytest.raises(VerificationError, match="wijkt af"):
        render_one(catalog, snippets, answers, doc, "nl", now)
