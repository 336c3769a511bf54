"""Which form edits which record kind, and how the chart opens one."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.domain.findings import Finding
from app.services.records import RecordsService
from app.services.records_map import StoredRecord
from app.ui.forms.base import RecordDialog
from app.ui.forms.dose_form import DoseForm
from app.ui.forms.lab_form import LabForm
from app.ui.forms.lesion_form import LesionForm
from app.ui.forms.oncology_forms import HISTORY_FORMS
from app.ui.forms.section_forms import CancerForm, StatusOverrideForm, SupplementsForm
from app.ui.forms.simple_forms import (
    BiopsyForm,
    DentalExamForm,
    DentalProcedureForm,
    EventForm,
    ImagingForm,
    IntervalForm,
    StopForm,
    SymptomForm,
)

RECORD_FORMS: dict[str, type[RecordDialog]] = {
    cls.KIND: cls
    for cls in (LabForm, DoseForm, ImagingForm, BiopsyForm, LesionForm, StopForm, IntervalForm,
                DentalExamForm, DentalProcedureForm, EventForm, SymptomForm, *HISTORY_FORMS)
}
SECTION_FORMS = {cls.KIND: cls for cls in (CancerForm, SupplementsForm, StatusOverrideForm)}


def record_form(kind: str, service: RecordsService, patient_id: int, *,
                stored: StoredRecord | None = None, baseline: list[Finding] | None = None,
                parent: QWidget | None = None) -> RecordDialog:
    """The add (``stored`` None) or correction form of a record kind."""
    return RECORD_FORMS[kind](service, patient_id, stored=stored, baseline=baseline,
                              parent=parent)
