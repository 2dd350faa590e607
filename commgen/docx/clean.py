"""Strip a Word template of what must not reach a school's documents.

Templates are edited in Word by the foundation, so they carry comments, tracked changes,
author names and paths from the author's machine. They are removed from the loaded template
before rendering: a tag inside a tracked deletion must not render, and a comment must not be
sent to parents.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from commgen.docx.ooxml import (
    COMMENT_REL_SUFFIXES,
    DROP,
    REL_ATTACHED_TEMPLATE,
    REL_CUSTOM,
    REL_THUMBNAIL,
    UNWRAP,
    XML_SPACE,
    W,
)


def clean_tree(root: Any) -> None:
    """Accept tracked changes, drop comments, keep spaces in text runs."""
    for el in list(root.iter(*DROP, W + "r", W + "t")):
        tag = el.tag
        if tag == W + "t":
            el.set(XML_SPACE, "preserve")
            continue
        if tag == W + "r":
            if el.find(W + "commentReference") is not None:
                _remove(el)
            continue
        parent = el.getparent()
        if parent is None:
            continue
        if tag == W + "del" and parent.tag == W + "trPr":
            row = parent.getparent()  # a deleted table row: accepting removes the row
            if row is not None and row.getparent() is not None:
                _remove(row)
            continue
        _remove(el)
    for el in list(root.iter(*UNWRAP)):
        parent = el.getparent()
        if parent is None:
            continue
        index = parent.index(el)
        for child in reversed(list(el)):
            parent.insert(index, child)
        parent.remove(el)


def _remove(el: Any) -> None:
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():  # never happens in WordprocessingML, but keep any text
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def clean_template(doc: Any) -> None:
    """Clean a loaded python-docx Document in place."""
    package = doc.part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype in (REL_CUSTOM, REL_THUMBNAIL):
            package.rels.pop(rId)
    for rId, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(COMMENT_REL_SUFFIXES):
            doc.part.rels.pop(rId)
    for part in package.iter_parts():
        name = str(part.partname)
        if not name.startswith("/word/") or not name.endswith(".xml"):
            continue
        element = getattr(part, "_element", None)
        if element is not None:
            clean_tree(element)
        elif part.content_type.endswith("+xml") and name.startswith(
                ("/word/footnotes", "/word/endnotes")):
            root = etree.fromstring(part.blob)
            clean_tree(root)
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                        standalone=True)
    _clean_settings(doc)
    _clear_core_properties(doc)


def _clean_settings(doc: Any) -> None:
    settings_part = doc.part._settings_part
    settings = settings_part.element
    for tag in ("trackRevisions", "attachedTemplate", "removePersonalInformation",
                "removeDateAndTime"):
        for el in settings.findall(W + tag):
            settings.remove(el)
    for rId, rel in list(settings_part.rels.items()):
        if rel.reltype == REL_ATTACHED_TEMPLATE:
            settings_part.rels.pop(rId)
    # Ask Word to keep author names and times out of comments and changes that a school
    # leader adds while editing (CT_Settings order: writeProtection, view, zoom, these two).
    index = 0
    for i, child in enumerate(settings):
        if child.tag in (W + "writeProtection", W + "view", W + "zoom"):
            index = i + 1
    for tag in ("removeDateAndTime", "removePersonalInformation"):
        settings.insert(index, etree.Element(W + tag))


def _clear_core_properties(doc: Any) -> None:
    element = doc.core_properties._element
    for child in list(element):
        element.remove(child)
