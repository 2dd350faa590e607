"""Answers as people write them are understood; anything else gets a useful message."""

from __future__ import annotations

import datetime as dt

import pytest

from commgen.questions.types import (
    InvalidAnswer,
    Person,
    parse_date,
    parse_email,
    parse_paragraphs,
    parse_person,
    parse_phone,
    parse_time,
    parse_yesno,
)

TODAY = dt.date(2026, 11, 21)


@pytest.mark.parametrize("typed, expected", [
    ("21-11-2026", dt.date(2026, 11, 21)),
    ("21/11/2026", dt.date(2026, 11, 21)),
    ("21.11.26", dt.date(2026, 11, 21)),
    ("2026-11-21", dt.date(2026, 11, 21)),
    ("21 november 2026", dt.date(2026, 11, 21)),
    ("21 November", dt.date(2026, 11, 21)),
    ("zaterdag 21 nov", dt.date(2026, 11, 21)),
    ("3 mrt 2027", dt.date(2027, 3, 3)),
    ("vandaag", TODAY),
    ("morgen", dt.date(2026, 11, 22)),
    (dt.date(2026, 1, 2), dt.date(2026, 1, 2)),
])
def test_dates(typed, expected) -> None:  # type: ignore[no-untyped-def]
    assert parse_date(typed, today=TODAY) == expected


@pytest.mark.parametrize("typed", ["31-02-2026", "gisteravond laat", "13-13-2026", "21 brumaire"])
def test_not_dates(typed: str) -> None:
    with pytest.raises(InvalidAnswer):
        parse_date(typed, today=TODAY)


@pytest.mark.parametrize("typed, raw, expected", [
    ("16:00", None, dt.time(16, 0)), ("9.30", None, dt.time(9, 30)),
    ("16 uur", None, dt.time(16, 0)), (960, "16:00", dt.time(16, 0)), (9, "9", dt.time(9, 0)),
])
def test_times(typed, raw, expected) -> None:  # type: ignore[no-untyped-def]
    assert parse_time(typed, raw) == expected


def test_not_a_time() -> None:
    with pytest.raises(InvalidAnswer):
        parse_time("25:00")


@pytest.mark.parametrize("typed, expected", [
    ("038 760 12 34", "038 760 1234"), ("0387601234", "038 760 1234"),
    ("+31 6 12345678", "06 12345678"), ("0800-2000", "0800 2000"),
    ("+32 2 512 34 56", "+32 2 512 34 56"),
])
def test_phone_numbers(typed: str, expected: str) -> None:
    assert parse_phone(typed) == expected


@pytest.mark.parametrize("typed", ["12", "06-123", "bel de school"])
def test_not_phone_numbers(typed: str) -> None:
    with pytest.raises(InvalidAnswer):
        parse_phone(typed)


def test_email() -> None:
    assert parse_email(" k.smit@Vlinderboom.nl ") == "k.smit@vlinderboom.nl"
    for wrong in ("k.smit", "a@@b.nl", "a@b"):
        with pytest.raises(InvalidAnswer):
            parse_email(wrong)


def test_yes_no() -> None:
    assert parse_yesno("ja") and parse_yesno(True) and parse_yesno("Yes")
    assert not parse_yesno("nee") and not parse_yesno(False)
    with pytest.raises(InvalidAnswer):
        parse_yesno("misschien")


def test_person() -> None:
    assert parse_person({"name": "Karin Smit", "role": "intern begeleider"}) == Person(
        "Karin Smit", "intern begeleider")
    assert parse_person({"naam": "Karin Smit", "functie": "ib'er"}) == Person("Karin Smit",
                                                                             "ib'er")
    assert parse_person("Karin Smit, intern begeleider") == Person("Karin Smit",
                                                                   "intern begeleider")
    for wrong in ("Karin Smit", {"name": "Karin"}, {"name": "K", "role": "r", "tel": "1"}):
        with pytest.raises(InvalidAnswer):
            parse_person(wrong)


def test_paragraphs() -> None:
    assert parse_paragraphs("Een.\n\n  \nTwee,\nregel.\r\n\r\nDrie.") == ["Een.", "Twee,\nregel.",
                                                                          "Drie."]
    assert parse_paragraphs(["Een.", "Twee.\n\nDrie."]) == ["Een.", "Twee.", "Drie."]
    assert parse_paragraphs("   ") == []


EMAILS = [
    "k.smit@vlinderboom.nl", "K.Smit@Vlinderboom.NL", "info@obs-de-vlinderboom.nl",
    "zorg+ouders@hetbaken.example", "a@b.co", "x_y-z@sub.domain.school.nl",
    "o'brien@school.ie", "a..b@school.nl", ".a@school.nl", "a.@school.nl", "a@-school.nl",
    "a@school-.nl", "a@school..nl", "a@school.n", "a@school.123", "a@localhost", "a@school.test",
    "a@school.local", "jörg@schule.de", "a@schüle.de", "a b@school.nl", "a@school.nl.",
    "a@[192.168.0.1]", '"a b"@school.nl', "a" * 65 + "@school.nl", "a@" + "b" * 64 + ".nl",
]


@pytest.mark.parametrize("address", EMAILS)
def test_email_fast_path_agrees_with_email_validator(address: str) -> None:
    from email_validator import EmailNotValidError, validate_email

    try:
        expected = validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError:
        expected = None
    try:
        ours = parse_email(address)
    except InvalidAnswer:
        ours = None
    assert ours == expected
