"""Names from the Office Open XML standard that several modules need."""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
REL_CUSTOM = REL_BASE + "custom-properties"
REL_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
REL_ATTACHED_TEMPLATE = REL_BASE + "attachedTemplate"
# Comment parts, in every flavour Word has added over the years, and the comment authors.
COMMENT_REL_SUFFIXES = ("/comments", "/commentsExtended", "/commentsIds", "/commentsExtensible",
                        "/people")
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"

# Parts whose text a reader sees.
TEXT_PART_PREFIXES = ("word/document", "word/header", "word/footer", "word/footnotes",
                      "word/endnotes")

# Tracked-change and comment markup: elements to drop with their content ...
DROP = {W + t for t in (
    "del", "moveFrom", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange",
    "tcPrChange", "trPrChange", "tblGridChange", "numberingChange", "moveFromRangeStart",
    "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "commentRangeStart",
    "commentRangeEnd", "cellDel", "proofErr", "lastRenderedPageBreak")}
# ... and elements whose content is kept in place (accepted insertions).
UNWRAP = {W + "ins", W + "moveTo", W + "cellIns"}
REVISION_TAGS = {W + t for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")}
