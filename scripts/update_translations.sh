#!/usr/bin/env bash
# Regenerate the Qt Linguist translation source (.ts) from the UI code, then compile it (.qm).
#
#   scripts/update_translations.sh            # update app/resources/i18n/bonemet_zh_CN.ts and .qm
#   scripts/update_translations.sh --check    # fail if the .ts has unfinished translations
#
# lupdate keeps existing translations and marks new/changed strings "unfinished"; translate
# those (Qt Linguist: `pyside6-linguist app/resources/i18n/bonemet_zh_CN.ts`), then run this again.
# Commit both the .ts and the .qm (the app loads the .qm at run time).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV_BIN:-.venv/bin}"
LANGS=(zh_CN)
SOURCES=$(find app/ui app/cli/gui_cmd.py -name '*.py' | sort)
for lang in "${LANGS[@]}"; do
    ts="app/resources/i18n/bonemet_${lang}.ts"
    # shellcheck disable=SC2086
    "$BIN/pyside6-lupdate" -no-obsolete -locations relative $SOURCES -ts "$ts"
    "$BIN/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
    if [[ "${1:-}" == "--check" ]] && grep -q 'type="unfinished"' "$ts"; then
        echo "$ts: untranslated strings remain:" >&2
        grep -B3 'type="unfinished"' "$ts" | grep '<source>' >&2
        exit 1
    fi
done
