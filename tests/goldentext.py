"""The text of a generated .docx, read without commgen's own reader, for the golden test.

The golden files under ``tests/golden`` were written by the code before the restructuring
(``python -m tests.goldentext``); the golden test compares the documents made now with them.
Reading uses zipfile and lxml only, so a change in commgen's reader cannot hide a change in
the documents.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
NOW = dt.datetime(2026, 11, 21, 10, 30)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PART = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")


def _paragraphs(root: etree._Element) -> list[str]:
    out = []
    for p in root.iter(_W + "p"):
        text = []
        for el in p.iter(_W + "t", _W + "tab", _W + "br"):
            if el.tag == _W + "t":
                text.append(el.text or "")
            elif el.tag == _W + "tab":
                text.append("\t")
            else:
                text.append("\n")
        out.append("".join(text))
    return out


def docx_golden_text(data: bytes) -> str:
    """Every text part, in name order, with its paragraphs; plus the core title."""
    lines: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(n for n in archive.namelist() if _PART.fullmatch(n)):
            lines.append(f"=== {name}")
            lines.extend(_paragraphs(etree.fromstring(archive.read(name))))
    return "\n".join(lines) + "\n"


def golden_name(path: Path) -> str:
    return path.name + (".golden.txt" if path.suffix == ".docx" else ".golden")


def write_golden() -> None:  # pragma: no cover - run by hand, once, before the restructuring
    import tempfile

    from commgen.answers.answersfile import load_answers
    from commgen.app.generate import generate_from_answers
    from commgen.questions.catalog import load_catalog

    catalog = load_catalog(ROOT / "templates")
    for sample in sorted((ROOT / "samples").glob("*.yaml")):
        answers = load_answers(sample, catalog)
        with tempfile.TemporaryDirectory() as out:
            result = generate_from_answers(catalog, answers, Path(out), now=NOW)
            target = GOLDEN / sample.stem
            target.mkdir(parents=True, exist_ok=True)
            for written in result.written:
                if written.path.suffix == ".docx":
                    text = docx_golden_text(written.path.read_bytes())
                elif written.path.suffix == ".txt":
                    text = written.path.read_text(encoding="utf-8")
                else:
                    continue
                (target / golden_name(written.path)).write_text(text, encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    write_golden()
