"""The lab import dialog: progress and Cancel while files are imported, then the report.

:class:`LabImportDialog` runs :func:`app.interop.lab_batch.import_lab_files` as a background
:class:`~app.ui.printing.jobs.Job` (the GUI thread never waits for the database). Cancel (or
Esc) asks the import to stop after the messages being written: what was imported stays, and the
report says which file was cut short. At the end the same dialog shows the report: one row per
file (messages/rows read, results imported, already stored, left out, messages/rows rejected,
messages held for the review queue) and, below, every reason as the import gives it, by message
or line number — never an MRN, a name or a value. ``importFinished(list[FileImport])`` is
emitted when the import has ended.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.interop.lab_batch import CHUNK, FileImport, has_rejections, import_lab_files
from app.ui.printing.jobs import Job

_Index = QModelIndex | QPersistentModelIndex
_STEPS = 1000  # progress steps per file


class FileReportModel(QAbstractTableModel):
    """One row per file of an import: the counts of its report."""

    def __init__(self, results: Sequence[FileImport], not_started: Sequence[Path],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._results = list(results)
        self._not_started = list(not_started)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._results) + len(self._not_started)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("File"), self.tr("Messages/rows"), self.tr("Imported"),
                self.tr("Already stored"), self.tr("Left out"), self.tr("Rejected"),
                self.tr("For review"), self.tr("Outcome"))[section]

    def _outcome(self, r: FileImport) -> str:
        if r.error is not None:
            return self.tr("Not read")
        if r.cancelled:
            return self.tr("Cancelled part-way")
        return self.tr("Some rejected") if has_rejections(r.report) else self.tr("Complete")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < col < 7:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if row >= len(self._results):
            path = self._not_started[row - len(self._results)]
            return (path.name, *[""] * 6, self.tr("Not imported (cancelled)"))[col]
        r = self._results[row]
        if col == 0:
            return r.path.name
        if col == 7:
            return self._outcome(r)
        if r.error is not None:
            return ""
        rep = r.report
        queued = sum(1 for o in rep.outcomes if o.status == "queued")
        return str((rep.read, rep.results_imported, rep.results_duplicate, rep.results_left_out,
                    rep.rejected, queued)[col - 1])


class LabImportDialog(QDialog):
    """Imports ``paths`` in the background and then shows the report (module docstring)."""

    importFinished = Signal(list)

    def __init__(self, db: Database, paths: Sequence[str | Path], actor: str, *,
                 params: Params = DEFAULTS, today: Callable[[], date] = date.today,
                 chunk_size: int = CHUNK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labImportDialog")
        self._chunk = chunk_size
        self.setWindowTitle(self.tr("Import lab results"))
        self._db, self._actor, self._params, self._today = db, actor, params, today
        self.paths = [Path(p) for p in paths]
        self.results: list[FileImport] | None = None
        self.job: Job | None = None
        self._stop = threading.Event()

        self.status = QLabel(self)
        self.status.setObjectName("labImportStatus")
        self.status.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, max(1, len(self.paths)) * _STEPS)
        self.bar.setAccessibleName(self.tr("Import progress"))
        self.table = QTableView(self)
        self.table.setObjectName("labImportReport")
        self.table.setAccessibleName(self.tr("Import report by file"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.hide()
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("labImportReasons")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Reasons for what was rejected or left out"))
        self.details.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.details, 3)
        layout.addWidget(self.buttons)
        self.resize(820, 180)

    # ----- running -------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self) -> Job:
        db, paths, actor, params, today, chunk = (self._db, self.paths, self._actor,
                                                  self._params, self._today, self._chunk)
        stop = self._stop.is_set

        def work(progress, _cancel) -> list[FileImport]:
            def step(index: int, _n: int, done: int, total: int) -> None:
                progress(index * _STEPS + (done * _STEPS // total if total else 0),
                         len(paths) * _STEPS)

            return import_lab_files(db, paths, actor, params=params, today=today,
                                    progress=step, cancel=stop, chunk_size=chunk)

        job = Job(work)
        job.signals.progress.connect(self._progress)
        job.signals.done.connect(self._done)
        job.signals.failed.connect(self._failed)
        self.job = job
        self._show_file(0)
        return job.start()

    def _show_file(self, index: int) -> None:
        if self._stop.is_set() or not self.paths:
            return
        text = self.tr("Importing file %1 of %2: %3")
        text = text.replace("%1", str(index + 1)).replace("%2", str(len(self.paths)))
        self.status.setText(text.replace("%3", self.paths[index].name))

    def _progress(self, done: int, total: int) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        self._show_file(min(done // _STEPS, len(self.paths) - 1))

    def cancel(self) -> None:
        """Stop after the messages being written (what was imported stays)."""
        if self.running and not self._stop.is_set():
            self._stop.set()
            self.status.setText(self.tr("Cancelling: finishing the messages being written…"))
            self.buttons.setEnabled(False)

    def reject(self) -> None:  # Esc / Cancel while running: cancel, then show the report
        if self.running:
            self.cancel()
            return
        super().reject()

    def _failed(self, error: str) -> None:
        self.job = None
        self.results = []
        self.bar.hide()
        self.status.setText(self.tr("The import stopped with an error (%1). What was imported "
                                    "before it is stored; import the files again to finish: "
                                    "stored results are skipped.").replace("%1", error))
        self._finish_buttons()
        self.importFinished.emit([])

    def _done(self, results: list[FileImport]) -> None:
        self.job = None
        self.results = results
        self.bar.hide()
        self.status.setText(self._summary(results))
        not_started = self.paths[len(results):]
        self.table.setModel(FileReportModel(results, not_started, self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.show()
        self.details.setPlainText("\n".join(self._reason_lines(results)))
        self.details.show()
        self.resize(max(self.width(), 900), 560)
        self._finish_buttons()
        self.importFinished.emit(results)

    def _finish_buttons(self) -> None:
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.setEnabled(True)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()

    # ----- the report ----------------------------------------------------------------------
    def _summary(self, results: list[FileImport]) -> str:
        imported = sum(r.report.results_imported for r in results)
        duplicates = sum(r.report.results_duplicate for r in results)
        rejected = sum(r.report.rejected for r in results)
        unread = sum(1 for r in results if r.error is not None)
        text = self.tr("Results imported: %1 · already stored: %2 · messages/rows rejected: "
                       "%3 · files not read: %4")
        for n, value in enumerate((imported, duplicates, rejected, unread), 1):
            text = text.replace(f"%{n}", str(value))
        if self._stop.is_set():
            text = self.tr("Cancelled. What was imported before the cancel is stored; import "
                           "the rest again later (stored results are skipped).") + "\n" + text
        return text

    def _reason_lines(self, results: list[FileImport]) -> list[str]:
        status = {"imported": self.tr("Note"), "skipped": self.tr("Skipped"),
                  "rejected": self.tr("Rejected"), "queued": self.tr("For review")}
        lines: list[str] = []
        for r in results:
            if r.error is not None:
                lines.append(self.tr("%1 — not read: %2").replace("%1", r.path.name)
                             .replace("%2", r.error))
                continue
            reasons = [f"  {status.get(o.status, o.status)}: {o.label}, {reason}"
                       for o in r.report.outcomes for reason in o.reasons]
            if reasons:
                lines.append(r.path.name)
                lines.extend(reasons)
        return lines or [self.tr("Nothing was rejected or left out.")]
