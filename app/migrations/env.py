"""Alembic environment for the BoneMet registry (configured in code by app.data.migrate).

The caller passes the app's engine in ``config.attributes["engine"]`` (or a URL as
``sqlalchemy.url``). SQLite specifics:

- ``render_as_batch=True`` (SQLite cannot ALTER most things; Alembic rebuilds the table);
- **the foreign-key trap**: rebuilding a parent table with ``foreign_keys=ON`` silently deletes
  (cascades) or breaks its child rows. So foreign keys are switched OFF *outside* the migration
  transaction, the migration runs in one transaction, ``PRAGMA foreign_key_check`` must come back
  empty (otherwise the transaction is rolled back), and foreign keys are switched back ON.
"""

from __future__ import annotations

import warnings

from alembic import context

from app.data.engine import open_database
from app.data.migrate import object_filter
from app.data.models import Base
from app.data.types import IsoDateTime, UtcDateTime

# SQLite cannot reflect the PostgreSQL-only lower() indexes; object_filter skips them anyway.
warnings.filterwarnings("ignore", message="autogenerate skipping metadata-specified expression")

config = context.config
target_metadata = Base.metadata


class ForeignKeyViolation(RuntimeError):
    """A migration left rows whose foreign keys point nowhere (rolled back)."""


def render_item(type_, obj, autogen_context):
    """Render the app's TypeDecorators as plain SQLAlchemy types (migrations stay frozen)."""
    if type_ == "type" and isinstance(obj, IsoDateTime):
        return "sa.String(length=40)"
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _raw_pragma(connection, sql: str) -> None:
    raw = connection.connection.driver_connection
    if raw.in_transaction:
        raise RuntimeError("cannot change foreign_keys inside a transaction")
    raw.execute(sql)


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        render_item=render_item,
        compare_type=True,
        include_object=object_filter(connection.dialect.name),
        # SQLite DDL is transactional once a BEGIN is issued (see run_migrations_online):
        # all migrations run in one transaction.
        transactional_ddl=True,
    )


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    own_engine = engine is None
    if own_engine:
        engine = open_database(config.get_main_option("sqlalchemy.url")).engine
    try:
        with engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:
                # Must happen outside any transaction (the pragma is a no-op inside one):
                # run it on the driver connection, which is in autocommit mode.
                _raw_pragma(connection, "PRAGMA foreign_keys=OFF")
            try:
                _configure(connection)
                with context.begin_transaction():
                    if sqlite and not connection.connection.driver_connection.in_transaction:
                        # pysqlite would not open a transaction for DDL by itself.
                        connection.exec_driver_sql("BEGIN")
                    context.run_migrations()
                    if sqlite:
                        bad = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                        if bad:
                            raise ForeignKeyViolation(
                                f"migration left {len(bad)} row(s) with broken foreign keys; "
                                "rolled back"
                            )
            finally:
                if sqlite:
                    if connection.in_transaction():
                        connection.rollback()
                    _raw_pragma(connection, "PRAGMA foreign_keys=ON")
    finally:
        if own_engine:
            engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported")
run_migrations_online()
