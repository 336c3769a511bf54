"""Window-wide keyboard actions.

:func:`window_action` makes the QAction the main screens (chart, MDT, worklist, and the
chart/MDT add-ons installed on the main window) build their menus from: added to the window
so its shortcut works anywhere in that window (and only there), triggering ``slot()``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def window_action(window: QWidget, shortcut: str, slot: Callable[[], object]) -> QAction:
    """A QAction of ``window`` with ``shortcut`` (none if empty; active while the window is
    active) that calls ``slot()``; the caller sets its text (translated) and adds it to a
    menu."""
    act = QAction(window)
    if shortcut:
        act.setShortcut(QKeySequence(shortcut))
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    act.triggered.connect(lambda _checked=False: slot())
    window.addAction(act)
    return act


def add_to_menu(menu, action: QAction, before: QAction | None = None) -> bool:
    """Insert ``action`` in ``menu`` before ``before`` when that is in the menu (True), else
    append it (False)."""
    if before is not None and before in menu.actions():
        menu.insertAction(before, action)
        return True
    menu.addAction(action)
    return False
