"""The MDT window's dialogs: new or edit meeting (date, title, time, place, chair, attendees),
add a patient with a question, record a decision.

Each validates on OK through :class:`~app.services.mdt_service.MdtService` and shows a refusal
under the field it is about (text, marked "⚠", not colour alone); nothing is saved then and
the dialog stays open. Enter in a one-line field presses OK; Tab leaves the text boxes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.mdt_service import (
    QUESTION_MAX,
    TITLE_MAX,
    MdtCaseRow,
    MdtError,
    MdtService,
    Meeting,
    MeetingDetails,
)
from app.services.registry import RegistryService
from app.ui.actions import save_action

translate = QCoreApplication.translate


def problem_text(exc: MdtError) -> str:
    """The refusal in the UI language (the service speaks English)."""
    p = exc.problem
    known = {
        "required": translate("MdtErrors", "required"),
        "a meeting on this date already exists":
            translate("MdtErrors", "a meeting on this date already exists"),
        "no patient with this MRN in the registry":
            translate("MdtErrors", "no patient with this MRN in the registry"),
        "no patient with this MRN, name or pinyin in the registry":
            translate("MdtErrors", "no patient with this MRN, name or pinyin in the registry"),
        "several patients match: pick one from the list":
            translate("MdtErrors", "several patients match: pick one from the list"),
        "this patient is already listed for this meeting":
            translate("MdtErrors", "this patient is already listed for this meeting"),
        "the meeting has not taken place yet":
            translate("MdtErrors", "the meeting has not taken place yet"),
        "no such meeting": translate("MdtErrors", "no such meeting (reload the list)"),
        "no such MDT case": translate("MdtErrors", "no such case (reload the list)"),
        "expected a time HH:MM (24-hour)":
            translate("MdtErrors", "expected a time HH:MM (24-hour), e.g. 14:30"),
    }
    if p in known:
        return known[p]
    if p.startswith("too long"):
        limit = "".join(ch for ch in p if ch.isdigit())
        return translate("MdtErrors", "too long (at most %1 characters)").replace("%1", limit)
    if p.startswith("already recorded"):
        return translate("MdtErrors", "already recorded; withdraw the case (entered in error) "
                         "and list it again to correct it")
    if p.startswith("changed by someone else"):
        return translate("MdtErrors", "changed on another workstation; reload the list")
    return p


class PlainText(QPlainTextEdit):
    """A text box that Tab leaves (keyboard-first). ``multiline`` (attendees, a decision):
    Enter writes a new line and Ctrl+Enter submits; otherwise (the question) Enter submits
    the dialog like in a one-line field and Shift+Enter writes a new line."""

    def __init__(self, parent: QWidget | None = None, *, multiline: bool = True) -> None:
        super().__init__(parent)
        self.multiline = multiline
        self.setTabChangesFocus(True)
        self.setMinimumHeight(80 if multiline else 50)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (not self.multiline and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            event.ignore()  # the dialog's default button (OK) takes it
            return
        super().keyPressEvent(event)

    def text(self) -> str:
        return self.toPlainText()


class FormDialog(QDialog):
    """Fields with an error line under each; OK calls ``submit()`` (given by the owner; it
    may raise :class:`MdtError`, shown under its field) and closes only when it succeeds,
    keeping its return value in ``result_value``."""

    def __init__(self, submit: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
        self.result_value: Any = None
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        save_action(self, self.try_accept)  # Ctrl+S / Ctrl+Enter, from any field
        self.general_error = QLabel(self)
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget)
        err = QLabel(box)
        err.setObjectName(f"error_{key}")
        err.setWordWrap(True)
        err.setStyleSheet("color: #b00020;")
        err.hide()
        v.addWidget(err)
        self.errors[key] = err
        lab = QLabel(label, self)
        lab.setBuddy(widget)
        self.form.addRow(lab, box)
        return widget

    def clear_errors(self) -> None:
        for err in (*self.errors.values(), self.general_error):
            err.clear()
            err.hide()

    def show_error(self, field: str, text: str) -> None:
        target = self.errors.get(field, self.general_error)
        target.setText("⚠ " + text)
        target.show()

    def error_text(self, field: str) -> str:
        return self.errors.get(field, self.general_error).text()

    def try_accept(self) -> None:
        self.clear_errors()
        try:
            self.result_value = self._submit()
        except MdtError as exc:
            self.show_error(exc.field, problem_text(exc))
            return
        self.accept()


class MeetingDialog(FormDialog):
    """Create a meeting (date, next week by default) or edit one (``meeting``: its date
    stays): title, start time, place, chair and attendees, all optional."""

    created = Signal(object)  # Meeting (new or edited)

    def __init__(self, service: MdtService, today: date, parent: QWidget | None = None,
                 meeting: Meeting | None = None) -> None:
        super().__init__(self.submit, parent)
        self.setObjectName("mdtMeetingDialog")
        self.service = service
        self.meeting = meeting
        self.setWindowTitle(self.tr("New MDT meeting") if meeting is None
                            else self.tr("Edit MDT meeting"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        d = today + timedelta(days=7) if meeting is None else meeting.meeting_date
        self.date_edit.setDate(QDate(d.year, d.month, d.day))
        self.date_edit.setEnabled(meeting is None)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("e.g. Thoracic oncology MDT"))
        self.time_edit = QLineEdit(self)
        self.time_edit.setPlaceholderText(self.tr("HH:MM, e.g. 14:00"))
        self.place_edit = QLineEdit(self)
        self.place_edit.setPlaceholderText(self.tr("e.g. Conference room 3, or a video link"))
        self.chair_edit = QLineEdit(self)
        self.attendees_edit = PlainText(self)
        self.attendees_edit.setPlaceholderText(self.tr("One name (and specialty) per line"))
        self.add_field("meeting_date", self.tr("Meeting &date:"), self.date_edit)
        self.add_field("title", self.tr("&Title (optional):"), self.title_edit)
        self.add_field("start_time", self.tr("T&ime:"), self.time_edit)
        self.add_field("place", self.tr("&Place:"), self.place_edit)
        self.add_field("chair", self.tr("C&hair:"), self.chair_edit)
        self.add_field("attendees", self.tr("&Attendees:"), self.attendees_edit)
        if meeting is not None:
            det = meeting.details
            self.title_edit.setText(meeting.title or "")
            for edit, text in ((self.time_edit, det.start_time), (self.place_edit, det.place),
                               (self.chair_edit, det.chair)):
                edit.setText(text or "")
            self.attendees_edit.setPlainText(det.attendees or "")
        first = self.date_edit if meeting is None else self.title_edit
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setMinimumWidth(520)

    def meeting_date(self) -> date:
        q = self.date_edit.date()
        return date(q.year(), q.month(), q.day())

    def details(self) -> MeetingDetails:
        return MeetingDetails(self.time_edit.text(), self.place_edit.text(),
                              self.chair_edit.text(), self.attendees_edit.text())

    def submit(self) -> Meeting:
        title = self.title_edit.text()
        if len(title.strip()) > TITLE_MAX:
            raise MdtError("title", f"too long (at most {TITLE_MAX} characters)")
        if self.meeting is None:
            meeting = self.service.create_meeting(self.meeting_date(), title, self.details())
        else:
            meeting = self.service.edit_meeting(self.meeting.id, title=title,
                                                details=self.details(),
                                                version=self.meeting.version)
        self.created.emit(meeting)
        return meeting


class AddCaseDialog(FormDialog):
    """List a patient for a meeting with the question for the MDT. ``meetings``: the choice
    of meetings (one = fixed); ``mrn``: a fixed patient (from the chart)."""

    added = Signal(object)  # MdtCaseRow

    def __init__(self, service: MdtService, registry: RegistryService, meetings: list[Meeting],
                 *, meeting_id: int | None = None, mrn: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.submit, parent)
        self.setObjectName("mdtAddCaseDialog")
        self.service = service
        self.registry = registry
        self.setWindowTitle(self.tr("Add a patient to an MDT meeting"))
        self.meeting_combo = QComboBox(self)
        for m in meetings:
            text = m.meeting_date.isoformat() + (f" — {m.title}" if m.title else "")
            self.meeting_combo.addItem(text, m.id)
        if meeting_id is not None:
            self.meeting_combo.setCurrentIndex(max(0, self.meeting_combo.findData(meeting_id)))
        self.meeting_combo.setEnabled(len(meetings) > 1)
        self.mrn_edit = QLineEdit(self)
        self.mrn_edit.setPlaceholderText(self.tr("MRN, name or pinyin — pick from the list"))
        self.completions = QStringListModel(self)
        self.completer = QCompleter(self.completions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # the registry search has filtered already (pinyin, initials): show its rows as they are
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.activated.connect(self._picked)
        self.mrn_edit.setCompleter(self.completer)
        self.mrn_edit.textEdited.connect(self._search)
        self.mrn_edit.textChanged.connect(lambda text: self._show_patient(text.strip()))
        self.patient_label = QLabel(self)
        self.question_edit = PlainText(self, multiline=False)
        self.question_edit.setPlaceholderText(
            self.tr("What should the MDT decide? e.g. radiotherapy or surgery for L3?"))
        self.add_field("meeting", self.tr("&Meeting:"), self.meeting_combo)
        self.add_field("mrn", self.tr("&Patient (MRN):"), self.mrn_edit)
        self.form.addRow("", self.patient_label)
        self.add_field("question", self.tr("&Question:"), self.question_edit)
        if mrn is not None:
            self.mrn_edit.setText(mrn)
            self.mrn_edit.setReadOnly(True)
            self.question_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.mrn_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(560, 320)

    def _search(self, text: str) -> None:
        text = text.strip()
        rows = self.registry.search(text, limit=20) if len(text) >= 1 else []
        self.completions.setStringList([f"{r.mrn}  {r.name or ''}".rstrip() for r in rows])
        if rows and self.mrn_edit.hasFocus():
            self.completer.complete()

    def _picked(self, text: str) -> None:
        self.mrn_edit.setText(text)  # "MRN  name": resolved like anything typed

    def _show_patient(self, text: str) -> None:
        """Name the patient the field resolves to (before OK), or say that several match."""
        rows = self.registry.resolve(text) if text else []
        if len(rows) == 1:
            self.patient_label.setText(rows[0].name or rows[0].mrn)
        elif rows:
            self.patient_label.setText(self.tr("%1 patients match — pick one from the list")
                                       .replace("%1", f"{len(rows)}+" if len(rows) >= 10
                                                else str(len(rows))))
        else:
            self.patient_label.setText("")

    def submit(self) -> MdtCaseRow:
        if self.meeting_combo.count() == 0:
            raise MdtError("meeting", "no such meeting")
        if len(self.question_edit.text().strip()) > QUESTION_MAX:
            raise MdtError("question", f"too long (at most {QUESTION_MAX} characters)")
        rows = self.registry.resolve(self.mrn_edit.text())
        if len(rows) > 1:
            raise MdtError("mrn", "several patients match: pick one from the list")
        if not rows:
            if not self.question_edit.text().strip():
                raise MdtError("question", "required")  # report it first, as the service does
            raise MdtError("mrn", "no patient with this MRN, name or pinyin in the registry")
        row = self.service.add_case(self.meeting_combo.currentData(), rows[0].mrn,
                                    self.question_edit.text())
        self.added.emit(row)
        return row


class DecisionDialog(FormDialog):
    """Record the MDT's decision for one case (after the meeting)."""

    recorded = Signal(object)  # MdtCaseRow

    def __init__(self, service: MdtService, case: MdtCaseRow, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.submit, parent)
        self.setObjectName("mdtDecisionDialog")
        self.service = service
        self.case = case
        self.today = today
        self.setWindowTitle(self.tr("Record the MDT decision"))
        who = QLabel(f"{case.mrn}  {case.name or ''}  ·  {case.meeting_date.isoformat()}", self)
        question = QLabel(case.question or "—", self)
        question.setWordWrap(True)
        question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.tr("Patient:"), who)
        self.form.addRow(self.tr("Question:"), question)
        self.decision_edit = PlainText(self)
        self.add_field("decision", self.tr("&Decision:"), self.decision_edit)
        note = QLabel(self.tr("Recorded once, with your name and the time (audit trail)."), self)
        note.setWordWrap(True)
        self.form.addRow("", note)
        self.decision_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(560, 340)

    def submit(self) -> MdtCaseRow:
        row = self.service.record_decision(self.case.id, self.decision_edit.text(),
                                           version=self.case.version, today=self.today)
        self.recorded.emit(row)
        return row
