"""Window-wide keyboard actions.

:func:`save_action` gives a form its save keys (Ctrl+S, Ctrl+Enter), the same in every form.

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


SAVE_KEYS = ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter")


def save_action(dialog: QWidget, slot: Callable[[], object]) -> QAction:
    """The form's save keys (:data:`SAVE_KEYS`) calling ``slot()`` — it validates, never saves
    blindly; Esc cancels as in any dialog. Ctrl+Enter saves even from a multi-line field,
    where Enter writes a new line."""
    act = QAction(dialog)
    act.setShortcuts([QKeySequence(k) for k in SAVE_KEYS])
    act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    act.triggered.connect(lambda _checked=False: slot())
    dialog.addAction(act)
    return act
