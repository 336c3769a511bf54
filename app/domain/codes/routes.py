"""The administration route of a bone-drug dose, from the rule book's §4 catalogue regimen.

The registry does not record a route, so it is read from the drug and the dose as the §4
regimens give them: denosumab SC; zoledronic acid, pamidronate and incadronate IV; ibandronate
IV except the 150 mg osteoporosis tablet (oral); clodronate IV at ≤ 300 mg (the daily
hypercalcaemia infusion), oral otherwise (400/520/800 mg products and their daily totals).
Recorded in docs/clinical-readings.md (FHIR export).
"""

from __future__ import annotations

from app.domain.codes import Code
from app.domain.codes.snomed import ROUTE


def route_key(drug: str, dose_mg: float) -> str:
    """``iv``, ``sc`` or ``oral`` for a catalogue drug and dose."""
    if drug == "denosumab":
        return "sc"
    if drug == "ibandronate" and dose_mg >= 150:
        return "oral"
    if drug == "clodronate" and dose_mg > 300:
        return "oral"
    return "iv"


def route_code(drug: str, dose_mg: float) -> Code:
    return ROUTE[route_key(drug, dose_mg)]
