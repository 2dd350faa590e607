"""`commgen templates list` and `preview`: what a template author sees."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from commgen.render import pdf
from tests.conftest import mini_template_set, run_cli


def test_list_shows_documents_files_versions_and_questions(capsys) -> None:
    code, out, _err = run_cli(capsys, "templates", "list")
    assert code == 0
    assert "communicatiestatement — Communicatiestatement" in out
    assert "versie: 2026.1" in out and "doelgroep: internal" in out
    assert "communicatiestatement.docx" in out
    questions = out.split("vragen:")[1]
    for qid in ("school_type", "pupil_visible", "material", "contact", "next_update_time"):
        assert qid in questions
    assert "involved_pupils" not in questions  # sensitive: never in a template


def test_list_reports_a_broken_template(tmp_path: Path, capsys) -> None:
    document = docx.Document()
    document.add_paragraph("{% if note %}nooit gesloten")
    templates = mini_template_set(tmp_path / "set", document)
    code, out, _err = run_cli(capsys, "templates", "list", "--templates", str(templates))
    assert code == 0 and "niet te lezen" in out


def test_preview_makes_the_document_in_a_temporary_folder(capsys) -> None:
    code, out, _err = run_cli(capsys, "templates", "preview", "communicatiestatement")
    assert code == 0
    path = Path(out.strip().splitlines()[0])
    assert path.name == "communicatiestatement.docx" and "commgen-preview-" in str(path)
    assert "Het Baken College" in "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_preview_pdf_without_libreoffice_is_a_clear_message(capsys, monkeypatch) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    code, _out, err = run_cli(capsys, "templates", "preview", "communicatiestatement", "--pdf")
    assert code == 2 and "LibreOffice is niet geïnstalleerd" in err


@pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice is not installed")
def test_preview_pdf(capsys) -> None:
    code, out, _err = run_cli(capsys, "templates", "preview", "communicatiestatement", "--pdf")
    assert code == 0
    assert Path(out.strip().splitlines()[1]).stat().st_size > 10_000
