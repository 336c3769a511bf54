"""Independent review of rule book §4 (BMA-*), §5 (DEN-*) and §6 (DENT-*).

These cases were written from the text of the rule book alone, before reading the engine:
each test quotes the sentence it checks. Dates are built as day offsets from a fixed day so
that every boundary ("within N days" = 0 ≤ d ≤ N, "> N days", "days a–b" inclusive, "less than
28 days apart") is tested on both sides.

CrCl trick used throughout: a male patient born 1958-01-01 is 68 on any 2026 date, so
Cockcroft–Gault gives (140 − 68) × W / (72 × SCr) = W / SCr; with creatinine 88.4 µmol/L
(= 1.0 mg/dL) CrCl equals the weight in kg.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

import pytest

from app.domain.assess import assess
from app.domain.casefile import parse_case
from app.domain.findings import catalogue
from app.domain.params import DEFAULTS, params_from_mapping

D0 = date(2026, 3, 1)  # "day 0" of most cases


def day(k: int) -> str:
    """ISO date k days after D0."""
    return (D0 + timedelta(days=k)).isoformat()


def case(**sections: Any) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "schema": "bonemet-case/1",
        "patient": {"mrn": "R-1", "sex": "male", "birth_date": "1958-01-01", "weight_kg": 60},
    }
    obj.update(copy.deepcopy(sections))
    return obj


def dose(d: str, drug: str = "zoledronic_acid", mg: float | None = None, planned: bool = False):
    if mg is None:
        mg = 120 if drug == "denosumab" else (4 if drug == "zoledronic_acid" else 90)
    out: dict[str, Any] = {"date": d, "drug": drug, "dose_mg": mg}
    if planned:
        out["planned"] = True
    return out


def lab(d: str, analyte: str, value: float, unit: str, **kw: Any) -> dict[str, Any]:
    return {"date": d, "analyte": analyte, "value": value, "unit": unit, **kw}


def crea(d: str, umol: float = 88.4) -> dict[str, Any]:
    return lab(d, "CREA", umol, "umol/L")


def ctx(d: str, ng: float, **kw: Any) -> dict[str, Any]:
    return lab(d, "CTX", ng, "ng/mL", **kw)


def ca(d: str, mmol: float, **kw: Any) -> dict[str, Any]:
    return lab(d, "CA", mmol, "mmol/L", **kw)


def run(obj: dict[str, Any], as_of: str | int, **params: Any) -> dict[str, Any]:
    p = params_from_mapping(params) if params else DEFAULTS
    when = day(as_of) if isinstance(as_of, int) else as_of
    return assess(parse_case(obj), date.fromisoformat(when), p).to_json()


def rules(res: dict[str, Any]) -> list[str]:
    return [f["rule"] for f in res["findings"]]


def only(res: dict[str, Any], rule: str) -> dict[str, Any]:
    hits = [f for f in res["findings"] if f["rule"] == rule]
    assert len(hits) == 1, f"{rule}: {len(hits)} findings"
    return hits[0]


def fires(res: dict[str, Any], rule: str) -> bool:
    return rule in rules(res)


CONFIRMED = [{"date": day(-100), "modality": "mri", "region": "L3", "result": "positive",
              "bone_destruction": True}]


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
    """§4: "For a dose planned more than creatinine_max_age_days after the as-of date, the latest
    creatinine on or before the as-of date is used provisionally"."""
    obj = case(labs=[crea(day(-100))], bma={"administrations": [dose(day(15), planned=True)]})
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


def test_za_creat_missing_creatinine_after_the_plan_does_not_count():
    """"dated 0–14 days before it": a creatinine dated after an overdue plan is not before it."""
    obj = case(labs=[crea(day(-2))], bma={"administrations": [dose(day(-5), planned=True)]})
    assert fires(run(obj, 0), "BMA-ZA-CREAT-MISSING")


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


# ---------------------------------------------------------------- "active" (§4)


def _supp(adm, stops=(), as_of=0, **kw):
    """BMA-SUPPLEMENTS fires iff a BMA is active (supplements absent, no hypercalcaemia)."""
    res = run(case(bma={"administrations": adm, "stops": list(stops)}, **kw), as_of)
    return fires(res, "BMA-SUPPLEMENTS")


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


# ---------------------------------------------------------------- derived.denosumab (§5)


def _den(adm, stops=(), as_of=0, labs=(), params=None, **kw):
    obj = case(bma={"administrations": adm, "stops": list(stops)}, labs=list(labs), **kw)
    return run(obj, as_of, **(params or {}))


STOP10 = [{"drug": "denosumab", "date": day(10), "reason": "review"}]


def test_derived_denosumab_null_without_given_dose():
    """§5: "derived.denosumab is null when no denosumab dose was ever given (planned doses alone
    do not count)"; a dose dated after the as-of date is not given yet."""
    assert _den([])["derived"]["denosumab"] is None
    assert _den([dose(day(5), "denosumab", planned=True)])["derived"]["denosumab"] is None
    assert _den([dose(day(-5), "denosumab", planned=True)])["derived"]["denosumab"] is None
    assert _den([dose(day(5), "denosumab")])["derived"]["denosumab"] is None


def test_derived_denosumab_not_stopped_nulls_windows():
    """§5: "peak_window, window_end and checks_due are null unless stopped"."""
    d = _den([dose(day(0), "denosumab")], as_of=20)["derived"]["denosumab"]
    assert d["last_dose"] == day(0) and d["stopped"] is False and d["stop_recorded"] is False
    assert d["peak_window"] is None and d["window_end"] is None and d["checks_due"] is None


def test_derived_denosumab_windows_when_stopped():
    """§5: "Peak window …: days 60–120"; "Monitoring window: days 0–395"; "Times count from the
    last given dose (day 0)"."""
    d = _den([dose(day(-28), "denosumab"), dose(day(0), "denosumab")], STOP10, 20)
    d = d["derived"]["denosumab"]
    assert d["last_dose"] == day(0) and d["stopped"] is True and d["stop_recorded"] is True
    assert d["peak_window"] == [day(60), day(120)]
    assert d["window_end"] == day(395)


@pytest.mark.parametrize(("as_of", "stopped"), [(84, False), (85, True)])
def test_derived_denosumab_unrecorded_stop(as_of, stopped):
    """§5: stopped "when the days since the last given dose exceed the interval + 56 (an
    unrecorded stop)"."""
    d = _den([dose(day(0), "denosumab")], as_of=as_of)["derived"]["denosumab"]
    assert d["stopped"] is stopped and d["stop_recorded"] is False


def test_derived_denosumab_unrecorded_stop_uses_interval():
    """§5: "the interval + 56", the interval being bma.interval_days[drug] (§4)."""
    obj = case(bma={"administrations": [dose(day(0), "denosumab")],
                    "interval_days": {"denosumab": 35}})
    assert run(obj, 91)["derived"]["denosumab"]["stopped"] is False
    assert run(obj, 92)["derived"]["denosumab"]["stopped"] is True


def test_derived_denosumab_stop_before_last_dose_does_not_stop():
    """§5: stopped "when a stop dated on/after the last given dose is recorded"; "It is resumed by
    a denosumab dose given after the stop (it becomes the new last dose)"."""
    adm = [dose(day(0), "denosumab"), dose(day(100), "denosumab")]
    d = _den(adm, STOP10, 110)["derived"]["denosumab"]
    assert d["stopped"] is False and d["last_dose"] == day(100)


def test_derived_denosumab_planned_dose_does_not_resume():
    """§5: resumed by a dose "given" after the stop; a planned dose is not given."""
    adm = [dose(day(0), "denosumab"), dose(day(100), "denosumab", planned=True)]
    d = _den(adm, STOP10, 110)["derived"]["denosumab"]
    assert d["stopped"] is True and d["last_dose"] == day(0)


def test_derived_denosumab_stop_same_day_as_dose():
    """§4: "A stop recorded on the day of a dose means that dose was the last one"."""
    stop = [{"drug": "denosumab", "date": day(0)}]
    d = _den([dose(day(-28), "denosumab"), dose(day(0), "denosumab")], stop, 0)
    d = d["derived"]["denosumab"]
    assert d["stopped"] is True and d["last_dose"] == day(0) and d["window_end"] == day(395)


def test_derived_denosumab_stop_after_as_of_ignored():
    """§0: records dated after the as-of date are ignored (a stop is not a plan)."""
    d = _den([dose(day(0), "denosumab")], STOP10, 5)["derived"]["denosumab"]
    assert d["stopped"] is False


def test_checks_due_ctx_within_14_days():
    """§5: "checks_due lists the schedule dates that are on/after the as-of date, plus earlier ones
    with no CTX dated within ±14 days of them" (schedule days 90, 180, 270, 365)."""
    labs = [ctx(day(104), 0.2), ctx(day(165), 0.2)]  # 90+14 covers; 180−15 does not
    d = _den([dose(day(0), "denosumab")], STOP10, 270, labs)["derived"]["denosumab"]
    assert d["checks_due"] == [day(180), day(270), day(365)]
    labs = [ctx(day(76), 0.2), ctx(day(195), 0.2)]  # 90−14 covers; 180+15 does not
    d = _den([dose(day(0), "denosumab")], STOP10, 200, labs)["derived"]["denosumab"]
    assert d["checks_due"] == [day(180), day(270), day(365)]


def test_checks_due_future_ctx_not_counted_and_parameter():
    """A CTX dated after the as-of date is ignored (day 90 stays due on day 94 although a CTX is
    recorded for day 95); the schedule is rebound_checks_days (§9)."""
    labs = [ctx(day(95), 0.2)]
    d = _den([dose(day(0), "denosumab")], STOP10, 94, labs)["derived"]["denosumab"]
    assert d["checks_due"] == [day(90), day(180), day(270), day(365)]
    d = _den([dose(day(0), "denosumab")], STOP10, 20, params={"rebound_checks_days": [30, 60]})
    assert d["derived"]["denosumab"]["checks_due"] == [day(30), day(60)]


def test_risk_level_criteria():
    """§5 risk "high if a vertebral fracture (event pathological_fracture or fracture with
    vertebral: true) was ever recorded, osteoporosis is recorded, or exposure ≥ 24 months";
    "else elevated"."""
    adm = [dose(day(0), "denosumab")]
    assert _den(adm, STOP10, 20)["derived"]["denosumab"]["risk_level"] == "elevated"
    obj_p = {"mrn": "R-1", "sex": "male", "birth_date": "1958-01-01", "weight_kg": 60,
             "osteoporosis": True}
    res = run(case(bma={"administrations": adm, "stops": STOP10}) | {"patient": obj_p}, 20)
    assert res["derived"]["denosumab"]["risk_level"] == "high"
    for kind in ("fracture", "pathological_fracture"):
        ev = [{"date": day(-500), "kind": kind, "vertebral": True}]
        assert _den(adm, STOP10, 20, events=ev)["derived"]["denosumab"]["risk_level"] == "high"
        ev = [{"date": day(-500), "kind": kind, "vertebral": False}]
        assert _den(adm, STOP10, 20, events=ev)["derived"]["denosumab"]["risk_level"] == "elevated"
    ev = [{"date": day(15), "kind": "fracture", "vertebral": True}]  # after the as-of date
    assert _den(adm, STOP10, 12, events=ev)["derived"]["denosumab"]["risk_level"] == "elevated"


@pytest.mark.parametrize(("last", "level"), [("2026-03-15", "high"), ("2026-03-14", "elevated")])
def test_risk_level_exposure_24_calendar_months(last, level):
    """§5: "exposure ≥ 24 months (last given dose ≥ first-ever denosumab dose + 24 months)";
    §0: "date + 24 months = same day number, 24 months later"."""
    adm = [dose("2024-03-15", "denosumab"), dose(last, "denosumab")]
    res = run(case(bma={"administrations": adm}), "2026-03-20")
    assert res["derived"]["denosumab"]["risk_level"] == level


def test_nadir_window():
    """§5: "Nadir: the lowest CTX dated from the day after the first-ever denosumab dose to day
    28 after the last given dose (inclusive)"; CTX output to 0.001 ng/mL."""
    adm = [dose(day(0), "denosumab"), dose(day(28), "denosumab"), dose(day(56), "denosumab")]
    labs = [ctx(day(0), 0.05), ctx(day(10), 0.12), lab(day(84), "CTX", 83.4, "pg/mL"),
            ctx(day(85), 0.06)]
    d = _den(adm, [{"drug": "denosumab", "date": day(60)}], 100, labs)["derived"]["denosumab"]
    assert d["nadir_ng_ml"] == 0.083
    labs = [ctx(day(0), 0.05), ctx(day(1), 0.3), ctx(day(85), 0.06)]
    d = _den(adm, [{"drug": "denosumab", "date": day(60)}], 100, labs)["derived"]["denosumab"]
    assert d["nadir_ng_ml"] == 0.3


# ---------------------------------------------------------------- DEN-STOP-WINDOW


@pytest.mark.parametrize(("as_of", "expect"), [(5, False), (10, True), (395, True), (396, False)])
def test_stop_window_days_0_395(as_of, expect):
    """DEN-STOP-WINDOW: "denosumab stopped and the as-of date is within days 0–395" (stop
    recorded on day 10 counts from day 10 on)."""
    res = _den([dose(day(0), "denosumab")], STOP10, as_of)
    assert fires(res, "DEN-STOP-WINDOW") is expect


def test_stop_window_shows_windows_and_risk():
    """DEN-STOP-WINDOW says "the peak window, the window end, the checks due and the risk
    level"."""
    f = only(_den([dose(day(0), "denosumab")], STOP10, 30), "DEN-STOP-WINDOW")
    assert f["severity"] == "warning"
    assert f["data"]["peak_window"] == [day(60), day(120)]
    assert f["data"]["window_end"] == day(395)
    assert f["data"]["checks_due"] == [day(90), day(180), day(270), day(365)]
    assert f["data"]["risk_level"] == "elevated"


@pytest.mark.parametrize(("as_of", "expect"), [(84, False), (85, True)])
def test_stop_window_unrecorded_stop(as_of, expect):
    """DEN-STOP-WINDOW on an unrecorded stop (> interval + 56 days)."""
    res = _den([dose(day(0), "denosumab")], as_of=as_of)
    assert fires(res, "DEN-STOP-WINDOW") is expect
    assert fires(res, "BMA-DEN-OVERDUE") is not expect


def test_stop_window_silent_after_resumption():
    """§5: "resumed by a denosumab dose given after the stop"."""
    res = _den([dose(day(0), "denosumab"), dose(day(50), "denosumab")], STOP10, 60)
    assert not fires(res, "DEN-STOP-WINDOW")


# ---------------------------------------------------------------- DEN-MONITOR-DUE


@pytest.mark.parametrize(("as_of", "expect"), [(60, False), (61, True), (395, True),
                                               (396, False)])
def test_monitor_due_days_61_395(as_of, expect):
    """DEN-MONITOR-DUE: "denosumab stopped, as-of day 61–395, and no CTX dated after day 28 and
    within the last 90 days"."""
    assert fires(_den([dose(day(0), "denosumab")], STOP10, as_of), "DEN-MONITOR-DUE") is expect


@pytest.mark.parametrize(
    ("ctx_day", "as_of", "expect"),
    [(29, 119, False), (29, 120, True), (28, 61, True), (110, 200, False), (109, 200, True)],
)
def test_monitor_due_ctx_window(ctx_day, as_of, expect):
    """DEN-MONITOR-DUE: a CTX "dated after day 28 and within the last 90 days" silences it."""
    res = _den([dose(day(0), "denosumab")], STOP10, as_of, [ctx(day(ctx_day), 0.1)])
    assert fires(res, "DEN-MONITOR-DUE") is expect


# ---------------------------------------------------------------- DEN-REBOUND-CTX

NADIR = ctx(day(14), 0.10)


@pytest.mark.parametrize(
    ("nadir", "ctx_day", "value", "expect"),
    [(True, 29, 0.13, True), (True, 29, 0.129, False), (True, 28, 0.5, False),
     (False, 200, 0.71, True), (False, 200, 0.70, False)],
)
def test_rebound_ctx_thresholds(nadir, ctx_day, value, expect):
    """DEN-REBOUND-CTX: "a CTX dated day 29–395 is > ULN, or ≥ (1+lsc_ctx) × nadir"
    (1.3 × 0.10 = 0.13; ULN 0.70; without a nadir only the ULN branch can apply)."""
    labs = ([NADIR] if nadir else []) + [ctx(day(ctx_day), value)]
    res = _den([dose(day(0), "denosumab")], STOP10, 250, labs)
    assert fires(res, "DEN-REBOUND-CTX") is expect
    if expect:
        assert only(res, "DEN-REBOUND-CTX")["severity"] == "critical"


@pytest.mark.parametrize(("ctx_day", "expect"), [(395, True), (396, False)])
def test_rebound_ctx_day_395(ctx_day, expect):
    """DEN-REBOUND-CTX: CTX "dated day 29–395"."""
    res = _den([dose(day(0), "denosumab")], STOP10, 396, [ctx(day(ctx_day), 0.9)])
    assert fires(res, "DEN-REBOUND-CTX") is expect


def test_rebound_ctx_lab_uln_wins():
    """§0: the result's own range wins over the default ULN (pg/mL range on a pg/mL value)."""
    labs = [lab(day(100), "CTX", 600, "pg/mL", ref_low=100, ref_high=500)]
    assert fires(_den([dose(day(0), "denosumab")], STOP10, 120, labs), "DEN-REBOUND-CTX")


def test_rebound_ctx_lsc_parameter():
    """(1+lsc_ctx) × nadir reads lsc_ctx (§9)."""
    labs = [NADIR, ctx(day(100), 0.15)]
    res = _den([dose(day(0), "denosumab")], STOP10, 120, labs, params={"lsc_ctx": 0.5})
    assert fires(res, "DEN-REBOUND-CTX")
    res = _den([dose(day(0), "denosumab")], STOP10, 120, labs, params={"lsc_ctx": 0.51})
    assert not fires(res, "DEN-REBOUND-CTX")


@pytest.mark.parametrize(("bp_day", "expect"), [(100, False), (99, True), (130, False)])
def test_rebound_ctx_bisphosphonate_after(bp_day, expect):
    """DEN-REBOUND-CTX: "with no bisphosphonate given on/after that CTX's date" (a switch from
    denosumab to zoledronic acid)."""
    adm = [dose(day(0), "denosumab"), dose(day(bp_day), "zoledronic_acid")]
    res = _den(adm, STOP10, 140, [NADIR, ctx(day(100), 0.9)])
    assert fires(res, "DEN-REBOUND-CTX") is expect


def test_rebound_ctx_planned_bisphosphonate_does_not_silence():
    """"no bisphosphonate given": a plan is not given."""
    adm = [dose(day(0), "denosumab"), dose(day(130), "zoledronic_acid", planned=True)]
    assert fires(_den(adm, STOP10, 120, [NADIR, ctx(day(100), 0.9)]), "DEN-REBOUND-CTX")


def test_rebound_ctx_once_showing_latest_and_nadir():
    """"Shows the latest such CTX and the nadir"; fires at most once."""
    labs = [NADIR, ctx(day(100), 0.5), ctx(day(150), 0.3), ctx(day(160), 0.11)]
    f = only(_den([dose(day(0), "denosumab")], STOP10, 200, labs), "DEN-REBOUND-CTX")
    assert f["data"]["ctx"]["date"] == day(150) and f["data"]["ctx"]["value"] == 0.3
    assert f["data"]["nadir"]["date"] == day(14) and f["data"]["nadir"]["value"] == 0.1


def test_rebound_ctx_silent_when_not_stopped():
    """DEN-REBOUND-CTX needs "denosumab stopped"."""
    res = _den([dose(day(0), "denosumab"), dose(day(28), "denosumab")], (), 40,
               [NADIR, ctx(day(30), 0.9)])
    assert not fires(res, "DEN-REBOUND-CTX")


# ---------------------------------------------------------------- DEN-REBOUND-CALCIUM


@pytest.mark.parametrize(
    ("ca_day", "value", "expect"),
    [(29, 2.61, True), (28, 2.61, False), (29, 2.60, False), (395, 2.7, True), (396, 2.7, False)],
)
def test_rebound_calcium(ca_day, value, expect):
    """DEN-REBOUND-CALCIUM: "a calcium dated day 29–395 is > ULN"."""
    res = _den([dose(day(0), "denosumab")], STOP10, 396, [ca(day(ca_day), value)])
    assert fires(res, "DEN-REBOUND-CALCIUM") is expect


def test_rebound_calcium_any_calcium_and_corrected():
    """"a calcium dated day 29–395" (not only the latest), and "calcium" = corrected calcium
    (2.55 + 0.02 × (40 − 30) = 2.75)."""
    labs = [ca(day(50), 2.55), lab(day(50), "ALB", 30, "g/L"), ca(day(80), 2.3),
            lab(day(80), "ALB", 40, "g/L")]
    f = only(_den([dose(day(0), "denosumab")], STOP10, 90, labs), "DEN-REBOUND-CALCIUM")
    assert f["severity"] == "critical"


@pytest.mark.parametrize(("bp_day", "expect"), [(50, False), (49, True)])
def test_rebound_calcium_bisphosphonate(bp_day, expect):
    """DEN-REBOUND-CALCIUM: "with no bisphosphonate given on/after it"."""
    adm = [dose(day(0), "denosumab"), dose(day(bp_day), "pamidronate")]
    res = _den(adm, STOP10, 90, [ca(day(50), 2.8)])
    assert fires(res, "DEN-REBOUND-CALCIUM") is expect


# ---------------------------------------------------------------- DEN-REBOUND-FRACTURE


def _frac(d: int, vertebral: bool = True, kind: str = "fracture") -> list[dict[str, Any]]:
    return [{"date": day(d), "kind": kind, "vertebral": vertebral}]


@pytest.mark.parametrize(("f_day", "expect"), [(28, False), (29, True)])
def test_rebound_fracture_after_day_28_unrecorded(f_day, expect):
    """DEN-REBOUND-FRACTURE: "a vertebral fracture is dated after day 28 or after the recorded
    stop (whichever is earlier), up to day 395" — no recorded stop: after day 28."""
    res = _den([dose(day(0), "denosumab")], (), 100, events=_frac(f_day))
    assert fires(res, "DEN-REBOUND-FRACTURE") is expect


@pytest.mark.parametrize(("f_day", "expect"), [(10, False), (11, True)])
def test_rebound_fracture_after_recorded_stop(f_day, expect):
    """"after the recorded stop (whichever is earlier)": stop on day 10 → from day 11."""
    res = _den([dose(day(0), "denosumab")], STOP10, 100,
               events=_frac(f_day, kind="pathological_fracture"))
    assert fires(res, "DEN-REBOUND-FRACTURE") is expect


def test_rebound_fracture_late_stop_counts_from_day_28():
    """"whichever is earlier": a stop recorded on day 40 → a fracture on day 29 counts."""
    stop = [{"drug": "denosumab", "date": day(40)}]
    assert fires(_den([dose(day(0), "denosumab")], stop, 100, events=_frac(29)),
                 "DEN-REBOUND-FRACTURE")


@pytest.mark.parametrize(("f_day", "expect"), [(395, True), (396, False)])
def test_rebound_fracture_up_to_day_395(f_day, expect):
    """"up to day 395"."""
    res = _den([dose(day(0), "denosumab")], STOP10, 400, events=_frac(f_day))
    assert fires(res, "DEN-REBOUND-FRACTURE") is expect


def test_rebound_fracture_non_vertebral_future_and_bisphosphonate():
    """Only vertebral fractures; a fracture dated after the as-of date is ignored; "with no
    bisphosphonate given on/after it"."""
    assert not fires(_den([dose(day(0), "denosumab")], STOP10, 100, events=_frac(50, False)),
                     "DEN-REBOUND-FRACTURE")
    assert not fires(_den([dose(day(0), "denosumab")], STOP10, 100, events=_frac(101)),
                     "DEN-REBOUND-FRACTURE")
    adm = [dose(day(0), "denosumab"), dose(day(50), "zoledronic_acid")]
    assert not fires(_den(adm, STOP10, 100, events=_frac(50)), "DEN-REBOUND-FRACTURE")
    adm = [dose(day(0), "denosumab"), dose(day(49), "zoledronic_acid")]
    f = only(_den(adm, STOP10, 100, events=_frac(50)), "DEN-REBOUND-FRACTURE")
    assert f["severity"] == "critical"


# ---------------------------------------------------------------- DENT-*


@pytest.mark.parametrize("kind", ["root_canal", "scaling", "filling", "crown"])
def test_dent_minor_fires_with_active_bma(kind):
    """DENT-MINOR: "a minor procedure is planned and a BMA is active on the as-of date"."""
    dental = {"procedures": [{"date": day(5), "kind": kind, "planned": True}]}
    assert fires(run(case(dental=dental, bma={"administrations": [dose(day(-10))]}), 0),
                 "DENT-MINOR")
    assert not fires(run(case(dental=dental, bma={"administrations": [dose(day(-91))]}), 0),
                     "DENT-MINOR")
    assert not fires(run(case(dental=dental), 0), "DENT-MINOR")


def test_dent_minor_overdue_plan_and_done_procedure():
    """§6: "Planned procedures dated before the as-of date are still checked (an overdue plan)";
    a procedure not marked planned is not a plan."""
    adm = {"administrations": [dose(day(-10))]}
    overdue = {"procedures": [{"date": day(-3), "kind": "scaling", "planned": True}]}
    assert fires(run(case(dental=overdue, bma=adm), 0), "DENT-MINOR")
    done = {"procedures": [{"date": day(-3), "kind": "scaling"}]}
    assert not fires(run(case(dental=done, bma=adm), 0), "DENT-MINOR")


@pytest.mark.parametrize(("den_day", "expect"), [(-150, True), (-151, False), (30, True)])
def test_dent_invasive_denosumab_within_180_days(den_day, expect):
    """DENT-INVASIVE: "denosumab was given within the 180 days before the procedure date"
    (procedure on day 30: day −150 is 180 days before; a dose on the procedure day is d = 0)."""
    dental = {"procedures": [{"date": day(30), "kind": "extraction", "planned": True}]}
    res = run(case(dental=dental, bma={"administrations": [dose(day(den_day), "denosumab")]}),
              max(den_day, 0))
    assert fires(res, "DENT-INVASIVE") is expect


def test_dent_invasive_denosumab_after_the_procedure_date_does_not_count():
    """"within the 180 days before the procedure date": a dose after an overdue procedure plan is
    not before it."""
    dental = {"procedures": [{"date": day(-5), "kind": "extraction", "planned": True}]}
    adm = [dose(day(-200), "denosumab"), dose(day(-2), "denosumab")]
    assert not fires(run(case(dental=dental, bma={"administrations": adm}), 0), "DENT-INVASIVE")


@pytest.mark.parametrize("kind", ["extraction", "implant", "periodontal_surgery", "oral_surgery"])
def test_dent_invasive_bisphosphonate_ever(kind):
    """DENT-INVASIVE: "a bisphosphonate was ever given"; a planned bisphosphonate is not given."""
    dental = {"procedures": [{"date": day(30), "kind": kind, "planned": True}]}
    res = run(case(dental=dental, bma={"administrations": [dose(day(-2000), "pamidronate")]}), 0)
    assert fires(res, "DENT-INVASIVE")
    res = run(case(dental=dental,
                   bma={"administrations": [dose(day(10), "pamidronate", planned=True)]}), 0)
    assert not fires(res, "DENT-INVASIVE")
    done = {"procedures": [{"date": day(-1), "kind": kind}]}
    res = run(case(dental=done, bma={"administrations": [dose(day(-20), "pamidronate")]}), 0)
    assert not fires(res, "DENT-INVASIVE")


@pytest.mark.parametrize(("gap", "met"), [(60, True), (59, False)])
def test_dent_invasive_hold(gap, met):
    """DENT-INVASIVE shows "the latest BMA dose (given or planned) dated on/before the procedure,
    the gap in days, whether the hold is met (gap ≥ dental_hold_days), the next planned dose
    after the procedure, and procedure − dental_hold_days as the latest dose date that meets the
    hold"."""
    dental = {"procedures": [{"date": day(100), "kind": "implant", "planned": True}]}
    adm = [dose(day(0), "denosumab"), dose(day(100 - gap), "denosumab", planned=True),
           dose(day(130), "denosumab", planned=True)]
    f = only(run(case(dental=dental, bma={"administrations": adm}), 0), "DENT-INVASIVE")
    data = f["data"]
    assert data["latest_dose"]["date"] == day(100 - gap)
    assert data["gap_days"] == gap
    assert data["hold_met"] is met
    assert data["latest_dose_date_meeting_hold"] == day(40)
    assert data["next_planned_dose"]["date"] == day(130)


def test_dent_invasive_hold_parameter_and_once():
    """dental_hold_days (§9) sets the hold; several invasive plans give one finding."""
    dental = {"procedures": [{"date": day(100), "kind": "implant", "planned": True},
                             {"date": day(120), "kind": "extraction", "planned": True}]}
    adm = [dose(day(0), "zoledronic_acid")]
    res = run(case(dental=dental, bma={"administrations": adm}), 0, dental_hold_days=100)
    f = only(res, "DENT-INVASIVE")
    assert f["data"]["hold_met"] is True
    assert f["data"]["latest_dose_date_meeting_hold"] == day(0)
    assert len(f["data"]["procedures"]) == 2


@pytest.mark.parametrize(("age", "expect"), [(365, True), (366, False)])
def test_dent_onj(age, expect):
    """DENT-ONJ: "an onj event dated within 365 days"."""
    res = run(case(events=[{"date": day(-age), "kind": "onj"}]), 0)
    assert fires(res, "DENT-ONJ") is expect
    if expect:
        assert only(res, "DENT-ONJ")["severity"] == "critical"


def test_dent_onj_future_event_ignored():
    """§0: a (non-plannable) event dated after the as-of date is ignored."""
    assert not fires(run(case(events=[{"date": day(1), "kind": "onj"}]), 0), "DENT-ONJ")


# ---------------------------------------------------------------- evidence, source, order

# Rule-book order of §4–§6 and each rule's Evidence column, copied from the book by hand, with
# the labels it names, strongest first (LABEL > GL > TRIAL > SEED > DESIGN).
BOOK = [
    ("BMA-START", "SEED R33, R45; GL ESMO 2020 [I,B]; TRIAL Scagliotti 2012",
     ["GL", "TRIAL", "SEED"]),
    ("BMA-CONCURRENT", "LABEL (Xgeva); SEED R32", ["LABEL", "SEED"]),
    ("BMA-ZA-DOSE", "LABEL", ["LABEL"]),
    ("BMA-ZA-OVERDOSE", "LABEL", ["LABEL"]),
    ("BMA-ZA-CONTRAINDICATED", "LABEL; SEED R30", ["LABEL", "SEED"]),
    ("BMA-ZA-CREAT-MISSING", "LABEL", ["LABEL"]),
    ("BMA-ZA-CREAT-RISE", "LABEL", ["LABEL"]),
    ("BMA-DEN-CKD", "LABEL (Xgeva; Prolia 2024 boxed warning)", ["LABEL"]),
    ("BMA-HYPOCALCAEMIA", "LABEL; CTCAE v5", ["LABEL"]),
    ("BMA-HYPERCALCAEMIA", "GL; CTCAE v5", ["GL"]),
    ("BMA-CA-MISSING", "LABEL", ["LABEL"]),
    ("BMA-SUPPLEMENTS", "LABEL; SEED R34", ["LABEL", "SEED"]),
    ("BMA-DENTAL-CLEARANCE", "GL MASCC/ISOO/ASCO 2019; LABEL; SEED R38", ["LABEL", "GL", "SEED"]),
    ("BMA-DENTAL-REVIEW", "GL MASCC 2019", ["GL"]),
    ("BMA-DEN-INTERVAL", "SEED R51; LABEL", ["LABEL", "SEED"]),
    ("BMA-ZA-INTERVAL", "TRIAL CALGB 70604, ZOOM; SEED R47", ["TRIAL", "SEED"]),
    ("BMA-DEN-OVERDUE", "LABEL; SEED R48", ["LABEL", "SEED"]),
    ("BMA-NON-ONCOLOGY-DOSE", "LABEL", ["LABEL"]),
    ("DEN-STOP-WINDOW", "SEED R48–R50; LABEL; TRIAL", ["LABEL", "TRIAL", "SEED"]),
    ("DEN-MONITOR-DUE", "SEED R50; DESIGN", ["SEED", "DESIGN"]),
    ("DEN-REBOUND-CTX", "SEED R50; GL ECTS 2021; DESIGN (threshold = LSC ≈30%, Rosen 2000)",
     ["GL", "SEED", "DESIGN"]),
    ("DEN-REBOUND-CALCIUM", "TRIAL (Wang; Villanova 2025, lung); LABEL", ["LABEL", "TRIAL"]),
    ("DEN-REBOUND-FRACTURE", "LABEL; TRIAL FREEDOM (Cummings 2018)", ["LABEL", "TRIAL"]),
    ("DENT-MINOR", "SEED R40; GL (AAOMS-style safe procedures)", ["GL", "SEED"]),
    ("DENT-INVASIVE", "GL MASCC/ISOO/ASCO 2019; SEED R41–R44", ["GL", "SEED"]),
    ("DENT-ONJ", "SEED R37; GL MASCC 2019", ["GL", "SEED"]),
]
BOOK_IDS = [r for r, _, _ in BOOK]


def test_catalogue_matches_book_order_evidence_and_source():
    """§10: "evidence lists the labels of the rule's Evidence column, strongest first (LABEL > GL
    > TRIAL > SEED > DESIGN); source is that column's text"; rules keep rule-book order."""
    cat = [r for r in catalogue() if r.id in BOOK_IDS]
    assert [r.id for r in cat] == BOOK_IDS
    for info, (rid, source, labels) in zip(cat, BOOK, strict=True):
        assert info.source == source, rid
        assert list(info.evidence) == labels, rid


def _many() -> dict[str, Any]:
    """A case firing many §4–§6 rules at once (as of day 100)."""
    return case(
        labs=[crea(day(97)), ctx(day(14), 0.10), ctx(day(60), 0.5), ca(day(90), 2.7)],
        bma={"administrations": [dose(day(0), "denosumab"), dose(day(110), mg=4, planned=True)],
             "stops": STOP10},
        dental={"procedures": [{"date": day(120), "kind": "extraction", "planned": True},
                               {"date": day(105), "kind": "scaling", "planned": True}]},
        events=[{"date": day(50), "kind": "onj"},
                {"date": day(70), "kind": "fracture", "vertebral": True}],
    ) | {"patient": {"mrn": "R-1", "sex": "male", "birth_date": "1958-01-01", "weight_kg": 55}}


def test_fired_findings_carry_book_evidence_and_are_ordered():
    """§10: "findings holds only the rules that fired, ordered by severity, then rule-book order,
    then date"; each finding's evidence/source is its rule's Evidence column; at most once."""
    res = run(_many(), 100)
    got = [f for f in res["findings"] if f["rule"] in BOOK_IDS]
    fired = [f["rule"] for f in got]
    for rid in ("BMA-ZA-OVERDOSE", "DEN-REBOUND-CTX", "DEN-REBOUND-CALCIUM",
                "DEN-REBOUND-FRACTURE", "DENT-ONJ", "DEN-STOP-WINDOW", "DENT-INVASIVE",
                "BMA-ZA-DOSE", "DENT-MINOR", "BMA-HYPERCALCAEMIA"):
        assert rid in fired, rid
    assert len(fired) == len(set(fired))
    book = {rid: (src, labels) for rid, src, labels in BOOK}
    for f in got:
        assert f["source"] == book[f["rule"]][0]
        assert f["evidence"] == book[f["rule"]][1]
    rank = {"critical": 0, "warning": 1, "info": 2}
    keys = [(rank[f["severity"]], BOOK_IDS.index(f["rule"])) for f in got]
    assert keys == sorted(keys)
    # the whole list (other families too) is ordered by severity first
    sev = [rank[f["severity"]] for f in res["findings"]]
    assert sev == sorted(sev)


def test_cli_json_matches_assess(tmp_path):
    """§10: `bonemet assess CASE.json --as-of … --format json` gives the same findings."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "case.json"
    path.write_text(json.dumps(_many()), encoding="utf-8")
    exe = Path(sys.executable).parent / "bonemet"
    out = subprocess.run([str(exe), "assess", str(path), "--as-of", day(100), "--format",
                          "json"], capture_output=True, text=True, check=True)
    doc = json.loads(out.stdout)
    assert [f["rule"] for f in doc["findings"]] == rules(run(_many(), 100))
    assert doc["derived"]["denosumab"] == run(_many(), 100)["derived"]["denosumab"]


# ---------------------------------------------------------------- further edge cases


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


def test_risk_level_exposure_from_29_february():
    """§0 "date + 24 months = same day number, 24 months later": 2024-02-29 + 24 months has no
    same day number; a last dose on 2026-03-01 is past it either way (high)."""
    adm = [dose("2024-02-29", "denosumab"), dose("2026-03-01", "denosumab")]
    res = run(case(bma={"administrations": adm}), "2026-03-05")
    assert res["derived"]["denosumab"]["risk_level"] == "high"
    adm = [dose("2024-02-29", "denosumab"), dose("2026-02-27", "denosumab")]
    res = run(case(bma={"administrations": adm}), "2026-03-05")
    assert res["derived"]["denosumab"]["risk_level"] == "elevated"


def test_rebound_ctx_before_a_late_recorded_stop_counts():
    """DEN-REBOUND-CTX: "a CTX dated day 29–395" counts from the last dose, even if the stop was
    recorded later than that CTX."""
    stop = [{"drug": "denosumab", "date": day(50)}]
    res = _den([dose(day(0), "denosumab")], stop, 60, [NADIR, ctx(day(35), 0.5)])
    assert fires(res, "DEN-REBOUND-CTX")


def test_resumed_then_stopped_again_counts_from_new_last_dose():
    """§5: a given dose after the stop "becomes the new last dose"; a second stop restarts the
    windows from it."""
    adm = [dose(day(0), "denosumab"), dose(day(100), "denosumab")]
    stops = [{"drug": "denosumab", "date": day(10)}, {"drug": "denosumab", "date": day(110)}]
    d = _den(adm, stops, 120)["derived"]["denosumab"]
    assert d["stopped"] is True and d["last_dose"] == day(100)
    assert d["peak_window"] == [day(160), day(220)] and d["window_end"] == day(495)


def test_rebound_ctx_later_ctx_after_a_treated_one():
    """DEN-REBOUND-CTX: "a CTX … with no bisphosphonate given on/after that CTX's date" — a
    bisphosphonate after an early raised CTX does not cover a later raised CTX."""
    adm = [dose(day(0), "denosumab"), dose(day(60), "zoledronic_acid")]
    labs = [NADIR, ctx(day(50), 0.9), ctx(day(100), 0.9)]
    assert fires(_den(adm, STOP10, 120, labs), "DEN-REBOUND-CTX")
    labs = [NADIR, ctx(day(50), 0.9)]
    assert not fires(_den(adm, STOP10, 120, labs), "DEN-REBOUND-CTX")


def test_den_overdue_grace_parameter():
    """BMA-DEN-OVERDUE reads overdue_grace_days (§9): 28 + 20 = 48."""
    obj = case(bma={"administrations": [dose(day(-48), "denosumab")]})
    assert not fires(run(obj, 0, overdue_grace_days=20), "BMA-DEN-OVERDUE")
    obj = case(bma={"administrations": [dose(day(-49), "denosumab")]})
    assert fires(run(obj, 0, overdue_grace_days=20), "BMA-DEN-OVERDUE")


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


def test_rebound_fracture_unknown_vertebral_flag_is_a_missing_input():
    """§0: "A rule whose trigger cannot be evaluated because an input is absent does not fire;
    the assessment lists the missing input … with the rule IDs that needed it" — a fracture in
    the rebound window whose `vertebral` flag is unknown."""
    ev = [{"date": day(50), "kind": "pathological_fracture"}]
    res = _den([dose(day(0), "denosumab")], STOP10, 100, events=ev)
    assert not fires(res, "DEN-REBOUND-FRACTURE")
    entry = [m for m in res["derived"]["missing_inputs"] if m["input"] == "events.vertebral"]
    assert entry and entry[0]["rules"] == ["DEN-REBOUND-FRACTURE"]
    ev[0]["vertebral"] = False
    res = _den([dose(day(0), "denosumab")], STOP10, 100, events=ev)
    assert all(m["input"] != "events.vertebral" for m in res["derived"]["missing_inputs"])
    ev = [{"date": day(5), "kind": "fracture"}]  # before the recorded stop: not concerned
    res = _den([dose(day(0), "denosumab")], STOP10, 100, events=ev)
    assert all(m["input"] != "events.vertebral" for m in res["derived"]["missing_inputs"])


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


def test_corrected_calcium_threshold_unrounded():
    """§0 thresholds on unrounded values: 2.0599 + 0.02 × (40 − 38) = 2.0999 < LLN 2.10 although
    it is shown as 2.10."""
    res = run(case(labs=[ca(day(-1), 2.0599), lab(day(-1), "ALB", 38, "g/L")]), 0)
    assert res["derived"]["corrected_calcium_mmol_l"] == 2.1
    assert fires(res, "BMA-HYPOCALCAEMIA")


SCOPE = set(BOOK_IDS)
_DRUGS = ["denosumab", "zoledronic_acid", "pamidronate"]
_KINDS = ["extraction", "scaling", "implant", "filling"]


def _random_case(rnd) -> dict[str, Any]:
    adm = [dose(day(rnd.randint(-400, 60)), rnd.choice(_DRUGS), None, rnd.random() < 0.3)
           for _ in range(rnd.randint(0, 8))]
    for a in adm:
        if rnd.random() < 0.2:
            a["dose_mg"] = 60 if a["drug"] == "denosumab" else 5
    stops = [{"drug": rnd.choice(_DRUGS), "date": day(rnd.randint(-400, 10))}
             for _ in range(rnd.randint(0, 2))]
    labs = [ctx(day(rnd.randint(-400, 10)), rnd.choice([0.05, 0.1, 0.3, 0.9]))
            for _ in range(rnd.randint(0, 5))]
    labs += [ca(day(rnd.randint(-100, 10)), rnd.choice([1.9, 2.05, 2.3, 2.7, 3.0]))
             for _ in range(rnd.randint(0, 3))]
    labs += [crea(day(rnd.randint(-200, 10)), rnd.choice([60, 88.4, 150, 300]))
             for _ in range(rnd.randint(0, 3))]
    events = [{"date": day(rnd.randint(-400, 0)), "kind": rnd.choice(["fracture", "onj"]),
               "vertebral": rnd.random() < 0.5} for _ in range(rnd.randint(0, 2))]
    dental = {"exams": [day(rnd.randint(-400, 0)) for _ in range(rnd.randint(0, 2))],
              "procedures": [{"date": day(rnd.randint(-30, 90)), "kind": rnd.choice(_KINDS),
                              "planned": rnd.random() < 0.7} for _ in range(rnd.randint(0, 2))]}
    return case(bma={"administrations": adm, "stops": stops}, labs=labs, events=events,
                dental=dental, imaging=CONFIRMED if rnd.random() < 0.5 else [])


def test_random_cases_fire_each_rule_at_most_once_in_order():
    """§0 "At most once per assessment"; §10 order "by severity, then rule-book order, then
    date"; evidence/source always the Evidence column — over 300 random cases."""
    import random

    rnd = random.Random(20261121)
    book = {rid: (src, labels) for rid, src, labels in BOOK}
    rank = {"critical": 0, "warning": 1, "info": 2}
    order = {r.id: i for i, r in enumerate(catalogue())}
    for _ in range(300):
        res = run(_random_case(rnd), rnd.randint(-5, 40))
        got = [f for f in res["findings"] if f["rule"] in SCOPE]
        ids = [f["rule"] for f in got]
        assert len(ids) == len(set(ids)), ids
        keys = [(rank[f["severity"]], order[f["rule"]]) for f in res["findings"]]
        assert keys == sorted(keys)
        for f in got:
            assert (f["source"], f["evidence"]) == (book[f["rule"]][0], book[f["rule"]][1])


@pytest.mark.parametrize(
    ("weight", "umol", "band", "mg"),
    [(19.2, 56.576, 30, 3.0), (36.8, 81.328, 40, 3.3), (55, 97.24, 50, 3.5),
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
