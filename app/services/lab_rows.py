"""The import's view of the registry: patients by ID and their stored lab rows, read once per
patient per import, and the writes of one unit (:class:`Writer`).

:class:`PatientRows` indexes a patient's stored results by (analyte, collection date) and by
natural key (analyte, collection date, source, source ID), so each incoming result is checked
against them in constant time (no per-result query, no quadratic scan). The writer adds its
own writes to the index at once (a result repeated later in the file is a duplicate) and
inserts new results in one multi-row statement per batch; a batch rolled back makes it forget
every cache, so the registry is read again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.data import case_repo, record_repo
from app.data import models as M
from app.data.engine import Database
from app.data.patient_repo import store_summary
from app.data.types import utcnow
from app.domain.assess import assess
from app.domain.params import Params
from app.domain.summary import summarize
from app.domain.units import normalise_unit
from app.services.audit import audit_row, write_audit_rows
from app.services.lab_import_types import ImportUnit, IncomingLab
from app.services.records_map import load_cases

__all__ = ["PatientRows", "Writer", "refresh_summaries"]

_ENTITY = "lab_result"
_SOURCE_MAX = 100
_TABLE = M.LabResult.__table__
_INSERT = insert(_TABLE).returning(_TABLE.c.id, sort_by_parameter_order=True)


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
        self._audit: list[dict] = []
        self._inserts: list[tuple[_Row, int, dict]] = []

    def begin(self, s: Session) -> None:
        self.session, self._audit, self._inserts = s, [], []

    def forget(self) -> None:
        """Drop every cache (a transaction failed: the registry is read again)."""
        self._patients.clear()
        self._rows.clear()

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
        """Store a result (a correction of ``old`` at once; a new one at :meth:`flush`)."""
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
        row = _Row(0, lab.analyte, lab.date, lab.at, lab.value, normalise_unit(lab.unit),
                   lab.comparator, False, old.id if old else None, 1, extra["source"],
                   item.source_id)
        if self.dry_run:
            row.id = self._next_fake()
        elif old is not None:
            self.flush()  # the row corrected may be one of this batch's inserts
            row.id = record_repo.correct_record(self.session, _ENTITY, old.id, lab, self.actor,
                                                old.version, **extra)
            self._audit.append(audit_row(actor=self.actor, action="correct", entity=_ENTITY,
                                         entity_id=row.id, patient_id=pid))
        else:
            self._inserts.append((row, pid, {
                **values, "patient_id": pid, "created_by": self.actor, "created_at": utcnow(),
                "version": 1, "entered_in_error": False, "replaces_id": None}))
        rows.add(row)

    def flush(self) -> None:
        """Write the unit's new results (one multi-row INSERT … RETURNING) and audit rows."""
        if self._inserts:
            conn = self.session.connection()
            params = [v for _r, _p, v in self._inserts]
            if conn.dialect.name == "sqlite":
                # the batch holds the write lock (BEGIN IMMEDIATE): the new rowids follow the
                # largest one in order; one executemany instead of a statement per row
                top = conn.execute(select(func.max(_TABLE.c.id))).scalar() or 0
                conn.execute(insert(_TABLE), params)  # rowids top+1 … top+n (INTEGER PK)
                ids = list(range(top + 1, top + 1 + len(params)))
            else:
                ids = conn.execute(_INSERT, params).scalars().all()
            for (row, pid, _v), new_id in zip(self._inserts, ids, strict=True):
                row.id = new_id
                self._audit.append(audit_row(actor=self.actor, action="import",
                                             entity=_ENTITY, entity_id=new_id, patient_id=pid))
            self._inserts = []
        write_audit_rows(self.session, self._audit)
        self._audit = []

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
            self.flush()  # the row withdrawn may be one of this batch's inserts
            reason = (f"withdrawn by the laboratory ({unit.source[:60]}, {unit.label}, "
                      f"{item.where})")
            record_repo.mark_entered_in_error(self.session, _ENTITY, row.id, reason,
                                              self.actor, row.version)
            self._audit.append(audit_row(actor=self.actor, action="entered_in_error",
                                         entity=_ENTITY, entity_id=row.id, patient_id=pid))
        row.eie = True
        return "retracted"


def refresh_summaries(db: Database, pids: list[int], today: date, params: Params,
                      chunk: int = 200) -> int:
    """Recompute the patients' cached summaries (one transaction per chunk of patients)."""
    for start in range(0, len(pids), chunk):
        with db.session() as s:
            for pid, case in load_cases(s, pids[start:start + chunk]).items():
                store_summary(s, pid, summarize(case, assess(case, today, params), today),
                              today)
    return len(pids)
