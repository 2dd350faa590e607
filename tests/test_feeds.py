"""Free text reaches only its audience: each free-text question declares the documents it
feeds, the context gives a document only those answers, the linter reports a template that
prints another one, and the answer check uses the strictest audience the answer reaches."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as WordDocument

from commgen.app.answercheck import check_answers
from commgen.app.generate import generate
from commgen.docx.reader import docx_text
from commgen.lint.templateset import check_template_set
from commgen.questions.catalog import load_catalog
from tests.conftest import TEMPLATES, mini_template_set, write_answers
from tests.goldentext import NOW

TEACHERS_NOTE = "Voor de leerkrachten: bespreek in de klas de afspraken van dinsdag."
PRESS_NOTE = "De school geeft vrijdag geen verdere toelichting aan de pers."


def test_every_free_text_question_declares_what_it_feeds(catalog) -> None:  # type: ignore[no-untyped-def]
    free = [q for q in catalog.questions if q.type == "paragraphs"]
    assert free and all(q.feeds for q in free), [q.id for q in free if not q.feeds]
    assert [d.id for d in catalog.documents_fed(catalog.by_id["press_extra"])] == [
        "persverklaring"]
    assert [d.id for d in catalog.documents_fed(catalog.by_id["teachers_extra"])] == [
        "handreiking-team"]
    assert catalog.audiences_of(catalog.by_id["not_said_extra"]) == ["internal"]


def test_free_text_is_printed_only_in_the_documents_it_feeds(tmp_path: Path) -> None:
    path = write_answers(tmp_path, {"teachers_extra": [TEACHERS_NOTE],
                                    "press_extra": [PRESS_NOTE],
                                    "audiences": ["parents_class", "staff", "press", "online"]})
    result = generate(path, tmp_path / "out", TEMPLATES, now=NOW)
    texts = {w.path.stem: docx_text(w.path.read_bytes()) for w in result.written
             if w.path.suffix == ".docx"}
    with_note = {name for name, text in texts.items() if TEACHERS_NOTE in text}
    with_press = {name for name, text in texts.items() if PRESS_NOTE in text}
    assert with_note == {"handreiking-team"}
    assert with_press == {"persverklaring"}


def test_a_template_printing_free_text_outside_its_feeds_fails_and_is_linted(
        tmp_path: Path) -> None:
    doc = WordDocument()
    doc.add_paragraph("{{ note }}")
    folder = mini_template_set(tmp_path / "set", doc)
    catalog_file = folder / "catalog.yaml"
    text = catalog_file.read_text(encoding="utf-8")
    catalog_file.write_text(text.replace("    type: paragraphs\n",
                                         "    type: paragraphs\n    feeds: [teachers]\n"),
                            encoding="utf-8")
    problems = check_template_set(folder)
    assert [p.code for p in problems if p.code == "outside-feeds"] == ["outside-feeds"]
    assert "note" in next(p.message for p in problems if p.code == "outside-feeds")


def test_feeds_naming_nothing_known_is_a_catalogue_error(template_copy: Path) -> None:
    from commgen.foundation.errors import CatalogError

    path = template_copy / "catalog.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("feeds: [handreiking-team]", "feeds: [handreiking-taem]"),
                    encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog(template_copy)
    assert "handreiking-taem" in str(info.value.problems[0].message)
    assert "'handreiking-team'?" in str(info.value.problems[0].message)  # the suggestion


def test_answer_check_uses_the_audiences_the_answer_reaches(catalog) -> None:  # type: ignore[no-untyped-def]
    # A guess is a warning for the crisis team but an error for parents and the press: the
    # annex's internal list may hold it, free text that reaches the parents' letter may not.
    guess = ["Vermoedelijk is het beeld al langer in omloop."]
    values = {"school_type": "vo", "pupil_visible": True}
    assert check_answers(catalog, {**values, "not_said_extra": guess}) == []
    found = check_answers(catalog, {**values, "situation_extra": guess})
    assert [f.finding.category for f in found] == ["speculation"]
