"""BMA administration form (a dose given or planned) with live safety checks.

As the dose is typed, the form shows the suggested dose with everything it was computed from —
for a bisphosphonate the dose for its CrCl (zoledronic acid's CrCl-adjusted dose; the band of
the other bisphosphonates, rules/2) with the creatinine (value, unit, date), weight, age, sex
and CrCl used — and the rules run on the chart plus this dose: concurrent denosumab and
bisphosphonate, renal dose / contraindication, calcium, dental clearance, overdose, no recorded
indication. Which findings are listed and which block saving is the domain's policy
(:mod:`app.domain.dose_policy`): a critical finding blocks saving until an override reason is
typed (kept with the dose and in the audit log). Ctrl+G fills in the suggested dose.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton

from app.domain.dose_policy import shown_for_dose
from app.domain.findings import Finding
from app.services.records_dose import DoseSuggestion
from app.ui import labels
from app.ui.chart.record_text import fill, unit_text
from app.ui.forms.base import RecordDialog
from app.ui.forms.choices import CHOICES, label
from app.ui.forms.fields import CheckInput, ChoiceInput, DateInput, NumberInput


class DoseForm(RecordDialog):
    KIND = "administration"

    def build(self) -> None:
        self.date_input = self.add_field("date", self.tr("&Date"),
                                         DateInput(self, today=self.service.today()))
        self.drug = self.add_field("drug", self.tr("D&rug"),
                                   ChoiceInput(CHOICES["drug"], optional=False, parent=self))
        self.dose = self.add_field("dose_mg", self.tr("Dose (m&g)"), NumberInput(self))
        self.planned = self.add_field("planned", self.tr("&Planned"),
                                      CheckInput(self.tr("planned (not yet given)"), self))
        self.use_suggested = QPushButton(self.tr("Use suggested dose (Ctrl+G)"), self)
        self.use_suggested.setToolTip(self.tr("Fill in the dose suggested below (Ctrl+G)"))
        self.use_suggested.clicked.connect(lambda _checked=False: self.apply_suggestion())
        self.form.addRow("", self.use_suggested)
        self.suggest_action = QAction(self)
        self.suggest_action.setShortcut(QKeySequence("Ctrl+G"))
        self.suggest_action.triggered.connect(lambda _checked=False: self.apply_suggestion())
        self.addAction(self.suggest_action)
        self.suggestion: DoseSuggestion | None = None
        self._auto_dose: str | None = "" if self.stored is None else None
        for w in (self.date_input, self.drug, self.planned):
            w.changed.connect(self._suggest)
        self._suggest()

    def _suggest(self) -> None:
        drug = self.drug.value()
        day = date.fromisoformat(self.date_input.value())
        self.suggestion = (None if drug is None else self.service.dose_suggestion(
            self.patient_id, drug, day, planned=self.planned.value()))
        self.use_suggested.setEnabled(bool(self.suggestion and self.suggestion.dose_mg))
        # A dose the form filled in itself follows the suggestion; a typed one is kept.
        if self._auto_dose is not None and self.dose.text() == self._auto_dose:
            dose = self.suggestion.dose_mg if self.suggestion else None
            self.dose.set_value(dose)
            self._auto_dose = self.dose.text()

    def apply_suggestion(self) -> None:
        if self.suggestion and self.suggestion.dose_mg:
            self.dose.set_value(self.suggestion.dose_mg)
            self.refresh()

    def relevant(self, finding: Finding) -> bool:
        return shown_for_dose(finding)

    def update_live(self, record: Any | None) -> str:
        s = self.suggestion
        if s is None:
            return ""
        if s.basis == "label" and s.crcl_ml_min is None:
            return self.tr("Standard oncology dose of %1: %2 mg (label).").replace(
                "%1", label(s.drug)).replace("%2", f"{s.dose_mg:g}")
        if s.basis == "none":
            return self.tr("No standard dose in the catalogue for %1: per site pharmacist."
                           ).replace("%1", label(s.drug))
        name = label(s.drug)
        if s.basis == "no_creatinine":
            return fill(self.tr("%1: no creatinine in the 14 days before this dose — measure "
                                "serum creatinine before dosing; no dose can be suggested."),
                        name)
        weight = fill(self.tr("%1 kg"), f"{s.weight_kg:g}") if s.weight_kg else "—"
        used = fill(self.tr("creatinine %1 %2 on %3, weight %4, age %5, sex %6"),
                    f"{s.creatinine_value:g}", unit_text(s.creatinine_unit or ""),
                    s.creatinine_date.isoformat() if s.creatinine_date else "—", weight,
                    "—" if s.age is None else s.age, labels.sex_label(s.sex))
        if s.basis == "missing":
            return fill(self.tr("%1: CrCl cannot be computed (missing: %2); %3."),
                        name, ", ".join(s.missing), used)
        prov = (self.tr(" (provisional: repeat creatinine before the dose)")
                if s.provisional else "")
        if s.basis == "contraindicated":
            text = (self.tr("%1 contraindicated: CrCl %2 mL/min < %3%4 (%5). Consider "
                            "denosumab with calcium monitoring.")
                    if s.band == "contraindicated" else
                    self.tr("%1 NOT recommended: CrCl %2 mL/min < %3%4 (%5). Consider "
                            "denosumab with calcium monitoring."))
            return fill(text, name, f"{s.crcl_ml_min:g}", f"{s.limit:g}", prov, used)
        if s.basis == "label":  # a bisphosphonate whose CrCl is above every band
            return fill(self.tr("Standard oncology dose of %1: %2 mg (label); CrCl %3 mL/min "
                                "needs no renal adjustment%4 (%5)."),
                        name, f"{s.dose_mg:g}", f"{s.crcl_ml_min:g}", prov, used)
        if s.band == "reduce":
            text = (self.tr("Suggested daily dose of %1 (1600 mg regimen): %2 mg for CrCl %3 "
                            "mL/min%4 (%5), reduced for kidney function (label).")
                    if s.drug == "clodronate" else
                    self.tr("Suggested dose of %1: %2 mg for CrCl %3 mL/min%4 (%5), reduced for "
                            "kidney function (label)."))
            return fill(text, name, f"{s.dose_mg:g}", f"{s.crcl_ml_min:g}", prov, used)
        return fill(self.tr("Suggested zoledronic acid dose: %1 mg for CrCl %2 mL/min%3 (%4)."),
                    f"{s.dose_mg:g}", f"{s.crcl_ml_min:g}", prov, used)
