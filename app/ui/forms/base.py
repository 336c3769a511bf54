"""The shared entry/correction dialog of every chart record kind.

A subclass adds its inputs with :meth:`RecordDialog.add_field` (case-file key, label, input) and
may override :meth:`values`, :meth:`load` and :meth:`update_live` (live helper texts: unit
conversion, scores, dose suggestion). The base does the rest, the same way for every kind:

- **validation**: as the user types (debounced), the values are validated by the records
  service (the case-file rules); each field's problem is shown under the field and as its
  accessible description. "Required" problems wait until the first save attempt. Nothing is
  saved until the whole record is valid.
- **live checks**: when the record is valid, the rules run on the chart plus this record and the
  findings it brings (new ones, and critical ones that block saving) are listed with their
  reasons, before anything is saved.
- **override**: if a critical finding blocks saving, a reason box appears; saving needs a
  written reason, which is stored with the record and in the audit log.
- **conflicts**: a record changed on another workstation meanwhile is reported in a banner.

Keyboard: Enter (as in any dialog), Ctrl+S or Ctrl+Enter saves — after validating and the
checks, never blindly — Esc cancels; Tab walks the fields in order; Alt+underlined letter
jumps to a field.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.finding_subject import finding_key, is_new
from app.domain.findings import Finding
from app.services.records import (
    ConcurrentEditError,
    OverrideRequired,
    RecordsService,
    ValidationFailed,
    blocking_findings,
)
from app.services.records_map import StoredRecord
from app.ui.actions import save_action
from app.ui.chart.findings_view import FindingsView
from app.ui.forms.choices import kind_label

ERROR_STYLE = "color: #b00020;"
BANNER_STYLE = ("QLabel { background: #fde7e9; color: #7d0012; border: 1px solid #b00020;"
                " padding: 6px; }")
PREVIEW_DELAY_MS = 250
translate = QCoreApplication.translate


def field_message(code: str, message: str) -> str:
    """The user's text for a field problem: translated by code, with the service's detail
    (allowed range, the unit) kept where it carries one."""
    fixed = {
        "required": translate("RecordDialog", "Required."),
        "future": translate(
            "RecordDialog", "In the future: only a planned record can be dated after today."),
        "unit": translate("RecordDialog", "This unit is not accepted for this analyte."),
        "too_short": translate(
            "RecordDialog", "Too short: write at least 10 characters saying why."),
    }
    if code in fixed:
        return fixed[code]
    if code == "type":
        if "whole number" in message:
            return translate("RecordDialog", "Enter a whole number.")
        if "number" in message:
            return translate("RecordDialog", "Enter a number.")
        if "date" in message:
            return translate("RecordDialog", "Enter a valid date.")
    if code == "out_of_range":
        return translate("RecordDialog", "Out of range: %1").replace("%1", problem_text(message))
    return translate("RecordDialog", "Not allowed: %1").replace("%1", problem_text(message))


def _problem_forms() -> tuple[tuple[re.Pattern[str], str], ...]:
    # literal translate() calls, so that lupdate finds every template
    return (
        (re.compile(r"must be (-?[\d.]+)–(-?[\d.]+)(?: (.+))?"),
         translate("RecordDialog", "must be %1–%2 %3")),
        (re.compile(r"must be ≥ (-?[\d.]+)"), translate("RecordDialog", "must be at least %1")),
        (re.compile(r"must be at most ([\d.]+) mg"),
         translate("RecordDialog", "must be at most %1 mg")),
        (re.compile(r"must be > 0"), translate("RecordDialog", "must be greater than 0")),
        (re.compile(r"must not be negative"), translate("RecordDialog", "must not be negative")),
        (re.compile(r"must be a multiple of (\d+)"),
         translate("RecordDialog", "must be a multiple of %1")),
        (re.compile(r"must not be above ref_high"),
         translate("RecordDialog", "must not be above the upper reference limit")),
        (re.compile(r"must not be before (\d+)"),
         translate("RecordDialog", "must not be before %1")),
        (re.compile(r"is not a drug of the catalogue"),
         translate("RecordDialog", "is not a drug of the catalogue")),
        (re.compile(r"must not be before the birth date"),
         translate("OncologyHistory", "must not be before the birth date")),
        (re.compile(r"must not be before start"),
         translate("OncologyHistory", "must not be before the start")),
        (re.compile(r"must be 0 for a never-smoker"),
         translate("OncologyHistory", "must be 0 for a never-smoker")),
        (re.compile(r"only a stopped line has a reason for stop"),
         translate("OncologyHistory", "only a stopped line has a reason for stop")),
        (re.compile(r"must have at most (\d+) drugs"),
         translate("OncologyHistory", "must have at most %1 drugs")),
    )


def problem_text(message: str) -> str:
    """A validator's problem (English, from the service) in the UI language, for the forms it
    takes; another text is shown as it is."""
    for pattern, template in _problem_forms():
        m = pattern.fullmatch(message.strip())
        if m is None:
            continue
        text = template
        for i, value in enumerate(m.groups(), start=1):
            if value == "days":
                value = translate("RecordDialog", "days")
            text = text.replace(f"%{i}", value or "")
        return text.strip()
    return message


class RecordDialog(QDialog):
    """Add (``stored`` None) or correct (``stored`` given) one record of :attr:`KIND`."""

    KIND = ""
    saved = Signal(str, int)  # kind, new record id

    def __init__(self, service: RecordsService, patient_id: int, *,
                 stored: StoredRecord | None = None, baseline: list[Finding] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.patient_id = patient_id
        self.stored = stored
        # a finding is "new" when its (rule, subject) was not on the chart (issue 20)
        self._baseline_keys = {finding_key(f) for f in baseline or []}
        self.inputs: dict[str, Any] = {}
        self._errors: dict[str, QLabel] = {}
        self._attempted = False
        self._blocking: list[Finding] = []
        self.record: Any = None
        self.pending: list[Finding] = []

        self.setObjectName(f"form_{self.KIND}")
        self.banner = QLabel(self)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.live = QLabel(self)  # helper texts of the subclass (conversion, scores, dose)
        self.live.setWordWrap(True)
        self.live.setTextFormat(Qt.TextFormat.PlainText)
        self.live.hide()
        self.checks_title = QLabel(self.tr("Checks with this record (rule, reason, source):"),
                                   self)
        self.checks = FindingsView(self, compact=True)
        self.checks.setMinimumHeight(110)
        self.override_label = QLabel(self)
        self.override_label.setWordWrap(True)
        self.override_label.setStyleSheet(ERROR_STYLE)
        self.override_reason = QPlainTextEdit(self)
        self.override_reason.setTabChangesFocus(True)
        self.override_reason.setMaximumHeight(70)
        self.override_reason.setPlaceholderText(
            self.tr("Why is this given despite the critical finding? (kept in the audit log)"))
        self.override_reason.setAccessibleName(self.tr("Override reason"))
        self.override_label.setBuddy(self.override_reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        save_btn = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_btn.setToolTip(self.tr("Save the record (Ctrl+S)"))
        self.save_action = save_action(self, self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addWidget(self.live)
        layout.addWidget(self.checks_title)
        layout.addWidget(self.checks, 1)
        layout.addWidget(self.override_label)
        layout.addWidget(self.override_reason)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

        self.build()
        if stored is not None:
            self.load(stored.record)
        title = self.tr("Correct: %1") if stored else self.tr("Add: %1")
        self.setWindowTitle(title.replace("%1", kind_label(self.KIND)))
        self._show_override(False)
        self.resize(900, 700)
        self.refresh()
        self.focus_first_input()

    # ---- for subclasses -------------------------------------------------------------------
    def build(self) -> None:
        """Add the inputs (``add_field``)."""

    def load(self, record: Any) -> None:
        """Fill the inputs from an existing record (correction)."""
        for key, widget in self.inputs.items():
            if hasattr(record, key):
                widget.set_value(getattr(record, key))

    def values(self) -> dict[str, Any]:
        """The record as case-file values."""
        return {key: w.value() for key, w in self.inputs.items() if w.isEnabled()}

    def update_live(self, record: Any | None) -> str:
        """Helper text under the fields (empty = hidden)."""
        return ""

    def preview(self, record: Any) -> list[Finding]:
        """Findings with the pending record (the chart's rules)."""
        replaces = self.stored.rid if self.stored else None
        return self.service.pending_findings(self.patient_id, record, replaces=replaces)

    def store(self, record: Any, reason: str | None) -> int:
        """Save; returns the new record id."""
        if self.stored is None:
            return self.service.add(self.patient_id, record, override_reason=reason).record_id
        return self.service.correct(self.patient_id, self.stored.rid, self.stored.version,
                                    record, override_reason=reason).record_id

    def focus_first_input(self) -> None:
        """Open on the first enabled input (never on the checks table or Save)."""
        first = next((w for w in self.inputs.values() if w.isEnabled() and not w.isHidden()),
                     None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- fields ---------------------------------------------------------------------------
    def add_field(self, key: str, text: str, widget: Any, tip: str | None = None) -> Any:
        error = QLabel(self)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        error.setObjectName(f"error_{key}")
        box = QWidget(self)
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(1)
        v.addWidget(widget)
        v.addWidget(error)
        lab = QLabel(text, self)
        # a composite input (date + "time known") takes Alt+letter at its focus proxy: a label
        # skips a buddy that cannot take focus itself (issue 20: Alt+D did nothing)
        lab.setBuddy(widget.focusProxy() or widget)
        widget.setAccessibleName(text.replace("&", ""))
        if tip:
            widget.setToolTip(tip)
        self.form.addRow(lab, box)
        widget.setObjectName(f"field_{key}")
        self.inputs[key] = widget
        self._errors[key] = error
        widget.changed.connect(self._timer.start)
        return widget

    def error_text(self, key: str) -> str:
        """The problem shown under a field ('' when none)."""
        lab = self._errors.get(key)
        return lab.text() if lab is not None and not lab.isHidden() else ""

    # ---- live validation and checks -------------------------------------------------------
    def refresh(self) -> None:
        self._timer.stop()
        try:
            self.record = self.service.parse(self.KIND, self.values())
            problems: dict[str, str] = {}
        except ValidationFailed as exc:
            self.record = None
            problems = {e.field: field_message(e.code, e.message) for e in exc.errors
                        if self._attempted or e.code != "required"}
        self._show_errors(problems)
        text = self.update_live(self.record)
        self.live.setText(text)
        self.live.setVisible(bool(text))
        if self.record is None:
            self.pending = []
            self._blocking = []
            self.checks.set_findings([])
            self._show_override(False)
            return
        self.pending = self.preview(self.record)
        self._blocking = blocking_findings(self.KIND, self.pending)
        blocking_rules = {f.rule for f in self._blocking}
        new = [is_new(f, self._baseline_keys) for f in self.pending]
        shown = [(f, fresh) for f, fresh in zip(self.pending, new, strict=True)
                 if f.rule in blocking_rules or fresh or self.relevant(f)]
        marks = {}
        for i, (f, fresh) in enumerate(shown):
            if f.rule in blocking_rules:
                marks[i] = self.tr("blocks saving")
            elif fresh:
                marks[i] = self.tr("new")
        self.checks.set_findings([f for f, _ in shown], marks)
        self.checks_title.setText(
            self.tr("Checks with this record (rule, reason, source):") if shown
            else self.tr("Checks with this record: no new finding."))
        self._show_override(bool(self._blocking))

    def relevant(self, finding: Finding) -> bool:
        """Also list this already-firing finding in the checks (subclasses widen this)."""
        return False

    def _show_errors(self, problems: dict[str, str]) -> None:
        for key, lab in self._errors.items():
            msg = problems.get(key, "")
            lab.setText(msg)
            lab.setVisible(bool(msg))
            self.inputs[key].setAccessibleDescription(msg)
        other = {k: v for k, v in problems.items() if k not in self._errors}
        if other:
            self._banner("; ".join(f"{k}: {v}" for k, v in other.items()))
        elif self.banner.isVisible() and self._attempted:
            self.banner.hide()

    def _show_override(self, on: bool) -> None:
        if on:
            rules = ", ".join(dict.fromkeys(f.rule for f in self._blocking))
            self.override_label.setText(self.tr(
                "Critical finding (%1): saving is blocked. To give it anyway, type the reason "
                "for the override (at least 10 characters).").replace("%1", rules))
        self.override_label.setVisible(on)
        self.override_reason.setVisible(on)

    def _banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()

    # ---- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        self._attempted = True
        self.refresh()
        if self.record is None:
            self._focus_first_error()
            return
        reason = self.override_reason.toPlainText().strip() or None
        try:
            rid = self.store(self.record, reason)
        except OverrideRequired as exc:
            self._blocking = exc.findings
            self._show_override(True)
            self.override_reason.setFocus()
            return
        except ValidationFailed as exc:
            msgs = "; ".join(field_message(e.code, e.message) for e in exc.errors)
            if any(e.field == "override_reason" for e in exc.errors):
                self.override_label.setText(msgs)
                self.override_reason.setFocus()
            else:
                self._banner(msgs)
            return
        except ConcurrentEditError:
            self._banner(self.tr(
                "This record was changed on another workstation since the chart was opened. "
                "Nothing was saved. Close this form and reopen it from the refreshed chart."))
            return
        except LookupError:
            self._banner(self.tr("This patient is no longer in the registry. Nothing was saved."))
            return
        self.saved.emit(self.KIND, int(rid or 0))
        self.accept()

    def _focus_first_error(self) -> None:
        for key, lab in self._errors.items():
            if not lab.isHidden():
                self.inputs[key].setFocus()
                return
