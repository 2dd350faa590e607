"""The real `commgen new` in a pseudo-terminal: a problem is raised at its question, and a run
writes all its documents or none.

Each run starts from an answers file with one free-text answer left out, so that the interview
asks that question (and nothing else) in the terminal, as a person would answer it.
"""

from __future__ import annotations

import os
import signal
import sys
import zipfile
from pathlib import Path

import pytest

from commgen.app.output import MANIFEST_NAME
from commgen.docx.reader import docx_text
from tests.conftest import ROOT, write_answers

pexpect = pytest.importorskip("pexpect", reason="pexpect is installed with .[test] (POSIX)")

ASKED = 'Wilt u nog iets toevoegen aan "Wat speelt er?"'
FOUND = "De privacycontrole vond iets in dit antwoord"
REVIEW = "Nummer om te wijzigen"
STATEMENT = "communicatiestatement.docx"


def spawn(*args: str):  # type: ignore[no-untyped-def]
    env = {**os.environ, "COMMGEN_LANG": "nl", "PYTHONPATH": str(ROOT), "TERM": "dumb",
           "EDITOR": "false", "VISUAL": "false", "NO_COLOR": "1"}
    return pexpect.spawn(sys.executable, ["-m", "commgen", "new", *args], env=env,
                         encoding="utf-8", timeout=60, dimensions=(50, 200),
                         preexec_fn=_default_sigint)


def _default_sigint() -> None:
    """Ctrl-C reaches the child even when the tests run in the background (where the shell
    ignores SIGINT, and an ignored signal stays ignored across exec)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def type_paragraphs(child, *lines: str) -> None:  # type: ignore[no-untyped-def]
    """At the first line's prompt, type the paragraphs and the empty line that ends them."""
    child.expect_exact("›")
    for line in [*lines, ""] if any(lines) else [""]:
        child.sendline(line)


def finish(child) -> str:  # type: ignore[no-untyped-def]
    """"m" on the review screen; the rest of the output until the program ends."""
    child.expect_exact(REVIEW)
    child.sendline("m")
    child.expect(pexpect.EOF)
    child.close()
    return child.before


def answers_without_situation(tmp_path: Path) -> Path:
    return write_answers(tmp_path, {"involved_pupils": ["Sanne de Vries"], "not_said_extra": None},
                         drop=("situation_extra",))


def problem_raised(tmp_path: Path, typed: str, passage: str):  # type: ignore[no-untyped-def]
    """The interview up to the choice what to do about ``passage`` in the answer typed."""
    child = spawn("--answers", str(answers_without_situation(tmp_path)), "--out",
                  str(tmp_path / "out"))
    child.expect_exact(ASKED)
    type_paragraphs(child, typed)
    child.expect_exact(FOUND)
    child.expect_exact(f"»{passage}«")  # the passage, marked
    child.expect_exact("Keuze")
    return child


def documents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()
            if p.suffix in (".docx", ".txt") or p.name == MANIFEST_NAME}


def test_a_name_typed_into_an_answer_is_raised_there_once_and_fixed_in_place(
        tmp_path: Path) -> None:
    out = tmp_path / "out"
    child = problem_raised(tmp_path, "Het beeld van Sanne ging rond in het leerjaar.", "•••")
    raised = child.before
    assert "Beter: een leerling" in raised  # neutral: "de leerling" is the victim
    child.sendline("1")  # edit the answer, at this question
    child.expect_exact("Huidige tekst")
    type_paragraphs(child, "Het beeld ging rond in het leerjaar.")
    child.expect_exact("Controleer uw antwoorden")
    between = child.before
    rest = finish(child)
    assert child.exitstatus == 0, rest
    assert "Dit is (een deel van) de naam van een betrokken leerling" in raised  # why
    assert FOUND not in between and FOUND not in rest  # raised once, then fixed
    assert "Nog te doen" not in rest
    text = docx_text((out / STATEMENT).read_bytes())
    assert "Het beeld ging rond in het leerjaar." in text and "Sanne" not in text
    draft = (out / "antwoorden.yaml").read_text(encoding="utf-8")
    assert "Het beeld ging rond in het leerjaar." in draft and "Sanne" not in draft


def test_a_finding_kept_with_a_reason_is_recorded_in_answers_and_documents(
        tmp_path: Path) -> None:
    out = tmp_path / "out"
    child = problem_raised(tmp_path, "Het beeld ging eerst rond in klas 2A.", "klas 2A")
    child.sendline("3")  # keep it, with a reason
    child.expect_exact("Reden")
    child.sendline("de hele klas weet het al")
    rest = finish(child)
    assert child.exitstatus == 0, rest
    assert "Geschreven ondanks vondsten: communicatiestatement" in rest
    draft = (out / "antwoorden.yaml").read_text(encoding="utf-8")
    assert "_commgen_accepted:\n  situation_extra: de hele klas weet het al" in draft
    with zipfile.ZipFile(out / STATEMENT) as archive:
        custom = archive.read("docProps/custom.xml").decode()
    assert "de hele klas weet het al" in custom
    assert "klas 2A" in docx_text((out / STATEMENT).read_bytes())


def test_a_blocked_document_leaves_the_folder_unchanged(tmp_path: Path, template_copy: Path
                                                         ) -> None:
    out = tmp_path / "out"
    answers = answers_without_situation(tmp_path)
    child = spawn("--answers", str(answers), "--out", str(out))
    child.expect_exact(ASKED)
    type_paragraphs(child, "")
    assert finish(child) and child.exitstatus == 0
    before = documents(out)
    assert STATEMENT in before and MANIFEST_NAME in before
    # a sentence of the letter to the parents now holds a phone number: that letter is blocked
    phrases = template_copy.parent / "snippets" / "nl" / "phrases.yaml"
    text = phrases.read_text(encoding="utf-8")
    phrases.write_text(text.replace("  social_schools:\n    parents-class: *app",
                                    "  social_schools:\n    parents-class: Bel 06 12 34 56 78.",
                                    1), encoding="utf-8")
    child = spawn("--resume", str(out / "antwoorden.yaml"), "--templates", str(template_copy))
    rest = finish(child)
    assert child.exitstatus == 1, rest
    assert "Niets geschreven: brief-ouders-klas" in rest and "06 12 34 56 78" in rest
    assert rest.count("06 12 34 56 78") == 1  # once, not once per document
    assert documents(out) == before
    assert not (out / "vorige").exists()


def test_a_rerun_after_a_fix_replaces_the_set_and_keeps_an_edited_document(
        tmp_path: Path) -> None:
    out = tmp_path / "out"
    child = spawn("--answers", str(answers_without_situation(tmp_path)), "--out", str(out))
    child.expect_exact(ASKED)
    type_paragraphs(child, "Eerste versie van de tekst.")
    assert finish(child) and child.exitstatus == 0
    first = documents(out)
    letter = out / "brief-ouders-klas.docx"
    letter.write_bytes(letter.read_bytes() + b"\0")  # the school leader edited it in Word

    child = spawn("--resume", str(out / "antwoorden.yaml"))
    child.expect(r"(\d+)\. " + ASKED.replace("?", r"\?").replace('"', '"'))
    number = child.match.group(1)
    child.expect_exact(REVIEW)
    child.sendline(number)
    child.expect_exact(ASKED)
    type_paragraphs(child, "Tweede versie, met Sanne erin.")
    child.expect_exact(FOUND)
    child.expect_exact("Keuze")
    child.sendline("2")  # take the suggestion: "een leerling"
    rest = finish(child)
    assert child.exitstatus == 0, rest

    text = docx_text((out / STATEMENT).read_bytes())
    assert "Tweede versie, met een leerling erin." in text
    assert "Eerste versie" in docx_text((out / "vorige" / STATEMENT).read_bytes())
    assert (out / "vorige" / STATEMENT).read_bytes() == first[STATEMENT]
    assert letter.read_bytes() == first["brief-ouders-klas.docx"] + b"\0"  # kept
    assert "Tweede versie" in docx_text((out / "brief-ouders-klas (2).docx").read_bytes())
    assert "gewijzigd nadat commgen het schreef" in rest
    assert not any("(2)" in p.name for p in out.iterdir() if p.name.startswith("communicatie"))


def test_ctrl_c_keeps_the_paragraph_typed_and_says_how_to_go_on(tmp_path: Path) -> None:
    out = tmp_path / "out"
    child = spawn("--answers", str(answers_without_situation(tmp_path)), "--out", str(out))
    child.expect_exact(ASKED)
    child.expect_exact("›")
    child.sendline("Half af, nog niet klaar.")
    child.expect_exact("Half af, nog niet klaar.\r\n    ")  # the prompt for the next line
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    said = child.before
    assert child.exitstatus == 130 or (child.signalstatus is None and child.exitstatus == 130)
    draft = out / "antwoorden.yaml"
    assert f'commgen new --resume "{draft}"' in said.replace("\r\n", "\n").replace("\n  ", " ")
    assert "bewaard" in said and "Fout" not in said and "Traceback" not in said
    # unfinished text is kept apart, readable only by the user, not in the shareable file
    assert "Half af, nog niet klaar." not in draft.read_text(encoding="utf-8")
    assert "Half af, nog niet klaar." in (out / "antwoorden.niet-delen.yaml").read_text(
        encoding="utf-8")

    child = spawn("--resume", str(draft))
    child.expect_exact(ASKED)
    child.expect_exact("Huidige tekst")
    child.expect_exact("Half af, nog niet klaar.")
    type_paragraphs(child, "")  # Enter keeps it
    rest = finish(child)
    assert child.exitstatus == 0, rest
    assert "Half af, nog niet klaar." in docx_text((out / STATEMENT).read_bytes())
    assert "Half af, nog niet klaar." in draft.read_text(encoding="utf-8")
    assert not (out / "antwoorden.niet-delen.yaml").exists()  # nothing left to keep apart
