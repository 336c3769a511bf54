"""Small case builders for the BMA / DEN / DENT / summary tests (typed dataclasses, no JSON).

Default patient: male, born 1958-01-01 (68 years old throughout 2026), so with a
creatinine of 88.4 µmol/L (= 1.0 mg/dL) the Cockcroft–Gault CrCl equals the weight in kg —
threshold tests set the CrCl through ``weight_kg``.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.case import (
    Administration,
    Bma,
    Case,
    Dental,
    DentalProcedure,
    Event,
    Lab,
    Patient,
    Stop,
    Supplements,
)
from app.domain.context import CaseView
from app.domain.findings import Finding
from app.domain.params import DEFAULTS, Params

D = date.fromisoformat
T0 = D("2026-03-01")  # a reference date most tests count from


def day(k: int, base: date = T0) -> date:
    return base + timedelta(days=k)


def give(d: date, drug: str = "denosumab", mg: float | None = None) -> Administration:
    default = {"denosumab": 120, "zoledronic_acid": 4, "pamidronate": 90, "ibandronate": 6}
    return Administration(d, drug, mg if mg is not None else default.get(drug, 1), False)


def plan(d: date, drug: str = "denosumab", mg: float | None = None) -> Administration:
    a = give(d, drug, mg)
    return Administration(a.date, a.drug, a.dose_mg, True)


def lab(d: date, analyte: str, value: float, unit: str | None = None, **kw) -> Lab:
    units = {"CTX": "ng/mL", "CA": "mmol/L", "ICA": "mmol/L", "ALB": "g/L", "CREA": "umol/L"}
    return Lab(d, analyte, value, unit or units[analyte], **kw)


def creat(d: date, umol: float = 88.4) -> Lab:
    return lab(d, "CREA", umol)


def make(
    *,
    doses=(),
    stops=(),
    labs=(),
    exams=(),
    procedures=(),
    events=(),
    interval=None,
    calcium_supp: bool | None = True,
    vitamin_d: bool | None = True,
    **patient,
) -> Case:
    p = {"mrn": "T-1", "sex": "male", "birth_date": D("1958-01-01"), "weight_kg": 72.0}
    p.update(patient)
    return Case(
        patient=Patient(**p),
        labs=list(labs),
        bma=Bma(
            administrations=list(doses),
            interval_days=dict(interval or {}),
            stops=[s if isinstance(s, Stop) else Stop("denosumab", s) for s in stops],
        ),
        supplements=Supplements(calcium_supp, vitamin_d),
        dental=Dental(exams=list(exams), procedures=list(procedures)),
        events=list(events),
    )


def stop(d: date, drug: str = "denosumab", reason: str | None = None) -> Stop:
    return Stop(drug, d, reason)


def proc(d: date, kind: str, planned: bool = True) -> DentalProcedure:
    return DentalProcedure(d, kind, planned)


def event(d: date, kind: str, **kw) -> Event:
    return Event(d, kind, **kw)


class _Status:
    def __init__(self, s: str) -> None:
        self.bone_metastasis = s
        self.basis = "test basis"


def view_of(case: Case, as_of: date, params: Params = DEFAULTS, status: str = "confirmed"):
    v = CaseView(case, as_of, params)
    v.status = _Status(status)
    return v


def run(module, case: Case, as_of: date, params: Params = DEFAULTS,
        status: str = "confirmed") -> dict[str, Finding]:
    """Findings of one rule module by rule ID (each rule fires at most once)."""
    v = view_of(case, as_of, params, status)
    found = module.evaluate(v)
    ids = [f.rule for f in found]
    assert len(ids) == len(set(ids)), f"a rule fired twice: {ids}"
    return {f.rule: f for f in found}


def missing(module, case: Case, as_of: date, params: Params = DEFAULTS) -> dict[str, list]:
    v = view_of(case, as_of, params)
    module.evaluate(v)
    m = getattr(v, "missing", None) or v.memo.get("missing")
    return dict(m.by_input) if m is not None else {}
