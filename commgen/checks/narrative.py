"""What a sentence tells about a person it identifies.

A name, a class or an account makes a pupil recognisable; what the rest of that sentence says
(what the pupil did, felt or went through, what others did to them, how it goes at home) is
then a claim about that pupil, which no document of the school may make. The trigger is
itself a finding, so a sentence without one is never touched: the passage it marks is the
sentence after the mention, or before it when the mention ends the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from commgen.checks.findings import Finding
from commgen.checks.sentences import sentences

ABOUT_RULE = "about-pupil"  # the finding's rule, and its texts' key in detectoren.yaml
# The findings that identify a person (a guarded name is a "name" finding too).
TRIGGERS = frozenset({"name", "group", "handle", "relation"})
# a relative ("zijn moeder zit er kapot van") is a person told about like a named one; a person's
# own address, number, link, age or birth date: what follows it in the sentence is told about
# them too ("..., daar heeft hij de link naartoe gestuurd"), what comes before is its label
AFTER_ONLY = frozenset({"email", "phone", "url", "id-number", "address", "age", "birthdate"})
_WORD = re.compile(r"[^\W\d_]+")
_EDGE = " \t\n,;:.!?()[]\"'“”‘’«»-–—…/"
# the school's or the writer's own voice at the start of a sentence
_OWN_VOICE = re.compile(r"(?:wij|we|ik|de\s+school|onze\s+school|het\s+team|ons\s+team)\b",
                        re.IGNORECASE)
# a mention that goes on without a space: part of an address or account, not a word
_INSIDE_TOKEN = re.compile(r"[\w@]|[.\-_+][\w@]")
MIN_WORDS = 2  # "Noor huilt" is a claim; a name alone before a full stop is not


def told_about(text: str, findings: Iterable[Finding]) -> list[tuple[int, int]]:
    """The passages of ``text`` that tell something about a person a finding identifies."""
    triggers = sorted((f.start, f.end, f.category in AFTER_ONLY) for f in findings
                      if f.category in TRIGGERS or f.category in AFTER_ONLY)
    if not triggers:
        return []
    found: list[tuple[int, int]] = []
    pieces = sentences(text)
    starts = [s for s, _e, _p in pieces]
    for start, end, after_only in triggers:  # each one's sentence looked up, not searched
        if _INSIDE_TOKEN.match(text, end):
            continue  # a name inside an address ("sanne.devries@..."): the rest is no claim
        i = bisect_right(starts, start) - 1
        if i < 0 or start >= pieces[i][1]:
            continue
        s_start, s_end = pieces[i][0], pieces[i][1]
        span = _trimmed(text, end, s_end)
        if span is None and not after_only:  # the mention ends the sentence: what comes before
            # it, unless that is the school's own act ("Wij spraken met de familie Jansen")
            span = _trimmed(text, s_start, start)
            if span is not None and _OWN_VOICE.match(text, span[0]):
                span = None
        if span is not None:
            found.append(span)
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The passage without the punctuation and spaces at its edges, if it holds a claim."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    if len(_WORD.findall(text[start:end])) < MIN_WORDS:
        return None
    return start, end
