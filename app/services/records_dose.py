"""The dose a form suggests for a BMA administration, with the inputs it used.

Zoledronic acid (rule book §4, label): the CrCl-adjusted dose from the latest creatinine dated
0–``creatinine_max_age_days`` days before the dose (not after the as-of date); for a dose planned
further ahead, the latest creatinine on/before the as-of date, provisionally. The suggestion
names the creatinine (value as reported, unit, date), weight, age, sex and the CrCl used, or
what is missing. Other drugs: the label's oncology dose. Pure domain calls, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.case import Case
from app.domain.context import CaseView, LabValue, round_crcl, za_dose_for_crcl
from app.domain.dates import days_between
from app.domain.params import DEFAULTS, Params

STANDARD_DOSE_MG = {"denosumab": 120.0, "zoledronic_acid": 4.0, "pamidronate": 90.0,
                    "ibandronate": 6.0}


@dataclass(frozen=True)
class DoseSuggestion:
    drug: str
    dose_mg: float | None  # None: not recommended (CrCl < 30) or not computable
    basis: str  # "label" | "crcl" | "contraindicated" | "no_creatinine" | "missing" | "none"
    crcl_ml_min: float | None = None
    creatinine_value: float | None = None  # as reported
    creatinine_unit: str | None = None
    creatinine_date: date | None = None
    weight_kg: float | None = None
    age: int | None = None
    sex: str | None = None
    missing: tuple[str, ...] = ()
    provisional: bool = False


def _creatinine_for(view: CaseView, dose_date: date) -> tuple[LabValue | None, bool]:
    limit = view.params.creatinine_max_age_days
    values = view.labs("CREA")
    if days_between(view.as_of, dose_date) > limit:
        return (values[-1] if values else None), True
    usable = [v for v in values if 0 <= days_between(v.date, dose_date) <= limit]
    return (usable[-1] if usable else None), False


def dose_suggestion(case: Case, drug: str, dose_date: date, as_of: date,
                    params: Params = DEFAULTS) -> DoseSuggestion:
    if drug != "zoledronic_acid":
        dose = STANDARD_DOSE_MG.get(drug)
        return DoseSuggestion(drug, dose, "label" if dose is not None else "none")
    view = CaseView(case, as_of, params)
    creatinine, provisional = _creatinine_for(view, dose_date)
    if creatinine is None:
        return DoseSuggestion(drug, None, "no_creatinine", missing=("labs.CREA",))
    c = view.crcl(creatinine)
    common = dict(
        creatinine_value=creatinine.lab.value, creatinine_unit=creatinine.lab.unit,
        creatinine_date=creatinine.date, weight_kg=c.weight_kg, age=c.age, sex=c.sex,
        provisional=provisional,
    )
    if c.value is None:
        return DoseSuggestion(drug, None, "missing", missing=c.missing, **common)
    crcl = round_crcl(c.value)
    dose = za_dose_for_crcl(c.value)
    basis = "crcl" if dose is not None else "contraindicated"
    return DoseSuggestion(drug, dose, basis, crcl_ml_min=crcl, **common)
