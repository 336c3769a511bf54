"""Mechanical keyboard checks for the keyboard-audit test (issue 20 item 5): the Alt-keys of a
window (menu titles, mnemonics of the visible buttons, buddied labels, group boxes and tabs,
window actions bound to Alt+key), the mnemonics inside each menu, the focused widget, and the
save / cancel shortcuts of a form."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QCheckBox,
          QRadioButton)


def mnemonic(text: str) -> str | None:
    """The Alt-letter of a label ("&Save" → "s", "显示(&S)：" → "s", "Lesions && scores" → None)."""
    m = re.search(r"&(.)", (text or "").replace("&&", ""))
    return m.group(1).casefold() if m else None


def _alt_keys(keys: list[QKeySequence]) -> list[str]:
    out = []
    for seq in keys:
        s = seq.toString(QKeySequence.SequenceFormat.PortableText)
        m = re.fullmatch(r"Alt\+(.)", s)
        if m:
            out.append(m.group(1).casefold())
    return out


def window_alt_keys(window: QWidget) -> dict[str, list[str]]:
    """Alt-key → what it belongs to, for everything active in ``window`` as it is shown now."""
    keys: dict[str, list[str]] = defaultdict(list)
    if isinstance(window, QMainWindow) and window.menuWidget() is not None:
        for act in window.menuBar().actions():
            if act.isVisible() and (k := mnemonic(act.text())):
                keys[k].append(f"menu {act.text()!r}")
    for w in window.findChildren(QWidget):
        if w.window() is not window or not w.isVisible():
            continue
        text = None
        if isinstance(w, QAbstractButton):
            text = w.text()
        elif isinstance(w, QLabel) and w.buddy() is not None:
            text = w.text()
        elif isinstance(w, QGroupBox):
            text = w.title()
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.isTabVisible(i) and (k := mnemonic(w.tabText(i))):
                    keys[k].append(f"tab {w.tabText(i)!r}")
        if text and (k := mnemonic(text)):
            keys[k].append(f"{type(w).__name__} {text!r}")
    for act in window.actions():
        for k in _alt_keys(act.shortcuts()):
            keys[k].append(f"action {act.text()!r}")
    for sc in window.findChildren(QShortcut):
        owner = sc.parent()
        if sc.isEnabled() and isinstance(owner, QWidget) and owner.isVisible():
            for k in _alt_keys([sc.key()]):
                keys[k].append("shortcut")
    return keys


def duplicate_alt_keys(window: QWidget) -> dict[str, list[str]]:
    return {k: v for k, v in window_alt_keys(window).items() if len(v) > 1}


def duplicate_menu_mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Mnemonics used twice inside one menu of ``window``."""
    out = {}
    for menu in window.findChildren(QMenu):
        seen: dict[str, list[str]] = defaultdict(list)
        for act in menu.actions():
            if act.isVisible() and not act.isSeparator() and (k := mnemonic(act.text())):
                seen[k].append(act.text())
        out.update({f"{menu.title()}:{k}": v for k, v in seen.items() if len(v) > 1})
    return out


def dead_mnemonics(window: QWidget) -> list[str]:
    """Labels whose Alt-letter does nothing: the buddy cannot take the focus (a label skips
    such a buddy — the lab form's Alt+D of issue 20)."""
    return [lab.text() for lab in window.findChildren(QLabel)
            if lab.buddy() is not None and mnemonic(lab.text())
            and lab.buddy().focusPolicy() == Qt.FocusPolicy.NoFocus]


def first_input(window: QWidget) -> QWidget | None:
    """The first enabled, visible input in ``window``'s Tab order."""
    start = window
    w = window.nextInFocusChain()
    while w is not None and w is not start:
        if (w.window() is window and isinstance(w, INPUTS) and w.isVisible() and w.isEnabled()
                and not (isinstance(w, QLineEdit) and isinstance(w.parentWidget(),
                                                              (QComboBox, QAbstractSpinBox)))):
            return w
        w = w.nextInFocusChain()
    return None


def focused() -> QWidget | None:
    """The focus widget, seen through an editable combo / spin box to the control itself."""
    w = QApplication.focusWidget()
    if isinstance(w, QLineEdit) and isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox)):
        return w.parentWidget()
    return w


def is_bad_focus(w: QWidget | None) -> bool:
    """Focus on nothing, a push / tool button (Space would press it) or a table."""
    return w is None or isinstance(w, (QPushButton, QToolButton, QAbstractItemView))


def shortcut_keys(dialog: QWidget) -> set[str]:
    """Every shortcut bound in ``dialog`` (actions and QShortcuts), as portable text."""
    seqs: list[QKeySequence] = []
    for act in dialog.findChildren(QAction) + list(dialog.actions()):
        seqs += act.shortcuts()
    seqs += [sc.key() for sc in dialog.findChildren(QShortcut)]
    return {s.toString(QKeySequence.SequenceFormat.PortableText) for s in seqs}


def has_save_keys(dialog: QWidget) -> bool:
    keys = shortcut_keys(dialog)
    return "Ctrl+S" in keys and bool({"Ctrl+Return", "Ctrl+Enter"} & keys)
