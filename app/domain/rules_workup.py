"""Work-up rules (rule book §3, WU-*), part 1: who to screen (WU-HIGH-RISK), markers
(WU-ALP-RISE, WU-CTX-RISE), bone pain (WU-PAIN-*) and the spinal-cord-compression emergency
(WU-MSCC). The imaging and biopsy rules are in :mod:`app.domain.rules_workup_imaging`.

Every rule here except WU-MSCC applies only while the status is not ``confirmed``. Each rule
fires at most once and lists every item concerned in its ``data``. Follows the rule-module
hook (see :mod:`app.domain.assess`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain.case import Imaging
from app.domain.context import CaseView, LabValue, round_lab
from app.domain.dates import within
from app.domain.findings import Finding, RuleInfo, make_finding, register
from app.domain.rules_bma_common import ge, gt
from app.domain.scores import distinct_organs

HIGH_RISK = register(100, RuleInfo(
    "WU-HIGH-RISK", "info",
    "status ≠ confirmed and ≥1 factor: stage III or IV; histology adenocarcinoma or sclc; a "
    "driver alteration recorded; metastases in ≥2 distinct visceral organs. Level screen when "
    "the stage is III or IV or ≥2 visceral organs are recorded; otherwise (histology or driver "
    "factors only, with stage 0–II or no stage recorded) alert",
    "screen: high risk for bone metastasis: bone imaging (PET-CT, or bone scan) at staging or "
    "restaging if not already done. alert: higher-risk features: image promptly for bone pain "
    "or a raised ALP/CTX; routine bone scans are not recommended in follow-up of early-stage "
    "disease",
    "筛查：骨转移高危：分期或再分期时如尚未做骨影像检查，应做（PET-CT或骨扫描）。提示：存在较高危"
    "因素：出现骨痛或ALP/CTX升高时及时做影像检查；早期病例随访中不推荐常规骨扫描",
    ("SEED", "GL"),
    "SEED R10–R14; GL Chinese 2024 guideline (screen high-risk patients); GL ASCO 2019 "
    "surveillance guideline (Schneider 2020: chest CT; no routine PET-CT after curative "
    "treatment of stage I–III)",
))
ALP_RISE = register(101, RuleInfo(
    "WU-ALP-RISE", "warning",
    "status ≠ confirmed; the latest ALP (within lookback_days) > ULN, and ≥ (1+lsc_alp) × the "
    "lowest other ALP in the lookback_days before it, or > 2.5 × ULN",
    "markedly raised ALP: image even without bone pain (MRI or PET-CT); check GGT for a liver "
    "origin",
    "ALP明显升高：即使无骨痛也应做影像检查（MRI或PET-CT）；查GGT以排除肝源性",
    ("SEED",), "SEED R16; ESMO 2020 advises against routine biomarker follow-up, so a site can "
    "turn this off (enable_biomarker_workup)",
))
CTX_RISE = register(102, RuleInfo(
    "WU-CTX-RISE", "warning",
    "status ≠ confirmed; no denosumab dose ever given; the latest CTX (within lookback_days) > "
    "ULN, and ≥ (1+lsc_ctx) × the lowest other CTX in the lookback_days before it, or no other "
    "CTX in that window",
    "markedly raised CTX: investigate with imaging even without symptoms; if the sample was not "
    "fasting, repeat as a fasting morning sample",
    "CTX明显升高：即使无症状也应做影像检查；如非空腹标本，请复查空腹晨起标本",
    ("SEED",), "SEED R17; same switch",
))
PAIN_FIXED = register(103, RuleInfo(
    "WU-PAIN-FIXED", "warning",
    "a bone_pain symptom with pattern fixed within symptom_days, status ≠ confirmed, and no "
    "MRI, CT, X-ray, PET-CT or bone scan dated on/after it",
    "image the painful site: MRI (most sensitive for marrow), or PET-CT",
    "对疼痛部位做影像检查：首选MRI（对骨髓最敏感），或PET-CT",
    ("SEED",), "SEED R15, R18, R26",
))
PAIN_MIGRATORY = register(104, RuleInfo(
    "WU-PAIN-MIGRATORY", "info",
    "status ≠ confirmed, and the bone_pain symptoms within symptom_days are all migratory",
    "migratory multi-site pain is not typical of bone metastasis (which hurts at a fixed site)",
    "游走性多部位疼痛不是骨转移的典型表现（骨转移多为固定部位疼痛）",
    ("SEED",), "SEED R26 (case 1)",
))
MSCC = register(110, RuleInfo(
    "WU-MSCC", "critical",
    "a neuro_deficit symptom or a spinal_cord_compression event dated within 30 days",
    "suspected metastatic spinal cord compression: urgent whole-spine MRI (within 24 h), "
    "corticosteroids, urgent spinal surgery/radiotherapy referral",
    "怀疑转移性脊髓压迫：24小时内急查全脊柱MRI，使用糖皮质激素，紧急转诊脊柱外科/放疗",
    ("GL",), "GL NICE NG234",
))

MSCC_DAYS = 30
IMAGING_FOR_PAIN = ("mri", "ct", "xray", "pet_ct", "bone_scan")


def not_confirmed(view: CaseView) -> bool:
    return view.status is not None and view.status.bone_metastasis != "confirmed"


def _iso(d: date) -> str:
    return d.isoformat()


def img_json(m: Imaging) -> dict[str, Any]:
    return {"date": _iso(m.date), "modality": m.modality, "region": m.region,
            "result": m.result, "pattern": m.pattern}


def _lab(lv: LabValue, uln: float | None) -> dict[str, Any]:
    return {"date": _iso(lv.date), "value": round_lab(lv.analyte, lv.value),
            "unit": _CANON[lv.analyte], "uln": None if uln is None else round_lab(lv.analyte, uln)}


_CANON = {"ALP": "U/L", "CTX": "ng/mL"}


def _num(analyte: str, value: float) -> str:
    """A lab value for a message: output precision, no trailing '.0' (382, 0.715)."""
    return f"{round_lab(analyte, value):g}"


# ---------------------------------------------------------------- rules


HIGH_RISK_TEXT = {
    "screen": (
        "High risk of bone metastasis ({f}): bone imaging (PET-CT, or bone scan) at staging or "
        "restaging if not already done.",
        "骨转移高危（{f}）：分期或再分期时如尚未做骨影像检查，应做PET-CT（或骨扫描）。",
    ),
    "alert": (
        "Higher-risk features ({f}): image promptly for bone pain or a raised ALP/CTX; routine "
        "bone scans are not recommended in follow-up of early-stage disease.",
        "存在骨转移较高危因素（{f}）：出现骨痛或ALP/CTX升高时应及时做影像检查；早期病例随访中不推荐"
        "常规骨扫描。",
    ),
}


def _high_risk(view: CaseView) -> Finding | None:
    if not not_confirmed(view):
        return None
    c = view.case.cancer
    factors: list[tuple[str, str]] = []
    missing: list[str] = []
    late_stage = c.stage is not None and c.stage.startswith(("III", "IV"))
    if c.stage is None:
        missing.append("stage")
    elif late_stage:
        factors.append((f"stage {c.stage}", f"分期 {c.stage}"))
    if c.histology is None:
        missing.append("histology")
    elif c.histology in ("adenocarcinoma", "sclc"):
        zh = {"adenocarcinoma": "腺癌", "sclc": "小细胞肺癌"}[c.histology]
        factors.append((f"histology {c.histology}", f"病理类型 {zh}"))
    if c.drivers is None:
        missing.append("drivers")
    elif c.drivers:
        factors.append((f"driver alteration ({', '.join(c.drivers)})",
                        f"驱动基因改变（{', '.join(c.drivers)}）"))
    organs = distinct_organs(c.visceral_metastases)
    many_organs = len(organs) >= 2
    if c.visceral_metastases is None:
        missing.append("visceral_metastases")
    elif many_organs:
        factors.append((f"visceral metastases in {len(organs)} organs ({', '.join(organs)})",
                        f"{len(organs)}个内脏器官转移（{', '.join(organs)}）"))
    if not factors:
        for m in missing:
            view.missing.add(m, HIGH_RISK.id)
        return None
    level = "screen" if late_stage or many_organs else "alert"
    if level == "alert" and c.stage is None:
        view.missing.add("stage", HIGH_RISK.id)  # rules/2: the level may be screen
    en, zh = HIGH_RISK_TEXT[level]
    return make_finding(
        HIGH_RISK,
        en.format(f="; ".join(f for f, _ in factors)),
        zh.format(f="；".join(z for _, z in factors)),
        {"level": level, "factors": [f for f, _ in factors], "stage": c.stage},
    )


def _earlier_lowest(view: CaseView, latest: LabValue) -> LabValue | None:
    others = [v for v in view.labs(latest.analyte)
              if v is not latest and within(v.date, latest.date, view.params.lookback_days)]
    return min(others, key=lambda v: v.value) if others else None


def _alp_rise(view: CaseView) -> Finding | None:
    p = view.params
    if not p.enable_biomarker_workup or not not_confirmed(view):
        return None
    latest = view.latest("ALP", p.lookback_days)
    if latest is None:
        view.missing.add("labs.ALP", ALP_RISE.id)
        return None
    uln = view.uln(latest)
    if uln is None or not gt(latest.value, uln):
        return None
    lowest = _earlier_lowest(view, latest)
    rise = lowest is not None and ge(latest.value, (1 + p.lsc_alp) * lowest.value)
    marked = gt(latest.value, 2.5 * uln)
    if not (rise or marked):
        return None
    v, u = _num("ALP", latest.value), _num("ALP", uln)
    why, why_zh = [], []
    if rise:
        low = _num("ALP", lowest.value)  # type: ignore[union-attr]
        why.append(f"≥ {1 + p.lsc_alp:.2f} × the lowest earlier ALP {low} U/L "
                   f"({lowest.date.isoformat()})")  # type: ignore[union-attr]
        why_zh.append(f"≥ 此前最低ALP {low} U/L（{lowest.date.isoformat()}）的 "  # type: ignore
                      f"{1 + p.lsc_alp:.2f} 倍")
    if marked:
        why.append(f"> 2.5 × ULN {u} U/L")
        why_zh.append(f"> 2.5 × 正常上限 {u} U/L")
    data: dict[str, Any] = {"latest": _lab(latest, uln), "rise": rise, "above_2_5_uln": marked}
    if lowest is not None:
        data["lowest_earlier"] = _lab(lowest, view.uln(lowest))
    return make_finding(
        ALP_RISE,
        f"Markedly raised ALP {v} U/L on {latest.date.isoformat()} (> ULN {u}; "
        f"{'; '.join(why)}): image even without bone pain (MRI or PET-CT); check GGT for a "
        "liver origin.",
        f"ALP明显升高：{latest.date.isoformat()} 为 {v} U/L（> 正常上限 {u}；"
        f"{'；'.join(why_zh)}）：即使无骨痛也应做影像检查（MRI或PET-CT）；查GGT以排除肝源性。",
        data, sort_date=latest.date.isoformat(),
    )


def _ctx_rise(view: CaseView) -> Finding | None:
    p = view.params
    if not p.enable_biomarker_workup or not not_confirmed(view):
        return None
    if view.given("denosumab"):
        return None
    latest = view.latest("CTX", p.lookback_days)
    if latest is None:
        view.missing.add("labs.CTX", CTX_RISE.id)
        return None
    uln = view.uln(latest)
    if uln is None or not gt(latest.value, uln):
        return None
    lowest = _earlier_lowest(view, latest)
    if lowest is not None and not ge(latest.value, (1 + p.lsc_ctx) * lowest.value):
        return None
    v, u = _num("CTX", latest.value), _num("CTX", uln)
    fasting = latest.lab.fasting is True
    if lowest is None:
        why, why_zh = "no earlier CTX in the look-back window", "回顾期内无更早CTX"
    else:
        low = _num("CTX", lowest.value)
        why = (f"≥ {1 + p.lsc_ctx:.2f} × the lowest earlier CTX {low} ng/mL "
               f"({lowest.date.isoformat()})")
        why_zh = f"≥ 此前最低CTX {low} ng/mL（{lowest.date.isoformat()}）的 {1 + p.lsc_ctx:.2f} 倍"
    repeat = "" if fasting else " The sample was not recorded as fasting: repeat as a fasting " \
        "morning sample."
    repeat_zh = "" if fasting else "该标本未记录为空腹：请复查空腹晨起标本。"
    data: dict[str, Any] = {"latest": _lab(latest, uln), "fasting": latest.lab.fasting}
    if lowest is not None:
        data["lowest_earlier"] = _lab(lowest, view.uln(lowest))
    return make_finding(
        CTX_RISE,
        f"Markedly raised CTX {v} ng/mL on {latest.date.isoformat()} (> ULN {u}; {why}): "
        f"investigate with imaging even without symptoms.{repeat}",
        f"CTX明显升高：{latest.date.isoformat()} 为 {v} ng/mL（> 正常上限 {u}；{why_zh}）："
        f"即使无症状也应做影像检查。{repeat_zh}",
        data, sort_date=latest.date.isoformat(),
    )


def recent_bone_pain(view: CaseView):
    """``bone_pain`` symptoms dated within ``symptom_days`` before the as-of date."""
    return [s for s in view.symptoms
            if s.kind == "bone_pain" and within(s.date, view.as_of, view.params.symptom_days)]


def _pain_fixed(view: CaseView) -> Finding | None:
    if not not_confirmed(view):
        return None
    pains = recent_bone_pain(view)
    imaged = [m for m in view.imaging if m.modality in IMAGING_FOR_PAIN]
    unimaged = []
    for s in pains:
        if any(m.date >= s.date for m in imaged):
            continue
        if s.pattern == "fixed":
            unimaged.append(s)
        elif s.pattern is None:
            view.missing.add("symptoms.pattern", PAIN_FIXED.id)
    if not unimaged:
        return None
    first = unimaged[0]
    site = f" ({first.site})" if first.site else ""
    site_zh = f"（{first.site}）" if first.site else ""
    return make_finding(
        PAIN_FIXED,
        f"Fixed bone pain since {first.date.isoformat()}{site} with no imaging on/after it: "
        "image the painful site: MRI (most sensitive for marrow), or PET-CT.",
        f"{first.date.isoformat()}起固定部位骨痛{site_zh}，此后未做影像检查：对疼痛部位做影像检查，"
        "首选MRI（对骨髓最敏感），或PET-CT。",
        {"symptoms": [{"date": _iso(s.date), "pattern": s.pattern, "site": s.site}
                      for s in unimaged]},
        sort_date=first.date.isoformat(),
    )


def _pain_migratory(view: CaseView) -> Finding | None:
    if not not_confirmed(view):
        return None
    pains = recent_bone_pain(view)
    if not pains or any(s.pattern == "fixed" for s in pains):
        return None
    if any(s.pattern is None for s in pains):
        view.missing.add("symptoms.pattern", PAIN_MIGRATORY.id)
        return None
    dates = ", ".join(s.date.isoformat() for s in pains)
    return make_finding(
        PAIN_MIGRATORY,
        f"Bone pain recorded as migratory ({dates}): migratory multi-site pain is not typical of "
        "bone metastasis (which hurts at a fixed site).",
        f"骨痛记录为游走性（{dates}）：游走性多部位疼痛不是骨转移的典型表现（骨转移多为固定部位疼痛）。",
        {"symptoms": [{"date": _iso(s.date), "pattern": s.pattern, "site": s.site}
                      for s in pains]},
        sort_date=pains[0].date.isoformat(),
    )


def _mscc(view: CaseView) -> Finding | None:
    items: list[tuple[date, str, str, dict[str, Any]]] = []
    for s in view.symptoms:
        if s.kind == "neuro_deficit" and within(s.date, view.as_of, MSCC_DAYS):
            site = f" ({s.site})" if s.site else ""
            items.append((s.date, f"neurological deficit {s.date.isoformat()}{site}",
                          f"神经功能障碍 {s.date.isoformat()}{site}",
                          {"kind": "neuro_deficit", "date": _iso(s.date), "site": s.site}))
    for e in view.events:
        if (e.kind == "spinal_cord_compression" and not e.planned
                and within(e.date, view.as_of, MSCC_DAYS)):
            reg = f" ({e.region})" if e.region else ""
            items.append((e.date, f"spinal cord compression {e.date.isoformat()}{reg}",
                          f"脊髓压迫 {e.date.isoformat()}{reg}",
                          {"kind": "spinal_cord_compression", "date": _iso(e.date),
                           "region": e.region}))
    if not items:
        return None
    items.sort(key=lambda t: t[0])
    return make_finding(
        MSCC,
        f"Suspected metastatic spinal cord compression ({'; '.join(t[1] for t in items)}): "
        "urgent whole-spine MRI (within 24 h), corticosteroids, urgent spinal surgery/"
        "radiotherapy referral.",
        f"怀疑转移性脊髓压迫（{'；'.join(t[2] for t in items)}）：24小时内急查全脊柱MRI，"
        "使用糖皮质激素，紧急转诊脊柱外科/放疗。",
        {"items": [t[3] for t in items]}, sort_date=items[0][0].isoformat(),
    )


_RULES = (_high_risk, _alp_rise, _ctx_rise, _pain_fixed, _pain_migratory, _mscc)


def evaluate(view: CaseView) -> list[Finding]:
    """Every WU-* rule that fires on this view (``view.status`` must be set)."""
    out = []
    for rule in _RULES:
        f = rule(view)
        if f is not None:
            out.append(f)
    return out
