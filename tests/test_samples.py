"""Each bundled sample gives a complete communication statement that Word and LibreOffice open."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from commgen.answers.answersfile import load_answers
from commgen.app.generate import generate
from commgen.questions.catalog import load_catalog
from commgen.questions.types import Person
from commgen.render.context import Paragraphs, template_value
from commgen.render.templateinfo import questions_used, template_source
from tests.conftest import SAMPLES, TEMPLATES

SAMPLE_FILES = sorted(SAMPLES.glob("*.yaml"))
TEMPLATE_SYNTAX = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


def _all_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
    return "\n".join(parts)


def _expected_strings(sample: Path, document: str = "communicatiestatement") -> list[str]:
    """What each free or structured answer the template uses must look like in it."""
    catalog = load_catalog(TEMPLATES)
    answers = load_answers(sample, catalog)
    [doc] = [d for d in catalog.documents if d.id == document]
    used = set(questions_used(template_source(doc.templates["nl"]), catalog, "school_type"))
    expected: list[str] = []
    for question in catalog.questions:
        value = answers.get(question.id)
        if value is None or question.type in ("choice", "multichoice", "yesno", "image") or (
                question.id not in used):
            continue
        if (document in ("communicatiestatement-website", "reacties-sociale-media")
                and question.type == "phone" and question.id != "school_phone"
                and answers.get("school_phone") and not answers.get("phones_public")):
            continue  # public texts give the school's general number instead
        if question.type == "paragraphs":
            expected.extend(Paragraphs(value).paragraphs)
        elif isinstance(value, Person):
            expected.extend([value.name, value.role])
        elif question.type == "phone":  # in the house style of telefoonnummers.yaml
            from commgen.render.snippets import load_snippets

            expected.append(load_snippets(catalog, "nl").phones.format(value))
        else:
            expected.append(str(template_value(value, "nl")))
    return expected


def test_there_are_samples_for_primary_and_secondary() -> None:
    names = {p.stem for p in SAMPLE_FILES}
    assert {"po-basisschool", "vo-politie"} <= names


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_gives_a_complete_statement(tmp_path: Path, sample: Path) -> None:
    result = generate(sample, tmp_path, TEMPLATES, ["communicatiestatement"])
    [written] = result.written
    text = _all_text(written.path)
    expected = _expected_strings(sample)
    assert len(expected) >= 8  # school, dates, contact person, free text: not a vacuous loop
    for value in expected:
        assert value in text, value
    assert not TEMPLATE_SYNTAX.search(text)
    for heading in ("Wat speelt er?", "Wat vindt de school?", "Wat doet de school?", "Waarom?",
                    "Contactpersoon", "Bijlage: alleen voor het crisisteam", "Wat zeggen we niet",
                    "Volgende update"):
        assert heading in text


def test_primary_and_secondary_wording(tmp_path: Path) -> None:
    po = _all_text(generate(SAMPLES / "po-basisschool.yaml", tmp_path / "po",
                            TEMPLATES).written[0].path)
    vo = _all_text(generate(SAMPLES / "vo-politie.yaml", tmp_path / "vo",
                            TEMPLATES).written[0].path)
    assert "binnen één groep" in po and "welke groep" in po and "klas" not in po.lower()
    assert "meerdere klassen" in vo and "welke klas" in vo and "groep " not in vo.replace(
        "groepsapps", "")
    assert "De politie doet onderzoek" in vo


def test_no_pupil_visible_drops_the_victim_parts(tmp_path: Path) -> None:
    text = _all_text(generate(SAMPLES / "po-geen-leerling-zichtbaar.yaml", tmp_path,
                              TEMPLATES).written[0].path)
    assert "geen leerling van onze school te zien" in text
    assert "treft geen blaam" not in text and "de leerling om wie het gaat" not in text
    assert "Leerling en ouders\nniet van toepassing" in text


def test_dates_are_written_the_dutch_way(tmp_path: Path) -> None:
    text = _all_text(generate(SAMPLES / "vo-politie.yaml", tmp_path, TEMPLATES).written[0].path)
    assert "Op 19 november 2026 hoorde de school" in text
    assert "maandag 23 november 2026, 12:00 uur" in text


def test_headings_and_lists_use_real_word_styles(tmp_path: Path) -> None:
    path = generate(SAMPLES / "vo-politie.yaml", tmp_path, TEMPLATES).written[0].path
    styles = {p.text: p.style.name for p in docx.Document(str(path)).paragraphs}
    assert styles["Wat speelt er?"] == "Heading 1"
    assert styles["Wat zeggen we niet"] == "Heading 2"
    assert styles["De politie doet onderzoek. Daarom doen wij geen uitspraken over hoe het "
                  "beeld is verspreid. Het beeld is gemeld bij de politie. Helpwanted helpt bij "
                  "het verwijderen van het beeld van internet."] == "Normal"
    bullets = [t for t, s in styles.items() if s == "List Bullet"]
    assert len(bullets) >= 8


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(not _soffice() and not os.environ.get("CI"),
                    reason="LibreOffice is not installed (CI installs it)")
@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_libreoffice_converts_the_statement(tmp_path: Path, sample: Path) -> None:
    soffice = _soffice()
    assert soffice, "LibreOffice is required in CI"
    path = generate(sample, tmp_path, TEMPLATES).written[0].path
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "communicatiestatement.pdf"
    assert pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "Wat speelt er?" in text and "Contactpersoon" in text
        pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                               check=True).stdout
        count = int(re.search(r"Pages:\s+(\d+)", pages).group(1))  # type: ignore[union-attr]
        assert 2 <= count <= 5
