"""MDT case summary: every bisphosphonate dose carries its renal check, from the rules' per-dose
CrCl (rules/2 §4: the other bisphosphonates' bands; an overdue plan judged by the creatinine
before the as-of date)."""

from __future__ import annotations

from .helpers import case_of
from .test_mdt_content import summary

# 68-year-old man of 72 kg: CrCl = 72 / creatinine (mg/dL), so the creatinine sets the CrCl
# (a plausible weight: case files refuse weights under 20 kg)


def _notes(crcl, doses, labs=None):
    creatinine_umol_l = 88.4 * 72 / crcl
    case = case_of(
        patient={"mrn": "B-1", "sex": "male", "birth_date": "1958-01-01", "weight_kg": 72},
        labs=labs or [{"date": "2026-11-18", "analyte": "CREA", "value": creatinine_umol_l,
                       "unit": "umol/L"}],
        bma={"administrations": doses})
    return [(d.drug, d.note) for d in summary(case).doses]


def _plan(drug, mg, day="2026-11-25"):
    return {"date": day, "drug": drug, "dose_mg": mg, "planned": True}


def test_other_bisphosphonates_show_their_band():
    assert _notes(9, [_plan("incadronate", 10)])[0][1] == "CrCl 9.0: below 30, not recommended"
    assert _notes(9, [_plan("clodronate", 800)])[0][1] == "CrCl 9.0: below 10, contraindicated"
    assert _notes(40, [_plan("ibandronate", 6)])[0][1] == (
        "CrCl 40.0 → 4 mg: EXCEEDS renal adjustment")
    assert _notes(40, [_plan("ibandronate", 4)])[0][1] == "CrCl 40.0 → renally adjusted 4 mg"
    assert _notes(20, [_plan("clodronate", 800)])[0][1] == "CrCl 20.0 → renally adjusted 800 mg"
    assert _notes(50, [_plan("pamidronate", 90)])[0][1] == "CrCl 50.0: full dose"
    assert _notes(50, [_plan("denosumab", 120)])[0][1] == ""


def test_overdue_plan_uses_the_creatinine_before_the_as_of_date():
    # plan 2026-10-01 (overdue on 2026-11-21); the creatinine of 2026-11-18 is used
    assert _notes(20, [_plan("pamidronate", 90, "2026-10-01")])[0][1] == (
        "CrCl 20.0: below 30, not recommended")
    old = [{"date": "2026-09-25", "analyte": "CREA", "value": 88.4, "unit": "umol/L"}]
    assert _notes(20, [_plan("pamidronate", 90, "2026-10-01")], old)[0][1] == (
        "no creatinine within 14 days before")
