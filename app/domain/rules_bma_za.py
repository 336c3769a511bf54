"""Zoledronic-acid per-dose renal rules (rule book §4): BMA-ZA-DOSE, BMA-ZA-OVERDOSE,
BMA-ZA-CONTRAINDICATED, BMA-ZA-CREAT-MISSING, BMA-ZA-CREAT-RISE.

Doses concerned: every planned zoledronic-acid dose (a plan dated before the as-of date is an
overdue plan) and, for OVERDOSE/CONTRAINDICATED, doses given within the last 28 days. Each
dose's CrCl comes from the latest creatinine dated 0–``creatinine_max_age_days`` days before
it (and not after the as-of date); for a dose planned more than ``creatinine_max_age_days``
after the as-of date, the latest creatinine on/before the as-of date is used provisionally.
Each rule fires once, naming the first dose concerned (its ``data`` lists every dose).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.bma_state import dose_json, drug_state
from app.domain.case import Administration
from app.domain.context import (
    MG_DL_PER_UMOL_L,
    CaseView,
    CrCl,
    LabValue,
    round_lab,
    za_dose_for_crcl,
)
from app.domain.dates import days_between
from app.domain.findings import Finding, RuleInfo, make_finding, register
from app.domain.rules_bma_common import crcl_json, crcl_text, ge, gt, lt, missing_of

DRUG = "zoledronic_acid"
RECENT_GIVEN_DAYS = 28
OVERDOSE_TOLERANCE_MG = 0.05

ZA_DOSE = register(202, RuleInfo(
    "BMA-ZA-DOSE", "info",
    "a zoledronic acid dose is planned and its CrCl is computable and ≥ 30",
    "recommended dose for this CrCl; shows CrCl, the creatinine used (value, date), weight",
    "按此CrCl的推荐剂量；显示CrCl、所用肌酐（数值、日期）及体重",
    ("LABEL",), "LABEL",
))
ZA_OVERDOSE = register(203, RuleInfo(
    "BMA-ZA-OVERDOSE", "critical",
    "a zoledronic acid dose planned, or given within the last 28 days, exceeds its "
    "CrCl-adjusted dose by > 0.05 mg",
    "dose exceeds renal adjustment",
    "剂量超过按肾功能调整的剂量",
    ("LABEL",), "LABEL",
))
ZA_CONTRAINDICATED = register(204, RuleInfo(
    "BMA-ZA-CONTRAINDICATED", "critical",
    "a zoledronic acid dose planned, or given within the last 28 days, has CrCl < 30",
    "not recommended below CrCl 30: consider denosumab (with calcium monitoring)",
    "CrCl低于30时不推荐使用：可考虑地舒单抗（需监测血钙）",
    ("LABEL", "SEED"), "LABEL; SEED R30",
))
ZA_CREAT_MISSING = register(205, RuleInfo(
    "BMA-ZA-CREAT-MISSING", "warning",
    "a due zoledronic acid plan has no creatinine dated 0–creatinine_max_age_days days before "
    "it, or any zoledronic acid plan lacks sex / birth date / weight for CrCl",
    "measure serum creatinine (and record weight) before each dose",
    "每次给药前检测血肌酐（并记录体重）",
    ("LABEL",), "LABEL",
))
ZA_CREAT_RISE = register(206, RuleInfo(
    "BMA-ZA-CREAT-RISE", "critical",
    "zoledronic acid active; the latest creatinine rose ≥ 0.5 mg/dL over a baseline < 1.4 "
    "mg/dL, or ≥ 1.0 mg/dL over a baseline ≥ 1.4 mg/dL (baseline = the last creatinine "
    "on/before the first dose of the current course)",
    "withhold until creatinine is back within 10% of baseline",
    "暂停给药，直至肌酐恢复至基线的10%以内",
    ("LABEL",), "LABEL",
))


@dataclass(frozen=True)
class DoseRenal:
    """One zoledronic-acid dose with the creatinine/CrCl used to judge it."""

    dose: Administration
    crcl: CrCl | None  # None: no creatinine in the window
    provisional: bool  # planned > creatinine_max_age_days ahead: latest creatinine used

    @property
    def computable(self) -> bool:
        return self.crcl is not None and self.crcl.value is not None


def _creatinine_for(view: CaseView, dose: Administration) -> tuple[LabValue | None, bool]:
    max_age = view.params.creatinine_max_age_days
    if dose.planned and days_between(view.as_of, dose.date) > max_age:
        return view.latest("CREA"), True
    found = None
    for lv in view.labs("CREA"):
        if 0 <= days_between(lv.date, dose.date) <= max_age:
            found = lv  # oldest first: the last match is the latest
    return found, False


def dose_renal(view: CaseView, dose: Administration) -> DoseRenal:
    lv, provisional = _creatinine_for(view, dose)
    return DoseRenal(dose, None if lv is None else view.crcl(lv), provisional)


def _doses(view: CaseView, include_recent_given: bool) -> list[DoseRenal]:
    doses = list(view.planned(DRUG))
    if include_recent_given:
        doses += [
            a for a in view.given(DRUG)
            if 0 <= days_between(a.date, view.as_of) <= RECENT_GIVEN_DAYS
        ]
    doses.sort(key=lambda a: (a.date, a.planned))
    return [dose_renal(view, a) for a in doses]


def _dose_words(a: Administration, view: CaseView) -> tuple[str, str]:
    d = a.date.isoformat()
    if not a.planned:
        return f"zoledronic acid {a.dose_mg:g} mg given {d}", f"{d} 已给予唑来膦酸 {a.dose_mg:g} mg"
    overdue = a.date < view.as_of
    return (
        f"zoledronic acid {a.dose_mg:g} mg planned {d}" + (" (overdue plan)" if overdue else ""),
        f"计划 {d} 给予唑来膦酸 {a.dose_mg:g} mg" + ("（已逾期）" if overdue else ""),
    )


def _entry(r: DoseRenal, **extra: Any) -> dict[str, Any]:
    out = {"dose": dose_json(r.dose), "provisional_creatinine": r.provisional}
    out.update(crcl_json(r.crcl) if r.crcl is not None else {"crcl_ml_min": None})
    out.update(extra)
    return out


def _report_missing(view: CaseView, r: DoseRenal, rules: tuple[str, ...]) -> None:
    m = missing_of(view)
    if r.crcl is None:
        m.add("labs.CREA", *rules)
    else:
        for key in r.crcl.missing:
            m.add(key, *rules)


def _za_dose(view: CaseView, doses: list[DoseRenal]) -> Finding | None:
    plans = [r for r in doses if r.dose.planned]
    hits = []
    for r in plans:
        if not r.computable:
            _report_missing(view, r, (ZA_DOSE.id,))
        elif ge(r.crcl.value, 30):
            hits.append(r)
    if not hits:
        return None
    r = hits[0]
    rec = za_dose_for_crcl(r.crcl.value)
    en, zh = _dose_words(r.dose, view)
    cen, czh = crcl_text(r.crcl)
    prov_en = " (provisional: measure creatinine again before the dose)" if r.provisional else ""
    prov_zh = "（暂用：给药前需复查肌酐）" if r.provisional else ""
    return make_finding(
        ZA_DOSE,
        f"Recommended zoledronic acid dose {rec:g} mg for {cen}{prov_en}; {en}.",
        f"按{czh}{prov_zh}，唑来膦酸推荐剂量 {rec:g} mg；{zh}。",
        {"recommended_mg": rec, **_entry(r), "doses": [
            _entry(h, recommended_mg=za_dose_for_crcl(h.crcl.value)) for h in hits]},
        sort_date=r.dose.date.isoformat(),
    )


def _za_overdose(view: CaseView, doses: list[DoseRenal]) -> Finding | None:
    hits = []
    for r in doses:
        if not r.computable:
            _report_missing(view, r, (ZA_OVERDOSE.id, ZA_CONTRAINDICATED.id))
            continue
        rec = za_dose_for_crcl(r.crcl.value)
        if rec is not None and gt(r.dose.dose_mg - rec, OVERDOSE_TOLERANCE_MG):
            hits.append((r, rec))
    if not hits:
        return None
    r, rec = hits[0]
    en, zh = _dose_words(r.dose, view)
    cen, czh = crcl_text(r.crcl)
    return make_finding(
        ZA_OVERDOSE,
        f"Dose exceeds renal adjustment: {en} > {rec:g} mg recommended for {cen}.",
        f"剂量超过按肾功能调整的剂量：{zh}，高于{czh}对应的推荐剂量 {rec:g} mg。",
        {"recommended_mg": rec, **_entry(r), "doses": [
            _entry(h, recommended_mg=hr) for h, hr in hits]},
        sort_date=r.dose.date.isoformat(),
    )


def _za_contraindicated(view: CaseView, doses: list[DoseRenal]) -> Finding | None:
    hits = [r for r in doses if r.computable and lt(r.crcl.value, 30)]
    if not hits:
        return None
    r = hits[0]
    en, zh = _dose_words(r.dose, view)
    cen, czh = crcl_text(r.crcl)
    return make_finding(
        ZA_CONTRAINDICATED,
        f"Zoledronic acid not recommended below CrCl 30: {en}; {cen}. Consider denosumab "
        "(with calcium monitoring).",
        f"CrCl低于30时不推荐唑来膦酸：{zh}；{czh}。可考虑地舒单抗（需监测血钙）。",
        {**_entry(r), "doses": [_entry(h) for h in hits]},
        sort_date=r.dose.date.isoformat(),
    )


def _za_creat_missing(view: CaseView) -> Finding | None:
    plans = view.planned(DRUG)
    if not plans:
        return None
    max_age = view.params.creatinine_max_age_days
    no_creat = [
        a for a in plans
        if days_between(view.as_of, a.date) <= max_age
        and not any(0 <= days_between(lv.date, a.date) <= max_age for lv in view.labs("CREA"))
    ]
    p = view.case.patient
    lacking = [k for k, v in (("sex", p.sex if p.sex in ("female", "male") else None),
                              ("birth_date", p.birth_date), ("weight_kg", p.weight_kg))
               if v is None]
    if not no_creat and not lacking:
        return None
    first = no_creat[0] if no_creat else plans[0]
    en, zh = _dose_words(first, view)
    parts_en, parts_zh = [], []
    if no_creat:
        parts_en.append(f"no creatinine dated 0–{max_age} days before it")
        parts_zh.append(f"给药前0–{max_age}天内无肌酐结果")
    if lacking:
        parts_en.append("missing for CrCl: " + ", ".join(lacking))
        parts_zh.append("计算CrCl缺少：" + "、".join(lacking))
    return make_finding(
        ZA_CREAT_MISSING,
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


def _za_creat_rise(view: CaseView) -> Finding | None:
    st = drug_state(view, DRUG)
    if not st.active or not st.course:
        return None
    first = st.course[0]
    base = None
    for lv in view.labs("CREA"):
        if lv.date <= first.date:
            base = lv
    latest = view.latest("CREA")
    if base is None or latest is None:
        missing_of(view).add("labs.CREA", ZA_CREAT_RISE.id)
        return None
    b = base.value * MG_DL_PER_UMOL_L
    x = latest.value * MG_DL_PER_UMOL_L
    limit = 0.5 if lt(b, 1.4) else 1.0
    rise = x - b
    if not ge(rise, limit):
        return None
    r3 = round_lab("CREA", rise)
    return make_finding(
        ZA_CREAT_RISE,
        f"Creatinine rose {r3:g} mg/dL (≥ {limit:g}) on zoledronic acid: "
        f"{round_lab('CREA', latest.value):g} µmol/L ({round_lab('CREA', x):g} mg/dL) on "
        f"{latest.date.isoformat()} vs baseline {round_lab('CREA', base.value):g} µmol/L "
        f"({round_lab('CREA', b):g} mg/dL) on {base.date.isoformat()} before the course began "
        f"{first.date.isoformat()}. Withhold until creatinine is back within 10% of baseline.",
        f"唑来膦酸治疗期间肌酐升高 {r3:g} mg/dL（≥ {limit:g}）：{latest.date.isoformat()} 为 "
        f"{round_lab('CREA', latest.value):g} µmol/L，基线（{base.date.isoformat()}，疗程开始 "
        f"{first.date.isoformat()} 前）为 {round_lab('CREA', base.value):g} µmol/L。暂停给药，直至"
        "肌酐恢复至基线的10%以内。",
        {
            "baseline": {"date": base.date.isoformat(), "umol_l": round_lab("CREA", base.value),
                         "mg_dl": round_lab("CREA", b)},
            "latest": {"date": latest.date.isoformat(),
                       "umol_l": round_lab("CREA", latest.value), "mg_dl": round_lab("CREA", x)},
            "rise_mg_dl": r3,
            "threshold_mg_dl": limit,
            "course_start": first.date.isoformat(),
        },
        sort_date=latest.date.isoformat(),
    )


def evaluate(view: CaseView) -> list[Finding]:
    """BMA-ZA-* findings for the view."""
    out = []
    plans_only = _doses(view, include_recent_given=False)
    with_recent = _doses(view, include_recent_given=True)
    for f in (
        _za_dose(view, plans_only),
        _za_overdose(view, with_recent),
        _za_contraindicated(view, with_recent),
        _za_creat_missing(view),
        _za_creat_rise(view),
    ):
        if f is not None:
            out.append(f)
    return out
