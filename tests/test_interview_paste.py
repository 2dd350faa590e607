"""Trial cli9, finding 25: a paste into the real terminal is kept whole, type-ahead never
answers the next prompt, and only a deliberate answer on the review screen makes documents."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from commgen.docx.reader import docx_text
from tests.conftest import ROOT, write_answers
from tests.test_interview_checks_terminal import (
    ASKED,
    REVIEW,
    STATEMENT,
    _default_sigint,
    answers_without_situation,
)

pexpect = pytest.importorskip("pexpect", reason="pexpect is installed with .[test] (POSIX)")

# A Word text: Windows line ends, an empty paragraph before the third, & < quotes emoji Arabic.
WORD = ("Eerste alinea uit Word – met “quotes” & <tags>.\r\n"
        "Tweede alinea: نحن نقف إلى جانب الطالب 🙏\r\n"
        "\r\n"
        "Derde na lege regel.\r\n")
PARAGRAPHS = ["Eerste alinea uit Word – met “quotes” & <tags>.",
              "Tweede alinea: نحن نقف إلى جانب الطالب 🙏", "Derde na lege regel."]
KEPT = "Geplakte tekst bewaard: 3 alinea's"
NOTHING_CHOSEN = "Niets gekozen"


def spawn(*args: str, term: str = "dumb"):  # type: ignore[no-untyped-def]
    env = {**os.environ, "COMMGEN_LANG": "nl", "PYTHONPATH": str(ROOT), "TERM": term,
           "EDITOR": "false", "VISUAL": "false", "NO_COLOR": "1"}
    return pexpect.spawn(sys.executable, ["-m", "commgen", "new", *args], env=env,
                         encoding="utf-8", timeout=60, dimensions=(50, 200),
                         preexec_fn=_default_sigint)


def at_situation(tmp_path: Path, term: str = "dumb"):  # type: ignore[no-untyped-def]
    """The interview waiting for the first line of "Wat speelt er?" (the one answer left
    open); the child and the output folder."""
    out = tmp_path / "out"
    child = spawn("--answers", str(answers_without_situation(tmp_path)), "--out", str(out),
                  term=term)
    child.expect_exact(ASKED)
    return child, out


def make_documents(child) -> str:  # type: ignore[no-untyped-def]
    """At the review: a bare Enter makes nothing; "m" makes the documents."""
    child.expect_exact(REVIEW)
    child.sendline("")
    child.expect_exact(NOTHING_CHOSEN)
    child.expect_exact(REVIEW)
    child.sendline("m")
    child.expect(pexpect.EOF)
    child.close()
    return child.before


def statement_paragraphs(out: Path) -> list[str]:
    return docx_text((out / STATEMENT).read_bytes()).splitlines()


def test_a_word_paste_with_crlf_and_an_empty_paragraph_is_kept_whole(tmp_path: Path) -> None:
    child, out = at_situation(tmp_path)
    child.expect_exact("›")
    child.send(WORD)  # one write, as a terminal delivers a paste
    child.expect_exact(KEPT)
    child.sendline("")  # the empty line the user types ends the answer
    rest = make_documents(child)
    assert child.exitstatus == 0, rest
    assert "Fout: typ een nummer" not in rest
    lines = statement_paragraphs(out)
    start = lines.index(PARAGRAPHS[0])
    assert lines[start:start + 3] == PARAGRAPHS
    draft = (out / "antwoorden.yaml").read_text(encoding="utf-8")
    assert "Derde na lege regel." in draft


def test_a_bracketed_paste_is_kept_whole_and_its_markers_never_shown(tmp_path: Path) -> None:
    child, out = at_situation(tmp_path, term="xterm")
    child.expect_exact("\x1b[?2004h")  # the terminal is asked to mark pastes
    # a terminal turns the paste's line ends into CR; the paste ends without a line end here
    child.send("\x1b[200~Alinea een.\r\rAlinea twee.\rAlinea drie.\x1b[201~\r")
    child.expect_exact("\x1b[?2004l")  # and to stop marking them once the paste is read
    child.expect_exact("Geplakte tekst bewaard: 3 alinea's")
    child.sendline("")
    rest = make_documents(child)
    assert child.exitstatus == 0, rest
    lines = statement_paragraphs(out)
    start = lines.index("Alinea een.")
    assert lines[start:start + 3] == ["Alinea een.", "Alinea twee.", "Alinea drie."]
    assert "200~" not in (out / "antwoorden.yaml").read_text(encoding="utf-8")


def test_type_ahead_never_answers_the_next_question(tmp_path: Path) -> None:
    # the audiences and the next update's time left open: two questions in a row
    out = tmp_path / "out"
    answers = write_answers(tmp_path, {"involved_pupils": ["Sanne de Vries"],
                                       "not_said_extra": None}, drop=("next_update_time",
                                                                      "not_said_extra"))
    child = spawn("--answers", str(answers), "--out", str(out))
    child.expect_exact("Tijd van de volgende update")
    child.expect_exact("16:00: ")
    # the answer, then a line and an Enter that arrive with it, before the next question
    child.send("15:00\nVerdwaalde regel\n\n")
    child.expect_exact("verder niet?")
    asked = child.before
    assert "Niet gebruikt: 1 regel" in asked and "Verdwaalde regel" in asked
    child.expect_exact("›")
    child.sendline("Geen namen van klassen.")
    child.sendline("")
    rest = make_documents(child)
    assert child.exitstatus == 0, rest
    draft = (out / "antwoorden.yaml").read_text(encoding="utf-8")
    assert "Verdwaalde regel" not in draft and "Geen namen van klassen." in draft
    assert "next_update_time: '15:00'" in draft


def test_a_stray_enter_on_the_review_screen_makes_no_documents(tmp_path: Path) -> None:
    child, out = at_situation(tmp_path)
    child.expect_exact("›")
    child.sendline("")
    child.expect_exact(REVIEW)
    child.expect_exact("m om de documenten te maken")  # said in the prompt
    child.sendline("")
    child.expect_exact(NOTHING_CHOSEN)
    child.expect_exact(REVIEW)
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert not (out / STATEMENT).exists()


def test_changing_the_audiences_asks_only_what_opens_up(tmp_path: Path) -> None:
    """Finding 9: adding the website asks whether phone numbers may go on it, and nothing that
    was answered already (the class letter, the channel, the team's questions)."""
    from tests.test_interview import invoke, typed

    first = invoke(["new", "--out", str(tmp_path)], [*typed(), "q"])
    assert first.exit_code == 0, first.output
    number = re.search(r"(\d+)\. Wie krijgt een bericht\?", first.output).group(1)
    draft = tmp_path / "antwoorden.yaml"
    # 1 2 -> 1 2 4 (the website); Enter keeps "nee" for the phones; q leaves the review
    again = invoke(["new", "--resume", str(draft)], [number, "1 2 4", "", "q"])
    assert again.exit_code == 0, again.output
    asked = again.output.split("Controleer uw antwoorden")[1].split(REVIEW, 1)[1]
    assert "Mogen de telefoonnummers van de contactpersoon en de woordvoerder" in asked
    for answered in ("Mag de brief aan de ouders", "Hoe gaan de brieven", "terecht voor steun",
                     "problematiseren of normaliseren", "alleen het team"):
        assert answered not in asked
    text = draft.read_text(encoding="utf-8")
    assert "- online" in text and "phones_public: false" in text


def test_new_in_a_folder_with_a_case_offers_to_continue_it(tmp_path: Path) -> None:
    """Finding 24: the case there is named (file, version, date) and Enter continues it; a
    new case stopped before its first answer leaves no second answers file."""
    from tests.test_interview import invoke, typed

    invoke(["new", "--out", str(tmp_path)], typed(upto=3))
    draft = tmp_path / "antwoorden.yaml"
    again = invoke(["new", "--out", str(tmp_path)], [""])  # Enter: continue with it
    said = again.output
    assert f"Deze map heeft al een zaak: {draft} (versie 1, " in said
    assert "Naam van de school" not in said and "Adres van de school" in said  # the 4th
    assert f'commgen new --resume "{draft}"' in str(again.exception)
    assert "Verder met die zaak? [J/n]" in said
    fresh = invoke(["new", "--out", str(tmp_path)], ["j?", "nee"])  # a new case, stopped
    assert "antwoord j (ja) of n (nee)" in fresh.output
    assert "Gestopt voor het eerste antwoord" in str(fresh.exception)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["antwoorden.yaml"]


def test_new_where_documents_were_made_points_at_update(tmp_path: Path) -> None:
    from commgen.app.generate import generate
    from tests.conftest import TEMPLATES
    from tests.test_interview import invoke

    answers = write_answers(tmp_path)
    generate(answers, tmp_path, TEMPLATES)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = invoke(["new", "--out", str(tmp_path)], [""])  # Enter: no second case
    assert result.exit_code == 0, result.output
    assert f'commgen update "{answers}"' in result.output
    assert "Naam van de school" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_date_in_words_is_echoed_as_the_day_it_became(tmp_path: Path) -> None:
    """Finding 21: "gisteren" is accepted and said back as the date it became."""
    import datetime as dt

    from commgen.foundation.formatting import DateText
    from tests.test_interview import invoke, typed

    yesterday = DateText(dt.date.today() - dt.timedelta(days=1), "nl").weekday
    result = invoke(["new", "--out", str(tmp_path)], typed({"reported_date": ["gisteren"]},
                                                           upto=12))
    assert f"\n  = {yesterday}\n" in result.output
    assert yesterday.split()[0] in ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
                                    "zaterdag", "zondag")


def test_one_paragraph_of_an_answer_is_changed_alone(tmp_path: Path) -> None:
    """Finding 21: !2 changes the second paragraph; the first is kept as it was typed."""
    from tests.test_interview import invoke, typed
    from tests.test_prompt_polish import SITUATION

    first, second = "Leerlingen hebben het zelf gemeld.", "Het team is op de hoogte gebracht."
    lines = typed({"situation_extra": [first, second, ""]})
    result = invoke(["new", "--out", str(tmp_path)],
                    [*lines, SITUATION, "!2", "Het hele team is op de hoogte gebracht.", "m"])
    assert result.exit_code == 0, result.output
    assert f"   1. {first}\n   2. {second}\n" in result.output  # numbered to choose from
    text = docx_text((tmp_path / STATEMENT).read_bytes())
    assert f"{first}\nHet hele team is op de hoogte gebracht.\n" in text
    assert second not in text


def test_a_pasted_list_of_names_with_an_empty_line_is_read_whole(tmp_path: Path) -> None:
    """An empty line inside a pasted list of names does not end the list, and no name is left
    over for the next question (where it would be typed, or shown as not used)."""
    import yaml

    out = tmp_path / "out"
    answers = write_answers(tmp_path, {"not_said_extra": None}, drop=("involved_pupils",))
    child = spawn("--answers", str(answers), "--out", str(out))
    child.expect_exact("Typ de namen")
    child.expect_exact("›")
    child.send("Sanne de Vries\n\nDaan Bakker\n")
    child.expect_exact("2 regel(s) tot nu toe")
    child.sendline("")
    rest = make_documents(child)
    assert child.exitstatus == 0, rest
    assert "Sanne" not in rest and "Daan" not in rest and "Niet gebruikt" not in rest
    stored = yaml.safe_load((out / "antwoorden.yaml").read_text(encoding="utf-8"))
    assert stored["involved_pupils"]["count"] == 2


@pytest.mark.parametrize(("arrived", "lines"), [
    ("\x1b[200~Een.\r\nTwee.\r\n\r\nDrie.\x1b[201~\n", ["Een.", "Twee.", "", "Drie."]),
    ("Een.\n\nTwee.\n", ["Een.", "", "Twee."]),  # CR read as LF by the terminal
    ("Een.\rTwee.\r\n", ["Een.", "Twee."]),
])
def test_crlf_cr_and_lf_are_each_one_line_end(arrived: str, lines: list[str]) -> None:
    from commgen.app.terminal import _split

    entry = _split(arrived)
    assert entry.lines == lines and entry.pasted
    assert _split("Een regel getypt.\n").pasted is False
