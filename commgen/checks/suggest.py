"""Take a finding's suggestion into a text so that the sentence stays Dutch.

A suggestion ("een leerling", "een klas van onze school") replaces the whole passage that
was found; the words around it are not repeated. The passage grows over what would be said
twice: "een leerling Sanne" with "een leerling" for "Sanne" becomes "een leerling", not
"een leerling een leerling"; an aside in brackets ("Daan (14)") is taken out; an
apposition ("Een leerling, Sanne, heeft") loses its commas with the name; an article
before the passage ("de Sanne") is not doubled ("de de leerling"), and a suggestion at the
start of a sentence gets a capital.
"""

from __future__ import annotations

import re

_ARTICLES = ("de", "het", "een", "die", "deze", "dat", "dit", "onze", "uw", "je", "jouw")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t“\"‘'(-•*–")
    return not before or before[-1] in ".!?:;\n"


def _phrase(words: list[str]) -> str:
    return r"[\s,]*".join(re.escape(w) for w in words)


def apply_suggestion(text: str, start: int, end: int, suggestion: str) -> str:
    """``text`` with ``text[start:end]`` replaced by ``suggestion``, grammar-safe."""
    new = suggestion.strip()
    before, rest = text[:start], text[end:]
    words = _words(new)
    passage = text[start:end].strip()
    if passage.startswith("(") and passage.endswith(")"):
        return _join(before, rest)  # an aside ("Daan (14)"): taken out, nothing put in
    if words:
        # The clause already says the suggestion just before ("een leerling Daan (14)"): the
        # passage is taken out, not replaced a second time.
        clause = re.split(r"[.,;:!?()\n]", before[-60:])[-1]
        if re.search(rf"(?<![\w]){_phrase(words)}(?![\w])", clause, re.IGNORECASE) \
                and not re.search(rf"{_phrase(words)}\s*$", clause, re.IGNORECASE):
            return _join(before, rest)
        # The words before the passage already say the suggestion ("een leerling Sanne",
        # "Een leerling, Sanne, heeft"): drop the passage, keep what was written.
        said = re.search(rf"(?<![\w])({_phrase(words)})(\s*,\s*|\s+)$", before, re.IGNORECASE)
        if said:
            if "," in said.group(2):
                rest = re.sub(r"^\s*,", "", rest)  # the apposition's closing comma
            return _join(before[:said.end(1)], rest)
        # ... or the words after it ("Sanne, een leerling uit 2B, heeft"): drop the passage.
        said = re.match(rf"\s*,?\s*({_phrase(words)})(?![\w])", rest, re.IGNORECASE)
        if said:
            kept = rest[said.start(1):]
            if _sentence_start(text, start):
                kept = kept[:1].upper() + kept[1:]
            return _join(before, kept)
    # An article before the passage ("de Sanne", "die Daan"): not a second one.
    last = re.search(r"(?:^|(?<=\s))([^\W\d_]+)\s+$", before)
    if last and last.group(1).casefold() in _ARTICLES and words and words[0] in _ARTICLES \
            and len(new.split()) > 1:
        new = " ".join(new.split()[1:])
    if _sentence_start(text, start):
        new = new[:1].upper() + new[1:]
    elif words and words[0] in _ARTICLES:
        new = new[:1].lower() + new[1:]
    return before + new + rest


_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+|$)")


def fit_passage(text: str, start: int, end: int, new: str) -> tuple[int, int, str]:
    """(start, end, replacement) for ``new`` put in place of ``text[start:end]``: a suggestion
    that is a whole sentence replaces the sentence the passage stands in; a few words that
    start with an article take the place of the article before the passage too ("het topless
    beeld" with "een seksueel getint beeld"), and the noun they end with is not said twice."""
    if new[:1].isupper() and new[-1:] in ".!?":  # a whole sentence for a whole sentence
        for match in _SENTENCE.finditer(text):
            if match.start() <= start < max(match.end(), match.start() + 1):
                lead = len(match.group()) - len(match.group().lstrip())
                return match.start() + lead, max(match.end(), end), new
    words = new.split()
    if words and words[0].lower() in _ARTICLES:  # "het" + "een ... beeld": one article
        before = re.search(r"(\w+)(\s+)$", text[:start])
        if before and before.group(1).lower() in _ARTICLES:
            start = before.start()
    if words:  # "... beeld" + " beeld": the noun once
        after = re.match(r"(\s+)(\w+)", text[end:])
        if after and after.group(2).lower() == words[-1].lower():
            end += after.end()
    return start, end, new


def _join(left: str, right: str) -> str:
    """Two pieces of a sentence with one space between words, none before a sign."""
    left = left.rstrip(" \t")
    right = right.lstrip(" \t")
    if not left or not right or right[0] in ".,;:!?)”’\"'\n" or left[-1] in "(“‘\n":
        return left + right
    return left + " " + right


# -- whether a suggestion fits its sentence ----------------------------------------------------


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words a sentence cannot end with (a conjunction, a pronoun, an article, a preposition): what is
# left when a suggestion took away the end of a clause ("terwijl ze haar.").
_DANGLING = _wordset("en of maar want terwijl toen omdat doordat nadat zodat waarbij waarop als "
                     "zonder tijdens met van naar bij door voor tot ze zij hij jij we wij de een "
                     "onze uw")
_CHAT = re.compile(r"(?:app|chat|appgroep|groepsapp|kanaal|story)\b", re.IGNORECASE)
_OPEN = _wordset("de het een van met voor aan naar bij door op in uit om")
_PRONOUNS = _wordset("ze zij hij jij je we wij haar hem zijn hun het")
_TITLES = r"mevrouw|meneer|mevr|mw|dhr|juf|juffrouw|meester"
_SLIPS = (
    re.compile(rf"\b(?:{_TITLES})\.?\s+(?:de|het|een)\b", re.IGNORECASE),  # "mevrouw de leerling"
    re.compile(r"\b(de|het|een)\s+(?:de|het|een)\b", re.IGNORECASE),  # "de een leerling"
    re.compile(r"\b(?!via\b)([^\W\d_]{2,})\s+\1\b", re.IGNORECASE),  # "leerling leerling"
    # a preposition before "via" ("doorgestuurd door via sociale media"; "via via" is Dutch)
    re.compile(r"\b(?:door|van|naar|met|aan|voor|bij|op|in|uit|over)\s+via\b", re.IGNORECASE),
)
# A subordinate clause an image detail stands in: dropped with its conjunction.
_CLAUSE = re.compile(r"[,\s]+(?:terwijl|toen|waarbij|waarop|tijdens|nadat|zodat|waarin)\b"
                     r"[^.,;:!?\n]*", re.IGNORECASE)
# A verb in the passage (a participle, a past tense): the passage is (part of) a clause, and a
# noun phrase cannot take its place.
_VERB = re.compile(r"\b(?:ge[^\W\d_]{2,}(?:d|t|en)|[^\W\d_]{2,}(?:de|te|den|ten)|"
                   r"[^\W\d_]*(?:trok|trokken|nam|namen|deed|deden|lag|lagen|stond|stonden|"
                   r"zat|zaten|liet|lieten|ging|gingen|kleedde|kleedden)|is|was|waren|"
                   r"te\s+zien)\b")  # in lower case only: a name ("Lotte") is no verb
_NOUNS_ENDING_LIKE_VERBS = _wordset("borsten billen tepels kleren kleden ouders leden planten "
                                    "benen handen")
# The word for the image after a detail ("een topless foto"): the suggestion names the image.
_MEDIA = re.compile(r"\s+(?:foto|foto's|beeld|beelden|filmpje|filmpjes|video|video's|selfie|"
                    r"afbeelding|plaatje|opname|film)\b", re.IGNORECASE)


def grammar_slips(text: str) -> list[str]:
    """The passages of ``text`` that no Dutch sentence has: a sentence that ends in a word that
    needs more after it, a title before an article, an article or a word said twice."""
    found = [m.group() for pattern in _SLIPS for m in pattern.finditer(text)]
    for match in _SENTENCE.finditer(text):
        words = _words(match.group())
        if not words or match.group().rstrip()[-1:] not in ".!?":
            continue
        if words[-1] in _DANGLING or (len(words) > 1 and {*words[-2:]} <= _PRONOUNS):
            found.append(" ".join(words[-2:]))  # "terwijl ze haar."
    sentences = [" ".join(_words(m.group())) for m in _SENTENCE.finditer(text)]
    found += sorted({s for s in sentences if len(s.split()) >= 4 and sentences.count(s) > 1})
    return found  # and a sentence said twice (two suggestions that are the same sentence)


def _is_clause(passage: str) -> bool:
    verbs = [m.group() for m in _VERB.finditer(passage)
             if m.group()[:1].islower() and m.group() not in _NOUNS_ENDING_LIKE_VERBS]
    return bool(verbs)


def _is_phrase(suggestion: str) -> bool:
    """A few words (a noun phrase), not a sentence of its own."""
    return not (suggestion[:1].isupper() and suggestion[-1:] in ".!?")


def take_in(text: str, start: int, end: int, suggestion: str,
            category: str | None = None) -> str | None:
    """``text`` with the suggestion taken in place of ``text[start:end]``, or None when no
    grammatical sentence comes of it: a few words do not take the place of a clause (a
    passage with its verb), an image detail in a clause of its own ("terwijl ze ...") goes
    with its conjunction, and the result has no slip its original did not have
    (``grammar_slips``)."""
    new = suggestion.strip()
    passage = text[start:end]
    if not new:
        return None
    if category == "image-detail" and _is_phrase(new):
        for clause in _CLAUSE.finditer(text):
            if clause.start() <= start and end <= clause.end():
                return _checked(text, _join(text[:clause.start()], text[clause.end():]))
    if _is_phrase(new) and (_is_clause(passage) or (_words(passage) or [""])[-1] in _OPEN):
        return None  # a clause, or a phrase that goes on after the passage ("de moeder van de")
    if category == "group" and _CHAT.search(passage):
        return None  # a chat named after the class is no class: "staat in een klas" says other
    if category == "name" and _is_phrase(new):
        # a name after a noun of its own ("De daders Sem", "onze leerling Sem"): "een leerling"
        # in its place says two nouns, unless it is the same noun ("een leerling Sanne")
        noun = re.search(r"(?:^|\s)(?:de|het|een|onze|die|deze)\s+([^\W\d_]+)\s+$",
                         text[:start], re.IGNORECASE)
        if noun and noun.group(1).casefold() != (_words(new) or [""])[-1]:
            return None
    if category == "image-detail" and _is_phrase(new):
        media = _MEDIA.match(text, end)
        end = media.end() if media else end
    fit_start, fit_end, fitted = fit_passage(text, start, end, new)
    return _checked(text, apply_suggestion(text, fit_start, fit_end, fitted))


def _checked(old: str, new: str) -> str | None:
    before = grammar_slips(old)
    return None if [s for s in grammar_slips(new) if s not in before] else new
