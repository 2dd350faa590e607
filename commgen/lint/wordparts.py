"""Read a Word template as its author sees it: the body, headers and footers, in order.

The numbering of paragraphs, tables and cells ("alinea 12", "tabel 2, rij 1, cel 3",
"koptekst") is the one of ``commgen.docx.places``, shared with the reader of rendered
documents. Only what is specific to templates is here: a template is read from its file, and
only the headers and footers its sections use are read (those are the parts docxtpl renders).
The text of a paragraph is the text commgen's render sees: inserted text kept, deleted text
dropped (docxclean accepts tracked changes before rendering).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from commgen.docx.places import WordPart, header_footer_kinds, heading_styles, walk_part
from commgen.docx.reader import part_order

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def read_parts(path: Path) -> tuple[list[WordPart], zipfile.ZipFile]:
    """The body, headers and footers of a .docx; raises zipfile/lxml errors for a bad file."""
    archive = zipfile.ZipFile(path)
    names = archive.namelist()
    document = etree.fromstring(archive.read("word/document.xml"), _PARSER)
    rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"), _PARSER)
    styles = (etree.fromstring(archive.read("word/styles.xml"), _PARSER)
              if "word/styles.xml" in names else None)
    headings = heading_styles(styles)
    parts = [walk_part("word/document.xml", "body", "default", document, headings)]
    kinds = header_footer_kinds(rels, document)
    for name in sorted(kinds, key=part_order):
        if name in names:
            kind, variant = kinds[name]
            parts.append(walk_part(name, kind, variant,
                                   etree.fromstring(archive.read(name), _PARSER), headings))
    return parts, archive
