#!/usr/bin/env bash
# Set up (first time) and start BoneMet Workstation on the demo registry.
# Extra arguments go to `bonemet` (e.g. `scripts/run.sh --db /path/to/registry.sqlite`).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_venv.sh
check_qt_libs
ensure_venv .venv -e .
if [ $# -eq 0 ]; then
    exec .venv/bin/bonemet --demo
fi
exec .venv/bin/bonemet "$@"
