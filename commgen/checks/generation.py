"""The checks built into ``commgen generate`` and ``commgen new``.

Before anything is written: the free-text answers are checked, and so is the rendered text of
every document (for the document's audience), its properties (author and last editor are the
school, never a person) and its package (no comments, no tracked changes). A document with an
error is not written, unless the user accepts the findings with a reason; the app then records
the reason in the document's custom properties (``ACCEPTED_PROPERTY``) so that anyone who opens
it can see it. This module only reads: it never changes a document.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from commgen.checks.consistency import CaseDocument, consistency_findings, load_consistency
from commgen.checks.findings import GUARDED_RULE, Finding, has_errors, has_guarded
from commgen.checks.load import checker_from_answers
from commgen.checks.rules import RULES_FOLDER
from commgen.checks.run import Checker, ResultCache, snippets_folder
from commgen.docx.reader import DocumentText
from commgen.foundation.concepts import DOCUMENT_LANGUAGE, ERROR

ACCEPTED_PROPERTY = "commgen.accepted_findings"
# The class may be named only in the letter to its own parents, and only with consent.
CLASS_NAME, CLASS_CONSENT, CLASS_AUDIENCE = "class_name", "class_named", "parents-class"
FREE_TEXT_TYPES = ("text", "paragraphs")
RECORDS = ("history", "evaluate")  # documents of the case over time (catalogue ``made_by``)
# The kinds of finding no reason keeps: a pupil's name (a guarded one, or what looks like a
# name: a reason cannot tell a pupil's from a colleague's), and in a public text a measure
# against a pupil (the sanctions rule, a measure said without a sanction word such as 'mag niet
# meer mee op schoolreis', the words public texts never say).
NAME_CATEGORY, SANCTION = "name", "sanction"
# the categories whose suggestion is a sentence chosen by the case's facts, and its snippet
CASE_SENTENCES = {"blame": "blame_instead", SANCTION: "sanction_instead"}
SANCTION_RULES = frozenset({"sancties", "speculatie_maatregel", "consistency-openbaar_nooit"})
# A fact that waits for an approval (the police's, the family's): the approval is recorded,
# never replaced by a reason, before it reaches a public text.
WAITING_RULES = frozenset({"consistency-wacht_op_goedkeuring"})


@dataclass
class DocumentReview:
    doc_id: str
    text: str
    findings: list[Finding]
    document: DocumentText | None = None  # the checked text with the place of every paragraph
    public: bool = False  # written for an audience outside the school (``openbaar``)

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)

    @property
    def keepable(self) -> bool:
        """Whether a reason may let this document be written (``keepable`` per error)."""
        return not has_guarded(self.findings) and all(
            keepable(f, self.public) for f in self.findings if f.severity == ERROR)


@dataclass
class Review:
    answers: list[tuple[str, str, list[Finding]]] = field(default_factory=list)
    documents: list[DocumentReview] = field(default_factory=list)
    reason: str | None = None

    def refused(self) -> list[str]:
        """Documents not written: errors found and not accepted; a pupil's name (guarded or
        possible) is never accepted, nor a sanction in a public text."""
        return [d.doc_id for d in self.documents if d.has_errors
                and (not self.reason or not d.keepable)]

    def accepted(self) -> list[str]:
        return [d.doc_id for d in self.documents if d.has_errors
                and self.reason and d.keepable]

    def holds_guarded(self, doc_id: str) -> bool:
        return any(has_guarded(d.findings) for d in self.documents if d.doc_id == doc_id)


def is_sanction(finding: Finding) -> bool:
    """A measure against a pupil (a suspension, detention), whatever rule found it."""
    return finding.category == SANCTION or finding.rule in SANCTION_RULES


def keepable(finding: Finding, public: bool) -> bool:
    """Whether a reason may keep this finding in a text (``public``: one that reaches an
    audience outside the school): never a pupil's name, guarded or possible, in any text;
    never a sanction, nor a fact that waits for the police's or the family's approval, in a
    public one. Everything else is kept per finding, with its reason."""
    if finding.rule == GUARDED_RULE or finding.category == NAME_CATEGORY:
        return False
    return not (public and (is_sanction(finding) or finding.rule in WAITING_RULES))


@functools.lru_cache(maxsize=4)
def public_audiences(folder: Path) -> frozenset[str]:
    """The audiences outside the school (``openbaar`` in consistentie.yaml)."""
    rules = load_consistency(folder if folder.is_dir() else None)
    return rules.public if rules is not None else frozenset()


def _consented_class(values: dict[str, Any]) -> str:
    name = values.get(CLASS_NAME)
    return name.strip() if values.get(CLASS_CONSENT) is True and isinstance(name, str) else ""


def _answer_text(value: Any) -> str:
    return "\n".join(map(str, value)) if isinstance(value, list) else str(value)


def metadata_findings(checker: Checker, data: bytes, school: str) -> list[Finding]:
    """Author and last editor must be the school (or empty); a person's name is an error."""
    from commgen.docx.props import read_core_people
    from commgen.docx.reader import part_names

    findings: list[Finding] = []
    for value in read_core_people(data).values():
        if value != school.strip():
            texts = checker.settings.text("metadata-author")
            findings.append(Finding("metadata", ERROR, 0, 0, value, texts.message,
                                    texts.suggestion, "metadata-author"))
    names = part_names(data)
    if any(n.startswith("word/comments") for n in names):
        texts = checker.settings.text("metadata-comments")
        findings.append(Finding("metadata", ERROR, 0, 0, "", texts.message, texts.suggestion,
                                "metadata-comments"))
    return findings


def review_documents(catalog: Any, answers: Any, rendered: list[tuple[Any, Any]],
                     accept_reason: str | None = None, lang: str = DOCUMENT_LANGUAGE) -> Review:
    """Check the answers and every rendered document; no document is written here (the
    findings are kept in the user cache, sealed, for the next run: ``run.ResultCache``)."""
    folder = catalog.snippets_dir / lang
    own = folder if (folder / "regels").is_dir() else None
    checker = checker_from_answers(answers.values, own, catalog.questions)
    results = ResultCache(snippets_folder(own))
    review = Review(reason=(accept_reason or "").strip() or None)
    consented = _consented_class(answers.values)
    for question in catalog.questions:
        value = answers.values.get(question.id)
        if question.id == CLASS_NAME and consented:
            continue  # the class's name, given with the family's consent for its own letter
        if question.type in FREE_TEXT_TYPES and not question.sensitive and value:
            text = _answer_text(value)
            findings = results.check(checker, text, f"answer:{question.id}")
            if findings:
                review.answers.append((question.id, text, findings))
    school = str(answers.values.get("school_name") or "")
    for doc, document in rendered:
        audience_checker = checker.for_audience(doc.audience)
        if consented and doc.audience == CLASS_AUDIENCE:
            audience_checker = audience_checker.with_allow(replace(
                checker.allow, phrases=checker.allow.phrases | {consented}))
        findings = results.check(audience_checker, document.text, f"document:{doc.id}")
        findings += metadata_findings(audience_checker, document.data, school)
        review.documents.append(DocumentReview(
            doc.id, document.text, findings, getattr(document, "document", None),
            doc.audience in public_audiences(folder / RULES_FOLDER)))
    _add_consistency(review, folder / RULES_FOLDER, answers.values, rendered, lang, results)
    return review


def _add_consistency(review: Review, folder: Any, values: dict[str, Any],
                     rendered: list[tuple[Any, Any]], lang: str,
                     results: ResultCache | None = None) -> None:
    """The documents of the case agree with the answers and with each other (kept in the
    user cache with the findings of the check: keyed by the rules, every answer, and every
    document's id, audience and text)."""
    documents = [CaseDocument(doc.id, doc.audience, document.text,
                              record=getattr(doc, "made_by", None) in RECORDS)
                 for doc, document in rendered]

    def compute() -> dict[str, list[Finding]]:
        rules = load_consistency(folder if folder.is_dir() else None)
        return {} if rules is None else consistency_findings(rules, values, documents, lang)

    plain = _plain_values(values) if results is not None else None
    if results is None or plain is None:
        found = compute()
    else:
        parts = [lang, plain, json.dumps([[d.doc_id, d.audience, d.record, d.text]
                                          for d in documents], ensure_ascii=False)]
        found = results.cached_by_document("consistency", parts, compute)
    for item in review.documents:
        item.findings += found.get(item.doc_id, [])


def _plain_values(values: dict[str, Any]) -> str | None:
    """The answers as JSON, each value with its type; None when one is of a type this does not
    know (then the consistency check is not kept: a key must hold everything it reads)."""
    import datetime as dt

    from commgen.questions.guard import GuardedNames
    from commgen.questions.types import Person

    def plain(value: Any) -> Any:
        kind = type(value)  # exactly: a subclass may carry more than its value shows
        if value is None or kind in (bool, int, float, str):
            return value
        if kind in (list, tuple):
            return [kind.__name__, [plain(v) for v in value]]
        if kind is dict and all(type(k) is str for k in value):
            return ["dict", {k: plain(v) for k, v in value.items()}]
        if kind in (dt.date, dt.time, dt.datetime):
            return [kind.__name__, value.isoformat()]
        if type(value) is Person:
            return ["person", value.name, value.role]
        if type(value) is GuardedNames:
            return ["names", value.key_id, value.salt, value.count, sorted(value.hashes)]
        if isinstance(value, Path):
            return ["path", str(value)]
        raise TypeError(type(value).__name__)

    try:
        return json.dumps({k: plain(v) for k, v in sorted(values.items())}, ensure_ascii=False)
    except TypeError:
        return None
