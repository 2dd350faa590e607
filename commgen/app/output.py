"""Write generated documents so that nothing is half-written and no edit is lost.

A document is written to a temporary file in the target folder and then renamed into place,
so a crash or a full disk never leaves a damaged .docx. A document that already exists may
have been edited in Word: it is kept, and the new one gets the next free name
("communicatiestatement (2).docx"), unless the user asks for ``--force``. Even then a
document that is open in Word (it has a ``~$`` lock file beside it) is not replaced.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from commgen.foundation.errors import OutputError
from commgen.foundation.files import write_atomic
from commgen.foundation.i18n import _


@dataclass(frozen=True)
class Written:
    path: Path
    wanted: Path  # the name asked for; differs when that file already existed
    replaced: bool = False


def word_lock_file(path: Path) -> Path:
    """The owner file Word keeps beside an open document.

    Word puts ``~$`` in front of short names, replaces the first letter of a seven-letter
    name and the first two letters of longer ones.
    """
    stem, name = len(path.stem), path.name
    cut = 2 if stem >= 8 else 1 if stem == 7 else 0
    return path.with_name("~$" + name[cut:])


def next_free(path: Path) -> Path:
    """``name (2).ext``, ``name (3).ext``, ...: the first name not yet taken."""
    for n in range(2, 1000):
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists():
            return candidate
    raise OutputError(_("{path}: too many earlier versions in this folder; clean it up or choose "
                        "another --out folder.").format(path=path))


def write_document(path: Path, data: bytes, force: bool = False) -> Written:
    """Write a new document without silently replacing an existing one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(_("{path}: the folder cannot be created ({detail}).").format(
            path=path.parent, detail=exc.strerror or exc)) from None
    target, replaced = path, False
    if path.exists():
        if force:
            if word_lock_file(path).exists():
                raise OutputError(_("{path} is open in Word. Close it and try again, or leave out "
                                    "--force to write a new copy beside it.").format(path=path))
            replaced = True
        else:
            target = next_free(path)
    try:
        if not replaced:
            # Claim the name first so that two runs never pick the same one.
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        write_atomic(target, data)
    except FileExistsError:
        return write_document(path, data, force)
    except OSError as exc:
        if not replaced:
            with contextlib.suppress(OSError):
                if target.exists() and target.stat().st_size == 0:
                    target.unlink()
        raise OutputError(_("{path} cannot be written ({detail}). Is it open in another "
                            "program, or is the disk full?").format(
                                path=target, detail=exc.strerror or exc)) from None
    return Written(target, path, replaced)


def convert_to_pdf(document: Path) -> Path:
    """Write ``document`` as PDF beside it (a new name if a PDF is already there)."""
    from commgen.render.pdf import pdf_bytes

    return write_document(document.with_suffix(".pdf"), pdf_bytes([document])[document]).path
