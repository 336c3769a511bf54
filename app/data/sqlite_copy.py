"""A consistent copy of a live SQLite registry (the online backup API: safe while other
connections read or write, includes the WAL's committed pages)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.data.engine import Database


def copy_sqlite(db: Database, target: Path) -> Path:
    """Copy ``db`` (an SQLite file database) to ``target`` (must not exist); returns target."""
    if not db.is_sqlite or db.sqlite_path is None:
        raise ValueError("only an SQLite file database can be copied this way")
    target = Path(target)
    if target.exists():
        raise FileExistsError(f"backup target already exists: {target}")
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(str(db.sqlite_path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target
