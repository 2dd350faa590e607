"""Nothing a user types is lost: every awkward value arrives in the Word document exactly."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docxtpl import DocxTemplate

from commgen.app.generate import generate
from commgen.foundation.errors import VerificationError
from commgen.render import docxrender as render
from tests.conftest import TEMPLATES, run_cli, write_answers

STATEMENT = TEMPLATES / "nl" / "communicatiestatement.docx"

AWKWARD = {
    "ampersand": ("Ouders & leerlingen", "Ouders & leerlingen"),
    "less-than": ("Minder dan 5 < 6 leerlingen", "Minder dan 5 < 6 leerlingen"),
    "tag-like": ("a<b>c", "a<b>c"),
    "xml-like": ("</w:t></w:r></w:p><w:p>", "</w:t></w:r></w:p><w:p>"),
    "jinja-expression": ("{{ 7*7 }}", "{{ 7*7 }}"),
    "jinja-statement": ("{% if x %}ja{% endif %}", "{% if x %}ja{% endif %}"),
    "docxtpl-markers": ("{_{ x }_} en {_% y %_}", "{_{ x }_} en {_% y %_}"),
    "quotes": ("‘enkel’ “dubbel” 'recht' \"recht\"", "‘enkel’ “dubbel” 'recht' \"recht\""),
    "emoji": ("Steun 💙 voor iedereen 👍🏽", "Steun 💙 voor iedereen 👍🏽"),
    "arabic": ("نحن ندعم جميع الطلاب", "نحن ندعم جميع الطلاب"),
    "entity-text": ("&amp; &lt; &#95;", "&amp; &lt; &#95;"),
    "word-line-break": ("eerste regel\x0btweede regel", "eerste regel\ntweede regel"),
    "windows-line-ends": ("regel een\r\nregel twee", "regel een\nregel twee"),
    "control-chars": ("be\x01l\x07le\x1bn", "bellen"),
    "tab": ("kolom\tkolom", "kolom\tkolom"),
}


def _paragraph_texts(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs]


@pytest.mark.parametrize("name", sorted(AWKWARD))
def test_awkward_free_text_arrives_exactly(tmp_path: Path, name: str) -> None:
    typed, expected = AWKWARD[name]
    answers = write_answers(tmp_path, {"view_extra": typed})
    result = generate(answers, tmp_path / "out", TEMPLATES)
    paragraphs = _paragraph_texts(result.written[0].path)
    assert expected in paragraphs
    # and the document after it is complete: nothing was cut off behind the value
    assert any("Journalisten kunnen alleen terecht bij" in p for p in paragraphs)
    assert paragraphs[-1].startswith("Het crisisteam bekijkt dit statement opnieuw")


@pytest.mark.parametrize("name", ["ampersand", "tag-like", "emoji", "arabic", "jinja-expression"])
def test_awkward_text_in_a_short_answer_and_the_header(tmp_path: Path, name: str) -> None:
    typed, expected = AWKWARD[name]
    answers = write_answers(tmp_path, {"school_name": typed})
    result = generate(answers, tmp_path / "out", TEMPLATES)
    document = docx.Document(str(result.written[0].path))
    header = document.sections[0].header.paragraphs[0].text
    assert header.startswith(expected)
    assert document.core_properties.author == expected


def test_twenty_thousand_characters(tmp_path: Path) -> None:
    long_text = " ".join(f"zin{i}" for i in range(3000))[:20_000]
    assert len(long_text) == 20_000
    answers = write_answers(tmp_path, {"situation_extra": long_text})
    result = generate(answers, tmp_path / "out", TEMPLATES)
    assert long_text in _paragraph_texts(result.written[0].path)


def test_paragraphs_become_real_word_paragraphs(tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"why_extra": "Eerste alinea.\n\nTweede alinea,\nmet een "
                                                    "regelovergang.\n\n\nDerde alinea."})
    result = generate(answers, tmp_path / "out", TEMPLATES)
    document = docx.Document(str(result.written[0].path))
    paragraphs = [p for p in document.paragraphs if p.text.startswith(("Eerste", "Tweede",
                                                                        "Derde"))]
    assert [p.text for p in paragraphs] == ["Eerste alinea.", "Tweede alinea,\nmet een "
                                            "regelovergang.", "Derde alinea."]
    assert len({p.style.name for p in paragraphs}) == 1


def test_list_of_paragraphs_in_a_list_style_keeps_the_style(tmp_path: Path) -> None:
    answers = write_answers(tmp_path, {"not_said_extra": ["Punt een.", "Punt twee."]})
    result = generate(answers, tmp_path / "out", TEMPLATES)
    document = docx.Document(str(result.written[0].path))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["Punt een."] == styles["Punt twee."] == "List Bullet"


@pytest.mark.parametrize("value", ["Ouders & leerlingen", "a<b>c"])
def test_bare_docxtpl_loses_this_text(tmp_path: Path, value: str) -> None:
    """Why the hardening exists: docxtpl 0.20.2 with its defaults drops text silently."""
    from commgen.answers.answersfile import load_answers
    from commgen.questions.catalog import load_catalog
    from commgen.render.context import build_context
    from commgen.render.snippets import load_snippets

    catalog = load_catalog(TEMPLATES)
    answers = load_answers(write_answers(tmp_path, {"view_extra": value}), catalog)
    doc = catalog.document("communicatiestatement")
    context = build_context(catalog, load_snippets(catalog, "nl"), answers, doc, "nl")
    tpl = DocxTemplate(STATEMENT)
    tpl.jinja_env = None
    import jinja2

    from commgen.foundation.jinja import opsomming

    env = jinja2.Environment()
    env.filters["opsomming"] = opsomming
    tpl.render(context, jinja_env=env)
    out = tmp_path / "bare.docx"
    tpl.save(out)
    text = "\n".join(_paragraph_texts(out))
    assert value not in text


def test_a_document_that_loses_text_is_not_written(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """If escaping ever failed, the check after rendering stops the run; no file appears."""

    def unescaped(self, value):  # type: ignore[no-untyped-def]
        if isinstance(value, str) and value:
            self.outputs.append(value)
            from markupsafe import Markup

            return Markup(value)
        return "" if value is None else value

    monkeypatch.setattr(render._Recorder, "finalize", unescaped)
    answers = write_answers(tmp_path, {"view_extra": "a<b>c"})
    with pytest.raises(VerificationError):
        generate(answers, tmp_path / "out", TEMPLATES)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_verification_failure_is_a_clear_message(tmp_path: Path, capsys,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def dropping(self, value):  # type: ignore[no-untyped-def]
        if isinstance(value, str) and value:
            self.outputs.append(value)
        return ""

    monkeypatch.setattr(render._Recorder, "finalize", dropping)
    answers = write_answers(tmp_path)
    code, out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "out"))
    assert code == 2
    assert "niet volledig in het document gekomen" in err
    assert "Traceback" not in err + out
    assert not (tmp_path / "out" / "communicatiestatement.docx").exists()


def test_every_xml_part_of_the_output_parses_strictly(tmp_path: Path) -> None:
    from lxml import etree

    answers = write_answers(tmp_path, {"view_extra": "a<b>c & {{ x }}"})
    result = generate(answers, tmp_path / "out", TEMPLATES)
    documents = [w.path for w in result.written if w.path.suffix == ".docx"]
    assert len(documents) >= 5
    strict = etree.XMLParser(recover=False)
    for path in documents:
        parsed = 0
        with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
            for name in archive.namelist():
                if name.endswith((".xml", ".rels")):
                    etree.fromstring(archive.read(name), strict)  # raises on any fault
                    parsed += 1
            body = archive.read("word/document.xml").decode("utf-8")
        assert parsed >= 8, path.name  # document, styles, settings, properties, relationships
        if path.name == "communicatiestatement.docx":  # the answer, escaped exactly once
            assert "a&lt;b&gt;c &amp; {{ x }}" in body


def test_escaped_and_whole_values_are_checked_too(tmp_path: Path) -> None:
    import docx as python_docx

    from tests.conftest import mini_template_set

    document = python_docx.Document()
    document.add_paragraph("{{ school_name|e }} | {{ note }}")
    templates = mini_template_set(tmp_path / "set", document)
    answers = tmp_path / "a.yaml"
    answers.write_text("school_name: 'A {_{ x }_} & <b>'\nnote: [een, twee]\n",
                       encoding="utf-8")
    result = generate(answers, tmp_path / "out", templates)
    text = _paragraph_texts(result.written[0].path)
    assert "A {_{ x }_} & <b> | een" in text and "twee" in text
