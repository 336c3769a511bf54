"""A verified, atomic copy of an SQLite registry file (backups, the copy before an upgrade, the
safety copy and the staged file of a restore).

:func:`copy_sqlite_file` uses SQLite's online backup API (safe while other connections read or
write; it includes the WAL's committed pages) inside one read transaction of the source, so the
copy is exactly the snapshot whose row counts were taken at its start. The pages go to a hidden
temporary file beside the target (``.<name>.<pid>.partial``), which is then checked
(``PRAGMA integrity_check`` and every table's row count equal to the snapshot's), flushed to
disk and only then renamed to the target name. A copy that is killed, cancelled or fails its
check therefore never leaves a file under the target (backup) name; a leftover ``.partial`` of a
process that no longer runs is removed by the next copy into that folder.

``progress(done, total)`` is called with pages copied; ``cancel()`` returning true stops the
copy with :class:`~app.domain.progress.BuildCancelled` (the temporary file is removed).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from app.data.engine import BUSY_TIMEOUT_MS, Database
from app.domain.progress import BuildCancelled, Cancel, Progress

PARTIAL_SUFFIX = ".partial"
#: Pages per backup step (4 KiB pages: ~1 MiB), between which progress and cancel are checked.
STEP_PAGES = 256
SIDE_FILES = ("-journal", "-wal", "-shm")


class CopyCheckError(RuntimeError):
    """The copy did not pass its check (integrity or row counts); nothing was kept."""


def table_names(con: sqlite3.Connection) -> list[str]:
    """The database's own tables (not SQLite's internal ones), sorted."""
    rows = con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                       "AND name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
    return [r[0] for r in rows]


def row_counts(con: sqlite3.Connection) -> dict[str, int]:
    """Every table's row count (table names come from sqlite_master, quoted)."""
    return {name: con.execute(f'SELECT count(*) FROM "{name.replace(chr(34), chr(34) * 2)}"')
            .fetchone()[0] for name in table_names(con)}


def integrity_problem(con: sqlite3.Connection) -> str | None:
    """None when ``PRAGMA integrity_check`` answers ok, else its first line."""
    first = con.execute("PRAGMA integrity_check").fetchone()
    return None if first is not None and first[0] == "ok" else str(first[0] if first else "?")


def partial_path(target: Path) -> Path:
    """The temporary name of a copy in progress: hidden, never a backup's name."""
    return target.with_name(f".{target.name}.{os.getpid()}{PARTIAL_SUFFIX}")


def remove_with_side_files(path: Path) -> None:
    for suffix in ("", *SIDE_FILES):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


def pid_alive(pid: int) -> bool:
    """True when a process with this id runs (or cannot be asked)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale_partials(folder: Path) -> list[Path]:
    """Remove ``.partial`` files left in ``folder`` by copies whose process is gone."""
    removed = []
    if not folder.is_dir():
        return removed
    for path in folder.glob(f".*{PARTIAL_SUFFIX}"):
        pid_text = path.name[: -len(PARTIAL_SUFFIX)].rsplit(".", 1)[-1]
        if pid_text.isdigit() and (int(pid_text) == os.getpid() or pid_alive(int(pid_text))):
            continue  # a copy in progress (this process or another one)
        remove_with_side_files(path)
        removed.append(path)
    return removed


def fsync_path(path: Path) -> None:
    """Flush a file (or a folder's entries) to disk; folders are skipped where unsupported."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    try:
        fd = os.open(path, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        if not path.is_dir():
            raise
    finally:
        os.close(fd)


def connect_readonly(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                          timeout=BUSY_TIMEOUT_MS / 1000)
    return con


def verify_copy(path: Path, expected: dict[str, int]) -> None:
    """Raise :class:`CopyCheckError` unless ``path`` is intact and holds ``expected`` rows."""
    con = sqlite3.connect(str(path), isolation_level=None)
    try:
        problem = integrity_problem(con)
        if problem is not None:
            raise CopyCheckError(f"the copy failed its integrity check ({problem})")
        counts = row_counts(con)
        # back to a rollback journal for the move: no -wal/-shm beside the copy
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()
    if counts != expected:
        differ = sorted(k for k in set(counts) | set(expected) if counts.get(k) != expected.get(k))
        raise CopyCheckError("the copy's row counts differ from the registry's "
                             f"(tables: {', '.join(differ)})")


def copy_sqlite_file(source: Path, target: Path, *, progress: Progress | None = None,
                     cancel: Cancel | None = None,
                     prepare: Callable[[Path], None] | None = None) -> dict[str, int]:
    """Copy the SQLite file ``source`` to ``target`` (must not exist) as described in the module
    docstring; returns the row counts per table of the copy. ``prepare(partial)`` may change
    the verified temporary copy before it is renamed (it must keep every row)."""
    source, target = Path(source), Path(target)
    if target.exists():
        raise FileExistsError(f"backup target already exists: {target}")
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_partials(target.parent)
    partial = partial_path(target)
    remove_with_side_files(partial)
    try:
        src = connect_readonly(source)
        try:
            src.execute("BEGIN")  # one snapshot for the counts and the pages
            expected = row_counts(src)
            dst = sqlite3.connect(str(partial))
            try:
                src.backup(dst, pages=STEP_PAGES, progress=_step(progress, cancel))
            finally:
                dst.close()
            src.execute("COMMIT")
        finally:
            src.close()
        verify_copy(partial, expected)
        if prepare is not None:
            prepare(partial)
        fsync_path(partial)
        if target.exists():
            raise FileExistsError(f"backup target already exists: {target}")
        os.replace(partial, target)
        fsync_path(target.parent)
    except BaseException:
        remove_with_side_files(partial)
        raise
    return expected


def _step(progress: Progress | None, cancel: Cancel | None):
    def on_step(_status: int, remaining: int, total: int) -> None:
        if cancel is not None and cancel():
            raise BuildCancelled("copy cancelled")
        if progress is not None:
            progress(total - remaining, total)
    return on_step


def copy_sqlite(db: Database, target: Path, *, progress: Progress | None = None,
                cancel: Cancel | None = None) -> Path:
    """Copy ``db`` (an SQLite file database) to ``target`` (must not exist); returns target."""
    if not db.is_sqlite or db.sqlite_path is None:
        raise ValueError("only an SQLite file database can be copied this way")
    copy_sqlite_file(db.sqlite_path, Path(target), progress=progress, cancel=cancel)
    return Path(target)
