"""File → Back up now… and File → Restore… in the registry window, and the scheduled start-up
backup (:mod:`app.services.backup`, :mod:`app.services.restore`).

Both run on the thread pool behind a progress dialog with a Cancel button
(:class:`app.ui.printing.jobs.Job`); a cancelled backup or restore leaves nothing behind and
changes nothing. Restore asks for the backup file, checks it (a refused file is named with its
problem), then asks for confirmation naming the safety copy it will take; the app's own
connections are closed first (other windows on the registry must be closed), and after the
restore the schema is brought to head and the list reloaded. The schedule (settings
``backup/every_days`` and ``backup/keep``, File → Settings… → Backups) is applied once after
the window is shown; its result is shown in the status bar.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
)

from app.data.engine import Database
from app.services.backup import (
    DEFAULT_EVERY_DAYS,
    DEFAULT_KEEP,
    BackupSchedule,
    backup_database,
    backup_due,
    backup_target,
    default_backup_dir,
    scheduled_backup,
)
from app.ui.actions import window_action
from app.ui.printing.jobs import Job


def stored_schedule() -> BackupSchedule:
    """The site's backup schedule from the settings (defaults when unset or unusable)."""
    store = QSettings()
    try:
        return BackupSchedule(int(store.value("backup/every_days", DEFAULT_EVERY_DAYS)),
                              int(store.value("backup/keep", DEFAULT_KEEP)))
    except (TypeError, ValueError):
        return BackupSchedule()


def store_schedule(schedule: BackupSchedule) -> None:
    store = QSettings()
    store.setValue("backup/every_days", schedule.every_days)
    store.setValue("backup/keep", schedule.keep)
    store.sync()


class BackupHub(QObject):
    """The backup and restore actions of one registry window and the job running, if any."""

    def __init__(self, main_window: QMainWindow, db: Database) -> None:
        super().__init__(main_window)
        self._main = main_window
        self.db = db
        self.job: Job | None = None
        self.progress: QProgressDialog | None = None
        self.last_result: Any = None  # the last job's result (a path / RestoreResult)
        self.last_error: str | None = None
        self.act_backup = window_action(main_window, "", self.back_up_now)
        self.act_restore = window_action(main_window, "", self.restore)
        menu = getattr(main_window, "menu_file", None)
        if menu is not None:
            quit_action = getattr(main_window, "act_quit", None)
            before = quit_action if quit_action in menu.actions() else None
            for act in (self.act_backup, self.act_restore):
                if before is not None:
                    menu.insertAction(before, act)
                else:
                    menu.addAction(act)
            if before is not None:
                menu.insertSeparator(before)
        enabled = db.is_sqlite and db.sqlite_path is not None
        self.act_backup.setEnabled(enabled)
        self.act_restore.setEnabled(enabled)
        main_window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.act_backup.setText(self.tr("&Back up now…"))
        self.act_backup.setStatusTip(self.tr(
            "Copy the registry to a verified, timestamped backup file"))
        self.act_restore.setText(self.tr("&Restore from backup…"))
        self.act_restore.setStatusTip(self.tr(
            "Replace the registry by a backup (a safety copy of the current one is kept)"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._main and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # ----- jobs --------------------------------------------------------------------------
    def _run(self, title: str, label: str, fn, on_done) -> Job | None:
        if self.job is not None:
            return None
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self._main)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        job = Job(fn)
        dialog.canceled.connect(job.cancel)
        job.signals.progress.connect(lambda done, total: (dialog.setMaximum(total),
                                                          dialog.setValue(done)))
        job.signals.done.connect(lambda result: self._ended(on_done, result))
        job.signals.cancelled.connect(lambda: self._ended(self._cancelled, None))
        job.signals.failed.connect(lambda error: self._ended(self._failed, error))
        self.job, self.progress = job, dialog
        dialog.show()
        job.start()
        return job

    def _ended(self, handler, value) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
        self.job, self.progress = None, None
        handler(value)

    def _cancelled(self, _value) -> None:
        self.last_result, self.last_error = None, "cancelled"
        self._main.statusBar().showMessage(self.tr("Cancelled: nothing was changed."), 10_000)
        self._after_restore_attempt()

    def _failed(self, error: str) -> None:
        self.last_result, self.last_error = None, error
        self._after_restore_attempt()
        if error == "RegistryInUse":
            text = self.tr("The registry is in use by another BoneMet window or program. "
                           "Close it there, then restore again. Nothing was changed.")
        else:
            text = self.tr("The operation failed (%1). Nothing was changed.").replace(
                "%1", error)
        self._message(QMessageBox.Icon.Warning, self.tr("Backup and restore"), text)

    def _message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._main)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.notice = box
        return box

    # ----- backup ------------------------------------------------------------------------
    def back_up_now(self) -> Job | None:
        db = self.db
        return self._run(self.tr("Backup"), self.tr("Backing up the registry…"),
                         lambda progress, cancel: backup_database(db, progress=progress,
                                                                  cancel=cancel),
                         self._backed_up)

    def _backed_up(self, path: Path) -> None:
        self.last_result, self.last_error = path, None
        text = self.tr("Backup saved and verified: %1").replace("%1", str(path))
        self._main.statusBar().showMessage(text, 15_000)

    def start_scheduled(self, now: datetime | None = None) -> Job | None:
        """The start-up backup when the schedule says one is due (status bar only)."""
        if not self.act_backup.isEnabled() or self.job is not None:
            return None
        schedule = stored_schedule()
        db = self.db
        if not backup_due(db, schedule, now):
            return None
        job = Job(lambda progress, cancel: scheduled_backup(db, schedule, now, cancel=cancel))
        job.signals.done.connect(lambda path: self._backed_up(path) if path else None)
        job.signals.failed.connect(lambda error: self._main.statusBar().showMessage(
            self.tr("The scheduled backup failed (%1).").replace("%1", error), 30_000))
        self.job = job
        job.signals.done.connect(lambda _r: setattr(self, "job", None))
        job.signals.failed.connect(lambda _e: setattr(self, "job", None))
        job.signals.cancelled.connect(lambda: setattr(self, "job", None))
        return job.start()

    # ----- restore -----------------------------------------------------------------------
    def _other_windows(self) -> list:
        return [w for w in QApplication.topLevelWidgets()
                if w.isVisible() and w is not self._main and isinstance(w, QMainWindow)]

    def restore(self, backup: str | None = None) -> Job | None:
        """Ask for a backup (unless given), check it, confirm, then restore."""
        from app.services.restore import RestoreRefused, check_backup

        title = self.tr("Restore from backup")
        if self.job is not None:
            return None
        if self._other_windows():
            self._message(QMessageBox.Icon.Information, title, self.tr(
                "Close every chart, MDT and worklist window first: the registry is replaced "
                "as a whole."))
            return None
        if backup is None:
            folder = default_backup_dir(self.db)
            backup, _ = QFileDialog.getOpenFileName(
                self._main, title, str(folder if folder.is_dir() else folder.parent),
                self.tr("BoneMet backups (*.sqlite);;All files (*)"))
            if not backup:
                return None
        try:
            info = check_backup(backup)
        except RestoreRefused as exc:
            self._message(QMessageBox.Icon.Warning, title, self.tr(
                "This file cannot be restored: %1").replace("%1", str(exc)))
            return None
        now = datetime.now()
        safety = backup_target(self.db, default_backup_dir(self.db), now, "-pre-restore")
        self.confirm = QMessageBox(
            QMessageBox.Icon.Question, title,
            self.tr("Replace the whole registry by this backup (%1 patients)?\n\n%2\n\n"
                    "A safety copy of the current registry will be saved first as:\n%3")
            .replace("%1", str(info.counts.get("patient", 0))).replace("%2", str(backup))
            .replace("%3", str(safety)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self._main)
        self.confirm.setDefaultButton(QMessageBox.StandardButton.No)
        self.confirm.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirm.finished.connect(
            lambda result: self._confirmed(backup, now)
            if result == QMessageBox.StandardButton.Yes else None)
        self.confirm.open()
        return None

    def _confirmed(self, backup: str, now: datetime) -> Job | None:
        from app.services.restore import restore_database

        db = self.db
        db.dispose()  # the app's own connections would make the registry "in use"
        return self._run(self.tr("Restore from backup"), self.tr("Restoring the registry…"),
                         lambda progress, cancel: restore_database(
                             db, backup, now=now, progress=progress, cancel=cancel),
                         self._restored)

    def _restored(self, result) -> None:
        self.last_result, self.last_error = result, None
        self._after_restore_attempt()
        text = self.tr("The registry was restored (%1 patients). The previous registry was "
                       "saved as:\n%2").replace("%1", str(result.counts.get("patient", 0)))
        self._message(QMessageBox.Icon.Information, self.tr("Restore from backup"),
                      text.replace("%2", str(result.safety_copy or "-")))

    def _after_restore_attempt(self) -> None:
        from app.data.migrate import ensure_schema

        try:
            ensure_schema(self.db)
        except Exception:  # shown by the list's own error path on refresh
            pass
        refresh = getattr(self._main, "refresh", None)
        if refresh is not None:
            refresh()


def install_backup(main_window: QMainWindow, db: Database) -> BackupHub:
    """Add File → Back up now… / Restore from backup… (enabled for SQLite registries)."""
    hub = BackupHub(main_window, db)
    main_window.backup_hub = hub  # type: ignore[attr-defined]  # kept alive, for tests
    return hub
