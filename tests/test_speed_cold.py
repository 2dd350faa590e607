"""A first run (an empty user cache) does less and keeps results the same (issue 18, speed12).

- the table of the minutes of a day in Babel's short form comes from ``precompiled.json`` for
  the Babel version that built it (another version makes it, as before);
- the entries of the kinds with many small entries are kept in one file per kind, written
  when the process ends (creating a file is what a cache entry cost), read back exactly,
  merged with what another process wrote, ignored when damaged;
- the name finder's tokens, packed to keep a long text's memory down, are the tokens of the
  plain way of cutting the text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from commgen.checks import namefinder
from commgen.foundation import cache, formatting
from commgen.foundation.shipped import SHIPPED_TABLE


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMMGEN_CACHE", str(folder))
    monkeypatch.setattr(cache, "_REMEMBERED", {})
    monkeypatch.setattr(cache, "_PACKS", {})
    return folder


def _shipped_table(lang: str) -> tuple[bool, object]:
    version = cache.library_version("babel")
    assert version, "babel's __init__ writes out its version"
    return SHIPPED_TABLE.value("library-time-table",
                               [f"babel=={version}", json.dumps([lang])])


def test_the_shipped_time_table_is_the_one_babel_makes() -> None:
    shipped, table = _shipped_table("nl")
    assert shipped, "run python tools/build_precompiled.py (the Babel installed here differs)"
    assert table == formatting._time_table("nl")


def test_a_first_run_takes_the_time_table_from_the_shipped_file(
        empty_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from babel.dates import format_time as babel_time

    def not_made(lang: str) -> list[str | bool]:
        raise AssertionError("the table was made, not read")

    monkeypatch.setattr(formatting, "_time_table", not_made)
    for value in (dt.time(0, 0), dt.time(9, 5, 59, 1), dt.time(14, 5), dt.time(23, 59)):
        assert formatting.format_time(value, "nl") == babel_time(value, "short", locale="nl")


def test_another_babel_version_makes_the_table(
        empty_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    real = formatting._time_table

    def counted(lang: str) -> list[str | bool]:
        made.append(lang)
        return real(lang)

    monkeypatch.setattr(formatting, "_time_table", counted)
    monkeypatch.setattr(cache, "library_version", lambda library: "0.0-elders")
    assert formatting.format_time(dt.time(14, 5), "nl") == "14:05"
    assert made == ["nl"]


def test_packed_entries_are_written_once_and_read_back_exactly(empty_cache: Path) -> None:
    values = {f"deel {i}": {"tekst": f"Vraag {i} & <meer> “aanhalingen” 😀 مرحبا"}
              for i in range(40)}
    computed: list[str] = []

    def compute(part: str) -> object:
        computed.append(part)
        return values[part]

    for part in values:
        assert cache.cached_json("conditions", [part], lambda p=part: compute(p)) == values[part]
    assert not (empty_cache / "conditions").exists()  # nothing written before the end
    cache.save_packs()
    assert [p.name for p in (empty_cache / "conditions").iterdir()] == ["pack"]
    cache._PACKS.clear()  # another process
    for part in values:
        assert cache.cached_json("conditions", [part], lambda p=part: compute(p)) == values[part]
    assert len(computed) == len(values)  # the second time every one from the pack


def test_two_processes_packs_are_merged(empty_cache: Path) -> None:
    first = cache._Pack(empty_cache / "jinja")
    second = cache._Pack(empty_cache / "jinja")
    first.new["a"], second.new["b"] = b"x\neen", b"y\ntwee"
    first.save()
    second.save()
    assert cache._Pack(empty_cache / "jinja").entry("a") == b"x\neen"
    assert cache._Pack(empty_cache / "jinja").entry("b") == b"y\ntwee"


def test_a_damaged_pack_is_made_again(empty_cache: Path) -> None:
    assert cache.cached_text("yaml", ["a"], lambda: "waarde & <tekst>") == "waarde & <tekst>"
    cache.save_packs()
    pack = empty_cache / "yaml" / "pack"
    raw = bytearray(pack.read_bytes())
    raw[-1] ^= 0x01  # one bit flipped on the disk
    pack.write_bytes(bytes(raw))
    cache._PACKS.clear()
    assert cache.cached_text("yaml", ["a"], lambda: "opnieuw") == "opnieuw"


def test_an_entry_of_the_old_layout_is_still_read(empty_cache: Path) -> None:
    path = cache.entry("rulekeys", "oud")
    path.parent.mkdir(parents=True)
    data = json.dumps({"value": ["eerder"]}).encode()
    path.write_bytes(cache.hashlib.sha256(data).hexdigest().encode() + b"\n" + data)
    assert cache.cached_json("rulekeys", ["oud"], lambda: ["nieuw"]) == ["eerder"]


def _plain_tokens(text: str, lists: namefinder.NameLists) -> list[tuple[int, int, str]]:
    """The tokens as the name finder cut them before they were packed."""
    raw = [(m.start(), m.end(), m.group()) for m in namefinder._TOKEN.finditer(text)]
    texts = [t[2] for t in raw]
    merged: list[tuple[int, int, str]] = []
    i = 0
    while i < len(raw):
        n = lists.merge_terms.longest(texts, i) if texts[i] in lists.merge_terms.by_first else 0
        if n > 1:
            start, end = raw[i][0], raw[i + n - 1][1]
            merged.append((start, end, text[start:end]))
            i += n
        else:
            merged.append(raw[i])
            i += 1
    return merged


@pytest.mark.parametrize("text", [
    "",
    "de heer van der Berg en mevrouw De Vries van de school",
    "Met vriendelijke groet,\n\nDe heer J. van den Bosch\nDirecteur",
    "juf Demi   &  <groep 7>\t😀 مرحبا “naïef” van der van der de heer",
    "Van der Berg. de heer\nvan den\n" * 50,
])
def test_the_packed_tokens_are_the_plain_ones(text: str) -> None:
    lists = namefinder.name_lists()
    tokens = namefinder._tokens(text, lists)
    assert [tokens[i] for i in range(len(tokens))] == _plain_tokens(text, lists)
    assert tokens.texts == [t[2] for t in _plain_tokens(text, lists)]


def test_the_names_of_a_long_text_are_those_of_its_parts() -> None:
    part = ("Gisteren sprak de heer Van der Berg met Sanne de Vries en meneer Özdemir "
            "over Kevin's broer.\n")
    whole = namefinder.annotate(part * 200)
    one = namefinder.annotate(part)
    assert len(whole) == 200 * len(one) and one
    assert all(re.fullmatch(r"[^\n]+", (part * 200)[s:e]) for s, e, _tag in whole)


def test_a_pack_keeps_its_newest_entries_within_its_limits(
        empty_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache._Pack, "LIMIT_BYTES", 250)
    older = cache._Pack(empty_cache / "patterns")
    older.new = {f"oud{i}": b"o" * 100 for i in range(3)}
    older.save()
    newer = cache._Pack(empty_cache / "patterns")
    newer.new = {"nieuw": b"n" * 100}
    newer.save()
    kept = cache._Pack(empty_cache / "patterns")
    assert [kept.entry(n) is not None for n in ("oud0", "oud1", "oud2", "nieuw")] == [
        False, False, True, True]


def _detector_patterns() -> list[tuple[str, str, int]]:
    """(name, source, flags) of every compiled detector pattern, as written in the code."""
    from commgen.checks import detectors, wordstart
    from commgen.checks.vocabulary import load_vocabulary
    from commgen.foundation.resources import bundled

    sources: list[tuple[str, str, int]] = []
    real = wordstart.compile_detector

    def recorded(pattern: str, flags: int = 0, *args: object, **kwargs: object) -> object:
        sources.append((pattern[:40], pattern, flags))
        return real(pattern, flags, *args, **kwargs)  # type: ignore[arg-type]

    words = load_vocabulary(bundled("snippets") / "nl" / "regels")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(detectors, "_compile", recorded)
        detectors.Detectors(words)
    return sources


def _texts() -> list[str]:
    from tests.conftest import ROOT

    golden = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "golden").rglob(
        "*.txt"))][:30]
    import random

    pieces = ["groep 7", "4K", "Klas 2B", "de heer Visser", "@sanne_b", "#klas", "ﬁ", "ſ", "K",
              "İ", "ı", "Straße", "06-12345678", "16 jaar", "\n", " ", ", ", "Het Baken",
              "مرحبا", "😀", "brugklas", "TikTok", "snapchat", "www.x.nl", "juf Demi", "-"]
    rng = random.Random(12)
    return golden + ["".join(rng.choice(pieces) for _ in range(200)) for _ in range(40)]


def test_a_detector_with_a_first_character_look_ahead_matches_as_without() -> None:
    from commgen.checks.wordstart import first_character_lead

    texts = _texts()
    led = 0
    for name, source, flags in _detector_patterns():
        lead = first_character_lead(source, flags)
        if not lead:
            continue
        led += 1
        plain, faster = re.compile(source, flags), re.compile(f"{lead}(?:{source})", flags)
        for text in texts:
            assert [(m.span(), m.groups()) for m in faster.finditer(text)] == [
                (m.span(), m.groups()) for m in plain.finditer(text)], name
            assert bool(faster.match(text, 3)) == bool(plain.match(text, 3)), name
    assert led > 40  # most detectors start with \b or a look-behind


def test_no_look_ahead_where_re_has_a_prefix_or_any_first_character() -> None:
    from commgen.checks.wordstart import _lead

    assert _lead("naaktfoto", 0) == ""  # a literal prefix: re skips to it already
    assert _lead(r"\w+x", 0) == ""  # any word character
    assert _lead(r"\b(?:ab)?", 0) == ""  # can match nothing
    assert _lead(r"(?x) \b a  # comment", 0) == ""
    assert _lead(r"\b(?:call of duty|clash)\b", re.IGNORECASE) == "(?=[c])"
    assert _lead(r"(?<!\w)(?P<nr>[0-9]{4})", 0) == "(?=[0123456789])"


def test_a_rule_pattern_in_the_pack_is_read_when_first_used(
        empty_cache: Path) -> None:
    from commgen.checks.patterns import LazyPattern, compile_pattern

    source = r"(?<![\w-])(?:naakt\w*|bloot)(?![\w])"
    compile_pattern(source, re.IGNORECASE)
    cache.save_packs()
    cache._PACKS.clear()  # another process
    again = compile_pattern(source, re.IGNORECASE)
    assert isinstance(again, LazyPattern)
    assert [m.span() for m in again.finditer("NAAKT, bloot")] == [(0, 5), (7, 12)]
