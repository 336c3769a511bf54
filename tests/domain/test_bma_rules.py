"""BMA-START, -CONCURRENT, -DEN-CKD, -DEN-INTERVAL, -ZA-INTERVAL, -DEN-OVERDUE,
-NON-ONCOLOGY-DOSE: each fires, each threshold on both sides, and silence."""

import pytest

from app.domain import rules_bma, rules_bma_indication
from app.domain.findings import rule_info

from .bma_cases import T0, creat, day, give, make, missing, plan, run, stop

# ---- catalogue ---------------------------------------------------------------------------


@pytest.mark.parametrize(("rule", "order", "evidence"), [
    ("BMA-START", 200, ("GL", "TRIAL", "SEED")),
    ("BMA-NO-INDICATION", 201, ("GL", "SEED", "DESIGN")),
    ("BMA-CONCURRENT", 202, ("LABEL", "SEED")),
    ("BMA-ZA-DOSE", 203, ("LABEL",)),
    ("BMA-ZA-OVERDOSE", 204, ("LABEL",)),
    ("BMA-ZA-CONTRAINDICATED", 205, ("LABEL", "SEED")),
    ("BMA-ZA-CREAT-MISSING", 206, ("LABEL",)),
    ("BMA-ZA-CREAT-RISE", 207, ("LABEL",)),
    ("BMA-BP-RENAL", 208, ("LABEL", "DESIGN")),
    ("BMA-BP-CREAT-MISSING", 209, ("LABEL", "DESIGN")),
    ("BMA-BP-CREAT-RISE", 210, ("LABEL", "GL", "DESIGN")),
    ("BMA-DEN-CKD", 211, ("LABEL",)),
    ("BMA-HYPOCALCAEMIA", 212, ("LABEL",)),
    ("BMA-HYPERCALCAEMIA", 213, ("GL",)),
    ("BMA-CA-MISSING", 214, ("LABEL",)),
    ("BMA-SUPPLEMENTS", 215, ("LABEL", "SEED")),
    ("BMA-DENTAL-CLEARANCE", 216, ("LABEL", "GL", "SEED")),
    ("BMA-DENTAL-REVIEW", 217, ("GL",)),
    ("BMA-DEN-INTERVAL", 218, ("LABEL", "SEED")),
    ("BMA-ZA-INTERVAL", 219, ("TRIAL", "SEED")),
    ("BMA-DEN-OVERDUE", 220, ("LABEL", "SEED")),
    ("BMA-NON-ONCOLOGY-DOSE", 221, ("LABEL",)),
    ("DEN-STOP-WINDOW", 300, ("LABEL", "TRIAL", "SEED")),
    ("DEN-MONITOR-DUE", 301, ("SEED", "DESIGN")),
    ("DEN-REBOUND-CTX", 302, ("GL", "SEED", "DESIGN")),
    ("DEN-REBOUND-CALCIUM", 303, ("LABEL", "TRIAL")),
    ("DEN-REBOUND-FRACTURE", 304, ("LABEL", "TRIAL")),
    ("DENT-MINOR", 400, ("GL", "SEED")),
    ("DENT-INVASIVE", 401, ("GL", "SEED")),
    ("DENT-ONJ", 402, ("GL", "SEED")),
])
def test_every_rule_is_registered_in_book_order_with_ordered_evidence(rule, order, evidence):
    import app.domain.rules_bma_ca  # noqa: F401
    import app.domain.rules_bma_za  # noqa: F401
    import app.domain.rules_den  # noqa: F401
    import app.domain.rules_dental  # noqa: F401

    info = rule_info(rule)
    assert info.order == order
    assert info.evidence == evidence
    assert info.says and info.says_zh and info.source and info.trigger


# ---- BMA-START ---------------------------------------------------------------------------


def test_start_fires_when_confirmed_and_no_bma():
    f = run(rules_bma, make(), T0)["BMA-START"]
    assert f.severity == "warning"
    assert "denosumab 120 mg" in f.message and "地舒单抗" in f.message_zh


@pytest.mark.parametrize("status", ["suspected", "not_found", "unknown"])
def test_start_silent_unless_confirmed(status):
    assert "BMA-START" not in run(rules_bma, make(), T0, status=status)


def test_start_silent_with_a_dose_given_or_planned():
    assert "BMA-START" not in run(rules_bma, make(doses=[give(day(-400))]), T0)
    assert "BMA-START" not in run(rules_bma, make(doses=[plan(day(30))]), T0)


# ---- BMA-CONCURRENT ----------------------------------------------------------------------


def test_concurrent_27_days_apart_fires_28_does_not():
    near = make(doses=[give(T0), give(day(27), "zoledronic_acid")])
    f = run(rules_bma, near, day(30))["BMA-CONCURRENT"]
    assert f.severity == "critical"
    assert f.data["days_apart"] == 27
    assert f.data["denosumab"]["date"] == T0.isoformat()
    far = make(doses=[give(T0), give(day(28), "zoledronic_acid")])
    assert "BMA-CONCURRENT" not in run(rules_bma, far, day(30))


def test_concurrent_with_a_planned_bisphosphonate_before_denosumab():
    case = make(doses=[give(T0), plan(day(-10), "pamidronate")])
    f = run(rules_bma, case, day(5))["BMA-CONCURRENT"]
    assert f.data["bisphosphonate"]["drug"] == "pamidronate"
    assert f.data["bisphosphonate"]["planned"] is True


def test_concurrent_needs_one_dose_within_the_last_90_days():
    case = make(doses=[give(T0), give(day(10), "zoledronic_acid")])
    assert "BMA-CONCURRENT" in run(rules_bma, case, day(100))  # ZA 90 days old
    assert "BMA-CONCURRENT" not in run(rules_bma, case, day(101))


def test_concurrent_names_the_first_pair_and_lists_all():
    case = make(doses=[give(T0), give(day(5), "zoledronic_acid"), give(day(40)),
                       give(day(45), "zoledronic_acid")])
    f = run(rules_bma, case, day(50))["BMA-CONCURRENT"]
    assert f.data["denosumab"]["date"] == T0.isoformat()
    assert len(f.data["pairs"]) == 2


# ---- BMA-DEN-CKD -------------------------------------------------------------------------


@pytest.mark.parametrize(("weight", "fires"), [(29.9, True), (30.0, False)])
def test_den_ckd_crcl_threshold(weight, fires):
    case = make(doses=[give(T0)], labs=[creat(day(5))], weight_kg=weight)
    found = run(rules_bma, case, day(10))
    assert ("BMA-DEN-CKD" in found) is fires
    if fires:
        f = found["BMA-DEN-CKD"]
        assert f.data["crcl_ml_min"] == 29.9
        assert f.data["creatinine_umol_l"] == 88.4
        assert f.data["creatinine_date"] == day(5).isoformat()
        assert "29.9" in f.message and "88.4" in f.message and "29.9" in f.message_zh


def test_den_ckd_needs_a_creatinine_at_most_90_days_old():
    case = make(doses=[give(day(80)), plan(day(120))], labs=[creat(T0)], weight_kg=20)
    assert "BMA-DEN-CKD" in run(rules_bma, case, day(90))
    assert "BMA-DEN-CKD" not in run(rules_bma, case, day(91))
    assert "BMA-DEN-CKD" in missing(rules_bma, case, day(91))["labs.CREA"]


def test_den_ckd_silent_when_denosumab_inactive_and_names_missing_weight():
    case = make(doses=[give(T0)], stops=[stop(day(1))], labs=[creat(day(2))], weight_kg=20)
    assert "BMA-DEN-CKD" not in run(rules_bma, case, day(10))
    no_weight = make(doses=[give(T0)], labs=[creat(day(2))], weight_kg=None)
    assert "BMA-DEN-CKD" not in run(rules_bma, no_weight, day(10))
    assert missing(rules_bma, no_weight, day(10)) == {"weight_kg": ["BMA-DEN-CKD"]}


# ---- intervals ---------------------------------------------------------------------------


@pytest.mark.parametrize(("interval", "fires"), [(28, False), (29, True)])
def test_den_interval(interval, fires):
    case = make(doses=[give(T0)], interval={"denosumab": interval})
    found = run(rules_bma, case, day(10))
    assert ("BMA-DEN-INTERVAL" in found) is fires
    if fires:
        assert found["BMA-DEN-INTERVAL"].data["interval_days"] == 29


def test_den_interval_silent_when_not_active():
    case = make(doses=[give(T0)], interval={"denosumab": 56}, stops=[stop(day(3))])
    assert "BMA-DEN-INTERVAL" not in run(rules_bma, case, day(10))


@pytest.mark.parametrize(("interval", "severity"), [
    (28, None), (29, "info"), (84, "info"), (85, "warning"),
])
def test_za_interval_severity_by_interval(interval, severity):
    case = make(doses=[give(T0, "zoledronic_acid")], interval={"zoledronic_acid": interval})
    f = run(rules_bma, case, day(10)).get("BMA-ZA-INTERVAL")
    assert (f.severity if f else None) == severity
    if f:
        assert str(interval) in f.message and str(interval) in f.message_zh


# ---- BMA-DEN-OVERDUE ---------------------------------------------------------------------


@pytest.mark.parametrize(("k", "fires"), [(42, False), (43, True), (84, True), (85, False)])
def test_den_overdue_window(k, fires):
    found = run(rules_bma, make(doses=[give(T0)]), day(k))
    assert ("BMA-DEN-OVERDUE" in found) is fires
    if fires:
        f = found["BMA-DEN-OVERDUE"]
        assert f.data["days_since"] == k
        assert f"{k} days" in f.message


def test_den_overdue_silent_after_a_recorded_stop_and_uses_interval_and_grace():
    stopped = make(doses=[give(T0)], stops=[stop(day(30))])
    assert "BMA-DEN-OVERDUE" not in run(rules_bma, stopped, day(50))
    longer = make(doses=[give(T0)], interval={"denosumab": 56})
    assert "BMA-DEN-OVERDUE" not in run(rules_bma, longer, day(70))
    assert "BMA-DEN-OVERDUE" in run(rules_bma, longer, day(71))


# ---- BMA-NON-ONCOLOGY-DOSE ---------------------------------------------------------------


def test_non_oncology_dose_given_within_90_days_or_planned():
    prolia = make(doses=[give(T0, "denosumab", 60)])
    f = run(rules_bma_indication, prolia, day(90))["BMA-NON-ONCOLOGY-DOSE"]
    assert f.data["dose_mg"] == 60 and f.data["drug"] == "denosumab"
    assert "BMA-NON-ONCOLOGY-DOSE" not in run(rules_bma_indication, prolia, day(91))
    aclasta = make(doses=[plan(day(200), "zoledronic_acid", 5)])
    assert "BMA-NON-ONCOLOGY-DOSE" in run(rules_bma_indication, aclasta, T0)


def test_oncology_doses_are_silent():
    case = make(doses=[give(T0, "denosumab", 120), plan(day(20), "zoledronic_acid", 4)])
    assert "BMA-NON-ONCOLOGY-DOSE" not in run(rules_bma_indication, case, day(10))
