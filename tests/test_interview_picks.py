"""A number typed the way users type one ("!1", "1.", "(1)", "#1", " 1 ") picks what the
interview offers at that moment (a choice, the finding's menu, the review's number), and is
never kept as the text of an answer (trial 12, F11: "!1" typed to take the first suggestion
was saved as the answer)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.test_interview import invoke, typed

BLAMING = "Het beeld van een meisje gaat rond."


def saved(folder: Path) -> dict:
    """The answers file with its private side file (an answer with an open finding)."""
    data = yaml.safe_load((folder / "antwoorden.yaml").read_text(encoding="utf-8"))
    private = folder / "antwoorden.niet-delen.yaml"
    if private.exists():
        data.update(yaml.safe_load(private.read_text(encoding="utf-8")) or {})
    return data


def test_choices_typed_as_users_type_numbers_pick_them(tmp_path: Path) -> None:
    lines = typed({"school_type": ["#1"], "material": ["(2)"], "spread": ["2."],
                   "actions": ["1., 2., (5)"], "media": [" !1 "]})
    result = invoke(["new", "--out", str(tmp_path)], [*lines, "m"])
    assert result.exit_code == 0, result.output
    answers = saved(tmp_path)
    assert answers["school_type"] == "po" and answers["material"] == "video"
    assert answers["spread"] == ["one_class"] and answers["media"] == "none"
    assert answers["actions"] == ["talk_victim", "parents_victim", "deleted_in_class"]


def test_a_choice_that_is_not_there_is_said_with_the_numbers_there_are(tmp_path: Path) -> None:
    result = invoke(["new", "--out", str(tmp_path)],
                    [*typed({"material": ["!9", "1"]}), "m"])
    assert result.exit_code == 0, result.output
    assert "keuze 9 bestaat niet; typ een nummer van 1 tot 5" in result.output
    assert saved(tmp_path)["material"] == "photo"


@pytest.mark.parametrize("pick", ["!1", "1", "1.", "(1)", "#1", " 1 "])
def test_a_number_typed_as_a_free_text_is_refused_and_asked_again(tmp_path: Path,
                                                                  pick: str) -> None:
    lines = typed({"situation_extra": [pick, "Leerlingen hebben het zelf gemeld.", ""]})
    result = invoke(["new", "--out", str(tmp_path)], [*lines, "m"])
    assert result.exit_code == 0, result.output
    assert f"“{pick.strip()}” is geen antwoordtekst" in result.output
    assert saved(tmp_path)["situation_extra"] == ["Leerlingen hebben het zelf gemeld."]


def test_a_number_is_no_text_name_or_role_either(tmp_path: Path) -> None:
    lines = typed({"statement_version": ["(2)", "2"],
                   "contact": ["!1", "Karin Smit", "#2", "intern begeleider"]})
    result = invoke(["new", "--out", str(tmp_path)], [*lines, "m"])
    assert result.exit_code == 0, result.output
    assert result.output.count("is een nummer om uit een lijst te kiezen") == 3
    answers = saved(tmp_path)
    assert str(answers["statement_version"]) == "2"
    assert answers["contact"] == {"name": "Karin Smit", "role": "intern begeleider"}


def test_the_findings_menu_takes_a_number_as_users_type_it(tmp_path: Path) -> None:
    lines = typed({"situation_extra": [BLAMING, "", "!2"]})
    result = invoke(["new", "--out", str(tmp_path)], [*lines, "m"])
    assert result.exit_code == 0, result.output
    assert "De privacycontrole vond iets" in result.output
    text = " ".join(saved(tmp_path)["situation_extra"])
    assert "meisje" not in text and "leerling" in text and "!2" not in text


def test_a_pick_at_the_edit_of_a_finding_is_refused_and_the_suggestion_stays_offered(
        tmp_path: Path) -> None:
    """The trial's case: the menu's 1 (edit), then "!1" for the first suggestion."""
    lines = typed({"situation_extra": [BLAMING, "", "1", "!1", "", "2"]})
    result = invoke(["new", "--out", str(tmp_path)], [*lines, "m"])
    assert result.exit_code == 0, result.output
    assert "“!1” is geen antwoordtekst" in result.output
    assert "kies het nummer ervan bij de melding" in result.output
    assert result.output.count("De privacycontrole vond iets") == 2  # offered again
    text = " ".join(saved(tmp_path)["situation_extra"])
    assert "!1" not in text and "meisje" not in text and "leerling" in text


def test_a_paragraph_number_that_is_not_there_is_refused(tmp_path: Path) -> None:
    two = ["Leerlingen hebben het zelf gemeld.", "Dat waarderen we.", ""]
    first = invoke(["new", "--out", str(tmp_path)], [*typed({"situation_extra": two}), "q"])
    number = re.search(r"(\d+)\. Wilt u nog iets toevoegen aan \"Wat speelt er\?\"",
                       first.output).group(1)  # type: ignore[union-attr]
    result = invoke(["new", "--resume", str(tmp_path / "antwoorden.yaml")],
                    [number, "!3", "!2", "Dat vinden we goed.", "m"])
    assert result.exit_code == 0, result.output
    assert "“!3” is geen antwoordtekst" in result.output and "!1 tot !2" in result.output
    assert saved(tmp_path)["situation_extra"] == ["Leerlingen hebben het zelf gemeld.",
                                                  "Dat vinden we goed."]


def test_the_review_takes_a_number_as_users_type_it(tmp_path: Path) -> None:
    result = invoke(["new", "--out", str(tmp_path)],
                    [*typed(), "#1", "OBS De Regenboog", "m"])
    assert result.exit_code == 0, result.output
    assert saved(tmp_path)["school_name"] == "OBS De Regenboog"


def test_an_answers_file_with_a_pick_as_its_text_makes_no_documents(tmp_path: Path) -> None:
    from tests.conftest import write_answers

    path = write_answers(tmp_path, {"situation_extra": "!1"})
    result = invoke(["generate", str(path), "--out", str(tmp_path / "out")], [])
    assert result.exit_code != 0
    assert "“!1” is een nummer om uit een lijst te kiezen" in f"{result.exception}{result.output}"
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.docx"))


def test_english_with_the_english_option(tmp_path: Path) -> None:
    lines = typed({"situation_extra": ["!1", "Pupils reported it themselves.", ""]})
    result = invoke(["--lang", "en", "new", "--out", str(tmp_path)], [*lines, "m"])
    assert "“!1” is not an answer text" in result.output, result.output


def test_the_web_refuses_a_pick_as_an_answer_text(catalog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("starlette")
    from commgen.app.web.case import WebCase
    from commgen.app.web.server import Access, make_app
    from commgen.foundation.i18n import current_language, set_language
    from tests.test_web import enter, local, post

    before = current_language()
    set_language("nl")
    case = WebCase(catalog, tmp_path / "zaak")
    access = Access(8765)
    client = local(make_app(case, access))
    try:
        enter(client, access)
        for question, step, value in (("situation_extra", "situation", "!1"),
                                      ("statement_version", "annex", "(1)")):
            state = post(client, access, "/api/antwoord", {"q": question, "step": step,
                                                           "value": value})
            assert state["error"] and "nummer om uit een lijst te kiezen" in state["error"]
            assert case.draft.answered.get(question) is None
        state = post(client, access, "/api/antwoord", {"q": "contact", "step": "contact",
                                                       "name": "!1", "role": "mentor"})
        assert state["error"] and case.draft.answered.get("contact") is None
    finally:
        case.close()
        set_language(before)
