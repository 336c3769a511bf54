"""Zoledronic-acid per-dose renal rules (rule book §4): BMA-ZA-DOSE, BMA-ZA-OVERDOSE,
BMA-ZA-CONTRAINDICATED, BMA-ZA-CREAT-MISSING, BMA-ZA-CREAT-RISE.

Doses concerned: every planned zoledronic-acid dose (a plan dated before the as-of date is an
overdue plan) and, for OVERDOSE/CONTRAINDICATED, doses given within the last 28 days. Each
dose's CrCl (the per-dose creatinine, provisional for a far plan) and "due" come from
:mod:`app.domain.bma_renal`, shared with the other bisphosphonates' rules; so do
BMA-ZA-CREAT-MISSING and BMA-ZA-CREAT-RISE. Each rule fires once, naming the first dose
concerned (its ``data`` lists every dose).
"""

from __future__ import annotations

from typing import Any

from app.domain.bma_renal import (
    DoseRenal,
    creat_missing,
    creat_rise,
    creat_rise_finding,
    dose_words,
    renal_doses,
    report_missing,
)
from app.domain.bma_state import dose_json
from app.domain.context import CaseView, za_dose_for_crcl
from app.domain.findings import Finding, RuleInfo, make_finding, register
from app.domain.rules_bma_common import crcl_json, crcl_text, ge, gt, lt

DRUG = "zoledronic_acid"
OVERDOSE_TOLERANCE_MG = 0.05

ZA_DOSE = register(203, RuleInfo(
    "BMA-ZA-DOSE", "info",
    "a zoledronic acid dose is planned and its CrCl is computable and ≥ 30",
    "recommended dose for this CrCl; shows CrCl, the creatinine used (value, date), weight",
    "按此CrCl的推荐剂量；显示CrCl、所用肌酐（数值、日期）及体重",
    ("LABEL",), "LABEL",
))
ZA_OVERDOSE = register(204, RuleInfo(
    "BMA-ZA-OVERDOSE", "critical",
    "a zoledronic acid dose planned, or given within the last 28 days, exceeds its "
    "CrCl-adjusted dose by > 0.05 mg",
    "dose exceeds renal adjustment",
    "剂量超过按肾功能调整的剂量",
    ("LABEL",), "LABEL",
))
ZA_CONTRAINDICATED = register(205, RuleInfo(
    "BMA-ZA-CONTRAINDICATED", "critical",
    "a zoledronic acid dose planned, or given within the last 28 days, has CrCl < 30",
    "not recommended below CrCl 30: consider denosumab (with calcium monitoring)",
    "CrCl低于30时不推荐使用：可考虑地舒单抗（需监测血钙）",
    ("LABEL", "SEED"), "LABEL; SEED R30",
))
ZA_CREAT_MISSING = register(206, RuleInfo(
    "BMA-ZA-CREAT-MISSING", "warning",
    "a due zoledronic acid plan has no creatinine dated 0–creatinine_max_age_days days before "
    "it, or any zoledronic acid plan lacks sex / birth date / weight for CrCl",
    "measure serum creatinine (and record weight) before each dose",
    "每次给药前检测血肌酐（并记录体重）",
    ("LABEL",), "LABEL",
))
ZA_CREAT_RISE = register(207, RuleInfo(
    "BMA-ZA-CREAT-RISE", "critical",
    "zoledronic acid active; the latest creatinine rose ≥ 0.5 mg/dL over a baseline < 1.4 "
    "mg/dL, or ≥ 1.0 mg/dL over a baseline ≥ 1.4 mg/dL (baseline = the last creatinine "
    "on/before the first dose of the current course)",
    "withhold until creatinine is back within 10% of baseline",
    "暂停给药，直至肌酐恢复至基线的10%以内",
    ("LABEL",), "LABEL",
))


def _entry(r: DoseRenal, **extra: Any) -> dict[str, Any]:
    out = {"dose": dose_json(r.dose), "provisional_creatinine": r.provisional}
    out.update(crcl_json(r.crcl) if r.crcl is not None else {"crcl_ml_min": None})
    out.update(extra)
    return out


def _za_dose(view: CaseView, doses: list[DoseRenal]) -> Finding | None:
    plans = [r for r in doses if r.dose.planned]
    hits = []
    for r in plans:
        if not r.computable:
            report_missing(view, r, (ZA_DOSE.id,))
        elif ge(r.crcl.value, 30):
            hits.append(r)
    if not hits:
        return None
    r = hits[0]
    rec = za_dose_for_crcl(r.crcl.value)
    en, zh = dose_words(r.dose, view)
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
            report_missing(view, r, (ZA_OVERDOSE.id, ZA_CONTRAINDICATED.id))
            continue
        rec = za_dose_for_crcl(r.crcl.value)
        if rec is not None and gt(r.dose.dose_mg - rec, OVERDOSE_TOLERANCE_MG):
            hits.append((r, rec))
    if not hits:
        return None
    r, rec = hits[0]
    en, zh = dose_words(r.dose, view)
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
    en, zh = dose_words(r.dose, view)
    cen, czh = crcl_text(r.crcl)
    return make_finding(
        ZA_CONTRAINDICATED,
        f"Zoledronic acid not recommended below CrCl 30: {en}; {cen}. Consider denosumab "
        "(with calcium monitoring).",
        f"CrCl低于30时不推荐唑来膦酸：{zh}；{czh}。可考虑地舒单抗（需监测血钙）。",
        {**_entry(r), "doses": [_entry(h) for h in hits]},
        sort_date=r.dose.date.isoformat(),
    )


def _za_creat_rise(view: CaseView) -> Finding | None:
    r = creat_rise(view, DRUG, ZA_CREAT_RISE.id)
    if r is None:
        return None
    return creat_rise_finding(
        ZA_CREAT_RISE, r, r.data(),
        "Withhold until creatinine is back within 10% of baseline.",
        "暂停给药，直至肌酐恢复至基线的10%以内。",
    )


def evaluate(view: CaseView) -> list[Finding]:
    """BMA-ZA-* findings for the view."""
    out = []
    plans_only = renal_doses(view, DRUG, include_recent_given=False)
    with_recent = renal_doses(view, DRUG, include_recent_given=True)
    for f in (
        _za_dose(view, plans_only),
        _za_overdose(view, with_recent),
        _za_contraindicated(view, with_recent),
        creat_missing(view, ZA_CREAT_MISSING, DRUG),
        _za_creat_rise(view),
    ):
        if f is not None:
            out.append(f)
    return out
