"""The registry window's start path stays light: process start → first page shown imports
neither SQLAlchemy, Alembic, pypinyin nor pyqtgraph/numpy (each takes longer to import than the
window takes to start; issue 2's start-up target). They load on first use (a form, a chart)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from app.data.engine import open_database
from app.data.migrate import ensure_schema
from app.services.registry import PatientForm, RegistryService

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "alembic", "pypinyin", "pyqtgraph", "numpy")

_CHILD = r"""
import argparse, sys
from PySide6.QtCore import QTimer
from app.cli.gui_cmd import prepare_gui
args = argparse.Namespace(db=sys.argv[1], demo=False, lang="en", command=None)
session = prepare_gui(args, sys.argv[:1], show_dialogs=False)
session.window.show()
model = session.window.model
def report():
    heavy = sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[2].split(",")))
    print("ROWS", model.rowCount(), "HEAVY", ",".join(heavy) or "-", flush=True)
    session.app.quit()
def check():
    if model.busy:
        model.searchFinished.connect(lambda: QTimer.singleShot(0, report))
    else:
        report()
QTimer.singleShot(0, check)
session.app.exec()
session.db.dispose()
"""


def test_start_path_imports_nothing_heavy(tmp_path):
    path = tmp_path / "registry.sqlite"
    db = open_database(path)
    ensure_schema(db)
    RegistryService(db, "test").create(
        PatientForm(mrn="S-1", name="张小燕", birth_date=date(1960, 1, 1)))
    db.dispose()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path), ",".join(HEAVY)],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
                         check=False)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("ROWS")), None)
    assert line is not None, out.stderr[-2000:]
    assert line == "ROWS 1 HEAVY -", line
