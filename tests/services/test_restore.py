"""`bonemet restore`: foreign and incomplete backups refused (exit 2, nothing changed), a
safety copy first, a -wal left over from a crash never applied to the restored file, a
registry open elsewhere refused, the result verified."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from data.factories import full_case

from app.cli import main
from app.services.backup import backup_database
from app.services.case_service import import_case
from app.services.restore import RegistryInUse, RestoreRefused, check_backup, restore_database

from .sqlite_files import REPO, counts_of, integrity


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    return [s for s in ("-wal", "-shm", "-journal") if Path(f"{path}{s}").exists()]


@pytest.fixture
def backed_up(db, tmp_path):
    """A registry with two patients, its backup, then a third patient after the backup."""
    import_case(db, full_case("P-1"), "t")
    import_case(db, full_case("P-2"), "t")
    backup = backup_database(db, tmp_path / "keep")
    import_case(db, full_case("P-3"), "t")
    db.dispose()
    return db, backup


def test_restore_brings_back_the_backup_with_a_safety_copy(backed_up, capsys):
    db, backup = backed_up
    before = counts_of(db.sqlite_path)
    assert main(["restore", str(backup), "--db", str(db.sqlite_path)]) == 0
    out = capsys.readouterr().out
    assert "restored 2 patients" in out and "P-1" not in out
    assert counts_of(db.sqlite_path) == counts_of(backup)
    safety = Path(out.strip().splitlines()[-1].rsplit(" ", 1)[-1])
    assert safety.parent == db.sqlite_path.parent / "backups"
    assert safety.name.startswith("registry-pre-restore-")
    assert counts_of(safety) == before  # the registry as it was, third patient included
    assert side_files(db.sqlite_path) == []
    assert [p.name for p in db.sqlite_path.parent.iterdir() if p.name.startswith(".")] == []


WAL_WRITER = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA wal_autocheckpoint=0")
for i in range(400):
    con.execute("INSERT INTO audit_log (at, actor, action, entity, entity_id, summary) "
                "SELECT at, actor, action, entity, entity_id, summary FROM audit_log LIMIT 1")
print("committed", flush=True)
time.sleep(60)
"""


def crash_leaving_wal(path: Path) -> None:
    """400 committed rows that are only in the -wal, then kill -9 (a crashed app)."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-c", WAL_WRITER, str(path)], env=env,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "committed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert Path(f"{path}-wal").stat().st_size > 0


def test_leftover_wal_from_a_crash_is_not_applied_to_the_restored_file(backed_up):
    db, backup = backed_up
    crash_leaving_wal(db.sqlite_path)
    wal_rows = counts_of(db.sqlite_path)["audit_log"]  # recovered from the -wal
    assert wal_rows >= counts_of(backup)["audit_log"] + 400
    crash_leaving_wal(db.sqlite_path)  # and a -wal left over again for the restore
    wal_rows += 400
    result = restore_database(db, backup)
    assert side_files(db.sqlite_path) == []
    assert counts_of(db.sqlite_path) == counts_of(backup)  # no re-applied rows
    assert integrity(db.sqlite_path) == "ok"
    assert counts_of(result.safety_copy)["audit_log"] == wal_rows  # nothing acknowledged lost


def test_registry_open_elsewhere_is_refused_and_left_unchanged(backed_up, capsys):
    db, backup = backed_up
    other = sqlite3.connect(db.sqlite_path)  # like the app: WAL, a read done, still open
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("SELECT count(*) FROM patient").fetchone()
    try:
        before = counts_of(db.sqlite_path)
        assert main(["restore", str(backup), "--db", str(db.sqlite_path)]) == 1
        err = capsys.readouterr().err
        assert "in use" in err and "nothing was changed" in err
        with pytest.raises(RegistryInUse):
            restore_database(db, backup)
        assert counts_of(db.sqlite_path) == before
        backups = db.sqlite_path.parent / "backups"
        assert not backups.exists() or list(backups.iterdir()) == []
    finally:
        other.close()


def test_restore_into_a_new_file(backed_up, tmp_path, capsys):
    _, backup = backed_up
    target = tmp_path / "new" / "fresh.sqlite"
    assert main(["restore", str(backup), "--db", str(target)]) == 0
    assert counts_of(target) == counts_of(backup)
    assert "safety copy" not in capsys.readouterr().out


def _cut(backup: Path, dest: Path) -> Path:
    dest.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    return dest


def _corrupt(backup: Path, dest: Path) -> Path:
    data = bytearray(backup.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for n in range(2, len(data) // page):  # garble every page but the first (the schema)
        data[n * page + 8: n * page + 200] = os.urandom(192)
    dest.write_bytes(bytes(data))
    return dest


def _plain_sqlite(_backup: Path, dest: Path) -> Path:
    con = sqlite3.connect(dest)
    con.execute("CREATE TABLE patient (id INTEGER)")
    con.commit()
    con.close()
    return dest


def _newer(backup: Path, dest: Path) -> Path:
    dest.write_bytes(backup.read_bytes())
    con = sqlite3.connect(dest)
    con.execute("UPDATE alembic_version SET version_num = 'zz_future'")
    con.commit()
    con.close()
    return dest


@pytest.mark.parametrize("make, problem", [
    (lambda b, d: (d.write_text("hello"), d)[1], "not an SQLite database"),
    (lambda b, d: (d.write_bytes(b""), d)[1], "is empty"),
    (_cut, "incomplete"),
    (_corrupt, "damaged"),
    (_plain_sqlite, "no BoneMet schema"),
    (_newer, "newer BoneMet"),
])
def test_foreign_or_incomplete_backup_is_refused_exit_2(backed_up, tmp_path, capsys,
                                                       make, problem):
    db, backup = backed_up
    bad = make(backup, tmp_path / "bad.sqlite")
    before = digest(db.sqlite_path)
    assert main(["restore", str(bad), "--db", str(db.sqlite_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert problem in err and "BACKUP:" in err
    assert digest(db.sqlite_path) == before
    assert not (db.sqlite_path.parent / "backups").exists()
    with pytest.raises(RestoreRefused):
        check_backup(bad)


def test_check_backup_accepts_a_backup_and_names_a_missing_file(backed_up, tmp_path):
    _, backup = backed_up
    assert check_backup(backup).counts["patient"] == 2
    with pytest.raises(RestoreRefused, match="no such file"):
        check_backup(tmp_path / "missing.sqlite")


RESTORE_SCRIPT = """
import sys
from app.cli import main
sys.exit(main(["restore", sys.argv[1], "--db", sys.argv[2]]))
"""


@pytest.mark.parametrize("moment", [0.0, 0.5])
def test_killed_restore_leaves_the_old_or_the_new_registry_intact(backed_up, moment):
    """kill -9 during the restore (staging, safety copy or rename): the registry is whole —
    the old one or the restored one — and a new restore succeeds."""
    db, backup = backed_up
    con = sqlite3.connect(backup)  # a backup large enough to be caught mid-copy
    con.execute("CREATE TABLE filler (b BLOB)")
    con.executemany("INSERT INTO filler VALUES (randomblob(65536))", [()] * 1024)
    con.commit()
    con.close()
    old, new = counts_of(db.sqlite_path), counts_of(backup)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-c", RESTORE_SCRIPT, str(backup),
                             str(db.sqlite_path)], env=env, stdout=subprocess.DEVNULL)
    folder = db.sqlite_path.parent
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None and not any(
            p.name.endswith(".partial") for p in folder.iterdir()):
        pass
    time.sleep(moment)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert integrity(db.sqlite_path) == "ok"
    assert counts_of(db.sqlite_path) in (old, new)
    assert [p for p in folder.iterdir() if p.suffix == ".sqlite" and not p.name.startswith(".")
            ] == [db.sqlite_path]
    restore_database(db, backup)
    assert counts_of(db.sqlite_path) == new
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # nothing left over


def test_a_registry_sqlite_cannot_read_is_moved_aside_unchanged(backed_up, tmp_path, capsys):
    db, backup = backed_up
    _corrupt(db.sqlite_path, tmp_path / "garbled.sqlite")
    db.sqlite_path.write_bytes((tmp_path / "garbled.sqlite").read_bytes())
    damaged = digest(db.sqlite_path)
    assert main(["restore", str(backup), "--db", str(db.sqlite_path)]) == 0
    out = capsys.readouterr().out
    assert "could not be read and was moved aside unchanged" in out
    aside = Path(out.strip().splitlines()[-1].rsplit(" ", 1)[-1])
    assert aside.name.startswith("registry.damaged-") and digest(aside) == damaged
    assert counts_of(db.sqlite_path) == counts_of(backup)
    assert integrity(db.sqlite_path) == "ok"
