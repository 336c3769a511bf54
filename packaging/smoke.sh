#!/usr/bin/env bash
# Smoke-run an installed or frozen `bonemet`: the checks a new user's first minutes make.
#
#   packaging/smoke.sh dist/bonemet/bonemet      # the frozen bundle (packaging/build.sh)
#   packaging/smoke.sh /tmp/wheelenv/bin/bonemet # a clean venv with only the built wheel
#
# --version, a 20-patient demo registry, assess, a Chinese care plan (a real PDF with the
# embedded font), an MDT pack with its plots, and the desktop app started offscreen for two
# seconds. Runs in a temporary HOME so that nothing of the user's is touched.
set -euo pipefail
exe="$(readlink -f "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    XDG_STATE_HOME="$work/state" QT_QPA_PLATFORM=offscreen
cd "$work"
step() { echo "smoke: $*"; }
step "--version"; "$exe" --version | grep -E '^bonemet .*\(rules/[0-9]+, schema [0-9a-z_]+\)$'
step "demo"; "$exe" demo --db demo.sqlite --patients 20 >/dev/null
step "assess"; "$exe" assess --db demo.sqlite --mrn BM-000001 --format json >assess.json
grep -q '"rules_version"' assess.json
step "careplan --lang zh"; "$exe" careplan --db demo.sqlite --mrn BM-000001 --lang zh --out plan.pdf
head -c 5 plan.pdf | grep -q '%PDF-'
if command -v pdffonts >/dev/null; then pdffonts plan.pdf | grep -q WenQuanYi; fi
step "mdt-pack with trend plots"
meeting="$("$exe" mdt list --db demo.sqlite | awk '/^[0-9][0-9][0-9][0-9]-/ && $NF != "(0)" {print $1; exit}')"
"$exe" mdt-pack --db demo.sqlite --meeting "$meeting" --out pack.pdf 2>pack.err
if grep -q "note:" pack.err; then cat pack.err >&2; exit 1; fi
if command -v pdfimages >/dev/null; then
    pdfimages -list pack.pdf | awk 'NR > 2 && $3 == "image"' | grep -q . \
        || { echo "smoke: the MDT pack has no trend plot" >&2; exit 1; }
fi
step "GUI for two seconds"
set +e
timeout -k 5 -s TERM 4 "$exe" --db demo.sqlite --lang zh_CN >gui.log 2>&1
code=$?
set -e
# 124 = still running when the timeout stopped it (the window was up); anything else failed
if [ "$code" -ne 124 ] && [ "$code" -ne 0 ] && [ "$code" -ne 130 ]; then
    echo "smoke: the desktop app exited with $code:" >&2; cat gui.log >&2; exit 1
fi
step "log file without patient data"
log="$(find "$work/state" -name bonemet.log | head -1)"
test -s "$log"
if grep -q 'BM-0000' "$log"; then echo "smoke: an MRN is in the log" >&2; exit 1; fi
echo "smoke: all passed"
