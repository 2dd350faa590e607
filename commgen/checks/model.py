"""A small trained check for the sentence-level categories (blame, speculation, ...), scored in
pure Python.

The rules (``checks.rules``) name phrases; this model scores whole sentences, so it can find
a sentence that says the same thing in words no rule holds. It is a logistic regression per
category over lowercased word unigrams and bigrams and character n-grams inside words,
trained by ``tools/train_model.py`` on the labelled corpus; the weights are a data file in the
rules folder (``model.json``) that the foundation regenerates with that script. Nothing but
the standard library is needed to score: the file is read once, when a check first runs.

A sentence scoring above the category's ``error`` threshold is an error, between ``warning``
and ``error`` a warning. A sentence with an allowed passage (a help resource, the school's own
details, an allowed phrase) is never marked: the model cannot tell which part of a sentence
it reacts to.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import marshal
import math
import re
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from operator import itemgetter
from pathlib import Path

from commgen.checks.findings import Finding
from commgen.checks.rules import Rule
from commgen.checks.spans import Spans
from commgen.foundation.concepts import ERROR, WARNING
from commgen.foundation.errors import CatalogError, Problem
from commgen.foundation.i18n import _

MODEL_FILE = "model.json"
MODEL_RULE = "model"  # the rule name of a model finding
FORMAT = 1
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_DIGITS = re.compile(r"\d")
NGRAMS = (3, 4)
_UNIT = 1000  # weights are kept in thousandths
_MIN_CHARS = 12  # a shorter piece ("Beste ouders,") is not scored
_MAX_CHARS = 600  # a longer piece (a table cell without stops) is scored in parts


NAME_TOKEN = "⟨naam⟩"  # a capitalised word inside a sentence, when the model reads names so


def words(text: str, names: bool = False) -> list[str]:
    """The lowercased words, digits read as 0 (a class number or a time is no word). With
    ``names`` a capitalised word that does not open the text (and is not all capitals, as
    'OM' or 'AI') is read as one token, ``NAME_TOKEN``: 'Wiktoria heeft de foto gestuurd' and
    'Stefan heeft de foto gestuurd' are the same sentence to the model."""
    if not names:
        return _WORD.findall(_DIGITS.sub("0", text.casefold()))
    out = []
    for i, word in enumerate(_WORD.findall(_DIGITS.sub("0", text))):
        if i and word[0].isupper() and not word.isupper():
            out.append(NAME_TOKEN)
        else:
            out.append(word.casefold())
    return out


def _grams(token: str, ngrams: tuple[int, ...]) -> tuple[str, ...]:
    """The distinct character n-grams of a word with a space before and after it."""
    padded = f" {token} "
    return tuple(sorted({"c:" + padded[j:j + n] for n in ngrams
                         for j in range(len(padded) - n + 1)}))


def word_classes(classes: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """Per word the classes it belongs to, from the model file's ``classes`` (a class name and
    its words; ``NAME_TOKEN`` among the words: a capitalised word inside the sentence)."""
    out: dict[str, list[str]] = {}
    for name in sorted(classes):
        for word in classes[name]:
            out.setdefault(str(word).casefold() if word != NAME_TOKEN else NAME_TOKEN,
                           []).append(str(name))
    return {word: tuple(names) for word, names in out.items()}


def class_features(text: str, by_word: Mapping[str, tuple[str, ...]],
                   skip: str | None = None) -> list[str]:
    """The word-class features of a sentence: ``k:`` each class one of its words is in and
    ``k:A+B`` each pair of such classes (a pupil as subject and a verb of spreading in one
    sentence: 'Tobias heeft de video in een groepsapp gezet'), whatever the words between them.
    ``skip``: a lowercased word left out (the strongest word)."""
    if not by_word:
        return []
    present: set[str] = set()
    for i, word in enumerate(_WORD.findall(_DIGITS.sub("0", text))):
        low = word.casefold()
        if low == skip:
            continue
        present.update(by_word.get(low, ()))
        if i and word[0].isupper() and not word.isupper():
            present.update(by_word.get(NAME_TOKEN, ()))
    ordered = sorted(present)
    return [f"k:{c}" for c in ordered] + [f"k:{a}+{b}" for j, a in enumerate(ordered)
                                           for b in ordered[j + 1:]]


def features(text: str, ngrams: Iterable[int] = NGRAMS, names: bool = False,
             by_word: Mapping[str, tuple[str, ...]] | None = None) -> Counter[str]:
    """The features of a sentence and how often each occurs: per distinct word ``w:`` the
    word and ``c:`` its distinct character n-grams (``ngrams``: their lengths), per distinct
    pair of words ``b:`` the pair, and the word-class features (``class_features``, with
    ``by_word`` from ``word_classes``). A word said twice counts once: a text that repeats one
    word a hundred times weighs no more than the word. The model scores
    ``count / sqrt(total count)`` of each. ``names``: see ``words``."""
    ngrams = tuple(ngrams)
    tokens = words(text, names)
    found: Counter[str] = Counter()
    for token in dict.fromkeys(tokens):
        found["w:" + token] += 1
        found.update(_grams(token, ngrams))
    found.update({f"b:{a} {b}" for a, b in pairwise(tokens)})
    found.update(class_features(text, by_word or {}))
    return found


_WORDS_KEPT = 50_000  # words whose weights a model keeps (a text of many words clears them)


@dataclass(frozen=True)
class Model:
    """Per category a bias, thresholds and a column of weights (in thousandths), one per
    feature; ``index`` gives a feature's place in the columns. Whole numbers add up exactly
    in any order. The sums of a word's own features are kept per word (``_words``): a word
    costs one look-up after the first time."""

    categories: tuple[str, ...]
    bias: tuple[float, ...]
    warning: tuple[float, ...]
    error: tuple[float, ...]
    index: dict[str, int]
    columns: tuple[array, ...]
    ngrams: tuple[int, ...]
    meta: dict
    names: bool = False  # the model reads a capitalised word as NAME_TOKEN (``words``)
    by_word: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ``word_classes``
    _words: dict[str, tuple[tuple[int, ...], int]] = field(default_factory=dict, repr=False,
                                                            compare=False)

    def _word(self, token: str) -> tuple[tuple[int, ...], int]:
        """The summed weights of a word's own features per category, and how many it has."""
        kept = self._words.get(token)
        if kept is None:
            if len(self._words) > _WORDS_KEPT:
                self._words.clear()
            grams = _grams(token, self.ngrams)
            places = [p for p in map(self.index.get, ("w:" + token, *grams)) if p is not None]
            kept = self._words[token] = (_sums(self.columns, places), 1 + len(grams))
        return kept

    def scores(self, text: str) -> list[float]:
        """The decision value per category (its sigmoid is the probability):
        ``bias + sum(weight * count) / sqrt(total count)`` over the sentence's features."""
        tokens = words(text, self.names)
        if not tokens:
            return [-math.inf] * len(self.categories)
        kept = self._words.get
        per_word = [kept(t) or self._word(t) for t in dict.fromkeys(tokens)]
        pairs = {f"b:{a} {b}" for a, b in pairwise(tokens)}
        kinds = class_features(text, self.by_word)
        places = [p for p in map(self.index.get, (*pairs, *kinds)) if p is not None]
        parts = [sums for sums, _count in per_word]
        parts.append(_sums(self.columns, places))
        total = len(pairs) + len(kinds) + sum(count for _sums, count in per_word)
        scale = 1.0 / (_UNIT * math.sqrt(total))
        return [b + sum(column) * scale
                for b, column in zip(self.bias, zip(*parts), strict=True)]  # noqa: B905

    def score_without_strongest_word(self, text: str, index: int) -> float:
        """The decision value of category ``index`` when the word that adds most to it is left
        out: a judgement of a whole sentence must not rest on one word ("ronde" in "Ronde 4:
        een andere tekst." is no spreading idiom); a single telling word is the rules' job."""
        tokens = words(text, self.names)
        unique = list(dict.fromkeys(tokens))
        if len(unique) < 2:
            return -math.inf
        per_word = [self._words.get(t) or self._word(t) for t in unique]
        strongest = max(range(len(unique)), key=lambda i: per_word[i][0][index])
        pairs = {f"b:{a} {b}" for a, b in pairwise(tokens)
                 if unique[strongest] not in (a, b)}
        kinds = class_features(text, self.by_word, unique[strongest])
        places = [p for p in map(self.index.get, (*pairs, *kinds)) if p is not None]
        rest = [w for i, w in enumerate(per_word) if i != strongest]
        total = len(pairs) + len(kinds) + sum(count for _sums, count in rest)
        if not total:
            return -math.inf
        value = sum(sums[index] for sums, _count in rest) + _sums(self.columns, places)[index]
        return self.bias[index] + value / (_UNIT * math.sqrt(total))


def _sums(columns: tuple[array, ...], places: list[int]) -> tuple[int, ...]:
    """Per column the sum of its values at ``places``."""
    if len(places) > 1:
        get = itemgetter(*places)
        return tuple(sum(get(column)) for column in columns)
    return tuple(column[places[0]] if places else 0 for column in columns)


def _plain(data: dict) -> dict:
    """The model file's content, checked, in the compact form the cache keeps (marshal-able:
    the features as one text, each category's column as the bytes of an array)."""
    n = len(data["categories"])
    names = list(data["weights"])
    columns = [array("i", bytes(4 * len(names))) for _c in range(n)]
    for place, feature in enumerate(names):
        flat = data["weights"][feature]
        if not isinstance(feature, str) or "\0" in feature or len(flat) % 2:
            raise ValueError(feature)
        for c, w in zip(flat[::2], flat[1::2], strict=True):
            columns[int(c)][place] = round(float(w) * _UNIT)
    head = {key: [float(v) for v in data[key]] for key in ("bias", "warning", "error")}
    if any(len(v) != n for v in head.values()):
        raise ValueError("categories")
    return {"categories": [str(c) for c in data["categories"]], **head,
            "names": "\0".join(names), "columns": [c.tobytes() for c in columns],
            "ngrams": [int(v) for v in data.get("ngrams", NGRAMS)],
            "meta": data.get("meta", {}), "byteorder": sys.byteorder,
            "classes": {str(k): [str(w) for w in v]
                        for k, v in data.get("classes", {}).items()}}


def _from_plain(plain: dict) -> Model:
    if plain["byteorder"] != sys.byteorder:  # a cache folder shared with another machine
        raise ValueError("byte order")
    names = plain["names"].split("\0") if plain["names"] else []
    columns = []
    for raw in plain["columns"]:
        column = array("i")
        column.frombytes(raw)
        if len(column) != len(names):
            raise ValueError("damaged")
        columns.append(column)
    if len(columns) != len(plain["categories"]):
        raise ValueError("damaged")
    return Model(tuple(plain["categories"]), tuple(plain["bias"]), tuple(plain["warning"]),
                 tuple(plain["error"]), dict(zip(names, range(len(names)), strict=True)),
                 tuple(columns), tuple(plain["ngrams"]), dict(plain["meta"]),
                 bool(plain["meta"].get("names", False)),
                 word_classes(plain.get("classes", {})))


def model_from_json(data: dict) -> Model:
    return _from_plain(_plain(data))


def _unreadable(path: Path, error: object) -> CatalogError:
    problem = Problem(_("the trained check's weights cannot be read ({error}); make them again "
                        "with tools/train_model.py").format(error=error), path)
    return CatalogError(_("The check rules cannot be used:"), [problem])


def _read(path: Path) -> dict:
    """The plain form (``_plain``) of the model file: the one ``precompiled-data.json`` ships for
    a file of the same bytes (parsing the JSON and packing its weights was 55 ms of a check
    with an empty user cache), else parsed."""
    from commgen.foundation.shipped import SHIPPED_DATA_TABLE as table

    try:
        raw = path.read_bytes()
    except OSError as err:
        raise _unreadable(path, err) from err
    parts = [hashlib.sha256(raw).hexdigest(), str(FORMAT)]
    if table.recorded is None:
        found, value = table.value(SHIPPED_KIND, parts)
        if found:
            with suppress(KeyError, TypeError, ValueError, zlib.error, binascii.Error):
                return _unpacked(value)
    plain = _parsed(path, raw)
    table.record(SHIPPED_KIND, parts, _packed(plain))  # the build tool's run
    return plain


def _parsed(path: Path, raw: bytes) -> dict:
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError as err:
        raise _unreadable(path, err) from err
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _unreadable(path, "format")
    try:
        return _plain(data)
    except (KeyError, TypeError, ValueError) as err:
        raise _unreadable(path, err) from err


SHIPPED_KIND = "model-plain"  # the kind of the plain form's value in precompiled-data.json


def _packed(plain: dict) -> dict:
    """``plain`` as JSON can hold it: the names and the columns (little-endian) compressed,
    in base64."""
    columns = []
    for raw in plain["columns"]:
        column = array("i")
        column.frombytes(raw)
        if sys.byteorder == "big":  # pragma: no cover
            column.byteswap()
        columns.append(column.tobytes())
    return {**{k: v for k, v in plain.items() if k not in ("names", "columns", "byteorder")},
            "names": _b64(plain["names"].encode("utf-8")), "column_bytes": len(columns[0])
            if columns else 0, "columns": _b64(b"".join(columns))}


def _unpacked(value: dict) -> dict:
    """``_packed``'s plain form again (for this machine's byte order)."""
    width = int(value["column_bytes"])
    joined = zlib.decompress(base64.b64decode(value["columns"], validate=True))
    if width <= 0 or len(joined) % width:
        raise ValueError("damaged")
    columns = []
    for start in range(0, len(joined), width):
        column = array("i")
        column.frombytes(joined[start:start + width])
        if sys.byteorder == "big":  # pragma: no cover
            column.byteswap()
        columns.append(column.tobytes())
    names = zlib.decompress(base64.b64decode(value["names"], validate=True)).decode("utf-8")
    return {**{k: v for k, v in value.items() if k != "column_bytes"}, "names": names,
            "columns": columns, "byteorder": sys.byteorder}


def _b64(data: bytes) -> str:
    return base64.b64encode(zlib.compress(data, 9)).decode("ascii")


@lru_cache(maxsize=4)
def _load(path: Path, size: int, mtime_ns: int) -> Model:
    """The model, from the user cache when this file (its place, size and time) was read
    before: parsing the JSON takes longer than a whole check."""
    from commgen.foundation.cache import entry, get, put

    key = entry("model", str(path), str(size), str(mtime_ns), str(FORMAT))
    stored = get(key)  # checked by its hash, written without waiting for the disk
    if stored is not None:
        with suppress(ValueError, EOFError, TypeError, KeyError):
            return _from_plain(marshal.loads(stored))
    plain = _read(path)
    put(key, marshal.dumps(plain))
    return _from_plain(plain)


def load_model(rules_folder: Path) -> Model | None:
    """The model of a rules folder, or None when the folder has no ``model.json``."""
    path = rules_folder / MODEL_FILE
    try:
        info = path.stat()
    except OSError:
        return None
    return _load(path, info.st_size, info.st_mtime_ns)


def sentence_spans(text: str) -> Iterable[tuple[int, int]]:
    """The sentences of a text as (start, end), white space stripped, long ones in parts
    (the pieces of ``checks.sentences.scored_pieces``, as the model was trained on)."""
    from commgen.checks.sentences import scored_pieces

    for start, end in scored_pieces(text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while end - start > _MAX_CHARS:
            cut = text.rfind(" ", start, start + _MAX_CHARS)
            cut = cut if cut > start else start + _MAX_CHARS
            yield start, cut
            start = cut + 1
        if end - start >= _MIN_CHARS:
            yield start, end


@dataclass(frozen=True)
class _Texts:
    message: str
    suggestion: str | None


def _texts(rules: list[Rule], category: str, passage: str) -> _Texts:
    """The message and safer alternative of the category's own rule (a phrasing rule that
    flags a phrase, not a substitution: its alternative fits any sentence)."""
    for rule in rules:
        if rule.category == category and rule.kind == "existence" and rule.suggestion:
            message = rule.message.replace("%s", passage, 1)  # whole: a guarded name is masked
            return _Texts(_("{message} (the trained check; no rule names a phrase here)")
                          .format(message=message), rule.suggestion)
    return _Texts(_("The trained check reads this sentence as sensational or legal wording; no "
                    "rule names a phrase here. Write it calmly, factually and in plain words."),
                  None)


def model_findings(model: Model, text: str, rules: list[Rule], allowed: Spans,
                   found: Iterable[Finding] = ()) -> list[Finding]:
    """A finding per sentence and category that scores above the warning threshold, unless
    the sentence holds an allowed passage or a finding of that category already (``found``:
    a rule's finding names the phrase and its own alternative)."""
    named = {category: Spans((f.start, f.end) for f in found if f.category == category)
             for category in model.categories}
    findings: list[Finding] = []
    for start, end in sentence_spans(text):
        if allowed.overlaps(start, end):
            continue
        passage = text[start:end]
        for index, score in enumerate(model.scores(passage)):
            category = model.categories[index]
            if score < model.warning[index] or named[category].overlaps(start, end):
                continue
            if model.score_without_strongest_word(passage, index) < model.warning[index]:
                continue
            level = ERROR if score >= model.error[index] else WARNING
            texts = _texts(rules, category, passage)
            findings.append(Finding(category, level, start, end, passage, texts.message,
                                    texts.suggestion, MODEL_RULE))
    return findings

