"""The lab panel dialog: several results of one sample in one dialog (issue 20).

Keyboard-first: it opens on the collection date (Alt+D); Tab goes date → each analyte's value
and unit → fasting → method → Save; Ctrl+S / Ctrl+Enter save, Esc cancels. Each analyte offers
only its §1 units. Empty values are skipped. A value outside the analyte's plausible band shows
a tick box "confirm" beside it (saving needs it; the confirmation is audited); an impossible
value is refused with the analyte named. The chart passes the last date used and keeps the one
saved (:attr:`LabPanelDialog.used_at`) until it is closed. Saving: :func:`app.services.lab_panel.
add_panel` (one transaction).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain.units import ANALYTES
from app.services.lab_panel import PanelResult, add_panel
from app.services.records import RecordsService
from app.services.records_validate import ValidationFailed
from app.ui.actions import save_action
from app.ui.forms.base import ERROR_STYLE, field_message
from app.ui.forms.choices import analyte_label
from app.ui.forms.fields import BoolInput, ChoiceInput, DateTimeInput, NumberInput, TextInput

#: the bone panel of the issue (ALP, CTX, calcium, albumin, creatinine), then the others
PANEL = ("ALP", "CTX", "CA", "ALB", "CREA", "BALP", "PINP", "ICA", "VITD")


class LabPanelDialog(QDialog):
    """Emits ``saved()`` after the panel was written."""

    saved = Signal()

    def __init__(self, service: RecordsService, patient_id: int, *,
                 last_at: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labPanelDialog")
        self.service = service
        self.patient_id = patient_id
        self.used_at: datetime | None = None
        now = last_at or datetime.combine(service.today(), datetime.now().time()).replace(
            second=0, microsecond=0)
        self.when = DateTimeInput(self, now=now)
        date_label = QLabel(self.tr("Collected (&date, time)"), self)
        date_label.setBuddy(self.when.focusProxy())
        grid = QGridLayout()
        grid.addWidget(date_label, 0, 0)
        grid.addWidget(self.when, 0, 1, 1, 3)
        self.values: dict[str, NumberInput] = {}
        self.units: dict[str, ChoiceInput] = {}
        self.confirm: dict[str, QCheckBox] = {}
        self.errors: dict[str, QLabel] = {}
        for row, key in enumerate(PANEL, start=1):
            info = ANALYTES[key]
            value, unit = NumberInput(self), ChoiceInput(info.units_display, optional=False,
                                                         labeller=str, parent=self)
            value.setAccessibleName(analyte_label(key))
            unit.setAccessibleName(self.tr("Unit of %1").replace("%1", key))
            box = QCheckBox(self.tr("confirm"), self)
            box.setToolTip(self.tr("The value is outside the plausible range: tick to confirm "
                                   "it was read correctly (recorded in the audit log)"))
            box.hide()
            error = QLabel(self)
            error.setStyleSheet(ERROR_STYLE)
            error.setObjectName(f"error_{key}")
            lab = QLabel(analyte_label(key), self)
            lab.setBuddy(value)
            for col, w in enumerate((lab, value, unit, box, error)):
                grid.addWidget(w, row, col)
            self.values[key], self.units[key] = value, unit
            self.confirm[key], self.errors[key] = box, error
            value.textChanged.connect(lambda _t, k=key: self._clear(k))
        self.fasting = BoolInput(self)
        self.method = TextInput(self)
        extra = len(PANEL) + 1
        for i, (text, w) in enumerate(((self.tr("&Fasting sample"), self.fasting),
                                       (self.tr("&Method / assay"), self.method))):
            lab = QLabel(text, self)
            lab.setBuddy(w)
            grid.addWidget(lab, extra + i, 0)
            grid.addWidget(w, extra + i, 1, 1, 3)
        self.general = QLabel(self)
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        save_action(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self._tab_order()
        self.setWindowTitle(self.tr("Add: lab panel (one sample)"))
        self.when.focusProxy().setFocus(Qt.FocusReason.OtherFocusReason)

    def _tab_order(self) -> None:
        chain: list[QWidget] = [self.when.focusProxy(), self.when.has_time]
        for key in PANEL:
            chain += [self.values[key], self.units[key], self.confirm[key]]
        chain += [self.fasting, self.method]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _clear(self, key: str) -> None:
        self.errors[key].clear()
        self.confirm[key].hide()
        self.confirm[key].setChecked(False)

    def results(self) -> list[PanelResult]:
        return [PanelResult(k, self.values[k].value(), self.units[k].value() or "")
                for k in PANEL if self.values[k].text().strip()]

    def save(self) -> None:
        shared = {"date": self.when.value(), "fasting": self.fasting.value(),
                  "method": self.method.value()}
        confirmed = [k for k, box in self.confirm.items() if box.isVisible() and box.isChecked()]
        self.general.clear()
        try:
            add_panel(self.service.db, self.service.actor, self.patient_id, shared,
                      self.results(), confirmed=confirmed, today=self.service.today,
                      params=self.service.params)
        except ValidationFailed as exc:
            self._show(exc)
            return
        except LookupError:
            self.general.setText(self.tr("This patient is no longer in the registry. "
                                         "Nothing was saved."))
            return
        self.used_at = self._at()
        self.saved.emit()
        self.accept()

    def _at(self) -> datetime:
        q = self.when.edit.dateTime()
        return datetime(q.date().year(), q.date().month(), q.date().day(), q.time().hour(),
                        q.time().minute())

    def _show(self, exc: ValidationFailed) -> None:
        general, first = [], None
        for e in exc.errors:
            key = e.field[5:].split("]")[0] if e.field.startswith("labs[") else None
            if key in self.errors:
                if e.code == "implausible":
                    text = self.tr("Outside the plausible range %1: tick confirm if it is "
                                   "right.").replace("%1", e.message.split("range ")[-1]
                                                     .split(":")[0])
                    self.confirm[key].show()
                elif e.code == "impossible":
                    text = self.tr("Impossible for %1 (possible: %2): check the value.").replace(
                        "%1", key).replace("%2", e.message.split("outside ")[-1])
                else:
                    text = field_message(e.code, e.message)
                self.errors[key].setText(text)
                first = first or self.values[key]
            elif e.field == "labs":
                general.append(self.tr("Enter at least one value."))
            else:
                general.append(f"{e.field}: {field_message(e.code, e.message)}")
        self.general.setText("\n".join(general))
        if first is not None:
            first.setFocus()
