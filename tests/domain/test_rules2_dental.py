"""rules/2 §6: DENT-INVASIVE's ``earliest_date_meeting_hold`` (the later of the as-of date and
the last given BMA dose + ``dental_hold_days``, when later than the procedure date, else null)
and ``planned_doses_in_hold`` (planned doses dated after procedure − hold and on/before the
procedure; overdue plans included)."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from app.domain import rules_dental
from app.domain.params import DEFAULTS, Params

from .bma_cases import T0, day, give, make, plan, proc, run


def invasive(case, as_of, params=DEFAULTS):
    return run(rules_dental, case, as_of, params)["DENT-INVASIVE"]


# ---- earliest_date_meeting_hold ------------------------------------------------------------


@pytest.mark.parametrize(("gap", "earliest"), [(59, 60), (60, None), (61, None)])
def test_earliest_date_at_the_60_day_edge(gap, earliest):
    """A future procedure ``gap`` days after the last given dose (as-of: day 1)."""
    case = make(doses=[give(T0)], procedures=[proc(day(gap), "extraction")])
    f = invasive(case, day(1))
    want = None if earliest is None else day(earliest).isoformat()
    assert f.data["earliest_date_meeting_hold"] == want
    if earliest is None:
        assert "move the procedure" not in f.message
    else:
        assert f"move the procedure to {want} or later" in f.message


def test_earliest_date_follows_dental_hold_days():
    case = make(doses=[give(T0)], procedures=[proc(day(29), "extraction")])
    f = invasive(case, day(1), Params(dental_hold_days=30))
    assert f.data["earliest_date_meeting_hold"] == day(30).isoformat()
    f = invasive(make(doses=[give(T0)], procedures=[proc(day(30), "extraction")]), day(1),
                 Params(dental_hold_days=30))
    assert f.data["earliest_date_meeting_hold"] is None


def test_earliest_date_is_never_before_the_as_of_date():
    # procedure passed (overdue plan) although its gap met the hold: the as-of date
    case = make(doses=[give(T0)], procedures=[proc(day(70), "implant")])
    f = invasive(case, day(100))
    assert f.data["hold_met"] is True
    assert f.data["earliest_date_meeting_hold"] == day(100).isoformat()
    # procedure passed, hold not yet over on the as-of date: last dose + hold
    case = make(doses=[give(T0)], procedures=[proc(day(20), "implant")])
    f = invasive(case, day(40))
    assert f.data["earliest_date_meeting_hold"] == day(60).isoformat()
    # the as-of date is the procedure date, hold met: null (not later than the procedure)
    case = make(doses=[give(T0)], procedures=[proc(day(60), "implant")])
    assert invasive(case, day(60)).data["earliest_date_meeting_hold"] is None


def test_earliest_date_uses_the_last_given_dose_of_any_drug_not_plans():
    case = make(doses=[give(T0, "zoledronic_acid"), give(day(10)), plan(day(20))],
                procedures=[proc(day(50), "periodontal_surgery")])
    f = invasive(case, day(12))
    assert f.data["earliest_date_meeting_hold"] == day(70).isoformat()  # day 10 + 60


def test_earliest_date_randomised_is_actionable():
    """Property: never before the as-of date, always after the procedure, ≥ last dose + hold."""
    rnd = random.Random(21)
    for _ in range(300):
        last = rnd.randint(-200, 0)
        proc_day = rnd.randint(last, 120)
        as_of = rnd.randint(last, 150)
        case = make(doses=[give(day(last), "zoledronic_acid")],
                    procedures=[proc(day(proc_day), "extraction")])
        got = invasive(case, day(as_of)).data["earliest_date_meeting_hold"]
        expect = max(day(as_of), day(last + 60))
        if expect > day(proc_day):
            assert got == expect.isoformat()
        else:
            assert got is None


# ---- planned_doses_in_hold -----------------------------------------------------------------


@pytest.mark.parametrize(("before", "inside"), [(61, False), (60, False), (59, True), (0, True),
                                                (-1, False)])
def test_planned_dose_in_hold_edges(before, inside):
    """A plan ``before`` days before the procedure (day 100); a dose exactly 60 days before
    meets the hold; one on the procedure day is inside; one after it is not."""
    case = make(doses=[give(T0, "zoledronic_acid"), plan(day(100 - before), "zoledronic_acid")],
                procedures=[proc(day(100), "extraction")])
    f = invasive(case, day(1))
    expect = [{"drug": "zoledronic_acid", "date": day(100 - before).isoformat()}]
    assert f.data["planned_doses_in_hold"] == (expect if inside else [])
    assert ("skip or postpone the planned dose(s)" in f.message) is inside


def test_planned_doses_in_hold_include_overdue_plans_and_every_drug():
    case = make(doses=[give(T0, "zoledronic_acid"), plan(day(50), "zoledronic_acid"),
                       plan(day(80), "denosumab"), plan(day(130), "zoledronic_acid")],
                procedures=[proc(day(100), "extraction")])
    f = invasive(case, day(60))  # the day-50 plan is overdue
    assert f.data["planned_doses_in_hold"] == [
        {"drug": "zoledronic_acid", "date": day(50).isoformat()},
        {"drug": "denosumab", "date": day(80).isoformat()},
    ]
    assert "zoledronic acid " + day(50).isoformat() in f.message
    assert f.data["next_planned_dose"]["date"] == day(130).isoformat()


def test_both_actions_in_one_sentence_and_in_chinese():
    case = make(doses=[give(T0), plan(day(28))], procedures=[proc(day(40), "extraction")])
    f = invasive(case, day(1))
    assert f.data["earliest_date_meeting_hold"] == day(60).isoformat()
    assert f.data["planned_doses_in_hold"] == [{"drug": "denosumab",
                                                "date": day(28).isoformat()}]
    assert (f"To keep the hold: skip or postpone the planned dose(s) in the hold (denosumab "
            f"{day(28).isoformat()}) and move the procedure to {day(60).isoformat()} or later."
            ) in f.message
    assert "暂停或推迟停药期内的计划给药" in f.message_zh
    assert f"将手术改至 {day(60).isoformat()} 或之后" in f.message_zh
    assert "plan the restart together with the hold" in f.message


def test_nothing_to_change_no_action_sentence():
    case = make(doses=[give(T0)], procedures=[proc(day(90), "extraction")])
    f = invasive(case, day(1))
    assert f.data["earliest_date_meeting_hold"] is None
    assert f.data["planned_doses_in_hold"] == []
    assert "To keep the hold" not in f.message and "为满足停药要求" not in f.message_zh


def test_the_first_procedure_concerned_is_the_one_planned():
    case = make(doses=[give(T0)], procedures=[proc(day(30), "extraction"),
                                              proc(day(200), "implant")])
    f = invasive(case, day(1))
    assert f.data["procedure"]["date"] == day(30).isoformat()
    assert f.data["earliest_date_meeting_hold"] == (T0 + timedelta(days=60)).isoformat()
