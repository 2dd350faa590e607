"""The check at a question runs the review's rules for every audience the answer reaches (found
in the web trial of issue 19: "haar familie" and "stiekem" blocked the documents while the
question showed nothing): over the answer fields of every sample, a finding the review makes
in a document on a passage that comes from an answer is also found at that answer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from commgen.answers.answersfile import load_answers
from commgen.app.answercheck import answer_text, check_answers, is_checked
from commgen.app.generate import render_set
from commgen.questions.school import SCHOOL_FIELDS as SCHOOL_FIELDS_OF_PROFILE
from tests.conftest import SAMPLES, write_answers

# Sentences that slipped through at the question in the trial, one per answer field.
TRIAL = [
    "We vinden dit heel erg voor de leerling & haar familie 😢.",
    "Het beeld is stiekem gemaakt en de daders zijn 3 dagen geschorst.",
    "Lotte zit in groep 8 en is bereikbaar op 06-12345678.",
    "De leerling vindt dat hij zich niet hoeft te schamen.",
]
# Rules about two passages (a sentence said twice, two that contradict each other): no one
# answer holds the finding.
BETWEEN = ("consistency-herhaling", "consistency-tegenstrijdig")
SCHOOL_FIELDS = {f.question for f in SCHOOL_FIELDS_OF_PROFILE} | {"statement_version"}
SAMPLE_NAMES = sorted(p.stem for p in SAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_the_review_finds_nothing_new_in_an_answer(catalog, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    sample: str) -> None:
    (tmp_path / "base").mkdir()
    base = load_answers(write_answers(tmp_path / "base", base=sample), catalog)
    fields = [q for q in catalog.questions if is_checked(q, base.values)  # the free text a
              and q.id not in SCHOOL_FIELDS and catalog.audiences_of(q)]  # document prints
    overrides = {q.id: TRIAL[n % len(TRIAL)] if q.type == "text" else [TRIAL[n % len(TRIAL)]]
                 for n, q in enumerate(fields)}
    answers = load_answers(write_answers(tmp_path, overrides, base=sample), catalog)
    _rendered, result = render_set(catalog, answers, now=dt.datetime(2026, 12, 1, 14, 0))
    at_question = {(f.question.id, f.text[f.finding.start:f.finding.end].casefold())
                   for f in check_answers(catalog, answers.values)}
    answered = {q.id: answer_text(answers.values[q.id]) for q in fields
                if answers.values.get(q.id)}
    missed, compared = [], 0
    for review in result.review.documents:
        for finding in review.findings:
            passage = review.text[finding.start:finding.end]
            if not passage.strip() or finding.rule in BETWEEN:
                continue
            sources = [qid for qid, text in answered.items()
                       if passage in text and _sentence_of(review.text, finding.start) in text]
            if not sources:
                continue  # a vetted sentence's passage, not an answer's
            compared += 1
            if not any(qid in sources and (p in passage.casefold() or passage.casefold() in p)
                       for qid, p in at_question):
                missed.append((review.doc_id, sources, finding.rule, passage))
    assert compared, "the trial's sentences reach the documents"
    assert missed == []


def _sentence_of(text: str, at: int) -> str:
    """The sentence around ``at`` (so a passage is traced to the answer it came from, not to
    a vetted sentence that happens to hold the same word)."""
    start = max(text.rfind(sign, 0, at) for sign in ".!?\n") + 1
    ends = [i for i in (text.find(sign, at) for sign in ".!?\n") if i >= 0]
    return text[start:min(ends) if ends else len(text)].strip()
