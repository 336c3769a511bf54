#!/usr/bin/env bash
# Build the wheel and smoke-run it in a clean virtual environment that has nothing else of the
# project (no source tree on sys.path): proves the wheel carries its fonts, translations,
# icons and migrations.
#
#   packaging/check_wheel.sh      # -> dist/bonemet_workstation-<version>-py3-none-any.whl
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV_BIN:-.venv/bin}"
rm -rf dist/wheel
"$BIN/python" -m pip wheel -q --disable-pip-version-check --no-deps -w dist/wheel . >/dev/null
wheel="$(ls dist/wheel/bonemet_workstation-*.whl)"
env_dir="$(mktemp -d)/wheelenv"
trap 'rm -rf "$(dirname "$env_dir")"' EXIT
python3 -m venv "$env_dir"
"$env_dir/bin/python" -m pip install -q --disable-pip-version-check "$wheel"
# nothing of the source tree: run from elsewhere, with the wheel's own entry point
(cd / && packaging_dir="$OLDPWD/packaging" && "$packaging_dir/smoke.sh" "$env_dir/bin/bonemet")
echo "wheel: $wheel passed the smoke run"
