"""The privacy check: the labelled corpus, `commgen check`, and the check inside generation."""

from __future__ import annotations

import io
import json
import subprocess
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


# The parts of the development set tuned on to the targets; the practice corpus ``oefen``
# joined later (scored once before tuning) and holds a floor until it reaches them too.
TUNED = ("corpus", "toets", "toets2")
OEFEN_FLOOR = (0.90, 0.03)  # recall at least, false alarms at most (December 2026: 90.5%, 2.5%)
# The third frozen set, scored once (79.5%, 5.5% false alarms) and then tuned on by kind
# (December 2026: 94.6%, 0.0%); it holds a floor too.
TOETS3_FLOOR = (0.93, 0.03)
# The second practice corpus, scored once (80.4%, 7.9%) and then tuned on (89.9%, 0.0%).
OEFEN2_FLOOR = (0.88, 0.03)
# The third and fourth practice corpora, scored once (oefen3 82.2%, 6.8%; oefen4 74.6%, 5.2%),
# the fourth frozen set toets4 (83.8%, 2.5%) and the fifth to seventh practice corpora (oefen5
# 80.4%, 5.4%; oefen6 76.3%, 5.0%; oefen7 81.2%, 9.1%), then trained on and tuned on by kind
# (round detect9), not yet to the targets: a floor each, outside the overall target.
UNTUNED_FLOORS = {"oefen3": (0.90, 0.03), "oefen4": (0.86, 0.03), "toets4": (0.90, 0.03),
                  "oefen5": (0.82, 0.04), "oefen6": (0.76, 0.03), "oefen7": (0.79, 0.06),
                  # scored once at the end of round 9 (oefen8 77.7%, 2.6%; toets5 85.1%,
                  # 3.0%), then development and training data from round detect10
                  "oefen8": (0.84, 0.03), "toets5": (0.87, 0.03),
                  # written apart in round detect10 and scored once on merge (oefen9 81.3%,
                  # 6.4%; oefen10 79.5%, 3.7%), then tuned on by kind and trained on
                  "oefen9": (0.84, 0.04), "oefen10": (0.83, 0.03),
                  # scored once with toets6 at the end of round 10 (oefen11 82.7%, 6.8%;
                  # oefen12 84.5%, 5.2%), then trained on; not yet tuned on by rule
                  "oefen11": (0.82, 0.07), "oefen12": (0.84, 0.06),
                  # the sixth frozen set, scored once at the end of round 10 (85.8%, 4.2%),
                  # then development and training data from round detect11
                  "toets6": (0.86, 0.05),
                  # written apart in round detect11 and scored once on merge (oefen13 82.4%,
                  # 6.7%; oefen14 81.8%, 11.6%), then trained on and tuned on by kind
                  "oefen13": (0.82, 0.07), "oefen14": (0.81, 0.12),
                  # the seventh frozen set, scored once at the end of round 11 (90.5%, 5.5%),
                  # then development and training data from round detect12
                  "toets7": (0.90, 0.06),
                  # written apart at the start of round 12 and scored once on merge (oefen15
                  # 87.0%, 1.7%; oefen16 83.4%, 7.5%), then trained on and tuned on by kind
                  "oefen15": (0.87, 0.03), "oefen16": (0.83, 0.08),
                  # the eighth frozen set, scored once at the end of round 13 (88.7%, 1.6%),
                  # then development and training data from round 14 (91.6%, 1.6%)
                  "toets8": (0.91, 0.02),
                  # written apart at the start of round 14 and scored once on merge (oefen17
                  # 72.3%, 5.6%; oefen18 74.7%, 6.9%), then trained on and tuned on by kind
                  # (86.8%, 2.2%; 89.0%, 3.5%)
                  "oefen17": (0.86, 0.03), "oefen18": (0.88, 0.04),
                  # the ninth frozen set, scored once at the end of round 14 (80.3%, 3.4%),
                  # then development and training data from round 15 (82.8%, 3.4%)
                  "toets9": (0.82, 0.04),
                  # written apart at the start of round 15 and scored once on merge (77.9%,
                  # 4.1%), then trained on and tuned on by kind (81.8%, 0.9%)
                  "oefen19": (0.80, 0.03),
                  # the tenth frozen set, scored once at the end of round 15 (82.6%, 7.0%),
                  # then development and training data from round 16 (86.4%, 0.4%)
                  "toets10": (0.85, 0.02),
                  # written apart at the start of round 16 and scored once on merge (oefen20
                  # 79.3%, 4.7%; oefen21 78.5%, 3.7%), then trained on and tuned on by kind
                  # (84.2%, 0.8%; 83.4%, 0.4%)
                  "oefen20": (0.83, 0.02), "oefen21": (0.82, 0.02),
                  # the eleventh frozen set, scored once at the end of round 16 (82.4%, 3.9%),
                  # then development and training data from round 17 (90.4%, 3.5%); written
                  # apart at the start of round 17 and scored once on merge (oefen22 81.4%,
                  # 3.3%; oefen23 75.5%, 2.4%), then trained on and tuned on by kind (90.7%,
                  # 2.8%; 82.2%, 1.4%)
                  "toets11": (0.90, 0.04), "oefen22": (0.90, 0.03), "oefen23": (0.82, 0.02),
                  # the twelfth frozen set, scored once at the end of round 17 (83.8%, 4.7%),
                  # then development and training data from round 18 (88.2%, 0.8%); written
                  # apart in round 18 and scored once on merge (oefen24 84.4%, 4.2%; oefen25
                  # 77.3%, 5.2%; oefen26 83.6%, 4.9%; oefen27 81.6%, 2.5%), then trained on and
                  # tuned on by kind (88.9%, 1.0%; 84.7%, 1.8%; 86.9%, 2.1%; 85.0%, 1.1%)
                  "toets12": (0.87, 0.02), "oefen24": (0.88, 0.02), "oefen25": (0.83, 0.03),
                  "oefen26": (0.86, 0.03), "oefen27": (0.84, 0.02),
                  # written apart later in round 18 and scored once on merge (oefen28 84.0%,
                  # 2.8%; oefen29 83.9%, 4.0%), then trained on and tuned on (86.0%, 2.0%;
                  # 85.8%, 0.8%)
                  "oefen28": (0.85, 0.03), "oefen29": (0.84, 0.02),
                  # the thirteenth frozen set, scored once at the end of round 18 (84.1%,
                  # 3.9%), then development and training data from round 19 (87.6%, 2.1%);
                  # written apart at the start of round 19 and scored once on merge (oefen30
                  # 85.9%, 5.0%; oefen31 80.4%, 5.2%; oefen32 86.3%, 3.8%; oefen33 79.7%, 4.5%;
                  # oefen34 82.6%, 2.0%), then trained on and tuned on by kind (87.4%, 3.9%;
                  # 82.8%, 2.4%; 88.9%, 1.9%; 83.1%, 2.2%; 84.9%, 0.8%)
                  "toets13": (0.86, 0.03), "oefen30": (0.86, 0.05), "oefen31": (0.81, 0.03),
                  "oefen32": (0.87, 0.03), "oefen33": (0.82, 0.03), "oefen34": (0.83, 0.02)}


def test_corpus_meets_the_targets() -> None:
    score = evaluate()
    assert set(TUNED) <= set(score.parts)
    assert sum(score.total.values()) >= 150
    assert score.clean_sentences >= 60
    for name in TUNED:
        part = score.parts[name]
        assert part.recall >= 0.95, (name, part.missed)
        for category in part.total:
            assert part.recall_of(category) >= 0.90, (name, category, part.missed)
        assert part.false_alarm_rate <= 0.03, (name, part.clean_flagged)
    tuned = [part for name, part in score.parts.items() if name not in UNTUNED_FLOORS]
    found = sum(sum(part.found.values()) for part in tuned)
    assert found / sum(sum(part.total.values()) for part in tuned) >= 0.95, score.missed
    errors = sum(part.clean_errors for part in tuned)
    assert errors / sum(part.clean_sentences for part in tuned) <= 0.03, score.clean_flagged
    for name, (recall, false_alarms) in UNTUNED_FLOORS.items():
        if name in score.parts:
            assert score.parts[name].recall >= recall, score.parts[name].missed
            assert score.parts[name].false_alarm_rate <= false_alarms, name
    if "oefen" in score.parts:
        oefen = score.parts["oefen"]
        assert oefen.recall >= OEFEN_FLOOR[0], oefen.missed
        assert oefen.false_alarm_rate <= OEFEN_FLOOR[1], oefen.clean_flagged
    toets3 = score.parts["toets3"]
    assert toets3.recall >= TOETS3_FLOOR[0], toets3.missed
    assert toets3.false_alarm_rate <= TOETS3_FLOOR[1], toets3.clean_flagged
    if "oefen2" in score.parts:
        oefen2 = score.parts["oefen2"]
        assert oefen2.recall >= OEFEN2_FLOOR[0], oefen2.missed
        assert oefen2.false_alarm_rate <= OEFEN2_FLOOR[1], oefen2.clean_flagged


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
    names = tmp_path / "namen.txt"
    names.write_text("Sanne de Vries\nRoos Bakker, Zoe\n", encoding="utf-8")
    code, out, _err = run_cli(capsys, "check", "--format", "json", "--audience", "internal",
                              "--guard-file", str(names), path)
    assert code == 1
    findings = json.loads(out)["files"][0]["findings"]
    guarded = [f for f in findings if f["severity"] == "error" and f["text"] == "•••"]
    assert [text[f["start"]:f["end"]] for f in guarded] == [passage]  # found, never shown
    assert passage not in out


def test_guarded_names_from_the_answers_file_are_hashes(tmp_path, capsys) -> None:
    answers = write_answers(tmp_path, {"involved_pupils": ["Sanne de Vries"]})
    path = _write(tmp_path, "Dat was in de roos. Sannes foto ging rond.")
    code, out, _err = run_cli(capsys, "check", "--answers", str(answers), "--format", "json",
                              path)
    findings = json.loads(out)["files"][0]["findings"]
    text = "Dat was in de roos. Sannes foto ging rond."
    # the guarded name, and what the sentence says about her (``checks.narrative``)
    assert code == 1 and [text[f["start"]:f["end"]] for f in findings] == ["Sannes",
                                                                            "foto ging rond"]
    assert "Sannes" not in out


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
    assert "situation_extra" in out and "“•••”" in out and "Sanne" not in out
    assert not (out_dir / "communicatiestatement.docx").exists()

    # a pupil's name is never kept, not even with a reason
    code, out, _err = run_cli(capsys, "generate", str(answers), "--out", str(out_dir),
                              "--accept-findings", "reden")
    assert code == 1 and "niet eens met --accept-findings" in out and "Sanne" not in out
    assert not (out_dir / "communicatiestatement.docx").exists()

    # other findings are written with the reason recorded
    answers = write_answers(tmp_path, {"situation_extra": "Het ging eerst rond in klas 2A."})
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
    import click

    from commgen.app.cli import build_cli
    from commgen.checks.settings import load_settings

    assert {doc.audience for doc in catalog.documents} == set(AUDIENCES)
    severity = load_settings(ROOT / "snippets" / "nl" / "regels").severity
    assert set(severity) == set(AUDIENCES)
    assert severity["internal"]["speculation"] == "warning"  # the table is read, not defaulted
    command = build_cli().get_command(click.Context(click.Command("commgen")), "check")
    option = next(p for p in command.params if p.name == "audience")
    assert isinstance(option.type, click.Choice) and list(option.type.choices) == list(AUDIENCES)


def test_names_come_from_deduces_lists_without_loading_deduce() -> None:
    """The name lists are read from the installed package; deduce (numpy, docdeid, logging
    set-up) is never imported."""
    code = ("import sys, logging; from commgen.checks.namefinder import annotate; "
            "found = annotate('Gisteren belde Sanne de Vries op 3 mei 2009.'); "
            "print(sorted(t for _s, _e, t in found)); "
            "print(sorted(m for m in ('deduce', 'docdeid', 'numpy') if m in sys.modules)); "
            "print(logging.getLogger().handlers)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    assert done.stdout.split("\n")[:3] == ["['datum', 'persoon']", "[]", "[]"]


# --- the word lists (regels/woorden.yaml) ----------------------------------------------------
RULES = ROOT / "snippets" / "nl" / "regels"


def test_the_bundled_word_lists_load() -> None:
    from commgen.checks.detectors import detectors_for
    from commgen.checks.rules import SETTINGS_FILES
    from commgen.checks.vocabulary import KEYS, VOCABULARY_FILE, load_vocabulary

    assert VOCABULARY_FILE in SETTINGS_FILES  # read as settings, never as a rule
    words = load_vocabulary(RULES)
    assert load_vocabulary(RULES) is words  # read once per process
    assert {key for key, _w in words.lists} | {"telwoorden"} == set(KEYS)
    assert all(items for _key, items in words.lists)
    assert dict(words.numbers)["dertien"] == 13
    assert "bsn" in words.words("nummer_woorden") and "juf" in words.words("titels")
    found = detectors_for(words)
    assert detectors_for(words) is found  # compiled once
    assert found.find_ages("een meisje van dertien") == [("age", 4, 22)]
    assert "van" in found.interfixes and "mevr" in found.name_titles


def _rules_copy(template_copy: Path) -> Path:
    return template_copy.parent / "snippets" / "nl" / "regels"


def _add_word(rules: Path, key: str, word: str) -> None:
    path = rules / "woorden.yaml"
    text = path.read_text(encoding="utf-8")
    assert f"\n{key}:\n" in text
    path.write_text(text.replace(f"\n{key}:\n", f"\n{key}:\n  - {word}\n"), encoding="utf-8")


@pytest.mark.parametrize(("key", "word", "text", "category", "passage"), [
    ("platforms", "mastodon", "Zij zit op mastodon als lisa2011.", "handle", "lisa2011"),
    ("titels", "buurman", "Dat vertelde buurman Jansen gisteren.", "name", "buurman Jansen"),
    ("nummer_woorden", "stempas", "Haar stempas is 4455667.", "id-number",
     "stempas is 4455667"),  # "lidnummer" is found already: a word ending in "nummer"
    ("groep_woorden", "stamklas", "Het gebeurde in stamklas 7.", "group", "stamklas 7"),
    ("leeftijd_woorden", "nichtje", "Een nichtje van twaalf zag het.", "age",
     "nichtje van twaalf"),
])
def test_a_word_added_to_the_word_lists_changes_what_is_found(
        template_copy, key, word, text, category, passage) -> None:  # type: ignore[no-untyped-def]
    from commgen.checks.run import make_checker

    rules = _rules_copy(template_copy)
    before = make_checker(snippets_dir=rules.parent).check(text)
    assert not any(f.category == category and f.text == passage for f in before), before
    _add_word(rules, key, word)
    after = make_checker(snippets_dir=rules.parent).check(text)
    assert any(f.category == category and f.text == passage for f in after), after


def test_generation_uses_the_word_lists_of_the_template_set(template_copy, tmp_path,
                                                            capsys) -> None:  # type: ignore[no-untyped-def]
    answers = write_answers(tmp_path, {
        "situation_extra": "De foto werd gedeeld via mastodon als lisa2011."})
    out_dir = tmp_path / "out"
    code, _out, _err = run_cli(capsys, "generate", str(answers), "--out", str(out_dir),
                               "--templates", str(template_copy))
    assert code == 0
    _add_word(_rules_copy(template_copy), "platforms", "mastodon")
    code, out, _err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "o2"),
                              "--templates", str(template_copy))
    assert code == 1 and "situation_extra" in out and "lisa2011" in out


def _line_of(text: str, line: str) -> int:
    return text.splitlines().index(line) + 1


def test_a_broken_word_list_names_file_line_and_key(template_copy) -> None:  # type: ignore[no-untyped-def]
    from commgen.checks.run import make_checker

    rules = _rules_copy(template_copy)
    path = rules / "woorden.yaml"
    text = path.read_text(encoding="utf-8")
    edits = [
        ("geboorte_na_datum:\n  - geboren\n  - jarig\n", "geboorte_na_datum: []\n"),  # empty
        ("schooltypen_met_leerweg:\n  - vmbo\n", "schooltypen_met_leerweg: vmbo\n"),  # no list
        ("  - ruim\n", "  - ruim\n  - 12\n"),  # not text
        ("  - tik\\s?tok\n", "  - tik(tok\n"),  # not a pattern
        ("  elf: 11\n", "  elf: elf\n"),  # not a number
        ("ontkenningen:\n", "kleuren:\n  - rood\nontkenningen:\n"),  # unknown key
        ("\nleerwegen:\n  - tl\n  - gt\n  - kb\n  - bb\n  - t\n  - k\n  - b\n", "\n"),  # missing
    ]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        make_checker(snippets_dir=rules.parent)
    found = {p.key: p for p in info.value.problems}
    assert all(p.path is not None and p.path.name == "woorden.yaml" for p in found.values())
    expected = {
        "geboorte_na_datum": _line_of(text, "geboorte_na_datum: []"),
        "schooltypen_met_leerweg": _line_of(text, "schooltypen_met_leerweg: vmbo"),
        "geen_leeftijd_voor": _line_of(text, "geen_leeftijd_voor:"),
        "platforms": _line_of(text, "platforms:"),
        "telwoorden.elf": _line_of(text, "  elf: elf"),
        "kleuren": _line_of(text, "kleuren:"),
        "leerwegen": None,
    }
    assert {key: found[key].line for key in expected if key in found} == expected
    assert set(found) == set(expected)
    assert "12" in found["geen_leeftijd_voor"].message
    assert "tik(tok" in found["platforms"].message
    assert "leerwegen" in found["leerwegen"].message


# --- where a document came from; allowed by what it is (issue 15) ----------------------------
def test_a_document_commgen_made_is_checked_without_the_answers_file(tmp_path, capsys) -> None:
    code, _out, _err = run_cli(capsys, "generate", ANSWERS, "--out", str(tmp_path))
    assert code == 0
    letter = tmp_path / "brief-ouders-klas.docx"
    with zipfile.ZipFile(letter) as archive:
        custom = archive.read("docProps/custom.xml").decode("utf-8")
    assert "commgen.allowed" in custom and "Samira El Idrissi" in custom
    assert "involved_pupils" not in custom  # never the pupils' names (not even as hashes)
    code, out, _err = run_cli(capsys, "check", "--audience", "parents-class", str(letter))
    assert code == 0, out
    # The same text without the properties: the school's details are unknown, and said so.
    text = _write(tmp_path, Document(str(letter)).paragraphs[0].text + "\nZeevaartweg 40, "
                  "3821 AK Amersfoort\nwww.hetbaken.example\n")
    code, out, _err = run_cli(capsys, "check", text)
    assert code == 1 and "--answers" in out and "--school" in out


def test_the_signature_and_an_organisations_name_pass_for_any_school(tmp_path, capsys) -> None:
    """A letter from another school of the foundation: its head signs it, its name ends in an
    institution word; neither is a pupil's name."""
    letter = _write(tmp_path, "Lyceum Zuidwest\n\nBeste ouders,\n\nWij informeren u over een "
                    "incident.\n\nMet vriendelijke groet,\n\nA. de Jong-Ouazzani\ndirecteur\n")
    code, out, _err = run_cli(capsys, "check", "--audience", "parents-class", letter)
    assert code == 0, out
    named = _write(tmp_path, "Beste ouders,\n\nA. de Jong-Ouazzani heeft de foto gezien.\n",
                   "b.txt")
    code, out, _err = run_cli(capsys, "check", "--audience", "parents-class", named)
    assert code == 1 and "[name]" in out


@pytest.mark.parametrize(("text", "passage"), [
    ("Kacpers telefoon is ingenomen.", "Kacpers"),
    ("Ons Anoukje is geschrokken.", "Anoukje"),
    ("In de chat: \"kijk wat zeynep stuurde\".", "zeynep"),
    ("De ouders van Oleksandr belden.", "Oleksandr"),
])
def test_names_in_forms_no_list_holds(tmp_path, capsys, text, passage) -> None:
    code, out, _err = run_cli(capsys, "check", "--audience", "parents-class",
                              _write(tmp_path, text))
    assert code == 1 and f"[name] “{passage}”" in out


def test_a_first_name_added_to_the_data_file_is_found(template_copy) -> None:  # type: ignore[no-untyped-def]
    from commgen.checks.run import make_checker

    # a first name that is also a Dutch word (a bird): no list holds it as a name, and the
    # word list (woordenlijst.txt) says it is a word, until the foundation adds it
    folder = _rules_copy(template_copy).parent
    text = "Gisteren belde Kwartel naar school."
    assert not make_checker("parents-class", snippets_dir=folder).check(text)
    names = folder / "regels" / "voornamen.yaml"
    names.write_text(names.read_text(encoding="utf-8") + "\nbijnamen:\n  - Kwartel\n",
                     encoding="utf-8")
    found = make_checker("parents-class", snippets_dir=folder).check(text)
    assert [f.text for f in found if f.category == "name"] == ["Kwartel"]


def test_a_title_and_a_capital_on_the_next_line_are_no_name(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A table cell ending in "de familie" and the next starting "Geslacht" (the text of a
    .docx joins them with a line break) are two places, not "familie Geslacht"."""
    path = _write(tmp_path, "Politie en melding\naangifte door de familie\nGeslacht van de "
                            "leerling\nWij spraken met de familie Jansen.")
    code, out, _err = run_cli(capsys, "check", "--format", "json", "--audience", "internal", path)
    texts = [f["text"] for f in json.loads(out)["files"][0]["findings"]]
    assert code == 1 and texts == ["familie Jansen"]


# Sentences of each kind written for this test (no corpus holds them): the rules find them by
# their build (a step of the police with 'is', a sanction with 'krijgt', keeping the image with
# 'heeft ... nog', an id by its form), not by a phrase of a corpus.
@pytest.mark.parametrize(("text", "category"), [
    ("Volgens de buurvrouw is de jongen gisteren voorgeleid.", "legal-term"),
    ("Twee meiden uit de brugklas krijgen een officiële waarschuwing.", "speculation"),
    ("Mijn nichtje heeft het filmpje nog op haar laptop staan.", "evidence"),
    ("Je ziet haar gele zwempak en de handdoek van de vereniging.", "image-detail"),
    ("Ze is ook deels zelf verantwoordelijk, vindt de trainer.", "blame"),
    ("De vader, Goran, werkt op het bouwbedrijf van zijn zwager.", "relation"),
    ("Zaaknummer jeugdzorg JZ-2025-88412 hoort bij de oudste.", "id-number"),
    ("Het IP-adres was 92.108.14.201, zegt de provider.", "id-number"),
    ("ZWEMLES-SCHANDAAL IN DE POLDER, kopte een site.", "sensational"),
])
def test_a_sentence_of_each_kind_is_found(text, category) -> None:
    from commgen.checks.run import make_checker

    findings = make_checker("parents-class").check(text)
    assert any(f.category == category and f.severity == "error" for f in findings), findings


# Clean sentences that looked like a problem, allowed by what they are: a rule for everyone's
# age, the law in general, a help site that offers explanations, a fairy tale, a negation.
@pytest.mark.parametrize("text", [
    "De leeftijdsgrens voor WhatsApp is zestien jaar.",
    "Jongeren onder de twaalf kunnen in Nederland niet strafrechtelijk worden vervolgd.",
    "Op veiliginternetten.nl staat hoe u ouderlijk toezicht instelt.",
    "In de klas lezen we het verhaal van Roodkapje.",
    "Wie onder druk een beeld stuurt, is nooit medeschuldig.",
    "Stuur het nooit door, ook niet om het aan de mentor te laten zien.",
    "Sextortion komt vaker voor dan veel ouders denken.",
])
def test_a_clean_sentence_gives_no_error(text) -> None:
    from commgen.checks.run import make_checker

    findings = make_checker("parents-class").check(text)
    assert not [f for f in findings if f.severity == "error"], findings


def test_the_contact_persons_own_address_with_the_family_name_passes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found in a new-user trial: "m.jacobs@..." of the contact person Marloes Jacobs was a
    name finding ("jacobs") that held back five documents; someone else's address is not."""
    answers = write_answers(tmp_path, {"contact_email": "m.jacobs@hetbaken.example",
                                       "contact": {"name": "Marloes Jacobs",
                                                   "role": "zorgcoördinator"}})
    code, out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "uit"))
    assert code == 0, out + err
    letter = tmp_path / "brief.txt"
    letter.write_text("Mail gerust naar m.jacobs@hetbaken.example of naar "
                      "p.jansen@hetbaken.example.\n", encoding="utf-8")
    code, out, _err = run_cli(capsys, "check", "--answers", str(answers), "--format", "json",
                              str(letter))
    found = [(f["category"], f["text"]) for f in json.loads(out)["files"][0]["findings"]]
    assert found == [("email", "p.jansen@hetbaken.example")]
