"""UCUM codes of every unit accepted by the rule book's §1 table.

Source: *The Unified Code for Units of Measure* (Regenstrief, unitsofmeasure.org), case-
sensitive form: ``u`` is the micro prefix, ``[IU]`` the international unit, ``meq`` the
milliequivalent, ``10*9`` ten to the ninth; the FHIR "Common UCUM units" value set lists
these codes (e.g. ``mmol/L``, ``umol/L``, ``mg/dL``, ``[IU]/L``, ``10*9/L``, ``10*3/uL``).

Keys are units in the §1 comparison form (:func:`app.domain.units.normalise_unit`: µ/μ → u,
lower case, no spaces), so every spelling the rule book accepts finds its code.
"""

from __future__ import annotations

from app.domain.units import normalise_unit

#: §1 unit (normalised) → UCUM code.
UCUM: dict[str, str] = {
    "u/l": "U/L",
    "iu/l": "[IU]/L",
    "ug/l": "ug/L",
    "ng/ml": "ng/mL",
    "pg/ml": "pg/mL",
    "ng/l": "ng/L",
    "mmol/l": "mmol/L",
    "mg/dl": "mg/dL",
    "meq/l": "meq/L",
    "g/l": "g/L",
    "g/dl": "g/dL",
    "umol/l": "umol/L",
    "nmol/l": "nmol/L",
    "mg/l": "mg/L",
    "10^9/l": "10*9/L",
    "10*9/l": "10*9/L",
    "/nl": "/nL",
    "10^3/ul": "10*3/uL",
}


def ucum_code(unit: str) -> str | None:
    """The UCUM code of a §1 unit as reported (any accepted spelling), or None."""
    return UCUM.get(normalise_unit(unit))


def unit_for_ucum(code: str) -> str | None:
    """The §1 unit (normalised form) a UCUM code stands for, or None (inverse lookup)."""
    for unit, ucum in UCUM.items():
        if ucum == code:
            return unit
    return None


def _check_complete() -> None:
    from app.domain.units import ANALYTES

    missing = {u for info in ANALYTES.values() for u in info.factors} - set(UCUM)
    assert not missing, f"§1 units without a UCUM code: {sorted(missing)}"


_check_complete()
