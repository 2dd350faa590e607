"""Write ``snippets/nl/regels/woordenlijst.txt``: the Dutch words of OpenTaal's word list.

The check takes a capitalised word in the middle of a sentence for a person's name when no
list knows it as a word, a place or a name (``checks/lexicon.py``); this is that list of words.
OpenTaal's base words and inflections (https://github.com/OpenTaal/opentaal-wordlist, Revised
BSD License and/or CC BY 3.0), in lower case, one per line, sorted, words of three letters or
more without digits or spaces. Run it again on a newer checkout of OpenTaal to update:

    python tools/build_woordenlijst.py /path/to/opentaal-wordlist
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "snippets" / "nl" / "regels" / "woordenlijst.txt"
SOURCES = ("elements/basiswoorden-gekeurd.txt", "elements/flexies-ongekeurd.txt")


def words(checkout: Path) -> list[str]:
    found: set[str] = set()
    for name in SOURCES:
        for line in (checkout / name).read_text(encoding="utf-8").splitlines():
            word = line.strip().casefold()
            if len(word) >= 3 and not any(c.isdigit() or c.isspace() for c in word):
                found.add(word)
    # sorted by their UTF-8 bytes: the order checks/lexicon.py searches in
    return sorted(found, key=lambda w: w.encode("utf-8"))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    checkout = Path(argv[0])
    version = (checkout / "datetimeversion.txt").read_text(encoding="utf-8").strip()
    header = [
        "# Nederlandse woorden (kleine letters, gesorteerd): OpenTaal-woordenlijst " + version,
        "# https://github.com/OpenTaal/opentaal-wordlist, Revised BSD License en/of CC BY 3.0",
        "# (zie woordenlijst-LICENTIE.txt). Gemaakt met tools/build_woordenlijst.py; een woord",
        "# dat hier staat, is met een hoofdletter midden in een zin geen onbekende naam.",
    ]
    OUT.write_text("\n".join([*header, *words(checkout)]) + "\n", encoding="utf-8")
    (OUT.parent / "woordenlijst-LICENTIE.txt").write_text(
        (checkout / "LICENSE.txt").read_text(encoding="utf-8"), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {sum(1 for _ in OUT.open(encoding='utf-8')) - 4} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
