"""File → Back up now… / Restore from backup… (progress, cancel, confirmation naming the safety
copy) and Settings → Backups (the start-up schedule), through the real dialogs."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.params import DEFAULTS
from app.services.backup import BackupSchedule, list_backups
from app.services.registry import PatientForm
from app.ui.backup.install import install_backup, store_schedule, stored_schedule
from app.ui.settings.dialog import SettingsDialog


def patient_count(path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM patient").fetchone()[0]
    finally:
        con.close()


def wait_job(qtbot, hub) -> None:
    qtbot.waitUntil(lambda: hub.job is None, timeout=20_000)


def test_menu_entries_and_back_up_now(qtbot, window, registry):
    hub = install_backup(window, registry.db)
    assert hub.act_backup in window.menu_file.actions()
    assert hub.act_restore in window.menu_file.actions()
    assert window.menu_file.actions().index(hub.act_restore) < \
        window.menu_file.actions().index(window.act_quit)
    hub.act_backup.trigger()
    assert hub.progress is not None and hub.progress.isVisible()
    wait_job(qtbot, hub)
    assert hub.last_error is None and hub.last_result.is_file()
    assert str(hub.last_result) in window.statusBar().currentMessage()
    assert patient_count(hub.last_result) == patient_count(registry.db.sqlite_path)


def test_cancel_leaves_no_backup(qtbot, window, registry):
    hub = install_backup(window, registry.db)
    job = hub.back_up_now()
    job.cancel()  # as the dialog's Cancel button does (canceled -> job.cancel)
    wait_job(qtbot, hub)
    folder = registry.db.sqlite_path.parent / "backups"
    if hub.last_error == "cancelled":
        assert not folder.exists() or list(folder.iterdir()) == []
        assert "nothing was changed" in window.statusBar().currentMessage()
    else:  # the copy was done before the flag was seen: then it is a complete backup
        assert hub.last_result.is_file()


def test_cancel_button_cancels(qtbot, window, registry):
    hub = install_backup(window, registry.db)
    hub.back_up_now()
    progress = hub.progress
    progress.cancel()
    wait_job(qtbot, hub)
    assert hub.last_error in ("cancelled", None)


def _answer(qtbot, hub, button) -> None:
    qtbot.waitUntil(lambda: getattr(hub, "confirm", None) is not None
                    and hub.confirm.isVisible(), timeout=5000)
    hub.confirm.button(button).click()


def test_restore_asks_naming_the_safety_copy_then_restores(qtbot, window, registry):
    hub = install_backup(window, registry.db)
    hub.back_up_now()
    wait_job(qtbot, hub)
    backup = hub.last_result
    registry.service.create(PatientForm(mrn="LATE-1", name="Late", sex="male"))
    before = patient_count(registry.db.sqlite_path)
    hub.restore(str(backup))
    qtbot.waitUntil(lambda: hub.confirm.isVisible(), timeout=5000)
    text = hub.confirm.text()
    assert str(backup) in text and "registry-pre-restore-" in text
    assert hub.confirm.defaultButton() is hub.confirm.button(QMessageBox.StandardButton.No)
    hub.confirm.button(QMessageBox.StandardButton.Yes).click()
    wait_job(qtbot, hub)
    assert hub.last_error is None, hub.last_error
    result = hub.last_result
    assert result.safety_copy.name in text
    assert patient_count(registry.db.sqlite_path) == before - 1
    assert patient_count(result.safety_copy) == before
    qtbot.waitUntil(lambda: window.model.total_count == before - 1, timeout=5000)
    assert "restored" in hub.notice.text()


def test_restore_declined_changes_nothing(qtbot, window, registry):
    hub = install_backup(window, registry.db)
    hub.back_up_now()
    wait_job(qtbot, hub)
    registry.service.create(PatientForm(mrn="LATE-2", name="Late", sex="male"))
    before = patient_count(registry.db.sqlite_path)
    hub.restore(str(hub.last_result))
    _answer(qtbot, hub, QMessageBox.StandardButton.No)
    qtbot.wait(50)
    assert hub.job is None and patient_count(registry.db.sqlite_path) == before


def test_restore_of_a_foreign_file_is_refused_with_its_problem(qtbot, window, registry,
                                                               tmp_path):
    hub = install_backup(window, registry.db)
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database")
    assert hub.restore(str(bad)) is None
    assert "not an SQLite database" in hub.notice.text()
    assert getattr(hub, "confirm", None) is None


def test_scheduled_backup_runs_when_due_and_keeps_k(qtbot, window, registry):
    store_schedule(BackupSchedule(every_days=3, keep=2))
    assert stored_schedule() == BackupSchedule(3, 2)
    hub = install_backup(window, registry.db)
    start = datetime(2026, 12, 1, 9, 0, 0)
    for day in (0, 1, 3, 6, 7, 9):
        hub.start_scheduled(start + timedelta(days=day))
        wait_job(qtbot, hub)
    taken = list_backups(registry.db)
    # due on days 0, 3, 6, 9 (not 1 and 7); the newest two are kept
    assert [p.name[-22:-7] for p in taken] == ["20261207-090000", "20261210-090000"]
    store_schedule(BackupSchedule(every_days=0, keep=2))
    assert hub.start_scheduled(start + timedelta(days=99)) is None


def test_settings_backups_tab_stores_the_schedule(qtbot, window, tmp_path):
    dialog = SettingsDialog(path=tmp_path / "p.json", in_use=DEFAULTS, saved=DEFAULTS,
                            language="en", parent=window)
    qtbot.addWidget(dialog)
    tab = dialog.backup_tab
    assert dialog.tabs.indexOf(tab) >= 0
    tab.every.setValue(0)
    assert tab.every.text() == "never"
    tab.every.setValue(5)
    tab.keep.setValue(30)
    assert dialog.save()
    assert stored_schedule() == BackupSchedule(5, 30)
    QApplication.processEvents()


def test_restore_waits_for_other_windows_to_close(qtbot, window, registry):
    from PySide6.QtWidgets import QMainWindow

    hub = install_backup(window, registry.db)
    hub.back_up_now()
    wait_job(qtbot, hub)
    chart = QMainWindow()
    qtbot.addWidget(chart)
    chart.show()
    assert hub.restore(str(hub.last_result)) is None
    assert "Close every chart" in hub.notice.text()
    assert getattr(hub, "confirm", None) is None
    chart.close()
    hub.restore(str(hub.last_result))
    assert hub.confirm.isVisible()
    hub.confirm.button(QMessageBox.StandardButton.No).click()
