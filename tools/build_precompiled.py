"""Build ``commgen/foundation/precompiled.json``: what a first run would otherwise compute from
the bundled rules and the libraries' patterns (``foundation.shipped`` explains its use).

    python tools/build_precompiled.py          # write the file
    python tools/build_precompiled.py --check  # exit 1 when the file is not up to date

Run it after changing a rule file, another bundled data file, ``model.json`` or a detector's
pattern (the tests say when: ``tests/test_precompiled.py``). It runs ``commgen generate`` on
every sample and ``commgen check`` on their documents, each in a fresh process with an empty
cache and the shipped file switched off, and records every pattern those processes compile
(with the code ``re`` generated for it on this Python) and every rule's first words; then it
compiles each alternative of every rule on its own (a case may hold words the samples do not),
and records the trained check's weights in the plain form a run reads (``checks.model``, keyed
by the hash of ``model.json``) and every bundled data file as YAML parses it
(``foundation.yamlfile``, keyed by PyYAML's version and the file's text), both in
``precompiled-data.json`` beside it. The code is for this Python only
(``shipped.python_stamp``); the first words, the weights and the parses are for every Python.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from commgen.foundation.shipped import (  # noqa: E402
    SHIPPED,
    SHIPPED_DATA,
    SHIPPED_FORMAT,
    python_stamp,
)

_RECORDING = """
import atexit, json, sys
from commgen.foundation import regexcache, shipped
shipped.SHIPPED_TABLE.off = True
shipped.SHIPPED_TABLE.recorded = {"codes": {}, "values": {}}
shipped.SHIPPED_DATA_TABLE.recorded = {}
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w", encoding="utf-8").write(
    json.dumps({**shipped.SHIPPED_TABLE.recorded, "data": shipped.SHIPPED_DATA_TABLE.recorded})))
"""

_RUN = _RECORDING + """
from commgen.app.cli import main
main()
"""

_ALTERNATIVES = _RECORDING + """
regexcache.keep_compiled_patterns("generate")
from commgen.foundation.i18n import LANGUAGES, set_language
from commgen.foundation.resources import templates_dir
from commgen.questions.catalog import load_catalog
from commgen.render.snippets import load_snippets
for lang in LANGUAGES:  # the conditions of the catalogue and the sentences, per language
    set_language(lang)
    catalog = load_catalog(templates_dir())
    load_snippets(catalog, "nl")
from commgen.checks.rules import load_rules
from commgen.checks.ruleindex import SWAP_GROUP, alternatives_source
from commgen.foundation.regexcache import compile_apart
from commgen.foundation.resources import bundled
from commgen.checks.model import load_model
from commgen.foundation.yamlfile import cached_parse, read_text
for name in ("snippets", "templates"):  # every bundled data file, parsed (any command's)
    for path in sorted(bundled(name).rglob("*.yaml")):
        cached_parse(read_text(path), path)
for folder in sorted(bundled("snippets").glob("*/regels")):
    load_model(folder)  # the trained check's weights in their plain form
    for rule in load_rules(folder):
        keys = rule.keys
        if keys is None or not keys.narrowable:
            continue
        capture = f"{SWAP_GROUP}0" in rule.pattern.groupindex
        for i in range(len(keys.parts)):
            compile_apart(alternatives_source(keys.parts, (i,), capture), keys.flags,
                          "alternatives")
"""


def _recorded(script: str, args: list[str], cache: Path, out: Path) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "COMMGEN_CACHE"} | {
        "COMMGEN_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", script, str(out), *args], cwd=ROOT, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    try:
        return json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise SystemExit(f"nothing recorded for {args or 'the alternatives'}") from None


def build(quick: bool = False) -> dict[str, Any]:
    """The content of ``precompiled.json`` for the sources as they are now; ``quick``: only
    what the bundled rules, catalogue and sentences decide (the part ``--check`` compares)."""
    codes: dict[str, Any] = {}
    values: dict[str, Any] = {}
    parsed: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="commgen-precompiled-") as tmp:
        work = Path(tmp)
        runs: list[tuple[str, list[str]]] = []
        for sample in () if quick else sorted((ROOT / "samples").glob("*.yaml")):
            out = work / "out" / sample.stem
            runs.append((_RUN, ["generate", str(sample), "--out", str(out), "--force"]))
        runs.append((_ALTERNATIVES, []))
        for n, (script, args) in enumerate(runs):
            found = _recorded(script, args, work / f"cache{n}", work / f"recorded{n}.json")
            codes.update(found["codes"])
            values.update(found["values"])
            parsed.update(found.get("data", {}))
        documents = sorted(str(p) for p in (work / "out").rglob("*.docx"))[:8]
        if documents:
            found = _recorded(_RUN, ["check", *documents], work / "cache-check",
                              work / "recorded-check.json")
            codes.update(found["codes"])
            values.update(found["values"])
            parsed.update(found.get("data", {}))
    return {"format": SHIPPED_FORMAT, "python": python_stamp(),
            "values": dict(sorted(values.items())), "codes": dict(sorted(codes.items())),
            "data": dict(sorted(parsed.items()))}


def stale(current: dict[str, Any], data: dict[str, Any]) -> list[str]:
    """What ``current`` (the file) lacks of ``data`` (a build, perhaps quick): the keys of
    values that differ or are missing, and of patterns whose code is missing (for this
    Python only: another one's file has no code to compare)."""
    if current.get("format") != data["format"]:
        return ["format"]
    values = current.get("values", {})
    missing = [key for key, value in data["values"].items() if values.get(key) != value]
    parsed = current.get("data", {})
    missing += [key for key, value in data["data"].items() if parsed.get(key) != value]
    if current.get("python") == data["python"]:
        codes = current.get("codes", {})
        missing += [key for key, code in data["codes"].items() if codes.get(key) != code]
    return missing


def dumped(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
            + "\n").encode("utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when precompiled.json is not up to date with the rules, "
                        "the catalogue and the sentences")
    args = parser.parse_args()
    data = build(quick=args.check)
    if args.check:
        try:
            current = json.loads(SHIPPED.read_bytes())
            current["data"] = json.loads(SHIPPED_DATA.read_bytes())["values"]
        except (OSError, ValueError, KeyError, TypeError):
            current = {}
        missing = stale(current, data)
        if missing:
            print(f"{SHIPPED} is not up to date ({len(missing)} entries): "
                  "run python tools/build_precompiled.py")
            return 1
        return 0
    parsed = data.pop("data")
    SHIPPED.write_bytes(dumped(data))
    SHIPPED_DATA.write_bytes(dumped({"format": SHIPPED_FORMAT, "values": parsed}))
    print(f"{SHIPPED}: {len(data['codes'])} patterns, {len(data['values'])} values, "
          f"{SHIPPED.stat().st_size // 1024} KB; {SHIPPED_DATA.name}: {len(parsed)} values, "
          f"{SHIPPED_DATA.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
