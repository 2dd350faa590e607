"""The Dutch words the detectors use, kept as data (``regels/woorden.yaml``).

The code keeps the structure (how words combine into a pattern: "a class word, then a number
or a code"); the foundation keeps the words. Every list is required and must hold text; one
list, ``platforms``, holds patterns, the others literal words (a space stands for any run of
white space). ``telwoorden`` maps number words to their value. A file is read once per process
(cached on its path and modification time), and every mistake in it is reported with file,
line and key in one CatalogError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from commgen.checks.patterns import by_first_character
from commgen.foundation.errors import CatalogError, Problem
from commgen.foundation.i18n import _
from commgen.foundation.yamlfile import LineDict, load_mapping

VOCABULARY_FILE = "woorden.yaml"
NUMBER_WORDS = "telwoorden"
HOME_WORDS = "wonen"  # forms of "wonen": an address beside them is someone's home
# Lists whose items are patterns (regular expressions), not literal words.
PATTERN_LISTS = frozenset({"platforms"})
WORD_LISTS = (
    "maanden", "geboorte_woorden", "geboorte_na_datum", "geboortejaar_woorden",
    "geboortemaand_eindes", "leeftijd_woorden",
    "geen_leeftijd_voor", "geen_leeftijd_kwantoren", "algemene_leeftijd_werkwoorden",
    "leeftijdsgroepen", "geen_leeftijd_na",
    "leeftijdsregel_woorden",
    "domeinextensies", "gebruikersnaam_woorden", "platforms", "platform_woorden",
    "platform_koppelwoorden", "hulp_woorden",
    "straatnaam_eindes", HOME_WORDS, "wonen_voorzetsels", "nummer_woorden", "nummer_tussenwoorden",
    "nummer_eindes", "geen_nummer_woorden",
    "groep_woorden", "groep_in_letters", "rangtelwoorden", "na_rangtelwoord", "schooltypen",
    "schooltypen_met_leerweg", "leerwegen", "schooltypen_na_leerjaar", "klas_woorden",
    "groep_van", "groepsapps", "geen_groep_voor", "geen_groep_na", "school_woorden",
    "school_voorvoegsels", "geen_schoolnaam_begin", "geen_initialen",
    "titels", "naam_titels", "tussenvoegsels", "rol_titels",
    "na_gebiedende_wijs", "ontkenningen",
    # round detect10b: clubs and teams by their ending, chats by their noun, a group as a
    # superlative ("de hoogste groep"), words before a short code that make it a class
    "club_eindes", "geen_club_voorvoegsels", "chat_woorden", "groep_overtreffend",
    "klas_ervoor", "persoon_voor_plaats", "plek_met_naam", "plek_eindes",
    "groep_met_tijd", "bouw_woorden", "groep_elk_jaar", "groep_allen",
    "leeftijd_personen", "leeftijd_groepen", "leeftijd_aantallen", "kinship_voor_naam",
    # round detect11b: brands with a capital inside that are no username ("WhatsApp")
    "geen_gebruikersnamen",
    # round 17: the words between a chat's noun and its quoted name ("de server heet 'X'")
    "voor_groepsnaam",
    # round 18: a school named as an organisation: what it does after its name, and who of it
    # or what with it comes before ("de directie van het X College", "contact met de Y Mavo")
    "school_doet", "school_als_organisatie_voor", "school_als_organisatie_na",
    # round 18: verbs that begin a sentence of advice before a name ("Mail Yvonne gerust")
    "gebiedende_wijs",
    # round 18: the words before "van" that make the capitalised word after it a person's name
    "persoon_van",
    # round 19: the words after which a capitalised word no list knows is a place, a
    # building or a thing ("in Hengelo", "de Kruisweg", "het Dendron"), not a person
    "geen_naam_na", "organisatie_voor_naam", "geen_persoon_van", "merken",
    "geen_initiaal_na",
)
# The words the suggestions are taken in with (``checks.suggest``): a section of its own.
GRAMMAR_SECTION = "zinsbouw"
GRAMMAR_LISTS = (
    "lidwoorden", "zinseinde_niet", "voornaamwoorden", "loopt_door", "chat_eindes", "titels",
    "bijzin_voegwoorden", "werkwoord_eindes", "werkwoorden", "geen_werkwoord", "beeld_woorden",
    "voor_via_niet", "geen_maatregel", "over_verspreiding", "rollen", "weglaten",
    "leeftijd_bijvoeglijk", "persoonswoorden", "voorzetsels",
)
GRAMMAR_INSTEAD = "in_plaats_van"  # neutral words -> the gender and family words they replace
GRAMMAR_MEANINGS = "zelfde_betekenis"  # a meaning -> the words that say it
KEYS = (NUMBER_WORDS, *WORD_LISTS)  # the detectors' lists (and the grammar section beside)


@dataclass(frozen=True)
class GrammarWords:
    """The ``zinsbouw`` section: word lists by name, and what each gender or family word
    becomes (``in_plaats_van``)."""

    lists: tuple[tuple[str, frozenset[str]], ...] = ()
    replacements: tuple[tuple[str, str], ...] = ()  # word -> the neutral words for it
    pupil: str = "de leerling"  # the first replacement: the pupil, not a relative
    meanings: tuple[tuple[str, tuple[str, ...]], ...] = ()  # a meaning -> the words for it

    def words(self, key: str) -> frozenset[str]:
        return dict(self.lists)[key]

    def instead(self, word: str) -> str | None:
        """The neutral words for a gender or family word (None: none given)."""
        return dict(self.replacements).get(" ".join(word.casefold().split()))


@dataclass(frozen=True)
class Vocabulary:
    """The word lists by name (each a tuple of strings) and the number words' values."""

    lists: tuple[tuple[str, tuple[str, ...]], ...]
    numbers: tuple[tuple[str, int], ...]
    grammar: GrammarWords = GrammarWords()

    def words(self, key: str) -> tuple[str, ...]:
        return dict(self.lists)[key]

    def alternatives(self, key: str) -> str:
        """The list as the body of a regex alternation: longest first, so that a word that
        starts another ("docent", "docente") never hides it; literal words escaped, a space
        matching any white space."""
        return alternation(self.words(key), pattern=key in PATTERN_LISTS)


def alternation(words: tuple[str, ...] | list[str], pattern: bool = False) -> str:
    parts = [w if pattern else re.escape(w).replace(r"\ ", r"\s+")
             for w in sorted(words, key=lambda w: (-len(w), w))]
    if pattern or len(parts) < DISPATCH_FROM:
        return "|".join(parts)
    firsts = [frozenset({p[0]}) if p[:1].isalnum() else None for p in parts]
    return by_first_character(parts, 0, firsts=firsts) or "|".join(parts)


# A list of this many words or more is tried by first character (``checks.patterns``): the
# same matches, without trying every word at every position.
DISPATCH_FROM = 12


def _problem(problems: list[Problem], path: Path, data: LineDict, key: str,
             message: str) -> None:
    problems.append(Problem(message, path, data.line_of(key), key))


def _numbers(path: Path, data: LineDict, problems: list[Problem]) -> tuple[tuple[str, int], ...]:
    value = data.get(NUMBER_WORDS)
    if not isinstance(value, LineDict) or not value:
        _problem(problems, path, data, NUMBER_WORDS,
                 _("expected a mapping of number words to their value (zes: 6)"))
        return ()
    result: list[tuple[str, int]] = []
    for word, number in value.items():
        key = f"{NUMBER_WORDS}.{word}"
        if not isinstance(word, str) or not word.strip():
            problems.append(Problem(_("a number word must be a word"), path,
                                    value.line_of(word), key))
        elif isinstance(number, bool) or not isinstance(number, int):
            problems.append(Problem(_("expected a whole number (zes: 6)"), path,
                                    value.line_of(word), key))
        else:
            result.append((word.strip().lower(), number))
    return tuple(result)


def _words(path: Path, data: LineDict, key: str, problems: list[Problem]) -> tuple[str, ...]:
    value = data[key]
    if not isinstance(value, list):
        _problem(problems, path, data, key, _("expected a list of words"))
        return ()
    if not value:
        _problem(problems, path, data, key, _("the list is empty; give at least one word"))
        return ()
    words: list[str] = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, str) or not item.strip():
            _problem(problems, path, data, key,
                     _("item {number} ({value}) is not a word; write text, in quotes if it "
                       "is a number or starts with a special character").format(
                         number=number, value=item))
            continue
        word = " ".join(item.split())
        if key in PATTERN_LISTS:
            try:
                re.compile(word)
            except re.error as exc:
                _problem(problems, path, data, key,
                         _("'{pattern}' is not a valid pattern ({detail})").format(
                             pattern=word, detail=exc))
                continue
        words.append(word)
    return tuple(words)


def parse_vocabulary(path: Path, data: LineDict, problems: list[Problem]) -> Vocabulary:
    """Check the file's content; add every mistake to ``problems``."""
    for key in data:
        if key not in (*KEYS, GRAMMAR_SECTION):
            _problem(problems, path, data, str(key), _("unknown key; allowed: {allowed}").format(
                allowed=", ".join((*KEYS, GRAMMAR_SECTION))))
    for key in (*KEYS, GRAMMAR_SECTION):
        if key not in data:
            problems.append(Problem(_("the list '{key}' is missing; the check needs it").format(
                key=key), path, None, key))
    numbers = _numbers(path, data, problems) if NUMBER_WORDS in data else ()
    lists = tuple((key, _words(path, data, key, problems)) for key in WORD_LISTS if key in data)
    grammar = _grammar(path, data, problems) if GRAMMAR_SECTION in data else GrammarWords()
    return Vocabulary(lists, numbers, grammar)


def _grammar(path: Path, data: LineDict, problems: list[Problem]) -> GrammarWords:
    """The ``zinsbouw`` section: every list required, each word in lower case."""
    section = data[GRAMMAR_SECTION]
    if not isinstance(section, LineDict):
        _problem(problems, path, data, GRAMMAR_SECTION, _("expected a mapping of word lists"))
        return GrammarWords()
    for key in section:
        if key not in (*GRAMMAR_LISTS, GRAMMAR_INSTEAD, GRAMMAR_MEANINGS):
            problems.append(Problem(_("unknown key; allowed: {allowed}").format(
                allowed=", ".join((*GRAMMAR_LISTS, GRAMMAR_INSTEAD, GRAMMAR_MEANINGS))), path,
                section.line_of(key), f"{GRAMMAR_SECTION}.{key}"))
    lists = []
    for key in GRAMMAR_LISTS:
        if key not in section:
            problems.append(Problem(_("the list '{key}' is missing; the check needs it").format(
                key=f"{GRAMMAR_SECTION}.{key}"), path, data.line_of(GRAMMAR_SECTION), key))
            continue
        lists.append((key, frozenset(w.casefold() for w in _words(path, section, key,
                                                                   problems))))
    instead = _word_map(path, data, section, GRAMMAR_INSTEAD, problems)
    replacements = tuple((" ".join(w.casefold().split()), new)
                         for new, words in instead for w in words)
    meanings = _word_map(path, data, section, GRAMMAR_MEANINGS, problems)
    return GrammarWords(tuple(lists), replacements, instead[0][0] if instead else "",
                        meanings)


def _word_map(path: Path, data: LineDict, section: LineDict, key: str,
              problems: list[Problem]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A mapping of the section from a text to a list of words (``in_plaats_van``: the words
    to put in -> the words they replace; ``zelfde_betekenis``: a meaning -> its words)."""
    value = section.get(key)
    if not isinstance(value, LineDict) or not value:
        problems.append(Problem(_("'{key}' must map a text to a list of words").format(
            key=key), path, data.line_of(GRAMMAR_SECTION), f"{GRAMMAR_SECTION}.{key}"))
        return ()
    return tuple((str(name), _words(path, value, name, problems)) for name in value)


@lru_cache(maxsize=8)
def _load(path: Path, _stamp: tuple[int, int]) -> Vocabulary:
    data, problems = load_mapping(path, missing=_(
        "the word lists of the check are missing; copy woorden.yaml from commgen's snippets"))
    vocabulary = parse_vocabulary(path, data, problems) if not problems else None
    if problems or vocabulary is None:
        raise CatalogError(_("The check rules cannot be used:"), problems)
    return vocabulary


def load_vocabulary(folder: Path) -> Vocabulary:
    """The word lists in ``folder`` (a rules folder), read once per process and file version."""
    path = (folder / VOCABULARY_FILE).resolve()
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = (0, 0)
    return _load(path, stamp)
