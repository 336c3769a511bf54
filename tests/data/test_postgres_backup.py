"""The README's PostgreSQL backup and restore (``pg_dump --format=custom`` /
``pg_restore`` into an empty database) on the throwaway cluster: the restored registry is at
the head revision, holds every row and passes the round trip; ``bonemet backup`` and
``bonemet restore`` refuse a server database with exit 2."""

from __future__ import annotations

import subprocess

import pytest
from sqlalchemy import create_engine, text

from app.cli import main
from app.data import models as M
from app.data.engine import open_database
from app.data.migrate import current_revision, ensure_schema, head_revision
from app.services.case_service import import_case, load_case

from .factories import example_case, full_case
from .test_postgres import _bin, pg_db, pg_server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow


def counts(db) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t.name: conn.execute(text(f'SELECT count(*) FROM "{t.name}"')).scalar_one()
                for t in M.Base.metadata.sorted_tables}


def test_pg_dump_and_pg_restore_bring_back_the_registry(pg_db, pg_server, tmp_path,  # noqa: F811
                                                        capsys):
    pg_dump, pg_restore = _bin("pg_dump"), _bin("pg_restore")
    if not pg_dump or not pg_restore:
        pytest.skip("pg_dump / pg_restore not installed")
    ensure_schema(pg_db)
    for case in (example_case(), full_case()):
        import_case(pg_db, case, "tester")
    before = counts(pg_db)
    plain = pg_db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    dump = tmp_path / "bonemet.dump"
    subprocess.run([pg_dump, "--format=custom", f"--file={dump}", plain], check=True)

    admin = create_engine(f"{pg_server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text('DROP DATABASE IF EXISTS "t_restored"'))
        conn.execute(text('CREATE DATABASE "t_restored"'))
    target = f"{pg_server}/t_restored"
    try:
        restored_plain = target.replace("postgresql+psycopg", "postgresql")
        subprocess.run([pg_restore, "--exit-on-error", "--no-owner",
                        f"--dbname={restored_plain}", str(dump)], check=True)
        restored = open_database(target)
        try:
            assert current_revision(restored) == head_revision()
            assert counts(restored) == before
            assert load_case(restored, "FULL-001") == load_case(pg_db, "FULL-001")
        finally:
            restored.dispose()
        assert main(["db", "current", "--db", target]) == 0
        assert "up to date" in capsys.readouterr().out
    finally:
        with admin.connect() as conn:
            conn.execute(text('DROP DATABASE IF EXISTS "t_restored"'))
        admin.dispose()

    url = str(pg_db.engine.url.render_as_string(hide_password=False))
    assert main(["backup", "--db", url]) == 2
    assert "pg_dump" in capsys.readouterr().err
    assert main(["restore", str(dump), "--db", url]) == 2
    assert "pg_restore" in capsys.readouterr().err
