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
    DRAWING_CONTAINERS,
    DROP,
    FETCHING_FIELDS,
    R_REF_ATTRIBUTES,
    REL_ATTACHED_TEMPLATE,
    REL_CUSTOM,
    REL_HYPERLINK,
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
    remove_external_references(doc)
    _clean_settings(doc)
    _clear_core_properties(doc)


def is_fetching_field(instruction: str) -> bool:
    """A field code such as INCLUDEPICTURE "http://..." that fetches content from elsewhere."""
    words = instruction.strip().split()
    return bool(words) and words[0].upper() in FETCHING_FIELDS


def external_relationships(part: Any) -> list[tuple[str, str, str]]:
    """(rId, kind, target) of a part's relationships that point outside the package and are
    not hyperlinks."""
    return [(rId, rel.reltype.rsplit("/", 1)[-1], rel.target_ref)
            for rId, rel in part.rels.items() if rel.is_external and rel.reltype != REL_HYPERLINK]


def remove_external_references(doc: Any) -> None:
    """Remote images, linked objects, sub-documents, frames: their relationships go, and so does
    the markup that uses them; fields that fetch from elsewhere lose their instruction and keep
    the text they show."""
    for part in doc.part.package.iter_parts():
        external = {rId for rId, _kind, _target in external_relationships(part)}
        element = getattr(part, "_element", None)
        if external and element is not None:
            for el in list(element.iter()):
                if any(el.get(a) in external for a in R_REF_ATTRIBUTES):
                    _remove(_container(el))
        for rId in external:
            part.rels.pop(rId)
        if element is not None:
            _drop_fetching_fields(element)


def _container(el: Any) -> Any:
    """The drawing, picture, object or sub-document an element belongs to (else itself)."""
    for ancestor in (el, *el.iterancestors()):
        if ancestor.tag in DRAWING_CONTAINERS:
            return ancestor
    return el


def _drop_fetching_fields(root: Any) -> None:
    for simple in list(root.iter(W + "fldSimple")):
        if is_fetching_field(simple.get(W + "instr", "")):
            parent = simple.getparent()
            index = parent.index(simple)
            for child in reversed(list(simple)):  # keep the text the field shows
                parent.insert(index, child)
            parent.remove(simple)
    for instruction in root.iter(W + "instrText"):
        if is_fetching_field(instruction.text or ""):
            instruction.text = ""


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
