"""Backups of the registry: a verified copy of the SQLite file (online backup API, safe while
the app is running; see :mod:`app.data.sqlite_copy`) to a timestamped file, renamed into place
only once checked, so a killed or cancelled backup leaves no file under a backup name.

Scheduled backups (:func:`scheduled_backup`): at start-up, when the newest backup in the
folder is ``every_days`` days old or more (or there is none), a new one is taken and only the
newest ``keep`` timestamped backups of this registry are kept. A PostgreSQL registry is backed
up on the server (``pg_dump``, see the README), not from a workstation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.data.engine import Database
from app.data.sqlite_copy import copy_sqlite
from app.domain.progress import Cancel, Progress

#: Defaults of the site's backup schedule (settings ``backup/every_days``, ``backup/keep``).
DEFAULT_EVERY_DAYS = 1
DEFAULT_KEEP = 14
MAX_EVERY_DAYS = 365
MAX_KEEP = 1000
_STAMP = "%Y%m%d-%H%M%S"


class BackupNotSupported(RuntimeError):
    """The database is not an SQLite file, or the backup folder cannot be used."""


@dataclass(frozen=True)
class BackupSchedule:
    """Every ``every_days`` days (0 = never) at start-up; keep the newest ``keep`` backups."""

    every_days: int = DEFAULT_EVERY_DAYS
    keep: int = DEFAULT_KEEP

    def __post_init__(self) -> None:
        if not 0 <= self.every_days <= MAX_EVERY_DAYS:
            raise ValueError(f"backup every_days: must be 0 to {MAX_EVERY_DAYS}")
        if not 1 <= self.keep <= MAX_KEEP:
            raise ValueError(f"backup keep: must be 1 to {MAX_KEEP}")


def _sqlite_path(db: Database) -> Path:
    if not db.is_sqlite or db.sqlite_path is None:
        raise BackupNotSupported(
            "backup: a PostgreSQL registry is backed up on the server (pg_dump)"
        )
    return db.sqlite_path


def default_backup_dir(db: Database) -> Path:
    """``<folder of the database file>/backups``."""
    if db.sqlite_path is None:
        raise BackupNotSupported("backup: only an SQLite file registry can be backed up here")
    return db.sqlite_path.parent / "backups"


def _folder(db: Database, out_dir: str | Path | None) -> Path:
    folder = Path(out_dir) if out_dir is not None else default_backup_dir(db)
    if folder.exists() and not folder.is_dir():
        raise BackupNotSupported("--out: is a file, not a folder")
    return folder


def backup_target(db: Database, folder: Path, now: datetime | None = None,
                  label: str = "") -> Path:
    """A free ``<folder>/<name>[label]-YYYYMMDD-HHMMSS[-n].sqlite``."""
    stem = _sqlite_path(db).stem + label
    stamp = (now or datetime.now()).strftime(_STAMP)
    target = folder / f"{stem}-{stamp}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{stamp}-{n}.sqlite"
    return target


def backup_database(db: Database, out_dir: str | Path | None = None,
                    now: datetime | None = None, *, progress: Progress | None = None,
                    cancel: Cancel | None = None) -> Path:
    """Copy the registry to ``<out_dir>/<name>-YYYYMMDD-HHMMSS.sqlite``; returns the path.
    Raises :class:`~app.domain.progress.BuildCancelled` when ``cancel()`` turned true."""
    _sqlite_path(db)
    target = backup_target(db, _folder(db, out_dir), now)
    return copy_sqlite(db, target, progress=progress, cancel=cancel)


def list_backups(db: Database, out_dir: str | Path | None = None) -> list[Path]:
    """This registry's timestamped backups in the folder, oldest first."""
    folder = _folder(db, out_dir)
    if not folder.is_dir():
        return []
    pattern = re.compile(re.escape(_sqlite_path(db).stem) + r"-(\d{8}-\d{6})(?:-(\d+))?\.sqlite")
    found = []
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match and path.is_file():
            found.append((match.group(1), int(match.group(2) or 1), path))
    return [p for *_, p in sorted(found)]


def _taken_at(path: Path) -> datetime | None:
    match = re.search(r"-(\d{8}-\d{6})(?:-\d+)?\.sqlite$", path.name)
    return datetime.strptime(match.group(1), _STAMP) if match else None


def backup_due(db: Database, schedule: BackupSchedule, now: datetime | None = None,
               out_dir: str | Path | None = None) -> bool:
    """True when a scheduled backup should be taken now."""
    if schedule.every_days == 0 or not db.is_sqlite or db.sqlite_path is None:
        return False
    now = now or datetime.now()
    backups = list_backups(db, out_dir)
    if not backups:
        return True
    newest = _taken_at(backups[-1])
    return newest is None or newest > now or now - newest >= timedelta(days=schedule.every_days)


def prune_backups(db: Database, keep: int, out_dir: str | Path | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` timestamped backups of this registry; returns the
    deleted paths (never anything else in the folder)."""
    backups = list_backups(db, out_dir)
    old = backups[:-keep] if keep > 0 else []
    for path in old:
        path.unlink(missing_ok=True)
    return old


def scheduled_backup(db: Database, schedule: BackupSchedule, now: datetime | None = None, *,
                     out_dir: str | Path | None = None, progress: Progress | None = None,
                     cancel: Cancel | None = None) -> Path | None:
    """The start-up backup: taken when due (then older ones beyond ``keep`` are deleted);
    returns the new backup's path, or None when none was due."""
    if not backup_due(db, schedule, now, out_dir):
        return None
    path = backup_database(db, out_dir, now, progress=progress, cancel=cancel)
    prune_backups(db, schedule.keep, out_dir)
    return path
