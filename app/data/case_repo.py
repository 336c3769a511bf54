"""Map a patient's registry rows to and from the domain :class:`app.domain.case.Case`.

Every function takes the session as its first, required argument and returns domain objects
(or ids), never ORM rows. Loading skips rows marked entered-in-error and rows superseded by a
correction (a later, valid row whose ``replaces_id`` points at them); each loaded record keeps
its row id in ``rid``.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from sqlalchemy import and_, exists, false, func, select
from sqlalchemy.orm import Session, aliased

from app.data import models as M
from app.data import models_oncology as H
from app.data.search_keys import name_search_keys
from app.domain import case as C
from app.domain import units

#: Domain record class → ORM model (columns share the field names; date/at → on_date/at_time).
RECORD_MAP: dict[type, type[M.RecordMixin]] = {
    C.Symptom: M.SymptomRecord,
    C.Lab: M.LabResult,
    C.Imaging: M.ImagingRecord,
    C.Biopsy: M.BiopsyRecord,
    C.Lesion: M.LesionRecord,
    C.Administration: M.BmaAdministration,
    C.Stop: M.BmaStop,
    C.DentalProcedure: M.DentalProcedureRecord,
    C.Event: M.ClinicalEvent,
    C.DentalExam: M.DentalExam,
    C.TherapyLine: H.TherapyLineRecord,
    C.Pdl1: H.Pdl1Record,
    C.Smoking: H.SmokingRecord,
    C.CourseEntry: H.CourseRecord,
}
#: The case's oncology-history sections (issue 20) and their record class.
HISTORY_SECTIONS: dict[str, type] = {
    "therapy_lines": C.TherapyLine, "pdl1": C.Pdl1, "smoking": C.Smoking,
    "disease_course": C.CourseEntry,
}
_COLUMN_OF = {"date": "on_date", "at": "at_time"}
_FIELD_OF = {v: k for k, v in _COLUMN_OF.items()}

PATIENT_FIELDS = ("mrn", "name", "sex", "birth_date", "weight_kg", "osteoporosis")
CANCER_FIELDS = tuple(f.name for f in dataclasses.fields(C.Cancer))


class PatientNotFound(LookupError):
    """No patient with the MRN / id asked for (the message never repeats the MRN)."""


class FieldTooLong(ValueError):
    """A text longer than its column allows; ``str()`` = ``<field path>: <problem>``."""

    def __init__(self, field: str, limit: int) -> None:
        self.field = field
        self.problem = f"at most {limit} characters"
        super().__init__(f"{field}: {self.problem}")


def check_lengths(model: type, values: dict[str, Any], path: str) -> None:
    """Raise FieldTooLong for a text value longer than its (portable) column length."""
    columns = model.__table__.c
    for key, value in values.items():
        if isinstance(value, str) and key in columns:
            limit = getattr(columns[key].type, "length", None)
            if limit is not None and len(value) > limit:
                name = _FIELD_OF.get(key, key)
                raise FieldTooLong(f"{path}.{name}" if path else name, limit)


def lab_flag(value: float, ref_low: float | None, ref_high: float | None) -> str | None:
    """H / L / N against the reported range; None without a range."""
    if ref_high is not None and value > ref_high:
        return "H"
    if ref_low is not None and value < ref_low:
        return "L"
    if ref_low is None and ref_high is None:
        return None
    return "N"


def ref_text(ref_low: float | None, ref_high: float | None) -> str | None:
    """The reference range as text, e.g. ``136–689``, ``< 5``, ``> 30``."""
    def fmt(v: float) -> str:
        return f"{v:g}"

    if ref_low is not None and ref_high is not None:
        return f"{fmt(ref_low)}–{fmt(ref_high)}"
    if ref_high is not None:
        return f"< {fmt(ref_high)}"
    if ref_low is not None:
        return f"> {fmt(ref_low)}"
    return None


def record_values(record: Any) -> dict[str, Any]:
    """Column values of a domain record (without ``rid``)."""
    values = {}
    for f in dataclasses.fields(record):
        if f.name != "rid":
            value = getattr(record, f.name)
            values[_COLUMN_OF.get(f.name, f.name)] = list(value) if isinstance(value, list) \
                else value
    if isinstance(record, C.Lab):  # as the lab sent them (case files keep them), else derived
        if record.loinc is None:
            try:
                values["loinc"] = units.loinc(record.analyte, record.unit)
            except (KeyError, units.UnitError):
                values["loinc"] = None
        if record.flag is None:
            values["flag"] = lab_flag(record.value, record.ref_low, record.ref_high)
        if record.ref_text is None:
            values["ref_text"] = ref_text(record.ref_low, record.ref_high)
    return values


def new_row(patient_id: int, record: Any, actor: str, *, replaces_id: int | None = None,
            path: str = "", **extra: Any) -> M.RecordMixin:
    """An unsaved row for a domain record (checked against the column lengths)."""
    model = RECORD_MAP[type(record)]
    values = {**record_values(record), **extra}
    check_lengths(model, values, path)
    return model(patient_id=patient_id, created_by=actor, replaces_id=replaces_id, **values)


def add_record(
    session: Session, patient_id: int, record: Any, actor: str, *,
    replaces_id: int | None = None, path: str = "", **extra: Any,
) -> int:
    """Insert one domain record (Symptom, Lab, Imaging, …) for a patient; returns its row id.
    ``extra`` sets model-only columns (e.g. ``source`` of a lab, ``override_reason``);
    ``path`` names the record in FieldTooLong messages (e.g. ``labs[3]``)."""
    row = new_row(patient_id, record, actor, replaces_id=replaces_id, path=path, **extra)
    session.add(row)
    session.flush()
    return row.id


def add_dental_exam(session: Session, patient_id: int, on: date, actor: str) -> int:
    return add_record(session, patient_id, C.DentalExam(on), actor)


def add_interval(session: Session, patient_id: int, drug: str, days: int, actor: str) -> int:
    row = M.BmaInterval(patient_id=patient_id, drug=drug, days=days, created_by=actor)
    session.add(row)
    session.flush()
    return row.id


def patient_row_values(case: C.Case) -> dict[str, Any]:
    """Patient-table values of a case (demographics, cancer, supplements, override, keys)."""
    p, c = case.patient, case.cancer
    values: dict[str, Any] = {f: getattr(p, f) for f in PATIENT_FIELDS}
    if p.language is not None:  # a case file's preferred language; else the registry default
        values["language"] = p.language
    values.update({f: getattr(c, f) for f in CANCER_FIELDS})
    values["name_pinyin"], values["name_initials"] = name_search_keys(p.name)
    values["calcium"] = case.supplements.calcium
    values["vitamin_d"] = case.supplements.vitamin_d
    o = case.status_override
    values["override_status"] = o.status if o else None
    values["override_date"] = o.date if o else None
    values["override_by"] = o.by if o else None
    values["override_reason"] = o.reason if o else None
    return values


def insert_case(session: Session, case: C.Case, actor: str, *, source: str | None = None
                ) -> tuple[int, list[tuple[str, int]]]:
    """Insert a patient and all of the case's records. Returns the patient id and the
    (entity, id) of every record row written (for the audit trail). The caller owns the
    transaction and has checked that the MRN is free."""
    values = patient_row_values(case)
    for prefix, fields in (("patient", PATIENT_FIELDS), ("cancer", CANCER_FIELDS)):
        check_lengths(M.Patient, {f: values[f] for f in fields}, prefix)
    if values["override_by"] and len(values["override_by"]) > 100:
        raise FieldTooLong("status_override.by", 100)
    patient = M.Patient(**values, created_by=actor, updated_by=actor)
    session.add(patient)
    session.flush()
    pid = patient.id
    rows: list[Any] = []
    for i, lab in enumerate(case.labs):
        rows.append(new_row(pid, lab, actor, path=f"labs[{i}]",
                            source=source if lab.source is None else lab.source))
    for key, group in (("symptoms", case.symptoms), ("imaging", case.imaging),
                       ("biopsies", case.biopsies), ("lesions", case.lesions),
                       ("bma.administrations", case.bma.administrations),
                       ("bma.stops", case.bma.stops), ("dental.procedures", case.dental.procedures),
                       ("events", case.events),
                       *((k, getattr(case, k)) for k in HISTORY_SECTIONS),
                       ("dental.exams", dental_exams(case.dental))):
        rows.extend(new_row(pid, r, actor, path=f"{key}[{i}]") for i, r in enumerate(group))
    rows.extend(M.BmaInterval(patient_id=pid, drug=drug, days=days, created_by=actor)
                for drug, days in case.bma.interval_days.items())
    session.add_all(rows)
    session.flush()  # one batched INSERT per table
    return pid, [(row.__tablename__, row.id) for row in rows]


def dental_exams(dental: C.Dental) -> list[C.DentalExam]:
    """Every exam of ``dental`` as a record: its findings when recorded (the first unused
    finding of the same date), else the date alone."""
    unused = list(dental.findings)
    out = []
    for day in dental.exams:
        found = next((f for f in unused if f.date == day), None)
        if found is not None:
            unused.remove(found)
        out.append(C.DentalExam(day) if found is None else dataclasses.replace(found, rid=None))
    return out


def dental_of(exams: list[C.DentalExam], procedures: list[C.DentalProcedure]) -> C.Dental:
    """The case's dental section from its exam records (the inverse of :func:`dental_exams`)."""
    return C.Dental([e.date for e in exams], procedures, [e for e in exams if e.has_findings()])


def mrn_matches(session: Session, mrn: str):
    """``patient.mrn`` equals ``mrn`` ignoring case (NOCASE index on SQLite, lower() elsewhere)."""
    mrn = mrn.strip()
    if session.get_bind().dialect.name == "sqlite":
        return M.Patient.mrn == mrn
    return func.lower(M.Patient.mrn) == mrn.lower()


def find_patient_id(session: Session, mrn: str) -> int | None:
    """The id of the patient with this MRN (case-insensitive), or None."""
    return session.scalar(select(M.Patient.id).where(mrn_matches(session, mrn)))


def active_rows(session: Session, model: type[M.RecordMixin], patient_id: int) -> list[Any]:
    """Rows of a record table that count: not entered-in-error, not superseded."""
    newer = aliased(model)
    superseded = exists().where(
        and_(newer.replaces_id == model.id, newer.entered_in_error == false())
    )
    stmt = select(model).where(
        model.patient_id == patient_id, model.entered_in_error == false(), ~superseded
    )
    order = [model.on_date] if hasattr(model, "on_date") else []
    return list(session.scalars(stmt.order_by(*order, model.id)))


def _to_domain(cls: type, row: Any) -> Any:
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name != "rid":
            kwargs[f.name] = getattr(row, _COLUMN_OF.get(f.name, f.name))
    return cls(**kwargs, rid=row.id)


def load_case(session: Session, patient_id: int, *, with_language: bool = False) -> C.Case:
    """The patient's case as the domain sees it (valid, current records only).

    ``with_language``: also the preferred printout language (``patient.language``, for a case
    file leaving the registry); the rules never read it, so the rules' view leaves it out."""
    p = session.get(M.Patient, patient_id)
    if p is None:
        raise PatientNotFound("patient: no such patient")
    rows = {cls: active_rows(session, model, patient_id) for cls, model in RECORD_MAP.items()}

    def records(cls: type) -> list[Any]:
        return [_to_domain(cls, r) for r in rows[cls]]

    intervals: dict[str, int] = {}
    for r in active_rows(session, M.BmaInterval, patient_id):
        intervals[r.drug] = r.days  # ordered by id: the latest row wins
    override = None
    if p.override_status is not None and p.override_date is not None:
        override = C.StatusOverride(p.override_status, p.override_date, p.override_by,
                                    p.override_reason)
    return C.Case(
        patient=C.Patient(**{f: getattr(p, f) for f in PATIENT_FIELDS},
                          language=p.language if with_language else None),
        cancer=C.Cancer(**{f: _copy(getattr(p, f)) for f in CANCER_FIELDS}),
        symptoms=records(C.Symptom),
        labs=records(C.Lab),
        imaging=records(C.Imaging),
        biopsies=records(C.Biopsy),
        lesions=records(C.Lesion),
        bma=C.Bma(records(C.Administration), intervals, records(C.Stop)),
        supplements=C.Supplements(p.calcium, p.vitamin_d),
        dental=dental_of(records(C.DentalExam), records(C.DentalProcedure)),
        events=records(C.Event),
        status_override=override,
        **{key: records(cls) for key, cls in HISTORY_SECTIONS.items()},
    )


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value
