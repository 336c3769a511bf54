"""Opening the registry database: an SQLite file (default) or a server by URL.

Nothing is opened at import time. :func:`open_database` takes a file path, a database URL
(``sqlite:///…``, ``postgresql+psycopg://…``) or ``None`` for the default file in the user data
directory, and returns a :class:`Database` with a session-per-unit-of-work helper.

SQLite connections get, on every connect: ``foreign_keys=ON``, ``journal_mode=WAL``,
``synchronous=FULL`` (records survive power loss) and ``busy_timeout``. The driver keeps its
default transaction handling (a transaction begins at the first write, so a read never pins an
old WAL snapshot and a conflicting save is caught by the row's version check rather than failing
with "database is locked"); migrations begin their transaction explicitly (app/migrations/env.py).

Start-up cost: for an SQLite *file* the SQLAlchemy engine (and SQLAlchemy itself, slower to
import than Qt) is created on first use of :attr:`Database.engine` / :meth:`Database.session`.
The registry window's start path (schema revision check, patient list) reads the file with the
standard ``sqlite3`` module through :meth:`Database.list_reader`, so it never waits for it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

if TYPE_CHECKING:  # SQLAlchemy is imported lazily (see the module docstring)
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from app.data.sqlite_list import SqliteListReader

APP_DIR_NAME = "BoneMet"
BUSY_TIMEOUT_MS = 10_000


def _data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def default_sqlite_path() -> Path:
    """The default registry file: ``<user data dir>/BoneMet/registry.sqlite``."""
    return _data_dir() / "registry.sqlite"


def demo_sqlite_path() -> Path:
    """The demo registry file: ``<user data dir>/BoneMet/demo.sqlite``."""
    return _data_dir() / "demo.sqlite"


class DatabaseTargetError(ValueError):
    """The --db value is neither a usable file path nor a supported database URL."""


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cur = dbapi_connection.cursor()
    try:
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cur.close()


class Database:
    """An open registry database (engine + session factory).

    Give either an ``engine``, or ``url`` (an SQLite file's URL) with ``sqlite_path``: the
    engine is then created on first use.
    """

    def __init__(self, engine: Engine | None = None, sqlite_path: Path | None = None, *,
                 url: str | None = None) -> None:
        if engine is None and (url is None or sqlite_path is None):
            raise ValueError("Database: give an engine, or an SQLite url and sqlite_path")
        self._engine = engine
        self._url = url
        self.sqlite_path = sqlite_path
        self._factory: Any = None
        self._reader: SqliteListReader | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Database({self.describe()!r})"

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (created on first use for an SQLite file)."""
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = _sqlite_engine(self._url or "")
        return self._engine

    @property
    def is_sqlite(self) -> bool:
        if self._engine is None:
            return True  # only SQLite files are opened lazily
        return self.engine.dialect.name == "sqlite"

    @property
    def url_display(self) -> str:
        """The URL with any password masked."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error."""
        if self._factory is None:
            from sqlalchemy.orm import sessionmaker

            self._factory = sessionmaker(self.engine, expire_on_commit=False)
        session = self._factory()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def list_reader(self) -> SqliteListReader | None:
        """The ``sqlite3`` reader of the patient list for an SQLite file (None otherwise)."""
        if self.sqlite_path is None or not self.is_sqlite:
            return None
        if self._reader is None:
            from app.data.sqlite_list import SqliteListReader

            with self._lock:
                if self._reader is None:
                    self._reader = SqliteListReader(self.sqlite_path, BUSY_TIMEOUT_MS)
        return self._reader

    def describe(self) -> str:
        """A short description for the status bar (no password)."""
        if self.is_sqlite:
            return f"SQLite: {self.sqlite_path}" if self.sqlite_path else "SQLite (in memory)"
        url = self.engine.url
        host = url.host or "localhost"
        port = f":{url.port}" if url.port else ""
        return f"{url.get_backend_name()}: {url.database or ''}@{host}{port}"

    def dispose(self) -> None:
        reader, self._reader = self._reader, None
        if reader is not None:
            reader.close()
        if self._engine is not None:
            self._engine.dispose()


def _is_url(text: str) -> bool:
    return "://" in text


def open_database(target: str | Path | None = None) -> Database:
    """Open a database: ``None`` = the default SQLite file; a path = that SQLite file (its
    folder is created); a URL = that database. Nothing is created in the schema (see
    :func:`app.data.migrate.ensure_schema`)."""
    if target is None:
        target = default_sqlite_path()
    if isinstance(target, str) and _is_url(target):
        from sqlalchemy.engine import make_url

        try:
            url = make_url(target)
        except Exception as exc:
            raise DatabaseTargetError("--db: not a valid database URL") from exc
        backend = url.get_backend_name()
        if backend not in ("sqlite", "postgresql"):
            raise DatabaseTargetError(f"--db: unsupported database {backend!r}")
        if backend == "postgresql" and url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        sqlite_path = None
        if backend == "sqlite" and url.database and url.database != ":memory:":
            sqlite_path = Path(url.database).expanduser().resolve()
            _make_folder(sqlite_path)
            url = url.set(database=str(sqlite_path))
        return _make(url, sqlite_path)
    path = Path(target).expanduser().resolve()
    if path.exists() and path.is_dir():
        raise DatabaseTargetError("--db: is a folder, not a database file")
    _make_folder(path)
    return Database(url=f"sqlite:///{path}", sqlite_path=path)  # engine created on first use


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseTargetError(
            f"--db: cannot create the folder {path.parent}: {exc.strerror}"
        ) from None


def _sqlite_engine(url: Any) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _make(url, sqlite_path: Path | None) -> Database:
    from sqlalchemy import create_engine

    if url.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url)
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except ModuleNotFoundError as exc:
            raise DatabaseTargetError(
                "--db: the PostgreSQL driver is not installed (pip install 'psycopg[binary]')"
            ) from exc
    return Database(engine=engine, sqlite_path=sqlite_path)
