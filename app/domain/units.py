"""Analytes, their canonical units, accepted units with conversion factors, and LOINC codes
(rule book §1).

Units match after mapping µ (U+00B5) and μ (U+03BC) to ``u`` and ignoring case. An unknown
unit for a known analyte is an input error (:class:`UnitError`), never a pass-through.
"""

from __future__ import annotations

from dataclasses import dataclass


class UnitError(ValueError):
    """A unit that is not accepted for the analyte (message names both)."""


@dataclass(frozen=True)
class AnalyteInfo:
    key: str
    name: str
    canonical: str
    factors: dict[str, float]  # normalised unit -> factor to canonical
    loinc: dict[str, str]  # normalised unit -> LOINC code ("*" = any unit)
    units_display: tuple[str, ...]  # units as shown to users (canonical first)


def normalise_unit(unit: str) -> str:
    """Map µ/μ to 'u', strip spaces, lower-case."""
    return unit.replace("\u00b5", "u").replace("\u03bc", "u").strip().lower()


def _a(key, name, canonical, units: dict[str, float], loinc, display) -> AnalyteInfo:
    factors = {normalise_unit(u): f for u, f in units.items()}
    if isinstance(loinc, dict):
        loinc_map = {normalise_unit(u): c for u, c in loinc.items()}
    else:
        loinc_map = {"*": loinc}
    return AnalyteInfo(key, name, canonical, factors, loinc_map, tuple(display))


ANALYTES: dict[str, AnalyteInfo] = {
    a.key: a
    for a in (
        _a("ALP", "alkaline phosphatase, total", "U/L", {"U/L": 1, "IU/L": 1}, "6768-6",
           ("U/L", "IU/L")),
        _a("BALP", "bone-specific ALP", "µg/L", {"ug/L": 1, "ng/mL": 1}, "17838-4",
           ("µg/L", "ng/mL")),
        _a("CTX", "serum β-CTX (β-CrossLaps)", "ng/mL",
           {"ng/mL": 1, "ug/L": 1, "pg/mL": 0.001, "ng/L": 0.001}, "41171-0",
           ("ng/mL", "pg/mL", "µg/L", "ng/L")),
        _a("PINP", "total PINP", "ng/mL", {"ng/mL": 1, "ug/L": 1}, "77370-5", ("ng/mL", "µg/L")),
        _a("CA", "total calcium", "mmol/L", {"mmol/L": 1, "mg/dL": 0.2495},
           {"mmol/L": "2000-8", "mg/dL": "17861-6"}, ("mmol/L", "mg/dL")),
        _a("ICA", "ionised calcium", "mmol/L", {"mmol/L": 1, "mg/dL": 0.2495, "mEq/L": 0.5},
           "1995-0", ("mmol/L", "mg/dL", "mEq/L")),
        _a("ALB", "albumin", "g/L", {"g/L": 1, "g/dL": 10}, "1751-7", ("g/L", "g/dL")),
        _a("CREA", "creatinine", "µmol/L", {"umol/L": 1, "mg/dL": 88.4},
           {"umol/L": "14682-9", "mg/dL": "2160-0"}, ("µmol/L", "mg/dL")),
        _a("VITD", "25-OH vitamin D (D2+D3)", "ng/mL", {"ng/mL": 1, "nmol/L": 1 / 2.496},
           "62292-8", ("ng/mL", "nmol/L")),
        _a("GGT", "γ-glutamyl transferase", "U/L", {"U/L": 1, "IU/L": 1}, "2324-2",
           ("U/L", "IU/L")),
        _a("CRP", "C-reactive protein", "mg/L", {"mg/L": 1, "mg/dL": 10}, "1988-5",
           ("mg/L", "mg/dL")),
        _a("LDH", "lactate dehydrogenase", "U/L", {"U/L": 1, "IU/L": 1}, "2532-0",
           ("U/L", "IU/L")),
        _a("PLT", "platelets", "10^9/L",
           {"10^9/L": 1, "10*9/L": 1, "/nL": 1, "10^3/uL": 1}, "777-3",
           ("10^9/L", "10*9/L", "/nL", "10^3/µL")),
        _a("TBIL", "total bilirubin", "µmol/L", {"umol/L": 1, "mg/dL": 17.1},
           {"umol/L": "14631-6", "mg/dL": "1975-2"}, ("µmol/L", "mg/dL")),
    )
}


def factor(analyte: str, unit: str) -> float:
    """Factor that converts a value in ``unit`` to the analyte's canonical unit."""
    info = ANALYTES.get(analyte)
    if info is None:
        raise UnitError(f"{analyte!r} is not a known analyte")
    f = info.factors.get(normalise_unit(unit))
    if f is None:
        raise UnitError(f"{unit!r} is not a unit of {analyte}")
    return f


def to_canonical(analyte: str, value: float, unit: str) -> float:
    """Convert a reported value to the canonical unit (unrounded)."""
    return value * factor(analyte, unit)


def is_accepted(analyte: str, unit: str) -> bool:
    info = ANALYTES.get(analyte)
    return info is not None and normalise_unit(unit) in info.factors


def loinc(analyte: str, unit: str) -> str:
    """LOINC code for an analyte reported in a unit (unit-specific where the book says so)."""
    info = ANALYTES[analyte]
    factor(analyte, unit)  # validates
    return info.loinc.get(normalise_unit(unit)) or info.loinc.get("*") or next(
        iter(info.loinc.values())
    )


def analyte_for_loinc(code: str) -> str | None:
    for info in ANALYTES.values():
        if code in info.loinc.values():
            return info.key
    return None
