"""Atomic writes: a file is either its old self or completely new, never half-written.

Data goes to a temporary file in the target folder, is flushed to disk, and is renamed into
place with ``os.replace`` (atomic on Windows, macOS and Linux alike).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

# The largest file commgen reads of each kind. A school's answers file is a few kilobytes, a
# template or letter a few hundred; these leave room and stop a mistake (or worse) early.
MAX_YAML_BYTES = 2 * 1024 * 1024
MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_TEXT_BYTES = 20 * 1024 * 1024
MAX_IMAGE_BYTES = 10 * 1024 * 1024


class NotARegularFile(OSError):
    """A folder, a device (/dev/zero), a pipe or a socket where a file was expected."""


class FileTooLarge(OSError):
    """A file larger than commgen reads for its kind."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(f"{path}: {size} bytes, more than {limit}")
        self.size, self.limit = size, limit


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes. A pipe or device would block or
    never end, so only regular files are read; the size is checked before and while reading."""
    check_regular(path)  # opening a FIFO for reading would wait until someone writes
    with open(path, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(str(path))
        if not stat.S_ISREG(mode):
            raise NotARegularFile(str(path))
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise FileTooLarge(path, size, limit)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(path, len(data), limit)
    return data


def check_regular(path: Path) -> None:
    """Refuse, before opening it, a path that is a pipe, device or socket (opening a FIFO
    blocks until someone writes to it)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # opening it will say what is wrong
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise NotARegularFile(str(path))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes, private: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".commgen-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):  # Windows keeps its own ACLs
            # mkstemp makes the file private; a document gets the usual permissions.
            os.chmod(tmp, 0o600 if private else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
