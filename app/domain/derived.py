"""Derived values of an assessment (rule book §1 and §10 ``derived``): creatinine clearance,
corrected calcium, ionised calcium, the zoledronic-acid dose for the CrCl, missing inputs,
and the denosumab state (from :mod:`app.domain.denosumab`).

Every key is always present, ``None`` when not computable. ``crcl_date`` is the date of the
creatinine used even when CrCl is not computable for lack of sex, birth date or weight; those
missing inputs are then named in ``missing_inputs`` (with the rule IDs that needed them, which
may be none: §1 says the missing inputs of CrCl are named).
"""

from __future__ import annotations

from typing import Any

from app.domain.context import CaseView, Missing, round_crcl, round_lab, za_dose_for_crcl
from app.domain.denosumab import denosumab_derived
from app.domain.findings import catalogue

IONISED_CALCIUM_DAYS = 30


_ORDER: dict[str, int] = {}


def _rule_order() -> dict[str, int]:
    """Rule ID → rule-book position (rebuilt only when more rules were registered)."""
    rules = catalogue()
    if len(rules) != len(_ORDER):
        _ORDER.clear()
        _ORDER.update({r.id: r.order for r in rules})
    return _ORDER


def missing_inputs_json(missing: Missing) -> list[dict[str, Any]]:
    """Sorted by input key; each input's rules in rule-book order."""
    if not missing.by_input:
        return []
    order = _rule_order()
    return [
        {"input": key, "rules": sorted(rules, key=lambda r: (order.get(r, 10_000), r))}
        for key, rules in sorted(missing.by_input.items())
    ]


def derived_json(view: CaseView) -> dict[str, Any]:
    """The §10 ``derived`` object. Call after the rules ran (their missing inputs are in
    ``view.missing``)."""
    crcl = view.crcl_latest()
    crcl_value = None if crcl is None else crcl.value
    if crcl is not None and crcl.value is None:
        for key in crcl.missing:
            view.missing.add(key)
    ca = view.latest_calcium()
    ica = view.latest("ICA", IONISED_CALCIUM_DAYS)
    return {
        "crcl_ml_min": None if crcl_value is None else round_crcl(crcl_value),
        "crcl_date": None if crcl is None else crcl.creatinine.date.isoformat(),
        "corrected_calcium_mmol_l": None if ca is None else round_lab("CA", ca.value),
        "calcium_date": None if ca is None else ca.calcium.date.isoformat(),
        "calcium_albumin_corrected": None if ca is None else ca.corrected,
        "ionised_calcium_mmol_l": None if ica is None else round_lab("ICA", ica.value),
        "za_dose_mg": za_dose_for_crcl(crcl_value),
        "missing_inputs": missing_inputs_json(view.missing),
        "denosumab": denosumab_derived(view),
    }
