"""Other bisphosphonates' kidney safety (rules/2 §4): BMA-BP-RENAL, -CREAT-MISSING,
-CREAT-RISE. CrCl = weight in these cases (male, 68 y, creatinine 88.4 µmol/L = 1.0 mg/dL):
each band edge (10, 30, 50 mL/min) is tested on both sides, a value on the edge belonging to
the higher band."""

import pytest

from app.domain import rules_bma_bp
from app.domain.assess import assess

from .bma_cases import T0, creat, day, give, make, missing, plan, run, stop

RENAL = "BMA-BP-RENAL"
DATA_KEYS = {"drug", "dose_date", "planned", "dose_mg", "crcl_ml_min", "creatinine_umol_l",
             "creatinine_date", "provisional", "band", "recommended_mg", "exceeds_recommended",
             "label", "doses"}


def _renal(drug, weight, mg, *, plan_day=5, creat_day=-3, as_of=0, **kw):
    case = make(doses=[plan(day(plan_day), drug, mg)], labs=[creat(day(creat_day))],
                weight_kg=weight, **kw)
    return run(rules_bma_bp, case, day(as_of)).get(RENAL)


# (drug, CrCl, dose mg, severity or None, band, recommended mg, exceeds)
BAND_CASES = [
    ("pamidronate", 30.0, 90, None, None, None, None),
    ("pamidronate", 29.9, 90, "critical", "not_recommended", None, None),
    ("ibandronate", 50.0, 6, None, None, None, None),
    ("ibandronate", 49.9, 4, "warning", "reduce", 4.0, False),
    ("ibandronate", 49.9, 6, "critical", "reduce", 4.0, True),
    ("ibandronate", 30.0, 4, "warning", "reduce", 4.0, False),
    ("ibandronate", 29.9, 2, "warning", "reduce", 2.0, False),
    ("ibandronate", 29.9, 4, "critical", "reduce", 2.0, True),
    ("ibandronate", 10.0, 2, "warning", "reduce", 2.0, False),
    ("ibandronate", 9.9, 2, "warning", "reduce", 2.0, False),
    ("clodronate", 50.0, 1600, None, None, None, None),
    ("clodronate", 49.9, 1200, "warning", "reduce", 1200.0, False),
    ("clodronate", 49.9, 1600, "critical", "reduce", 1200.0, True),
    ("clodronate", 30.0, 1200, "warning", "reduce", 1200.0, False),
    ("clodronate", 29.9, 800, "warning", "reduce", 800.0, False),
    ("clodronate", 29.9, 1200, "critical", "reduce", 800.0, True),
    ("clodronate", 10.0, 800, "warning", "reduce", 800.0, False),
    ("clodronate", 9.9, 800, "critical", "contraindicated", None, None),
    ("incadronate", 30.0, 10, None, None, None, None),
    ("incadronate", 29.9, 10, "critical", "not_recommended", None, None),
    ("incadronate", 10.0, 10, "critical", "not_recommended", None, None),
    ("incadronate", 9.0, 10, "critical", "not_recommended", None, None),
]


@pytest.mark.parametrize(("drug", "crcl", "mg", "severity", "band", "rec", "exceeds"),
                         BAND_CASES)
def test_band_per_drug_on_both_sides_of_each_limit(drug, crcl, mg, severity, band, rec,
                                                    exceeds):
    f = _renal(drug, crcl, mg)
    assert (f.severity if f else None) == severity
    if f is None:
        return
    assert set(f.data) == DATA_KEYS
    assert f.data["drug"] == drug and f.data["band"] == band
    assert f.data["recommended_mg"] == rec and f.data["exceeds_recommended"] is exceeds
    assert f.data["crcl_ml_min"] == crcl and f.data["creatinine_umol_l"] == 88.4
    assert f.data["creatinine_date"] == day(-3).isoformat()
    assert f.data["dose_date"] == day(5).isoformat() and f.data["planned"] is True
    assert f.data["dose_mg"] == mg and f.data["provisional"] is False
    assert f.data["label"]
    assert f"{crcl:.1f}" in f.message and f"{crcl:.1f}" in f.message_zh
    assert f"{crcl:g} kg" in f.message  # weight (CrCl = weight in these cases)


def test_incadronate_at_crcl_9_is_critical_not_recommended():
    """Issue 21: "today incadronate planned at CrCl 9 mL/min gives no finding"."""
    f = _renal("incadronate", 9.0, 10)
    assert f.severity == "critical" and f.data["band"] == "not_recommended"
    assert "do not give it" in f.message and "denosumab" in f.message
    assert "不要给药" in f.message_zh


@pytest.mark.parametrize(("drug", "crcl", "mg", "severity"), [
    ("ibandronate", 40, 4.05, "warning"), ("ibandronate", 40, 4.06, "critical"),
    ("ibandronate", 20, 2.05, "warning"), ("ibandronate", 20, 2.06, "critical"),
    ("clodronate", 40, 1200.05, "warning"), ("clodronate", 40, 1200.06, "critical"),
    ("clodronate", 20, 800.05, "warning"), ("clodronate", 20, 800.06, "critical"),
])
def test_excess_dose_by_more_than_0_05_mg_is_critical(drug, crcl, mg, severity):
    f = _renal(drug, crcl, mg)
    assert f.severity == severity
    assert f.data["exceeds_recommended"] is (severity == "critical")


def test_a_lower_dose_than_the_band_is_a_warning():
    f = _renal("ibandronate", 40, 2)
    assert f.severity == "warning" and f.data["exceeds_recommended"] is False


def test_given_dose_counts_for_28_days():
    case = make(doses=[give(T0, "pamidronate", 90)], labs=[creat(day(-2))], weight_kg=20)
    f = run(rules_bma_bp, case, day(28))[RENAL]
    assert f.data["planned"] is False and f.severity == "critical"
    assert RENAL not in run(rules_bma_bp, case, day(29))


def test_fires_once_naming_the_first_dose_of_the_highest_severity():
    case = make(doses=[plan(day(3), "ibandronate", 4), plan(day(6), "ibandronate", 6),
                       plan(day(9), "incadronate", 10)],
                labs=[creat(day(-1))], weight_kg=40)
    f = run(rules_bma_bp, case, T0)[RENAL]
    assert f.severity == "critical"
    assert f.data["dose_date"] == day(6).isoformat() and f.data["exceeds_recommended"] is True
    assert [d["dose_date"] for d in f.data["doses"]] == [day(3).isoformat(), day(6).isoformat()]
    # incadronate at CrCl 40 is above every band: not concerned
    only_warnings = make(doses=[plan(day(3), "ibandronate", 4), plan(day(6), "ibandronate", 4)],
                         labs=[creat(day(-1))], weight_kg=40)
    f = run(rules_bma_bp, only_warnings, T0)[RENAL]
    assert f.severity == "warning" and f.data["dose_date"] == day(3).isoformat()
    assert len(f.data["doses"]) == 2


def test_far_plan_uses_a_provisional_creatinine_at_most_90_days_old():
    f = _renal("pamidronate", 20, 90, plan_day=40, creat_day=-90)
    assert f.data["provisional"] is True and f.severity == "critical"
    assert "provisional" in f.message
    case = make(doses=[plan(day(40), "pamidronate", 90)], labs=[creat(day(-91))], weight_kg=20)
    found = run(rules_bma_bp, case, T0)
    assert RENAL not in found and "BMA-BP-CREAT-MISSING" not in found  # not due yet
    assert "BMA-BP-RENAL" in missing(rules_bma_bp, case, T0)["labs.CREA"]


@pytest.mark.parametrize(("creat_day", "judged"), [(0, True), (-14, True), (-15, False)])
def test_overdue_plan_uses_a_creatinine_0_to_14_days_before_the_as_of_date(creat_day, judged):
    # the plan is 20 days overdue; its own 14-day window (days -34 to -20) is not used
    case = make(doses=[plan(day(-20), "incadronate", 10)], labs=[creat(day(creat_day))],
                weight_kg=20)
    found = run(rules_bma_bp, case, T0)
    assert (RENAL in found) is judged
    assert ("BMA-BP-CREAT-MISSING" in found) is not judged


def test_overdue_plan_creatinine_before_its_own_date_only_does_not_count():
    case = make(doses=[plan(day(-20), "incadronate", 10)], labs=[creat(day(-25))], weight_kg=20)
    found = run(rules_bma_bp, case, T0)
    assert RENAL not in found
    f = found["BMA-BP-CREAT-MISSING"]
    assert "overdue" in f.message and "before the as-of date" in f.message


# ---- BMA-BP-CREAT-MISSING -----------------------------------------------------------------

@pytest.mark.parametrize(("plan_day", "due"), [(14, True), (15, False)])
def test_creat_missing_for_a_due_plan(plan_day, due):
    case = make(doses=[plan(day(plan_day), "ibandronate", 6)], labs=[])
    f = run(rules_bma_bp, case, T0).get("BMA-BP-CREAT-MISSING")
    assert (f is not None) is due
    if f:
        assert f.severity == "warning"
        assert f.data["dose"]["drug"] == "ibandronate"
        assert "0–14 days" in f.message and "每次给药前检测血肌酐" in f.message_zh


def test_creat_missing_creatinine_window_of_a_due_plan():
    fresh = make(doses=[plan(day(5), "clodronate", 1600)], labs=[creat(day(-9))])
    assert "BMA-BP-CREAT-MISSING" not in run(rules_bma_bp, fresh, T0)  # 14 days before
    stale = make(doses=[plan(day(5), "clodronate", 1600)], labs=[creat(day(-10))])
    assert "BMA-BP-CREAT-MISSING" in run(rules_bma_bp, stale, T0)  # 15 days before


@pytest.mark.parametrize("field", ["sex", "birth_date", "weight_kg"])
def test_creat_missing_names_missing_patient_inputs_for_any_plan(field):
    case = make(doses=[plan(day(60), "pamidronate", 90)], labs=[creat(T0)], **{field: None})
    f = run(rules_bma_bp, case, T0)["BMA-BP-CREAT-MISSING"]
    assert f.data["missing"] == [field] and field in f.message
    assert RENAL in missing(rules_bma_bp, case, T0)[field]


def test_zoledronic_acid_plans_are_not_this_rules_concern():
    case = make(doses=[plan(day(5), "zoledronic_acid", 4)], labs=[], weight_kg=None)
    assert run(rules_bma_bp, case, T0) == {}


# ---- BMA-BP-CREAT-RISE --------------------------------------------------------------------

def _rise(drugs, base, latest, as_of=20, stops=()):
    doses = [give(day(-28), d, 6) for d in drugs] + [give(T0, d, 6) for d in drugs]
    case = make(doses=doses, stops=stops,
                labs=[creat(day(-30), base), creat(day(15), latest)])
    return run(rules_bma_bp, case, day(as_of)).get("BMA-BP-CREAT-RISE")


@pytest.mark.parametrize(("base", "latest", "fires"), [
    (88.4, 132.6, True), (88.4, 132.5, False),      # +0.5 over a baseline < 1.4 mg/dL
    (123.8, 167.9, False), (123.8, 212.2, True),    # baseline ≥ 1.4 needs +1.0
    (176.8, 265.1, False), (176.8, 265.2, True),
])
def test_creat_rise_thresholds(base, latest, fires):
    f = _rise(["pamidronate"], base, latest)
    assert (f is not None) is fires
    if f:
        assert f.severity == "critical"
        assert f.data["drug"] == "pamidronate"
        assert set(f.data) == {"drug", "baseline", "latest", "rise_mg_dl", "threshold_mg_dl",
                               "course_start"}
        assert f.data["baseline"]["date"] == day(-30).isoformat()
        assert f.data["course_start"] == day(-28).isoformat()
        assert "pamidronate" in f.message and "within 10%" in f.message


def test_creat_rise_names_the_first_drug_in_catalogue_order():
    # §4 catalogue order: ... clodronate, incadronate (case.DRUGS lists them the other way)
    f = _rise(["incadronate", "clodronate"], 88.4, 200)
    assert f.data["drug"] == "clodronate"
    f = _rise(["incadronate", "ibandronate"], 88.4, 200)
    assert f.data["drug"] == "ibandronate"


def test_creat_rise_silent_when_inactive():
    assert _rise(["incadronate"], 88.4, 200, as_of=91) is None  # last dose > 90 days old
    stopped = _rise(["incadronate"], 88.4, 200, stops=[stop(day(1), "incadronate")])
    assert stopped is None


def test_creat_rise_is_not_for_zoledronic_acid():
    assert _rise(["zoledronic_acid"], 88.4, 200) is None


# ---- through the whole assessment -----------------------------------------------------------

def test_assessment_orders_bp_rules_after_the_za_rules():
    case = make(doses=[plan(day(5), "incadronate", 10), plan(day(5), "zoledronic_acid", 4)],
                labs=[creat(day(-1))], weight_kg=9)
    rules = [f.rule for f in assess(case, T0).findings if f.severity == "critical"]
    assert rules.index("BMA-ZA-CONTRAINDICATED") < rules.index(RENAL)
