"""An exception in a slot is logged (type and frames) and shown to the user, never lost."""

import sys

import pytest
from PySide6.QtCore import QTimer

from app.services.applog import log_path
from app.ui import errors

pytestmark = pytest.mark.gui


@pytest.mark.qt_no_exception_capture
def test_uncaught_slot_error_opens_dialog_with_log_reference(qtbot):
    previous = sys.excepthook
    errors.install()
    try:
        def broken_slot():
            raise KeyError("BM-000042")

        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: bool(errors.open_dialogs()) and errors.open_dialogs()[0]
                        .isVisible(), timeout=3000)
        box = errors.open_dialogs()[0]
        detail = box.informativeText()
        assert "KeyError" in detail and str(log_path()) in detail
        reference = detail.split("reference ")[1].split(".")[0]
        logged = log_path().read_text(encoding="utf-8")
        assert reference in logged and "broken_slot" in logged
        assert "BM-000042" not in logged and "BM-000042" not in box.text() + detail
        box.done(0)
        assert not errors.open_dialogs()
    finally:
        sys.excepthook = previous


def test_error_dialog_is_translated(qapp):
    from app.ui.app import Translations

    translations = Translations(qapp)
    try:
        assert translations.install("zh_CN")
        message, detail = errors.error_text("KeyError", "abcd1234")
        assert message.startswith("出现错误") and "abcd1234" in detail and "日志文件" in detail
    finally:
        translations.install("en")
