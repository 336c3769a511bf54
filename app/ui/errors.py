"""Unexpected errors in the desktop app: logged (type and frames only) and shown, never lost.

Without a hook, an exception raised in a Qt slot is printed to stderr — invisible on a clinic
workstation started from a menu — and the action silently does nothing. :func:`install` routes
every uncaught exception to :func:`app.services.applog.log_error` and shows a dialog naming the
reference and the log file, so the clinician knows the action failed and support can find it.
The exception's message is not shown or logged (it may carry patient data).
"""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services.applog import log_error, log_path

_shown: list[QMessageBox] = []


def error_text(kind: str, reference: str) -> tuple[str, str]:
    """The dialog's message and detail for an unexpected error (translated)."""
    translate = QCoreApplication.translate
    message = translate(
        "Errors",
        "Something went wrong and the last action may not have finished. Nothing already "
        "saved was lost; please check the record and try again.",
    )
    detail = translate(
        "Errors", "Error {kind}, reference {reference}. Details are in the log file:\n{path}"
    ).format(kind=kind, reference=reference, path=str(log_path()))
    return message, detail


def show_error(exc: BaseException, where: str = "desktop app") -> str:
    """Log ``exc`` and show the error dialog (non-blocking); return the log reference."""
    reference = log_error(exc, where)
    app = QApplication.instance()
    if app is None:
        return reference
    message, detail = error_text(type(exc).__name__, reference)
    box = QMessageBox(
        QMessageBox.Icon.Critical, QCoreApplication.translate("Errors", "BoneMet Workstation"),
        message,
    )
    box.setInformativeText(detail)
    box.setObjectName("unexpectedErrorDialog")
    box.finished.connect(lambda _r, b=box: _shown.remove(b) if b in _shown else None)
    _shown.append(box)
    # shown from the event loop: a hook may run inside a paint or a modal loop
    QTimer.singleShot(0, box.open)
    return reference


def _hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    exc.__traceback__ = tb
    show_error(exc)


def install() -> None:
    """Route uncaught exceptions (in slots and callbacks) to the log and the error dialog."""
    sys.excepthook = _hook


def open_dialogs() -> list[QMessageBox]:
    """The error dialogs currently open (for tests and the main window's close)."""
    return list(_shown)
