"""Answers as people write them are understood; anything else gets a useful message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from commgen.foundation.errors import CatalogError
from commgen.questions.catalog import load_catalog
from commgen.questions.guard import GuardedNames
from commgen.questions.model import Choice, Question
from commgen.questions.types import (
    TYPES,
    InvalidAnswer,
    Person,
    display,
    match_choice,
    parse_date,
    parse_email,
    parse_paragraphs,
    parse_person,
    parse_phone,
    parse_time,
    parse_yesno,
    to_yaml_value,
    type_of,
)
from tests.conftest import SAMPLES, mini_template_set

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


KINDS = [Choice("po", {"nl": "basisschool", "en": "primary school"}),
         Choice("vo", {"nl": "middelbare school", "en": "secondary school"})]
NAMES = GuardedNames.from_names(["Sam Jansen"])
# For every registered type: a value as written in an answers file, and what it becomes.
WRITTEN: dict[str, tuple[Any, Any]] = {
    "text": ("De Vlinderboom", "De Vlinderboom"),
    "paragraphs": ("Een.\n\nTwee.", ["Een.", "Twee."]),
    "choice": ("Primary School", "po"),
    "multichoice": (["vo", "BASISSCHOOL"], ["vo", "po"]),
    "yesno": ("ja", True),
    "date": ("21-11-2026", dt.date(2026, 11, 21)),
    "time": ("9.30", dt.time(9, 30)),
    "email": ("K.Smit@Vlinderboom.nl", "K.Smit@vlinderboom.nl"),
    "phone": ("0387601234", "038 760 1234"),
    "url": ("https://www.Vlinderboom.nl/", "www.vlinderboom.nl"),
    "person": ({"naam": "Karin Smit", "functie": "ib'er"}, Person("Karin Smit", "ib'er")),
    "names": (NAMES.as_yaml(), NAMES),
    "image": ("logo.png", Path("logo.png")),
}


def _question(kind: str, **extra: Any) -> Question:
    choices = tuple(KINDS) if kind in ("choice", "multichoice") else ()
    return Question(f"q_{kind}", kind, {"nl": "Vraag"}, {}, "main", choices=choices, **extra)


def test_every_type_has_a_class_and_a_sample_here() -> None:
    assert list(TYPES) == ["text", "paragraphs", "choice", "multichoice", "yesno", "date",
                           "time", "email", "phone", "url", "person", "names", "image"]
    assert set(WRITTEN) == set(TYPES)
    for name, kind in TYPES.items():
        assert kind.name == name and type_of(_question(name)) is kind


@pytest.mark.parametrize("kind", list(WRITTEN))
def test_every_type_parses_displays_and_round_trips(kind: str) -> None:
    question = _question(kind)
    written, expected = WRITTEN[kind]
    value = type_of(question).parse(question, written)
    assert value == expected
    shown = display(question, value)
    assert shown and shown != "—" and isinstance(shown, str)
    assert display(question, None) == "—"
    saved = yaml.safe_load(yaml.safe_dump({"a": to_yaml_value(question, value)}))["a"]
    assert type_of(question).parse(question, saved) == value
    for sample in type_of(question).samples(question):  # what conditions are tried with
        again = yaml.safe_load(yaml.safe_dump({"a": to_yaml_value(question, sample)}))["a"]
        assert type_of(question).parse(question, again) == sample


def test_the_review_screen_shows_answers_as_people_read_them() -> None:
    assert display(_question("choice"), "po") == "basisschool"
    assert display(_question("multichoice"), ["vo", "po"]) == "middelbare school, basisschool"
    assert display(_question("yesno"), False) == "nee"
    assert display(_question("date"), dt.date(2026, 11, 21)) == "21-11-2026"
    assert display(_question("time"), dt.time(9, 5)) == "09:05"
    assert display(_question("names"), NAMES) == "1 naam, niet getoond"
    assert display(_question("paragraphs"), ["x" * 80, "twee"]) == "x" * 70 + "… (+1 alinea)"
    assert display(_question("person"), Person("Karin Smit", "ib'er")) == "Karin Smit, ib'er"


def test_hints_and_what_enter_accepts() -> None:
    assert "21-11-2026" in type_of(_question("date")).hint(_question("date"))
    assert type_of(_question("text")).hint(_question("text")) == ""
    assert type_of(_question("choice")).default_text(_question("choice", default="vo"),
                                                      None) == "2"
    assert type_of(_question("multichoice")).default_text(_question("multichoice"),
                                                           ["po", "vo"]) == "1,2"
    assert type_of(_question("yesno")).default_text(_question("yesno", default=True),
                                                     None) == "ja"
    today = dt.date.today().strftime("%d-%m-%Y")
    assert type_of(_question("date")).default_text(_question("date", default="today"),
                                                    None) == today
    assert type_of(_question("date")).default_text(_question("date"),
                                                    dt.date(2026, 1, 2)) == "02-01-2026"
    assert type_of(_question("person")).default_text(_question("person"),
                                                      Person("A", "b")) is None
    assert type_of(_question("names")).default_text(_question("names"), NAMES) is None


def test_choices_by_value_label_or_number() -> None:
    question = _question("choice")
    assert match_choice(question, " Middelbare School ") == "vo"
    assert match_choice(question, "secondary school") == "vo"
    with pytest.raises(InvalidAnswer, match="po \\(basisschool\\), vo"):
        match_choice(question, "mbo")
    assert type_of(question).parse_typed(question, "2") == "vo"
    multi = _question("multichoice")
    assert type_of(multi).parse_typed(multi, "2 1") == ["vo", "po"]
    assert type_of(multi).parse_typed(multi, "vo, 1, vo") == ["vo", "po"]
    with pytest.raises(InvalidAnswer):
        type_of(multi).parse_typed(multi, "3")


def test_an_unanswered_multiple_choice_is_an_empty_list_to_conditions() -> None:
    assert type_of(_question("multichoice")).unanswered() == []
    assert all(kind.unanswered() is None for name, kind in TYPES.items() if name != "multichoice")


def test_an_image_counts_from_its_base(tmp_path: Path) -> None:
    question = _question("image")
    logo = next(SAMPLES.rglob("*.png"))
    assert type_of(question).parse(question, logo.name, base=logo.parent) == logo.resolve()
    with pytest.raises(InvalidAnswer):
        type_of(question).parse(question, "missing.png", base=tmp_path)


def test_an_unknown_type_is_refused_by_the_catalogue(tmp_path: Path) -> None:
    import docx

    extra = "  - id: count\n    section: main\n    type: number\n    prompt: {nl: N, en: N}\n"
    folder = mini_template_set(tmp_path / "set", docx.Document(), extra)
    with pytest.raises(CatalogError) as info:
        load_catalog(folder)
    [problem] = info.value.problems
    assert problem.key == "count" and "'number'" in problem.message
    assert ", ".join(TYPES) in problem.message


@pytest.mark.parametrize("typed", ["https://www.school.nl/", "http://www.school.nl",
                                   "WWW.School.NL", "“www.school.nl”", " www.school.nl/ ",
                                   "//www.school.nl"])
def test_a_web_address_is_written_one_way(typed: str) -> None:
    from commgen.questions.types import parse_url

    assert parse_url(typed) == "www.school.nl"
    assert parse_url("https://school.nl/Nieuws/") == "school.nl/Nieuws"
    for wrong in ("school", "www.school nl", "https://"):
        with pytest.raises(InvalidAnswer):
            parse_url(wrong)


@pytest.mark.parametrize("typed", ["038 760 12 34", "038-7601234", "+31 38 760 1234",
                                   "0031387601234", "(038) 760 12 34", "+31 (0)38 760 1234",
                                   "038\u00a0760\u00a01234", "‘038 760 12 34’"])
def test_a_dutch_number_in_any_notation_is_written_one_way(typed: str) -> None:
    assert parse_phone(typed) == "038 760 1234"


def test_pasted_text_is_normalised_without_losing_a_visible_character() -> None:
    from commgen.foundation.textclean import clean_field, clean_text


    pasted = "Eerste regel\u2028tweede\u00a0regel   \u2029Nieuwe alinea\u0085“citaat” & <b>"
    assert clean_text(pasted) == "Eerste regel\ntweede regel\n\nNieuwe alinea\n“citaat” & <b>"
    assert parse_paragraphs(pasted) == ["Eerste regel\ntweede regel",
                                        "Nieuwe alinea\n“citaat” & <b>"]
    assert clean_field(" “k.smit@school.nl” ") == "k.smit@school.nl"
    assert parse_email("mailto:K.Smit@School.NL ") == "K.Smit@school.nl"
