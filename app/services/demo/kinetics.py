"""Plausible marker kinetics for the demo: CTX, ALP, creatinine (and the ZA dose it implies).

CTX (ng/mL) is the patient's baseline times (1 − s), where s is the bone-resorption
suppression: denosumab drives s towards 0.7–0.9 within weeks (tau ≈ 8 days); a
bisphosphonate towards 0.45–0.7 more slowly (tau ≈ 30 days). After the last denosumab dose
of a stopped course, suppression holds until day 60–110, then s falls below zero (CTX above
baseline) to a peak at day 150–270 and returns to baseline over the next ~200 days — the
rebound the rule book watches for. A later course blends in from its first dose.

Creatinine follows the patient's creatinine clearance (Cockcroft–Gault solved for serum
creatinine), with an optional renal decline, plus a few per cent of day-to-day noise; each
sample is cached so that a zoledronic-acid dose and the creatinine it was based on agree.
"""

from __future__ import annotations

import math
from datetime import date

from app.services.demo.draft import Draft


def suppression(d: Draft, t: date) -> float:
    """Fraction of bone resorption suppressed on ``t`` (negative = above baseline)."""
    s = 0.0
    courses = sorted(d.courses, key=lambda c: c.first)
    for i, c in enumerate(courses):
        if t < c.first:
            break
        den = c.drug == "denosumab"
        smax, tau = (d.den_smax, 8.0) if den else (d.bp_smax, 30.0)
        on_until = min(t, c.last) if c.stopped else t
        w = math.exp(-(on_until - c.first).days / tau)
        s_on = s * w + smax * (1 - w)  # blends in from the previous course's level
        if not c.stopped or t <= c.last:
            s = s_on
            continue
        nxt = courses[i + 1].first if i + 1 < len(courses) else None
        off = ((nxt if nxt is not None and nxt <= t else t) - c.last).days
        if not den:  # bisphosphonates persist in bone: slow offset
            s = s_on * math.exp(-max(0, off - 28) / 400)
        elif off <= d.rebound_onset:
            s = s_on
        elif off <= d.rebound_peak:
            frac = (off - d.rebound_onset) / (d.rebound_peak - d.rebound_onset)
            s = s_on + (-d.rebound_over - s_on) * frac
        else:
            s = -d.rebound_over * (1 - min(1.0, (off - d.rebound_peak) / 200))
    return s


def ctx_at(d: Draft, t: date) -> float:
    """Expected serum CTX in ng/mL (no noise)."""
    base = d.ctx_base
    if d.dx is not None and not d.courses and d.workup.startswith("confirmed") and t > d.dx:
        base *= min(2.0, 1 + 0.0008 * (t - d.dx).days)  # untreated disease: slow rise
    return max(0.02, base * (1 - suppression(d, t)))


def alp_at(d: Draft, t: date) -> float:
    """Expected total ALP in U/L (no noise): falls with antiresorptive therapy."""
    return max(40.0, d.alp_base * (1 - 0.45 * suppression(d, t)))


def crcl_true(d: Draft, t: date) -> float:
    crcl = d.crcl_target
    if d.crea_decline is not None and t > d.crea_decline[0]:
        crcl -= d.crea_decline[1] * (t - d.crea_decline[0]).days / 365.0
    return max(10.0, crcl)


def crea_umol(d: Draft, t: date) -> float:
    """The creatinine (µmol/L, as reported) measured on date ``t`` (cached)."""
    cached = d.crea_cache.get(t)
    if cached is not None:
        return cached
    weight = d.weight or 60.0
    factor = 0.85 if d.sex == "female" else 1.0
    scr_mg = (140 - d.age(t)) * weight * factor / (72 * crcl_true(d, t))
    umol = scr_mg * 88.4 * d.rng.uniform(0.96, 1.04)
    # quantise as the patient's lab reports it, so doses and rules see the same number
    value = round(umol / 88.4, 2) * 88.4 if d.units.get("CREA") == "mg/dL" else float(round(umol))
    d.crea_cache[t] = value
    return value


def crcl_from(d: Draft, umol: float, t: date) -> float | None:
    """Cockcroft–Gault from a creatinine value, as the rule engine computes it."""
    if d.weight is None or d.sex not in ("female", "male"):
        return None
    crcl = (140 - d.age(t)) * d.weight / (72 * (umol / 88.4))
    return crcl * 0.85 if d.sex == "female" else crcl


def za_dose(crcl: float | None) -> float:
    """Zoledronic acid dose for a CrCl (label table); 4 mg when CrCl is unknown, 3 mg below
    30 (a dose the rule engine must flag as contraindicated)."""
    if crcl is None or crcl > 60:
        return 4.0
    if crcl >= 50:
        return 3.5
    if crcl >= 40:
        return 3.3
    return 3.0
