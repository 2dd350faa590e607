"""``commgen update``: a case through three versions, update letters with only what is new,
audiences the change does not concern, an older answers file, and two updates at once."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import WITHOUT_WIJKAGENT, run_cli, write_answers


# The next update lies ahead of every version (an update refuses one that has gone).
def _ahead(days: int) -> str:
    return (dt.date.today() + dt.timedelta(days=days)).isoformat()


# The first statement: the police were asked for advice (not approved yet), no media.
FIRST = {"police": ["advice"], "approvals": ["board", "family"], "media": "none",
         "statement_version": "1", "reporting": [], "next_update_date": _ahead(1),
         **WITHOUT_WIJKAGENT}
# Version 2: an investigation, and the police approved the text.
SECOND = ("--set", "police=[advice, investigation]", "--set", "approvals=[board, family, police]",
          "--set", "approved_by=directeur en bestuurder", "--set", f"next_update_date={_ahead(2)}")
# Version 3: the media published.
THIRD = ("--set", "media=published", "--set", f"next_update_date={_ahead(3)}",
         "--set", "update_news=De ouderavond gaat door zoals gepland.")

LETTERS = ("update-communicatiestatement", "update-ouders-klas", "update-ouders-andere-klassen",
           "update-pers", "update-team")


def docx_text(path: Path) -> str:
    from commgen.docx.reader import docx_text as text_of

    return text_of(path.read_bytes())


# The line under every letter to parents on how it may be shared (phrases.yaml, send_channel):
# a standing request like the greeting, in every letter, not something told once.
STANDING = re.compile(r"^(Deel dit bericht|Stuur deze e-mail|Geef deze brief) alstublieft niet")


def sentences(text: str) -> set[str]:
    """The sentences of a text (five words or more), whitespace made even."""
    found = set()
    for line in text.splitlines():
        for piece in re.split(r"(?<=[.!?])\s+", line.strip()):
            sentence = " ".join(piece.split())
            if STANDING.match(sentence):
                continue
            if sentence.endswith((".", "!", "?")) and len(sentence.split()) >= 5:
                found.add(sentence)
    return found


def docx_sentences(path: Path) -> set[str]:
    """The sentences of a reopened .docx: its paragraphs and table cells, not its headings
    (a section title such as "Wat is er nieuw?" is structure, not something said)."""
    from docx import Document

    document = Document(str(path))
    texts = [p.text for p in document.paragraphs
             if not (p.style.name.startswith(("Heading", "Title", "Subtitle")))]
    texts += [cell.text for table in document.tables for row in table.rows
              for cell in row.cells]
    return sentences("\n".join(texts))


def folder_sentences(folder: Path) -> set[str]:
    result: set[str] = set()
    for path in folder.glob("*.docx"):
        result |= docx_sentences(path)
    return result


def first_version(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                  overrides: dict | None = None) -> Path:
    answers = write_answers(tmp_path, {**FIRST, **(overrides or {})})
    code, _out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path))
    assert code == 0, err
    return answers


def update(capsys: pytest.CaptureFixture[str], answers: Path, *args: str) -> tuple[str, str]:
    code, out, err = run_cli(capsys, "update", str(answers), "--yes", *args)
    assert code == 0, out + err
    return out, err


def three_versions(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                   overrides: dict | None = None) -> Path:
    """A case from the first statement to the media's publication: three versions."""
    answers = first_version(tmp_path, capsys, overrides)
    update(capsys, answers, *SECOND)
    update(capsys, answers, *THIRD)
    return answers


def history(answers: Path) -> list[dict]:
    return yaml.safe_load(answers.read_text(encoding="utf-8"))["_commgen_history"]


def test_three_versions_update_letters_say_only_what_is_new(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = first_version(tmp_path, capsys)
    said = folder_sentences(tmp_path)  # everything the first documents said
    assert not list(tmp_path.glob("update-*"))

    out, err = update(capsys, answers, *SECOND)
    assert "nog geen eerdere update" in err  # a file without history became version 1
    assert "Versie 2 van het statement" in out
    for name in LETTERS:
        text = docx_text(tmp_path / f"{name}.docx")
        assert "De politie is inmiddels een onderzoek gestart." in text, name
        repeated = docx_sentences(tmp_path / f"{name}.docx") & said
        assert not repeated, (name, repeated)
    said |= folder_sentences(tmp_path)  # the update letters and the full set of version 2
    letters_two = {name: docx_text(tmp_path / f"{name}.docx") for name in LETTERS}
    full = docx_text(tmp_path / "communicatiestatement.docx")
    assert "versie 2" in full and "De politie doet onderzoek." in full  # the full set too

    update(capsys, answers, *THIRD)
    for name in LETTERS:
        text = docx_text(tmp_path / f"{name}.docx")
        assert text != letters_two[name]
        assert "De politie is inmiddels een onderzoek gestart." not in text, name
        repeated = docx_sentences(tmp_path / f"{name}.docx") & said
        assert not repeated, (name, repeated)
    assert "Inmiddels zijn er berichten over de school verschenen" in docx_text(
        tmp_path / "update-pers.docx")
    assert "Sinds ons vorige bericht zijn er berichten over de school verschenen" in docx_text(
        tmp_path / "update-ouders-klas.docx")
    assert "De ouderavond gaat door zoals gepland." in docx_text(
        tmp_path / "update-ouders-klas.docx")
    assert "De ouderavond gaat door" not in docx_text(tmp_path / "update-pers.docx")

    versions = history(answers)
    assert [v["version"] for v in versions] == [1, 2, 3]
    assert versions[1]["changes"]["police"] == {"old": ["advice"],
                                                "new": ["advice", "investigation"]}
    assert versions[1]["approvals"] == ["board", "family", "police"]
    assert versions[1]["approved_by"] == "directeur en bestuurder"
    assert versions[2]["changes"]["media"] == {"old": "none", "new": "published"}
    assert versions[2]["news"] == "De ouderavond gaat door zoals gepland."
    sent = {s["document"]: s for s in versions[2]["sent"]}
    assert {"update-pers", "update-ouders-klas"} <= set(sent)
    # the full documents are made again for the file, but sent only to whoever lacks them
    assert "persverklaring" not in sent and "brief-ouders-klas" not in sent
    assert (tmp_path / "persverklaring.docx").exists()
    import hashlib

    pers = sent["update-pers"]
    assert pers["audience"] == "press"
    assert pers["sha256"] == hashlib.sha256((tmp_path / pers["file"]).read_bytes()).hexdigest()
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert data["_commgen"] == 2 and data["statement_version"] == "3"
    code, out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "again"))
    assert code == 0, err  # the format-2 file with its history is a normal answers file


def test_audiences_not_concerned_get_no_letter(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """An investigation the police have not approved: public audiences hear nothing yet."""
    answers = first_version(tmp_path, capsys)
    out, _err = update(capsys, answers, "--set", "police=[advice, investigation]")
    assert (tmp_path / "update-communicatiestatement.docx").exists()
    assert (tmp_path / "update-team.docx").exists()
    for name in ("update-ouders-klas", "update-ouders-andere-klassen", "update-pers"):
        assert not (tmp_path / f"{name}.docx").exists(), name
    assert "Geen updatebrief voor" in out
    intern = docx_text(tmp_path / "update-communicatiestatement.docx")
    assert "pers en website: de wijziging gaat hen niet aan" in intern  # who gets no update

    # Then the police approve: now the public audiences hear it, the team not again. The
    # facts were true before the last letter: the letter says they may be told now, not that
    # they happened since (item 4 of the new-user trial).
    update(capsys, answers, "--set", "approvals=[board, family, police]")
    parents = docx_text(tmp_path / "update-ouders-klas.docx")
    assert "Wij kunnen u nu ook vertellen dat de politie een onderzoek doet." in parents
    assert ("Wij kunnen u nu ook vertellen dat wij de politie om advies hebben gevraagd."
            in parents)
    assert "inmiddels een onderzoek gestart" not in parents
    assert "Sinds ons vorige bericht" not in parents
    assert "De school kan nu ook melden dat de politie een onderzoek doet." in docx_text(
        tmp_path / "update-pers.docx")
    assert not (tmp_path / "update-team.docx").exists()  # moved to vorige/: nothing new
    assert (tmp_path / "vorige" / "update-team.docx").exists()


def test_a_change_the_audience_documents_do_not_use(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    answers = first_version(tmp_path, capsys)
    update(capsys, answers, "--set", "pupil_approach=normalise")
    assert (tmp_path / "update-team.docx").exists()
    assert not (tmp_path / "update-ouders-klas.docx").exists()
    assert not (tmp_path / "update-pers.docx").exists()


def test_nothing_changed_makes_no_version(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    answers = first_version(tmp_path, capsys)
    before = answers.read_bytes()
    code, _out, err = run_cli(capsys, "update", str(answers), "--yes")
    assert code != 0
    assert "niets veranderd sinds versie 1" in err
    assert "Traceback" not in err
    assert answers.read_bytes() == before


def test_second_update_at_once_is_refused(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Another laptop holds the answers file on a shared folder: refused, nothing changed."""
    from commgen.foundation.files import lock_path

    answers = first_version(tmp_path, capsys)
    before = answers.read_bytes()
    lock_path(answers).write_text("andere-laptop:4242\n", encoding="utf-8")
    code, _out, err = run_cli(capsys, "update", str(answers), "--yes", *SECOND)
    assert code != 0
    assert "in gebruik" in err and "andere-laptop" in err
    assert answers.read_bytes() == before
    assert not list(tmp_path.glob("update-*"))


def test_version_added_meanwhile_is_kept(tmp_path: Path, catalog,  # type: ignore[no-untyped-def]
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A run that did not see the claim (a stale lock taken over, a synced copy) added a
    version while this update asked its questions: this one writes nothing, the other's
    version stays."""
    from commgen.app.update import draft_path, run_update
    from commgen.foundation.errors import OutputError

    answers = first_version(tmp_path, capsys)
    update(capsys, answers, *SECOND)
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(answers, other / answers.name)
    for item in tmp_path.glob("*.docx"):
        shutil.copy(item, other / item.name)
    shutil.copy(tmp_path / ".commgen-manifest.json", other / ".commgen-manifest.json")
    seen: list[str] = []

    def asker(question, catalog, current):  # type: ignore[no-untyped-def]
        if not seen:  # meanwhile, the other laptop writes version 3
            seen.append(question.id)
            code, _o, err = run_cli(capsys, "update", str(other / answers.name), "--yes",
                                    "--set", "media=questions")
            assert code == 0, err
            shutil.copy(other / answers.name, answers)
        return "published" if question.id == "media" else current

    written = {p.name: p.read_bytes() for p in tmp_path.glob("*.docx")}
    with pytest.raises(OutputError, match="andere commgen"):
        run_update(catalog, answers, tmp_path, asker=asker, interactive=True, yes=True)
    assert [v["version"] for v in history(answers)] == [1, 2, 3]
    assert yaml.safe_load(answers.read_text(encoding="utf-8"))["media"] == "questions"
    assert {p.name: p.read_bytes() for p in tmp_path.glob("*.docx")} == written
    assert draft_path(answers).exists()  # this run's answers are not lost


def test_bad_history_is_a_clear_message(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    answers = first_version(tmp_path, capsys)
    text = answers.read_text(encoding="utf-8")
    answers.write_text("_commgen_history:\n- version: 2\n  date: 2026-11-21\n- oops\n" + text,
                       encoding="utf-8")
    code, _out, err = run_cli(capsys, "update", str(answers), "--yes", *SECOND)
    assert code != 0
    assert "Traceback" not in err
    assert "_commgen_history[1].version" in err and "regel 2" in err
    assert "_commgen_history[2]" in err


def test_changes_from_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Scripted, as commgen new --answers: the changed answers come from a file."""
    answers = first_version(tmp_path, capsys)
    changes = tmp_path / "wijzigingen.yaml"
    changes.write_text("media: published\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "update", str(answers), "--answers", str(changes),
                             "--yes")
    assert code == 0, out + err
    assert "Sinds ons vorige bericht zijn er berichten over de school verschenen" in docx_text(
        tmp_path / "update-ouders-klas.docx")
    assert history(answers)[1]["changes"] == {"media": {"old": "none", "new": "published"}}


def test_news_with_a_finding_writes_nothing(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """"What is new" is checked like every answer: a name in it blocks the whole set, and no
    version is recorded."""
    answers = first_version(tmp_path, capsys)
    before = answers.read_bytes()
    code, out, err = run_cli(capsys, "update", str(answers), "--yes", "--set",
                             "media=published", "--set",
                             "update_news=Jan de Vries uit klas 3B heeft het beeld doorgestuurd.")
    assert code != 0
    assert "Traceback" not in out + err
    assert "niet vastgelegd" in out
    assert answers.read_bytes() == before
    assert not list(tmp_path.glob("update-*.docx"))


def test_only_what_can_change_is_asked(tmp_path: Path, catalog,  # type: ignore[no-untyped-def]
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """At the terminal: the questions marked `changes`, each with its current answer."""
    from commgen.app.update import run_update

    answers = first_version(tmp_path, capsys)
    asked: dict[str, object] = {}

    def asker(question, catalog, current):  # type: ignore[no-untyped-def]
        asked[question.id] = current
        return ["advice", "wijkagent"] if question.id == "police" else current

    outcome = run_update(catalog, answers, tmp_path, asker=asker, interactive=True, yes=True)
    assert outcome.version is not None and outcome.version.number == 2
    marked = {q.id for q in catalog.questions if q.changes in ("yes", "news")}
    assert set(asked) <= marked
    assert {"police", "media", "approvals", "approved_by", "update_news"} <= set(asked)
    assert "school_name" not in asked and "statement_version" not in asked
    assert asked["police"] == ["advice"] and asked["media"] == "none"
    assert asked["update_news"] is None  # what is new starts empty
    assert outcome.version.changes == {"police": (["advice"], ["advice", "wijkagent"])}


def test_missing_answers_file_is_a_clear_message(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run_cli(capsys, "update", str(tmp_path / "nergens" / "antwoorden.yaml"),
                              "--yes")
    assert code != 0
    assert "bestand niet gevonden" in err and "Traceback" not in err


def test_generate_does_not_make_update_letters(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    answers = write_answers(tmp_path)
    code, _out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path / "d"),
                              "--only", "update-pers")
    assert code != 0
    assert "commgen update" in err and "Traceback" not in err


def test_a_next_update_that_has_gone_is_not_kept(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    answers = first_version(tmp_path, capsys,
                            {"next_update_date": (dt.date.today() - dt.timedelta(days=3))
                             .isoformat()})
    before = answers.read_bytes()
    code, out, err = run_cli(capsys, "update", str(answers), "--yes", "--set", "media=published")
    assert code == 2 and "next_update_date" in err and "nog moet komen" in err, out + err
    assert "Traceback" not in err and answers.read_bytes() == before
    assert not list(tmp_path.glob("update-*"))
    update(capsys, answers, "--set", "media=published", "--set",
           f"next_update_date={_ahead(2)}")
    assert list(tmp_path.glob("update-*"))


def test_we_wrote_to_you_on_the_day_of_the_last_letter_that_audience_got(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from commgen.foundation.formatting import DateText

    answers = first_version(tmp_path, capsys)
    update(capsys, answers, "--set", f"next_update_date={_ahead(4)}")  # a version, no letters
    assert not list(tmp_path.glob("update-ouders-klas*"))
    update(capsys, answers, "--set", "media=published", "--set", f"next_update_date={_ahead(5)}")
    first = history(answers)[0]
    day = str(DateText(dt.date.fromisoformat(str(first["date"])), "nl"))
    text = docx_text(tmp_path / "update-ouders-klas.docx")
    assert f"sinds ons bericht van {day}." in text, text
    assert [s["document"] for s in history(answers)[1]["sent"]] == []  # nothing went out
