"""Trend plot data (app.domain.trends): series, conversions, bands, LSC bands, windows,
markers, as-of and range filtering."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.domain.case import Administration, Bma, Case, Event, Lab, Patient, Stop
from app.domain.dates import add_months
from app.domain.params import DEFAULTS
from app.domain.trends import build_trend_data, range_start
from app.domain.trends_sample import long_history_case, stopped_denosumab_case

AS_OF = date(2026, 11, 21)


def case_with(labs=(), doses=(), stops=(), events=(), **patient) -> Case:
    return Case(
        patient=Patient(mrn="T-TR", **patient),
        labs=list(labs),
        bma=Bma(administrations=list(doses), interval_days={"denosumab": 28},
                stops=list(stops)),
        events=list(events),
    )


def monthly_denosumab(first: date, n: int) -> list[Administration]:
    return [Administration(first + timedelta(days=28 * i), "denosumab", 120) for i in range(n)]


# ---- series and conversions -----------------------------------------------------------------
def test_pg_ml_ctx_is_plotted_in_ng_ml_and_keeps_the_report():
    case = case_with(labs=[
        Lab(date(2026, 1, 5), "CTX", 812, "pg/mL", ref_low=136, ref_high=689, fasting=True),
        Lab(date(2026, 2, 5), "CTX", 0.09, "ng/mL", fasting=False),
        Lab(date(2026, 3, 5), "CTX", 450, "ng/L"),
    ])
    pts = build_trend_data(case, AS_OF).series["CTX"].points
    assert [p.value for p in pts] == pytest.approx([0.812, 0.09, 0.45])
    assert [(p.reported_value, p.reported_unit) for p in pts] == [
        (812, "pg/mL"), (0.09, "ng/mL"), (450, "ng/L")]
    assert [p.converted for p in pts] == [True, False, True]
    assert (pts[0].ref_low, pts[0].ref_high) == pytest.approx((0.136, 0.689))
    assert [p.fasting for p in pts] == [True, False, None]
    assert build_trend_data(case, AS_OF).series["CTX"].unit == "ng/mL"


def test_flags_use_the_results_own_range_before_the_default():
    case = case_with(labs=[
        Lab(date(2026, 1, 5), "ALP", 130, "U/L", ref_low=40, ref_high=150),  # in own range
        Lab(date(2026, 2, 5), "ALP", 130, "U/L"),  # > default ULN 125
        Lab(date(2026, 3, 5), "ALP", 30, "IU/L", ref_low=40, ref_high=150),
        Lab(date(2026, 4, 5), "CTX", 800, "pg/mL", ref_low=136, ref_high=689),
        Lab(date(2026, 5, 5), "CTX", 0.69, "ng/mL"),  # default ULN 0.70
    ])
    s = build_trend_data(case, AS_OF).series
    assert [p.flag for p in s["ALP"].points] == [None, "H", "L"]
    assert [p.flag for p in s["CTX"].points] == ["H", None]
    params = replace(DEFAULTS, ctx_uln_ng_ml=0.5)
    assert [p.flag for p in build_trend_data(case, AS_OF, params).series["CTX"].points] == [
        "H", "H"]


def test_corrected_calcium_and_creatinine_series():
    case = case_with(labs=[
        Lab(date(2026, 3, 1), "CA", 2.31, "mmol/L"),
        Lab(date(2026, 3, 2), "ALB", 30, "g/L"),
        Lab(date(2026, 5, 1), "CA", 10.8, "mg/dL"),  # no albumin within 7 days
        Lab(date(2026, 3, 1), "CREA", 1.0, "mg/dL"),
    ])
    data = build_trend_data(case, AS_OF)
    ca = data.series["CA"].points
    assert ca[0].value == pytest.approx(2.31 + 0.02 * 10)
    assert ca[0].reported_value == 2.31 and ca[0].corrected is True and ca[0].albumin == 30
    assert ca[1].value == pytest.approx(10.8 * 0.2495) and ca[1].corrected is False
    assert ca[1].flag == "H"  # 2.69 > 2.60
    assert data.series["CREA"].points[0].value == pytest.approx(88.4)
    assert list(build_trend_data(case, AS_OF, extra=()).series) == ["ALP", "CTX"]
    with pytest.raises(ValueError, match="extra"):
        build_trend_data(case, AS_OF, extra=("GGT",))


# ---- bands --------------------------------------------------------------------------------
def test_reference_band_steps_where_the_range_changes():
    case = case_with(labs=[
        Lab(date(2026, 1, 5), "CTX", 300, "pg/mL", ref_low=136, ref_high=689),
        Lab(date(2026, 2, 5), "CTX", 250, "pg/mL", ref_low=136, ref_high=689),
        Lab(date(2026, 4, 5), "CTX", 0.2, "ng/mL"),  # default range from here
        Lab(date(2026, 6, 5), "CTX", 0.3, "ng/mL", ref_low=0.1, ref_high=0.57),
    ])
    data = build_trend_data(case, date(2026, 7, 1))
    bands = data.series["CTX"].bands
    assert [(b.start, b.end, b.source) for b in bands] == [
        (date(2026, 1, 5), date(2026, 4, 5), "lab"),
        (date(2026, 4, 5), date(2026, 6, 5), "default"),
        (date(2026, 6, 5), date(2026, 7, 1), "lab"),
    ]
    assert (bands[0].low, bands[0].high) == pytest.approx((0.136, 0.689))
    assert (bands[1].low, bands[1].high) == (None, 0.70)
    assert (bands[2].low, bands[2].high) == (0.1, 0.57)


def test_ctx_lsc_band_is_around_the_denosumab_nadir():
    first = date(2026, 1, 10)
    doses = monthly_denosumab(first, 6)
    last = doses[-1].date
    case = case_with(
        labs=[Lab(date(2026, 1, 5), "CTX", 0.02, "ng/mL"),  # before the first dose: not nadir
              Lab(date(2026, 3, 1), "CTX", 0.12, "ng/mL"),
              Lab(last + timedelta(days=20), "CTX", 95, "pg/mL"),  # nadir 0.095
              Lab(last + timedelta(days=40), "CTX", 0.05, "ng/mL")],  # after day 28: not nadir
        doses=doses, stops=[Stop("denosumab", last + timedelta(days=10))],
    )
    lsc = build_trend_data(case, AS_OF).series["CTX"].lsc
    assert lsc.kind == "nadir" and lsc.anchor_date == last + timedelta(days=20)
    assert (lsc.low, lsc.high) == pytest.approx((0.095 * 0.7, 0.095 * 1.3))
    wider = build_trend_data(case, AS_OF, replace(DEFAULTS, lsc_ctx=0.5)).series["CTX"].lsc
    assert (wider.low, wider.high) == pytest.approx((0.0475, 0.1425))
    assert build_trend_data(case_with(labs=case.labs), AS_OF).series["CTX"].lsc is None


def test_alp_lsc_band_is_around_the_wu_alp_rise_baseline():
    labs = [Lab(date(2025, 6, 1), "ALP", 60, "U/L"),  # > 365 days before the latest
            Lab(date(2026, 1, 1), "ALP", 90, "U/L"),
            Lab(date(2026, 3, 1), "ALP", 80, "U/L"),
            Lab(date(2026, 9, 1), "ALP", 140, "U/L")]
    lsc = build_trend_data(case_with(labs=labs), AS_OF).series["ALP"].lsc
    assert lsc.kind == "baseline" and lsc.anchor_date == date(2026, 3, 1)
    assert (lsc.low, lsc.high) == pytest.approx((80 * 0.67, 80 * 1.33))
    one = build_trend_data(case_with(labs=labs[-1:]), AS_OF)
    assert one.series["ALP"].lsc is None


# ---- windows, stops, events, changes ----------------------------------------------------
def test_windows_of_a_stopped_course():
    doses = monthly_denosumab(date(2026, 1, 10), 6)
    last = doses[-1].date
    case = case_with(doses=doses, stops=[Stop("denosumab", last + timedelta(days=5), "dental")])
    data = build_trend_data(case, last + timedelta(days=30))
    windows = {w.kind: w for w in data.windows}
    assert (windows["monitoring"].start, windows["monitoring"].end) == (
        last, last + timedelta(days=395))
    assert (windows["peak"].start, windows["peak"].end) == (
        last + timedelta(days=60), last + timedelta(days=120))
    assert [(s.date, s.recorded, s.reason) for s in data.stops] == [
        (last + timedelta(days=5), True, "dental")]
    # the peak is still ahead: the span runs to its end
    assert data.end == last + timedelta(days=120)
    running = build_trend_data(case_with(doses=doses), last + timedelta(days=20))
    assert running.windows == () and running.stops == () and running.end == running.as_of


def test_unrecorded_stop_is_marked_when_it_began():
    doses = monthly_denosumab(date(2026, 1, 10), 3)
    last = doses[-1].date
    at_84 = build_trend_data(case_with(doses=doses), last + timedelta(days=84))
    assert at_84.stops == () and at_84.windows == ()
    data = build_trend_data(case_with(doses=doses), last + timedelta(days=100))
    assert [(s.date, s.recorded) for s in data.stops] == [(last + timedelta(days=85), False)]
    assert {w.kind for w in data.windows} == {"monitoring", "peak"}


def test_doses_events_and_as_of_filtering():
    doses = [Administration(date(2026, 1, 10), "zoledronic_acid", 4),
             Administration(date(2026, 2, 10), "zoledronic_acid", 4),
             Administration(date(2026, 12, 10), "zoledronic_acid", 4),  # after as-of: unseen
             Administration(date(2026, 12, 1), "denosumab", 120, planned=True)]
    events = [Event(date(2026, 3, 1), "radiotherapy", region="L3"),
              Event(date(2026, 4, 1), "fracture", region="T12", vertebral=True),
              Event(date(2026, 12, 5), "fracture", region="L1"),  # after as-of: unseen
              Event(date(2026, 12, 9), "radiotherapy", region="L4", planned=True)]
    labs = [Lab(date(2026, 11, 21), "ALP", 100, "U/L"), Lab(date(2026, 11, 22), "ALP", 300, "U/L")]
    data = build_trend_data(case_with(labs=labs, doses=doses, events=events), AS_OF)
    assert [p.date for p in data.series["ALP"].points] == [date(2026, 11, 21)]
    assert [(d.date, d.drug, d.planned) for d in data.doses] == [
        (date(2026, 1, 10), "zoledronic_acid", False),
        (date(2026, 2, 10), "zoledronic_acid", False)]
    # planned items lie after the span's end (the as-of date): kept in the full data only
    assert [(d.date, d.planned) for d in data.full.doses][-1] == (date(2026, 12, 1), True)
    assert [(e.kind, e.region) for e in data.events] == [
        ("radiotherapy", "L3"), ("fracture", "T12")]
    assert data.drugs == ("zoledronic_acid",)


def test_method_and_unit_change_markers():
    labs = [Lab(date(2026, 1, 1), "CTX", 500, "pg/mL", method="ECLIA"),
            Lab(date(2026, 2, 1), "CTX", 450, "pg/mL"),  # method unknown: not a change
            Lab(date(2026, 3, 1), "CTX", 420, "pg/mL", method="eclia "),  # same, other case
            Lab(date(2026, 4, 1), "CTX", 0.4, "ng/mL", method="CLIA"),  # unit + method
            Lab(date(2026, 5, 1), "CTX", 0.38, "ng/mL", method="CLIA"),
            Lab(date(2026, 2, 1), "ALP", 90, "U/L"), Lab(date(2026, 6, 1), "ALP", 95, "IU/L")]
    changes = build_trend_data(case_with(labs=labs), AS_OF).changes
    assert [(c.date, c.series, c.kind, c.before, c.after) for c in changes] == [
        (date(2026, 6, 1), "ALP", "unit", "U/L", "IU/L"),
        (date(2026, 4, 1), "CTX", "method", "eclia", "CLIA"),
        (date(2026, 4, 1), "CTX", "unit", "pg/mL", "ng/mL"),
    ]


# ---- ranges -------------------------------------------------------------------------------
def test_range_filtering_and_recovery():
    case = long_history_case(years=10, end=date(2026, 11, 1))
    as_of = date(2026, 11, 1)
    full = build_trend_data(case, as_of)
    one = build_trend_data(case, as_of, range_key="1y")
    three = full.with_range("3y")
    assert one.start == add_months(as_of, -12) == date(2025, 11, 1)
    assert three.start == date(2023, 11, 1)
    assert len(full.series["ALP"].points) == 120
    assert len(one.series["ALP"].points) == 13  # 2025-11-01 … 2026-11-01, both ends
    assert all(p.date >= one.start for s in one.series.values() for p in s.points)
    assert all(d.date >= one.start for d in one.doses)
    assert one.with_range("all") == full
    assert full.start == min(p.date for p in full.series["ALP"].points)
    # bands and LSC bands are clipped to the span, not dropped
    assert all(b.start >= one.start for s in one.series.values() for b in s.bands)
    with pytest.raises(ValueError, match="range"):
        full.with_range("5y")
    with pytest.raises(ValueError, match="range"):
        range_start(as_of, "week", as_of)


def test_realistic_stopped_case_has_every_layer():
    data = build_trend_data(stopped_denosumab_case(), AS_OF)
    assert {w.kind for w in data.windows} == {"monitoring", "peak"}
    assert data.flag is not None and data.flag.rebound_found
    assert data.series["CTX"].lsc is not None and data.series["ALP"].lsc is not None
    assert any(c.kind == "unit" for c in data.changes)
    assert any(c.kind == "method" for c in data.changes)
    assert {e.kind for e in data.events} == {"radiotherapy", "fracture"}
    climbing = [p.value for p in data.series["CTX"].points if p.date > data.flag.last_dose]
    assert climbing == sorted(climbing) and climbing[-1] > 1.3 * data.flag.nadir_ng_ml


def test_findings_from_the_caller_drive_the_flag():
    from app.domain.assess import assess

    case = stopped_denosumab_case()
    findings = assess(case, AS_OF).findings
    assert build_trend_data(case, AS_OF, findings=findings).flag == (
        build_trend_data(case, AS_OF).flag)
    assert build_trend_data(case, AS_OF, findings=[]).flag is None
