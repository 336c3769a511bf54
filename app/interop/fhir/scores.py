"""Score Observations (rule book §8): SINS, Mirels and ESCC per lesion; Tokuhashi, Tomita and
Katagiri per patient, each with its band; a score that could not be computed is exported with
a data-absent reason naming the missing inputs. (ECOG and KPS: :mod:`.patient`.)"""

from __future__ import annotations

from typing import Any

from app.domain.case import LONG_BONES
from app.interop.fhir.common import OBS_CATEGORY, SCORE_SYSTEM, Context, local

_NAMES = {"sins": "Spinal Instability Neoplastic Score (SINS)",
          "mirels": "Mirels score", "escc": "ESCC (Bilsky) grade",
          "tokuhashi": "Revised Tokuhashi score", "tomita": "Tomita score",
          "katagiri": "New Katagiri score"}
_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"


def _score(ctx: Context, key: str, value: int | str | None, band: str | None,
           missing: list[str], region: str | None) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Observation", "status": "final",
        "category": [{"coding": [local(OBS_CATEGORY, "survey")]}],
        "code": {"coding": [local(SCORE_SYSTEM, key, _NAMES[key])], "text": _NAMES[key]},
        "subject": ctx.patient_ref, "effectiveDateTime": ctx.as_of.isoformat(),
    }
    if isinstance(value, int):
        resource["valueInteger"] = value
    elif value is not None:
        resource["valueCodeableConcept"] = {"text": value}
    else:
        resource["dataAbsentReason"] = {"coding": [local(_ABSENT, "unknown", "Unknown")]}
    if band:
        resource["interpretation"] = [{"text": band}]
    if missing:
        resource["note"] = [{"text": "missing inputs: " + ", ".join(missing)}]
    if region:
        resource["bodySite"] = {"text": region}
    return resource


def add_scores(ctx: Context, scores: dict[str, Any]) -> None:
    for i, les in enumerate(scores.get("lesions", [])):
        missing = list(les.get("missing") or [])
        if les.get("bone") == "vertebra":
            ctx.add(_score(ctx, "sins", les["sins"], les["sins_band"], missing,
                           les["region"]), "score", "sins", i)
        if les.get("bone") in LONG_BONES:
            ctx.add(_score(ctx, "mirels", les["mirels"], les["mirels_band"], missing,
                           les["region"]), "score", "mirels", i)
        if les.get("escc") is not None:
            ctx.add(_score(ctx, "escc", str(les["escc"]), None, [], les["region"]),
                    "score", "escc", i)
    for key in ("tokuhashi", "tomita", "katagiri"):
        s = scores.get(key)
        if s is not None:
            ctx.add(_score(ctx, key, s["value"], s["band"], list(s.get("missing") or []),
                           None), "score", key)
