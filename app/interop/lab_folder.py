"""A watched drop folder for lab files: which files are complete, and where they go afterwards.

No threads and no Qt here: the desktop app polls (:mod:`app.ui.labs.folder_watch`) and runs the
imports in the background.

- **Complete files only.** :meth:`DropFolder.ready_files` returns the files whose size and
  modification time have not changed for ``settle_s`` seconds across two scans (a file still
  being copied keeps growing). Hidden files (``.name``), ``~`` files and the usual partial-copy
  names (``*.tmp``, ``*.part``, ``*.partial``, ``*.filepart``, ``*.crdownload``) are left alone,
  and so are sub-folders (``done/``, ``failed/``).
- **Filed away.** :func:`file_away` moves an imported file into ``done/`` (read completely,
  nothing rejected) or ``failed/`` (unreadable, or some messages/rows rejected — the others were
  imported, and importing the file again skips them) next to it, never overwriting: a name
  already taken gets `` (2)``, `` (3)`` …. For a failed file a report is written beside it,
  named by the time of the import (``import-20261207-101500-1.report.txt``) — never after a
  patient — and naming the file inside.
- A file that cannot be moved (permissions) is not imported again while the app runs
  (:meth:`DropFolder.give_up`).
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from app.interop.lab_batch import FileImport, report_lines
from app.services.site_settings import atomic_write_text

__all__ = ["DONE", "FAILED", "DropFolder", "file_away"]

DONE, FAILED = "done", "failed"
_PARTIAL = (".tmp", ".part", ".partial", ".filepart", ".crdownload", ".swp")
_counter = itertools.count(1)


def _candidate(entry: os.DirEntry) -> bool:
    name = entry.name
    if name.startswith((".", "~")) or name.lower().endswith(_PARTIAL):
        return False
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


class DropFolder:
    """Tracks a folder's files between scans (see the module docstring)."""

    def __init__(self, folder: Path, *, settle_s: float = 2.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.folder = folder
        self.settle_s = settle_s
        self._clock = clock
        self._seen: dict[str, tuple[int, int, float]] = {}  # name → size, mtime, since
        self._given_up: set[tuple[str, int, int]] = set()

    def ready_files(self) -> list[Path]:
        """Files complete by the settle rule, oldest first. ``OSError`` if the folder cannot be
        read."""
        now = self._clock()
        current: dict[str, tuple[int, int, float]] = {}
        ready: list[tuple[int, Path]] = []
        with os.scandir(self.folder) as entries:
            for entry in entries:
                if not _candidate(entry):
                    continue
                try:
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                key = (st.st_size, st.st_mtime_ns)
                if (entry.name, *key) in self._given_up:
                    continue
                size, mtime, since = self._seen.get(entry.name, (-1, -1, now))
                if (size, mtime) != key:
                    since = now
                current[entry.name] = (*key, since)
                if st.st_size > 0 and now - since >= self.settle_s:
                    ready.append((st.st_mtime_ns, Path(entry.path)))
        self._seen = current
        return [p for _, p in sorted(ready)]

    def give_up(self, path: Path) -> None:
        """Never offer this file again (as it is now) during this session."""
        try:
            st = path.stat()
        except OSError:
            return
        self._given_up.add((path.name, st.st_size, st.st_mtime_ns))


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 2
    while target.exists():
        target = folder / f"{stem} ({n}){suffix}"
        n += 1
    return target


def file_away(result: FileImport, *, now: datetime | None = None) -> tuple[Path, Path | None]:
    """Move the imported file to ``done/`` or ``failed/`` (and write the failure report);
    returns (new path, report path or None). ``OSError`` when it cannot be moved."""
    source = result.path
    target_dir = source.parent / (DONE if result.clean else FAILED)
    target_dir.mkdir(exist_ok=True)
    target = _free_name(target_dir, source.name)
    os.replace(source, target)
    if result.clean:
        return target, None
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    report = _free_name(target_dir, f"import-{stamp}-{next(_counter)}.report.txt")
    lines = report_lines(result)
    lines[0] = f"file: {target.name} (moved to {FAILED}/)"
    atomic_write_text(report, "\n".join(lines) + "\n")
    return target, report
