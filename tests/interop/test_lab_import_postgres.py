"""The lab import on PostgreSQL (a throwaway cluster, as tests/data/test_postgres.py): results,
a correction and a withdrawal, the review queue, and two imports of one file at once storing
each result once."""

from __future__ import annotations

import threading
from pathlib import Path

from data.test_postgres import pg_db, pg_server  # noqa: F401  (fixtures)
from sqlalchemy import func, select

from app.data import models as M
from app.data.migrate import ensure_schema
from app.interop.lab_files import import_lab_file
from app.services.case_service import import_case

from .conftest import TODAY, message, msh, obr, obx, pid, small_case

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "hl7"


def _count(db, **where) -> int:
    with db.session() as s:
        stmt = select(func.count()).select_from(M.LabResult)
        for key, value in where.items():
            stmt = stmt.where(getattr(M.LabResult, key) == value)
        return s.scalar(stmt)


def test_import_correct_withdraw_and_hold_on_postgres(pg_db):  # noqa: F811
    ensure_schema(pg_db)
    import_case(pg_db, small_case(), "t")
    _p, rep = import_lab_file(pg_db, FIXTURES / "correct_retract.hl7", "t", today=lambda: TODAY)
    assert (rep.results_imported, rep.results_retracted) == (3, 1)
    assert _count(pg_db, source="hl7:LAB", entered_in_error=True) == 1
    _p, rep = import_lab_file(pg_db, FIXTURES / "cn_lis_bone_markers.hl7", "t",
                              today=lambda: TODAY)
    assert rep.results_imported == 8 and _count(pg_db, comparator="<") == 1
    _p, rep = import_lab_file(pg_db, FIXTURES / "wrong_patient.hl7", "t", today=lambda: TODAY)
    assert rep.queued == 1


def test_two_concurrent_imports_store_each_result_once_on_postgres(pg_db, tmp_path):  # noqa: F811
    ensure_schema(pg_db)
    import_case(pg_db, small_case(), "t")
    path = tmp_path / "race.hl7"
    path.write_text("".join(
        message(msh(f"P{m}"), pid(), obr(f"202610{m % 28 + 1:02d}0{m // 28}3000"),
                obx(1, "2160-0^Cr^LN", f"0.{m % 9 + 1}", "mg/dL"),
                obx(2, "1751-7^Alb^LN", f"{30 + m % 10}", "g/L"))
        for m in range(60)), encoding="utf-8")
    before = _count(pg_db)
    reports, errors = [], []

    def run() -> None:
        try:
            reports.append(import_lab_file(pg_db, path, "t", today=lambda: TODAY)[1])
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == [] and len(reports) == 2
    assert all(r.rejected == 0 for r in reports)
    assert _count(pg_db) - before == 120
    assert sum(r.results_imported for r in reports) == 120
