"""Run every check on one text: guarded names, detectors, names from deduce's lists, the
phrasing rules.

A finding inside an allowed passage (the school's details, the contact person, a help
resource, an expression such as "in de roos") is dropped. A phrasing finding inside quotation
marks in a sentence that says *not* to write it ("Geen oordeel, ook niet indirect (“naïef”)")
is a mention, not a use, and is dropped (the internal statement's "what we do not say" list is
made of these). The audience then sets the severity.
"""

from __future__ import annotations

import atexit
import json
import os
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from commgen.checks import detectors
from commgen.checks.allow import AllowList, phrase_spans
from commgen.checks.findings import Finding, masked
from commgen.checks.names import guarded_spans, name_tokens
from commgen.checks.narrative import ABOUT_RULE, told_about
from commgen.checks.rules import RULES_FOLDER, Rule, find_all, load_rules
from commgen.checks.settings import Settings, load_settings
from commgen.checks.spans import Disjoint, Spans
from commgen.checks.vocabulary import load_vocabulary
from commgen.foundation.concepts import DOCUMENT_LANGUAGE, ERROR, GUARDED_MASK
from commgen.foundation.resources import bundled
from commgen.questions.guard import GuardedNames

_QUOTED = re.compile(r"“[^”\n]{1,120}”|\"[^\"\n]{1,120}\"|‘[^’\n]{1,120}’|«[^»\n]{1,120}»"
                     r"|(?<![\w'])'[^'\n]{1,120}'(?![\w'])")
_SENTENCE_END = re.compile(r"[.!?\n]\s")
# Later categories give way when they overlap an earlier one: a BSN is not also a phone number.
_PRIORITY = ("id-number", "email", "url", "handle", "phone", "address", "birthdate", "age",
             "group", "name")
_EMAIL_ROLES_KEY = "functieadressen"
_HOLDS_NAMES = frozenset({"email", "url", "handle", "phone", "id-number"})
# Detectors whose findings count in another category: another school's name identifies the
# pupil as a class does; a compound with "schandaal" or "rel" is sensational wording.
_CATEGORY_OF = {"other-school": "group", "sensational-compound": "sensational"}


def snippets_folder(snippets_dir: Path | None = None) -> Path:
    return snippets_dir if snippets_dir is not None else bundled("snippets") / DOCUMENT_LANGUAGE



@dataclass
class Checker:
    """Everything one check needs, loaded once and used for many texts."""

    rules: list[Rule]
    settings: Settings
    allow: AllowList = field(default_factory=AllowList)
    guards: list[GuardedNames] = field(default_factory=list)
    audience: str | None = None
    use_deduce: bool = True
    rules_folder: Path | None = None  # its model.json: the trained check (``checks.model``)
    use_model: bool = True
    _detectors: detectors.Detectors | None = field(default=None, init=False, repr=False,
                                                   compare=False)
    # the phrasing rules' findings per line, kept between runs (``LineStore``)
    lines: LineStore | None = field(default=None, repr=False, compare=False)
    _signed_in: tuple[str, Spans] | None = field(default=None, init=False, repr=False,
                                                 compare=False)

    def for_audience(self, audience: str | None) -> Checker:
        return Checker(_rules_source(self), self.settings, self.allow, self.guards, audience,
                       self.use_deduce, self.rules_folder, self.use_model, self.lines)

    def with_allow(self, allow: AllowList) -> Checker:
        """This checker with another allow-list (``dataclasses.replace`` would load the rules:
        a run whose findings are all in the cache never needs them)."""
        return Checker(_rules_source(self), self.settings, allow, self.guards, self.audience,
                       self.use_deduce, self.rules_folder, self.use_model, self.lines)

    @property
    def detectors(self) -> detectors.Detectors:
        """The detectors compiled from the rules folder's word lists (shared, compiled once)."""
        if self._detectors is None:
            words = self.settings.vocabulary
            if words is None:  # settings made in code: the bundled word lists
                words = load_vocabulary(snippets_folder() / RULES_FOLDER)
            self._detectors = detectors.detectors_for(words)
        return self._detectors

    def check(self, text: str) -> list[Finding]:
        with _collector_paused():
            try:
                return self._check(text)
            finally:
                self._signed_in = None

    def _check(self, text: str) -> list[Finding]:
        found = self.detectors
        allowed = Spans(self.allow.spans(text) + phrase_spans(text, self.settings.allowed_phrases))
        guarded = [self._finding("guarded-name", "name", s, e, text, ERROR)
                   for s, e in guarded_spans(text, self.guards, found.interfixes)
                   if not allowed.contains(s, e)]
        annotations = self._annotations(text)
        # a school's name that holds the school's own ("Handreiking Het Baken College") is
        # the school's own
        structured = [self._finding(key, _CATEGORY_OF.get(key, key), s, e, text)
                      for key, s, e in self._structured(text, annotations)
                      if not allowed.contains(s, e)
                      and not (key == "other-school" and allowed.overlaps(s, e))]
        names = [self._finding("name", "name", s, e, text)
                 for s, e in self._names(text, annotations, allowed)]
        taken = Spans([*((f.start, f.end) for f in (*guarded, *structured, *names)
                         if f.category != "relation"),  # "ouders Kesselsen": both
                       *((s, e) for s, e, _tag in annotations)])
        names += [self._finding("name", "name", s, e, text)
                  for s, e in self._unknown_names(text, allowed, taken)]
        mentions = _Mentions(text, found.negation)
        masks = [(g.start, g.end) for g in guarded]
        phrasing = [masked(f, text, masks, GUARDED_MASK)
                    for f in find_all(self.rules, text, self._lines())
                    if not allowed.contains(f.start, f.end) and not mentions.is_mention(f)]
        kept = _resolve([*guarded, *structured, *names])
        # an address or account can hold a name in other forms ("sanne.devries@..."): a claim's
        # passage over one would show what its own finding masks (asked once per passage, in
        # logarithmic time: a long text has many of both)
        holds_names = Spans((k.start, k.end) for k in kept if k.category in _HOLDS_NAMES)
        told = [masked(self._finding(ABOUT_RULE, "speculation", s, e, text), text, masks,
                       GUARDED_MASK)
                for s, e in told_about(text, kept) if not allowed.contains(s, e)
                and not holds_names.overlaps(s, e)]
        findings = [*kept, *phrasing, *told, *self._modelled(text, allowed, phrasing, guarded)]
        findings = [self._weigh(f) for f in findings]
        return sorted(_dedupe(findings), key=lambda f: (f.start, f.end, f.category))

    def _lines(self) -> LineStore | None:
        """The line store, when it is the one of these rules (a checker made with other rules
        by ``dataclasses.replace`` searches its lines again)."""
        return self.lines if self.lines is not None and self.lines.rules is self.rules else None

    # -- sources --------------------------------------------------------------------------
    def _modelled(self, text: str, allowed: Spans, phrasing: list[Finding],
                  guarded: list[Finding]) -> list[Finding]:
        """The trained sentence check (``checks.model``), where the rules found nothing."""
        from commgen.checks.model import load_model, model_findings

        model = load_model(self.rules_folder) if self.use_model and self.rules_folder else None
        if model is None:
            return []
        assert self.rules_folder is not None
        found = model_findings(_remembered_model(model, self.rules_folder),  # type: ignore[arg-type]
                               text, self.rules, allowed, phrasing)
        return [masked(f, text, [(g.start, g.end) for g in guarded], GUARDED_MASK) for f in found]

    def _annotations(self, text: str) -> list[tuple[int, int, str]]:
        if not self.use_deduce or not text.strip():
            return []
        from commgen.checks.namefinder import annotate

        return annotate(text, self.settings.first_names)

    def _structured(self, text: str, annotations: list[tuple[int, int, str]]
                    ) -> list[detectors.Hit]:
        roles = {w.casefold() for w in self.settings.email_roles}
        found = self.detectors
        return [
            *found.find_id_numbers(text),
            *found.find_phones(text, self.allow),
            *found.find_emails(text, self.allow, roles),
            *found.find_urls(text, self.allow),
            *found.find_handles(text),
            *found.find_addresses(text),
            *found.find_birthdates(text, annotations),
            *found.find_ages(text),
            *found.find_groups(text, self.settings.not_names),
            *found.find_compounds(text),
            *self._other_schools(text),
            *[hit for hit in found.find_titled_names(text)
              if not (tokens := self._name_tokens(text[hit[1]:hit[2]]))
              or not self._allowed_name(tokens)],
        ]

    def _other_schools(self, text: str) -> list[detectors.Hit]:
        """Schools named in ``text`` that may be a pupil's: not the school's own, not the
        sender's, not one that acts as an organisation ("Het Calvijn College heeft ...", "De
        directie van de X Mavo", "contact met het Y College"), nor the one after "en" that
        acts with it ("Het Vossius Gymnasium en het Cartesius Lyceum kregen ...")."""
        found = self.detectors
        kept: list[detectors.Hit] = []
        organisation_end = -1  # the end of the last school that acts as an organisation
        for hit in found.find_schools(text):
            _, start, end = hit
            if all(t in self.allow.name_tokens or t in self.settings.institutions
                   for t in self._name_tokens(text[start:end])) or self._sender(text, start, end):
                continue
            if (_opens_sentence(text, start) and found.school_acts.match(text, end)) \
                    or found.school_with_organisation_word(text, start) \
                    or found.school_as_object(text, end) \
                    or (organisation_end >= 0
                        and _AND_ANOTHER.fullmatch(text, organisation_end, start)):
                organisation_end = end
                continue
            kept.append(hit)
        return kept

    def _allowed_name(self, tokens: list[str]) -> bool:
        """Every part of the name is one of an allowed person's; an initial counts when it
        is the first letter of an allowed part ("F. Crombach" for Femke Crombach)."""
        allowed = self.allow.name_tokens
        words = [t for t in tokens if len(t) > 1]
        return bool(words) and all(t in allowed for t in words) and all(
            any(a.startswith(t) for a in allowed) for t in tokens if len(t) == 1)

    def _sender(self, text: str, start: int, end: int) -> bool:
        """A school's name on a line of its own (the letterhead, the line under the
        signature) or in the signature block is the sender's: a letter of another school of
        the foundation names itself there. In a sentence it is another school."""
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if not line.replace(text[start:end], "", 1).strip(" \t,.:;-–"):
            return True
        return self._signed(text).overlaps(start, end)

    def _after_imperative(self, text: str, start: int, end: int) -> int:
        """Where a name starts after a verb of advice that opens the sentence ("Mail Yvonne
        gerust", "Bel Raymond", "Kies stoppen."): the verb has the sentence's capital, it is no
        part of the name (``gebiedende_wijs``). ``end`` when the passage is only that verb."""
        first = re.match(r"[^\W\d_]+", text[start:end])
        if first is None or first.group(0).casefold() not in self.detectors.imperatives \
                or not _at_sentence_start(text, start):
            return start
        rest = re.match(r"[ \t\xa0]+", text[start + first.end():end])
        return start + first.end() + rest.end() if rest else end

    def _name_tokens(self, passage: str) -> list[str]:
        found = self.detectors
        return name_tokens(passage, found.name_titles, found.interfixes)

    def _names(self, text: str, annotations: list[tuple[int, int, str]],
               allowed: Spans) -> Iterable[tuple[int, int]]:
        signed = self._signed(text)
        for start, end, tag in annotations:
            if tag != "persoon" or allowed.overlaps(start, end):
                continue
            start = self._after_imperative(text, start, end)
            if start == end:
                continue
            passage = text[start:end]
            tokens = self._name_tokens(passage)
            if not tokens or self._allowed_name(tokens):
                continue
            if self._organisation(text, end, tokens, start) or signed.overlaps(start, end):
                continue
            if passage.casefold() in self.settings.not_names:  # also "Zeeuws-Vlaanderen"
                continue
            if _a_place(text, start, passage) or _in_a_place(text, start, end):
                continue  # "in Den Hoorn", "Zoetermeer en Den Haag", "Zuid-Holland"
            if len(tokens) == 1 and (_first_identifying_word(passage, tokens).islower()
                                     or _imperative(text, start, end, self.detectors.object_words)
                                     or _surname_at_sentence_start(
                                         text, start, passage, self.settings.first_names)
                                     or _place_after_in(text, start, end, passage,
                                                        self.settings.first_names)):
                continue
            yield start, end
        yield from self._quoted_lowercase_names(text, allowed)
        yield from self._context_names(text, annotations, allowed)

    def _organisation(self, text: str, end: int, tokens: list[str],
                      start: int | None = None) -> bool:
        """"Het Baken College", "Lyceum Oost", "De GGD Hollands Noorden": a name with an
        institution word in it, right after it or right before it is no person."""
        after = re.match(r"[ \t]+([^\W\d_]+)", text[end:end + 40])
        words = {*tokens, after.group(1).casefold()} if after else set(tokens)
        if start is not None and (before := _WORD_BEFORE.search(text, max(0, start - 40), start)):
            word = before.group(1).casefold()
            if before.group(1)[0].isupper():  # "De GGD Hollands Noorden", not "de school Tygo"
                words.add(word)
            elif word in self.settings.institutions and not word.endswith("school"):
                return True  # "het sociaal wijkteam Haven" (not "Ik app Sanne": a verb)
        return bool(words & self.settings.institutions)

    def _signed(self, text: str) -> Spans:
        """The signature lines of ``text``, found once per text (every school's name in a
        long text asks: searching the whole text each time made the check quadratic)."""
        known = self._signed_in
        if known is None or known[0] is not text:
            known = self._signed_in = (text, Spans(self._signatures(text)))
        return known[1]

    def _signatures(self, text: str) -> list[tuple[int, int]]:
        """The lines under a closing ("Met vriendelijke groet,"): the name of whoever signs
        the letter, also when the school is not known to the check."""
        if not self.settings.closings:
            return []
        body = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in self.settings.closings)
        pattern = re.compile(rf"(?:{body})[ \t]*,?[ \t]*\n(?:[ \t]*\n)*([^\n]{{1,80}})"
                             r"(?:\n([^\n]{1,80}))?", re.IGNORECASE)
        return [(m.start(1), m.end(m.lastindex or 1)) for m in pattern.finditer(text)]

    def _context_names(self, text: str, annotations: list[tuple[int, int, str]],
                       allowed: Spans) -> Iterable[tuple[int, int]]:
        """A name no list knows, from where it stands: "Stiefvader van Djeniffer", "Wie kent
        die Rezan van de fotocommissie?" (``persoon_van``). Not a place (deduce's places), a
        common word, an institution, an allowed person or a name already found."""
        from commgen.checks.namefinder import name_lists, place_names

        found = Spans((s, e) for s, e, tag in annotations if tag == "persoon")
        for match in self.detectors.person_context.finditer(text):
            group = "n" if match.group("n") is not None else "m"
            start, end = match.span(group)
            word = match.group(group).casefold()
            if found.overlaps(start, end) or allowed.overlaps(start, end) \
                    or word in name_lists().whitelist or word in self.settings.not_names \
                    or word in self.settings.institutions or word in self.allow.name_tokens \
                    or any(part in place_names() for part in (word, word.split("-")[0])):
                continue
            yield start, end

    def _unknown_names(self, text: str, allowed: Spans, taken: Spans
                       ) -> Iterable[tuple[int, int]]:
        """A capitalised word that is no Dutch word (``woordenlijst.txt`` and
        ``woordenlijst-eigen.txt``), no place, platform, brand or institution and no allowed
        person's: a name no list holds ("het gaat om Shurayne uit 3K2", "de jongen van
        Nowak"); at the start of a sentence also no form of a word ("Eén", "Problematiseer",
        "Nepbeelden": ``_a_word_form``). Not after "de", "in", "zijn" (``geen_naam_na``: a
        street, a building, a town, a thing), after an organisation's word ("het stadsdeel Escamp",
        ``organisatie_voor_naam``) or a thing's before "van" ("de website van
        Slachtofferwijzer", ``geen_persoon_van``); not beside a capitalised Dutch word (a title
        or an organisation: "Social Media Wijzer"), nor in a list with a platform or brand
        ("Roblox, Discord en Fortnite")."""
        if not self.use_deduce or not _CAPITAL.search(text):
            return
        from commgen.checks.lexicon import load_lexicon
        from commgen.checks.namefinder import name_lists, place_names

        lexicon = load_lexicon(self.rules_folder or snippets_folder() / RULES_FOLDER)
        if lexicon is None:
            return
        found, lists = self.detectors, name_lists()
        institutions = self.settings.institutions

        def a_thing(word: str) -> bool:
            """A Dutch word, a place, a platform or brand, an institution."""
            key = word.casefold()
            if key in lexicon or key in lists.whitelist or key in place_names() \
                    or key in found.brands or key in institutions \
                    or key in self.settings.not_names or _compound(key, lexicon):
                return True
            platform = found.platform_start.match(key)  # "Instagramaccount", "Robloxchat"
            return platform is not None and (platform.end() == len(key)
                                             or key[platform.end():].lstrip("-") in lexicon)

        def a_title_word(word: str | None) -> bool:  # "Media" in "Social Media Wijzer"
            return word is not None and word[:1].isupper() and a_thing(word) \
                and word not in lists.surnames.words and word not in lists.first_names.words

        def a_sibling(word: str | None) -> bool:  # "Roblox" in "Discord, Fortnite en Roblox"
            if word is None:
                return False
            key = word.casefold()  # "samen met Altrecht en het buurtteam"
            return key in institutions or key in found.organisation_before or (
                word[:1].isupper() and a_thing(word) and word not in lists.first_names.words)

        for match in _UNKNOWN_CANDIDATE.finditer(text):
            start, end = match.span()
            word = match.group()
            if not word[0].isupper() or not word[1:].replace("-", "").islower():
                continue  # lower case, or an acronym or brand ("GGD", "WhatsApp")
            if taken.overlaps(start, end) or allowed.overlaps(start, end):
                continue
            key = word.casefold()
            if _at_sentence_start(text, start) and _a_word_form(key, lexicon):
                continue
            if a_thing(word) or a_thing(key.split("-")[0]) \
                    or key.endswith(found.street_ends) or key.endswith(found.place_ends):
                continue
            before = _WORD_OR_ABBREVIATION_BEFORE.search(text, max(0, start - 40), start)
            previous = before.group(1) if before else None
            if previous is not None and (previous.casefold() in found.no_name_after
                                         or previous.casefold() in found.organisation_before
                                         or previous.casefold() in institutions
                                         or (len(previous) > 1 and previous.isupper())):
                continue  # "MIND Korrelatie", "het Samenwerkingsverband VO Parkstad"
            if previous == "van" and before is not None:
                owner = _WORD_OR_ABBREVIATION_BEFORE.search(text, max(0, before.start() - 40),
                                                            before.start())
                if owner is not None and (owner.group(1).casefold() in found.thing_of
                                          or owner.group(1).casefold() in institutions):
                    continue
            after = _WORD_AFTER.match(text, end)
            opener = before is not None and _at_sentence_start(text, before.start(1))
            if a_title_word(after.group(1) if after else None) \
                    or (a_title_word(previous) and not opener):  # "Ook Oyelaran heeft ..."
                continue
            if self._signed(text).overlaps(start, end):
                continue  # the signer's name under "Met vriendelijke groet,"
            if a_sibling(_list_neighbour(text, start, end)):
                continue
            tokens = self._name_tokens(word)
            if not tokens or self._allowed_name(tokens) or self._organisation(text, end, tokens,
                                                                                start):
                continue
            yield start, end

    def _quoted_lowercase_names(self, text: str, allowed: Spans) -> Iterable[tuple[int, int]]:
        """In a quoted chat message names are often written in lower case ("kijk wat kevin
        stuurde"), and in a note or chat line that starts in lower case ("ff checken: gaat
        dit over nadia b"); there a first name counts in lower case too."""
        if not self.use_deduce:
            return
        from commgen.checks.namefinder import lowercase_first_names

        informal = [*(q.span() for q in _QUOTED.finditer(text)), *_informal_sentences(text)]
        for quote_start, quote_end in informal:
            for start, end in lowercase_first_names(text, quote_start, quote_end,
                                                    self.settings.first_names):
                # the contact person's first name in a quick note ("bellen met anouk") is
                # hers, as it is with a capital
                if text[start:end] not in self.settings.not_names \
                        and not allowed.overlaps(start, end) \
                        and not self._allowed_name(self._name_tokens(text[start:end])):
                    yield start, end

    # -- shaping --------------------------------------------------------------------------
    def _finding(self, key: str, category: str, start: int, end: int, text: str,
                 level: str = ERROR) -> Finding:
        texts = self.settings.text(key)
        # A guarded name is never shown, not even in the report that finds it.
        passage = GUARDED_MASK if key == "guarded-name" else text[start:end]
        return Finding(category, level, start, end, passage, texts.message, texts.suggestion,
                       key)

    def _weigh(self, finding: Finding) -> Finding:
        if finding.rule == "guarded-name":
            return finding
        return finding.with_severity(
            self.settings.level(self.audience, finding.category, finding.severity))


class RulesOnDemand:
    """The phrasing rules of a folder, loaded when a check first needs them: a run whose
    texts' findings are all in the cache (``ResultCache``) never searches with them, and
    loading them (parsing the rule files, building each rule's index) was a tenth of a warm
    ``commgen generate``. Loaded once for every checker that shares this source."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._rules: list[Rule] | None = None

    def get(self) -> list[Rule]:
        if self._rules is None:
            self._rules = _loaded_rules(self.folder)
        return self._rules


def _resolved(owner: Any) -> list[Rule]:
    value = owner.__dict__["_rules"]
    if isinstance(value, RulesOnDemand):
        value = owner.__dict__["_rules"] = value.get()
    return value  # type: ignore[no-any-return]


def _set_rules(owner: Any, value: list[Rule] | RulesOnDemand) -> None:
    owner.__dict__["_rules"] = value


def _rules_source(owner: Any) -> Any:
    """The rules as given (a list, or a ``RulesOnDemand`` not loaded yet)."""
    return owner.__dict__["_rules"]


# ``Checker.rules`` (a dataclass field: ``Checker(rules, ...)``, ``replace(checker, rules=...)``)
# is a list once asked for; given a ``RulesOnDemand``, it is loaded then.
Checker.rules = property(_resolved, _set_rules)  # type: ignore[assignment]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off during one check: a long text makes hundreds of
    thousands of objects (matches, findings, tokens), none in a cycle, and every collection
    walks all that live at the time (512 KB took 1.96 times the CPU of 256 KB with it, 1.73
    without). What a check leaves is freed by reference counting; the collector runs again
    after it."""
    import gc

    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


_NOT_SAID = re.compile(
    r"\b(?:(?:wij|we|de\s+school|niemand)\s+(?:zeggen|zegt|noemen|noemt|schrijven|schrijft)"
    r"\s+(?:niet|nooit)|(?:zeggen|noemen|schrijven)\s+(?:wij|we)\s+(?:niet|nooit))"
    r"(\s+(?:dat|of)\b[^.;:!?\n,]{0,100})", re.IGNORECASE)


# No sanction for anyone of a kind (round 19): "Uw kind wordt niet gestraft omdat ...", "Wie
# meldt dat hij iets ontving, krijgt daar nooit straf voor", "Een kind jonger dan twaalf kan niet
# strafrechtelijk worden vervolgd": a reassurance for all, no claim about a pupil's case.
_NO_SANCTION = re.compile(
    r"(?:^|(?<=[.!?;:\n])[ \t]*)(?:een\s+kind|uw\s+kind|je\s+kind|jouw\s+kind|kinderen|wie|"
    r"niemand|leerlingen|jongeren)\b[^.!?;\n]{0,80}?\b(?:niet|nooit|geen)\b[^.!?;,\n]{0,40}?"
    r"\b(?:straf\w*|gestraft|vervolgd|strafbaar|strafrechtelijk\w*)[^.!?;,\n]{0,30}",
    re.IGNORECASE | re.MULTILINE)
_SANCTION_CATEGORIES = frozenset({"legal-term", "speculation"})


class _Mentions:
    """Quoted passages in a sentence that says not to write them ("Geen oordeel (“naïef”)"):
    a phrasing finding there is a mention, not a use. Quotes and sentence ends are found once
    per text."""

    def __init__(self, text: str, negation: re.Pattern[str]) -> None:
        self.text, self.negation = text, negation
        self.quotes = [m.span() for m in _QUOTED.finditer(text)]
        self.starts = [s for s, _e in self.quotes]
        self.sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        self.negated: dict[int, bool] = {}
        # what the school says it does not say ("Wij zeggen niet dat een leerling naïef is"),
        # to the end of that clause
        self.not_said = [m.span(1) for m in _NOT_SAID.finditer(text)]
        self.no_sanction = [m.span() for m in _NO_SANCTION.finditer(text)]

    def is_mention(self, finding: Finding) -> bool:
        if any(s <= finding.start and finding.end <= e for s, e in self.not_said):
            return True
        if finding.category in _SANCTION_CATEGORIES and any(
                s <= finding.start and finding.end <= e for s, e in self.no_sanction):
            return True
        i = bisect_right(self.starts, finding.start) - 1
        if i < 0 or finding.end > self.quotes[i][1]:
            return False
        if i not in self.negated:
            quote_start = self.quotes[i][0]
            j = bisect_right(self.sentence_ends, quote_start) - 1
            sentence = self.text[self.sentence_ends[j] if j >= 0 else 0:quote_start]
            self.negated[i] = bool(self.negation.search(sentence))
        return self.negated[i]


_INFORMAL = re.compile(r"(?:^|(?<=[.!?\n]))[ \t]*[^\w\n]*[a-zß-ÿ][^.!?\n]*", re.MULTILINE)


def _informal_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences that start with a lower-case letter: chat lines and notes ("ff checken:
    gaat dit over nadia b uit 1C?")."""
    return [m.span() for m in _INFORMAL.finditer(text)]


def _first_identifying_word(passage: str, tokens: list[str]) -> str:
    """The passage's word for its first identifying token ("Özdemir" in "meneer Özdemir")."""
    from commgen.questions.guard import normalise

    for word in re.findall(r"[^\W\d_][\w'’\-]*", passage):
        if normalise(word) == tokens[0]:
            return word
    return passage


def _imperative(text: str, start: int, end: int, object_words: re.Pattern[str]) -> bool:
    """A single capitalised word at the start of a sentence, followed by an object
    ("Prijs uw kind", "Verwijs journalisten": the words are ``na_gebiedende_wijs``)."""
    return _at_sentence_start(text, start) and bool(object_words.match(text, end))


def _opens_sentence(text: str, start: int) -> bool:
    """``start`` opens its sentence, alone or after an article ("Het Poelcollege en ...")."""
    article = _ARTICLE_BEFORE.search(text, max(0, start - 12), start)
    start = article.start() if article else start
    adverb = _ADVERB_BEFORE.search(text, max(0, start - 14), start)  # "Ook het X College"
    return _at_sentence_start(text, adverb.start() if adverb else start)


_ARTICLE_BEFORE = re.compile(r"(?:(?:\b(?:[Hh]et|[Dd]e)|'t)[ \t]+(?:(?:Sint|St\.?)-)?"
                             r"|\b(?:Sint|St\.?)-)\Z")
_WORD_BEFORE = re.compile(r"\b([^\W\d_]+)[ \t]+\Z")
_ADVERB_BEFORE = re.compile(r"\b(?:Ook|Daarnaast|Verder|Zelfs|Inmiddels)[ \t]+\Z")
_WORD_OR_ABBREVIATION_BEFORE = re.compile(r"(?:^|(?<=[^\w'’]))([\w'’]+\.?)[ \t]+\Z")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_ITEM_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)(?:[ \t]*,|[ \t]+(?:en|of))[ \t]+\Z")
_ITEM_AFTER = re.compile(r"(?:[ \t]*,|[ \t]+(?:en|of))[ \t]+(?:(?:het|de)[ \t]+)?"
                         r"([^\W\d_][\w'’-]*)")


def _compound(word: str, lexicon: Any) -> bool:
    """Dutch words of three letters or more, with or without a linking s or e between
    ("Sinterklaasverhaal", "Tekstmetstuur"): a compound, no name. Only in a word of ten letters
    or more: short names split into short words ("Tong|tong", "Klei|kers"); a name no list
    holds is seldom made of Dutch words (the lists hold the Dutch surnames that are)."""
    return len(word) >= 10 and _splits(word, lexicon, 3)


def _splits(word: str, lexicon: Any, depth: int) -> bool:
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if not (head in lexicon or (len(head) > 3 and head[-1] in "se"
                                    and head[:-1] in lexicon)):
            continue
        if tail in lexicon or (depth > 1 and len(tail) >= 6 and _splits(tail, lexicon,
                                                                         depth - 1)):
            return True
    return False


def _a_word_form(key: str, lexicon: Any) -> bool:
    """At the start of a sentence any word has a capital: a Dutch word also without its
    accents ("Eén"), a verb's stem ("Problematiseer"), a plural or compound of words
    ("Nepbeelden", "Gamechats") is no name there."""
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFD", key)
                    if unicodedata.category(c) != "Mn")
    if plain in lexicon or key + "en" in lexicon or key + "n" in lexicon \
            or (key.endswith("s") and key[:-1] in lexicon):
        return True
    # "Problematiseer" (problematiseren), "Consensuele" (consensueel): a long vowel written
    # once or twice
    if re.sub(r"([aeou])\1([^aeiou])$", r"\1\2", key) + "en" in lexicon \
            or (key.endswith("e") and re.sub(r"([aeou])([^aeiou])$", r"\1\1\2", key[:-1])
                in lexicon):
        return True
    for cut in range(3, len(key) - 2):
        tail = key[cut:]
        if key[:cut] in lexicon and (tail in lexicon or tail.rstrip("s") in lexicon
                                     or (tail.endswith("en") and tail[:-2] in lexicon)):
            return True
    return False


def _list_neighbour(text: str, start: int, end: int) -> str | None:
    """The item before or after a word in a list ("Discord" for "Roblox" in "Roblox en
    Discord"), the one before first when it has a capital."""
    before = _ITEM_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and before.group(1)[:1].isupper():
        return before.group(1)
    after = _ITEM_AFTER.match(text, end)
    return after.group(1) if after else None
# a capitalised word of three letters or more, not inside an address, a handle or a link
_UNKNOWN_CANDIDATE = re.compile(r"(?<![\w@#/\\.'’-])[^\W\d_]{3,}(?:-[^\W\d_]{2,})*"
                                r"(?![\w@/'’-]|\.\w)")
_PLACE_BEFORE = re.compile(r"\b(?:in|uit|vanuit|naar|rond|nabij|richting|te)[ \t]+\Z",
                           re.IGNORECASE)


def _a_place(text: str, start: int, passage: str) -> bool:
    """A name that is one of deduce's places after "in", "uit", "naar" ("in Den Hoorn",
    "vanuit Den Helder"); without that a place can be a person's name ("Rechercheur De Boer",
    "Born")."""
    from commgen.checks.namefinder import place_names

    return passage.casefold() in place_names() \
        and _PLACE_BEFORE.search(text, max(0, start - 12), start) is not None


_WORD_CHARS = re.compile(r"[\w'’-]*")
_WORD_CHARS_END = re.compile(r"[\w'’-]*\Z")


def _in_a_place(text: str, start: int, end: int) -> bool:
    """A part of a hyphenated place ("Holland" in "Zuid-Holland"), or a place in a list with
    another place ("zoals Zoetermeer en Den Haag")."""
    from commgen.checks.namefinder import place_names

    places = place_names()
    # (in a window: a search over all of text[:start] would make a long text's check quadratic)
    word = _WORD_CHARS.match(text, start).group()  # type: ignore[union-attr]
    whole = _WORD_CHARS_END.search(text, max(0, start - 60), start).group() + word  # type: ignore[union-attr]
    if "-" in whole and whole.casefold() in places:
        return True
    neighbour = _list_neighbour(text, start, end)
    return text[start:end].casefold() in places and neighbour is not None \
        and neighbour.casefold() in places


def _at_sentence_start(text: str, start: int) -> bool:
    """Nothing but list marks and quotes between ``start`` and the end of the sentence before
    (looked for in the 200 characters before, so the cost does not grow with the text)."""
    before = text[max(0, start - 200):start].rstrip(" \t“\"‘'(-•*–")  # a list item too
    return not before or before[-1] in ".!?:;\n"


def _surname_at_sentence_start(text: str, start: int, passage: str,
                               extra: frozenset[str]) -> bool:
    """"Punt twee." is not a name: at the start of a sentence only first names count (in
    deduce's list or ``voornamen.yaml``, also possessive or diminutive)."""
    return _at_sentence_start(text, start) and " " not in passage \
        and not _first_name(passage, extra)


def _first_name(passage: str, extra: frozenset[str]) -> bool:
    """A first name of deduce's list or ``voornamen.yaml``, also possessive or diminutive."""
    from commgen.checks.namefinder import first_name_forms, first_names

    return passage.casefold() in first_names() or first_name_forms(passage, extra)


# Between two schools that act together: "Het Vossius Gymnasium en het Cartesius Lyceum".
_AND_ANOTHER = re.compile(r"(?:[ \t]+in[ \t]+[A-Z][\w'’-]+)?[ \t]*,?[ \t]+(?i:en)[ \t]+"
                          r"(?:(?i:van|met|bij)[ \t]+)?(?:(?i:het|de|'t)[ \t]+)?")
_AFTER_IN = re.compile(r"(?<![\w-])in\s+\Z", re.IGNORECASE)
_OWNED = re.compile(r"(?:['’]s\b|\s+(?:zijn|haar|z'n|z’n)\b)")


def _place_after_in(text: str, start: int, end: int, passage: str,
                    extra: frozenset[str]) -> bool:
    """"Het Calvijn College in Middelburg": one word after "in" that is no first name is a
    town (a person is "bij" or "met" someone, not "in" him); "in Sanne's klas" and "in Bakker
    zijn klas" are theirs."""
    return " " not in passage and _AFTER_IN.search(text, max(0, start - 12), start) is not None \
        and not _OWNED.match(text, end) and not _first_name(passage, extra)


def _resolve(findings: list[Finding]) -> list[Finding]:
    """Guarded names first, then the structured categories in priority order, then names."""
    rank = {c: i for i, c in enumerate(_PRIORITY)}
    ordered = sorted(findings, key=lambda f: (f.rule != "guarded-name",
                                              rank.get(f.category, 99), f.start - f.end))
    kept: list[Finding] = []
    taken, groups, named = Disjoint(), Disjoint(), Disjoint()
    for finding in ordered:  # groups come before names in this order
        # A teacher's name in a class name ("de klas van juf Demi") is both: the name stays;
        # so is a person's in an address ("woont bij Hodan").
        if finding.category == "name" and finding.rule != "guarded-name" \
                and groups.overlaps(finding.start, finding.end):
            if named.add(finding.start, finding.end):
                kept.append(finding)
        elif taken.add(finding.start, finding.end):
            kept.append(finding)
            # "woont bij Hodan", "onderwijsnummer noor: 1036.58.221", "geboortedatum jente:
            # 22-09-2014": both (the label of a number or a date can hold the name)
            if finding.category in ("group", "address", "id-number", "birthdate"):
                groups.add(finding.start, finding.end)
    return kept


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per category and passage: the longest of overlapping ones. A claim about a
    person (``about-pupil``) never takes the place of a rule's finding inside it ("volgens mij"
    in "heeft het volgens mij zelf verstuurd"): the answer checks leave the claim out (the name
    stops the answer), and the rule's finding must stay."""
    def key(f: Finding) -> tuple[str, bool]:
        return f.category, f.rule == ABOUT_RULE

    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (*key(f), f.start, -(f.end - f.start))):
        last = kept[-1] if kept else None
        if last and key(last) == key(finding) and finding.start < last.end:
            continue
        kept.append(finding)
    return kept


def make_checker(audience: str | None = None, guards: Iterable[GuardedNames] = (),
                 allow: AllowList | None = None, snippets_dir: Path | None = None) -> Checker:
    """Load the rules and settings; add the help resources to the allow-list."""
    folder = snippets_folder(snippets_dir)
    allow = allow or AllowList()
    allow.add_resources(folder)
    rules = RulesOnDemand(folder / RULES_FOLDER)
    return Checker(rules, load_settings(folder / RULES_FOLDER), allow,  # type: ignore[arg-type]
                   [g for g in guards if g], audience, rules_folder=folder / RULES_FOLDER,
                   lines=LineStore(rules))


_LOADED: dict[Path, tuple[tuple[tuple[str, int, int], ...], list[Rule]]] = {}


def _loaded_rules(folder: Path) -> list[Rule]:
    """``load_rules(folder)``, once per process while the folder's files stay as they are (a
    generate run makes two checkers: one for the answers, one for the documents)."""
    try:
        signature = tuple(sorted((str(p), s.st_mtime_ns, s.st_size) for p in folder.rglob("*")
                                 for s in (p.stat(),)))
    except OSError:
        return load_rules(folder)
    known = _LOADED.get(folder)
    if known is not None and known[0] == signature:
        return list(known[1])
    rules = load_rules(folder)
    _LOADED[folder] = (signature, rules)
    return list(rules)


class SealedStore:
    """Results for pieces of text (a line, a sentence) that only the piece and a stamp decide,
    kept in the user cache between runs: the vetted sentences of the templates and snippets
    are the same in every case, so a new case's documents are mostly pieces an earlier run
    has worked on.

    One file per ``kind`` and stamp (the stamp: everything a result depends on besides the
    piece); in it an entry per piece, named by one hash of the stamp and the piece and
    encrypted with a key that is another (``foundation.cache.sealed``): the file shows
    nothing of a text to someone who does not hold the piece already. Read once, on the first
    look-up; written when the process ends (``save_stores``), merged with what another
    process wrote meanwhile, the oldest entries dropped beyond ``LIMIT``."""

    LIMIT = 40_000

    def __init__(self, kind: str, stamp: Callable[[], bytes]) -> None:
        self.kind = kind
        self._stamp_of = stamp
        self._stamp: bytes | None = None
        self._stored: dict[bytes, bytes] | None = None
        self._new: dict[bytes, bytes] = {}

    def get(self, piece: str) -> Any:
        """The value kept for ``piece``, or None."""
        from commgen.foundation.cache import sealed

        name, secret = self._names(piece)
        if self._stored is None:
            from commgen.foundation.cache import get

            self._stored = _stored_entries(get(self._path()))
        value = self._stored.get(name)
        if value is None:
            return None
        try:
            return json.loads(sealed(value, secret))
        except ValueError:
            return None

    def put(self, piece: str, value: Any) -> None:
        from commgen.foundation.cache import sealed

        name, secret = self._names(piece)
        self._new[name] = sealed(json.dumps(value, ensure_ascii=False).encode("utf-8"), secret)
        _UNSAVED[id(self)] = self

    def save(self) -> None:
        """Write the new entries, merged with the file as it is now."""
        if not self._new:
            return
        import marshal

        from commgen.foundation.cache import get, put

        path = self._path()
        merged = _stored_entries(get(path))
        for name in self._new:
            merged.pop(name, None)  # to the end: the newest
        merged.update(self._new)
        if len(merged) > self.LIMIT:
            merged = dict(list(merged.items())[len(merged) - self.LIMIT:])
        put(path, marshal.dumps(merged))
        self._new = {}

    def _path(self) -> Path:
        from commgen.foundation.cache import entry

        return entry(self.kind, self._stamp_bytes().hex())

    def _stamp_bytes(self) -> bytes:
        if self._stamp is None:
            self._stamp = self._stamp_of()
        return self._stamp

    def _names(self, piece: str) -> tuple[bytes, bytes]:
        import hashlib

        data = self._stamp_bytes() + piece.encode("utf-8", "surrogatepass")
        return (hashlib.sha256(b"commgen-piece-name\0" + data).digest()[:20],
                hashlib.sha256(b"commgen-piece-key\0" + data).digest())


def _code_stamp(digest: Any, modules: Iterable[str]) -> None:
    """Add the code that computes a stored result (each module's size and time)."""
    import importlib

    for name in modules:
        source = importlib.import_module(name).__file__ or ""
        info = os.stat(source)
        digest.update(f"\0{source}:{info.st_size}:{info.st_mtime_ns}".encode())


def _code_contents(digest: Any, modules: Iterable[str]) -> None:
    """Add the source of the code that computes a stored result."""
    import importlib

    for name in modules:
        source = importlib.import_module(name).__file__ or ""
        with open(source, "rb") as file:
            digest.update(b"\0" + file.read())


class Vetted:
    """The phrasing rules' findings per line and the model's scores per sentence of the
    vetted text that every case's documents hold (the templates' and sentences' own lines:
    headings, help resources, the closing), made by ``tools/build_vetted.py`` from the
    samples' documents and shipped as ``vetted.json`` beside this module. A line is in it
    only when the documents of two samples or more hold it and it has no digit and no answer
    of any sample, so it is no case's own text. Each part is used only while its stamp (the
    rules, the model and the code that computes, by content) is the current one: after a
    rule changed, the lines are searched again (and ``tests/test_vetted.py`` asks for a
    rebuild). ``recorded``, when not None, collects what a run computed (the build tool)."""

    FILE = Path(__file__).with_name("vetted.json")
    FORMAT = 1

    def __init__(self) -> None:
        self._data: dict[str, Any] | None = None
        self.recorded: dict[str, dict[str, Any]] | None = None

    def entries(self, part: str, stamp: Callable[[], str]) -> dict[str, Any]:
        """The entries of ``part`` ("lines" or "scores") when made with ``stamp()``, else
        none (the caller keeps them: the stamp is computed once per store)."""
        if self.recorded is not None:
            return {}
        section = self._read().get(part)
        if isinstance(section, dict) and isinstance(section.get("entries"), dict):
            try:
                if section.get("stamp") == stamp():
                    return section["entries"]  # type: ignore[no-any-return]
            except OSError:
                pass
        return {}

    def record(self, part: str, piece: str, value: Any) -> None:
        if self.recorded is not None:
            self.recorded.setdefault(part, {})[piece] = value

    def _read(self) -> dict[str, Any]:
        if self._data is None:
            self._data = {}
            try:
                data = json.loads(self.FILE.read_bytes())
            except (OSError, ValueError):
                return self._data
            if isinstance(data, dict) and data.get("format") == self.FORMAT:
                self._data = data
        return self._data


VETTED = Vetted()


class LineStore(dict):  # type: ignore[type-arg]
    """The phrasing rules' findings per line of a text (``rules.find_all``'s ``lines``: a
    rule's match never spans a paragraph, so a line's findings are its own), kept between
    runs in a ``SealedStore`` keyed by every rule's name, texts and patterns and the code
    that searches. For one list of rules, as they were when it was first used (a list
    changed in place afterwards needs a new store)."""

    KIND = "check-lines"

    def __init__(self, rules: list[Rule] | RulesOnDemand) -> None:
        super().__init__()
        self.rules = rules  # type: ignore[assignment]
        self.store = SealedStore(self.KIND, self._rules_stamp)
        self._vetted: dict[str, Any] | None = None

    def get(self, line: str, default: object = None) -> object:  # type: ignore[override]
        found = dict.get(self, line)
        if found is not None:
            return found
        found = self._findings(self.store.get(line))
        if found is None:  # a vetted line of the templates and sentences (``VETTED``)
            if self._vetted is None:
                self._vetted = VETTED.entries("lines", self._content_stamp)
            found = self._findings(self._vetted.get(line))
        if found is None:
            return default
        dict.__setitem__(self, line, found)
        return found

    def __setitem__(self, line: str, found: list[list[Finding]]) -> None:
        dict.__setitem__(self, line, found)
        rows = [[_row(f) for f in per_rule] for per_rule in found]
        self.store.put(line, rows)
        VETTED.record("lines", line, rows)

    rules = property(_resolved, _set_rules)

    def _findings(self, rows: Any) -> list[list[Finding]] | None:
        if not isinstance(rows, list) or len(rows) != len(self.rules):
            return None
        found = []
        for per_rule in rows:
            findings = _findings_from(per_rule)
            if findings is None:
                return None
            found.append(findings)
        return found

    def _rules_stamp(self) -> bytes:
        """Everything a line's findings depend on: each rule as compiled (its texts, its
        patterns and their flags, the keys of its index) and the code that searches (its
        modules' sizes and times)."""
        digest = self._rules_digest()
        _code_stamp(digest, _SEARCH_CODE)
        return digest.digest()

    def _content_stamp(self) -> str:
        """``_rules_stamp`` with the code's contents instead of its files' times: the same
        on every computer with the same rules and code (the stamp of ``VETTED``'s lines)."""
        digest = self._rules_digest()
        _code_contents(digest, _SEARCH_CODE)
        return digest.hexdigest()

    def _rules_digest(self) -> Any:
        import hashlib

        digest = hashlib.sha256()
        for rule in self.rules:
            keys = rule.keys
            digest.update(json.dumps([
                rule.name, rule.kind, rule.category, rule.level, rule.message,
                rule.suggestion, rule.pattern.pattern, rule.pattern.flags, rule.swaps,
                *((rule.exceptions.pattern, rule.exceptions.flags) if rule.exceptions
                  else (None, None)),
                *((sorted(keys.words), sorted(keys.starts),
                   keys.rest.pattern if keys.rest else None) if keys else (None,) * 3),
            ], ensure_ascii=False).encode("utf-8", "surrogatepass"))
        return digest


class _RememberedScores:
    """The trained check's model, its sentence scores remembered (in the process, and between
    runs in a ``SealedStore`` keyed by the model file and the code that scores): a score is
    the model's and the sentence's alone."""

    KIND = "check-scores"

    def __init__(self, model: Any, path: Path) -> None:
        self._model = model
        self._path = path
        self._kept: dict[str, Any] = {}
        self.store = SealedStore(self.KIND, self._stamp)
        self._vetted: dict[str, Any] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)

    def scores(self, text: str) -> list[float]:
        return self._remembered("s\0" + text, lambda: self._model.scores(text))

    def score_without_strongest_word(self, text: str, index: int) -> float:
        return self._remembered(f"w{index}\0{text}",
                                lambda: self._model.score_without_strongest_word(text, index))

    def _remembered(self, piece: str, compute: Callable[[], Any]) -> Any:
        value = self._kept.get(piece)
        if value is None:
            value = self.store.get(piece)
            if not self._valid(value):  # a vetted sentence's (``VETTED``)
                if self._vetted is None:
                    self._vetted = VETTED.entries("scores", self._content_stamp)
                value = self._vetted.get(piece)
            if not self._valid(value):
                value = compute()
                self.store.put(piece, value)
                VETTED.record("scores", piece, value)
            if len(self._kept) > 20_000:
                self._kept.clear()
            self._kept[piece] = value
        return value

    def _valid(self, value: Any) -> bool:
        return isinstance(value, float) or (isinstance(value, list) and len(value) == len(
            self._model.categories) and all(isinstance(v, float) for v in value))

    def _content_stamp(self) -> str:
        """The model file's and the scoring code's contents (``VETTED``'s scores)."""
        import hashlib

        digest = hashlib.sha256(self._path.read_bytes())
        _code_contents(digest, ("commgen.checks.model",))
        return digest.hexdigest()

    def _stamp(self) -> bytes:
        import hashlib

        info = self._path.stat()
        digest = hashlib.sha256(f"{self._path}:{info.st_size}:{info.st_mtime_ns}".encode())
        _code_stamp(digest, ("commgen.checks.model",))
        return digest.digest()


_SCORED: dict[tuple[int, Path], _RememberedScores] = {}


def _remembered_model(model: Any, rules_folder: Path) -> _RememberedScores:
    """One remembering wrapper per model (``load_model`` keeps the model once per file)."""
    from commgen.checks.model import MODEL_FILE

    key = (id(model), rules_folder)
    kept = _SCORED.get(key)
    if kept is None or kept._model is not model:
        kept = _SCORED[key] = _RememberedScores(model, rules_folder / MODEL_FILE)
    return kept


def _stored_entries(data: bytes | None) -> dict[bytes, bytes]:
    """The entries of a store's file, or none when it is missing or not such a file."""
    from commgen.foundation.cache import marshalled_dict

    value = marshalled_dict(data)
    if not all(type(k) is bytes and type(v) is bytes for k, v in value.items()):
        return {}
    return value


_UNSAVED: dict[int, SealedStore] = {}
# The modules whose code decides a line's findings (their size and time are in the key).
_SEARCH_CODE = ("commgen.checks.rules", "commgen.checks.ruleindex", "commgen.checks.patterns",
                "commgen.checks.findings", "commgen.checks.spans", "commgen.checks.kinds")


def save_stores() -> None:
    """Write every store with new entries (when the process ends)."""
    stores = list(_UNSAVED.values())
    _UNSAVED.clear()
    for store in stores:
        store.save()


atexit.register(save_stores)


class ResultCache:
    """The findings of ``Checker.check`` for a text, kept in the user cache between runs:
    ``commgen generate`` checks the same documents again whenever it is run again for a case
    (after one answer changed, most documents did not).

    An entry is found only by everything a finding depends on: the text, what it is (the
    answer or the document: ``kind``), and the checker's whole state - its audience, its
    allow-list (the school's details, the contacts, a class named with consent), the guarded
    names (their hashes and a keyed probe, so another key misses), the data files of the
    check (every file of the snippets folder: rules, settings, word lists, help resources),
    deduce's name lists, the code of commgen (every module's size and time) and commgen's
    version (``foundation.cache``). An entry is encrypted with a key made from the same parts
    (``cached_sealed_json``): a finding's passage is never readable from the cache folder by
    someone who does not hold the text already."""

    KIND = "check-result"

    def __init__(self, folder: Path) -> None:
        """``folder``: the snippets folder the checkers were made from."""
        self.base = _data_stamp(folder.resolve(), snippets_folder().resolve())
        self._guards: list[GuardedNames] | None = None
        self._guard_stamp = ""

    def check(self, checker: Checker, text: str, kind: str,
              findings_of: Callable[[], list[Finding]] | None = None) -> list[Finding]:
        """``checker.check(text)``, or its findings of an earlier run; ``findings_of``: what
        to compute instead, when it is decided by the same (the checker's findings made into
        what a command shows, with only shipped data besides: ``kind`` names it)."""
        from commgen.foundation.cache import cached_sealed_json

        computed: list[list[Finding]] = []
        made = findings_of or (lambda: checker.check(text))

        def compute() -> list[list[object]]:
            computed.append(made())
            return [_row(f) for f in computed[0]]

        rows = cached_sealed_json(self.KIND, [self.base, self._state(checker), kind, text],
                                  compute)
        if computed:
            return computed[0]
        findings = _findings_from(rows)
        return findings if findings is not None else made()

    def cached_by_document(self, kind: str, parts: list[str],
                           compute: Callable[[], dict[str, list[Finding]]]
                           ) -> dict[str, list[Finding]]:
        """Findings per document id that ``parts`` (with the check's data files and code)
        decide, from the cache when an earlier run had the same."""
        from commgen.foundation.cache import cached_sealed_json

        computed: list[dict[str, list[Finding]]] = []

        def rows() -> dict[str, list[list[object]]]:
            computed.append(compute())
            return {doc: [_row(f) for f in found] for doc, found in computed[0].items()}

        stored = cached_sealed_json(self.KIND, [self.base, kind, *parts], rows)
        if computed:
            return computed[0]
        result: dict[str, list[Finding]] = {}
        for doc, found in stored.items() if isinstance(stored, dict) else [(None, None)]:
            findings = _findings_from(found)
            if findings is None:
                return compute()
            result[doc] = findings
        return result

    def _state(self, checker: Checker) -> str:
        import json

        if checker.guards is not self._guards:
            self._guards, self._guard_stamp = checker.guards, _guard_stamp(checker.guards)
        allow = checker.allow
        return json.dumps([checker.audience, checker.use_deduce, self._guard_stamp,
                           *(sorted(part) for part in (allow.phrases, allow.name_tokens,
                                                       allow.phones, allow.emails,
                                                       allow.domains))], ensure_ascii=False)


def _row(finding: Finding) -> list[object]:
    return [finding.category, finding.severity, finding.start, finding.end, finding.text,
            finding.message, finding.suggestion, finding.rule]


def _findings_from(rows: object) -> list[Finding] | None:
    """The findings of a cache entry, or None when it is not a list of finding rows."""
    if not isinstance(rows, list):
        return None
    findings = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 8
                and all(isinstance(row[i], str) for i in (0, 1, 4, 5, 7))
                and all(isinstance(row[i], int) for i in (2, 3))
                and (row[6] is None or isinstance(row[6], str))):
            return None
        findings.append(Finding(*row))
    return findings


def _guard_stamp(guards: list[GuardedNames]) -> str:
    """The guarded names as the check sees them: hashes, key id, and a digest made with the
    key (so that a key that differs or is missing on this computer makes another stamp)."""
    import json

    return json.dumps([[g.key_id, g.salt, g.count, sorted(g.hashes), g.available,
                        g.digest("\0commgen-probe") if g and g.available else None]
                       for g in guards])


def _data_stamp(*folders: Path) -> str:
    """Every file the check reads besides the text: the snippets folders (contents), deduce's
    name lists, phonenumbers' version and commgen's own modules (size and modification time:
    reinstalling or editing one changes it)."""
    import hashlib
    import os
    from importlib.util import find_spec

    import commgen
    from commgen.foundation.i18n import current_language

    digest = hashlib.sha256(current_language().encode("utf-8"))
    for folder in dict.fromkeys(folders):
        digest.update(f"\0\0{folder}".encode())
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(f"\0{path.relative_to(folder).as_posix()}\0".encode())
                digest.update(path.read_bytes())
    trees = [Path(commgen.__file__).parent]
    deduce, numbers = find_spec("deduce"), find_spec("phonenumbers")
    if deduce is not None and deduce.submodule_search_locations:
        trees.append(Path(next(iter(deduce.submodule_search_locations))))
    files = [numbers.origin] if numbers is not None and numbers.origin else []
    for tree in trees:
        for top, dirs, names in os.walk(tree):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            files += [os.path.join(top, n) for n in sorted(names)
                      if n.endswith((".py", ".txt", ".json"))]
    for name in files:
        info = os.stat(name)
        digest.update(f"\0{name}:{info.st_size}:{info.st_mtime_ns}".encode())
    return digest.hexdigest()
