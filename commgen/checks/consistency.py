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
- no two sentences that contradict each other, in one document or across the documents of one
  version (``tegenstrijdig``: pairs of word lists).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from commgen.checks.findings import Finding
from commgen.foundation.concepts import ERROR
from commgen.foundation.errors import CatalogError, Problem
from commgen.foundation.formatting import DateText, format_time
from commgen.foundation.i18n import _
from commgen.foundation.yamlfile import LineDict, load_mapping

CONSISTENCY_FILE = "consistentie.yaml"
CATEGORY = "consistency"
_SECTIONS = {
    "openbaar": None,
    "niet_zeggen": ("vraag", "document", "van", "tot"),
    "dezelfde": ("personen", "update_datum", "update_tijd", "update_woorden", "dagen"),
    "herhaling": ("min_woorden",),
    "dubbel_woord": ("uitzonderingen",),
    "aanspreekvorm": ("u", "je"),
    "schoolsoort": ("vraag", "niet", "uitzonderingen"),
    "geslacht": ("tenzij", "woorden", "voornaamwoorden", "zin_over", "neutraal"),
    "openbaar_nooit": ("woorden",),
    "wacht_op_goedkeuring": ("vraag", "waarde", "woorden"),
    "beweringen": ("zinnen",),  # read by the phrasing tables' test, not at generation
    "tegenstrijdig": ("paren",),
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
    words = sorted({w.strip() for w in words if w and w.strip()}, key=len, reverse=True)
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

    def add(self, section: str, start: int, end: int, word: str) -> None:
        texts = self.rules.section(section)
        _s, _e, sentence = _sentence_around(self.text, start, end)
        self.findings.append(Finding(
            CATEGORY, ERROR, start, end, sentence,
            str(texts.get("message") or "{woord}").replace("{woord}", word),
            str(texts.get("suggestion") or "") or None, f"consistency-{section}"))

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
        finder.words("niet_zeggen", _pattern(not_said))
        finder.words("openbaar_nooit", _pattern(rules.words("openbaar_nooit", "woorden")))
        if not _approved(rules, values):
            finder.words("wacht_op_goedkeuring",
                         _pattern(rules.words("wacht_op_goedkeuring", "woorden")))
    _same(finder, rules, values, lang)
    if not document.record:
        _repeated(finder, rules)
    _doubled(finder, rules)
    _register(finder, rules, document.audience)
    _school_words(finder, rules, values)
    _gender(finder, rules, values)
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
    """The user's own "do not say" items and the quoted words in the internal list."""
    section = rules.section("niet_zeggen")
    items: list[str] = []
    extra = values.get(str(section.get("vraag") or ""))
    for item in extra if isinstance(extra, list) else [extra] if extra else []:
        item = str(item).strip().rstrip(".")
        if len(item.split()) >= 2:
            items.append(item)
    internal = next((d for d in documents if d.doc_id == section.get("document")), None)
    if internal is not None and section.get("van"):
        start = internal.text.find(str(section["van"]))
        end = internal.text.find(str(section.get("tot") or "\0"), start + 1)
        if start >= 0:
            listed = internal.text[start:end if end > start else len(internal.text)]
            items += [m.group()[1:-1].strip() for m in _QUOTED.finditer(listed)]
    return [i for i in items if i]


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


def _school_words(finder: _Finder, rules: ConsistencyRules, values: Mapping[str, Any]) -> None:
    section = rules.section("schoolsoort")
    wrong = section.get("niet")
    school_type = values.get(str(section.get("vraag") or ""))
    if not isinstance(wrong, LineDict) or not school_type:
        return
    exceptions = _pattern(rules.words("schoolsoort", "uitzonderingen"))
    text = _masked(finder.text, exceptions.finditer(finder.text)) if exceptions else finder.text
    finder.words("schoolsoort", _pattern(str(w) for w in wrong.get(school_type) or []), text)


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
    for start, end, _sentence in _sentences(text):
        part = text[start:end]
        if about.search(part):  # "de leerling", not "de leerlingen"
            for match in pronouns.finditer(part):
                finder.add("geslacht", start + match.start(), start + match.end(),
                           match.group())
