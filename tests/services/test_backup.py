"""Backups: verified copies renamed into place (a killed or cancelled backup leaves no file
under a backup name), consistent while another process writes, the start-up schedule with
retention."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from data.factories import full_case

from app.data.sqlite_copy import CopyCheckError, verify_copy
from app.domain.progress import BuildCancelled
from app.services.backup import (
    BackupSchedule,
    backup_database,
    backup_due,
    list_backups,
    prune_backups,
    scheduled_backup,
)
from app.services.case_service import import_case

from .sqlite_files import REPO, counts_of, integrity


def add_bulk(path: Path, megabytes: int) -> None:
    """Make the registry large (audit-free filler rows in a table of their own)."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE IF NOT EXISTS filler (b BLOB)")
    con.executemany("INSERT INTO filler VALUES (randomblob(65536))",
                    [()] * (megabytes * 16))
    con.commit()
    con.close()


def test_backup_is_verified_and_leaves_no_temporary_file(db, tmp_path):
    import_case(db, full_case(), "t")
    out = tmp_path / "out"
    path = backup_database(db, out)
    assert [p.name for p in out.iterdir()] == [path.name]  # no .partial, -wal, -journal
    assert integrity(path) == "ok"
    assert counts_of(path) == counts_of(db.sqlite_path)


def test_cancelled_backup_leaves_nothing(db, tmp_path):
    add_bulk(db.sqlite_path, 4)
    seen: list[tuple[int, int]] = []
    out = tmp_path / "out"
    with pytest.raises(BuildCancelled):
        backup_database(db, out, progress=lambda d, t: seen.append((d, t)),
                        cancel=lambda: len(seen) >= 2)
    assert len(seen) == 2 and 0 < seen[0][0] < seen[0][1]
    assert list(out.iterdir()) == []


def test_progress_reaches_the_total(db, tmp_path):
    add_bulk(db.sqlite_path, 2)
    seen: list[tuple[int, int]] = []
    backup_database(db, tmp_path / "out", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and len(seen) > 2


def test_verification_refuses_a_copy_whose_counts_differ(db, tmp_path):
    path = backup_database(db, tmp_path / "out")
    expected = counts_of(path)
    verify_copy(path, expected)  # passes
    expected["patient"] += 1
    with pytest.raises(CopyCheckError, match="patient"):
        verify_copy(path, expected)


def test_backup_while_another_connection_writes_is_one_snapshot(db, tmp_path):
    add_bulk(db.sqlite_path, 8)
    stop = threading.Event()

    def writer() -> None:
        con = sqlite3.connect(db.sqlite_path, timeout=10)
        while not stop.is_set():
            con.execute("INSERT INTO filler VALUES (randomblob(100))")
            con.commit()
        con.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        path = backup_database(db, tmp_path / "out")  # verified against its snapshot
    finally:
        stop.set()
        thread.join()
    assert integrity(path) == "ok"
    assert counts_of(path)["filler"] >= 8 * 16


BACKUP_SCRIPT = """
import sys
from app.data.engine import open_database
from app.services.backup import backup_database
db = open_database(sys.argv[1])
backup_database(db, sys.argv[2])
"""


def test_killed_backup_leaves_no_file_under_a_backup_name(db, tmp_path):
    """kill -9 while the copy (or its check) runs: only a hidden .partial remains, and the
    next backup removes it."""
    add_bulk(db.sqlite_path, 64)
    out = tmp_path / "out"
    out.mkdir()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-c", BACKUP_SCRIPT, str(db.sqlite_path),
                             str(out)], env=env)
    deadline = time.monotonic() + 60
    partial = []
    while time.monotonic() < deadline and not partial and proc.poll() is None:
        partial = [p for p in out.iterdir() if p.name.endswith(".partial")]
    assert partial, "the backup ended before it could be killed: make the registry larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    names = [p.name for p in out.iterdir()]
    assert not [n for n in names if n.endswith(".sqlite")], names
    assert all(n.startswith(".") for n in names)
    path = backup_database(db, out)
    assert [p.name for p in out.iterdir()] == [path.name]
    assert integrity(path) == "ok"


def test_schedule_due_take_and_prune(db, tmp_path):
    out = tmp_path / "out"
    schedule = BackupSchedule(every_days=2, keep=3)
    day0 = datetime(2026, 12, 1, 8, 0, 0)
    assert backup_due(db, schedule, day0, out)  # none yet
    taken = [scheduled_backup(db, schedule, day0, out_dir=out)]
    assert scheduled_backup(db, schedule, day0 + timedelta(days=1, hours=23), out_dir=out) \
        is None  # not yet due
    for n in range(1, 5):
        taken.append(scheduled_backup(db, schedule, day0 + timedelta(days=2 * n), out_dir=out))
    assert all(p is not None for p in taken)
    kept = list_backups(db, out)
    assert kept == taken[-3:]  # the newest three, oldest first
    assert not backup_due(db, BackupSchedule(every_days=0), day0 + timedelta(days=99), out)


def test_prune_touches_only_this_registrys_timestamped_backups(db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    other = [out / "notes.txt", out / "other-20260101-000000.sqlite",
             out / "registry-pre-restore-20260101-000000.sqlite"]
    for p in other:
        p.write_text("x")
    first = backup_database(db, out, datetime(2026, 1, 1))
    second = backup_database(db, out, datetime(2026, 1, 2))
    assert prune_backups(db, 1, out) == [first]
    assert all(p.exists() for p in other) and second.exists()


@pytest.mark.parametrize("every, keep", [(-1, 3), (366, 3), (1, 0)])
def test_schedule_limits(every, keep):
    with pytest.raises(ValueError):
        BackupSchedule(every_days=every, keep=keep)


def test_cli_backup_of_a_damaged_registry_fails_with_one_line_and_keeps_nothing(tmp_path,
                                                                                 capsys):
    from app.cli import main

    reg = tmp_path / "reg.sqlite"
    assert main(["demo", "--db", str(reg), "--patients", "3"]) == 0
    data = bytearray(reg.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for n in range(2, len(data) // page):
        data[n * page + 8: n * page + 200] = b"\xff" * 192
    reg.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(f"{reg}{suffix}").unlink(missing_ok=True)
    capsys.readouterr()
    assert main(["backup", "--db", str(reg), "--out", str(tmp_path / "bk")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no backup was kept" in err and "Traceback" not in err
    assert not (tmp_path / "bk").exists() or list((tmp_path / "bk").iterdir()) == []
