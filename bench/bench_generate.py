"""Time ``commgen generate`` against bare docxtpl, and ``commgen --help`` against bare click.

    python bench/bench_generate.py [--runs N] [--sample samples/vo-politie.yaml]

Both sides run as fresh processes, so start-up and imports count, as they do for a user.
Targets (issue 2): generate at most 1.5x the bare docxtpl work for the same documents;
``--help`` at most 1.3x ``python -c "import click"``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


# A pip-installed package has compiled bytecode; an editable checkout under
# PYTHONDONTWRITEBYTECODE would recompile commgen on every start and measure the wrong thing.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _peak_rss_mb(command: list[str], cwd: Path) -> float | None:
    """Peak memory of one run (POSIX only; the benchmark is a developer tool)."""
    try:
        import resource
    except ImportError:
        return None
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env=ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(after, before) / 1024


def _median_seconds(command: list[str], runs: int, cwd: Path) -> float:
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env=ENV)  # warm-up: caches, bytecode
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _contexts(sample: Path, work: Path) -> list[tuple[Path, Path]]:
    """The context commgen gives each template, saved as JSON for the bare baseline: for the
    documents ``commgen generate`` makes of these answers (not those another command makes,
    such as ``commgen update``'s letters)."""
    from commgen.answers.answersfile import load_answers
    from commgen.app.generate import select_documents
    from commgen.foundation.resources import templates_dir
    from commgen.questions.catalog import load_catalog
    from commgen.render.context import build_context
    from commgen.render.snippets import load_snippets

    catalog = load_catalog(templates_dir())
    answers = load_answers(sample, catalog)
    snippets = load_snippets(catalog, "nl")
    pairs = []
    for doc in select_documents(catalog, answers, None)[0]:
        context = build_context(catalog, snippets, answers, doc, "nl")
        path = work / f"{doc.id}.json"
        path.write_text(json.dumps(context, ensure_ascii=False, default=str), encoding="utf-8")
        pairs.append((path, doc.templates["nl"]))
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--sample", type=Path, default=ROOT / "samples" / "vo-politie.yaml")
    args = parser.parse_args()
    commgen = shutil.which("commgen")
    if not commgen:
        print("commgen is not installed: pip install .", file=sys.stderr)
        return 2
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pairs = _contexts(args.sample.resolve(), work)
        bare_script = ROOT / "bench" / "bare_docxtpl.py"
        bare_args = [str(part) for i, (ctx, tpl) in enumerate(pairs)
                     for part in (ctx, tpl, work / f"bare-{i}.docx")]
        bare = _median_seconds([python, str(bare_script), *bare_args], args.runs, work)
        generate = [commgen, "generate", str(args.sample.resolve()), "--out", str(work / "out"),
                    "--force"]
        ours = _median_seconds(generate, args.runs, work)
        memory = _peak_rss_mb(generate, work)
        click_only = _median_seconds([python, "-c", "import click"], args.runs, work)
        help_ = _median_seconds([commgen, "--help"], args.runs, work)
    print(f"documents rendered:            {len(pairs)}")
    print(f"bare docxtpl render+save:      {bare * 1000:7.1f} ms (median of {args.runs})")
    print(f"commgen generate:              {ours * 1000:7.1f} ms")
    print(f"ratio generate / bare:         {ours / bare:7.2f}  (target <= 1.5)")
    if memory is not None:
        print(f"commgen generate peak memory:  {memory:7.1f} MB (largest child so far)")
    print(f"python -c 'import click':      {click_only * 1000:7.1f} ms")
    print(f"commgen --help:                {help_ * 1000:7.1f} ms")
    print(f"ratio --help / click:          {help_ / click_only:7.2f}  (target <= 1.3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
