"""Score the checker on a labelled corpus (shared by the test and the bench).

    python bench/corpus_eval.py [--set dev|toets|toets2|oefen|toets3|oefen2|oefen3|oefen4|toets4|
                                 oefen5|oefen6|oefen7|oefen8|toets5|oefen9|oefen10]

``dev`` is the development set: the corpus in tests/corpus (with tests/corpus/context.yaml),
the first held-out set in tests/corpus/toets and the second in tests/corpus/toets2 (each with
its own context.yaml), which became development data once their scores were reported, and the
practice corpus tests/corpus/oefen, the third held-out set tests/corpus/toets3 (scored once,
79.5%, then added) and the second practice corpus tests/corpus/oefen2 once it is written and
scored once. Tune on it: the score of each part and of
all together is printed per category, with every miss and false alarm. ``toets``, ``toets2``
and ``oefen`` print only the summary of one part, next to its first score (each batch of
``oefen`` was scored once before it was tuned on), for reference; so do ``toets3`` and
``oefen2``. ``oefen2``, ``oefen3`` and ``oefen4`` were each scored once, before anything was
changed for them (bench/oefenN_first_score.txt); then they joined ``dev`` (oefen3 and oefen4
so far only as training data for the sentence model, not yet tuned on by rule).

``toets4`` is the fourth frozen held-out set, written apart from the code on 1 December 2026
and scored once after that day's work (bench/toets4_score.txt: 83.8% recall, 2.5% false
alarms). Once scored it became development data like toets3 before it (round detect9): in
``dev`` and in the model's training data. A fifth frozen set (toets5) measures the work after
it; it is never in this repository's ``dev``. ``oefen5``, ``oefen6`` and ``oefen7`` (round
detect9) were each scored once before anything was changed for them
(bench/oefenN_first_score.txt), then joined ``dev`` and the model's training data.
``oefen8`` (an eighth practice corpus) and ``toets5`` (the fifth frozen set) were written apart
from the code on the same day and scored once after every merge of that day
(bench/oefen8_first_score.txt, bench/toets5_score.txt); neither is in ``dev`` or in the
model's training data that day. In round detect10 both joined ``dev`` and the training data,
while a sixth frozen set (toets6) was written apart to measure the work after them.
``oefen9`` and ``oefen10`` (practice corpora written apart in round detect10) were each scored
once on merge (bench/oefenN_first_score.txt), then joined ``dev`` and the training data.
``toets6`` (the sixth frozen set), ``oefen11`` and ``oefen12`` were scored once at the end of
round 10 (bench/toets6_score.txt, bench/oefenN_first_score.txt); in round detect11 all three
are in ``dev`` and the training data, while a seventh frozen set (toets7) is written apart.
``oefen13`` and ``oefen14`` (practice corpora written apart in round detect11) were each scored
once on merge (bench/oefenN_first_score.txt), then joined ``dev`` and the training data.
``toets7`` (the seventh frozen set) was scored once at the end of round 11
(bench/toets7_score.txt); in round detect12 it is in ``dev`` and the training data, while an
eighth frozen set (toets8) is written apart. ``oefen15`` and ``oefen16`` (practice corpora
written apart at the start of round 12) were each scored once on merge, then joined ``dev``
and the training data. ``toets8`` (the eighth frozen set, written apart in round 12) was scored
once at the end of round 13, after every merge (bench/toets8_score.txt); from round 14 it is in
``dev`` and the training data, while a ninth frozen set (toets9) is written apart.
``oefen17`` and ``oefen18`` (practice corpora written apart at the start of round 14 with a
written labelling guide) were each scored once on merge, then joined ``dev`` and the training
data. ``toets9`` (the ninth frozen set, written apart in round 14 with the same guide and
committed before any tuning) was scored once at the end of round 14, after every merge
(bench/toets9_score.txt: 80.3% recall, 3.4% false alarms); from round 15 it is in ``dev`` and
the training data, while a tenth frozen set (toets10) is written apart with the labelling guide
that is now kept in tests/corpus/LABELGIDS.md. ``oefen19`` (a practice corpus written apart
at the start of round 15 with that guide) was scored once on merge
(bench/oefen19_first_score.txt: 77.9%, 4.1%), then joined ``dev`` and the training data.
``toets10`` (the tenth frozen set, committed before any tuning) was scored once at the end of
round 15, after every merge (bench/toets10_score.txt: 82.6% recall, 7.0% false alarms); from
round 16 it is in ``dev`` and the training data. ``oefen20`` and ``oefen21`` (practice corpora
written apart at the start of round 16) were each scored once on merge
(bench/oefen20_first_score.txt, bench/oefen21_first_score.txt), then joined ``dev`` and the
training data. ``toets11`` (the eleventh frozen set, written apart in round 16 and committed
before any tuning) was scored once at the end of round 16, after every merge, as its own set
only (bench/toets11_score.txt: 82.4% recall, 3.9% false alarms).
From round 17 the parts are said once, in tests/corpus/delen.yaml: toets11, oefen22 and oefen23
(the practice corpora scored once on merge, bench/oefen2N_first_score.txt) are in ``dev`` and the
training data; ``toets12`` (the twelfth frozen set, committed before any tuning) was scored once
at the end of round 17, as its own set only (bench/toets12_score.txt: 83.8%, 4.7%), and joined
``dev`` in round 18 with the practice corpora oefen24 to oefen29 (scored once on merge,
bench/oefen2N_first_score.txt).
``toets13`` (the thirteenth frozen set, committed before any tuning) was scored once at the end
of round 18, as its own set only (bench/toets13_score.txt: 84.1%, 3.9%), and joined ``dev`` in
round 19 with the practice corpora oefen30 to oefen34 (scored once on merge,
bench/oefen3N_first_score.txt); ``toets14`` (the fourteenth frozen set, committed before any
tuning) was scored once at the end of round 19, as its own set only (bench/toets14_score.txt:
87.5%, 3.3%).

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
# The corpus parts, each with its own context (school, answers, audience), and the sets made of
# them: ``dev`` (a part that is not there yet is left out) and each part alone. Which parts are
# development data and which are kept apart is said once, in tests/corpus/delen.yaml.
DELEN = yaml.safe_load((CORPUS / "delen.yaml").read_text(encoding="utf-8"))
DEV: tuple[str, ...] = tuple(DELEN["ontwikkeling"])
APART: tuple[str, ...] = tuple(DELEN.get("apart") or ())
PARTS = {p: CORPUS if p == "corpus" else CORPUS / p for p in DEV + APART}
SETS = {"dev": DEV, **{p: (p,) for p in PARTS if p != "corpus"}}
# The first score of each held-out set, printed next to its summary for reference.
FIRST_SCORES = {"toets": "71.9% recall (400/556), 0 of 86 clean sentences = 0.0%",
                "toets2": "69.0% recall (458/664), 9 of 122 clean sentences = 7.4%",
                # each batch of the practice corpus, scored once before it was tuned on
                "oefen": "batch 1: 72.9% recall (514/705), 7 of 100 clean sentences = 7.0%; "
                         "batch 2: 70.2% (278/396), 8 of 60 = 13.3%",
                "toets3": "79.5% recall (792/996), 9 of 163 clean sentences = 5.5%",
                "oefen2": "80.4% recall (859/1069), 17 of 215 clean sentences = 7.9%",
                "oefen3": "82.2% recall (1015/1235), 16 of 237 clean sentences = 6.8%",
                "oefen4": "74.6% recall (757/1015), 10 of 193 clean sentences = 5.2%",
                # the fourth frozen set: scored once, on 1 December 2026 after every merge
                "toets4": "83.8% recall (588/702), 3 of 122 clean sentences = 2.5%",
                # the fifth, sixth and seventh practice corpora, scored once (round detect9)
                "oefen5": "80.4% recall (1023/1272), 12 of 222 clean sentences = 5.4%",
                "oefen6": "76.3% recall (816/1070), 11 of 219 clean sentences = 5.0%",
                "oefen7": "81.2% recall (993/1223), 21 of 231 clean sentences = 9.1%",
                # scored once at the end of round 9, after every merge
                "oefen8": "77.7% recall (876/1127), 6 of 230 clean sentences = 2.6%",
                "toets5": "85.1% recall (730/858), 5 of 168 clean sentences = 3.0%",
                # written apart in round detect10, scored once on merge (start-of-round code:
                # oefen9 81.2%, 6.4%; oefen10 79.0%, 3.7%) and with that round's first rules
                "oefen9": "81.3% recall (951/1170), 19 of 297 clean sentences = 6.4%",
                "oefen10": "79.5% recall (903/1136), 9 of 241 clean sentences = 3.7%",
                # written apart in round 10 and scored once with toets6, after every merge
                "oefen11": "82.7% recall (955/1155), 15 of 222 clean sentences = 6.8%",
                "oefen12": "84.5% recall (918/1086), 12 of 232 clean sentences = 5.2%",
                # the sixth frozen set: scored once, on 1 December 2026 after every merge
                "toets6": "85.8% recall (782/911), 8 of 190 clean sentences = 4.2%",
                # written apart in round detect11, scored once on merge (with the round's first
                # rule file beeld_plek.yaml; without it oefen13 82.0%, 6.3%, oefen14 81.7%, 11.6%)
                "oefen13": "82.4% recall (909/1103), 16 of 239 clean sentences = 6.7%",
                "oefen14": "81.8% recall (951/1162), 28 of 242 clean sentences = 11.6%",
                # the seventh frozen set: scored once, on 2 December 2026 after every merge
                "toets7": "90.5% recall (758/838), 11 of 200 clean sentences = 5.5%",
                # written apart at the start of round 12, scored once on merge (the model
                # trained with toets7), before anything was changed for them
                "oefen15": "87.0% recall (945/1086), 4 of 229 clean sentences = 1.7%",
                "oefen16": "83.4% recall (916/1098), 19 of 254 clean sentences = 7.5%",
                # the eighth frozen set: scored once, on 2 December 2026 after every merge of
                # round 13 (the model retrained with the word classes)
                "toets8": "88.7% recall (843/950), 3 of 192 clean sentences = 1.6%",
                # written apart at the start of round 14, scored once on merge (the model
                # trained with toets8), before anything was changed for them
                "oefen17": "72.3% recall (775/1072), 15 of 267 clean sentences = 5.6%",
                "oefen18": "74.7% recall (874/1170), 18 of 260 clean sentences = 6.9%",
                # the ninth frozen set: scored once, on 2 December 2026 after every merge of
                # round 14 (the model retrained with toets8, oefen17 and oefen18)
                "toets9": "80.3% recall (758/944), 8 of 238 clean sentences = 3.4%",
                # written apart at the start of round 15, scored once on merge (the model
                # trained with toets9), before anything was changed for it
                "oefen19": "77.9% recall (514/660), 9 of 218 clean sentences = 4.1%",
                # the tenth frozen set: scored once, on 3 December 2026 after every merge of
                # round 15 (the model retrained with toets9 and oefen19)
                "toets10": "82.6% recall (764/925), 17 of 243 clean sentences = 7.0%",
                # written apart at the start of round 16, scored once on merge (the model
                # trained with toets9 and oefen19), before anything was changed for them
                "oefen20": "79.3% recall (659/831), 12 of 253 clean sentences = 4.7%",
                "oefen21": "78.5% recall (606/772), 10 of 268 clean sentences = 3.7%",
                # the eleventh frozen set: scored once, on 3 December 2026 after every merge of
                # round 16 (the model retrained with toets10, oefen20 and oefen21)
                "toets11": "82.4% recall (786/954), 10 of 258 clean sentences = 3.9%",
                # written apart at the start of round 17, scored once on merge (the model
                # trained with toets10, oefen20 and oefen21), before anything was changed for them
                "oefen22": "81.4% recall (684/840), 7 of 215 clean sentences = 3.3%",
                "oefen23": "75.5% recall (501/664), 5 of 210 clean sentences = 2.4%",
                # the twelfth frozen set: scored once, on 3 December 2026 after every merge of
                # round 17 (the model retrained with toets11, oefen22 and oefen23)
                "toets12": "83.8% recall (759/906), 12 of 255 clean sentences = 4.7%",
                # written apart at the start of round 18, scored once on merge (the model
                # trained with toets11, oefen22 and oefen23, the round's first rules), before
                # anything was changed for them
                "oefen24": "84.4% recall (732/867), 12 of 288 clean sentences = 4.2%",
                "oefen25": "77.3% recall (727/941), 17 of 330 clean sentences = 5.2%",
                # written apart in round 18 while the round's rules were made, scored once on
                # merge with the rules of that moment
                "oefen26": "83.6% recall (823/984), 14 of 284 clean sentences = 4.9%",
                "oefen27": "81.6% recall (905/1109), 7 of 282 clean sentences = 2.5%",
                "oefen28": "84.0% recall (660/786), 7 of 250 clean sentences = 2.8%",
                "oefen29": "83.9% recall (785/936), 10 of 248 clean sentences = 4.0%",
                # the thirteenth frozen set: scored once, on 4 December 2026 after every merge of
                # round 18 (the model retrained with toets12 and oefen24-29)
                "toets13": "84.1% recall (885/1052), 11 of 280 clean sentences = 3.9%",
                # written apart at the start of round 19, scored once on merge (the model of
                # round 18, the round's first rule: unknown capitalised words as names)
                "oefen30": "85.9% recall (836/973), 14 of 279 clean sentences = 5.0%",
                "oefen31": "80.4% recall (692/861), 13 of 252 clean sentences = 5.2%",
                "oefen32": "86.3% recall (832/964), 10 of 266 clean sentences = 3.8%",
                "oefen33": "79.7% recall (724/908), 12 of 267 clean sentences = 4.5%",
                "oefen34": "82.6% recall (839/1016), 5 of 246 clean sentences = 2.0%",
                # the fourteenth frozen set: scored once, on 4 December 2026 after every merge
                # of round 19 (the model retrained with toets13 and oefen30-34)
                "toets14": "87.5% recall (935/1069), 10 of 303 clean sentences = 3.3%"}


def parts_of(name: str) -> tuple[str, ...]:
    """The parts of a set that are on disk (``oefen`` joins ``dev`` once it is written)."""
    return tuple(p for p in SETS[name] if (PARTS[p] / "problemen.yaml").is_file())


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
    parts: dict[str, Score] = field(default_factory=dict)

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


def load_corpus(part: str = "corpus") -> tuple[list[dict], list[str], dict]:
    """The problems, clean sentences and context of one part."""
    folder = PARTS[part]
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
    """The score of a set: of its parts together (``parts`` holds each part's own score)."""
    parts = {part: evaluate_part(part) for part in parts_of(name)}
    if not parts:
        raise SystemExit(f"set {name}: no corpus on disk ({PARTS[SETS[name][0]]})")
    if len(parts) == 1:
        return next(iter(parts.values()))
    total = Score(parts=parts)
    for part, score in parts.items():
        total.found.update(score.found)
        total.total.update(score.total)
        total.missed += [(c, span, f"[{part}] {text}") for c, span, text in score.missed]
        total.clean_sentences += score.clean_sentences
        total.clean_errors += score.clean_errors
        total.clean_with_error += score.clean_with_error
        total.clean_flagged += [(c, span, f"[{part}] {text}")
                                for c, span, text in score.clean_flagged]
        total.chars += score.chars
    return total


def evaluate_part(part: str) -> Score:
    problems, clean, context = load_corpus(part)
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
    print(f"set: {args.name} ({' + '.join(parts_of(args.name))})")
    if score.parts:
        names = list(score.parts)
        print(f"  {'':13} " + "".join(f"{n:>18}" for n in [*names, "together"]))
        for category in sorted(score.total):
            cells = [_cell(s, category) for s in [*score.parts.values(), score]]
            print(f"  {category:13} " + "".join(f"{c:>18}" for c in cells))
    else:
        for category in sorted(score.total):
            print(f"  {category:13} {_cell(score, category)}")
    for name, part in [*score.parts.items(), (args.name, score)]:
        print(f"{name}: recall {part.recall:.1%} ({sum(part.found.values())}/"
              f"{sum(part.total.values())}); false alarms: {part.clean_with_error} of "
              f"{part.clean_sentences} clean sentences = {part.false_alarm_rate:.1%} "
              f"({part.clean_errors} error findings)")
    if args.name in FIRST_SCORES:
        print(f"first score of {args.name} (scored once, before it was tuned on): "
              f"{FIRST_SCORES[args.name]}")
    if args.name == "dev":  # the summary only for a held-out set, never its sentences
        for category, span, text in score.missed:
            print(f"  missed {category}: “{span}” in “{text}”")
        for category, span, text in score.clean_flagged:
            print(f"  false alarm {category}: “{span}” in “{text}”")
    return 0


def _cell(score: Score, category: str) -> str:
    if not score.total[category]:
        return "-"
    return f"{score.recall_of(category):.1%} ({score.found[category]}/{score.total[category]})"


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
