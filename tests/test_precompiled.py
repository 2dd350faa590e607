"""The wheel's ``precompiled.json`` (``foundation.shipped``): up to date with the rules, the
catalogue and the sentences, used by a first run, and never a cause of another result: a
damaged or foreign file only makes a first run slower."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from commgen.checks import patterns
from commgen.foundation import cache
from commgen.foundation import shipped as precompiled

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMMGEN_CACHE", str(folder))
    return folder


@pytest.fixture
def shipped(monkeypatch: pytest.MonkeyPatch) -> precompiled._Shipped:
    """A fresh table in this process (the real one may have been read by another test)."""
    table = precompiled._Shipped()
    monkeypatch.setattr(precompiled, "SHIPPED_TABLE", table)
    monkeypatch.setattr(patterns, "SHIPPED_TABLE", table)
    return table


def test_the_shipped_file_is_up_to_date_with_the_sources() -> None:
    """Rebuilt from the rules, the catalogue and the sentences as they are now (a fresh
    process, an empty cache, the file switched off): nothing differs or is missing."""
    done = subprocess.run([sys.executable, "tools/build_precompiled.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_first_run_takes_the_rules_from_the_shipped_file(
        empty_cache: Path, shipped: precompiled._Shipped, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every rule's pattern of a first run is built from shipped code, the same pattern that
    ``re`` compiles from source, and kept in the user cache for the next run."""
    from commgen.checks.rules import load_rules
    from commgen.foundation.resources import bundled

    if json.loads(precompiled.SHIPPED.read_bytes())["python"] != precompiled.python_stamp():
        pytest.skip("the shipped code is for another Python (the first words are for all)")
    compiled_from_source: list[str] = []
    original = precompiled.compiled_code

    def counting(pattern: str, flags: int) -> tuple[object, ...]:
        compiled_from_source.append(pattern)
        return original(pattern, flags)

    monkeypatch.setattr(patterns, "compiled_code", counting)
    rules = load_rules(bundled("snippets") / "nl" / "regels")
    assert rules and not compiled_from_source
    for rule in rules:
        again = re.compile(rule.pattern.pattern, rule.pattern.flags)
        assert rule.pattern.groupindex == again.groupindex
        sample = "Stuur het niet door: de naaktfoto van een leerling uit groep 7 ging rond."
        assert [m.span() for m in rule.pattern.finditer(sample)] == [
            m.span() for m in again.finditer(sample)]
    cache.save_packs()  # the patterns are kept in one file, written when a process ends
    assert any((empty_cache / "patterns").iterdir())


def test_a_damaged_shipped_file_is_ignored(
        empty_cache: Path, shipped: precompiled._Shipped, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    for content in (b"{not json", b'{"format": 999}', json.dumps({
            "format": precompiled.SHIPPED_FORMAT, "python": precompiled.python_stamp(),
            "values": {}, "codes": {precompiled.code_key("a+b", 0): [0, "!!", 0, {}, []]}}
    ).encode()):
        broken = tmp_path / "precompiled.json"
        broken.write_bytes(content)
        monkeypatch.setattr(precompiled, "SHIPPED", broken)
        table = precompiled._Shipped()
        monkeypatch.setattr(patterns, "SHIPPED_TABLE", table)
        assert table.code("a+b", 0) is None
        assert patterns.compile_pattern("a+b").match("aab").group() == "aab"


def test_code_for_another_python_is_not_used(
        empty_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = precompiled.compiled_code("x[yz]+", 0)
    data = {"format": precompiled.SHIPPED_FORMAT, "python": "cpython-2.7-0-0", "values": {},
            "codes": {precompiled.code_key("x[yz]+", 0): [
                code[0], precompiled.packed(code[1]), code[2], code[3], list(code[4])]}}
    other = tmp_path / "precompiled.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(precompiled, "SHIPPED", other)
    assert precompiled._Shipped().code("x[yz]+", 0) is None
    data["python"] = precompiled.python_stamp()
    other.write_text(json.dumps(data), encoding="utf-8")
    assert precompiled._Shipped().code("x[yz]+", 0) is not None


def test_packed_code_comes_back_the_same() -> None:
    code = precompiled.compiled_code(r"(?<![\w-])(?:naakt\w*|sexting|“[^”]+”)(?![\w])", 2)
    assert precompiled.unpacked(precompiled.packed(code[1])) == code[1]


def test_a_shipped_value_is_used_only_for_its_kind_and_parts(
        empty_cache: Path, shipped: precompiled._Shipped) -> None:
    shipped.codes = {}
    shipped.values = {precompiled.value_key("rulekeys", ["x"]): {"found": "& <😀>"}}
    assert cache.cached_json("rulekeys", ["x"], lambda: "computed") == {"found": "& <😀>"}
    assert cache.cached_json("rulekeys", ["y"], lambda: "computed") == "computed"
    assert cache.cached_json("other", ["x"], lambda: "computed") == "computed"


def test_a_first_run_with_the_shipped_file_checks_as_one_without(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same findings from a cold cache with the shipped file and with it switched off
    (compiled from source)."""
    letter = tmp_path / "brief.txt"
    letter.write_text("Beste ouders,\n\nEen naaktfoto van een leerling uit groep 7 van "
                      "juf Demi is gedeeld. Stuur het niet door.\n", encoding="utf-8")
    reports = []
    for off in ("", "1"):
        monkeypatch.setenv("COMMGEN_CACHE", str(tmp_path / f"cache{off}"))
        script = ("import atexit, sys; from commgen.foundation import shipped; "
                  f"shipped.SHIPPED_TABLE.off = {bool(off)}; "
                  "atexit.register(lambda: print('shipped', len(shipped.SHIPPED_TABLE.codes "
                  "or {}), file=sys.stderr)); "
                  "sys.argv = ['commgen', 'check', sys.argv[1]]; "
                  "from commgen.app.cli import main; main()")
        done = subprocess.run([sys.executable, "-c", script, str(letter)], cwd=ROOT,
                              capture_output=True, text=True, check=False,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        reports.append((done.returncode, done.stdout))
        shipped_codes = int(done.stderr.rsplit("shipped ", 1)[1].split()[0])
        # the command line's own process reads the file (json imported before re's hook:
        # json's import under the hook once left the table empty for the whole run)
        assert (shipped_codes > 1000) if not off else shipped_codes == 0, done.stderr[-300:]
    assert reports[0] == reports[1]
    assert reports[0][0] == 1 and "groep 7" in reports[0][1]
