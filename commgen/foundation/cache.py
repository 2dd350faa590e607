"""A small cache in the user's cache folder, for work that only its input decides.

Compiled template code, compiled patterns, read name lists and the result of trying a
catalogue condition on sample answers depend only on their source text (and the versions of
commgen, Jinja and Python), so a later run reads them instead of doing the work again. Every
entry is keyed by a hash of everything it depends on; an entry that cannot be read is made
again; a folder that cannot be written only makes commgen a little slower.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from commgen import __version__
from commgen.foundation.files import write_atomic

VERSION = f"{__version__}-{sys.implementation.name}-{sys.version}"


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


def entry(kind: str, *parts: str) -> Path:
    """The file for the cache entry of ``kind`` that ``parts`` decide."""
    key = hashlib.sha256("\0".join((VERSION, *parts)).encode("utf-8")).hexdigest()[:40]
    return cache_root() / kind / key


def store(path: Path, data: bytes) -> None:
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, private=True)


def cached_json(kind: str, parts: list[str], compute: Callable[[], Any]) -> Any:
    """``compute()``, or its result of an earlier run with the same ``parts``."""
    path = entry(kind, *parts)
    with contextlib.suppress(OSError, ValueError):
        return json.loads(path.read_text(encoding="utf-8"))["value"]
    value = compute()
    store(path, json.dumps({"value": value}, ensure_ascii=False).encode("utf-8"))
    return value
