"""Work-around for reference-count defects of the installed Qt binding; installed once by
``app/ui/__init__`` (so by any import of the UI package).

PySide6 6.12.0 as installed here hands Python objects back without taking the reference it
gives away, in two places:

- every call of a method that returns nothing (``widget.setText(…)``, ``processEvents()``, a
  ``QRunnable.run`` override returning) costs ``None`` one reference;
- every ``Signal.emit(…)`` costs ``True`` one reference.

A GUI session makes thousands of such calls a minute; when the count reaches zero CPython
aborts ("Fatal Python error: none_dealloc: deallocating None" / "bool_dealloc"). Methods
returning other values (ints, strings, objects) are not affected.

:func:`install` probes the binding once. Only if a defect shows, it gives ``None``, ``True`` and
``False`` a reserve of 2**40 references — what CPython 3.12 does for all singletons ("immortal
objects"); these objects are never freed anyway, so nothing leaks. At a million lost
references a second the reserve lasts 12 days of uninterrupted use… per process start; a
real session loses far fewer. With a fixed binding (or on CPython ≥ 3.12) it does nothing.

``pyproject.toml`` now pins PySide6 below 6.12, where the defect is absent; the probe stays as
the single guard (it costs a few calls at import) in case a later build brings it back. It is
the only such mechanism in the UI: nothing else adds references to the singletons.
"""

from __future__ import annotations

import ctypes
import sys
import threading

_lock = threading.Lock()
_state: dict[str, bool] = {}
_PROBES = 64
RESERVE = 1 << 40


def _lost_references() -> dict[str, int]:
    """References to None/True that the binding loses on a few typical calls."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before_none, before_true = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.setObjectName("probe")  # returns nothing
        probe.ping.emit()  # returns True
    lost = {
        "None": before_none - sys.getrefcount(None),
        "True": before_true - sys.getrefcount(True),
    }
    del probe
    return lost


def _add_references(obj: object, count: int) -> None:
    # ob_refcnt is the first field of every object in a release build of CPython < 3.12.
    ctypes.c_ssize_t.from_address(id(obj)).value += count


def _layout_known() -> bool:
    return sys.implementation.name == "cpython" and not hasattr(sys, "gettotalrefcount")


def install() -> bool:
    """Protect the singletons if this binding needs it; True when the protection is active."""
    with _lock:
        if "active" not in _state:
            _state["active"] = _install()
        return _state["active"]


def _install() -> bool:
    if sys.version_info >= (3, 12) or not _layout_known():
        return False  # singletons are immortal already / unknown object layout: leave alone
    lost = _lost_references()
    if lost["None"] < _PROBES // 2 and lost["True"] < _PROBES // 2:
        return False
    for obj in (None, True, False):
        _add_references(obj, RESERVE)
    return True
