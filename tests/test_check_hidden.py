"""``commgen check`` of a .docx reads what the file holds besides the text a reader sees: a
school leader who re-checks an edited letter before sending it hears of a pupil's name in a
deleted tracked change, in a comment or as the file's last editor, and of tracked changes and
comments still in the file (trial12 F2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml

from commgen.docx.reader import docx_text, read_all_text
from tests.conftest import run_cli

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
GUARDED = "Lotte Brink"
CLEAN = ("Er gaat een beeld rond van een leerling van onze school. Wij vinden dat heel ernstig "
         "en doen er alles aan om verdere verspreiding te stoppen.")


def _letter(path: Path, deleted: str = "", comment: str = "", editor: str = "") -> Path:
    doc = Document()
    doc.add_heading("Wat is er gebeurd?", level=1)
    para = doc.add_paragraph(CLEAN)
    if deleted:
        para._p.append(parse_xml(
            f'<w:del {W_NS} w:id="91" w:author="Directie" w:date="2026-12-01T10:00:00Z">'
            f'<w:r><w:delText xml:space="preserve"> {deleted}</w:delText></w:r></w:del>'))
    if comment:
        doc.add_comment(para.runs[0], text=comment, author="Directie", initials="D")
    doc.core_properties.author = "Directie"
    doc.core_properties.last_modified_by = editor or "Directie"
    doc.save(str(path))
    return path


@pytest.fixture
def guard(tmp_path: Path) -> Path:
    path = tmp_path / "namen.txt"
    path.write_text(GUARDED + "\n", encoding="utf-8")
    return path


def test_deleted_text_is_read_after_the_visible_text(tmp_path: Path) -> None:
    letter = _letter(tmp_path / "brief.docx", deleted=f"Het gaat om {GUARDED}.")
    data = letter.read_bytes()
    whole = read_all_text(data)
    assert GUARDED not in docx_text(data)  # what generate's review and the .txt twin read
    assert whole.document.text.startswith(docx_text(data))
    assert GUARDED in whole.document.text[whole.visible_end:]
    assert whole.revisions == 1 and whole.comments == 0
    place = whole.document.place_at(whole.document.text.index(GUARDED))
    assert place is not None and place.hidden == "deleted" and place.paragraph == 2


def test_a_guarded_name_in_a_deleted_change_is_an_error_and_never_printed(
        tmp_path: Path, guard: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = _letter(tmp_path / "brief.docx", deleted=f"Het gaat om {GUARDED} uit 3havo-b.")
    code, out, _err = run_cli(capsys, "check", "--guard-file", str(guard), str(letter))
    assert code == 1, out
    assert GUARDED not in out and "Lotte" not in out
    assert "verwijderde tekst van een bijgehouden wijziging, alinea 2" in out
    assert "1 bijgehouden wijziging" in out and "Controleren" in out
    code, out, _err = run_cli(capsys, "check", "--guard-file", str(guard), "--json",
                              str(letter))
    report = json.loads(out)
    assert GUARDED not in out
    kinds = {f["category"] for r in report for f in r["findings"]} if isinstance(
        report, list) else {f["category"] for r in report["files"] for f in r["findings"]}
    assert {"revisions", "name"} <= kinds


def test_comments_and_the_last_editor(tmp_path: Path, guard: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    letter = _letter(tmp_path / "brief.docx", comment="Nog afstemmen met de familie.",
                     editor=GUARDED)
    code, out, _err = run_cli(capsys, "check", "--guard-file", str(guard), str(letter))
    assert code == 1, out
    assert "eigenschappen van het bestand, laatst gewijzigd door" in out
    assert "1 opmerking" in out and "bijgehouden wijziging" not in out
    assert GUARDED not in out


def test_a_clean_letter_passes_and_its_author_is_no_finding(
        tmp_path: Path, guard: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The author and last editor are usually the school leader: only a name that may never
    appear counts there."""
    letter = _letter(tmp_path / "brief.docx", editor="Hanneke de Groot")
    code, out, _err = run_cli(capsys, "check", "--guard-file", str(guard), str(letter))
    assert code == 0, out
    assert "0 fout(en), 0 waarschuwing(en)" in out
    assert "Hanneke" not in out


def test_json_places_never_show_a_guarded_name(tmp_path: Path, guard: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A place's excerpt is the paragraph's first words: a guarded name in them is masked,
    also when the excerpt ends inside the name."""
    doc = Document()
    doc.add_paragraph(f"Gisteren kwam uit de klas het bericht dat {GUARDED} ziek is.")
    doc.add_paragraph(f"Een twee drie vier vijf {GUARDED} ook hier.")
    doc.save(str(tmp_path / "brief.docx"))
    code, out, _err = run_cli(capsys, "check", "--guard-file", str(guard), "--json",
                              str(tmp_path / "brief.docx"))
    assert code == 1
    assert "Lotte" not in out and "Brink" not in out
