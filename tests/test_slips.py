"""The smaller slips: a name typed with its role, no staff mobile on the website, no report
date after today, weekday names as dates, plural forms through ngettext."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from commgen.app.generate import generate
from commgen.app.prompts import _ask_person
from commgen.docx.reader import docx_text
from commgen.foundation.i18n import set_language
from commgen.questions.conditions import parse_answer
from commgen.questions.guard import GuardedNames
from commgen.questions.types import InvalidAnswer, display, parse_date
from tests.conftest import TEMPLATES, sample_data, write_answers
from tests.goldentext import NOW


def test_name_and_role_typed_at_the_name_prompt_are_split(catalog) -> None:  # type: ignore[no-untyped-def]
    with CliRunner().isolation(input="Karin Smit, intern begeleider\n"):
        person = _ask_person(catalog.by_id["contact"], None)
    assert (person.name, person.role) == ("Karin Smit", "intern begeleider")
    assert str(person) == "Karin Smit, intern begeleider"


def test_a_name_without_a_role_still_asks_the_role(catalog) -> None:  # type: ignore[no-untyped-def]
    with CliRunner().isolation(input="Karin Smit\nmentor\n"):
        person = _ask_person(catalog.by_id["contact"], None)
    assert (person.name, person.role) == ("Karin Smit", "mentor")


def test_the_website_gives_the_school_number_not_the_spokesperson_mobile(tmp_path: Path) -> None:
    mobile = "06 12 34 56 78"
    path = write_answers(tmp_path, {"spokesperson_phone": mobile,
                                    "audiences": ["parents_class", "staff", "press", "online"]})
    result = generate(path, tmp_path / "out", TEMPLATES, now=NOW)
    texts = {w.path.stem: docx_text(w.path.read_bytes()) for w in result.written
             if w.path.suffix == ".docx"}
    website = texts["communicatiestatement-website"].replace(" ", "")
    assert "0612345678" not in website
    general = sample_data()["school_phone"].replace(" ", "")
    assert f"via{general}" in website  # the general number instead
    assert "0612345678" in texts["persverklaring"].replace(" ", "")  # for journalists


def test_the_website_may_carry_the_numbers_when_the_answers_say_so(tmp_path: Path) -> None:
    mobile = "06 12 34 56 78"
    path = write_answers(tmp_path, {"spokesperson_phone": mobile, "phones_public": True,
                                    "audiences": ["parents_class", "staff", "press", "online"]})
    result = generate(path, tmp_path / "out", TEMPLATES, now=NOW)
    website = next(docx_text(w.path.read_bytes()) for w in result.written
                   if w.path.name == "communicatiestatement-website.docx")
    assert "0612345678" in website.replace(" ", "")


def test_a_report_date_after_today_is_refused(catalog) -> None:  # type: ignore[no-untyped-def]
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(InvalidAnswer) as info:
        parse_answer(catalog.by_id["reported_date"], tomorrow.isoformat())
    assert "vandaag" in str(info.value)
    assert parse_answer(catalog.by_id["reported_date"], "vandaag") == dt.date.today()
    # the next update may lie ahead
    assert parse_answer(catalog.by_id["next_update_date"], "morgen") == tomorrow


def test_weekday_names_are_dates() -> None:
    wednesday = dt.date(2026, 11, 25)
    assert parse_date("maandag", today=wednesday) == dt.date(2026, 11, 30)
    assert parse_date("maandag", today=wednesday, past=True) == dt.date(2026, 11, 23)
    assert parse_date("woensdag", today=wednesday) == wednesday
    assert parse_date("afgelopen vrijdag", today=wednesday) == dt.date(2026, 11, 20)
    assert parse_date("volgende dinsdag", today=wednesday, past=True) == dt.date(2026, 12, 1)
    assert parse_date("Overmorgen", today=wednesday) == dt.date(2026, 11, 27)
    with pytest.raises(InvalidAnswer):
        parse_date("ooit maandag", today=wednesday)


def test_the_reported_weekday_is_the_last_one(catalog) -> None:  # type: ignore[no-untyped-def]
    day = parse_answer(catalog.by_id["reported_date"], "maandag")
    assert day.weekday() == 0 and day <= dt.date.today()


def test_plural_forms(catalog) -> None:  # type: ignore[no-untyped-def]
    set_language("nl")
    para = catalog.by_id["situation_extra"]
    assert display(para, ["Een.", "Twee."]).endswith("(+1 alinea)")
    assert display(para, ["Een.", "Twee.", "Drie."]).endswith("(+2 alinea's)")
    names = catalog.by_id["involved_pupils"]
    assert display(names, GuardedNames("0" * 16, ["0" * 64], 1)) == "1 naam, niet getoond"
    assert display(names, GuardedNames("0" * 16, ["0" * 64] * 2, 2)) == "2 namen, niet getoond"
