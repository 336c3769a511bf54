"""The worklist window: who needs something done across the registry, and why.

Filter by reason (drop-down) and by text (Ctrl+F: MRN, name, rule ID, detail), sort by any
column (header click, or the keyboard: the table has the focus and F5 recomputes), Up/Down to
move, Enter opens the patient's chart (``patientActivated``). The list is computed on a
thread-pool thread (:class:`~app.ui.worklist.worker.WorklistJob`): first the rows the cached
summaries give (at once, marked "saved summary, not yet re-checked"), then each patient's rows
are replaced by the assessed ones chunk by chunk, the patients on screen first; the window stays
responsive and Esc cancels a run in progress. When a chart is saved (any editor announcing it
through :func:`app.ui.patient_events.patient_events`), only that patient is re-assessed
(:meth:`WorklistWindow.refresh_patient`).
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QEvent, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.services.worklist import CATEGORIES, patient_items
from app.ui.actions import window_action
from app.ui.labels import rebound_flag_text
from app.ui.patient_events import patient_events
from app.ui.worklist.model import (
    COLUMNS,
    PATIENT_ID_ROLE,
    WorklistFilter,
    WorklistModel,
    category_label,
)
from app.ui.worklist.worker import WorklistJob

log = logging.getLogger(__name__)


class WorklistTable(QTableView):
    activated_patient = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_patient.emit(int(self.currentIndex().data(PATIENT_ID_ROLE)))
            return
        super().keyPressEvent(event)


class WorklistWindow(QMainWindow):
    patientActivated = Signal(int)
    computed = Signal(bool)  # a run ended (cancelled?)

    def __init__(self, db: Database, *, params: Params = DEFAULTS, today=date.today,
                 pool: QThreadPool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("worklistWindow")
        self._db = db
        self._params = params
        self._today = today
        self._pool = pool or QThreadPool.globalInstance()
        self.job: WorklistJob | None = None
        self._jobs: list[WorklistJob] = []  # kept alive until their thread is done
        self._fresh: set[int] = set()  # re-assessed meanwhile: the run's rows are older
        self._computed = False  # a run has started (there is a list to keep up to date)

        self.model = WorklistModel(self)
        self.proxy = WorklistFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = WorklistTable(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((100, 160, 140, 100, 120, 230)):
            header.resizeSection(col, width)
        # the name column shows the rebound flag (first) and a name in full (issue 20)
        flagged = f"{rebound_flag_text()} · Wang Xiaoming"
        header.resizeSection(COLUMNS.index("name"), max(
            120, self.table.fontMetrics().horizontalAdvance(flagged) + 28))  # + cell margins
        header.setStretchLastSection(True)
        self.table.sortByColumn(COLUMNS.index("severity"), Qt.SortOrder.AscendingOrder)
        self.table.activated_patient.connect(self.patientActivated)
        self.table.doubleClicked.connect(
            lambda i: self.patientActivated.emit(int(i.data(PATIENT_ID_ROLE))))

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.category = QComboBox(self)
        self.category.currentIndexChanged.connect(
            lambda _i: self.proxy.set_category(self.category.currentData()))
        self.search_label = QLabel(self)
        self.search_label.setBuddy(self.search)
        self.category_label = QLabel(self)
        self.category_label.setBuddy(self.category)
        self.status = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(lambda _c=False: self.cancel())

        bar = QHBoxLayout()
        bar.addWidget(self.search_label)
        bar.addWidget(self.search, 2)
        bar.addWidget(self.category_label)
        bar.addWidget(self.category, 1)
        foot = QHBoxLayout()
        foot.addWidget(self.status, 1)
        foot.addWidget(self.progress)
        foot.addWidget(self.cancel_button)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)
        self.setCentralWidget(central)

        self.act_refresh = window_action(self, "F5", self.refresh)
        self.act_find = window_action(self, "Ctrl+F", self._focus_search)
        self.act_cancel = window_action(self, "Esc", self.cancel)
        self.act_close = window_action(self, "Ctrl+W", self.close)
        menu = self.menuBar().addMenu("")
        self.menu = menu
        for act in (self.act_refresh, self.act_find, self.act_cancel, self.act_close):
            menu.addAction(act)
        self.retranslate()
        self.resize(1100, 600)
        patient_events(db).patientChanged.connect(self.refresh_patient)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("BoneMet Workstation — Worklist"))
        self.menu.setTitle(self.tr("&Worklist"))
        self.act_refresh.setText(self.tr("&Recompute"))
        self.act_find.setText(self.tr("&Filter…"))
        self.act_cancel.setText(self.tr("Cancel compu&tation"))
        self.act_close.setText(self.tr("&Close"))
        for act in (self.act_refresh, self.act_find, self.act_cancel, self.act_close):
            act.setToolTip(f"{act.text().replace('&', '')} ({act.shortcut().toString()})")
        self.search_label.setText(self.tr("&Filter:"))
        self.search.setPlaceholderText(self.tr("MRN, name, rule ID or text (Ctrl+F)"))
        self.category_label.setText(self.tr("&Reason:"))
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self.table.setAccessibleName(self.tr("Worklist: patients needing action"))
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All reasons"), None)
        for code in CATEGORIES:
            self.category.addItem(category_label(code), code)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self.category.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ---- computation ----------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.job is not None

    def refresh(self) -> None:
        """(Re)compute the worklist in the background."""
        if self.job is not None:
            self.job.cancel()
        self.model.clear()
        self.model.as_of = self._today()
        self._fresh = set()
        self._computed = True
        job = WorklistJob(self._db, self.model.as_of, self._params)
        job.signals.firstPass.connect(self._first)
        job.signals.chunkReady.connect(self._chunk)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._done)
        job.signals.failed.connect(self._failed)
        self.job = job
        self._jobs = [j for j in self._jobs if not j.done] + [job]
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.status.setText(self.tr("Computing the worklist…"))
        self._pool.start(job)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _current(self) -> bool:
        """True when the signal being handled comes from the run in progress (slots are
        methods of this GUI-thread object, so cross-thread signals arrive queued)."""
        return self.job is not None and self.sender() is self.job.signals

    def _first(self, items: list) -> None:
        if not self._current():
            return
        self._show([i for i in items if i.patient_id not in self._fresh])
        self.status.setText(self.tr("%1 items from the saved summaries; checking the details…")
                            .replace("%1", str(self.model.rowCount())))

    def _chunk(self, patient_ids: list, items: list) -> None:
        if not self._current():
            return
        ids = set(patient_ids) - self._fresh
        self._show([i for i in items if i.patient_id in ids], ids)

    def _show(self, items: list, replacing: set[int] | None = None) -> None:
        had_current = self.table.currentIndex().isValid()
        if replacing:
            self.model.replace_patients(replacing, items)
        else:
            self.model.append(items)
        if not had_current and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def refresh_patient(self, patient_id: int) -> None:
        """Re-assess one patient (after a chart edit) and replace its rows: no full recompute.
        Does nothing before the list was first computed."""
        if not self._computed:
            return
        try:
            items = patient_items(self._db, patient_id, self.model.as_of, self._params)
        except Exception as exc:  # the rest of the list stays; no patient data in the log
            log.warning("worklist: re-assessing one patient failed (%s)", type(exc).__name__)
            self.statusBar().showMessage(
                self.tr("This patient's rows could not be updated (F5 recomputes the list)."),
                8000)
            return
        if self.job is not None:
            self._fresh.add(patient_id)  # the run in progress must not overwrite these rows
        self.model.replace_patients({patient_id}, items)

    def _progress(self, done: int, total: int) -> None:
        if not self._current():
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(self.tr("%1 items; checked %2 of %3 patients…").replace(
            "%1", str(self.model.rowCount())).replace("%2", str(done)).replace(
            "%3", str(total)))

    def _done(self, cancelled: bool) -> None:
        if not self._current():
            return  # an older run that was replaced
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()
        patients = len({i.patient_id for i in self.model.items()})
        text = self.tr("%1 items for %2 patients").replace(
            "%1", str(self.model.rowCount())).replace("%2", str(patients))
        if cancelled:
            text += " — " + self.tr("cancelled: the list is incomplete (F5 to recompute)")
        self.status.setText(text)
        self.computed.emit(cancelled)

    def _failed(self, message: str) -> None:
        if self._current():
            self.job = None
            self.progress.hide()
            self.cancel_button.hide()
            self.status.setText(self.tr("The worklist could not be computed (%1).").replace(
                "%1", message))
            self.computed.emit(True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.job is None and self.model.rowCount() == 0:
            self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            self.job.cancel()
            self._pool.waitForDone(5000)
        super().closeEvent(event)
