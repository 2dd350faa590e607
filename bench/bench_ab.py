"""``commgen generate`` of two source trees side by side, alternating, in CPU time.

    python bench/bench_ab.py OLD_TREE NEW_TREE [--sample vo-politie] [--runs 7] [--cold]
    python bench/bench_ab.py OLD_TREE NEW_TREE --check [--cold | --new] [--runs 7]

``bench_all.py`` runs the installed ``commgen`` (an editable install: the worktree it was
installed from), so it cannot compare two versions. This script runs ``python -m commgen`` with
``PYTHONPATH`` set to each tree (``git archive COMMIT | tar -x -C DIR`` makes an old one), the
two in turn, the order swapped every round, each with its own cache folder (``--cold``: emptied
before every run). It prints the median wall and CPU time (user + system) of each; on a busy
machine trust the CPU time and the ratio more than the wall time. ``--check``: ``commgen check``
of ``bench_all``'s two-page letter instead (``--new``: the cache warm but without the review's
results, as for a letter never checked before).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"NO_COLOR": "1"}


REVIEW_KINDS = ("check-result", "check-lines", "check-scores")  # what a new text lacks


def run_once(tree: Path, answers: Path, work: Path, cold: bool, letter: Path | None = None,
             new: bool = False) -> tuple[float, float]:
    cache = work / f"cache-{tree.name}-{abs(hash(tree))}"
    if cold:
        shutil.rmtree(cache, ignore_errors=True)
    for kind in REVIEW_KINDS if new else ():
        shutil.rmtree(cache / kind, ignore_errors=True)
    env = ENV | {"PYTHONPATH": str(tree), "COMMGEN_CACHE": str(cache)}
    command = ([sys.executable, "-m", "commgen", "check", "--audience", "parents-class",
                str(letter)] if letter is not None else
               [sys.executable, "-m", "commgen", "generate", str(answers),
                "--out", str(work / "out"), "--force"])
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=work, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{command[3]} failed in {tree}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("trees", nargs=2, type=Path)
    parser.add_argument("--sample", default="vo-politie")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--check", action="store_true",
                        help="commgen check of a two-page letter instead of generate")
    parser.add_argument("--new", action="store_true",
                        help="the cache warm without the review's results (a new text)")
    args = parser.parse_args()
    trees = [t.resolve() for t in args.trees]
    answers = ROOT / "samples" / f"{args.sample}.yaml"
    times: dict[Path, list[tuple[float, float]]] = {t: [] for t in trees}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        letter = None
        if args.check:
            sys.path.insert(0, str(ROOT))
            from bench.bench_check import two_page_letter

            letter = two_page_letter(work)
        for tree in trees:  # warm-up: imports compiled, the warm cache filled
            run_once(tree, answers, work, False, letter)
        for i in range(args.runs):
            for tree in trees if i % 2 == 0 else trees[::-1]:
                times[tree].append(run_once(tree, answers, work, args.cold, letter, args.new))
    cache = "cold" if args.cold else "new-text" if args.new else "warm"
    what = "check of a two-page letter" if args.check else f"generate {args.sample}"
    cpu = {t: statistics.median(c for _w, c in runs) for t, runs in times.items()}
    for tree, runs in times.items():
        wall = statistics.median(w for w, _c in runs)
        print(f"{what}, {cache} cache, {tree}: wall {wall * 1000:.0f} ms, "
              f"cpu {cpu[tree] * 1000:.0f} ms")
    print(f"cpu new/old: {cpu[trees[1]] / cpu[trees[0]]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
