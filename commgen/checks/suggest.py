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
