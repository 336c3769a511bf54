"""rules/2 §5: the running course, the "acted on" exemption of DEN-REBOUND-CTX / -CALCIUM /
-FRACTURE, DEN-REBOUND-CTX's running-bisphosphonate variant and DEN-STOP-WINDOW after a
switch (``switched_to``).

The base case: denosumab given 2026-01-05, 02-02 and 03-02 (day 0), stopped 2026-03-20; CTX
nadir 0.10 ng/mL on 2026-02-20; on 2026-07-01 (day 121) a CTX of 0.50 ng/mL (≥ 1.3 × nadir), a
calcium of 2.80 mmol/L (> ULN 2.60) and a vertebral fracture. As of 2026-11-21.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain.bma_state import rebound_acted_on, running_course_dose
from app.domain.context import CaseView

from .helpers import case_of
from .rules_helpers import fired, lab

AS_OF = date(2026, 11, 21)
RESULT_DAY = date(2026, 7, 1)  # the date of the rebound CTX, calcium and fracture
REBOUND_RULES = ("DEN-REBOUND-CTX", "DEN-REBOUND-CALCIUM", "DEN-REBOUND-FRACTURE")
DEN = [{"date": d, "drug": "denosumab", "dose_mg": 120}
       for d in ("2026-01-05", "2026-02-02", "2026-03-02")]


def iso(d: date) -> str:
    return d.isoformat()


def before(days: int) -> str:
    """The date ``days`` days before the rebound results."""
    return iso(RESULT_DAY - timedelta(days=days))


def za(d: str, planned: bool = False, drug: str = "zoledronic_acid") -> dict:
    dose = {"zoledronic_acid": 4, "incadronate": 10, "pamidronate": 90}[drug]
    return {"date": d, "drug": drug, "dose_mg": dose, "planned": planned}


def sections(doses=(), stops=(), results=True) -> dict:
    labs = [lab("2026-02-20", "CTX", 0.10, "ng/mL")]
    events = []
    if results:
        labs += [lab(iso(RESULT_DAY), "CTX", 0.50, "ng/mL"),
                 lab(iso(RESULT_DAY), "CA", 2.80, "mmol/L"),
                 lab(iso(RESULT_DAY), "ALB", 40, "g/L")]
        events = [{"date": iso(RESULT_DAY), "kind": "fracture", "vertebral": True,
                   "region": "T12"}]
    return {
        "patient": {"mrn": "T-1", "sex": "female", "birth_date": "1955-01-01",
                    "weight_kg": 60},
        "labs": labs,
        "events": events,
        "bma": {"administrations": DEN + list(doses),
                "stops": [{"drug": "denosumab", "date": "2026-03-20"}] + list(stops)},
    }


def rebound(rule: str, **kw) -> list:
    return fired(rule, AS_OF, **sections(**kw))


def view_of(**kw) -> CaseView:
    return CaseView(case_of(**sections(**kw)), AS_OF)


# ---------------------------------------------------------------- the running course


@pytest.mark.parametrize("days,running", [(1, True), (90, True), (91, False)])
def test_running_course_last_dose_90_vs_91_days_before(days, running):
    v = view_of(doses=[za(before(days))])
    got = running_course_dose(v, "zoledronic_acid", RESULT_DAY)
    assert (got is not None) is running
    if running:
        assert got.date == RESULT_DAY - timedelta(days=days)


def test_running_course_needs_a_dose_given_before_the_date():
    v = view_of(doses=[za(iso(RESULT_DAY))])  # a dose on the date itself: not "before"
    assert running_course_dose(v, "zoledronic_acid", RESULT_DAY) is None
    v = view_of(doses=[za(before(10), planned=True)])  # a plan is not a given dose
    assert running_course_dose(v, "zoledronic_acid", RESULT_DAY) is None


@pytest.mark.parametrize("stop,running", [
    (before(30), True),   # a stop before the last dose: that course ended, this one runs
    (before(20), False),  # a stop on the dose day: that dose was the last one
    (before(5), False),   # a stop between the dose and the date
    (iso(RESULT_DAY), False),  # a stop on the date itself ("up to and including")
    (iso(RESULT_DAY + timedelta(days=1)), True),  # a stop after the date
])
def test_running_course_and_stops(stop, running):
    v = view_of(doses=[za(before(40)), za(before(20))],
                stops=[{"drug": "zoledronic_acid", "date": stop}])
    assert (running_course_dose(v, "zoledronic_acid", RESULT_DAY) is not None) is running


def test_running_course_is_per_drug():
    v = view_of(doses=[za(before(20), drug="incadronate")])
    assert running_course_dose(v, "zoledronic_acid", RESULT_DAY) is None
    assert running_course_dose(v, "incadronate", RESULT_DAY).drug == "incadronate"


# ---------------------------------------------------------------- acted on


@pytest.mark.parametrize("rule", REBOUND_RULES)
def test_no_bisphosphonate_the_rebound_rules_fire(rule):
    assert len(rebound(rule)) == 1


@pytest.mark.parametrize("rule", REBOUND_RULES)
def test_a_new_course_after_the_result_acts_on_it(rule):
    assert rebound(rule, doses=[za("2026-07-15")]) == []


@pytest.mark.parametrize("rule", REBOUND_RULES)
def test_a_routine_dose_of_a_running_course_does_not_silence(rule):
    # course running on the result's date (last dose 20 days before); routine dose after it
    assert len(rebound(rule, doses=[za(before(20)), za("2026-07-15")])) == 1


@pytest.mark.parametrize("rule", REBOUND_RULES)
@pytest.mark.parametrize("days,fires", [(90, True), (91, False)])
def test_acted_on_edge_last_dose_90_vs_91_days_before(rule, days, fires):
    got = rebound(rule, doses=[za(before(days)), za("2026-07-15")])
    assert (len(got) == 1) is fires


@pytest.mark.parametrize("rule", REBOUND_RULES)
def test_a_restart_after_a_stop_acts_on_it(rule):
    # stop on the day of the last dose of the earlier course: no course runs on the date
    doses = [za(before(20)), za("2026-07-15")]
    stops = [{"drug": "zoledronic_acid", "date": before(20)}]
    assert rebound(rule, doses=doses, stops=stops) == []


@pytest.mark.parametrize("rule", REBOUND_RULES)
def test_a_stop_after_the_result_does_not_make_a_later_dose_act(rule):
    # the course was running on the result's date: by the book's definition ("no course of
    # that bisphosphonate was running on that date") later doses do not count
    doses = [za(before(20)), za("2026-07-20")]
    stops = [{"drug": "zoledronic_acid", "date": "2026-07-05"}]
    assert len(rebound(rule, doses=doses, stops=stops)) == 1


@pytest.mark.parametrize("rule", REBOUND_RULES)
def test_a_new_course_of_another_bisphosphonate_acts_on_it(rule):
    doses = [za(before(20)), za("2026-07-15", drug="pamidronate")]
    assert rebound(rule, doses=doses) == []


@pytest.mark.parametrize("rule", REBOUND_RULES)
def test_a_planned_dose_does_not_act_on_it(rule):
    assert len(rebound(rule, doses=[za("2026-07-15", planned=True)])) == 1


def test_rebound_acted_on_returns_the_acting_dose():
    v = view_of(doses=[za(before(20)), za("2026-07-15"), za("2026-07-16", drug="pamidronate")])
    got = rebound_acted_on(v, RESULT_DAY)
    assert (got.drug, iso(got.date)) == ("pamidronate", "2026-07-16")
    assert rebound_acted_on(v, date(2026, 7, 17)) is None  # nothing given on/after it


# ---------------------------------------------------------------- DEN-REBOUND-CTX variant


def test_rebound_ctx_without_bisphosphonate_keeps_the_general_advice():
    [f] = rebound("DEN-REBOUND-CTX")
    d = f.data
    assert (d["on_bisphosphonate"], d["bisphosphonate"], d["bisphosphonate_last_dose"]) == (
        False, None, None)
    assert (d["ctx_ng_ml"], d["date"], d["day"], d["uln_ng_ml"]) == (0.5, "2026-07-01", 121,
                                                                      0.7)
    assert (d["nadir_ng_ml"], d["nadir_date"]) == (0.1, "2026-02-20")
    assert "Resume antiresorptive therapy promptly" in f.message
    assert "not controlled by the bisphosphonate" not in f.message


def test_rebound_ctx_running_bisphosphonate_variant():
    [f] = rebound("DEN-REBOUND-CTX", doses=[za(before(20)), za("2026-07-15")])
    d = f.data
    assert d["on_bisphosphonate"] is True
    assert d["bisphosphonate"] == "zoledronic_acid"
    assert d["bisphosphonate_last_dose"] == before(20)  # the last dose before the CTX
    assert ("the rebound is not controlled by the bisphosphonate: consider resuming "
            "denosumab in its place") in f.message
    assert "BMA-CONCURRENT" in f.message and "MDT decision" in f.message
    assert "Resume antiresorptive therapy promptly" not in f.message
    assert "双膦酸盐未能控制反跳" in f.message_zh and "地舒单抗替代" in f.message_zh


def test_rebound_ctx_variant_needs_the_course_running_on_the_ctx_date():
    # the course ended 91 days before the CTX: no variant (and nothing given after it)
    [f] = rebound("DEN-REBOUND-CTX", doses=[za(before(91))])
    assert f.data["on_bisphosphonate"] is False
    [f] = rebound("DEN-REBOUND-CTX", doses=[za(before(90))])
    assert f.data["on_bisphosphonate"] is True


def test_rebound_ctx_variant_names_the_bisphosphonate_with_the_latest_dose():
    doses = [za(before(30), drug="incadronate"), za(before(10)),
             za(before(50), drug="pamidronate")]
    [f] = rebound("DEN-REBOUND-CTX", doses=doses)
    assert (f.data["bisphosphonate"], f.data["bisphosphonate_last_dose"]) == (
        "zoledronic_acid", before(10))


# ---------------------------------------------------------------- DEN-STOP-WINDOW switch


def test_stop_window_without_a_switch():
    [f] = rebound("DEN-STOP-WINDOW", results=False)
    assert f.data["switched_to"] is None
    assert "Do not stop denosumab casually." in f.message
    assert "切勿随意停用地舒单抗" in f.message_zh
    assert "switched to" not in f.message


@pytest.mark.parametrize("planned", [False, True])
def test_stop_window_after_a_switch(planned):
    doses = [za("2026-06-01", planned=planned, drug="incadronate"),
             za("2026-07-01", planned=planned)]
    [f] = rebound("DEN-STOP-WINDOW", doses=doses, results=False)
    assert f.data["switched_to"] == {"drug": "incadronate", "date": "2026-06-01",
                                     "planned": planned}
    assert "switched to incadronate (2026-06-01): the rebound checks still apply" in f.message
    assert "do not stop denosumab casually" not in f.message.lower()
    assert "切勿随意停用地舒单抗" not in f.message_zh and "英卡膦酸" in f.message_zh
    # the window, the risk level and the checks still show
    for key in ("peak_window", "window_end", "checks_due", "risk_level"):
        assert f.data[key]
    assert "checks due: " in f.message and "risk elevated" in f.message


def test_stop_window_switch_is_a_dose_after_the_last_denosumab_dose():
    # on the day of the last denosumab dose, or before it: not a switch
    for d in ("2026-03-02", "2026-02-20"):
        [f] = rebound("DEN-STOP-WINDOW", doses=[za(d)], results=False)
        assert f.data["switched_to"] is None, d
    [f] = rebound("DEN-STOP-WINDOW", doses=[za("2026-03-03")], results=False)
    assert f.data["switched_to"]["date"] == "2026-03-03"


def test_stop_window_switch_given_before_a_plan_on_the_same_day():
    doses = [za("2026-06-01", planned=True), za("2026-06-01", drug="incadronate")]
    [f] = rebound("DEN-STOP-WINDOW", doses=doses, results=False)
    assert f.data["switched_to"] == {"drug": "incadronate", "date": "2026-06-01",
                                     "planned": False}
