"""Nothing in a generated letter makes Word fetch anything from elsewhere.

A template may carry a remote image (a tracking pixel), a linked sub-document or a field that
includes a picture or text from a web address. commgen removes them from every document it
makes, keeps ordinary hyperlinks, and ``commgen templates check`` reports them.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx as python_docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from tests.conftest import mini_template_set, run_cli

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
SUBDOCUMENT = R + "/subDocument"


def _hostile_template() -> python_docx.Document:
    document = python_docx.Document()
    document.add_paragraph("Beste ouders, {{ school_name }}")
    part = document.part
    pixel = part.relate_to("http://tracker.example/pixel.png", RT.IMAGE, is_external=True)
    subdoc = part.relate_to("file:///C:/Users/anne/geheim.docx", SUBDOCUMENT,
                            is_external=True)
    link = part.relate_to("https://www.helpwanted.nl", RT.HYPERLINK, is_external=True)
    body = document.element.body
    fragments = [
        f'<w:p xmlns:w="{W}" xmlns:r="{R}" xmlns:a="{A}"><w:r><w:drawing><a:blip r:link="{pixel}"/>'
        "</w:drawing></w:r><w:r><w:t>na het plaatje</w:t></w:r></w:p>",
        f'<w:p xmlns:w="{W}" xmlns:r="{R}"><w:subDoc r:id="{subdoc}"/></w:p>',
        f'<w:p xmlns:w="{W}"><w:fldSimple w:instr=\'INCLUDEPICTURE "http://tracker.example/q.png"'
        "'><w:r><w:t>zichtbare tekst</w:t></w:r></w:fldSimple></w:p>",
        f'<w:p xmlns:w="{W}"><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
        ' INCLUDETEXT "http://tracker.example/t.txt" </w:instrText></w:r><w:r><w:fldChar '
        'w:fldCharType="separate"/></w:r><w:r><w:t>oude tekst</w:t></w:r><w:r><w:fldChar '
        'w:fldCharType="end"/></w:r></w:p>',
        f'<w:p xmlns:w="{W}" xmlns:r="{R}"><w:hyperlink r:id="{link}"><w:r><w:t>Helpwanted</w:t>'
        "</w:r></w:hyperlink></w:p>",
    ]
    sect = body[-1]
    for xml in fragments:
        sect.addprevious(etree.fromstring(xml))
    return document


def test_external_references_are_removed_from_the_document(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    templates = mini_template_set(tmp_path / "set", _hostile_template())
    answers = tmp_path / "antwoorden.yaml"
    answers.write_text("school_name: OBS De Linde\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "generate", str(answers), "--templates", str(templates),
                             "--out", str(tmp_path / "out"))
    assert code == 0, out + err
    data = (tmp_path / "out" / "brief.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        everything = b"".join(archive.read(n) for n in archive.namelist())
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
        body = archive.read("word/document.xml").decode("utf-8")
    assert b"tracker.example" not in everything and b"geheim.docx" not in everything
    external = [r.get("Type") for r in rels if r.get("TargetMode") == "External"]
    assert external == [RT.HYPERLINK]  # the hyperlink to the help resource is kept
    assert "INCLUDEPICTURE" not in body and "INCLUDETEXT" not in body and "subDoc" not in body
    for kept in ("na het plaatje", "zichtbare tekst", "oude tekst", "Helpwanted", "OBS De Linde"):
        assert kept in body


def test_the_linter_reports_external_references(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    templates = mini_template_set(tmp_path / "set", _hostile_template())
    code, out, _err = run_cli(capsys, "templates", "check", "--templates", str(templates),
                              "--format", "json")
    codes = [p["code"] for p in json.loads(out)["problems"]]
    assert codes.count("external-reference") == 2  # the pixel and the sub-document
    assert codes.count("external-field") == 2  # INCLUDEPICTURE and INCLUDETEXT
    assert code == 1
