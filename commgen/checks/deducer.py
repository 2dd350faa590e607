"""The Dutch de-identification library deduce, loaded lazily and trimmed for a quick start.

deduce ships lookup lists of Dutch first names, surnames, streets, places, hospitals and
medical terms; with all of them it needs about 7 s and 1.1 GB on every start (and a minute
to build its cache). commgen only needs its name and date annotators, so it copies the name
lists and the common-word whitelist into a user cache folder (the others become empty lists)
and points deduce there: about 0.04 s and 50 MB once the cache is built (0.2 s the first
time). deduce configures the root logger when it is imported; that is undone here.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

# The lists that name detection needs; every other list deduce expects is left empty.
KEEP_LISTS = frozenset({
    "names/lst_first_name", "names/lst_initial", "names/lst_interfix",
    "names/lst_interfix_surname", "names/lst_prefix", "names/lst_surname",
    "whitelist/lst_common_word", "whitelist/lst_stop_word",
})
KEEP_GROUPS = ("names", "dates")
DROP_ANNOTATORS = ("eponymous_disease", "patient_name")

_state: dict[str, Any] = {}


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


class _KeepRootLogger:
    """deduce calls ``logging.basicConfig`` on import and ``logging.info`` while building (which
    configures the root logger too); put the root logger back as it was."""

    def __enter__(self) -> _KeepRootLogger:
        root = logging.getLogger()
        self.handlers, self.level = list(root.handlers), root.level
        return self

    def reset(self, level: int) -> None:
        root = logging.getLogger()
        for handler in list(root.handlers):
            if handler not in self.handlers:
                root.removeHandler(handler)
        root.setLevel(level)

    def __exit__(self, *exc: object) -> None:
        self.reset(self.level)


def _trimmed_lookup(deduce: Any, folder: Path) -> Path:
    """A copy of deduce's lookup source with only the lists in KEEP_LISTS filled."""
    from deduce.data.lookup.src import all_lists

    target = folder / f"deduce-{deduce.__version__}"
    if (target / "src").is_dir():
        return target
    source = Path(deduce.__file__).parent / "data" / "lookup" / "src"
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="deduce-", dir=folder))
    for name in all_lists:
        (work / "src" / name).mkdir(parents=True, exist_ok=True)
        if name in KEEP_LISTS:
            for file in (source / name).iterdir():
                if file.is_file():
                    shutil.copyfile(file, work / "src" / name / file.name)
        else:
            (work / "src" / name / "items.txt").write_text("", encoding="utf-8")
    try:
        work.rename(target)  # another process may have been quicker: use its copy
    except OSError:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _config(deduce: Any) -> dict[str, Any]:
    import json

    base = Path(deduce.__file__).parent / "base_config.json"
    config = json.loads(base.read_text(encoding="utf-8"))
    config["annotators"] = {
        name: spec for name, spec in config["annotators"].items()
        if spec.get("group") in KEEP_GROUPS and name not in DROP_ANNOTATORS}
    return config


def _build(folder: Path) -> Any:
    with _KeepRootLogger() as logger:
        import deduce
        import deduce.deduce

        logger.reset(logging.WARNING)  # silence "please wait" while the cache is built

        lookup = _trimmed_lookup(deduce, folder)
        _state["lookup"] = lookup
        return deduce.Deduce(load_base_config=False, config=_config(deduce),
                             lookup_data_path=lookup, cache_path=lookup)


def get_deduce() -> Any:
    """The trimmed deduce instance, built on first use; a temporary folder if the cache is
    not writable."""
    if "deduce" not in _state:
        try:
            _state["deduce"] = _build(cache_root())
        except OSError:
            _state["deduce"] = _build(Path(tempfile.gettempdir()) / "commgen-cache")
    return _state["deduce"]


def first_names() -> frozenset[str]:
    """deduce's list of first names, lower case (a sentence starts with a capital anyway, so a
    lone capitalised word there is taken for a name only if it is a first name)."""
    if "first_names" not in _state:
        get_deduce()
        path = _state["lookup"] / "src" / "names" / "lst_first_name" / "items.txt"
        words = path.read_text(encoding="utf-8").split("\n")
        _state["first_names"] = frozenset(w.strip().casefold() for w in words if w.strip())
    return _state["first_names"]


def annotate(text: str) -> list[tuple[int, int, str]]:
    """(start, end, tag) of the names (tag ``persoon``) and dates (``datum``) deduce finds."""
    document = get_deduce().deidentify(text)
    return [(a.start_char, a.end_char, a.tag) for a in document.annotations]
