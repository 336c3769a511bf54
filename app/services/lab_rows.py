"""The import's view of the registry: patients by ID and their stored lab rows, read once per
patient per import, and the writes of one unit (:class:`Writer`).

:class:`PatientRows` indexes a patient's stored results by (analyte, collection date) and by
natural key (analyte, collection date, source, source ID), so each incoming result is checked
against them in constant time (no per-result query, no quadratic scan). The writer keeps the
changes of the unit in progress apart and merges them only when the unit commits; a unit
rolled back by a constraint (a concurrent import) makes it forget that patient's rows so they
are read again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.data import case_repo, record_repo
from app.data import models as M
from app.data.engine import Database
from app.data.patient_repo import store_summary
from app.domain.assess import assess
from app.domain.params import Params
from app.domain.summary import summarize
from app.domain.units import normalise_unit
from app.services.audit import audit_row, write_audit_rows
from app.services.lab_import_types import ImportUnit, IncomingLab

__all__ = ["PatientRows", "Writer", "refresh_summaries"]

_ENTITY = "lab_result"
_SOURCE_MAX = 100


@dataclass
class _Row:
    id: int
    analyte: str
    on_date: date
    at_time: datetime | None
    value: float
    unit: str  # normalised
    comparator: str | None
    eie: bool
    replaces_id: int | None
    version: int
    source: str | None
    source_id: str | None

    def same_value(self, item: IncomingLab) -> bool:
        lab = item.lab
        return (self.value == lab.value and self.unit == normalise_unit(lab.unit)
                and self.comparator == lab.comparator)


_COLS = (M.LabResult.id, M.LabResult.analyte, M.LabResult.on_date, M.LabResult.at_time,
         M.LabResult.value, M.LabResult.unit, M.LabResult.comparator,
         M.LabResult.entered_in_error, M.LabResult.replaces_id, M.LabResult.version,
         M.LabResult.source, M.LabResult.source_id)


class PatientRows:
    """One patient's stored lab rows, indexed (see the module docstring)."""

    def __init__(self, rows: list[_Row]) -> None:
        self.by_day: dict[tuple[str, date], list[_Row]] = {}
        self.by_key: dict[tuple, _Row] = {}
        self.replaced: set[int] = set()
        for r in rows:
            self.add(r)

    @classmethod
    def load(cls, s: Session, pid: int) -> PatientRows:
        rows = s.execute(select(*_COLS).where(M.LabResult.patient_id == pid)
                         .order_by(M.LabResult.id))
        return cls([_Row(*r[:5], normalise_unit(r[5]), *r[6:]) for r in rows])

    def add(self, r: _Row) -> None:
        self.by_day.setdefault((r.analyte, r.on_date), []).append(r)
        if r.source_id is not None:
            self.by_key[(r.analyte, r.on_date, r.source, r.source_id)] = r
        if r.replaces_id is not None and not r.eie:
            self.replaced.add(r.replaces_id)

    def classify(self, item: IncomingLab, source: str) -> str:
        """``duplicate``, ``conflict`` (natural key stored with another value) or ``new``."""
        lab = item.lab
        if item.source_id is not None:
            hit = self.by_key.get((lab.analyte, lab.date, source[:_SOURCE_MAX], item.source_id))
            if hit is not None:
                return "duplicate" if hit.same_value(item) else "conflict"
        for r in self.by_day.get((lab.analyte, lab.date), ()):
            if r.at_time == lab.at and r.same_value(item):
                return "duplicate"
        return "new"

    def current(self, lab) -> list[_Row]:
        """Valid, not superseded rows of the analyte taken at the same time as ``lab``."""
        return [r for r in self.by_day.get((lab.analyte, lab.date), ())
                if not r.eie and r.id not in self.replaced and r.at_time == lab.at]


class Writer:
    """Writes one unit at a time; caches patients and rows across units of one import."""

    FieldTooLong = case_repo.FieldTooLong

    def __init__(self, actor: str, dry_run: bool) -> None:
        self.actor, self.dry_run = actor, dry_run
        self._patients: dict[str, tuple | None] = {}
        self._rows: dict[int, PatientRows] = {}
        self.touched: set[int] = set()
        self._fake_id = 0
        self.session: Session
        self._pending: list[tuple[PatientRows, str, object]] = []
        self._audit: list[dict] = []

    def begin(self, s: Session) -> None:
        self.session, self._pending, self._audit = s, [], []

    def commit(self) -> None:
        for rows, op, arg in self._pending:
            if op == "add":
                rows.add(arg)  # type: ignore[arg-type]
            else:
                arg.eie = True  # type: ignore[attr-defined]
        self._pending = []

    def rollback(self, forget_patients: bool = False) -> None:
        if forget_patients:
            for rows, _op, _arg in self._pending:
                for pid, cached in list(self._rows.items()):
                    if cached is rows:
                        del self._rows[pid]
            self._patients.clear()
        self._pending = []

    def patient(self, mrn: str) -> tuple | None:
        """(id, name, birth date, sex) of the patient with this MRN, or None."""
        key = mrn.strip().casefold()
        if key not in self._patients:
            s = self.session
            row = s.execute(select(M.Patient.id, M.Patient.name, M.Patient.birth_date,
                                   M.Patient.sex).where(case_repo.mrn_matches(s, mrn.strip()))
                            ).first()
            self._patients[key] = tuple(row) if row is not None else None
        return self._patients[key]

    def rows(self, pid: int) -> PatientRows:
        if pid not in self._rows:
            self._rows[pid] = PatientRows.load(self.session, pid)
        return self._rows[pid]

    def _next_fake(self) -> int:
        self._fake_id -= 1
        return self._fake_id

    def store(self, rows: PatientRows, pid: int, item: IncomingLab, unit: ImportUnit,
              old: _Row | None) -> None:
        lab = item.lab
        extra: dict[str, object] = {"source": unit.source[:_SOURCE_MAX],
                                    "source_id": item.source_id}
        if item.loinc is not None:
            extra["loinc"] = item.loinc
        if item.flag is not None or item.flag_given:
            extra["flag"] = item.flag
        if item.ref_text is not None:
            extra["ref_text"] = item.ref_text
        values = {**case_repo.record_values(lab), **extra}
        case_repo.check_lengths(M.LabResult, values, "")
        s = self.session
        if self.dry_run:
            new_id = self._next_fake()
        elif old is not None:
            new_id = record_repo.correct_record(s, _ENTITY, old.id, lab, self.actor,
                                                old.version, **extra)
        else:
            new_id = s.execute(insert(M.LabResult).values(
                patient_id=pid, created_by=self.actor, **values).returning(M.LabResult.id)
            ).scalar_one()
        if not self.dry_run:
            write_audit_rows(s, [audit_row(actor=self.actor,
                                           action="correct" if old else "import",
                                           entity=_ENTITY, entity_id=new_id, patient_id=pid)])
        self._pending.append((rows, "add", _Row(
            new_id, lab.analyte, lab.date, lab.at, lab.value, normalise_unit(lab.unit),
            lab.comparator, False, old.id if old else None, 1, extra["source"],
            item.source_id)))

    def retract(self, rows: PatientRows, pid: int, item: IncomingLab, unit: ImportUnit
                ) -> str:
        """Mark the one current result the laboratory withdrew; a report phrase."""
        current = rows.current(item.lab)
        if not current:
            return "OBX-11 W/D: no stored result to withdraw"
        if len(current) > 1:
            return ("rejected: OBX-11 W/D: several stored results at this time; cannot tell "
                    "which one is withdrawn")
        row = current[0]
        if not self.dry_run:
            reason = (f"withdrawn by the laboratory ({unit.source[:60]}, {unit.label}, "
                      f"{item.where})")
            record_repo.mark_entered_in_error(self.session, _ENTITY, row.id, reason,
                                              self.actor, row.version)
            write_audit_rows(self.session, [audit_row(
                actor=self.actor, action="entered_in_error", entity=_ENTITY,
                entity_id=row.id, patient_id=pid)])
        self._pending.append((rows, "eie", row))
        return "retracted"


def refresh_summaries(db: Database, pids: list[int], today: date, params: Params) -> int:
    """Recompute each patient's cached summary, one transaction per patient."""
    for pid in pids:
        with db.session() as s:
            case = case_repo.load_case(s, pid)
            store_summary(s, pid, summarize(case, assess(case, today, params), today), today)
    return len(pids)
