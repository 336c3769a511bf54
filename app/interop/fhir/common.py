"""Shared pieces of the FHIR export: stable ids, references, codings, date-times with a zone,
and validation of every resource against its R4B model."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

from fhir.resources.R4B import get_fhir_model_class

from app.domain.codes import Code

#: Code systems of BoneMet's own concepts (rule IDs, analytes, scores, evidence labels).
BONEMET = "urn:bonemet"
MRN_SYSTEM = f"{BONEMET}:mrn"
ANALYTE_SYSTEM = f"{BONEMET}:analyte"
RULE_SYSTEM = f"{BONEMET}:rule"
SCORE_SYSTEM = f"{BONEMET}:score"
EVIDENCE_SYSTEM = f"{BONEMET}:evidence"
DRUG_SYSTEM = f"{BONEMET}:drug"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
_NS = uuid.UUID("6f1b5b1e-7a43-4d0e-9a8a-3c1d2b0b9e51")  # BoneMet's namespace for uuid5 ids


@dataclass
class Context:
    """What every builder needs: the patient's key, the site's zone, the as-of date, and the
    resources built so far (each with its fullUrl)."""

    key: str  # the patient's MRN: only hashed into ids, never written as an id
    zone: tzinfo
    as_of: date
    entries: list[tuple[str, Any]] = field(default_factory=list)

    def new_id(self, *parts: object) -> str:
        return str(uuid.uuid5(_NS, "|".join([self.key, *map(str, parts)])))

    def add(self, resource: dict[str, Any], *id_parts: object) -> dict[str, str]:
        """Validate ``resource`` with its R4B model, add it, and return a reference to it."""
        rid = self.new_id(resource["resourceType"], *id_parts)
        resource = {"resourceType": resource["resourceType"], "id": rid,
                    **{k: v for k, v in resource.items() if k != "resourceType"}}
        model = get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        url = f"urn:uuid:{rid}"
        self.entries.append((url, model))
        return {"reference": url}

    @property
    def patient_ref(self) -> dict[str, str]:
        return {"reference": f"urn:uuid:{self.new_id('Patient')}"}


def coding(code: Code) -> dict[str, str]:
    return {"system": code.system, "code": code.code, "display": code.display}


def concept(text: str, *codes: Code | None, extra: list[dict[str, str]] | None = None
            ) -> dict[str, Any]:
    """A CodeableConcept with the given codes (``None`` left out) and its text."""
    codings = [coding(c) for c in codes if c is not None] + list(extra or [])
    out: dict[str, Any] = {"text": text}
    if codings:
        out["coding"] = codings
    return out


def local(system: str, code: str, display: str | None = None) -> dict[str, str]:
    out = {"system": system, "code": code}
    if display:
        out["display"] = display
    return out


def when(day: date, at: datetime | None, zone: tzinfo) -> str:
    """A FHIR dateTime: the date alone when no time was recorded; a time recorded without an
    offset is the site's local time (the site zone is attached); one with an offset keeps it."""
    if at is None:
        return day.isoformat()
    if at.tzinfo is None:
        at = at.replace(tzinfo=zone)
    return at.isoformat()


def instant(moment: datetime, zone: tzinfo) -> str:
    """A FHIR instant in the site's zone (seconds precision)."""
    return moment.astimezone(zone).replace(microsecond=0).isoformat()


def quantity(value: float, unit: str, ucum: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"value": value, "unit": unit}
    if ucum is not None:
        out.update(system="http://unitsofmeasure.org", code=ucum)
    return out
