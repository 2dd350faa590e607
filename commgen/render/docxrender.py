"""The one way a document is made: hardened docxtpl rendering, then an independent check.

docxtpl's defaults lose text without a word: ``&`` is dropped, and ``a<b>c`` makes its
recovering XML parser discard the rest of the document. Here every value is escaped
(autoescape), templates run in a sandbox with StrictUndefined, the template is cleaned of
comments and tracked changes first, properties are set in Python afterwards, and the saved
bytes are parsed strictly and searched for every value the template printed. A document that
fails any of this is never written.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError
from markupsafe import Markup, escape

from commgen.docx.ooxml import REVISION_TAGS
from commgen.docx.props import DocProperties
from commgen.docx.reader import DOCUMENT, DocumentText, Package
from commgen.foundation.errors import TemplateProblem, VerificationError
from commgen.foundation.i18n import _
from commgen.foundation.jinja import (
    EXPRESSION_ERRORS,
    CommgenSandbox,
    TemplateLimitError,
    sandbox,
)

# docxtpl turns {_{ }_} {_% %_} into {{ }} {% %} after rendering; an escaped underscore keeps
# a user's literal text as typed.
_DOCXTPL_MARKERS = re.compile(r"(?<=[{}%])_(?=[{}%])")
_TEMPLATE_SYNTAX = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


@dataclass
class RenderedDocument:
    data: bytes
    document: DocumentText  # the text a reader sees, with the place of every paragraph
    template: Path
    body: Any = None  # the parsed document part of ``data`` (its body is the same after a
    # custom property is added): the plain-text twin reads it instead of parsing ``data`` again

    @property
    def text(self) -> str:
        return self.document.text


MAX_OUTPUT = 5_000_000  # characters printed into one document


class _Recorder:
    """Escapes every printed value and remembers it for the check after saving."""

    def __init__(self) -> None:
        self.outputs: list[str] = []
        self.size = 0

    def finalize(self, value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, Markup):  # already escaped text, e.g. from Jinja's |e filter
            text = value.unescape()
        elif hasattr(value, "__html__"):  # docxtpl's RichText, InlineImage: XML by design
            return value
        else:
            text = str(value)
        if text:
            self.outputs.append(text)
            self.size += len(text)
            if self.size > MAX_OUTPUT:
                raise TemplateLimitError(_("more than {n} characters printed").format(n=MAX_OUTPUT))
        return Markup(_DOCXTPL_MARKERS.sub("&#95;", str(escape(text))))


def _environment(recorder: _Recorder) -> CommgenSandbox:
    """The sandbox with autoescape; without ``safe``: only commgen's own code makes raw XML."""
    return sandbox(autoescape=True, finalize=recorder.finalize)


def render_document(template: Path, context: dict[str, Any], props: DocProperties,
                    sensitive: frozenset[str] = frozenset(),
                    more_properties: Callable[[str], dict[str, str]] | None = None
                    ) -> RenderedDocument:
    """Render ``template`` with ``context``; return checked bytes or raise a user error.

    ``more_properties``: custom properties that depend on the rendered text (given the text
    as ``docx.reader`` reads it), written in the same save as the others. The verification
    reads the saved bytes and stops when their text is not the text they were made from."""
    import zipfile

    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate
    from lxml import etree

    from commgen.docx.bidi import mark_rtl_in
    from commgen.docx.clean import clean_template
    from commgen.docx.props import set_properties
    from commgen.docx.reader import PackageProblem, check_package_file

    tpl = _template_class(DocxTemplate)(template)
    try:
        check_package_file(template)
        tpl.init_docx()
    # What python-docx raises for a file that is not a readable Word package: not a zip, a
    # part or content type missing, broken XML, another kind of Office file, unreadable.
    except (PackageNotFoundError, PackageProblem, zipfile.BadZipFile, KeyError, ValueError,
            OSError, etree.XMLSyntaxError) as exc:
        raise TemplateProblem(_("{template}: this is not a Word document (.docx) that can be "
                                "read ({detail}). Save it again from Word as .docx.").format(
                                    template=template, detail=type(exc).__name__)) from None
    clean_template(tpl.docx)
    context = _place_pictures(tpl, context)
    recorder = _Recorder()
    try:
        tpl.render(context, jinja_env=_environment(recorder), autoescape=True)
    except RecursionError:
        raise TemplateProblem(_template_message(template, TemplateLimitError(
            _("a macro that calls itself without end")), sensitive)) from None
    except EXPRESSION_ERRORS as exc:
        raise TemplateProblem(_template_message(template, exc, sensitive)) from None
    mark_rtl_in(tpl.docx)  # Arabic and Hebrew shown right to left, the text unchanged
    before = None
    if more_properties is not None:
        before = _text_in_memory(tpl.docx)
        props = replace(props, custom={**props.custom, **more_properties(before)})
    set_properties(tpl.docx, props)
    buffer = io.BytesIO()
    tpl.save(buffer)
    data = buffer.getvalue()
    package = verify_package(data, recorder.outputs, template)
    if before is not None and package.document.text != before:
        raise VerificationError(_("{template}: the text of the saved document differs from the "
                                  "text that was rendered; it was not written.").format(
                                      template=template))
    return RenderedDocument(data, package.document, template, package.trees[DOCUMENT])


def _text_in_memory(docx: Any) -> str:
    """The text of the rendered document before it is saved, read by ``docx.reader`` from
    the parts python-docx holds (an XML part as its element, another as its bytes)."""
    from lxml import etree

    from commgen.docx.reader import STRICT_PARSER, document_text, text_part

    trees: dict[str, Any] = {}
    for part in docx.part.package.iter_parts():
        name = str(part.partname).lstrip("/")
        if text_part(name):
            element = getattr(part, "_element", None)
            trees[name] = element if element is not None else etree.fromstring(
                part.blob, STRICT_PARSER)
    return document_text(trees).text


@lru_cache(maxsize=1)
def _template_class(base: type) -> type:
    """docxtpl's template without the work that is wasted for commgen's templates.

    - ``patch_xml`` (a dozen regular expressions over the whole XML of a part) depends only on
      the part's XML, which is the same on every run: its result is kept in the user cache,
      keyed by that XML and docxtpl's version. What is rendered is exactly what docxtpl would
      render.
    - ``render_properties`` renders the core properties as templates; ``clean_template``
      empties them before rendering and ``set_properties`` replaces them all after, so its
      work (six template compilations per document) is thrown away.
    """
    import docxtpl

    from commgen.foundation.cache import cached_text

    class Template(base):  # type: ignore[misc,valid-type]
        def patch_xml(self, src_xml: str) -> str:
            return cached_text("docxtpl-patch", [docxtpl.__version__, src_xml],
                               lambda: base.patch_xml(self, src_xml))

        def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
            return None

    return Template


def _place_pictures(tpl: Any, context: dict[str, Any]) -> dict[str, Any]:
    """Swap each Picture (top level or one mapping deep) for docxtpl's InlineImage."""
    from docx.shared import Mm
    from docxtpl import InlineImage

    from commgen.render.context import Picture

    def convert(value: Any) -> Any:
        if isinstance(value, Picture):
            return InlineImage(tpl, str(value.path), height=Mm(value.height_mm))
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        return value

    return {key: convert(value) for key, value in context.items()}


def _template_message(template: Path, exc: Exception, sensitive: frozenset[str]) -> str:
    near = ""
    context_lines = [line.strip() for line in getattr(exc, "docx_context", []) or []]
    context_lines = [line for line in context_lines if line]
    if context_lines:
        near = _(" Near: “{text}”.").format(text=" … ".join(context_lines)[:200])
    if isinstance(exc, UndefinedError):
        name = re.search(r"'([^']+)' is undefined", str(exc))
        if name and name.group(1) in sensitive:
            return _("{template}: the template uses '{name}', a sensitive answer that may never "
                     "appear in a document. Remove it from the template.").format(
                         template=template, name=name.group(1))
        return _("{template}: the template uses something the answers do not define ({detail})."
                 " Check the spelling against the question ids in catalog.yaml.{near}").format(
                     template=template, detail=exc.message, near=near)
    if isinstance(exc, TemplateLimitError):
        return _("{template}: the template went past a limit ({detail}) and was stopped. Look "
                 "for a loop or a repetition that does not end.{near}").format(
                     template=template, detail=exc, near=near)
    if isinstance(exc, SecurityError):
        return _("{template}: the template does something that is not allowed ({detail}).{near}"
                 ).format(template=template, detail=exc, near=near)
    if isinstance(exc, TemplateSyntaxError):
        return _("{template}: a tag in the template is not written correctly ({detail}).{near}"
                 ).format(template=template, detail=exc.message, near=near)
    if isinstance(exc, TemplateNotFound):
        return _("{template}: the template tries to include another file ({detail}); a "
                 "template is one Word document, without include, import or extends.{near}"
                 ).format(template=template, detail=exc, near=near)
    return _("{template}: the template cannot be filled in ({detail}).{near}").format(
        template=template, detail=exc, near=near)


def verify_document(data: bytes, outputs: list[str], template: Path) -> DocumentText:
    """Check the saved bytes: strict XML, no revisions or comments, every printed value there.
    Return the document's text as ``docx.reader`` reads it (the text the checks see)."""
    return verify_package(data, outputs, template).document


def verify_package(data: bytes, outputs: list[str], template: Path) -> Package:
    """``verify_document``, returning every part as parsed (strictly) for the check."""
    from commgen.docx.reader import PackageProblem, read_package

    try:
        package = read_package(data)
    except PackageProblem as exc:
        raise VerificationError(_("{template}: the rendered document is damaged in {part} "
                                  "({detail}); it was not written.").format(
                                      template=template, part=exc.part, detail=exc.detail)
                                ) from None
    for name, tree in package.trees.items():
        if name.startswith("word/comments") or name == "word/people.xml":
            raise VerificationError(_("{template}: the rendered document still contains comments;"
                                      " it was not written.").format(template=template))
        if name.startswith("word/") and next(tree.iter(*REVISION_TAGS), None) is not None:
            raise VerificationError(_("{template}: the rendered document still contains tracked "
                                      "changes; it was not written.").format(template=template))
    document = package.document
    text = document.text
    expected: dict[str, int] = {}
    for value in outputs:
        value = value.replace("\a", "\n")
        expected[value] = expected.get(value, 0) + 1
    for value, count in expected.items():
        if text.count(value) < count:
            raise VerificationError(_(
                "{template}: an answer did not arrive in full in the document; it was not "
                "written. The answer starts with “{start}”. Check the template around the place "
                "where it should appear.").format(template=template, start=_excerpt(value)))
    rest = text
    for value in sorted(expected, key=len, reverse=True):
        rest = rest.replace(value, "")
    leftover = _TEMPLATE_SYNTAX.search(rest)
    if leftover:
        start = max(0, leftover.start() - 40)
        raise VerificationError(_(
            "{template}: template syntax was left in the document near “{near}”; it was not "
            "written. Check that every tag is closed.").format(
                template=template, near=rest[start:leftover.end() + 40].replace("\n", " ")))
    return package


def _excerpt(value: str) -> str:
    first = value.strip().splitlines()[0] if value.strip() else value
    return first[:60] + ("…" if len(first) > 60 else "")


