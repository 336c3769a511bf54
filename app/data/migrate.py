"""Schema versions: Alembic, configured in code (no alembic.ini), scripts in ``db/migrations``.

:func:`ensure_schema` is what the app runs on start:

- empty database → upgrade to head (creates every table);
- behind head → an SQLite file is first copied (online backup API) to a timestamped file next
  to it, then upgraded;
- at head → nothing;
- a revision this build does not know (a newer build wrote it) → :class:`SchemaTooNewError`,
  and nothing is touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from app.data.engine import Database
from app.data.sqlite_copy import copy_sqlite

#: ``<repo>/db/migrations``, located relative to the app package (repo top level).
MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "db" / "migrations"


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer BoneMet build (unknown schema revision)."""


class SchemaError(RuntimeError):
    """The database holds tables but no schema revision (not a BoneMet registry)."""


@dataclass(frozen=True)
class SchemaStatus:
    before: str | None  # revision found (None = empty database)
    after: str  # revision now (head)
    action: str  # "created" | "upgraded" | "current"
    backup: Path | None = None  # copy taken before an upgrade (SQLite)


def object_filter(dialect_name: str):
    """An Alembic ``include_object`` hook that skips schema items limited to another dialect
    (``ddl_if``), e.g. the PostgreSQL-only lower() indexes when looking at SQLite."""
    def include_object(obj, name, type_, reflected, compare_to) -> bool:
        ddl_if = getattr(obj, "_ddl_if", None)
        if not reflected and ddl_if is not None and ddl_if.dialect is not None:
            return ddl_if.dialect == dialect_name
        return True
    return include_object


def alembic_config(db: Database | None = None, script_location: Path | None = None) -> Config:
    """An Alembic Config built in code; the app's engine is handed to env.py."""
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or MIGRATIONS_DIR))
    if db is not None:
        cfg.attributes["engine"] = db.engine
    return cfg


def head_revision(script_location: Path | None = None) -> str:
    script = ScriptDirectory.from_config(alembic_config(script_location=script_location))
    head = script.get_current_head()
    if head is None:  # pragma: no cover - the repo always ships migrations
        raise SchemaError("no migrations found")
    return head


def current_revision(db: Database) -> str | None:
    """The revision stamped in the database (None when it has none)."""
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _user_tables(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return [t for t in inspect(conn).get_table_names() if t != "alembic_version"]


def upgrade(db: Database, revision: str = "head", script_location: Path | None = None) -> None:
    """Run the migrations up to ``revision`` (no backup; see :func:`ensure_schema`)."""
    command.upgrade(alembic_config(db, script_location), revision)


def downgrade(db: Database, revision: str, script_location: Path | None = None) -> None:
    command.downgrade(alembic_config(db, script_location), revision)


def check_known(db: Database, script_location: Path | None = None) -> str | None:
    """Return the current revision; raise SchemaTooNewError when this build does not know it."""
    current = current_revision(db)
    if current is None:
        return None
    script = ScriptDirectory.from_config(alembic_config(script_location=script_location))
    try:
        known = script.get_revision(current) is not None
    except Exception:
        known = False
    if not known:
        raise SchemaTooNewError(
            f"This database has schema revision {current!r}, which this version of BoneMet does "
            f"not know (newest known: {head_revision(script_location)!r}). It was probably "
            "written by a newer BoneMet. Update BoneMet; the database was not changed."
        )
    return current


def backup_before_upgrade(db: Database, revision: str | None) -> Path | None:
    """Copy the SQLite file to ``<name>.pre-<rev>-<timestamp>.sqlite`` next to it."""
    if not db.is_sqlite or db.sqlite_path is None:
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = db.sqlite_path.with_name(
        f"{db.sqlite_path.stem}.pre-upgrade-{revision or 'none'}-{stamp}.sqlite"
    )
    copy_sqlite(db, target)
    return target


def ensure_schema(db: Database, script_location: Path | None = None) -> SchemaStatus:
    """Bring the database to head on start (see module docstring)."""
    head = head_revision(script_location)
    current = check_known(db, script_location)
    if current == head:
        return SchemaStatus(current, head, "current")
    if current is None:
        if _user_tables(db):
            raise SchemaError(
                "This database has tables but no BoneMet schema revision; it is not a BoneMet "
                "registry (or it is damaged). It was not changed."
            )
        upgrade(db, "head", script_location)
        return SchemaStatus(None, head, "created")
    backup = backup_before_upgrade(db, current)
    upgrade(db, "head", script_location)
    return SchemaStatus(current, head, "upgraded", backup)
