"""Unique keys of migration 0003 (folded MRN, one MDT meeting per date, a patient once per
meeting), checked the same way on SQLite (tests/services/test_unique_keys.py) and PostgreSQL
(tests/data/test_postgres_unique.py): the pre-check's message also when a race is lost."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.data import models as M
from app.data.engine import Database, open_database
from app.data.unique_keys import violated
from app.services.case_service import DuplicateMrnError, import_case
from app.services.mdt_service import DUPLICATE_LISTING, DUPLICATE_MEETING, MdtError, MdtService

from .factories import full_case


def race(target: str, n: int, fn: Callable[[Database, int], Any]) -> list[Any]:
    """Run ``fn(own_database, i)`` in ``n`` threads released together; each thread has its own
    Database (own connections). Returns results or exceptions, in thread order."""
    barrier = threading.Barrier(n)
    out: list[Any] = [None] * n

    def work(i: int) -> None:
        db = open_database(target)
        try:
            barrier.wait()
            out[i] = fn(db, i)
        except Exception as exc:  # collected, asserted by the caller
            out[i] = exc
        finally:
            db.dispose()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def count(db: Database, stmt) -> int:
    with db.session() as s:
        return s.scalar(stmt)


def check_folded_mrn(db: Database) -> None:
    pid = import_case(db, full_case("  CaseVar-1 "), "t")
    with db.session() as s:
        assert s.get(M.Patient, pid).mrn == "CaseVar-1"  # trimmed on entry
    for variant in ("casevar-1", "CASEVAR-1", " casevar-1"):
        with pytest.raises(DuplicateMrnError):
            import_case(db, full_case(variant), "t")
    # a write that skips the pre-check (a lost race) is stopped by the key itself
    with pytest.raises(IntegrityError) as info, db.session() as s:
        s.add(M.Patient(mrn="CASEVAR-1 "))
        s.flush()
    assert violated(info.value, "uq_patient_mrn_folded")
    assert count(db, select(func.count(M.Patient.id))) == 1


def check_concurrent_case_import(target: str, db: Database, n: int = 6) -> None:
    results = race(target, n, lambda d, i: import_case(d, full_case(
        "RACE-1" if i % 2 else "race-1"), f"t{i}"))
    assert sum(isinstance(r, int) for r in results) == 1, results
    assert all(isinstance(r, (int, DuplicateMrnError)) for r in results), results
    assert count(db, select(func.count(M.Patient.id))) == 1


def check_concurrent_meetings(target: str, db: Database, n: int = 8) -> None:
    day = date(2027, 3, 4)
    results = race(target, n, lambda d, i: MdtService(d, f"u{i}").create_meeting(day))
    made = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, MdtError)]
    assert len(made) == 1 and len(refused) == n - 1, results
    assert all(str(r) == f"meeting_date: {DUPLICATE_MEETING}" for r in refused)
    assert count(db, select(func.count(M.MdtMeeting.id))) == 1


def check_concurrent_listing(target: str, db: Database, n: int = 8) -> None:
    import_case(db, full_case("LIST-1"), "t")
    meeting = MdtService(db, "u").create_meeting(date(2027, 4, 1))
    results = race(target, n, lambda d, i: MdtService(d, f"u{i}").add_case(
        meeting.id, "list-1", f"question {i}"))
    made = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, MdtError)]
    assert len(made) == 1 and len(refused) == n - 1, results
    assert all(str(r) == f"mrn: {DUPLICATE_LISTING}" for r in refused)
    service = MdtService(db, "u")
    assert len(service.list_cases(meeting.id)) == 1
    # a withdrawn listing does not count: the patient can be listed again
    service.withdraw_case(made[0].id, "listed by mistake")
    again = service.add_case(meeting.id, "LIST-1", "the right question")
    assert [c.id for c in service.list_cases(meeting.id)] == [again.id]
