"""The oncology history (issue 20 item 8) as FHIR R4 resources: a MedicationStatement per drug
of each systemic-therapy line (effective period start–stop, the line, reason for stop and
RECIST best response as notes and status reason), Observations for PD-L1 (TPS, CPS as
components, BoneMet's codes), smoking status (LOINC 72166-2, pack-years as a component) and the
pain score (LOINC 72514-3, WHO analgesic step as a component), and the disease-course
milestones (diagnosis, recurrence, progression, restaging) as Observations with the stage."""

from __future__ import annotations

from typing import Any

from app.domain.case import Case
from app.domain.codes import loinc
from app.interop.fhir.common import BONEMET, OBS_CATEGORY, Context, concept, local

HISTORY_SYSTEM = f"{BONEMET}:history"
_EVENT_STATUS = {True: "completed", False: "active"}
_SMOKING_TEXT = {"never": "Never smoker", "former": "Former smoker", "current": "Current smoker"}
_RECIST = {"CR": "complete response", "PR": "partial response", "SD": "stable disease",
           "PD": "progressive disease", "NE": "not evaluable"}


def _obs(ctx: Context, code: dict[str, Any], day: str, category: str) -> dict[str, Any]:
    return {"resourceType": "Observation", "status": "final",
            "category": [{"coding": [local(OBS_CATEGORY, category)]}], "code": code,
            "subject": ctx.patient_ref, "effectiveDateTime": day}


def _own(code: str, text: str) -> dict[str, Any]:
    return {"coding": [local(HISTORY_SYSTEM, code, text)], "text": text}


def add_therapy_lines(ctx: Context, case: Case) -> None:
    for i, t in enumerate(case.therapy_lines):
        key = t.rid if t.rid is not None else f"i{i}"
        notes = [f"line {t.line} of systemic therapy: {' + '.join(t.drugs)}"]
        if t.best_response:
            notes.append(f"best response (RECIST 1.1): {t.best_response} "
                         f"({_RECIST[t.best_response]})")
        if t.note:
            notes.append(t.note)
        period = {"start": t.start.isoformat()}
        if t.stop:
            period["end"] = t.stop.isoformat()
        for j, drug in enumerate(t.drugs):
            resource: dict[str, Any] = {
                "resourceType": "MedicationStatement",
                "status": _EVENT_STATUS[t.stop is not None],
                "medicationCodeableConcept": {"text": drug},
                "subject": ctx.patient_ref, "effectivePeriod": period,
                "category": _own("systemic-therapy", "Systemic anticancer therapy"),
                "note": [{"text": n} for n in notes],
            }
            if t.stop_reason:
                resource["statusReason"] = [{"text": t.stop_reason.replace("_", " ")}]
            ctx.add(resource, "therapy", key, j)


def add_history_observations(ctx: Context, case: Case) -> None:
    for i, x in enumerate(case.pdl1):
        key = x.rid if x.rid is not None else f"i{i}"
        res = _obs(ctx, _own("pdl1", "PD-L1 expression"), x.date.isoformat(), "laboratory")
        res["component"] = [
            {"code": _own(code, text), "valueQuantity": {"value": v, "unit": unit}}
            for code, text, v, unit in (("pdl1-tps", "PD-L1 tumour proportion score", x.tps, "%"),
                                        ("pdl1-cps", "PD-L1 combined positive score", x.cps,
                                         "score"))
            if v is not None]
        if x.assay:
            res["method"] = {"text": x.assay}
        ctx.add(res, "pdl1", key)
    for i, s in enumerate(case.smoking):
        key = s.rid if s.rid is not None else f"i{i}"
        res = _obs(ctx, concept(loinc.SMOKING_STATUS.display, loinc.SMOKING_STATUS),
                   s.date.isoformat(), "social-history")
        res["valueCodeableConcept"] = _own(f"smoking-{s.status}", _SMOKING_TEXT[s.status])
        if s.pack_years is not None:
            res["component"] = [{"code": _own("pack-years", "Pack-years"),
                                 "valueQuantity": {"value": s.pack_years, "unit": "pack-years"}}]
        ctx.add(res, "smoking", key)
    for i, sym in enumerate(case.symptoms):
        if sym.nrs is None and sym.analgesic_step is None:
            continue
        key = sym.rid if sym.rid is not None else f"i{i}"
        res = _obs(ctx, concept(loinc.PAIN_NRS.display, loinc.PAIN_NRS), sym.date.isoformat(),
                   "survey")
        if sym.nrs is not None:
            res["valueInteger"] = sym.nrs
        else:
            res["dataAbsentReason"] = {"text": "not recorded"}
        if sym.analgesic_step is not None:
            res["component"] = [{"code": _own("who-analgesic-step", "WHO analgesic ladder step"),
                                 "valueInteger": sym.analgesic_step}]
        if sym.site:
            res["bodySite"] = {"text": sym.site}
        ctx.add(res, "pain", key)
    for i, c in enumerate(case.disease_course):
        key = c.rid if c.rid is not None else f"i{i}"
        res = _obs(ctx, _own(f"course-{c.kind}", f"Lung cancer {c.kind}"), c.date.isoformat(),
                   "exam")
        if c.stage:
            res["valueCodeableConcept"] = {"text": f"{c.stage} (AJCC 8th)"}
        else:
            res["valueBoolean"] = True
        ctx.add(res, "course", key)
