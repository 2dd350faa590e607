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

import json
import marshal
import math
import re
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
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
# A sentence ends at . ! ? or a line break followed by white space; a long one is cut at ; too.
_SENTENCE = re.compile(r"(?:[^\n.!?;]|[.!?;]+(?=\S))*(?:[.!?;]+|\n|$)")
NGRAMS = (3, 4)
_UNIT = 1000  # weights are kept in thousandths
_MIN_CHARS = 12  # a shorter piece ("Beste ouders,") is not scored
_MAX_CHARS = 600  # a longer piece (a table cell without stops) is scored in parts


def words(text: str) -> list[str]:
    """The lowercased words, digits read as 0 (a class number or a time is no word)."""
    return _WORD.findall(_DIGITS.sub("0", text.casefold()))


def features(text: str, ngrams: Iterable[int] = NGRAMS) -> set[str]:
    """The distinct features of a sentence: ``w:`` words, ``b:`` word pairs and ``c:``
    character n-grams (``ngrams``: their lengths) of a word with a space before and after."""
    found: set[str] = set()
    tokens = words(text)
    for i, token in enumerate(tokens):
        found.add("w:" + token)
        if i:
            found.add(f"b:{tokens[i - 1]} {token}")
        padded = f" {token} "
        for n in ngrams:
            for j in range(len(padded) - n + 1):
                found.add("c:" + padded[j:j + n])
    return found


@dataclass(frozen=True)
class Model:
    """Per category a bias and thresholds; per feature its weights as a flat tuple of
    (category index, weight in thousandths) pairs (only the categories it weighs in). Whole
    numbers add up exactly in any order: the score of a sentence does not depend on the order
    Python happens to keep its features in."""

    categories: tuple[str, ...]
    bias: tuple[float, ...]
    warning: tuple[float, ...]
    error: tuple[float, ...]
    weights: dict[str, tuple[int, ...]]
    ngrams: tuple[int, ...]
    meta: dict

    def scores(self, text: str) -> list[float]:
        """The decision value per category (its sigmoid is the probability): the weights of
        the sentence's features, a binary vector normalised to length 1 as in training."""
        found = features(text, self.ngrams)
        if not found:
            return [-math.inf] * len(self.categories)
        sums = [0] * len(self.categories)
        get = self.weights.get
        for feature in found:
            pairs = get(feature)
            if pairs:
                for j in range(0, len(pairs), 2):
                    sums[pairs[j]] += pairs[j + 1]
        scale = 1.0 / (_UNIT * math.sqrt(len(found)))
        return [b + s * scale for b, s in zip(self.bias, sums, strict=True)]


def _plain(data: dict) -> dict:
    """The model file's content, checked, in the form the cache keeps (marshal-able)."""
    n = len(data["categories"])
    weights = {}
    for feature, flat in data["weights"].items():
        pairs = tuple(int(v) if i % 2 == 0 else round(float(v) * _UNIT)
                      for i, v in enumerate(flat))
        if not isinstance(feature, str) or len(pairs) % 2 or any(
                not 0 <= c < n for c in pairs[::2]):
            raise ValueError(feature)
        weights[feature] = pairs
    head = {key: [float(v) for v in data[key]] for key in ("bias", "warning", "error")}
    if any(len(v) != n for v in head.values()):
        raise ValueError("categories")
    return {"categories": [str(c) for c in data["categories"]], **head, "weights": weights,
            "ngrams": [int(v) for v in data.get("ngrams", NGRAMS)],
            "meta": data.get("meta", {})}


def _from_plain(plain: dict) -> Model:
    return Model(tuple(plain["categories"]), tuple(plain["bias"]), tuple(plain["warning"]),
                 tuple(plain["error"]), plain["weights"], tuple(plain["ngrams"]),
                 dict(plain["meta"]))


def model_from_json(data: dict) -> Model:
    return _from_plain(_plain(data))


def _unreadable(path: Path, error: object) -> CatalogError:
    problem = Problem(_("the trained check's weights cannot be read ({error}); make them again "
                        "with tools/train_model.py").format(error=error), path)
    return CatalogError(_("The check rules cannot be used:"), [problem])


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise _unreadable(path, err) from err
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _unreadable(path, "format")
    try:
        return _plain(data)
    except (KeyError, TypeError, ValueError) as err:
        raise _unreadable(path, err) from err


@lru_cache(maxsize=4)
def _load(path: Path, size: int, mtime_ns: int) -> Model:
    """The model, from the user cache when this file (its place, size and time) was read
    before: parsing the JSON takes longer than a whole check."""
    from commgen.foundation.cache import entry, store

    key = entry("model", str(path), str(size), str(mtime_ns), str(FORMAT))
    with suppress(OSError, ValueError, EOFError, TypeError, KeyError):
        return _from_plain(marshal.loads(key.read_bytes()))
    plain = _read(path)
    store(key, marshal.dumps(plain))
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
    """The sentences of a text as (start, end), white space stripped, long ones in parts."""
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
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
            message = rule.message.replace("%s", _excerpt(passage), 1)
            return _Texts(_("{message} (the trained check; no rule names a phrase here)")
                          .format(message=message), rule.suggestion)
    return _Texts(_("The trained check reads this sentence as sensational or legal wording; no "
                    "rule names a phrase here. Write it calmly, factually and in plain words."),
                  None)


def _excerpt(passage: str, width: int = 80) -> str:
    return passage if len(passage) <= width else passage[:width - 1].rstrip() + "…"


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
            level = ERROR if score >= model.error[index] else WARNING
            texts = _texts(rules, category, passage)
            findings.append(Finding(category, level, start, end, passage, texts.message,
                                    texts.suggestion, MODEL_RULE))
    return findings

