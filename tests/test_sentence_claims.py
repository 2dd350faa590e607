"""Every sentence that states a fact names the answers that make it true: a test walks all
sentences of the phrasing tables against the claim patterns in regels/consistentie.yaml; and
the claims the issue found are gone for the answers that do not support them."""

from __future__ import annotations

from pathlib import Path

import yaml

from commgen.app.generate import generate
from commgen.docx.reader import docx_text
from commgen.foundation.yamlfile import load_mapping
from commgen.render.snippets import sentence_sources, unbacked_claims
from tests.conftest import TEMPLATES, write_answers
from tests.goldentext import NOW

SNIPPETS = TEMPLATES.parent / "snippets" / "nl"


def _claims() -> dict[str, list[str]]:
    data = yaml.safe_load((SNIPPETS / "regels" / "consistentie.yaml").read_text("utf-8"))
    return data["beweringen"]["zinnen"]


def _sources(path: Path = SNIPPETS / "phrases.yaml"):  # type: ignore[no-untyped-def]
    data, problems = load_mapping(path)
    assert not problems
    return sentence_sources(data)


def test_every_factual_sentence_depends_on_the_answer_that_makes_it_true() -> None:
    unbacked = unbacked_claims(_sources(), _claims())
    assert unbacked == [], [(s.key, s.line, claim) for s, claim, _q in unbacked]


def test_a_fact_without_its_answer_is_found(tmp_path: Path) -> None:
    text = (SNIPPETS / "phrases.yaml").read_text(encoding="utf-8")
    extra = text.replace("sentences:\n", "sentences:\n  loose:\n    - all: De school werkt "
                         "samen met de politie.\n", 1)
    path = tmp_path / "phrases.yaml"
    path.write_text(extra, encoding="utf-8")
    unbacked = unbacked_claims(_sources(path), _claims())
    assert [s.key for s, _c, _q in unbacked] == ["sentences.loose.all"]


def _texts(tmp_path: Path, overrides: dict, base: str = "po-basisschool") -> dict[str, str]:  # type: ignore[type-arg]
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = write_answers(tmp_path, overrides, base=base)
    result = generate(path, tmp_path / "out", TEMPLATES, now=NOW)
    return {w.path.stem: docx_text(w.path.read_bytes()) for w in result.written
            if w.path.suffix == ".docx"}


def test_the_police_only_advised_and_one_group_had_a_lesson(tmp_path: Path) -> None:
    texts = _texts(tmp_path, {"police": ["advice"], "reporting": ["police"],
                              "actions": ["lesson", "confidant"],
                              "approvals": ["board", "police", "family"],
                              "audiences": ["parents_class", "staff", "press", "online"]})
    every = "\n".join(texts.values())
    assert "samen met de politie" not in every
    assert "in overleg met de politie" not in every
    assert "gemeld bij de politie" not in every
    assert "De school heeft de politie over het beeld ingelicht." in texts["communicatiestatement"]
    # the press hears of the lesson, but not in how many groups (trial cli9, finding 19)
    assert "In de groepen is met leerlingen gesproken" not in every
    assert "Met leerlingen is gesproken over toestemming" in texts["persverklaring"]
    assert "één groep" not in texts["persverklaring"]
    assert "drie groepsgenoten" not in every and "gevraagd als steun" not in every


def test_buddies_and_a_lesson_in_several_groups_are_said_when_answered(tmp_path: Path) -> None:
    texts = _texts(tmp_path, {"actions": ["lesson", "buddies"], "lesson_classes": "several",
                              "audiences": ["parents_class", "staff", "press"]})
    assert "Met leerlingen is gesproken over toestemming" in texts["persverklaring"]
    assert "In de groepen is" in "\n".join(texts.values())  # several groups, said so
    assert "gevraagd als steun" in texts["handreiking-team"]


def test_lesson_material_is_chosen_by_school_type(tmp_path: Path) -> None:
    po = _texts(tmp_path / "po", {})["handreiking-team"]
    vo = _texts(tmp_path / "vo", {}, base="vo-politie")["handreiking-team"]
    assert "Kriebels in je buik" in po and "Lang Leve de Liefde" not in po
    assert "Lang Leve de Liefde" in vo and "Kriebels in je buik" not in vo
