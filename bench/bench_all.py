"""Every speed and memory target of commgen, side by side, in one run.

    python bench/bench_all.py [--runs 5] [--only PATTERN]

``--only PATTERN``: only the rows whose label holds a match of the regular expression
(case-insensitive), e.g. ``--only "warm cache"`` or ``--only "po-basisschool.*new case$"``;
the inputs of the other rows are not made either (a helper benches the rows it works on).

Fresh processes where a user starts one (start-up and imports count), in process where the
interview checks an answer after it is typed. Each line gives commgen and its baseline (median
seconds, largest peak memory), and the median of the ratios of the pairs (each commgen run is
followed by a baseline run, so a moment of load elsewhere slows one pair, not the median).
Targets:

- ``commgen generate`` at most 1.5x a bare docxtpl render-and-save of the same templates with
  the same context, for every sample, a case with long free-text answers and the largest case
  of the case matrix (most documents, longest text);
- ``commgen --help`` at most 1.3x ``python -c "import click"``;
- a cold ``commgen check`` of a two-page letter at most 2.5x ``python -c "import docx"``;
- a warm check of one answer (in process, median of 200) under 20 ms;
- check time linear in the text: 2 MB of text take at most twice the time of 1 MB (median
  of three each);
- peak memory under 150 MB for every command.

commgen keeps work that only its input decides (compiled templates and patterns, parsed
data files, the privacy review's findings for a text and checker) in a user cache folder.
Every command that uses it is measured with a warm cache (kept between runs, as a user has it
when making a case's documents again) and with a cold one (emptied before every run: a first
run, or one after the templates or rules changed); generate also as a new case (the cache
warm, nothing the review kept of any text: the first run of a case on a computer that made
documents before, but of no other case) and as a new case after other cases (the review's
stores of lines and sentences that the other samples' documents left, never this case's:
what a school's computer has after earlier cases). All are printed, side by side; the
targets are about the warm rows. No finished document is ever cached. What the wheel ships
counts as installed in every row, the cold ones too: the compiled code of the rules' patterns
(``commgen/foundation/precompiled.json``) and the findings of vetted lines and sentences that
the documents of two samples or more hold, with no digit and no answer of any sample
(``commgen/checks/vetted.json``): no case's own text, so a new case still pays for all of its
own.

Peak memory is per process (``os.wait4``), so the benchmark needs a POSIX system; it is a
developer tool, commgen itself runs on Windows too.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# An editable checkout under PYTHONDONTWRITEBYTECODE would recompile commgen on every start.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {
    "NO_COLOR": "1"}
SAMPLES = ("vo-politie", "po-basisschool", "po-geen-leerling-zichtbaar")
TARGETS = {"generate": 1.5, "help": 1.3, "check": 2.5}
MEMORY_MB = 150
ANSWER = ("Het beeld ging eerst rond in één leerjaar en is daarna ook in andere klassen gedeeld. "
          "Wij staan naast de leerling en de ouders. Wij verwachten van iedereen op school, "
          "leerlingen én medewerkers, dat zij het beeld niet bekijken en niet doorsturen.")


def run_once(command: list[str], cwd: Path, cache: Cache | None = None
             ) -> tuple[float, float, float]:
    """Seconds, peak memory (MB) and CPU seconds (user + system) of one process (its cache
    folder prepared first: emptied for a cold one)."""
    env = ENV
    if cache is not None:
        cache.prepare()
        env = ENV | {"COMMGEN_CACHE": str(cache.folder)}
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1: check found something, fine for timing
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    rss = usage.ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else usage.ru_maxrss / 1024
    return elapsed, rss, usage.ru_utime + usage.ru_stime


# What the privacy review keeps of texts: its findings per text, and per line and sentence
# (``checks.run.SealedStore``); and what Babel and phonenumbers gave for a case's answers
# (``foundation.cache.remembered``: its dates, phone numbers, lists; not the table of the
# minutes of a day, which is no case's): a new case has none of its own.
REVIEW_KINDS = ("check-result", "check-lines", "check-scores", "library-date", "library-month",
                "library-phone", "library-phone-style", "library-phone-key", "library-list")
PIECE_KINDS = ("check-lines", "check-scores")


class Cache:
    """commgen's user cache folder for one line of the table: kept between runs (warm: what a
    user has from the second run on), emptied before every run (cold: a first run, or a run
    after the templates or rules changed), or kept without anything the review kept of texts
    (``fresh``: the first run of a new case on a computer that made documents before, but
    never of another case); with ``seed``, a folder whose stores of lines and sentences
    other cases made (never this one: the new case on a computer that made other cases'
    documents before, as a school's does)."""

    def __init__(self, folder: Path, cold: bool, fresh: bool = False,
                 seed: Path | None = None) -> None:
        self.folder, self.cold, self.fresh, self.seed = folder, cold, fresh, seed

    def prepare(self) -> None:
        if self.cold:
            shutil.rmtree(self.folder, ignore_errors=True)
        elif self.fresh:
            for kind in REVIEW_KINDS:
                shutil.rmtree(self.folder / kind, ignore_errors=True)
            for kind in PIECE_KINDS if self.seed is not None else ():
                if (self.seed / kind).is_dir():
                    shutil.copytree(self.seed / kind, self.folder / kind)


def seed_cache(commgen: str, others: list[tuple[Path, Path]], folder: Path) -> Path:
    """A cache folder with the review's stores of lines and sentences after the documents of
    ``others`` (answers, out folder) were made: what a school's computer has from earlier
    cases."""
    env = ENV | {"COMMGEN_CACHE": str(folder)}
    for answers, out in others:
        subprocess.run([commgen, "generate", str(answers), "--out", str(out), "--force"],
                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
    return folder


@dataclass
class Pair:
    """commgen and its baseline: median seconds, largest peak memory (MB); the median of the
    ratios of the pairs in wall time (the target) and in CPU time (user + system: what a busy
    machine disturbs least)."""

    ours: tuple[float, float]
    base: tuple[float, float]
    ratio: float
    cpu_ratio: float


def measure_pair(ours: list[str], base: list[str], runs: int, cwd: Path,
                 cache: Cache | None = None) -> Pair:
    """``runs`` pairs (after one warm-up run each), commgen and its baseline run in turn so
    that a busy machine slows both alike; the median of the ratios of each pair (a moment of
    load elsewhere slows one pair, not the median)."""
    run_once(ours, cwd, cache)  # warm-up: bytecode, a warm cache
    run_once(base, cwd)
    pairs = [(run_once(ours, cwd, cache), run_once(base, cwd)) for _ in range(runs)]
    ours_side, base_side = (
        (statistics.median(p[k][0] for p in pairs), max(p[k][1] for p in pairs)) for k in (0, 1))
    return Pair(ours_side, base_side, statistics.median(p[0][0] / p[1][0] for p in pairs),
                statistics.median(p[0][2] / p[1][2] for p in pairs))


def large_case(folder: Path) -> Path:
    """The vo-politie sample with long free-text answers: the largest documents we make."""
    import yaml

    data = yaml.safe_load((ROOT / "samples" / "vo-politie.yaml").read_text(encoding="utf-8"))
    data["school_logo"] = str(ROOT / "samples" / data["school_logo"])
    data["actions_extra"] = list(data["actions_extra"]) * 20
    data["situation_extra"] = " ".join([data["situation_extra"].strip()] * 15)
    data["view_extra"] = " ".join([data["view_extra"].strip()] * 10)
    path = folder / "groot.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def matrix_case(folder: Path) -> Path:
    """The largest case of the case matrix (``tests/test_case_matrix.py``): the most
    documents, and of those the longest context (the text the templates print)."""
    from commgen.answers.answersfile import load_answers
    from commgen.app.generate import select_documents
    from commgen.foundation.resources import templates_dir
    from commgen.questions.catalog import load_catalog
    from commgen.render.context import build_context
    from commgen.render.snippets import load_snippets
    from tests.conftest import write_answers
    from tests.test_case_matrix import CASES, answers_for

    catalog = load_catalog(templates_dir())
    snippets = load_snippets(catalog, "nl")
    best: tuple[int, int] = (-1, -1)
    chosen = folder / "matrix.yaml"
    for number, case in enumerate(CASES):
        data = answers_for(case)  # the answers the matrix test writes for this case
        drop = ("situation_extra", "view_extra", "actions_extra", "why_extra") + (
            ("origin", "class_named") if case["origin"] == "no_pupil" else ())
        (folder / f"m{number}").mkdir()
        path = write_answers(folder / f"m{number}", {k: v for k, v in data.items()
                                                    if v is not None},
                             drop=drop + tuple(k for k, v in data.items() if v is None))
        answers = load_answers(path, catalog)
        docs, _skipped = select_documents(catalog, answers, None)
        size = sum(len(json.dumps(build_context(catalog, snippets, answers, doc, "nl"),
                                  default=str)) for doc in docs)
        if (len(docs), size) > best:
            best = (len(docs), size)
            shutil.copyfile(path, chosen)
    return chosen


def line(label: str, measured: Pair, base_label: str, target: float, counted: bool = True
         ) -> bool:
    """One row; ``counted``: False for a row shown beside the warm one (a new case, a cold
    cache: a first run) that the target is not about."""
    ours, base, ratio = measured.ours, measured.base, measured.ratio
    ok = ratio <= target and ours[1] < MEMORY_MB
    verdict = ("ok" if ok else "MISSED") if counted else (
        "(not a target)" if ours[1] < MEMORY_MB else "MISSED (memory)")
    print(f"{label:76} {ours[0] * 1000:7.0f} ms {ours[1]:5.0f} MB | {base_label:13} "
          f"{base[0] * 1000:6.0f} ms {base[1]:5.0f} MB | {ratio:5.2f}x (<= {target}; cpu "
          f"{measured.cpu_ratio:4.2f}x) {verdict}")
    return ok or (not counted and ours[1] < MEMORY_MB)


def wanted(label: str, only: re.Pattern[str] | None) -> bool:
    """Whether a row is asked for (``--only``)."""
    return only is None or only.search(label) is not None


def generate_lines(runs: int, work: Path, only: re.Pattern[str] | None = None) -> bool:
    # the commgen of this Python's own environment first: one found on PATH may be another
    # install, or a pyenv shim that starts bash before Python (twice the time of --help)
    own = Path(sysconfig.get_path("scripts")) / ("commgen.exe" if os.name == "nt" else "commgen")
    commgen = str(own) if own.is_file() else shutil.which("commgen")
    if not commgen:
        raise SystemExit("commgen is not installed: pip install -e .")
    ok = True
    warm, cold = Cache(work / "cache", cold=False), Cache(work / "cold-cache", cold=True)
    fresh = Cache(work / "cache", cold=False, fresh=True)
    # The inputs are made in a child process: a parent that imported commgen would lend its
    # memory to every process it starts (the peak memory of a child counts it until exec).
    subprocess.run([sys.executable, __file__, "--prepare", str(work)], check=True, env=ENV)
    plan = json.loads((work / "plan.json").read_text(encoding="utf-8"))
    samples = [(Path(answers), work / f"seed-out-{i}")
               for i, (name, answers, _f, _p) in enumerate(plan["cases"]) if name in SAMPLES]
    for name, answers, folder_name, pairs in plan["cases"]:
        folder = work / folder_name
        bare_args = [str(part) for i, (ctx, tpl) in enumerate(pairs)
                     for part in (ctx, tpl, folder / f"bare-{i}.docx")]
        bare = [sys.executable, str(ROOT / "bench" / "bare_docxtpl.py"), *bare_args]
        ours = [commgen, "generate", str(answers), "--out", str(folder / "out"), "--force"]
        # the other samples; the long answers are vo-politie's with more text: not that one
        others = [(a, o) for a, o in samples if a != Path(answers)
                  and not (name == "long answers" and a.stem == "vo-politie")]
        rows = [(warm, "warm cache"), (fresh, "new case"), (None, "new case after other cases"),
                (cold, "cold cache")]
        for cache, label in rows:
            row = f"generate {name} ({len(pairs)} docs), {label}"
            if not wanted(row, only):
                continue
            if cache is None:  # seeded only when its row is asked for (it runs other cases)
                cache = Cache(work / "cache", cold=False, fresh=True,
                              seed=seed_cache(commgen, others, work / f"seed-{folder_name}"))
            ok &= line(row, measure_pair(ours, bare, runs, folder, cache), "bare docxtpl",
                       TARGETS["generate"], counted=cache is warm)
    if wanted("commgen --help", only):
        ok &= line("commgen --help", measure_pair([commgen, "--help"],
                                                   [sys.executable, "-c", "import click"], runs,
                                                   work, warm),
                   "import click", TARGETS["help"])
    letter = plan["letter"]
    check = [commgen, "check", "--audience", "parents-class", str(letter)]
    for cache, label in ((warm, "warm cache"), (cold, "cold cache")):
        row = f"cold commgen check, 2-page letter, {label}"
        if wanted(row, only):
            ok &= line(row, measure_pair(check, [sys.executable, "-c", "import docx"], runs,
                                         work, cache),
                       "import docx", TARGETS["check"], counted=not cache.cold)
    return ok


def _in_process() -> None:
    """Run in a child process: the warm answer check and the throughput, as JSON."""
    import resource

    from bench.corpus_eval import load_corpus
    from commgen.checks.load import checker_from_files

    checker = checker_from_files("parents-class")
    checker.check(ANSWER)  # warm: lists and patterns loaded
    times = []
    for _ in range(200):
        start = time.perf_counter()
        checker.check(ANSWER)
        times.append(time.perf_counter() - start)
    problems, clean, _context = load_corpus()
    block = "\n".join([p["tekst"] for p in problems] + clean) + "\n"
    throughput = {}
    for megabytes in (1, 2):
        size = megabytes * 1024 * 1024
        text = (block * (size // len(block.encode("utf-8")) + 1))[:size]
        seconds, cpu = [], []
        for _ in range(3):  # the median of three: one slow moment on a busy machine is not it
            start, start_cpu = time.perf_counter(), time.process_time()
            checker.check(text)
            seconds.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        throughput[megabytes] = (statistics.median(seconds), len(text.encode("utf-8")),
                                 statistics.median(cpu))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"answer": statistics.median(times), "throughput": throughput,
                      "rss": rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024}))


IN_PROCESS_ROWS = ("warm check of one answer", "check throughput, 1 MB text",
                   "check throughput, 2 MB text", "time 2 MB / time 1 MB",
                   "peak memory of the in-process part")


def in_process_lines() -> bool:
    done = subprocess.run([sys.executable, __file__, "--in-process"], capture_output=True,
                          text=True, check=True, env=ENV)
    result = json.loads(done.stdout)
    answer_ms = result["answer"] * 1000
    ok = answer_ms < 20
    print(f"{'warm check of one answer':76} {answer_ms:7.1f} ms (median of 200, "
          f"{len(ANSWER)} characters; target < 20 ms) {'ok' if ok else 'MISSED'}")
    speeds, cpu_seconds = {}, {}
    for megabytes, (seconds, size, cpu) in result["throughput"].items():
        speeds[megabytes] = size / 1024 / seconds
        cpu_seconds[megabytes] = cpu / size
        print(f"{'check throughput, ' + megabytes + ' MB text':76} {speeds[megabytes]:7.0f} KB/s "
              f"({seconds:.2f} s; cpu {cpu:.2f} s)")
    ratio = speeds["1"] / speeds["2"] * 2  # time for 2 MB / time for 1 MB
    cpu_ratio = cpu_seconds["2"] / cpu_seconds["1"] * 2
    linear = ratio <= 2.0 * 1.05  # 5% for timing noise: 2.00 measures as 1.98 or 2.02
    print(f"{'time 2 MB / time 1 MB':76} {ratio:7.2f} "
          f"(twice the text at most twice the time: <= 2.0, +5% noise; cpu {cpu_ratio:.2f}) "
          f"{'ok' if linear else 'MISSED'}")
    memory_ok = result["rss"] < MEMORY_MB
    print(f"{'peak memory of the in-process part':76} {result['rss']:7.0f} MB "
          f"{'ok' if memory_ok else 'MISSED'}")
    return ok and linear and memory_ok


def _prepare(work: Path) -> None:
    """Run in a child process: write every input (answers, contexts, the letter) and
    ``plan.json``, which lists them."""
    from bench.bench_check import two_page_letter
    from bench.bench_generate import _contexts

    cases = [(name, ROOT / "samples" / f"{name}.yaml") for name in SAMPLES]
    cases.append(("long answers", large_case(work)))
    (work / "matrix").mkdir()
    cases.append(("largest matrix case", matrix_case(work / "matrix")))
    plan: dict[str, object] = {"cases": [], "letter": str(two_page_letter(work))}
    for name, answers in cases:
        folder = work / name.replace(" ", "-")
        folder.mkdir()
        pairs = [[str(c), str(t)] for c, t in _contexts(answers, folder)]
        plan["cases"].append([name, str(answers), folder.name, pairs])  # type: ignore[attr-defined]
    (work / "plan.json").write_text(json.dumps(plan), encoding="utf-8")


def main() -> int:
    if "--in-process" in sys.argv:
        _in_process()
        return 0
    if "--prepare" in sys.argv:
        _prepare(Path(sys.argv[sys.argv.index("--prepare") + 1]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="only the commands, not the "
                        "in-process check (which takes a while on 3 MB of text)")
    parser.add_argument("--only", metavar="PATTERN", help="only the rows whose label matches "
                        "this regular expression (case-insensitive)")
    args = parser.parse_args()
    only = re.compile(args.only, re.IGNORECASE) if args.only else None
    print(f"median of {args.runs} runs after a warm-up; peak memory per process\n")
    with tempfile.TemporaryDirectory() as tmp:
        ok = generate_lines(args.runs, Path(tmp), only)
    if not args.quick and any(wanted(label, only) for label in IN_PROCESS_ROWS):
        ok &= in_process_lines()
    print("\nall targets met" if ok else "\nsome targets missed")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
