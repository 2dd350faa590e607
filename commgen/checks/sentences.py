"""Where a sentence ends: the one sentence splitter of the checks.

The report's "in: ..." line (``report.sentence_at``) and a finding's own sentence for a
suggestion (``suggest``: the sentence a suggestion replaces, whether a word opens a sentence)
split with ``sentences``/``spans``. A sentence ends at ``.``, ``!`` or ``?`` followed by white
space or the end of the text, or at the end of a line (a pasted line without a full stop is a
sentence of its own). A dot inside a word never ends one: an e-mail address
(j.de.vries@school.nl), a web address, a number (3.5, 12.30 uur), initials written together
(J.P.). Nor does the dot of an abbreviation (``o.a.``, ``mevr.``, ``lln.nr.``) or of an initial
before a name ("J.P. de Vries", "mevr. A. Bakker"), nor a dot before a word in lower case or a
number (no sentence starts so: "13 jr. uit 2HV", "ca. 20"); the abbreviations are data
(``snippets/nl/afkortingen.yaml``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from commgen.foundation.concepts import DOCUMENT_LANGUAGE
from commgen.foundation.resources import bundled

ABBREVIATIONS_FILE = "afkortingen.yaml"

# A possible end: the signs (closing quotes and brackets go with them) before white space or
# the end of the text; or a line break.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)|\n")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")  # J. / J.P. (a capital and its dot, once or more)
_DOTTED = re.compile(r"(?:[^\W\d_]{1,4}\.){2,}")  # m.b.t., z.s.m.: an abbreviation's shape
_OPENING = "\"'“‘(["
_FOLLOWING = re.compile(r"[^\S\n]*(\n)?\s*(\S*)")  # a line break, then the next word


@dataclass(frozen=True)
class Abbreviations:
    never_end: frozenset[str]  # the sentence always goes on after these
    may_end: frozenset[str]  # these end a sentence only before a capital


@functools.lru_cache(maxsize=4)
def abbreviations(path: Path | None = None) -> Abbreviations:
    """The abbreviations of the document language (read once per process)."""
    from commgen.foundation.yamlfile import load_mapping

    data, _problems = load_mapping(path or bundled("snippets") / DOCUMENT_LANGUAGE
                                   / ABBREVIATIONS_FILE)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).casefold() for w in data.get(key) or ())
    return Abbreviations(words("nooit_einde"), words("misschien_einde"))


def _ends_here(text: str, sign_start: int, sign_end: int, known: Abbreviations) -> bool:
    """Whether the signs at ``text[sign_start:sign_end]`` (before white space) end a
    sentence: not the dot of an abbreviation, nor of an initial before a name."""
    signs = text[sign_start:sign_end].rstrip("\"'”’)]")
    if signs != ".":
        return True  # ! ? ... end a sentence
    begin = sign_start  # the word the dot ends (a few characters back, never the text)
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    token = text[begin:sign_start + 1].lstrip(_OPENING)
    following = _FOLLOWING.match(text, sign_end)
    if following is None or following.group(1) or not following.group(2):
        return True  # the line or the text ends here
    after = following.group(2)
    key = token.casefold()
    if key in known.never_end:
        return False
    first = after.lstrip(_OPENING)[:1]
    if first.islower() or first.isdigit():
        return False  # "(13 jr.) uit 2HV", "ca. 20": no sentence starts so
    capital = first.isupper()
    if key in known.may_end or _DOTTED.fullmatch(token):
        return capital
    if _INITIALS.fullmatch(token):  # A. Bakker: the name goes on
        return not capital
    return True


def spans(text: str, known: Abbreviations | None = None) -> list[tuple[int, int]]:
    """Every piece of ``text`` up to and including the end of its sentence, white space
    before it included, a line break in none of them; blank pieces too."""
    known = known or abbreviations()
    found = []
    start = 0
    for match in _END.finditer(text):
        if match.group() == "\n":
            found.append((start, match.start()))
            start = match.end()
        elif _ends_here(text, match.start(), match.end(), known):
            found.append((start, match.end()))
            start = match.end()
    if start < len(text) or not found:
        found.append((start, len(text)))
    return found


def sentences(text: str) -> list[tuple[int, int, str]]:
    """Every sentence of the text with where it starts and ends (no white space around)."""
    found = []
    for start, end in spans(text):
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            found.append((start + lead, end - trail, piece.strip()))
    return found


# The pieces the trained check scores (``model.sentence_spans``): they end at . ! ? or ; before
# white space, or at a line break, and so do not end inside an e-mail address, a web address or
# a number, but do after an abbreviation or an initial. Kept as the model was trained and its
# thresholds were set: scored on ``spans`` instead, its findings on the dev set change (one
# fewer in oefen7, one more in oefen10, oefen12 and oefen13), and a change of the splitter must
# not change what the check finds.
_SCORED = re.compile(r"[^\n.!?;]*(?:[.!?;]+(?=\S)[^\n.!?;]*)*(?:[.!?;]+|\n|$)")


def scored_pieces(text: str) -> list[tuple[int, int]]:
    """The pieces of ``text`` the trained check scores, white space around them included."""
    return [match.span() for match in _SCORED.finditer(text)]

