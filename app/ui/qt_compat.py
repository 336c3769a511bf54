"""Work-arounds for defects of the installed Qt binding, installed once by ``app/ui/__init__``.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a reference to it, so
every emit from Python code costs ``True`` one reference. After a few thousand emits (the count
a fresh interpreter holds) CPython aborts with ``Fatal Python error: bool_dealloc:
deallocating True or False`` — a GUI session would die after some hundreds of searches.
Signals emitted by Qt's own C++ code are not affected, nor are other methods returning bools.

:func:`install` probes the running binding once and, only if the defect shows, wraps
``SignalInstance.emit`` so that the reference the binding drops is given back. With a fixed
binding it changes nothing. Code keeps writing ``signal.emit(...)`` as usual.
"""

from __future__ import annotations

import ctypes
import sys
import threading

_lock = threading.Lock()
_state: dict[str, bool] = {}
_PROBES = 16


def _incref(obj: object) -> None:
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))


def _probe() -> bool:
    """True when ``SignalInstance.emit`` loses a reference to its (bool) result."""
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


def install() -> bool:
    """Fix ``SignalInstance.emit`` if this binding needs it; True when the fix is active."""
    with _lock:
        if "active" not in _state:
            _state["active"] = _probe() and _wrap_emit()
        return _state["active"]


def _wrap_emit() -> bool:
    from PySide6.QtCore import SignalInstance

    original = SignalInstance.emit

    def emit(self, *args):
        result = original(self, *args)
        if isinstance(result, bool):
            _incref(result)  # the reference the binding forgot to take
        return result

    emit.__doc__ = original.__doc__
    emit.__wrapped__ = original  # type: ignore[attr-defined]
    try:
        SignalInstance.emit = emit  # type: ignore[method-assign]
    except (TypeError, AttributeError):  # an immutable type in some other build
        return False
    return True
