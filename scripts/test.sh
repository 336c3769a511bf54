#!/usr/bin/env bash
# Set up (first time) and run the whole test suite: lint, import contracts, tests (GUI tests
# offscreen), then the domain and data tests again in an environment WITHOUT PySide6.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_venv.sh
check_qt_libs
export QT_QPA_PLATFORM=offscreen

echo "== environment (.venv)"
ensure_venv .venv -e ".[dev,postgres]"

echo "== ruff"
.venv/bin/ruff check app tests benchmarks scripts

echo "== import contracts"
.venv/bin/lint-imports --no-cache

echo "== tests"
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"

echo "== domain and data tests without PySide6 (.venv-noqt)"
# Everything the domain/data/services layers need, but no Qt and no pyqtgraph.
ensure_venv .venv-noqt "SQLAlchemy>=2.0.30,<3" "alembic>=1.13" "platformdirs>=4" "pypinyin>=0.51" \
    "reportlab>=4.2" "psycopg[binary]>=3.1" "hl7>=0.4.5" "pytest>=8" "hypothesis>=6.100"
.venv-noqt/bin/python -m pip install -q --disable-pip-version-check --no-deps -e . >/dev/null
.venv-noqt/bin/python - <<'PY'
import importlib.util, sys
bad = [m for m in ("PySide6", "pyqtgraph") if importlib.util.find_spec(m) is not None]
sys.exit(f"the no-Qt environment has {bad}" if bad else 0)
PY
.venv-noqt/bin/python -m pytest -q -p no:cacheprovider tests/domain tests/data tests/services
