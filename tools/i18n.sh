#!/usr/bin/env bash
# Refresh the CLI translations after changing a message in the code:
#   1. extract the English message ids into commgen/locale/commgen.pot,
#   2. merge them into the nl and en .po files (translate new entries in nl),
#   3. compile the .mo files that ship in the wheel (tests check they are current).
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel extract --no-location --sort-output -F babel.cfg -k _ -k N_ -k ngettext:1,2 \
  --project commgen --version "$(python -c 'import commgen; print(commgen.__version__)')" \
  --msgid-bugs-address "" -o commgen/locale/commgen.pot .
pybabel update -D commgen -i commgen/locale/commgen.pot -d commgen/locale --no-fuzzy-matching \
  --ignore-obsolete -w 100
pybabel compile -D commgen -d commgen/locale --statistics
