"""Read a Word template as its author sees it: the body, headers and footers, in order.

The package is read by ``commgen.docx.reader``, and paragraphs, tables and cells are numbered
("alinea 12", "tabel 2, rij 1, cel 3", "koptekst") by ``commgen.docx.places``, as for rendered
documents. Only what is specific to templates is here: only the headers and footers that the
sections use are read (those are the parts docxtpl renders). The text of a paragraph is the
text commgen's render sees: inserted text kept, deleted text dropped (docxclean accepts
tracked changes before rendering).
"""

from __future__ import annotations

from pathlib import Path

from commgen.docx.places import WordPart, header_footer_kinds, heading_styles, walk_part
from commgen.docx.reader import (
    DOCUMENT,
    DOCUMENT_RELS,
    STYLES,
    Package,
    part_kind,
    part_order,
    read_package,
)
from commgen.foundation.files import MAX_DOCX_BYTES, read_limited


def read_parts(path: Path) -> tuple[list[WordPart], Package]:
    """The body, headers and footers of a template, and all its parts (for the hygiene
    checks); raises OSError or ``docx.reader.PackageProblem`` for a file that cannot be read."""
    package = read_package(read_limited(path, MAX_DOCX_BYTES))
    trees = package.trees
    document = trees[DOCUMENT]
    headings = heading_styles(trees.get(STYLES))
    parts = [walk_part(DOCUMENT, "body", "default", document, headings)]
    kinds = header_footer_kinds(trees.get(DOCUMENT_RELS), document)
    for name in sorted(kinds, key=part_order):
        if name in trees and part_kind(name) in ("header", "footer"):
            kind, variant = kinds[name]
            parts.append(walk_part(name, kind, variant, trees[name], headings))
    return parts, package
