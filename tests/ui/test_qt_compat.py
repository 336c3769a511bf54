"""The binding work-around: a long session's worth of Qt calls must not drain the references
of ``None``/``True`` (PySide6 6.12.0 as installed loses one per void call / per emit, and
CPython then aborts: "Fatal Python error: none_dealloc: deallocating None")."""

from __future__ import annotations

import subprocess
import sys

_SESSION = """
import gc
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLineEdit
{prelude}
class S(QObject):
    s = Signal()
app = QApplication([])
edit, o = QLineEdit(), S()
for i in range(60000):  # more than the references None/True have in a fresh process
    edit.setText("x")     # returns nothing
    o.s.emit()            # returns True
gc.collect()
print("ok")
"""


def _run(prelude: str) -> subprocess.CompletedProcess:
    code = _SESSION.format(prelude=prelude)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=180, check=False,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})


def test_a_long_session_survives_after_importing_app_ui():
    done = _run("import app.ui")
    assert done.returncode == 0, done.stderr[-800:]
    assert done.stdout.strip() == "ok"


def test_install_reports_whether_the_binding_needed_it():
    from app.ui.qt_compat import RESERVE, install

    active = install()
    if active:  # the defect is there and the reserve is in place
        assert sys.getrefcount(None) > RESERVE // 2
        assert sys.getrefcount(True) > RESERVE // 2
    else:  # a fixed binding: the same session must survive without help
        done = _run("")
        assert done.returncode == 0, done.stderr[-800:]
