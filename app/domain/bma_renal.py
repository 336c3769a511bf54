"""Per-dose kidney function of bisphosphonate doses (rule book §4, rules/2), shared by the
zoledronic-acid rules (:mod:`app.domain.rules_bma_za`), the other bisphosphonates' rules
(:mod:`app.domain.rules_bma_bp`) and the dose form's suggestion (``app.services.records_dose``).
One implementation of:

- **the per-dose creatinine** (:func:`creatinine_for`): for a dose given, or planned on/after
  the as-of date, the latest creatinine dated 0–``creatinine_max_age_days`` days before the
  dose (and not after the as-of date); for an overdue plan (dated before the as-of date), the
  latest creatinine dated 0–``creatinine_max_age_days`` days before the **as-of date**; for a
  dose planned more than ``creatinine_max_age_days`` after the as-of date, the latest
  creatinine dated 0–90 days before the as-of date, *provisionally* (none: no CrCl);
- **due** (:func:`is_due`): a plan dated within ``creatinine_max_age_days`` after the as-of
  date, or before it (an overdue plan);
- **the doses concerned** (:func:`renal_doses`): every plan of the drugs, plus (for the dose
  rules) the doses given within the last 28 days;
- the band table of the other bisphosphonates (:data:`BANDS`, :func:`band_for`);
- BMA-*-CREAT-MISSING (:func:`creat_missing`) and BMA-*-CREAT-RISE (:func:`creat_rise`), which
  the two families word alike for their drugs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.bma_state import dose_json, drug_state
from app.domain.case import Administration
from app.domain.context import MG_DL_PER_UMOL_L, CaseView, CrCl, LabValue, round_lab
from app.domain.dates import days_between
from app.domain.findings import Finding, RuleInfo, make_finding
from app.domain.rules_bma_common import DRUG_ZH, ge, lt, missing_of

RECENT_GIVEN_DAYS = 28
PROVISIONAL_MAX_AGE_DAYS = 90
#: The other bisphosphonates of §4, in the order of the §4 drug catalogue.
OTHER_BISPHOSPHONATES = ("pamidronate", "ibandronate", "clodronate", "incadronate")


@dataclass(frozen=True)
class Band:
    """One row of §4's "Other bisphosphonates by CrCl": ``lower`` ≤ CrCl < ``upper``."""

    drug: str
    lower: float | None  # None: no lower limit
    upper: float
    band: str  # "reduce" | "not_recommended" | "contraindicated"
    recommended_mg: float | None  # ibandronate's dose; clodronate's daily dose; else None
    label: str
    label_zh: str

    @property
    def stop(self) -> bool:
        """A band where the drug is not to be given (the rule is critical)."""
        return self.band in ("not_recommended", "contraindicated")


BANDS = (  # label texts as the book's "The label says" column
    Band("pamidronate", None, 30, "not_recommended", None,
         "not recommended for bone metastases in severe renal impairment (USPI); the SmPC: "
         "not to be given at CrCl < 30 except in life-threatening tumour-induced "
         "hypercalcaemia. At ≥ 30: no dose change, infusion over ≥ 2 h",
         "严重肾功能损害时不推荐用于骨转移（美国说明书）；欧洲说明书：CrCl < 30时除危及生命的肿瘤性"
         "高钙血症外不应使用。CrCl ≥ 30：无需调整剂量，输注≥2小时"),
    Band("ibandronate", 30, 50, "reduce", 4.0,
         "4 mg in 500 mL over 1 h (6 mg over 15 min at ≥ 50)",
         "4 mg溶于500 mL，输注1小时（CrCl ≥ 50时6 mg输注15分钟）"),
    Band("ibandronate", None, 30, "reduce", 2.0, "2 mg in 500 mL over 1 h",
         "2 mg溶于500 mL，输注1小时"),
    Band("clodronate", 30, 50, "reduce", 1200.0,
         "daily dose reduced by a quarter (400/800 mg oral products)",
         "每日剂量减少四分之一（400/800 mg口服制剂）"),
    Band("clodronate", 10, 30, "reduce", 800.0, "half the daily dose", "每日剂量减半"),
    Band("clodronate", None, 10, "contraindicated", None, "contraindicated (SmPC 4.3)",
         "禁用（说明书4.3）"),
    Band("incadronate", None, 30, "not_recommended", None,
         "no label verified: pharmacist review before any dose",
         "无已核实的说明书：任何给药前均需药师审核"),
)


def band_for(drug: str, crcl: float) -> Band | None:
    """The band a CrCl reaches for ``drug`` (a value on a lower limit belongs to that band);
    None above every band."""
    for b in BANDS:
        if b.drug == drug and (b.lower is None or ge(crcl, b.lower)) and lt(crcl, b.upper):
            return b
    return None


@dataclass(frozen=True)
class DoseRenal:
    """One dose with the creatinine / CrCl used to judge it."""

    dose: Administration
    crcl: CrCl | None  # None: no creatinine in the dose's window
    provisional: bool  # planned far ahead: the as-of creatinine stands in

    @property
    def computable(self) -> bool:
        return self.crcl is not None and self.crcl.value is not None


def _latest_within(view: CaseView, ref: date, max_age: int) -> LabValue | None:
    found = None
    for lv in view.labs("CREA"):  # oldest first: the last match is the latest
        if 0 <= days_between(lv.date, ref) <= max_age:
            found = lv
    return found


def creatinine_for(view: CaseView, dose_date: date, planned: bool
                   ) -> tuple[LabValue | None, bool]:
    """The creatinine a dose is judged by, and whether it is provisional (module doc)."""
    max_age = view.params.creatinine_max_age_days
    if planned and days_between(view.as_of, dose_date) > max_age:
        return _latest_within(view, view.as_of, PROVISIONAL_MAX_AGE_DAYS), True
    ref = view.as_of if planned and dose_date < view.as_of else dose_date
    return _latest_within(view, ref, max_age), False


def is_due(view: CaseView, plan: Administration) -> bool:
    """A plan dated within ``creatinine_max_age_days`` after the as-of date, or before it."""
    return days_between(view.as_of, plan.date) <= view.params.creatinine_max_age_days


def dose_renal(view: CaseView, dose: Administration) -> DoseRenal:
    lv, provisional = creatinine_for(view, dose.date, dose.planned)
    return DoseRenal(dose, None if lv is None else view.crcl(lv), provisional)


def renal_doses(view: CaseView, drugs: str | tuple[str, ...], include_recent_given: bool
                ) -> list[DoseRenal]:
    """The plans of ``drugs`` (and the doses given within the last 28 days), oldest first."""
    doses = list(view.planned(drugs))
    if include_recent_given:
        doses += [a for a in view.given(drugs)
                  if 0 <= days_between(a.date, view.as_of) <= RECENT_GIVEN_DAYS]
    doses.sort(key=lambda a: (a.date, a.planned))
    return [dose_renal(view, a) for a in doses]


def report_missing(view: CaseView, r: DoseRenal, rules: tuple[str, ...]) -> None:
    """Name what keeps a dose's CrCl from being computed (its creatinine, or sex / birth
    date / weight) as a missing input of ``rules``."""
    m = missing_of(view)
    if r.crcl is None:
        m.add("labs.CREA", *rules)
    else:
        for key in r.crcl.missing:
            m.add(key, *rules)


def drug_words(drug: str) -> tuple[str, str]:
    """English and Chinese name of a drug key."""
    return drug.replace("_", " "), DRUG_ZH.get(drug, drug)


def dose_words(a: Administration, view: CaseView) -> tuple[str, str]:
    """"zoledronic acid 4 mg planned 2026-03-06 (overdue plan)" and its Chinese."""
    en_drug, zh_drug = drug_words(a.drug)
    d = a.date.isoformat()
    if not a.planned:
        return f"{en_drug} {a.dose_mg:g} mg given {d}", f"{d} 已给予{zh_drug} {a.dose_mg:g} mg"
    overdue = a.date < view.as_of
    return (
        f"{en_drug} {a.dose_mg:g} mg planned {d}" + (" (overdue plan)" if overdue else ""),
        f"计划 {d} 给予{zh_drug} {a.dose_mg:g} mg" + ("（已逾期）" if overdue else ""),
    )


def patient_lacking(view: CaseView) -> list[str]:
    """The patient inputs CrCl needs that are not recorded (sex female/male, birth date,
    weight)."""
    p = view.case.patient
    return [k for k, v in (("sex", p.sex if p.sex in ("female", "male") else None),
                           ("birth_date", p.birth_date), ("weight_kg", p.weight_kg))
            if v is None]


def creat_missing(view: CaseView, info: RuleInfo, drugs: str | tuple[str, ...]
                  ) -> Finding | None:
    """BMA-ZA-CREAT-MISSING / BMA-BP-CREAT-MISSING: a due plan without its creatinine, or any
    plan while sex / birth date / weight are missing (names what is missing)."""
    plans = view.planned(drugs)
    if not plans:
        return None
    max_age = view.params.creatinine_max_age_days
    no_creat = [a for a in plans
                if is_due(view, a) and creatinine_for(view, a.date, True)[0] is None]
    lacking = patient_lacking(view)
    if not no_creat and not lacking:
        return None
    first = no_creat[0] if no_creat else plans[0]
    en, zh = dose_words(first, view)
    parts_en, parts_zh = [], []
    if no_creat:
        before = "the as-of date" if first.date < view.as_of else "it"
        before_zh = "评估日" if first.date < view.as_of else "给药"
        parts_en.append(f"no creatinine dated 0–{max_age} days before {before}")
        parts_zh.append(f"{before_zh}前0–{max_age}天内无肌酐结果")
    if lacking:
        parts_en.append("missing for CrCl: " + ", ".join(lacking))
        parts_zh.append("计算CrCl缺少：" + "、".join(lacking))
    return make_finding(
        info,
        f"{en[0].upper()}{en[1:]}: {'; '.join(parts_en)}. Measure serum creatinine (and "
        "record weight) before each dose.",
        f"{zh}：{'；'.join(parts_zh)}。每次给药前检测血肌酐（并记录体重）。",
        {
            "dose": dose_json(first),
            "plans_without_creatinine": [dose_json(a) for a in no_creat],
            "missing": lacking,
            "creatinine_max_age_days": max_age,
        },
        sort_date=first.date.isoformat(),
    )


@dataclass(frozen=True)
class CreatRise:
    """A creatinine rise over the current course's baseline that meets §4's thresholds."""

    drug: str
    baseline: LabValue
    latest: LabValue
    course_start: date
    threshold_mg_dl: float

    def data(self) -> dict[str, Any]:
        b = self.baseline.value * MG_DL_PER_UMOL_L
        x = self.latest.value * MG_DL_PER_UMOL_L
        return {
            "baseline": {"date": self.baseline.date.isoformat(),
                         "umol_l": round_lab("CREA", self.baseline.value),
                         "mg_dl": round_lab("CREA", b)},
            "latest": {"date": self.latest.date.isoformat(),
                       "umol_l": round_lab("CREA", self.latest.value),
                       "mg_dl": round_lab("CREA", x)},
            "rise_mg_dl": round_lab("CREA", x - b),
            "threshold_mg_dl": self.threshold_mg_dl,
            "course_start": self.course_start.isoformat(),
        }


def creat_rise(view: CaseView, drug: str, rule_id: str) -> CreatRise | None:
    """The drug is active and its latest creatinine rose ≥ 0.5 mg/dL over a baseline
    < 1.4 mg/dL, or ≥ 1.0 mg/dL over a baseline ≥ 1.4 mg/dL (baseline = the last creatinine
    on/before the first dose of the current course). A missing creatinine is reported for
    ``rule_id``."""
    st = drug_state(view, drug)
    if not st.active or not st.course:
        return None
    first = st.course[0]
    base = None
    for lv in view.labs("CREA"):
        if lv.date <= first.date:
            base = lv
    latest = view.latest("CREA")
    if base is None or latest is None:
        missing_of(view).add("labs.CREA", rule_id)
        return None
    b = base.value * MG_DL_PER_UMOL_L
    limit = 0.5 if lt(b, 1.4) else 1.0
    if not ge(latest.value * MG_DL_PER_UMOL_L - b, limit):
        return None
    return CreatRise(drug, base, latest, first.date, limit)


def creat_rise_finding(info: RuleInfo, r: CreatRise, data: dict[str, Any], advice: str,
                       advice_zh: str) -> Finding:
    """The finding of a :class:`CreatRise` (BMA-ZA-CREAT-RISE / BMA-BP-CREAT-RISE)."""
    d = r.data()
    en_drug, zh_drug = drug_words(r.drug)
    base, latest = d["baseline"], d["latest"]
    return make_finding(
        info,
        f"Creatinine rose {d['rise_mg_dl']:g} mg/dL (≥ {r.threshold_mg_dl:g}) on {en_drug}: "
        f"{latest['umol_l']:g} µmol/L ({latest['mg_dl']:g} mg/dL) on {latest['date']} vs "
        f"baseline {base['umol_l']:g} µmol/L ({base['mg_dl']:g} mg/dL) on {base['date']} "
        f"before the course began {d['course_start']}. {advice}",
        f"{zh_drug}治疗期间肌酐升高 {d['rise_mg_dl']:g} mg/dL（≥ {r.threshold_mg_dl:g}）："
        f"{latest['date']} 为 {latest['umol_l']:g} µmol/L，基线（{base['date']}，疗程开始 "
        f"{d['course_start']} 前）为 {base['umol_l']:g} µmol/L。{advice_zh}",
        data,
        sort_date=r.latest.date.isoformat(),
    )
