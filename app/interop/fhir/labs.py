"""One laboratory Observation per lab result: LOINC for the analyte and unit variant (and
BoneMet's analyte key beside it), the value and unit as reported with the UCUM code, the
reference range (numbers and the text as sent), the H/L/N interpretation, the collection time
in the site's zone, the method; fasting and the source as notes."""

from __future__ import annotations

from typing import Any

from app.data.case_repo import lab_flag as derived_flag
from app.domain.case import Lab
from app.domain.codes.loinc import loinc_code
from app.domain.codes.ucum import ucum_code
from app.domain.units import ANALYTES
from app.interop.fhir.common import (
    ANALYTE_SYSTEM,
    INTERPRETATION,
    OBS_CATEGORY,
    Context,
    concept,
    local,
    quantity,
    when,
)

_INTERPRETATION_TEXT = {"H": "High", "L": "Low", "N": "Normal"}


def lab_flag(lab: Lab) -> str | None:
    """H / L / N: as the laboratory sent it, else against the reported range."""
    if lab.flag is not None:
        return lab.flag
    return derived_flag(lab.value, lab.ref_low, lab.ref_high)


def lab_observation(ctx: Context, lab: Lab) -> dict[str, Any]:
    info = ANALYTES[lab.analyte]
    ucum = ucum_code(lab.unit)
    resource: dict[str, Any] = {
        "resourceType": "Observation", "status": "final",
        "category": [{"coding": [local(OBS_CATEGORY, "laboratory")]}],
        "code": concept(info.name, loinc_code(lab.analyte, lab.unit),
                        extra=[local(ANALYTE_SYSTEM, lab.analyte)]),
        "subject": ctx.patient_ref,
        "effectiveDateTime": when(lab.date, lab.at, ctx.zone),
        "valueQuantity": quantity(lab.value, lab.unit, ucum),
    }
    if lab.ref_low is not None or lab.ref_high is not None or lab.ref_text:
        rng: dict[str, Any] = {}
        if lab.ref_low is not None:
            rng["low"] = quantity(lab.ref_low, lab.unit, ucum)
        if lab.ref_high is not None:
            rng["high"] = quantity(lab.ref_high, lab.unit, ucum)
        if lab.ref_text:
            rng["text"] = lab.ref_text
        resource["referenceRange"] = [rng]
    flag = lab_flag(lab)
    if flag is not None:
        resource["interpretation"] = [{"coding": [
            local(INTERPRETATION, flag, _INTERPRETATION_TEXT[flag])]}]
    if lab.method:
        resource["method"] = {"text": lab.method}
    notes = []
    if lab.fasting is not None:
        notes.append("fasting sample" if lab.fasting else "not a fasting sample")
    if lab.source:
        notes.append(f"source: {lab.source}")
    if notes:
        resource["note"] = [{"text": n} for n in notes]
    return resource


def add_labs(ctx: Context, labs: list[Lab]) -> None:
    for i, lab in enumerate(labs):
        ctx.add(lab_observation(ctx, lab), "lab", lab.rid if lab.rid is not None else f"i{i}")
