"""Independent review of rule book §5: derived.denosumab (stopped, windows, checks due, risk
level, nadir) and the DEN-* rules.

Written from the text of the rule book alone, before reading the engine: each test quotes the
sentence it checks. Dates are day offsets from a fixed day so that every boundary ("within N
days" = 0 ≤ d ≤ N, "> N days", "days a–b" inclusive, "less than 28 days apart") is tested on
both sides. Shared builders: :mod:`tests.domain.review_bma_den_dent_helpers`.
"""

from __future__ import annotations

from typing import Any

import pytest

from .review_bma_den_dent_helpers import (
    NADIR,
    STOP10,
    _den,
    ca,
    case,
    ctx,
    day,
    dose,
    fires,
    lab,
    only,
    run,
)

# ---------------------------------------------------------------- derived.denosumab (§5)


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
