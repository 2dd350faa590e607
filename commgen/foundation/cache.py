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
from functools import lru_cache
from pathlib import Path
from typing import Any

from commgen import __version__
from commgen.foundation.files import write_atomic

VERSION = f"{__version__}-{sys.implementation.name}-{sys.version}"


def cache_root() -> Path:
    """``COMMGEN_CACHE``, else the platform's user cache folder (never site-packages)."""
    environ = os.environ
    chosen = environ.get("COMMGEN_CACHE")
    if chosen:  # the others do not matter then (a run asks hundreds of times)
        return _root(chosen, None, None)
    return _root(chosen, environ.get("LOCALAPPDATA"),
                 environ.get("XDG_CACHE_HOME"), environ.get("HOME"), environ.get("USERPROFILE"))


@lru_cache(maxsize=8)
def _root(chosen: str | None, local: str | None, xdg: str | None, *_home: str | None) -> Path:
    """The folder for these environment values (a run asks for it hundreds of times)."""
    if chosen:
        return Path(chosen).expanduser()
    if sys.platform == "win32":
        base = Path(local or Path.home() / "AppData" / "Local")
        return base / "commgen" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "commgen"
    return Path(xdg or Path.home() / ".cache") / "commgen"


def entry(kind: str, *parts: str) -> Path:
    """The file for the cache entry of ``kind`` that ``parts`` decide."""
    key = hashlib.sha256("\0".join((VERSION, *parts)).encode("utf-8")).hexdigest()[:40]
    root = cache_root()
    folder = _FOLDERS.get((root, kind))
    if folder is None:
        folder = _FOLDERS[(root, kind)] = root / kind
    return folder / key


_FOLDERS: dict[tuple[Path, str], Path] = {}


def store(path: Path, data: bytes) -> None:
    """Write an entry as it is, durably (the name lists' format has no checksum)."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, private=True)


def put(path: Path, data: bytes) -> None:
    """Write an entry with the hash of its bytes in front, atomically but without waiting for
    the disk (no fsync): an entry that a power cut lost or damaged does not match its hash,
    ``get`` ignores it and it is made again. A cache needs no more; a cold run writes dozens
    of entries and would otherwise wait for the disk dozens of times. An entry of a
    ``PACKED_KINDS`` kind is kept with the others of its kind in one file, written when the
    process ends (``save_packs``)."""
    digest = hashlib.sha256(data).hexdigest().encode("ascii")
    pack = _pack_of(path)
    if pack is not None:
        pack.new[path.name] = digest + b"\n" + data
        return
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, digest + b"\n" + data, private=True, durable=False)


def get(path: Path) -> bytes | None:
    """The bytes ``put`` wrote, or None when the entry is missing, unreadable or damaged."""
    pack = _pack_of(path)
    raw = pack.entry(path.name) if pack is not None else None
    if raw is None:
        try:
            raw = path.read_bytes()
        except OSError:
            return None
    return _checked(raw)


def has(path: Path) -> bool:
    """Whether the cache holds an entry at ``path`` (not read, not checked)."""
    pack = _pack_of(path)
    return (pack is not None and pack.entry(path.name) is not None) or path.is_file()


def _checked(raw: bytes) -> bytes | None:
    digest, _sep, data = raw.partition(b"\n")
    return data if hashlib.sha256(data).hexdigest().encode("ascii") == digest else None


# Kinds with many small entries that a run reads nearly all of (the conditions tried, the
# names of expressions, the rules' first words, Jinja's compiled templates, parsed data
# files, docxtpl's patched parts; the rules' compiled patterns, which only a run that
# searches reads): kept in one file per kind (``_Pack``), read once and written once per
# run. Creating a file is what an entry costs (0.08 to 0.37 ms each on the ext4 disk of the
# benchmark machine, more with a virus scanner on Windows); a cold ``commgen generate``
# wrote about 450 of them.
PACKED_KINDS = frozenset({"conditions", "expression-names", "rulekeys", "jinja", "yaml",
                          "docxtpl-patch", "patterns", "first-chars"})
_PACK_FILE = "pack"


class _Pack:
    """The entries of one kind's folder, in one file (a marshalled dict of entry name to the
    bytes ``put`` would write, the whole file with its hash in front like an entry): read on
    the first look-up, written with the new entries merged into the file as it is then, the
    oldest dropped beyond ``LIMIT`` entries or ``LIMIT_BYTES`` (the entries of older rules
    and templates go first)."""

    LIMIT = 6000
    LIMIT_BYTES = 12 * 1024 * 1024

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.new: dict[str, bytes] = {}
        self._stored: dict[str, bytes] | None = None

    def entry(self, name: str) -> bytes | None:
        found = self.new.get(name)
        if found is None:
            if self._stored is None:
                self._stored = self._read()
            found = self._stored.get(name)
        return found

    def _read(self) -> dict[str, bytes]:
        try:
            raw = (self.folder / _PACK_FILE).read_bytes()
        except OSError:
            return {}
        value = marshalled_dict(_checked(raw))
        if not all(type(k) is str and type(v) is bytes for k, v in value.items()):
            return {}
        return value

    def save(self) -> None:
        if not self.new:
            return
        import marshal

        merged = self._read()
        for name in self.new:
            merged.pop(name, None)  # to the end: the newest
        merged.update(self.new)
        items = list(merged.items())[-self.LIMIT:]
        size, keep = 0, len(items)
        while keep and size + len(items[keep - 1][1]) <= self.LIMIT_BYTES:
            keep -= 1
            size += len(items[keep][1])
        merged = dict(items[keep:])
        data = marshal.dumps(merged)
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.folder / _PACK_FILE,
                         hashlib.sha256(data).hexdigest().encode("ascii") + b"\n" + data,
                         private=True, durable=False)
        self._stored, self.new = merged, {}


_PACKS: dict[Path, _Pack] = {}
_SAVED_AT_EXIT: list[bool] = []


def _pack_of(path: Path) -> _Pack | None:
    folder = path.parent
    pack = _PACKS.get(folder)
    if pack is None:
        if folder.name not in PACKED_KINDS:
            return None
        if not _SAVED_AT_EXIT:
            import atexit

            atexit.register(save_packs)
            _SAVED_AT_EXIT.append(True)
        pack = _PACKS.setdefault(folder, _Pack(folder))
    return pack


def save_packs() -> None:
    """Write every kind's new entries (when the process ends; a test calls it to look)."""
    for pack in list(_PACKS.values()):
        pack.save()


def marshalled_dict(data: bytes | None) -> dict[Any, Any]:
    """The dict ``marshal.dumps`` made ``data`` of; an empty one when it is missing or not
    such a dict."""
    import marshal

    if data is None:
        return {}
    try:
        value = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return {}
    return value if isinstance(value, dict) else {}


# kinds whose results only shipped data decides: a first run finds them in the wheel's
# ``precompiled.json`` (``foundation.regexcache``; checked by tests/test_precompiled.py)
SHIPPED_KINDS = frozenset({"rulekeys", "conditions", "expression-names", "first-chars"})


def cached_json(kind: str, parts: list[str], compute: Callable[[], Any]) -> Any:
    """``compute()``, or its result of an earlier run with the same ``parts`` (or, for the
    ``SHIPPED_KINDS``, of the build of ``precompiled.json``)."""
    path = entry(kind, *parts)
    data = get(path)
    if data is not None:
        with contextlib.suppress(ValueError):
            return json.loads(data)["value"]
    value = None
    if kind in SHIPPED_KINDS:
        from commgen.foundation.shipped import SHIPPED_TABLE

        shipped, value = SHIPPED_TABLE.value(kind, parts)
        if not shipped or SHIPPED_TABLE.recorded is not None:
            value = compute()
            SHIPPED_TABLE.record_value(kind, parts, value)
    else:
        value = compute()
    put(path, json.dumps({"value": value}, ensure_ascii=False).encode("utf-8"))
    return value


def cached_text(kind: str, parts: list[str], compute: Callable[[], str]) -> str:
    """``compute()``, a text, or its result of an earlier run with the same ``parts``."""
    path = entry(kind, *parts)
    data = get(path)
    if data is not None:
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode("utf-8")
    value = compute()
    put(path, value.encode("utf-8"))
    return value


def sealed(data: bytes, secret: bytes) -> bytes:
    """``data`` XOR a keystream of SHAKE-256 over ``secret`` (its own for every entry): seals
    and opens alike."""
    stream = hashlib.shake_256(b"commgen-sealed\0" + secret).digest(len(data))
    return (int.from_bytes(data, "little") ^ int.from_bytes(stream, "little")).to_bytes(
        len(data), "little")


def cached_sealed_json(kind: str, parts: list[str], compute: Callable[[], Any]) -> Any:
    """``cached_json`` for a result that holds passages of the text it was made from (a
    finding's passage): the entry is readable only by whoever has every part. Its file name is
    one hash of the parts and its bytes are encrypted with a key that is another hash of
    them, so the cache folder shows nothing of a case to someone who does not already hold the
    text (an entry outlives the case folder it came from)."""
    joined = "\0".join((VERSION, kind, *parts)).encode("utf-8")
    secret = hashlib.sha256(b"commgen-sealed-key\0" + joined).digest()
    path = entry(kind, *parts)
    data = get(path)
    if data is not None:
        with contextlib.suppress(ValueError):
            return json.loads(sealed(data, secret))["value"]
    value = compute()
    plain = json.dumps({"value": value}, ensure_ascii=False).encode("utf-8")
    put(path, sealed(plain, secret))
    return value


def library_stamp(library: str) -> str:
    """The installed version of a library, cheaply and without importing it: its package's
    ``__init__`` (path, size and time: reinstalling or upgrading it changes them)."""
    stamp = _LIBRARIES.get(library)
    if stamp is None:
        from importlib.util import find_spec

        try:
            spec = find_spec(library)
            origin = spec.origin if spec is not None else None
            info = os.stat(origin) if origin else None
        except (ImportError, ValueError, OSError):
            origin, info = None, None
        stamp = _LIBRARIES[library] = (
            f"{library}:{origin}:{info.st_size}:{info.st_mtime_ns}" if info else f"{library}:?")
    return stamp


_LIBRARIES: dict[str, str] = {}
_REMEMBERED: dict[tuple[str, ...], Any] = {}


def remembered(library: str, kind: str, parts: list[str], compute: Callable[[], Any]) -> Any:
    """``compute()``, a JSON value that only ``parts`` and the installed ``library`` decide
    (a date as Babel writes it in Dutch, a phone number as phonenumbers reads it): kept in the
    process and, sealed (``cached_sealed_json``: the parts are a case's answers), in the user
    cache, so that a run whose answers an earlier run formatted does not import the library
    and load its locale data (Babel and phonenumbers took a tenth of a warm generate)."""
    key = (library, kind, *parts)
    if key in _REMEMBERED:
        return _REMEMBERED[key]
    if kind in SHIPPED_REMEMBERED:
        compute = _shipped_or(library, kind, parts, compute)
    value = _REMEMBERED[key] = cached_sealed_json(  # one part: a "\0" in an answer is no seam
        f"library-{kind}", [library_stamp(library), json.dumps(parts, ensure_ascii=False)],
        compute)
    return value


# ``remembered`` kinds that no case's answers decide, only the library's version (the table
# of the minutes of a day in Babel's short form, per language): a first run finds them in
# ``precompiled.json`` for the version that built it (another version computes them)
SHIPPED_REMEMBERED = frozenset({"time-table"})


def library_version(library: str) -> str | None:
    """The ``__version__`` an installed library's ``__init__`` assigns, read without
    importing it (None when it has none written out)."""
    import re
    from importlib.util import find_spec

    try:
        spec = find_spec(library)
        origin = spec.origin if spec is not None else None
        source = Path(origin).read_text(encoding="utf-8") if origin else ""
    except (ImportError, ValueError, OSError, UnicodeDecodeError):
        return None
    found = re.search(r"""^__version__\s*=\s*['"]([^'"\n]+)['"]""", source, re.MULTILINE)
    return found.group(1) if found else None


def _shipped_or(library: str, kind: str, parts: list[str], compute: Callable[[], Any]
                ) -> Callable[[], Any]:
    """``compute``, or the value ``precompiled.json`` holds for this library version and
    ``parts`` (the build tool's run records what it computed). Looked up only when the user
    cache has no entry (a first run): asked at once, every warm ``generate`` read the whole
    of ``precompiled.json`` (1.5 MB of JSON) for the table of the minutes of a day."""
    def shipped_or_computed() -> Any:
        version = library_version(library)
        if version is None:
            return compute()
        from commgen.foundation.shipped import SHIPPED_TABLE

        shipped_parts = [f"{library}=={version}", json.dumps(parts, ensure_ascii=False)]
        if SHIPPED_TABLE.recorded is not None:
            value = compute()
            SHIPPED_TABLE.record_value(f"library-{kind}", shipped_parts, value)
            return value
        shipped, value = SHIPPED_TABLE.value(f"library-{kind}", shipped_parts)
        return value if shipped else compute()
    return shipped_or_computed
