"""Compiled regular expressions kept on disk, so the check rules are compiled once, not on
every start.

Python compiles a pattern in two steps: its parser and code generator (pure Python, slow for
the long alternatives of the rule files: about 0.1 s for all of them) and ``_sre.compile``
(C, fast). The generated code is a list of numbers; this module stores it in the user cache
folder, one small file per pattern named by the hash of the pattern, its flags and the Python
version, and builds the pattern from it the next time. Anything unexpected (another Python,
a damaged or unwritable cache, internals that moved) falls back to ``re.compile``: the cache
only ever saves time, it never changes a result.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from commgen.foundation.files import write_atomic

try:  # the two halves of re.compile (Python 3.11 and later; 3.10 names them sre_*)
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - an older or another Python: no disk cache
    _sre = None

_VERSION = f"{sys.implementation.name}-{sys.version}-{getattr(_sre, 'MAGIC', 0)}"


def cache_root() -> Path:
    """``COMMGEN_CACHE``, else the platform's user cache folder (never site-packages)."""
    if os.environ.get("COMMGEN_CACHE"):
        return Path(os.environ["COMMGEN_CACHE"]).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "commgen" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "commgen"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "commgen"


def _path(pattern: str, flags: int) -> Path:
    key = hashlib.sha256(f"{_VERSION}\0{int(flags)}\0{pattern}".encode()).hexdigest()[:32]
    return cache_root() / "patterns" / f"{key}.bin"


def _from_disk(pattern: str, flags: int) -> re.Pattern[str] | None:
    try:
        stored_flags, code, groups, groupindex, indexgroup = marshal.loads(
            _path(pattern, flags).read_bytes())
        return _sre.compile(pattern, stored_flags, code, groups, groupindex, tuple(indexgroup))
    except (OSError, ValueError, TypeError, EOFError, RuntimeError):
        return None  # not there yet, or not usable: compile it again


def _compile_and_store(pattern: str, flags: int) -> re.Pattern[str]:
    """What ``re._compiler.compile`` does, keeping the generated code."""
    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    stored = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex,
              indexgroup)
    compiled = _sre.compile(pattern, stored[0], code, stored[2], groupindex, tuple(indexgroup))
    path = _path(pattern, flags)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, marshal.dumps(stored))
    except OSError:
        pass  # a read-only cache: compile again next time
    return compiled


def compile_pattern(pattern: str, flags: int = 0,
                    validate: Callable[[], None] | None = None) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the disk cache when it is there. ``validate`` runs
    only when the pattern is compiled anew (it may raise ``re.error`` with a better place)."""
    if _sre is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    found = _from_disk(pattern, flags)
    if found is not None:
        return found
    if validate is not None:
        validate()
    try:
        return _compile_and_store(pattern, flags)
    except (AttributeError, TypeError):  # internals changed in this Python: no cache
        return re.compile(pattern, flags)
