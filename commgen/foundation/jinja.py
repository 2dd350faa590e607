"""The Jinja environments commgen uses, all sandboxed with StrictUndefined.

Templates, snippets, ``when`` conditions and validators are written by the foundation, not by
developers: a sandbox keeps a slip in a data file from reaching Python, and StrictUndefined
turns a misspelt variable into an error instead of a silent gap in a letter.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateError, nodes, pass_context
from jinja2.sandbox import SandboxedEnvironment

from commgen.foundation.concepts import DOCUMENT_LANGUAGE


@pass_context
def opsomming(context: Any, items: Any) -> str:
    """A list as a sentence part: "a, b en c" (Babel, in the document's language)."""
    from babel.lists import format_list

    doc = context.get("doc")
    lang = doc.get("lang", DOCUMENT_LANGUAGE) if isinstance(doc, dict) else DOCUMENT_LANGUAGE
    words = [str(item) for item in items if str(item).strip()]
    return format_list(words, locale=lang) if words else ""


def add_filters(env: SandboxedEnvironment) -> SandboxedEnvironment:
    """commgen's own filters, the same in templates and snippets; no ``safe``."""
    env.filters.pop("safe", None)  # nothing authored in data files may mark text as safe XML
    env.filters["opsomming"] = opsomming
    return env


def _plain_environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True
    )
    return add_filters(env)


@lru_cache(maxsize=1)
def text_environment() -> SandboxedEnvironment:
    """For snippets: plain text in, plain text out (escaping happens in the document)."""
    return _plain_environment()


# What evaluating an expression from a data file can raise when the expression itself is wrong
# for the values it meets: Jinja's own errors (undefined, sandbox), comparing or adding values
# of the wrong kind, a missing item, a division by zero. Anything else is a bug in commgen.
EXPRESSION_ERRORS = (TemplateError, TypeError, ValueError, LookupError, AttributeError,
                     ArithmeticError)


@lru_cache(maxsize=256)
def compile_expression(source: str):  # type: ignore[no-untyped-def]
    """Compile a ``when`` condition or validator expression once."""
    return text_environment().compile_expression(source, undefined_to_none=False)


def expression_names(source: str) -> set[str]:
    """Names an expression reads, to check them against the catalogue."""
    ast = text_environment().parse("{{ (" + source + ") }}")
    return {n.name for n in ast.find_all(nodes.Name) if n.ctx == "load"}


def render_text(source: str, context: dict[str, Any]) -> str:
    return text_environment().from_string(source).render(context)
