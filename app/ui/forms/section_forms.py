"""Patient-level sections edited from the chart: cancer details with performance status
(histology, stage, drivers, therapies, visceral metastases, ECOG/KPS/Frankel), supplements,
and the clinician's bone-metastasis status override. They are saved on the patient row,
checked against the patient version the chart was read at."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from PySide6.QtWidgets import QWidget

from app.domain import case as C
from app.domain.findings import Finding
from app.services.records import RecordsService
from app.ui.forms.base import RecordDialog
from app.ui.forms.choices import CHOICES
from app.ui.forms.fields import BoolInput, ChoiceInput, DateInput, ListInput, NumberInput, TextInput


class SectionDialog(RecordDialog):
    """Edits one patient-level section; ``current`` is the section as it is now."""

    def __init__(self, service: RecordsService, patient_id: int, *, patient_version: int,
                 current: Any, parent: QWidget | None = None) -> None:
        self.patient_version = patient_version
        self.current = current
        super().__init__(service, patient_id, parent=parent)
        if current is not None:
            self.load(current)
        title = self.windowTitle().split(": ", 1)[-1]
        self.setWindowTitle(self.tr("Edit: %1").replace("%1", title))
        self.checks_title.hide()
        self.checks.hide()

    def preview(self, record: Any) -> list[Finding]:
        return []

    def store(self, record: Any, reason: str | None) -> int:
        self.patient_version = self.service.update_patient_section(
            self.patient_id, self.patient_version, record)
        return self.patient_id


class CancerForm(SectionDialog):
    KIND = "cancer"

    def build(self) -> None:
        self.add_field("histology", self.tr("&Histology"),
                       ChoiceInput(CHOICES["cancer.histology"], parent=self))
        self.add_field("stage", self.tr("&Stage (AJCC 8th)"),
                       ChoiceInput(CHOICES["cancer.stage"], labeller=str, parent=self))
        self.add_field("drivers", self.tr("&Driver alterations"), ListInput(self),
                       self.tr("Positive alterations, comma-separated (e.g. EGFR L858R); "
                               "'-' = none found; empty = not tested"))
        self.add_field("targeted_therapy", self.tr("&Targeted therapy"), BoolInput(self))
        self.add_field("immunotherapy", self.tr("&Immunotherapy"), BoolInput(self))
        self.add_field("prior_chemotherapy", self.tr("&Prior chemotherapy"), BoolInput(self))
        self.add_field("visceral_metastases", self.tr("&Visceral metastases (organs)"),
                       ListInput(self),
                       self.tr("Organs, comma-separated (e.g. adrenal, brain); '-' = none"))
        self.add_field("visceral_treatable", self.tr("Visceral mets t&reatable"), BoolInput(self))
        self.add_field("disseminated", self.tr("Disse&minated"), BoolInput(self))
        self.add_field("visceral_lesion_count", self.tr("Visceral &lesion count"),
                       NumberInput(self, integer=True))
        self.add_field("ecog", self.tr("&ECOG (0–5)"), NumberInput(self, integer=True))
        self.add_field("kps", self.tr("&KPS (0–100)"), NumberInput(self, integer=True))
        self.add_field("frankel", self.tr("&Frankel grade"),
                       ChoiceInput(CHOICES["cancer.frankel"], labeller=str, parent=self))

    def load(self, record: Any) -> None:
        for f in fields(C.Cancer):
            self.inputs[f.name].set_value(getattr(record, f.name))


class SupplementsForm(SectionDialog):
    KIND = "supplements"

    def build(self) -> None:
        self.add_field("calcium", self.tr("&Calcium supplement"), BoolInput(self))
        self.add_field("vitamin_d", self.tr("&Vitamin D supplement"), BoolInput(self))


class StatusOverrideForm(SectionDialog):
    KIND = "status_override"

    def build(self) -> None:
        self.add_field("status", self.tr("&Status"),
                       ChoiceInput(CHOICES["status"], optional=False, parent=self))
        self.add_field("date", self.tr("&From date"), DateInput(self, today=self.service.today()))
        self.add_field("by", self.tr("&By"), TextInput(self))
        self.add_field("reason", self.tr("&Reason"), TextInput(self),
                       self.tr("Required: why the derived status is replaced"))
