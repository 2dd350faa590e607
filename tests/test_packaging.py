"""A plain ``pip install .`` carries everything: templates, snippets, samples, translations."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
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


def _borrow_dependencies(python: Path) -> None:
    """Let the new venv import the dependencies installed for this test run.

    ``venv --system-site-packages`` would give the *base* interpreter's packages when the tests
    run inside a virtual environment (as README's command does), so the new venv gets a .pth
    file naming this interpreter's site-packages instead. Its own site-packages comes first, so
    the wheel installed there is the commgen that runs; .pth files of the borrowed folders (an
    editable install of the source tree) are not processed.
    """
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], check=True, capture_output=True, text=True
                          ).stdout.strip()
    paths = dict.fromkeys(sysconfig.get_paths()[k] for k in ("purelib", "platlib"))
    (Path(site) / "commgen-test-deps.pth").write_text("\n".join(paths) + "\n", encoding="utf-8")


def test_installed_wheel_generates_outside_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    _borrow_dependencies(python)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall",
                    str(wheel)], check=True, capture_output=True, timeout=300)
    work = tmp_path / "elders"
    work.mkdir()
    env = {**os.environ, "COMMGEN_LANG": "nl", "PYTHONPATH": ""}
    env.pop("COMMGEN_TEMPLATES", None)
    where = subprocess.run([str(python), "-c", "import commgen.foundation.resources as r; "
                            "print(r.bundled('samples'))"], cwd=work, env=env, check=True,
                           capture_output=True, text=True).stdout.strip()
    assert str(venv) in where and str(ROOT) not in where
    sample = Path(where) / "vo-politie.yaml"
    run = subprocess.run([str(bindir / "commgen"), "generate", str(sample), "--out", "docs"],
                         cwd=work, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Geschreven:" in run.stdout
    assert (work / "docs" / "communicatiestatement.docx").stat().st_size > 10_000
    module = subprocess.run([str(python), "-m", "commgen", "--lang", "en", "--help"], cwd=work,
                            env=env, capture_output=True, text=True, timeout=60)
    assert module.returncode == 0 and "Usage:" in module.stdout
