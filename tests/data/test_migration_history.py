"""Migration 0004_therapy_history (issue 20 item 8): rows written before it keep every value
(the new columns are NULL = not recorded) and count in the case as before; history rows
written after it go away with a downgrade and the older columns' rows stay."""

from __future__ import annotations

from datetime import date

from sqlalchemy import inspect, text

from app.data import case_repo
from app.data.engine import open_database
from app.data.migrate import downgrade, upgrade

BEFORE = "0003_lab_review_queue"


def _columns(db, table: str) -> set[str]:
    with db.engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns(table)}


def test_rows_before_the_migration_survive_it_and_a_downgrade(tmp_path):
    db = open_database(tmp_path / "r.sqlite")
    upgrade(db, BEFORE)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO patient (id, mrn, language, careplan_large_print, "
                          "rebound_open, version, created_at, updated_at) VALUES "
                          "(1, 'M-1', 'zh', 0, 0, 1, '2026-01-01', '2026-01-01')"))
        conn.execute(text("INSERT INTO dental_exam (patient_id, on_date, version, "
                          "entered_in_error, created_at) VALUES (1, '2026-02-01', 1, 0, "
                          "'2026-02-01')"))
        conn.execute(text("INSERT INTO symptom (patient_id, on_date, kind, version, "
                          "entered_in_error, created_at) VALUES (1, '2026-02-02', 'bone_pain', 1,"
                          " 0, '2026-02-02')"))
    assert "therapy_line" not in inspect(db.engine).get_table_names()
    upgrade(db)
    assert {"oral_hygiene", "infection", "extraction_needed"} <= _columns(db, "dental_exam")
    assert {"nrs", "analgesic_step"} <= _columns(db, "symptom")
    with db.session() as s:
        case = case_repo.load_case(s, 1)
        assert case.dental.exams == [date(2026, 2, 1)] and case.dental.findings == []
        assert case.dental.clearance_exams() == [date(2026, 2, 1)]
        assert (case.symptoms[0].nrs, case.symptoms[0].analgesic_step) == (None, None)
        assert case.therapy_lines == [] and case.disease_course == []
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO therapy_line (patient_id, line, drugs, start, version, "
                          "entered_in_error, created_at) VALUES (1, 1, '[\"gefitinib\"]', "
                          "'2020-05-01', 1, 0, '2026-02-03')"))
        conn.execute(text("UPDATE dental_exam SET extraction_needed = 1"))
    with db.session() as s:
        case = case_repo.load_case(s, 1)
        assert case.therapy_lines[0].drugs == ["gefitinib"]
        assert case.dental.clearance_exams() == []
    downgrade(db, BEFORE)
    assert "therapy_line" not in inspect(db.engine).get_table_names()
    assert "extraction_needed" not in _columns(db, "dental_exam")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM dental_exam")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM symptom")).scalar() == 1
    db.dispose()
