"""Lab result form: analyte picker, only that analyte's units, value, reference range, fasting,
method and collection date-time. Shows the value converted to the canonical unit as you type
(e.g. CTX 812 pg/mL = 0.812 ng/mL) and the H/L flag against the reported range."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain.context import round_lab
from app.domain.units import ANALYTES, normalise_unit, to_canonical
from app.ui.forms.base import RecordDialog
from app.ui.forms.choices import CHOICES, analyte_label
from app.ui.forms.fields import BoolInput, ChoiceInput, DateTimeInput, NumberInput, TextInput


class LabForm(RecordDialog):
    KIND = "lab"

    def build(self) -> None:
        now = datetime.combine(self.service.today(), datetime.now().time()).replace(
            second=0, microsecond=0)
        self.add_field("date", self.tr("Collected (&date, time)"), DateTimeInput(self, now=now))
        self.analyte = self.add_field(
            "analyte", self.tr("&Analyte"),
            ChoiceInput(CHOICES["lab.analyte"], optional=False, labeller=analyte_label,
                        parent=self))
        self.add_field("value", self.tr("&Value"), NumberInput(self),
                       self.tr("The value exactly as reported by the laboratory"))
        self.unit = self.add_field("unit", self.tr("&Unit"), ChoiceInput((), optional=False,
                                                                         labeller=str,
                                                                         parent=self))
        self.add_field("ref_low", self.tr("Reference &low"), NumberInput(self),
                       self.tr("Lower limit of the laboratory's range, in the reported unit"))
        self.add_field("ref_high", self.tr("Reference &high"), NumberInput(self),
                       self.tr("Upper limit of the laboratory's range, in the reported unit"))
        self.add_field("fasting", self.tr("&Fasting sample"), BoolInput(self))
        self.add_field("method", self.tr("&Method / assay"), TextInput(self))
        self.analyte.changed.connect(self._analyte_changed)
        self._analyte_changed()

    def _analyte_changed(self) -> None:
        info = ANALYTES.get(self.analyte.value() or "")
        self.unit.set_codes(info.units_display if info else ())
        if self.unit.value() is None and self.unit.count():
            self.unit.setCurrentIndex(0)

    def load(self, record: Any) -> None:
        self.analyte.set_value(record.analyte)
        self._analyte_changed()
        info = ANALYTES[record.analyte]
        shown = next((u for u in info.units_display
                      if normalise_unit(u) == normalise_unit(record.unit)), record.unit)
        self.unit.set_value(shown)
        self.inputs["date"].set_value(record.date, record.at)
        for key in ("value", "ref_low", "ref_high", "fasting", "method"):
            self.inputs[key].set_value(getattr(record, key))

    def update_live(self, record: Any | None) -> str:
        if record is None:
            return ""
        info = ANALYTES[record.analyte]
        canon = round_lab(record.analyte, to_canonical(record.analyte, record.value, record.unit))
        text = self.tr("%1 %2 %3 = %4 %5 (unit used by the rules)").replace(
            "%1", record.analyte).replace("%2", f"{record.value:g}").replace(
            "%3", record.unit).replace("%4", f"{canon:g}").replace("%5", info.canonical)
        if record.ref_high is not None and record.value > record.ref_high:
            text += " · " + self.tr("H (above the reported range)")
        elif record.ref_low is not None and record.value < record.ref_low:
            text += " · " + self.tr("L (below the reported range)")
        return text
