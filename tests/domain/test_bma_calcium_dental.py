"""BMA-HYPOCALCAEMIA, -HYPERCALCAEMIA, -CA-MISSING, -SUPPLEMENTS, -DENTAL-CLEARANCE,
-DENTAL-REVIEW."""

import pytest

from app.domain import rules_bma_ca
from app.domain.params import Params

from .bma_cases import T0, day, event, give, lab, make, missing, plan, run


def _ca(value, *, as_of=5, unit="mmol/L", alb=None, **kw):
    labs = [lab(T0, "CA", value, unit, **kw)]
    if alb is not None:
        labs.append(lab(T0, "ALB", alb))
    return run(rules_bma_ca, make(labs=labs), day(as_of))


# ---- hypo / hyper ------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "severity", "grade"), [
    (2.10, None, 0), (2.09, "warning", 1), (2.00, "warning", 1), (1.99, "critical", 2),
    (1.75, "critical", 2), (1.74, "critical", 3), (1.49, "critical", 4),
])
def test_hypocalcaemia_grade_and_severity(value, severity, grade):
    f = _ca(value).get("BMA-HYPOCALCAEMIA")
    assert (f.severity if f else None) == severity
    if f:
        assert f.data["ctcae_grade"] == grade
        assert f"grade {grade}" in f.message and f"{grade}级" in f.message_zh
        assert f"{value:.2f}" in f.message


@pytest.mark.parametrize(("value", "severity", "grade"), [
    (2.60, None, 0), (2.61, "warning", 1), (2.90, "warning", 1), (2.91, "critical", 2),
    (3.11, "critical", 3), (3.41, "critical", 4),
])
def test_hypercalcaemia_grade_and_severity(value, severity, grade):
    f = _ca(value).get("BMA-HYPERCALCAEMIA")
    assert (f.severity if f else None) == severity
    if f:
        assert f.data["ctcae_grade"] == grade


def test_calcium_is_corrected_for_albumin_and_the_lab_range_wins():
    # 2.00 + 0.02 × (40 − 30) = 2.20: in range
    assert "BMA-HYPOCALCAEMIA" not in _ca(2.00, alb=30)
    # 2.58 + 0.02 × (40 − 39) = 2.60 exactly: not above the ULN
    assert "BMA-HYPERCALCAEMIA" not in _ca(2.58, alb=39)
    # 2.55 + 0.02 × (40 − 36) = 2.63 > 2.60 although the measured value is in range
    f = _ca(2.55, alb=36)["BMA-HYPERCALCAEMIA"]
    assert f.data["calcium_mmol_l"] == 2.63 and f.data["albumin_corrected"] is True
    assert f.data["measured_mmol_l"] == 2.55 and f.data["albumin_g_l"] == 36
    assert "corrected calcium 2.63" in f.message and "36 g/L" in f.message
    assert "BMA-HYPERCALCAEMIA" not in _ca(2.55, alb=36, ref_high=2.65)  # the lab's ULN wins
    assert "BMA-HYPOCALCAEMIA" in _ca(2.20, ref_low=2.25)


def test_mg_dl_calcium_converts():
    f = _ca(7.9, unit="mg/dL")["BMA-HYPOCALCAEMIA"]  # 1.971 mmol/L
    assert f.data["ctcae_grade"] == 2


def test_calcium_older_than_30_days_is_not_judged_and_is_missing():
    assert "BMA-HYPOCALCAEMIA" in _ca(1.9, as_of=30)
    assert "BMA-HYPOCALCAEMIA" not in _ca(1.9, as_of=31)
    case = make(labs=[lab(T0, "CA", 1.9)])
    m = missing(rules_bma_ca, case, day(31))
    assert m["labs.CA"] == ["BMA-HYPOCALCAEMIA", "BMA-HYPERCALCAEMIA"]
    assert "labs.CA" not in missing(rules_bma_ca, case, day(30))


def test_only_the_latest_calcium_counts():
    case = make(labs=[lab(T0, "CA", 1.9), lab(day(2), "CA", 2.3)])
    assert "BMA-HYPOCALCAEMIA" not in run(rules_bma_ca, case, day(5))


# ---- BMA-CA-MISSING ----------------------------------------------------------------------

@pytest.mark.parametrize(("plan_day", "fires"), [(30, True), (31, False), (-10, True)])
def test_ca_missing_for_the_next_plan_within_30_days_or_overdue(plan_day, fires):
    case = make(doses=[plan(day(plan_day))])
    found = run(rules_bma_ca, case, T0)
    assert ("BMA-CA-MISSING" in found) is fires
    if fires:
        assert found["BMA-CA-MISSING"].data["dose"]["date"] == day(plan_day).isoformat()


@pytest.mark.parametrize(("ca_day", "fires"), [(-20, False), (-21, True)])
def test_ca_missing_calcium_0_to_30_days_before_the_dose(ca_day, fires):
    case = make(doses=[plan(day(10))], labs=[lab(day(ca_day), "CA", 2.3)])
    assert ("BMA-CA-MISSING" in run(rules_bma_ca, case, T0)) is fires


def test_ionised_calcium_satisfies_ca_missing():
    case = make(doses=[plan(day(10))], labs=[lab(day(-5), "ICA", 1.2)])
    assert "BMA-CA-MISSING" not in run(rules_bma_ca, case, T0)


# ---- BMA-SUPPLEMENTS ---------------------------------------------------------------------

def test_supplements_fires_when_active_and_not_both_true():
    case = make(doses=[give(T0)], calcium_supp=True, vitamin_d=None)
    f = run(rules_bma_ca, case, day(5))["BMA-SUPPLEMENTS"]
    assert f.data["lacking"] == ["vitamin_d"]
    assert "vitamin d: not recorded" in f.message
    assert "BMA-SUPPLEMENTS" in run(
        rules_bma_ca, make(doses=[give(T0)], calcium_supp=False), day(5))


def test_supplements_silent_when_both_true_or_no_bma():
    assert "BMA-SUPPLEMENTS" not in run(rules_bma_ca, make(doses=[give(T0)]), day(5))
    none = make(calcium_supp=None, vitamin_d=None)
    assert "BMA-SUPPLEMENTS" not in run(rules_bma_ca, none, day(5))


def test_supplements_silent_with_hypercalcaemia_or_a_recent_event():
    hyper = make(doses=[give(T0)], calcium_supp=None, labs=[lab(T0, "CA", 2.8)])
    found = run(rules_bma_ca, hyper, day(5))
    assert "BMA-HYPERCALCAEMIA" in found and "BMA-SUPPLEMENTS" not in found
    ev = make(doses=[give(T0)], calcium_supp=None, events=[event(day(-25), "hypercalcaemia")])
    assert "BMA-SUPPLEMENTS" not in run(rules_bma_ca, ev, day(5))  # event 30 days ago
    assert "BMA-SUPPLEMENTS" in run(rules_bma_ca, ev, day(6))  # 31 days ago


# ---- dental clearance / review -----------------------------------------------------------

@pytest.mark.parametrize(("exam_day", "fires"), [(-180, False), (-181, True), (1, True)])
def test_dental_clearance_exam_0_to_180_days_before_the_first_dose(exam_day, fires):
    case = make(doses=[give(T0)], exams=[day(exam_day)])
    found = run(rules_bma_ca, case, day(5))
    assert ("BMA-DENTAL-CLEARANCE" in found) is fires
    if fires:
        f = found["BMA-DENTAL-CLEARANCE"]
        assert f.data["first_dose"]["date"] == T0.isoformat()
        assert "BMA-DENTAL-REVIEW" not in found  # clearance suppresses review


def test_dental_clearance_for_a_planned_first_dose():
    f = run(rules_bma_ca, make(doses=[plan(day(20))]), T0)["BMA-DENTAL-CLEARANCE"]
    assert f.data["first_dose"]["planned"] is True
    assert "no dental exam recorded" in f.message


def test_dental_clearance_only_within_30_days_of_the_first_given_dose():
    case = make(doses=[give(T0), give(day(28))])
    assert "BMA-DENTAL-CLEARANCE" in run(rules_bma_ca, case, day(30))
    found = run(rules_bma_ca, case, day(31))
    assert "BMA-DENTAL-CLEARANCE" not in found
    assert "BMA-DENTAL-REVIEW" in found  # active, no exam recorded


@pytest.mark.parametrize(("age", "fires"), [(180, False), (181, True)])
def test_dental_review_after_dental_review_days(age, fires):
    case = make(doses=[give(day(-200)), give(day(-10))], exams=[day(-age)])
    found = run(rules_bma_ca, case, T0)
    assert ("BMA-DENTAL-REVIEW" in found) is fires
    if fires:
        assert found["BMA-DENTAL-REVIEW"].data["last_exam"] == day(-age).isoformat()
        assert f"{age} days" in found["BMA-DENTAL-REVIEW"].message


def test_dental_review_parameter_and_silence_without_bma():
    case = make(doses=[give(day(-200)), give(day(-10))], exams=[day(-100)])
    assert "BMA-DENTAL-REVIEW" in run(
        rules_bma_ca, case, T0, params=Params(dental_review_days=90))
    assert "BMA-DENTAL-REVIEW" not in run(rules_bma_ca, make(exams=[day(-400)]), T0)
