"""What a first run would otherwise compute from shipped data, shipped in the wheel.

A first run (a new install, an emptied user cache, a changed rule) has none of the user
cache's entries (``foundation.cache``, ``foundation.regexcache``) and would compile every
pattern of the check rules from source (about two seconds) and try every condition of the
catalogue. The wheel therefore ships ``precompiled.json`` beside this module, made by
``tools/build_precompiled.py`` from the bundled rules, catalogue, sentences and samples: per
pattern, by a hash of its source and flags, the code that ``re`` generated for it (packed
32-bit words), and results of ``cache.cached_json`` that only that data decides (the rules'
first words, the conditions' checks), by a hash of their kind and parts. It is plain JSON,
read on the first question and never in a warm run. Its code is used only by the Python that
made it (the same version, ``_sre.MAGIC`` and code size: any other ignores the code) and is
checked by ``_sre.compile`` like any code; a damaged file is ignored: it only ever saves
time, it never changes a result (``tests/test_precompiled.py``).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

# json here: read while ``re`` compiles through ``regexcache``'s hook, json's own import would
# compile patterns and ask this table again half-way. hashlib, zlib, base64 and array are
# imported when the file is first asked (never in a warm run).

try:  # the two halves of re.compile (Python 3.11 and later; 3.10 names them sre_*)
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - an older or another Python: no code shipped
    _sre = None

SHIPPED = Path(__file__).with_name("precompiled.json")
SHIPPED_FORMAT = 1


def python_stamp() -> str:
    """The Python whose generated code ``precompiled.json`` may be used by."""
    return (f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}-"
            f"{getattr(_sre, 'MAGIC', 0)}-{getattr(_sre, 'CODESIZE', 0)}")


def code_key(pattern: str, flags: int) -> str:
    """The key of a pattern's code in ``precompiled.json``."""
    import hashlib

    return hashlib.sha256(f"{int(flags)}\0{pattern}".encode("utf-8", "surrogatepass")
                          ).hexdigest()[:32]


def packed(code: list[int]) -> str:
    """Generated code as text: little-endian 32-bit words, compressed, in base64 (read back
    at C speed)."""
    import array
    import base64
    import zlib

    words = array.array("I", code)
    if sys.byteorder == "big":  # pragma: no cover
        words.byteswap()
    return base64.b64encode(zlib.compress(words.tobytes(), 9)).decode("ascii")


def unpacked(text: str) -> list[int]:
    """``packed``'s code again."""
    import array
    import base64
    import zlib

    words = array.array("I")
    if words.itemsize != 4:  # pragma: no cover - not on the platforms commgen runs on
        raise ValueError("32-bit words needed")
    words.frombytes(zlib.decompress(base64.b64decode(text.encode("ascii"), validate=True)))
    if sys.byteorder == "big":  # pragma: no cover
        words.byteswap()
    return words.tolist()


def value_key(kind: str, parts: list[str]) -> str:
    """The key of a ``cached_json`` result in ``precompiled.json``."""
    import hashlib

    return hashlib.sha256("\0".join((kind, *parts)).encode("utf-8", "surrogatepass")
                          ).hexdigest()[:32]


class _Shipped:
    """``precompiled.json``, read on the first question (never in a warm run); empty when it
    is missing, damaged, switched off (``tools/build_precompiled.py``) or of another format.
    ``recorded``, when not None, collects every pattern's code and every value asked for
    (the build tool's own run)."""

    def __init__(self) -> None:
        self.codes: dict[str, list[Any]] | None = None
        self.values: dict[str, Any] = {}
        self.off = False
        self._loading = False
        self.recorded: dict[str, dict[str, Any]] | None = None

    def _load(self) -> dict[str, list[Any]]:
        if self.codes is not None:
            return self.codes
        if self._loading:  # asked again while reading: nothing yet, not nothing for good
            return {}
        self._loading = True
        codes: dict[str, list[Any]] = {}
        try:
            data = {} if self.off else json.loads(SHIPPED.read_bytes())
            values = data.get("values", {})
            if data.get("format") == SHIPPED_FORMAT and isinstance(values, dict):
                found = data.get("codes", {}) if data.get("python") == python_stamp() else {}
                codes = found if isinstance(found, dict) else {}
                self.values = values
        except (OSError, ValueError, AttributeError):
            pass  # only slower: compiled from source
        finally:
            self._loading = False
        self.codes = codes
        return codes

    def code(self, pattern: Any, flags: int) -> tuple[Any, ...] | None:
        """The code of ``(pattern, flags)`` as ``_sre.compile`` takes it after the pattern:
        (flags, code, groups, groupindex, indexgroup); None when not shipped."""
        if not isinstance(pattern, str):
            return None
        found = self._load().get(code_key(pattern, flags))
        if not isinstance(found, list) or len(found) != 5:
            return None
        try:
            return (int(found[0]), unpacked(found[1]), int(found[2]),
                    {str(k): int(v) for k, v in found[3].items()},
                    tuple(None if g is None else str(g) for g in found[4]))
        except (TypeError, ValueError, AttributeError):
            return None

    def value(self, kind: str, parts: list[str]) -> tuple[bool, Any]:
        """(True, a shipped ``cached_json`` result), or (False, None) when none is shipped."""
        self._load()
        key = value_key(kind, parts)
        return (True, self.values[key]) if key in self.values else (False, None)

    def record_value(self, kind: str, parts: list[str], value: Any) -> None:
        if self.recorded is not None:
            self.recorded["values"][value_key(kind, parts)] = value


SHIPPED_TABLE = _Shipped()


def compiled_code(pattern: Any, flags: int) -> tuple[Any, ...]:
    """(flags, code, groups, groupindex, indexgroup) of ``pattern`` as ``_sre.compile`` takes
    them after the pattern: what ``re``'s parser and code generator make of it (``re.error``
    for a pattern that is not valid)."""
    parsed = _parser.parse(pattern, flags)
    generated = [int(c) for c in _compiler._code(parsed, flags)]  # opcodes: int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for group, index in groupindex.items():
        indexgroup[index] = group
    code = (int(flags | parsed.state.flags), generated, parsed.state.groups - 1,
            groupindex, tuple(indexgroup))
    recorded = SHIPPED_TABLE.recorded
    if recorded is not None and isinstance(pattern, str):
        recorded["codes"][code_key(pattern, flags)] = [
            code[0], packed(code[1]), code[2], code[3], list(code[4])]
    return code


def built(pattern: Any, flags: int) -> tuple[re.Pattern[Any], tuple[Any, ...]]:
    """The compiled pattern and its code: the shipped code when ``precompiled.json`` has it
    (and ``_sre`` accepts it), else compiled from source."""
    code = SHIPPED_TABLE.code(pattern, flags)
    if code is not None:
        try:
            return _sre.compile(pattern, *code), code
        except (TypeError, ValueError, RuntimeError, OverflowError):
            pass  # not usable here: compiled from source
    code = compiled_code(pattern, flags)
    return _sre.compile(pattern, *code), code


SHIPPED_DATA = Path(__file__).with_name("precompiled-data.json")


class _ShippedData:
    """``precompiled-data.json``: the bundled data files as YAML parses them (in the form of
    ``yamlfile.to_plain``, by a hash of PyYAML's version and the file's text) and the trained
    check's weights in the form a run reads (``checks.model``, by the hash of ``model.json``);
    read on the first of them a run does not find in the user cache (a first run). Apart from
    ``precompiled.json``, which a new case reads for a rule's alternatives: that one stays
    small. Empty when missing, damaged or switched off. ``recorded``: the build tool's run."""

    def __init__(self) -> None:
        self.values: dict[str, Any] | None = None
        self.recorded: dict[str, Any] | None = None

    def value(self, kind: str, parts: list[str]) -> tuple[bool, Any]:
        if self.values is None:
            self.values = {}
            try:
                data = {} if SHIPPED_TABLE.off else json.loads(SHIPPED_DATA.read_bytes())
                values = data.get("values") if data.get("format") == SHIPPED_FORMAT else None
                self.values = values if isinstance(values, dict) else {}
            except (OSError, ValueError, AttributeError):
                pass  # only slower: parsed
        key = value_key(kind, parts)
        return (True, self.values[key]) if key in self.values else (False, None)

    def record(self, kind: str, parts: list[str], value: Any) -> None:
        if self.recorded is not None:
            self.recorded[value_key(kind, parts)] = value


SHIPPED_DATA_TABLE = _ShippedData()
