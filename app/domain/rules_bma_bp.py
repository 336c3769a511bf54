"""Kidney safety of the other bisphosphonates — pamidronate, ibandronate, clodronate,
incadronate (rule book §4, rules/2): BMA-BP-RENAL, BMA-BP-CREAT-MISSING, BMA-BP-CREAT-RISE.

The per-dose CrCl, "due", the band table and the creatinine-rise test are the zoledronic-acid
rules' own, from :mod:`app.domain.bma_renal`. BMA-BP-RENAL judges every plan of these drugs and
every dose given within the last 28 days: a dose whose CrCl falls in a band of the table is
concerned; the rule is critical for a band where the drug is not to be given
(``not_recommended``, ``contraindicated``) or for a dose above its band's dose by > 0.05 mg, else
a warning; it fires once, naming the first dose of the highest severity (``data.doses`` lists
every dose concerned). BMA-BP-CREAT-RISE names the first drug concerned in catalogue order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.bma_renal import (
    OTHER_BISPHOSPHONATES,
    Band,
    DoseRenal,
    band_for,
    creat_missing,
    creat_rise,
    creat_rise_finding,
    dose_words,
    renal_doses,
    report_missing,
)
from app.domain.context import CaseView, round_crcl, round_lab
from app.domain.findings import Finding, RuleInfo, make_finding, register
from app.domain.rules_bma_common import crcl_text, gt

EXCESS_TOLERANCE_MG = 0.05

BP_RENAL = register(208, RuleInfo(
    "BMA-BP-RENAL",
    "critical for band not_recommended or contraindicated, or for a dose above its band's "
    "dose (ibandronate 4 or 2 mg; clodronate 1200 or 800 mg daily) by > 0.05 mg; else warning",
    "a pamidronate, ibandronate, clodronate or incadronate dose planned, or given within the "
    "last 28 days, whose CrCl falls in a band of the per-drug CrCl table",
    "not_recommended / contraindicated: do not give it; consider denosumab (with calcium "
    "monitoring, BMA-DEN-CKD). reduce: the label's renal dose (ibandronate 4 or 2 mg in 500 mL "
    "over 1 h; clodronate −25% or −50%: 1200 or 800 mg daily for the 1600 mg regimen). Shows "
    "the CrCl, the creatinine (value, date, provisional: repeat before the dose) and weight",
    "不推荐/禁用：不要给药；可考虑地舒单抗（需监测血钙，见BMA-DEN-CKD）。减量：按说明书的肾功能剂量"
    "（伊班膦酸钠4 mg或2 mg溶于500 mL输注1小时；氯膦酸二钠减25%或50%：1600 mg方案减为每日1200 mg"
    "或800 mg）。显示CrCl、肌酐（数值、日期、是否暂用：给药前需复查）及体重",
    ("LABEL", "DESIGN"),
    "LABEL (pamidronate, ibandronate, clodronate); DESIGN (incadronate; severity of an excess "
    "dose as BMA-ZA-OVERDOSE; clodronate's daily doses for the 1600 mg regimen)",
))
BP_CREAT_MISSING = register(209, RuleInfo(
    "BMA-BP-CREAT-MISSING", "warning",
    "a due plan of pamidronate, ibandronate, clodronate or incadronate has no creatinine dated "
    "0–creatinine_max_age_days days before it, or any such plan lacks sex / birth date / weight "
    "for CrCl",
    "measure serum creatinine (and record weight) before each dose",
    "每次给药前检测血肌酐（并记录体重）",
    ("LABEL", "DESIGN"),
    "LABEL (pamidronate: before each dose; ibandronate, clodronate: monitor renal function); "
    "DESIGN (incadronate)",
))
BP_CREAT_RISE = register(210, RuleInfo(
    "BMA-BP-CREAT-RISE", "critical",
    "pamidronate, ibandronate, clodronate or incadronate active; for that drug's current "
    "course, the baseline and the rise thresholds of BMA-ZA-CREAT-RISE (the first drug "
    "concerned in catalogue order)",
    "withhold until creatinine is back to baseline (within 10%)",
    "暂停给药，直至肌酐恢复至基线（10%以内）",
    ("LABEL", "GL", "DESIGN"),
    "LABEL (pamidronate: withhold for renal deterioration); GL ASCO 2018 myeloma BMA guideline "
    "(resume within 10% of baseline); DESIGN (same thresholds for ibandronate, clodronate, "
    "incadronate)",
))

_BAND_ZH = {"reduce": "减量", "not_recommended": "不推荐", "contraindicated": "禁用"}


@dataclass(frozen=True)
class _Hit:
    renal: DoseRenal
    band: Band
    exceeds: bool | None  # None: the band has no recommended dose

    @property
    def critical(self) -> bool:
        return self.band.stop or bool(self.exceeds)

    def data(self) -> dict[str, Any]:
        a, c = self.renal.dose, self.renal.crcl
        return {
            "drug": a.drug,
            "dose_date": a.date.isoformat(),
            "planned": a.planned,
            "dose_mg": a.dose_mg,
            "crcl_ml_min": round_crcl(c.value),
            "creatinine_umol_l": round_lab("CREA", c.creatinine.value),
            "creatinine_date": c.creatinine.date.isoformat(),
            "provisional": self.renal.provisional,
            "band": self.band.band,
            "recommended_mg": self.band.recommended_mg,
            "exceeds_recommended": self.exceeds,
            "label": self.band.label,
        }


def _hits(view: CaseView) -> list[_Hit]:
    out = []
    for r in renal_doses(view, OTHER_BISPHOSPHONATES, include_recent_given=True):
        if not r.computable:
            report_missing(view, r, (BP_RENAL.id,))
            continue
        band = band_for(r.dose.drug, r.crcl.value)
        if band is None:
            continue
        rec = band.recommended_mg
        exceeds = None if rec is None else gt(r.dose.dose_mg - rec, EXCESS_TOLERANCE_MG)
        out.append(_Hit(r, band, exceeds))
    return out


def _advice(h: _Hit) -> tuple[str, str]:
    if h.band.stop:
        word = "not recommended" if h.band.band == "not_recommended" else "contraindicated"
        return (f"{word} at this CrCl: do not give it; consider denosumab (with calcium "
                "monitoring, BMA-DEN-CKD)",
                f"此CrCl下{_BAND_ZH[h.band.band]}：不要给药；可考虑地舒单抗（需监测血钙，见BMA-DEN-CKD）")
    rec = h.band.recommended_mg
    # clodronate: the recommended daily doses for the 1600 mg regimen
    daily = " daily (1600 mg regimen)" if h.renal.dose.drug == "clodronate" else ""
    daily_zh = "（1600 mg方案）每日" if h.renal.dose.drug == "clodronate" else ""
    if h.exceeds:
        return (f"the dose exceeds the renal dose of {rec:g} mg{daily}: reduce it",
                f"剂量超过按肾功能调整的{daily_zh}{rec:g} mg：请减量")
    return (f"the renal dose is {rec:g} mg{daily} (this dose does not exceed it)",
            f"按肾功能调整的剂量为{daily_zh}{rec:g} mg（本次剂量未超过）")


def _bp_renal(view: CaseView) -> Finding | None:
    hits = _hits(view)
    if not hits:
        return None
    worst = [h for h in hits if h.critical] or hits
    h = worst[0]
    en, zh = dose_words(h.renal.dose, view)
    cen, czh = crcl_text(h.renal.crcl)
    adv_en, adv_zh = _advice(h)
    prov_en = " (provisional: repeat creatinine before the dose)" if h.renal.provisional else ""
    prov_zh = "（暂用：给药前需复查肌酐）" if h.renal.provisional else ""
    data = h.data()
    data["doses"] = [x.data() for x in hits]
    return make_finding(
        BP_RENAL,
        f"{en[0].upper()}{en[1:]}: {cen}{prov_en}, band {h.band.band} — label: {h.band.label}. "
        f"{adv_en[0].upper()}{adv_en[1:]}.",
        f"{zh}：{czh}{prov_zh}，属于“{_BAND_ZH[h.band.band]}”区间——说明书：{h.band.label_zh}。"
        f"{adv_zh}。",
        data,
        severity="critical" if h.critical else "warning",
        sort_date=h.renal.dose.date.isoformat(),
    )


def _bp_creat_rise(view: CaseView) -> Finding | None:
    for drug in OTHER_BISPHOSPHONATES:
        r = creat_rise(view, drug, BP_CREAT_RISE.id)
        if r is not None:
            return creat_rise_finding(
                BP_CREAT_RISE, r, {"drug": drug, **r.data()},
                "Withhold until creatinine is back to baseline (within 10%).",
                "暂停给药，直至肌酐恢复至基线（10%以内）。",
            )
    return None


def evaluate(view: CaseView) -> list[Finding]:
    """BMA-BP-* findings for the view."""
    found = (_bp_renal(view), creat_missing(view, BP_CREAT_MISSING, OTHER_BISPHOSPHONATES),
             _bp_creat_rise(view))
    return [f for f in found if f is not None]
