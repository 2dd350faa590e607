"""The check finds exactly what it found before it was made faster.

``tests/check_equivalence.json`` holds, for every sentence of the labelled corpus (tests/corpus,
tests/corpus/toets and tests/corpus/toets2, development data since their scores were reported;
not the practice corpus oefen, which still grows, nor a frozen held-out set) and for the text
of every golden document (tests/golden), the full list of findings of the check as the code
last written on purpose gave them (the rules of detect6, December 2026): the check with the
part's context (the sample's answers for a golden document), the check without any context
(nothing allowed, so more of the rules' findings show), and every phrasing rule's own matches
(before allow-lists and mentions drop some). A change that makes the check faster must give
the identical lists. Only a change to the rules or the
detectors on purpose writes the file again::

    python -m tests.test_check_equivalence --write
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).with_name("check_equivalence.json")
CORPUS_PARTS = ("corpus", "toets", "toets2")  # never a frozen held-out set (toets3)
GOLDEN = ROOT / "tests" / "golden"
SAMPLES = ROOT / "samples"


def _rows(findings: list[Any], full: bool = False) -> list[list[Any]]:
    """category, severity, start, end, rule (and the rule's passage, message and suggestion:
    which alternative of a substitution matched). Not the trained model's findings: a retrain
    changes them on purpose (tests/test_model.py holds its own)."""
    return [[f.category, f.severity, f.start, f.end, f.rule,
             *([f.text, f.message, f.suggestion] if full else [])] for f in findings
            if f.rule != "model"]


def _corpus_texts(part: str) -> list[str]:
    folder = ROOT / "tests" / "corpus" if part == "corpus" else ROOT / "tests" / "corpus" / part
    texts = []
    for name in ("problemen.yaml", "schoon.yaml"):
        for entry in yaml.safe_load((folder / name).read_text(encoding="utf-8"))["zinnen"]:
            texts.append(entry["tekst"] if isinstance(entry, dict) else entry)
    return texts


def _record(checker: Any, bare: Any, key: str, text: str, out: dict[str, Any]) -> None:
    out[key] = {
        "check": _rows(checker.check(text)),
        "bare": _rows(bare.check(text)),
        "rules": _rows([f for rule in bare.rules for f in rule.find(text)], full=True),
    }


def findings_now() -> dict[str, Any]:
    """What the current code finds in every text (keyed by where the text comes from)."""
    sys.path.insert(0, str(ROOT))
    from bench.corpus_eval import corpus_checker, load_corpus
    from commgen.answers.answersfile import load_answers
    from commgen.checks.load import checker_from_answers
    from commgen.checks.run import make_checker
    from commgen.questions.catalog import load_catalog
    from tests.conftest import TEMPLATES

    bare = make_checker()
    out: dict[str, Any] = {}
    for part in CORPUS_PARTS:
        checker = corpus_checker(load_corpus(part)[2])
        for i, text in enumerate(_corpus_texts(part)):
            _record(checker, bare, f"corpus/{part}/{i}", text, out)
    catalog = load_catalog(TEMPLATES)
    for folder in sorted(p for p in GOLDEN.iterdir() if p.is_dir()):
        answers = load_answers(SAMPLES / f"{folder.name}.yaml", catalog)
        checker = checker_from_answers(answers.values, None, catalog.questions)
        for path in sorted(folder.iterdir()):
            _record(checker, bare, f"golden/{folder.name}/{path.name}",
                    path.read_text(encoding="utf-8"), out)
    return out


def test_the_check_finds_exactly_what_it_found_before() -> None:
    expected = json.loads(FIXTURE.read_text(encoding="utf-8"))
    found = json.loads(json.dumps(findings_now(), ensure_ascii=False))
    assert sorted(found) == sorted(expected)
    assert sum(len(v["rules"]) for v in expected.values()) > 500  # the rules do find things
    for key, value in expected.items():
        for kind in ("check", "bare", "rules"):
            assert found[key][kind] == value[kind], (key, kind)


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        raise SystemExit(__doc__)
    found = findings_now()
    lines = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in found.items()]
    FIXTURE.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
