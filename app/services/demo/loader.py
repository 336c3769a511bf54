"""Write the demo registry into a database: bulk SQLAlchemy Core inserts, chunk by chunk.

``write_demo_registry(db, n, seed)`` generates the patients (:mod:`.generator`), maps each
case to rows (the same column mapping as :mod:`app.data.case_repo`), and inserts them with
Core ``insert()`` over lists (not ORM ``add_all``: 100,000 patients with ~2.4 million lab rows
must take minutes, not hours). Patient ids come back from ``INSERT … RETURNING`` in parameter
order. Each chunk is one transaction; progress is reported after each chunk and a cancel
request stops the load after the current one (the patients written so far stay, a smaller but
consistent demo registry). One audit row records the load (not one per record).

The registry list's cached summary columns are filled when the rule engine
(``app.domain.assess.assess``) and ``app.domain.summary.summarize`` are available. Generation
and summaries can run in worker processes (:mod:`.producer`) while this process inserts.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from app.data import models as M
from app.data.case_repo import lab_flag, patient_row_values, record_values, ref_text
from app.data.engine import Database, open_database
from app.data.migrate import ensure_schema
from app.domain import units
from app.services.audit import write_audit
from app.services.demo.generator import DemoPatient
from app.services.demo.mdt import generate_mdt_meetings
from app.services.demo.producer import EMPTY_SUMMARY, produce, summariser

CHUNK = 1000
MDT_POOL = 500  # MDT cases are drawn from the first patients (independent of n beyond it)
ACTOR = "demo"

Progress = Callable[[int, int], None]


class DemoRegistryNotEmpty(RuntimeError):
    """The target registry already holds patients (the demo never mixes with real data)."""


@dataclass(frozen=True)
class DemoLoadResult:
    patients: int
    records: int  # clinical record rows (labs, imaging, doses, …)
    labs: int
    mdt_cases: int
    cancelled: bool
    summaries: bool  # whether the cached summary columns were filled
    summary_failures: int = 0  # patients the rule engine failed on (summary left empty)


def _cancelled(cancel: Any) -> bool:
    if cancel is None:
        return False
    is_set = getattr(cancel, "is_set", None)
    return bool(is_set() if callable(is_set) else cancel())


_LAB_META: dict[tuple[str, str], str | None] = {}
_REF_TEXT: dict[tuple[float | None, float | None], str | None] = {}


def _loinc(analyte: str, unit: str) -> str | None:
    key = (analyte, unit)
    if key not in _LAB_META:
        try:
            _LAB_META[key] = units.loinc(analyte, unit)
        except (KeyError, units.UnitError):
            _LAB_META[key] = None
    return _LAB_META[key]


def _ref_text(low: float | None, high: float | None) -> str | None:
    key = (low, high)
    if key not in _REF_TEXT:
        _REF_TEXT[key] = ref_text(low, high)
    return _REF_TEXT[key]


class _Rows:
    """Row lists for one chunk, per table."""

    def __init__(self, now: datetime) -> None:
        self.common = {"created_by": ACTOR, "created_at": now, "version": 1,
                       "entered_in_error": False, "replaces_id": None}
        self.by_table: dict[Any, list[dict[str, Any]]] = {}

    def add(self, model: type, values: dict[str, Any]) -> None:
        self.by_table.setdefault(model.__table__, []).append(values)

    def add_case(self, pid: int, p: DemoPatient) -> None:
        case, common = p.case, self.common
        labs = self.by_table.setdefault(M.LabResult.__table__, [])
        for lab in case.labs:
            labs.append({
                "patient_id": pid, "on_date": lab.date, "at_time": lab.at,
                "analyte": lab.analyte, "loinc": _loinc(lab.analyte, lab.unit),
                "value": lab.value, "unit": lab.unit, "ref_low": lab.ref_low,
                "ref_high": lab.ref_high, "ref_text": _ref_text(lab.ref_low, lab.ref_high),
                "flag": lab_flag(lab.value, lab.ref_low, lab.ref_high), "fasting": lab.fasting,
                "method": lab.method, "source": "demo", **common,
            })
        groups: tuple[tuple[type, list[Any]], ...] = (
            (M.SymptomRecord, case.symptoms), (M.ImagingRecord, case.imaging),
            (M.BiopsyRecord, case.biopsies), (M.LesionRecord, case.lesions),
            (M.BmaAdministration, case.bma.administrations), (M.BmaStop, case.bma.stops),
            (M.DentalProcedureRecord, case.dental.procedures), (M.ClinicalEvent, case.events),
        )
        for model, records in groups:
            for record in records:
                self.add(model, {"patient_id": pid, **record_values(record), **common})
        for drug, days in case.bma.interval_days.items():
            self.add(M.BmaInterval, {"patient_id": pid, "drug": drug, "days": days, **common})
        for exam in case.dental.exams:
            self.add(M.DentalExam, {"patient_id": pid, "on_date": exam, "at_time": None,
                                    **common})

    def count(self, table: Any = None) -> int:
        if table is not None:
            return len(self.by_table.get(table, ()))
        return sum(len(v) for v in self.by_table.values())


def _patient_values(p: DemoPatient, now: datetime, summary: dict[str, Any]) -> dict[str, Any]:
    values = patient_row_values(p.case)
    values.update(summary)
    values.update(language=p.language, phone=p.phone, version=1, created_at=now,
                  created_by=ACTOR, updated_at=now, updated_by=ACTOR)
    return values


def write_demo_registry(
    db: Database, n: int = 200, seed: int = 1, *, reference_date: date | None = None,
    progress: Progress | None = None, cancel: Any = None, chunk_size: int = CHUNK,
    summaries: bool = True, workers: int = 1,
) -> DemoLoadResult:
    """Generate ``n`` demo patients for ``seed`` and bulk-insert them (schema must exist).

    ``progress(done, total)`` is called after each chunk; ``cancel`` (a callable returning
    true, or an object with ``is_set()``) stops the load after the current chunk.
    ``summaries`` fills the cached summary columns (rule engine); ``workers > 1`` generates
    in a process pool (same result; not for use inside the GUI process).
    Raises :class:`DemoRegistryNotEmpty` when the registry already has patients."""
    if n < 1:
        raise ValueError("n: must be at least 1")
    if chunk_size < 1 or workers < 1:
        raise ValueError("chunk_size, workers: must be at least 1")
    ref = reference_date or date.today()
    with db.engine.connect() as conn:
        if conn.execute(select(func.count()).select_from(M.Patient.__table__)).scalar():
            raise DemoRegistryNotEmpty("registry: already holds patients; the demo is only "
                                       "written into an empty registry")
    summaries = summaries and summariser() is not None
    now = datetime.now(UTC)
    patient_table = M.Patient.__table__
    pool: list[DemoPatient] = []
    ids: dict[str, int] = {}
    done = records = labs = summary_failures = 0
    cancelled = False
    chunks = produce(n, seed, ref, chunk_size=chunk_size, summaries=summaries, workers=workers)
    for pairs in chunks:
        chunk = [p for p, _ in pairs]
        rows = []
        for p, summary in pairs:
            if summary is None:
                summary_failures += 1
            rows.append(_patient_values(p, now, summary or EMPTY_SUMMARY))
        with db.engine.begin() as conn:
            result = conn.execute(
                insert(patient_table).returning(patient_table.c.id,
                                                sort_by_parameter_order=True),
                rows,
            )
            pids = [r[0] for r in result]
            batch = _Rows(now)
            for pid, p in zip(pids, chunk, strict=True):
                batch.add_case(pid, p)
            for table, table_rows in batch.by_table.items():
                conn.execute(insert(table), table_rows)
        records += batch.count()
        labs += batch.count(M.LabResult.__table__)
        done += len(chunk)
        if len(pool) < MDT_POOL:
            for pid, p in zip(pids, chunk, strict=True):
                if len(pool) < MDT_POOL:
                    pool.append(p)
                    ids[p.mrn] = pid
        if progress is not None:
            progress(done, n)
        if done < n and _cancelled(cancel):
            cancelled = True
            chunks.close()  # cancels the work still pending in the pool
            break
    mdt_cases = _write_mdt(db, pool, ids, seed, ref, now)
    with db.session() as session:
        write_audit(session, actor=ACTOR, action="import", entity="demo_registry", count=done)
    return DemoLoadResult(done, records, labs, mdt_cases, cancelled, summaries,
                          summary_failures)


def _write_mdt(db: Database, pool: list[DemoPatient], ids: dict[str, int], seed: int,
               ref: date, now: datetime) -> int:
    meetings = generate_mdt_meetings(pool, seed, ref)
    written = 0
    with db.engine.begin() as conn:
        for meeting in meetings:
            mid = conn.execute(insert(M.MdtMeeting.__table__).returning(M.MdtMeeting.id), {
                "meeting_date": meeting.meeting_date, "title": meeting.title, "version": 1,
                "start_time": meeting.start_time, "place": meeting.place,
                "chair": meeting.chair, "attendees": meeting.attendees,
                "created_at": now, "created_by": ACTOR,
            }).scalar_one()
            decided_at = datetime.combine(meeting.meeting_date, time(9, 30), tzinfo=UTC)
            rows = [{
                "meeting_id": mid, "patient_id": ids[c.mrn], "question": c.question,
                "decision": c.decision, "decided_at": decided_at if c.decision else None,
                "decided_by": "MDT" if c.decision else None, "entered_in_error": False,
                "error_reason": None, "version": 1, "created_at": now, "created_by": ACTOR,
            } for c in meeting.cases]
            if rows:
                conn.execute(insert(M.MdtCase.__table__), rows)
            written += len(rows)
    return written


def ensure_demo_registry(path: Path) -> Path:
    """Create the demo registry (200 patients, seed 1, dated around today) at ``path`` unless
    the file exists. Built in a temporary file next to it, then moved into place, so an
    interrupted build never leaves a half-filled demo behind."""
    path = Path(path)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.building-{os.getpid()}")
    db = open_database(tmp)
    try:
        ensure_schema(db)
        write_demo_registry(db, 200, 1)
    except BaseException:
        db.dispose()
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    db.dispose()
    os.replace(tmp, path)
    return path
