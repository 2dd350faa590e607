"""The real `commgen new` in a pseudo-terminal, typed into as a person would."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from commgen.app.generate import generate
from commgen.docx.reader import docx_text
from tests.conftest import ROOT, TEMPLATES
from tests.test_interview import ANSWERS

pexpect = pytest.importorskip("pexpect", reason="pexpect is installed with .[test] (POSIX)")

# The text of each question as the interview shows it, to wait for before typing.
PROMPTS = {
    "school_name": "Naam van de school", "school_place": "Plaats van de school",
    "school_type": "Soort school", "reported_date": "Op welke dag hoorde",
    "pupil_visible": "Is er een leerling", "involved_pupils": "Typ de namen",
    "material": "Om wat voor beeld", "origin": "Hoe is het beeld ontstaan",
    "channel": "Via welke kanalen", "spread": "Hoe ver is het beeld",
    "situation_extra": "Wat speelt er?\"", "view_extra": "Wat vindt de school?\"",
    "police": "Is de politie betrokken", "reporting": "Waar is het beeld gemeld",
    "actions": "Wat heeft de school al gedaan", "actions_extra": "Wat doet de school?\"",
    "why_extra": "aan \"Waarom?\"", "contact": "Contactpersoon voor ouders",
    "contact_phone": "Telefoonnummer van de contactpersoon",
    "contact_email": "E-mailadres van de contactpersoon", "spokesperson": "Woordvoerder voor",
    "spokesperson_phone": "Telefoonnummer van de woordvoerder",
    "spokesperson_email": "E-mailadres van de woordvoerder",
    "statement_version": "Versie van dit statement", "statement_date": "Datum van deze versie",
    "statement_time": "Tijd van deze versie", "approvals": "goedgekeurd?",
    "media": "aandacht van de media", "audiences": "Wie krijgt een bericht",
    "next_update_date": "Dag van de volgende update",
    "next_update_time": "Tijd van de volgende update", "not_said_extra": "verder niet?",
    "school_address": "Adres van de school", "school_postcode": "Postcode van de school",
    "school_phone": "Algemeen telefoonnummer", "school_email": "Algemeen e-mailadres",
    "school_website": "Website van de school", "school_logo": "Logo van de school",
    "signatory": "ondertekent de brieven", "unrest": "ook onrust buiten",
    "class_named": "Mag de brief aan de ouders", "send_channel": "Hoe gaan de brieven",
    "team_support": "terecht voor steun", "pupil_approach": "problematiseren of normaliseren",
    "teachers_extra": "alleen het team",
}


def test_real_terminal_interview(tmp_path: Path) -> None:
    env = {**os.environ, "COMMGEN_LANG": "nl", "PYTHONPATH": str(ROOT), "TERM": "dumb",
           "EDITOR": "false", "VISUAL": "false"}
    child = pexpect.spawn(sys.executable, ["-m", "commgen", "new", "--out", str(tmp_path)],
                          env=env, encoding="utf-8", timeout=30, dimensions=(50, 120))
    try:
        for qid, lines in ANSWERS:
            if qid == "pupil_elsewhere":  # not asked: a pupil of the school is visible
                continue
            child.expect_exact(PROMPTS[qid])
            for line in lines:
                child.expect_exact([":", ">", "›"])
                child.sendline(line)
        child.expect_exact("Controleer uw antwoorden")
        child.expect_exact("Nummer om te wijzigen")
        child.sendline("m")
        child.expect_exact("Geschreven:")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    made = tmp_path / "communicatiestatement.docx"
    again = generate(tmp_path / "antwoorden.yaml", tmp_path / "again", TEMPLATES).written[0].path
    assert docx_text(made.read_bytes()) == docx_text(again.read_bytes())
    assert "Sanne" not in (tmp_path / "antwoorden.yaml").read_text(encoding="utf-8")
