"""A document a school leader edited in Word is checked against its case (trial round 12):
police facts (F3), the school type's words (F9) and Helpwanted when nothing is online (F10).

End to end: generate a set from a sample with some answers changed, add sentences to the .docx
with python-docx as an editor would, run ``commgen check`` on it without ``--answers`` (the
document carries the case's choices in its properties, ``commgen.case``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import pytest

from commgen.app.generate import generate
from commgen.docx.props import read_custom_properties
from commgen.docx.reader import docx_text
from tests.conftest import TEMPLATES, WITHOUT_WIJKAGENT, run_cli, write_answers
from tests.goldentext import NOW

POLICE_SENTENCES = ("Wij hebben de politie om advies gevraagd.",
                    "De politie gaat de betrokken leerlingen verhoren.",
                    "Er is aangifte gedaan.",
                    "De politie onderzoekt de zaak.",
                    "Wij handelen in overleg met de wijkagent.")


def _set(tmp_path: Path, overrides: dict[str, Any], base: str = "vo-politie") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    folder = tmp_path / "set"
    path = write_answers(tmp_path, overrides, base=base)
    generate(path, folder, TEMPLATES, now=NOW)
    return folder


def _edited(source: Path, target: Path, sentences: tuple[str, ...]) -> Path:
    """``source`` with ``sentences`` added as paragraphs in its body, saved as ``target``."""
    document = docx.Document(str(source))
    anchor = [p for p in document.paragraphs if p.text.strip()][4]
    for sentence in sentences:
        anchor.insert_paragraph_before(sentence)
    document.save(str(target))
    return target


def _check(capsys: pytest.CaptureFixture[str], path: Path) -> list[dict[str, Any]]:
    _code, out, _err = run_cli(capsys, "check", "--json", str(path))
    return json.loads(out)["files"][0]["findings"]


def _about(findings: list[dict[str, Any]], sentence: str) -> list[dict[str, Any]]:
    return [f for f in findings if f["category"] == "consistency" and sentence in f["text"]]


# --- F3: police facts -----------------------------------------------------------------------

NO_POLICE = {"police": ["none"], "approvals": ["board", "family"], "reporting": ["helpwanted"],
             **WITHOUT_WIJKAGENT}
ADVICE_NOT_APPROVED = {"police": ["advice"], "approvals": ["board", "family"],
                       "reporting": ["helpwanted"], **WITHOUT_WIJKAGENT}
ADVICE_APPROVED = {"police": ["advice"], "approvals": ["board", "family", "police"],
                   "reporting": ["helpwanted"], **WITHOUT_WIJKAGENT}


@pytest.mark.parametrize("document", ["brief-ouders-klas", "persverklaring",
                                      "brief-ouders-andere-klassen"])
@pytest.mark.parametrize("answers", [NO_POLICE, ADVICE_NOT_APPROVED],
                         ids=["police-none", "advice-not-approved"])
def test_police_facts_added_to_a_public_text_are_errors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], document: str,
        answers: dict[str, Any]) -> None:
    folder = _set(tmp_path, answers)
    edited = _edited(folder / f"{document}.docx", tmp_path / "bewerkt.docx", POLICE_SENTENCES)
    findings = _check(capsys, edited)
    for sentence in POLICE_SENTENCES:
        found = _about(findings, sentence)
        assert found and all(f["severity"] == "error" for f in found), sentence
        if answers is NO_POLICE:
            assert "niet betrokken" in found[0]["message"]
            assert found[0]["suggestion"] == "Laat de zin weg."
        else:  # the templates' sentence while the police have not approved the text
            assert "goedgekeurd" in found[0]["message"]
            assert "deskundig adviseren" in found[0]["suggestion"]


def test_a_police_fact_must_match_the_answers_also_once_approved(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _set(tmp_path, ADVICE_APPROVED)
    letter = docx_text((folder / "brief-ouders-klas.docx").read_bytes())
    assert "We hebben de politie om advies gevraagd" in letter
    edited = _edited(folder / "brief-ouders-klas.docx", tmp_path / "b.docx", POLICE_SENTENCES)
    findings = _check(capsys, edited)
    assert not _about(findings, "om advies gevraagd")  # true, and approved
    for sentence in POLICE_SENTENCES[1:]:  # an interrogation, a report, an investigation...
        found = _about(findings, sentence)
        assert found and found[0]["severity"] == "error", sentence
        assert found[0]["suggestion"] == "De school heeft de politie om advies gevraagd."
    # the handout may say what the answers give, never more
    handout = _edited(folder / "handreiking-team.docx", tmp_path / "h.docx", POLICE_SENTENCES)
    findings = _check(capsys, handout)
    assert not _about(findings, "om advies gevraagd")
    assert _about(findings, "Er is aangifte gedaan.")


def test_the_handout_may_name_police_facts_the_answers_give_without_approval(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _set(tmp_path, {"police": ["report_family", "investigation"],
                             "approvals": ["board", "family"], **WITHOUT_WIJKAGENT})
    handout = _edited(folder / "handreiking-team.docx", tmp_path / "h.docx",
                      ("Er is aangifte gedaan.", "De politie onderzoekt de zaak.",
                       "De politie heeft de leerling om advies gevraagd of ze iets wil."))
    findings = _check(capsys, handout)
    assert not [f for f in findings if f["category"] == "consistency"]
    # a public letter of the same case carries no police fact in its properties
    props = read_custom_properties((folder / "brief-ouders-klas.docx").read_bytes())
    assert "police" not in json.loads(props["commgen.case"])
    assert "investigation" not in props["commgen.case"]


def test_general_police_advice_is_no_fact_of_the_case(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _set(tmp_path, NO_POLICE)
    edited = _edited(folder / "brief-ouders-klas.docx", tmp_path / "b.docx", (
        "Dreigt iemand uw kind met een beeld? Doe aangifte bij de politie.",
        "Als u zich zorgen maakt, kunt u altijd de wijkagent bellen.",
        "De politie is niet bij de aanpak betrokken.",
        "Bewaar of stuur het niet door, ook niet naar school; volg het advies van de politie."))
    findings = _check(capsys, edited)
    assert not [f for f in findings if f["category"] == "consistency"
                and "politie" in f["message"]]


# --- F9: the school type's words --------------------------------------------------------------

def test_the_other_school_types_words_are_warnings_with_the_right_word(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vo = _set(tmp_path / "vo", {})
    edited = _edited(vo / "brief-ouders-klas.docx", tmp_path / "vo.docx", (
        "Wij praten met de kinderen over wat er is gebeurd.",
        "De leerkracht en de intern begeleider zijn er voor iedereen.",
        "Praat met uw kind; ouders van jonge kinderen kunnen de Kindertelefoon bellen."))
    findings = _check(capsys, edited)
    words = {(f["text"], f["suggestion"]) for f in findings if "soort school" in f["message"]}
    assert all(f["severity"] == "warning" for f in findings if "soort school" in f["message"])
    assert {s for _t, s in words} == {
        'Schrijf "leerlingen": zo heet het op deze soort school.',
        'Schrijf "mentor": zo heet het op deze soort school.',
        'Schrijf "zorgcoördinator": zo heet het op deze soort school.'}
    assert not _about(findings, "jonge kinderen")
    po = _set(tmp_path / "po", {}, base="po-basisschool")
    edited = _edited(po / "brief-ouders-klas.docx", tmp_path / "po.docx", (
        "De mentor bespreekt het met de jongeren.", "De zorgcoördinator is bereikbaar.",
        "In de klas is erover gesproken."))
    findings = _check(capsys, edited)
    flagged = {f["message"].split("'")[1] for f in findings if "soort school" in f["message"]}
    assert flagged == {"mentor", "jongeren", "zorgcoördinator"}


# --- F10: Helpwanted when nothing is online ----------------------------------------------------

HELPWANTED_CASES = [  # (base, answers, online)
    ("po-basisschool", {"channel": []}, False),
    ("po-basisschool", {"channel": ["group_apps"]}, True),
    ("vo-politie", {"channel": [], "reporting": []}, False),
    ("vo-politie", {"channel": ["public_online"]}, True),
    ("vo-politie", {"channel": [], "reporting": ["helpwanted"]}, True),
    ("po-afpersing", {"channel": []}, False),  # sextortion: its advice keeps Helpwanted
    ("vo-stiekem-gefilmd", {}, True),
]


@pytest.mark.parametrize(("base", "answers", "online"), HELPWANTED_CASES)
def test_helpwanted_follows_whether_anything_is_online(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], base: str,
        answers: dict[str, Any], online: bool) -> None:
    folder = _set(tmp_path, answers, base=base)
    for path in folder.glob("*.docx"):
        text = docx_text(path.read_bytes())
        lines = [line for line in text.splitlines() if "Helpwanted" in line
                 and not any(w in line.casefold() for w in ("afpers", "dreig", "sextortion",
                                                             "als het openbaar online"))]
        if not online:
            assert not lines, (path.name, lines)
    letter = docx_text((folder / "brief-ouders-klas.docx").read_bytes())
    assert ("verwijderen van beelden" in letter) is online
    if base == "po-afpersing":
        assert "Helpwanted" in letter  # the extortion advice and its help resource stay
    edited = _edited(folder / "brief-ouders-klas.docx", tmp_path / "b.docx", (
        "Helpwanted helpt ons om het beeld van internet te laten verwijderen.",))
    found = [f for f in _check(capsys, edited) if "nergens verstuurd" in f["message"]]
    assert bool(found) is not online
    assert all(f["severity"] == "warning" for f in found)


def test_the_schools_own_role_for_its_contact_person_is_no_wrong_word(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A primary school may call its contact person "zorgcoördinator": that is its own answer,
    not a slip; a sentence of a secondary school's text ("Mentoren ...") still is."""
    folder = _set(tmp_path, {"school_type": "po", "audiences": ["parents_class", "staff"]})
    letter = folder / "brief-ouders-klas.docx"
    assert "zorgcoördinator" in docx_text(letter.read_bytes())
    findings = _check(capsys, letter)
    flagged = [f for f in findings if "soort school" in f["message"]]
    assert flagged and all("Mentoren" in f["text"] for f in flagged), flagged


def test_the_class_the_family_agreed_to_name_passes_only_in_its_own_letter(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """commgen's own letter to the class's parents names the class the family agreed to name:
    no error in ``commgen check`` without ``--answers``; in another document it still is."""
    folder = _set(tmp_path, {}, base="po-basisschool")
    letter = folder / "brief-ouders-klas.docx"
    assert "groep 7b" in docx_text(letter.read_bytes())
    assert not [f for f in _check(capsys, letter) if f["category"] == "group"]
    handout = _edited(folder / "handreiking-team.docx", tmp_path / "h.docx",
                      ("Het gaat om groep 7b.",))
    assert [f for f in _check(capsys, handout) if f["category"] == "group"]


@pytest.mark.parametrize("approvals, told", [
    (["board", "family", "police"], True),
    (["board", "police"], False),
])
def test_the_parent_letters_reveal_extortion_only_with_the_familys_approval(
        tmp_path: Path, approvals: list[str], told: bool) -> None:
    # the help resource for extortion said so in every parent letter, approval or not
    folder = _set(tmp_path, {"approvals": approvals}, base="po-afpersing")
    for name in ("brief-ouders-klas.docx", "brief-ouders-andere-klassen.docx"):
        path = folder / name
        if not path.exists():
            continue
        text = docx_text(path.read_bytes()).casefold()
        assert any(w in text for w in ("afpers", "sextortion")) is told, (name, approvals)
    handout = next(folder.glob("*handreiking*.docx"), None) or next(folder.glob("*docent*"))
    assert "sextortion" in docx_text(handout.read_bytes()).casefold()
