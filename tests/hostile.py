"""The hostile-input matrix: one case is one real run of the command line in a child process,
with a time limit and (on POSIX) a memory limit, and the same five promises checked after each:

- a clear message: the expected exit code, something said on a non-zero exit, no "Traceback",
  no "Interne fout", no raw escape or control character on the terminal;
- a bounded time: the child is killed after ``Case.timeout`` seconds (a hang is a failure);
- bounded memory: the child runs with an address-space limit (``MEMORY_LIMIT``) and reports its
  peak resident size, which must stay under ``PEAK_LIMIT``;
- no stray or empty file: no ``.commgen-*.tmp``, no claim file, no 0-byte file, and no document
  at all when the run did not succeed (a half set);
- no guarded name (``Case.secrets``) in anything printed or in any file the run wrote.

A module lists its cases and asks for ``matrix_fixture(CASES)``: the cases selected in the
session run in a small thread pool (independent child processes), and one test per case (its
pytest id is the case's id) reports that case's problems by name.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import SAMPLES

MEMORY_LIMIT = 1536 * 1024 * 1024  # address space of the child (RLIMIT_AS)
PEAK_LIMIT = 600 * 1024 * 1024  # the peak resident size a case may reach
WORKERS = max(2, min(4, os.cpu_count() or 2))
GUARDED = ("Sanne", "Vries")  # the guarded name of the cases that carry one
LOGO = SAMPLES / "scholen" / "hetbaken-logo.png"
BAD_OUTPUT = ("Traceback", "Interne fout", "Internal error", "MemoryError", "RecursionError")
RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x9b]")

# The child: set the limits, run ``python -m commgen``, write the peak memory at exit. (A
# Ctrl-C before commgen is reached is the launcher's, not commgen's: exit 130 quietly.)
LAUNCHER = """\
import sys
def _setup():
    import atexit, os
    peak = os.environ.pop("HOSTILE_PEAK", "")
    if os.name != "posix":
        return
    import resource
    limit = int(os.environ.pop("HOSTILE_AS", "0"))
    if limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    def _peak():
        size = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        try:  # Linux: the high-water mark of this program (ru_maxrss counts the parent's too)
            with open("/proc/self/status") as status:
                size = next(int(line.split()[1]) * 1024 for line in status
                            if line.startswith("VmHWM:"))
        except (OSError, StopIteration):
            pass
        with open(peak, "w") as handle:
            handle.write(str(size))
    if peak:
        atexit.register(_peak)
try:
    _setup()
    import runpy
except KeyboardInterrupt:
    sys.exit(130)
sys.argv = ["commgen", *sys.argv[1:]]
runpy.run_module("commgen", run_name="__main__", alter_sys=True)
"""


@dataclass
class Run:
    code: int | None
    out: str
    err: str
    peak: int | None
    folder: Path

    @property
    def output(self) -> str:
        return self.out + self.err


@dataclass(frozen=True)
class Case:
    """One hostile input. ``setup`` prepares the case's folder and returns the arguments of
    ``commgen``; ``after`` may check more (raise AssertionError)."""

    id: str
    setup: Callable[[Path], Sequence[str]]
    codes: tuple[int, ...] = (2,)
    words: tuple[str, ...] = ()
    secrets: tuple[str, ...] = ()
    env: Mapping[str, str | None] = field(default_factory=dict)
    stdin: bytes | None = None
    timeout: float = 30
    after: Callable[[Run], None] | None = None
    writes: bool = False  # documents may be written even though the exit code is not 0
    xfail: str | None = None
    skip: str | None = None

    def param(self) -> Any:
        marks = []
        if self.xfail:
            marks.append(pytest.mark.xfail(strict=True, reason=self.xfail))
        if self.skip:
            marks.append(pytest.mark.skip(reason=self.skip))
        return pytest.param(self, id=self.id, marks=marks)


def child_env(extra: Mapping[str, str | None] = ()) -> dict[str, str]:  # type: ignore[assignment]
    env = {**os.environ, "COMMGEN_LANG": "nl", "PYTHONIOENCODING": "utf-8"}
    env.pop("COMMGEN_TEMPLATES", None)
    env.pop("COMMGEN_DEBUG", None)
    for key, value in dict(extra).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def launch(args: Sequence[str], cwd: Path, env: Mapping[str, str | None] = (),  # type: ignore[assignment]
           stdin: bytes | None = None, timeout: float = 30) -> Run:
    """Run ``commgen ARGS`` in a child process with the limits; a hang comes back as code None."""
    with tempfile.TemporaryDirectory() as scratch:
        peak_file = Path(scratch) / "peak"
        full_env = child_env(env)
        full_env.update(HOSTILE_PEAK=str(peak_file), HOSTILE_AS=str(MEMORY_LIMIT))
        try:
            done = subprocess.run([sys.executable, "-c", LAUNCHER, *args], cwd=cwd,
                                  env=full_env, input=stdin if stdin is not None else b"",
                                  capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            return Run(None, _text(exc.stdout), _text(exc.stderr), None, cwd)
        peak = int(peak_file.read_text()) if peak_file.exists() else None
        return Run(done.returncode, _text(done.stdout), _text(done.stderr), peak, cwd)


def _text(data: bytes | None) -> str:
    return (data or b"").decode("utf-8", "backslashreplace")


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and link below ``folder`` (links are not followed): size and change time."""
    seen: dict[str, tuple[int, int]] = {}
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs + files:
            path = Path(root) / name
            try:
                info = os.lstat(path)
            except OSError:
                continue
            seen[str(path.relative_to(folder))] = (info.st_size, info.st_mtime_ns)
    return seen


def stray(name: str) -> bool:
    return ((".commgen-" in name and name != ".commgen-manifest.json") or name.endswith(".tmp")
            or "commgen-lock" in name)


DOCUMENT_SUFFIXES = (".docx", ".txt", ".pdf")


def file_text(path: Path) -> str:
    """What a file holds, as text: a zip (.docx) member by member without its XML tags."""
    try:
        data = path.read_bytes()[: 20 * 1024 * 1024]
    except OSError:
        return ""
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                parts = [archive.read(info)[: 20 * 1024 * 1024] for info in archive.infolist()
                         if info.file_size < 50 * 1024 * 1024]
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            parts = [data]
        text = "\n".join(part.decode("utf-8", "replace") for part in parts)
        return text + "\n" + re.sub(r"<[^>]+>", "", text)
    return data.decode("utf-8", "replace")


_LOOK_ALIKE = str.maketrans("асеорхіѕ", "aceopxis")


def folded(text: str) -> str:
    """Text as a reader sees it: compatibility forms folded (𝐒, Ｓ -> s), invisible characters
    (soft hyphen, zero-width, bidi controls) removed, Cyrillic look-alikes made Latin."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return text.casefold().translate(_LOOK_ALIKE)


def problems_of(case: Case, run: Run, before: dict[str, tuple[int, int]]) -> list[str]:
    problems: list[str] = []
    if run.code is None:
        return [f"no answer within {case.timeout} s (a hang)"]
    output = run.output
    if run.code not in case.codes:
        problems.append(f"exit {run.code}, expected {case.codes}")
    if run.code != 0 and not run.err.strip() and not run.out.strip():
        problems.append("a non-zero exit without a message")
    problems += [f"{word!r} printed" for word in BAD_OUTPUT if word in output]
    raw = RAW.search(output.replace("\t", " "))
    if raw:
        problems.append(f"raw control character {raw.group()!r} printed")
    if run.code != 0:  # a run that went through need not explain itself
        problems += [f"{word!r} not in the message" for word in case.words
                     if word not in output]
    if run.peak is not None and run.peak > PEAK_LIMIT:
        problems.append(f"peak memory {run.peak // 2**20} MB")
    after = snapshot(run.folder)
    changed = [name for name, info in after.items() if before.get(name) != info]
    for name in changed:
        path = run.folder / name
        base = Path(name).name
        if stray(base):
            problems.append(f"stray file {name}")
        if path.is_file() and not path.is_symlink() and after[name][0] == 0:
            problems.append(f"empty file {name}")
        if (run.code != 0 and not case.writes and base.endswith(DOCUMENT_SUFFIXES)
                and name not in before):
            problems.append(f"document {name} written by a run that failed")
    texts = {name: folded(file_text(run.folder / name)) for name in changed
             if (run.folder / name).is_file() and not (run.folder / name).is_symlink()}
    for secret in case.secrets:
        if folded(secret) in folded(output):
            problems.append(f"guarded name {secret!r} printed")
        problems += [f"guarded name {secret!r} in {name}" for name, text in texts.items()
                     if folded(secret) in text]
    if case.after is not None and not problems:
        try:
            case.after(run)
        except AssertionError as exc:
            problems.append(f"after: {exc}")
    return problems


def run_case(case: Case, folder: Path) -> tuple[list[str], Run | None]:
    folder.mkdir(parents=True, exist_ok=True)
    args = list(case.setup(folder))
    before = snapshot(folder)
    start = time.monotonic()
    run = launch(args, folder, case.env, case.stdin, case.timeout)
    if os.environ.get("HOSTILE_TIMES"):
        print(f"{time.monotonic() - start:6.2f}s {(run.peak or 0) // 2**20:5d}MB {case.id}",
              file=sys.stderr)
    problems = problems_of(case, run, before)
    if problems:
        problems.append(f"output: {run.output[-1500:]!r}")
    return problems, run


def matrix_fixture(cases: Sequence[Case]) -> Any:
    """A module fixture: run the selected cases of ``cases`` at once, in a thread pool."""
    by_id = {case.id: case for case in cases}
    assert len(by_id) == len(cases), "two cases with one id"

    @pytest.fixture(scope="module")
    def results(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                ) -> dict[str, list[str]]:
        module = request.module.__name__
        wanted = [item.callspec.params["case"].id for item in request.session.items
                  if getattr(item, "module", None) is not None
                  and item.module.__name__ == module and hasattr(item, "callspec")
                  and "case" in item.callspec.params
                  and item.get_closest_marker("skip") is None]
        base = tmp_path_factory.mktemp(module.rsplit(".", 1)[-1])

        def one(case_id: str) -> tuple[str, list[str]]:
            folder = base / re.sub(r"[^A-Za-z0-9_-]", "_", case_id)
            try:
                return case_id, run_case(by_id[case_id], folder)[0]
            except Exception as exc:
                return case_id, [f"setup failed: {type(exc).__name__}: {exc}"]

        with ThreadPoolExecutor(WORKERS) as pool:
            return dict(pool.map(one, dict.fromkeys(wanted)))

    return results


def check(results: dict[str, list[str]], case: Case) -> None:
    problems = results[case.id]
    assert not problems, f"{case.id}:\n  " + "\n  ".join(problems)


# --- answers files


def sample(**changes: Any) -> dict[str, Any]:
    """The vo-politie sample as a mapping, its logo an absolute path, with ``changes``
    (a value None removes the key)."""
    data = yaml.safe_load((SAMPLES / "vo-politie.yaml").read_text(encoding="utf-8"))
    data["school_logo"] = str(LOGO)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def sample_text(drop: Sequence[str] = (), **changes: Any) -> str:
    data = sample(**changes)
    for key in drop:
        data.pop(key, None)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def with_raw(raw: str, drop: Sequence[str] = (), **changes: Any) -> str:
    """The sample with the keys in ``raw`` (YAML text added at the end) taken out first."""
    keys = {line.split(":")[0].strip() for line in raw.splitlines()
            if line and not line.startswith((" ", "-", "#"))}
    return sample_text(drop=[*drop, *keys], **changes) + raw + "\n"


# The documents most cases make: the free-text answers reach each of them, and four documents
# instead of twenty keep the matrix fast.
ONLY = ("--only", "communicatiestatement,brief-ouders-klas,kaart-receptie,"
                  "uitnodiging-ouderavond")


def generate(text: str | bytes, *extra: str, name: str = "antwoorden.yaml"
             ) -> Callable[[Path], list[str]]:
    """A setup: write an answers file, run generate into ``uit`` (the ``ONLY`` documents,
    unless ``extra`` names others)."""
    def setup(folder: Path) -> list[str]:
        path = folder / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        only = () if "--only" in extra else ONLY
        return ["generate", name, "--out", "uit", *only, *extra]
    return setup


def docs_text(folder: Path) -> str:
    """The text of every document a run wrote in ``folder``."""
    from commgen.docx.reader import docx_text

    texts = []
    for path in sorted(folder.rglob("*.docx")):
        texts.append(docx_text(path.read_bytes()))
    return "\n".join(texts)
