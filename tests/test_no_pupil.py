"""When no pupil of the school is visible, the documents tell that story: they say so, speak
to the children who saw it, drop every victim sentence, and the interview asks no victim
questions; a pupil of another school means coordinating with that school."""

from __future__ import annotations

from pathlib import Path

import pytest

from commgen.app.generate import generate
from commgen.docx.reader import docx_text
from commgen.foundation.errors import CatalogError
from commgen.questions.catalog import load_catalog
from tests.conftest import TEMPLATES, write_answers
from tests.goldentext import NOW

VICTIM = ("Wie is de leerling?", "Over de leerlingen die hierbij betrokken zijn",
          "hoeft niet te weten wat er op het beeld staat", "gesproken met de leerling",
          "ouders van de leerling", "zelf heeft gekozen")


def _texts(tmp_path: Path, overrides: dict | None = None) -> dict[str, str]:  # type: ignore[type-arg]
    path = write_answers(tmp_path, {"audiences": ["parents_class", "staff", "press", "online"],
                                    "channel": ["group_apps", "public_online"],
                                    "reporting": ["meldpunt"], **(overrides or {})},
                         base="po-geen-leerling-zichtbaar")
    result = generate(path, tmp_path / "out", TEMPLATES, now=NOW)
    return {w.path.stem: docx_text(w.path.read_bytes()) for w in result.written
            if w.path.suffix == ".docx"}


def test_every_document_tells_the_no_pupil_story(tmp_path: Path) -> None:
    texts = _texts(tmp_path)
    assert set(texts) >= {"communicatiestatement", "communicatiestatement-website",
                          "brief-ouders-klas", "brief-ouders-andere-klassen", "persverklaring",
                          "handreiking-team"}
    for name, text in texts.items():
        if name == "verwijderverzoek-platform":  # to a platform: the URL and the report only
            continue
        assert "geen leerling van onze school" in text or (
            "geen leerling van de school" in text), name
        for victim in VICTIM:
            assert victim not in text, (name, victim)
    for name in ("brief-ouders-klas", "brief-ouders-andere-klassen"):
        assert "niet de schuld van uw kind" in texts[name]
        assert "niet in de problemen" in texts[name]
        assert "verwijderen" in texts[name]
    assert "het is niet jouw schuld, je mag erover praten" in texts["handreiking-team"]
    assert "Staat er een leerling van de school op het beeld?" in texts["communicatiestatement"]
    for name in ("brief-ouders-klas", "handreiking-team"):
        assert "Meldpunt Kinderporno" in texts[name]


def test_a_pupil_of_another_school_means_coordinating_with_that_school(tmp_path: Path) -> None:
    texts = _texts(tmp_path, {"pupil_elsewhere": True})
    shareable, annex = texts["communicatiestatement"].split("Bijlage: alleen voor het crisisteam")
    assert ("leerling van een andere school. De school stemt haar aanpak af met die school."
            in shareable)
    assert "Neem contact op met de school van de leerling op het beeld" in annex
    assert "De school stemt haar aanpak af met een andere school." in texts["persverklaring"]
    assert "de schoolleiding stemt af met die school" in texts["handreiking-team"]


def test_the_interview_offers_no_victim_choices_without_a_pupil(catalog) -> None:  # type: ignore[no-untyped-def]
    values = {"pupil_visible": False}
    offered = {qid: [c.value for c in catalog.offered(catalog.by_id[qid], values).choices]
               for qid in ("actions", "police", "approvals")}
    assert not {"talk_victim", "parents_victim", "buddies"} & set(offered["actions"])
    assert "report_family" not in offered["police"] and "advice" in offered["police"]
    assert offered["approvals"] == ["board", "police"]
    with_pupil = catalog.offered(catalog.by_id["actions"], {"pupil_visible": True})
    assert "talk_victim" in [c.value for c in with_pupil.choices]
    assert not catalog.applies(catalog.by_id["origin"], values)
    assert not catalog.applies(catalog.by_id["class_named"], {**values,
                                                              "audiences": ["parents_class"]})


def test_a_choice_condition_on_an_unknown_question_is_a_catalogue_error(
        template_copy: Path) -> None:
    path = template_copy / "catalog.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      when: pupil_visible\n", "      when: pupil_visibel\n", 1),
                    encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog(template_copy)
    assert "pupil_visibel" in info.value.problems[0].message
