"""Fill Dutch translations into the nl catalogue from a YAML file of ``msgid: msgstr`` pairs.

    python tools/translate_missing.py NEW.yaml && bash tools/i18n.sh

For developers adding messages: ``tools/i18n.sh`` merges new message ids with an empty Dutch
text; this writes the translations given, leaving every other entry as it is.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parent.parent / "commgen/locale/nl/LC_MESSAGES/commgen.po"


def main(source: str) -> int:
    pairs = yaml.safe_load(Path(source).read_text(encoding="utf-8"))
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    unknown = [msgid for msgid in pairs if msgid not in catalog]
    for msgid, text in pairs.items():
        if msgid in catalog:
            catalog[msgid].string = text
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, ignore_obsolete=True)
    for msgid in unknown:
        print(f"not in the catalogue (run tools/i18n.sh first): {msgid}", file=sys.stderr)
    return 1 if unknown else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
