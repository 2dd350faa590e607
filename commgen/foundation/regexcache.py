"""The compiled code of every regular expression a command compiles, kept between runs.

Python compiles a pattern in two steps: its parser and code generator (pure Python) and
``_sre.compile`` (C, fast). A command compiles a few hundred patterns each time it starts:
commgen's detectors, and those that YAML, phonenumbers and the standard library compile
when they are imported (YAML's check for unprintable characters alone takes 4 ms). That is
about a tenth of a warm ``commgen generate``.

``keep_compiled_patterns`` (called once, by the command line's own process) has ``re`` look
a pattern up in one file of the user cache per command before it parses it: the file maps
(pattern, flags) to the generated code, and ``_sre.compile`` builds the same pattern from it
that ``re`` would have built. Patterns compiled anew are added when the process ends. The key
of the file holds the Python version and ``_sre.MAGIC``, so another Python never reads it;
anything unexpected (a damaged file, internals that moved) falls back to ``re``'s own
compiler: the cache only ever saves time, it never changes a pattern.

A pattern that is in neither comes from the wheel's ``precompiled.json`` when it is there
(``foundation.shipped``: a first run), else from ``re``'s parser.
"""

from __future__ import annotations

import atexit
import marshal
import re
import sys
from typing import Any

from commgen.foundation.shipped import built

try:  # the two halves of re.compile (Python 3.11 and later; 3.10 names them sre_*)
    import _sre
    from re import _compiler  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - an older or another Python: no cache
    _sre = None

_FORMAT = 1
LIMIT = 4000  # patterns per file; the ones not used for longest are dropped beyond it
_Key = tuple[Any, int]
class _Bundle:
    """The stored code of one command's patterns: read on the first compile, written at exit
    when something was compiled anew (merged with what another process wrote meanwhile)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.stored: dict[_Key, tuple[Any, ...]] | None = None
        self.used: set[_Key] = set()
        self.new: dict[_Key, tuple[Any, ...]] = {}

    def _path(self) -> Any:
        from commgen.foundation.cache import entry

        return entry("regex", str(_FORMAT), str(getattr(_sre, "MAGIC", 0)), self.name)

    def _read(self) -> dict[_Key, tuple[Any, ...]]:
        from commgen.foundation.cache import get, marshalled_dict

        return marshalled_dict(get(self._path()))

    def compile(self, pattern: Any, flags: int) -> Any:
        if flags & re.DEBUG or not isinstance(pattern, (str, bytes)):
            return _ORIGINAL(pattern, flags)
        if self.stored is None:
            self.stored = {}  # reading imports modules that compile patterns: re's own way
            self.stored = self._read()
        key = (pattern, int(flags))
        code = self.stored.get(key)
        if code is not None:
            try:
                found = _sre.compile(pattern, *code)
            except (TypeError, ValueError, RuntimeError, OverflowError):
                pass  # not usable: compiled anew below
            else:
                self.used.add(key)
                return found
        pattern_built, code = built(pattern, flags)
        self.new[key] = code
        return pattern_built

    def save(self) -> None:
        if not self.new:
            return
        from commgen.foundation.cache import put

        merged = self._read()
        for key in (*self.used, *self.new):
            merged.pop(key, None)  # to the end: the most recently used
        assert self.stored is not None
        merged.update({key: self.stored[key] for key in self.used if key in self.stored})
        merged.update(self.new)
        if len(merged) > LIMIT:
            merged = dict(list(merged.items())[len(merged) - LIMIT:])
        put(self._path(), marshal.dumps(merged))
        self.new = {}


_ORIGINAL: Any = getattr(_compiler, "compile", None) if _sre is not None else None
_INSTALLED: list[_Bundle] = []
_APART: dict[str, _Bundle] = {}


def compile_apart(pattern: str, flags: int, name: str) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``; in a process that keeps its patterns, kept in a file
    of its own (``name``), read only when such a pattern is asked for: patterns that only
    some runs need (a rule narrowed to the alternatives of one word: megabytes of code)
    would make every run read them."""
    if not _INSTALLED:
        return re.compile(pattern, flags)
    bundle = _APART.get(name)
    if bundle is None:
        bundle = _APART[name] = _Bundle(f"{_INSTALLED[0].name}\0{name}")
        atexit.register(bundle.save)
    try:
        return bundle.compile(pattern, flags)  # type: ignore[no-any-return]
    except (AttributeError, TypeError):  # pragma: no cover - internals changed
        return re.compile(pattern, flags)


def keep_compiled_patterns(command: str) -> None:
    """From now on, ``re`` in this process takes the code of a pattern from the file of
    ``command`` when it is there (once per process; nothing on another Python)."""
    if not command or _sre is None or _ORIGINAL is None or _INSTALLED \
            or sys.version_info < (3, 11):
        return  # no command (the list of commands): too little to compile to be worth a file
    bundle = _Bundle(command)

    def compile(pattern: Any, flags: int = 0) -> Any:
        try:
            return bundle.compile(pattern, flags)
        except (AttributeError, TypeError):  # pragma: no cover - internals changed
            return _ORIGINAL(pattern, flags)

    _compiler.compile = compile
    _INSTALLED.append(bundle)
    atexit.register(bundle.save)
