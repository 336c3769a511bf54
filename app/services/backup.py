"""Backups of the registry: a consistent copy of the SQLite file (online backup API, safe while
the app is running) to a timestamped file. A PostgreSQL registry is backed up on the server
(``pg_dump``), not from a workstation.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.data.engine import Database
from app.data.sqlite_copy import copy_sqlite


class BackupNotSupported(RuntimeError):
    """The database is not an SQLite file."""


def default_backup_dir(db: Database) -> Path:
    """``<folder of the database file>/backups``."""
    if db.sqlite_path is None:
        raise BackupNotSupported("backup: only an SQLite file registry can be backed up here")
    return db.sqlite_path.parent / "backups"


def backup_database(db: Database, out_dir: str | Path | None = None,
                    now: datetime | None = None) -> Path:
    """Copy the registry to ``<out_dir>/<name>-YYYYMMDD-HHMMSS.sqlite``; returns the path."""
    if not db.is_sqlite or db.sqlite_path is None:
        raise BackupNotSupported(
            "backup: a PostgreSQL registry is backed up on the server (pg_dump)"
        )
    folder = Path(out_dir) if out_dir is not None else default_backup_dir(db)
    if folder.exists() and not folder.is_dir():
        raise BackupNotSupported("--out: is a file, not a folder")
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db.sqlite_path.stem}-{stamp}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{db.sqlite_path.stem}-{stamp}-{n}.sqlite"
    return copy_sqlite(db, target)
