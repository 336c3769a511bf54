"""The dose a form suggests for a BMA administration, with the inputs it used.

Bisphosphonates are judged by the CrCl of the dose, from the same per-dose creatinine as the
rules (:func:`app.domain.bma_renal.creatinine_for`, rule book §4 rules/2: 0–
``creatinine_max_age_days`` days before the dose, or before the as-of date for an overdue plan;
for a dose planned further ahead, a creatinine at most 90 days old, provisionally):

- zoledronic acid: the CrCl-adjusted dose (label), none below CrCl 30;
- pamidronate, ibandronate, clodronate, incadronate: the band of §4's per-drug CrCl table —
  none in a band where the drug is not to be given (``not_recommended``, ``contraindicated``),
  the band's dose in a ``reduce`` band (ibandronate 4 / 2 mg; clodronate 1200 / 800 mg daily
  for the 1600 mg regimen), else the label's oncology dose.

Denosumab: the label's oncology dose. The suggestion names the creatinine (value as reported,
unit, date), weight, age, sex and the CrCl used, or what is missing. Pure domain calls, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.bma_renal import OTHER_BISPHOSPHONATES, band_for, creatinine_for
from app.domain.case import BISPHOSPHONATES, Case
from app.domain.context import CaseView, round_crcl, za_dose_for_crcl
from app.domain.params import DEFAULTS, Params

STANDARD_DOSE_MG = {"denosumab": 120.0, "zoledronic_acid": 4.0, "pamidronate": 90.0,
                    "ibandronate": 6.0}
ZA_LIMIT = 30.0


@dataclass(frozen=True)
class DoseSuggestion:
    drug: str
    dose_mg: float | None  # None: not to be given at this CrCl, or not computable
    # "label" | "crcl" | "contraindicated" | "no_creatinine" | "missing" | "none"
    basis: str
    crcl_ml_min: float | None = None
    creatinine_value: float | None = None  # as reported
    creatinine_unit: str | None = None
    creatinine_date: date | None = None
    weight_kg: float | None = None
    age: int | None = None
    sex: str | None = None
    missing: tuple[str, ...] = ()
    provisional: bool = False
    band: str | None = None  # other bisphosphonates: the §4 band reached, if any
    limit: float | None = None  # "contraindicated": the CrCl below which it is not given


def _label(drug: str) -> DoseSuggestion:
    dose = STANDARD_DOSE_MG.get(drug)
    return DoseSuggestion(drug, dose, "label" if dose is not None else "none")


def dose_suggestion(case: Case, drug: str, dose_date: date, as_of: date,
                    params: Params = DEFAULTS, planned: bool = False) -> DoseSuggestion:
    if drug not in BISPHOSPHONATES:
        return _label(drug)
    view = CaseView(case, as_of, params)
    creatinine, provisional = creatinine_for(view, dose_date, planned)
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
    if drug in OTHER_BISPHOSPHONATES:
        band = band_for(drug, c.value)
        if band is None:
            label = _label(drug)
            return DoseSuggestion(drug, label.dose_mg, label.basis, crcl_ml_min=crcl, **common)
        if band.stop:
            return DoseSuggestion(drug, None, "contraindicated", crcl_ml_min=crcl,
                                  band=band.band, limit=band.upper, **common)
        return DoseSuggestion(drug, band.recommended_mg, "crcl", crcl_ml_min=crcl,
                              band=band.band, **common)
    dose = za_dose_for_crcl(c.value)
    if dose is None:
        return DoseSuggestion(drug, None, "contraindicated", crcl_ml_min=crcl, limit=ZA_LIMIT,
                              **common)
    return DoseSuggestion(drug, dose, "crcl", crcl_ml_min=crcl, **common)
