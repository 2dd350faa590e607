"""A check with an empty user cache pays less and finds the same (issue 18, speed13).

- the trained check's weights come from ``precompiled-data.json`` in the plain form a run uses
  (keyed by the hash of ``model.json``: a model file of other bytes is parsed, as before);
- the name lists' cache entry holds lists, not sets (``marshal`` sorts a set's items: writing
  the entry was 33 ms of the check), and reads back as the lists that were built;
- the bundled data files come parsed from ``precompiled-data.json`` (keyed by PyYAML's version
  and the file's text: an edited file is parsed), the same values, types, lines and sources;
- the name finder cuts a long text into tokens without making all their texts at once.
"""

from __future__ import annotations

import json
import marshal
from pathlib import Path

import pytest

from commgen.checks import model, namefinder
from commgen.foundation import cache
from commgen.foundation import shipped as precompiled
from commgen.foundation.resources import bundled

RULES = bundled("snippets") / "nl" / "regels"


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMMGEN_CACHE", str(folder))
    monkeypatch.setattr(cache, "_PACKS", {})
    model._load.cache_clear()
    namefinder.name_lists.cache_clear()
    yield folder
    model._load.cache_clear()
    namefinder.name_lists.cache_clear()


def _parsed_model(path: Path) -> model.Model:
    return model.model_from_json(json.loads(path.read_text(encoding="utf-8")))


def _same_model(a: model.Model, b: model.Model) -> None:
    for field in ("categories", "bias", "warning", "error", "index", "columns", "ngrams",
                  "meta", "names"):
        assert getattr(a, field) == getattr(b, field), field


def test_the_shipped_weights_are_those_of_model_json(empty_cache: Path) -> None:
    path = RULES / model.MODEL_FILE
    raw = path.read_bytes()
    import hashlib

    found, value = precompiled.SHIPPED_DATA_TABLE.value(
        model.SHIPPED_KIND, [hashlib.sha256(raw).hexdigest(), str(model.FORMAT)])
    assert found, "run python tools/build_precompiled.py (model.json changed)"
    assert model._unpacked(value) == model._plain(json.loads(raw))


def test_a_first_check_reads_the_weights_from_the_shipped_file(
        empty_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def not_parsed(path: Path, raw: bytes) -> dict:
        raise AssertionError("model.json was parsed, not read from precompiled-data.json")

    expected = _parsed_model(RULES / model.MODEL_FILE)
    monkeypatch.setattr(model, "_parsed", not_parsed)
    loaded = model.load_model(RULES)
    assert loaded is not None
    _same_model(loaded, expected)
    model._load.cache_clear()  # the next process: from the user cache
    cache.save_packs()
    _same_model(model.load_model(RULES), expected)


def test_a_model_file_of_other_bytes_is_parsed(
        empty_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "regels"
    folder.mkdir()
    data = json.loads((RULES / model.MODEL_FILE).read_text(encoding="utf-8"))
    data["bias"] = [b + 0.5 for b in data["bias"]]
    (folder / model.MODEL_FILE).write_text(json.dumps(data), encoding="utf-8")
    parsed: list[Path] = []
    real = model._parsed

    def counted(path: Path, raw: bytes) -> dict:
        parsed.append(path)
        return real(path, raw)

    monkeypatch.setattr(model, "_parsed", counted)
    loaded = model.load_model(folder)
    assert parsed == [folder / model.MODEL_FILE]
    _same_model(loaded, model.model_from_json(data))


def test_damaged_shipped_weights_are_parsed_instead(
        empty_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = precompiled._ShippedData()
    table.values = {}
    raw = (RULES / model.MODEL_FILE).read_bytes()
    import hashlib

    key = precompiled.value_key(model.SHIPPED_KIND,
                                [hashlib.sha256(raw).hexdigest(), str(model.FORMAT)])
    table.values[key] = {"columns": "bm90IHpsaWI=", "names": "", "column_bytes": 4}
    monkeypatch.setattr(precompiled, "SHIPPED_DATA_TABLE", table)
    _same_model(model.load_model(RULES), _parsed_model(RULES / model.MODEL_FILE))


def test_the_name_lists_entry_holds_lists_and_reads_back_the_same(empty_cache: Path) -> None:
    folder = namefinder._lists_folder()
    if folder is None:
        pytest.skip("deduce is not installed")
    built = namefinder.name_lists()
    cache.save_packs()
    stored = cache.get(namefinder._cache_file(folder))
    assert stored is not None
    plain = marshal.loads(stored)

    def has_set(value: object) -> bool:
        if isinstance(value, (set, frozenset)):
            return True
        if isinstance(value, dict):
            return any(has_set(v) for v in value.values())
        if isinstance(value, (list, tuple)):
            return any(has_set(v) for v in value[:3])
        return False

    assert not has_set(plain)
    namefinder.name_lists.cache_clear()
    again = namefinder.name_lists()
    for key in vars(built):
        a, b = getattr(built, key), getattr(again, key)
        if key in namefinder._TRIES:
            assert (a.words, a.by_first) == (b.words, b.by_first), key
        else:
            assert a == b and type(a) is type(b), key


_LETTER = ("Beste ouders,\nGisteren sprak de heer Van der Berg met mevrouw De Vries over de "
           "foto die rondging in groep 7; wij vragen u die niet te delen.\n"
           "Met vriendelijke groet,\n\nJ. van den Bosch    directeur\t(06-12345678)\n")


@pytest.mark.parametrize("text", [
    "", "a", "\n", "x" * 200_000, "woord  \n" * 30_000, "a\n" * 70_000 + "b" * 10,
    "é ß\r\n\t    z😀 مرحبا" * 20_000, _LETTER * 2000,
])
def test_the_token_texts_cut_in_pieces_are_those_of_the_whole(text: str) -> None:
    """Cut after a line break every ``_CHUNK`` characters (no token spans a line break):
    the same texts as one ``findall`` over the whole."""
    assert namefinder._token_texts(text) == namefinder._TOKEN.findall(text)


def test_cutting_a_long_text_into_tokens_keeps_its_memory_down() -> None:
    """1 MB of text: the tokens' texts are not all made at once before they are interned,
    and the offsets take four bytes each (16.7 MB at the peak before, 8.8 now)."""
    import tracemalloc

    lists = namefinder.name_lists()
    text = (_LETTER * (2**20 // len(_LETTER) + 1))[:2**20]
    tracemalloc.start()
    try:
        tokens = namefinder._tokens(text, lists)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(tokens) > 200_000
    assert peak < 12 * 2**20, f"{peak / 2**20:.1f} MB"


def _bundled_yaml() -> list[Path]:
    return sorted(p for name in ("snippets", "templates") for p in bundled(name).rglob("*.yaml"))


def _parts(text: str) -> list[str]:
    import hashlib

    import yaml

    from commgen.foundation.yamlfile import LineDict, yaml_series

    return [yaml_series(), str(getattr(yaml, "__with_libyaml__", False)),
            ",".join(sorted(vars(LineDict()))),
            hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()]


def test_the_shipped_parses_are_those_yaml_makes() -> None:
    from commgen.foundation import yamlfile

    shipped = 0
    for path in _bundled_yaml():
        text = yamlfile.read_text(path)
        found, value = precompiled.SHIPPED_DATA_TABLE.value("yaml", _parts(text))
        if found:
            shipped += 1
            parsed, problems = yamlfile.parse_yaml(text, path)
            assert not problems and yamlfile.same_parse(yamlfile.from_plain(value), parsed), path
    assert shipped >= 30, "run python tools/build_precompiled.py (the data files changed)"


def _parses_counted(monkeypatch: pytest.MonkeyPatch) -> list[Path | None]:
    """The paths PyYAML parses from now on (``yamlfile.parse_yaml`` counted, not changed)."""
    from commgen.foundation import yamlfile

    parsed: list[Path | None] = []
    real = yamlfile.parse_yaml

    def counted(text: str, path: Path | None) -> tuple[object, list[object]]:
        parsed.append(path)
        return real(text, path)

    monkeypatch.setattr(yamlfile, "parse_yaml", counted)
    return parsed


def test_a_first_run_reads_the_data_files_parsed(
        empty_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from commgen.checks.rules import load_rules
    from commgen.foundation import yamlfile

    expected = {p: yamlfile.parse_yaml(yamlfile.read_text(p), p)[0] for p in _bundled_yaml()}
    parsed = _parses_counted(monkeypatch)
    for path, value in expected.items():
        data, problems = yamlfile.cached_parse(yamlfile.read_text(path), path)
        assert not problems and yamlfile.same_parse(data, value), path
    big = [p for p in expected if len(yamlfile.read_text(p)) >= yamlfile._CACHE_FROM]
    assert big and not set(parsed) & set(big)
    assert load_rules(RULES)


def test_an_edited_data_file_is_parsed(
        empty_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from commgen.foundation import yamlfile

    path = RULES / "woorden.yaml"
    text = yamlfile.read_text(path) + "\nextra_sleutel: [een, twee]\n"
    parsed = _parses_counted(monkeypatch)
    data, problems = yamlfile.cached_parse(text, path)
    assert parsed == [path] and not problems and data["extra_sleutel"] == ["een", "twee"]


@pytest.mark.parametrize("value", [
    {"a": 1, "b": [True, None, 1.5, "x", {"c": "d"}], 3: "drie", None: False, "e": []},
    [1, "twee", {"x": {"y": [0]}}], "just text", 7,
])
def test_a_parse_comes_back_from_its_plain_form_the_same(value: object) -> None:
    import yaml

    from commgen.foundation import yamlfile

    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False)
    parsed, problems = yamlfile.parse_yaml(text, None)
    assert not problems
    again = yamlfile.from_plain(json.loads(json.dumps(yamlfile.to_plain(parsed))))
    assert yamlfile.same_parse(again, parsed)
    assert not yamlfile.same_parse([True], [1]) and not yamlfile.same_parse([1.0], [1])


def test_a_date_or_a_set_is_not_shipped() -> None:
    from commgen.foundation import yamlfile

    for text in ("datum: 2026-12-02\n", "set: !!set {a: null}\n"):
        parsed, problems = yamlfile.parse_yaml(text, None)
        assert not problems
        with pytest.raises(TypeError):
            yamlfile.to_plain(parsed)


def test_a_run_with_the_time_table_in_its_cache_does_not_read_the_shipped_file(
        empty_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The table of the minutes of a day is looked up in ``precompiled.json`` only when the
    user cache has none: every warm ``generate`` parsed the whole file for it before."""
    import datetime as dt

    from commgen.foundation import formatting

    monkeypatch.setattr(cache, "_REMEMBERED", {})
    first = formatting.format_time(dt.time(14, 5), "nl")
    cache.save_packs()
    table = precompiled._Shipped()
    monkeypatch.setattr(precompiled, "SHIPPED_TABLE", table)
    monkeypatch.setattr(cache, "_REMEMBERED", {})  # the next process
    assert formatting.format_time(dt.time(14, 5), "nl") == first == "14:05"
    assert table.codes is None, "precompiled.json was read"
