"""The MDT meetings window: meetings (upcoming first), the cases of the selected meeting, and
the actions on them — all in menus with shortcuts:

Meeting → New meeting… (Ctrl+N), Edit meeting… (Ctrl+E: time, place, chair, attendees),
Generate case pack… (Ctrl+G), pack language, Reload (F5),
Close (Ctrl+W); Case → Add patient… (Ctrl+Shift+A), Record decision… (Ctrl+D), Withdraw
case… (Del), Open chart (Ctrl+O / Enter). Alt+1 / Alt+2 move between the two lists.

Recording a decision is disabled before the meeting date (and once recorded); the reason is
shown under the cases. The pack is built in the background (:class:`PackBuilder`) with a
progress dialog whose Cancel really stops it, then opens in the print preview.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.params import DEFAULTS, Params
from app.services.mdt_service import MdtCaseRow, MdtError, MdtService, Meeting
from app.services.registry import RegistryService
from app.ui.actions import window_action
from app.ui.mdt.dialogs import AddCaseDialog, DecisionDialog, MeetingDialog, problem_text
from app.ui.mdt.models import CasesModel, MeetingsModel
from app.ui.mdt.pack_actions import PackActions
from app.ui.mdt.pack_job import PackBuilder
from app.ui.printing.preview import PdfPreviewDialog

SETTING_PACK_LANGUAGE = "mdt/pack_language"
PACK_LANGUAGES = (("en", "English"), ("zh", "中文"))  # named in their own language


class _Table(QTableView):
    """A read-only row table where Enter emits ``activated`` for the current row."""

    entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.doubleClicked.connect(lambda _i: self.entered.emit())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entered.emit()
            return
        super().keyPressEvent(event)


class MdtWindow(PackActions, QMainWindow):
    patientActivated = Signal(int)
    casesChanged = Signal(int)  # patient id whose MDT listing/decision changed
    packReady = Signal(object)  # PdfPreviewDialog of a finished pack

    def __init__(self, service: MdtService, registry: RegistryService, *,
                 today: Callable[[], date] = date.today, params: Params = DEFAULTS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mdtWindow")
        self.service = service
        self.registry = registry
        self.today = today
        self.params = params
        self.dialog: QWidget | None = None
        self.builder: PackBuilder | None = None
        self.progress: QProgressDialog | None = None
        self.preview: PdfPreviewDialog | None = None

        self.meetings_model = MeetingsModel(self)
        self.meetings = _Table(self)
        self.meetings.setObjectName("mdtMeetings")
        self.meetings.setModel(self.meetings_model)
        self.meetings.entered.connect(lambda: self._focus(self.cases))
        self.cases_model = CasesModel(self)
        self.cases = _Table(self)
        self.cases.setObjectName("mdtCases")
        self.cases.setModel(self.cases_model)
        self.cases.entered.connect(self.open_chart)
        mode = QHeaderView.ResizeMode
        for table, stretch in ((self.meetings, (1,)), (self.cases, (2, 3))):
            header = table.horizontalHeader()
            header.setStretchLastSection(False)
            for col in range(table.model().columnCount()):
                header.setSectionResizeMode(
                    col, mode.Stretch if col in stretch else mode.ResizeToContents)
        self.cases.setWordWrap(False)

        self.meetings_title = QLabel(self)
        self.meetings_title.setBuddy(self.meetings)
        self.meeting_header = QLabel(self)
        self.meeting_header.setBuddy(self.cases)
        self.meeting_header.setTextFormat(Qt.TextFormat.PlainText)
        self.decision_hint = QLabel(self)
        self.decision_hint.setObjectName("decisionHint")
        self.decision_hint.setWordWrap(True)

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.meetings_title)
        lv.addWidget(self.meetings)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.meeting_header)
        rv.addWidget(self.cases, 1)
        rv.addWidget(self.decision_hint)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([440, 840])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)
        self.setCentralWidget(central)

        self._create_actions()
        self.meetings.selectionModel().currentRowChanged.connect(lambda *_: self._load_cases())
        self.cases.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.retranslate()
        self.resize(1280, 640)
        self.reload()
        self.meetings.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- actions --------------------------------------------------------------------------
    def _create_actions(self) -> None:
        self.act_new = window_action(self, "Ctrl+N", self.new_meeting)
        self.act_edit = window_action(self, "Ctrl+E", self.edit_meeting)
        self.act_pack = window_action(self, "Ctrl+G", self.generate_pack)
        self.act_reload = window_action(self, "F5", self.reload)
        self.act_close = window_action(self, "Ctrl+W", self.close)
        self.act_add = window_action(self, "Ctrl+Shift+A", self.add_case)
        self.act_decide = window_action(self, "Ctrl+D", self.record_decision)
        self.act_withdraw = window_action(self, "Del", self.withdraw_case)
        self.act_chart = window_action(self, "Ctrl+O", self.open_chart)
        self.act_focus_meetings = window_action(self, "Alt+1", lambda: self._focus(self.meetings))
        self.act_focus_cases = window_action(self, "Alt+2", lambda: self._focus(self.cases))
        self.lang_group = QActionGroup(self)
        self.lang_actions: dict[str, QAction] = {}
        stored = QSettings().value(SETTING_PACK_LANGUAGE, "")
        ui_zh = str(QSettings().value("ui/language", "")).startswith("zh")
        current = stored if stored in ("en", "zh") else ("zh" if ui_zh else "en")
        for code, name in PACK_LANGUAGES:
            act = QAction(name, self)
            act.setCheckable(True)
            act.setChecked(code == current)
            act.triggered.connect(lambda _c=False, c=code: self.set_pack_language(c))
            self.lang_group.addAction(act)
            self.lang_actions[code] = act
        bar = self.menuBar()
        self.menu_meeting = bar.addMenu("")
        for act in (self.act_new, self.act_edit, self.act_pack):
            self.menu_meeting.addAction(act)
        self.menu_lang = self.menu_meeting.addMenu("")
        for act in self.lang_actions.values():
            self.menu_lang.addAction(act)
        self.menu_meeting.addSeparator()
        for act in (self.act_reload, self.act_close):
            self.menu_meeting.addAction(act)
        self.menu_case = bar.addMenu("")
        for act in (self.act_add, self.act_decide, self.act_withdraw, self.act_chart):
            self.menu_case.addAction(act)
        self.menu_view = bar.addMenu("")
        for act in (self.act_focus_meetings, self.act_focus_cases):
            self.menu_view.addAction(act)
        tools = self.addToolBar("")
        tools.setObjectName("mdtToolbar")
        tools.setMovable(False)
        for act in (self.act_new, self.act_add, self.act_decide, self.act_withdraw,
                    self.act_pack):
            tools.addAction(act)
        self.toolbar = tools

    def pack_language(self) -> str:
        return next(c for c, a in self.lang_actions.items() if a.isChecked())

    def set_pack_language(self, code: str) -> None:
        self.lang_actions[code].setChecked(True)
        QSettings().setValue(SETTING_PACK_LANGUAGE, code)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("MDT meetings"))
        self.menu_meeting.setTitle(self.tr("&Meeting"))
        self.menu_case.setTitle(self.tr("&Case"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_lang.setTitle(self.tr("Pack &language"))
        self.toolbar.setWindowTitle(self.tr("MDT actions"))
        texts = {
            self.act_new: self.tr("&New meeting…"), self.act_edit: self.tr("&Edit meeting…"),
            self.act_pack: self.tr("&Generate case pack…"),
            self.act_reload: self.tr("&Reload"), self.act_close: self.tr("&Close"),
            self.act_add: self.tr("&Add patient…"), self.act_decide: self.tr("Record &decision…"),
            self.act_withdraw: self.tr("&Withdraw case…"), self.act_chart: self.tr("&Open chart"),
            self.act_focus_meetings: self.tr("Go to meetings"),
            self.act_focus_cases: self.tr("Go to cases"),
        }
        for act, text in texts.items():
            act.setText(text)
            keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            act.setToolTip(f"{text.replace('&', '')} ({keys})" if keys else text)
        self.act_pack.setStatusTip(self.tr(
            "One PDF: a cover page listing the cases, then one summary per case"))
        self.meetings_title.setText(self.tr("Meetings (upcoming first):"))
        self.meetings.setAccessibleName(self.tr("MDT meetings"))
        self.cases.setAccessibleName(self.tr("Cases of the selected meeting"))
        self._show_header()
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not widget.currentIndex().isValid() and widget.model().rowCount():
            widget.setCurrentIndex(widget.model().index(0, 0))

    # ---- data -----------------------------------------------------------------------------
    def current_meeting(self) -> Meeting | None:
        index = self.meetings.currentIndex()
        return self.meetings_model.meeting(index.row()) if index.isValid() else None

    def current_case(self) -> MdtCaseRow | None:
        index = self.cases.currentIndex()
        return self.cases_model.case(index.row()) if index.isValid() else None

    def reload(self, meeting_id: int | None = None, case_id: int | None = None) -> None:
        """Reload the meetings (keeping or moving to ``meeting_id``) and the cases."""
        keep = self.current_meeting()
        keep_case = self.current_case()
        meeting_id = meeting_id if meeting_id is not None else (keep.id if keep else None)
        case_id = case_id if case_id is not None else (keep_case.id if keep_case else None)
        self.meetings_model.set_meetings(self.service.list_meetings(), self.today())
        row = self.meetings_model.row_of(meeting_id) if meeting_id is not None else None
        if row is None and self.meetings_model.rowCount():
            row = 0
        if row is not None:
            self.meetings.setCurrentIndex(self.meetings_model.index(row, 0))
        self._load_cases(case_id)

    def select_meeting(self, meeting_id: int) -> bool:
        row = self.meetings_model.row_of(meeting_id)
        if row is None:
            return False
        self.meetings.setCurrentIndex(self.meetings_model.index(row, 0))
        return True

    def _load_cases(self, case_id: int | None = None) -> None:
        m = self.current_meeting()
        self.cases_model.set_cases(self.service.list_cases(m.id) if m else [])
        row = self.cases_model.row_of(case_id) if case_id is not None else None
        if row is None and self.cases_model.rowCount():
            row = 0
        if row is not None:
            self.cases.setCurrentIndex(self.cases_model.index(row, 0))
        self._show_header()
        self._update_actions()

    def _show_header(self) -> None:
        m = self.current_meeting()
        if m is None:
            self.meeting_header.setText(self.tr("No meeting yet — create one with Ctrl+N."))
            return
        text = self.tr("Cases of %1 (%2)").replace("%1", m.meeting_date.isoformat())
        text = text.replace("%2", str(self.cases_model.rowCount()))
        if m.title:
            text += f" — {m.title}"
        where = [x for x in (m.details.start_time, m.details.place) if x]
        if where:
            text += " · " + " · ".join(where)
        self.meeting_header.setText(text)

    def decision_block(self) -> str:
        """Why Record decision is unavailable for the current case ("" = available)."""
        c = self.current_case()
        if c is None:
            return self.tr("Select a case to record its decision.")
        if c.decision:
            when = c.decided_at.date().isoformat() if c.decided_at else ""
            return (self.tr("Decision recorded by %1 on %2.").replace("%1", c.decided_by or "")
                    .replace("%2", when))
        if self.today() < c.meeting_date:
            return self.tr("The decision can be recorded from the meeting date (%1) on.").replace(
                "%1", c.meeting_date.isoformat())
        return ""

    def _update_actions(self) -> None:
        m, c = self.current_meeting(), self.current_case()
        busy = self.builder is not None
        self.act_add.setEnabled(m is not None)
        self.act_edit.setEnabled(m is not None)
        self.act_pack.setEnabled(m is not None and not busy)
        self.act_withdraw.setEnabled(c is not None)
        self.act_chart.setEnabled(c is not None)
        block = self.decision_block()
        self.act_decide.setEnabled(not block)
        self.act_decide.setStatusTip(block)
        self.decision_hint.setText(block if c is not None else "")

    # ---- actions --------------------------------------------------------------------------
    def _open_dialog(self, dialog: QWidget) -> None:
        if self.dialog is not None:
            self.dialog.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self, _result: int = 0) -> None:
        self.dialog = None

    def new_meeting(self) -> None:
        dialog = MeetingDialog(self.service, self.today(), self)
        dialog.created.connect(lambda m: self.reload(meeting_id=m.id))
        self._open_dialog(dialog)

    def edit_meeting(self) -> None:
        m = self.current_meeting()
        if m is None:
            return
        dialog = MeetingDialog(self.service, self.today(), self, meeting=m)
        dialog.created.connect(lambda saved: self.reload(meeting_id=saved.id))
        self._open_dialog(dialog)

    def add_case(self) -> None:
        m = self.current_meeting()
        if m is None:
            return
        dialog = AddCaseDialog(self.service, self.registry, [m], meeting_id=m.id, parent=self)
        dialog.added.connect(self._case_added)
        self._open_dialog(dialog)

    def _case_added(self, row: MdtCaseRow) -> None:
        self.reload(meeting_id=row.meeting_id, case_id=row.id)
        self.casesChanged.emit(row.patient_id)

    def record_decision(self) -> None:
        c = self.current_case()
        if c is None or self.decision_block():
            return
        dialog = DecisionDialog(self.service, c, self.today(), self)
        dialog.recorded.connect(self._case_added)
        self._open_dialog(dialog)

    def withdraw_case(self) -> None:
        c = self.current_case()
        if c is None:
            return
        ask = QInputDialog(self)
        ask.setObjectName("mdtWithdrawDialog")
        ask.setWindowTitle(self.tr("Withdraw case"))
        ask.setLabelText(self.tr(
            "Why is %1 withdrawn from this meeting? (kept in the audit trail)").replace(
                "%1", c.mrn))
        ask.textValueSelected.connect(lambda reason: self._withdraw(c, reason))
        self._open_dialog(ask)

    def _withdraw(self, c: MdtCaseRow, reason: str) -> None:
        try:
            self.service.withdraw_case(c.id, reason, version=c.version)
        except MdtError as exc:
            QMessageBox.warning(self, self.tr("Withdraw case"), self.tr(
                "Nothing was changed: %1").replace("%1", problem_text(exc)))
            return
        self.reload()
        self.casesChanged.emit(c.patient_id)

    def open_chart(self) -> None:
        c = self.current_case()
        if c is not None:
            self.patientActivated.emit(c.patient_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.builder is not None:
            self.builder.cancel()
        if self.dialog is not None:
            self.dialog.close()
        super().closeEvent(event)
