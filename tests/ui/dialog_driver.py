"""Drive a real modal dialog from a test: a timer polls for the dialog (a widget of the given
class that is visible) and hands it to the test's ``act`` function, which presses its buttons
the way a user would. Nothing is replaced: the code under test opens the genuine Qt dialog
(``QPrintDialog``, ``QFileDialog``) with ``exec()`` and gets its real result."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


class DialogDriver:
    """``DialogDriver(QPrintDialog, act)`` then trigger the code that opens the dialog;
    ``titles`` holds the window titles of the dialogs handled (``act`` runs once per
    dialog; a static dialog such as ``QFileDialog.getSaveFileName`` is deleted afterwards)."""

    def __init__(self, cls: type[QWidget], act: Callable[[QWidget], None],
                 interval_ms: int = 50, give_up_ms: int = 20_000) -> None:
        self.cls, self.act = cls, act
        self.seen: list[QWidget] = []
        self.titles: list[str] = []
        self.errors: list[BaseException] = []
        self._left = give_up_ms // interval_ms
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self.timer.stop()
            return
        for w in QApplication.topLevelWidgets():
            if isinstance(w, self.cls) and w.isVisible() and w not in self.seen:
                self.seen.append(w)
                self.titles.append(w.windowTitle())
                try:
                    self.act(w)
                except BaseException as exc:  # reported by the test, the dialog is closed
                    self.errors.append(exc)
                    w.reject()  # type: ignore[attr-defined]
                return

    def stop(self) -> None:
        self.timer.stop()
        if self.errors:
            raise self.errors[0]
