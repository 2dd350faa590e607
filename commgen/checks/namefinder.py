"""Names of people and dates in Dutch text, from deduce's name lists, without loading deduce.

deduce (the Dutch de-identification library) ships good lookup lists of first names,
surnames, initials, interfixes, titles and common words; importing it and building its
annotator costs about 0.25 s and 30 MB on every start (numpy, docdeid, pickled tries). commgen
needs only its name and date annotators, so this module reads the lists straight from the
installed package (``deduce/data/lookup/src``, read as files: deduce itself is never imported)
and applies the same token patterns: a first name or surname from the lists; a title, an
initial or an interfix followed by a word like a name; then the name grown left and right by
initials, interfixes, titles and further words like a name. The results are the same spans
deduce finds (tag ``persoon``), and its dates (tag ``datum``), at a fraction of the cost.

The lists are read once per process, on the first text that has a capital letter, from a
copy in the user cache folder (``foundation.cache``) after the first time.
"""

from __future__ import annotations

import marshal
import re
import sys
from array import array
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from itertools import chain
from pathlib import Path

from commgen.checks.spans import Disjoint
from commgen.foundation.cache import entry, get, put

Annotation = tuple[int, int, str]  # start, end, tag ("persoon" or "datum")

_TOKEN = re.compile(r"\w+|[\n\r\t]| {4,}|[^ ]")
_SLACK = re.compile(r"[\. \-]?[\. ]?")
_MONTHS = (r"januari|jan|februari|feb|maart|mrt|april|apr|mei|juni|jun|juli|jul|augustus|aug|"
           r"september|sep|sept|oktober|okt|november|nov|december|dec")
_DATES = (
    re.compile(r"(?<!\d)(([1-9]|0[1-9]|[12][0-9]|3[01])(?P<sep>[-/\. ])([1-9]|0[1-9]|1[012])"
               r"(?P=sep)((19|20|\'|`)?\d{2}))(?!\d)"),
    re.compile(rf"(?i)(?<!\d)(([1-9]|0[1-9]|[12][0-9]|3[01])[-/\. ]{{,2}}({_MONTHS})[-/\. ]"
               r"((19|20|\'|`)?\d{2}))(?!\d)"),
    re.compile(r"(?<!\d)(((19|20|\'|`)\d{2})(?P<sep>[-/\. ])([1-9]|0[1-9]|1[012])(?P=sep)"
               r"([1-9]|0[1-9]|[12][0-9]|3[01]))(\D|$)"),
    re.compile(rf"(?i)(?<!\d)(((19|20|\'|`)\d{{2}})[-/\. ]{{,2}}({_MONTHS})[-/\. ]"
               r"([1-9]|0[1-9]|[12][0-9]|3[01]))(?!\d)"),
)
_HAS_CAPITAL = re.compile(r"[^\W\d_a-zß-ÿ]")


def _lists_folder() -> Path | None:
    spec = find_spec("deduce")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "lookup" / "src"


def _items(folder: Path | None, name: str) -> set[str]:
    """deduce's ``items.txt`` without its ``exceptions.txt``."""
    if folder is None:
        return set()

    def read(path: Path) -> set[str]:
        try:
            return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
        except FileNotFoundError:
            return set()

    items = read(folder / name / "items.txt") - read(folder / name / "exceptions.txt")
    items.discard("")
    return items


def _split(text: str) -> list[str]:
    return [m.group() for m in _TOKEN.finditer(text)]


class _Trie:
    """Sequences of token texts: one-word items in a set, longer ones by their first token."""

    def __init__(self, items: Iterable[str]) -> None:
        self.words: set[str] = set()
        self.by_first: dict[str, set[tuple[str, ...]]] = {}
        for item in items:
            if item.isalnum():  # most names are one token
                self.words.add(item)
                continue
            tokens = tuple(_split(item))
            if len(tokens) == 1:
                self.words.add(tokens[0])
            elif tokens:
                self.by_first.setdefault(tokens[0], set()).add(tokens)

    def plain(self) -> tuple[list[str], dict[str, list[tuple[str, ...]]]]:
        """Lists, not sets: ``marshal`` sorts a set's items (Python 3.11 on), which made
        writing the lists ten times dearer than reading them."""
        return list(self.words), {k: list(v) for k, v in self.by_first.items()}

    @classmethod
    def from_plain(cls, plain: tuple[Iterable[str], dict[str, Iterable[tuple[str, ...]]]]
                   ) -> _Trie:
        trie = cls(())
        words, by_first = plain
        trie.words, trie.by_first = set(words), {k: set(v) for k, v in by_first.items()}
        return trie

    def starts(self, word: str) -> bool:
        return word in self.words or word in self.by_first

    def longest(self, texts: list[str], i: int) -> int:
        """The number of tokens of the longest item starting at ``i`` (0: none)."""
        best = 1 if texts[i] in self.words else 0
        for item in self.by_first.get(texts[i], ()):
            n = len(item)
            if n > best and tuple(texts[i:i + n]) == item:
                best = n
        return best


@dataclass(frozen=True)
class NameLists:
    first_names: _Trie
    surnames: _Trie
    first_name_words: frozenset[str]  # lower case, for "is this word a first name?"
    prefixes: frozenset[str]
    interfixes: frozenset[str]
    initials: frozenset[str]
    interfix_surnames: frozenset[str]
    whitelist: frozenset[str]  # lower case: common words and stop words
    merge_terms: _Trie  # titles and interfixes of more than one token ("de heer", "van der")


_LISTS = ("names/lst_first_name", "names/lst_surname", "names/lst_prefix", "names/lst_interfix",
          "names/lst_initial", "names/lst_interfix_surname", "whitelist/lst_common_word",
          "whitelist/lst_stop_word")
_TRIES = ("first_names", "surnames", "merge_terms")


def _build(folder: Path | None) -> NameLists:
    """deduce's lists, cleaned as deduce cleans them."""
    surname_items = _items(folder, "names/lst_surname")
    common = {w for w in _items(folder, "whitelist/lst_common_word")}
    common -= {s.lower() for s in surname_items if len(s) >= 2}
    whitelist = frozenset(w.lower() for w in common | _items(folder, "whitelist/lst_stop_word")
                          if len(w) >= 2)

    def names(items: set[str]) -> set[str]:
        return {n for n in items if len(n) >= 2 and n.lower() not in whitelist}

    first_items = _items(folder, "names/lst_first_name")
    prefix_items = _items(folder, "names/lst_prefix")
    prefixes = prefix_items | {p[0].upper() + p[1:] for p in prefix_items}
    interfix_items = _items(folder, "names/lst_interfix")
    interfixes = (interfix_items | {p[0].upper() + p[1:] for p in interfix_items}
                  | {p.title() for p in interfix_items}) - {"V."}
    return NameLists(
        first_names=_Trie(names(first_items)), surnames=_Trie(names(surname_items)),
        first_name_words=frozenset(n.casefold() for n in first_items),
        prefixes=frozenset(prefixes), interfixes=frozenset(interfixes),
        initials=frozenset(_items(folder, "names/lst_initial")),
        interfix_surnames=frozenset(_items(folder, "names/lst_interfix_surname")),
        whitelist=whitelist, merge_terms=_Trie(prefixes | interfixes))


def _lists_stamp(folder: Path | None, names: Iterable[str]) -> list[str]:
    """The lists' place, sizes and times (what ``_items`` reads): a new deduce, a new stamp."""
    stamp = [str(folder)]
    for name in names if folder is not None else ():
        for file in ("items.txt", "exceptions.txt"):
            with suppress(OSError):
                info = (folder / name / file).stat()
                stamp.append(f"{name}/{file}:{info.st_size}:{info.st_mtime_ns}")
    return stamp


def _cache_file(folder: Path) -> Path:
    """Named by the lists' stamp: a new deduce makes a new file."""
    return entry("namelists", *_lists_stamp(folder, _LISTS))


@lru_cache(maxsize=1)
def name_lists() -> NameLists:
    """deduce's lists, read once per process (from the user cache after the first time)."""
    folder = _lists_folder()
    if folder is None:
        return _build(None)
    cache = _cache_file(folder)
    stored = get(cache)  # checked by its hash (an entry of the older layout has none)
    with suppress(ValueError, EOFError, TypeError, KeyError):
        plain = marshal.loads(stored) if stored is not None else None
        if isinstance(plain, dict):
            return NameLists(**{k: _Trie.from_plain(v) if k in _TRIES else frozenset(v)
                                for k, v in plain.items()})
    lists = _build(folder)
    # lists, not sets: marshal sorts a set's items (``_Trie.plain``): 33 of a cold check's ms
    plain = {k: v.plain() if k in _TRIES else list(v) for k, v in vars(lists).items()}
    put(cache, marshal.dumps(plain))  # like any entry: no wait for the disk
    return lists


_PLACE_LISTS = ("locations/lst_placename/lst_residence", "locations/lst_placename/lst_municipality",
                "locations/lst_placename/lst_province", "locations/lst_placename/lst_region")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """deduce's Dutch places, municipalities, provinces and regions, lower case: read only when a
    capitalised word that no list knows stands where a person's name can ("de moeder van
    Djeniffer"), so that "de burgemeester van Emmen" stays a place."""
    from commgen.foundation.cache import cached_json, library_version

    folder = _lists_folder()

    def compute() -> list[str]:
        from babel import Locale  # its locale data only on a first run: kept as a list after

        countries = {str(n).casefold() for n in Locale("nl").territories.values()}  # "Nederland"
        return sorted({p.casefold() for name in _PLACE_LISTS for p in _items(folder, name)}
                      | countries)

    stamp = [str(library_version("babel")), *_lists_stamp(folder, _PLACE_LISTS)]
    return frozenset(cached_json("place-names", stamp, compute))


# --- tokens ----------------------------------------------------------------------------------
class _Tokens:
    """A text's tokens: their texts (the same word once, shared) and their starts and ends
    packed two numbers per token (a 2 MB text has about 600 000 tokens: as a tuple of
    two ints and a string each they were most of a check's memory). ``tokens[i]`` is the
    token's (start, end, text)."""

    __slots__ = ("spans", "texts")

    def __init__(self, spans: array, texts: list[str]) -> None:
        self.spans, self.texts = spans, texts

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> tuple[int, int, str]:
        if i < 0:
            i += len(self.texts)
        return self.spans[2 * i], self.spans[2 * i + 1], self.texts[i]


_CHUNK = 1 << 16  # characters: the texts of the tokens are cut this much at a time


def _token_texts(text: str) -> list[str]:
    """The texts of ``_TOKEN``'s matches, each word once (``sys.intern``). Cut a piece of
    ``_CHUNK`` characters at a time, each ending after a line break (no token spans one):
    ``findall`` over a whole text of 2 MB made 25 MB of strings at once, most of them
    dropped right after for the interned word."""
    texts: list[str] = []
    start, size = 0, len(text)
    while start < size:
        cut = text.find("\n", start + _CHUNK)
        end = size if cut < 0 else cut + 1
        texts += map(sys.intern, _TOKEN.findall(text, start, end))
        start = end
    return texts


def _tokens(text: str, lists: NameLists) -> _Tokens:
    """deduce's tokens: words, single signs and newlines; titles and interfixes of several
    words ("de heer", "van der") merged into one token."""
    # four bytes an offset where they fit (the starts and ends, and their copy with the
    # terms merged, were 15 MB of a 2 MB text's check at eight)
    code = "i" if len(text) < 2**31 else "q"
    spans = array(code, chain.from_iterable(map(re.Match.span, _TOKEN.finditer(text))))
    texts = _token_texts(text)
    firsts = lists.merge_terms.by_first
    merged_spans, merged = array(code), []
    done = 0  # the tokens before ``done`` are in ``merged``
    for i in [i for i, t in enumerate(texts) if t in firsts]:
        if i < done:
            continue  # inside a term merged already
        n = lists.merge_terms.longest(texts, i)
        if n > 1:
            start, end = spans[2 * i], spans[2 * (i + n - 1) + 1]
            merged_spans += spans[2 * done:2 * i]
            merged_spans.extend((start, end))
            merged += texts[done:i]
            merged.append(text[start:end])
            done = i + n
    if not done:
        return _Tokens(spans, texts)
    merged_spans += spans[2 * done:]
    merged += texts[done:]
    return _Tokens(merged_spans, merged)


_NEUTER_ARTICLES = frozenset({"het", "'t", "’t"})
_PREPOSITIONS = frozenset({"op", "van", "naar", "bij", "aan", "in", "met", "voor", "uit", "over",
                           "door", "tegen", "vanaf", "richting", "Op", "Van", "Naar", "Bij",
                           "Aan", "In", "Met", "Voor", "Uit"})


def _after_neuter_article(texts: list[str], first: int) -> bool:
    """The token before ``first`` is "het" or "'t" as an article: after a preposition ("op
    het", which deduce merges into one token) or as the first word ("Het Carolus heeft"); not
    the pronoun ("dat het Jesse was")."""
    i = _before(texts, first)
    if i < 0:
        return False
    words = texts[i].split()
    if words[-1] not in _NEUTER_ARTICLES and words[-1] not in {"Het", "'T", "’T"}:
        return False
    if len(words) > 1:
        return words[-2] in _PREPOSITIONS
    j = _before(texts, i)
    return (j >= 0 and texts[j] in _PREPOSITIONS) or (words[-1] == "Het" and (
        j < 0 or texts[j] in {".", "!", "?", "\n", ":"}))


def _before(texts: list[str], i: int) -> int:
    """The index of the token before ``i`` that is not a space (-1: none)."""
    i -= 1
    while i >= 0 and not texts[i].strip():
        i -= 1
    return i


def _like_name(word: str) -> bool:
    return len(word) >= 3 and word.istitle() and not any(c.isdigit() for c in word)


class _Matcher:
    """deduce's token patterns over one text's tokens."""

    def __init__(self, tokens: _Tokens | list[tuple[int, int, str]], lists: NameLists) -> None:
        self.tokens = tokens
        self.texts = tokens.texts if isinstance(tokens, _Tokens) else [t[2] for t in tokens]
        self.lists = lists

    def is_(self, kind: str, i: int) -> bool:
        word, lists = self.texts[i], self.lists
        if kind == "prefix":
            return word in lists.prefixes
        if kind == "interfix":
            return word in lists.interfixes
        if kind == "initial":
            return word in lists.initials
        if kind == "initials":
            return word in lists.initials or (len(word) <= 4 and word.isupper())
        if kind == "name":  # like a name, not a common word
            return _like_name(word) and word.lower() not in lists.whitelist
        if kind == "name-not-prefix":
            return self.is_("name", i) and word not in lists.prefixes
        if kind == "like-name":
            return _like_name(word)
        if kind == "interfix-surname":
            return word in lists.interfix_surnames and word.lower() not in lists.whitelist
        raise ValueError(kind)

    def step(self, i: int, direction: int, skip: str) -> int | None:
        i += direction
        while 0 <= i < len(self.texts) and self.texts[i] in skip.split():
            i += direction
        return i if 0 <= i < len(self.texts) else None

    def sequence(self, start: int | None, pattern: tuple[str, ...], direction: int,
                 skip: str) -> int | None:
        """The last token of ``pattern`` matched from ``start`` on (None: no match)."""
        current, last = start, start
        for kind in pattern:
            if current is None or not self.is_(kind, current):
                return None
            last = current
            current = self.step(current, direction, skip)
        return last


# pattern, skip, tag: the annotators in deduce's base configuration (group "names")
_PATTERNS = (
    (("prefix", "initials"), ".", "prefix+initiaal"),
    (("prefix", "interfix", "like-name"), ".", "prefix+interfix+naam"),
    (("prefix", "name"), ".", "prefix+naam"),
    (("interfix", "interfix-surname"), "", "interfix+achternaam"),
    (("initial", "name-not-prefix"), ".", "initiaal+naam"),
    (("initial", "interfix", "like-name"), ".", "initiaal+interfix+naam"),
)
_NAME_TAGS = ("initiaal", "naam", "voornaam", "achternaam")
# direction, the tags it grows from, pattern, skip, new tag: deduce's "name_context"
_CONTEXT = (
    (1, _NAME_TAGS, ("interfix", "like-name"), ". -", "{tag}+interfix+achternaam"),
    (-1, (*_NAME_TAGS, "interfix"), ("initial",), ".", "initiaal+{tag}"),
    (-1, ("naam", "voornaam", "achternaam"), ("name-not-prefix",), "-", "naam+{tag}"),
    (1, ("prefix", *_NAME_TAGS, "interfix"), ("name-not-prefix",), "-", "{tag}+naam"),
    (-1, ("prefix", *_NAME_TAGS, "interfix"), ("prefix",), ".", "prefix+{tag}"),
)
_Span = tuple[int, int, str]  # first token, last token, tag


def _grow(match: _Matcher, spans: set[_Span]) -> set[_Span]:
    """Grow names by their context, as long as anything changes."""
    original = set(spans)
    for direction, tags, pattern, skip, new_tag in _CONTEXT:
        for span in list(spans):
            first, last, tag = span
            part = tag.split("+")[-1 if direction == 1 else 0]
            if part not in tags:
                continue
            start = match.step(last if direction == 1 else first, direction, skip)
            end = match.sequence(start, pattern if direction == 1 else pattern[::-1],
                                 direction, skip)
            if end is None:
                continue
            spans.discard(span)
            spans.add((first, end, new_tag.format(tag=tag)) if direction == 1
                      else (end, last, new_tag.format(tag=tag)))
    changed = spans - original
    kept = spans & original
    return kept | _grow(match, changed) if changed else kept


def _resolve(spans: Iterable[Annotation]) -> list[Annotation]:
    """Longest first; an annotation overlapping one already kept is dropped."""
    kept: list[Annotation] = []
    taken = Disjoint()
    for span in sorted(set(spans), key=lambda s: (s[0] - s[1], s[1], s[0], s[2])):
        if taken.add(span[0], span[1]):
            kept.append(span)
    return kept


_DIMINUTIVES = ("tje", "pje", "kje", "je", "ke")  # Anoukje, Pimpje, Frisian Hiltsje -> stem


def first_name_forms(word: str, extra: frozenset[str] = frozenset()) -> bool:
    """A first name of the lists or ``extra`` (voornamen.yaml), also possessive ("Kacpers")
    or diminutive ("Anoukje"). ``word`` as written, capitalised."""
    lists = name_lists()

    def known(form: str) -> bool:
        return form in extra or form in lists.first_names.words

    if known(word):
        return True
    if len(word) > 3 and word.endswith("s") and known(word[:-1]):
        return True
    return any(len(word) > len(end) + 2 and word.endswith(end) and known(word[:-len(end)])
               for end in _DIMINUTIVES)


def find_names(text: str, extra: frozenset[str] = frozenset()) -> list[Annotation]:
    """Names of people (tag ``persoon``) as deduce finds them, and first names of ``extra``
    and in possessive or diminutive form."""
    if not _HAS_CAPITAL.search(text):
        return []  # every name pattern starts from, or needs, a capitalised word
    lists = name_lists()
    tokens = _tokens(text, lists)
    match = _Matcher(tokens, lists)
    spans: set[_Span] = set()
    for i, word in enumerate(match.texts):
        if word in lists.prefixes or word in lists.interfixes or word in lists.initials:
            for pattern, skip, tag in _PATTERNS:
                end = match.sequence(i, pattern, 1, skip)
                if end is not None:
                    spans.add((i, end, tag))
        found = False
        for trie, tag in ((lists.first_names, "voornaam"), (lists.surnames, "achternaam")):
            if trie.starts(word):
                n = trie.longest(match.texts, i)
                if n:
                    spans.add((i, i + n - 1, tag))
                    found = True
        if not found and word[:1].isupper() and word.lower() not in lists.whitelist \
                and first_name_forms(word, extra):
            spans.add((i, i, "voornaam"))
    spans = _grow(match, spans)
    # "het Carolus", "'t Hooghe Landt": a person is never "het" + a name, a school or a
    # building is (a name that starts right after "het" is an institution's)
    spans = {s for s in spans if not _after_neuter_article(match.texts, s[0])}
    chars = [(tokens[a][0], tokens[b][1], "persoon") for a, b, _tag in spans]
    chars += _possessives(text, lists)
    return [s for s in _resolve(chars) if text[s[0]:s[1]].strip()]


# A capitalised word with the possessive 's before a word in lower case ("Shurandy's broer",
# "Oksana's slaapkamer"): Dutch writes 's only after names (and a few words, which the
# list of common words holds: "Collega's", "Foto's").
_POSSESSIVE = re.compile(r"(?<![\w'’])([A-ZÀ-ÖØ-Þ][a-zß-ÿ]{2,})['’]s(?=\s+[a-zß-ÿ])")


def _possessives(text: str, lists: NameLists) -> list[Annotation]:
    return [(m.start(1), m.end(1), "persoon") for m in _POSSESSIVE.finditer(text)
            if m.group(1).lower() not in lists.whitelist]


def lowercase_first_names(text: str, start: int, end: int, extra: frozenset[str]
                          ) -> list[tuple[int, int]]:
    """First names written in lower case between ``start`` and ``end`` (a quoted chat
    message: "kijk wat kevin stuurde"): words of four letters or more that are a first name
    and not a common word."""
    lists = name_lists()
    found = []
    for m in re.finditer(r"[^\W\d_]{4,}", text[start:end]):
        word = m.group()
        if not word.islower() or word in lists.whitelist:
            continue
        # a name drawn out in a chat: "kevinnn", "ilhammm", "svenn" (a letter three times,
        # or a doubled last letter that the name does not have)
        forms = [word, re.sub(r"(.)\1{2,}$", r"\1", word), re.sub(r"(.)\1+$", r"\1", word)]
        if any(len(f) >= 3 and (f == word or f not in lists.whitelist)
               and first_name_forms(f[0].upper() + f[1:], extra) for f in dict.fromkeys(forms)):
            found.append((start + m.start(), start + m.end()))
    return found


def find_dates(text: str) -> list[Annotation]:
    return [(m.start(1), m.end(1), "datum") for pattern in _DATES for m in pattern.finditer(text)]


def annotate(text: str, extra: frozenset[str] = frozenset()) -> list[Annotation]:
    """(start, end, tag) of the names (``persoon``) and dates (``datum``) in ``text``;
    ``extra``: more first names (``voornamen.yaml``)."""
    found = _resolve([*find_names(text, extra), *find_dates(text)])
    return _merge_adjacent(text, sorted(found))


def _merge_adjacent(text: str, found: list[Annotation]) -> list[Annotation]:
    """Two names (or two dates) with only a space, a dot or a hyphen between them are one."""
    merged: list[Annotation] = []
    for span in found:
        last = merged[-1] if merged else None
        if last and last[2] == span[2] and _SLACK.fullmatch(text[last[1]:span[0]]):
            merged[-1] = (last[0], span[1], span[2])
        else:
            merged.append(span)
    return merged


def first_names() -> frozenset[str]:
    """The first names, lower case (a sentence starts with a capital anyway, so a lone
    capitalised word there is taken for a name only if it is a first name)."""
    return name_lists().first_name_words
