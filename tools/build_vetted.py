"""Build ``commgen/checks/vetted.json``: the phrasing rules' findings per line and the model's
scores per sentence of the vetted text every case's documents hold (``checks.run.Vetted``).

    python tools/build_vetted.py          # write the file
    python tools/build_vetted.py --check  # exit 1 when its stamps are not the current ones

Run it after changing a rule, the model or the code that searches or scores (the tests say
when: ``tests/test_vetted.py``). It makes every sample's documents in a fresh process with an
empty cache and records each line and sentence the review computed; it keeps those that the
documents of two samples or more hold, that have no digit and that hold no answer of any
sample (four characters or more): the templates' and sentences' own text, no case's.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_RUN = """
import atexit, json, sys
from commgen.checks import run
run.VETTED.recorded = {"lines": {}, "scores": {}}
out = sys.argv.pop(1)

def dump():
    from commgen.checks.model import MODEL_FILE
    from commgen.checks.rules import RULES_FOLDER
    folder = run.snippets_folder() / RULES_FOLDER
    stamps = {"lines": run.LineStore(run._loaded_rules(folder))._content_stamp(),
              "scores": run._RememberedScores(None, folder / MODEL_FILE)._content_stamp()}
    with open(out, "w", encoding="utf-8") as file:
        json.dump({"stamps": stamps, **run.VETTED.recorded}, file, ensure_ascii=False)

atexit.register(dump)
sys.argv = ["commgen", *sys.argv[1:]]
from commgen.app.cli import main
main()
"""
_DIGIT = re.compile(r"\d")
_MIN_ANSWER = 4  # characters: shorter answers ("ja", "po", "foto") are words of any text


def stamps() -> dict[str, str]:
    """The stamps of the rules, the model and the code as they are now."""
    from commgen.checks import run
    from commgen.checks.model import MODEL_FILE
    from commgen.checks.rules import RULES_FOLDER

    folder = run.snippets_folder() / RULES_FOLDER
    return {"lines": run.LineStore(run._loaded_rules(folder))._content_stamp(),
            "scores": run._RememberedScores(None, folder / MODEL_FILE)._content_stamp()}


def _answers(sample: Path) -> set[str]:
    """Every answer of a sample as text (case-folded), of ``_MIN_ANSWER`` characters or more."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif value is not None:
            text = str(value).strip().casefold()
            if len(text) >= _MIN_ANSWER:
                found.add(text)
                found.update(line.strip() for line in text.splitlines()
                             if len(line.strip()) >= _MIN_ANSWER)

    walk(yaml.safe_load(sample.read_text(encoding="utf-8")))
    return found


def _vetted(piece: str, answers: set[str]) -> bool:
    folded = piece.casefold()
    return not _DIGIT.search(piece) and not any(answer in folded for answer in answers)


def build() -> dict[str, Any]:
    samples = sorted((ROOT / "samples").glob("*.yaml"))
    answers = set().union(*(_answers(s) for s in samples))
    recorded: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="commgen-vetted-") as tmp:
        work = Path(tmp)
        for n, sample in enumerate(samples):
            out = work / f"recorded{n}.json"
            env = {k: v for k, v in os.environ.items() if k != "COMMGEN_CACHE"} | {
                "COMMGEN_CACHE": str(work / f"cache{n}"), "PYTHONPATH": str(ROOT)}
            subprocess.run([sys.executable, "-c", _RUN, str(out), "generate", str(sample),
                            "--out", str(work / f"out{n}"), "--force"], cwd=ROOT, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            try:
                recorded.append(json.loads(out.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                raise SystemExit(f"nothing recorded for {sample.name}") from None
    current = stamps()
    if any(r["stamps"] != current for r in recorded):
        raise SystemExit("the rules or the model changed while the samples were made")
    data: dict[str, Any] = {"format": 1}
    for part in ("lines", "scores"):
        seen: dict[str, int] = {}
        for found in recorded:
            for piece in found.get(part, {}):
                seen[piece] = seen.get(piece, 0) + 1
        entries = {}
        for piece, times in sorted(seen.items()):
            text = piece.partition("\0")[2] if part == "scores" else piece
            if times >= 2 and _vetted(text, answers):
                entries[piece] = next(r[part][piece] for r in recorded if piece in r[part])
        data[part] = {"stamp": current[part], "entries": entries}
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when vetted.json was made with other rules, model or code")
    args = parser.parse_args()
    from commgen.checks.run import Vetted

    if args.check:
        try:
            data = json.loads(Vetted.FILE.read_bytes())
        except (OSError, ValueError):
            data = {}
        current = stamps()
        stale = [part for part in ("lines", "scores")
                 if data.get("format") != Vetted.FORMAT
                 or data.get(part, {}).get("stamp") != current[part]]
        if stale:
            print(f"{Vetted.FILE} is not up to date ({', '.join(stale)}): "
                  "run python tools/build_vetted.py")
            return 1
        return 0
    data = build()
    Vetted.FILE.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                           encoding="utf-8")
    print(f"{Vetted.FILE}: {len(data['lines']['entries'])} lines, "
          f"{len(data['scores']['entries'])} sentence scores, "
          f"{Vetted.FILE.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
