"""Work around a PySide6 6.12.0 reference-count bug that aborts CPython 3.11 processes.

Measured on this stack (PySide6-Essentials / shiboken6 6.12.0, CPython 3.11.7):

- every **void** method called from Python (``QLabel.setText``, ``QGraphicsItem.setZValue``,
  ``setToolTip`` …) returns ``None`` without taking a reference to it: ``None``'s reference
  count drops by one per call;
- ``SignalInstance.emit()`` returns ``True`` the same way: ``True`` drops by one per emit.

On CPython 3.11 ``None`` and ``True`` are ordinary objects, so after some tens of thousands of
calls (a busy session; pyqtgraph alone makes hundreds per redraw) the count reaches zero and
the interpreter dies with "Fatal Python error: none_dealloc: deallocating None" (or
``bool_dealloc``), exit 134 — in the middle of a session or at exit. Reproduce::

    t = sys.getrefcount(None); label.setText("x"); sys.getrefcount(None) - t   # -1

CPython 3.12+ makes these objects immortal, so there the bug is harmless. On 3.11 the
work-around gives ``None``, ``True`` and ``False`` a very large number of extra references
(2**40: at a million calls a second that lasts twelve days), so the count never reaches zero.
Idempotent; call it once, early (the trend plot does on import; the application set-up
should too, for the whole UI).
"""

from __future__ import annotations

import ctypes
import sys

PIN = 1 << 40
_pinned = False


def needed() -> bool:
    """Only CPython before 3.12 (no immortal objects) is affected."""
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def pin_singleton_refcounts() -> bool:
    """Add ``PIN`` references to ``None``, ``True`` and ``False`` (once per process).
    Returns True when the pin is in place (or not needed)."""
    global _pinned
    if _pinned or not needed():
        return True
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += PIN  # ob_refcnt: the first field
    _pinned = True
    return True
