"""Arabic and Hebrew in a document: right-to-left runs and paragraphs carry Word's properties
(w:rtl, w:bidi) so Word shows them right; the text itself stays exactly as typed."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from commgen.app.generate import generate
from commgen.docx.bidi import rtl_stretches
from commgen.docx.ooxml import W
from commgen.docx.reader import docx_text
from tests.conftest import TEMPLATES, write_answers

ARABIC = "نحن ندعم جميع الطلاب وأولياء الأمور."
MIXED = "Voor ouders die Arabisch lezen: نحن ندعم جميع الطلاب. Dank u."
HEBREW = "אנחנו תומכים בכל התלמידים."


def _paragraphs(path: Path) -> list[etree._Element]:
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    return list(root.iter(W + "p"))


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(W + "t"))


def _run_is_rtl(run: etree._Element) -> bool:
    props = run.find(W + "rPr")
    return props is not None and props.find(W + "rtl") is not None


def _bidi(paragraph: etree._Element) -> bool:
    props = paragraph.find(W + "pPr")
    return props is not None and props.find(W + "bidi") is not None


def test_right_to_left_text_gets_words_rtl_properties_and_stays_exact(tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"view_extra": [ARABIC, MIXED, HEBREW]})
    result = generate(answers, tmp_path / "out", TEMPLATES)
    statement = next(w.path for w in result.written if w.path.name == "communicatiestatement.docx")
    text = docx_text(statement.read_bytes())
    for typed in (ARABIC, MIXED, HEBREW):
        assert f"\n{typed}\n" in text  # exactly as typed, one paragraph each
    by_text = {_text(p): p for p in _paragraphs(statement)}
    for typed in (ARABIC, HEBREW):  # wholly right-to-left: the paragraph and its runs
        paragraph = by_text[typed]
        assert _bidi(paragraph)
        runs = [r for r in paragraph.iter(W + "r") if _text(r)]
        assert runs and all(_run_is_rtl(r) for r in runs)
    mixed = by_text[MIXED]  # mostly Dutch: a left-to-right paragraph with one RTL run
    assert not _bidi(mixed)
    runs = [(_text(r), _run_is_rtl(r)) for r in mixed.iter(W + "r") if _text(r)]
    assert ("نحن ندعم جميع الطلاب", True) in runs
    assert all(not rtl for piece, rtl in runs if piece != "نحن ندعم جميع الطلاب")
    # the rest of the document is untouched: no Dutch paragraph is marked
    dutch = by_text["Wat vindt de school?"]
    assert not _bidi(dutch) and not any(_run_is_rtl(r) for r in dutch.iter(W + "r"))
    # the properties are where Word's schema wants them: rtl after the run's other formatting
    # it may have, bidi before spacing and alignment
    for paragraph in by_text.values():
        props = paragraph.find(W + "pPr")
        if props is not None and props.find(W + "bidi") is not None:
            tags = [etree.QName(c).localname for c in props]
            for later in ("spacing", "ind", "jc", "rPr"):
                if later in tags:
                    assert tags.index("bidi") < tags.index(later), tags


def test_a_school_name_in_arabic_is_marked_in_the_header_too(tmp_path: Path) -> None:
    name = "مدرسة النور"
    answers = write_answers(tmp_path, {"school_name": name})
    result = generate(answers, tmp_path / "out", TEMPLATES)
    statement = next(w.path for w in result.written if w.path.name == "communicatiestatement.docx")
    with zipfile.ZipFile(statement) as package:
        headers = [etree.fromstring(package.read(n)) for n in package.namelist()
                   if n.startswith("word/header")]
    runs = [r for h in headers for r in h.iter(W + "r") if name in _text(r)]
    assert runs and all(_run_is_rtl(r) for r in runs)


def test_stretches_join_to_the_text_and_keep_neutral_characters_between_rtl_letters() -> None:
    for text in (MIXED, ARABIC, HEBREW, "abc", "", "12 مرحبا, 3 كم! ok"):
        pieces = rtl_stretches(text)
        assert "".join(p for p, _rtl in pieces) == text
    assert rtl_stretches("a مرحبا, كم b") == [("a ", False), ("مرحبا, كم", True), (" b", False)]
