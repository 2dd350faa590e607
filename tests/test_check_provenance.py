"""``commgen check`` on what another school wrote and on commgen's own plain-text twins
(trial-check10): a finding that may be the school's own name, contact person or details says
how to allow it, and the .txt that commgen writes beside a document passes as the document
does, saying where its school details come from."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import run_cli, write_answers


def _check(capsys, tmp_path: Path, text: str, *options: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    path = tmp_path / "brief.txt"
    path.write_text(text, encoding="utf-8")
    code, out, _err = run_cli(capsys, "check", *options, str(path))
    return code, out


def test_a_contact_person_of_an_unknown_school_is_told_how_to_allow_them(
        tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    text = ("Met vragen kunt u terecht bij Ilse Verhoeven, teamleider onderbouw.\n"
            "Voor de pers: Ruud Haverkamp.\n")
    code, out = _check(capsys, tmp_path, text)
    assert code == 1 and "[name]" in out
    assert "Is dit de contactpersoon of de woordvoerder? Gebruik --answers" in out
    answers = write_answers(tmp_path, {
        "contact": {"name": "Ilse Verhoeven", "role": "teamleider onderbouw",
                    "phone": "033 494 21 75", "email": "i.verhoeven@dewiekslag.nl"},
        "spokesperson": {"name": "Ruud Haverkamp", "role": "woordvoerder",
                         "phone": "033 494 21 70", "email": "pers@dewiekslag.nl"}})
    code, out = _check(capsys, tmp_path, text, "--answers", str(answers))
    assert "Ilse Verhoeven" not in out and "Ruud Haverkamp" not in out, out


def test_with_only_a_school_profile_a_contacts_phone_says_to_give_the_answers(
        tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out = _check(capsys, tmp_path, "Bel de mentor gerust: 06 41 22 87 90.\n",
                       "--school", "hetbaken")
    assert code == 1 and "[phone]" in out
    assert "Is dit van de contactpersoon of de woordvoerder? Gebruik --answers" in out
    assert "--answers of --school" not in out  # the school's own details are known


def test_a_pupils_name_with_the_answers_given_gets_no_contact_hint(
        tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    answers = write_answers(tmp_path, {})
    code, out = _check(capsys, tmp_path, "Gisteren was Jesse niet op school.\n",
                       "--answers", str(answers))
    assert code == 1 and "[name]" in out
    assert "Gebruik --answers" not in out


def test_commgens_own_text_twin_passes_as_its_document_does(
        tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    answers = write_answers(tmp_path, {})
    out_dir = tmp_path / "out"
    code, out, _err = run_cli(capsys, "generate", str(answers), "--out", str(out_dir))
    assert code == 0, out
    texts = sorted(out_dir.glob("*.txt"))
    assert texts
    for text in texts:
        code, out, _err = run_cli(capsys, "check", str(text))
        assert code == 0, (text.name, out)
        assert f"{text}: de gegevens en contactpersonen van de school zijn die commgen " \
               f"vastlegde in {text.with_suffix('.docx')}" in out, out
    # moved away from its document, the text is one of unknown origin again
    alone = tmp_path / "alone"
    alone.mkdir()
    moved = shutil.copy(texts[0], alone / texts[0].name)
    code, out, _err = run_cli(capsys, "check", str(moved))
    assert "vastlegde" not in out


def test_json_text_is_the_passage_at_the_offsets_with_guarded_names_masked(
        tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """trial-check10 F7: a gender finding's JSON ``text`` was its whole sentence while its
    offsets held one word; a tool highlighting by offsets and showing ``text`` disagreed."""
    import json

    path = tmp_path / "brief.txt"
    text = ("Een jongen uit de derde klas heeft het beeld als eerste doorgestuurd.\n"
            "Sanne en haar moeder zijn geschrokken.\n")
    path.write_text(text, encoding="utf-8")
    guard = tmp_path / "namen.txt"
    guard.write_text("Sanne\n", encoding="utf-8")
    code, out, _err = run_cli(capsys, "check", "--format", "json", "--guard-file", str(guard),
                              "--audience", "parents-class", str(path))
    assert code == 1
    findings = json.loads(out)["files"][0]["findings"]
    assert findings and any(f["category"] == "consistency" for f in findings), findings
    for finding in findings:
        passage = text[finding["start"]:finding["end"]]
        assert finding["text"] == passage.replace("Sanne", "•••"), finding
    assert "Sanne" not in out


def test_a_broken_document_beside_a_text_is_no_twin(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "brief.docx").write_bytes(b"not a zip")
    code, out = _check(capsys, tmp_path, "Met vriendelijke groet.\n")
    assert code == 0 and "vastlegde" not in out, out


def test_a_suggestion_is_offered_only_where_it_makes_a_whole_sentence(
        tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """trial-check10 F6: 'Beter: een leerling' for 'leerling van 13' gave 'een een leerling
    jaar', 'een seksueel getint beeld' for a place gave no Dutch: such a finding says to write
    the sentence anew; a suggestion that fits is still offered."""
    text = ("Het gaat om een leerling van 13 jaar die erg geschrokken is.\n"
            "Op de foto is zij in haar ondergoed te zien in een badkamer.\n"
            "Het beeld ging rond in klas 2C.\n")
    code, out = _check(capsys, tmp_path, text)
    assert code == 1
    assert "Beter: een leerling\n" not in out and "Beter: een seksueel getint beeld" not in out
    assert "Schrijf deze zin opnieuw, zonder 'leerling van 13'." in out
    assert "Schrijf deze zin opnieuw, zonder 'in haar ondergoed'." in out
    assert "Beter: een klas van onze school" in out


def test_a_finding_of_a_whole_sentence_gets_no_words_in_its_place(
        tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A finding that marks its whole sentence (the trained check's) is not told to write the
    sentence anew without itself, nor offered a noun phrase for the sentence."""
    from commgen.app.commands.check import fitted_to_lines
    from commgen.checks.findings import Finding
    from commgen.checks.load import checker_from_files

    text = "Eerste zin.\nDeze week is er onrust ontstaan op school.\n"
    start = text.index("Deze")
    end = text.index("\n", start)
    finding = Finding("sensational", "warning", start, end, text[start:end], "Rustig.",
                      "het beeld", "model")
    sentence = Finding("speculation", "error", start, end, text[start:end], "Niet gissen.",
                       "Dat wordt uitgezocht.", "model")
    done = fitted_to_lines(checker_from_files(), text, [finding, sentence], None)
    assert done[0].suggestion is None and done[0].message == "Rustig."
    assert done[1] == sentence


def test_a_school_named_after_a_word_that_begins_the_sentence(
        tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """trial-check10 F4: "Op Basisschool" was taken for the name and "De Regenboog" left out,
    so the school's own name could not be allowed and the suggestion broke the sentence."""
    text = ("Op Basisschool De Regenboog is deze week onrust ontstaan.\n"
            "In Lyceum Zuidwest is het rustig.\n"
            "Op Het Baken College praten we erover.\n"
            "Het College van Bestuur is ingelicht.\n")
    _code, out = _check(capsys, tmp_path, text)
    named = [line.split("“")[1].split("”")[0] for line in out.splitlines() if "[group]" in line]
    assert named == ["Basisschool De Regenboog", "Lyceum Zuidwest", "Het Baken College"], out
    _code, out = _check(capsys, tmp_path, text, "--school", "hetbaken")
    assert "Het Baken College" not in out, out
