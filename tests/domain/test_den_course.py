"""derived.denosumab (§5/§10): recorded stop, unrecorded stop, resumption, risk, nadir,
checks due."""

from datetime import date

from app.domain.denosumab import denosumab_derived
from app.domain.params import DEFAULTS, Params

from .bma_cases import T0, day, event, give, lab, make, plan, stop, view_of

KEYS = ["last_dose", "stopped", "stop_recorded", "peak_window", "window_end", "risk_level",
        "nadir_ng_ml", "checks_due"]


def _derived(case, as_of, params=DEFAULTS):
    return denosumab_derived(view_of(case, as_of, params))


def test_null_without_a_given_dose_even_with_plans():
    assert _derived(make(), T0) is None
    assert _derived(make(doses=[plan(day(5))]), T0) is None
    assert _derived(make(doses=[give(day(5))]), T0) is None  # given after the as-of date


def test_recorded_stop():
    d = _derived(make(doses=[give(T0)], stops=[stop(day(10))]), day(20))
    assert list(d) == KEYS
    assert d == {
        "last_dose": "2026-03-01", "stopped": True, "stop_recorded": True,
        "peak_window": ["2026-04-30", "2026-06-29"],  # days 60 and 120
        "window_end": "2027-03-31",  # day 395
        "risk_level": "elevated", "nadir_ng_ml": None,
        "checks_due": ["2026-05-30", "2026-08-28", "2026-11-26", "2027-03-01"],
    }


def test_not_stopped_has_null_windows():
    d = _derived(make(doses=[give(T0)]), day(84))
    assert d["stopped"] is False and d["stop_recorded"] is False
    assert d["peak_window"] is None and d["window_end"] is None and d["checks_due"] is None
    assert d["risk_level"] == "elevated"


def test_unrecorded_stop_after_interval_plus_56():
    assert _derived(make(doses=[give(T0)]), day(84))["stopped"] is False
    d = _derived(make(doses=[give(T0)]), day(85))
    assert d["stopped"] is True and d["stop_recorded"] is False
    assert d["peak_window"] == ["2026-04-30", "2026-06-29"]
    custom = make(doses=[give(T0)], interval={"denosumab": 35})
    assert _derived(custom, day(91))["stopped"] is False
    assert _derived(custom, day(92))["stopped"] is True


def test_resumption_moves_day_zero_to_the_new_dose():
    case = make(doses=[give(T0), give(day(100))], stops=[stop(day(20))])
    before = _derived(case, day(99))
    assert before["stopped"] is True and before["last_dose"] == "2026-03-01"
    after = _derived(case, day(110))
    assert after["stopped"] is False and after["last_dose"] == "2026-06-09"


def test_stop_before_the_last_dose_does_not_count():
    case = make(doses=[give(T0), give(day(28))], stops=[stop(day(10))])
    assert _derived(case, day(40))["stopped"] is False


def test_checks_due_keeps_past_checks_without_a_ctx_within_14_days():
    # schedule: day 90 = 2026-05-30, 180 = 2026-08-28, ...
    labs = [lab(day(104), "CTX", 0.3), lab(day(166), "CTX", 0.3)]
    d = _derived(make(doses=[give(T0)], stops=[stop(T0)], labs=labs), day(200))
    assert d["checks_due"] == ["2026-11-26", "2027-03-01"]  # 90: CTX +14; 180: CTX −14
    labs = [lab(day(105), "CTX", 0.3), lab(day(165), "CTX", 0.3)]
    d = _derived(make(doses=[give(T0)], stops=[stop(T0)], labs=labs), day(200))
    assert d["checks_due"] == ["2026-05-30", "2026-08-28", "2026-11-26", "2027-03-01"]  # ±15


def test_checks_due_schedule_parameter():
    p = Params(rebound_checks_days=(30, 60))
    d = _derived(make(doses=[give(T0)], stops=[stop(T0)]), day(1), p)
    assert d["checks_due"] == ["2026-03-31", "2026-04-30"]


def test_risk_high_by_vertebral_fracture():
    frac = [event(day(-300), "fracture", vertebral=True)]
    assert _derived(make(doses=[give(T0)], events=frac), day(5))["risk_level"] == "high"
    path = [event(day(-300), "pathological_fracture", vertebral=True)]
    assert _derived(make(doses=[give(T0)], events=path), day(5))["risk_level"] == "high"
    femur = [event(day(-300), "fracture", vertebral=False)]
    assert _derived(make(doses=[give(T0)], events=femur), day(5))["risk_level"] == "elevated"
    later = [event(day(10), "fracture", vertebral=True)]  # after the as-of date: not seen
    assert _derived(make(doses=[give(T0)], events=later), day(5))["risk_level"] == "elevated"


def test_risk_high_by_osteoporosis():
    assert _derived(make(doses=[give(T0)], osteoporosis=True), day(5))["risk_level"] == "high"
    assert _derived(make(doses=[give(T0)], osteoporosis=False), day(5))["risk_level"] == (
        "elevated")


def test_risk_high_by_24_months_exposure():
    first = date(2024, 3, 1)
    at = make(doses=[give(first), give(date(2026, 3, 1))])
    assert _derived(at, date(2026, 3, 5))["risk_level"] == "high"
    short = make(doses=[give(first), give(date(2026, 2, 28))])
    assert _derived(short, date(2026, 3, 5))["risk_level"] == "elevated"


def test_nadir_window_day_after_first_dose_to_day_28_after_last():
    labs = [
        lab(T0, "CTX", 0.01),  # on the first-dose day: excluded
        lab(day(1), "CTX", 0.20),  # the day after: included
        lab(day(28 + 28), "CTX", 0.15),  # day 28 after the last dose: included
        lab(day(28 + 29), "CTX", 0.02),  # day 29: excluded
    ]
    case = make(doses=[give(T0), give(day(28))], stops=[stop(day(28))], labs=labs)
    assert _derived(case, day(100))["nadir_ng_ml"] == 0.15


def test_nadir_converts_pg_ml_and_rounds_to_0_001():
    labs = [lab(day(10), "CTX", 123.4567, "pg/mL")]
    assert _derived(make(doses=[give(T0)], labs=labs), day(20))["nadir_ng_ml"] == 0.123
