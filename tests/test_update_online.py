"""``commgen update`` when the public account with the image went offline (trial cli9, finding
17): one structured answer changes the platform sentences in every document of the version,
with careful words ("offline gehaald; we blijven alert"), never "overal verwijderd"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_update import _ahead, docx_text, first_version, update

ONLINE = {"channel": ["group_apps", "public_online"], "reporting": ["platform", "helpwanted"],
          "spread": ["several_classes"]}
STILL_ONLINE = "gevraagd het beeld te verwijderen van de plaatsen waar het online staat"
OFFLINE = "offline gehaald"


def test_an_account_taken_offline_changes_every_document_and_is_told_carefully(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = first_version(tmp_path, capsys, ONLINE)
    before = {name: docx_text(tmp_path / f"{name}.docx")
              for name in ("persverklaring", "communicatiestatement-website")}
    for name, text in before.items():
        assert STILL_ONLINE in text and OFFLINE not in text, name
    update(capsys, answers, "--set", "online_status=offline", "--set",
           f"next_update_date={_ahead(2)}")
    for name in ("persverklaring", "communicatiestatement-website", "communicatiestatement",
                 "brief-ouders-klas"):
        text = docx_text(tmp_path / f"{name}.docx")
        assert STILL_ONLINE not in text, name
        assert "Het openbare account met het beeld is offline gehaald" in text, name
        assert "alert" in text, name
    handout = docx_text(tmp_path / "handreiking-team.docx")
    assert "platform waarop het staat" not in handout
    for name in ("update-ouders-klas", "update-pers", "update-communicatiestatement"):
        text = docx_text(tmp_path / f"{name}.docx")
        assert "inmiddels offline gehaald" in text, name
    for path in tmp_path.glob("*.docx"):  # the not-said list quotes it as what never to say
        text = docx_text(path).replace("“het beeld is overal verwijderd”", "")
        assert "overal verwijderd" not in text, path.name


def test_the_online_question_is_asked_only_when_the_image_is_public(catalog) -> None:  # type: ignore[no-untyped-def]
    question = catalog.by_id["online_status"]
    assert question.changes
    assert [c.value for c in question.choices] == ["online", "offline", "unknown"]
    labels = " ".join(c.label["nl"] for c in question.choices)
    assert "verwijderd" not in labels
    values = {q.id: None for q in catalog.questions}
    assert catalog.applies(question, {**values, "channel": ["group_apps", "public_online"]})
    assert not catalog.applies(question, {**values, "channel": ["group_apps"]})
