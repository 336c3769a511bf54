"""rules/2 §4 in the chart service: BMA-BP-RENAL (critical) and BMA-BP-CREAT-RISE block a
bisphosphonate dose exactly like the zoledronic-acid criticals (override with a written reason,
audited); BMA-BP-RENAL's warning and BMA-NO-INDICATION do not block; the dose suggestion follows
the per-drug CrCl bands."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.data import models as M
from app.domain.case import Administration
from app.services.records import OverrideRequired, RecordsService, ValidationFailed

from .records_helpers import (
    TODAY,
    case_doc,
    iso,
    make_registry,
    mild_kidney_doc,
    severe_kidney_doc,
)


def rising_pamidronate_doc(mrn: str = "R-1") -> dict:
    """On pamidronate since 40 days ago; creatinine 80 → 130 µmol/L (+0.57 mg/dL)."""
    return case_doc(
        mrn,
        labs=[{"date": iso(45), "analyte": "CREA", "value": 80, "unit": "umol/L"},
              {"date": iso(2), "analyte": "CREA", "value": 130, "unit": "umol/L"},
              {"date": iso(2), "analyte": "CA", "value": 2.3, "unit": "mmol/L"},
              {"date": iso(2), "analyte": "ALB", "value": 40, "unit": "g/L"}],
        bma={"administrations": [{"date": iso(40), "drug": "pamidronate", "dose_mg": 90},
                                 {"date": iso(12), "drug": "pamidronate", "dose_mg": 90}]},
        dental={"exams": [iso(60)]},
        supplements={"calcium": True, "vitamin_d": True},
    )


@pytest.fixture
def reg(tmp_path):
    no_imaging = mild_kidney_doc("N-1")
    no_imaging.pop("imaging")
    db, ids = make_registry(tmp_path, severe_kidney_doc(), mild_kidney_doc("K-2"),
                            rising_pamidronate_doc(), no_imaging)
    svc = RecordsService(db, "dr.test", today=lambda: TODAY)
    yield db, ids, svc
    db.dispose()


def _doses(db, pid):
    with db.session() as s:
        return list(s.scalars(select(M.BmaAdministration)
                              .where(M.BmaAdministration.patient_id == pid)))


def _plan(drug, mg, days=7):
    return Administration(date=TODAY + timedelta(days=days), drug=drug, dose_mg=mg, planned=True)


def test_incadronate_at_crcl_9_is_blocked_without_an_override(reg):
    db, ids, svc = reg
    pid = ids["K-9"]
    dose = _plan("incadronate", 10)
    with pytest.raises(OverrideRequired) as blocked:
        svc.add(pid, dose)
    (renal,) = [f for f in blocked.value.findings if f.rule == "BMA-BP-RENAL"]
    assert renal.severity == "critical" and renal.data["band"] == "not_recommended"
    assert renal.data["crcl_ml_min"] < 10
    assert _doses(db, pid) == []
    with pytest.raises(ValidationFailed):
        svc.add(pid, dose, override_reason="short")
    assert _doses(db, pid) == []
    reason = "Pharmacist and nephrology reviewed: single dose agreed"
    res = svc.add(pid, dose, override_reason=reason)
    assert "BMA-BP-RENAL" in res.overridden
    (row,) = _doses(db, pid)
    assert row.override_reason == reason
    with db.session() as s:
        audit = list(s.scalars(select(M.AuditLog).where(M.AuditLog.patient_id == pid,
                                                         M.AuditLog.action == "override")))
    assert len(audit) == 1 and "BMA-BP-RENAL" in audit[0].summary


def test_clodronate_contraindicated_below_crcl_10_blocks(reg):
    _db, ids, svc = reg
    with pytest.raises(OverrideRequired) as blocked:
        svc.add(ids["K-9"], _plan("clodronate", 800))
    (renal,) = [f for f in blocked.value.findings if f.rule == "BMA-BP-RENAL"]
    assert renal.data["band"] == "contraindicated"


def test_ibandronate_reduced_dose_is_a_warning_and_an_excess_dose_blocks(reg):
    db, ids, svc = reg
    pid = ids["K-2"]  # CrCl ≈ 41.7: band 30–50, 4 mg
    with pytest.raises(OverrideRequired) as blocked:
        svc.add(pid, _plan("ibandronate", 6))
    assert "BMA-BP-RENAL" in {f.rule for f in blocked.value.findings}
    res = svc.add(pid, _plan("ibandronate", 4))
    renal = [f for f in res.findings if f.rule == "BMA-BP-RENAL"]
    assert renal and renal[0].severity == "warning" and res.overridden == ()
    assert len(_doses(db, pid)) == 1


def test_creatinine_rise_on_pamidronate_blocks_the_next_dose(reg):
    _db, ids, svc = reg
    pid = ids["R-1"]
    with pytest.raises(OverrideRequired) as blocked:
        svc.add(pid, _plan("pamidronate", 90, days=14))
    rise = [f for f in blocked.value.findings if f.rule == "BMA-BP-CREAT-RISE"]
    assert rise and rise[0].data["drug"] == "pamidronate"


def test_no_indication_is_shown_but_does_not_block(reg):
    db, ids, svc = reg
    pid = ids["N-1"]
    pending = svc.pending_findings(pid, _plan("zoledronic_acid", 3.3))
    f = {x.rule: x for x in pending}["BMA-NO-INDICATION"]
    assert f.severity == "warning" and f.data["status"] == "unknown"
    res = svc.add(pid, _plan("zoledronic_acid", 3.3))
    assert res.overridden == () and len(_doses(db, pid)) == 1


@pytest.mark.parametrize(("mrn", "drug", "dose", "basis", "band"), [
    ("K-2", "ibandronate", 4.0, "crcl", "reduce"),
    ("K-2", "clodronate", 1200.0, "crcl", "reduce"),
    ("K-2", "pamidronate", 90.0, "label", None),
    ("K-9", "ibandronate", 2.0, "crcl", "reduce"),
    ("K-9", "incadronate", None, "contraindicated", "not_recommended"),
    ("K-9", "clodronate", None, "contraindicated", "contraindicated"),
    ("K-9", "pamidronate", None, "contraindicated", "not_recommended"),
])
def test_dose_suggestion_follows_the_band(reg, mrn, drug, dose, basis, band):
    _db, ids, svc = reg
    s = svc.dose_suggestion(ids[mrn], drug, TODAY + timedelta(days=7), planned=True)
    assert (s.dose_mg, s.basis, s.band) == (dose, basis, band)
    assert s.crcl_ml_min is not None and s.creatinine_date is not None
    if basis == "contraindicated":
        assert s.limit == (10 if band == "contraindicated" else 30)


def test_dose_suggestion_for_an_overdue_plan_uses_the_as_of_creatinine(reg):
    _db, ids, svc = reg
    # the creatinine (3 days ago) is after a plan dated 20 days ago: used for an overdue plan,
    # not for a dose recorded as given 20 days ago (no creatinine 0–14 days before it)
    day = TODAY - timedelta(days=20)
    assert svc.dose_suggestion(ids["K-9"], "ibandronate", day, planned=True).dose_mg == 2.0
    given = svc.dose_suggestion(ids["K-9"], "ibandronate", day, planned=False)
    assert given.basis == "no_creatinine"


def test_clodronate_daily_doses_are_accepted_by_the_form_validation(reg):
    _db, _ids, svc = reg
    rec = svc.parse("administration", {"date": iso(-7), "drug": "clodronate",
                                       "dose_mg": 1600, "planned": True})
    assert rec.dose_mg == 1600
    with pytest.raises(ValidationFailed) as err:
        svc.parse("administration", {"date": iso(-7), "drug": "clodronate",
                                     "dose_mg": 3300, "planned": True})
    assert "3200" in err.value.errors[0].message
    with pytest.raises(ValidationFailed):
        svc.parse("administration", {"date": iso(-7), "drug": "ibandronate",
                                     "dose_mg": 301, "planned": True})  # app.domain.limits
