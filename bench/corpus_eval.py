"""Score the checker on a labelled corpus (shared by the test and the bench).

    python bench/corpus_eval.py [--set dev|toets|toets2]

``dev`` is the development set in tests/corpus (tune on it; misses and false alarms are
printed). ``toets`` and ``toets2`` are frozen held-out sets in tests/corpus/toets and
tests/corpus/toets2, written apart from the code: only the summary numbers are printed, never
their sentences, so that nobody tunes on them.

A labelled problem counts as found when a finding of the same category overlaps its span.
False positives are error findings in the clean sentences; the false-alarm rate is the share
of clean sentences with at least one error.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SETS = {"dev": CORPUS, "toets": CORPUS / "toets", "toets2": CORPUS / "toets2"}


@dataclass
class Score:
    found: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    clean_sentences: int = 0
    clean_errors: int = 0
    clean_with_error: int = 0
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

    @property
    def false_alarm_rate(self) -> float:
        """Share of clean sentences with at least one error."""
        return self.clean_with_error / max(1, self.clean_sentences)


def load_corpus(name: str = "dev") -> tuple[list[dict], list[str], dict]:
    folder = SETS[name]
    problems = yaml.safe_load((folder / "problemen.yaml").read_text(encoding="utf-8"))["zinnen"]
    clean = yaml.safe_load((folder / "schoon.yaml").read_text(encoding="utf-8"))["zinnen"]
    context = yaml.safe_load((folder / "context.yaml").read_text(encoding="utf-8"))
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


def evaluate(name: str = "dev") -> Score:
    problems, clean, context = load_corpus(name)
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
        score.clean_with_error += bool(errors)
        score.clean_flagged += [(f.category, f.text, text) for f in errors]
    return score


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", dest="name", choices=sorted(SETS), default="dev")
    args = parser.parse_args()
    score = evaluate(args.name)
    print(f"set: {args.name}")
    for category in sorted(score.total):
        print(f"  {category:13} {score.recall_of(category):6.1%}  "
              f"({score.found[category]}/{score.total[category]})")
    print(f"recall: {score.recall:.1%} ({sum(score.found.values())}/{sum(score.total.values())})")
    print(f"false alarms: {score.clean_with_error} of {score.clean_sentences} clean sentences "
          f"= {score.false_alarm_rate:.1%} ({score.clean_errors} error findings)")
    if args.name == "dev":  # never for the frozen sets (toets, toets2): their sentences stay unseen
        for category, span, text in score.missed:
            print(f"  missed {category}: “{span}” in “{text}”")
        for category, span, text in score.clean_flagged:
            print(f"  false alarm {category}: “{span}” in “{text}”")
    return 0


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
