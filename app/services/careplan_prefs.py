"""A patient's care-plan printout preference: large print (body text 14 pt), remembered per
patient on the patient row (column ``careplan_large_print``) beside the preferred printout
language.

Setting it writes only that column — the patient's version (optimistic lock of the edit form)
is left alone, so an open "Edit patient" dialog is not invalidated by a print — and an audit
row naming the field.
"""

from __future__ import annotations

from sqlalchemy import select, update

from app.data.engine import Database
from app.data.models import Patient
from app.services.audit import write_audit


class PatientNotFoundError(LookupError):
    """No patient with that id."""


def large_print(db: Database, patient_id: int) -> bool:
    """The patient's large-print preference (False when unset)."""
    with db.session() as s:
        value = s.scalar(select(Patient.careplan_large_print).where(Patient.id == patient_id))
    return bool(value)


def large_print_by_mrn(db: Database, mrn: str) -> bool:
    with db.session() as s:
        value = s.scalar(select(Patient.careplan_large_print).where(Patient.mrn == mrn))
    return bool(value)


def set_large_print(db: Database, patient_id: int, value: bool, actor: str) -> None:
    """Remember the preference (no-op when unchanged); one audit row when it changes."""
    with db.session() as s:
        current = s.scalar(select(Patient.careplan_large_print).where(Patient.id == patient_id))
        if current is None:
            raise PatientNotFoundError("patient: no such patient")
        if bool(current) == bool(value):
            return
        s.execute(update(Patient).where(Patient.id == patient_id)
                  .values(careplan_large_print=bool(value))
                  .execution_options(synchronize_session=False))
        write_audit(s, actor=actor, action="update", entity="patient", entity_id=patient_id,
                    patient_id=patient_id, fields=["careplan_large_print"])
