"""Train the sentence model of the privacy check (``commgen/checks/model.py``).

    pip install -e ".[train]"
    python tools/train_model.py            # writes snippets/nl/regels/model.json
    python tools/train_model.py --check    # retrains and says whether the shipped file matches

The examples are the labelled sentences of the corpus parts (tests/corpus, its toets, toets2,
oefen, toets3, oefen2, oefen3, oefen4, toets4, oefen5, oefen6, oefen7, oefen8, toets5, oefen9,
oefen10, oefen11 and oefen12 sets, each once it was scored once): a sentence is a positive
of every category it has a label of and a negative of the others; the clean sentences are
negatives of all. The sentences of the golden documents (tests/golden, what commgen writes
itself) are negatives of all too: the model must never stop a generated document.

Per category a logistic regression (scikit-learn, liblinear, L2) over the binary features of
``checks.model.features``, normalised to length 1. The thresholds are chosen on text the model
did not see: each corpus part is scored by a model trained without it (leave one part out), and
per category the error threshold is the lowest score that marks at most ``--error-rate`` of
those clean sentences, the warning threshold the same for ``--warning-rate``. Weights smaller
than ``--prune`` are dropped and the rest rounded, so that the file stays small and the same
data gives the same file (its ``meta.data_sha256`` is the hash of the training examples).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from commgen.checks.model import FORMAT, MODEL_FILE, NGRAMS, features, word_classes  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
# The development parts, in the order of tests/corpus/delen.yaml (never a set kept apart).
DELEN = yaml.safe_load((CORPUS / "delen.yaml").read_text(encoding="utf-8"))
PARTS = {p: CORPUS if p == "corpus" else CORPUS / p for p in DELEN["ontwikkeling"]}
GOLDEN = ROOT / "tests" / "golden"
OUTPUT = ROOT / "snippets" / "nl" / "regels" / MODEL_FILE
CATEGORIES = ("blame", "speculation", "sensational", "evidence", "image-detail", "legal-term",
              "relation")
C = 3.0
ERROR_RATE = 0.0
WARNING_RATE = 0.03
PRUNE = 0.25
DECIMALS = 3
MIN_DF = 3  # a feature of one example only is not learnt
OWN = ("golden", "vetted")  # the parts of what commgen writes itself
GOLDEN_WEIGHT = 10.0  # a golden sentence weighs as much as this many corpus sentences
GOLDEN_MARGIN = 0.1  # the thresholds lie this far above the highest score of a golden sentence
OWN_ROUNDS = 3  # fits again at most this often with own sentences that score high made heavier
OWN_BOOST = 5.0  # ... each time this many times heavier
NAMES = False  # read a capitalised word inside a sentence as one token (checks.model.words)
NEGATIVES = "all"  # or "clean": which held-out sentences set the thresholds
CLASSES_FILE = ROOT / "tools" / "model_woordsoorten.yaml"  # word classes (checks.model)


def load_classes() -> dict[str, list[str]]:
    """The word classes of ``CLASSES_FILE`` (a name and its words), none when it is absent."""
    if not CLASSES_FILE.is_file():
        return {}
    data = yaml.safe_load(CLASSES_FILE.read_text(encoding="utf-8")) or {}
    return {str(k): [str(w) for w in v] for k, v in sorted(data.items())}


CLASSES = load_classes()


@dataclass(frozen=True)
class Example:
    text: str
    labels: frozenset[str]
    clean: bool
    part: str
    spans: tuple[tuple[str, str], ...] = ()


def available_parts() -> list[str]:
    return [p for p, folder in PARTS.items() if (folder / "problemen.yaml").is_file()]


def load_part(part: str) -> list[Example]:
    folder = PARTS[part]
    problems = yaml.safe_load((folder / "problemen.yaml").read_text(encoding="utf-8"))["zinnen"]
    clean = yaml.safe_load((folder / "schoon.yaml").read_text(encoding="utf-8"))["zinnen"]
    out = [Example(e["tekst"], frozenset(c for c, _s in e["problemen"]), False, part,
                   tuple((c, s) for c, s in e["problemen"])) for e in problems]
    out += [Example(t if isinstance(t, str) else t["tekst"], frozenset(), True, part)
            for t in clean]
    return out


def golden_sentences() -> list[Example]:
    """Every distinct sentence of the golden documents, as a negative of every category."""
    from commgen.checks.model import sentence_spans

    seen: set[str] = set()
    for path in sorted(GOLDEN.glob("*/*.docx.golden.txt")):
        text = path.read_text(encoding="utf-8")
        for start, end in sentence_spans(text):
            seen.add(text[start:end])
    return [Example(t, frozenset(), True, "golden") for t in sorted(seen)]


SNIPPETS = ROOT / "snippets" / "nl"
TEMPLATES = ROOT / "templates" / "nl"
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def vetted_sentences() -> list[Example]:
    """Every distinct sentence of the vetted text commgen writes from: the string values of
    the snippet files (snippets/nl/*.yaml; not the rules) and the text of the templates
    (templates/nl/*.docx), with Jinja's tags cut out. A case writes sentences no golden
    document shows (the case matrix); they may not be marked either."""
    from commgen.checks.model import sentence_spans
    from commgen.docx.reader import read_document

    texts: list[str] = []

    def leaves(value: object, key: str = "") -> None:
        # not conditions, keys, or addresses the check allows but no document writes
        if isinstance(value, str) and key not in ("when", "id", "key", "andere_websites"):
            texts.append(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                leaves(v, str(k))
        elif isinstance(value, list):
            for v in value:
                leaves(v, key)

    for path in sorted(SNIPPETS.glob("*.yaml")):
        leaves(yaml.safe_load(path.read_text(encoding="utf-8")))
    for path in sorted(TEMPLATES.glob("*.docx")):
        texts.append(read_document(path.read_bytes()).text)
    seen: set[str] = set()
    for text in texts:
        for piece in _JINJA.split(text):
            for start, end in sentence_spans(piece):
                seen.add(" ".join(piece[start:end].split()))
    return [Example(t, frozenset(), True, "vetted") for t in sorted(seen)]


def own_sentences() -> list[Example]:
    """The golden documents' sentences and the vetted ones: negatives of every category."""
    golden = golden_sentences()
    known = {e.text for e in golden}
    return golden + [e for e in vetted_sentences() if e.text not in known]


def data_hash(examples: Iterable[Example]) -> str:
    digest = hashlib.sha256()
    for e in sorted(examples, key=lambda e: (e.part, e.text, sorted(e.labels))):
        digest.update(json.dumps([e.part, e.text, sorted(e.labels)],
                                 ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def _matrix(examples: Sequence[Example], min_df: int):  # type: ignore[no-untyped-def]
    """The examples' feature vectors (``count / sqrt(total count)``, the total over all their
    features, as the runtime scores them) over the features of at least ``min_df`` examples."""
    from scipy.sparse import csr_matrix

    by_word = word_classes(CLASSES)
    found_in = [features(e.text, NGRAMS, NAMES, by_word) for e in examples]
    in_examples = Counter(f for found in found_in for f in found)
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for r, found in enumerate(found_in):
        total = sum(found.values())
        for feature in sorted(found):  # one column order, whatever the hash seed
            if in_examples[feature] < min_df:
                continue
            index = vocab.get(feature)
            if index is None:
                index = vocab[feature] = len(vocab)
            rows.append(r)
            cols.append(index)
            vals.append(found[feature] / math.sqrt(total))
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(examples), len(vocab)))
    return matrix, vocab


def fit(examples: Sequence[Example], c: float = C, prune: float = PRUNE,
        heavier: Mapping[str, float] | None = None) -> dict:
    """Weights and biases per category (no thresholds yet); ``heavier``: the weight of some of
    commgen's own sentences, by text, instead of ``GOLDEN_WEIGHT``."""
    from sklearn.linear_model import LogisticRegression

    matrix, vocab = _matrix(examples, MIN_DF)
    names = sorted(vocab, key=vocab.__getitem__)
    weights: dict[str, list[float]] = {}
    bias = []
    for ci, category in enumerate(CATEGORIES):
        target = [category in e.labels for e in examples]
        model = LogisticRegression(C=c, solver="liblinear", class_weight="balanced",
                                   max_iter=1000, random_state=0)
        model.fit(matrix, target, sample_weight=[
            (heavier or {}).get(e.text, GOLDEN_WEIGHT) if e.part in OWN else 1.0
            for e in examples])
        bias.append(round(float(model.intercept_[0]), DECIMALS))
        for j, w in enumerate(model.coef_[0]):
            w = round(float(w), DECIMALS)
            if abs(w) >= prune:
                weights.setdefault(names[j], []).extend([ci, w])
    return {"format": FORMAT, "categories": list(CATEGORIES), "ngrams": list(NGRAMS),
            "bias": bias, "meta": {"names": NAMES}, "classes": CLASSES,
            "weights": dict(sorted(weights.items()))}


def score_with(data: dict, examples: Sequence[Example]) -> list[list[float]]:
    """The decision values of ``examples`` as the runtime scores them."""
    from commgen.checks.model import model_from_json

    model = model_from_json({**data, "warning": data["bias"], "error": data["bias"]})
    return [model.scores(e.text) for e in examples]


def out_of_part_scores(examples: Sequence[Example], extra: Sequence[Example], c: float = C,
                       prune: float = PRUNE) -> list[tuple[Example, list[float]]]:
    """Each part's examples scored by a model trained on the other parts (and ``extra``)."""
    parts = sorted({e.part for e in examples})
    out = []
    for part in parts:
        train = [e for e in examples if e.part != part] + list(extra)
        held = [e for e in examples if e.part == part]
        data = fit(train, c, prune)
        out += list(zip(held, score_with(data, held), strict=True))
    return out


def threshold(clean_scores: list[float], rate: float) -> float:
    """The lowest threshold that marks at most ``rate`` of these clean scores."""
    ordered = sorted(clean_scores, reverse=True)
    allowed = int(rate * len(ordered))
    if allowed >= len(ordered):
        return -math.inf
    return round(ordered[allowed] + 10 ** -DECIMALS, DECIMALS)


def thresholds(scored: list[tuple[Example, list[float]]], error_rate: float = ERROR_RATE,
               warning_rate: float = WARNING_RATE) -> tuple[list[float], list[float]]:
    """Per category: the scores of the sentences without its label (clean sentences and the
    problems of other categories) set the thresholds."""
    errors, warnings = [], []
    for i, category in enumerate(CATEGORIES):
        negatives = [s[i] for e, s in scored if category not in e.labels
                     and (e.clean or NEGATIVES == "all")]
        errors.append(threshold(negatives, error_rate))
        warnings.append(min(errors[-1], threshold(negatives, warning_rate)))
    return warnings, errors


def train(parts: Sequence[str], c: float = C, prune: float = PRUNE,
          error_rate: float = ERROR_RATE, warning_rate: float = WARNING_RATE) -> dict:
    """The model file's content, trained on ``parts`` plus the golden sentences."""
    import sklearn

    examples = [e for p in parts for e in load_part(p)]
    golden = own_sentences()
    scored = out_of_part_scores(examples, golden, c, prune) if len(parts) > 1 else []
    warnings, errors = thresholds(scored, error_rate, warning_rate) if scored else (
        [0.0] * len(CATEGORIES), [1.0] * len(CATEGORIES))
    data = fit([*examples, *golden], c, prune)
    # A sentence commgen writes that scores above a held-out warning threshold weighs more and
    # the model is fitted again, so that it learns the sentence is clean instead of the
    # threshold rising to it: one sentence ("Ook niet als je het zelf kreeg.") lifted blame's
    # warning threshold from 0.66 to 1.57 and cost blame 6 points of recall.
    heavier: dict[str, float] = {}
    for _round in range(OWN_ROUNDS):
        high = [e.text for e, s in zip(golden, score_with(data, golden), strict=True)
                if any(v + GOLDEN_MARGIN > w for v, w in zip(s, warnings, strict=True))]
        if not high:
            break
        for text in high:
            heavier[text] = heavier.get(text, GOLDEN_WEIGHT) * OWN_BOOST
        data = fit([*examples, *golden], c, prune, heavier)
    # No sentence commgen writes itself may be marked, not even with a warning.
    highest = [max(s[i] for s in score_with(data, golden)) for i in range(len(CATEGORIES))]
    warnings = [round(max(w, h + GOLDEN_MARGIN), DECIMALS) for w, h in zip(warnings, highest,
                                                                           strict=True)]
    errors = [max(e, w) for e, w in zip(errors, warnings, strict=True)]
    data["warning"], data["error"] = warnings, errors
    data["meta"] = {
        "parts": list(parts), "examples": len(examples) + len(golden), "names": NAMES,
        "data_sha256": data_hash([*examples, *golden]),
        "c": c, "prune": prune, "error_rate": error_rate, "warning_rate": warning_rate,
        "sklearn": sklearn.__version__,
        "made_by": "tools/train_model.py",
    }
    return data


def dump(data: dict) -> str:
    """One weight per line: small diffs when the model is trained again."""
    head = {k: v for k, v in data.items() if k != "weights"}
    lines = [f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
             for k, v in head.items()]
    weights = [f"    {json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}"
               for k, v in data["weights"].items()]
    return "{\n" + ",\n".join([*lines, '  "weights": {\n' + ",\n".join(weights) + "\n  }"]) \
        + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parts", nargs="+", default=None,
                        help="corpus parts to train on (default: all that exist)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true",
                        help="retrain and compare with --output instead of writing it")
    args = parser.parse_args(argv)
    parts = args.parts or available_parts()
    data = train(parts)
    text = dump(data)
    if args.check:
        same = args.output.is_file() and args.output.read_text(encoding="utf-8") == text
        print("the shipped model is what the script makes" if same
              else "the shipped model differs from what the script makes")
        return 0 if same else 1
    from commgen.foundation.files import write_atomic

    write_atomic(args.output, text.encode("utf-8"))
    print(f"{args.output}: {len(data['weights'])} features, {len(text) // 1024} KB, "
          f"parts {', '.join(parts)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
