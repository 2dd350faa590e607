"""The code stays ruff-clean; ruff comes with the test extras, so this runs everywhere."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_clean() -> None:
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "commgen", "tests", "tools",
                          "bench"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "No module named ruff" not in run.stderr, "install the test extras: pip install .[test]"
    assert run.returncode == 0, run.stdout + run.stderr
