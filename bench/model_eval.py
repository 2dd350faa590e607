"""Does the trained sentence model add recall on text it was not trained on? The cross-set table.

    python bench/model_eval.py [--test toets2 ...] [--c 1.0] [--error-rate 0.0]

For each held-out part (a corpus set written separately from the others) the model is trained
on the other parts (plus the golden sentences, as negatives) with ``tools/train_model.py``, its
thresholds chosen on those training parts alone (leave one part out), and then scored on the
held-out part next to the rules. Per category (the model has only the sentence-level ones;
for the others the rules' score is the score): recall of the rules alone, of the
model alone (errors and warnings; a warning counts as found) and of both together; then the
share of the held-out part's clean sentences with an error (false alarms) for the rules, the
model and both, and the model's warnings on clean sentences. A labelled problem counts as found
when a finding of its category overlaps its span (as in ``bench/corpus_eval.py``).

``--shipped`` scores the shipped model file (trained on every part it names) on a part it was
not trained on (``oefen`` before it is trained on).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import corpus_eval  # noqa: E402
from bench.corpus_eval import corpus_checker, load_corpus  # noqa: E402
from tools import train_model as tm  # noqa: E402

corpus_eval.PARTS.setdefault("oefen", tm.PARTS["oefen"])  # the fourth set, when it is there


@dataclass
class Table:
    total: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)
    model: Counter = field(default_factory=Counter)
    model_errors: Counter = field(default_factory=Counter)
    union: Counter = field(default_factory=Counter)
    union_errors: Counter = field(default_factory=Counter)
    clean: int = 0
    fa_rules: int = 0
    fa_model: int = 0
    fa_union: int = 0
    warn_model: int = 0
    other_category: int = 0  # model errors on problem sentences without that label
    added: list[tuple[str, str]] = field(default_factory=list)
    alarms: list[tuple[str, str]] = field(default_factory=list)

    def add(self, other: Table) -> None:
        for name in ("total", "rules", "model", "model_errors", "union", "union_errors"):
            getattr(self, name).update(getattr(other, name))
        for name in ("clean", "fa_rules", "fa_model", "fa_union", "warn_model",
                     "other_category"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.added += other.added
        self.alarms += other.alarms


def score_part(part: str, data: dict) -> Table:
    from commgen.checks.allow import phrase_spans
    from commgen.checks.model import model_findings, model_from_json
    from commgen.checks.spans import Spans
    from commgen.foundation.concepts import ERROR

    model = model_from_json(data)
    problems, clean, context = load_corpus(part)
    checker = corpus_checker(context)
    checker.use_model = False  # the rules alone

    def both(text: str):  # type: ignore[no-untyped-def]
        rules = checker.check(text)
        allowed = Spans(checker.allow.spans(text)
                        + phrase_spans(text, checker.settings.allowed_phrases))
        alone = model_findings(model, text, checker.rules, allowed)
        return rules, alone, [*rules, *model_findings(model, text, checker.rules, allowed,
                                                      rules)]

    table = Table()
    for entry in problems:
        text = entry["tekst"]
        rules, found, union = both(text)
        labels = {c for c, _s in entry["problemen"]}
        table.other_category += sum(f.severity == ERROR and f.category not in labels
                                    for f in found)
        for category, span in entry["problemen"]:
            start = text.index(span)
            end = start + len(span)

            def hit(findings, category=category, start=start, end=end, errors=False) -> bool:  # type: ignore[no-untyped-def]
                return any(f.category == category and f.start < end and start < f.end
                           and (not errors or f.severity == ERROR) for f in findings)

            table.total[category] += 1
            by_rules = hit(rules)
            table.rules[category] += by_rules
            table.model[category] += hit(found)
            table.model_errors[category] += hit(found, errors=True)
            table.union[category] += hit(union)
            table.union_errors[category] += hit(union, errors=True)
            if hit(union) and not by_rules:
                table.added.append((category, text))
    for text in clean:
        text = text if isinstance(text, str) else text["tekst"]
        rules, found, union = both(text)
        table.clean += 1
        model_error = any(f.severity == ERROR for f in found)
        table.fa_rules += any(f.severity == ERROR for f in rules)
        table.fa_model += model_error
        table.fa_union += any(f.severity == ERROR for f in union)
        table.warn_model += bool(found) and not model_error
        table.alarms += [(f.category, text) for f in found if f.severity == ERROR]
    return table


def print_table(title: str, table: Table) -> None:
    def cell(n: int, total: int) -> str:
        return f"{n / max(1, total):6.1%} ({n}/{total})"

    print(title)
    print(f"  {'category':13} {'rules':>16} {'model':>16} {'model errors':>16} "
          f"{'rules ∪ model':>16} {'errors of both':>16}")
    others = sorted(set(table.total) - set(tm.CATEGORIES))  # the rules' own: the model has none
    for category in [*tm.CATEGORIES, *others]:
        total = table.total[category]
        if total:
            print(f"  {category:13} {cell(table.rules[category], total):>16} "
                  f"{cell(table.model[category], total):>16} "
                  f"{cell(table.model_errors[category], total):>16} "
                  f"{cell(table.union[category], total):>16} "
                  f"{cell(table.union_errors[category], total):>16}")
    for label, chosen in (("all seven", tm.CATEGORIES), ("all", [*tm.CATEGORIES, *others])):
        total = sum(table.total[c] for c in chosen)
        print(f"  {label:13} " + " ".join(
            f"{cell(sum(getattr(table, name)[c] for c in chosen), total):>16}"
            for name in ("rules", "model", "model_errors", "union", "union_errors")))
    print(f"  false alarms on {table.clean} clean sentences: rules "
          f"{cell(table.fa_rules, table.clean)}, model {cell(table.fa_model, table.clean)}, "
          f"rules ∪ model {cell(table.fa_union, table.clean)}; model warnings only: "
          f"{cell(table.warn_model, table.clean)}; model errors of another category on "
          f"problem sentences: {table.other_category}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--test", nargs="+", default=None, help="held-out parts (default: "
                        "each part of the development set in turn)")
    parser.add_argument("--c", type=float, default=tm.C)
    parser.add_argument("--prune", type=float, default=tm.PRUNE)
    parser.add_argument("--error-rate", type=float, default=tm.ERROR_RATE)
    parser.add_argument("--warning-rate", type=float, default=tm.WARNING_RATE)
    parser.add_argument("--ngrams", type=int, nargs="+", default=list(tm.NGRAMS))
    parser.add_argument("--golden-weight", type=float, default=tm.GOLDEN_WEIGHT)
    parser.add_argument("--golden-margin", type=float, default=tm.GOLDEN_MARGIN)
    parser.add_argument("--min-df", type=int, default=tm.MIN_DF)
    parser.add_argument("--negatives", choices=("all", "clean"), default=tm.NEGATIVES)
    parser.add_argument("--shipped", action="store_true",
                        help="score the shipped model file on --test instead of training")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="print the sentences the model adds and its false alarms")
    args = parser.parse_args()
    tm.NEGATIVES, tm.MIN_DF, tm.NGRAMS = args.negatives, args.min_df, tuple(args.ngrams)
    tm.GOLDEN_WEIGHT, tm.GOLDEN_MARGIN = args.golden_weight, args.golden_margin
    dev = tm.available_parts()
    tests = args.test or dev
    overall = Table()
    for test in tests:
        if args.shipped:
            import json

            data = json.loads(tm.OUTPUT.read_text(encoding="utf-8"))
            trained = data["meta"]["parts"]
            if test in trained:
                raise SystemExit(f"the shipped model was trained on {test}")
        else:
            trained = [p for p in dev if p != test]
            data = tm.train(trained, args.c, args.prune, args.error_rate, args.warning_rate)
        table = score_part(test, data)
        print_table(f"held out: {test} (trained on {' + '.join(trained)} + own sentences)",
                    table)
        if args.verbose:
            for category, text in table.added:
                print(f"    model adds {category}: {text}")
            for category, text in table.alarms:
                print(f"    model false alarm {category}: {text}")
        overall.add(table)
    if len(tests) > 1:
        print_table("all held-out parts together", overall)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
