"""Radiotherapy, surgery to bone, vertebroplasty and dental procedures: a Procedure when done,
a ServiceRequest (intent ``plan``) when planned; the other events (fractures, cord
compression, hypercalcaemia, ONJ) as Conditions. SNOMED CT where a code is verified, else
the text only."""

from __future__ import annotations

from typing import Any

from app.domain.case import PLANNABLE_EVENTS, Case
from app.domain.codes import snomed
from app.interop.fhir.common import Context, concept, local, when

EVENT_TEXT = {
    "pathological_fracture": "Pathological fracture", "fracture": "Fracture",
    "spinal_cord_compression": "Spinal cord compression", "radiotherapy": "Radiotherapy",
    "surgery_to_bone": "Surgery to bone", "vertebroplasty": "Vertebroplasty",
    "hypercalcaemia": "Hypercalcaemia", "onj": "Osteonecrosis of the jaw",
}
DENTAL_TEXT = {
    "extraction": "Tooth extraction", "implant": "Dental implant",
    "periodontal_surgery": "Periodontal surgery", "oral_surgery": "Oral surgery",
    "root_canal": "Root canal treatment", "scaling": "Scaling", "filling": "Filling",
    "crown": "Crown",
}
_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"


def _act(ctx: Context, code: dict[str, Any], planned: bool, stamp: str, region: str | None,
         *id_parts: object) -> dict[str, str] | None:
    """A Procedure (done) or a ServiceRequest (planned); returns the plan's reference."""
    body = [{"text": region}] if region else None
    if planned:
        resource: dict[str, Any] = {"resourceType": "ServiceRequest", "status": "active",
                                    "intent": "plan", "code": code, "subject": ctx.patient_ref,
                                    "occurrenceDateTime": stamp}
    else:
        resource = {"resourceType": "Procedure", "status": "completed", "code": code,
                    "subject": ctx.patient_ref, "performedDateTime": stamp}
    if body:
        resource["bodySite"] = body
    ref = ctx.add(resource, *id_parts)
    return ref if planned else None


def add_events(ctx: Context, case: Case) -> list[dict[str, str]]:
    """Add events and dental procedures; returns the references of the planned ones."""
    plans: list[dict[str, str]] = []
    for i, e in enumerate(case.events):
        key = e.rid if e.rid is not None else f"i{i}"
        code = concept(EVENT_TEXT[e.kind], snomed.EVENT[e.kind])
        stamp = when(e.date, e.at, ctx.zone)
        if e.kind in PLANNABLE_EVENTS:
            ref = _act(ctx, code, e.planned, stamp, e.region, "event", key)
            if ref:
                plans.append(ref)
            continue
        condition: dict[str, Any] = {
            "resourceType": "Condition", "code": code, "subject": ctx.patient_ref,
            "category": [{"coding": [local(_CATEGORY, "encounter-diagnosis")]}],
            "onsetDateTime": stamp}
        if e.region:
            condition["bodySite"] = [{"text": e.region}]
        if e.vertebral is not None:
            condition["note"] = [{"text": "vertebral" if e.vertebral else "not vertebral"}]
        ctx.add(condition, "event", key)
    for i, pr in enumerate(case.dental.procedures):
        key = pr.rid if pr.rid is not None else f"i{i}"
        code = concept(DENTAL_TEXT[pr.kind], snomed.DENTAL[pr.kind])
        ref = _act(ctx, code, pr.planned, when(pr.date, pr.at, ctx.zone), None, "dental", key)
        if ref:
            plans.append(ref)
    return plans
