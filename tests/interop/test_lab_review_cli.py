"""``bonemet import-labs`` holds a mismatched patient's message; ``bonemet lab-review`` lists,
shows, assigns and rejects held messages, audited, never deleting anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.data import models as M
from app.data.models_labreview import LabReview
from app.services.audit import list_audit

from .conftest import MRN

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "hl7" / "wrong_patient.hl7"


@pytest.fixture(autouse=True)
def _no_site_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def lab_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(M.LabResult))


def held(db) -> list[tuple]:
    with db.session() as s:
        return [(r.id, r.status, r.resolved_patient_id is not None, r.resolution_note)
                for r in s.scalars(select(LabReview))]


def test_mismatch_is_held_then_assigned(db, capsys):
    reg = str(db.sqlite_path)
    before = lab_count(db)
    assert main(["import-labs", str(FIXTURE), "--db", reg]) == 0
    out = capsys.readouterr().out
    assert "read 1 message: 0 imported, 0 skipped, 0 rejected, 1 held for review" in out
    assert "held     message WP-1, PID-5: the family name differs" in out
    assert "1 message held for review (nothing of them stored)" in out
    assert MRN not in out and "王" not in out and lab_count(db) == before
    assert main(["lab-review", "list", "--db", reg]) == 0
    out = capsys.readouterr().out
    assert "message WP-1  hl7:OTHERLAB  PID-3.4: the ID's assigning authority" in out
    assert "1 held message(s)" in out and MRN not in out and "王" not in out
    [(rid, status, _, _)] = held(db)
    assert main(["lab-review", "show", str(rid), "--db", reg]) == 0
    out = capsys.readouterr().out  # the explicit output of `show`: both sides
    assert "王 强" in out and "测试" in out and "1970-08-15" in out and "1955-01-02" in out
    assert main(["lab-review", "assign", str(rid), "--db", reg]) == 0
    assert "assigned: 1 result(s) imported" in capsys.readouterr().out
    assert lab_count(db) == before + 1 and held(db)[0][1:3] == ("assigned", True)
    assert main(["lab-review", "assign", str(rid), "--db", reg]) == 2
    assert "id: the message was already assigned" in capsys.readouterr().err
    with db.session() as s:
        actions = [(e.action, e.entity) for e in list_audit(s) if e.entity == "lab_review"]
    assert actions.count(("create", "lab_review")) == 1 and ("assign", "lab_review") in actions


def test_reject_needs_a_reason_and_keeps_the_row(db, capsys):
    reg = str(db.sqlite_path)
    main(["import-labs", str(FIXTURE), "--db", reg])
    [(rid, *_)] = held(db)
    capsys.readouterr()
    assert main(["lab-review", "reject", str(rid), "--reason", "  ", "--db", reg]) == 2
    assert "reason: required" in capsys.readouterr().err
    assert main(["lab-review", "reject", str(rid), "--reason", "other hospital's patient",
                 "--db", reg]) == 0
    assert held(db) == [(rid, "rejected", False, "other hospital's patient")]
    assert main(["lab-review", "list", "--db", reg]) == 0
    assert "0 held message(s)" in capsys.readouterr().out
    assert main(["lab-review", "show", "999", "--db", reg]) == 2


def test_an_accepted_authority_still_checks_the_demographics(db, capsys):
    reg = str(db.sqlite_path)
    assert main(["import-labs", str(FIXTURE), "--db", reg,
                 "--accept-authority", "OTHERHOSP"]) == 0
    out = capsys.readouterr().out
    assert "1 held for review" in out and "PID-3.4" not in out
