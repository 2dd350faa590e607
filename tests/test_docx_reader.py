"""The one reader of a .docx: its fixed part order, the place of every character, and one
position for one finding in ``commgen generate`` and in ``commgen check``."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from commgen.docx.reader import docx_text, read_document
from commgen.lint.wordparts import read_parts
from tests.conftest import ROOT, TEMPLATES, run_cli, write_answers

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _p(text: str, style: str | None = None, extra: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>{extra}</w:p>"


def _part(root: str, body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{root} {NS}>{body}</w:{root}>'.encode()


BODY = (
    _p("Brief aan ouders", "Title")
    + _p("Wat is er gebeurd?", "Heading2")
    + _p("Eerste alinea.")
    + "<w:tbl><w:tr><w:tc>" + _p("cel een") + "</w:tc><w:tc>" + _p("cel twee")
    + _p("tweede in cel") + "</w:tc></w:tr></w:tbl>"
    + _p("Na de tabel,", extra='<w:r><w:tab/><w:t>met tab</w:t><w:br/><w:t>en regel</w:t></w:r>')
    + '<w:p><w:r><w:t>Weg: </w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:delText>geheim'
    "</w:delText></w:r></w:del><w:moveFrom w:id=\"2\" w:author=\"x\"><w:r><w:t>verplaatst"
    "</w:t></w:r></w:moveFrom><w:ins w:id=\"3\" w:author=\"x\"><w:r><w:t>erbij</w:t></w:r>"
    "</w:ins></w:p>"
    + '<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Eigen niveau</w:t></w:r></w:p>'
    + _p("Hulp", "Kopje") + _p("Onder kopje.")
    + '<w:sectPr><w:headerReference w:type="first" r:id="rIdH1"/>'
    '<w:footerReference w:type="default" r:id="rIdF1"/></w:sectPr>'
)
RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    b'org/package/2006/relationships"><Relationship Id="rIdH1" Type="x" Target="header1.xml"/>'
    b'<Relationship Id="rIdF1" Type="x" Target="footer1.xml"/></Relationships>')
STYLES = _part("styles", (
    '<w:style w:type="paragraph" w:styleId="Kopniveau"><w:name w:val="Eigen kop"/>'
    '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Kopje"><w:name w:val="Kopje"/>'
    '<w:basedOn w:val="Kopniveau"/></w:style>'))


def _docx(extra: dict[str, bytes] | None = None) -> bytes:
    parts = {
        "word/document.xml": _part("document", f"<w:body>{BODY}</w:body>"),
        "word/_rels/document.xml.rels": RELS,
        "word/styles.xml": STYLES,
        # Deliberately stored in an order that is not the reading order.
        "word/comments.xml": _part("comments", '<w:comment w:id="0">' + _p("opmerking")
                                   + "</w:comment>"),
        "word/footer1.xml": _part("ftr", _p("voet")),
        "word/endnotes.xml": _part("endnotes", '<w:endnote w:id="1">' + _p("eindnoot")
                                   + "</w:endnote>"),
        "word/header10.xml": _part("hdr", _p("kop tien")),
        "word/footnotes.xml": _part("footnotes", '<w:footnote w:type="separator" w:id="-1">'
                                    + _p("") + '</w:footnote><w:footnote w:id="1">'
                                    + _p("voetnoot") + "</w:footnote>"),
        "word/header2.xml": _part("hdr", _p("kop twee")),
        "word/header1.xml": _part("hdr", _p("kop een")),
    }
    parts.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_parts_are_read_in_one_fixed_order() -> None:
    document = read_document(_docx())
    parts = []
    for paragraph in document.paragraphs:
        if not parts or parts[-1] != paragraph.part:
            parts.append(paragraph.part)
    assert parts == ["word/document.xml", "word/header1.xml", "word/header2.xml",
                     "word/header10.xml", "word/footer1.xml", "word/footnotes.xml",
                     "word/endnotes.xml", "word/comments.xml"]
    tail = document.text.split("\n")[-7:]
    assert tail == ["kop een", "kop twee", "kop tien", "voet", "voetnoot", "eindnoot",
                    "opmerking"]  # the footnote separator is not text anyone reads


def test_text_keeps_tabs_and_breaks_and_leaves_out_deletions() -> None:
    text = docx_text(_docx())
    assert "Na de tabel,\tmet tab\nen regel" in text
    assert "Weg: erbij" in text
    assert "geheim" not in text and "verplaatst" not in text
    assert text.startswith("Brief aan ouders\nWat is er gebeurd?\nEerste alinea.\ncel een\n")


def test_every_span_is_its_paragraph() -> None:
    document = read_document(_docx())
    for paragraph in document.paragraphs:
        assert document.text[paragraph.start:paragraph.end] == paragraph.text
    assert len(document.text) == document.paragraphs[-1].end


def _place(needle: str):  # type: ignore[no-untyped-def]
    document = read_document(_docx())
    return document.place_at(document.text.index(needle))


def test_place_of_a_body_paragraph_and_the_heading_above_it() -> None:
    place = _place("Eerste alinea")
    assert (place.part, place.paragraph, place.table) == ("body", 3, 0)
    assert place.heading == "Wat is er gebeurd?"
    assert place.locate() == "alinea 3, onder “Wat is er gebeurd?”"
    assert place.describe() == "alinea 3 (“Eerste alinea.”)"
    # The heading itself lies under the heading before it (there is none).
    assert _place("Wat is er gebeurd?").locate() == "alinea 2"


def test_place_inside_a_paragraph_with_a_line_break() -> None:
    place = _place("en regel")
    assert place.paragraph == 4  # the table does not count as a paragraph
    assert place.locate() == "alinea 4, onder “Wat is er gebeurd?”"


def test_place_of_a_table_cell() -> None:
    place = _place("tweede in cel")
    assert (place.table, place.row, place.cell, place.cell_paragraph) == (1, 1, 2, 2)
    assert place.locate() == ("tabel 1, rij 1, cel 2, alinea 2 in de cel, "
                              "onder “Wat is er gebeurd?”")
    assert _place("cel een").locate() == "tabel 1, rij 1, cel 1, onder “Wat is er gebeurd?”"


def test_place_of_header_footer_and_note_paragraphs() -> None:
    assert _place("kop een").locate() == "koptekst van de eerste pagina, alinea 1"
    assert _place("kop twee").locate() == "koptekst, alinea 1"  # not referenced: default
    assert _place("voet").locate() == "voettekst, alinea 1"
    assert _place("voetnoot").locate() == "voetnoten, alinea 1"
    assert _place("opmerking").locate() == "opmerkingen, alinea 1"


def test_headings_by_outline_level_and_by_a_style_based_on_one() -> None:
    assert _place("Hulp").heading == "Eigen niveau"  # paragraph's own outline level
    assert _place("Onder kopje").locate() == "alinea 8, onder “Hulp”"  # style via basedOn


def test_a_text_box_is_read_once_not_with_its_fallback_copy() -> None:
    box = (f'<w:p {NS} xmlns:mc="{MC}"><w:r><w:t>Anker</w:t></w:r><w:r><mc:AlternateContent>'
           "<mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>" + _p("in het vak")
           + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
           + _p("in het vak") + "</w:txbxContent></w:pict></mc:Fallback>"
           "</mc:AlternateContent></w:r></w:p>")
    data = _docx({"word/document.xml": _part("document", f"<w:body>{box}</w:body>")})
    document = read_document(data)
    assert document.text.split("\n")[:2] == ["Anker", "in het vak"]
    assert document.text.count("in het vak") == 1
    assert document.place_at(document.text.index("in het vak")).paragraph == 1


@pytest.mark.parametrize("template", sorted((TEMPLATES / "nl").glob("*.docx")),
                         ids=lambda p: p.stem)
def test_linter_and_reader_number_paragraphs_alike(template: Path) -> None:
    parts, _package = read_parts(template)
    linted = [(part.name, para.place) for part in parts for para in part.paragraphs]
    document = read_document(template.read_bytes())
    read = [(p.part, p.place) for p in document.paragraphs]
    assert linted == read
    headed = [place for _name, place in read if place.heading]
    assert headed, "the bundled templates have headings"


def _position(out: str, prefix: str, needle: str) -> str:
    """The position printed after ``prefix`` on the line that reports ``needle``."""
    lines = [line for line in out.splitlines() if line.startswith(prefix) and needle in line]
    assert len(lines) == 1, out
    match = re.match(re.escape(prefix) + r"(\d+:\d+|[^:]*”|[^:“]*): ", lines[0])
    assert match, lines[0]
    return match.group(1)


def test_generate_and_check_give_one_finding_one_position(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    phone = "06 12345678"
    answers = write_answers(tmp_path, {
        "situation_extra": f"Wie iets weet, kan bellen met {phone}."})
    out_dir = tmp_path / "out"
    code, generated, _err = run_cli(capsys, "generate", str(answers), "--out", str(out_dir),
                                    "--accept-findings", "reden")
    assert code == 0, generated
    letter = out_dir / "brief-ouders-klas.docx"
    # generate tells the finding once, at its answer, with its place in every document
    assert generated.count(f"“{phone}”") == 1, generated
    places = [line.removeprefix("    in brief-ouders-klas, ") for line in generated.splitlines()
              if line.startswith("    in brief-ouders-klas, ")]
    assert len(places) == 1, generated
    in_generate = places[0]

    code, checked, _err = run_cli(capsys, "check", "--audience", "parents-class", "--answers",
                                  str(answers), str(letter))
    assert code == 1, checked
    in_check = _position(checked, f"{letter}, ", phone)
    # the place a Word user finds, not the line of the reader's text (JSON keeps offsets)
    assert in_generate == in_check == "alinea 8, onder “Wat is er gebeurd?”"

    # line:col is over the reader's text, the place is the paragraph that holds the number
    document = read_document(letter.read_bytes())
    offset = document.text.index(phone)
    before = document.text[:offset]
    assert (before.count("\n") + 1, offset - before.rfind("\n")) == (13, 31)
    assert document.place_at(offset).paragraph == 8

    code, raw, _err = run_cli(capsys, "check", "--audience", "parents-class", "--answers",
                              str(answers), "--format", "json", str(letter))
    finding = next(f for f in json.loads(raw)["files"][0]["findings"] if f["text"] == phone)
    assert (finding["start"], finding["end"]) == (offset, offset + len(phone))
    assert finding["place"] == {"part": "body", "paragraph": 8, "heading": "Wat is er gebeurd?",
                                "excerpt": "Wie iets weet, kan bellen met ..."}


def test_a_text_file_has_no_word_place(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "brief.txt"
    path.write_text("Hallo\nBel 06 12345678 gerust.\n", encoding="utf-8")
    code, out, _err = run_cli(capsys, "check", str(path))
    assert code == 1 and f"{path}:2:5: " in out
    code, raw, _err = run_cli(capsys, "check", "--format", "json", str(path))
    assert "place" not in json.loads(raw)["files"][0]["findings"][0]


def test_checks_only_read_and_namespaces_have_one_home() -> None:
    from commgen.checks.generation import Review

    assert not hasattr(Review, "document_data")
    for path in (ROOT / "commgen" / "checks").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "zipfile" not in source and "add_custom_property" not in source, path.name
    for path in (ROOT / "commgen").rglob("*.py"):
        if path.name != "ooxml.py":
            source = path.read_text(encoding="utf-8")
            assert "schemas.openxmlformats.org" not in source and "purl.org" not in source, path


def test_a_finding_in_a_docx_shows_the_sentence_to_search_for_in_word(
        tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """trial-check10 F10: the place said the paragraph and heading, but not the sentence a
    Word user can search for; a guarded name in that sentence stays masked."""
    from docx import Document

    path = tmp_path / "brief.docx"
    doc = Document()
    doc.add_heading("Wat is er gebeurd?", level=1)
    doc.add_paragraph("Beste ouders. Vorige week hebben Sanne en Noor uit klas 2C ons iets "
                      "verteld. Wij nemen dit serieus.")
    doc.save(str(path))
    guard = tmp_path / "namen.txt"
    guard.write_text("Sanne\n", encoding="utf-8")
    code, out, _err = run_cli(capsys, "check", "--guard-file", str(guard), str(path))
    assert code == 1, out
    lines = out.splitlines()
    head = next(i for i, line in enumerate(lines) if "[group]" in line)
    assert lines[head].startswith(f"{path}, alinea 2, onder “Wat is er gebeurd?”: "), out
    assert lines[head + 1] == ("    in: “Vorige week hebben ••• en Noor uit klas 2C ons iets "
                               "verteld.”"), out
    assert "Sanne" not in out
