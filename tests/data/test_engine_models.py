"""Engine (pragmas, URLs, sessions), model behaviour (versions, never-delete), search keys."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from app.data import models as M
from app.data.engine import (
    DatabaseTargetError,
    default_sqlite_path,
    demo_sqlite_path,
    open_database,
)
from app.data.search_keys import name_search_keys, normalise_query


def test_sqlite_pragmas_on_every_connection(db):
    with db.session() as s:
        conn = s.connection()
        got = {p: conn.exec_driver_sql(f"PRAGMA {p}").scalar()
               for p in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")}
    assert got["foreign_keys"] == 1
    assert got["journal_mode"] == "wal"
    assert got["synchronous"] == 2  # FULL
    assert got["busy_timeout"] >= 1000


def test_foreign_keys_enforced(db):
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(M.LabResult(patient_id=12345, on_date=date(2026, 1, 1), analyte="CTX",
                          value=1.0, unit="ng/mL"))


def test_session_rolls_back_on_error(db):
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(M.Patient(mrn="R1"))
        s.flush()
        raise RuntimeError("boom")
    with db.session() as s:
        assert s.scalar(select(M.Patient.id)) is None


def test_open_database_targets(tmp_path):
    db = open_database(tmp_path / "a" / "b.sqlite")
    assert db.is_sqlite and db.sqlite_path == (tmp_path / "a" / "b.sqlite").resolve()
    assert "b.sqlite" in db.describe()
    db.dispose()
    db = open_database(f"sqlite:///{tmp_path / 'c.sqlite'}")
    assert db.sqlite_path == (tmp_path / "c.sqlite").resolve()
    db.dispose()
    with pytest.raises(DatabaseTargetError):
        open_database("mysql://u:p@h/db")
    with pytest.raises(DatabaseTargetError):
        open_database(tmp_path)  # a folder


def test_url_display_masks_password():
    pytest.importorskip("psycopg")
    db = open_database("postgresql://alice:s3cret@db.example/bonemet")
    assert "s3cret" not in db.url_display and "s3cret" not in db.describe()
    assert db.engine.url.drivername == "postgresql+psycopg"
    db.dispose()


def test_default_paths():
    assert default_sqlite_path().name == "registry.sqlite"
    assert default_sqlite_path().parent.name == "BoneMet"
    assert demo_sqlite_path().name == "demo.sqlite"


def test_version_column_detects_concurrent_update(db):
    with db.session() as s:
        s.add(M.Patient(mrn="V1"))
    a, b = db._factory(), db._factory()
    try:
        pa = a.scalars(select(M.Patient)).one()
        pb = b.scalars(select(M.Patient)).one()
        assert pa.version == pb.version == 1
        pa.phone = "123456"
        a.commit()
        pb.phone = "654321"
        with pytest.raises(StaleDataError):
            b.flush()
        b.rollback()
    finally:
        a.close()
        b.close()
    with db.session() as s:
        p = s.scalars(select(M.Patient)).one()
        assert (p.phone, p.version) == ("123456", 2)


def test_record_datetimes_round_trip_with_offset(db):
    cst = timezone(timedelta(hours=8))
    at = datetime(2026, 3, 1, 23, 30, tzinfo=cst)
    with db.session() as s:
        p = M.Patient(mrn="T1")
        s.add(p)
        s.flush()
        s.add(M.LabResult(patient_id=p.id, on_date=date(2026, 3, 1), at_time=at,
                          analyte="CA", value=2.3, unit="mmol/L"))
    with db.session() as s:
        lab = s.scalars(select(M.LabResult)).one()
        assert lab.at_time == at and lab.at_time.utcoffset() == timedelta(hours=8)
        assert lab.on_date == date(2026, 3, 1)  # the date as written, not the UTC date
        assert lab.created_at.tzinfo is not None


@pytest.mark.parametrize("name, keys", [
    ("张小燕", ("zhangxiaoyan", "zxy")),
    ("John Smith", ("johnsmith", "js")),
    ("单雄信", ("shanxiongxin", "sxx")),
    ("曾国藩", ("zengguofan", "zgf")),
    ("欧阳娜娜", ("ouyangnana", "oynn")),
    ("尉迟恭", ("yuchigong", "ycg")),
    ("李Anna", ("lianna", "la")),
    ("José  Álvarez-Núñez", ("josealvareznunez", "jan")),
    ("", ("", "")),
    (None, ("", "")),
])
def test_name_search_keys(name, keys):
    assert name_search_keys(name) == keys


def test_normalise_query():
    assert normalise_query(" Zhang Xiao ") == "zhangxiao"
    assert normalise_query("José") == "jose"


def test_latest_lab_query_uses_the_patient_analyte_date_index(db):
    stmt = (select(M.LabResult.value).where(M.LabResult.patient_id == 1,
                                            M.LabResult.analyte == "CTX")
            .order_by(M.LabResult.on_date.desc()).limit(1))
    with db.session() as s:
        compiled = stmt.compile(dialect=db.engine.dialect)
        params = tuple(compiled.params[k] for k in compiled.positiontup)
        plan = [r[3] for r in s.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN " + str(compiled), params)]
    assert any("USING INDEX ix_lab_result_patient_id_analyte_on_date" in p for p in plan), plan
    assert not any("TEMP B-TREE" in p for p in plan), plan  # the index gives the order too
