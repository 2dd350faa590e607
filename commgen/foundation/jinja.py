"""The Jinja environments commgen uses: one hardened sandbox for templates, snippets,
``when`` conditions and validators.

Templates, snippets and conditions are written by the foundation and travel between the
schools of a foundation: they are data, never code. So:
- Jinja's immutable sandbox, and on top of it an allow-list: a template may read only the
  attributes a plain value offers (the keys of a mapping, a few harmless ``str`` methods, the
  loop variable, and the attributes a class lists in ``__jinja_attributes__``) and call only
  those methods and commgen's own filters. A ``pathlib.Path`` or any other object exposes
  nothing.
- ``{% include %}``, ``{% import %}`` and ``{% extends %}`` find nothing: there is no loader.
- Limits: a render stops after a number of steps or seconds, strings and lists made by ``*`` and
  ``+`` have a maximum length, ``**`` a maximum size. Exceeding one is a template error that
  names the limit, never a hang or a full memory.
- StrictUndefined turns a misspelt variable into an error instead of a silent gap in a letter.
"""

from __future__ import annotations

import contextlib
import operator
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache, wraps
from typing import Any

from jinja2 import (
    BaseLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    nodes,
    pass_context,
)
from jinja2 import __version__ as jinja_version
from jinja2.compiler import CodeGenerator
from jinja2.runtime import LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import Namespace

from commgen.foundation.concepts import DOCUMENT_LANGUAGE
from commgen.foundation.i18n import _

# Limits for one render (a document, a sentence, a condition). The bundled templates need a few
# thousand steps and well under a second; the limits leave room for a hundred times that.
MAX_STEPS = 2_000_000  # lines of compiled template code executed
MAX_SECONDS = 20.0
MAX_SEQUENCE = 200_000  # characters of a string (or items of a list) made by * or +
MAX_POWER_BITS = 4096  # size of the result of **

_STR_METHODS = frozenset({
    "capitalize", "count", "endswith", "find", "isalpha", "isdigit", "islower", "isspace",
    "istitle", "isupper", "lower", "lstrip", "replace", "rfind", "rsplit", "rstrip", "split",
    "splitlines", "startswith", "strip", "title", "upper", "join"})
_DICT_METHODS = frozenset({"get", "items", "keys", "values"})
_SEQUENCE_METHODS = frozenset({"count", "index"})
_LOOP_ATTRIBUTES = frozenset({
    "index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0",
    "previtem", "nextitem", "cycle", "changed"})
# The filters a template may use: Jinja's own that cannot reach outside the value or blow up
# its size, and commgen's. Left out on purpose: safe (raw XML), attr, format, center, indent,
# wordwrap, filesizeformat, pprint, urlize, xmlattr, tojson, forceescape, map, items.
FILTERS = frozenset({
    "abs", "batch", "capitalize", "count", "d", "default", "dictsort", "e", "escape", "first",
    "float", "groupby", "int", "join", "last", "length", "list", "lower", "max", "min",
    "reject", "rejectattr", "replace", "reverse", "round", "select", "selectattr", "slice",
    "sort", "string", "striptags", "sum", "title", "trim", "truncate", "unique", "upper",
    "wordcount", "opsomming"})
GLOBALS = frozenset({"range", "dict", "namespace"})


class TemplateLimitError(TemplateError):
    """A template, snippet or condition went past one of the limits above."""


class _NoLoader(BaseLoader):
    """``{% include %}``, ``{% import %}`` and ``{% extends %}`` are not part of commgen's
    templates: every document is one file, so nothing can be loaded from elsewhere."""

    def get_source(self, environment: Any, template: str) -> Any:
        raise TemplateNotFound(template, "include, import and extends are not available")


def _allowed_attributes(obj: Any) -> frozenset[str]:
    declared = getattr(type(obj), "__jinja_attributes__", None)
    names: frozenset[str] = declared if isinstance(declared, frozenset) else frozenset()
    if isinstance(obj, str):
        return names | _STR_METHODS
    if isinstance(obj, dict):
        return names | _DICT_METHODS
    if isinstance(obj, list | tuple):
        return names | _SEQUENCE_METHODS
    if isinstance(obj, LoopContext):
        return _LOOP_ATTRIBUTES
    return names


class _Budget:
    """Steps and time left for the render that is running (renders do not nest)."""

    def __init__(self) -> None:
        self.steps = 0
        self.deadline = 0.0

    def tick(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise TemplateLimitError(_("more than {n} steps; is there a loop without end?").format(
                n=MAX_STEPS))
        if not self.steps % 4096 and time.monotonic() > self.deadline:
            raise TemplateLimitError(_("longer than {n} seconds").format(n=int(MAX_SECONDS)))


_BUDGET = _Budget()
_TEMPLATE_FILE = "<template>"  # the file name Jinja gives code compiled from a string


def _line_tracer(frame: Any, event: str, arg: Any) -> Any:
    if event == "line":
        _BUDGET.tick()
    return _line_tracer


def _call_tracer(frame: Any, event: str, arg: Any) -> Any:
    """Count only the lines of compiled template code; other code is not traced line by line."""
    if frame.f_code.co_filename == _TEMPLATE_FILE:
        _BUDGET.tick()
        return _line_tracer
    return None


@contextmanager
def render_limits() -> Iterator[None]:
    """Run a render with the step and time limits (a template loop cannot be interrupted any
    other way: its body may be plain text, with no call that could check a clock)."""
    previous = sys.gettrace()
    if previous is not None:  # a debugger or coverage: do not take its place
        yield
        return
    _BUDGET.steps, _BUDGET.deadline = 0, time.monotonic() + MAX_SECONDS
    sys.settrace(_call_tracer)
    try:
        yield
    finally:
        sys.settrace(None)


def _too_long() -> TemplateLimitError:
    return TemplateLimitError(_("a text or list longer than {n}").format(n=MAX_SEQUENCE))


def sized(value: Any) -> Any:
    """A text or list made in a template: refused when it is longer than the limit."""
    if isinstance(value, str | list | tuple) and len(value) > MAX_SEQUENCE:
        raise _too_long()
    return value


def _sized_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose result is size-checked (``replace`` in a loop can double a text)."""

    @wraps(function)  # keeps Jinja's pass_context marks
    def checked(*args: Any, **kwargs: Any) -> Any:
        return sized(function(*args, **kwargs))

    return checked


class _SizedConcat(CodeGenerator):
    """``a ~ b`` is not an operator Jinja lets a sandbox intercept; size-check its result."""

    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
        self.write("environment.sized(")
        super().visit_Concat(node, frame)
        self.write(")")


class LimitedTemplate(Template):
    """A template whose every render runs within the limits."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        with render_limits():
            return super().render(*args, **kwargs)


class CommgenSandbox(ImmutableSandboxedEnvironment):
    """The one sandbox: allow-listed attributes and calls, size limits on operators."""

    intercepted_binops = frozenset({"*", "+", "**"})
    template_class = LimitedTemplate
    code_generator_class = _SizedConcat

    @staticmethod
    def sized(value: Any) -> Any:
        return sized(value)

    def compile(self, source: Any, name: str | None = None, filename: str | None = None,
                raw: bool = False, defer_init: bool = False) -> Any:
        """Compiled code for a template string, kept in the user cache: docxtpl compiles every
        part of every template on every run, and the code depends only on the source and on
        how this environment generates code."""
        if raw or name is not None or filename is not None or not isinstance(source, str):
            return super().compile(source, name, filename, raw, defer_init)
        return self._cached_code(("template", str(defer_init), source),
                                 lambda: super(CommgenSandbox, self).compile(
                                     source, name, filename, raw, defer_init))

    def compile_expression(self, source: str, undefined_to_none: bool = True) -> Any:
        """Jinja's ``compile_expression``, its code kept in the user cache like a template's
        (conditions and validators of the catalogue and the sentences: a few hundred)."""
        from jinja2.environment import TemplateExpression
        from jinja2.parser import Parser

        def compile_now() -> Any:  # as Jinja does it, with the same syntax errors
            parser = Parser(self, source, state="variable")
            try:
                expr = parser.parse_expression()
                if not parser.stream.eos:
                    raise TemplateSyntaxError("chunk after expression",
                                              parser.stream.current.lineno, None, None)
                expr.set_environment(self)
            except TemplateSyntaxError:
                self.handle_exception(source=source)
            body = [nodes.Assign(nodes.Name("result", "store"), expr, lineno=1)]
            return self.compile(nodes.Template(body, lineno=1))

        code = self._cached_code(("expression", source), compile_now)
        template = self.template_class.from_code(self, code, self.make_globals(None), None)
        return TemplateExpression(template, undefined_to_none)

    def _cached_code(self, parts: tuple[str, ...], compile_now: Callable[[], Any]) -> Any:
        """Code from the user cache, keyed by ``parts`` and all that decides the generated
        code (Jinja's version, autoescape, finalize, the intercepted operators)."""
        import marshal

        from commgen.foundation.cache import entry, get, put

        finalize = getattr(self.finalize, "__qualname__", repr(self.finalize))
        path = entry("jinja", jinja_version, repr(self.autoescape), finalize,
                     repr(sorted(self.intercepted_binops)), *parts)
        stored = get(path)
        if stored is not None:
            with contextlib.suppress(ValueError, EOFError, TypeError):
                return marshal.loads(stored)
        code = compile_now()
        put(path, marshal.dumps(code))
        return code

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, Namespace):  # {% set ns.count = ... %}: its own values only
            return not attr.startswith("_")
        return attr in _allowed_attributes(obj) and super().is_safe_attribute(obj, attr, value)

    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, Macro | Namespace) or obj in self._safe_globals:
            return super().is_safe_callable(obj)
        owner = getattr(obj, "__self__", None)
        name = getattr(obj, "__name__", "")
        if owner is not None and name in _allowed_attributes(owner):
            return super().is_safe_callable(obj)
        return isinstance(obj, LoopContext)  # loop(children) in a recursive loop

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        if op == "**":
            if isinstance(left, int | float) and isinstance(right, int | float) and (
                    right > 0 and abs(left) > 1
                    and abs(int(left)).bit_length() * right > MAX_POWER_BITS):
                raise TemplateLimitError(_("a number larger than 2**{n}").format(n=MAX_POWER_BITS))
            return operator.pow(left, right)
        if op == "*":
            for seq, count in ((left, right), (right, left)):
                if (isinstance(seq, str | list | tuple) and isinstance(count, int)
                        and len(seq) * max(count, 0) > MAX_SEQUENCE):
                    raise _too_long()
            return operator.mul(left, right)
        if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple) and (
                len(left) + len(right) > MAX_SEQUENCE):
            raise _too_long()
        return operator.add(left, right)

    @property
    def _safe_globals(self) -> tuple[Any, ...]:
        return tuple(self.globals[name] for name in GLOBALS if name in self.globals)


@pass_context
def opsomming(context: Any, items: Any) -> str:
    """A list as a sentence part: "a, b en c" (Babel, in the document's language)."""
    from commgen.foundation.cache import remembered

    doc = context.get("doc")
    lang = doc.get("lang", DOCUMENT_LANGUAGE) if isinstance(doc, dict) else DOCUMENT_LANGUAGE
    words = [str(item) for item in items if str(item).strip()]

    def compute() -> str:
        from babel.lists import format_list

        return format_list(words, locale=lang)

    return str(remembered("babel", "list", [lang, *words], compute)) if words else ""


def sandbox(autoescape: bool = False, finalize: Callable[[Any], Any] | None = None,
            **options: Any) -> CommgenSandbox:
    """A new environment with commgen's filters and globals and nothing else."""
    env = CommgenSandbox(undefined=StrictUndefined, autoescape=autoescape,
                         finalize=finalize or sized, loader=_NoLoader(), **options)
    env.filters = {name: _sized_filter(f) for name, f in env.filters.items() if name in FILTERS}
    env.filters["opsomming"] = _sized_filter(opsomming)
    env.tests = {name: t for name, t in env.tests.items()
                 if name not in ("callable", "sameas", "escaped")}
    env.globals = {name: value for name, value in env.globals.items() if name in GLOBALS}
    return env


@lru_cache(maxsize=1)
def text_environment() -> CommgenSandbox:
    """For snippets and conditions: plain text in, plain text out (escaping happens in the
    document)."""
    return sandbox(keep_trailing_newline=True)


# What evaluating an expression from a data file can raise when the expression itself is wrong
# for the values it meets: Jinja's own errors (undefined, sandbox, limits), comparing or adding
# values of the wrong kind, a missing item, a division by zero, recursion without end. Anything
# else is a bug in commgen.
EXPRESSION_ERRORS = (TemplateError, TypeError, ValueError, LookupError, AttributeError,
                     ArithmeticError, RecursionError, SecurityError)


@lru_cache(maxsize=256)
def _compiled_expression(source: str):  # type: ignore[no-untyped-def]
    return text_environment().compile_expression(source, undefined_to_none=False)


def compile_expression(source: str) -> Callable[..., Any]:
    """Compile a ``when`` condition or validator expression once; calling it runs within the
    render limits."""
    expression = _compiled_expression(source)

    def evaluate(**values: Any) -> Any:
        with render_limits():
            return expression(**values)

    return evaluate


def expression_names(source: str) -> set[str]:
    """Names an expression reads, to check them against the catalogue."""
    return set(_expression_names(source))


@lru_cache(maxsize=1024)
def _expression_names(source: str) -> tuple[str, ...]:
    """Parsing is most of the cost of loading the catalogue and the sentences: the names of
    each expression are kept in the user cache (a syntax error is raised, never kept)."""
    from commgen.foundation.cache import cached_json

    def parse() -> list[str]:
        ast = text_environment().parse("{{ (" + source + ") }}")
        return sorted({n.name for n in ast.find_all(nodes.Name) if n.ctx == "load"})

    return tuple(cached_json("expression-names", [jinja_version, source], parse))


@lru_cache(maxsize=1024)
def _compiled_text(source: str) -> Any:
    return text_environment().from_string(source)


def render_text(source: str, context: dict[str, Any]) -> str:
    """Fill in a vetted sentence or the author text (compiled once per process)."""
    return _compiled_text(source).render(context)
