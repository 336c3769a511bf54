"""DEN-STOP-WINDOW, -MONITOR-DUE, -REBOUND-CTX, -REBOUND-CALCIUM, -REBOUND-FRACTURE."""

import pytest

from app.domain import rules_den
from app.domain.params import Params

from .bma_cases import T0, day, event, give, lab, make, missing, run, stop

STOPPED = {"doses": [give(day(-28)), give(T0)], "stops": [stop(day(10), reason="dental")]}


def _den(as_of, *, labs=(), events=(), doses=None, **kw):
    case = make(doses=doses or STOPPED["doses"], stops=kw.pop("stops", STOPPED["stops"]),
                labs=labs, events=events, **kw)
    return run(rules_den, case, day(as_of))


# ---- DEN-STOP-WINDOW ---------------------------------------------------------------------

@pytest.mark.parametrize(("k", "fires"), [(10, True), (395, True), (396, False)])
def test_stop_window_days_0_to_395(k, fires):
    found = _den(k)
    assert ("DEN-STOP-WINDOW" in found) is fires
    if fires:
        f = found["DEN-STOP-WINDOW"]
        assert f.severity == "warning"
        assert f.data["stop_date"] == day(10).isoformat()
        assert f.data["day"] == k
        assert f.data["peak_window"] == [day(60).isoformat(), day(120).isoformat()]
        assert f.data["window_end"] == day(395).isoformat()
        assert f.data["risk_level"] == "elevated"
        assert f"day {k} of 0–395" in f.message and f"第{k}天" in f.message_zh


def test_stop_window_silent_when_not_stopped_and_fires_on_unrecorded_stop():
    assert "DEN-STOP-WINDOW" not in _den(84, stops=[])
    f = _den(85, stops=[])["DEN-STOP-WINDOW"]
    assert f.data["stop_recorded"] is False and f.data["stop_date"] is None
    assert "unrecorded stop" in f.message


def test_stop_window_silent_after_resumption():
    doses = [give(T0), give(day(50))]
    assert "DEN-STOP-WINDOW" not in _den(60, doses=doses)


def test_den_rules_silent_without_denosumab():
    assert run(rules_den, make(doses=[give(T0, "zoledronic_acid")]), day(100)) == {}


# ---- DEN-MONITOR-DUE ---------------------------------------------------------------------

@pytest.mark.parametrize(("k", "fires"), [(60, False), (61, True), (395, True), (396, False)])
def test_monitor_due_days_61_to_395(k, fires):
    assert ("DEN-MONITOR-DUE" in _den(k)) is fires


def test_monitor_due_silenced_by_a_ctx_after_day_28_within_90_days():
    assert "DEN-MONITOR-DUE" not in _den(150, labs=[lab(day(60), "CTX", 0.2)])  # 90 days ago
    f = _den(151, labs=[lab(day(60), "CTX", 0.2)])["DEN-MONITOR-DUE"]  # 91 days ago
    assert f.data["last_ctx"]["date"] == day(60).isoformat()
    # a CTX on day 28 does not count
    assert "DEN-MONITOR-DUE" in _den(70, labs=[lab(day(28), "CTX", 0.2)])
    assert "DEN-MONITOR-DUE" not in _den(70, labs=[lab(day(29), "CTX", 0.2)])


# ---- DEN-REBOUND-CTX ---------------------------------------------------------------------

NADIR = lab(day(20), "CTX", 0.10)  # within day 28 after the last dose


@pytest.mark.parametrize(("ctx_day", "fires"), [(28, False), (29, True), (395, True),
                                                (396, False)])
def test_rebound_ctx_days_29_to_395(ctx_day, fires):
    found = _den(400, labs=[NADIR, lab(day(ctx_day), "CTX", 0.9)])
    assert ("DEN-REBOUND-CTX" in found) is fires


@pytest.mark.parametrize(("value", "fires"), [(0.129, False), (0.13, True)])
def test_rebound_ctx_nadir_threshold_1_3(value, fires):
    found = _den(100, labs=[NADIR, lab(day(90), "CTX", value)])
    assert ("DEN-REBOUND-CTX" in found) is fires
    if fires:
        f = found["DEN-REBOUND-CTX"]
        assert f.severity == "critical"
        assert f.data["ctx"]["value"] == 0.13 and f.data["nadir"]["value"] == 0.1
        assert f.data["above_nadir_threshold"] is True and f.data["above_uln"] is False
        assert "day 90" in f.message and "nadir 0.1" in f.message


def test_rebound_ctx_uln_branch_without_nadir_and_lab_range_wins():
    assert "DEN-REBOUND-CTX" not in _den(100, labs=[lab(day(90), "CTX", 0.70)])
    f = _den(100, labs=[lab(day(90), "CTX", 0.71)])["DEN-REBOUND-CTX"]
    assert f.data["above_uln"] is True and f.data["nadir"] is None
    # the sample's own range (pg/mL) is converted
    own = [lab(day(90), "CTX", 600, "pg/mL", ref_high=573)]
    assert _den(100, labs=own)["DEN-REBOUND-CTX"].data["uln_ng_ml"] == 0.573


def test_rebound_ctx_parameter_lsc():
    labs = [NADIR, lab(day(90), "CTX", 0.14)]
    case = make(doses=STOPPED["doses"], stops=STOPPED["stops"], labs=labs)
    assert "DEN-REBOUND-CTX" in run(rules_den, case, day(100))
    assert "DEN-REBOUND-CTX" not in run(rules_den, case, day(100), params=Params(lsc_ctx=0.5))


def test_rebound_ctx_shows_the_latest_such_ctx():
    labs = [NADIR, lab(day(60), "CTX", 0.5), lab(day(90), "CTX", 0.8), lab(day(95), "CTX", 0.11)]
    f = _den(100, labs=labs)["DEN-REBOUND-CTX"]
    assert f.data["ctx"]["date"] == day(90).isoformat()
    assert [s["date"] for s in f.data["samples"]] == [day(60).isoformat(), day(90).isoformat()]


def test_rebound_ctx_silenced_by_a_bisphosphonate_on_or_after_it():
    labs = [NADIR, lab(day(90), "CTX", 0.8)]
    doses = STOPPED["doses"] + [give(day(90), "zoledronic_acid")]
    assert "DEN-REBOUND-CTX" not in _den(100, labs=labs, doses=doses)
    before = STOPPED["doses"] + [give(day(89), "zoledronic_acid")]
    assert "DEN-REBOUND-CTX" in _den(100, labs=labs, doses=before)


def test_rebound_missing_inputs_when_no_sample_after_day_28():
    case = make(doses=STOPPED["doses"], stops=STOPPED["stops"], labs=[NADIR])
    m = missing(rules_den, case, day(40))
    assert m == {"labs.CTX": ["DEN-REBOUND-CTX"], "labs.CA": ["DEN-REBOUND-CALCIUM"]}
    assert missing(rules_den, case, day(28)) == {}


# ---- DEN-REBOUND-CALCIUM -----------------------------------------------------------------

@pytest.mark.parametrize(("ca_day", "value", "fires"), [
    (28, 2.8, False), (29, 2.8, True), (395, 2.8, True), (396, 2.8, False),
    (60, 2.60, False), (60, 2.61, True),
])
def test_rebound_calcium(ca_day, value, fires):
    found = _den(400, labs=[lab(day(ca_day), "CA", value)])
    assert ("DEN-REBOUND-CALCIUM" in found) is fires
    if fires:
        f = found["DEN-REBOUND-CALCIUM"]
        assert f.severity == "critical" and f.data["day"] == ca_day
        assert f"{value:.2f}" in f.message


def test_rebound_calcium_corrected_and_silenced_by_bisphosphonate():
    labs = [lab(day(60), "CA", 2.55), lab(day(60), "ALB", 35)]  # 2.65 corrected
    assert "DEN-REBOUND-CALCIUM" in _den(100, labs=labs)
    doses = STOPPED["doses"] + [give(day(70), "pamidronate")]
    assert "DEN-REBOUND-CALCIUM" not in _den(100, labs=labs, doses=doses)


# ---- DEN-REBOUND-FRACTURE ----------------------------------------------------------------

def _frac(k, vertebral=True, kind="fracture"):
    return event(day(k), kind, vertebral=vertebral, region="T12")


@pytest.mark.parametrize(("k", "fires"), [(10, False), (11, True), (395, True), (396, False)])
def test_rebound_fracture_after_the_recorded_stop_when_earlier_than_day_28(k, fires):
    found = _den(400, events=[_frac(k)])  # stop on day 10
    assert ("DEN-REBOUND-FRACTURE" in found) is fires
    if fires:
        f = found["DEN-REBOUND-FRACTURE"]
        assert f.data["fracture"]["date"] == day(k).isoformat()
        assert f.data["after"] == day(10).isoformat()
        assert "T12" in f.message


@pytest.mark.parametrize(("k", "fires"), [(28, False), (29, True)])
def test_rebound_fracture_after_day_28_when_the_stop_is_later(k, fires):
    found = _den(100, events=[_frac(k)], stops=[stop(day(50))])
    assert ("DEN-REBOUND-FRACTURE" in found) is fires


def test_rebound_fracture_needs_vertebral_and_no_bisphosphonate_after():
    assert "DEN-REBOUND-FRACTURE" not in _den(100, events=[_frac(40, vertebral=False)])
    assert "DEN-REBOUND-FRACTURE" in _den(100, events=[_frac(40, kind="pathological_fracture")])
    doses = STOPPED["doses"] + [give(day(45), "zoledronic_acid")]
    assert "DEN-REBOUND-FRACTURE" not in _den(100, events=[_frac(40)], doses=doses)
