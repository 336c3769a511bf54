"""The emit work-around: thousands of Python-side emits must not drain ``True``'s references
(PySide6 6.12.0 aborts the interpreter otherwise: "bool_dealloc: deallocating True")."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from app.ui.qt_compat import emit


class _Source(QObject):
    changed = Signal(int, object)


def test_many_emits_keep_reference_counts_balanced():
    source = _Source()
    received = []
    source.changed.connect(lambda n, payload: received.append(n))
    emit(source.changed, 0, None)  # runs the one-off probe
    before = sys.getrefcount(True)
    for i in range(5000):  # more than the references a fresh interpreter holds on True
        emit(source.changed, i, {"x": i})
    assert abs(sys.getrefcount(True) - before) <= 2
    assert len(received) == 5001 and received[-1] == 4999
