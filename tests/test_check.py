"""The privacy check: the labelled corpus, `commgen check`, and the check inside generation."""

from __future__ import annotations

import io
import json
import logging
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document

from bench.corpus_eval import evaluate
from commgen.checks.rules import load_rules
from commgen.foundation.concepts import AUDIENCES
from commgen.foundation.errors import CatalogError
from tests.conftest import ROOT, run_cli, write_answers

ANSWERS = str(ROOT / "samples" / "vo-politie.yaml")


def test_corpus_meets_the_targets() -> None:
    score = evaluate()
    assert sum(score.total.values()) >= 150
    assert score.clean_sentences >= 60
    assert score.recall >= 0.95, score.missed
    for category in score.total:
        assert score.recall_of(category) >= 0.90, (category, score.missed)
    assert score.false_positive_rate <= 0.03, score.clean_flagged


def _write(tmp_path: Path, text: str, name: str = "brief.txt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_text_output_exit_codes_and_position(tmp_path, capsys) -> None:
    clean = _write(tmp_path, "Wij doen aangifte.\nBel De Kindertelefoon: 0800 0432.\n", "a.txt")
    code, out, _err = run_cli(capsys, "check", clean)
    assert code == 0
    bad = _write(tmp_path, "Beste ouders,\nEen foto van een meisje uit 2B gaat rond.\n", "b.md")
    code, out, _err = run_cli(capsys, "check", "--audience", "press", bad)
    assert code == 1
    assert f"{bad}:2:29:" in out and "[group]" in out and "2B" in out
    assert "\x1b[" not in out  # not a terminal: no colour codes


def test_json_output_is_exact(tmp_path, capsys) -> None:
    text = "Het gaat om Daan (14). Bel 06-12345678."
    path = _write(tmp_path, text)
    code, out, _err = run_cli(capsys, "check", "--format", "json", path)
    assert code == 1
    data = json.loads(out)
    assert list(data) == ["files"] and data["files"][0]["path"] == path
    findings = data["files"][0]["findings"]
    for finding in findings:
        assert set(finding) == {"category", "severity", "start", "end", "text", "message",
                                "suggestion"}
        assert text[finding["start"]:finding["end"]] == finding["text"]
        assert finding["severity"] in ("error", "warning")
    assert {f["category"] for f in findings} >= {"name", "age", "phone"}


def test_stdin(monkeypatch, capsys) -> None:
    data = "Vermoedelijk heeft een klasgenoot de foto doorgestuurd. Zo naïef.".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _err = run_cli(capsys, "check", "-")
    assert code == 1 and "-:1:1:" in out and "[speculation]" in out


@pytest.mark.parametrize("name,content", [
    ("weg.txt", None), ("brief.pdf", b"%PDF-1.4"), ("kapot.docx", b"no zip"),
    ("latin1.txt", "café".encode("latin-1"))])
def test_unreadable_input_exits_2(tmp_path, capsys, name, content) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, _out, err = run_cli(capsys, "check", str(path))
    assert code == 2 and "Traceback" not in err and name in err


def test_docx_edited_in_word(tmp_path, capsys) -> None:
    document = Document()
    paragraph = document.add_paragraph("Het gaat om ")
    for piece in ("Da", "an (1", "4) uit klas 2", "B", "."):
        paragraph.add_run(piece)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Telefoon moeder"
    table.cell(0, 1).text = "06-12345678"
    document.sections[0].header.paragraphs[0].text = "Vertrouwelijk: Sanne de Vries"
    path = tmp_path / "bewerkt.docx"
    document.save(path)
    code, out, _err = run_cli(capsys, "check", "--audience", "press", "--format", "json",
                              str(path))
    assert code == 1
    found = {(f["category"], f["text"]) for f in json.loads(out)["files"][0]["findings"]}
    assert {("name", "Daan"), ("age", "(14)"), ("group", "klas 2B"),
            ("phone", "06-12345678"), ("name", "Sanne de Vries")} <= found


@pytest.mark.parametrize("text,passage", [
    ("Wij spraken met SANNE.", "SANNE"), ("Dat is Sannes telefoon.", "Sannes"),
    ("Roos' moeder belde.", "Roos"), ("Het gaat om S. de Vries.", "S. de Vries"),
    ("Zoë is ziek.", "Zoë"), ("sanne de vries", "sanne de vries"),
    ("Mevrouw De Vries", "De Vries")])
def test_guarded_names_in_every_form(tmp_path, capsys, text, passage) -> None:
    path = _write(tmp_path, text)
    code, out, _err = run_cli(capsys, "check", "--format", "json", "--audience", "internal",
                              "--guard", "Sanne de Vries", "--guard", "Roos Bakker",
                              "--guard", "Zoe", path)
    assert code == 1
    findings = json.loads(out)["files"][0]["findings"]
    assert any(f["text"] == passage and f["severity"] == "error" for f in findings)


def test_guarded_names_from_the_answers_file_are_hashes(tmp_path, capsys) -> None:
    answers = write_answers(tmp_path, {"involved_pupils": ["Sanne de Vries"]})
    path = _write(tmp_path, "Dat was in de roos. Sannes foto ging rond.")
    code, out, _err = run_cli(capsys, "check", "--answers", str(answers), "--format", "json",
                              path)
    texts = [f["text"] for f in json.loads(out)["files"][0]["findings"]]
    assert code == 1 and texts == ["Sannes"]


def test_allow_lists_come_from_profile_answers_and_resources(tmp_path, capsys) -> None:
    text = ("Neem contact op met Samira El Idrissi via 033 460 55 10 of zorg@hetbaken.example. "
            "Journalisten bellen Peter de Boer, 06 41 23 45 67. Het Baken College, Zeevaartweg "
            "40, 3821 AK Amersfoort, 033 460 55 00, www.hetbaken.example. Bel Helpwanted op 020 "
            "261 52 75 of kijk op www.helpwanted.nl. In november praten we in alle groepen over "
            "groepsdruk. Meldpunt Kinderporno: www.meldpunt-kinderporno.nl.")
    path = _write(tmp_path, text)
    code, out, _err = run_cli(capsys, "check", "--audience", "parents-class", "--school",
                              "hetbaken", "--answers", ANSWERS, path)
    assert code == 0, out
    code, out, _err = run_cli(capsys, "check", "--audience", "parents-class", path)
    assert code == 1 and "Samira El Idrissi" in out  # without the answers: a name


def test_generation_refuses_a_guarded_name_in_a_free_text_answer(tmp_path, capsys) -> None:
    answers = write_answers(tmp_path, {
        "involved_pupils": ["Sanne de Vries"],
        "situation_extra": "Het beeld van Sanne ging eerst rond in één leerjaar."})
    out_dir = tmp_path / "out"
    code, out, _err = run_cli(capsys, "generate", str(answers), "--out", str(out_dir))
    assert code == 1
    assert "situation_extra" in out and "“Sanne”" in out
    assert not (out_dir / "communicatiestatement.docx").exists()

    code, out, _err = run_cli(capsys, "generate", str(answers), "--out", str(out_dir),
                              "--accept-findings", "reden")
    assert code == 0 and "reden" in out
    with zipfile.ZipFile(out_dir / "communicatiestatement.docx") as archive:
        custom = archive.read("docProps/custom.xml").decode()
    assert 'name="commgen.accepted_findings"' in custom and "reden" in custom


@pytest.mark.parametrize("sample", ["vo-politie", "po-basisschool", "po-geen-leerling-zichtbaar"])
def test_bundled_templates_pass_their_own_check(tmp_path, capsys, sample) -> None:
    code, out, _err = run_cli(capsys, "generate", str(ROOT / "samples" / f"{sample}.yaml"),
                              "--out", str(tmp_path))
    assert code == 0 and "error" not in out and "fout" not in out


def test_a_bad_rule_file_names_file_line_and_key(tmp_path) -> None:
    (tmp_path / "kapot.yaml").write_text(
        "extends: existence\ncategory: image-detail\nmessage: x\ntokens:\n  - '(naakt'\n",
        encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_rules(tmp_path)
    problem = info.value.problems[0]
    assert problem.path.name == "kapot.yaml" and problem.line == 4 and problem.key == "tokens"


def test_every_bundled_document_has_a_known_audience(catalog) -> None:  # type: ignore[no-untyped-def]
    """One list of audiences: the catalogue's documents, the severity table and --audience."""
    assert {doc.audience for doc in catalog.documents} == set(AUDIENCES)
    from commgen.checks.settings import load_settings

    severity = load_settings(ROOT / "snippets" / "nl" / "regels").severity
    assert set(severity) <= set(AUDIENCES)


def test_deduce_leaves_the_root_logger_alone() -> None:
    from commgen.checks.deducer import annotate

    root = logging.getLogger()
    before = (list(root.handlers), root.level)
    assert any(tag == "persoon" for _s, _e, tag in annotate("Gisteren belde Sanne de Vries."))
    assert (list(root.handlers), root.level) == before
