"""``bonemet listen`` as a process: an acknowledged message is in the registry after the
listener is stopped (SIGTERM / SIGINT stop it cleanly, exit 0; kill -9 loses nothing
acknowledged); bad options exit 2; a port in use exits 1; nothing on stderr names the patient
or a value. ``bonemet import-labs --watch``: the watched folder without the app."""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from interop.feed_fixtures import MRN, hl7_message, lab_count, registry
from interop.mllp_client import Client, frame, msa

from app.cli import main
from app.data.engine import open_database

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60


class Lines:
    """A process's stderr lines, each waited for at most ``TIMEOUT_S`` (never blocks forever).
    ``rest()`` is what came after the lines read, once the process has ended."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self._queue: queue.Queue[str] = queue.Queue()
        self._thread = threading.Thread(target=self._pump, args=(proc,), daemon=True)
        self._thread.start()

    def _pump(self, proc: subprocess.Popen) -> None:
        for line in proc.stderr:
            self._queue.put(line)
        self._queue.put("")

    def next(self) -> str:
        return self._queue.get(timeout=TIMEOUT_S)

    def rest(self) -> str:
        self._thread.join(TIMEOUT_S)
        return "".join(iter(self._queue.get_nowait, ""))


def spawn(argv: list[str], tmp_path: Path) -> tuple[subprocess.Popen, Lines]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    proc = subprocess.Popen([sys.executable, "-m", "app", *argv], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return proc, Lines(proc)


def stop(proc: subprocess.Popen, how: int) -> None:
    proc.send_signal(how)
    proc.wait(timeout=TIMEOUT_S)


def start_listener(db_path: Path, tmp_path: Path) -> tuple[subprocess.Popen, Lines, int]:
    proc, lines = spawn(["listen", "--port", "0", "--db", str(db_path)], tmp_path)
    line = lines.next()
    m = re.search(r"listening for HL7 \(MLLP\) on 127\.0\.0\.1:(\d+)", line)
    if not m:
        stop(proc, signal.SIGKILL)
        pytest.fail(f"no listening line: {line!r} {lines.rest()}")
    return proc, lines, int(m.group(1))


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "registry.sqlite"
    registry(path).dispose()
    return path


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_acknowledged_message_is_stored_after_the_listener_stops(tmp_path, db_path,
                                                                 stop_signal):
    proc, lines, port = start_listener(db_path, tmp_path)
    try:
        with Client(port) as client:
            code, control, _ = msa(client.exchange(frame(hl7_message("NET-1", value="0.47"))))
            bad = msa(client.exchange(frame(hl7_message("NET-2", value="0.61", unit="mmol/L"))))
        assert (code, control) == ("AA", "NET-1")
        assert bad[0] == "AE"
    finally:
        stop(proc, stop_signal)
    err = lines.rest()
    assert proc.returncode == 0, err
    assert "message 'NET-1': AA, 1 result(s) stored" in err
    assert "message 'NET-2': AE" in err and err.rstrip().endswith("stopped")
    assert MRN not in err and "0.47" not in err and "0.61" not in err
    db = open_database(db_path)  # a fresh connection after the process has ended
    try:
        assert lab_count(db) == 1
    finally:
        db.dispose()


@pytest.mark.parametrize("argv, field", [
    (["listen"], "--port: required"),
    (["listen", "--port", "70000"], "--port: must be between 0 and 65535"),
    (["listen", "--port", "2575", "--host", " "], "--host: required"),
])
def test_bad_options_exit_2(argv, field, db_path, capsys):
    assert main([*argv, "--db", str(db_path)]) == 2
    assert field in capsys.readouterr().err


def test_port_in_use_exits_1(db_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["listen", "--port", str(port), "--db", str(db_path)]) == 1
    assert f"--port: cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_acknowledged_means_durable_even_when_killed(tmp_path, db_path):
    """kill -9 right after the ACKs: every acknowledged message is in the registry."""
    proc, _lines, port = start_listener(db_path, tmp_path)
    try:
        with Client(port) as client:
            for i in range(3):
                message = hl7_message(f"K-{i}", value=f"0.{40 + i}", dtm=f"2026111{i}073000")
                assert msa(client.exchange(frame(message)))[:2] == ("AA", f"K-{i}")
    finally:
        stop(proc, signal.SIGKILL)
    assert proc.returncode == -signal.SIGKILL
    db = open_database(db_path)
    try:
        assert lab_count(db) == 3
    finally:
        db.dispose()


def test_import_labs_watch_files_a_dropped_file_and_stops_on_sigterm(tmp_path, db_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "early.hl7").write_text(hl7_message("W-1"), encoding="utf-8")
    proc, lines = spawn(["import-labs", "--watch", str(drop), "--db", str(db_path)], tmp_path)
    try:
        assert "watching" in lines.next()
        assert "file 1: done/ — 1 result(s) imported" in lines.next()
        (drop / f"{MRN}.csv").write_text(
            f"mrn,date,analyte,value,unit\n{MRN},2026-11-02,CTX,0.5,mmol/L\n", encoding="utf-8")
        line = lines.next()
        assert "file 2: failed/ — 0 result(s) imported, 0 already stored, 1 message(s)/row(s) " \
            "rejected; report import-" in line
    finally:
        stop(proc, signal.SIGTERM)
    err = lines.rest()
    assert proc.returncode == 0 and err.rstrip().endswith("stopped")
    assert (drop / "done" / "early.hl7").exists() and (drop / "failed" / f"{MRN}.csv").exists()
    assert MRN not in line + err


@pytest.mark.parametrize("extra, problem", [
    (["x.hl7"], "FILE: give a file or --watch FOLDER, not both"),
    (["--dry-run"], "--dry-run: not with --watch"),
])
def test_import_labs_watch_bad_options(tmp_path, db_path, capsys, extra, problem):
    assert main(["import-labs", "--watch", str(tmp_path), "--db", str(db_path), *extra]) == 2
    assert problem in capsys.readouterr().err


def test_import_labs_watch_needs_a_folder_and_file_is_required_otherwise(db_path, capsys):
    assert main(["import-labs", "--watch", "/no/such/folder", "--db", str(db_path)]) == 2
    assert "--watch: no such folder" in capsys.readouterr().err
    assert main(["import-labs", "--db", str(db_path)]) == 2
    assert "FILE: required (or --watch FOLDER)" in capsys.readouterr().err
