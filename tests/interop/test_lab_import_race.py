"""Two processes importing one file at once store each result once (issue 15: the natural key
and its unique index; the loser of a race retries and finds duplicates)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from app.data import models as M

from .conftest import message, msh, obr, obx, pid

ROOT = Path(__file__).resolve().parents[2]


def _file(tmp_path: Path, messages: int) -> Path:
    parts = []
    for m in range(messages):
        day = f"202610{m % 28 + 1:02d}{m // 28:02d}3000"
        parts.append(message(msh(f"R{m}"), pid(), obr(day),
                             obx(1, "2160-0^Cr^LN", f"0.{m % 9 + 1}", "mg/dL"),
                             obx(2, "1751-7^Alb^LN", f"{30 + m % 10}", "g/L"),
                             obx(3, "41171-0^CTX^LN", f"0.{m % 7 + 1}", "ng/mL")))
    path = tmp_path / "race.hl7"
    path.write_text("".join(parts), encoding="utf-8")
    return path


def test_two_processes_import_one_file_each_result_once(db, tmp_path):
    path = _file(tmp_path, 80)
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(M.LabResult))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    cmd = [sys.executable, "-m", "app", "import-labs", str(path), "--db",
           str(db.sqlite_path)]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    for out, err in outs:
        assert "database error" not in out and "Traceback" not in err
    with db.session() as s:
        after = s.scalar(select(func.count()).select_from(M.LabResult))
        keys = s.execute(select(M.LabResult.source_id, func.count())
                         .where(M.LabResult.source_id.is_not(None))
                         .group_by(M.LabResult.source_id)).all()
    assert after - before == 240
    assert len(keys) == 240 and all(n == 1 for _k, n in keys)


def test_a_stale_cache_meets_the_unique_index_and_the_retry_finds_duplicates(db, monkeypatch):
    """What the losing process sees: its view of the stored rows is older than the registry."""
    from app.interop.lab_files import parse_lab_file
    from app.services import lab_rows
    from app.services.lab_import import apply_lab_import

    from .conftest import TODAY

    text = message(msh("S1"), pid(), obr(), obx(1, "2160-0^Cr^LN", "0.8", "mg/dL"))
    units = parse_lab_file(text.encode(), "a.hl7", today=TODAY).units
    assert apply_lab_import(db, units, "t", today=lambda: TODAY).results_imported == 1
    real = lab_rows.PatientRows.load.__func__
    loads = []

    def stale_first(cls, s, pid):
        loads.append(pid)
        return cls([]) if len(loads) == 1 else real(cls, s, pid)

    monkeypatch.setattr(lab_rows.PatientRows, "load", classmethod(stale_first))
    rep = apply_lab_import(db, parse_lab_file(text.encode(), "a.hl7", today=TODAY).units, "t",
                           today=lambda: TODAY)
    assert len(loads) == 2  # the unique index refused the insert; the retry read again
    assert (rep.results_imported, rep.results_duplicate, rep.rejected) == (0, 1, 0)
