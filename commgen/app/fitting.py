"""A finding's suggestion fitted to its sentence, without the answer checks' imports.

``answercheck.fitted`` (the interview, the review of answers) and ``commgen check``
(``fitted_to_lines``) offer a suggestion only when taking it leaves a whole sentence. The
fitting itself needs only ``checks.suggest``; ``answercheck`` also brings the catalogue,
Jinja and the consistency rules, which a check of a letter never uses (about 40 ms of a
``commgen check`` of a new text). So the fitting lives here and ``answercheck`` adds the check
of the changed sentence on top.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from commgen.checks.findings import GUARDED_RULE, Finding
from commgen.checks.suggest import already_said, leave_out_text, take_in
from commgen.foundation.concepts import GUARDED_MASK
from commgen.foundation.i18n import _

RELATION = "relation"  # the consistency rules' category of a word for a pupil's relative


def finding_word(finding: Finding) -> str:
    """The word a consistency finding is about (its text is the whole sentence)."""
    return finding.message.split("'")[1] if finding.message.count("'") >= 2 else finding.text


def fit_suggestion(text: str, finding: Finding,
                   passes: Callable[[str], bool] | None = None) -> Finding:
    """The finding with a suggestion only when taking it leaves a whole sentence
    (``checks.suggest.take_in``) and, with ``passes``, the changed text passes that check;
    otherwise no suggestion, and the message says to write the sentence anew without the
    passage."""
    if not finding.suggestion or (finding.text == GUARDED_MASK and finding.rule != GUARDED_RULE):
        return finding
    if finding.category == RELATION:  # "haar moeder" is never "een leerling" (trial cli9, 15):
        from commgen.checks.suggest import grammar_words  # the neutral words for it, or none

        instead = grammar_words().instead(" ".join(finding_word(finding).casefold().split()))
        finding = replace(finding, suggestion=instead)
        if instead is None:
            return replace(finding, message=finding.message + " " + _(
                "Write this sentence anew, without '{passage}'.").format(
                passage=finding_word(finding).strip()))
    if finding.category == "name" and finding.rule != GUARDED_RULE:
        # a name with an adult's role ("wijkagent Bakker") becomes the role, never a pupil
        from commgen.checks.suggest import name_instead

        instead = name_instead(text, finding.start, finding.end, finding.suggestion)
        if instead is not None:
            finding = replace(finding, suggestion=instead)
    assert finding.suggestion is not None
    if finding.suggestion != leave_out_text() and already_said(
            text, finding.start, finding.end, finding.suggestion):
        finding = replace(finding, suggestion=leave_out_text(), message=finding.message + " " + _(
            "The answer already says: “{sentence}”").format(sentence=finding.suggestion))
    assert finding.suggestion is not None
    changed = take_in(text, finding.start, finding.end, finding.suggestion, finding.category)
    if changed is not None and (passes is None or passes(changed)):
        return finding
    advice = _("Write this sentence anew, without '{passage}'.").format(
        passage=GUARDED_MASK if finding.rule == GUARDED_RULE else finding.text.strip())
    return replace(finding, suggestion=None, message=f"{finding.message} {advice}")
