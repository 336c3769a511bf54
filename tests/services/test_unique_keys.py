"""Unique keys on SQLite (migration 0003_unique_keys): the folded MRN, one MDT meeting per date,
a patient once per meeting — with concurrent writers, and the upgrade of a registry that
already holds duplicates (renamed / merged / withdrawn, never deleted)."""

from __future__ import annotations

from data.factories import migrated_db
from data.unique_checks import (
    check_concurrent_case_import,
    check_concurrent_listing,
    check_concurrent_meetings,
    check_folded_mrn,
)
from sqlalchemy import text

from app.data.migrate import downgrade, upgrade


def test_folded_mrn(db):
    check_folded_mrn(db)


def test_concurrent_case_imports_store_one_patient(db):
    check_concurrent_case_import(str(db.sqlite_path), db)


def test_concurrent_create_meeting_makes_one(db):
    check_concurrent_meetings(str(db.sqlite_path), db)


def test_concurrent_add_case_lists_once(db):
    check_concurrent_listing(str(db.sqlite_path), db)


def test_upgrade_resolves_existing_duplicates_without_deleting_records(tmp_path):
    db = migrated_db(tmp_path / "old.sqlite")
    downgrade(db, "0002_workup")
    with db.engine.begin() as conn:
        for mrn in ("DUP-1", " DUP-1", "DUP-1 ", "OTHER "):
            conn.execute(text("INSERT INTO patient (mrn, language, version, created_at, "
                              "updated_at) VALUES (:m, 'zh', 1, '2026-01-01', '2026-01-01')"),
                         {"m": mrn})
        for _ in range(2):
            conn.execute(text("INSERT INTO mdt_meeting (meeting_date, version, created_at) "
                              "VALUES ('2027-01-05', 1, '2026-01-01')"))
        for meeting, decision in ((1, None), (2, "operate"), (2, None)):
            conn.execute(text(
                "INSERT INTO mdt_case (meeting_id, patient_id, decision, entered_in_error, "
                "version, created_at) VALUES (:m, 1, :d, 0, 1, '2026-01-01')"),
                {"m": meeting, "d": decision})
    upgrade(db)
    with db.engine.connect() as conn:
        mrns = [r[0] for r in conn.execute(text("SELECT mrn FROM patient ORDER BY id"))]
        meetings = conn.execute(text("SELECT id, meeting_date FROM mdt_meeting")).all()
        cases = conn.execute(text("SELECT id, meeting_id, decision, entered_in_error "
                                  "FROM mdt_case ORDER BY id")).all()
        audits = conn.execute(text("SELECT entity, entity_id FROM audit_log "
                                   "WHERE actor = 'upgrade 0003' ORDER BY id")).all()
    assert mrns == ["DUP-1", "DUP-1-DUP-2", "DUP-1-DUP-3", "OTHER"]
    assert [m[0] for m in meetings] == [1] and str(meetings[0][1]) == "2027-01-05"
    # all three listings kept on meeting 1; the one with a decision stays active
    assert [(c[1], c[2], c[3]) for c in cases] == [(1, None, 1), (1, "operate", 0), (1, None, 1)]
    assert audits == [("patient", 2), ("patient", 3), ("mdt_meeting", 1), ("mdt_case", 1),
                      ("mdt_case", 3)]
    downgrade(db, "0002_workup")  # and back: the keys go, the data stays
    upgrade(db)
    db.dispose()
