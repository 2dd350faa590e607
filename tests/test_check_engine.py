"""The check's machinery for speed: cached compiled patterns, alternatives tried by their first
character, interval look-ups, and the name finder that replaced deduce. Each must give exactly
what the plain way gives."""

from __future__ import annotations

import random
import re

import pytest
import yaml

from bench.corpus_eval import load_corpus
from commgen.checks.kinds import expand, load_kinds
from commgen.checks.namefinder import annotate
from commgen.checks.patterns import by_first_character, compile_pattern, first_characters
from commgen.checks.spans import Disjoint, Spans
from commgen.foundation import cache
from tests.conftest import ROOT

RULES = ROOT / "snippets" / "nl" / "regels"


def _texts() -> list[str]:
    problems, clean, _context = load_corpus()
    return [p["tekst"] for p in problems] + clean + [
        "NAAKT op de Foto, Naïef en DOM; ĳs, Ïris, straße, 'quote' – streepje-woord."]


def test_a_compiled_pattern_comes_back_from_the_cache_unchanged(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("COMMGEN_CACHE", str(tmp_path))
    source = r"(?<![\w-])(?:(?P<w>naakt\w*)|bloot|foto's?)(?![\w])"
    first = compile_pattern(source, re.IGNORECASE)
    cache.save_packs()  # the patterns are kept in one file per kind, written at exit
    stored = list((tmp_path / "patterns").iterdir())
    assert len(stored) == 1
    cache._PACKS.clear()  # another process
    again = compile_pattern(source, re.IGNORECASE)  # from the file this time
    plain = re.compile(source, re.IGNORECASE)
    text = "Een NAAKTfoto, bloot, foto's en fotos."
    for pattern in (first, again):
        assert [m.span() for m in pattern.finditer(text)] == \
            [m.span() for m in plain.finditer(text)]
        assert pattern.groupindex == plain.groupindex and pattern.flags == plain.flags
    stored[0].write_bytes(b"not a compiled pattern")  # damaged: compiled again, same result
    cache._PACKS.clear()
    damaged = compile_pattern(source, re.IGNORECASE)
    assert [m.span() for m in damaged.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_first_characters_of_a_pattern() -> None:
    assert first_characters(r"(?:mede)?verantwoordelijk", re.I) == frozenset("mv")
    assert first_characters(r"na[iï]e[fv]\w*", re.I) == frozenset("n")
    assert first_characters(r"\w+", re.I) is None
    assert first_characters(r"x?", 0) is None  # may match nothing


EXISTENCE_RULES = [p for p in sorted(RULES.glob("*.yaml"))
                   if "extends: existence" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("path", EXISTENCE_RULES, ids=lambda p: p.stem)
def test_alternatives_by_first_character_match_like_the_plain_alternation(path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    flags = re.IGNORECASE if data.get("ignorecase", True) else 0
    kinds = load_kinds(RULES)
    for listed in (data["tokens"], data.get("exceptions") or []):
        parts = [expand(p, kinds)[0] for p in listed]
        if not parts:
            continue
        alternatives = "|".join(f"(?:{p})" for p in parts)
        plain = re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w])", flags)
        fast = re.compile(r"(?<![\w-])(?:" + (by_first_character(parts, flags) or alternatives)
                          + r")(?![\w])", flags)
        for text in _texts():
            assert [m.span() for m in fast.finditer(text)] == \
                [m.span() for m in plain.finditer(text)], text


def test_spans_answer_like_a_scan_of_every_passage() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans = [(s, s + rng.randint(0, 9)) for s in (rng.randint(0, 60) for _ in range(8))]
        index = Spans(spans)
        for _ in range(20):
            start = rng.randint(0, 70)
            end = start + rng.randint(0, 9)
            assert index.contains(start, end) == any(s <= start and end <= e for s, e in spans)
            assert index.overlaps(start, end) == any(start < e and s < end for s, e in spans)
        kept, taken = [], Disjoint()
        for s, e in spans:
            if e > s and taken.add(s, e):
                kept.append((s, e))
        brute: list[tuple[int, int]] = []
        for s, e in spans:
            if e > s and not any(s < ke and ks < e for ks, ke in brute):
                brute.append((s, e))
        assert kept == brute


@pytest.mark.parametrize(("text", "names"), [
    ("Gisteren belde Sanne de Vries.", ["Sanne de Vries"]),
    ("Ik sprak dhr. Jansen en mevrouw K. van den Berg.",
     ["dhr. Jansen", "mevrouw K. van den Berg"]),
    ("De leerling Mohammed El Amrani was er niet.", ["Mohammed El Amrani"]),
    ("geen hoofdletters, dus geen namen", []),
])
def test_names_are_found_with_their_titles_initials_and_interfixes(text, names) -> None:
    found = [text[s:e] for s, e, tag in annotate(text) if tag == "persoon"]
    assert found == names


def test_the_bsn_and_postcode_checks_agree_with_python_stdnum() -> None:
    """The 11-proef and the postcode letters are a few lines in the detectors (importing
    python-stdnum costs 0.04 s on every run); python-stdnum, the reference, must agree."""
    import random

    from stdnum.nl import bsn, postcode

    from commgen.checks.detectors import _NO_POSTCODE_LETTERS, _bsn_valid

    rng = random.Random(7)
    numbers = [f"{rng.randrange(10**9):09d}" for _ in range(20000)]
    numbers += ["111222333", "123456782", "000000000", "999999990"]
    assert sum(_bsn_valid(n) for n in numbers) > 1000  # enough valid ones to compare
    for number in numbers:
        assert _bsn_valid(number) == bsn.is_valid(number), number
    letters = [a + b for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    for pair in letters:
        assert (pair not in _NO_POSTCODE_LETTERS) == postcode.is_valid(f"3821 {pair}"), pair
