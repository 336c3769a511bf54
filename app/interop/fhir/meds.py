"""Bone-drug doses: a MedicationAdministration per given dose and a MedicationRequest (intent
``plan``) per planned dose, coded with ATC (text only for incadronate, which has no ATC code),
with the dose in mg and the route of the catalogue regimen."""

from __future__ import annotations

from typing import Any

from app.domain.case import Administration
from app.domain.codes.atc import atc_code
from app.domain.codes.routes import route_code
from app.interop.fhir.common import DRUG_SYSTEM, Context, coding, concept, local, quantity, when

DRUG_NAMES = {"denosumab": "denosumab", "zoledronic_acid": "zoledronic acid",
              "pamidronate": "pamidronate", "ibandronate": "ibandronate",
              "clodronate": "clodronate", "incadronate": "incadronate"}


def _medication(drug: str) -> dict[str, Any]:
    return concept(DRUG_NAMES[drug], atc_code(drug), extra=[local(DRUG_SYSTEM, drug)])


def _route(dose: Administration) -> dict[str, Any]:
    code = route_code(dose.drug, dose.dose_mg)
    return {"coding": [coding(code)], "text": code.display}


def add_doses(ctx: Context, doses: list[Administration]) -> list[dict[str, str]]:
    """Add every dose; returns the references of the planned ones (for the CarePlan)."""
    planned: list[dict[str, str]] = []
    for i, dose in enumerate(doses):
        key = dose.rid if dose.rid is not None else f"i{i}"
        mg = quantity(dose.dose_mg, "mg", "mg")
        if dose.planned:
            planned.append(ctx.add({
                "resourceType": "MedicationRequest", "status": "active", "intent": "plan",
                "medicationCodeableConcept": _medication(dose.drug),
                "subject": ctx.patient_ref,
                "dosageInstruction": [{
                    "timing": {"event": [when(dose.date, dose.at, ctx.zone)]},
                    "route": _route(dose), "doseAndRate": [{"doseQuantity": mg}]}],
            }, "dose", key))
        else:
            ctx.add({
                "resourceType": "MedicationAdministration", "status": "completed",
                "medicationCodeableConcept": _medication(dose.drug),
                "subject": ctx.patient_ref,
                "effectiveDateTime": when(dose.date, dose.at, ctx.zone),
                "dosage": {"route": _route(dose), "dose": mg},
            }, "dose", key)
    return planned
