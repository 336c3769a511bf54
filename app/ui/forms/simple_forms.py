"""Forms for the record kinds that need no live helper: symptom, imaging, biopsy, BMA stop,
dosing interval, dental exam, dental procedure (with the dental hold's dates), clinical
event."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain import case as C
from app.ui.forms.base import RecordDialog
from app.ui.forms.choices import CHOICES
from app.ui.forms.dental_hold import dental_hold_text
from app.ui.forms.fields import (
    BoolInput,
    CheckInput,
    ChoiceInput,
    DateInput,
    NoteInput,
    NumberInput,
    StepInput,
    TextInput,
)
from app.ui.forms.oncology_forms import history_word

translate = QCoreApplication.translate


class _Dated(RecordDialog):
    def add_date(self) -> None:
        self.add_field("date", self.tr("&Date"), DateInput(self, today=self.service.today()))


class SymptomForm(_Dated):
    KIND = "symptom"

    def build(self) -> None:
        self.add_date()
        self.add_field("kind", self.tr("&Symptom"),
                       ChoiceInput(CHOICES["symptom.kind"], optional=False, parent=self))
        self.add_field("pattern", self.tr("&Pain pattern"),
                       ChoiceInput(CHOICES["symptom.pattern"], parent=self),
                       self.tr("For bone pain: fixed site or migratory"))
        self.add_field("site", self.tr("S&ite"), TextInput(self))
        self.add_field("mechanical", self.tr("&Mechanical pain"), BoolInput(self))
        self.add_field("nrs", translate("OncologyHistory", "Pain score &NRS (0–10)"),
                       NumberInput(self, integer=True), translate(
                           "OncologyHistory",
                           "Numeric rating scale: 0 no pain … 10 worst pain imaginable"))
        self.add_field("analgesic_step", translate("OncologyHistory", "&WHO analgesic step"),
                       StepInput(C.ANALGESIC_STEPS, labeller=lambda n: history_word(f"step{n}"),
                                 parent=self))


class ImagingForm(_Dated):
    KIND = "imaging"

    def build(self) -> None:
        self.add_date()
        self.add_field("modality", self.tr("&Modality"),
                       ChoiceInput(CHOICES["imaging.modality"], optional=False, parent=self))
        self.add_field("region", self.tr("&Region"), TextInput(self),
                       self.tr("e.g. L3, left femur, or 'whole body' for a bone scan / PET-CT"))
        self.add_field("result", self.tr("Res&ult"),
                       ChoiceInput(CHOICES["imaging.result"], parent=self))
        self.add_field("pattern", self.tr("&Pattern"), ChoiceInput(CHOICES["pattern"], parent=self))
        self.add_field("bone_destruction", self.tr("&Bone destruction"), BoolInput(self))
        self.add_field("report", translate("OncologyHistory", "Report &text"), NoteInput(self),
                       translate("OncologyHistory",
                                 "The radiologist's report as written (Tab leaves the field)"))


class BiopsyForm(_Dated):
    KIND = "biopsy"

    def build(self) -> None:
        self.add_date()
        self.add_field("region", self.tr("&Region"), TextInput(self))
        self.add_field("result", self.tr("Res&ult"),
                       ChoiceInput(CHOICES["biopsy.result"], parent=self))


class StopForm(_Dated):
    KIND = "stop"

    def build(self) -> None:
        self.add_date()
        self.add_field("drug", self.tr("D&rug"),
                       ChoiceInput(CHOICES["drug"], optional=False, parent=self))
        self.add_field("reason", self.tr("R&eason"), TextInput(self),
                       self.tr("Why the drug is stopped (recommended)"))

    def relevant(self, finding) -> bool:
        return finding.rule.startswith("DEN-")


class IntervalForm(RecordDialog):
    KIND = "interval"

    def build(self) -> None:
        self.add_field("drug", self.tr("D&rug"),
                       ChoiceInput(CHOICES["drug"], optional=False, parent=self))
        self.add_field("days", self.tr("&Interval (days)"), NumberInput(self, integer=True),
                       self.tr("Days between doses; the standard is 28"))


class DentalExamForm(_Dated):
    KIND = "dental_exam"

    def build(self) -> None:
        self.add_date()
        self.add_field("oral_hygiene", translate("OncologyHistory", "Oral &hygiene"),
                       ChoiceInput(C.ORAL_HYGIENE, labeller=history_word, parent=self))
        self.add_field("infection", translate("OncologyHistory", "&Infection"), BoolInput(self))
        self.add_field("extraction_needed", translate("OncologyHistory", "E&xtraction needed"),
                       BoolInput(self),
                       translate("OncologyHistory", "An exam that found an extraction needed is "
                                 "not a dental clearance before a first bone-drug dose"))

    def relevant(self, finding) -> bool:
        return finding.rule == "BMA-DENTAL-CLEARANCE"


class DentalProcedureForm(_Dated):
    KIND = "dental_procedure"

    def build(self) -> None:
        self.add_date()
        self.add_field("kind", self.tr("&Procedure"),
                       ChoiceInput(CHOICES["dental.kind"], optional=False, parent=self))
        self.add_field("planned", self.tr("P&lanned"),  # Alt+P is the procedure
                       CheckInput(self.tr("planned (not yet done)"), self))

    def relevant(self, finding) -> bool:
        return finding.rule.startswith("DENT-")

    def refresh(self) -> None:
        """The checks, then the dental hold's actionable dates under the fields (§6)."""
        super().refresh()
        hold = dental_hold_text(self.pending)
        if hold:
            text = self.live.text()
            self.live.setText(f"{text}\n{hold}" if text else hold)
            self.live.show()


class EventForm(_Dated):
    KIND = "event"

    def build(self) -> None:
        self.add_date()
        self.kind = self.add_field("kind", self.tr("&Event"),
                                   ChoiceInput(CHOICES["event.kind"], optional=False, parent=self))
        self.add_field("region", self.tr("&Region"), TextInput(self))
        self.add_field("vertebral", self.tr("&Vertebral"), BoolInput(self))
        self.planned = self.add_field("planned", self.tr("&Planned"),
                                      CheckInput(self.tr("planned (not yet done)"), self))
        self.kind.changed.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        can_plan = self.kind.value() in C.PLANNABLE_EVENTS
        self.planned.setEnabled(can_plan)
        if not can_plan:
            self.planned.setChecked(False)

    def values(self) -> dict[str, Any]:
        out = super().values()
        if not out.get("planned"):
            out.pop("planned", None)
        return out
