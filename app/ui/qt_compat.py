"""Work-arounds for defects of the installed Qt binding. Use :func:`emit` for every signal
emitted from Python code in ``app/ui``.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a reference to it, so
every emit from Python costs ``True`` one reference. After a few thousand emits (the count a
fresh interpreter holds) CPython aborts with ``Fatal Python error: bool_dealloc: deallocating
True or False`` — a GUI session dies after some hundreds of searches. Signals emitted by Qt's
own C++ code are not affected, nor are other methods returning bools.

:func:`emit` emits and, only when a start-up probe shows the defect in the running binding,
gives back the reference the binding dropped. With a fixed binding it is a plain ``emit``.
"""

from __future__ import annotations

import ctypes
import sys
import threading
from typing import Any

_lock = threading.Lock()
_drops_ref: bool | None = None
_PROBES = 16


def _incref(obj: object) -> None:
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))


def emit_drops_reference() -> bool:
    """True when ``SignalInstance.emit`` in this binding loses a reference to its result."""
    global _drops_ref
    if _drops_ref is None:
        with _lock:
            if _drops_ref is None:
                _drops_ref = _probe()
    return _drops_ref


def _probe() -> bool:
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(0, lost)):
        _incref(True)  # repay what the probe itself cost
    return lost >= _PROBES // 2


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, safe against the binding's reference-count defect."""
    result = signal.emit(*args)
    if emit_drops_reference() and isinstance(result, bool):
        _incref(result)
