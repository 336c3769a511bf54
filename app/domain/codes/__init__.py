"""Standard codes as data: one table per code system (issue 19).

- :mod:`.atc` — WHO ATC codes of the bone drugs (rule book §4 catalogue);
- :mod:`.ucum` — UCUM codes of every unit the rule book's §1 table accepts;
- :mod:`.loinc` — LOINC codes per analyte and unit variant (mass vs substance);
- :mod:`.snomed` — SNOMED CT concepts (bone metastasis, lung cancer and its histologies, the
  events, dental procedures, administration routes) where a code could be verified;
- :mod:`.icd10` — ICD-10 (WHO) and ICD-10-CM codes for the conditions.

Every table lists only codes checked against a published source (cited beside the table); a
concept without a verified code maps to ``None`` and exporters leave the coding out rather
than guess one. Pure data and lookups: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

ATC_SYSTEM = "http://www.whocc.no/atc"
UCUM_SYSTEM = "http://unitsofmeasure.org"
LOINC_SYSTEM = "http://loinc.org"
SNOMED_SYSTEM = "http://snomed.info/sct"
ICD10_SYSTEM = "http://hl7.org/fhir/sid/icd-10"
ICD10CM_SYSTEM = "http://hl7.org/fhir/sid/icd-10-cm"


@dataclass(frozen=True)
class Code:
    """One code of a code system with its display text (as the system publishes it)."""

    system: str
    code: str
    display: str
