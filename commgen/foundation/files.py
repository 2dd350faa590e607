"""Atomic writes: a file is either its old self or completely new, never half-written.

Data goes to a temporary file in the target folder, is flushed to disk, and is renamed into
place with ``os.replace`` (atomic on Windows, macOS and Linux alike).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


def write_atomic(path: Path, data: bytes, private: bool = False, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename. ``durable``: the data
    is on the disk (fsync) before the rename makes it visible, so that a power cut never
    leaves an empty file where a good one was. Only the user cache, whose entries are checked
    when read and made again when damaged, writes without it."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".commgen-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        with contextlib.suppress(OSError):  # Windows keeps its own ACLs
            # mkstemp makes the file private; a document gets the usual permissions.
            os.chmod(tmp, 0o600 if private else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_durable(files: list[tuple[Path, bytes]]) -> None:
    """Write new files (in a private staging folder, not yet in their place) and have them all
    on the disk before returning: written first, then flushed together. One fsync per file
    is what durability takes; made one after the other each waits for its own disk commit,
    made at the same time (the calls release the GIL) the file system commits them in a few
    rounds. The caller moves them into place and then flushes that folder's entries once
    (``sync_folder``), which makes the renames durable."""
    import threading

    handles = []
    try:
        for path, data in files:
            handle = open(path, "xb")  # noqa: SIM115 - closed below, after the fsync
            handles.append(handle)
            handle.write(data)
            handle.flush()
            with contextlib.suppress(OSError):  # Windows keeps its own ACLs
                os.chmod(path, 0o666 & ~_umask())
        failures: list[OSError] = []

        def flush(handle: Any) -> None:
            try:
                os.fsync(handle.fileno())
            except OSError as exc:
                failures.append(exc)

        threads = [threading.Thread(target=flush, args=(h,)) for h in handles]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if failures:
            raise failures[0]
    finally:
        for handle in handles:
            handle.close()


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (new names, renames) to the disk, where the system allows it:
    POSIX systems do; Windows cannot open a folder for this and keeps its entries in the
    NTFS journal itself."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


class Claimed(OSError):
    """Another run holds the claim on a file (an interview on the same answers file)."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(str(path))
        self.path, self.holder = path, holder


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.commgen-lock")


def _alive(holder: str) -> bool:
    """Whether the process that wrote a lock is still running (when that can be known)."""
    import socket

    host, _sep, pid = holder.partition(":")
    if host != socket.gethostname() or not pid.isdigit() or os.name != "posix":
        return True  # another computer on a shared folder, or Windows: assume it is
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def claim(path: Path) -> Path:
    """Claim ``path`` for this process with an exclusive lock file beside it (``O_EXCL``: of two
    runs that try at once, exactly one gets it). A lock left by a process that ended on this
    computer is taken over. Returns the lock file; ``release`` removes it."""
    import socket

    lock = lock_path(path)
    me = f"{socket.gethostname()}:{os.getpid()}"
    for _attempt in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            try:
                holder = lock.read_text(encoding="utf-8").strip()
            except OSError:
                holder = ""
            if holder and _alive(holder):
                raise Claimed(path, holder) from None
            with contextlib.suppress(OSError):
                lock.unlink()  # left behind by a run that ended: take it over
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(me + "\n")
        return lock
    raise Claimed(path, "")


def release(lock: Path) -> None:
    with contextlib.suppress(OSError):
        lock.unlink()


def numbered(path: Path) -> Iterator[Path]:
    """``name (2).ext``, ``name (3).ext``, ... up to 999: the names beside ``path`` for a new
    version, the way Windows and macOS name copies."""
    for n in range(2, 1000):
        yield path.with_name(f"{path.stem} ({n}){path.suffix}")


def create_new(path: Path, content: bytes = b"") -> Path:
    """Create ``path`` with ``content`` (one small write, so that a process killed right after
    never leaves an empty file), or the first free ``name (2).ext`` beside it, exclusively: two
    runs never get the same file."""
    for candidate in (path, *numbered(path)):
        try:
            fd = os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            continue
        try:
            os.write(fd, content)
        finally:
            os.close(fd)
        return candidate
    raise FileExistsError(str(path))

