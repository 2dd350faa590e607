"""A case through five versions, across all audiences: the first statement; a police
investigation with the police's approval; material at another school (and from then on a
letter to the other classes); the media published; the parents' evening moved. For each
audience: the letters it got, their numbers, every new fact, no sentence it had before, no
letter to an audience that never got a document; the timeline and the evaluation record list
all five versions. What each audience got is read back from the version folders
(``versies/versie-N``), by the files the history records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from commgen.foundation.formatting import DateText
from tests.conftest import WITHOUT_WIJKAGENT, run_cli, write_answers
from tests.test_update import docx_sentences, docx_text, history, update
from tests.test_update_trial import _school_day

EVENING, MOVED = _school_day(12), _school_day(19)
FIRST = {"police": ["advice"], "approvals": ["board", "family"], "media": "none",
         "reporting": [], "spread": ["one_class"], "unrest": False, "statement_version": "1",
         "next_update_date": _school_day(1), "evening_date": EVENING, **WITHOUT_WIJKAGENT}
STEPS = [
    ("police=[advice, investigation]", "approvals=[board, family, police]",
     "approved_by=directeur en bestuurder"),
    ("spread=[one_class, other_schools]", "letter_other_classes=letter"),
    ("media=published",),
    (f"evening_date={MOVED}",),
]
LETTER = {"internal": "update-communicatiestatement", "parents-class": "update-ouders-klas",
          "parents-other": "update-ouders-andere-klassen", "press": "update-pers",
          "teachers": "update-team"}
# audience -> version -> the facts its update letter of that version must say
MOVED_TEXT = "De ouderavond is verzet naar " + DateText(dt.date.fromisoformat(MOVED),
                                                      "nl").weekday
FACTS = {
    "internal": {
        2: ["De politie is inmiddels een onderzoek gestart.",
            "De politie heeft de tekst inmiddels goedgekeurd."],
        3: ["Het beeld blijkt inmiddels ook buiten onze school te zijn gedeeld",
            "krijgen vanaf deze versie ook een brief."],
        4: ["Inmiddels is er over de school bericht in de media of op sociale media."],
        5: [MOVED_TEXT]},
    "parents-class": {
        2: ["De politie is inmiddels een onderzoek gestart.",
            "Wij kunnen u nu ook vertellen dat wij de politie om advies hebben gevraagd."],
        3: ["Het beeld blijkt inmiddels ook buiten onze school te zijn gedeeld."],
        4: ["Sinds ons vorige bericht zijn er berichten over de school verschenen"],
        5: [MOVED_TEXT]},
    "parents-other": {  # its first letter came with version 3
        4: ["Sinds ons vorige bericht zijn er berichten over de school verschenen"],
        5: [MOVED_TEXT]},
    "press": {
        2: ["De politie is inmiddels een onderzoek gestart.",
            "De school kan nu ook melden dat zij de politie om advies heeft gevraagd."],
        3: ["Het beeld blijkt inmiddels ook buiten de school te zijn gedeeld."],
        4: ["Inmiddels zijn er berichten over de school verschenen in de media"]},
    "teachers": {
        2: ["De politie is inmiddels een onderzoek gestart."],
        3: ["Het beeld blijkt inmiddels ook buiten onze school te zijn gedeeld."],
        4: ["Inmiddels is er over de school bericht in de media of op sociale media."]},
}
NUMBERED = {"internal": "Update {n} van het communicatiestatement",
            "parents-class": "Betreft: update {n} over",
            "parents-other": "Betreft: update {n} over",
            "press": "Dit is de {ordinal} aanvulling op de verklaring",
            "teachers": "Update {n} voor het team"}


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("vijf-versies")
    answers = write_answers(folder, FIRST, drop=("letter_other_classes",))
    capsys = _Quiet()
    code, _out, err = run_cli(capsys, "generate", str(answers), "--out", str(folder))  # type: ignore[arg-type]
    assert code == 0, err
    for number, step in enumerate(STEPS, 2):
        args = [item for setting in step for item in ("--set", setting)]
        update(capsys, answers, *args, "--set",  # type: ignore[arg-type]
               f"next_update_date={_school_day(number)}")
    return folder, answers


class _Quiet:
    """run_cli's capsys for a module fixture: the output is not looked at here."""

    def readouterr(self):  # type: ignore[no-untyped-def]
        class _Out:
            out = err = ""
        return _Out()


def received(folder: Path, answers: Path) -> dict[str, list[tuple[int, str, Path]]]:
    """audience -> (version, document, the file it got, from the version's folder)."""
    result: dict[str, list[tuple[int, str, Path]]] = {}
    for version in history(answers):
        for sent in version["sent"]:
            kept = folder / "versies" / f"versie-{version['version']}" / sent["file"]
            assert kept.exists(), kept
            result.setdefault(sent["audience"], []).append(
                (version["version"], sent["document"], kept))
    return result


@pytest.mark.parametrize("audience", list(LETTER))
def test_each_audience_over_five_versions(case: tuple[Path, Path], audience: str) -> None:
    folder, answers = case
    got = received(folder, answers)[audience]
    letters = [(v, path) for v, doc, path in got if doc.startswith("update-")]
    # the letters it got: one for every version whose facts concern it, none before its first
    assert [v for v, _p in letters] == sorted(FACTS[audience]), letters
    first = min(v for v, doc, _p in got if not doc.startswith("update-"))
    assert all(v > first for v, _p in letters)
    said: set[str] = set()
    for version, _doc, path in sorted(got, key=lambda item: item[0]):
        if path.suffix != ".docx":
            continue
        if path.name.startswith("update-"):
            number = [v for v, _p in letters].index(version) + 1
            text = docx_text(path)
            ordinal = ("eerste", "tweede", "derde", "vierde", "vijfde")[number - 1]
            assert NUMBERED[audience].format(n=number, ordinal=ordinal) in text, (version, text)
            for fact in FACTS[audience][version]:
                assert fact in text, (audience, version, fact)
            repeated = docx_sentences(path) & said
            assert not repeated, (audience, version, repeated)
        said |= docx_sentences(path)


def test_no_letter_to_an_audience_that_never_got_a_document(case: tuple[Path, Path]) -> None:
    folder, answers = case
    for version in history(answers)[:3]:  # the other classes got their first letter in v3
        documents = {s["document"] for s in version["sent"] if s["audience"] == "parents-other"}
        assert LETTER["parents-other"] not in documents
        assert not (folder / "versies" / f"versie-{version['version']}" /
                    f"{LETTER['parents-other']}.docx").exists()
    third = {s["document"] for s in history(answers)[2]["sent"]
             if s["audience"] == "parents-other"}
    assert {"brief-ouders-andere-klassen", "uitnodiging-ouderavond"} <= third
    # the press heard nothing of the evening's day, so nothing of its move
    assert not (folder / "versies" / "versie-5" / "update-pers.docx").exists()


def test_press_line_agrees_with_itself(case: tuple[Path, Path]) -> None:
    folder, _answers = case
    first = docx_text(folder / "versies" / "versie-1" / "persverklaring.docx")
    assert "beperkt gedeeld" in first
    for number in (3, 4, 5):
        text = docx_text(folder / "versies" / f"versie-{number}" / "persverklaring.docx")
        assert "buiten de school" in text and "beperkt gedeeld" not in text


def test_timeline_and_evaluation_list_all_five(case: tuple[Path, Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder, answers = case
    timeline = folder / "tijdlijn.docx"
    code, out, err = run_cli(capsys, "history", str(answers), "--docx", str(timeline))
    assert code == 0, err
    code, _o, err = run_cli(capsys, "evaluate", str(answers), "--out", str(folder / "eval"))
    assert code == 0, err
    record = docx_text(folder / "eval" / "evaluatie-zat.docx")
    for text in (out, docx_text(timeline), record):
        for n in range(1, 6):
            assert f"Versie {n} · " in text
        assert "Op welke dag is de ouderavond?" in text
        assert "versie 3: Brief aan de ouders van andere groepen of klassen" in text or (
            "versie 3: Brief aan ouders van andere" in text), text
