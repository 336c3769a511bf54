"""``bonemet --version`` and the log a command run leaves (no patient data in it)."""

import subprocess
import sys

import pytest

from app.cli import main
from app.data.migrate import HEAD_REVISION, head_revision
from app.domain.catalogue import RULES_VERSION
from app.services.applog import log_path


def test_version_names_app_rules_and_schema(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("bonemet ")
    assert f"({RULES_VERSION}, schema {HEAD_REVISION})" in out
    assert HEAD_REVISION == head_revision()


def test_demo_run_logs_no_patient_identifier_or_value(tmp_path, capsys):
    db = tmp_path / "d.sqlite"
    assert main(["demo", "--db", str(db), "--patients", "5"]) == 0
    assert main(["careplan", "--db", str(db), "--mrn", "BM-000001", "--lang", "zh",
                 "--out", str(tmp_path / "p.pdf")]) == 0
    capsys.readouterr()
    log = log_path().read_text(encoding="utf-8")
    assert "command demo started" in log and "command careplan ended (exit 0)" in log
    assert "BM-0000" not in log
    import sqlite3

    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("select name from patient")]
    assert names and not any(name and name in log for name in names)


def test_version_in_a_real_process():
    proc = subprocess.run([sys.executable, "-m", "app", "--version"], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.startswith("bonemet ")
