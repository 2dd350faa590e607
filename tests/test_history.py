"""``commgen history``: the timeline of a case, on the terminal and as a Word document; the
history in the answers file: read with clear errors, and made for a file without one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import run_cli, write_answers
from tests.test_update import SECOND, docx_text, first_version, three_versions


def test_timeline_lists_every_version(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    answers = three_versions(tmp_path, capsys)
    target = tmp_path / "crisisdossier" / "tijdlijn.docx"
    target.parent.mkdir()
    code, out, err = run_cli(capsys, "history", str(answers), "--docx", str(target))
    assert code == 0, err
    for n in (1, 2, 3):
        assert f"Versie {n} · " in out
    assert "eerste versie van het statement" in out
    assert "Is de politie betrokken?: + politieonderzoek" in out  # what came, not both lists
    assert "Is er aandacht van de media?: geen → al in het nieuws of op sociale media" in out
    assert ("Goedgekeurd door: schoolbestuur, de leerling en de ouders, politie (directeur en "
            "bestuurder)") in out
    assert "versie 3: Aanvulling op de persverklaring, aan pers en website: update-pers.docx" in out
    assert "“De ouderavond gaat door zoals gepland.”" in out
    # Every version's answers can be read back: the current ones with later changes undone.
    from commgen.answers.answersfile import load_answers
    from commgen.answers.history import answers_at, stored_values
    from commgen.questions.catalog import load_catalog
    from tests.conftest import TEMPLATES

    catalog = load_catalog(TEMPLATES)
    loaded = load_answers(answers, catalog)
    now = stored_values(catalog, loaded.values)
    first, second = (answers_at(loaded.history, now, n) for n in (1, 2))
    assert first["police"] == ["advice"] and first["media"] == "none"
    assert second["police"] == ["advice", "investigation"] and second["media"] == "none"
    assert now["media"] == "published"

    text = docx_text(target)
    for n in (1, 2, 3):
        assert f"Versie {n} · " in text
    assert "versie 2: Update voor het team, aan het team: update-team.docx" in text

    # Again: the timeline commgen wrote is replaced, not copied beside it.
    code, _out, err = run_cli(capsys, "history", str(answers), "--docx", str(target))
    assert code == 0, err
    assert sorted(p.name for p in target.parent.glob("*.docx")) == ["tijdlijn.docx"]


def test_file_without_history_is_version_one(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """An answers file of an older commgen (format 1, no history): shown as version 1, with
    the documents its folder's manifest lists; the file itself is not changed."""
    answers = first_version(tmp_path, capsys)
    before = answers.read_bytes()
    code, out, err = run_cli(capsys, "history", str(answers))
    assert code == 0, err
    assert "nog geen eerdere update" in err and "versie 1" in err
    assert "Versie 1 · 21 november 2026, 11:15 uur" in out
    assert "versie 1: Brief aan de ouders van de groep of klas" in out
    assert answers.read_bytes() == before


def test_file_without_documents_assumes_the_set(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    answers = write_answers(tmp_path)
    code, out, err = run_cli(capsys, "history", str(answers))
    assert code == 0, err
    assert "geen documenten" in err.lower() or "staan geen documenten" in err
    assert "versie 1: Persverklaring" in out


@pytest.mark.parametrize(("history", "where"), [
    ("_commgen_history: oops\n", "'_commgen_history'"),
    ("_commgen_history:\n- version: 1\n  date: 2026-11-21\n  approvals: bestuur\n",
     "_commgen_history[1].approvals"),
    ("_commgen_history:\n- version: 1\n  date: 2026-11-21\n  changes:\n    police: [a]\n",
     "_commgen_history[1].changes.police"),
    ("_commgen_history:\n- version: 1\n  date: 2026-11-21\n  sent:\n  - file: x.docx\n",
     "_commgen_history[1].sent[1]"),
    ("_commgen_history:\n- version: 1\n  date: 2026-11-21\n- version: 3\n  date: 2026-11-22\n",
     "_commgen_history[2].version"),
    ("_commgen_history:\n- version: 1\n", "_commgen_history[1]"),
])
def test_bad_history_names_file_line_and_key(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             history: str, where: str) -> None:
    answers = write_answers(tmp_path)
    answers.write_text(history + answers.read_text(encoding="utf-8"), encoding="utf-8")
    code, _out, err = run_cli(capsys, "history", str(answers))
    assert code != 0
    assert "Traceback" not in err
    assert "antwoorden.yaml, regel" in err and where in err, err


def test_history_survives_an_interview_resume(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """commgen new --resume saves the answers file: the history stays in it."""
    answers = first_version(tmp_path, capsys)
    code, _out, err = run_cli(capsys, "update", str(answers), "--yes", *SECOND)
    assert code == 0, err
    code, _out, err = run_cli(capsys, "new", "--resume", str(answers), "--yes",
                              "--set", "desk_hours=van 8:30 tot 16:30 uur")
    assert code == 0, err
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert [v["version"] for v in data["_commgen_history"]] == [1, 2]
    assert data["_commgen"] == 2 and data["desk_hours"] == "van 8:30 tot 16:30 uur"


def test_a_question_changed_in_two_versions_is_no_repeated_sentence(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The timeline and the evaluation name the same question once per version that changed it;
    that is their structure, not a sentence said twice by mistake."""
    from tests.test_update import _ahead, update

    answers = first_version(tmp_path, capsys)
    for days in (5, 9):
        update(capsys, answers, "--set", f"evening_date={_ahead(days)}")
    timeline = tmp_path / "tijdlijn.docx"
    code, out, err = run_cli(capsys, "history", str(answers), "--docx", str(timeline))
    assert code == 0, out + err
    assert docx_text(timeline).count("Op welke dag is de ouderavond?") == 2
    code, out, err = run_cli(capsys, "evaluate", str(answers), "--out", str(tmp_path / "eval"))
    assert code == 0, out + err
