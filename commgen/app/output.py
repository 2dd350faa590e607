"""Write generated documents so that nothing is half-written and no edit is lost.

A run's documents are written as one set (``write_set``): every file first goes into a
temporary folder inside the output folder, then each is moved into place with ``os.replace``;
when one move fails, the files already moved are put back, so the folder holds either the
whole new set or what it held before. Every written file is recorded with its SHA-256 in
``.commgen-manifest.json``. On a rerun for the same answers file, a document commgen made
earlier and nobody changed since is replaced, and the earlier one moves into ``vorige/``; a
document whose content differs from what commgen wrote (edited in Word) is kept, and the new
one is written beside it, unless the user asks for ``--force``. Even then a document that is
open in Word (it has a ``~$`` lock file beside it) is not replaced.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from commgen.foundation.errors import OutputError
from commgen.foundation.files import numbered, sync_folder, write_atomic, write_durable
from commgen.foundation.i18n import _

MANIFEST_NAME = ".commgen-manifest.json"
PREVIOUS_FOLDER = "vorige"
MANIFEST_FORMAT = 1


@dataclass(frozen=True)
class Written:
    path: Path
    wanted: Path  # the name asked for; differs when that file already existed
    replaced: bool = False
    previous: Path | None = None  # where the version it replaced went (``vorige/``)
    kept_reason: str = ""  # why ``wanted`` was kept: "edited", "open", "other"


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
    for candidate in numbered(path):
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


def make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(_("{path}: the folder cannot be created ({detail}).").format(
            path=folder, detail=exc.strerror or exc)) from None


def file_hash(path: Path) -> str | None:
    """The SHA-256 of a file, or None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def answers_key(answers: Path | None, folder: Path) -> str:
    """How the manifest of ``folder`` names the answers file a set was made from: relative to
    that folder, with forward slashes ("../antwoorden.yaml"), so that a case folder copied or
    moved as a whole still knows its documents as its own (absolute only on another drive)."""
    if answers is None:
        return ""
    try:
        return Path(os.path.relpath(answers.resolve(), folder.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return answers.resolve().as_posix()


def _relative_key(value: object, folder: Path) -> object:
    """An answers file named by an older commgen with its absolute path, as it is named now."""
    if isinstance(value, str) and value and Path(value).is_absolute():
        return answers_key(Path(value), folder)
    return value


@dataclass
class Manifest:
    """What commgen wrote into one folder: per file its hash, answers file, time, asked name."""

    folder: Path
    files: dict[str, dict[str, str]]

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        """An unreadable manifest counts as none: then every existing file is kept."""
        try:
            data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
            files = data.get("files", {}) if isinstance(data, dict) else {}
        except (OSError, ValueError, RecursionError):
            files = {}
        if not isinstance(files, dict):  # edited by hand, or not a manifest at all
            files = {}
        files = {str(k): dict(v) for k, v in files.items() if isinstance(v, dict)}
        for entry in files.values():
            for name in ("answers", "pending_answers"):
                if name in entry:
                    entry[name] = _relative_key(entry[name], folder)
        return cls(folder, files)

    def save(self) -> None:
        data = {"format": MANIFEST_FORMAT, "files": self.files}
        write_atomic(self.folder / MANIFEST_NAME,
                     json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))

    def status(self, path: Path, answers: str) -> str:
        """"ours" (written for these answers, unchanged since), "edited", "other-answers"
        (unchanged, made from another answers file) or "unknown" (not written by commgen)."""
        entry = self.files.get(path.name)
        if entry is None:
            return "unknown"
        found = file_hash(path)
        if found is not None and found == entry.get("sha256"):
            return "ours" if entry.get("answers") == answers else "other-answers"
        if found is not None and found == entry.get("pending"):  # a run stopped halfway
            return "ours" if entry.get("pending_answers") == answers else "other-answers"
        return "edited"

    def announce(self, plans: Sequence[_Plan], answers: str) -> None:
        """Before any file moves: record what is about to be written, so that a run that is
        killed halfway leaves files the next run still knows as its own (not as edited)."""
        for plan in plans:
            entry = dict(self.files.get(plan.target.name, {}))
            entry["pending"] = hashlib.sha256(plan.data).hexdigest()
            entry["pending_answers"] = answers
            self.files[plan.target.name] = entry
        self.save()


@dataclass
class _Plan:
    data: bytes
    wanted: Path
    target: Path
    replaced: bool
    kept_reason: str = ""


def _plan(manifest: Manifest, name: str, data: bytes, answers: str, force: bool) -> _Plan:
    folder = manifest.folder
    wanted = folder / name
    if not wanted.exists() or (wanted.is_file() and not wanted.is_symlink()
                               and wanted.stat().st_size == 0):
        return _Plan(data, wanted, wanted, False)  # an empty file is nobody's work to keep
    if word_lock_file(wanted).exists():
        if force:
            raise OutputError(_("{path} is open in Word. Close it and try again, or leave out "
                                "--force to write a new copy beside it.").format(path=wanted))
        reason = "open"
    else:
        reason = manifest.status(wanted, answers)
        if reason == "ours" or force:
            return _Plan(data, wanted, wanted, True)
    for earlier, entry in manifest.files.items():  # our own copy beside it from a former run
        beside = folder / earlier
        if (entry.get("wanted") == name and earlier != name and beside.exists()
                and manifest.status(beside, answers) == "ours"
                and not word_lock_file(beside).exists()):
            return _Plan(data, wanted, beside, True, reason)
    return _Plan(data, wanted, next_free(wanted), False, reason)


def _twins_follow(manifest: Manifest, plans: list[_Plan], answers: str) -> list[_Plan]:
    """A document's plain-text twin (``brief.txt``, pasted into the e-mail) goes where the
    document goes: when an edited ``brief.docx`` is kept and the new one is written as ``brief
    (2).docx``, its text is ``brief (2).txt``, not a silent new ``brief.txt`` beside the edited
    letter that does not hold its edits (trial12 F7). The earlier ``brief.txt`` moves to
    ``vorige/`` with the rest of the earlier set."""
    documents = {plan.wanted.name: plan for plan in plans if plan.wanted.suffix == ".docx"}
    out = []
    for plan in plans:
        document = documents.get(plan.wanted.with_suffix(".docx").name)
        if (plan.wanted.suffix != ".txt" or plan.target != plan.wanted or document is None
                or document.target == document.wanted):
            out.append(plan)
            continue
        beside = document.target.with_suffix(".txt")
        if not beside.exists():
            out.append(_Plan(plan.data, plan.wanted, beside, False, "twin"))
        elif (manifest.status(beside, answers) == "ours"
              and not word_lock_file(beside).exists()):
            out.append(_Plan(plan.data, plan.wanted, beside, True, "twin"))
        else:  # someone's own file of that name: the twin stays at its own name
            out.append(plan)
    return out


def _stale(manifest: Manifest, plans: list[_Plan], answers: str) -> list[Path]:
    """Files of the earlier set for these answers, unchanged, that the new set does not have."""
    targets = {plan.target.name for plan in plans}
    return [manifest.folder / name for name in manifest.files
            if name not in targets and (manifest.folder / name).exists()
            and manifest.status(manifest.folder / name, answers) == "ours"
            and not word_lock_file(manifest.folder / name).exists()]


def _rollback(moves: list[tuple[Path, Path]]) -> list[Path]:
    """Undo the moves, last first; return the files that could not be put back."""
    stuck = []
    for src, dst in reversed(moves):
        try:
            os.replace(dst, src)
        except OSError:
            stuck.append(src)
    return stuck


LEFTOVER_AGE = 3600  # seconds: older temporaries are from a run that was killed


def remove_leftovers(folder: Path) -> None:
    """Temporaries of a run that was killed (kill -9, a power cut) before it could clean up:
    a staging folder or a half-written file. Recent ones may belong to a run going on now."""
    import time

    limit = time.time() - LEFTOVER_AGE
    for item in folder.glob(".commgen-*"):
        if not (item.name.startswith(".commgen-set-") or item.name.endswith(".tmp")):
            continue  # the manifest, a lock
        try:
            if item.stat().st_mtime > limit:
                continue
            if item.is_dir():
                shutil.rmtree(item, ignore_errors=True)
            else:
                item.unlink()
        except OSError:
            continue


def write_set(folder: Path, files: Sequence[tuple[str, bytes]], answers: Path | None = None,
              force: bool = False, now: dt.datetime | None = None) -> list[Written]:
    """Write all ``files`` (name, bytes) into ``folder``, or none of them.

    The earlier versions that are replaced, and the earlier set's files the new set no longer
    has, move into ``vorige/``; the manifest records the new set."""
    make_folder(folder)
    remove_leftovers(folder)
    key = answers_key(answers, folder)
    manifest = Manifest.load(folder)
    plans = _twins_follow(manifest, [_plan(manifest, name, data, key, force)
                                     for name, data in files], key)
    stale = _stale(manifest, plans, key)
    names = ", ".join(name for name, _data in files)
    try:
        staging = Path(tempfile.mkdtemp(prefix=".commgen-set-", dir=folder))
    except OSError as exc:
        raise OutputError(_("{path} cannot be written ({detail}). Not written: {files}.").format(
            path=folder, detail=exc.strerror or exc, files=names)) from None
    moves: list[tuple[Path, Path]] = []

    def move(src: Path, dst: Path) -> None:
        os.replace(src, dst)
        moves.append((src, dst))

    try:
        # Every file of the set is on the disk before the first one moves into place (so a
        # power cut never leaves an empty document where a good one was), flushed together
        # rather than one after the other; the renames are flushed once, after the last move.
        try:
            write_durable([(staging / plan.target.name, plan.data) for plan in plans])
        except OSError as exc:
            failed = folder / Path(exc.filename).name if exc.filename else folder
            raise OutputError(_("{path} cannot be written ({detail}). Is the disk full? "
                                "Nothing was changed in the folder; not written: {files}."
                                ).format(path=failed, detail=exc.strerror or exc,
                                         files=names)) from None
        previous: dict[Path, Path] = {}
        current, made_previous = None, False
        manifest_file = folder / MANIFEST_NAME
        try:
            earlier_manifest: bytes | None = manifest_file.read_bytes()
        except OSError:
            earlier_manifest = None
        try:
            current = manifest_file
            manifest.announce(plans, key)
            superseded = [p.target for p in plans if p.replaced] + stale
            if superseded:
                current = folder / PREVIOUS_FOLDER
                made_previous = not current.exists()
                current.mkdir(exist_ok=True)
                older = staging / ".older"  # the set before the previous one: dropped
                for old in superseded:
                    current = old
                    dest = folder / PREVIOUS_FOLDER / old.name
                    if dest.exists():
                        older.mkdir(exist_ok=True)
                        move(dest, older / old.name)
                    move(old, dest)
                    previous[old] = dest
            for plan in plans:
                current = plan.target
                move(staging / plan.target.name, plan.target)
            for moved_into in {dst.parent for _src, dst in moves}:
                sync_folder(moved_into)
            current = folder / MANIFEST_NAME
            _record(manifest, plans, stale, key, now)
        except OSError as exc:
            stuck = _rollback(moves)
            with contextlib.suppress(OSError):  # the folder as it was, the manifest too
                if earlier_manifest is None:
                    manifest_file.unlink()
                else:
                    write_atomic(manifest_file, earlier_manifest)
            if made_previous:
                with contextlib.suppress(OSError):
                    (folder / PREVIOUS_FOLDER).rmdir()  # only when empty again
            message = _("{path} cannot be written ({detail}). Is it open in another program, "
                        "or is the disk full? Everything was put back; not written: {files}."
                        ).format(path=current or folder, detail=exc.strerror or exc,
                                 files=names)
            if stuck:
                message += " " + _("Could not be put back (it is in {folder}): {files}.").format(
                    folder=staging, files=", ".join(str(p) for p in stuck))
                staging = None  # type: ignore[assignment]  # keep what could not go back
            raise OutputError(message) from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return [Written(p.target, p.wanted, p.replaced, previous.get(p.target), p.kept_reason)
            for p in plans]


def _record(manifest: Manifest, plans: list[_Plan], stale: list[Path], answers: str,
            now: dt.datetime | None) -> None:
    stamp = (now or dt.datetime.now()).isoformat(timespec="seconds")
    for path in stale:
        manifest.files.pop(path.name, None)
    for plan in plans:
        manifest.files[plan.target.name] = {
            "sha256": hashlib.sha256(plan.data).hexdigest(), "answers": answers,
            "written": stamp, "wanted": plan.wanted.name}
    manifest.files = {name: entry for name, entry in manifest.files.items()
                      if (manifest.folder / name).exists()}
    manifest.save()


def convert_to_pdf(document: Path) -> Path:
    """Write ``document`` as PDF beside it (a new name if a PDF is already there)."""
    from commgen.render.pdf import pdf_bytes

    return write_document(document.with_suffix(".pdf"), pdf_bytes([document])[document]).path
