"""The privacy check of one answer, as it is given, for the audiences that answer reaches.

The interview checks every free-text answer right after it is typed (and every ``--set``
value, and every answer of a file given to ``--answers``/``--resume``), so that a pupil's name
or a class typed into an answer is raised at that question, once, and not later once per
document. An answer is checked for the strictest of its audiences: a passage that is only a
warning for the internal statement but an error for the press is an error. An answer reaches the
audiences of the documents it feeds (its ``feeds`` in the catalogue); ``audiences`` may
override that per question.

Generation uses the same functions: a finding in a document whose passage lies in an answer
the user kept with a reason counts as accepted, and the reason is recorded in the document.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ClassVar

from commgen.app.fitting import RELATION, finding_word, fit_suggestion
from commgen.checks.consistency import (
    CaseDocument,
    ConsistencyRules,
    load_consistency,
    not_said_items,
    text_findings,
)
from commgen.checks.findings import GUARDED_RULE, Finding
from commgen.checks.generation import CASE_SENTENCES, SANCTION, is_sanction, keepable
from commgen.checks.load import checker_from_answers
from commgen.checks.names import guarded_spans
from commgen.checks.narrative import ABOUT_RULE
from commgen.checks.rules import RULES_FOLDER
from commgen.checks.run import Checker
from commgen.checks.suggest import apply_suggestion, leave_out_text, take_in
from commgen.foundation.concepts import DOCUMENT_LANGUAGE, ERROR, GUARDED_MASK, WARNING
from commgen.foundation.i18n import _
from commgen.questions.catalog import Catalog, Question

FREE_TEXT_TYPES = ("text", "paragraphs")
NEVER_PUBLIC_RULE = "consistency-openbaar_nooit"  # words no public text says (a sanction)
NAMES_TYPE = "names"  # the guarded names: the one answer that holds them (hashed)
# The class may be named only in the letter to its own parents, and only with consent.
CLASS_NAME, CLASS_CONSENT = "class_name", "class_named"


@dataclass(frozen=True)
class AnswerFinding:
    """One problem in one answer: the question, the text checked, the finding in it."""

    question: Question
    text: str
    finding: Finding
    public: bool = False  # the answer reaches an audience outside the school
    masks: tuple[tuple[int, int], ...] = ()  # where the guarded names stand in ``text``

    def excerpt(self) -> tuple[str, int, int]:
        """(text, start, end) to show around the finding: every other guarded name in the
        text masked, the finding's passage at its place in that text (trial cli9, finding 2:
        a neighbouring name was shown in clear)."""
        text, start, end = self.text, self.finding.start, self.finding.end
        for first, last in sorted(self.masks, reverse=True):
            if first <= start and end <= last:
                continue  # the finding is the guarded name (shown masked anyway)
            text = text[:first] + GUARDED_MASK + text[last:]
            shift = len(GUARDED_MASK) - (last - first)
            if last <= start:
                start, end = start + shift, end + shift
            elif first < end:  # a guarded name inside a longer passage is masked there too
                end += shift
        return text, start, end

    @property
    def keepable(self) -> bool:
        """Whether a reason may keep this finding (``generation.keepable``): never a pupil's
        name, never a sanction in an answer that reaches a public text."""
        return keepable(self.finding, self.public)


def answer_text(value: Any) -> str:
    """The text of a free-text answer as the check sees it (paragraphs on their own line)."""
    return "\n".join(map(str, value)) if isinstance(value, list) else str(value)


def catalogue_audiences(catalog: Catalog) -> list[str]:
    """Every audience a document of the catalogue is written for."""
    return list(dict.fromkeys(doc.audience for doc in catalog.documents))


def holds_answer(question: Question, value: Any) -> bool:
    """Any given answer but the guarded names themselves: a pupil's name must never stand in
    it, whatever its type (a person's name, a phone field, a choice's free text)."""
    return question.type != NAMES_TYPE and value not in (None, "", [])


def guarded_places(checker: Checker, question: Question, value: Any) -> list[AnswerFinding]:
    """Every guarded name in an answer of any type, whatever the answers allow: the contact
    person's name allows itself, but never when it is a pupil's name."""
    if not holds_answer(question, value) or question.type in FREE_TEXT_TYPES:
        return []  # free text: the whole check, the guarded names first
    text = answer_text(value)
    spans = guarded_spans(text, checker.guards, checker.detectors.interfixes)
    name = getattr(value, "name", None)
    if isinstance(name, str):  # a colleague who shares a pupil's family name is no pupil:
        spans = [(s, e) for s, e in spans if s == 0 or s >= len(name)]  # the name as a whole
    message = _("This is the name of a pupil involved; it may not stand in any answer, not "
                "even as the name of a contact person. Write another name.")
    found = [Finding("name", ERROR, start, end, GUARDED_MASK, message, None, GUARDED_RULE)
             for start, end in spans]
    found += [replace(f, suggestion=None) for f in masked_places(checker, text)]
    return [AnswerFinding(question, text, f) for f in sorted(found, key=lambda f: f.start)]


def is_checked(question: Question, values: Mapping[str, Any]) -> bool:
    """Free text, not a guarded (sensitive) answer, not the class named with consent."""
    if question.type not in FREE_TEXT_TYPES or question.sensitive:
        return False
    return not (question.id == CLASS_NAME and values.get(CLASS_CONSENT) is True)


def make_checker(catalog: Catalog, values: Mapping[str, Any],
                 lang: str = DOCUMENT_LANGUAGE) -> Checker:
    """The checker for these answers: the guarded names and what they allow."""
    folder = catalog.snippets_dir / lang
    return checker_from_answers(values, folder if (folder / "regels").is_dir() else None,
                                catalog.questions)  # not the catalogue read again


def strictest(checker: Checker, text: str, audiences: Iterable[str]) -> list[Finding]:
    """The errors in ``text`` for any of ``audiences``: each passage once. A claim about a
    pupil an answer names (``checks.narrative``) is no point of its own there: the name's
    finding stops the answer already, and its suggestion takes the mention away."""
    seen: dict[tuple[int, int, str], Finding] = {}
    for audience in audiences:
        for finding in checker.for_audience(audience).check(text):
            if finding.severity == ERROR and finding.rule != ABOUT_RULE:
                seen.setdefault((finding.start, finding.end, finding.category), finding)
    return sorted(seen.values(), key=lambda f: (f.start, f.end))


def case_snippets(catalog: Catalog, lang: str = DOCUMENT_LANGUAGE) -> Any:
    """The catalogue's vetted sentences, read once per process and version of their files (an
    answer is checked at every change: reading them each time would be most of its cost)."""
    from commgen.render.snippets import load_snippets

    folder = catalog.snippets_dir / lang
    try:
        stamp = tuple(sorted((f.name, f.stat().st_mtime_ns, f.stat().st_size)
                             for f in folder.glob("*.yaml")))
    except OSError:
        return load_snippets(catalog, lang)
    key = (id(catalog), str(folder), lang, stamp)
    if key not in _SNIPPETS:
        _SNIPPETS.clear()  # one version of one folder at a time is all a run uses
        _SNIPPETS[key] = load_snippets(catalog, lang)
    return _SNIPPETS[key]


_SNIPPETS: dict[tuple[Any, ...], Any] = {}


class CaseSentences:
    """The vetted sentence a finding is written anew with at a question, where the case's facts
    are known: for blame, ``sentences.blame_instead`` in phrases.yaml (for a sanction
    ``sanction_instead``), chosen by origin and material as the documents choose their
    sentences (``render.snippets``: the one owner of the case's wording), for the most public
    audience the answer reaches. Not the documents' own ``view``: they say it already, and a
    sentence said twice holds a document back."""

    BY_CATEGORY: ClassVar[dict[str, str]] = CASE_SENTENCES

    def __init__(self, catalog: Catalog, values: Mapping[str, Any],
                 lang: str = DOCUMENT_LANGUAGE) -> None:
        self.catalog, self.values, self.lang = catalog, values, lang
        self._snippets: Any = None
        self._fixed: dict[tuple[str, ...], list[str]] = {}  # audiences -> vetted sentences

    def fixed_sentences(self, audiences: list[str]) -> list[str]:
        """The vetted sentences the documents of these audiences say for the answers given
        (a choice's sentence in phrases.yaml, as the documents choose it)."""
        from commgen.answers.answersfile import Answers
        from commgen.render.context import case_facts
        from commgen.render.snippets import choose

        if tuple(audiences) in self._fixed:
            return self._fixed[tuple(audiences)]
        if self._snippets is None:
            self._snippets = case_snippets(self.catalog, self.lang)
        facts = case_facts(self.catalog, Answers(dict(self.values)))
        said: list[str] = []
        for question_id, by_value in self._snippets.phrases.items():
            given = self.values.get(question_id)
            for value in given if isinstance(given, list) else [given]:
                if isinstance(value, str) and value in by_value:
                    said += [text for audience in audiences
                             if (text := choose(by_value[value], audience, facts))]
        self._fixed[tuple(audiences)] = said
        return said

    def repeats(self, text: str, audiences: list[str]) -> list[Finding]:
        """A sentence of the answer that says again what a vetted sentence of the same
        documents says (the same meaning, ``zelfde_betekenis`` in woorden.yaml, not the same
        words): a warning, with the suggestion to leave it out."""
        from commgen.checks.suggest import meanings, sentences

        fixed = {meaning: sentence for sentence in self.fixed_sentences(audiences)
                 for meaning in meanings(sentence)}
        found = []
        for start, end, sentence in sentences(text) if fixed else []:
            same = [fixed[m] for m in sorted(meanings(sentence)) if m in fixed]
            if same:
                found.append(Finding(REPEAT, WARNING, start, end, sentence, _(
                    "The documents already say this (“{sentence}”); said twice, it reads as "
                    "two facts.").format(sentence=" ".join(same[0].split())), leave_out_text(),
                    REPEAT_RULE))
        return found

    def suggestion(self, finding: Finding, audiences: list[str],
                   public: frozenset[str] = frozenset()) -> str | None:
        name = self.BY_CATEGORY.get(finding.category)
        if name is None:
            return finding.suggestion
        from commgen.answers.answersfile import Answers
        from commgen.foundation.jinja import render_text
        from commgen.foundation.textclean import clean_text
        from commgen.render.context import case_facts
        from commgen.render.snippets import terms_for

        if self._snippets is None:
            self._snippets = case_snippets(self.catalog, self.lang)
        facts = case_facts(self.catalog, Answers(dict(self.values)))
        for audience in sorted(audiences, key=lambda a: a not in public):  # public first
            source = self._snippets.sentence(name, audience, facts)
            if source:
                context = {"term": terms_for(self._snippets, dict(self.values))}
                return clean_text(render_text(source, context)).strip()
        return finding.suggestion


def check_answer(checker: Checker, question: Question, value: Any,
                 values: Mapping[str, Any], audiences: Iterable[str],
                 rules: ConsistencyRules | None = None,
                 case: CaseSentences | None = None) -> list[AnswerFinding]:
    """The errors in one answer for the strictest audience it reaches, and every place where
    commgen took a pupil's name out before saving the answer (``mask_guarded``)."""
    if value is None or value == [] or value == "" or not is_checked(question, values):
        return []
    text = answer_text(value)
    audiences = list(audiences)
    found = strictest(checker, text, audiences) + masked_places(checker, text)
    public = rules.public if rules is not None else frozenset()
    if rules is not None:
        found = by_kind(text, _named_for_what_it_is(
            found + case_findings(rules, values, text, audiences)))
    if case is not None:
        found = [replace(f, suggestion=case.suggestion(f, audiences, public))
                 if f.category in case.BY_CATEGORY else f for f in found]
        found += case.repeats(text, audiences)
    reaches_public = bool(public & set(audiences))
    masks = tuple(sorted({(f.start, f.end) for f in found if f.rule == GUARDED_RULE}))
    return [AnswerFinding(question, text, fitted(checker, text, f, audiences), reaches_public,
                          masks) for f in sorted(found, key=lambda f: f.start)]


def fitted(checker: Checker, text: str, finding: Finding, audiences: Iterable[str],
           recheck: bool = True) -> Finding:
    """The finding with a suggestion only when taking it leaves a whole sentence that passes
    the check (``app.fitting.fit_suggestion``, then every check again; ``recheck`` False: the
    sentence only, as ``commgen check`` does, where a letter's every finding would check its
    line twice more): otherwise no suggestion, and the message says to write the sentence
    anew without the passage."""
    def passes(changed: str) -> bool:
        before = {(f.category, f.text) for f in strictest(checker, text, audiences)}
        return not [f for f in strictest(checker, changed, audiences)
                    if (f.category, f.text) not in before]

    return fit_suggestion(text, finding, passes if recheck else None)


def case_findings(rules: ConsistencyRules, values: Mapping[str, Any], text: str,
                  audiences: Iterable[str], lang: str = DOCUMENT_LANGUAGE) -> list[Finding]:
    """The review's rules that read a document's text (gender and family, words public texts
    never say, facts waiting for an approval, the register and the school type's words), for
    every audience the answer reaches (``consistency.text_findings``, as the review calls it).
    Their suggestion is advice, not words to put in place of the passage: it joins the
    message, and no suggestion is offered."""
    not_said = not_said_items(rules, values)
    seen: dict[tuple[int, int, str], Finding] = {}
    for audience in audiences:
        document = CaseDocument("answer", audience, text, record=True)
        for finding in text_findings(rules, values, document, not_said, lang):
            advice = f" {finding.suggestion}" if finding.suggestion else ""
            seen.setdefault((finding.start, finding.end, finding.rule), replace(
                finding, message=finding.message + advice, suggestion=None))
    return list(seen.values())


def _named_for_what_it_is(found: list[Finding]) -> list[Finding]:
    """A passage the speculation rules found that holds a word public texts never say (a
    sanction: "zijn 3 dagen geschorst"): no guess, a measure against pupils; it gets that
    rule's reason (``openbaar_nooit`` in consistentie.yaml), once."""
    never = [f for f in found if f.rule == NEVER_PUBLIC_RULE]
    used: set[int] = set()
    named = []
    for finding in found:
        inside = [n for n in never if finding.category == "speculation"
                  and finding.start <= n.start and n.end <= finding.end]
        if inside:
            used.update(id(n) for n in inside)
            finding = replace(finding, message=inside[0].message, suggestion=None,
                              rule=inside[0].rule)
        named.append(finding)
    return [f for f in named if id(f) not in used]


GENDER_RULE = "consistency-geslacht"  # a word for the pupil's gender or family
GENDER, SPECULATION = "gender", "speculation"
REPEAT, REPEAT_RULE = "repeat", "repeat-fixed"  # says again what a vetted sentence says


def by_kind(text: str, found: list[Finding], words: Any = None) -> list[Finding]:
    """Each finding labelled by what it is, so that its label and its suggestion fit: a
    measure against a pupil is a sanction (whatever rule found it), a family word ("haar
    familie") a relation and a word for a girl or a boy the pupil's gender, each with the
    neutral words for it (``zinsbouw.in_plaats_van`` in woorden.yaml: "de ouders", "de
    leerling"). A gender word in a sentence that says who did it ("Vermoedelijk heeft een
    jongen van een andere school het beeld verspreid") is about that person, not the pupil:
    the guess's finding holds the sentence, and its suggestion takes the word away with it."""
    from commgen.checks.suggest import grammar_words, own_sentence

    words = words or grammar_words()
    guesses = [own_sentence(text, f.start, f.end) for f in found
               if f.category == SPECULATION and not is_sanction(f)]
    result = []
    for finding in found:
        if is_sanction(finding) and finding_word(finding).casefold() not in words.words(
                "geen_maatregel"):
            finding = replace(finding, category=SANCTION)
        elif finding.rule == GENDER_RULE:
            word = " ".join(finding_word(finding).casefold().split())
            if any(a <= finding.start < b for a, b in guesses):
                continue  # the gender of whoever spread it: the guess is the problem
            if any(o.rule != GENDER_RULE and o.start <= finding.start and finding.end <= o.end
                   for o in found):
                continue  # the word has its finding already ("Haar ex": a relation)
            instead = words.instead(word)
            gender = instead == words.pupil or (instead is None and " " not in word)
            finding = replace(finding, category=GENDER if gender else RELATION,
                              suggestion=instead)
        result.append(finding)
    return result


def kind_label(category: str) -> str:
    """A finding's kind in words, as the question shows it: the kinds given at the question
    (``by_kind``, ``repeats``) and the check's own categories (``web.texts.category_label``;
    the page can call this one for both). One table of labels, in ``category_label``."""
    from commgen.app.web.texts import category_label

    return category_label(category)


def case_rules(catalog: Catalog, lang: str = DOCUMENT_LANGUAGE) -> ConsistencyRules | None:
    """The consistency rules of the catalogue's snippets (read once per folder)."""
    return _consistency(catalog.snippets_dir / lang / RULES_FOLDER)


@functools.lru_cache(maxsize=4)
def _consistency(folder: Path) -> ConsistencyRules | None:
    return load_consistency(folder if folder.is_dir() else None)


def masked_places(checker: Checker, text: str) -> list[Finding]:
    """A name removed from an answer when it was saved: the sentence must be written anew."""
    suggestion = checker.settings.text(GUARDED_RULE).suggestion
    return [Finding("name", ERROR, start, start + len(GUARDED_MASK), GUARDED_MASK,
                    _("A pupil's name stood here; commgen took it out when it saved the answer. "
                      "Write the sentence without the name."), suggestion, GUARDED_RULE)
            for start in (m.start() for m in re.finditer(re.escape(GUARDED_MASK), text))]


def mask_guarded(question: Question, value: Any, findings: Iterable[AnswerFinding]) -> Any:
    """The answer with the passage of every guarded name replaced by the mask, to be saved in
    its place: a pupil's name never reaches a file, and the user sees where to write anew."""
    masked = value
    for item in sorted((f for f in findings if f.finding.rule == GUARDED_RULE
                        and f.finding.text == GUARDED_MASK
                        and answer_text(masked)[f.finding.start:f.finding.end] != GUARDED_MASK),
                       key=lambda f: f.finding.start, reverse=True):
        masked = replace_passage(question, masked, item.finding, GUARDED_MASK)
    return masked


def unmasked(question: Question, current: Any, posted: Any,
             findings: Iterable[AnswerFinding]) -> Any:
    """``posted``, sent back by a page that showed ``current`` with every guarded name masked
    (after a suggestion was taken, or an edit elsewhere in the text): each mask given back the
    passage it stood for, so the mask is never written into the answer. When the masks no
    longer match the names (one was typed or deleted), ``posted`` as it is: each mask is then a
    place to write anew (``masked_places``)."""
    if question.type not in FREE_TEXT_TYPES or current in (None, "", []) or posted is None:
        return posted
    text, sent = answer_text(current), answer_text(posted)
    if GUARDED_MASK not in sent:
        return posted
    names = sorted({(f.finding.start, f.finding.end) for f in findings
                    if f.finding.rule == GUARDED_RULE and f.question.id == question.id})
    pieces = sent.split(GUARDED_MASK)
    if len(pieces) - 1 != len(names):
        return posted
    restored = pieces[0] + "".join(text[start:end] + piece
                                   for (start, end), piece in zip(names, pieces[1:], strict=True))
    if question.type == "paragraphs":
        return [p for p in restored.split("\n") if p.strip()] or None
    return restored


def mask_typed(checker: Checker, text: str) -> str:
    """Text typed but not finished, with every guarded name masked (it is saved unchecked)."""
    for start, end in sorted(((f.start, f.end) for f in checker.check(text)
                              if f.rule == GUARDED_RULE), reverse=True):
        text = text[:start] + GUARDED_MASK + text[end:]
    return text


def check_answers(catalog: Catalog, values: Mapping[str, Any],
                  accepted: Mapping[str, str] | None = None,
                  audiences: Mapping[str, list[str]] | None = None,
                  only: Iterable[str] | None = None) -> list[AnswerFinding]:
    """The open findings of every answer (or of the ids in ``only``), in catalogue order.

    ``accepted``: answers kept with a reason (their findings are not open, but for a pupil's
    name, which no reason keeps); ``audiences``: per
    question id the audiences it reaches (default: those of the documents it feeds)."""
    accepted = accepted or {}
    wanted = set(only) if only is not None else None
    checker = None
    case: CaseSentences | None = None
    found: list[AnswerFinding] = []
    for question in catalog.questions:
        if wanted is not None and question.id not in wanted:
            continue
        value = values.get(question.id)
        if not holds_answer(question, value):
            continue
        checker = checker or make_checker(catalog, values)
        if not is_checked(question, values):
            found += guarded_places(checker, question, value)
            continue
        reach = (audiences or {}).get(question.id) or catalog.audiences_of(question)
        case = case or CaseSentences(catalog, values)
        checked = check_answer(checker, question, value, values, reach, case_rules(catalog),
                               case)
        if question.id in accepted:  # a reason keeps what is keepable, finding by finding:
            checked = [f for f in checked if not f.keepable]  # never a name or a sanction
        found += checked
    return found


def guarded_answers(catalog: Catalog, values: Mapping[str, Any]) -> list[AnswerFinding]:
    """Every guarded name in an answer that is not free text (the documents' check finds
    those in free text): ``commgen generate`` writes nothing while there is one."""
    checker = make_checker(catalog, values)
    if not any(checker.guards):
        return []
    return [item for question in catalog.questions
            for item in guarded_places(checker, question, values.get(question.id))]


def refused_name(catalog: Catalog, values: Mapping[str, Any], question: Question,
                 value: Any) -> str | None:
    """Why an answer that is not free text cannot be kept (a pupil's name in it), or None:
    such an answer has no passage to mark, so it is refused at its question."""
    if question.type in FREE_TEXT_TYPES or not holds_answer(question, value):
        return None
    found = guarded_places(make_checker(catalog, values), question, value)
    return found[0].finding.message if found else None




def replace_passage(question: Question, value: Any, finding: Finding, new: str) -> Any:
    """The answer with the finding's passage replaced by ``new`` (offsets as checked); a
    suggestion is taken in grammar-safe (``checks.suggest``: the words around the passage are
    not said twice), the mask of a guarded name exactly."""
    text = answer_text(value)
    if new == GUARDED_MASK:
        changed = text[:finding.start] + new + text[finding.end:]
    else:
        changed = apply_suggestion(text, finding.start, finding.end, new)
    if question.type == "paragraphs":
        return [p for p in changed.split("\n") if p.strip()] or None
    if question.type not in FREE_TEXT_TYPES:  # a person, a field: parsed as if typed
        from commgen.questions.types import InvalidAnswer, type_of

        try:
            return type_of(question).parse(question, changed)
        except InvalidAnswer:
            return changed.strip() or None
    return changed.strip() or None


def with_suggestion(question: Question, value: Any, finding: Finding) -> Any:
    """The answer with the finding's suggestion taken in so that the sentence stays whole
    (``checks.suggest.take_in``: a sentence for the sentence, a few words for a noun phrase,
    an image detail's clause dropped with its conjunction); unchanged when it does not fit
    (``fitted`` then offers no suggestion). Only the passage changes: a guarded name elsewhere
    in the answer stays as it is in memory, never the mask."""
    text = answer_text(value)
    changed = take_in(text, finding.start, finding.end, finding.suggestion or "",
                      finding.category)
    if changed is None:
        return value
    return replace_passage(question, value, replace(finding, start=0, end=len(text)), changed)


def accepted_passages(values: Mapping[str, Any], accepted: Mapping[str, str]
                      ) -> list[tuple[str, str]]:
    """(text of the answer, reason) for every answer kept with a reason."""
    return [(answer_text(values[qid]), reason) for qid, reason in accepted.items()
            if values.get(qid) not in (None, "", [])]


def covered_by(finding: Finding, passages: list[tuple[str, str]],
               public: bool = False) -> str | None:
    """The reason an accepted answer gives for this document finding, if its passage is
    part of that answer and a reason may keep it in this document (``public``: written for an
    audience outside the school): never a name, never a sanction in a public text."""
    if finding.category == "metadata" or not finding.text.strip() \
            or not keepable(finding, public):
        return None
    for text, reason in passages:
        if finding.text in text:
            return reason
    return None
