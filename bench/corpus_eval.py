"""Score the checker on the labelled corpus in tests/corpus (shared by the test and the bench).

A labelled problem counts as found when a finding of the same category overlaps its span.
False positives are error findings in the clean sentences.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


@dataclass
class Score:
    found: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    clean_sentences: int = 0
    clean_errors: int = 0
    clean_flagged: list[tuple[str, str, str]] = field(default_factory=list)
    chars: int = 0

    @property
    def recall(self) -> float:
        return sum(self.found.values()) / max(1, sum(self.total.values()))

    def recall_of(self, category: str) -> float:
        return self.found[category] / max(1, self.total[category])

    @property
    def false_positive_rate(self) -> float:
        """Error findings per clean sentence."""
        return self.clean_errors / max(1, self.clean_sentences)


def load_corpus() -> tuple[list[dict], list[str], dict]:
    problems = yaml.safe_load((CORPUS / "problemen.yaml").read_text(encoding="utf-8"))["zinnen"]
    clean = yaml.safe_load((CORPUS / "schoon.yaml").read_text(encoding="utf-8"))["zinnen"]
    context = yaml.safe_load((CORPUS / "context.yaml").read_text(encoding="utf-8"))
    return problems, clean, context


def corpus_checker(context: dict):  # type: ignore[no-untyped-def]
    from commgen.answers.answersfile import read_answers_file
    from commgen.answers.profiles import load_profile
    from commgen.checks.allow import AllowList
    from commgen.checks.run import make_checker

    allow = AllowList()
    allow.add_profile(load_profile(context["school"]).fields)
    allow.add_values(read_answers_file(ROOT / context["answers"]))
    return make_checker(context.get("audience"), allow=allow)


def evaluate() -> Score:
    problems, clean, context = load_corpus()
    checker = corpus_checker(context)
    score = Score()
    for entry in problems:
        text = entry["tekst"]
        score.chars += len(text)
        findings = checker.check(text)
        for category, span in entry["problemen"]:
            start = text.index(span)
            end = start + len(span)
            score.total[category] += 1
            if any(f.category == category and f.start < end and start < f.end
                   for f in findings):
                score.found[category] += 1
            else:
                score.missed.append((category, span, text))
    for text in clean:
        score.chars += len(text)
        score.clean_sentences += 1
        errors = [f for f in checker.check(text) if f.severity == "error"]
        score.clean_errors += len(errors)
        score.clean_flagged += [(f.category, f.text, text) for f in errors]
    return score
