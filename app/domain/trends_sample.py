"""Synthetic cases for the trend plot: its tests, its benchmark and its screenshots.

Not patient data: deterministic, made-up values shaped like real courses.

- :func:`stopped_denosumab_case`: monthly denosumab for a year, stopped for a dental
  extraction; CTX reported first by one lab in pg/mL, then in ng/mL by another method; CTX
  climbs past the nadir's least significant change in the peak window; ALP, calcium, albumin,
  creatinine; a radiotherapy course and a vertebral fracture.
- :func:`long_history_case`: ``years`` of monthly labs (ALP, CTX, calcium, albumin,
  creatinine) and monthly bone-drug doses (zoledronic acid, then denosumab) — the speed case.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from app.domain.case import Administration, Bma, Case, Event, Lab, Patient, Stop
from app.domain.dates import add_months


def stopped_denosumab_case() -> Case:
    """Denosumab every 28 days 2025-11-10 … 2026-07-20, stop recorded 2026-07-29; as of
    2026-11-21 the course is on day 124 (window open, peak window just passed) and CTX has
    rebounded (0.38 and 0.91 ng/mL after a nadir of 0.048)."""
    first = date(2025, 11, 10)
    doses = [Administration(first + timedelta(days=28 * i), "denosumab", 120) for i in range(10)]
    labs: list[Lab] = [
        Lab(date(2025, 10, 20), "CTX", 812, "pg/mL", ref_low=136, ref_high=689, fasting=True,
            method="ECLIA (lab A)"),
        Lab(date(2025, 12, 22), "CTX", 301, "pg/mL", ref_low=136, ref_high=689, fasting=True,
            method="ECLIA (lab A)"),
        Lab(date(2026, 2, 16), "CTX", 96, "pg/mL", ref_low=136, ref_high=689, fasting=False,
            method="ECLIA (lab A)"),
        Lab(date(2026, 4, 20), "CTX", 0.061, "ng/mL", fasting=True, method="CLIA (lab B)"),
        Lab(date(2026, 7, 1), "CTX", 0.048, "ng/mL", fasting=True, method="CLIA (lab B)"),
        Lab(date(2026, 9, 21), "CTX", 0.38, "ng/mL", fasting=True, method="CLIA (lab B)"),
        Lab(date(2026, 11, 2), "CTX", 0.91, "ng/mL", fasting=True, method="CLIA (lab B)"),
    ]
    alp = [(date(2025, 10, 20), 212), (date(2026, 1, 19), 164), (date(2026, 4, 20), 131),
           (date(2026, 7, 1), 118), (date(2026, 9, 21), 139), (date(2026, 11, 2), 176)]
    labs += [Lab(d, "ALP", v, "U/L", ref_low=45, ref_high=125) for d, v in alp]
    for d, ca, alb, crea in [(date(2025, 10, 20), 2.41, 39, 71), (date(2026, 4, 20), 2.18, 40, 74),
                             (date(2026, 9, 21), 2.52, 37, 77), (date(2026, 11, 2), 2.66, 36, 80)]:
        labs += [Lab(d, "CA", ca, "mmol/L", ref_low=2.11, ref_high=2.52),
                 Lab(d, "ALB", alb, "g/L"), Lab(d, "CREA", crea, "umol/L")]
    return Case(
        patient=Patient(mrn="DEMO-TREND-1", sex="female", birth_date=date(1957, 3, 14),
                        weight_kg=56, osteoporosis=False),
        labs=labs,
        bma=Bma(administrations=doses, interval_days={"denosumab": 28},
                stops=[Stop("denosumab", date(2026, 7, 29), "dental extraction")]),
        events=[Event(date(2025, 11, 3), "radiotherapy", region="L3"),
                Event(date(2026, 10, 12), "fracture", region="T12", vertebral=True)],
    )


def long_history_case(years: int = 10, end: date = date(2026, 11, 1)) -> Case:
    """``years`` × 12 monthly lab panels and doses ending on ``end`` (as-of = ``end``)."""
    months = years * 12
    start = add_months(end, -months + 1)
    labs: list[Lab] = []
    doses: list[Administration] = []
    switch = months // 2
    for i in range(months):
        d = add_months(start, i)
        wave = math.sin(i / 7.0)
        ctx_ng = 0.25 + 0.15 * wave + (0.3 if i < 6 else 0)
        if i < months // 3:
            labs.append(Lab(d, "CTX", round(ctx_ng * 1000), "pg/mL", ref_low=136,
                            ref_high=689, fasting=i % 4 != 0, method="ECLIA"))
        else:
            labs.append(Lab(d, "CTX", round(ctx_ng, 3), "ng/mL", fasting=i % 4 != 0,
                            method="CLIA"))
        labs += [
            Lab(d, "ALP", round(110 + 40 * wave + (90 if i < 6 else 0)), "U/L", ref_low=45,
                ref_high=125),
            Lab(d, "CA", round(2.35 + 0.12 * wave, 2), "mmol/L"),
            Lab(d, "ALB", 38 + (i % 3), "g/L"),
            Lab(d, "CREA", round(70 + 8 * math.cos(i / 5.0)), "umol/L"),
        ]
        drug = "zoledronic_acid" if i < switch else "denosumab"
        doses.append(Administration(d + timedelta(days=2), drug, 4 if i < switch else 120))
    return Case(
        patient=Patient(mrn="DEMO-TREND-10Y", sex="male", birth_date=date(1950, 6, 1),
                        weight_kg=70),
        labs=labs,
        bma=Bma(administrations=doses, interval_days={"zoledronic_acid": 28, "denosumab": 28},
                stops=[Stop("zoledronic_acid", add_months(start, switch), "switch")]),
        events=[Event(add_months(start, 5), "radiotherapy", region="L2"),
                Event(add_months(start, 40), "pathological_fracture", region="L1",
                      vertebral=True)],
    )
