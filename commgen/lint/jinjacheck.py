"""Jinja's view of a template: syntax, and every name, attribute and filter it uses.

The names a template may use come from the catalogue (question ids), the snippets
(``phrase.<question>``, ``term.<word>``) and ``questions.contextnames``; the filters from the
sandbox that renders the documents. Anything else fails at render time in a school, so it is
reported here with its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jinja2 import TemplateSyntaxError, nodes

from commgen.foundation.i18n import _
from commgen.foundation.jinja import text_environment
from commgen.questions.catalog import Catalog, Document, closest
from commgen.questions.contextnames import CONTEXT_NAMES, JINJA_NAMES, SCHOOL_QUESTIONS
from commgen.render.snippets import Snippets, phrase_names

_UNKNOWN_TAG = re.compile(r"Encountered unknown tag '(\w+)'")
_KNOWN_TAGS = ["if", "elif", "else", "endif", "for", "endfor", "set", "endset", "with",
               "endwith", "filter", "endfilter", "macro", "endmacro", "call", "endcall", "raw",
               "endraw"]


@dataclass
class Names:
    """What a template set may use, built once per language from the catalogue and snippets."""

    catalog: Catalog
    snippets: Snippets | None
    document: Document | None = None  # the template's document: free text must feed it

    def attributes(self, name: str) -> frozenset[str] | None:
        """The attributes ``name.<attr>`` may take, or None when any is fine."""
        if name == "phrase":
            return phrase_names(self.snippets) if self.snippets else None
        if name == "label":
            return frozenset(q.id for q in self.catalog.questions if not q.sensitive
                             and q.type in ("choice", "multichoice"))
        if name == "term":
            if not self.snippets or not self.snippets.terms:
                return None
            return frozenset(w for words in self.snippets.terms.values() for w in words)
        return CONTEXT_NAMES.get(name)


@dataclass
class Finding:
    """A name problem at a Jinja line (the caller knows which paragraph or sentence it is)."""

    code: str
    message: str
    lineno: int


@dataclass
class Usage:
    """Questions a piece of Jinja reads (for the unused-question warning)."""

    questions: set[str] = field(default_factory=set)
    uses_term: bool = False
    complete: bool = True  # False when a syntax error hid part of a template


def syntax_message(exc: TemplateSyntaxError) -> str:
    """Jinja's complaint with a hint for the mistakes template authors make most."""
    detail = exc.message or str(exc)
    unknown = _UNKNOWN_TAG.search(detail)
    if unknown and unknown.group(1) in ("p", "tr", "tc", "r"):
        return _("write {{%{prefix} without a space between {{% and {prefix} ({detail})").format(
            prefix=unknown.group(1), detail=detail)
    if unknown:
        hint = closest(unknown.group(1), _KNOWN_TAGS)
        if hint:
            return _("unknown tag '{name}'; did you mean '{hint}'? ({detail})").format(
                name=unknown.group(1), hint=hint, detail=detail)
    return _("this tag is not written correctly: {detail}").format(detail=detail)


def check_names(ast: nodes.Template, names: Names, usage: Usage) -> list[Finding]:
    """Unknown variables, attributes, sensitive answers, unknown filters and tests."""
    env = text_environment()
    catalog = names.catalog
    local = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    known = set(catalog.by_id) | set(CONTEXT_NAMES) | JINJA_NAMES | set(env.globals) | local
    findings: list[Finding] = []
    for node in ast.find_all(nodes.Name):
        if node.ctx != "load" or node.name in local:
            continue
        question = catalog.by_id.get(node.name)
        if question is not None and question.sensitive:
            findings.append(Finding("sensitive-variable", _(
                "'{name}' is a sensitive answer that never reaches a document; remove it from "
                "the template").format(name=node.name), node.lineno))
        elif question is not None and names.document is not None and not catalog.feeds(
                question, names.document):
            findings.append(Finding("outside-feeds", _(
                "'{name}' does not feed this document (its feeds: {feeds}); add the document "
                "or its audience to 'feeds' in the catalogue, or remove it from the template"
                ).format(name=node.name, feeds=", ".join(question.feeds)), node.lineno))
        elif node.name not in known:
            findings.append(Finding("unknown-variable", _(
                "'{name}' is not a question of the catalogue nor a name commgen provides"
                "{hint}").format(name=node.name, hint=_hint(node.name, sorted(known - local))),
                node.lineno))
        elif question is not None:
            usage.questions.add(node.name)
        usage.uses_term = usage.uses_term or node.name == "term"
    for node in ast.find_all(nodes.Getattr):
        if not isinstance(node.node, nodes.Name) or node.node.name in local:
            continue
        allowed = names.attributes(node.node.name)
        if node.node.name in ("phrase", "label"):
            usage.questions.add(node.attr)
        elif node.node.name == "school" and node.attr in SCHOOL_QUESTIONS:
            usage.questions.add(SCHOOL_QUESTIONS[node.attr])  # school.<field>: that answer
        if allowed is not None and node.attr not in allowed:
            findings.append(Finding("unknown-attribute", _(
                "'{name}.{attr}' does not exist{hint}").format(
                    name=node.node.name, attr=node.attr,
                    hint=_hint(node.attr, sorted(allowed), f"{node.node.name}.")), node.lineno))
    for kind, table, code in ((nodes.Filter, env.filters, "unknown-filter"),
                              (nodes.Test, env.tests, "unknown-test")):
        for node in ast.find_all(kind):
            if node.name not in table:
                findings.append(Finding(code, _(
                    "'{name}' is not a filter or test commgen offers{hint}").format(
                        name=node.name, hint=_hint(node.name, sorted(table))), node.lineno))
    return findings + check_sandbox(ast, catalog)


_IMAGE_TYPES = ("image",)


def check_sandbox(ast: nodes.Template, catalog: Catalog) -> list[Finding]:
    """What the sandbox refuses at render time, found before a school renders it: names with
    an underscore (``__class__``, ``_TemplateReference__context``), methods of a file answer
    (``school_logo.read_text()``), include/import/extends, and sizes past the limits written
    as constants (``'x' * 10**9``, ``range(10**9)``)."""
    findings: list[Finding] = []
    images = {q.id for q in catalog.questions if q.type in _IMAGE_TYPES}
    for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
        attr = node.attr if isinstance(node, nodes.Getattr) else _const(node.arg)
        root = node.node
        while isinstance(root, nodes.Getattr | nodes.Getitem):
            root = root.node
        if isinstance(attr, str) and attr.startswith("_"):
            findings.append(Finding("unsafe-attribute", _(
                "'{attr}' is not available in a template (names that start with _ belong to "
                "Python, not to the answers); remove it").format(attr=attr), node.lineno))
        elif isinstance(root, nodes.Name) and root.name in images:
            findings.append(Finding("unsafe-attribute", _(
                "'{name}' is an image; a template can place it, not read or open it; remove "
                "'.{attr}'").format(name=root.name, attr=attr), node.lineno))
    for node in ast.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        findings.append(Finding("include", _(
            "include, import and extends are not available: every document is one file"),
            node.lineno))
    for node in ast.find_all((nodes.Pow, nodes.Mul, nodes.Call)):
        if _too_large(node):
            findings.append(Finding("too-large", _(
                "this makes a number, text or list larger than a document can hold; make it "
                "smaller"), node.lineno))
    return findings


def _const(node: nodes.Node) -> object:
    return node.value if isinstance(node, nodes.Const) else None


_HUGE = float("inf")


def _number(node: nodes.Node) -> float | None:
    """A constant integer expression's value, ``inf`` when it passes the sandbox's limit on
    ``**`` (never computed in full), None when it is not constant."""
    from commgen.foundation.jinja import MAX_POWER_BITS

    if isinstance(node, nodes.Const) and isinstance(node.value, int | float) \
            and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, nodes.Pow | nodes.Mul | nodes.Add):
        left, right = _number(node.left), _number(node.right)
        if left is None or right is None:
            return None
        if _HUGE in (left, right):
            return _HUGE
        if isinstance(node, nodes.Pow):
            if abs(int(left)).bit_length() * right > MAX_POWER_BITS:
                return _HUGE
            return left ** right
        return left * right if isinstance(node, nodes.Mul) else left + right
    return None


def _too_large(node: nodes.Node) -> bool:
    from commgen.foundation.jinja import MAX_SEQUENCE, MAX_STEPS

    if isinstance(node, nodes.Pow):
        return _number(node) == _HUGE
    if isinstance(node, nodes.Mul):
        sides = [(node.left, node.right), (node.right, node.left)]
        return any(isinstance(_const(seq), str) or isinstance(seq, nodes.List | nodes.Tuple)
                   for seq, count in sides if (_number(count) or 0) > MAX_SEQUENCE)
    if isinstance(node.node, nodes.Name) and node.node.name == "range" and node.args:
        return any((_number(arg) or 0) > MAX_STEPS for arg in node.args)
    return False


def _hint(word: str, options: list[str], prefix: str = "") -> str:
    close = closest(word, options)
    return _("; did you mean '{name}'?").format(name=prefix + close) if close else ""


def parse(source: str) -> nodes.Template:
    """Parse with the sandbox's syntax (raises TemplateSyntaxError)."""
    return text_environment().parse(source)


def record_usage(source: str, names: Names, usage: Usage) -> None:
    """Record the questions a ``when`` condition or the author text reads."""
    try:
        ast = parse(source)
    except TemplateSyntaxError:
        return  # the catalogue loader reports it
    check_names(ast, names, usage)
