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

# Parts whose text a reader sees, in the one order commgen reads them (docx.reader): part
# name pattern -> kind of part.
TEXT_PARTS = ((r"word/document\.xml", "body"), (r"word/header(\d*)\.xml", "header"),
              (r"word/footer(\d*)\.xml", "footer"), (r"word/footnotes\.xml", "footnotes"),
              (r"word/endnotes\.xml", "endnotes"), (r"word/comments(\d*)\.xml", "comments"))

# Tracked-change and comment markup: elements to drop with their content ...
DROP = {W + t for t in (
    "del", "moveFrom", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange",
    "tcPrChange", "trPrChange", "tblGridChange", "numberingChange", "moveFromRangeStart",
    "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "commentRangeStart",
    "commentRangeEnd", "cellDel", "proofErr", "lastRenderedPageBreak")}
# ... and elements whose content is kept in place (accepted insertions).
UNWRAP = {W + "ins", W + "moveTo", W + "cellIns"}
REVISION_TAGS = {W + t for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")}

# Relationships (the r: attributes in parts, the Relationship elements of .rels parts).
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R_ID = "{" + R_NS + "}id"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
# Markup compatibility: an mc:Fallback repeats the content of its mc:Choice (text boxes).
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

# Document properties: core (docProps/core.xml), extended (app.xml), custom (custom.xml).
CP_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC_NS = "http://purl.org/dc/elements/1.1/"
APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CP, DC, APP = "{" + CP_NS + "}", "{" + DC_NS + "}", "{" + APP_NS + "}"
CUSTOM, VT = "{" + CUSTOM_NS + "}", "{" + VT_NS + "}"
CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"

# External references: a relationship with TargetMode="External" points outside the package.
# Hyperlinks are kept (a reader clicks them; nothing is fetched); any other kind (a remote
# image, a linked OLE object, a sub-document, a frame, an attached template) makes Word fetch
# something when the document opens, and is removed.
REL_HYPERLINK = REL_BASE + "hyperlink"
R_REF_ATTRIBUTES = ("{" + R_NS + "}id", "{" + R_NS + "}link", "{" + R_NS + "}embed",
                    "{" + R_NS + "}href", "{" + R_NS + "}pict")
# Field codes that fetch or link content from elsewhere when Word updates fields.
FETCHING_FIELDS = ("INCLUDEPICTURE", "INCLUDETEXT", "LINK", "DDE", "DDEAUTO", "IMPORT",
                   "RD", "HYPERLINK_FETCH")
# Elements that hold one referenced object: removed whole when their reference is removed.
DRAWING_CONTAINERS = (W + "drawing", W + "pict", W + "object", W + "subDoc")
