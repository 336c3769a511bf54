"""Record kinds of the patient chart: which ORM model and domain record each kind maps to.

One :class:`RecordKind` per kind of clinical record the chart can add, correct or mark entered
in error. The row ↔ domain mapping itself is the data layer's (:mod:`app.data.case_repo`);
this module adds what the chart needs beside it: a stable kind key for the UI and the audit
trail, the kind the case file keeps as a plain value (a dosing interval is ``drug → days``:
:class:`IntervalSetting` carries it with its record id; a dental exam is
:class:`~app.domain.case.DentalExam`, a date with optional findings), and
:func:`load_records` — every current record with its row version, for the
chart's timeline and for optimistic-version checks on correction.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, exists, false, select
from sqlalchemy.orm import Session, aliased

from app.data import models as M
from app.data import models_oncology as H
from app.data.case_repo import (
    CANCER_FIELDS,
    HISTORY_SECTIONS,
    PATIENT_FIELDS,
    active_rows,
    dental_of,
)
from app.domain import case as C

#: A dental exam of the chart (its date and optional findings; the domain's record).
ExamDate = C.DentalExam


@dataclass
class IntervalSetting:
    """The dosing interval chosen for a drug (``bma.interval_days``)."""

    drug: str
    days: int
    rid: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class RecordKind:
    key: str  # stable key used by the UI ("lab", "administration", …)
    model: type  # ORM model
    record_type: type  # domain record class

    @property
    def entity(self) -> str:
        """The table name: the entity name of the audit trail."""
        return self.model.__tablename__


_COLUMN_OF = {"date": "on_date", "at": "at_time"}

KINDS: dict[str, RecordKind] = {
    k.key: k
    for k in (
        RecordKind("symptom", M.SymptomRecord, C.Symptom),
        RecordKind("lab", M.LabResult, C.Lab),
        RecordKind("imaging", M.ImagingRecord, C.Imaging),
        RecordKind("biopsy", M.BiopsyRecord, C.Biopsy),
        RecordKind("lesion", M.LesionRecord, C.Lesion),
        RecordKind("administration", M.BmaAdministration, C.Administration),
        RecordKind("stop", M.BmaStop, C.Stop),
        RecordKind("interval", M.BmaInterval, IntervalSetting),
        RecordKind("dental_exam", M.DentalExam, ExamDate),
        RecordKind("dental_procedure", M.DentalProcedureRecord, C.DentalProcedure),
        RecordKind("event", M.ClinicalEvent, C.Event),
        RecordKind("therapy_line", H.TherapyLineRecord, C.TherapyLine),
        RecordKind("pdl1", H.Pdl1Record, C.Pdl1),
        RecordKind("smoking", H.SmokingRecord, C.Smoking),
        RecordKind("course", H.CourseRecord, C.CourseEntry),
    )
}
#: The oncology-history kinds (issue 20), shown on the chart's history tab.
HISTORY_KINDS = ("therapy_line", "pdl1", "smoking", "course")
KIND_BY_TYPE: dict[type, RecordKind] = {k.record_type: k for k in KINDS.values()}


def kind_of(record: Any) -> RecordKind:
    """The kind of a domain record (KeyError for a type that is not a chart record)."""
    return KIND_BY_TYPE[type(record)]


def to_domain(kind: RecordKind, row: Any) -> Any:
    """The domain record of one row (``rid`` = the row id)."""
    if kind.record_type is IntervalSetting:
        return IntervalSetting(row.drug, row.days, rid=row.id)
    kwargs = {
        f.name: _copy(getattr(row, _COLUMN_OF.get(f.name, f.name)))
        for f in dataclasses.fields(kind.record_type) if f.name != "rid"
    }
    return kind.record_type(**kwargs, rid=row.id)


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


@dataclass(frozen=True)
class StoredRecord:
    """A current record of the chart with its kind and row version."""

    kind: str
    record: Any
    version: int
    override_reason: str | None = None

    @property
    def rid(self) -> int:
        return self.record.rid


def load_records(session: Session, patient_id: int) -> list[StoredRecord]:
    """Every current record of the patient (not in error, not superseded)."""
    out: list[StoredRecord] = []
    for key, kind in KINDS.items():
        for row in active_rows(session, kind.model, patient_id):
            out.append(StoredRecord(key, to_domain(kind, row), row.version,
                                    getattr(row, "override_reason", None)))
    return out


def _active_rows_bulk(session: Session, model: type, patient_ids: list[int]) -> list[Any]:
    """Like :func:`app.data.case_repo.active_rows`, for many patients in one query."""
    newer = aliased(model)
    superseded = exists().where(and_(newer.replaces_id == model.id,
                                     newer.entered_in_error == false()))
    stmt = select(model).where(model.patient_id.in_(patient_ids),
                               model.entered_in_error == false(), ~superseded)
    order = [model.on_date] if hasattr(model, "on_date") else []
    return list(session.scalars(stmt.order_by(*order, model.id)))


_KIND_OF_SECTION = {"therapy_lines": "therapy_line", "pdl1": "pdl1", "smoking": "smoking",
                    "disease_course": "course"}


def load_cases(session: Session, patient_ids: list[int]) -> dict[int, C.Case]:
    """The current cases of many patients with one query per table (registry-wide work);
    the same cases :func:`app.data.case_repo.load_case` gives one by one."""
    patients = {p.id: p for p in session.scalars(
        select(M.Patient).where(M.Patient.id.in_(patient_ids)))}
    by_kind: dict[str, dict[int, list[Any]]] = {}
    for key, kind in KINDS.items():
        groups: dict[int, list[Any]] = {}
        for row in _active_rows_bulk(session, kind.model, list(patients)):
            groups.setdefault(row.patient_id, []).append(to_domain(kind, row))
        by_kind[key] = groups
    out: dict[int, C.Case] = {}
    for pid, p in patients.items():
        def rec(key: str, pid: int = pid) -> list[Any]:
            return by_kind[key].get(pid, [])

        intervals = {iv.drug: iv.days for iv in rec("interval")}
        override = None
        if p.override_status is not None and p.override_date is not None:
            override = C.StatusOverride(p.override_status, p.override_date, p.override_by,
                                        p.override_reason)
        out[pid] = C.Case(
            patient=C.Patient(**{f: getattr(p, f) for f in PATIENT_FIELDS}),
            cancer=C.Cancer(**{f: (list(v) if isinstance(v := getattr(p, f), list) else v)
                               for f in CANCER_FIELDS}),
            symptoms=rec("symptom"), labs=rec("lab"), imaging=rec("imaging"),
            biopsies=rec("biopsy"), lesions=rec("lesion"),
            bma=C.Bma(rec("administration"), intervals, rec("stop")),
            supplements=C.Supplements(p.calcium, p.vitamin_d),
            dental=dental_of(rec("dental_exam"), rec("dental_procedure")),
            events=rec("event"), status_override=override,
            **{section: rec(_KIND_OF_SECTION[section]) for section in HISTORY_SECTIONS},
        )
    return out
