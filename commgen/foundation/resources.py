"""Where the bundled templates, snippets and samples are, installed or in a source checkout."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
TEMPLATES_ENV = "COMMGEN_TEMPLATES"


def bundled(name: str) -> Path:
    """``templates``, ``snippets`` or ``samples``: inside the wheel, or beside the package."""
    inside = PACKAGE_DIR / "data" / name
    if inside.is_dir():
        return inside
    return PACKAGE_DIR.parent / name


def templates_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The template set to use: ``--templates``, then ``COMMGEN_TEMPLATES``, then the bundle."""
    chosen = override or os.environ.get(TEMPLATES_ENV)
    return Path(chosen).expanduser() if chosen else bundled("templates")
