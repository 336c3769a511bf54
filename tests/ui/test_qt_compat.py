"""The binding work-around: thousands of Python-side emits must not drain ``True``'s references
(PySide6 6.12.0 would abort the interpreter: "bool_dealloc: deallocating True or False")."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QObject, Signal

import app.ui  # noqa: F401  (installs the fix)
from app.ui.qt_compat import install


class _Source(QObject):
    changed = Signal(int, object)


def test_many_emits_keep_reference_counts_balanced():
    install()
    source = _Source()
    received = []
    source.changed.connect(lambda n, payload: received.append(n))
    before = sys.getrefcount(True)
    for i in range(5000):  # more than the references a fresh interpreter holds on True
        assert source.changed.emit(i, {"x": i}) is True
    assert abs(sys.getrefcount(True) - before) <= 2
    assert len(received) == 5000 and received[-1] == 4999


def test_a_fresh_process_survives_many_emits_after_importing_app_ui():
    code = (
        "import app.ui\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "class S(QObject):\n    s = Signal()\n"
        "o = S()\n"
        "for _ in range(20000):\n    o.s.emit()\n"
        "import gc; gc.collect(); print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "ok"
