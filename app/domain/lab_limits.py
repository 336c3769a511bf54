"""Plausibility limits of lab values per analyte (issue 20), in the §1 canonical unit.

Two bands per analyte:

- **possible** — outside it the value cannot be a real result of a living patient (a typing
  slip such as ALP 1,802,026 U/L): refused, naming the field;
- **plausible** — outside it the value is possible but unusual enough to be checked (severe
  hypercalcaemia, ALP of extensive bone disease): it needs the clinician's explicit
  confirmation, which is audited.

The bands are deliberately wide (DESIGN, no guideline: they catch slips, they judge nothing) and
are read in the unit the value is converted to (§1), so a CTX in pg/mL is checked like one in
ng/mL. Analytes without limits here are checked for being a number only. Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.units import ANALYTES, to_canonical


@dataclass(frozen=True)
class Limits:
    possible_low: float
    plausible_low: float
    plausible_high: float
    possible_high: float


#: analyte → limits in its canonical unit (§1)
LIMITS: dict[str, Limits] = {
    "ALP": Limits(1, 20, 2000, 20000),  # U/L
    "BALP": Limits(0.1, 2, 300, 3000),  # µg/L
    "CTX": Limits(0.001, 0.02, 3, 20),  # ng/mL
    "PINP": Limits(1, 5, 1000, 10000),  # ng/mL
    "CA": Limits(0.5, 1.5, 3.5, 6),  # mmol/L
    "ICA": Limits(0.2, 0.8, 1.8, 3),  # mmol/L
    "ALB": Limits(5, 15, 55, 80),  # g/L
    "CREA": Limits(5, 30, 800, 3000),  # µmol/L
    "VITD": Limits(1, 4, 100, 300),  # ng/mL
    "GGT": Limits(1, 5, 1000, 10000),  # U/L
    "CRP": Limits(0, 0, 300, 1000),  # mg/L
    "LDH": Limits(10, 80, 2000, 20000),  # U/L
    "PLT": Limits(0, 10, 1000, 5000),  # 10^9/L
    "TBIL": Limits(0, 2, 300, 1000),  # µmol/L
}

OK, IMPLAUSIBLE, IMPOSSIBLE = "ok", "implausible", "impossible"


def check_value(analyte: str, value: float, unit: str) -> str:
    """:data:`OK`, :data:`IMPLAUSIBLE` (needs confirmation) or :data:`IMPOSSIBLE` (refused).
    An unknown analyte or unit raises ``KeyError`` / ``ValueError`` (the caller's unit check
    names the field first)."""
    limits = LIMITS.get(analyte)
    if limits is None:
        return OK
    v = to_canonical(analyte, value, unit)
    if v < limits.possible_low or v > limits.possible_high:
        return IMPOSSIBLE
    if v < limits.plausible_low or v > limits.plausible_high:
        return IMPLAUSIBLE
    return OK


def limits_text(analyte: str, band: str = "plausible") -> str:
    """``20–2000 U/L``: a band in the canonical unit, for messages."""
    lim = LIMITS[analyte]
    low, high = ((lim.plausible_low, lim.plausible_high) if band == "plausible"
                 else (lim.possible_low, lim.possible_high))
    return f"{low:g}–{high:g} {ANALYTES[analyte].canonical}"
