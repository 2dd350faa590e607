"""A foundation adds a document with data files and a Word file only, no Python."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import yaml

from tests.conftest import ROOT, SAMPLES, run_cli


def _copy_template_set(target: Path) -> Path:
    """templates/ and snippets/ side by side, as in the repository (snippets: ../snippets)."""
    shutil.copytree(ROOT / "templates", target / "templates")
    shutil.copytree(ROOT / "snippets", target / "snippets")
    return target / "templates"


def _word_template(path: Path) -> None:
    """What an author types in Word: fixed text, answers, a vetted sentence, a term, a condition."""
    document = docx.Document()
    document.core_properties.author = ""
    document.add_heading("Bericht aan het team", level=1)
    document.add_paragraph("{{ school_name }}, {{ today }}")
    document.add_paragraph("Beste collega's,")
    document.add_paragraph("{{ phrase.material }} Praat er niet over in de {{ term.klas }}.")
    document.add_paragraph("{%p if 'none' not in police %}")
    document.add_paragraph("De politie is betrokken; verwijs vragen door naar {{ contact.name }}.")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("Met vriendelijke groet,")
    document.add_paragraph("{{ contact.name }}, {{ contact.role }}")
    document.save(path)


def test_new_document_from_data_files_and_a_docx(tmp_path: Path, capsys) -> None:
    templates = _copy_template_set(tmp_path)
    _word_template(templates / "nl" / "teambericht.docx")
    catalog_path = templates / "catalog.yaml"
    catalog = yaml.safe_load(catalog_path.read_text(encoding="utf-8"))
    catalog["documents"].append({
        "id": "teambericht",
        "title": {"nl": "Bericht aan het team", "en": "Message to the team"},
        "audience": "internal",
        "version": "2026.1",
        "filename": {"nl": "teambericht", "en": "team-message"},
        "templates": {"nl": "nl/teambericht.docx"},
    })
    catalog_path.write_text(yaml.safe_dump(catalog, allow_unicode=True, sort_keys=False),
                            encoding="utf-8")

    code, out, _err = run_cli(capsys, "templates", "check", "--templates", str(templates))
    assert code == 0, out

    out_dir = tmp_path / "out"
    code, out, err = run_cli(capsys, "generate", str(SAMPLES / "vo-politie.yaml"), "--templates",
                             str(templates), "--out", str(out_dir))
    assert code == 0, out + err
    made = docx.Document(str(out_dir / "teambericht.docx"))
    text = "\n".join(p.text for p in made.paragraphs)
    assert "Het Baken College" in text and "Beste collega's," in text
    assert "Praat er niet over in de klas." in text  # term for a secondary school
    assert "De politie is betrokken" in text and "{{" not in text and "{%" not in text
    assert made.core_properties.title == "Bericht aan het team"
    assert made.core_properties.version == "2026.1"  # the catalogue version is recorded
    assert (out_dir / "communicatiestatement.docx").is_file()  # the others are still made
