"""Laboratory series for a synthetic patient: when samples were drawn and what they showed.

Visits: a baseline at the key work-up date; for treated patients a calcium/albumin check at
a share of denosumab doses and a creatinine before every recent zoledronic-acid dose (the
dose was sized from it); CTX and ALP about every fourth dose; CTX and calcium at the
rebound-check days after a denosumab stop; a recent (pre-dose) check. Values come from
:mod:`app.services.demo.kinetics` plus noise, in the units this patient's lab reports (some
labs report CTX in pg/mL, others in ng/mL; a few calcium/albumin/creatinine in mg/dL, g/dL).
"""

from __future__ import annotations

from datetime import date, datetime

from app.domain.case import Lab
from app.services.demo.draft import DAY, Draft
from app.services.demo.kinetics import alp_at, crea_umol, ctx_at

BASIC = ("CA", "ALB", "CREA")
KATAGIRI = ("CRP", "LDH", "PLT", "TBIL")
REF: dict[tuple[str, str], tuple[float | None, float | None]] = {
    ("CTX", "ng/mL"): (0.10, 0.70), ("CTX", "pg/mL"): (136.0, 689.0),
    ("ALP", "U/L"): (45.0, 125.0), ("ALP", "IU/L"): (40.0, 150.0),
    ("CA", "mmol/L"): (2.11, 2.52), ("CA", "mg/dL"): (8.5, 10.2),
    ("ALB", "g/L"): (35.0, 50.0), ("ALB", "g/dL"): (3.5, 5.0),
    ("CREA", "µmol/L"): (45.0, 104.0), ("CREA", "umol/L"): (45.0, 104.0),
    ("CREA", "mg/dL"): (0.5, 1.2),
    ("CRP", "mg/L"): (None, 8.0), ("LDH", "U/L"): (120.0, 250.0),
    ("PLT", "10^9/L"): (125.0, 350.0), ("TBIL", "µmol/L"): (3.4, 20.5),
    ("GGT", "U/L"): (10.0, 60.0),
}


def choose_units(d: Draft) -> None:
    r = d.rng.random
    d.units = {
        "CTX": "pg/mL" if r() < 0.4 else "ng/mL",
        "ALP": "IU/L" if r() < 0.2 else "U/L",
        "CA": "mg/dL" if r() < 0.1 else "mmol/L",
        "ALB": "g/dL" if r() < 0.1 else "g/L",
        "CREA": "mg/dL" if r() < 0.12 else ("umol/L" if r() < 0.3 else "µmol/L"),
    }


def schedule(d: Draft) -> None:
    """Decide the visit dates and what each measured."""
    assert d.dx is not None
    base = d.dx - d.days(0, 5) * DAY
    d.visit(base, *BASIC, "ALP")
    if d.chance(0.85):
        d.visit(base, "CTX")
    if d.chance(0.4):
        d.visit(base, *KATAGIRI)
    if d.chance(0.15):
        d.visit(base, "GGT")
    if d.variant == "alp_rise":
        early = d.dx - d.days(120, 300) * DAY
        d.visit(early, "ALP")
        d.overrides[(early, "ALP")] = d.rng.uniform(85, 112)
        d.overrides[(base, "ALP")] = d.rng.uniform(170, 330)
        d.visit(base, "GGT")
    elif d.variant == "ctx_high":
        d.visit(base, "CTX")
        d.overrides[(base, "CTX")] = d.rng.uniform(0.85, 1.5)
    for c in d.courses:
        den = c.drug == "denosumab"
        recent = d.ref - 180 * DAY
        for k, (t, _mg) in enumerate(c.doses):
            if den and (k % 4 == 0 or t > d.ref - 60 * DAY):
                d.visit(t, "CA", "ALB")
            if not den and (t > recent or k % 4 == 0):
                d.visit(t, *BASIC)
            if k % 4 == 1:
                d.visit(t, "CTX", "ALP")
        if c.stopped and den:
            for day in (90, 180, 270, 365):
                if d.chance(0.7):
                    t = c.last + (day + d.days(-10, 10)) * DAY
                    d.visit(t, "CTX", "CA", "ALB")
    active = d.planned or any(c.last > d.ref - 90 * DAY for c in d.courses)
    if active and (d.chance(0.85) or d.low_calcium_recent):
        t = d.ago(0, 14 if d.low_calcium_recent else 20)
        due = [a.date for a in d.planned if (a.date - d.ref).days <= 14]
        if due and not d.low_calcium_recent:  # the pre-dose check a few days before the dose
            t = min(min(due) - d.days(1, 10) * DAY, d.ref)
        d.visit(t, *BASIC)
        if d.low_calcium_recent:
            d.overrides[(t, "CA")] = d.rng.uniform(1.78, 2.06)
        if d.chance(0.3):
            d.visit(t, *KATAGIRI)
    for t in d.high_calcium_on:
        d.visit(t, "CA", "ALB")
        d.overrides[(t, "CA")] = d.rng.uniform(2.66, 2.95)


def _value(d: Draft, t: date, analyte: str, alb: float) -> float:
    """Canonical value (ng/mL, U/L, mmol/L, g/L, µmol/L, …)."""
    over = d.overrides.get((t, analyte))
    rng = d.rng
    if analyte == "CA":  # the corrected value is the target; report the measured total
        corrected = over if over is not None else d.ca_base + rng.uniform(-0.06, 0.06)
        return corrected - 0.02 * (40 - alb)
    if over is not None:
        return over
    if analyte == "CTX":
        return ctx_at(d, t) * rng.uniform(0.9, 1.1)
    if analyte == "ALP":
        return alp_at(d, t) * rng.uniform(0.93, 1.07)
    if analyte == "CREA":
        return crea_umol(d, t)
    if analyte == "CRP":
        return rng.choice((rng.uniform(0.5, 3.9), rng.uniform(4, 60)))
    if analyte == "LDH":
        return rng.uniform(150, 400)
    if analyte == "PLT":
        return rng.uniform(80, 380)
    if analyte == "TBIL":
        return rng.uniform(5, 28)
    return rng.uniform(15, 120)  # GGT


def _report(analyte: str, unit: str, v: float) -> float:
    """Convert a canonical value to the reported unit and round as a lab would."""
    if analyte == "CTX":
        return float(round(v * 1000)) if unit == "pg/mL" else round(v, 3)
    if analyte == "CA":
        return round(v / 0.2495, 1) if unit == "mg/dL" else round(v, 2)
    if analyte == "ALB":
        return round(v / 10, 2) if unit == "g/dL" else round(v, 1)
    if analyte == "CREA":
        return round(v / 88.4, 2) if unit == "mg/dL" else float(round(v))
    if analyte in ("TBIL", "CRP"):
        return round(v, 1)
    return float(round(v))


def emit(d: Draft) -> None:
    """Turn the visit schedule into :class:`Lab` records (date order)."""
    rng = d.rng
    other_ctx = "ng/mL" if d.units["CTX"] == "pg/mL" else "pg/mL"
    first_ctx = True
    for t in sorted(d.visits):
        analytes = d.visits[t]
        at = datetime(t.year, t.month, t.day, rng.randint(7, 10), rng.choice((0, 15, 30, 45)))
        alb = d.alb_base + rng.uniform(-1.5, 1.5)
        for analyte in sorted(analytes):
            unit = d.units.get(analyte) or REF_UNITS[analyte]
            if analyte == "CTX" and first_ctx:
                first_ctx = False
                if rng.random() < 0.2:  # the first CTX came from another hospital's lab
                    unit = other_ctx
            v = alb if analyte == "ALB" else _value(d, t, analyte, alb)
            low, high = REF[(analyte, unit)] if rng.random() < 0.85 else (None, None)
            d.labs.append(Lab(
                date=t, analyte=analyte, value=_report(analyte, unit, v), unit=unit,
                ref_low=low, ref_high=high,
                fasting=(rng.random() < 0.88) if analyte == "CTX" else None,
                method="Elecsys β-CrossLaps/serum" if analyte == "CTX" and
                rng.random() < 0.5 else None,
                at=at,
            ))


REF_UNITS = {"CRP": "mg/L", "LDH": "U/L", "PLT": "10^9/L", "TBIL": "µmol/L", "GGT": "U/L"}
