"""Do the documents of one case agree with the answers and with each other?

Checked when the documents are made (``review_documents``), on the rendered text of every
document; each finding is an error with the document and the sentence. The word lists and
the messages are data (``regels/consistentie.yaml``):

- nothing of the internal "wat zeggen we niet" list in a public document;
- contact person, spokesperson and the next update named the same way in every document;
- no sentence twice in a document, no doubled word ("gaat gaat");
- one register per document (u or je), quotations aside;
- "kinderen" at a primary school, "jongeren"/"leerlingen" at a secondary school;
- no word that reveals the pupil's gender or family, unless the answers allow it;
- no sanction words (and no "stiekem") in a public document;
- no words of consent or of sharing in trust when the image was made secretly, under pressure,
  by extortion, or is edited (``ontstaan``, keyed by the answers' values);
- no two sentences that contradict each other, in one document or across the documents of one
  version (``tegenstrijdig``: pairs of word lists);
- a sentence about the police says what the answers say (advice is no report, no
  investigation), and in a public document only with the police's approval (``politie``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from commgen.checks.findings import Finding
from commgen.foundation.concepts import AUDIENCES, ERROR, WARNING
from commgen.foundation.errors import CatalogError, Problem
from commgen.foundation.formatting import DateText, format_time
from commgen.foundation.i18n import _
from commgen.foundation.yamlfile import LineDict, load_mapping

CONSISTENCY_FILE = "consistentie.yaml"
CATEGORY = "consistency"
_SECTIONS = {
    "openbaar": None,
    "niet_zeggen": ("vraag", "document", "van", "tot", "kort", "gewoon", "altijd"),
    "dezelfde": ("personen", "update_datum", "update_tijd", "update_woorden", "dagen"),
    "herhaling": ("min_woorden",),
    "dubbel_woord": ("uitzonderingen",),
    "aanspreekvorm": ("u", "je"),
    "schoolsoort": ("vraag", "niet", "waarschuwing", "uitzonderingen", "suggestion_woord"),
    "geslacht": ("tenzij", "woorden", "voornaamwoorden", "na_voorzetsel", "zin_over",
                 "zin_begint_met", "neutraal"),
    "ontstaan": ("bij", "woorden", "uitzonderingen"),
    "openbaar_nooit": ("woorden",),
    "wacht_op_goedkeuring": ("vraag", "waarde", "woorden", "in_voorstel", "neutraal"),
    "beweringen": ("zinnen",),  # read by the phrasing tables' test, not at generation
    "tegenstrijdig": ("paren",),
    "niet_online": ("vraag", "gemeld", "woorden", "tenzij"),
    "politie": ("vraag", "goedkeuring", "politie", "feiten", "opdracht", "algemeen",
                "ontkenning", "zinnen", "neutraal", "niet_goedgekeurd", "weglaten", "echt"),
}
_TEXT_KEYS = ("message", "suggestion")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_QUOTED = re.compile(r"“[^”\n]*”|„[^”“\n]*[”“]|\"[^\"\n]*\"|‘[^’\n]*’")
_WORD = re.compile(r"\b(\w+) (\1)\b", re.IGNORECASE)  # "gaat gaat" (a tab is a column)


@dataclass(frozen=True)
class ConsistencyRules:
    data: LineDict

    def section(self, name: str) -> LineDict:
        value = self.data.get(name)
        return value if isinstance(value, LineDict) else LineDict()

    def words(self, section: str, key: str) -> list[str]:
        value = self.section(section).get(key) or []
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]

    @property
    def public(self) -> frozenset[str]:
        return frozenset(str(a) for a in self.data.get("openbaar") or [])


def load_consistency(folder: Path | None) -> ConsistencyRules | None:
    """The rules in ``folder/consistentie.yaml``; None when the foundation has none."""
    if folder is None or not (folder / CONSISTENCY_FILE).is_file():
        return None
    path = folder / CONSISTENCY_FILE
    data, problems = load_mapping(path, empty_ok=False)
    for name, value in data.items():
        keys = _SECTIONS.get(str(name), ())
        if str(name) not in _SECTIONS:
            problems.append(Problem(_("unknown key; allowed: {allowed}").format(
                allowed=", ".join(_SECTIONS)), path, data.line_of(name), str(name)))
        elif keys is None:
            if not isinstance(value, list):
                problems.append(Problem(_("'voor' lists audiences: {allowed}").format(
                    allowed="press, parents-class, parents-other"), path, data.line_of(name),
                    str(name)))
        elif not isinstance(value, LineDict):
            problems.append(Problem(_("expected a mapping (key: value lines)"), path,
                                    data.line_of(name), str(name)))
        else:
            for key in value:
                if key not in keys and key not in _TEXT_KEYS:
                    problems.append(Problem(_("unknown key; allowed: {allowed}").format(
                        allowed=", ".join((*keys, *_TEXT_KEYS))), path, value.line_of(key),
                        f"{name}.{key}"))
    if problems:
        raise CatalogError(_("The check rules cannot be used:"), problems)
    return ConsistencyRules(data)


def _pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for ``words`` (the longest first), made once per list of words: each
    document asks for the same lists again."""
    return _pattern_of(tuple(words))


@lru_cache(maxsize=512)
def _pattern_of(given: tuple[str, ...]) -> re.Pattern[str] | None:
    words = sorted({w.strip() for w in given if w and w.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+")
                                               for w in words) + r")(?!\w)", re.IGNORECASE)


def _sentences(text: str) -> Iterator[tuple[int, int, str]]:
    for match in _SENTENCE.finditer(text):
        sentence = match.group().strip()
        if sentence:
            start = match.start() + (len(match.group()) - len(match.group().lstrip()))
            yield start, start + len(sentence), sentence


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int, str]:
    for s_start, s_end, sentence in _sentences(text):
        if s_start <= start < s_end or (start <= s_start < end):
            return s_start, s_end, sentence
    return start, end, text[start:end]


def _masked(text: str, spans: Iterable[re.Match[str]]) -> str:
    """``text`` with the given spans blanked out (offsets stay the same)."""
    chars = list(text)
    for match in spans:
        chars[match.start():match.end()] = " " * (match.end() - match.start())
    return "".join(chars)


class _Finder:
    """Collects the findings of one document, with the sentence each one is in."""

    def __init__(self, rules: ConsistencyRules, text: str) -> None:
        self.rules, self.text, self.findings = rules, text, []  # type: ignore[var-annotated]

    def add(self, section: str, start: int, end: int, word: str,
            fill: Mapping[str, str] | None = None) -> None:
        texts = self.rules.section(section)
        _s, _e, sentence = _sentence_around(self.text, start, end)
        message = str(texts.get("message") or "{woord}").replace("{woord}", word)
        suggestion = str(texts.get("suggestion") or "")
        for key, value in (fill or {}).items():
            message = message.replace("{" + key + "}", value)
            suggestion = suggestion.replace("{" + key + "}", value)
        self.findings.append(Finding(CATEGORY, ERROR, start, end, sentence, message,
                                     suggestion or None, f"consistency-{section}"))

    def words(self, section: str, pattern: re.Pattern[str] | None, text: str | None = None
              ) -> None:
        if pattern is None:
            return
        for match in pattern.finditer(self.text if text is None else text):
            self.add(section, match.start(), match.end(), self.text[match.start():match.end()])


@dataclass(frozen=True)
class CaseDocument:
    doc_id: str
    audience: str
    text: str
    # A record of the case over time (timeline, evaluation): the same question or sentence
    # comes back per version by design, so repetition is no mistake there.
    record: bool = False


def consistency_findings(rules: ConsistencyRules, values: Mapping[str, Any],
                         documents: list[CaseDocument], lang: str) -> dict[str, list[Finding]]:
    """The findings per document id."""
    not_said = _not_said(rules, values, documents)
    result: dict[str, list[Finding]] = {}
    current = [d.text for d in documents if not d.record]
    for document in documents:
        found = text_findings(rules, values, document, not_said, lang, current)
        if found:
            result[document.doc_id] = found
    return result


def text_findings(rules: ConsistencyRules, values: Mapping[str, Any], document: CaseDocument,
                  not_said: list[str], lang: str, current: list[str] | None = None
                  ) -> list[Finding]:
    """The findings of the rules that read one text for its audience (``current``: the texts
    of the same version, for contradictions between documents). The review calls it per
    document, the check at a question per audience the answer reaches (``app.answercheck``):
    one set of rules, so the review finds nothing new in an answer."""
    finder = _Finder(rules, document.text)
    if not document.record and current is not None:
        _contradicting(finder, rules, current)
    if document.audience in rules.public:
        _not_said_words(finder, rules, not_said)
        finder.words("openbaar_nooit", _pattern(rules.words("openbaar_nooit", "woorden")))
        if not _approved(rules, values) and not rules.section("politie"):
            # the police sentences by their structure (``politie``) replace the word list,
            # which cannot tell "kunt u de wijkagent bellen" from a fact of the case
            finder.words("wacht_op_goedkeuring",
                         _pattern(rules.words("wacht_op_goedkeuring", "woorden")))
    _police(finder, rules, values, document.audience in rules.public)
    _not_online(finder, rules, values)
    _same(finder, rules, values, lang)
    if not document.record:
        _repeated(finder, rules)
    _doubled(finder, rules)
    _register(finder, rules, document.audience)
    _school_words(finder, rules, values, "niet")
    _gender(finder, rules, values)
    _origin(finder, rules, values)
    return sorted(finder.findings, key=lambda f: f.start)


def not_said_items(rules: ConsistencyRules, values: Mapping[str, Any]) -> list[str]:
    """The user's own "do not say" items (the internal list of a document set aside)."""
    return _not_said(rules, values, [])


def waiting_facts(rules: ConsistencyRules, values: Mapping[str, Any], text: str
                  ) -> list[Finding]:
    """The facts in one answer that wait for an approval not given yet (``wacht_op_goedkeuring``):
    raised at the answer's question when it reaches a public document. No suggestion to take
    in place of the passage: the fact is left out, or the approval recorded."""
    if _approved(rules, values):
        return []
    finder = _Finder(rules, text)
    finder.words("wacht_op_goedkeuring", _pattern(rules.words("wacht_op_goedkeuring", "woorden")))
    return [dataclasses.replace(f, suggestion=None) for f in finder.findings]


def _approved(rules: ConsistencyRules, values: Mapping[str, Any]) -> bool:
    """Whether the party whose facts wait for its approval (the police) approved the text.
    Vetted sentences are gated by their own conditions; this catches the same facts in free
    text, in every public document (a parents' letter, an update, the press)."""
    section = rules.section("wacht_op_goedkeuring")
    if not section:
        return True
    given = values.get(str(section.get("vraag") or ""))
    return str(section.get("waarde") or "") in (given if isinstance(given, list) else [given])


def _not_said(rules: ConsistencyRules, values: Mapping[str, Any],
              documents: list[CaseDocument]) -> list[str]:
    """The user's own "do not say" items (with what of each can be checked: ``_checkable``),
    the items always on the list (``altijd``) and the quoted words in the internal list."""
    section = rules.section("niet_zeggen")
    items: list[str] = []
    question = str(section.get("vraag") or "")
    extra = values.get(question)
    said = _answered_words(values, question)
    for item in extra if isinstance(extra, list) else [extra] if extra else []:
        items += _checkable(rules, str(item), said)
    always = section.get("altijd")
    items += [str(k) for k in always] if isinstance(always, (LineDict, dict, list)) else []
    internal = next((d for d in documents if d.doc_id == section.get("document")), None)
    if internal is not None and section.get("van"):
        start = internal.text.find(str(section["van"]))
        end = internal.text.find(str(section.get("tot") or "\0"), start + 1)
        if start >= 0:
            listed = internal.text[start:end if end > start else len(internal.text)]
            items += [m.group()[1:-1].strip() for m in _QUOTED.finditer(listed)]
    return list({i.casefold(): i for i in items if i}.values())


_TOKEN = re.compile(r"\w[\w'’&-]*\w|\w")


def _answered_words(values: Mapping[str, Any], skip: str) -> frozenset[str]:
    """The words of the user's own answers (the "do not say" list itself set aside): where a
    short item's ordinary word can have come from. A word only the documents' own vetted
    sentences use ("Geen namen van klassen." and "ouders van andere klassen") is not the
    user's to leave out, and would block every document."""
    words: set[str] = set()
    for key, value in values.items():
        if key == skip:
            continue
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str):
                words.update(t.casefold() for t in _TOKEN.findall(text))
    return frozenset(words)


def _checkable(rules: ConsistencyRules, item: str, said: frozenset[str] | None = None
               ) -> list[str]:
    """What of one "do not say" item a document can be checked for: the whole item (two words
    or more), its quoted words, its names (a capital not at the start, or inside a word:
    "TikTok") and, in a short item (``kort``), every word that says something (not in
    ``gewoon``) and that one of the user's own answers uses (``said``; None: every such
    word)."""
    item = item.strip().rstrip(".").strip()
    found = [item] if len(item.split()) >= 2 else []
    found += [m.group()[1:-1].strip() for m in _QUOTED.finditer(item)]
    section = rules.section("niet_zeggen")
    common = {w.casefold() for w in rules.words("niet_zeggen", "gewoon")}
    try:
        short = int(section.get("kort") or 0)
    except (TypeError, ValueError):
        short = 0
    tokens = _TOKEN.findall(item)
    for position, token in enumerate(tokens):
        if token.casefold() in common:
            continue
        named = (position > 0 and token[0].isupper()) or any(c.isupper() for c in token[1:])
        ordinary = len(tokens) <= short and (len(token) >= 3 or any(c.isdigit()
                                                                   for c in token))
        if named or (ordinary and (said is None or token.casefold() in said)):
            found.append(token)
    return found


def _not_said_words(finder: _Finder, rules: ConsistencyRules, not_said: list[str]) -> None:
    """The "do not say" items in a public text; an item always on the list brings its own
    safer sentence (``altijd``)."""
    better = rules.section("niet_zeggen").get("altijd")
    better = {str(k).casefold(): str(v) for k, v in better.items()} if isinstance(
        better, (LineDict, dict)) else {}
    before = len(finder.findings)
    finder.words("niet_zeggen", _pattern(not_said))
    for index in range(before, len(finder.findings)):
        finding = finder.findings[index]
        own = better.get(" ".join(finder.text[finding.start:finding.end].split()).casefold())
        if own:
            finder.findings[index] = dataclasses.replace(finding, suggestion=own)


def _same(finder: _Finder, rules: ConsistencyRules, values: Mapping[str, Any],
          lang: str) -> None:
    section = rules.section("dezelfde")
    roles: dict[str, set[str]] = {}
    for qid in rules.words("dezelfde", "personen"):
        person = values.get(qid)
        name, role = getattr(person, "name", ""), getattr(person, "role", "")
        if name and role:
            roles.setdefault(name, set()).add(role)
    for name, known in roles.items():
        if len(known) != 1:
            continue  # one person, two roles: either is right
        role = next(iter(known))
        for match in re.finditer(re.escape(name) + r",[ \t]*([^,.;:\n]+)", finder.text):
            if not match.group(1).strip().startswith(role):
                finder.add("dezelfde", match.start(), match.end(), match.group())
    date, time = values.get(str(section.get("update_datum"))), values.get(
        str(section.get("update_tijd")))
    days, words = rules.words("dezelfde", "dagen"), rules.words("dezelfde", "update_woorden")
    if date is None or time is None or not days:
        return
    expected = f"{DateText(date, lang).weekday} om {format_time(time, lang)}"
    moment = re.compile(r"\b(?:" + "|".join(map(re.escape, days)) + r")\b[^.\n]*? om "
                        r"\d{1,2}[:.]\d{2}", re.IGNORECASE)
    about_update = _pattern(words)
    for start, _end, sentence in _sentences(finder.text):
        if about_update is None or not about_update.search(sentence):
            continue
        for match in moment.finditer(sentence):
            if match.group() != expected:
                finder.add("dezelfde", start + match.start(), start + match.end(),
                           match.group())


def _contradicting(finder: _Finder, rules: ConsistencyRules, texts: list[str]) -> None:
    """A word of one list of a pair in this document while a word of the other list is in a
    document of the same version (this one included): the two sentences cannot both be true."""
    pairs = rules.section("tegenstrijdig").get("paren") or []
    for pair in pairs if isinstance(pairs, list) else []:
        if not (isinstance(pair, list) and len(pair) == 2):
            continue
        patterns = [_pattern(str(w) for w in side) if isinstance(side, list) else None
                    for side in pair]
        for mine, other in ((patterns[0], patterns[1]), (patterns[1], patterns[0])):
            if mine is not None and other is not None and _in_any(other, texts):
                finder.words("tegenstrijdig", mine)


# The texts of the last version asked about and, per pattern, whether one of them holds it:
# every document of a version asks the same about the same texts (one tuple, replaced whole).
_SEARCHED: list[tuple[tuple[str, ...], dict[tuple[str, int], bool]]] = [((), {})]


def _in_any(pattern: re.Pattern[str], texts: list[str]) -> bool:
    """Whether a text of ``texts`` holds ``pattern``, searched once per version."""
    last, known = _SEARCHED[0]
    these = tuple(texts)
    if last != these:
        known = {}
        _SEARCHED[0] = (these, known)
    key = (pattern.pattern, pattern.flags)
    hit = known.get(key)
    if hit is None:
        hit = known[key] = any(pattern.search(t) for t in texts)
    return hit


def _repeated(finder: _Finder, rules: ConsistencyRules) -> None:
    try:
        minimum = int(rules.section("herhaling").get("min_woorden") or 5)
    except (TypeError, ValueError):
        minimum = 5
    seen: set[str] = set()
    for start, end, sentence in _sentences(finder.text):
        key = " ".join(sentence.lower().split())
        if len(key.split()) < minimum or not sentence.endswith((".", "!", "?")):  # a name line
            continue
        if key in seen:
            finder.add("herhaling", start, end, sentence)
        seen.add(key)


def _doubled(finder: _Finder, rules: ConsistencyRules) -> None:
    allowed = {w.lower() for w in rules.words("dubbel_woord", "uitzonderingen")}
    for match in _WORD.finditer(finder.text):
        if match.group(1).lower() not in allowed and not match.group(1).isdigit():
            finder.add("dubbel_woord", match.start(), match.end(), match.group())


def _register(finder: _Finder, rules: ConsistencyRules, audience: str) -> None:
    section = rules.section("aanspreekvorm")
    for form in section.values():
        if isinstance(form, LineDict) and audience in (form.get("doelgroepen") or []):
            unquoted = _masked(finder.text, _QUOTED.finditer(finder.text))
            finder.words("aanspreekvorm", _pattern(str(w) for w in form.get("vreemd") or []),
                         unquoted)


def _school_words(finder: _Finder, rules: ConsistencyRules, values: Mapping[str, Any],
                  key: str) -> None:
    """The other school type's words (``key``: ``niet`` always, ``waarschuwing`` only in
    ``commgen check``), each with the word this school type uses."""
    section = rules.section("schoolsoort")
    wrong = section.get(key)
    school_type = values.get(str(section.get("vraag") or ""))
    if not isinstance(wrong, LineDict) or not school_type:
        return
    exceptions = _pattern(rules.words("schoolsoort", "uitzonderingen"))
    text = _masked(finder.text, exceptions.finditer(finder.text)) if exceptions else finder.text
    words = wrong.get(str(school_type)) or []
    before = len(finder.findings)
    finder.words("schoolsoort", _pattern(str(w) for w in words), text)
    right = {" ".join(str(k).split()).casefold(): str(v) for k, v in words.items()} if (
        isinstance(words, LineDict)) else {}
    own = str(section.get("suggestion_woord") or "")
    for index in range(before, len(finder.findings)):
        finding = finder.findings[index]
        word = right.get(" ".join(finder.text[finding.start:finding.end].split()).casefold())
        if word and own:  # the word this school type uses in its place
            finder.findings[index] = dataclasses.replace(
                finding, suggestion=own.replace("{goed}", word))


def _gender(finder: _Finder, rules: ConsistencyRules, values: Mapping[str, Any]) -> None:
    if values.get(str(rules.section("geslacht").get("tenzij") or "")) is True:
        return
    neutral = _pattern(rules.words("geslacht", "neutraal"))
    text = _masked(finder.text, neutral.finditer(finder.text)) if neutral else finder.text
    finder.words("geslacht", _pattern(rules.words("geslacht", "woorden")), text)
    about = _pattern(rules.words("geslacht", "zin_over"))
    pronouns = _pattern(rules.words("geslacht", "voornaamwoorden"))
    if about is None or pronouns is None:
        return
    after = _after_preposition(rules)
    opening = _opening(rules.words("geslacht", "zin_begint_met"))
    seen = {(f.start, f.end) for f in finder.findings}
    previous = False
    for start, end, _sentence in _sentences(text):
        part = text[start:end]
        current = bool(about.search(part)  # "de leerling", not "de leerlingen"
                       or (opening is not None and opening.match(part)))
        spans = [(m.start(), m.end()) for m in pronouns.finditer(part)] if current else []
        if after is not None and (current or previous):  # the next one: "Goed met haar."
            spans += [(m.start("w"), m.end("w")) for m in after.finditer(part)]
        if spans:
            for s_start, s_end in sorted(spans):
                if (start + s_start, start + s_end) not in seen:
                    seen.add((start + s_start, start + s_end))
                    finder.add("geslacht", start + s_start, start + s_end,
                               part[s_start:s_end])
        previous = current


def _opening(words: list[str]) -> re.Pattern[str] | None:
    """A sentence that begins with one of ``words``, also after a colon ("Let op: Een ...")."""
    inner = _pattern(words)
    return re.compile(r"(?:[^:]*:\s*)?" + inner.pattern, re.IGNORECASE) if inner else None


def _after_preposition(rules: ConsistencyRules) -> re.Pattern[str] | None:
    """"met haar", "voor hem": a pronoun after a preposition (``na_voorzetsel``)."""
    section = rules.section("geslacht").get("na_voorzetsel")
    if not isinstance(section, LineDict):
        return None
    prepositions = [str(w) for w in section.get("voorzetsels") or []]
    words = [str(w) for w in section.get("woorden") or []]
    if not prepositions or not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, prepositions)) + r")\s+(?P<w>"
                      + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE)


def _origin(finder: _Finder, rules: ConsistencyRules, values: Mapping[str, Any]) -> None:
    """Words of consent or of sharing in trust ("in vertrouwen", "met toestemming") when the
    answers say the image was made otherwise (``ontstaan.bij``: per question, per answer, the
    reason and a safer sentence)."""
    fill = origin_case(rules, values)
    pattern = _pattern(rules.words("ontstaan", "woorden"))
    if fill is None or pattern is None:
        return
    exceptions = _pattern(rules.words("ontstaan", "uitzonderingen"))
    text = _masked(finder.text, exceptions.finditer(finder.text)) if exceptions else finder.text
    for match in pattern.finditer(text):
        finder.add("ontstaan", match.start(), match.end(),
                   finder.text[match.start():match.end()], fill)


def _holds(condition: Any, values: Mapping[str, Any]) -> bool:
    """Whether the answers give one of the values a mapping names per question."""
    for question, wanted in condition.items() if isinstance(condition, (LineDict, dict)) else ():
        given = values.get(str(question))
        given = {str(v) for v in (given if isinstance(given, list) else [given])}
        if given & {str(w) for w in (wanted if isinstance(wanted, list) else [wanted])}:
            return True
    return False


def origin_case(rules: ConsistencyRules, values: Mapping[str, Any]) -> dict[str, str] | None:
    """The reason and the safer sentence for the first answer under ``ontstaan.bij`` that the
    answers give (how the image was made, edited material); None when none applies."""
    cases = rules.section("ontstaan").get("bij")
    for question, by_value in cases.items() if isinstance(cases, LineDict) else ():
        given = values.get(str(question))
        for value in given if isinstance(given, list) else [given]:
            entry = by_value.get(str(value)) if isinstance(by_value, LineDict) else None
            if value is not None and isinstance(entry, LineDict) and not _holds(
                    entry.get("tenzij"), values):
                return {"reden": str(entry.get("reden") or ""),
                        "beter": str(entry.get("beter") or "")}
    return None


def unapproved_suggestions(rules: ConsistencyRules, values: Mapping[str, Any],
                           findings: list[Finding]) -> list[Finding]:
    """Findings whose suggestion names a fact that waits for an approval (the police: "De
    politie is ingeschakeld; ...") get the neutral sentence instead, unless the answers say the
    approval was given (``wacht_op_goedkeuring``: ``in_voorstel``, ``neutraal``)."""
    section = rules.section("wacht_op_goedkeuring")
    named = _pattern(rules.words("wacht_op_goedkeuring", "in_voorstel"))
    if named is None or _approved(rules, values):
        return findings
    neutral = str(section.get("neutraal") or "") or None
    from commgen.checks.suggest import is_phrase

    # a sentence for a sentence only: a few words that name the police ("de wijkagent" for
    # "wijkagent Bakker") keep their place, and the fact waits for approval in its own finding
    return [dataclasses.replace(f, suggestion=neutral)
            if f.suggestion and named.search(f.suggestion) and not is_phrase(f.suggestion)
            else f for f in findings]


def _police(finder: _Finder, rules: ConsistencyRules, values: Mapping[str, Any],
            public: bool) -> None:
    """Sentences about the police in this case (a police word and a word of a kind of fact,
    not an instruction, a general rule, a denial or a question) against the answers: a fact
    the answers do not give is an error with the templates' sentence for the real one; in a
    public text any such sentence waits for the police's approval. Where the police's answer
    is not known (a public document commgen made carries it only once the police approved),
    a public text is read as not approved; an internal one is not judged."""
    section = rules.section("politie")
    police_words = _pattern(rules.words("politie", "politie"))
    kinds = section.get("feiten")
    if not section or police_words is None or not isinstance(kinds, LineDict):
        return
    known = values.get(str(section.get("vraag") or ""))
    given = None if known is None else {str(v) for v in (known if isinstance(known, list)
                                                         else [known])}
    approval = section.get("goedkeuring")
    approved = isinstance(approval, LineDict) and str(approval.get("waarde")) in [
        str(v) for v in (values.get(str(approval.get("vraag"))) or [])]
    if given is None and not public:
        return
    command = _pattern(rules.words("politie", "opdracht"))
    general = _pattern(rules.words("politie", "algemeen"))
    denial = _pattern(rules.words("politie", "ontkenning"))
    for start, end, sentence in _sentences(finder.text):
        if (sentence.endswith("?") or not police_words.search(sentence)
                or _is_instruction(sentence, command)
                or any(p is not None and p.search(sentence) for p in (general, denial))):
            continue
        said = [(str(kind), entry) for kind, entry in kinds.items() if isinstance(
            entry, LineDict) and (p := _pattern(str(w) for w in entry.get("woorden") or []))
            is not None and p.search(sentence)]
        if not said:
            continue
        if public and not approved and not (given is not None and given <= {"none"}):
            fill = {"feit": str(said[0][1].get("naam") or said[0][0]),
                    "beter": str(section.get("neutraal") or "")}
            # a fact that waits for the approval: no reason keeps it (``WAITING_RULES``)
            _police_finding(finder, section, start, end, sentence, "niet_goedgekeurd", fill,
                            "consistency-wacht_op_goedkeuring")
        elif given is not None:
            wrong = [entry for _kind, entry in said if not given & {
                str(v) for v in entry.get("bij") or []}]
            if wrong:
                _police_finding(finder, section, start, end, sentence, "message", {
                    "feit": str(wrong[0].get("naam") or ""),
                    "echt": _police_truth(section, given),
                    "beter": _police_sentence(section, given)})


def _not_online(finder: _Finder, rules: ConsistencyRules, values: Mapping[str, Any]) -> None:
    """Helpwanted (help with images online) named while the answers say the image was never
    sent or put online and nothing was reported: a warning, once per sentence; not in a
    sentence about extortion, whose advice names Helpwanted in every case."""
    section = rules.section("niet_online")
    question = str(section.get("vraag") or "")
    if not section or question not in values or values.get(question):
        return
    reported = section.get("gemeld")
    if isinstance(reported, LineDict) and {str(v) for v in values.get(
            str(reported.get("vraag")), None) or []} & {str(v) for v in reported.get(
                "waarden") or []}:
        return
    named = _pattern(rules.words("niet_online", "woorden"))
    unless = _pattern(rules.words("niet_online", "tenzij"))
    if named is None:
        return
    for start, _end, sentence in _sentences(finder.text):
        match = named.search(sentence)
        if match is None or (unless is not None and unless.search(sentence)):
            continue
        before = len(finder.findings)
        finder.add("niet_online", start + match.start(), start + match.end(), match.group())
        finder.findings[before] = dataclasses.replace(finder.findings[before],
                                                      severity=WARNING)


def _is_instruction(sentence: str, command: re.Pattern[str] | None) -> bool:
    """An instruction or advice: the sentence or a clause after ``;``/``:`` begins with a
    verb of ``opdracht`` ("Doe aangifte", "...; volg het advies van de politie")."""
    if command is None:
        return False
    return any(command.match(part.strip()) for part in re.split(r"[;:]", sentence))


def _police_truth(section: LineDict, given: set[str]) -> str:
    truth = section.get("echt")
    said = [str(truth.get(v)) for v in sorted(given)
            if isinstance(truth, LineDict) and truth.get(v)]
    return " en ".join(said) if said else ", ".join(sorted(given))


def _police_sentence(section: LineDict, given: set[str]) -> str:
    """The templates' sentences for the police's real answer; "leave it out" when none."""
    sentences = section.get("zinnen")
    found = [str(sentences.get(v)) for v in sorted(given)
             if isinstance(sentences, LineDict) and sentences.get(v)]
    return " ".join(found) if found else str(section.get("weglaten") or "")


def _police_finding(finder: _Finder, section: LineDict, start: int, end: int, sentence: str,
                    key: str, fill: Mapping[str, str], rule: str = "consistency-politie"
                    ) -> None:
    message = str(section.get(key) or "")
    suggestion = str(section.get("suggestion") or "")
    for name, value in fill.items():
        message = message.replace("{" + name + "}", value)
        suggestion = suggestion.replace("{" + name + "}", value)
    finder.findings.append(Finding(CATEGORY, ERROR, start, end, sentence, message,
                                   suggestion or None, rule))


# The rules ``commgen check`` holds any text to: facts of the case, not the house style of
# commgen's own documents (the register, the school type's words, a sentence twice, contact
# lines written "name, role"), which a text written elsewhere need not follow.
SCHOOL_WORDS = "consistency-schoolsoort"
CHECKED_EVERYWHERE = ("geslacht", "niet_zeggen", "openbaar_nooit", "wacht_op_goedkeuring",
                      "ontstaan", "politie", "niet_online")


def document_findings(rules: ConsistencyRules, values: Mapping[str, Any], text: str,
                      audience: str | None, lang: str) -> list[Finding]:
    """``commgen check``: the rules of ``CHECKED_EVERYWHERE`` that read one document's text,
    as the review reads it (``text_findings``), for the document's audience. A text whose
    readers are not known is read as a public one; an internal text is not held to the
    gender rule. Without answers (``values`` empty) nothing is
    known to be approved: a fact that waits for an approval is a warning, not an error. A text
    whose readers are known (``--audience`` or its properties) is held to their register too:
    "je" in a letter to parents (trial-check10 F16)."""
    public = sorted(rules.public)
    if audience is None and not public:
        return []
    readers = audience or ("press" if "press" in public else public[0])
    document = CaseDocument("check", readers, text, record=True)
    found = text_findings(rules, values, document, not_said_items(rules, values), lang)
    extra = _Finder(rules, text)
    _school_words(extra, rules, values, "waarschuwing")
    found += [f for f in extra.findings
              if not any((f.start, f.end) == (o.start, o.end) for o in found)]
    wanted = {f"consistency-{s}" for s in CHECKED_EVERYWHERE}
    if audience is not None:
        wanted.add("consistency-aanspreekvorm")
    if values.get(str(rules.section("schoolsoort").get("vraag") or "")):
        wanted.add(SCHOOL_WORDS)  # the case's school type is known: its words, a warning
    if audience == AUDIENCES[0]:  # the crisis team's own text
        wanted.discard("consistency-geslacht")
    found = [f for f in found if f.rule in wanted]
    found = [dataclasses.replace(f, severity=WARNING) if f.rule == SCHOOL_WORDS else f
             for f in found]
    if not values:
        found = [dataclasses.replace(f, severity=WARNING, message=f"{f.message} " + _(
            "Without --answers commgen cannot know whether that approval was given."))
            if f.rule in ("consistency-wacht_op_goedkeuring", "consistency-politie") else f
            for f in found]
    return found
