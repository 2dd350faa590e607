"""The trained sentence check (commgen/checks/model.py): the shipped weights load, score the
same in every process, were trained on the data in the repository, and their findings look
like the rules' findings and reach `commgen check`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter

import pytest
from docx import Document

from bench import corpus_eval
from commgen.checks.allow import AllowList
from commgen.checks.findings import CATEGORIES
from commgen.checks.model import (
    MODEL_FILE,
    MODEL_RULE,
    NAME_TOKEN,
    class_features,
    features,
    load_model,
    model_findings,
    model_from_json,
    sentence_spans,
    word_classes,
    words,
)
from commgen.checks.rules import RULES_FOLDER
from commgen.checks.run import make_checker, snippets_folder
from commgen.checks.spans import Spans
from commgen.foundation.concepts import ERROR, SEVERITIES, WARNING
from commgen.foundation.errors import CatalogError
from tests.conftest import ROOT, run_cli
from tools import train_model

RULES = snippets_folder() / RULES_FOLDER
SHIPPED = RULES / MODEL_FILE
# Blame the rules did not find when the model was made, written for this test (in no corpus
# set, so the model was not trained on it). Since the retrain on twelve parts (round detect9)
# the model marks it as a warning: its error threshold rose with the new clean sentences.
BLAME = "Met zo'n foto heeft ze het zichzelf wel moeilijk gemaakt."
BLAME_LEVEL = WARNING


def _shipped() -> dict:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


def test_the_shipped_model_loads_and_is_small() -> None:
    model = load_model(RULES)
    assert model is not None
    # 1.75 MB: 48 parts hold 34,600 features (1.56 MB in round 19; the in-process peak memory
    # is measured by bench/bench_all.py)
    assert SHIPPED.stat().st_size < 1792 * 1024
    assert model.categories == train_model.CATEGORIES
    assert set(model.categories) <= set(CATEGORIES)
    for warning, error in zip(model.warning, model.error, strict=True):
        assert warning <= error
    assert len(model.index) > 1000
    assert len(model.columns) == len(model.categories)
    assert all(len(column) == len(model.index) for column in model.columns)


def test_scores_are_the_same_from_the_file_from_the_cache_and_in_another_process() -> None:
    texts = [BLAME, "Wij doen aangifte en werken samen met de politie.", "Ééntje 🙂 “citaat”."]
    from_file = [model_from_json(_shipped()).scores(t) for t in texts]
    loaded = load_model(RULES)
    assert loaded is not None
    assert [loaded.scores(t) for t in texts] == from_file
    script = ("import json, sys; from commgen.checks.model import load_model; "
              "from commgen.checks.run import snippets_folder; "
              "m = load_model(snippets_folder() / 'regels'); "
              "print(json.dumps([m.scores(t) for t in json.loads(sys.argv[1])]))")
    for seed in ("1", "2"):  # a set of features is iterated in another order: same sums
        done = subprocess.run([sys.executable, "-c", script, json.dumps(texts)], check=True,
                              capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        assert json.loads(done.stdout) == from_file


def test_features_are_words_pairs_and_character_grams_inside_words() -> None:
    found = features("Zo naïef, 2B! Zo.", (3,))
    assert {"w:zo", "w:naïef", "w:0b", "b:zo naïef", "b:0b zo", "c: zo", "c:zo ", "c:aïe"} \
        <= set(found)
    assert found["w:zo"] == 1 and found["c: zo"] == 1  # a word said twice counts once
    assert features("zin zin zin") == features("zin") + Counter({"b:zin zin": 1})
    assert "c:o n" not in found  # no gram across two words
    assert not features("… – !")


def test_a_model_can_read_a_capitalised_word_inside_a_sentence_as_a_name() -> None:
    # the switch measured in round detect10 (tools/train_model.py NAMES; off in the shipped
    # model: on held-out oefen9 and oefen10 it moved nothing, bench/model_report.md)
    assert words("Wiktoria en Stefan belden het OM in K3A", names=True) == [
        "wiktoria", "en", NAME_TOKEN, "belden", "het", "om", "in", "k0a"]
    assert words("Wiktoria en Stefan") == ["wiktoria", "en", "stefan"]
    shipped = _shipped()
    assert not model_from_json(shipped).names
    reading = model_from_json({**shipped, "meta": {**shipped["meta"], "names": True}})
    assert reading.names
    assert reading.scores("Zo zegt Sven het.") == reading.scores("Zo zegt Priya het.")
    assert "w:" + NAME_TOKEN in features("Zo zegt Sven het.", names=True)


def test_words_of_a_class_together_are_a_feature_whatever_stands_between_them() -> None:
    # round detect12a: a pupil or a name as subject with a verb of spreading ("Tobias heeft
    # de video in een groepsapp gezet") is one feature the model can weigh on unseen wording
    by_word = word_classes({"leerling": ["hij"], "naam": [NAME_TOKEN],
                            "verspreiden": ["gezet", "gedeeld"]})
    named = features("Gisteren heeft Tobias de video in een groepsapp gezet.", by_word=by_word)
    assert {"k:naam", "k:verspreiden", "k:naam+verspreiden"} <= set(named)
    assert "k:leerling" not in named
    pupil = class_features("Hij heeft het gedeeld.", by_word)
    assert pupil == ["k:leerling", "k:verspreiden", "k:leerling+verspreiden"]  # 'Hij' opens it
    assert class_features("Hij heeft het gedeeld.", by_word, skip="gedeeld") == ["k:leerling"]
    assert class_features("Het is gedeeld.", {}) == []


def test_the_shipped_model_reads_the_word_classes_of_the_data_file() -> None:
    shipped = _shipped()
    assert shipped["classes"] == train_model.load_classes()
    model = model_from_json(shipped)
    assert model.by_word == word_classes(train_model.load_classes())
    assert "k:naam+verspreiden" in model.index  # the pair has weights: it was learnt


def test_the_shipped_model_was_trained_on_the_data_in_the_repository() -> None:
    meta = _shipped()["meta"]
    examples = [e for part in meta["parts"] for e in train_model.load_part(part)]
    examples += train_model.own_sentences()
    assert meta["examples"] == len(examples)
    assert meta["data_sha256"] == train_model.data_hash(examples), (
        "the corpus or the golden documents changed: run python tools/train_model.py")
    assert set(meta["parts"]) <= set(corpus_eval.SETS["dev"])  # never a frozen held-out set


def test_a_retrain_makes_the_shipped_file_again() -> None:
    pytest.importorskip("sklearn", reason="training needs the 'train' extra")
    data = train_model.train(_shipped()["meta"]["parts"])
    assert train_model.dump(data) == SHIPPED.read_text(encoding="utf-8")


def test_a_finding_of_the_model_has_the_shape_of_a_rule_finding() -> None:
    checker = make_checker("parents-class")
    text = f"Beste ouders,\n{BLAME}\n"
    findings = [f for f in checker.check(text) if f.rule == MODEL_RULE]
    assert [f.category for f in findings] == ["blame"]
    finding = findings[0]
    assert finding.severity == BLAME_LEVEL
    assert text[finding.start:finding.end] == finding.text == BLAME
    blame_rule = next(r for r in checker.rules if r.category == "blame")
    assert finding.suggestion == blame_rule.suggestion
    assert finding.message.startswith("Dit legt (een deel van) de schuld bij de leerling")
    assert set(finding.as_json()) == {"category", "severity", "start", "end", "text",
                                      "message", "suggestion"}
    # The audience weighs a model finding as any other: the crisis team's own statement
    # keeps speculation as a warning.
    internal = make_checker("internal")
    for f in internal.check("Volgens de wijkagent zou de afperser meer meisjes hebben benaderd."):
        assert f.severity in SEVERITIES
        if f.category == "speculation":
            assert f.severity != ERROR


def test_a_guarded_name_in_a_marked_sentence_is_never_shown() -> None:
    from commgen.foundation.concepts import GUARDED_MASK
    from commgen.questions.guard import GuardedNames

    checker = make_checker("parents-class", [GuardedNames.from_names(["Jorien Vos"])])
    # (a sentence the model marks and no blame rule does: the rule's finding would stand in)
    text = "Tja, Jorien zocht het ook een beetje op met zulke foto's."
    findings = checker.check(text)
    model = [f for f in findings if f.rule == MODEL_RULE]
    assert model and any(f.rule == "guarded-name" for f in findings)
    for finding in model:
        assert "Jorien" not in finding.text and "Jorien" not in finding.message
        assert GUARDED_MASK in finding.text and GUARDED_MASK in finding.message


def test_the_model_never_marks_an_allowed_passage() -> None:
    model = load_model(RULES)
    assert model is not None
    rules = make_checker().rules
    # (a sentence the bare model marks for blame with the help resource in it)
    text = f"{BLAME[:-1]}, vind ik, en dat zegt De Kindertelefoon (0800 0432) ook."
    assert [f.category for f in model_findings(model, text, rules, Spans([]))] == ["blame"]
    checker = make_checker("parents-class")  # the help resources are allowed
    assert not [f for f in checker.check(text) if f.rule == MODEL_RULE]
    allow = AllowList()
    allow.add_name("Samira El Idrissi")
    school = make_checker("parents-class", allow=allow)
    own = f"{BLAME[:-1]}, schrijft Samira El Idrissi."
    assert not [f for f in school.check(own) if f.rule == MODEL_RULE]


def test_a_rule_finding_of_the_category_keeps_its_own_passage_and_alternative() -> None:
    checker = make_checker("parents-class")
    text = "Ze was naïef en heeft het zelf verstuurd."
    blame = [f for f in checker.check(text) if f.category == "blame"]
    assert blame and all(f.rule != MODEL_RULE for f in blame)


def test_no_sentence_commgen_writes_is_marked() -> None:
    model = load_model(RULES)
    assert model is not None
    marked = []
    for path in sorted((ROOT / "tests" / "golden").glob("*/*.golden*")):
        text = path.read_text(encoding="utf-8")
        for start, end in sentence_spans(text):
            scores = model.scores(text[start:end])
            marked += [(path.name, text[start:end]) for i, s in enumerate(scores)
                       if s >= model.warning[i]]
    for example in train_model.vetted_sentences():  # the snippets' and templates' sentences
        scores = model.scores(example.text)
        marked += [("vetted", example.text) for i, s in enumerate(scores)
                   if s >= model.warning[i]]
    assert marked == []


def test_a_rules_folder_without_weights_checks_with_the_rules_alone(tmp_path) -> None:
    snippets = tmp_path / "nl"
    shutil.copytree(snippets_folder(), snippets)
    (snippets / RULES_FOLDER / MODEL_FILE).unlink()
    checker = make_checker("parents-class", snippets_dir=snippets)
    assert not [f for f in checker.check(BLAME) if f.rule == MODEL_RULE]
    (snippets / RULES_FOLDER / MODEL_FILE).write_text("{kapot", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"train_model\.py"):
        make_checker("parents-class", snippets_dir=snippets).check(BLAME)


def test_commgen_check_reports_blame_the_rules_do_not_name(tmp_path, capsys) -> None:
    document = Document()
    document.add_paragraph("Beste ouders,")
    document.add_paragraph("Er gaat een seksueel getint beeld van een leerling rond. " + BLAME)
    path = tmp_path / "brief.docx"
    document.save(str(path))
    code, out, _err = run_cli(capsys, "check", "--audience", "parents-class", str(path))
    assert code == (1 if BLAME_LEVEL == ERROR else 0)
    assert "[blame]" in out and "zichzelf wel moeilijk" in out
    code, out, _err = run_cli(capsys, "check", "--format", "json", "--audience",
                              "parents-class", str(path))
    findings = json.loads(out)["files"][0]["findings"]
    blame = [f for f in findings if f["category"] == "blame"]
    assert len(blame) == 1 and blame[0]["text"] == BLAME and blame[0]["severity"] == BLAME_LEVEL
