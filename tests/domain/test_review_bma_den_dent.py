"""Independent review of rule book §4, part 1: BMA-START, BMA-CONCURRENT, the zoledronic acid
dose by CrCl (derived.crcl_ml_min / za_dose_mg) and the BMA-ZA-* rules.

Written from the text of the rule book alone, before reading the engine: each test quotes the
sentence it checks. Dates are day offsets from a fixed day so that every boundary ("within N
days" = 0 ≤ d ≤ N, "> N days", "days a–b" inclusive, "less than 28 days apart") is tested on
both sides. Shared builders: :mod:`tests.domain.review_bma_den_dent_helpers`.
"""

from __future__ import annotations

from typing import Any

import pytest

from .review_bma_den_dent_helpers import (
    CONFIRMED,
    case,
    crea,
    day,
    dose,
    fires,
    only,
    run,
)

# ---------------------------------------------------------------- BMA-START


def test_bma_start_fires_confirmed_without_any_dose():
    """BMA-START: "status confirmed, no BMA dose ever given and none planned"."""
    assert fires(run(case(imaging=CONFIRMED), 0), "BMA-START")


def test_bma_start_silent_with_plan_or_dose_or_unconfirmed():
    """BMA-START: "no BMA dose ever given and none planned" — a plan (even overdue) silences it."""
    for adm in ([dose(day(5), planned=True)], [dose(day(-5), planned=True)], [dose(day(-400))]):
        assert not fires(run(case(imaging=CONFIRMED, bma={"administrations": adm}), 0), "BMA-START")
    suspected = [{"date": day(-10), "modality": "bone_scan", "region": "L3", "result": "positive"}]
    assert not fires(run(case(imaging=suspected), 0), "BMA-START")


def test_bma_start_ignores_a_given_dose_dated_after_as_of():
    """§0: "records dated after it are ignored, except records marked planned"."""
    res = run(case(imaging=CONFIRMED, bma={"administrations": [dose(day(3))]}), 0)
    assert fires(res, "BMA-START")


# ---------------------------------------------------------------- BMA-CONCURRENT


@pytest.mark.parametrize(("gap", "expect"), [(27, True), (28, False), (-27, True), (-28, False)])
def test_bma_concurrent_less_than_28_days_apart(gap, expect):
    """BMA-CONCURRENT: "a denosumab dose and a bisphosphonate dose (given or planned) less than
    28 days apart" — 27 days fires, 28 does not, whichever drug comes first."""
    adm = [dose(day(0), "denosumab"), dose(day(gap), "zoledronic_acid")]
    res = run(case(bma={"administrations": adm}), 40)
    assert fires(res, "BMA-CONCURRENT") is expect


@pytest.mark.parametrize(("age", "expect"), [(90, True), (91, False)])
def test_bma_concurrent_one_within_last_90_days(age, expect):
    """BMA-CONCURRENT: "at least one of them planned or given within the last 90 days"
    (0 ≤ d ≤ 90)."""
    adm = [dose(day(-age - 10), "denosumab"), dose(day(-age), "pamidronate")]
    assert fires(run(case(bma={"administrations": adm}), 0), "BMA-CONCURRENT") is expect


def test_bma_concurrent_with_a_plan_and_once_only():
    """BMA-CONCURRENT with a planned bisphosphonate; "at most once per assessment" even with two
    concurrent pairs."""
    adm = [dose(day(-10), "denosumab"), dose(day(5), "zoledronic_acid", planned=True),
           dose(day(-20), "denosumab"), dose(day(-15), "ibandronate", mg=6)]
    res = run(case(bma={"administrations": adm}), 0)
    f = only(res, "BMA-CONCURRENT")
    assert f["severity"] == "critical"


def test_bma_concurrent_ignores_unplanned_future_dose():
    """§0 as-of: a given (not planned) dose dated after the as-of date is ignored."""
    adm = [dose(day(-10), "denosumab"), dose(day(5), "zoledronic_acid")]
    assert not fires(run(case(bma={"administrations": adm}), 0), "BMA-CONCURRENT")


def test_bma_concurrent_silent_for_two_bisphosphonates():
    """BMA-CONCURRENT needs "a denosumab dose and a bisphosphonate dose"."""
    adm = [dose(day(-10), "zoledronic_acid"), dose(day(-5), "pamidronate")]
    assert not fires(run(case(bma={"administrations": adm}), 0), "BMA-CONCURRENT")


# ---------------------------------------------------------------- ZA dose by CrCl


@pytest.mark.parametrize(
    ("crcl", "mg"),
    [(60.01, 4.0), (60, 3.5), (50, 3.5), (49.99, 3.3), (40, 3.3), (39.99, 3.0), (30, 3.0),
     (29.99, None)],
)
def test_derived_za_dose_boundaries(crcl, mg):
    """§4: "CrCl > 60 → 4.0 mg; 50 ≤ CrCl ≤ 60 → 3.5 mg; 40 ≤ CrCl < 50 → 3.3 mg;
    30 ≤ CrCl < 40 → 3.0 mg; CrCl < 30 → not recommended"; za_dose_mg "null if … < 30"."""
    obj = case(labs=[crea(day(-1))])
    obj["patient"]["weight_kg"] = crcl
    res = run(obj, 0)
    assert res["derived"]["crcl_ml_min"] == pytest.approx(crcl, abs=0.05)
    assert res["derived"]["za_dose_mg"] == mg


def test_derived_crcl_female_and_rounding():
    """§1: "× 0.85 if female"; §0: output rounds CrCl to 0.1 mL/min; age on the creatinine date."""
    obj = case(labs=[crea("2026-06-30", 100.0)])
    obj["patient"].update(sex="female", birth_date="1950-07-01", weight_kg=61)
    # 75 on 2026-06-30 (birthday the next day): (140-75)*61/(72*100/88.4)*0.85
    expect = round((140 - 75) * 61 / (72 * (100 / 88.4)) * 0.85, 1)
    res = run(obj, "2026-07-05")
    assert res["derived"]["crcl_ml_min"] == expect
    assert res["derived"]["crcl_date"] == "2026-06-30"


def test_derived_crcl_missing_inputs_named():
    """§1: CrCl "needs sex female or male, birth date and weight; otherwise it is not computable
    and the missing inputs are named" — crcl_date still given (§10)."""
    obj = case(labs=[crea(day(-1))])
    obj["patient"] = {"mrn": "R-1", "sex": "other"}
    res = run(obj, 0)
    assert res["derived"]["crcl_ml_min"] is None and res["derived"]["za_dose_mg"] is None
    assert res["derived"]["crcl_date"] == day(-1)
    names = {m["input"] for m in res["derived"]["missing_inputs"]}
    assert {"sex", "birth_date", "weight_kg"} <= names


def test_derived_crcl_uses_latest_creatinine_not_after_as_of():
    """§10: "crcl_ml_min uses the latest creatinine on or before the as-of date"."""
    res = run(case(labs=[crea(day(-5), 88.4), crea(day(2), 176.8)]), 0)
    assert res["derived"]["crcl_date"] == day(-5)
    assert res["derived"]["crcl_ml_min"] == 60.0


# ---------------------------------------------------------------- BMA-ZA-DOSE


def test_za_dose_fires_for_plan_with_crcl_and_shows_inputs():
    """BMA-ZA-DOSE: "a zoledronic acid dose is planned and its CrCl is computable and ≥ 30";
    "shows CrCl, the creatinine used (value, date), weight"."""
    obj = case(labs=[crea(day(-3))], bma={"administrations": [dose(day(4), mg=3.5, planned=True)]})
    obj["patient"]["weight_kg"] = 55
    f = only(run(obj, 0), "BMA-ZA-DOSE")
    assert f["severity"] == "info"
    assert f["data"]["recommended_mg"] == 3.5
    assert f["data"]["crcl_ml_min"] == 55.0
    assert f["data"]["creatinine_date"] == day(-3)
    assert f["data"]["weight_kg"] == 55.0


def test_za_dose_uses_creatinine_0_to_14_days_before_the_dose():
    """§4: "the CrCl from the latest creatinine dated 0–creatinine_max_age_days days before that
    dose (and not after the as-of date)". A creatinine 15 days before the plan is not used."""
    obj = case(labs=[crea(day(-15))], bma={"administrations": [dose(day(0), planned=True)]})
    assert not fires(run(obj, 0), "BMA-ZA-DOSE")
    assert fires(run(obj, 0), "BMA-ZA-CREAT-MISSING")
    obj = case(labs=[crea(day(-14))], bma={"administrations": [dose(day(0), planned=True)]})
    assert fires(run(obj, 0), "BMA-ZA-DOSE")
    assert not fires(run(obj, 0), "BMA-ZA-CREAT-MISSING")


def test_za_dose_far_plan_uses_provisional_creatinine():
    """§4 (rules/2): "For a dose planned more than creatinine_max_age_days after the as-of date,
    the latest creatinine dated 0–90 days before the as-of date is used provisionally"."""
    obj = case(labs=[crea(day(-90))], bma={"administrations": [dose(day(15), planned=True)]})
    obj["patient"]["weight_kg"] = 45
    res = run(obj, 0)
    f = only(res, "BMA-ZA-DOSE")
    assert f["data"]["recommended_mg"] == 3.3
    # the plan is not due (day 15 > 14), so no creatinine is demanded yet
    assert not fires(res, "BMA-ZA-CREAT-MISSING")


def test_za_dose_silent_below_30_and_for_given_doses():
    """BMA-ZA-DOSE: only for a planned dose, only with CrCl ≥ 30."""
    obj = case(labs=[crea(day(-3))], bma={"administrations": [dose(day(4), planned=True)]})
    obj["patient"]["weight_kg"] = 29.99
    assert not fires(run(obj, 0), "BMA-ZA-DOSE")
    obj = case(labs=[crea(day(-3))], bma={"administrations": [dose(day(-1), mg=3.5)]})
    obj["patient"]["weight_kg"] = 55
    assert not fires(run(obj, 0), "BMA-ZA-DOSE")


# ---------------------------------------------------------------- BMA-ZA-OVERDOSE


@pytest.mark.parametrize(("mg", "expect"), [(3.55, False), (3.56, True), (4.0, True), (3.0, False)])
def test_za_overdose_threshold(mg, expect):
    """BMA-ZA-OVERDOSE: "exceeds its CrCl-adjusted dose by > 0.05 mg" (CrCl 55 → 3.5 mg)."""
    obj = case(labs=[crea(day(-3))], bma={"administrations": [dose(day(4), mg=mg, planned=True)]})
    obj["patient"]["weight_kg"] = 55
    res = run(obj, 0)
    assert fires(res, "BMA-ZA-OVERDOSE") is expect
    if expect:
        assert only(res, "BMA-ZA-OVERDOSE")["severity"] == "critical"


@pytest.mark.parametrize(("age", "expect"), [(28, True), (29, False)])
def test_za_overdose_given_within_last_28_days(age, expect):
    """BMA-ZA-OVERDOSE: "a zoledronic acid dose planned, or given within the last 28 days"."""
    obj = case(labs=[crea(day(-age - 2))], bma={"administrations": [dose(day(-age), mg=4)]})
    obj["patient"]["weight_kg"] = 55
    assert fires(run(obj, 0), "BMA-ZA-OVERDOSE") is expect


def test_za_overdose_once_naming_first_dose():
    """§4: "Each rule fires once, naming the first dose concerned"; the finding lists every item."""
    adm = [dose(day(4), mg=4, planned=True), dose(day(-10), mg=4)]
    obj = case(labs=[crea(day(-12)), crea(day(1 - 2))], bma={"administrations": adm})
    obj["patient"]["weight_kg"] = 55
    f = only(run(obj, 0), "BMA-ZA-OVERDOSE")
    assert f["data"]["dose"]["date"] == day(-10)
    assert len(f["data"]["doses"]) == 2


# ---------------------------------------------------------------- BMA-ZA-CONTRAINDICATED


@pytest.mark.parametrize(("crcl", "expect"), [(29.99, True), (30, False)])
def test_za_contraindicated_below_30(crcl, expect):
    """BMA-ZA-CONTRAINDICATED: "a zoledronic acid dose planned … has CrCl < 30"."""
    obj = case(labs=[crea(day(-3))], bma={"administrations": [dose(day(4), mg=3, planned=True)]})
    obj["patient"]["weight_kg"] = crcl
    res = run(obj, 0)
    assert fires(res, "BMA-ZA-CONTRAINDICATED") is expect
    assert fires(res, "BMA-ZA-DOSE") is not expect


@pytest.mark.parametrize(("age", "expect"), [(28, True), (29, False)])
def test_za_contraindicated_given_within_28_days(age, expect):
    """BMA-ZA-CONTRAINDICATED: "… or given within the last 28 days, has CrCl < 30"."""
    obj = case(labs=[crea(day(-age - 1))], bma={"administrations": [dose(day(-age), mg=3)]})
    obj["patient"]["weight_kg"] = 25
    assert fires(run(obj, 0), "BMA-ZA-CONTRAINDICATED") is expect


# ---------------------------------------------------------------- BMA-ZA-CREAT-MISSING


@pytest.mark.parametrize(("plan", "expect"), [(14, True), (15, False), (-5, True), (0, True)])
def test_za_creat_missing_due_plan(plan, expect):
    """BMA-ZA-CREAT-MISSING: "a due zoledronic acid plan has no creatinine dated
    0–creatinine_max_age_days days before it"; "A plan is due when it is dated within
    creatinine_max_age_days after the as-of date, or before it (an overdue plan)"."""
    obj = case(bma={"administrations": [dose(day(plan), planned=True)]})
    res = run(obj, 0)
    assert fires(res, "BMA-ZA-CREAT-MISSING") is expect


def test_za_creat_missing_overdue_plan_uses_the_as_of_window():
    """rules/2: an overdue plan uses a creatinine dated 0–14 days before the as-of date (a
    creatinine dated after the overdue plan counts; one only before the plan does not)."""
    obj = case(labs=[crea(day(-2))], bma={"administrations": [dose(day(-5), planned=True)]})
    assert not fires(run(obj, 0), "BMA-ZA-CREAT-MISSING")
    old = case(labs=[crea(day(-20))], bma={"administrations": [dose(day(-10), planned=True)]})
    assert fires(run(old, 0), "BMA-ZA-CREAT-MISSING")  # 20 days before the as-of date


def test_za_creat_missing_creatinine_after_as_of_is_ignored():
    """§0: a (non-planned) creatinine dated after the as-of date is ignored."""
    obj = case(labs=[crea(day(2))], bma={"administrations": [dose(day(5), planned=True)]})
    assert fires(run(obj, 0), "BMA-ZA-CREAT-MISSING")


def test_za_creat_missing_names_missing_patient_inputs_for_any_plan():
    """BMA-ZA-CREAT-MISSING: "or any zoledronic acid plan lacks sex / birth date / weight for
    CrCl (names what is missing)" — even a plan that is not yet due."""
    obj = case(labs=[crea(day(-1))], bma={"administrations": [dose(day(60), planned=True)]})
    del obj["patient"]["weight_kg"]
    f = only(run(obj, 0), "BMA-ZA-CREAT-MISSING")
    assert f["severity"] == "warning"
    assert "weight_kg" in str(f["data"])
    obj["patient"]["weight_kg"] = 60
    assert not fires(run(obj, 0), "BMA-ZA-CREAT-MISSING")


def test_za_creat_missing_silent_for_given_doses_only():
    """Only plans are concerned."""
    obj = case(bma={"administrations": [dose(day(-3))]})
    assert not fires(run(obj, 0), "BMA-ZA-CREAT-MISSING")


# ---------------------------------------------------------------- BMA-ZA-CREAT-RISE


def _rise_case(baseline: float, latest: float, **extra: Any) -> dict[str, Any]:
    return case(labs=[crea(day(-40), baseline), crea(day(-2), latest)],
                bma={"administrations": [dose(day(-30)), dose(day(-2), planned=False)]}, **extra)


@pytest.mark.parametrize(
    ("baseline", "latest", "expect"),
    [
        (88.4, 88.4 + 44.2, True),  # 1.0 → 1.5 mg/dL: +0.5 over baseline < 1.4
        (88.4, 88.4 + 44.1, False),
        (123.7, 123.7 + 44.3, True),  # baseline 1.399 < 1.4: +0.5 suffices
        (123.76, 123.76 + 88.4, True),  # baseline 1.4: +1.0 needed
        (123.76, 123.76 + 88.3, False),
        (123.76, 123.76 + 50.0, False),
    ],
)
def test_za_creat_rise_thresholds(baseline, latest, expect):
    """BMA-ZA-CREAT-RISE: "rose ≥ 0.5 mg/dL (44.2 µmol/L) over a baseline < 1.4 mg/dL
    (123.8 µmol/L), or ≥ 1.0 mg/dL (88.4 µmol/L) over a baseline ≥ 1.4 mg/dL (compared in mg/dL
    after conversion)"."""
    res = run(_rise_case(baseline, latest), 0)
    assert fires(res, "BMA-ZA-CREAT-RISE") is expect
    if expect:
        assert only(res, "BMA-ZA-CREAT-RISE")["severity"] == "critical"


def test_za_creat_rise_baseline_is_before_first_dose_of_current_course():
    """BMA-ZA-CREAT-RISE: "baseline = the last creatinine on/before the first dose of the
    current course"; "A course of a drug is its run of doses since its last recorded stop"."""
    labs = [crea(day(-200), 88.4), crea(day(-50), 150.0), crea(day(-1), 160.0)]
    adm = [dose(day(-210)), dose(day(-180)), dose(day(-45)), dose(day(-15))]
    stops = [{"drug": "zoledronic_acid", "date": day(-100)}]
    # current course starts day -45: baseline 150 (day -50), latest 160: no rise
    res = run(case(labs=labs, bma={"administrations": adm, "stops": stops}), 0)
    assert not fires(res, "BMA-ZA-CREAT-RISE")
    # without the stop, the course starts day -210: baseline 88.4 (day -215), latest 160
    labs2 = [crea(day(-215), 88.4)] + labs
    res = run(case(labs=labs2, bma={"administrations": adm}), 0)
    assert fires(res, "BMA-ZA-CREAT-RISE")


def test_za_creat_rise_baseline_on_the_first_dose_day_counts():
    """"the last creatinine on/before the first dose": same-day creatinine is the baseline."""
    labs = [crea(day(-60), 200.0), crea(day(-30), 88.4), crea(day(-1), 133.0)]
    res = run(case(labs=labs, bma={"administrations": [dose(day(-30))]}), 0)
    assert fires(res, "BMA-ZA-CREAT-RISE")


def test_za_creat_rise_needs_za_active():
    """BMA-ZA-CREAT-RISE: "zoledronic acid active" — last dose > 90 days old, not active."""
    labs = [crea(day(-200), 88.4), crea(day(-1), 200.0)]
    res = run(case(labs=labs, bma={"administrations": [dose(day(-91))]}), 0)
    assert not fires(res, "BMA-ZA-CREAT-RISE")
    res = run(case(labs=labs, bma={"administrations": [dose(day(-90))]}), 0)
    assert fires(res, "BMA-ZA-CREAT-RISE")


def test_concurrent_with_an_old_overdue_plan():
    """BMA-CONCURRENT: "at least one of them planned or given within the last 90 days" — a plan
    counts whatever its date (an overdue plan is still a plan)."""
    adm = [dose(day(-200), "denosumab"), dose(day(-180), "zoledronic_acid", planned=True)]
    assert fires(run(case(bma={"administrations": adm}), 0), "BMA-CONCURRENT")


@pytest.mark.parametrize(("weight", "shown", "mg"), [(60.04, 60.0, 4.0), (29.96, 30.0, None)])
def test_thresholds_on_unrounded_crcl(weight, shown, mg):
    """§0 "Thresholds are applied to unrounded values. Output rounds CrCl to 0.1 mL/min"."""
    obj = case(labs=[crea(day(-1))], bma={"administrations": [dose(day(3), mg=3, planned=True)]})
    obj["patient"]["weight_kg"] = weight
    res = run(obj, 0)
    assert res["derived"]["crcl_ml_min"] == shown
    assert res["derived"]["za_dose_mg"] == mg
    assert fires(res, "BMA-ZA-CONTRAINDICATED") is (mg is None)


def test_za_creat_missing_names_sex_other():
    """§1 CrCl "needs sex female or male": sex other → BMA-ZA-CREAT-MISSING names sex."""
    obj = case(labs=[crea(day(-1))], bma={"administrations": [dose(day(3), planned=True)]})
    obj["patient"]["sex"] = "other"
    f = only(run(obj, 0), "BMA-ZA-CREAT-MISSING")
    assert "sex" in str(f["data"])


def test_za_dose_creatinine_same_day_as_dose():
    """"dated 0–creatinine_max_age_days days before that dose": d = 0 is included."""
    obj = case(labs=[crea(day(0))], bma={"administrations": [dose(day(0), planned=True)]})
    res = run(obj, 0)
    assert fires(res, "BMA-ZA-DOSE") and not fires(res, "BMA-ZA-CREAT-MISSING")


def test_za_dose_weight_missing_names_it():
    """§0 missing inputs: with no weight the ZA dose rules cannot be evaluated; the missing input
    is listed with the rules that needed it, and BMA-ZA-CREAT-MISSING names it."""
    obj = case(labs=[crea(day(-1))], bma={"administrations": [dose(day(3), planned=True)]})
    del obj["patient"]["weight_kg"]
    res = run(obj, 0)
    assert not fires(res, "BMA-ZA-DOSE")
    assert fires(res, "BMA-ZA-CREAT-MISSING")
    entry = [m for m in res["derived"]["missing_inputs"] if m["input"] == "weight_kg"]
    assert entry and "BMA-ZA-DOSE" in entry[0]["rules"]


def test_date_times_reduce_to_calendar_dates():
    """§0: "date-times are reduced to their calendar date as written": a dose given at 23:59
    28 calendar days before the as-of date is "within the last 28 days"; a dose at 00:01 on the
    as-of date is not after it."""
    obj = case(labs=[crea(day(-30))],
               bma={"administrations": [{"date": day(-28) + "T23:59:00", "drug":
                                         "zoledronic_acid", "dose_mg": 4}]})
    obj["patient"]["weight_kg"] = 55
    assert fires(run(obj, 0), "BMA-ZA-OVERDOSE")
    obj = case(imaging=CONFIRMED,
               bma={"administrations": [{"date": day(0) + "T00:01:00", "drug": "denosumab",
                                         "dose_mg": 120}]})
    assert not fires(run(obj, 0), "BMA-START")


@pytest.mark.parametrize(
    ("weight", "umol", "band", "mg"),
    # (38.4 kg / 113.152 µmol/L: twice 19.2 / 56.576, the same CrCl just under 30 in binary,
    # within the 20–300 kg weight limit of app.domain.limits)
    [(38.4, 113.152, 30, 3.0), (36.8, 81.328, 40, 3.3), (55, 97.24, 50, 3.5),
     (66, 97.24, 60, 3.5)],
)
def test_za_dose_at_band_limits_despite_binary_rounding(weight, umol, band, mg):
    """§4 "30 ≤ CrCl < 40 → 3.0 mg" etc. with a CrCl that is exactly a band limit in decimal
    arithmetic (weight × 88.4 / creatinine) but not in binary floating point: the band limit
    must still count as equal (docs/clinical-readings.md, threshold equality), and a planned
    dose must get its BMA-ZA-DOSE finding rather than an error."""
    obj = case(labs=[crea(day(-1), umol)],
               bma={"administrations": [dose(day(3), mg=mg, planned=True)]})
    obj["patient"]["weight_kg"] = weight
    res = run(obj, 0)
    assert res["derived"]["crcl_ml_min"] == band
    assert res["derived"]["za_dose_mg"] == mg
    assert only(res, "BMA-ZA-DOSE")["data"]["recommended_mg"] == mg
    assert not fires(res, "BMA-ZA-CONTRAINDICATED")
    assert not fires(res, "BMA-ZA-OVERDOSE")


def test_za_creat_rise_on_a_planned_restart_keeps_the_pre_treatment_baseline():
    """BMA-ZA-CREAT-RISE with zoledronic acid active only through a planned restart after a
    stop: no dose has been given since the stop, so the "current course" is read as the last
    course given (safer reading, docs/clinical-readings.md): its pre-treatment baseline still
    applies and the rise is flagged before the restart ("withhold until creatinine is back
    within 10% of baseline")."""
    labs = [crea(day(-210), 88.4), crea(day(-5), 150.0)]
    adm = [dose(day(-200)), dose(day(-170)), dose(day(10), planned=True)]
    stops = [{"drug": "zoledronic_acid", "date": day(-150), "reason": "creatinine rise"}]
    res = run(case(labs=labs, bma={"administrations": adm, "stops": stops}), 0)
    f = only(res, "BMA-ZA-CREAT-RISE")
    assert f["data"]["baseline"]["date"] == day(-210)
