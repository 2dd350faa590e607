"""Where a sentence ends (``checks.sentences``, the one splitter): never at a dot inside an
e-mail address, a web address or a number, nor after initials or an abbreviation (trial 12,
F16: the report's "in: ..." line cut "j.de.vries@school.nl", "J.P. de Vries", "o.a." and
"12.30 uur"); the findings themselves stay what they were."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml

from commgen.checks.sentences import sentences
from tests.conftest import run_cli
from tests.test_interview import invoke, typed

# Each sentence holds a finding (a class, a name, blame, a sanction) and dots that end nothing.
SENTENCES = [
    "Voor vragen mailt u j.de.vries@school.nl of belt u om 12.30 uur over klas 3B.",
    "Het beeld gaat rond in groep 7b, zie www.school.nl/nieuws voor meer.",
    "Mevrouw sprak met o.a. de mentor en bijv. de ouders: de leerling is erg naïef geweest.",
    "Neem contact op met J.P. de Vries, die weet dat de dader in klas 2A zit.",
    "Gemiddeld 3.5 leerlingen per klas zagen het, ook lln.nr. 123 uit klas 4C.",
    "Bel z.s.m. mevr. A. Bakker, want de leerling uit klas 1D is geschorst.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_sentence_is_whole(sentence: str) -> None:
    text = f"Beste ouders. {sentence} Met vriendelijke groet."
    assert [s[2] for s in sentences(text)] == ["Beste ouders.", sentence,
                                               "Met vriendelijke groet."]


def test_a_sentence_still_ends_where_it_ends() -> None:
    text = ("Boeken, schriften enz. Daarna volgt meer. Stap 3. Wat nu? Ja!\n"
            "Een regel zonder punt\nZei hij \"Nee.\" Toen ging hij.")
    assert [s[2] for s in sentences(text)] == [
        "Boeken, schriften enz.", "Daarna volgt meer.", "Stap 3.", "Wat nu?", "Ja!",
        "Een regel zonder punt", "Zei hij \"Nee.\"", "Toen ging hij."]


def test_the_report_shows_the_whole_sentence_of_each_finding(tmp_path: Path,
                                                            capsys) -> None:  # type: ignore[no-untyped-def]
    letter = docx.Document()
    letter.add_paragraph("Beste ouders, " + " ".join(SENTENCES[:3]))
    letter.add_paragraph(" ".join(SENTENCES[3:]))
    path = tmp_path / "brief.docx"
    letter.save(str(path))
    code, out, _err = run_cli(capsys, "check", str(path))
    assert code == 1, out
    shown = [line.strip()[5:-1] for line in out.splitlines() if line.strip().startswith("in: “")]
    assert shown, out
    for line in shown:  # each "in:" line is one whole sentence of the letter
        assert line in SENTENCES or line.startswith("Beste ouders, "), (line, out)
    for sentence in SENTENCES[1:]:
        assert sentence in shown, (sentence, out)


def test_a_suggestion_takes_the_whole_sentence_after_an_abbreviation(tmp_path: Path) -> None:
    """A sentence suggestion replaces its own sentence, not the part after "o.a."."""
    lines = typed({"origin": ["1"],
                   "situation_extra": ["Volgens o.a. de mentor was de leerling erg naïef.",
                                       "", "2"]})
    result = invoke(["new", "--out", str(tmp_path)], [*lines, "m"])
    assert result.exit_code == 0, result.output
    saved = yaml.safe_load((tmp_path / "antwoorden.yaml").read_text(encoding="utf-8"))
    text = " ".join(saved["situation_extra"])
    assert "naïef" not in text and "o.a." not in text, text
    assert text[:1].isupper() and text.endswith("."), text
