"""Read YAML files that people edit by hand, keeping the line of every key.

PyYAML alone forgets where a value came from and keeps the last of two equal keys without a
word. Error messages must name the line, and a key written twice is a mistake to report.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import yaml

from commgen.foundation.errors import Problem
from commgen.foundation.files import (
    MAX_YAML_BYTES,
    FileTooLarge,
    NotARegularFile,
    read_limited,
)
from commgen.foundation.i18n import _


class LineDict(dict):
    """A mapping that remembers the 1-based line of each key and the source text of scalars."""

    line: int = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines: dict[Any, int] = {}
        self.raw: dict[Any, str] = {}
        self.sources: dict[Any, Path] = {}  # keys read from another file than the main one

    def line_of(self, key: Any) -> int | None:
        return self.lines.get(key, self.line or None)

    def source_of(self, key: Any, default: Path | None) -> Path | None:
        """The file ``key`` was read from, when mappings of two files were merged."""
        return self.sources.get(key, default)


class _DuplicateKey(Exception):
    def __init__(self, key: Any, line: int, first: int) -> None:
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


# libyaml's C parser when PyYAML has it (it parses a catalogue ten times faster).
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Aliased(Exception):
    """An alias (*name) to a list or mapping: refused, so that a few lines cannot expand into
    millions of values (the "billion laughs" file). Aliases to a single text are fine."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _BadValue(Exception):
    """A scalar YAML cannot turn into its value (an integer of thousands of digits, the date
    2026-13-45), with the line it is on."""

    def __init__(self, line: int, detail: str) -> None:
        super().__init__(detail)
        self.line, self.detail = line, detail


class _Loader(_Base):  # type: ignore[misc,valid-type]
    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects and not isinstance(node, yaml.ScalarNode):
            raise _Aliased(node.start_mark.line + 1)
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as exc:
            if not isinstance(node, yaml.ScalarNode):
                raise
            raise _BadValue(node.start_mark.line + 1, str(exc)[:80]) from None


def _construct_mapping(loader: _Loader, node: yaml.MappingNode):  # type: ignore[no-untyped-def]
    data = LineDict()
    data.line = node.start_mark.line + 1
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            key = str(key)
        line = key_node.start_mark.line + 1
        if key in data:
            raise _DuplicateKey(key, line, data.lines[key])
        data[key] = loader.construct_object(value_node, deep=True)
        data.lines[key] = line
        if isinstance(value_node, yaml.ScalarNode):
            data.raw[key] = value_node.value


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_yaml(text: str, path: Path | None) -> tuple[Any, list[Problem]]:
    """Parse ``text``; return the data, or ``None`` with the problems that stopped parsing."""
    try:
        return yaml.load(text, Loader=_Loader), []
    except _Aliased as alias:
        return None, [Problem(_("an alias (*name) may stand only for a single text, not for a "
                                "list or a mapping; write the values out"), path, alias.line)]
    except _BadValue as bad:  # e.g. an integer of thousands of digits
        return None, [Problem(_("a value cannot be read ({detail}); write it as text between "
                                "quotes").format(detail=bad.detail), path, bad.line)]
    except (ValueError, RecursionError) as exc:  # nested deeper than anyone writes by hand
        return None, [Problem(_("a value cannot be read ({detail}); write it as text between "
                                "quotes").format(detail=str(exc)[:80]), path)]
    except _DuplicateKey as dup:
        msg = _("the key appears twice (first on line {first}); keep one of them").format(
            first=dup.first
        )
        return None, [Problem(msg, path, dup.line, str(dup.key))]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        detail = exc.problem or exc.context or ""
        msg = _(
            "this is not valid YAML ({detail}). Check indentation, colons and quotes around "
            "text that contains a colon or starts with a special character."
        ).format(detail=detail)
        return None, [Problem(msg, path, line)]
    except yaml.YAMLError as exc:
        return None, [Problem(_("this is not valid YAML ({detail}).").format(detail=exc), path)]


def read_text(path: Path, limit: int = MAX_YAML_BYTES) -> str:
    """Read a UTF-8 text file (with or without the BOM Windows editors add): a regular file of
    at most ``limit`` bytes."""
    return read_limited(path, limit).decode("utf-8-sig")


def load_mapping(path: Path, missing: str | None = None, empty_ok: bool = True,
                 shape: str | None = None, cache: bool = True) -> tuple[LineDict, list[Problem]]:
    """Read a YAML file of ``key: value`` lines; return it with the problems that stop its use.

    ``missing`` is the message for a file that does not exist (``None``: an absent file is an
    empty mapping, as for optional snippet files); ``shape`` the one for a file that is not a
    mapping. ``cache``: a data file (catalogue, sentences, rules) is parsed once and kept in
    the user cache, keyed by its text; the answers file, new on each run, is not.
    """
    try:
        text = read_text(path)
    except FileNotFoundError:
        if missing is None:
            return LineDict(), []
        return LineDict(), [Problem(missing, path)]
    except IsADirectoryError:
        return LineDict(), [Problem(_("this is a folder; give the file (.yaml)"), path)]
    except UnicodeDecodeError:
        return LineDict(), [Problem(
            _("the file is not UTF-8 text; save it as UTF-8 in your editor"), path)]
    except NotARegularFile:
        return LineDict(), [Problem(_("this is not an ordinary file (a device, pipe or socket); "
                                      "give a .yaml file"), path)]
    except FileTooLarge as exc:
        return LineDict(), [Problem(_("the file is too large ({size} bytes; at most {limit}); "
                                      "is it the right file?").format(size=exc.size,
                                                                      limit=exc.limit), path)]
    except OSError as exc:
        return LineDict(), [Problem(exc.strerror or str(exc), path)]
    data, problems = cached_parse(text, path) if cache else parse_yaml(text, path)
    if problems:
        return LineDict(), problems
    if data is None and empty_ok:
        return LineDict(), []
    if not isinstance(data, LineDict):
        return LineDict(), [Problem(shape or _("expected a mapping (key: value lines)"), path, 1)]
    return data, []


# What a parsed data file can hold: PyYAML's safe types and the line-keeping mapping.
_PICKLED = {("commgen.foundation.yamlfile", "LineDict"), ("datetime", "date"),
            ("datetime", "datetime"), ("datetime", "timedelta"), ("datetime", "timezone"),
            ("builtins", "set"), ("builtins", "bytes")}
_CACHE_FROM = 2048  # characters: a smaller file parses faster than its entry is read


def cached_parse(text: str, path: Path | None) -> tuple[Any, list[Problem]]:
    """``parse_yaml``, from the user cache when this text was parsed before. Only a file that
    parses without a problem is kept; the entry is read back with nothing but the types a
    YAML file can hold (a pickle that names anything else is refused and parsed again)."""
    if len(text) < _CACHE_FROM:
        return parse_yaml(text, path)
    import io
    import pickle

    from commgen.foundation.cache import entry, get, put

    class _Restricted(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            if (module, name) not in _PICKLED:
                raise pickle.UnpicklingError(f"{module}.{name}")
            return super().find_class(module, name)

    shape = ",".join(sorted(vars(LineDict())))  # a field added to LineDict: new entries
    libyaml = str(getattr(yaml, "__with_libyaml__", False))
    key = entry("yaml", yaml.__version__, libyaml, shape, text)
    stored = get(key)
    if stored is not None:
        try:
            return _Restricted(io.BytesIO(stored)).load(), []
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
            pass
    data, problems = _shipped_parse(text, path, [yaml_series(), libyaml, shape])
    if not problems:
        put(key, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    return data, problems


def yaml_series() -> str:
    """PyYAML's major and minor version: the shipped parses' key. A patch release parses the
    same (6.0.3 and 6.0.4 differ in their wheels only), and a machine may have either: the
    exact version would ship parses a first run there never finds."""
    return ".".join(yaml.__version__.split(".")[:2])


def _shipped_parse(text: str, path: Path | None, parts: list[str]) -> tuple[Any, list[Problem]]:
    """``parse_yaml``, or the parse that ``precompiled-data.json`` ships for this text and
    PyYAML (a bundled data file in a first run: parsing them was 30 to 40 ms of a first
    ``commgen check`` or ``generate``); the build tool's run records what it parsed."""
    import hashlib

    from commgen.foundation.shipped import SHIPPED_DATA_TABLE as table

    parts = [*parts, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()]
    if table.recorded is None:
        found, value = table.value("yaml", parts)
        if found:
            try:
                return from_plain(value), []
            except (TypeError, ValueError, KeyError, IndexError):
                pass  # not usable: parsed
    data, problems = parse_yaml(text, path)
    if not problems and table.recorded is not None:
        with contextlib.suppress(TypeError):
            plain = to_plain(data)
            if same_parse(from_plain(plain), data):
                table.record("yaml", parts, plain)
    return data, problems


# --- a parse as JSON (``precompiled-data.json``) ---------------------------------------------
# A JSON object stands for a ``LineDict`` (its own line and per key its value, line and source
# text); everything else is a list or a scalar of the same value. Another type (a date, a set,
# bytes) makes the file not shippable (TypeError).
_SCALARS = (str, int, float, bool, type(None))


def to_plain(value: Any) -> Any:
    if isinstance(value, LineDict):
        if value.sources or type(value) is not LineDict:
            raise TypeError("sources")
        items = []
        for key, item in value.items():
            if type(key) not in _SCALARS:
                raise TypeError(type(key).__name__)
            items.append([key, to_plain(item), value.lines.get(key), value.raw.get(key)])
        extra = set(value.lines) - set(value) or set(value.raw) - set(value)
        if extra:
            raise TypeError("lines")
        return {"line": value.line, "items": items}
    if type(value) is list:
        return [to_plain(v) for v in value]
    if type(value) in _SCALARS:
        return value
    raise TypeError(type(value).__name__)


def from_plain(plain: Any) -> Any:
    if isinstance(plain, dict):
        data = LineDict()
        data.line = int(plain["line"])
        for key, item, line, raw in plain["items"]:
            data[key] = from_plain(item)
            if line is not None:
                data.lines[key] = line
            if raw is not None:
                data.raw[key] = raw
        return data
    if isinstance(plain, list):
        return [from_plain(v) for v in plain]
    return plain


def same_parse(a: Any, b: Any) -> bool:
    """The same values of the same types, every ``LineDict``'s lines and source texts too."""
    if type(a) is not type(b):
        return False
    if isinstance(a, LineDict):
        return (a.line == b.line and a.lines == b.lines and a.raw == b.raw
                and a.sources == b.sources and list(a) == list(b)
                and all(type(k) is type(j) for k, j in zip(a, b, strict=True))
                and all(same_parse(a[k], b[k]) for k in a))
    if isinstance(a, list):
        return len(a) == len(b) and all(same_parse(x, y) for x, y in zip(a, b, strict=True))
    return a == b or (a != a and b != b)  # NaN is NaN
