"""The as-of view of a case that every rule reads (rule book §0 and §1).

:class:`CaseView` applies the as-of convention once — records dated after the as-of date are
ignored, except records marked ``planned`` (plans whatever their date) — and offers the
derived values the rules share: labs converted to canonical units with their reference
ranges, the latest value of an analyte, corrected calcium (Payne) with its albumin pairing,
creatinine clearance (Cockcroft–Gault) with the inputs used, and region matching.

Rules never look at ``case`` lists directly for dated records; they ask the view.
``view.status`` is filled by the assessment before the rules run; ``view.memo`` lets rule
families share computed values (e.g. the denosumab course) within one assessment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import Any

from app.domain.case import (
    Administration,
    Case,
    DentalProcedure,
    Event,
    Lab,
    StatusOverride,
)
from app.domain.dates import age_on, days_between
from app.domain.params import DEFAULTS, Params
from app.domain.units import to_canonical

MG_DL_PER_UMOL_L = 1 / 88.4


@dataclass(frozen=True)
class LabValue:
    """A lab result with its value and reference range converted to the canonical unit."""

    lab: Lab
    value: float  # canonical unit, unrounded
    ref_low: float | None  # canonical unit
    ref_high: float | None
    index: int  # position in the case's labs list (stable tie-break, record pointer)

    @property
    def date(self) -> date:
        return self.lab.date

    @property
    def analyte(self) -> str:
        return self.lab.analyte


@dataclass(frozen=True)
class CalciumValue:
    """Corrected calcium (Payne, SI form) for one calcium sample."""

    calcium: LabValue
    value: float  # corrected when an albumin was paired, else the measured value
    albumin: LabValue | None
    corrected: bool
    lln: float
    uln: float


@dataclass(frozen=True)
class CrCl:
    """Cockcroft–Gault creatinine clearance from one creatinine sample."""

    creatinine: LabValue
    value: float | None  # mL/min, unrounded; None when not computable
    missing: tuple[str, ...]  # case-file keys that are missing (sex, birth_date, weight_kg)
    age: int | None
    weight_kg: float | None
    sex: str | None
    scr_mg_dl: float


#: a whole-body study's region, in English or Chinese
WHOLE_BODY = ("whole body", "全身")


def region_key(region: str | None) -> str:
    """Regions match when equal after trimming spaces and ignoring case."""
    return (region or "").strip().casefold()


def same_region(a: str | None, b: str | None) -> bool:
    return region_key(a) == region_key(b)


def imaging_covers(modality: str, imaging_region: str, region: str | None) -> bool:
    """A study covers a region when the regions match, or when it is a whole-body bone scan
    or PET-CT."""
    if modality in ("bone_scan", "pet_ct") and region_key(imaging_region) in WHOLE_BODY:
        return True
    return same_region(imaging_region, region)


def round_half_up(value: float, places: int) -> float:
    if not math.isfinite(value) or abs(value) >= 1e15:  # nothing to round (and Decimal
        return value  # cannot quantize it to `places` within its precision)
    q = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(q, rounding=ROUND_HALF_UP))


def round_sig(value: float, digits: int = 3) -> float:
    """Round to significant digits (half up)."""
    if value == 0:
        return 0.0
    if not math.isfinite(value):
        return value
    d = Decimal(repr(value))
    exponent = d.adjusted() - (digits - 1)
    return float(d.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP))


def round_lab(analyte: str, value: float) -> float:
    """Output precision of the rule book: calcium 0.01 mmol/L, CTX 0.001 ng/mL, others 3
    significant digits (CrCl has its own: :func:`round_crcl`)."""
    if analyte in ("CA", "ICA"):
        return round_half_up(value, 2)
    if analyte == "CTX":
        return round_half_up(value, 3)
    return round_sig(value, 3)


def round_crcl(value: float) -> float:
    return round_half_up(value, 1)


def _tol(b: float) -> float:
    """A CrCl equal to a band limit up to binary rounding counts as equal (1e-9 relative, as
    the rules' comparisons in :mod:`app.domain.rules_bma_common`)."""
    return 1e-9 * max(1.0, abs(b))


def za_dose_for_crcl(crcl: float | None) -> float | None:
    """Zoledronic acid dose by CrCl (label): None when not computable or CrCl < 30."""
    if crcl is None or crcl < 30 - _tol(30):
        return None
    if crcl > 60 + _tol(60):
        return 4.0
    if crcl >= 50 - _tol(50):
        return 3.5
    if crcl >= 40 - _tol(40):
        return 3.3
    return 3.0


class CaseView:
    """A case as it stood on ``as_of`` (plans kept whatever their date)."""

    def __init__(self, case: Case, as_of: date, params: Params = DEFAULTS) -> None:
        self.case = case
        self.as_of = as_of
        self.params = params
        self.status: Any = None  # set by the assessment (StatusResult) before rules run
        self.memo: dict[str, Any] = {}
        # missing inputs reported by rules (rules-hook: view.missing.add(input_key, rule_id))
        self.missing = Missing()

    # ---- dated records -------------------------------------------------------------------
    def _visible(self, d: date) -> bool:
        return d <= self.as_of

    @cached_property
    def symptoms(self):
        return sorted((s for s in self.case.symptoms if self._visible(s.date)), key=_by_date)

    @cached_property
    def imaging(self):
        return sorted((i for i in self.case.imaging if self._visible(i.date)), key=_by_date)

    @cached_property
    def biopsies(self):
        return sorted((b for b in self.case.biopsies if self._visible(b.date)), key=_by_date)

    @cached_property
    def events(self) -> list[Event]:
        """Events that happened by the as-of date, plus planned events of any date."""
        return sorted(
            (e for e in self.case.events if e.planned or self._visible(e.date)), key=_by_date
        )

    @cached_property
    def dental_exams(self) -> list[date]:
        return sorted(d for d in self.case.dental.exams if self._visible(d))

    @cached_property
    def clearance_exams(self) -> list[date]:
        """Exams that count as a dental clearance: an exam that found an extraction needed
        does not (docs/clinical-readings.md)."""
        return sorted(d for d in self.case.dental.clearance_exams() if self._visible(d))

    @cached_property
    def dental_procedures(self) -> list[DentalProcedure]:
        return sorted(
            (p for p in self.case.dental.procedures if p.planned or self._visible(p.date)),
            key=_by_date,
        )

    @cached_property
    def status_override(self) -> StatusOverride | None:
        o = self.case.status_override
        return o if o is not None and self._visible(o.date) else None

    # ---- bone-modifying agents -----------------------------------------------------------
    @cached_property
    def _administrations(self) -> list[Administration]:
        return sorted(
            (
                a for a in self.case.bma.administrations
                if a.planned or self._visible(a.date)
            ),
            key=_by_date,
        )

    def given(self, drug: str | tuple[str, ...] | None = None) -> list[Administration]:
        """Doses given by the as-of date (optionally of one drug or a tuple of drugs)."""
        return [a for a in self._administrations if not a.planned and _drug_match(a.drug, drug)]

    def planned(self, drug: str | tuple[str, ...] | None = None) -> list[Administration]:
        """Planned doses, whatever their date (a plan before the as-of date is overdue)."""
        return [a for a in self._administrations if a.planned and _drug_match(a.drug, drug)]

    def stops(self, drug: str | None = None):
        return sorted(
            (
                s for s in self.case.bma.stops
                if self._visible(s.date) and (drug is None or s.drug == drug)
            ),
            key=_by_date,
        )

    def interval(self, drug: str) -> int:
        """``bma.interval_days[drug]`` when given, else the 28-day default."""
        return int(self.case.bma.interval_days.get(drug, 28))

    # ---- labs ------------------------------------------------------------------------------
    @cached_property
    def _all_labs(self) -> dict[str, list[LabValue]]:
        """Every visible result by analyte, oldest first, censored ones (``< 0.010``) too."""
        out: dict[str, list[LabValue]] = {}
        for i, lab in enumerate(self.case.labs):
            if not self._visible(lab.date):
                continue
            f = to_canonical(lab.analyte, 1.0, lab.unit)
            out.setdefault(lab.analyte, []).append(
                LabValue(
                    lab=lab,
                    value=lab.value * f,
                    ref_low=None if lab.ref_low is None else lab.ref_low * f,
                    ref_high=None if lab.ref_high is None else lab.ref_high * f,
                    index=i,
                )
            )
        for values in out.values():
            values.sort(key=lambda v: (v.lab.date, _time_key(v.lab), v.index))
        return out

    @cached_property
    def _labs(self) -> dict[str, list[LabValue]]:
        """The numeric results: a censored result (a bound, e.g. below the detection limit)
        is never used as a number by the rules (docs/clinical-readings.md)."""
        return {k: [v for v in vs if v.lab.comparator is None]
                for k, vs in self._all_labs.items()}

    def labs(self, analyte: str) -> list[LabValue]:
        """Numeric results of an analyte dated on/before the as-of date, oldest first."""
        return list(self._labs.get(analyte, ()))

    def latest(self, analyte: str, within_days: int | None = None) -> LabValue | None:
        """The latest result (optionally only if dated within ``within_days`` of as-of); None
        when the latest result is censored: the analyte then has no usable latest value (an
        older number must not stand in for it)."""
        values = self._all_labs.get(analyte)
        if not values:
            return None
        last = values[-1]
        if last.lab.comparator is not None:
            return None
        if within_days is not None and days_between(last.date, self.as_of) > within_days:
            return None
        return last

    def default_uln(self, analyte: str) -> float | None:
        p = self.params
        return {
            "ALP": p.alp_uln_u_l,
            "CTX": p.ctx_uln_ng_ml,
            "CA": p.calcium_uln_mmol_l,
        }.get(analyte)

    def default_lln(self, analyte: str) -> float | None:
        return {"CA": self.params.calcium_lln_mmol_l}.get(analyte)

    def uln(self, lv: LabValue) -> float | None:
        """The result's own upper limit (canonical) wins, else the §9 default."""
        return lv.ref_high if lv.ref_high is not None else self.default_uln(lv.analyte)

    def lln(self, lv: LabValue) -> float | None:
        return lv.ref_low if lv.ref_low is not None else self.default_lln(lv.analyte)

    # ---- derived values ------------------------------------------------------------------
    def corrected_calcium(self, ca: LabValue) -> CalciumValue:
        """Payne: Ca + 0.02 × (40 − ALB), with the albumin closest in time within
        ±albumin_pairing_days (tie → the earlier sample); uncorrected without one."""
        best: LabValue | None = None
        best_key: tuple[int, int] | None = None
        for alb in self._labs.get("ALB", ()):
            gap = abs(days_between(ca.date, alb.date))
            if gap > self.params.albumin_pairing_days:
                continue
            key = (gap, 0 if alb.date <= ca.date else 1)
            if best_key is None or key < best_key:
                best, best_key = alb, key
        value = ca.value if best is None else ca.value + 0.02 * (40 - best.value)
        lln = ca.ref_low if ca.ref_low is not None else self.params.calcium_lln_mmol_l
        uln = ca.ref_high if ca.ref_high is not None else self.params.calcium_uln_mmol_l
        return CalciumValue(ca, value, best, best is not None, lln, uln)

    def latest_calcium(self, within_days: int | None = None) -> CalciumValue | None:
        ca = self.latest("CA", within_days)
        return None if ca is None else self.corrected_calcium(ca)

    def crcl(self, creatinine: LabValue) -> CrCl:
        """Cockcroft–Gault: (140 − age) × weight / (72 × SCr mg/dL), × 0.85 if female; age in
        whole years on the creatinine date; needs sex female/male, birth date and weight."""
        p = self.case.patient
        scr = creatinine.value * MG_DL_PER_UMOL_L
        missing = []
        if p.sex not in ("female", "male"):
            missing.append("sex")
        if p.birth_date is None:
            missing.append("birth_date")
        if p.weight_kg is None:
            missing.append("weight_kg")
        age = age_on(p.birth_date, creatinine.date) if p.birth_date else None
        value = None
        if not missing and scr > 0:
            value = (140 - age) * p.weight_kg / (72 * scr)
            if p.sex == "female":
                value *= 0.85
            if not math.isfinite(value):  # an absurd creatinine (e.g. 1e-308): no CrCl
                value = None
        return CrCl(creatinine, value, tuple(missing), age, p.weight_kg, p.sex, scr)

    def crcl_latest(self) -> CrCl | None:
        """CrCl from the latest creatinine on/before the as-of date."""
        cr = self.latest("CREA")
        return None if cr is None else self.crcl(cr)


@dataclass
class Missing:
    """Missing inputs collected during an assessment: input key → rule IDs that needed it."""

    by_input: dict[str, list[str]] = field(default_factory=dict)

    def add(self, input_key: str, *rules: str) -> None:
        lst = self.by_input.setdefault(input_key, [])
        for r in rules:
            if r not in lst:
                lst.append(r)

    def to_json(self) -> list[dict[str, Any]]:
        return [{"input": k, "rules": list(v)} for k, v in self.by_input.items()]


def _by_date(record) -> tuple:
    return (record.date, _time_key(record))


def _time_key(record) -> str:
    at = getattr(record, "at", None)
    return at.isoformat() if at is not None else ""


def _drug_match(drug: str, wanted: str | tuple[str, ...] | None) -> bool:
    if wanted is None:
        return True
    if isinstance(wanted, tuple):
        return drug in wanted
    return drug == wanted
