"""The patient chart window: header, findings with their reasons, timeline, lesions, history,
trends (the trend view of ALP/CTX with the treatments).

Everything is reachable from the keyboard: the Record menu adds each kind of record (common
ones have shortcuts, shown in the menu and tooltips), F2 / Enter corrects the selected record,
Delete marks it entered in error (with a reason), Ctrl+Shift+U starts (or resumes) the
bone-metastasis work-up wizard (completing it reloads the chart), Ctrl+J (or Enter in the
findings list) jumps to the record behind a finding, Alt+1…6 move between the panels, F5
reloads, Ctrl+W closes.
After every change the chart reloads from the registry and ``chartChanged(patient_id)`` is
emitted (the registry list refreshes its row) and announced to the registry's other views
(:func:`app.ui.patient_events.patient_events`: the worklist re-assesses that patient).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.records import (
    ChartData,
    ConcurrentEditError,
    PatientNotFound,
    RecordsService,
    ValidationFailed,
)
from app.services.records_links import finding_links
from app.services.records_map import HISTORY_KINDS, StoredRecord
from app.ui.actions import window_action
from app.ui.chart.findings_view import FindingsView
from app.ui.chart.header import ChartHeader
from app.ui.chart.history_view import HistoryView
from app.ui.chart.lesions_view import LesionsView
from app.ui.chart.oncology_view import OncologyView
from app.ui.chart.timeline import TimelineView
from app.ui.forms.base import RecordDialog
from app.ui.forms.choices import kind_label
from app.ui.forms.factory import RECORD_FORMS, SECTION_FORMS, record_form
from app.ui.forms.lab_panel import LabPanelDialog
from app.ui.patient_events import patient_events
from app.ui.trends.view import TrendView
from app.ui.workup import workup_action, workup_action_text

translate = QCoreApplication.translate

#: Record kinds offered in the Record menu, with their shortcuts ("" = menu only).
ADD_SHORTCUTS: dict[str, str] = {
    "lab": "Ctrl+L", "administration": "Ctrl+D", "imaging": "Ctrl+I", "biopsy": "Ctrl+Shift+B",
    "lesion": "Ctrl+Shift+L", "stop": "Ctrl+Shift+T", "interval": "",
    "dental_exam": "Ctrl+Shift+D", "dental_procedure": "Ctrl+Shift+P",
    "event": "Ctrl+Shift+E", "symptom": "Ctrl+Shift+Y",
    "therapy_line": "Ctrl+Shift+O", "pdl1": "", "smoking": "", "course": "",
}
LAB_PANEL_SHORTCUT = "Ctrl+Shift+A"
SECTION_SHORTCUTS = {"cancer": "Ctrl+Shift+C", "supplements": "", "status_override": ""}


class ChartWindow(QMainWindow):
    chartChanged = Signal(int)

    def __init__(self, service: RecordsService, patient_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartWindow")
        self.service = service
        self.patient_id = patient_id
        self.chart: ChartData | None = None
        self.dialog: RecordDialog | LabPanelDialog | None = None
        self.error_dialog: QInputDialog | None = None
        # Extra timeline rows for this patient (e.g. MDT decisions, set by app.ui.mdt).
        self.timeline_extra: Callable[[int], list[StoredRecord]] | None = None

        self.header = ChartHeader(self)
        self.findings = FindingsView(self)
        self.findings.findingActivated.connect(self.jump_to_finding)
        self.findings_title = QLabel(self)
        self.timeline = TimelineView(self)
        self.timeline.recordActivated.connect(self.correct_record)
        self.kind_filter = QComboBox(self)
        self.kind_filter.currentIndexChanged.connect(
            lambda _i: self.timeline.proxy.set_kind(self.kind_filter.currentData()))
        self.lesions = LesionsView(self)
        self.lesions.recordActivated.connect(self.correct_record)
        self.history = HistoryView(self)
        self.trends = TrendView(self)
        self.oncology = OncologyView(self)
        self.oncology.records.recordActivated.connect(self.correct_record)

        timeline_page = QWidget(self)
        tl = QVBoxLayout(timeline_page)
        tl.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        self.filter_label = QLabel(self)
        self.filter_label.setBuddy(self.kind_filter)
        row.addWidget(self.filter_label)
        row.addWidget(self.kind_filter)
        row.addStretch(1)
        tl.addLayout(row)
        tl.addWidget(self.timeline)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(timeline_page, "")
        self.tabs.addTab(self.lesions, "")
        self.tabs.addTab(self.history, "")
        self.tabs.addTab(self.trends, "")
        self.tabs.addTab(self.oncology, "")

        top = QWidget(self)
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(self.findings_title)
        tv.addWidget(self.findings)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(split, 1)
        self.setCentralWidget(central)

        self._create_actions()
        self.retranslate()
        self.resize(1200, 820)
        self.reload()
        self.findings.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- actions --------------------------------------------------------------------------
    def _create_actions(self) -> None:
        self.add_actions = {k: window_action(self, s, lambda k=k: self.add_record(k))
                            for k, s in ADD_SHORTCUTS.items()}
        self.act_panel = window_action(self, LAB_PANEL_SHORTCUT, self.add_lab_panel)
        self.last_lab_at = None  # the lab panel's last collection time, kept while open
        self.section_actions = {k: window_action(self, s, lambda k=k: self.edit_section(k))
                                for k, s in SECTION_SHORTCUTS.items()}
        self.act_workup = workup_action(self, self.service.db, self.patient_id,
                                        self.service.actor, lambda _pid: self._changed(),
                                        params=self.service.params,
                                        today=self.service.today)
        self.addAction(self.act_workup)
        self.act_correct = window_action(self, "F2", self.correct_current)
        self.act_error = window_action(self, "Del", self.mark_current_in_error)
        self.act_jump = window_action(self, "Ctrl+J", self.jump_to_finding)
        self.act_refresh = window_action(self, "F5", self.reload)
        self.act_close = window_action(self, "Ctrl+W", self.close)
        self.panel_actions = [
            window_action(self, f"Alt+{i + 1}", lambda w=w: self._focus(w))
            for i, w in enumerate((self.findings, self.timeline, self.lesions, self.history,
                                   self.trends, self.oncology.records))
        ]
        bar = self.menuBar()
        self.menu_record = bar.addMenu("")
        self.menu_record.addAction(self.act_workup)
        self.menu_record.addSeparator()
        for act in self.add_actions.values():
            self.menu_record.addAction(act)
            if act is self.add_actions.get("lab"):
                self.menu_record.addAction(self.act_panel)
        self.menu_record.addSeparator()
        for act in self.section_actions.values():
            self.menu_record.addAction(act)
        self.menu_record.addSeparator()
        for act in (self.act_correct, self.act_error):
            self.menu_record.addAction(act)
        self.menu_view = bar.addMenu("")
        for act in (self.act_jump, *self.panel_actions, self.act_refresh, self.act_close):
            self.menu_view.addAction(act)

    def retranslate(self) -> None:
        self.menu_record.setTitle(self.tr("&Record"))
        self.menu_view.setTitle(self.tr("&View"))
        for kind, act in self.add_actions.items():
            act.setText(self.tr("Add %1…").replace("%1", kind_label(kind)))
        for kind, act in self.section_actions.items():
            act.setText(self.tr("Edit %1…").replace("%1", kind_label(kind)))
        self.act_workup.setText(workup_action_text())
        self.act_panel.setText(self.tr("Add lab panel (several results of one sample)…"))
        self.act_correct.setText(self.tr("&Correct selected record…"))
        self.act_error.setText(self.tr("Mark selected record entered in &error…"))
        self.act_jump.setText(self.tr("&Go to the record behind the finding"))
        self.act_refresh.setText(self.tr("&Reload chart"))
        self.act_close.setText(self.tr("&Close chart"))
        names = (self.tr("Findings"), self.tr("Timeline"), self.tr("Lesions && scores"),
                 self.tr("History"), self.tr("Trends"),
                 translate("OncologyHistory", "Oncology history"))
        for act, name in zip(self.panel_actions, names, strict=True):
            act.setText(self.tr("Go to %1").replace("%1", name.replace("&&", "&")))
        for act in self.actions():
            if not act.shortcut().isEmpty():
                act.setToolTip(f"{act.text()} ({act.shortcut().toString()})")
        self.tabs.setTabText(0, self.tr("&Timeline"))
        self.tabs.setTabText(1, self.tr("Lesions && scores"))
        self.tabs.setTabText(2, self.tr("&History"))
        self.tabs.setTabText(3, self.tr("Tre&nds (ALP, CTX)"))  # Alt+R is the Record menu
        self.tabs.setTabText(4, translate("OncologyHistory", "&Oncology history"))
        self.filter_label.setText(self.tr("&Show:"))
        self.kind_filter.blockSignals(True)
        current = self.kind_filter.currentData()
        self.kind_filter.clear()
        self.kind_filter.addItem(self.tr("All records"), None)
        for kind in RECORD_FORMS:
            self.kind_filter.addItem(kind_label(kind), kind)
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(current)))
        self.kind_filter.blockSignals(False)
        self._titles()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.chart is not None:
                self._show(self.chart)
        super().changeEvent(event)

    def _titles(self) -> None:
        c = self.chart
        who = "" if c is None else f"{c.name or ''} ({c.mrn})"
        self.setWindowTitle(self.tr("Patient chart — %1").replace("%1", who))
        n = 0 if c is None else len(c.assessment.findings)
        self.findings_title.setText(
            self.tr("Findings (%1), most severe first — Enter goes to the record behind one:")
            .replace("%1", str(n)))

    def _focus(self, widget: QWidget) -> None:
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if page is widget or page.isAncestorOf(widget):
                self.tabs.setCurrentIndex(i)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ---- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            chart = self.service.chart(self.patient_id)
        except PatientNotFound:
            QMessageBox.warning(self, self.tr("Patient not found"),
                                self.tr("This patient is no longer in the registry."))
            self.close()
            return
        self._show(chart)

    def _show(self, chart: ChartData) -> None:
        self.chart = chart
        self.header.show_chart(chart, self.service.params)
        self.trends.set_case(chart.case, chart.as_of, self.service.params)
        self.findings.set_findings(chart.assessment.findings)
        self.timeline.set_records(chart.records + self._timeline_extra(), chart.as_of)
        self.lesions.lesions_model.set_records(chart.records)
        self.oncology.set_chart(chart.case, chart.records, chart.as_of)
        self.history.history_model.set_entries(self.service.history(self.patient_id))
        self._titles()

    def _timeline_extra(self) -> list[StoredRecord]:
        return [] if self.timeline_extra is None else self.timeline_extra(self.patient_id)

    def refresh_timeline(self) -> None:
        """Show the timeline again with fresh extra rows (no chart reload)."""
        if self.chart is not None:
            self.timeline.set_records(self.chart.records + self._timeline_extra(),
                                      self.chart.as_of)

    def _changed(self, kind: str = "", rid: int = 0) -> None:
        self.reload()
        if kind and rid:
            self.select_record(kind, rid)
        self.chartChanged.emit(self.patient_id)
        patient_events(self.service.db).announce(self.patient_id)

    def select_record(self, kind: str, rid: int) -> bool:
        if kind in HISTORY_KINDS:
            self.tabs.setCurrentWidget(self.oncology)
            if self.oncology.records.select_record(kind, rid):
                self.oncology.records.setFocus()
                return True
            return False
        if kind == "lesion":
            self.tabs.setCurrentWidget(self.lesions)
            for row in range(self.lesions.lesions_model.rowCount()):
                if self.lesions.lesions_model.stored(row).rid == rid:
                    self.lesions.selectRow(row)
                    self.lesions.setFocus()
                    return True
            return False
        self.tabs.setCurrentIndex(0)
        if self.timeline.select_record(kind, rid):
            self.timeline.setFocus()
            return True
        return False

    def current_record(self) -> tuple[str, int] | None:
        if self.tabs.currentWidget() is self.lesions:
            return self.lesions.current_record()
        if self.tabs.currentWidget() is self.oncology:
            return self.oncology.records.current_record()
        return self.timeline.current_record()

    # ---- record actions -------------------------------------------------------------------
    def _open(self, dialog: RecordDialog | LabPanelDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._changed)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def add_record(self, kind: str) -> None:
        if self.chart is None:
            return
        self._open(record_form(kind, self.service, self.patient_id,
                               baseline=self.chart.assessment.findings, parent=self))

    def add_lab_panel(self) -> None:
        """Several lab results of one sample in one dialog; the date used is offered again
        until the chart is closed (issue 20)."""
        if self.chart is None:
            return
        dialog = LabPanelDialog(self.service, self.patient_id, last_at=self.last_lab_at,
                                parent=self)
        dialog.saved.connect(lambda: setattr(self, "last_lab_at", dialog.used_at))
        self._open(dialog)

    def correct_record(self, kind: str, rid: int) -> None:
        stored = None if self.chart is None else self.chart.stored(kind, rid)
        if stored is None:
            return
        self._open(record_form(kind, self.service, self.patient_id, stored=stored,
                               baseline=self.chart.assessment.findings, parent=self))

    def correct_current(self) -> None:
        current = self.current_record()
        if current is not None:
            self.correct_record(*current)

    def edit_section(self, key: str) -> None:
        if self.chart is None:
            return
        case = self.chart.case
        current = {"cancer": case.cancer, "supplements": case.supplements,
                   "status_override": case.status_override}[key]
        dialog = SECTION_FORMS[key](self.service, self.patient_id,
                                    patient_version=self.chart.patient_version,
                                    current=current, parent=self)
        self._open(dialog)

    def mark_current_in_error(self) -> None:
        current = self.current_record()
        if current is None or self.chart is None:
            return
        stored = self.chart.stored(*current)
        if stored is None:
            return
        ask = QInputDialog(self)
        ask.setObjectName("errorReasonDialog")
        ask.setWindowTitle(self.tr("Mark entered in error"))
        ask.setLabelText(self.tr("Why was this record entered in error? (kept in the history)"))
        ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ask.textValueSelected.connect(lambda reason: self._mark(stored, reason))
        self.error_dialog = ask
        ask.open()

    def _mark(self, stored, reason: str) -> None:
        try:
            self.service.mark_entered_in_error(self.patient_id, stored.kind, stored.rid,
                                               stored.version, reason)
        except ValidationFailed:
            QMessageBox.warning(self, self.tr("Reason required"),
                                self.tr("Nothing was changed: a reason is required."))
            return
        except ConcurrentEditError:
            QMessageBox.warning(self, self.tr("Changed elsewhere"), self.tr(
                "This record was changed on another workstation. The chart is reloaded."))
        self._changed()

    def jump_to_finding(self, row: int | None = None) -> None:
        if self.chart is None:
            return
        if row is None:
            row = self.findings.currentIndex().row()
        if row < 0 or row >= self.findings.findings_model.rowCount():
            return
        links = finding_links(self.findings.findings_model.finding(row), self.chart.records)
        for kind, rid in links:
            if self.select_record(kind, rid):
                return
        self.statusBar().showMessage(
            self.tr("This finding is not about a single record (see its data)."), 4000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        super().closeEvent(event)
