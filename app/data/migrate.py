"""Schema versions: Alembic, configured in code (no alembic.ini), scripts in ``app/migrations``.

:func:`ensure_schema` is what the app runs on start:

- empty database → upgrade to head (creates every table);
- behind head → an SQLite file is first copied (online backup API) to a timestamped file next
  to it, then upgraded;
- at head → nothing;
- a revision this build does not know (a newer build wrote it) → :class:`SchemaTooNewError`,
  and nothing is touched.

Start-up cost: Alembic (and SQLAlchemy) is imported only when the schema is not simply at head.
An SQLite file whose ``alembic_version`` holds :data:`HEAD_REVISION` — the usual start — is
checked with ``sqlite3`` alone. :data:`HEAD_REVISION` is this build's head, written down; a
test checks it equals the head of the migration scripts (update it with each new migration).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.data.engine import Database
from app.resources import migrations_dir

if TYPE_CHECKING:  # imported lazily (see the module docstring)
    from alembic.config import Config

#: ``app/migrations``, found through importlib.resources (checkout, wheel or frozen build).
MIGRATIONS_DIR = migrations_dir()
#: The head revision of ``MIGRATIONS_DIR`` (tests/data/test_migrations.py keeps it honest).
HEAD_REVISION = "0004_therapy_history"


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
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or MIGRATIONS_DIR))
    if db is not None:
        cfg.attributes["engine"] = db.engine
    return cfg


def head_revision(script_location: Path | None = None) -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(script_location=script_location))
    head = script.get_current_head()
    if head is None:  # pragma: no cover - the repo always ships migrations
        raise SchemaError("no migrations found")
    return head


def current_revision(db: Database) -> str | None:
    """The revision stamped in the database (None when it has none)."""
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _user_tables(db: Database) -> list[str]:
    from sqlalchemy import inspect

    with db.engine.connect() as conn:
        return [t for t in inspect(conn).get_table_names() if t != "alembic_version"]


def upgrade(db: Database, revision: str = "head", script_location: Path | None = None) -> None:
    """Run the migrations up to ``revision`` (no backup; see :func:`ensure_schema`)."""
    from alembic import command

    command.upgrade(alembic_config(db, script_location), revision)


def downgrade(db: Database, revision: str, script_location: Path | None = None) -> None:
    from alembic import command

    command.downgrade(alembic_config(db, script_location), revision)


def is_known_revision(revision: str, script_location: Path | None = None) -> bool:
    """True when this build's migration scripts contain ``revision``."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(script_location=script_location))
    try:
        return script.get_revision(revision) is not None
    except Exception:
        return False


def check_known(db: Database, script_location: Path | None = None) -> str | None:
    """Return the current revision; raise SchemaTooNewError when this build does not know it."""
    current = current_revision(db)
    if current is None:
        return None
    if not is_known_revision(current, script_location):
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
    from app.data.sqlite_copy import copy_sqlite

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = db.sqlite_path.with_name(
        f"{db.sqlite_path.stem}.pre-upgrade-{revision or 'none'}-{stamp}.sqlite"
    )
    copy_sqlite(db, target)
    return target


def ensure_schema(db: Database, script_location: Path | None = None) -> SchemaStatus:
    """Bring the database to head on start (see module docstring)."""
    if script_location is None and _stored_revision_is_head(db):
        return SchemaStatus(HEAD_REVISION, HEAD_REVISION, "current")
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


def _stored_revision_is_head(db: Database) -> bool:
    """True when an existing SQLite file is stamped with :data:`HEAD_REVISION` (read with
    ``sqlite3``; anything unusual — no file, no table, not a database — answers False and the
    full Alembic check decides)."""
    if db.sqlite_path is None or not db.is_sqlite or not db.sqlite_path.is_file():
        return False
    reader = db.list_reader()
    if reader is None:
        return False
    try:
        return reader.revision() == HEAD_REVISION
    except sqlite3.DatabaseError:
        return False
