"""An answers file that names its school profile (``school: NAME`` or a file) keeps naming it
when commgen saves it again: a resumed interview, ``new --school`` and ``new --answers`` write
the ``school:`` line and leave the profile's own answers out, so that a change to the profile
still counts for the case (the last round's trial left this: a resume dropped the line and
copied the school's facts into the file)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from commgen.docx.reader import docx_text
from tests.conftest import SAMPLES, run_cli, sample_data
from tests.test_interview import ANSWERS, invoke, typed

PROFILE_QUESTIONS = ("school_name", "school_place", "school_type", "school_address",
                     "school_postcode", "school_phone", "school_email", "school_website",
                     "school_logo", "signatory")


def _keys(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _upto(qid: str) -> int:
    return [q for q, _ in ANSWERS].index(qid) + 1


def _school_skip() -> tuple[str, ...]:
    return ("school_name", "school_place", "school_type")


def test_new_with_school_names_the_profile_and_a_resume_keeps_it(tmp_path: Path) -> None:
    upto = _upto("pupil_visible")
    first = invoke(["new", "--school", "vlinderboom", "--out", str(tmp_path)],
                   typed(skip=_school_skip(), upto=upto))
    assert first.exception is not None  # stopped halfway, as a user does
    draft = tmp_path / "antwoorden.yaml"
    keys = _keys(draft)
    assert keys["school"] == "vlinderboom"
    assert not set(PROFILE_QUESTIONS) & set(keys), keys  # the profile's facts stay out
    assert keys["reported_date"]  # an answer of the case itself is kept

    rest = typed(skip=_school_skip())[len(typed(skip=_school_skip(), upto=upto)):]
    resumed = invoke(["new", "--resume", str(draft)], [*rest, "q"])
    assert resumed.exit_code == 0, resumed.output
    keys = _keys(draft)
    assert keys["school"] == "vlinderboom", "the resume dropped the school line"
    assert not set(PROFILE_QUESTIONS) & set(keys), keys
    made = invoke(["generate", str(draft), "--out", str(tmp_path / "docs")], [])
    assert made.exit_code == 0, made.output
    text = docx_text((tmp_path / "docs" / "communicatiestatement.docx").read_bytes())
    assert "OBS De Vlinderboom, Zwolle" in text


def test_a_changed_profile_answer_is_written_in_the_file(tmp_path: Path) -> None:
    """The file's own line wins over the profile when read, so an answer changed away from
    the profile's is written; the rest still comes from the profile."""
    given = _given(tmp_path, school_place="Kampen")
    result = invoke(["new", "--answers", str(given), "--yes", "--out", str(tmp_path / "out")],
                    [])
    assert result.exit_code == 0, result.output
    keys = _keys(tmp_path / "out" / "antwoorden.yaml")
    assert keys["school"] == "vlinderboom" and keys["school_place"] == "Kampen"
    assert "school_name" not in keys
    text = docx_text((tmp_path / "out" / "communicatiestatement.docx").read_bytes())
    assert "OBS De Vlinderboom, Kampen" in text


def test_a_profile_file_is_named_from_the_draft_s_folder(tmp_path: Path) -> None:
    """``--school ../scholen/x.yaml`` counts from the working folder; the draft in another
    folder names the same file counted from its own folder, so it still loads when moved
    together with the profile, or resumed from anywhere."""
    scholen = tmp_path / "stichting" / "scholen"
    scholen.mkdir(parents=True)
    for name in ("vlinderboom.yaml", "vlinderboom-logo.png"):
        shutil.copy(SAMPLES / "scholen" / name, scholen / name)
    out = tmp_path / "stichting" / "zaken" / "zaak-1"
    result = invoke(["new", "--school", str(scholen / "vlinderboom.yaml"), "--out", str(out)],
                    typed(skip=_school_skip(), upto=_upto("pupil_visible")))
    assert result.exception is not None
    draft = out / "antwoorden.yaml"
    assert _keys(draft)["school"] == "../../scholen/vlinderboom.yaml"
    moved = tmp_path / "kopie"
    shutil.copytree(tmp_path / "stichting", moved / "stichting")
    copy = moved / "stichting" / "zaken" / "zaak-1" / "antwoorden.yaml"
    rest = typed(skip=_school_skip())[len(typed(skip=_school_skip(),
                                                upto=_upto("pupil_visible"))):]
    resumed = invoke(["new", "--resume", str(copy)], [*rest, "q"])
    assert resumed.exit_code == 0, resumed.output
    assert _keys(copy)["school"] == "../../scholen/vlinderboom.yaml"


def _given(folder: Path, **own: str) -> Path:
    """A case's answers that name the bundled profile instead of copying its facts."""
    case = folder / "zaak"
    case.mkdir()
    data = {k: v for k, v in yaml.safe_load((SAMPLES / "po-basisschool.yaml").read_text(
        encoding="utf-8")).items() if k not in PROFILE_QUESTIONS and not k.startswith("_")}
    given = case / "gegeven.yaml"
    given.write_text(yaml.safe_dump({"school": "vlinderboom", **data, **own},
                                    allow_unicode=True, sort_keys=False), encoding="utf-8")
    return given


def test_new_with_an_answers_file_keeps_the_profile_it_names(tmp_path: Path) -> None:
    given = _given(tmp_path)
    result = invoke(["new", "--answers", str(given), "--yes", "--out", str(tmp_path / "out")],
                    [])
    assert result.exit_code == 0, result.output
    keys = _keys(tmp_path / "out" / "antwoorden.yaml")
    assert keys["school"] == "vlinderboom"
    assert not set(PROFILE_QUESTIONS) & set(keys)
    text = docx_text((tmp_path / "out" / "communicatiestatement.docx").read_bytes())
    assert "OBS De Vlinderboom" in text


def test_an_update_keeps_the_profile_the_case_names(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """``commgen update`` writes the next version into the same answers file: the line that
    names the profile stays, the profile's facts stay out."""
    from tests.test_update import FIRST, SECOND

    data = {k: v for k, v in sample_data("vo-politie").items() if k not in PROFILE_QUESTIONS}
    answers = tmp_path / "antwoorden.yaml"
    answers.write_text(yaml.safe_dump({"school": "hetbaken", **data, **FIRST},
                                      allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, _out, err = run_cli(capsys, "generate", str(answers), "--out", str(tmp_path))
    assert code == 0, err
    code, out, err = run_cli(capsys, "update", str(answers), "--yes", *SECOND)
    assert code == 0, out + err
    keys = _keys(answers)
    assert keys["school"] == "hetbaken" and keys["statement_version"] == "2"
    assert not set(PROFILE_QUESTIONS) & set(keys), keys
