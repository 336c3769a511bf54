"""``bonemet listen`` as a process: an acknowledged message is in the registry after the
listener is stopped (SIGTERM / SIGINT stop it cleanly, exit 0); bad options exit 2; a port in
use exits 1; nothing on stderr names the patient or a value."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from interop.feed_fixtures import MRN, hl7_message, lab_count, registry
from interop.mllp_client import Client, frame, msa

from app.cli import main
from app.data.engine import open_database

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60


def start_listener(db_path: Path, tmp_path: Path) -> tuple[subprocess.Popen, int]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "listen", "--port", "0", "--db", str(db_path)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()  # blocks until the first line (or the process ends)
    m = re.search(r"listening for HL7 \(MLLP\) on 127\.0\.0\.1:(\d+)", line)
    if not m:
        proc.kill()
        pytest.fail(f"no listening line: {line!r} {proc.communicate(timeout=TIMEOUT_S)}")
    return proc, int(m.group(1))


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "registry.sqlite"
    registry(path).dispose()
    return path


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_acknowledged_message_is_stored_after_the_listener_stops(tmp_path, db_path,
                                                                 stop_signal):
    proc, port = start_listener(db_path, tmp_path)
    try:
        with Client(port) as client:
            code, control, _ = msa(client.exchange(frame(hl7_message("NET-1", value="0.47"))))
            bad = msa(client.exchange(frame(hl7_message("NET-2", value="0.61", unit="mmol/L"))))
        assert (code, control) == ("AA", "NET-1")
        assert bad[0] == "AE"
    finally:
        proc.send_signal(stop_signal)
        out, err = proc.communicate(timeout=TIMEOUT_S)
    assert proc.returncode == 0, err
    assert "message 'NET-1': AA, 1 result(s) stored" in err
    assert "message 'NET-2': AE" in err and err.rstrip().endswith("stopped")
    for text in (out, err):
        assert MRN not in text and "0.47" not in text and "0.61" not in text
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
    proc, port = start_listener(db_path, tmp_path)
    try:
        with Client(port) as client:
            for i in range(3):
                message = hl7_message(f"K-{i}", value=f"0.{40 + i}", dtm=f"2026111{i}073000")
                assert msa(client.exchange(frame(message)))[:2] == ("AA", f"K-{i}")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=TIMEOUT_S)
    assert proc.returncode == -signal.SIGKILL
    db = open_database(db_path)
    try:
        assert lab_count(db) == 3
    finally:
        db.dispose()
