"""Independent review of rule book §4, part 2: "active", BMA-DEN-CKD, the calcium rules,
BMA-SUPPLEMENTS, dental clearance/review, the interval rules and BMA-NON-ONCOLOGY-DOSE.

Written from the text of the rule book alone, before reading the engine: each test quotes the
sentence it checks. Dates are day offsets from a fixed day so that every boundary ("within N
days" = 0 ≤ d ≤ N, "> N days", "days a–b" inclusive, "less than 28 days apart") is tested on
both sides. Shared builders: :mod:`tests.domain.review_bma_den_dent_helpers`.
"""

from __future__ import annotations

import pytest

from .review_bma_den_dent_helpers import (
    _supp,
    ca,
    case,
    crea,
    day,
    dose,
    fires,
    lab,
    run,
)

# ---------------------------------------------------------------- "active" (§4)


def test_active_last_dose_90_days():
    """Active (i): "its last given dose is ≤ 90 days old"."""
    assert _supp([dose(day(-90))])
    assert not _supp([dose(day(-91))])


def test_active_planned_dose_on_or_after_as_of():
    """Active (i): "or a dose of it is planned on/after the as-of date"; an overdue plan alone
    (dated before the as-of date) does not make a drug active."""
    assert _supp([dose(day(-200)), dose(day(0), planned=True)])
    assert _supp([dose(day(300), planned=True)])
    assert not _supp([dose(day(-200)), dose(day(-1), planned=True)])


def test_active_stop_same_day_as_dose():
    """Active (ii) and "A stop recorded on the day of a dose means that dose was the last one"."""
    stop = {"drug": "zoledronic_acid", "date": day(-10)}
    assert not _supp([dose(day(-10))], [stop])
    assert not _supp([dose(day(-20)), dose(day(-10))], [stop])
    # a later given dose resumes
    assert _supp([dose(day(-10)), dose(day(-5))], [stop])


def test_active_planned_restart_after_stop():
    """Active (ii): "unless a planned dose is dated after that stop (a planned restart)"."""
    stop = {"drug": "zoledronic_acid", "date": day(-10)}
    assert _supp([dose(day(-20)), dose(day(5), planned=True)], [stop])


def test_active_stop_of_another_drug_does_not_count():
    """Active (ii): "no stop of it is recorded"."""
    stop = {"drug": "denosumab", "date": day(-5)}
    assert _supp([dose(day(-10))], [stop])


def test_active_stop_after_as_of_ignored():
    """§0: a stop dated after the as-of date is not yet recorded on the as-of date."""
    stop = {"drug": "zoledronic_acid", "date": day(3)}
    assert _supp([dose(day(-10))], [stop])


@pytest.mark.parametrize(("since", "expect"), [(84, True), (85, False)])
def test_active_denosumab_unrecorded_stop(since, expect):
    """Active (iii): "for denosumab, the course is not stopped under §5" — §5: stopped when "the
    days since the last given dose exceed the interval + 56" (28 + 56 = 84)."""
    assert _supp([dose(day(-since), "denosumab")]) is expect


def test_active_denosumab_planned_restart_after_unrecorded_stop():
    """Active (iii): "unless a dose is planned on/after the as-of date (a planned restart: the
    drug counts as active while the rebound rules of §5 still apply until the dose is given)"."""
    adm = [dose(day(-100), "denosumab"), dose(day(7), "denosumab", planned=True)]
    res = run(case(bma={"administrations": adm}), 0)
    assert fires(res, "BMA-SUPPLEMENTS")
    assert fires(res, "DEN-STOP-WINDOW")
    assert res["derived"]["denosumab"]["stopped"] is True


# ---------------------------------------------------------------- BMA-DEN-CKD


@pytest.mark.parametrize(("crcl", "age", "expect"), [(29, 90, True), (29, 91, False),
                                                      (30, 10, False)])
def test_den_ckd(crcl, age, expect):
    """BMA-DEN-CKD: "denosumab active and CrCl < 30 (CrCl from a creatinine ≤ 90 days old)".
    (A creatinine 90 days before day 0 is dated 2025, when the patient is 67: CrCl 29.4.)"""
    obj = case(labs=[crea(day(-age))], bma={"administrations": [dose(day(-10), "denosumab")]})
    obj["patient"]["weight_kg"] = crcl
    assert fires(run(obj, 0), "BMA-DEN-CKD") is expect


def test_den_ckd_needs_denosumab_active():
    """BMA-DEN-CKD: "denosumab active" — a zoledronic acid patient is not concerned."""
    obj = case(labs=[crea(day(-1))], bma={"administrations": [dose(day(-10))]})
    obj["patient"]["weight_kg"] = 20
    assert not fires(run(obj, 0), "BMA-DEN-CKD")


# ---------------------------------------------------------------- calcium rules


@pytest.mark.parametrize(
    ("value", "sev"),
    [(2.10, None), (2.09, "warning"), (2.0, "warning"), (1.99, "critical")],
)
def test_hypocalcaemia_grades(value, sev):
    """BMA-HYPOCALCAEMIA: "critical at CTCAE grade ≥2 (< 2.0 mmol/L), else warning"; "the latest
    calcium dated within 30 days is < LLN" (LLN 2.10)."""
    res = run(case(labs=[ca(day(-30), value)]), 0)
    hit = [f for f in res["findings"] if f["rule"] == "BMA-HYPOCALCAEMIA"]
    assert [f["severity"] for f in hit] == ([sev] if sev else [])


def test_hypocalcaemia_31_days_old_and_lab_range():
    """"dated within 30 days"; §0 "A result's own reference range (from the lab) always wins"."""
    assert not fires(run(case(labs=[ca(day(-31), 1.9)]), 0), "BMA-HYPOCALCAEMIA")
    assert fires(run(case(labs=[ca(day(-1), 2.15, ref_low=2.2, ref_high=2.7)]), 0),
                 "BMA-HYPOCALCAEMIA")


def test_hypocalcaemia_uses_corrected_calcium():
    """§1: "Calcium" in the rules means corrected calcium (2.05 + 0.02 × (40 − 30) = 2.25)."""
    labs = [ca(day(-1), 2.05), lab(day(-3), "ALB", 30, "g/L")]
    assert not fires(run(case(labs=labs), 0), "BMA-HYPOCALCAEMIA")


@pytest.mark.parametrize(
    ("value", "sev"),
    [(2.60, None), (2.61, "warning"), (2.9, "warning"), (2.91, "critical")],
)
def test_hypercalcaemia_grades(value, sev):
    """BMA-HYPERCALCAEMIA: "critical at CTCAE grade ≥2 (> 2.9 mmol/L), else warning"; "> ULN"."""
    res = run(case(labs=[ca(day(0), value)]), 0)
    hit = [f for f in res["findings"] if f["rule"] == "BMA-HYPERCALCAEMIA"]
    assert [f["severity"] for f in hit] == ([sev] if sev else [])


def test_calcium_latest_only():
    """"the latest calcium dated within 30 days": an earlier low value does not fire."""
    res = run(case(labs=[ca(day(-10), 1.8), ca(day(-2), 2.3)]), 0)
    assert not fires(res, "BMA-HYPOCALCAEMIA")


@pytest.mark.parametrize(("plan", "expect"), [(30, True), (31, False), (-3, True)])
def test_ca_missing_plan_window(plan, expect):
    """BMA-CA-MISSING: "the next planned BMA dose is dated within 30 days after the as-of date
    (or is overdue) and has no total or ionised calcium dated 0–30 days before it"."""
    res = run(case(bma={"administrations": [dose(day(plan), "denosumab", planned=True)]}), 0)
    assert fires(res, "BMA-CA-MISSING") is expect


@pytest.mark.parametrize(("ca_day", "expect"), [(-20, False), (-21, True)])
def test_ca_missing_calcium_window(ca_day, expect):
    """BMA-CA-MISSING: calcium "dated 0–30 days before" a plan on day 10: day −20 is 30 days
    before it, day −21 is 31."""
    obj = case(labs=[lab(day(ca_day), "ICA", 1.2, "mmol/L")],
               bma={"administrations": [dose(day(10), "denosumab", planned=True)]})
    assert fires(run(obj, 0), "BMA-CA-MISSING") is expect


# ---------------------------------------------------------------- BMA-SUPPLEMENTS


def test_supplements_both_true_silences():
    """BMA-SUPPLEMENTS: "supplements.calcium or supplements.vitamin_d is not true"."""
    adm = [dose(day(-10))]
    assert not _supp(adm, supplements={"calcium": True, "vitamin_d": True})
    assert _supp(adm, supplements={"calcium": True, "vitamin_d": False})
    assert _supp(adm, supplements={"calcium": True})


@pytest.mark.parametrize(("age", "expect"), [(30, False), (31, True)])
def test_supplements_hypercalcaemia_event(age, expect):
    """BMA-SUPPLEMENTS: "… and no hypercalcaemia event is dated within 30 days"."""
    ev = [{"date": day(-age), "kind": "hypercalcaemia"}]
    assert _supp([dose(day(-10))], events=ev) is expect


def test_supplements_silenced_by_hypercalcaemia_rule():
    """BMA-SUPPLEMENTS: "BMA-HYPERCALCAEMIA does not fire"."""
    assert not _supp([dose(day(-10))], labs=[ca(day(-1), 2.7)])
    assert _supp([dose(day(-10))], labs=[ca(day(-1), 2.5)])


# ---------------------------------------------------------------- dental clearance / review


@pytest.mark.parametrize(("age", "expect"), [(30, True), (31, False)])
def test_dental_clearance_first_dose_within_30_days(age, expect):
    """BMA-DENTAL-CLEARANCE: "the first BMA dose ever (any drug) is planned, or was given within
    the last 30 days, with no dental exam dated 0–180 days before it"."""
    res = run(case(bma={"administrations": [dose(day(-age))]}), 0)
    assert fires(res, "BMA-DENTAL-CLEARANCE") is expect


@pytest.mark.parametrize(("exam", "expect"), [(-180, False), (-181, True), (1, True)])
def test_dental_clearance_exam_window(exam, expect):
    """BMA-DENTAL-CLEARANCE: "no dental exam dated 0–180 days before it" (plan on day 0, as-of
    day 2: an exam on day 1 is after the dose)."""
    res = run(case(dental={"exams": [day(exam)]},
                   bma={"administrations": [dose(day(0), planned=True)]}), 2)
    assert fires(res, "BMA-DENTAL-CLEARANCE") is expect


def test_dental_clearance_only_first_dose_ever():
    """"the first BMA dose ever (any drug)": a new drug after an earlier one is not a first dose."""
    adm = [dose(day(-300), "denosumab"), dose(day(-5))]
    assert not fires(run(case(bma={"administrations": adm}), 0), "BMA-DENTAL-CLEARANCE")


@pytest.mark.parametrize(("exam", "expect"), [(-180, False), (-181, True)])
def test_dental_review(exam, expect):
    """BMA-DENTAL-REVIEW: "a BMA is active and the last dental exam is > dental_review_days
    old"."""
    res = run(case(dental={"exams": [day(exam)]}, bma={"administrations": [dose(day(-40))]}), 0)
    assert fires(res, "BMA-DENTAL-REVIEW") is expect


def test_dental_review_none_recorded_and_not_with_clearance():
    """BMA-DENTAL-REVIEW: "or none is recorded (and BMA-DENTAL-CLEARANCE does not fire)"."""
    res = run(case(bma={"administrations": [dose(day(-40))]}), 0)
    assert fires(res, "BMA-DENTAL-REVIEW")
    res = run(case(bma={"administrations": [dose(day(-5))]}), 0)
    assert fires(res, "BMA-DENTAL-CLEARANCE") and not fires(res, "BMA-DENTAL-REVIEW")
    res = run(case(bma={"administrations": [dose(day(-95))]}), 0)
    assert not fires(res, "BMA-DENTAL-REVIEW")  # not active


def test_dental_review_days_parameter():
    """BMA-DENTAL-REVIEW reads dental_review_days (§9)."""
    obj = case(dental={"exams": [day(-100)]}, bma={"administrations": [dose(day(-40))]})
    assert fires(run(obj, 0, dental_review_days=99), "BMA-DENTAL-REVIEW")
    assert not fires(run(obj, 0, dental_review_days=100), "BMA-DENTAL-REVIEW")


# ---------------------------------------------------------------- intervals


@pytest.mark.parametrize(("interval", "expect"), [(28, False), (29, True)])
def test_den_interval(interval, expect):
    """BMA-DEN-INTERVAL: "denosumab active with an interval > 28 days"."""
    obj = case(bma={"administrations": [dose(day(-10), "denosumab")],
                    "interval_days": {"denosumab": interval}})
    assert fires(run(obj, 0), "BMA-DEN-INTERVAL") is expect


@pytest.mark.parametrize(
    ("interval", "sev"), [(28, None), (29, "info"), (84, "info"), (85, "warning")]
)
def test_za_interval(interval, sev):
    """BMA-ZA-INTERVAL: "info for 29–84 days, warning for > 84"; fires with "an interval > 28"."""
    obj = case(bma={"administrations": [dose(day(-10))],
                    "interval_days": {"zoledronic_acid": interval}})
    hit = [f for f in run(obj, 0)["findings"] if f["rule"] == "BMA-ZA-INTERVAL"]
    assert [f["severity"] for f in hit] == ([sev] if sev else [])


@pytest.mark.parametrize(("since", "expect"), [(42, False), (43, True), (84, True), (85, False)])
def test_den_overdue(since, expect):
    """BMA-DEN-OVERDUE: "days since the last given denosumab dose > interval +
    overdue_grace_days, and the course is not stopped (§5)" (stopped beyond interval + 56)."""
    res = run(case(bma={"administrations": [dose(day(-since), "denosumab")]}), 0)
    assert fires(res, "BMA-DEN-OVERDUE") is expect


def test_den_overdue_uses_interval_and_recorded_stop():
    """BMA-DEN-OVERDUE with interval 42: 56 days late + 1 = 57 fires; a recorded stop silences."""
    bma = {"administrations": [dose(day(-57), "denosumab")], "interval_days": {"denosumab": 42}}
    assert fires(run(case(bma=bma), 0), "BMA-DEN-OVERDUE")
    bma["administrations"] = [dose(day(-56), "denosumab")]
    assert not fires(run(case(bma=bma), 0), "BMA-DEN-OVERDUE")
    bma["administrations"] = [dose(day(-60), "denosumab")]
    bma["stops"] = [{"drug": "denosumab", "date": day(-60)}]
    assert not fires(run(case(bma=bma), 0), "BMA-DEN-OVERDUE")


# ---------------------------------------------------------------- BMA-NON-ONCOLOGY-DOSE


@pytest.mark.parametrize(
    ("drug", "mg", "when", "planned", "expect"),
    [
        ("denosumab", 60, -90, False, True),
        ("denosumab", 60, -91, False, False),
        ("zoledronic_acid", 5, -10, False, True),
        ("zoledronic_acid", 5, 200, True, True),
        ("zoledronic_acid", 4, -10, False, False),
        ("denosumab", 120, -10, False, False),
    ],
)
def test_non_oncology_dose(drug, mg, when, planned, expect):
    """BMA-NON-ONCOLOGY-DOSE: "a denosumab 60 mg or zoledronic acid 5 mg dose, given within the
    last 90 days or planned"."""
    obj = case(labs=[crea(day(-1))], bma={"administrations": [dose(day(when), drug, mg, planned)]})
    assert fires(run(obj, 0), "BMA-NON-ONCOLOGY-DOSE") is expect


def test_ca_missing_checks_a_due_future_plan_beside_an_overdue_one():
    """BMA-CA-MISSING: "the next planned BMA dose is dated within 30 days after the as-of date
    (or is overdue)". With an overdue plan (calcium checked before it) and a plan in 25 days with
    no calcium 0–30 days before it, the next dose to be given lacks its calcium: fires."""
    obj = case(labs=[ca(day(-45), 2.3)],
               bma={"administrations": [dose(day(-40), "denosumab", planned=True),
                                        dose(day(25), "denosumab", planned=True)]})
    assert fires(run(obj, 0), "BMA-CA-MISSING")


def test_calcium_rules_ignore_ionised_calcium():
    """§1: ionised calcium "is reported beside it …, not substituted"."""
    res = run(case(labs=[lab(day(-1), "ICA", 1.6, "mmol/L")]), 0)
    assert not fires(res, "BMA-HYPERCALCAEMIA")
    assert res["derived"]["ionised_calcium_mmol_l"] == 1.6
    assert any(m["input"] == "labs.CA" for m in res["derived"]["missing_inputs"])


def test_active_overdue_plan_after_stop_is_a_restart():
    """Active (ii): a stop on/after the last given dose counts "unless a planned dose is dated
    after that stop"; the last dose (30 days old) meets (i)."""
    stop = [{"drug": "zoledronic_acid", "date": day(-20)}]
    assert _supp([dose(day(-30)), dose(day(-5), planned=True)], stop)


def test_non_oncology_dose_overdue_plan():
    """BMA-NON-ONCOLOGY-DOSE: "given within the last 90 days or planned" — any plan."""
    obj = case(bma={"administrations": [dose(day(-200), "denosumab", 60, planned=True)]})
    assert fires(run(obj, 0), "BMA-NON-ONCOLOGY-DOSE")


def test_den_overdue_after_switch_to_zoledronic_acid_without_stop():
    """BMA-DEN-OVERDUE only asks that "the course is not stopped (§5)": a switch to zoledronic
    acid without a recorded denosumab stop still leaves the denosumab dose overdue."""
    adm = [dose(day(-50), "denosumab"), dose(day(-10), "zoledronic_acid")]
    assert fires(run(case(bma={"administrations": adm}), 0), "BMA-DEN-OVERDUE")
    stop = [{"drug": "denosumab", "date": day(-40)}]
    res = run(case(bma={"administrations": adm, "stops": stop}), 0)
    assert not fires(res, "BMA-DEN-OVERDUE") and fires(res, "DEN-STOP-WINDOW")


def test_dental_review_ignores_future_exam():
    """§0: an exam dated after the as-of date is not yet on record."""
    obj = case(dental={"exams": [day(-200), day(5)]}, bma={"administrations": [dose(day(-40))]})
    assert fires(run(obj, 0), "BMA-DENTAL-REVIEW")


def test_dental_clearance_first_dose_planned_far_ahead():
    """BMA-DENTAL-CLEARANCE: "the first BMA dose ever … is planned" (any date) with no exam
    0–180 days before it: an exam now is 300 days before a plan on day 300."""
    obj = case(dental={"exams": [day(0)]},
               bma={"administrations": [dose(day(300), "denosumab", planned=True)]})
    assert fires(run(obj, 0), "BMA-DENTAL-CLEARANCE")


def test_den_overdue_grace_parameter():
    """BMA-DEN-OVERDUE reads overdue_grace_days (§9): 28 + 20 = 48."""
    obj = case(bma={"administrations": [dose(day(-48), "denosumab")]})
    assert not fires(run(obj, 0, overdue_grace_days=20), "BMA-DEN-OVERDUE")
    obj = case(bma={"administrations": [dose(day(-49), "denosumab")]})
    assert fires(run(obj, 0, overdue_grace_days=20), "BMA-DEN-OVERDUE")


def test_corrected_calcium_threshold_unrounded():
    """§0 thresholds on unrounded values: 2.0599 + 0.02 × (40 − 38) = 2.0999 < LLN 2.10 although
    it is shown as 2.10."""
    res = run(case(labs=[ca(day(-1), 2.0599), lab(day(-1), "ALB", 38, "g/L")]), 0)
    assert res["derived"]["corrected_calcium_mmol_l"] == 2.1
    assert fires(res, "BMA-HYPOCALCAEMIA")
