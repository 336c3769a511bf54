"""Migration battery: single head, upgrade from empty, models == migrated schema, downgrade round
trip, child rows survive a batch rebuild of their parent table, backup before an upgrade,
refusal of a newer schema."""

from __future__ import annotations

import shutil
import sqlite3
import warnings
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select, text

from app.data import models as M
from app.data.engine import open_database
from app.data.migrate import (
    HEAD_REVISION,
    MIGRATIONS_DIR,
    SchemaError,
    SchemaTooNewError,
    alembic_config,
    current_revision,
    downgrade,
    ensure_schema,
    head_revision,
    object_filter,
    upgrade,
)
from app.services.case_service import import_case, load_case

from .factories import full_case

THROWAWAY_MIGRATION = '''"""test only: widen patient.phone (batch-rebuilds the parent table)"""
from alembic import op
import sqlalchemy as sa

revision = "0002_test"
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("patient") as batch_op:
        batch_op.alter_column("phone", existing_type=sa.String(40), type_=sa.String(60))


def downgrade() -> None:
    with op.batch_alter_table("patient") as batch_op:
        batch_op.alter_column("phone", existing_type=sa.String(60), type_=sa.String(40))
'''


@pytest.fixture
def script_dir_with_test_migration(tmp_path) -> Path:
    """A copy of app/migrations plus a throwaway migration that rebuilds `patient`."""
    target = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "versions" / "0002_test.py").write_text(
        THROWAWAY_MIGRATION.format(down=head_revision()), "utf-8"
    )
    return target


def _diff(db) -> list:
    with db.engine.connect() as conn, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*expression-based index")
        mc = MigrationContext.configure(conn, opts={
            "compare_type": True, "include_object": object_filter(conn.dialect.name)})
        return compare_metadata(mc, M.Base.metadata)


def _counts(db) -> dict[str, int]:
    with db.session() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t))
                for t in M.Base.metadata.sorted_tables}


def test_single_head():
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    assert script.get_current_head() == head_revision()


def test_head_revision_constant_is_the_scripts_head():
    # ensure_schema's sqlite3 fast path trusts HEAD_REVISION: a new migration must update it
    assert HEAD_REVISION == head_revision()


def test_fast_path_only_for_a_file_at_head(tmp_path):
    db = open_database(tmp_path / "r.sqlite")
    ensure_schema(db)
    assert ensure_schema(db).action == "current"
    downgrade(db, "0001")
    status = ensure_schema(db)  # behind head: not taken by the fast path, upgraded with backup
    assert (status.before, status.action, status.after) == ("0001", "upgraded", HEAD_REVISION)
    assert status.backup is not None and status.backup.is_file()
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'zz_future'"))
    with pytest.raises(SchemaTooNewError):
        ensure_schema(db)
    db.dispose()


def test_upgrade_from_empty_creates_every_table(tmp_path):
    db = open_database(tmp_path / "new.sqlite")
    status = ensure_schema(db)
    assert (status.before, status.action, status.after) == (None, "created", head_revision())
    with db.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    assert set(M.Base.metadata.tables) <= tables
    assert current_revision(db) == head_revision()
    assert ensure_schema(db).action == "current"
    db.dispose()


def test_models_match_migrated_schema(db):
    assert _diff(db) == []


def test_downgrade_upgrade_round_trip(db):
    downgrade(db, "base")
    with db.engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    assert current_revision(db) is None
    upgrade(db)
    assert current_revision(db) == head_revision()
    assert _diff(db) == []


def test_child_rows_survive_batch_rebuild_of_parent(db, script_dir_with_test_migration):
    case = full_case()
    import_case(db, case, "tester")
    before = _counts(db)
    assert before["lab_result"] == 4 and before["patient"] == 1
    upgrade(db, script_location=script_dir_with_test_migration)
    assert current_revision(db) == "0002_test"
    with db.engine.connect() as conn:  # the rebuild really happened
        phone = next(c for c in inspect(conn).get_columns("patient") if c["name"] == "phone")
        assert phone["type"].length == 60
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # back on
    assert _counts(db) == before
    assert load_case(db, case.patient.mrn) == case
    downgrade(db, head_revision(), script_location=script_dir_with_test_migration)
    assert _counts(db) == before


def test_the_trap_is_real_without_the_env_guard(db, script_dir_with_test_migration):
    """Control: with foreign keys left ON during the rebuild, the child rows do not survive
    intact (SQLite deletes or refuses) — which is why env.py switches them off."""
    env = script_dir_with_test_migration / "env.py"
    env.write_text(env.read_text("utf-8").replace('"PRAGMA foreign_keys=OFF"',
                                                  '"PRAGMA foreign_keys=ON"'), "utf-8")
    import_case(db, full_case(), "tester")
    before = _counts(db)
    try:
        upgrade(db, script_location=script_dir_with_test_migration)
    except Exception:
        failed = True
    else:
        failed = False
    assert failed or _counts(db) != before


def test_foreign_key_check_failure_rolls_back(db, tmp_path):
    """A migration that leaves dangling child rows is rolled back by env.py."""
    target = tmp_path / "bad_migrations"
    shutil.copytree(MIGRATIONS_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "versions" / "0002_bad.py").write_text(
        '"""test only: orphan a child row"""\n'
        "from alembic import op\n\n"
        f"revision = '0002_bad'\ndown_revision = {head_revision()!r}\n"
        "branch_labels = None\ndepends_on = None\n\n\n"
        "def upgrade():\n    op.execute('UPDATE lab_result SET patient_id = 999')\n\n\n"
        "def downgrade():\n    pass\n", "utf-8")
    import_case(db, full_case(), "tester")
    with pytest.raises(Exception, match="foreign keys"):
        upgrade(db, script_location=target)
    assert current_revision(db) == head_revision()
    with db.session() as s:
        assert s.scalar(select(func.count()).where(M.LabResult.patient_id == 999)) == 0


def test_behind_takes_a_copy_then_upgrades(db, script_dir_with_test_migration):
    import_case(db, full_case(), "tester")
    status = ensure_schema(db, script_location=script_dir_with_test_migration)
    assert (status.before, status.after, status.action) == (
        head_revision(), "0002_test", "upgraded")
    assert status.backup is not None and status.backup.exists()
    assert status.backup.parent == db.sqlite_path.parent
    copy = sqlite3.connect(status.backup)
    try:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == \
            head_revision()
        assert copy.execute("SELECT count(*) FROM lab_result").fetchone()[0] == 4
    finally:
        copy.close()
    assert current_revision(db) == "0002_test"


def test_newer_schema_is_refused_and_left_untouched(db):
    import_case(db, full_case(), "tester")
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    before = _counts(db)
    files_before = sorted(p.name for p in db.sqlite_path.parent.iterdir())
    with pytest.raises(SchemaTooNewError, match="newer BoneMet"):
        ensure_schema(db)
    assert current_revision(db) == "9999_future"
    assert _counts(db) == before
    assert sorted(p.name for p in db.sqlite_path.parent.iterdir()) == files_before


def test_tables_without_revision_are_not_adopted(tmp_path):
    path = tmp_path / "foreign.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE something (x INTEGER)")
    con.commit()
    con.close()
    db = open_database(path)
    with pytest.raises(SchemaError, match="not a BoneMet registry"):
        ensure_schema(db)
    db.dispose()
