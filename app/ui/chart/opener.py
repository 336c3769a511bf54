"""Connects the registry window to the patient charts and the worklist.

:func:`install_chart` is called once by the GUI entry point with the main window: Enter / a
double click on a patient (``patientActivated``) then opens that patient's chart (one window
per patient; a second Enter raises it), and the main window gets menu entries with shortcuts:
Patient → Open chart (Ctrl+O), View → Worklist (Ctrl+Shift+W), View → Recompute all summaries.
A change saved in a chart refreshes the registry list (cached summary columns). Worklist
entries open charts the same way. Closing the registry window closes the charts and the
worklist.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QWidget

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.ui.actions import window_action

if TYPE_CHECKING:  # imported lazily at run time (see the module docstring)
    from app.services.records import RecordsService
    from app.ui.chart.chart_window import ChartWindow
    from app.ui.worklist.window import WorklistWindow


def _raise(win: QWidget) -> None:
    """Bring an open window to the front (the offscreen test platform cannot, and says so)."""
    win.setWindowState(win.windowState() & ~Qt.WindowState.WindowMinimized)
    if QGuiApplication.platformName() != "offscreen":
        win.raise_()


class _RefreshSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(int)


class ChartOpener(QObject):
    """Owns the open chart windows and the worklist of one main window."""

    refreshed = Signal()  # every cached summary was recomputed (or the run was cancelled)
    chartOpened = Signal(object)  # a new ChartWindow (e.g. app.ui.mdt adds its Documents menu)

    def __init__(self, main_window: QMainWindow, db: Database, actor: str, *,
                 params: Params = DEFAULTS) -> None:
        super().__init__(main_window)
        self._main = main_window
        self._db = db
        self._actor = actor
        self._service: RecordsService | None = None
        self.params = params
        self.charts: dict[int, ChartWindow] = {}
        self.worklist: WorklistWindow | None = None
        self._refresh_cancel: threading.Event | None = None
        self._refresh_dialog: QProgressDialog | None = None
        self._refresh_signals: _RefreshSignals | None = None

        self.act_open = window_action(self._main, "Ctrl+O", self.open_current)
        self.act_worklist = window_action(self._main, "Ctrl+Shift+W", self.show_worklist)
        self.act_recompute = window_action(self._main, "", self.recompute_summaries)
        menu_patient = getattr(main_window, "menu_patient", None)
        menu_view = getattr(main_window, "menu_view", None)
        if menu_patient is not None:
            menu_patient.insertAction(next(iter(menu_patient.actions()), None), self.act_open)
        if menu_view is not None:
            menu_view.addSeparator()
            menu_view.addAction(self.act_worklist)
            menu_view.addAction(self.act_recompute)
        main_window.installEventFilter(self)
        self.retranslate()

    @property
    def service(self) -> RecordsService:
        """The records service the charts use (created, and imported, on first use)."""
        if self._service is None:
            from app.services.records import RecordsService

            self._service = RecordsService(self._db, self._actor, params=self.params)
        return self._service

    def retranslate(self) -> None:
        self.act_open.setText(self.tr("&Open chart"))
        self.act_open.setStatusTip(self.tr("Open the selected patient's chart (Enter)"))
        self.act_worklist.setText(self.tr("&Worklist"))
        self.act_worklist.setStatusTip(self.tr(
            "Patients needing action across the registry: critical findings, doses due, "
            "rebound checks, dental, work-ups"))
        self.act_recompute.setText(self.tr("Recompute all &summaries"))
        self.act_recompute.setStatusTip(self.tr(
            "Run the rules again for every patient and update the registry list"))
        for act in (self.act_open, self.act_worklist):
            act.setToolTip(f"{act.text().replace('&', '')} ({act.shortcut().toString()})")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._main:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif event.type() == QEvent.Type.Close:
                self.close_all()
        return False

    def close_all(self) -> None:
        """Close every chart and the worklist (the registry window is closing)."""
        for win in list(self.charts.values()):
            win.close()
        if self.worklist is not None:
            self.worklist.close()

    # ---- charts ---------------------------------------------------------------------------
    def open_chart(self, patient_id: int) -> ChartWindow:
        win = self.charts.get(patient_id)
        if win is not None and win.isVisible():
            _raise(win)
        if win is None:
            from app.ui.chart.chart_window import ChartWindow

            win = ChartWindow(self.service, patient_id)
            win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            win.chartChanged.connect(self._chart_changed)
            win.destroyed.connect(lambda _o=None, pid=patient_id: self.charts.pop(pid, None))
            self.charts[patient_id] = win
            self.chartOpened.emit(win)
        win.show()
        win.activateWindow()
        return win

    def open_current(self) -> None:
        view = getattr(self._main, "view", None)
        pid = view.current_patient_id() if view is not None else None
        if pid is not None:
            self.open_chart(pid)

    def _chart_changed(self, _patient_id: int) -> None:
        refresh = getattr(self._main, "refresh", None)
        if refresh is not None:
            refresh()

    # ---- worklist -------------------------------------------------------------------------
    def show_worklist(self) -> WorklistWindow:
        if self.worklist is None:
            from app.ui.worklist.window import WorklistWindow

            self.worklist = WorklistWindow(self._db, params=self.params)
            self.worklist.patientActivated.connect(self.open_chart)
        elif self.worklist.isVisible():
            _raise(self.worklist)
        self.worklist.show()
        self.worklist.activateWindow()
        return self.worklist

    def recompute_summaries(self) -> None:
        """Recompute every cached summary off the GUI thread, with progress and cancel."""
        if self._refresh_cancel is not None:
            return
        cancel = threading.Event()
        self._refresh_cancel = cancel
        dialog = QProgressDialog(self.tr("Recomputing the patients' summaries…"),
                                 self.tr("Cancel"), 0, 0, self._main)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.canceled.connect(cancel.set)
        self._refresh_dialog = dialog
        signals = _RefreshSignals(self)
        signals.progress.connect(self._refresh_progress)  # queued: GUI-thread receiver
        signals.finished.connect(self._refresh_done)
        self._refresh_signals = signals
        db, params = self._db, self.params

        from app.services.worklist import refresh_all_summaries

        def work() -> None:
            n = 0
            try:
                n = refresh_all_summaries(db, signals.progress.emit, cancel.is_set,
                                          params=params)
            finally:
                signals.finished.emit(n)

        dialog.show()
        QThreadPool.globalInstance().start(work)

    def _refresh_progress(self, done: int, total: int) -> None:
        if self._refresh_dialog is not None:
            self._refresh_dialog.setMaximum(total)
            self._refresh_dialog.setValue(done)

    def _refresh_done(self, _count: int) -> None:
        self._refresh_cancel = None
        if self._refresh_dialog is not None:
            self._refresh_dialog.close()
            self._refresh_dialog = None
        self.refreshed.emit()
        self._chart_changed(0)


def install_chart(main_window: QMainWindow, db: Database, actor: str, *,
                  params: Params = DEFAULTS) -> ChartOpener:
    """Make Enter on a patient open the chart and add the chart/worklist menu entries."""
    opener = ChartOpener(main_window, db, actor, params=params)
    main_window.set_patient_opener(opener.open_chart)  # type: ignore[attr-defined]
    main_window.chart_opener = opener  # type: ignore[attr-defined]  # kept alive, for tests
    return opener
