"""Is this a Dutch word? The rules folder's ``woordenlijst.txt`` (OpenTaal's word list).

A capitalised word in the middle of a sentence that no name list holds is a person's name
when it is no Dutch word either ("het gaat om Shurayne uit 3K2"): names from families the
lists do not cover are found from where they stand. The list has 364,000 words; kept as a
set it would cost 30 MB, so the check keeps their CRC-32 values in a sorted array (1.4 MB,
searched by bisection) and the array in the user cache (made once, 0.2 s). Two words with
the same value make one of them count as a word: a name missed, one time in 12,000.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

LEXICON_FILE = "woordenlijst.txt"
OWN_WORDS_FILE = "woordenlijst-eigen.txt"  # the foundation's additions, kept by hand
_TYPE = "I"  # 32 bits on every platform Python runs on


class Lexicon:
    """The words of one list, asked by ``word in lexicon`` (any case)."""

    def __init__(self, values: array) -> None:
        self._values = values

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        value = zlib.crc32(word.casefold().encode("utf-8"))
        values = self._values
        i = bisect_left(values, value)
        return i < len(values) and values[i] == value

    def __len__(self) -> int:
        return len(self._values)


def _values(paths: tuple[Path, ...]) -> array:
    """The sorted CRC-32 values of the lists' words (lines starting with # are comments)."""
    values = {zlib.crc32(line.strip().casefold().encode("utf-8"))
              for path in paths for line in path.read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")}
    return array(_TYPE, sorted(values))


@lru_cache(maxsize=4)
def _load(stamp: tuple[tuple[str, int, int], ...]) -> Lexicon:
    from commgen.foundation.cache import entry, get, put

    stored = entry("lexicon", *(f"{p}:{size}:{mtime}" for p, size, mtime in stamp))
    data = get(stored)
    values = array(_TYPE)
    if data is not None and len(data) % values.itemsize == 0:
        values.frombytes(data)
        return Lexicon(values)
    values = _values(tuple(Path(p) for p, _size, _mtime in stamp))
    put(stored, values.tobytes())
    return Lexicon(values)


def load_lexicon(folder: Path | None) -> Lexicon | None:
    """The word lists of a rules folder (OpenTaal's and the foundation's own), or None when
    it has no ``woordenlijst.txt`` (then no word counts as an unknown name: the check finds
    names from its lists only)."""
    if folder is None:
        return None
    stamp = []
    for name in (LEXICON_FILE, OWN_WORDS_FILE):
        path = folder / name
        try:
            info = path.stat()
        except OSError:
            if name == LEXICON_FILE:
                return None
            continue
        stamp.append((str(path), info.st_size, info.st_mtime_ns))
    return _load(tuple(stamp))
