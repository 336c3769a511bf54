"""Bone-modifying agent rules (rule book §4, BMA-*): start, concurrency, denosumab renal risk,
interval and overdue checks.

The calcium, supplement and dental-clearance rules live in :mod:`app.domain.rules_bma_ca`,
the zoledronic-acid renal rules in :mod:`app.domain.rules_bma_za`, the other bisphosphonates'
renal rules in :mod:`app.domain.rules_bma_bp`, BMA-NO-INDICATION and BMA-NON-ONCOLOGY-DOSE in
:mod:`app.domain.rules_bma_indication` (separate rule modules in
``catalogue.RULE_MODULES``; importing this module imports them too, so all BMA rules
register). Which drug is active comes from :mod:`app.domain.bma_state`;
:func:`active_drugs` is the public entry other rule families use.
"""

from __future__ import annotations

from app.domain import (  # noqa: F401  (registers their rules)
    rules_bma_bp,
    rules_bma_ca,
    rules_bma_indication,
    rules_bma_za,
)
from app.domain.bma_state import STANDARD_INTERVAL_DAYS, dose_json, drug_state
from app.domain.bma_state import active_drugs as _active_list
from app.domain.case import BISPHOSPHONATES
from app.domain.context import CaseView
from app.domain.dates import days_between
from app.domain.findings import Finding, RuleInfo, make_finding, register
from app.domain.rules_bma_common import (
    crcl_json,
    crcl_text,
    dose_en,
    dose_zh,
    lt,
    missing_of,
    status_of,
)

CONCURRENT_DAYS = 28
RECENT_DAYS = 90
CKD_CREATININE_MAX_AGE = 90
ZA_INTERVAL_STUDIED = 84

START = register(200, RuleInfo(
    "BMA-START", "warning",
    "status confirmed, no BMA dose ever given and none planned",
    "start a BMA: denosumab 120 mg q4w (preferred: slightly better SRE prevention, OS signal "
    "in the lung subgroup) or zoledronic acid; dental exam, calcium + vitamin D first",
    "开始骨改良药物：地舒单抗120 mg每4周（首选：预防骨相关事件略优，肺癌亚组有总生存获益信号）或"
    "唑来"
    "膦酸；用药前先做口腔检查，并补充钙剂和维生素D",
    ("SEED", "GL", "TRIAL"), "SEED R33, R45; GL ESMO 2020 [I,B]; TRIAL Scagliotti 2012",
))
CONCURRENT = register(202, RuleInfo(
    "BMA-CONCURRENT", "critical",
    "a denosumab dose and a bisphosphonate dose (given or planned) less than 28 days apart, "
    "at least one of them planned or given within the last 90 days",
    "never combine denosumab with a bisphosphonate: choose one",
    "地舒单抗与双膦酸盐切勿联用：二者择一",
    ("LABEL", "SEED"), "LABEL (Xgeva); SEED R32",
))
DEN_CKD = register(211, RuleInfo(
    "BMA-DEN-CKD", "warning",
    "denosumab active and CrCl < 30 (CrCl from a creatinine ≤ 90 days old)",
    "higher risk of severe hypocalcaemia: check calcium weekly in the first month, then "
    "monthly",
    "严重低钙血症风险增高：第一个月每周查血钙，此后每月一次",
    ("LABEL",), "LABEL (Xgeva; Prolia 2024 boxed warning)",
))
DEN_INTERVAL = register(218, RuleInfo(
    "BMA-DEN-INTERVAL", "warning",
    "denosumab active with an interval > 28 days",
    "interval extension is individualised, off-label practice (q4w is standard; REDUSE "
    "unreported); an extension must not become a stop",
    "延长给药间隔属个体化的超说明书用法（标准为每4周；REDUSE结果未公布）；延长间隔不可变成停药",
    ("SEED", "LABEL"), "SEED R51; LABEL",
))
ZA_INTERVAL = register(219, RuleInfo(
    "BMA-ZA-INTERVAL", "info for 29–84 days, warning for > 84",
    "zoledronic acid active with an interval > 28 days",
    "29–84: every-12-week dosing was non-inferior in breast/prostate/myeloma, lung data "
    "limited; > 84: beyond the studied 12-week schedule",
    "29–84天：每12周给药在乳腺癌/前列腺癌/骨髓瘤中非劣效，肺癌数据有限；>84天：超出已研究的12周方"
    "案",
    ("TRIAL", "SEED"), "TRIAL CALGB 70604, ZOOM; SEED R47",
))
DEN_OVERDUE = register(220, RuleInfo(
    "BMA-DEN-OVERDUE", "warning",
    "days since the last given denosumab dose > interval + overdue_grace_days, and the course "
    "is not stopped (§5)",
    "dose overdue: an unplanned gap carries rebound risk; give the dose or record a stop "
    "decision",
    "给药已逾期：非计划的间断有反跳风险；请给药或记录停药决定",
    ("LABEL", "SEED"), "LABEL; SEED R48",
))

def active_drugs(view: CaseView) -> frozenset[str]:
    """Drugs active on the as-of date per §4 (incl. the §5 denosumab exception)."""
    return frozenset(_active_list(view))


def _start(view: CaseView) -> Finding | None:
    if status_of(view) != "confirmed" or view.given() or view.planned():
        return None
    basis = getattr(view.status, "basis", None)
    return make_finding(
        START,
        "Bone metastasis confirmed and no bone-modifying agent given or planned: start a BMA "
        "— denosumab 120 mg every 4 weeks (preferred) or zoledronic acid; dental exam, calcium "
        "and vitamin D first.",
        "骨转移已确诊，但未给予也未计划骨改良药物：建议开始治疗——地舒单抗120 mg每4周（首选）或唑"
        "来膦酸；"
        "用药前先做口腔检查并补充钙剂和维生素D。",
        {"status": "confirmed", "basis": basis},
    )


def _recent(view: CaseView, a) -> bool:
    return a.planned or 0 <= days_between(a.date, view.as_of) <= RECENT_DAYS


def _concurrent(view: CaseView) -> Finding | None:
    den = view.given("denosumab") + view.planned("denosumab")
    bps = view.given(BISPHOSPHONATES) + view.planned(BISPHOSPHONATES)
    pairs = []
    for d in den:
        for b in bps:
            gap = abs(days_between(d.date, b.date))
            if gap < CONCURRENT_DAYS and (_recent(view, d) or _recent(view, b)):
                pairs.append((min(d.date, b.date), d, b, gap))
    if not pairs:
        return None
    pairs.sort(key=lambda p: (p[0], p[1].date, p[2].date))
    _, d, b, gap = pairs[0]
    return make_finding(
        CONCURRENT,
        f"Denosumab and a bisphosphonate {gap} days apart (< {CONCURRENT_DAYS}): {dose_en(d)}; "
        f"{dose_en(b)}. Never combine denosumab with a bisphosphonate: choose one.",
        f"地舒单抗与双膦酸盐间隔仅{gap}天（< {CONCURRENT_DAYS}天）：{dose_zh(d)}；{dose_zh(b)}。"
        "地舒单抗与双膦酸盐切勿联用：二者择一。",
        {
            "denosumab": dose_json(d), "bisphosphonate": dose_json(b), "days_apart": gap,
            "pairs": [
                {"denosumab": dose_json(p[1]), "bisphosphonate": dose_json(p[2]),
                 "days_apart": p[3]} for p in pairs
            ],
        },
        sort_date=min(d.date, b.date).isoformat(),
    )


def _den_ckd(view: CaseView) -> Finding | None:
    if not drug_state(view, "denosumab").active:
        return None
    cr = view.latest("CREA", within_days=CKD_CREATININE_MAX_AGE)
    if cr is None:
        missing_of(view).add("labs.CREA", DEN_CKD.id)
        return None
    c = view.crcl(cr)
    if c.value is None:
        for key in c.missing:
            missing_of(view).add(key, DEN_CKD.id)
        return None
    if not lt(c.value, 30):
        return None
    en, zh = crcl_text(c)
    return make_finding(
        DEN_CKD,
        f"Denosumab active with {en} < 30: higher risk of severe hypocalcaemia — check calcium "
        "weekly in the first month, then monthly.",
        f"地舒单抗治疗中，{zh} < 30：严重低钙血症风险增高——第一个月每周查血钙，此后每月一次。",
        crcl_json(c),
        sort_date=cr.date.isoformat(),
    )


def _den_interval(view: CaseView) -> Finding | None:
    st = drug_state(view, "denosumab")
    if not st.active or st.interval <= STANDARD_INTERVAL_DAYS:
        return None
    return make_finding(
        DEN_INTERVAL,
        f"Denosumab active with an interval of {st.interval} days (> 28): interval extension "
        "is individualised, off-label practice (q4w is standard); an extension must not become "
        "a stop.",
        f"地舒单抗治疗中，给药间隔为{st.interval}天（> 28天）：延长间隔属个体化的超说明书用法（标"
        "准为每4"
        "周）；延长间隔不可变成停药。",
        {"drug": "denosumab", "interval_days": st.interval},
    )


def _za_interval(view: CaseView) -> Finding | None:
    st = drug_state(view, "zoledronic_acid")
    if not st.active or st.interval <= STANDARD_INTERVAL_DAYS:
        return None
    beyond = st.interval > ZA_INTERVAL_STUDIED
    if beyond:
        en = "beyond the studied 12-week schedule"
        zh = "超出已研究的12周方案"
    else:
        en = ("every-12-week dosing was non-inferior in breast/prostate/myeloma; lung data "
              "limited")
        zh = "每12周给药在乳腺癌/前列腺癌/骨髓瘤中非劣效；肺癌数据有限"
    return make_finding(
        ZA_INTERVAL,
        f"Zoledronic acid active with an interval of {st.interval} days (> 28): {en}.",
        f"唑来膦酸治疗中，给药间隔为{st.interval}天（> 28天）：{zh}。",
        {"drug": "zoledronic_acid", "interval_days": st.interval},
        severity="warning" if beyond else "info",
    )


def _den_overdue(view: CaseView) -> Finding | None:
    st = drug_state(view, "denosumab")
    last = st.last_given
    if last is None or st.stopped:
        return None
    days = days_between(last.date, view.as_of)
    limit = st.interval + view.params.overdue_grace_days
    if days <= limit:
        return None
    return make_finding(
        DEN_OVERDUE,
        f"Denosumab dose overdue: last dose {last.date.isoformat()} was {days} days ago "
        f"(> interval {st.interval} + grace {view.params.overdue_grace_days}). An unplanned gap "
        "carries rebound risk: give the dose or record a stop decision.",
        f"地舒单抗给药逾期：末次给药 {last.date.isoformat()}，距今{days}天（> 间隔{st.interval}天"
        " + "
        f"宽限{view.params.overdue_grace_days}天）。非计划的间断有反跳风险：请给药或记录停药决定。",
        {"last_dose": dose_json(last), "days_since": days, "interval_days": st.interval,
         "grace_days": view.params.overdue_grace_days},
        sort_date=last.date.isoformat(),
    )


def evaluate(view: CaseView) -> list[Finding]:
    """The BMA-* findings of this module (the assessment runs the other BMA rule modules
    named in the module docstring separately)."""
    rules = (_start, _concurrent, _den_ckd, _den_interval, _za_interval, _den_overdue)
    return [f for f in (rule(view) for rule in rules) if f is not None]
