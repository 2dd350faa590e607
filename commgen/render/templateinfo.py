"""What a template set holds, for the foundation: documents, files, versions, questions used."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateSyntaxError, nodes

from commgen.foundation.jinja import text_environment
from commgen.questions.catalog import Catalog, Document
from commgen.questions.contextnames import SCHOOL_QUESTIONS

# Context objects whose attribute names a question: {{ phrase.material }}, {{ label.actions }}.
_BY_QUESTION = ("phrase", "label")


@dataclass
class TemplateInfo:
    document: Document
    lang: str
    path: Path
    questions: list[str]
    error: str | None = None


def part_sources(path: Path) -> list[str]:
    """The Jinja source of each part docxtpl renders (body, headers, footers), as docxtpl
    sees it after the cleaning that rendering applies first (tracked deletions dropped)."""
    from docxtpl import DocxTemplate

    from commgen.docx.clean import clean_template

    template = DocxTemplate(path)
    template.init_docx()
    clean_template(template.docx)
    sources = [template.patch_xml(template.get_xml())]
    for uri in (template.HEADER_URI, template.FOOTER_URI):
        for _rel, part in template.get_headers_footers(uri):
            sources.append(template.patch_xml(template.get_part_xml(part)))
    return sources


def template_source(path: Path) -> str:
    """The Jinja source of a .docx template, as docxtpl sees it (body, headers, footers)."""
    return "".join(part_sources(path))


def questions_used(source: str, catalog: Catalog, terms_question: str | None = None
                   ) -> list[str]:
    """Catalogue questions a template reads, directly or through phrase/label/term."""
    ast = text_environment().parse(source)
    names = {n.name for n in ast.find_all(nodes.Name) if n.ctx == "load"}
    if "term" in names and terms_question:
        names.add(terms_question)
    for attr in ast.find_all(nodes.Getattr):
        if isinstance(attr.node, nodes.Name) and attr.node.name in _BY_QUESTION:
            names.add(attr.attr)
        elif isinstance(attr.node, nodes.Name) and attr.node.name == "school":
            names.add(SCHOOL_QUESTIONS.get(attr.attr, ""))
    return [q.id for q in catalog.questions if q.id in names]


def describe(catalog: Catalog) -> list[TemplateInfo]:
    from commgen.render.snippets import load_snippets

    infos = []
    for document in catalog.documents:
        for lang, path in document.templates.items():
            terms = load_snippets(catalog, lang).terms_question
            try:
                used = questions_used(template_source(path), catalog, terms)
                infos.append(TemplateInfo(document, lang, path, used))
            except TemplateSyntaxError as exc:
                infos.append(TemplateInfo(document, lang, path, [], exc.message or str(exc)))
    return infos
