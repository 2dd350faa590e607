"""The school's fields are listed once (questions.school): the catalogue's ``profile:`` keys,
the profile files, ``school.<field>`` in templates and the privacy allow-list agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from commgen.answers.partial import parse_settings, read_answers
from commgen.answers.profiles import REQUIRED, load_profile, profile_answers
from commgen.checks.allow import AllowedAnswers, AllowList
from commgen.foundation.errors import AnswersError
from commgen.questions.contextnames import SCHOOL_QUESTIONS
from commgen.questions.model import Question
from commgen.questions.school import BY_NAME, SCHOOL_FIELDS
from commgen.questions.types import Person


def test_every_profile_key_of_the_catalogue_is_a_school_field(catalog) -> None:  # type: ignore[no-untyped-def]
    with_profile = {q.profile: q.id for q in catalog.questions if q.profile}
    assert with_profile == {f.name: f.question for f in SCHOOL_FIELDS}


def test_templates_see_the_school_fields_except_the_kind_of_school() -> None:
    assert SCHOOL_QUESTIONS["head"] == "signatory" and SCHOOL_QUESTIONS["logo"] == "school_logo"
    contacts = {f.name for f in BY_NAME.values() if f.contact}  # the case's, as its answers
    assert contacts == {"contact", "contact_phone", "contact_email", "spokesperson",
                        "spokesperson_phone", "spokesperson_email"}
    assert set(SCHOOL_QUESTIONS) == set(BY_NAME) - {"type"} - contacts
    assert REQUIRED == ("name", "type", "place")


def test_a_profile_reads_every_field_with_its_type() -> None:
    profile = load_profile("hetbaken")
    assert profile.get("head") == Person("Peter de Boer", "rector")
    assert profile.get("phone") == "033 460 5500"
    assert profile.get("logo").is_absolute() and profile.get("logo").is_file()
    assert set(profile.fields) == {f.name for f in BY_NAME.values() if not f.contact}


def test_a_profile_with_an_unknown_key_lists_the_fields(tmp_path: Path) -> None:
    path = tmp_path / "school.yaml"
    path.write_text("name: X\ntype: po\nplace: Y\nmotto: Samen\n", encoding="utf-8")
    with pytest.raises(AnswersError) as info:
        load_profile(str(path))
    [problem] = info.value.problems
    assert problem.key == "motto" and ", ".join(f.name for f in SCHOOL_FIELDS) in problem.message


def test_profile_answers_go_to_the_questions_that_name_them(catalog) -> None:  # type: ignore[no-untyped-def]
    answers = profile_answers(load_profile("vlinderboom"), catalog)
    assert set(answers) <= {f.question for f in SCHOOL_FIELDS}
    assert answers["school_type"] == "po" and isinstance(answers["signatory"], Person)


def test_the_allowed_answers_come_from_the_catalogue(catalog) -> None:  # type: ignore[no-untyped-def]
    allowed = AllowedAnswers.from_questions(catalog.questions)
    assert set(allowed.people) == {"signatory", "contact", "spokesperson", "team_support"}
    assert set(allowed.phones) == {"school_phone", "contact_phone", "spokesperson_phone"}
    assert set(allowed.emails) == {"school_email", "contact_email", "spokesperson_email"}
    assert allowed.texts == ("school_name", "school_address", "school_postcode", "school_place")
    assert allowed.websites == ("school_website",) and allowed.domains == ("school_email",)
    secret = Question("secret_person", "person", {}, {}, "main", sensitive=True)
    assert "secret_person" not in AllowedAnswers.from_questions([*catalog.questions, secret]).people


def test_the_allow_list_takes_people_numbers_and_the_school(catalog) -> None:  # type: ignore[no-untyped-def]
    allow = AllowList()
    allow.add_values({"contact": {"naam": "Samira El Idrissi", "rol": "ib"},
                      "spokesperson_phone": "06 41 23 45 67", "school_name": "Het Baken",
                      "school_email": "info@hetbaken.example", "involved_pupils": "Sam"},
                     AllowedAnswers.from_questions(catalog.questions))
    assert "Samira El Idrissi" in allow.phrases and "Het Baken" in allow.phrases
    assert allow.allows_phone("0641234567") and "hetbaken.example" in allow.domains
    assert "Sam" not in allow.phrases
    profile = AllowList()
    profile.add_profile(load_profile("hetbaken").fields)
    assert {"Het Baken College", "Zeevaartweg 40", "3821 AK", "Amersfoort",
            "Peter de Boer"} <= profile.phrases
    assert profile.allows_phone("033 460 55 00") and profile.allows_url("https://hetbaken.example")
    assert profile.allows_email("info@hetbaken.example")


def test_set_values_and_a_partial_answers_file(catalog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert parse_settings(("pupil_visible=ja", "channel=[group_apps]", "school_name="),
                          catalog) == {"pupil_visible": True, "channel": ["group_apps"],
                                       "school_name": None}
    with pytest.raises(AnswersError) as info:
        parse_settings(("nope=1", "pupil_visible=misschien"), catalog)
    assert [p.key for p in info.value.problems] == ["nope", "pupil_visible"]
    path = tmp_path / "antwoorden.yaml"
    path.write_text("_commgen: 1\nschool_type: vo\nstatement_time: 16:00\nspread:\n",
                    encoding="utf-8")
    answered = read_answers(path, catalog)
    assert answered["school_type"] == "vo" and answered["spread"] is None
    assert answered["statement_time"].hour == 16
    path.write_text("school_typ: vo\nschool_type: mbo\n", encoding="utf-8")
    with pytest.raises(AnswersError) as info:
        read_answers(path, catalog)
    assert [(p.line, p.key) for p in info.value.problems] == [(1, "school_typ"),
                                                              (2, "school_type")]
