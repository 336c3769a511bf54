"""Chart records service: add / correct / entered-in-error, one transaction each, audit rows,
version conflicts, cached summary refresh, pending findings and the critical-override flow."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.data import models as M
from app.data.case_repo import load_case
from app.domain.case import Administration, Cancer, Lab
from app.services.records import (
    ConcurrentEditError,
    OverrideRequired,
    RecordsService,
    ValidationFailed,
)
from app.services.records_map import ExamDate, IntervalSetting

from .records_helpers import TODAY, case_doc, iso, make_registry, mild_kidney_doc, poor_kidney_doc


@pytest.fixture
def reg(tmp_path):
    db, ids = make_registry(tmp_path, case_doc("P-1"), poor_kidney_doc("K-1"),
                            mild_kidney_doc("K-2"))
    svc = RecordsService(db, "dr.test", today=lambda: TODAY)
    yield db, ids, svc
    db.dispose()


def _rows(db, model, pid):
    with db.session() as s:
        return list(s.scalars(select(model).where(model.patient_id == pid).order_by(model.id)))


def _audit(db, pid):
    with db.session() as s:
        return list(s.scalars(select(M.AuditLog).where(M.AuditLog.patient_id == pid)
                              .order_by(M.AuditLog.id)))


def test_add_ctx_in_pg_ml_keeps_value_as_reported_and_refreshes_summary(reg):
    db, ids, svc = reg
    pid = ids["P-1"]
    lab = svc.parse("lab", {"date": f"{iso(1)}T08:05", "analyte": "CTX", "value": 812,
                            "unit": "pg/mL", "ref_low": 136, "ref_high": 689, "fasting": True})
    result = svc.add(pid, lab)
    row = _rows(db, M.LabResult, pid)[-1]
    assert (row.value, row.unit, row.flag, row.loinc) == (812, "pg/mL", "H", "41171-0")
    assert row.at_time.hour == 8 and row.created_by == "dr.test"
    audit = _audit(db, pid)[-1]
    assert (audit.action, audit.entity, audit.entity_id) == ("create", "lab_result", row.id)
    assert "812" not in audit.summary  # no clinical values in the audit summary
    with db.session() as s:
        p = s.get(M.Patient, pid)
        assert p.summary_as_of == TODAY and p.bm_status == "confirmed"
    assert result.record_id == row.id
    chart = svc.chart(pid)
    assert any(r.kind == "lab" and r.rid == row.id for r in chart.records)


def test_invalid_values_name_every_field_and_nothing_is_saved(reg):
    db, ids, svc = reg
    with pytest.raises(ValidationFailed) as err:
        svc.parse("lab", {"date": iso(-3), "analyte": "CTX", "value": "x", "unit": "mmol/L"})
    fields = {e.field: e for e in err.value.errors}
    assert set(fields) == {"value", "unit", "date"}
    assert "not a unit of CTX" in fields["unit"].message
    assert fields["date"].code == "future"
    assert _rows(db, M.LabResult, ids["P-1"]) == []


def test_correction_is_a_new_row_old_kept_and_version_checked(reg):
    db, ids, svc = reg
    pid = ids["P-1"]
    first = svc.add(pid, Lab(date=TODAY, analyte="ALP", value=90, unit="U/L"))
    version = svc.chart(pid).stored("lab", first.record_id).version
    fixed = svc.correct(pid, first.record_id, version,
                        Lab(date=TODAY, analyte="ALP", value=190, unit="U/L"))
    rows = _rows(db, M.LabResult, pid)
    assert [r.value for r in rows] == [90, 190]
    assert rows[1].replaces_id == rows[0].id
    with db.session() as s:
        assert [lab.value for lab in load_case(s, pid).labs] == [190]
    # a second correction of the old row (stale form on another workstation) is refused
    with pytest.raises(ConcurrentEditError):
        svc.correct(pid, first.record_id, version,
                    Lab(date=TODAY, analyte="ALP", value=100, unit="U/L"))
    assert [a.action for a in _audit(db, pid)][-2:] == ["create", "correct"]
    assert fixed.record_id == rows[1].id


def test_entered_in_error_hides_from_rules_keeps_row_and_reason_in_history(reg):
    db, ids, svc = reg
    pid = ids["P-1"]
    res = svc.add(pid, Lab(date=TODAY, analyte="CA", value=3.5, unit="mmol/L"))
    assert "BMA-HYPERCALCAEMIA" in {f.rule for f in res.new_findings}
    version = svc.chart(pid).stored("lab", res.record_id).version
    with pytest.raises(ValidationFailed):
        svc.mark_entered_in_error(pid, "lab", res.record_id, version, "  ")
    out = svc.mark_entered_in_error(pid, "lab", res.record_id, version, "wrong patient's tube")
    assert "BMA-HYPERCALCAEMIA" not in {f.rule for f in out.findings}
    row = _rows(db, M.LabResult, pid)[-1]
    assert row.entered_in_error and row.error_by == "dr.test"
    entry = svc.history(pid)[0]
    assert (entry.action, entry.kind, entry.reason) == ("entered_in_error", "lab",
                                                        "wrong patient's tube")
    with pytest.raises(ConcurrentEditError):  # stale version
        svc.mark_entered_in_error(pid, "lab", res.record_id, version, "again")


def test_pending_findings_are_pure_and_show_za_dose_adjustment(reg):
    db, ids, svc = reg
    pid = ids["K-2"]
    pending = Administration(date=TODAY, drug="zoledronic_acid", dose_mg=4.0, planned=True)
    findings = svc.pending_findings(pid, pending)
    rules = {f.rule: f for f in findings}
    assert "BMA-ZA-OVERDOSE" in rules and rules["BMA-ZA-OVERDOSE"].severity == "critical"
    assert _rows(db, M.BmaAdministration, pid) == []  # nothing written
    ok = svc.pending_findings(pid, Administration(date=TODAY, drug="zoledronic_acid",
                                                  dose_mg=3.3, planned=True))
    assert "BMA-ZA-OVERDOSE" not in {f.rule for f in ok}
    assert "BMA-ZA-DOSE" in {f.rule for f in ok}


def test_critical_dose_blocks_until_override_reason_kept_with_record_and_audit(reg):
    db, ids, svc = reg
    pid = ids["K-1"]
    dose = Administration(date=TODAY, drug="zoledronic_acid", dose_mg=4.0)
    with pytest.raises(OverrideRequired) as blocked:
        svc.add(pid, dose)
    assert "BMA-ZA-CONTRAINDICATED" in {f.rule for f in blocked.value.findings}
    assert _rows(db, M.BmaAdministration, pid) == []
    with pytest.raises(ValidationFailed) as short:
        svc.add(pid, dose, override_reason="ok")
    assert short.value.errors[0].field == "override_reason"
    reason = "Nephrology agreed: single dose before dialysis"
    res = svc.add(pid, dose, override_reason=reason)
    assert "BMA-ZA-CONTRAINDICATED" in res.overridden
    row = _rows(db, M.BmaAdministration, pid)[-1]
    assert row.override_reason == reason
    override = [a for a in _audit(db, pid) if a.action == "override"]
    assert len(override) == 1 and reason in override[0].summary
    assert "BMA-ZA-CONTRAINDICATED" in override[0].summary
    hist = [h for h in svc.history(pid) if h.action == "override"]
    assert hist and hist[0].reason == reason and hist[0].record.dose_mg == 4.0


def test_safe_dose_and_observations_are_not_blocked(reg):
    db, ids, svc = reg
    res = svc.add(ids["K-2"], Administration(date=TODAY, drug="zoledronic_acid", dose_mg=3.3))
    assert res.overridden == ()
    # a critical lab is a fact: it is saved, and the new critical finding is reported
    res = svc.add(ids["K-2"], Lab(date=TODAY, analyte="CA", value=3.6, unit="mmol/L"))
    assert any(f.severity == "critical" for f in res.new_findings)


def test_exam_and_interval_kinds_add_and_correct(reg):
    db, ids, svc = reg
    pid = ids["P-1"]
    exam = svc.add(pid, svc.parse("dental_exam", {"date": iso(3)}))
    iv = svc.add(pid, IntervalSetting("denosumab", 56))
    chart = svc.chart(pid)
    assert chart.case.bma.interval_days == {"denosumab": 56}
    ver = chart.stored("interval", iv.record_id).version
    svc.correct(pid, iv.record_id, ver, IntervalSetting("denosumab", 84))
    ever = chart.stored("dental_exam", exam.record_id).version
    svc.correct(pid, exam.record_id, ever, ExamDate(TODAY))
    chart = svc.chart(pid)
    assert chart.case.bma.interval_days == {"denosumab": 84}
    assert chart.case.dental.exams == [TODAY]
    with pytest.raises(ConcurrentEditError):
        svc.correct(pid, iv.record_id, ver, IntervalSetting("denosumab", 28))


def test_patient_sections_use_the_patient_version(reg):
    db, ids, svc = reg
    pid = ids["P-1"]
    chart = svc.chart(pid)
    cancer = svc.parse("cancer", {"histology": "squamous", "stage": "IIIA", "ecog": 2,
                                  "kps": 70, "frankel": "E"})
    assert isinstance(cancer, Cancer)
    new_version = svc.update_patient_section(pid, chart.patient_version, cancer)
    assert new_version > chart.patient_version
    assert svc.chart(pid).case.cancer.ecog == 2
    with pytest.raises(ConcurrentEditError):
        svc.update_patient_section(pid, chart.patient_version, cancer)
    assert _audit(db, pid)[-1].summary.startswith("update patient")
