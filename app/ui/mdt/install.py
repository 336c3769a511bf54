"""Wires the MDT meetings and the printouts into the registry window and the patient charts.

:func:`install_mdt` is called once by the GUI entry point after ``install_chart``: the registry
window's View menu gets "MDT meetings" (Ctrl+M); every chart window the opener creates gets a
Documents menu — "Print care plan…" (Ctrl+P) and "Add to MDT meeting…" (Ctrl+Shift+M) — and
its timeline shows the patient's recorded MDT decisions. A listing or decision changed in the
MDT window refreshes the open charts' timelines; Enter on a case opens its chart. The window,
the pack builder (trend plots) and the printing modules are imported on first use, and so is
the MDT service (it imports the ORM models, which the registry window's start path does not
need: see benchmarks/RESULTS.md, start-up).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.services.registry import RegistryService
from app.ui.actions import window_action

if TYPE_CHECKING:  # imported on first use: the registry window starts without them
    from app.services.mdt_service import MdtService
    from app.ui.mdt.dialogs import AddCaseDialog
    from app.ui.mdt.window import MdtWindow


class ChartDocuments(QObject):
    """The Documents menu of one chart window (care plan, add to MDT)."""

    def __init__(self, hub: MdtHub, chart_window) -> None:
        from app.ui.mdt.timeline_rows import timeline_rows
        from app.ui.printing.careplan_print import CarePlanPrint

        super().__init__(chart_window)
        self.hub = hub
        self.window = chart_window
        self.careplan = CarePlanPrint(chart_window, hub.registry)
        self.dialog: AddCaseDialog | None = None
        self.act_print = window_action(self.window, "Ctrl+P", self.careplan.start)
        self.act_mdt = window_action(self.window, "Ctrl+Shift+M", self.add_to_mdt)
        self.menu = chart_window.menuBar().addMenu("")
        self.menu.setObjectName("chartDocumentsMenu")  # other document actions join it
        self.menu.addAction(self.act_print)
        self.menu.addAction(self.act_mdt)
        chart_window.timeline_extra = lambda pid: timeline_rows(hub.service, pid)
        chart_window.refresh_timeline()
        chart_window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Documents"))
        self.act_print.setText(self.tr("&Print care plan…"))
        self.act_print.setStatusTip(self.tr(
            "The patient's care plan in their language: preview, print, save as PDF"))
        self.act_mdt.setText(self.tr("Add to &MDT meeting…"))
        self.act_mdt.setStatusTip(self.tr("List this patient for an upcoming MDT meeting "
                                          "with a question"))
        for act in (self.act_print, self.act_mdt):
            act.setToolTip(f"{act.text().replace('&', '')} ({act.shortcut().toString()})")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def add_to_mdt(self) -> AddCaseDialog | None:
        from app.ui.mdt.dialogs import AddCaseDialog

        chart = self.window.chart
        if chart is None or self.dialog is not None:
            return None
        meetings = self.hub.service.list_meetings(from_date=self.hub.today())
        if not meetings:
            QMessageBox.information(self.window, self.tr("Add to MDT meeting"), self.tr(
                "There is no upcoming MDT meeting. Create one in the MDT meetings window "
                "(registry window: View → MDT meetings, Ctrl+M)."))
            return None
        dialog = AddCaseDialog(self.hub.service, self.hub.registry, meetings, mrn=chart.mrn,
                               parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.added.connect(self._added)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _added(self, row) -> None:
        self.hub.cases_changed(row.patient_id)
        self.window.statusBar().showMessage(self.tr("Listed for the MDT meeting on %1.")
                                            .replace("%1", row.meeting_date.isoformat()), 5000)

    def _closed(self, _result: int) -> None:
        self.dialog = None


class MdtHub(QObject):
    """Owns the MDT window of one registry window and the charts' document menus."""

    casesChanged = Signal(int)  # patient id

    def __init__(self, main_window: QMainWindow, db: Database, actor: str, *,
                 opener=None, params: Params = DEFAULTS,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(main_window)
        self._main = main_window
        self._db = db
        self._actor = actor
        self._service: MdtService | None = None
        self.registry = RegistryService(db, actor)
        self.opener = opener
        self.params = params
        self.today = today
        self.window: MdtWindow | None = None
        self.documents: dict[int, ChartDocuments] = {}
        self.act_meetings = window_action(main_window, "Ctrl+M", self.show_meetings)
        menu = getattr(main_window, "menu_view", None)
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.act_meetings)
        chart_opened = getattr(opener, "chartOpened", None)
        if chart_opened is not None:
            chart_opened.connect(self.attach_chart)
        main_window.installEventFilter(self)
        self.retranslate()

    @property
    def service(self) -> MdtService:
        """The MDT service (created, and imported, on first use)."""
        if self._service is None:
            from app.services.mdt_service import MdtService

            self._service = MdtService(self._db, self._actor)
        return self._service

    def retranslate(self) -> None:
        self.act_meetings.setText(self.tr("MDT &meetings"))
        self.act_meetings.setStatusTip(self.tr(
            "Meetings, their cases and decisions; generate the case pack"))
        self.act_meetings.setToolTip(f"{self.act_meetings.text().replace('&', '')} "
                                     f"({self.act_meetings.shortcut().toString()})")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._main:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif event.type() == QEvent.Type.Close and self.window is not None:
                self.window.close()
        return False

    def show_meetings(self) -> MdtWindow:
        if self.window is None:
            from app.ui.mdt.window import MdtWindow

            self.window = MdtWindow(self.service, self.registry, today=self.today,
                                    params=self.params)
            self.window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.window.casesChanged.connect(self._refresh_charts)
            self.window.destroyed.connect(self._window_gone)
            if self.opener is not None:
                self.window.patientActivated.connect(self.opener.open_chart)
        elif QGuiApplication.platformName() != "offscreen":
            self.window.raise_()
        self.window.show()
        self.window.activateWindow()
        return self.window

    def _window_gone(self, _obj=None) -> None:
        self.window = None

    def attach_chart(self, chart_window) -> ChartDocuments:
        """Give a chart window its Documents menu and MDT decisions in the timeline."""
        docs = ChartDocuments(self, chart_window)
        pid = chart_window.patient_id
        self.documents[pid] = docs
        chart_window.destroyed.connect(lambda _o=None, p=pid: self.documents.pop(p, None))
        return docs

    def cases_changed(self, patient_id: int) -> None:
        """A listing/decision changed outside the MDT window (e.g. from a chart)."""
        if self.window is not None:
            self.window.reload()
        self._refresh_charts(patient_id)

    def _refresh_charts(self, patient_id: int) -> None:
        docs = self.documents.get(patient_id)
        if docs is not None:
            docs.window.refresh_timeline()
        self.casesChanged.emit(patient_id)


def install_mdt(main_window: QMainWindow, db: Database, actor: str, *, opener=None,
                params: Params = DEFAULTS, today: Callable[[], date] = date.today) -> MdtHub:
    """Add the MDT meetings window and the charts' document actions (see module docstring)."""
    hub = MdtHub(main_window, db, actor, opener=opener, params=params, today=today)
    main_window.mdt_hub = hub  # type: ignore[attr-defined]  # kept alive, for tests
    return hub
