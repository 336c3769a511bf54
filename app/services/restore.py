"""Restoring an SQLite registry from a backup file (``bonemet restore``, File → Restore…).

1. The backup is checked (:func:`check_backup`): an SQLite file, complete (its header's page
   count fits the file), ``PRAGMA integrity_check`` ok, a BoneMet schema (``alembic_version``
   with a revision this build knows, the ``patient`` table). Anything else is refused with
   :class:`RestoreRefused` and nothing is touched.
2. It is copied through the verified-copy path (:mod:`app.data.sqlite_copy`) to a hidden file
   beside the registry, in rollback-journal mode (no ``-wal``/``-shm`` of its own).
3. A safety copy of the current registry (with whatever its ``-wal`` holds) is taken into the
   backup folder as ``<name>-pre-restore-YYYYMMDD-HHMMSS.sqlite``, through the same path.
   A registry too damaged to be copied is moved aside unchanged (with its ``-wal``) instead.
4. The registry is locked: switching it to a rollback journal checkpoints and deletes its
   ``-wal`` and needs every other connection closed — when the app or another program has
   it open, :class:`RegistryInUse` is raised and the registry is left as it was. Under the
   exclusive lock the row counts are compared with the safety copy's (a write since then
   stops the restore), leftover ``-shm``/``-journal`` files are removed, and the staged file
   is renamed over the registry and the folder flushed to disk. A ``-wal`` left over from a
   crash can therefore never be applied to the restored file.

A PostgreSQL registry is restored on the server with ``pg_restore`` (see the README).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.data.engine import Database
from app.data.migrate import head_revision, is_known_revision
from app.data.sqlite_copy import (
    SIDE_FILES,
    CopyCheckError,
    connect_readonly,
    copy_sqlite_file,
    fsync_path,
    integrity_problem,
    pid_alive,
    remove_with_side_files,
    row_counts,
)
from app.domain.progress import Cancel, Progress
from app.services.backup import backup_target, default_backup_dir

SQLITE_MAGIC = b"SQLite format 3\x00"


class RestoreRefused(ValueError):
    """The backup cannot be restored (``str()`` names the problem); nothing was changed."""


class RegistryInUse(RuntimeError):
    """The registry is open in the app or another program; nothing was changed."""

    def __init__(self) -> None:
        super().__init__("the registry is in use (open in BoneMet or another program): "
                         "close every BoneMet window on it, then restore again; "
                         "nothing was changed")


@dataclass(frozen=True)
class BackupInfo:
    revision: str
    counts: dict[str, int]


@dataclass(frozen=True)
class RestoreResult:
    revision: str  # the restored file's schema revision (upgraded when the app opens it)
    counts: dict[str, int]
    safety_copy: Path | None  # the previous registry (None: there was none)
    moved_aside: bool = False  # True: the previous registry was too damaged to copy


def _refuse(problem: str) -> RestoreRefused:
    return RestoreRefused(f"BACKUP: {problem}; nothing was changed")


def _check_header(path: Path) -> None:
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            header = fh.read(100)
    except FileNotFoundError:
        raise _refuse("no such file") from None
    except IsADirectoryError:
        raise _refuse("is a folder, not a backup file") from None
    except PermissionError:
        raise _refuse("permission denied") from None
    if size == 0:
        raise _refuse("is empty (an incomplete backup)")
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise _refuse("not an SQLite database (not a BoneMet backup)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if page_size < 512 or (pages and size < pages * page_size):
        raise _refuse("is incomplete (shorter than its header says: a cut-off copy)")


def check_backup(path: str | Path) -> BackupInfo:
    """Check a backup file (see the module docstring); raises :class:`RestoreRefused`."""
    path = Path(path)
    _check_header(path)
    try:
        con = connect_readonly(path)
    except sqlite3.Error:
        raise _refuse("cannot be opened as an SQLite database") from None
    try:
        problem = integrity_problem(con)
        if problem is not None:
            raise _refuse("fails its integrity check (damaged)")
        counts = row_counts(con)
        if "alembic_version" not in counts or "patient" not in counts:
            raise _refuse("has no BoneMet schema (not a BoneMet registry backup)")
        rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError:
        raise _refuse("damaged (SQLite cannot read it)") from None
    finally:
        con.close()
    if len(rows) != 1:
        raise _refuse("has no BoneMet schema revision (not a BoneMet registry backup)")
    revision = str(rows[0][0])
    if not is_known_revision(revision):
        raise _refuse(f"was written by a newer BoneMet (schema revision {revision!r}; newest "
                      f"known here: {head_revision()!r}): update BoneMet first")
    return BackupInfo(revision, counts)


def _staging_path(target: Path) -> Path:
    """The hidden staged copy beside the registry; staged copies left by a killed restore
    (their process is gone) are removed."""
    for old in target.parent.glob(f".{target.name}.restoring-*.sqlite"):
        pid = old.name.rsplit("-", 1)[-1].removesuffix(".sqlite")
        if pid.isdigit() and int(pid) != os.getpid() and not pid_alive(int(pid)):
            remove_with_side_files(old)
    return target.with_name(f".{target.name}.restoring-{os.getpid()}.sqlite")


def _safety_copy(db: Database, now: datetime, progress: Progress | None,
                 cancel: Cancel | None) -> tuple[Path | None, dict[str, int] | None]:
    """Copy the current registry into the backup folder; (None, None) when SQLite cannot
    read it (damaged)."""
    target = backup_target(db, default_backup_dir(db), now, "-pre-restore")
    assert db.sqlite_path is not None
    try:
        return target, copy_sqlite_file(db.sqlite_path, target, progress=progress,
                                        cancel=cancel)
    except (sqlite3.DatabaseError, CopyCheckError):
        return None, None


def _move_aside(path: Path, now: datetime) -> Path:
    """Keep a damaged registry (and its ``-wal``) unchanged under another name."""
    aside = path.with_name(f"{path.stem}.damaged-{now.strftime('%Y%m%d-%H%M%S')}.sqlite")
    for suffix in ("", "-wal"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            os.replace(source, f"{aside}{suffix}")
    return aside


def _probe(path: Path) -> bool:
    """True when the registry is readable and not in use (:class:`RegistryInUse` when in
    use); False when SQLite cannot read it (damaged)."""
    try:
        _lock_registry(path).close()
    except sqlite3.DatabaseError:  # malformed, not a database, …
        return False
    return True


def _lock_registry(path: Path) -> sqlite3.Connection:
    """An exclusive lock on the registry with its WAL checkpointed and removed (see the
    module docstring); raises :class:`RegistryInUse`."""
    con = sqlite3.connect(str(path), timeout=0, isolation_level=None)
    try:
        mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise RegistryInUse()
        con.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError as exc:
        con.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise RegistryInUse() from None
        raise
    except BaseException:
        con.close()
        raise
    return con


def restore_database(db: Database, backup: str | Path, *, now: datetime | None = None,
                     progress: Progress | None = None,
                     cancel: Cancel | None = None) -> RestoreResult:
    """Replace the SQLite registry ``db`` by the backup (see the module docstring)."""
    if not db.is_sqlite or db.sqlite_path is None:
        raise RestoreRefused("--db: a PostgreSQL registry is restored on the server "
                             "(pg_restore, see the README); nothing was changed")
    info = check_backup(backup)
    target = db.sqlite_path
    now = now or datetime.now()
    staged = _staging_path(target)
    remove_with_side_files(staged)
    copy_sqlite_file(Path(backup), staged, progress=progress, cancel=cancel)
    try:
        safety: Path | None = None
        counts: dict[str, int] | None = None
        if target.exists():
            if _probe(target):  # readable: refused when in use, else copied first
                safety, counts = _safety_copy(db, now, progress, cancel)
            if counts is None:
                safety = _move_aside(target, now)
        lock = _lock_registry(target) if target.exists() else None
        try:
            if lock is not None and row_counts(lock) != counts:
                raise RestoreRefused("the registry changed while the safety copy was taken: "
                                     "restore again; nothing was changed")
            for suffix in SIDE_FILES:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{target}{suffix}")
            os.replace(staged, target)
            fsync_path(target.parent)
        finally:
            if lock is not None:
                lock.close()
    finally:
        remove_with_side_files(staged)
    return RestoreResult(info.revision, info.counts, safety, safety is not None and counts is None)
