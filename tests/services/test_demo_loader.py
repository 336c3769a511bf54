"""The demo loader: row counts, a faithful round trip, search keys, one audit row, refusal of
a non-empty registry, progress and cancel, and the on-first-use demo file."""

from __future__ import annotations

from datetime import date

import pytest
from pypinyin import Style, lazy_pinyin
from sqlalchemy import func, select

from app.data import models as M
from app.data.engine import open_database
from app.services.case_service import load_case
from app.services.demo.generator import generate_cases
from app.services.demo.loader import (
    DemoRegistryNotEmpty,
    ensure_demo_registry,
    write_demo_registry,
)
from app.services.registry import RegistryService

REF = date(2026, 11, 21)
N = 60


def _count(db, model) -> int:
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model.__table__)).scalar_one()


def test_writes_the_expected_rows(db):
    seen: list[tuple[int, int]] = []
    result = write_demo_registry(db, N, 3, reference_date=REF, chunk_size=25,
                                 progress=lambda done, total: seen.append((done, total)))
    cases = [p.case for p in generate_cases(N, 3, REF)]
    assert seen == [(25, N), (50, N), (60, N)]
    assert result.patients == N and not result.cancelled
    assert _count(db, M.Patient) == N
    expected = {
        M.LabResult: sum(len(c.labs) for c in cases),
        M.ImagingRecord: sum(len(c.imaging) for c in cases),
        M.BiopsyRecord: sum(len(c.biopsies) for c in cases),
        M.LesionRecord: sum(len(c.lesions) for c in cases),
        M.SymptomRecord: sum(len(c.symptoms) for c in cases),
        M.BmaAdministration: sum(len(c.bma.administrations) for c in cases),
        M.BmaStop: sum(len(c.bma.stops) for c in cases),
        M.BmaInterval: sum(len(c.bma.interval_days) for c in cases),
        M.DentalExam: sum(len(c.dental.exams) for c in cases),
        M.DentalProcedureRecord: sum(len(c.dental.procedures) for c in cases),
        M.ClinicalEvent: sum(len(c.events) for c in cases),
    }
    assert {m: _count(db, m) for m in expected} == expected
    assert result.labs == expected[M.LabResult] > 10 * N
    assert result.records == sum(expected.values())
    assert _count(db, M.MdtMeeting) == 2
    assert _count(db, M.MdtCase) == result.mdt_cases >= 6
    with db.engine.connect() as conn:
        audit = conn.execute(select(M.AuditLog.action, M.AuditLog.entity,
                                    M.AuditLog.summary)).all()
    assert audit == [("import", "demo_registry", f"import demo_registry: {N} records")]


def test_cases_read_back_equal_the_generated_ones(db):
    write_demo_registry(db, 25, 1, reference_date=REF)
    for p in generate_cases(25, 1, REF):
        assert load_case(db, p.mrn) == p.case, p.mrn


def test_registry_fields_and_cached_summary(db):
    result = write_demo_registry(db, 30, 1, reference_date=REF)
    generated = {p.mrn: p for p in generate_cases(30, 1, REF)}
    with db.engine.connect() as conn:
        rows = conn.execute(select(M.Patient.mrn, M.Patient.language, M.Patient.phone,
                                   M.Patient.bm_status, M.Patient.summary_as_of)).all()
    assert result.summary_failures == 0
    for mrn, language, phone, bm_status, as_of in rows:
        assert (language, phone) == (generated[mrn].language, generated[mrn].phone)
        if result.summaries:
            assert bm_status in ("confirmed", "suspected", "not_found", "unknown")
            assert as_of == REF


def test_search_finds_a_chinese_patient_by_pinyin_initials(db):
    write_demo_registry(db, 40, 1, reference_date=REF)
    chinese = next(p for p in generate_cases(40, 1, REF)
                   if p.case.patient.name and not p.case.patient.name.isascii())
    name = chinese.case.patient.name
    initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER))
    full = "".join(lazy_pinyin(name))
    service = RegistryService(db, "test")
    assert chinese.mrn in [r.mrn for r in service.search(initials.upper())]
    assert chinese.mrn in [r.mrn for r in service.search(full)]


def test_refuses_a_registry_that_holds_patients(db):
    write_demo_registry(db, 5, 1, reference_date=REF)
    with pytest.raises(DemoRegistryNotEmpty):
        write_demo_registry(db, 5, 2, reference_date=REF)
    assert _count(db, M.Patient) == 5


def test_cancel_stops_after_the_current_chunk(db):
    result = write_demo_registry(db, 30, 1, reference_date=REF, chunk_size=10,
                                 cancel=lambda: True)
    assert result.cancelled and result.patients == 10
    assert _count(db, M.Patient) == 10
    with db.engine.connect() as conn:
        assert conn.execute(select(M.AuditLog.summary)).scalar_one().endswith("10 records")


def test_bad_patient_count_is_refused(db):
    with pytest.raises(ValueError, match="^n: "):
        write_demo_registry(db, 0, 1)


def test_ensure_demo_registry_creates_once(tmp_path):
    path = tmp_path / "sub" / "demo.sqlite"
    assert ensure_demo_registry(path) == path
    db = open_database(path)
    try:
        assert _count(db, M.Patient) == 200
    finally:
        db.dispose()
    stamp = path.stat().st_mtime_ns
    assert ensure_demo_registry(path) == path
    assert path.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in path.parent.iterdir() if "building" in p.name) == []


def test_worker_processes_give_the_same_registry(db, tmp_path):
    from data.factories import migrated_db

    write_demo_registry(db, 12, 5, reference_date=REF, chunk_size=4)
    other = migrated_db(tmp_path / "parallel.sqlite")
    try:
        result = write_demo_registry(other, 12, 5, reference_date=REF, chunk_size=4, workers=2)
        assert result.patients == 12
        cols = (M.Patient.mrn, M.Patient.name_initials, M.Patient.bm_status,
                M.Patient.alert_count, M.Patient.next_due_date)
        with db.engine.connect() as a, other.engine.connect() as b:
            assert (a.execute(select(*cols).order_by(M.Patient.mrn)).all()
                    == b.execute(select(*cols).order_by(M.Patient.mrn)).all())
        for p in generate_cases(12, 5, REF):
            assert load_case(other, p.mrn) == load_case(db, p.mrn) == p.case
    finally:
        other.dispose()
