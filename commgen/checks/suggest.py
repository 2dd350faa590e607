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

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from commgen.checks.vocabulary import GrammarWords

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _sentence_start(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence (or an item after a colon): never after the dot of
    an abbreviation or an initial ("mevr. A." goes on), as ``checks.sentences`` splits."""
    from commgen.checks.sentences import spans

    before = text[:start].rstrip(" \t“\"‘'(-•*–")
    if not before or before[-1] in ":;\n":
        return True
    return before[-1] in ".!?" and any(
        stop <= start and not text[stop:start].strip(" \t“\"‘'(-•*–\n")
        for _begin, stop in spans(text))


def _phrase(words: list[str]) -> str:
    return r"[\s,]*".join(re.escape(w) for w in words)


def apply_suggestion(text: str, start: int, end: int, suggestion: str,
                     words: GrammarWords | None = None) -> str:
    """``text`` with ``text[start:end]`` replaced by ``suggestion``, grammar-safe."""
    articles = _patterns(words or grammar_words()).articles
    new = suggestion.strip()
    before, rest = text[:start], text[end:]
    own = _words(new)
    passage = text[start:end].strip()
    if passage.startswith("(") and passage.endswith(")"):
        return _join(before, rest)  # an aside ("Daan (14)"): taken out, nothing put in
    if own:
        # The clause already says the suggestion just before ("een leerling Daan (14)"): the
        # passage is taken out, not replaced a second time.
        clause = re.split(r"[.,;:!?()\n]", before[-60:])[-1]
        if re.search(rf"(?<![\w]){_phrase(own)}(?![\w])", clause, re.IGNORECASE) \
                and not re.search(rf"{_phrase(own)}\s*$", clause, re.IGNORECASE):
            return _join(before, rest)
        # The words before the passage already say the suggestion ("een leerling Sanne",
        # "Een leerling, Sanne, heeft"): drop the passage, keep what was written.
        said = re.search(rf"(?<![\w])({_phrase(own)})(\s*,\s*|\s+)$", before, re.IGNORECASE)
        if said:
            if "," in said.group(2):
                rest = re.sub(r"^\s*,", "", rest)  # the apposition's closing comma
            return _join(before[:said.end(1)], rest)
        # ... or the words after it ("Sanne, een leerling uit 2B, heeft"): drop the passage.
        said = re.match(rf"\s*,?\s*({_phrase(own)})(?![\w])", rest, re.IGNORECASE)
        if said:
            kept = rest[said.start(1):]
            if _sentence_start(text, start):
                kept = kept[:1].upper() + kept[1:]
            return _join(before, kept)
    # An article before the passage ("de Sanne", "die Daan"): not a second one.
    last = re.search(r"(?:^|(?<=\s))([^\W\d_]+)\s+$", before)
    if last and last.group(1).casefold() in articles and own and own[0] in articles \
            and len(new.split()) > 1:
        new = " ".join(new.split()[1:])
    if _sentence_start(text, start):
        new = new[:1].upper() + new[1:]
    elif own and own[0] in articles:
        new = new[:1].lower() + new[1:]
    return before + new + rest


def _pieces(text: str) -> list[str]:
    """The text cut into its sentences (``checks.sentences``, the one splitter: a sentence
    ends with its sign or with the line, never at the dot of an e-mail address, a number or an
    abbreviation), white space before each kept."""
    from commgen.checks.sentences import spans

    return [text[start:end] for start, end in spans(text)]


def fit_passage(text: str, start: int, end: int, new: str,
                words: GrammarWords | None = None) -> tuple[int, int, str]:
    """(start, end, replacement) for ``new`` put in place of ``text[start:end]``: a suggestion
    that is a whole sentence replaces the sentence the passage stands in; a few words that
    start with an article take the place of the article before the passage too ("het topless
    beeld" with "een seksueel getint beeld"), and the noun they end with is not said twice."""
    if new[:1].isupper() and new[-1:] in ".!?":  # a whole sentence for a whole sentence
        first, last = own_sentence(text, start, end)
        return first, last, new
    articles = _patterns(words or grammar_words()).articles
    parts = new.split()
    if parts and parts[0].lower() in articles:  # "het" + "een ... beeld": one article
        before = re.search(r"(\w+)(\s+)$", text[:start])
        if before and before.group(1).lower() in articles:
            start = before.start()
    if parts:  # "... beeld" + " beeld": the noun once
        after = re.match(r"(\s+)(\w+)", text[end:])
        if after and after.group(2).lower() == parts[-1].lower():
            end += after.end()
    return start, end, new


def leave_out_text() -> str:
    """The suggestion that takes the passage's own sentence out of the answer (it says again
    what the answer or its documents already say)."""
    from commgen.foundation.i18n import _

    return _("Leave this sentence out.")


def own_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence (or sentences) the passage stands in begin and end, never further:
    the sentence after it is a neighbour, whatever is in it."""
    from commgen.checks.sentences import spans

    first = last = None
    for begin, stop in spans(text):
        piece = text[begin:stop]
        if not piece.strip():
            continue
        lead = len(piece) - len(piece.lstrip())
        if first is None and stop > start:
            first = begin + lead
        if begin < max(end, start + 1):
            last = stop
    if first is None or last is None:
        return start, end
    return first, max(last, first)


def already_said(text: str, start: int, end: int, sentence: str) -> bool:
    """Whether ``sentence`` (a suggestion that is a whole sentence) stands in the text already,
    outside the passage's own sentence: taking it in would say it twice."""
    from commgen.checks.sentences import spans

    key = " ".join(_words(sentence))
    first, last = own_sentence(text, start, end)
    return bool(key) and any(" ".join(_words(text[begin:stop])) == key
                             for begin, stop in spans(text) if stop <= first or begin >= last)


def leave_out(text: str, start: int, end: int, words: GrammarWords | None = None) -> str | None:
    """``text`` without the sentence the passage stands in (and only that one), or None when
    what is left is no whole text."""
    first, last = own_sentence(text, start, end)
    left, right = text[:first].rstrip(" \t"), text[last:].lstrip(" \t")
    joined = left + right if not left or not right or left[-1] == "\n" or right[0] == "\n" \
        else f"{left} {right}"
    return _checked(text, joined.strip(" \t"), words or grammar_words())


def _join(left: str, right: str) -> str:
    """Two pieces of a sentence with one space between words, none before a sign."""
    left = left.rstrip(" \t")
    right = right.lstrip(" \t")
    if not left or not right or right[0] in ".,;:!?)”’\"'\n" or left[-1] in "(“‘\n":
        return left + right
    return left + " " + right


# -- whether a suggestion fits its sentence ----------------------------------------------------
# The words are data (``zinsbouw`` in regels/woorden.yaml, ``checks.vocabulary``); the code keeps
# how they combine. Callers pass the words of their rules folder; without them, the bundled ones.


def grammar_words(folder: Path | None = None) -> GrammarWords:
    """The ``zinsbouw`` words of a rules folder (default: commgen's own)."""
    from commgen.checks.vocabulary import load_vocabulary
    from commgen.foundation.concepts import DOCUMENT_LANGUAGE
    from commgen.foundation.resources import bundled

    return load_vocabulary(folder or bundled("snippets") / DOCUMENT_LANGUAGE / "regels").grammar


def _alternatives(words: frozenset[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class _Patterns:
    articles: frozenset[str]
    dangling: frozenset[str]
    pronouns: frozenset[str]
    open: frozenset[str]
    conjunctions: frozenset[str]
    not_verbs: frozenset[str]
    chat: re.Pattern[str]
    slips: tuple[re.Pattern[str], ...]
    clause: re.Pattern[str]
    verb: re.Pattern[str]
    media: re.Pattern[str]
    meanings: tuple[tuple[str, re.Pattern[str]], ...]
    roles: re.Pattern[str]
    leave_out: frozenset[str]


@functools.lru_cache(maxsize=8)
def _patterns(words: GrammarWords) -> _Patterns:
    w = words.words
    titles = _alternatives(w("titels"))
    return _Patterns(
        articles=w("lidwoorden"), dangling=w("zinseinde_niet"), pronouns=w("voornaamwoorden"),
        open=w("loopt_door"), conjunctions=w("bijzin_voegwoorden"), not_verbs=w("geen_werkwoord"),
        chat=re.compile(rf"(?:{_alternatives(w('chat_eindes'))})\b", re.IGNORECASE),
        slips=(
            re.compile(rf"\b(?:{titles})\.?\s+(?:de|het|een)\b", re.IGNORECASE),  # "mevrouw de"
            re.compile(r"\b(de|het|een)\s+(?:de|het|een)\b", re.IGNORECASE),  # "de een leerling"
            re.compile(r"\b(?!via\b)([^\W\d_]{2,})\s+\1\b", re.IGNORECASE),  # "leerling leerling"
            # a preposition before "via" ("doorgestuurd door via sociale media"; "via via" is
            # Dutch)
            re.compile(rf"\b(?:{_alternatives(w('voor_via_niet'))})\s+via\b", re.IGNORECASE),
        ),
        # A subordinate clause an image detail stands in: dropped with its conjunction.
        clause=re.compile(rf"[,\s]+(?:{_alternatives(w('bijzin_voegwoorden'))})\b"
                          r"[^.,;:!?\n]*", re.IGNORECASE),
        # A verb in the passage (a participle, a past tense): the passage is (part of) a clause,
        # and a noun phrase cannot take its place. In lower case only: a name ("Lotte") is no
        # verb.
        verb=re.compile(r"\b(?:ge[^\W\d_]{2,}(?:d|t|en)|[^\W\d_]{2,}(?:de|te|den|ten)|"
                        rf"[^\W\d_]*(?:{_alternatives(w('werkwoord_eindes'))})|"
                        rf"{_alternatives(w('werkwoorden'))})\b"),
        # The word for the image after a detail ("een topless foto"): the suggestion names it.
        media=re.compile(rf"\s+(?:{_alternatives(w('beeld_woorden'))})\b", re.IGNORECASE),
        meanings=tuple((name, re.compile(rf"(?<!\w)(?:{_alternatives(frozenset(said))})(?!\w)",
                                         re.IGNORECASE)) for name, said in words.meanings),
        roles=re.compile(rf"(?<![\w-])(?:{_alternatives(w('rollen'))})(?![\w-])", re.IGNORECASE),
        leave_out=w("weglaten"),
    )


def meanings(text: str, words: GrammarWords | None = None) -> set[str]:
    """The meanings (``zelfde_betekenis``) a text says: what it says, not how."""
    return {name for name, pattern in _patterns(words or grammar_words()).meanings
            if pattern.search(text)}


def sentences(text: str) -> list[tuple[int, int, str]]:
    """Every sentence of the text with where it starts and ends (no leading space)."""
    from commgen.checks.sentences import sentences as split

    return split(text)


def grammar_slips(text: str, words: GrammarWords | None = None) -> list[str]:
    """The passages of ``text`` that no Dutch sentence has: a sentence that ends in a word that
    needs more after it, a title before an article, an article or a word said twice."""
    known = _patterns(words or grammar_words())
    found = [m.group() for pattern in known.slips for m in pattern.finditer(text)]
    for piece in _pieces(text):
        said = _words(piece)
        if not said or piece.rstrip().rstrip("\"'”’)]")[-1:] not in ".!?":
            continue
        if said[-1] in known.dangling or (len(said) > 1 and {*said[-2:]} <= known.pronouns):
            found.append(" ".join(said[-2:]))  # "terwijl ze haar."
    sentences = [" ".join(_words(piece)) for piece in _pieces(text)]
    found += sorted({s for s in sentences if len(s.split()) >= 4 and sentences.count(s) > 1})
    return found  # and a sentence said twice (two suggestions that are the same sentence)


def _is_clause(passage: str, known: _Patterns) -> bool:
    verbs = [m.group() for m in known.verb.finditer(passage)
             if m.group()[:1].islower() and m.group() not in known.not_verbs]
    return bool(verbs)


def is_phrase(suggestion: str) -> bool:
    """A few words (a noun phrase), not a sentence of its own."""
    return not (suggestion[:1].isupper() and suggestion[-1:] in ".!?")


def take_in(text: str, start: int, end: int, suggestion: str,
            category: str | None = None, words: GrammarWords | None = None) -> str | None:
    """``text`` with the suggestion taken in place of ``text[start:end]``, or None when no
    grammatical sentence comes of it: a few words do not take the place of a clause (a
    passage with its verb), an image detail in a clause of its own ("terwijl ze ...") goes
    with its conjunction, and the result has no slip its original did not have
    (``grammar_slips``). ``words``: the ``zinsbouw`` words (default: commgen's own)."""
    words = words or grammar_words()
    known = _patterns(words)
    new = suggestion.strip()
    passage = text[start:end]
    if not new:
        return None
    if new == leave_out_text() or (not is_phrase(new) and already_said(text, start, end, new)):
        return leave_out(text, start, end, words)  # never the same sentence twice
    if new.casefold() in known.leave_out:  # "laat het adres weg": advice, never words to put in
        return _aside_left_out(text, start, end, words)
    if is_phrase(new):  # a few words for a whole token: never half of "3havo-b" or "snapgroep"
        whole = token_end(text, start, end)
        if whole is None:
            return None
        end = whole
    if is_phrase(new) and passage.rstrip()[-1:] in ".!?" and len(_words(passage)) > 1:
        return None  # a few words for a passage that ends its sentence: the sign would go
    following = re.match(r"\s+([^\W\d_]+)", text[end:])
    if category == "age" and is_phrase(new) and _words(passage) and following \
            and _words(passage)[-1].endswith(tuple(words.words("leeftijd_bijvoeglijk"))) \
            and (_words(passage)[-1].endswith("jarig")
                 or following.group(1).casefold() in words.words("persoonswoorden")):
        return _checked(text, _join(text[:start], text[end:]), words)  # "een 13-jarig meisje"
    if is_phrase(new) and (_words(new) or [""])[0] in words.words("voorzetsels"):
        # "in de omgeving" for "op de hoek van de Lingewal": in place of "op de" too; after an
        # article without a preposition ("een in de omgeving") it fits nowhere
        lead = re.search(rf"(?:^|(?<=\s))((?:{_alternatives(words.words('voorzetsels'))})\s+)?"
                         rf"((?:{_alternatives(known.articles)})\s+)?$", text[:start],
                         re.IGNORECASE)
        if lead and lead.group(1):
            start = lead.start(1)
        elif lead and lead.group(2):
            return None
    topic = set(_words(new)) & words.words("over_verspreiding")
    # a sentence about the spread for a claim about it only; the school's view for blame fits
    # every blaming sentence (it says what the wrong is: forwarding, not the pupil)
    if topic and not is_phrase(new) and category != "blame":
        first, last = own_sentence(text, start, end)
        if not set(_words(text[first:last])) & words.words("over_verspreiding"):
            return None
    if category == "image-detail" and is_phrase(new):
        # A place or a moment ("in de kleedkamer", "tijdens de gymles", "in haar ondergoed")
        # is no image: a noun phrase in its place is no Dutch. An image detail in a clause of
        # its own ("terwijl ze zich omkleedde") would go with the clause, which is not what
        # the suggestion shows: no suggestion, the sentence is written anew.
        first = (_words(passage) or [""])[0]
        if first in (known.open | known.conjunctions) - known.articles:
            return None
        for clause in known.clause.finditer(text):
            if clause.start() <= start and end <= clause.end():
                return None
    if is_phrase(new) and (_is_clause(passage, known)
                            or (_words(passage) or [""])[-1] in known.open):
        return None  # a clause, or a phrase that goes on after the passage ("de moeder van de")
    if category == "group" and known.chat.search(passage):
        return None  # a chat named after the class is no class: "staat in een klas" says other
    if category == "name" and is_phrase(new):
        # a name in a pair ("Daan en Milan zitten"): "een leerling" for each says "een
        # leerling en een leerling" or, said once, "Een leerling en zitten" (trial cli9, 2)
        if re.search(r"(?:^|\s)(?:en|of|,)\s*$", text[:start], re.IGNORECASE) \
                or re.match(r"\s*(?:,|en\b|of\b)\s*(?:[^\W\d_]*[A-Z•])", text[end:]):
            return None
        role = adult_role(text, start, end, words)
        if role is not None:  # "wijkagent Bakker": the role without the name, never a pupil
            start, word = role
            article = re.search(r"(?:^|(?<=\s))([^\W\d_]+)\s+$", text[:start])
            new = word if article and article.group(1).casefold() in known.articles \
                else f"de {word}"
        else:
            instead = name_instead(text, start, end, new, words)
            if instead is None:
                return None
    if category == "image-detail" and is_phrase(new):
        media = known.media.match(text, end)
        end = media.end() if media else end
    fit_start, fit_end, fitted = fit_passage(text, start, end, new, words)
    return _checked(text, apply_suggestion(text, fit_start, fit_end, fitted, words), words)


def adult_role(text: str, start: int, end: int,
               words: GrammarWords | None = None) -> tuple[int, str] | None:
    """(where it starts, the word) of the role an adult's name stands with: in the passage
    ("wijkagent Bakker", "Mentor Thijs van Dam") or just before it ("de docente Ingrid Mulder").
    The name's suggestion is then that role without the name ("de wijkagent"), never "een
    leerling" (``zinsbouw.rollen``)."""
    known = _patterns(words or grammar_words())
    inside = known.roles.match(text, start)
    if inside and inside.end() < end:
        return start, inside.group().casefold()
    before = re.search(rf"({known.roles.pattern})\s+$", text[max(0, start - 40):start],
                       re.IGNORECASE)
    if before:
        return max(0, start - 40) + before.start(1), before.group(1).casefold()
    return None


def name_instead(text: str, start: int, end: int, suggestion: str,
                 words: GrammarWords | None = None) -> str | None:
    """What a name's passage becomes: the adult's role without the name ("de wijkagent"), the
    suggestion itself ("een leerling") for a pupil, or None when neither fits: a title
    ("meneer Yilmaz", "de heer Visser": someone of the staff or a parent), a role said after the
    name ("Thijs, de mentor van 2B"), a noun of its own before the name ("De daders Sem")."""
    words = words or grammar_words()
    known = _patterns(words)
    role = adult_role(text, start, end, words)
    if role is not None:
        return f"de {role[1]}"
    titles = words.words("titels")
    said = _words(text[start:end])[:2]
    before = _words(text[max(0, start - 20):start])[-1:]
    if set(said + before) & titles:
        return None
    if re.match(rf"\s*,\s*(?:(?:de|het|een|onze|haar|zijn)\s+)?(?:{known.roles.pattern}|"
                rf"{_alternatives(titles)})", text[end:], re.IGNORECASE):
        return None
    # a name after a noun of its own ("De daders Sem", "onze leerling Sem"): "een leerling"
    # in its place says two nouns, unless it is the same noun ("een leerling Sanne")
    noun = re.search(r"(?:^|\s)(?:de|het|een|onze|die|deze)\s+([^\W\d_]+)\s+$",
                     text[:start], re.IGNORECASE)
    if noun and noun.group(1).casefold() != (_words(suggestion) or [""])[-1]:
        return None
    return suggestion


_JOINED = re.compile(r"(?:[-./_][^\W_]+)+")


def token_end(text: str, start: int, end: int) -> int | None:
    """Where the token the passage ends in ends ("3havo" of "3havo-b": after the "b"), or None
    when the passage is half of a word ("groep" of "snapgroep", "drama" of a web address) or of
    a compound ("4 havo" of "4 havo-leerlingen"): a few words cannot take half a word's place."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "@#_"
                      or (text[start - 1] in "-./" and start > 1 and text[start - 2].isalnum())):
        return None
    if text[end:end + 1].isalnum() and text[end - 1:end].isalnum():
        return None
    joined = _JOINED.match(text, end) if text[end - 1:end].isalnum() else None
    if not joined:
        return end
    pieces = re.split(r"[-./_]", joined.group())[1:]
    if all(len(p) <= 3 or p.isdigit() for p in pieces):
        return joined.end()  # a code's rest ("-b", ".2", "-II"): part of the passage
    return None


def _aside_left_out(text: str, start: int, end: int, words: GrammarWords) -> str | None:
    """The text without the passage, when the passage is an aside (in brackets, or between a
    comma and a comma or the sentence's end): "laat het nummer weg" means just that. Otherwise
    None: taking an object or a place out of a sentence leaves no sentence."""
    before, after = text[:start].rstrip(" \t"), text[end:].lstrip(" \t")
    if before.endswith("(") and after.startswith(")"):
        return _checked(text, _join(before[:-1], after[1:]), words)
    if before.endswith(",") and (not after or after[0] in ",.;!?\n"):
        if before[:-1].endswith(".") and after[:1] == ".":
            after = after[1:]  # "15 jr., ...." : one full stop
        return _checked(text, _join(before[:-1], after), words)
    return None


def edit_of(text: str, changed: str, after: bool = False) -> tuple[int, int, str]:
    """(start, end, words) of the one edit that makes ``changed`` of ``text``, in whole words:
    what a reader of ``commgen check`` replaces by hand to get what the interview takes in
    ("uit de 3havo-b" -> "uit een klas van onze school": the passage "de 3havo-b", the words
    "een klas van onze school"). Never an empty replacement: a word that is left out is shown
    with the word before it ("leerling Sanne" -> "leerling"), or with the word after it."""
    first = 0
    while first < min(len(text), len(changed)) and text[first] == changed[first]:
        first += 1
    tail = 0
    while tail < min(len(text), len(changed)) - first \
            and text[-1 - tail] == changed[-1 - tail]:
        tail += 1
    end, new_end = len(text) - tail, len(changed) - tail
    while first > 0 and (_inside(text, first) or _inside(changed, first)):
        first -= 1
    while end < len(text) and (_inside(text, end) or _inside(changed, new_end)):
        end, new_end = end + 1, new_end + 1
    if not changed[first:new_end].strip():
        # words taken out: shown with the word before them, or (``after``) the word after
        following = re.match(r"\s*[^\W_][\w'’-]*", text[end:]) if after else None
        before = None if after else re.search(r"[^\W_][\w'’-]*\s*$", text[:first])
        if following:
            end, new_end = end + following.end(), new_end + following.end()
        elif before:
            first = before.start()
    # no sign or space at either end of the passage: the words only
    while first < end and first < new_end and text[first] == changed[first] \
            and not text[first].isalnum():
        first += 1
    while end > first and new_end > first and text[end - 1] == changed[new_end - 1] \
            and not text[end - 1].isalnum():
        end, new_end = end - 1, new_end - 1
    return first, end, changed[first:new_end]


def _inside(text: str, at: int) -> bool:
    """Whether ``at`` falls inside a word (a letter or digit on both sides)."""
    word = re.compile(r"[\w'’-]")
    return 0 < at < len(text) and bool(word.match(text[at - 1])) and bool(word.match(text[at]))


def _checked(old: str, new: str, words: GrammarWords) -> str | None:
    before = grammar_slips(old, words)
    return None if [s for s in grammar_slips(new, words) if s not in before] else new
