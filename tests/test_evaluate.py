"""``commgen evaluate``: the evaluation record for the ZAT meeting, prefilled from the history,
with the protocol's questions and an aftercare plan that is also an .ics calendar file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_update import docx_text, three_versions


def test_evaluation_record_and_calendar(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from icalendar import Calendar

    answers = three_versions(tmp_path, capsys,
                             {"reported_date": "2026-11-30", "spread": ["several_classes",
                                                                        "other_schools"]})
    case_files = sorted(p.name for p in tmp_path.glob("*.docx"))
    code, out, err = run_cli(capsys, "evaluate", str(answers))
    assert code == 0, err
    text = docx_text(tmp_path / "evaluatie-zat.docx")
    for n in (1, 2, 3):
        assert f"Versie {n} · " in text
    assert "versie 3: Aanvulling op de persverklaring, aan pers en website" in text
    assert "Goedgekeurd door: schoolbestuur, de leerling en de ouders, politie" in text
    for title in ("Met de leerling en de ouders", "Met de mentoren en andere medewerkers",
                  "Met de andere school", "Het ZAT-overleg: wat ging goed, wat kon beter?",
                  "Preventie", "Verwerken in het protocol: output is input"):
        assert title in text
    assert "Wat ging goed in de aanpak en in de communicatie?" in text
    assert "Met de leerlingen die het beeld zagen" not in text  # a pupil is in the image
    assert "7 december 2026 (na een week)" in text
    assert "11 januari 2027 (na zes weken)" in text
    # 30 November + 3 months is Sunday 28 February: the talk is planned on the Monday after
    assert "1 maart 2027 (na drie maanden)" in text
    assert "zorgcoördinator" in text
    assert "7 december 2026" in out

    calendar = Calendar.from_ical((tmp_path / "nazorg.ics").read_bytes())
    events = calendar.walk("VEVENT")
    starts = [e.decoded("dtstart") for e in events]
    assert starts == [dt.date(2026, 12, 7), dt.date(2027, 1, 11), dt.date(2027, 3, 1)]
    assert all(not isinstance(s, dt.datetime) for s in starts)  # all-day events
    assert [e.decoded("dtend") - e.decoded("dtstart") for e in events] == [dt.timedelta(1)] * 3
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == 3
    ics = (tmp_path / "nazorg.ics").read_text(encoding="utf-8")
    assert "Nazorg: Eerste nazorgmoment" in ics
    for name in ("Samira", "Peter"):  # no person's name, only roles
        assert name not in ics

    # Again: the same UIDs; the case's documents are not moved into vorige/.
    code, _out, err = run_cli(capsys, "evaluate", str(answers))
    assert code == 0, err
    again = Calendar.from_ical((tmp_path / "nazorg.ics").read_bytes())
    assert [str(e["uid"]) for e in again.walk("VEVENT")] == uids
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == sorted(
        [*case_files, "evaluatie-zat.docx"])


def test_no_pupil_in_the_image_other_questions(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import write_answers

    answers = write_answers(tmp_path, base="po-geen-leerling-zichtbaar")
    out_dir = tmp_path / "evaluatie"
    code, _out, err = run_cli(capsys, "evaluate", str(answers), "--out", str(out_dir))
    assert code == 0, err
    text = docx_text(out_dir / "evaluatie-zat.docx")
    assert "Met de leerlingen die het beeld zagen of kregen" in text
    assert "Met de leerling en de ouders" not in text
    assert "intern begeleider" in text and "zorgcoördinator" not in text  # primary school
    assert "Versie 1 · " in text


def test_bad_evaluation_data_is_a_clear_message(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    from tests.conftest import SAMPLES, TEMPLATES, write_answers

    templates = tmp_path / "set"
    shutil.copytree(TEMPLATES, templates / "templates")
    shutil.copytree(TEMPLATES.parent / "snippets", templates / "snippets")
    data = templates / "snippets" / "nl" / "evaluatie.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("na: {weken: 6}",
                                                             "na: {jaren: 6}"),
                    encoding="utf-8")
    answers = write_answers(tmp_path)
    assert SAMPLES.exists()
    code, _out, err = run_cli(capsys, "evaluate", str(answers), "--out", str(tmp_path / "e"),
                              "--templates", str(templates / "templates"))
    assert code != 0
    assert "Traceback" not in err
    assert "evaluatie.yaml, regel" in err and "nazorg[2]" in err


def test_aftercare_falls_on_a_working_day() -> None:
    from commgen.app.evaluation import working_day

    assert working_day(dt.date(2026, 12, 7)) == dt.date(2026, 12, 7)  # a Monday stays
    assert working_day(dt.date(2027, 1, 1)) == dt.date(2027, 1, 4)  # New Year, then a weekend
    assert working_day(dt.date(2026, 12, 25)) == dt.date(2026, 12, 28)  # Christmas, weekend
    assert working_day(dt.date(2027, 4, 27)) == dt.date(2027, 4, 28)  # King's Day
