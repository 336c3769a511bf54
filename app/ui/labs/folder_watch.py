"""The watched folder (site setting ``watch_folder``): lab files dropped there while the app runs
are imported and filed away (:mod:`app.interop.lab_folder`).

The folder is scanned every ``poll_ms`` (and soon after a :class:`QFileSystemWatcher` change
notice); a file is imported once its size and time have been stable for ``settle_s``. One file
at a time, in the background (:class:`~app.ui.printing.jobs.Job`): import, then move to
``done/`` or ``failed/`` (with the report). ``fileImported(FileImport)`` is emitted after each
file, ``stateChanged()`` when the status text changes. Closing the app cancels a running import
between messages and leaves the file where it is (imported again next time; stored results are
skipped).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.interop.lab_batch import FileImport, import_lab_files
from app.interop.lab_folder import DropFolder, file_away
from app.ui.printing.jobs import Job

POLL_MS = 2000
SETTLE_S = 2.0


class FolderWatch(QObject):
    """Imports the files arriving in one folder (module docstring)."""

    fileImported = Signal(object)
    stateChanged = Signal()

    def __init__(self, db: Database, actor: str, *, params: Params = DEFAULTS,
                 today: Callable[[], date] = date.today, poll_ms: int | None = None,
                 settle_s: float | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db, self._actor, self._params, self._today = db, actor, params, today
        self._settle = SETTLE_S if settle_s is None else settle_s
        self.drop: DropFolder | None = None
        self.job: Job | None = None
        self._stop = threading.Event()
        self.done = self.failed = 0
        self.error: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS if poll_ms is None else poll_ms)
        self._timer.timeout.connect(self.poll)
        self._fs = QFileSystemWatcher(self)
        self._fs.directoryChanged.connect(lambda _p: QTimer.singleShot(300, self.poll))

    @property
    def folder(self) -> Path | None:
        return self.drop.folder if self.drop is not None else None

    def set_folder(self, folder: Path | None) -> None:
        """Watch ``folder`` (None: none). A running import finishes first."""
        if folder == self.folder:
            return
        if self._fs.directories():
            self._fs.removePaths(self._fs.directories())
        self._timer.stop()
        self.drop, self.error = None, None
        if folder is not None:
            self.drop = DropFolder(folder, settle_s=self._settle)
            if folder.is_dir():
                self._fs.addPath(str(folder))
            self._timer.start()
            QTimer.singleShot(0, self.poll)
        self.stateChanged.emit()

    def poll(self) -> None:
        """Scan once; start importing the first complete file (if none is being imported)."""
        if self.drop is None or self.job is not None:
            return
        try:
            ready = self.drop.ready_files()
            error = None
        except OSError as exc:
            ready, error = [], exc.strerror or type(exc).__name__
        if error != self.error:
            self.error = error
            self.stateChanged.emit()
        if ready:
            self._start(ready[0])

    def _start(self, path: Path) -> None:
        db, actor, params, today, stop = (self._db, self._actor, self._params, self._today,
                                          self._stop.is_set)

        def work(_progress, _cancel) -> tuple[FileImport, str | None]:
            result = import_lab_files(db, [path], actor, params=params, today=today,
                                      cancel=stop)[0]
            if result.cancelled:
                return result, None  # left in place: imported again next time
            try:
                file_away(result)
            except OSError as exc:
                return result, exc.strerror or type(exc).__name__
            return result, None

        job = Job(work)
        job.signals.done.connect(self._done)
        job.signals.failed.connect(lambda _e, p=path: self._failed(p))
        self.job = job
        job.start()

    def _done(self, outcome: tuple[FileImport, str | None]) -> None:
        self.job = None
        result, move_error = outcome
        if move_error is not None and self.drop is not None:
            self.drop.give_up(result.path)
            self.error = move_error
        if not result.cancelled:
            if result.clean:
                self.done += 1
            else:
                self.failed += 1
        self.stateChanged.emit()
        self.fileImported.emit(result)
        if not self._stop.is_set():
            QTimer.singleShot(0, self.poll)

    def _failed(self, path: Path) -> None:
        self.job = None
        if self.drop is not None:
            self.drop.give_up(path)
        self.failed += 1
        self.stateChanged.emit()

    def stop(self, timeout_s: float = 15.0) -> None:
        """Stop watching; a running import stops between messages (waited for)."""
        self._stop.set()
        self._timer.stop()
        job = self.job
        if job is not None:
            job.finished.wait(timeout_s)

    def status_text(self) -> str:
        if self.drop is None:
            return ""
        if self.error is not None:
            return self.tr("Watched folder %1: %2").replace("%1", str(self.drop.folder)) \
                .replace("%2", self.error)
        if self.job is not None:
            return self.tr("Watched folder: importing a file…")
        return self.tr("Watched folder: imported %1, failed %2").replace(
            "%1", str(self.done)).replace("%2", str(self.failed))
