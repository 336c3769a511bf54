"""``bonemet import-fhir FILE``: the laboratory results of a FHIR R4 Bundle into the registry
(read-only first step of FHIR import; issue 19).

What is read: the Bundle's one Patient (its MRN identifier — BoneMet's ``urn:bonemet:mrn``
system or an identifier typed ``MR``) and every Observation coded with a LOINC code of one of
the 14 analytes (:mod:`app.domain.codes.loinc`) or with BoneMet's analyte code. Everything
else in the bundle is left alone.

- The patient must already be in the registry: an unknown MRN, or a name, sex or birth date
  that disagrees with the registry's, refuses the whole file (:class:`FhirImportError`, the
  message names the field; nothing is written).
- Each result becomes an :class:`~app.services.lab_import.IncomingLab` — value and unit as
  sent (the UCUM code mapped to the §1 unit when the unit text is not one), reference range
  numbers and text, H/L/N interpretation, method, collection time — and the whole bundle is one
  :class:`~app.services.lab_import.ImportUnit` written by the existing lab import service (one
  transaction, duplicates skipped, audit trail). A result with a problem (a unit that is not
  one of the analyte's, a LOINC code of the other unit variant, no value, no time) rejects the
  unit whole, naming the entry and the field.
- Results that are not final (``preliminary``, ``registered``, ``cancelled``,
  ``entered-in-error``) are left out and counted; ``amended`` / ``corrected`` ones replace the
  stored result of the same time.

Messages carry entry numbers and field names, never an MRN, a name or a value.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from pydantic import ValidationError

from app.data.engine import Database
from app.domain.case import Case, Lab
from app.domain.codes import LOINC_SYSTEM
from app.domain.codes.loinc import analyte_for_loinc, units_for_loinc
from app.domain.codes.ucum import unit_for_ucum
from app.domain.dates import DateFormatError, parse_date_or_datetime
from app.domain.params import DEFAULTS, Params
from app.domain.units import ANALYTES, is_accepted, normalise_unit
from app.interop.fhir.common import ANALYTE_SYSTEM, INTERPRETATION, MRN_SYSTEM
from app.services.case_service import PatientNotFound, load_case
from app.services.lab_import import ImportReport, ImportUnit, IncomingLab, apply_lab_import

MAX_BYTES = 50 * 1024 * 1024
_FINAL = {"final": False, "amended": True, "corrected": True}
_FLAGS = {"H": "H", "HH": "H", "HU": "H", "L": "L", "LL": "L", "LU": "L", "N": "N"}


class FhirImportError(ValueError):
    """The file cannot be imported; ``str()`` = ``<field>: <problem>``."""


def read_bundle(path: Path) -> dict[str, Any]:
    """The bundle as JSON, checked against the R4B Bundle model."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise FhirImportError(f"file: larger than {MAX_BYTES // (1024 * 1024)} MB")
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise FhirImportError("file: no such file") from None
    except IsADirectoryError:
        raise FhirImportError("file: is a folder") from None
    except UnicodeDecodeError:
        raise FhirImportError("file: not UTF-8 text") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FhirImportError(f"json: invalid JSON at line {exc.lineno}, column {exc.colno}: "
                              f"{exc.msg}") from None
    if not isinstance(doc, dict) or doc.get("resourceType") != "Bundle":
        raise FhirImportError("resourceType: expected a FHIR Bundle")
    try:
        Bundle.model_validate(doc)
    except ValidationError as exc:
        raise FhirImportError(f"Bundle: not a valid R4 Bundle ({_where(exc)})") from None
    return doc


def _where(exc: ValidationError) -> str:
    first = exc.errors()[0]
    return ".".join(str(p) for p in first.get("loc", ())) or "structure"


def _resources(doc: dict[str, Any], kind: str) -> list[tuple[int, dict[str, Any]]]:
    return [(i, e["resource"]) for i, e in enumerate(doc.get("entry") or [])
            if isinstance(e.get("resource"), dict) and e["resource"].get("resourceType") == kind]


def bundle_mrn(doc: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The MRN of the bundle's one Patient, and that Patient."""
    patients = _resources(doc, "Patient")
    if len(patients) != 1:
        raise FhirImportError(f"Patient: expected one Patient in the bundle, found "
                              f"{len(patients)}")
    _i, patient = patients[0]
    for ident in patient.get("identifier") or []:
        typed_mr = any(c.get("code") == "MR" for c in (ident.get("type") or {}).get("coding", []))
        if (ident.get("system") == MRN_SYSTEM or typed_mr) and str(ident.get("value", "")).strip():
            return str(ident["value"]).strip(), patient
    raise FhirImportError("Patient.identifier: no medical record number (MRN) identifier")


def check_patient(db: Database, mrn: str, patient: dict[str, Any]) -> Case:
    """The registry's case of the patient; refuse when there is no such patient or its
    demographics disagree."""
    try:
        case = load_case(db, mrn)
        known = case.patient
    except PatientNotFound:
        raise FhirImportError("Patient.identifier: no patient with this MRN in the registry; "
                              "add the patient first") from None
    birth = patient.get("birthDate")
    if birth and known.birth_date and birth != known.birth_date.isoformat():
        raise FhirImportError("Patient.birthDate: differs from the registry's patient")
    gender = patient.get("gender")
    if gender and known.sex and gender != known.sex:
        raise FhirImportError("Patient.gender: differs from the registry's patient")
    names = [n.get("text") for n in patient.get("name") or [] if n.get("text")]
    if names and known.name and known.name.strip() not in (n.strip() for n in names):
        raise FhirImportError("Patient.name: differs from the registry's patient")
    return case


def _instant(at: datetime, zone: tzinfo) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=zone)


def as_stored(unit: ImportUnit, stored: list[Lab], zone: tzinfo) -> None:
    """A result already stored with its time written another way (the export gave a time
    recorded without an offset the site's zone) gets the stored writing, so that the lab
    import recognises it as already stored instead of adding it twice."""
    for i, item in enumerate(unit.labs):
        lab = item.lab
        if lab.at is None:
            continue
        for old in stored:
            if (old.at is not None and old.at != lab.at and old.analyte == lab.analyte
                    and old.date == lab.date and old.value == lab.value
                    and normalise_unit(old.unit) == normalise_unit(lab.unit)
                    and _instant(old.at, zone) == _instant(lab.at, zone)):
                unit.labs[i] = dataclasses.replace(
                    item, lab=dataclasses.replace(lab, at=old.at))
                break


def _analyte(code: dict[str, Any]) -> tuple[str | None, str | None]:
    """(analyte, LOINC code sent) from an Observation.code."""
    loinc = local = None
    for c in code.get("coding") or []:
        if c.get("system") == LOINC_SYSTEM and analyte_for_loinc(str(c.get("code"))):
            loinc = str(c["code"])
        elif c.get("system") == ANALYTE_SYSTEM and c.get("code") in ANALYTES:
            local = str(c["code"])
    if loinc is not None:
        key = analyte_for_loinc(loinc)
        if local is not None and local != key:
            return None, loinc  # two codes that disagree: not guessed
        return key, loinc
    return local, None


def _unit(analyte: str, q: dict[str, Any]) -> str | None:
    unit = q.get("unit")
    if isinstance(unit, str) and is_accepted(analyte, unit):
        return unit
    mapped = unit_for_ucum(str(q.get("code", "")))
    if mapped is not None and is_accepted(analyte, mapped):
        return next(u for u in ANALYTES[analyte].units_display
                    if normalise_unit(u) == mapped)
    return None


def _number(q: dict[str, Any] | None) -> float | None:
    value = (q or {}).get("value")
    return None if value is None else float(value)


def incoming(n: int, obs: dict[str, Any], problems: list[str], skipped: list[str]
             ) -> IncomingLab | None:
    """One Observation as an IncomingLab, or None (not a BoneMet analyte; left out; bad)."""
    analyte, loinc = _analyte(obs.get("code") or {})
    if analyte is None:
        if loinc is not None:
            problems.append(f"entry {n}, Observation.code: LOINC and BoneMet codes disagree")
        return None
    where = f"entry {n}"
    status = obs.get("status")
    if status not in _FINAL:
        skipped.append(f"{where}: status {status} (not final): left out")
        return None
    try:
        get_fhir_model_class("Observation").model_validate(obs)
    except ValidationError as exc:
        problems.append(f"{where}, Observation.{_where(exc)}: not valid R4")
        return None
    q = obs.get("valueQuantity")
    value = _number(q)
    if value is None:
        problems.append(f"{where}, Observation.valueQuantity: a number is required")
        return None
    unit = _unit(analyte, q or {})
    if unit is None:
        problems.append(f"{where}, Observation.valueQuantity.unit: not a unit of {analyte}")
        return None
    if loinc is not None and normalise_unit(unit) not in units_for_loinc(loinc):
        problems.append(f"{where}, Observation.code: LOINC {loinc} is not the code for "
                        f"{analyte} in {unit}")
        return None
    stamp = obs.get("effectiveDateTime")
    try:
        day, at = parse_date_or_datetime(stamp or "")
    except DateFormatError:
        problems.append(f"{where}, Observation.effectiveDateTime: a date or date-time is "
                        "required")
        return None
    rng = (obs.get("referenceRange") or [{}])[0]
    for side in ("low", "high"):
        bound = rng.get(side)
        if bound is not None and _unit(analyte, bound) != unit:
            problems.append(f"{where}, Observation.referenceRange.{side}: unit differs from "
                            "the value's")
            return None
    flag = None
    for concept in obs.get("interpretation") or []:
        for c in concept.get("coding") or []:
            if c.get("system") == INTERPRETATION and c.get("code") in _FLAGS:
                flag = _FLAGS[c["code"]]
    notes = [str(a.get("text", "")) for a in obs.get("note") or []]
    fasting = True if "fasting sample" in notes else False if "not a fasting sample" in notes \
        else None
    lab = Lab(day, analyte, value, unit, ref_low=_number(rng.get("low")),
              ref_high=_number(rng.get("high")), fasting=fasting,
              method=(obs.get("method") or {}).get("text"), at=at)
    return IncomingLab(lab, where, loinc=loinc, flag=flag, ref_text=rng.get("text"),
                       corrects=_FINAL[status])


def bundle_unit(doc: dict[str, Any], source: str) -> ImportUnit:
    """The bundle's lab results as one import unit (problems reject it whole)."""
    mrn, _patient = bundle_mrn(doc)
    unit = ImportUnit("bundle", mrn, source, mrn_field="Patient.identifier")
    for n, obs in _resources(doc, "Observation"):
        item = incoming(n, obs, unit.problems, unit.skipped)
        if item is not None:
            unit.labs.append(item)
    return unit


def import_bundle_file(db: Database, path: Path, actor: str, zone: tzinfo, *,
                       params: Params = DEFAULTS, dry_run: bool = False) -> ImportReport:
    """Read, check the patient, and import the bundle's lab results (see the docstring);
    ``zone`` is the site's (a stored time without an offset is local time there)."""
    doc = read_bundle(path)
    mrn, patient = bundle_mrn(doc)
    case = check_patient(db, mrn, patient)
    unit = bundle_unit(doc, f"fhir:{path.name}")
    as_stored(unit, case.labs, zone)
    return apply_lab_import(db, [unit], actor, dry_run=dry_run, params=params)
