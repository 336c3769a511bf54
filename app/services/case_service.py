"""Case-level use cases: import a whole ``bonemet-case/1`` case, export (load) one (with the
patient's preferred printout language, ``patient.language``), and correct
records (entered-in-error, replacement) with their audit rows.

An import is ONE transaction: the patient, every record and the audit row are written together
or not at all. An MRN that already exists is refused (:class:`DuplicateMrnError`); messages
name the field, never the patient's data.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy.exc import IntegrityError

from app.data import case_repo, record_repo
from app.data.engine import Database
from app.data.record_repo import RecordNotFound, RecordStateError, StaleRecordError
from app.data.unique_keys import violated
from app.domain.case import Case
from app.services.audit import write_audit
from app.services.registry import mrn_problem

__all__ = [
    "CaseImportError", "DuplicateMrnError", "PatientNotFound", "RecordNotFound", "RecordStateError",
    "StaleRecordError", "correct_record", "export_case", "import_case", "load_case",
    "load_case_by_id",
    "mark_entered_in_error",
]

PatientNotFound = case_repo.PatientNotFound


class CaseImportError(ValueError):
    """A case that cannot be imported; ``str()`` = ``<field>: <problem>``. Nothing was written."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class DuplicateMrnError(CaseImportError):
    """The case's MRN is already in the registry (nothing was written)."""

    def __init__(self) -> None:
        super().__init__("patient.mrn", "a patient with this MRN is already in the registry; "
                         "nothing was imported")


def import_case(db: Database, case: Case, actor: str, *, source: str = "case file") -> int:
    """Write a new patient with all the case's records; returns the patient id. The MRN is
    stored trimmed (the registry's MRN key is trimmed and case-insensitive)."""
    problem = mrn_problem(case.patient.mrn)
    if problem is not None:
        raise CaseImportError("patient.mrn", problem.message)
    if case.patient.mrn != case.patient.mrn.strip():
        case = replace(case, patient=replace(case.patient, mrn=case.patient.mrn.strip()))
    try:
        with db.session() as s:
            if case_repo.find_patient_id(s, case.patient.mrn) is not None:
                raise DuplicateMrnError()
            pid, written = case_repo.insert_case(s, case, actor, source=source)
            write_audit(s, actor=actor, action="import", entity="case", entity_id=pid,
                        patient_id=pid, count=len(written))
            return pid
    except case_repo.FieldTooLong as exc:
        raise CaseImportError(exc.field, exc.problem) from None
    except IntegrityError as exc:
        # Another workstation imported the same MRN between our check and our commit.
        if violated(exc, "uq_patient_mrn_folded"):
            raise DuplicateMrnError() from None
        with db.session() as s:
            if case_repo.find_patient_id(s, case.patient.mrn) is not None:
                raise DuplicateMrnError() from None
        raise


def load_case(db: Database, mrn: str, *, with_language: bool = False) -> Case:
    """The registry's current view of a patient as a case (for the rules; ``with_language``
    adds the preferred printout language, see :func:`export_case`)."""
    with db.session() as s:
        pid = case_repo.find_patient_id(s, mrn)
        if pid is None:
            raise PatientNotFound("mrn: no patient with this MRN in the registry")
        return case_repo.load_case(s, pid, with_language=with_language)


def export_case(db: Database, mrn: str) -> Case:
    """The patient's case for a case file: :func:`load_case` plus the patient's preferred
    printout language (``patient.language``), so that it survives export → import."""
    return load_case(db, mrn, with_language=True)


def load_case_by_id(db: Database, patient_id: int) -> Case:
    with db.session() as s:
        return case_repo.load_case(s, patient_id)


def mark_entered_in_error(db: Database, entity: str, record_id: int, reason: str, actor: str,
                          version: int | None = None) -> None:
    """Flag a record entered-in-error (kept, no longer counted) and audit it."""
    with db.session() as s:
        pid = record_repo.mark_entered_in_error(s, entity, record_id, reason, actor, version)
        write_audit(s, actor=actor, action="entered_in_error", entity=entity,
                    entity_id=record_id, patient_id=pid)


def correct_record(db: Database, entity: str, record_id: int, new_record: Any, actor: str,
                   version: int | None = None, **extra: Any) -> int:
    """Replace a record by a corrected one (the old row stays); returns the new id."""
    with db.session() as s:
        new_id = record_repo.correct_record(s, entity, record_id, new_record, actor, version,
                                            **extra)
        pid, _, _ = record_repo.get_row_state(s, entity, new_id)
        write_audit(s, actor=actor, action="correct", entity=entity, entity_id=new_id,
                    patient_id=pid)
        return new_id


def add_record(db: Database, patient_id: int, record: Any, actor: str, **extra: Any) -> int:
    """Add one domain record (Lab, Administration, …) to a patient, audited; returns its id."""
    with db.session() as s:
        new_id = case_repo.add_record(s, patient_id, record, actor, **extra)
        entity = case_repo.RECORD_MAP[type(record)].__tablename__
        write_audit(s, actor=actor, action="create", entity=entity, entity_id=new_id,
                    patient_id=patient_id)
        return new_id
