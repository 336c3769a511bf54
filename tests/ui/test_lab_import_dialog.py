"""File → Import lab results… (Ctrl+Shift+I): the real file dialog (several files), the
import in the background with progress, Cancel, and the report; the registry is refreshed."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from app.ui.labs.install import install_lab_feeds

from .lab_fixtures import PATIENT, lab_count, message, messages


@pytest.fixture
def feeds(window, registry):
    feeds = install_lab_feeds(window, registry.db, "ui-test", start_feeds=False)
    yield feeds
    if feeds.dialog is not None and feeds.dialog.job is not None:
        feeds.dialog.job.finished.wait(20)
    feeds.shutdown()


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def report_rows(dialog):
    model = dialog.table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_menu_entry_and_shortcut(window, feeds):
    assert feeds.act_import in window.menu_file.actions()
    assert feeds.act_import.shortcut().toString() == "Ctrl+Shift+I"
    assert feeds.act_import.text() == "&Import lab results…"


def test_keyboard_only_choose_two_files_import_and_report(qtbot, window, feeds, registry,
                                                          tmp_path):
    write(tmp_path / "lis.hl7",
          message("K1") + message("K2", value="0.61", unit="mmol/L"), "gb18030")
    write(tmp_path / "desk.csv",
          f"mrn,date,analyte,value,unit\n{PATIENT['mrn']},2026-11-02,ALB,38,g/L\n")
    before = lab_count(registry.db)
    refreshed = []
    real_refresh = window.refresh
    window.refresh = lambda: (refreshed.append(1), real_refresh())  # the registry list
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_I,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: feeds.file_dialog is not None and feeds.file_dialog.isVisible(),
                    timeout=3000)
    files = feeds.file_dialog
    files.setDirectory(str(tmp_path))
    files.selectFile('"lis.hl7" "desk.csv"')  # as typed in its file-name box
    assert files.findChild(QLineEdit, "fileNameEdit").text() == '"lis.hl7" "desk.csv"'
    files.accept()  # Enter / Open
    qtbot.waitUntil(lambda: feeds.dialog is not None, timeout=3000)
    dialog = feeds.dialog
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=30000)
    assert [p.name for p in dialog.paths] == ["lis.hl7", "desk.csv"]
    rows = report_rows(dialog)
    assert rows[0] == ["lis.hl7", "2", "1", "0", "0", "1", "0", "Some rejected"]
    assert rows[1] == ["desk.csv", "1", "1", "0", "0", "0", "0", "Complete"]
    reasons = dialog.details.toPlainText()
    assert reasons.startswith("lis.hl7\n  Rejected: message ")  # numbered or by MSH-10
    assert ", OBX 1, OBX-6: 'mmol/L'" in reasons
    shown = "\n".join([dialog.status.text(), reasons, *map(str, rows)])
    assert "Results imported: 2 · already stored: 0 · messages/rows rejected: 1" in shown
    assert PATIENT["mrn"] not in shown and PATIENT["name"] not in shown and "0.61" not in shown
    assert lab_count(registry.db) == before + 2
    assert refreshed  # the registry list is refreshed once the import has ended
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close is not None and close.hasFocus()
    qtbot.keyClick(close, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: feeds.dialog is None, timeout=2000)


def test_unreadable_file_is_reported_and_the_next_imported(qtbot, window, feeds, registry,
                                                           tmp_path):
    junk = write(tmp_path / "notes.txt", "hello, this is not a lab file")
    good = write(tmp_path / "ok.hl7", message("U1"))
    dialog = feeds.import_files([str(junk), str(good)])
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=30000)
    rows = report_rows(dialog)
    assert rows[0][0] == "notes.txt" and rows[0][-1] == "Not read"
    assert rows[1] == ["ok.hl7", "1", "1", "0", "0", "0", "0", "Complete"]
    assert "notes.txt — not read: --format: cannot tell whether the file is HL7 or CSV" \
        in dialog.details.toPlainText()
    # importing the same file again: already stored, nothing new
    dialog.reject()
    again = feeds.import_files([str(good)])
    qtbot.waitUntil(lambda: again.results is not None, timeout=30000)
    assert report_rows(again)[0] == ["ok.hl7", "1", "0", "1", "0", "0", "0", "Complete"]


def test_cancel_stops_keeps_what_was_imported_and_says_so(qtbot, window, feeds, registry,
                                                         tmp_path):
    big = write(tmp_path / "big.hl7", messages(4))
    later = write(tmp_path / "later.hl7", message("L1", code="6768-6^ALP^LN", value="90",
                                                  unit="U/L"))
    before = lab_count(registry.db)
    lock = sqlite3.connect(registry.db.sqlite_path, timeout=10)
    lock.execute("BEGIN IMMEDIATE")  # holds the import at its first write
    try:
        from app.ui.labs.import_dialog import LabImportDialog

        dialog = LabImportDialog(registry.db, [big, later], "ui-test", chunk_size=1,
                                 parent=window)
        qtbot.addWidget(dialog)
        dialog.show()
        progressed = []
        dialog.bar.valueChanged.connect(progressed.append)  # the bar starts at -1 (empty)
        dialog.start()
        assert "Importing file 1 of 2: big.hl7" in dialog.status.text()
        qtbot.waitUntil(lambda: bool(progressed), timeout=5000)  # the file is read
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc while running = Cancel
        assert dialog.isVisible() and "Cancelling" in dialog.status.text()
        assert not dialog.buttons.isEnabled()
    finally:
        lock.rollback()
        lock.close()
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=30000)
    rows = report_rows(dialog)
    assert rows[0][0] == "big.hl7" and rows[0][-1] == "Cancelled part-way"
    imported = int(rows[0][2] or 0)
    assert imported <= 1
    assert rows[1] == ["later.hl7", "", "", "", "", "", "", "Not imported (cancelled)"]
    assert dialog.status.text().startswith("Cancelled. What was imported before the cancel")
    assert lab_count(registry.db) == before + imported
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close) is not None
