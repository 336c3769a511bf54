"""Validate one chart record as entered in a form, reusing the case-file validation.

A form hands in the record as a ``bonemet-case/1`` fragment (a dict of case-file keys with JSON
values: dates as ``YYYY-MM-DD`` or ISO date-time text). :func:`parse_record` wraps it in a
minimal case document and runs :func:`app.domain.casefile.parse_case` on it, so allowed values,
units and cross-field constraints are exactly the case file's. The case-file parser stops at the
first problem; to name *every* wrong field at once, the faulty field is replaced by a harmless
placeholder (or dropped when optional) and the record is parsed again.

The plausibility limits (dates not before 1900, dose per drug, weight) are the case file's, from
:mod:`app.domain.limits`. Checks the case file cannot make (it has no "today") are added here: a
record of something that happened must not be dated in the future (a plan must be marked
planned).

Messages are English and name the field and the problem; they never repeat free text.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from app.domain import case as C
from app.domain.casefile import CaseFileError, parse_case
from app.domain.limits import future_problem
from app.domain.units import ANALYTES
from app.services.records_map import IntervalSetting
from app.services.registry import FieldError, ValidationFailed

__all__ = ["FieldError", "ValidationFailed", "parse_record"]


_LIST_SECTIONS = {
    "symptom": "symptoms", "lab": "labs", "imaging": "imaging", "biopsy": "biopsies",
    "lesion": "lesions", "event": "events",
    "therapy_line": "therapy_lines", "pdl1": "pdl1", "smoking": "smoking",
    "course": "disease_course",
}
_PLACEHOLDERS: dict[str, dict[str, Any]] = {
    "symptom": {"date": "2000-01-01", "kind": "bone_pain"},
    "lab": {"date": "2000-01-01", "analyte": "ALP", "value": 1},
    "imaging": {"date": "2000-01-01", "modality": "ct", "region": "x", "result": "negative"},
    "biopsy": {"date": "2000-01-01", "region": "x", "result": "negative"},
    "lesion": {"region": "x", "bone": "other"},
    "event": {"date": "2000-01-01", "kind": "fracture"},
    "administration": {"date": "2000-01-01", "drug": "denosumab", "dose_mg": 1},
    "stop": {"date": "2000-01-01", "drug": "denosumab"},
    "dental_procedure": {"date": "2000-01-01", "kind": "scaling"},
    "dental_exam": {"date": "2000-01-01"},
    "therapy_line": {"line": 1, "drugs": ["x"], "start": "2000-01-01"},
    "pdl1": {"date": "2000-01-01", "tps": 1},
    "smoking": {"date": "2000-01-01", "status": "current"},
    "course": {"date": "2000-01-01", "kind": "diagnosis"},
    "status_override": {"status": "unknown", "date": "2000-01-01"},
    "cancer": {}, "supplements": {},
}
#: kinds that describe something that happened (never dated after today unless planned)
_PAST_ONLY = ("symptom", "lab", "imaging", "biopsy", "stop", "dental_exam", "administration",
              "dental_procedure", "event", "status_override", "pdl1", "smoking", "course")
#: other dates that must not be in the future (limits.future_problem), by kind
_PAST_DATES = {"therapy_line": ("start", "stop"), "lesion": ("first_seen",)}


def _document(kind: str, obj: dict[str, Any]) -> tuple[dict[str, Any], str]:
    doc: dict[str, Any] = {"schema": C.SCHEMA, "patient": {"mrn": "x"}}
    if kind in _LIST_SECTIONS:
        doc[_LIST_SECTIONS[kind]] = [obj]
        return doc, f"{_LIST_SECTIONS[kind]}[0]"
    if kind == "administration":
        doc["bma"] = {"administrations": [obj]}
        return doc, "bma.administrations[0]"
    if kind == "stop":
        doc["bma"] = {"stops": [obj]}
        return doc, "bma.stops[0]"
    if kind == "dental_procedure":
        doc["dental"] = {"procedures": [obj]}
        return doc, "dental.procedures[0]"
    if kind == "dental_exam":
        doc["dental"] = {"exams": [obj]}
        return doc, "dental.exams[0]"
    if kind in ("cancer", "supplements", "status_override"):
        doc[kind] = obj
        return doc, kind
    raise KeyError(kind)


def _code(problem: str) -> str:
    if problem == "required" or problem == "must not be empty":
        return "required"
    if problem == "unknown key":
        return "unknown"
    if "is not a unit of" in problem:
        return "unit"
    if "is not one of" in problem:
        return "invalid"
    if problem.startswith("expected"):
        return "type"
    if problem.startswith("must"):
        return "out_of_range"
    return "invalid"


def _field_of(err: CaseFileError, prefix: str, kind: str) -> str:
    name = err.field
    if kind == "dental_exam" and name == prefix:
        return "date"
    if name.startswith(prefix + "."):
        return name[len(prefix) + 1:].split("[")[0]
    return "(record)"


def _placeholder(kind: str, obj: dict[str, Any], field: str) -> tuple[bool, Any]:
    """(True, value) to substitute for a faulty field; (False, None) to drop it."""
    if kind == "lab" and field == "unit":
        analyte = obj.get("analyte")
        info = ANALYTES.get(analyte) if isinstance(analyte, str) else None
        return True, (info.units_display[0] if info else "U/L")
    if kind == "lab" and field == "analyte":
        obj["unit"] = "U/L"
    if kind == "lesion" and field == "level":
        return (True, "L1") if obj.get("bone") == "vertebra" else (False, None)
    table = _PLACEHOLDERS.get(kind, {})
    if field in table:
        return True, table[field]
    return False, None


def _parse(kind: str, obj: dict[str, Any]) -> Any:
    doc, _prefix = _document(kind, obj)
    case = parse_case(doc)
    if kind in _LIST_SECTIONS:
        return getattr(case, _LIST_SECTIONS[kind])[0]
    return {
        "administration": lambda: case.bma.administrations[0],
        "stop": lambda: case.bma.stops[0],
        "dental_procedure": lambda: case.dental.procedures[0],
        "dental_exam": lambda: (case.dental.findings or [C.DentalExam(case.dental.exams[0])])[0],
        "cancer": lambda: case.cancer,
        "supplements": lambda: case.supplements,
        "status_override": lambda: case.status_override,
    }[kind]()


def _interval(obj: dict[str, Any]) -> IntervalSetting:
    errors = []
    drug = obj.get("drug")
    if drug is None:
        errors.append(FieldError("drug", "required", "required"))
    elif drug not in C.DRUGS:
        errors.append(FieldError("drug", "invalid", "is not a drug of the catalogue"))
    days = obj.get("days")
    if days is None:
        errors.append(FieldError("days", "required", "required"))
    elif isinstance(days, bool) or not isinstance(days, int):
        errors.append(FieldError("days", "type", "expected a whole number of days"))
    elif not 1 <= days <= 365:
        errors.append(FieldError("days", "out_of_range", "must be 1–365 days"))
    if errors:
        raise ValidationFailed(errors)
    return IntervalSetting(drug, days)


def parse_record(kind: str, values: dict[str, Any], today: date | None = None) -> Any:
    """Validate a record fragment of ``kind`` and return the domain record.

    ``kind`` is a chart record kind (``lab``, ``administration``, …) or one of the patient-level
    sections ``cancer``, ``supplements``, ``status_override``. Raises :class:`ValidationFailed`
    listing every field problem; nothing else is raised for bad input.
    """
    if kind == "interval":
        return _interval(values)
    obj = {k: v for k, v in values.items() if v is not None and v != ""}
    errors: list[FieldError] = []
    seen: set[str] = set()
    work = copy.deepcopy(obj)
    record = None
    for _ in range(40):
        _doc, prefix = _document(kind, work)
        try:
            record = _parse(kind, work)
            break
        except CaseFileError as err:
            field = _field_of(err, prefix, kind)
            if field in seen or field == "(record)":
                errors.append(FieldError(field, _code(err.problem), err.problem))
                break
            seen.add(field)
            errors.append(FieldError(field, _code(err.problem), err.problem))
            keep, value = _placeholder(kind, work, field)
            if keep:
                work[field] = value
            else:
                work.pop(field, None)
    errors.extend(_extra_checks(kind, obj, record, today or date.today(), seen))
    if errors:
        raise ValidationFailed(errors)
    return record


def _extra_checks(kind: str, obj: dict[str, Any], record: Any, today: date,
                  seen: set[str]) -> list[FieldError]:
    out: list[FieldError] = []
    if record is None:
        return out
    d = getattr(record, "date", None)
    if isinstance(d, date) and "date" not in seen:
        planned = bool(getattr(record, "planned", False))
        if kind in _PAST_ONLY and not planned and d > today:
            out.append(FieldError(
                "date", "future",
                "is in the future: only a planned record can be dated after today",
            ))
    for name in _PAST_DATES.get(kind, ()):
        problem = future_problem(getattr(record, name), today)
        if problem is not None and name not in seen:
            out.append(FieldError(name, "future", f"{problem}: only what happened is recorded"))
    if kind == "status_override" and not (obj.get("reason") or "").strip():
        out.append(FieldError("reason", "required", "required: say why the status is overridden"))
    return out
