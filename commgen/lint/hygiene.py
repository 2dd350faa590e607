"""Comments, tracked changes and personal details left in a template file.

commgen removes them from every document it makes (docxclean), so they never reach a school.
The linter still tells the author: a comment is usually an open question, tracked changes mean
the text in Word is not the text that will be used, and names in the file's properties travel
with the template set to every school that installs it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml import etree

from commgen.docx.clean import is_fetching_field
from commgen.docx.ooxml import APP, CP, DC, PKG_REL, REL_HYPERLINK, REVISION_TAGS, W
from commgen.docx.places import Para, WordPart, excerpt
from commgen.foundation.concepts import WARNING
from commgen.foundation.i18n import _
from commgen.lint.problem import LintProblem

_TAG_START = re.compile(r"\{[{%#]")


def _own(para: Para, *tags: str) -> list[etree._Element]:
    found = []
    for el in para.element.iter(*tags):
        anc = el.getparent()
        while anc is not None and anc.tag != W + "p":
            anc = anc.getparent()
        if anc is para.element:
            found.append(el)
    return found


def hygiene_problems(file: Path, parts: list[WordPart], trees: dict[str, Any]
                     ) -> list[LintProblem]:
    """``trees``: every XML part of the template (``docx.reader.read_package``)."""
    problems = _comments(file, parts, trees)
    for part in parts:
        problems += _revisions(file, part)
    problems += _settings(file, trees)
    problems += _properties(file, trees)
    problems += _external(file, parts, trees)
    return problems


def _external(file: Path, parts: list[WordPart], trees: dict[str, Any]) -> list[LintProblem]:
    """What would make Word fetch something from elsewhere: commgen removes it from every
    document (docx.clean), and the author should remove it from the template."""
    problems = []
    for name, root in sorted(trees.items()):
        if not name.endswith(".rels"):
            continue
        for rel in root.iter(PKG_REL):
            if rel.get("TargetMode") == "External" and rel.get("Type") != REL_HYPERLINK:
                problems.append(LintProblem("external-reference", _(
                    "the template refers to something outside the file ({kind}: {target}); "
                    "Word would fetch it when the letter is opened. commgen removes it from "
                    "every document; remove it from the template (insert the picture itself, "
                    "or delete the link)").format(kind=rel.get("Type", "").rsplit("/", 1)[-1],
                                                  target=excerpt(rel.get("Target", ""), 3)),
                    file))
    for part in parts:
        for para in part.paragraphs:
            codes = [el.text or "" for el in _own(para, W + "instrText")]
            codes += [el.get(W + "instr", "") for el in _own(para, W + "fldSimple")]
            for code in codes:
                if is_fetching_field(code):
                    problems.append(LintProblem("external-field", _(
                        "a field here fetches content from elsewhere ({code}); commgen removes "
                        "the field from every document. Delete it (select it and press "
                        "Ctrl+Shift+F9 to keep only its text)").format(
                            code=excerpt(code.strip(), 3)), file, para.place))
    return problems


def _comments(file: Path, parts: list[WordPart], trees: dict[str, Any]) -> list[LintProblem]:
    names = [n for n in trees if re.fullmatch(r"word/comments\d*\.xml", n)]
    if not names:
        return []
    texts: dict[str, str] = {}
    for name in names:
        for comment in trees[name].iter(W + "comment"):
            texts[comment.get(W + "id", "")] = " ".join(
                t.text or "" for t in comment.iter(W + "t"))
    problems = []
    anchored: set[str] = set()
    for part in parts:
        for para in part.paragraphs:
            ids = {el.get(W + "id", "") for el in _own(para, W + "commentRangeStart",
                                                        W + "commentReference")}
            for cid in sorted(ids - anchored):
                anchored.add(cid)
                problems.append(LintProblem("comment", _(
                    "a comment is attached here: “{text}”. Resolve it and delete the comment "
                    "(Controleren > Verwijderen)").format(text=excerpt(texts.get(cid, ""))),
                    file, para.place))
    for cid in sorted(set(texts) - anchored):
        problems.append(LintProblem("comment", _(
            "the file contains a comment: “{text}”. Delete it (Controleren > Verwijderen)"
        ).format(text=excerpt(texts[cid])), file))
    return problems


def _revisions(file: Path, part: WordPart) -> list[LintProblem]:
    problems = []
    for para in part.paragraphs:
        changes = _own(para, *REVISION_TAGS)
        if not changes:
            continue
        deleted = "".join(t.text or "" for el in changes
                          if el.tag in (W + "del", W + "moveFrom")
                          for t in el.iter(W + "delText", W + "t"))
        if _TAG_START.search(deleted):
            problems.append(LintProblem("tag-in-deletion", _(
                "a tracked deletion here still contains a tag (“{text}”): Word shows it as "
                "struck through, but it is still in the file. Accept or reject all changes "
                "(Controleren > Accepteren > Alle wijzigingen accepteren)").format(
                    text=excerpt(deleted)), file, para.place))
        else:
            problems.append(LintProblem("tracked-change", _(
                "this paragraph has tracked changes; accept or reject them (Controleren > "
                "Accepteren) so that the template shows the text that will be used"), file,
                para.place))
    inside = {id(el) for para in part.paragraphs for el in _own(para, *REVISION_TAGS)}
    loose = [el for el in part.root.iter(*REVISION_TAGS) if id(el) not in inside
             and not any(a.tag == W + "p" for a in el.iterancestors())]
    if loose:
        problems.append(LintProblem("tracked-change", _(
            "there are tracked changes to tables or page layout; accept or reject all changes "
            "(Controleren > Accepteren > Alle wijzigingen accepteren)"), file))
    return problems


def _settings(file: Path, trees: dict[str, Any]) -> list[LintProblem]:
    root = trees.get("word/settings.xml")
    if root is None or root.find(W + "trackRevisions") is None:
        return []
    return [LintProblem("track-changes-on", _(
        "Track Changes is switched on in this file, so every edit becomes a tracked change; "
        "switch it off (Controleren > Wijzigingen bijhouden)"), file, severity=WARNING)]


def _properties(file: Path, trees: dict[str, Any]) -> list[LintProblem]:
    fields = [("docProps/core.xml", DC + "creator", _("author")),
              ("docProps/core.xml", CP + "lastModifiedBy", _("last modified by")),
              ("docProps/app.xml", APP + "Manager", _("manager")),
              ("docProps/app.xml", APP + "Company", _("company"))]
    problems = []
    for name, tag, label in fields:
        root = trees.get(name)
        element = root.find(tag) if root is not None else None
        value = (element.text or "").strip() if element is not None else ""
        if value:
            problems.append(LintProblem("personal-metadata", _(
                "the file's properties name a person or organisation ({field}: {value}). "
                "commgen removes this from every document, but it travels with the template "
                "set; clear it (Bestand > Info > Controleren op problemen > Document "
                "inspecteren)").format(field=label, value=value), file, severity=WARNING))
    return problems

