"""The contact person and the spokesperson of a school without a bundled profile (trial 12,
F13): the interview asks them, validated, when no profile gives them; a school's own profile
may give them (a school or a foundation that keeps them fixed), and then the documents carry
them without an answers file written by hand, and ``commgen check --school`` allows them."""

from __future__ import annotations

from pathlib import Path

import docx
import yaml

from commgen.docx.reader import docx_text
from tests.conftest import run_cli
from tests.test_interview import invoke, typed

PROFILED = ("school_name", "school_place", "school_type", "signatory")
CONTACTS = ("contact", "contact_phone", "contact_email", "spokesperson", "spokesperson_phone",
            "spokesperson_email")


def profile(folder: Path, contacts: bool) -> Path:
    """The profile of a school of the foundation that commgen does not bundle."""
    data: dict = {"name": "CBS De Regenboog", "type": "po", "place": "Deventer",
                  "head": {"name": "Anja Visser", "role": "directeur"}}
    if contacts:
        data.update({"contact": {"name": "Ilse Mulder", "role": "intern begeleider"},
                     "contact_phone": "0570 12 34 56",
                     "contact_email": "i.mulder@cbsderegenboog.nl",
                     "spokesperson": {"name": "Ruud Hendriks", "role": "bestuurder"},
                     "spokesperson_phone": "0570 65 43 21",
                     "spokesperson_email": "pers@stichting-ijsselscholen.nl"})
    path = folder / "regenboog.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def statement(folder: Path) -> str:
    return docx_text((folder / "communicatiestatement.docx").read_bytes())


def test_a_profile_without_contacts_the_interview_asks_them_validated(tmp_path: Path) -> None:
    school = profile(tmp_path, contacts=False)
    lines = typed({"contact": ["Ilse Mulder", "intern begeleider"],
                   "contact_phone": ["12345", "0570 12 34 56"],
                   "contact_email": ["i.mulder-at-regenboog", "i.mulder@cbsderegenboog.nl"],
                   "spokesperson": ["Ruud Hendriks, bestuurder"],
                   "spokesperson_phone": ["0570 65 43 21"]}, skip=PROFILED)
    out = tmp_path / "zaak"
    result = invoke(["new", "--school", str(school), "--out", str(out)], [*lines, "m"])
    assert result.exit_code == 0, result.output
    assert "geen geldig telefoonnummer" in result.output
    assert "geen geldig e-mailadres" in result.output
    text = statement(out)
    assert "Ilse Mulder, intern begeleider" in text and "0570 12 34 56" in text
    assert "i.mulder@cbsderegenboog.nl" in text and "Ruud Hendriks, bestuurder" in text


def test_a_profile_may_give_the_contact_person_and_the_spokesperson(tmp_path: Path) -> None:
    school = profile(tmp_path, contacts=True)
    out = tmp_path / "zaak"
    result = invoke(["new", "--school", str(school), "--out", str(out)],
                    [*typed(skip=PROFILED + CONTACTS), "m"])
    assert result.exit_code == 0, result.output
    assert "Contactpersoon voor ouders en medewerkers\n" not in result.output  # not asked
    text = statement(out)
    assert "Ilse Mulder, intern begeleider" in text and "0570 12 34 56" in text
    assert "Ruud Hendriks, bestuurder" in text and "0570 65 43 21" in text
    answers = (out / "antwoorden.yaml").read_text(encoding="utf-8")
    assert "school: ../regenboog.yaml" in answers and "Ilse Mulder" not in answers
    again = tmp_path / "opnieuw"  # generate from the answers file alone, as written
    code = invoke(["generate", str(out / "antwoorden.yaml"), "--out", str(again)], [])
    assert code.exit_code == 0, code.output
    assert "Ruud Hendriks, bestuurder" in statement(again)


def test_a_profile_with_a_wrong_contact_number_says_so(tmp_path: Path) -> None:
    school = profile(tmp_path, contacts=True)
    data = yaml.safe_load(school.read_text(encoding="utf-8"))
    data["contact_phone"] = "12345"
    school.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = invoke(["new", "--school", str(school), "--out", str(tmp_path / "zaak")], [])
    assert result.exit_code != 0
    message = f"{result.exception}{result.output}"
    assert "contact_phone" in message and "geen geldig telefoonnummer" in message, message


def test_check_with_the_profile_allows_its_contacts_only(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    school = profile(tmp_path, contacts=True)
    letter = docx.Document()
    letter.add_paragraph("Met vragen kunt u terecht bij Ilse Mulder, intern begeleider, via "
                         "0570 12 34 56 of i.mulder@cbsderegenboog.nl. Journalisten kunnen "
                         "terecht bij Ruud Hendriks, bestuurder, via 0570 65 43 21.")
    letter.add_paragraph("Mail niet naar sanne.devries@cbsderegenboog.nl.")
    path = tmp_path / "brief.docx"
    letter.save(str(path))
    _code, out, _err = run_cli(capsys, "check", "--school", str(school), str(path))
    for allowed in ("Ilse Mulder", "Ruud Hendriks", "0570 12 34 56", "0570 65 43 21",
                    "i.mulder@"):
        assert f"“{allowed}" not in out, out
    assert "sanne.devries@cbsderegenboog.nl" in out  # a contact's address is not a domain
