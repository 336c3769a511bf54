"""Plausibility and parser limits: ONE place for the values every entry path refuses.

The patient form (:mod:`app.services.registry`), the record forms
(:mod:`app.services.records_validate`) and case files (:func:`app.domain.casefile.parse_case`,
used by ``bonemet case import``, ``assess CASE.json`` and ``careplan --case``) all take their
limits from here, so a value one path refuses is refused on every path, with the field named.

Plausibility (a typing slip or a corrupt file, not a clinical judgement — the rules still see
and flag doses that are clinically wrong but possible):

- dates: not before :data:`EARLIEST_DATE` (1900-01-01);
- weight: :data:`WEIGHT_KG_RANGE` (20–300 kg);
- a BMA dose: more than 0 and at most :data:`MAX_DOSE_MG` for its drug (twice the largest dose
  of any of the drug's products in the rule book's catalogue, so an osteoporosis product, a
  double dose or clodronate's daily 1600 mg stay recordable and visible to the rules, while
  1e9 mg is refused);
- age: :data:`MAX_AGE_YEARS`;
- oncology history (issue 20): dates of history records not before the birth date either
  (:func:`record_date_problems`) and, on the form path that knows today, not in the future
  (:func:`future_problem`); pain NRS 0–10 and WHO analgesic step 1–3; lesion size
  :data:`LESION_SIZE_MM_RANGE`; pack-years :data:`PACK_YEARS_RANGE`; PD-L1 TPS/CPS 0–100;
  therapy line number :data:`THERAPY_LINE_RANGE`, at most :data:`MAX_LINE_DRUGS` drugs.

Parser limits for decoded JSON (:func:`json_limit_problem`): nesting depth, integer size (what
the database can hold), list lengths, and strings that cannot be stored as UTF-8 (a lone
surrogate such as ``"\\ud800"``). Messages start with "must"/"not" and never echo the value.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

EARLIEST_DATE = date(1900, 1, 1)
WEIGHT_KG_RANGE = (20.0, 300.0)
MAX_AGE_YEARS = 120
MIN_AGE_YEARS = 18  # the registry is for adult oncology (patient form)
#: The largest plausible single dose per drug, mg (see the module docstring).
MAX_DOSE_MG: dict[str, float] = {
    "denosumab": 240.0,  # products: 120 mg (Xgeva), 60 mg (Prolia)
    "zoledronic_acid": 10.0,  # 4 mg oncology, 5 mg osteoporosis
    "pamidronate": 180.0,  # 90 mg
    "ibandronate": 300.0,  # 6 mg IV oncology, 150 mg oral monthly
    "incadronate": 20.0,  # 10 mg IV
    "clodronate": 3200.0,  # 1600 mg daily oral
}

NRS_RANGE = (0, 10)  # pain numeric rating scale
ANALGESIC_STEP_RANGE = (1, 3)  # WHO analgesic ladder
#: a bone lesion's largest diameter, mm (a sub-millimetre or metre-long lesion is a slip)
LESION_SIZE_MM_RANGE = (1.0, 500.0)
#: pack-years (packs a day x years smoked): above 200 is a typing slip
PACK_YEARS_RANGE = (0.0, 200.0)
PDL1_RANGE = (0.0, 100.0)  # TPS (%) and CPS
THERAPY_LINE_RANGE = (1, 20)
MAX_LINE_DRUGS = 10

#: Parser limits of a case file (decoded JSON).
MAX_JSON_DEPTH = 16
MAX_JSON_INT = 2**63 - 1
MAX_LIST_ITEMS = 100_000


def date_problem(d: date | None) -> str | None:
    """The problem with a record's date, or None."""
    if d is not None and d < EARLIEST_DATE:
        return f"must not be before {EARLIEST_DATE.year}"
    return None


def birth_problem(d: date | None, birth: date | None) -> str | None:
    """A record dated before the patient's birth."""
    if d is not None and birth is not None and d < birth:
        return "must not be before the birth date"
    return None


def future_problem(d: date | None, today: date) -> str | None:
    """A date after ``today`` (history records describe what happened)."""
    if d is not None and d > today:
        return "is in the future"
    return None


def range_problem(value: float | None, limits: tuple[float, float], unit: str = ""
                  ) -> str | None:
    """The problem of a value outside ``limits`` (inclusive), as ``must be LOW–HIGH UNIT``."""
    low, high = limits
    if value is not None and not low <= value <= high:
        return f"must be {low:g}–{high:g}{' ' + unit if unit else ''}"
    return None


#: The date fields of the history records checked against 1900 and the birth date.
HISTORY_DATE_FIELDS = ("date", "start", "stop", "first_seen")


def record_date_problems(record: Any, birth: date | None, path: str = ""
                         ) -> list[tuple[str, str]]:
    """``(field, problem)`` for every date of a history record (therapy line, PD-L1, smoking,
    course entry, lesion first seen) before 1900 or before the birth date."""
    out = []
    for name in HISTORY_DATE_FIELDS:
        if name not in getattr(record, "__dataclass_fields__", {}):
            continue
        d = getattr(record, name)
        problem = date_problem(d) or birth_problem(d, birth)
        if problem is not None:
            out.append((f"{path}.{name}" if path else name, problem))
    return out


def weight_problem(weight_kg: float | None) -> str | None:
    low, high = WEIGHT_KG_RANGE
    if weight_kg is not None and not low <= weight_kg <= high:
        return f"must be {low:g}–{high:g} kg"
    return None


def dose_problem(drug: str, dose_mg: float | None) -> str | None:
    """The problem with a dose of ``drug`` (an unknown drug is the caller's error)."""
    limit = MAX_DOSE_MG.get(drug)
    if dose_mg is None or limit is None:
        return None
    if dose_mg <= 0:
        return "must be > 0"
    if dose_mg > limit:
        return f"must be at most {limit:g} mg for {drug.replace('_', ' ')}"
    return None


def _children(value: Any, path: str) -> Iterator[tuple[Any, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield item, f"{path}.{key}" if path else str(key)
    else:
        for i, item in enumerate(value):
            yield item, f"{path}[{i}]"


def json_limit_problem(obj: Any) -> tuple[str, str] | None:
    """``(field path, problem)`` for the first value of a decoded JSON document beyond the
    parser limits, else None. Iterative (no recursion, whatever the depth)."""
    stack: list[tuple[Any, str, int]] = [(obj, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        where = path or "(case)"
        if isinstance(value, bool) or value is None or isinstance(value, float):
            continue
        if isinstance(value, int):
            if abs(value) > MAX_JSON_INT:
                return where, "must be smaller than 2^63 (too large a number)"
        elif isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return where, "not valid text (contains an unpaired UTF-16 surrogate)"
        elif isinstance(value, (dict, list)):
            if depth >= MAX_JSON_DEPTH:
                return where, f"nested too deeply (more than {MAX_JSON_DEPTH} levels)"
            if len(value) > MAX_LIST_ITEMS:
                return where, f"must have at most {MAX_LIST_ITEMS:,} entries"
            if isinstance(value, dict):
                for key in value:
                    problem = json_limit_problem(key) if isinstance(key, str) else None
                    if problem is not None:
                        return where, "a key " + problem[1]
            stack.extend((item, p, depth + 1) for item, p in reversed(list(
                _children(value, path))))
    return None


def case_limit_problem(case: Any) -> tuple[str, str] | None:
    """``(field path, problem)`` for the first value of a parsed case beyond the plausibility
    limits (paths as in the case file: ``labs[3].date``), else None."""
    patient = case.patient
    checks: list[tuple[str, str | None]] = [
        ("patient.birth_date", date_problem(patient.birth_date)),
        ("patient.weight_kg", weight_problem(patient.weight_kg)),
    ]
    for section in ("symptoms", "labs", "imaging", "biopsies", "events"):
        checks += [(f"{section}[{i}].date", date_problem(r.date))
                   for i, r in enumerate(getattr(case, section))]
    for i, a in enumerate(case.bma.administrations):
        checks += [(f"bma.administrations[{i}].date", date_problem(a.date)),
                   (f"bma.administrations[{i}].dose_mg", dose_problem(a.drug, a.dose_mg))]
    checks += [(f"bma.stops[{i}].date", date_problem(s.date))
               for i, s in enumerate(case.bma.stops)]
    checks += [(f"dental.exams[{i}]", date_problem(d)) for i, d in enumerate(case.dental.exams)]
    checks += [(f"dental.procedures[{i}].date", date_problem(p.date))
               for i, p in enumerate(case.dental.procedures)]
    if case.status_override is not None:
        checks.append(("status_override.date", date_problem(case.status_override.date)))
    birth = patient.birth_date
    for section in ("therapy_lines", "pdl1", "smoking", "disease_course", "lesions"):
        for i, r in enumerate(getattr(case, section)):
            checks += record_date_problems(r, birth, f"{section}[{i}]")
    return next(((path, problem) for path, problem in checks if problem is not None), None)
