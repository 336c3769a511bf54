"""DENT-MINOR, DENT-INVASIVE, DENT-ONJ."""

import pytest

from app.domain import rules_dental
from app.domain.params import Params

from .bma_cases import T0, day, event, give, make, plan, proc, run, stop

# ---- DENT-MINOR --------------------------------------------------------------------------


def test_minor_fires_with_an_active_bma():
    case = make(doses=[give(T0)], procedures=[proc(day(20), "scaling")])
    f = run(rules_dental, case, day(5))["DENT-MINOR"]
    assert f.severity == "info"
    assert f.data["procedure"]["kind"] == "scaling"
    assert f.data["active_drugs"] == ["denosumab"]
    assert "no BMA hold" in f.message and "洁治" in f.message_zh


def test_minor_overdue_plan_still_checked_done_procedure_not():
    overdue = make(doses=[give(T0)], procedures=[proc(day(2), "filling")])
    assert run(rules_dental, overdue, day(5))["DENT-MINOR"].data["procedure"]["overdue"]
    done = make(doses=[give(T0)], procedures=[proc(day(2), "filling", planned=False)])
    assert "DENT-MINOR" not in run(rules_dental, done, day(5))


def test_minor_silent_without_active_bma_and_invasive_not_minor():
    inactive = make(doses=[give(T0)], stops=[stop(day(1))], procedures=[proc(day(20), "crown")])
    assert "DENT-MINOR" not in run(rules_dental, inactive, day(5))
    invasive = make(doses=[give(T0)], procedures=[proc(day(20), "extraction")])
    assert "DENT-MINOR" not in run(rules_dental, invasive, day(5))


# ---- DENT-INVASIVE -----------------------------------------------------------------------

@pytest.mark.parametrize(("gap", "fires"), [(180, True), (181, False)])
def test_invasive_with_denosumab_within_180_days_before(gap, fires):
    case = make(doses=[give(T0)], procedures=[proc(day(gap), "extraction")])
    found = run(rules_dental, case, day(1))
    assert ("DENT-INVASIVE" in found) is fires


def test_invasive_with_any_bisphosphonate_ever():
    case = make(doses=[give(day(-2000), "zoledronic_acid")], procedures=[proc(T0, "implant")])
    f = run(rules_dental, case, day(-1))["DENT-INVASIVE"]
    assert f.data["latest_dose"]["drug"] == "zoledronic_acid"
    assert f.data["gap_days"] == 2000 and f.data["hold_met"] is True


def test_invasive_silent_without_bma_exposure():
    assert run(rules_dental, make(procedures=[proc(T0, "extraction")]), day(-5)) == {}
    # a planned-only denosumab dose is not "given"
    planned = make(doses=[plan(day(-10))], procedures=[proc(T0, "extraction")])
    assert "DENT-INVASIVE" not in run(rules_dental, planned, day(-20))


@pytest.mark.parametrize(("gap", "met"), [(59, False), (60, True)])
def test_invasive_hold_gap(gap, met):
    case = make(doses=[give(T0), plan(day(gap + 30))],
                procedures=[proc(day(gap), "oral_surgery")])
    f = run(rules_dental, case, day(1))["DENT-INVASIVE"]
    assert f.severity == "warning"
    assert f.data["gap_days"] == gap
    assert f.data["hold_met"] is met
    assert f.data["hold_days"] == 60
    assert f.data["latest_dose_date_meeting_hold"] == day(gap - 60).isoformat()
    assert f.data["next_planned_dose"]["date"] == day(gap + 30).isoformat()
    assert f"{gap} days before" in f.message
    assert ("NOT met" in f.message) is not met
    assert "rebound risk" in f.message


def test_invasive_latest_dose_may_be_a_plan_before_the_procedure():
    case = make(doses=[give(T0), plan(day(28))], procedures=[proc(day(40), "extraction")])
    f = run(rules_dental, case, day(1))["DENT-INVASIVE"]
    assert f.data["latest_dose"] == {"date": day(28).isoformat(), "drug": "denosumab",
                                     "dose_mg": 120, "planned": True}
    assert f.data["gap_days"] == 12 and f.data["hold_met"] is False
    assert f.data["next_planned_dose"] is None


def test_invasive_hold_parameter_and_first_procedure_named():
    case = make(doses=[give(T0)], procedures=[proc(day(50), "extraction"),
                                              proc(day(70), "implant")])
    f = run(rules_dental, case, day(1), params=Params(dental_hold_days=45))["DENT-INVASIVE"]
    assert f.data["procedure"]["date"] == day(50).isoformat()
    assert f.data["hold_met"] is True
    assert len(f.data["procedures"]) == 2


# ---- DENT-ONJ ----------------------------------------------------------------------------

@pytest.mark.parametrize(("age", "fires"), [(0, True), (365, True), (366, False)])
def test_onj_within_365_days(age, fires):
    case = make(events=[event(T0, "onj", region="mandible")])
    found = run(rules_dental, case, day(age))
    assert ("DENT-ONJ" in found) is fires
    if fires:
        f = found["DENT-ONJ"]
        assert f.severity == "critical"
        assert f.data["days_ago"] == age
        assert "mandible" in f.message


def test_onj_in_the_future_is_not_seen():
    assert "DENT-ONJ" not in run(rules_dental, make(events=[event(day(5), "onj")]), T0)
