"""``commgen update`` after the primary-school trial (issue 17, five updates): the command
that goes on names the output folder, the history keeps it, a blocked update says how to fix
it with commgen update, and what the officer is told to paste."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from commgen.foundation.errors import InterviewStopped
from tests.conftest import run_cli, write_answers
from tests.test_update import FIRST, SECOND, THIRD, first_version, history, update


def _case_with_docs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A case folder with the answers file and its documents in docs/ beside it."""
    folder = tmp_path / "zaak"
    folder.mkdir()
    answers = write_answers(folder, FIRST)
    code, _out, err = run_cli(capsys, "generate", str(answers), "--out", str(folder / "docs"))
    assert code == 0, err
    return answers


def test_a_blocked_update_says_how_to_fix_it_with_update(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = first_version(tmp_path, capsys)
    code, out, err = run_cli(capsys, "update", str(answers), "--yes", "--set",
                             "update_news=Jan de Vries uit klas 3B heeft het beeld doorgestuurd.")
    assert code != 0
    assert "commgen new --resume" not in out + err
    assert f'commgen update "{answers}"' in out


def test_the_output_folder_is_kept_and_named_in_the_command_that_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], catalog,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    from commgen.app.update import draft_path, run_update

    monkeypatch.chdir(tmp_path)
    answers = _case_with_docs(tmp_path, capsys)
    docs = answers.parent / "docs"

    def stop(question, catalog, current):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    with pytest.raises(InterviewStopped) as stopped:
        run_update(catalog, answers, docs, asker=stop, interactive=True)
    assert f'--out "{docs}"' in str(stopped.value)
    assert f'--out "{docs}"' in draft_path(answers).read_text(encoding="utf-8")
    draft_path(answers).unlink()

    update(capsys, answers, *SECOND, "--out", str(docs))
    assert history(answers)[-1]["out"] == "docs"  # relative: the case folder may move
    update(capsys, answers, *THIRD)  # no --out: where the history says the documents are
    assert (docs / "update-ouders-klas.docx").exists()
    assert not (tmp_path / "commgen-documenten").exists()
    assert [v["version"] for v in history(answers)] == [1, 2, 3]
    assert yaml.safe_load(answers.read_text(encoding="utf-8"))["_commgen_history"][-1][
        "out"] == "docs"


def _primary_school(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The trial's case: a primary school whose letters go through Parro."""
    answers = write_answers(tmp_path, {"next_update_date": _ahead(1)}, base="po-basisschool")
    code, _out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path))
    assert code == 0, err
    return answers


def _ahead(days: int) -> str:
    import datetime as dt

    return (dt.date.today() + dt.timedelta(days=days)).isoformat()


def _how_to_send(out: str) -> str:
    return out.split("Zo verstuurt u ze:", 1)[1] if "Zo verstuurt u ze:" in out else ""


def test_update_letters_to_parents_word_and_channel(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Update letters say which update in a word, count from the last letter, carry the
    channel line the first letters carry, and "how to send" names only what goes out now."""
    from tests.test_update import docx_text

    answers = _primary_school(tmp_path, capsys)
    out, _err = update(capsys, answers, "--set", "spread=several_classes",
                       "--set", "letter_other_classes=none",
                       "--set", f"next_update_date={_ahead(2)}")
    letter = docx_text(tmp_path / "update-ouders-klas.docx")
    assert "Deel dit bericht alstublieft niet buiten Parro." in letter
    assert "In deze eerste update leest u alleen wat er nieuw is sinds ons bericht van" in letter
    assert "Vragen over deze eerste update kunt u stellen" in letter
    assert "De tweede update volgt op" in letter
    for old in ("sindsdien", "update 1 leest", "Vragen over update", "Na deze update"):
        assert old not in letter
    sending = _how_to_send(out)
    assert "update-ouders-klas.txt" in sending and "brief-ouders-klas.txt" not in sending

    out, _err = update(capsys, answers, "--set", "media=published",
                       "--set", f"next_update_date={_ahead(3)}")
    assert "In deze tweede update" in docx_text(tmp_path / "update-ouders-klas.docx")
    assert "In deze tweede update lees je" in docx_text(tmp_path / "update-team.docx")
    sending = _how_to_send(out)
    assert "update-ouders-klas.txt" in sending and "brief-ouders-klas.txt" not in sending


def _school_case(folder: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A case folder as the officer keeps it: answers, the school's logo beside them (named
    relative), the documents in docs/."""
    import shutil

    from tests.conftest import SAMPLES, sample_data

    folder.mkdir(parents=True)
    shutil.copytree(SAMPLES / "scholen", folder / "scholen")
    data = {**sample_data("po-basisschool"), "next_update_date": _ahead(1),
            "letter_other_classes": "none"}
    answers = folder / "antwoorden.yaml"
    answers.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                       encoding="utf-8")
    code, _out, err = run_cli(capsys, "generate", str(answers), "--out", str(folder / "docs"))
    assert code == 0, err
    return answers


def test_a_moved_case_folder_keeps_its_documents_and_its_logo(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json
    import shutil

    from commgen.app.output import MANIFEST_NAME

    first = _school_case(tmp_path / "zaak", capsys)
    manifest = json.loads((first.parent / "docs" / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert {e["answers"] for e in manifest["files"].values()} == {"../antwoorden.yaml"}
    moved = tmp_path / "elders" / "zaak"
    moved.parent.mkdir()
    shutil.move(str(first.parent), str(moved))
    answers = moved / "antwoorden.yaml"
    update(capsys, answers, "--set", "media=published", "--out", str(moved / "docs"))
    assert not list((moved / "docs").glob("* (2).*"))  # its own documents, replaced
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert data["school_logo"] == "scholen/vlinderboom-logo.png"
    assert data["_commgen_history"][-1]["out"] == "docs"


def test_a_manifest_with_absolute_paths_of_an_older_commgen_is_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from commgen.app.output import MANIFEST_NAME

    answers = _school_case(tmp_path / "zaak", capsys)
    path = answers.parent / "docs" / MANIFEST_NAME
    manifest = json.loads(path.read_text(encoding="utf-8"))
    for entry in manifest["files"].values():
        entry["answers"] = str(answers.resolve())
    path.write_text(json.dumps(manifest), encoding="utf-8")
    update(capsys, answers, "--set", "media=published", "--out", str(answers.parent / "docs"))
    assert not list((answers.parent / "docs").glob("* (2).*"))
    assert history(answers)[0]["sent"]  # version 1: the documents the manifest names


def test_the_history_records_only_what_happened(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The letter to the other school reaches no audience of update letters; a question that
    went out of its condition is no change; the school's words (groep) are not what a letter
    told of; a list's change is shown as what came and what went."""
    answers = _school_case(tmp_path / "zaak", capsys)
    docs = answers.parent / "docs"
    update(capsys, answers, "--set", "spread=other_schools", "--out", str(docs))
    versions = history(answers)
    other = [s for v in versions for s in v["sent"] if s["document"] == "brief-andere-school"]
    assert other and {s["audience"] for s in other} == {"outside"}
    assert "unrest" not in versions[-1]["changes"]  # it applies only to one class or fewer
    assert not [s for v in versions for s in v["sent"] if "school_type" in s.get("about", [])]

    update(capsys, answers, "--set", "police=[advice, investigation]",
           "--set", "approvals=[board, family, police]")
    code, out, err = run_cli(capsys, "history", str(answers))
    assert code == 0, err
    police = [line for line in out.splitlines() if "+ " in line and "→" not in line]
    assert police, out
    assert "advies" not in police[0].split("+ ", 1)[1], police  # only what came


def test_a_removed_version_folder_is_warned_and_kept_in_the_timeline(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    answers = first_version(tmp_path, capsys)
    update(capsys, answers, *SECOND)
    update(capsys, answers, *THIRD)
    shutil.rmtree(tmp_path / "versies" / "versie-2")
    code, out, err = run_cli(capsys, "history", str(answers))
    assert code == 0, err
    assert "versie(s) 2 ontbreken" in err, err
    assert "versies/versie-2 (ontbreekt" in out  # the version stays in the timeline
    assert "Versie 2 ·" in out
    _out, err = update(capsys, answers, "--set", "media=questions")
    assert "versie(s) 2" in err  # the update says it too


def test_one_version_says_each_fact_once_and_the_same_everywhere(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The team handout: the report to the police once (not "gemeld bij de politie" beside
    the aangifte), the other schools once; the press hears how far it spread as the parents
    do; the crisis team's update speaks of the other schools, as the other documents do."""
    from tests.test_update import docx_text

    answers = first_version(tmp_path, capsys, {
        "police": ["advice", "report_family", "investigation"], "reporting": ["police"],
        "approvals": ["board", "family", "police"],
        "spread": ["several_classes", "other_schools"]})
    team = docx_text(tmp_path / "handreiking-team.docx")
    assert "Er is aangifte gedaan bij de politie." in team
    assert "Het beeld is gemeld bij de politie." not in team
    assert "op andere scholen gedeeld;" not in team  # "buiten onze school" said it already
    press = docx_text(tmp_path / "persverklaring.docx")
    assert "De precieze omvang is nog niet bekend." not in press
    assert "in meerdere klassen" in press

    code, out, _err = run_cli(capsys, "update", str(answers), "--yes", "--set",
                              "update_news=De precieze omvang is nog niet bekend.")
    # the parents' letters say "meerdere klassen"
    assert code != 0 and "spreekt een andere zin van deze versie tegen" in out


def test_an_update_letter_tells_the_facts_earliest_first(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.test_update import docx_text

    answers = first_version(tmp_path, capsys)
    update(capsys, answers, "--set", "police=[investigation, report_family, advice]",
           "--set", "approvals=[board, family, police]")
    text = docx_text(tmp_path / "update-ouders-klas.docx")
    said = [text.index(s) for s in ("politie om advies", "aangifte", "onderzoek")]
    assert said == sorted(said), text
