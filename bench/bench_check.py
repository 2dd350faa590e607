"""Measure the privacy check: recall and false positives on the labelled corpus, throughput,
and the start-up time and peak memory of ``commgen check`` on a two-page letter.

    python bench/bench_check.py [--runs 7]

Recall: a labelled problem counts as found when a finding of the same category overlaps it.
False-positive rate: error findings per clean sentence (target: at most 0.03).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus_eval import corpus_checker, evaluate, load_corpus  # noqa: E402


def two_page_letter(folder: Path) -> Path:
    """A letter of about two pages (900 words) from the clean corpus sentences, as .docx."""
    from docx import Document

    _problems, clean, _context = load_corpus()
    document = Document()
    document.add_heading("Brief aan de ouders", 1)
    words = 0
    while words < 900:
        for i in range(0, len(clean), 4):
            paragraph = " ".join(clean[i:i + 4])
            document.add_paragraph(paragraph)
            words += len(paragraph.split())
            if words >= 900:
                break
    path = folder / "brief.docx"
    document.save(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    score = evaluate()
    print("Recall per category (found / labelled):")
    for category in sorted(score.total):
        print(f"  {category:13} {score.recall_of(category):6.1%}  "
              f"({score.found[category]}/{score.total[category]})")
    print(f"Overall recall: {score.recall:.1%} ({sum(score.found.values())}/"
          f"{sum(score.total.values())})")
    print(f"False positives: {score.clean_errors} error findings in {score.clean_sentences} "
          f"clean sentences = {score.false_positive_rate:.3f} per sentence")
    for category, span, text in score.missed:
        print(f"  missed {category}: “{span}” in “{text}”")
    for category, span, text in score.clean_flagged:
        print(f"  false positive {category}: “{span}” in “{text}”")

    problems, clean, context = load_corpus()
    text = "\n".join([p["tekst"] for p in problems] + clean)
    checker = corpus_checker(context)
    checker.check(text)  # warm up: load deduce and the rules
    repeat = 20
    start = time.perf_counter()
    for _ in range(repeat):
        checker.check(text)
    elapsed = time.perf_counter() - start
    size_kb = len(text.encode("utf-8")) * repeat / 1024
    print(f"Throughput: {size_kb / elapsed:.0f} KB/s (corpus text, {len(text)} characters, "
          f"{repeat} times, in process)")

    with tempfile.TemporaryDirectory() as tmp:
        letter = two_page_letter(Path(tmp))
        env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
        command = [sys.executable, "-m", "commgen", "check", "--audience", "parents-class",
                   "--school", context["school"], "--answers", str(ROOT / context["answers"]),
                   str(letter)]
        subprocess.run(command, env=env, capture_output=True, check=False)  # build the cache
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            done = subprocess.run(command, env=env, capture_output=True, check=False)
            times.append(time.perf_counter() - start)
        words = len(Path(letter).read_bytes())
        print(f"commgen check on a two-page letter (.docx, {words // 1024} KB, exit "
              f"{done.returncode}): median {statistics.median(times):.3f} s over {args.runs} "
              f"runs (min {min(times):.3f} s), including Python start-up")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    peak_mb = peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
    print(f"Peak memory of commgen check: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
