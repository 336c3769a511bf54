"""Zoledronic-acid renal rules: BMA-ZA-DOSE, -OVERDOSE, -CONTRAINDICATED, -CREAT-MISSING,
-CREAT-RISE. CrCl = weight in these cases (male, 68 y, creatinine 88.4 µmol/L = 1.0 mg/dL)."""

import pytest

from app.domain import rules_bma_za
from app.domain.params import Params

from .bma_cases import T0, creat, day, give, make, missing, plan, run

ZA = "zoledronic_acid"


def _planned(weight, mg=4.0, creat_day=-3, plan_day=5, as_of=0, **kw):
    return run(
        rules_bma_za,
        make(doses=[plan(day(plan_day), ZA, mg)], labs=[creat(day(creat_day))],
             weight_kg=weight, **kw),
        day(as_of),
    )


@pytest.mark.parametrize(("weight", "dose"), [
    (30.0, 3.0), (39.9, 3.0), (40.0, 3.3), (49.9, 3.3), (50.0, 3.5), (60.0, 3.5), (60.1, 4.0),
])
def test_za_dose_by_crcl_band(weight, dose):
    f = _planned(weight, mg=dose)["BMA-ZA-DOSE"]
    assert f.severity == "info"
    assert f.data["recommended_mg"] == dose
    assert f.data["crcl_ml_min"] == weight
    assert f.data["creatinine_umol_l"] == 88.4
    assert f.data["creatinine_date"] == day(-3).isoformat()
    assert f.data["weight_kg"] == weight
    assert f"{dose:g} mg" in f.message and "88.4" in f.message and f"{weight:g} kg" in f.message


def test_za_dose_silent_below_30_where_contraindicated_fires():
    found = _planned(29.9, mg=3.0)
    assert "BMA-ZA-DOSE" not in found
    f = found["BMA-ZA-CONTRAINDICATED"]
    assert f.severity == "critical"
    assert f.data["crcl_ml_min"] == 29.9
    assert "29.9" in f.message_zh


def test_contraindicated_silent_at_30():
    assert "BMA-ZA-CONTRAINDICATED" not in _planned(30.0, mg=3.0)


@pytest.mark.parametrize(("mg", "fires"), [(3.5, False), (3.55, False), (3.56, True), (4.0, True)])
def test_overdose_tolerance_is_0_05_mg(mg, fires):
    found = _planned(55.0, mg=mg)
    assert ("BMA-ZA-OVERDOSE" in found) is fires
    if fires:
        assert found["BMA-ZA-OVERDOSE"].data["recommended_mg"] == 3.5
        assert found["BMA-ZA-OVERDOSE"].severity == "critical"


def test_given_dose_counts_for_28_days():
    case = make(doses=[give(T0, ZA, 4.0)], labs=[creat(day(-2))], weight_kg=45)
    assert "BMA-ZA-OVERDOSE" in run(rules_bma_za, case, day(28))
    assert "BMA-ZA-OVERDOSE" not in run(rules_bma_za, case, day(29))
    low = make(doses=[give(T0, ZA, 3.0)], labs=[creat(day(-2))], weight_kg=25)
    assert "BMA-ZA-CONTRAINDICATED" in run(rules_bma_za, low, day(28))
    assert "BMA-ZA-CONTRAINDICATED" not in run(rules_bma_za, low, day(29))
    # BMA-ZA-DOSE is for planned doses only
    assert "BMA-ZA-DOSE" not in run(rules_bma_za, case, day(1))


def test_creatinine_window_0_to_14_days_before_the_dose():
    # creatinine 14 days before the dose: used
    assert "BMA-ZA-DOSE" in _planned(70, creat_day=-9, plan_day=5)
    # 15 days before: not used; the plan is due, so CREAT-MISSING fires and DOSE cannot
    found = _planned(70, creat_day=-10, plan_day=5)
    assert "BMA-ZA-DOSE" not in found
    f = found["BMA-ZA-CREAT-MISSING"]
    assert f.severity == "warning"
    assert f.data["dose"]["date"] == day(5).isoformat()
    assert "0–14 days" in f.message


def test_missing_creatinine_is_reported_as_missing_input():
    case = make(doses=[plan(day(5), ZA)], labs=[])
    m = missing(rules_bma_za, case, T0)
    assert m["labs.CREA"] == ["BMA-ZA-DOSE", "BMA-ZA-OVERDOSE", "BMA-ZA-CONTRAINDICATED"]


@pytest.mark.parametrize(("plan_day", "due"), [(14, True), (15, False)])
def test_a_plan_is_due_within_14_days(plan_day, due):
    case = make(doses=[plan(day(plan_day), ZA)], labs=[])
    assert ("BMA-ZA-CREAT-MISSING" in run(rules_bma_za, case, T0)) is due


def test_overdue_plan_without_creatinine_is_due():
    case = make(doses=[plan(day(-30), ZA)], labs=[creat(day(-60))])
    f = run(rules_bma_za, case, T0)["BMA-ZA-CREAT-MISSING"]
    assert "overdue" in f.message


def test_far_plan_uses_the_latest_creatinine_provisionally():
    # rules/2: the provisional creatinine must be dated 0–90 days before the as-of date
    case = make(doses=[plan(day(40), ZA, 4.0)], labs=[creat(day(-90))], weight_kg=45)
    found = run(rules_bma_za, case, T0)
    f = found["BMA-ZA-DOSE"]
    assert f.data["provisional_creatinine"] is True
    assert f.data["recommended_mg"] == 3.3
    assert "provisional" in f.message
    assert "BMA-ZA-OVERDOSE" in found
    assert "BMA-ZA-CREAT-MISSING" not in found  # not due yet


def test_far_plan_with_a_creatinine_91_days_old_has_no_crcl():
    case = make(doses=[plan(day(40), ZA, 4.0)], labs=[creat(day(-91))], weight_kg=45)
    found = run(rules_bma_za, case, T0)
    assert not {"BMA-ZA-DOSE", "BMA-ZA-OVERDOSE", "BMA-ZA-CREAT-MISSING"} & set(found)
    assert missing(rules_bma_za, case, T0)["labs.CREA"][0] == "BMA-ZA-DOSE"
    # once the plan is due (14 days ahead), CREAT-MISSING applies
    assert "BMA-ZA-CREAT-MISSING" in run(rules_bma_za, case, day(26))


@pytest.mark.parametrize("field", ["sex", "birth_date", "weight_kg"])
def test_creat_missing_names_missing_patient_inputs_for_any_plan(field):
    case = make(doses=[plan(day(60), ZA)], labs=[creat(T0)], **{field: None})
    f = run(rules_bma_za, case, T0)["BMA-ZA-CREAT-MISSING"]
    assert f.data["missing"] == [field]
    assert field in f.message
    assert missing(rules_bma_za, case, T0)[field][0] == "BMA-ZA-DOSE"


def test_creat_missing_silent_with_fresh_creatinine_and_complete_patient():
    found = _planned(70)
    assert "BMA-ZA-CREAT-MISSING" not in found
    assert "BMA-ZA-OVERDOSE" not in found and "BMA-ZA-CONTRAINDICATED" not in found


def test_each_rule_names_the_first_dose_and_lists_all():
    case = make(doses=[plan(day(5), ZA, 4.0), plan(day(10), ZA, 4.0)],
                labs=[creat(day(-1))], weight_kg=45)
    f = run(rules_bma_za, case, T0)["BMA-ZA-OVERDOSE"]
    assert f.data["dose"]["date"] == day(5).isoformat()
    assert len(f.data["doses"]) == 2


def test_creatinine_max_age_parameter():
    case = make(doses=[plan(day(5), ZA)], labs=[creat(day(-15))])
    assert "BMA-ZA-CREAT-MISSING" in run(rules_bma_za, case, T0)
    assert "BMA-ZA-CREAT-MISSING" not in run(
        rules_bma_za, case, T0, params=Params(creatinine_max_age_days=20))


# ---- BMA-ZA-CREAT-RISE -------------------------------------------------------------------

def _rise(base_umol, latest_umol, as_of=20):
    case = make(
        doses=[give(day(-28), ZA, 4.0), give(T0, ZA, 4.0)],
        labs=[creat(day(-30), base_umol), creat(day(15), latest_umol)],
    )
    return run(rules_bma_za, case, day(as_of))


@pytest.mark.parametrize(("base", "latest", "fires"), [
    (88.4, 132.6, True),     # 1.0 → 1.5 mg/dL: +0.5 over a baseline < 1.4
    (88.4, 132.5, False),    # +0.499
    (123.7, 167.9, True),    # 1.399 → +0.5
    (123.8, 167.9, False),   # baseline 1.4005 ≥ 1.4 needs +1.0
    (123.8, 212.2, True),    # +1.0
    (176.8, 265.1, False),   # 2.0 → 2.999: +0.999
    (176.8, 265.2, True),    # +1.0
])
def test_creat_rise_thresholds(base, latest, fires):
    found = _rise(base, latest)
    assert ("BMA-ZA-CREAT-RISE" in found) is fires
    if fires:
        f = found["BMA-ZA-CREAT-RISE"]
        assert f.severity == "critical"
        assert f.data["baseline"]["date"] == day(-30).isoformat()
        assert f.data["latest"]["date"] == day(15).isoformat()


def test_creat_rise_baseline_is_before_the_current_course():
    # a stop after the first dose starts a new course; the baseline is before its first dose
    from .bma_cases import stop
    case = make(
        doses=[give(day(-100), ZA), give(T0, ZA)],
        stops=[stop(day(-80), ZA)],
        labs=[creat(day(-101), 50), creat(day(-5), 88.4), creat(day(15), 120)],
    )
    f = run(rules_bma_za, case, day(20)).get("BMA-ZA-CREAT-RISE")
    assert f is None  # 1.0 → 1.36: +0.36 from the current-course baseline
    case2 = make(doses=[give(day(-100), ZA), give(T0, ZA)],
                 labs=[creat(day(-101), 50), creat(day(-5), 88.4), creat(day(15), 120)])
    assert "BMA-ZA-CREAT-RISE" in run(rules_bma_za, case2, day(20))  # from 50 µmol/L


def test_creat_rise_silent_when_za_inactive():
    assert "BMA-ZA-CREAT-RISE" not in _rise(88.4, 200, as_of=91)


@pytest.mark.parametrize(("creat_day", "judged"), [(0, True), (-14, True), (-15, False)])
def test_overdue_plan_uses_a_creatinine_0_to_14_days_before_the_as_of_date(creat_day, judged):
    """rules/2: an overdue plan's creatinine window counts back from the as-of date (the same
    per-dose logic as BMA-BP-*, :mod:`app.domain.bma_renal`)."""
    case = make(doses=[plan(day(-30), ZA, 4.0)], labs=[creat(day(creat_day))], weight_kg=45)
    found = run(rules_bma_za, case, T0)
    assert ("BMA-ZA-OVERDOSE" in found) is judged
    assert ("BMA-ZA-CREAT-MISSING" in found) is not judged
    if judged:
        assert found["BMA-ZA-OVERDOSE"].data["creatinine_date"] == day(creat_day).isoformat()
