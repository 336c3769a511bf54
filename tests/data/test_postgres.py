"""The same migrations and round trips on PostgreSQL, in a private throwaway cluster (initdb +
pg_ctl on a free port, removed afterwards). Skipped only when the PostgreSQL server binaries
(Debian package ``postgresql``) or the psycopg driver are not installed."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import warnings
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, select, text

from app.data import models as M
from app.data.engine import open_database
from app.data.migrate import (
    current_revision,
    downgrade,
    ensure_schema,
    head_revision,
    object_filter,
    upgrade,
)
from app.data.patient_repo import search_statement
from app.services.case_service import import_case, load_case, mark_entered_in_error
from app.services.registry import ConcurrentEditError, PatientForm, RegistryService

from .factories import example_case, full_case

pytestmark = pytest.mark.slow


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def pg_server():
    pytest.importorskip("psycopg")
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="bonemet-pg-"))
    data, sock, log = root / "data", root / "sock", root / "pg.log"
    sock.mkdir()
    if os.geteuid() == 0:
        root.chmod(0o755)
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
    port = _free_port()
    try:
        subprocess.run(_as_postgres([initdb, "-D", str(data), "-U", "postgres", "-A", "trust",
                                     "-E", "UTF8", "--locale=C.UTF-8"]),
                       check=True, capture_output=True)
        subprocess.run(_as_postgres([
            pg_ctl, "-D", str(data), "-l", str(log), "-w", "-o",
            f"-c listen_addresses=127.0.0.1 -p {port} -k {sock} -c fsync=off", "start",
        ]), check=True, capture_output=True)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(_as_postgres([pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"]),
                           capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_db(pg_server, request):
    name = "t_" + request.node.name.lower().replace("[", "_").replace("]", "")[:50]
    admin = create_engine(f"{pg_server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = open_database(f"{pg_server}/{name}")
    yield db
    db.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


def test_migrations_on_postgres(pg_db):
    assert ensure_schema(pg_db).action == "created"
    with pg_db.engine.connect() as conn, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*expression-based index")
        mc = MigrationContext.configure(conn, opts={
            "compare_type": True, "include_object": object_filter(conn.dialect.name)})
        assert compare_metadata(mc, M.Base.metadata) == []
    downgrade(pg_db, "base")
    assert current_revision(pg_db) is None
    upgrade(pg_db)
    assert current_revision(pg_db) == head_revision()
    assert "postgresql" in pg_db.describe()


def test_case_round_trip_on_postgres(pg_db):
    ensure_schema(pg_db)
    for case in (example_case(), full_case()):
        import_case(pg_db, case, "tester")
        assert load_case(pg_db, case.patient.mrn) == case
    rid = load_case(pg_db, "FULL-001").labs[0].rid
    mark_entered_in_error(pg_db, "lab_result", rid, "typo", "tester")
    assert len(load_case(pg_db, "FULL-001").labs) == 3
    with pg_db.session() as s:
        assert s.scalar(select(func.count()).select_from(M.LabResult)) == 10


def test_registry_on_postgres(pg_db):
    ensure_schema(pg_db)
    reg = RegistryService(pg_db, "dr.pg")
    reg.create(PatientForm(mrn="MRN-1", name="张小燕", sex="female"))
    reg.create(PatientForm(mrn="mrn-2", name="John Smith"))
    assert [r.mrn for r in reg.search("zxy")] == ["MRN-1"]
    assert [r.mrn for r in reg.search("MRN", sort="name")] == ["mrn-2", "MRN-1"]
    assert reg.count("%") == 0 and reg.count_all() == 2
    assert {e.code for e in reg.validate(PatientForm(mrn="mrn-1"))} == {"duplicate"}
    assert load_case(pg_db, "mrn-1").patient.mrn == "MRN-1"
    pid = reg.search("john")[0].id
    form, version = reg.load_form(pid)
    form.phone = "13800138000"
    reg.update(pid, form, version)
    with pytest.raises(ConcurrentEditError):
        reg.update(pid, form, version)


def test_postgres_search_uses_the_lower_indexes(pg_db):
    ensure_schema(pg_db)
    reg = RegistryService(pg_db, "dr.pg")
    reg.create(PatientForm(mrn="MRN-1", name="张小燕"))
    with pg_db.session() as s:
        s.execute(text("SET LOCAL enable_seqscan = off"))  # tiny table: force the choice
        stmt = search_statement(s, "Zx")
        compiled = stmt.compile(dialect=pg_db.engine.dialect,
                                compile_kwargs={"literal_binds": True})
        plan = "\n".join(r[0] for r in s.execute(text(f"EXPLAIN {compiled}")))
    assert "Seq Scan" not in plan, plan
    for col in ("mrn", "name", "name_pinyin", "name_initials"):
        assert f"ix_patient_lower_{col}" in plan, plan
