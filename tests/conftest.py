"""Shared helpers: real answers files, real templates, the real CLI entry point."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from commgen.app.cli import main
from commgen.questions.catalog import load_catalog

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TEMPLATES = ROOT / "templates"


@pytest.fixture(autouse=True)
def _dutch_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests expect the default language, whatever the developer's own locale is."""
    monkeypatch.setenv("COMMGEN_LANG", "nl")
    monkeypatch.delenv("COMMGEN_TEMPLATES", raising=False)
    # An in-process run with --lang en sets the language of the process: never the next test's.
    from commgen.foundation.i18n import set_language

    set_language("nl")


@pytest.fixture(autouse=True, scope="session")
def _private_keys(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keys of guarded names go to a folder of the test run, never the developer's keyring.
    Set for the whole session (child processes inherit it)."""
    import os

    os.environ["COMMGEN_CONFIG"] = str(tmp_path_factory.mktemp("config"))
    os.environ["COMMGEN_KEYRING"] = "0"
    os.environ["COMMGEN_CACHE"] = str(tmp_path_factory.mktemp("cache"))  # no stale entries


@pytest.fixture(scope="session")
def catalog():  # type: ignore[no-untyped-def]
    return load_catalog(TEMPLATES)


def sample_data(name: str = "vo-politie") -> dict[str, Any]:
    return yaml.safe_load((SAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


# The bundled vo-politie sample names the wijkagent in two free-text answers; a case without the
# police's approval of the text may not (a police fact in a public text waits for approval).
WITHOUT_WIJKAGENT: dict[str, Any] = {
    "actions_extra": ["Op donderdag 26 november om 19:30 uur is er een ouderavond, samen met "
                      "Bureau Jeugd & Media.",
                      "Mentoren besteden deze week in alle klassen van het leerjaar aandacht aan "
                      "toestemming en aan wat leerlingen kunnen doen als ze een beeld ontvangen."],
    "evening_speakers": "de rector en Bureau Jeugd & Media"}


def write_answers(folder: Path, overrides: dict[str, Any] | None = None,
                  base: str = "vo-politie", drop: tuple[str, ...] = ()) -> Path:
    """An answers file: a bundled sample with some answers changed or left out."""
    data = sample_data(base)
    logo = data.get("school_logo")
    if isinstance(logo, str) and not Path(logo).is_absolute():  # the copy lives elsewhere
        data["school_logo"] = str(SAMPLES / logo)
    data.update(overrides or {})
    for key in drop:
        data.pop(key, None)
    path = folder / "antwoorden.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``commgen ARGS`` in-process; return exit code, stdout and stderr."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return int(exit_info.value.code or 0), captured.out, captured.err


MINI_CATALOG = """\
format: 1
snippets: snippets
author: "{{{{ school_name }}}}"
documents:
  - id: brief
    title: {{nl: Brief, en: Letter}}
    audience: parents-class
    templates: {{nl: brief.docx}}
sections:
  - id: main
    title: {{nl: Alles, en: Everything}}
questions:
  - id: school_name
    section: main
    type: text
    required: true
    prompt: {{nl: Naam, en: Name}}
  - id: note
    section: main
    type: paragraphs
    prompt: {{nl: Tekst, en: Text}}
{extra}
"""


def mini_template_set(folder: Path, document: Any, extra_questions: str = "") -> Path:
    """A one-document template set: ``document`` (a python-docx Document) and a catalogue."""
    folder.mkdir(parents=True, exist_ok=True)
    document.save(folder / "brief.docx")
    (folder / "catalog.yaml").write_text(MINI_CATALOG.format(extra=extra_questions),
                                         encoding="utf-8")
    return folder


@pytest.fixture
def template_copy(tmp_path: Path) -> Path:
    """A copy of the bundled template set and snippets, to break on purpose."""
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    shutil.copytree(TEMPLATES.parent / "snippets", tmp_path / "snippets")
    return tmp_path / "templates"


@pytest.fixture(scope="session")
def checker():  # type: ignore[no-untyped-def]
    """The privacy check with commgen's own rules and nothing allowed."""
    from commgen.checks.run import make_checker

    return make_checker()


def errors_of(checker, text: str, category: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The passages the check marks as errors of ``category``."""
    from commgen.foundation.concepts import ERROR

    return [f.text for f in checker.check(text) if f.category == category
            and f.severity == ERROR]
