"""Which BMA is active (§4 (i)–(iii)), courses, and the §5 stopped state."""

from app.domain.bma_state import active_drugs, any_active, drug_state
from app.domain.rules_bma import active_drugs as public_active_drugs

from .bma_cases import T0, day, give, make, plan, stop, view_of


def _state(case, as_of, drug="denosumab"):
    return drug_state(view_of(case, as_of), drug)


def test_last_given_dose_90_days_old_is_active_91_is_not():
    za = make(doses=[give(T0, "zoledronic_acid")])
    assert _state(za, day(90), "zoledronic_acid").active
    assert not _state(za, day(91), "zoledronic_acid").active


def test_a_plan_on_or_after_the_as_of_date_makes_a_drug_active():
    case = make(doses=[plan(day(100), "zoledronic_acid")])
    assert _state(case, day(100), "zoledronic_acid").active  # plan on the as-of date
    assert not _state(case, day(101), "zoledronic_acid").active  # overdue plan only


def test_no_doses_at_all_is_not_active():
    v = view_of(make(), T0)
    assert not any_active(v)
    assert active_drugs(v) == []
    assert public_active_drugs(v) == frozenset()


def test_a_stop_on_or_after_the_last_dose_ends_activity():
    case = make(doses=[give(T0, "zoledronic_acid")], stops=[stop(day(10), "zoledronic_acid")])
    assert not _state(case, day(20), "zoledronic_acid").active
    # a stop on the day of the dose means that dose was the last one
    same_day = make(doses=[give(T0, "zoledronic_acid")], stops=[stop(T0, "zoledronic_acid")])
    assert not _state(same_day, day(5), "zoledronic_acid").active
    # a stop before the last dose does not
    earlier = make(doses=[give(day(-50), "zoledronic_acid"), give(T0, "zoledronic_acid")],
                   stops=[stop(day(-20), "zoledronic_acid")])
    assert _state(earlier, day(5), "zoledronic_acid").active


def test_a_stop_of_another_drug_does_not_stop_this_one():
    case = make(doses=[give(T0, "zoledronic_acid")], stops=[stop(day(10), "denosumab")])
    assert _state(case, day(20), "zoledronic_acid").active


def test_planned_restart_after_a_stop():
    base = [give(T0, "zoledronic_acid")]
    stopped = [stop(day(10), "zoledronic_acid")]
    restart = make(doses=base + [plan(day(40), "zoledronic_acid")], stops=stopped)
    assert _state(restart, day(20), "zoledronic_acid").active
    # a plan on the stop date is not "after" it
    same = make(doses=base + [plan(day(10), "zoledronic_acid")], stops=stopped)
    assert not _state(same, day(9 + 1), "zoledronic_acid").active


def test_denosumab_unrecorded_stop_after_interval_plus_56():
    case = make(doses=[give(T0)])
    st84 = _state(case, day(84))
    assert not st84.stopped and st84.active
    st85 = _state(case, day(85))
    assert st85.stopped and not st85.stop_recorded
    assert not st85.active  # (iii): although the dose is ≤ 90 days old
    # zoledronic acid has no §5 exception: still active at day 85
    assert _state(make(doses=[give(T0, "zoledronic_acid")]), day(85), "zoledronic_acid").active


def test_denosumab_custom_interval_moves_the_unrecorded_stop():
    case = make(doses=[give(T0)], interval={"denosumab": 42})
    assert not _state(case, day(98)).stopped
    assert _state(case, day(99)).stopped


def test_denosumab_stopped_is_active_again_only_with_a_plan_on_or_after_as_of():
    case = make(doses=[give(T0), plan(day(60))], stops=[stop(day(20))])
    st = _state(case, day(50))
    assert st.stopped and st.stop_recorded and st.active  # planned restart ahead
    st = _state(case, day(61))  # the plan is now overdue and was not given
    assert st.stopped and not st.active


def test_denosumab_resumed_by_a_given_dose_after_the_stop():
    case = make(doses=[give(T0), give(day(60))], stops=[stop(day(20))])
    st = _state(case, day(70))
    assert not st.stopped and st.active
    assert st.last_given.date == day(60)
    assert [a.date for a in st.course] == [day(60)]  # a new course since the stop


def test_course_without_stops_is_every_dose():
    case = make(doses=[give(T0), give(day(28)), give(day(56))])
    st = _state(case, day(60))
    assert [a.date for a in st.course] == [T0, day(28), day(56)]
    assert st.interval == 28


def test_doses_given_after_the_as_of_date_are_ignored():
    case = make(doses=[give(T0), give(day(100))])
    st = _state(case, day(50))
    assert st.last_given.date == T0
