#!/bin/sh
# The message catalogs (see README "Translations"):
#   scripts/messages.sh          extract the messages, update every language's .po, compile the .mo files
#   scripts/messages.sh compile  only compile (after editing a .po)
# The .po files are what translators edit; the compiled .mo files ship in the package.
set -eu
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
DIR=generator/locales
POT=$DIR/deload.pot
mkdir -p "$DIR"
LANGUAGES="de fr es nl"
if [ "${1:-}" != compile ]; then
  "$BIN/pybabel" extract -F babel.cfg --no-location --omit-header --sort-output \
    -k N_ -k pgettext:1c,2 -k pgettext_noop:1c,2 -k ngettext:1,2 -k t \
    --project Deload -o "$POT" .
  for lang in $LANGUAGES; do
    if [ -f "$DIR/$lang/LC_MESSAGES/deload.po" ]; then
      "$BIN/pybabel" update -i "$POT" -d "$DIR" -D deload -l "$lang" --no-fuzzy-matching --ignore-obsolete
    else
      "$BIN/pybabel" init -i "$POT" -d "$DIR" -D deload -l "$lang"
    fi
  done
fi
for lang in $LANGUAGES; do
  "$BIN/pybabel" compile -d "$DIR" -D deload -l "$lang" --use-fuzzy
done
