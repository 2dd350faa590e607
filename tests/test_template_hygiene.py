"""Comments, tracked changes and personal metadata in a template never reach a document."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml import parse_xml

from commgen.app.generate import generate
from commgen.foundation.errors import TemplateProblem
from tests.conftest import mini_template_set, run_cli

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _dirty_template():  # type: ignore[no-untyped-def]
    """A template as a foundation member might leave it: comments, changes, own name."""
    document = docx.Document()
    document.core_properties.author = "Jan Jansen"
    document.core_properties.last_modified_by = "Jan Jansen"
    document.core_properties.comments = "concept, nog checken met Jan"
    document.core_properties.keywords = "{{ school_name }}"
    document.add_heading("Brief", level=1)
    commented = document.add_paragraph("Beste ouders van {{ school_name }},")
    document.add_comment(commented.runs, text="Klopt deze aanhef? Groet, Jan",
                         author="Jan Jansen", initials="JJ")
    changed = document.add_paragraph("Vaste tekst.")
    changed._p.append(parse_xml(
        f'<w:ins {W} w:id="91" w:author="Jan Jansen" w:date="2026-11-01T10:00:00Z">'
        "<w:r><w:t xml:space=\"preserve\"> Ingevoegd bij {{ school_name }}.</w:t></w:r></w:ins>"))
    changed._p.append(parse_xml(
        f'<w:del {W} w:id="92" w:author="Jan Jansen" w:date="2026-11-01T10:00:00Z">'
        "<w:r><w:delText>Weggehaald {{ not_a_question }}.</w:delText></w:r></w:del>"))
    document.add_paragraph("{{ note }}")
    document.settings.element.append(parse_xml(f"<w:trackRevisions {W}/>"))
    return document


def _answers(folder: Path, **values: object) -> Path:
    path = folder / "antwoorden.yaml"
    data = {"school_name": "OBS De Vlinderboom", **values}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_comments_changes_and_names_are_gone(tmp_path: Path) -> None:
    templates = mini_template_set(tmp_path / "set", _dirty_template())
    now = dt.datetime(2026, 11, 21, 10, 30)
    result = generate(_answers(tmp_path, note="Tekst."), tmp_path / "out", templates, now=now)
    data = result.written[0].path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        xml = {n: archive.read(n).decode("utf-8") for n in names if n.endswith((".xml", ".rels"))}
    assert not [n for n in names if "comments" in n or "people" in n]
    everything = "\n".join(xml.values())
    assert "Jan Jansen" not in everything and "Jan" not in xml["docProps/core.xml"]
    assert "<w:ins" not in xml["word/document.xml"] and "<w:del " not in xml["word/document.xml"]
    assert "trackRevisions" not in xml["word/settings.xml"]
    assert "removePersonalInformation" in xml["word/settings.xml"]

    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Ingevoegd bij OBS De Vlinderboom." in text  # accepted insertion
    assert "Weggehaald" not in text  # accepted deletion: its tag never rendered
    props = document.core_properties
    assert props.author == props.last_modified_by == "OBS De Vlinderboom"
    assert props.title == "Brief" and props.comments == "" and props.keywords == ""
    assert props.created == now.astimezone(dt.timezone.utc)
    assert props.identifier == "commgen:brief" and props.language == "nl-NL"
    assert "<Company>OBS De Vlinderboom</Company>" in xml["docProps/app.xml"]
    assert "commgen.template_version" in xml["docProps/custom.xml"]


def test_unknown_variable_in_template_is_a_clear_error(tmp_path: Path, capsys) -> None:
    document = docx.Document()
    document.add_paragraph("Beste ouders,")
    document.add_paragraph("Groeten van {{ schoolnaam }}.")
    templates = mini_template_set(tmp_path / "set", document)
    with pytest.raises(TemplateProblem) as info:
        generate(_answers(tmp_path), tmp_path / "out", templates)
    assert "schoolnaam" in str(info.value) and "brief.docx" in str(info.value)
    code, _out, err = run_cli(capsys, "generate", str(_answers(tmp_path)), "--out",
                              str(tmp_path / "out"), "--templates", str(templates))
    assert code == 2 and "schoolnaam" in err and "Traceback" not in err


def test_syntax_error_in_template_is_a_clear_error(tmp_path: Path, capsys) -> None:
    document = docx.Document()
    document.add_paragraph("{% if note %}Open maar nooit gesloten")
    templates = mini_template_set(tmp_path / "set", document)
    code, _out, err = run_cli(capsys, "generate", str(_answers(tmp_path)), "--out",
                              str(tmp_path / "out"), "--templates", str(templates))
    assert code == 2 and "niet goed geschreven" in err and "brief.docx" in err


def test_sandbox_refuses_python_internals(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("{{ school_name.__class__.__mro__ }}")
    templates = mini_template_set(tmp_path / "set", document)
    with pytest.raises(TemplateProblem):
        generate(_answers(tmp_path), tmp_path / "out", templates)


def test_sensitive_answers_never_reach_a_template(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Het gaat om {{ involved }}.")
    extra = """\
  - id: involved
    section: main
    type: text
    sensitive: true
    prompt: {nl: Namen van betrokken leerlingen, en: Names of pupils involved}
"""
    templates = mini_template_set(tmp_path / "set", document, extra)
    with pytest.raises(TemplateProblem) as info:
        generate(_answers(tmp_path, involved="Sanne"), tmp_path / "out", templates)
    assert "gevoelig" in str(info.value)
    assert "Sanne" not in str(info.value)


def test_a_file_that_is_not_a_docx(tmp_path: Path, capsys) -> None:
    templates = mini_template_set(tmp_path / "set", docx.Document())
    (templates / "brief.docx").write_text("dit is geen Word-bestand", encoding="utf-8")
    code, _out, err = run_cli(capsys, "generate", str(_answers(tmp_path)), "--out",
                              str(tmp_path / "out"), "--templates", str(templates))
    assert code == 2 and "geen leesbaar Word-document" in err
