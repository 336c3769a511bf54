"""Patient, the lung-cancer Condition with its mCODE-style staging Observation, the
bone-metastasis Condition (status and basis), body weight and performance status."""

from __future__ import annotations

from typing import Any

from app.domain.case import Case
from app.domain.codes import icd10, loinc, snomed
from app.domain.status import StatusResult
from app.interop.fhir.common import (
    MRN_SYSTEM,
    OBS_CATEGORY,
    Context,
    concept,
    local,
    quantity,
)

_CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
_CONDITION_VERIFY = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
_CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
_V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203"

#: §2 status → Condition.verificationStatus (``not_found``: refuted; ``unknown``: unconfirmed).
VERIFICATION = {"confirmed": "confirmed", "suspected": "provisional", "not_found": "refuted",
                "unknown": "unconfirmed"}
HISTOLOGY_TEXT = {"adenocarcinoma": "adenocarcinoma", "squamous": "squamous cell carcinoma",
                  "sclc": "small cell carcinoma", "large_cell": "large cell carcinoma",
                  "nsclc_nos": "non-small cell carcinoma, NOS", "other": "other histology"}


def _category(code: str) -> list[dict[str, Any]]:
    return [{"coding": [local(_CONDITION_CATEGORY, code)]}]


def _obs_category(code: str) -> list[dict[str, Any]]:
    return [{"coding": [local(OBS_CATEGORY, code)]}]


def add_patient(ctx: Context, case: Case) -> None:
    p = case.patient
    resource: dict[str, Any] = {
        "resourceType": "Patient",
        "identifier": [{"use": "usual", "system": MRN_SYSTEM, "value": p.mrn,
                        "type": {"coding": [local(_V2_0203, "MR", "Medical record number")]}}],
    }
    if p.name:
        resource["name"] = [{"text": p.name}]
    if p.sex:
        resource["gender"] = p.sex  # the case's codes are FHIR's administrative genders
    if p.birth_date:
        resource["birthDate"] = p.birth_date.isoformat()
    ctx.add(resource)  # id from the key alone: ctx.patient_ref points at it
    if p.weight_kg is not None:
        ctx.add({"resourceType": "Observation", "status": "final",
                 "category": _obs_category("vital-signs"),
                 "code": concept("Body weight", loinc.BODY_WEIGHT), "subject": ctx.patient_ref,
                 "valueQuantity": quantity(p.weight_kg, "kg", "kg")}, "weight")


def add_lung_cancer(ctx: Context, case: Case) -> None:
    """The primary cancer: Condition coded by histology where known; stage as an Observation
    (LOINC 21908-9) referenced from Condition.stage, as mCODE does."""
    c = case.cancer
    histology = c.histology
    text = "Lung cancer" + (f": {HISTOLOGY_TEXT[histology]}" if histology else "")
    specific = snomed.HISTOLOGY.get(histology) if histology else None
    code = concept(text, specific or snomed.LUNG_CANCER, *icd10.LUNG_CANCER)
    condition: dict[str, Any] = {
        "resourceType": "Condition",
        "clinicalStatus": {"coding": [local(_CONDITION_CLINICAL, "active")]},
        "category": _category("problem-list-item"),
        "code": code, "subject": ctx.patient_ref,
    }
    notes = []
    if c.drivers is not None:
        notes.append("driver alterations: " + (", ".join(c.drivers) if c.drivers else "none"))
    if c.visceral_metastases is not None:
        notes.append("visceral metastases: "
                     + (", ".join(c.visceral_metastases) if c.visceral_metastases else "none"))
    if notes:
        condition["note"] = [{"text": n} for n in notes]
    if c.stage:
        stage_ref = ctx.add({
            "resourceType": "Observation", "status": "final",
            "category": _obs_category("survey"),
            "code": concept("Stage group (AJCC 8th)", loinc.STAGE_GROUP),
            "subject": ctx.patient_ref, "effectiveDateTime": ctx.as_of.isoformat(),
            "valueCodeableConcept": {"text": f"{c.stage} (AJCC 8th)"},
        }, "stage")
        condition["stage"] = [{"summary": {"text": c.stage}, "assessment": [stage_ref]}]
    ctx.add(condition, "lung-cancer")
    for key, code_, value in (("ecog", loinc.ECOG, c.ecog), ("kps", loinc.KPS, c.kps)):
        if value is not None:
            ctx.add({"resourceType": "Observation", "status": "final",
                     "category": _obs_category("survey"), "code": concept(code_.display, code_),
                     "subject": ctx.patient_ref, "effectiveDateTime": ctx.as_of.isoformat(),
                     "valueInteger": value}, key)


def add_bone_metastasis(ctx: Context, case: Case, status: StatusResult) -> None:
    """The bone-metastasis Condition: SNOMED CT 94222008 + ICD-10 C79.5 / C79.51, the §2
    status as its verification status, the basis as a note, the lesion regions as body
    sites."""
    state = status.bone_metastasis
    condition: dict[str, Any] = {
        "resourceType": "Condition",
        "verificationStatus": {"coding": [local(_CONDITION_VERIFY, VERIFICATION[state])]},
        "category": _category("problem-list-item"),
        "code": concept("Bone metastasis", snomed.BONE_METASTASIS, *icd10.BONE_METASTASIS),
        "subject": ctx.patient_ref,
        "note": [{"text": f"status: {state}; basis: {status.basis}"}],
    }
    if state in ("confirmed", "suspected"):
        condition["clinicalStatus"] = {"coding": [local(_CONDITION_CLINICAL, "active")]}
    if case.lesions:
        condition["bodySite"] = [{"text": le.region} for le in case.lesions]
    ctx.add(condition, "bone-metastasis")
