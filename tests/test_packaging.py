"""A plain ``pip install .`` carries everything: templates, snippets, samples, translations."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(ROOT)], check=True, capture_output=True,
                   timeout=300)
    [built] = out.glob("commgen-*.whl")
    return built


def test_wheel_contains_the_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("commgen/data/templates/catalog.yaml",
                     "commgen/data/templates/nl/communicatiestatement.docx",
                     "commgen/data/snippets/nl/phrases.yaml",
                     "commgen/data/snippets/nl/terms.yaml",
                     "commgen/data/samples/vo-politie.yaml",
                     "commgen/locale/nl/LC_MESSAGES/commgen.mo",
                     "commgen/locale/en/LC_MESSAGES/commgen.mo"):
        assert required in names, required
    assert not [n for n in names if n.startswith(("tests/", "tools/"))]


def test_installed_wheel_generates_outside_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                   check=True, timeout=120)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall",
                    str(wheel)], check=True, capture_output=True, timeout=300)
    work = tmp_path / "elders"
    work.mkdir()
    env = {**os.environ, "COMMGEN_LANG": "nl", "PYTHONPATH": ""}
    env.pop("COMMGEN_TEMPLATES", None)
    where = subprocess.run([str(python), "-c", "import commgen.foundation.resources as r; "
                            "print(r.bundled('samples'))"], cwd=work, env=env, check=True,
                           capture_output=True, text=True).stdout.strip()
    assert str(venv) in where
    sample = Path(where) / "vo-politie.yaml"
    run = subprocess.run([str(bindir / "commgen"), "generate", str(sample), "--out", "docs"],
                         cwd=work, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Geschreven:" in run.stdout
    assert (work / "docs" / "communicatiestatement.docx").stat().st_size > 10_000
    module = subprocess.run([str(python), "-m", "commgen", "--lang", "en", "--help"], cwd=work,
                            env=env, capture_output=True, text=True, timeout=60)
    assert module.returncode == 0 and "Usage:" in module.stdout
