"""Denosumab discontinuation and rebound rules (rule book §5, DEN-*).

All five rules need a **stopped** denosumab course (see :mod:`app.domain.denosumab`); days
count from the last given dose (day 0). The rebound rules judge samples/events dated day
29–395 and are silenced, item by item, by a bisphosphonate dose that *acted on* the item
(rules/2, :func:`app.domain.bma_state.rebound_acted_on`: a dose given on/after the item's date
of a bisphosphonate whose course was not running on that date — routine doses of a running
course do not count). DEN-STOP-WINDOW names a switch to a bisphosphonate (``switched_to``);
DEN-REBOUND-CTX has a running-bisphosphonate variant (``on_bisphosphonate``).
"""

from __future__ import annotations

from app.domain.bma_state import rebound_acted_on, running_bisphosphonate
from app.domain.case import BISPHOSPHONATES, Administration
from app.domain.context import CaseView, round_lab
from app.domain.denosumab import (
    FRACTURE_KINDS,
    NADIR_LAST_DAY,
    REBOUND_FIRST_DAY,
    WINDOW_LAST_DAY,
    DenCourse,
    den_course,
    vertebral_fractures,
)
from app.domain.findings import Finding, RuleInfo, make_finding, register
from app.domain.rules_bma_common import DRUG_ZH, ge, gt, iso, lab_json, missing_of

MONITOR_FIRST_DAY = 61
MONITOR_RECENT_DAYS = 90

STOP_WINDOW = register(300, RuleInfo(
    "DEN-STOP-WINDOW", "warning",
    "denosumab stopped and the as-of date is within days 0–395",
    "rebound-risk window: the peak window, the window end, the checks due and the risk "
    "level; do not stop denosumab casually. After a switch (a bisphosphonate dose given or "
    "planned after the last given denosumab dose) that phrase is left out: switched to "
    "<drug> (<date>): the rebound checks still apply",
    "停药后反跳风险窗口：高峰窗口、窗口结束日期、待做检查及风险等级；切勿随意停用地舒单抗。已换用"
    "双膦酸盐（末次地舒单抗后给予或计划给予双膦酸盐）时不再提示该句，改为：已换用<药物>（<日期>）："
    "仍需按计划做反跳监测检查",
    ("SEED", "LABEL", "TRIAL"), "SEED R48–R50; LABEL; TRIAL",
))
MONITOR_DUE = register(301, RuleInfo(
    "DEN-MONITOR-DUE", "warning",
    "denosumab stopped, as-of day 61–395, and no CTX dated after day 28 and within the last "
    "90 days",
    "CTX (fasting morning) and calcium are due",
    "需复查空腹晨起CTX及血钙",
    ("SEED", "DESIGN"), "SEED R50; DESIGN",
))
REBOUND_CTX = register(302, RuleInfo(
    "DEN-REBOUND-CTX", "critical",
    "denosumab stopped, and a CTX dated day 29–395 is > ULN, or ≥ (1+lsc_ctx) × nadir, and "
    "no bisphosphonate dose acted on it (a dose given on/after that CTX's date acts on it only "
    "if no course of that bisphosphonate was running on that date)",
    "CTX rebound: resume antiresorptive therapy promptly — resume denosumab (seed practice) "
    "or move to a bisphosphonate (osteoporosis guidance, ECTS 2021): MDT decision; check "
    "calcium; spine imaging if back pain. When a bisphosphonate course was running on that "
    "CTX's date: the rebound is not controlled by the bisphosphonate: consider resuming "
    "denosumab in its place (seed practice; never both, BMA-CONCURRENT), MDT decision",
    "CTX反跳：尽快恢复抗骨吸收治疗——恢复地舒单抗（专家做法）或改用双膦酸盐（ECTS 2021骨质疏松"
    "指南），由MDT决定；查血钙；如有背痛行脊柱影像检查。该CTX日期时正在使用双膦酸盐疗程时：双膦"
    "酸盐未能控制反跳，考虑以地舒单抗替代（专家做法；二者不可同时使用，BMA-CONCURRENT），由MDT决定",
    ("SEED", "GL", "DESIGN"),
    "SEED R50 (case 3: denosumab → incadronate); GL ECTS 2021; DESIGN (threshold = LSC ≈30%, "
    "Rosen 2000; the running-course variant)",
))
REBOUND_CALCIUM = register(303, RuleInfo(
    "DEN-REBOUND-CALCIUM", "critical",
    "denosumab stopped, and a calcium dated day 29–395 is > ULN, and no bisphosphonate dose "
    "acted on it (a routine dose of a course running on its date does not count)",
    "suspected rebound hypercalcaemia",
    "疑似停药反跳性高钙血症",
    ("TRIAL", "LABEL"), "TRIAL (Wang; Villanova 2025, lung); LABEL",
))
REBOUND_FRACTURE = register(304, RuleInfo(
    "DEN-REBOUND-FRACTURE", "critical",
    "denosumab stopped, and a vertebral fracture is dated after day 28 or after the recorded "
    "stop (whichever is earlier), up to day 395, and no bisphosphonate dose acted on it (a "
    "routine dose of a course running on its date does not count)",
    "rebound vertebral fractures: spine imaging, resume antiresorptive, MDT",
    "停药反跳性椎体骨折：脊柱影像检查，恢复抗骨吸收治疗，提交MDT",
    ("LABEL", "TRIAL"), "LABEL; TRIAL FREEDOM (Cummings 2018)",
))


def _stop_text(c: DenCourse) -> tuple[str, str]:
    last = c.last_dose.isoformat()
    if c.stop_recorded and c.stop is not None:
        s = c.stop.date.isoformat()
        return (
            f"stop recorded {s} (last dose {last})",
            f"已记录停药 {s}（末次给药 {last}）",
        )
    return (
        f"no dose since {last}: day {c.day} > interval {c.interval} + 56 (unrecorded stop)",
        f"末次给药 {last} 后未再给药：第{c.day}天 > 间隔{c.interval}+56天（未记录的停药）",
    )


def switch_dose(view: CaseView, c: DenCourse) -> Administration | None:
    """The first bisphosphonate dose given or planned after the last given denosumab dose (a
    switch, rules/2), or None."""
    later = [a for a in view.given(BISPHOSPHONATES) + view.planned(BISPHOSPHONATES)
             if a.date > c.last_dose]
    return min(later, key=lambda a: (a.date, a.planned)) if later else None


def _switch_text(sw: Administration | None) -> tuple[str, str]:
    if sw is None:
        return ". Do not stop denosumab casually.", "。切勿随意停用地舒单抗。"
    d = sw.date.isoformat()
    plan_zh = "计划" if sw.planned else ""
    return (
        f"; switched to {sw.drug.replace('_', ' ')} ({d}): the rebound checks still apply.",
        f"；已{plan_zh}换用{DRUG_ZH.get(sw.drug, sw.drug)}（{d}）：仍需按计划做反跳监测检查。",
    )


def _stop_window(view: CaseView, c: DenCourse) -> Finding | None:
    if not (c.stopped and c.in_window):
        return None
    en, zh = _stop_text(c)
    p0, p1 = (d.isoformat() for d in c.peak_window)
    due = ", ".join(d.isoformat() for d in c.checks_due) or "none"
    due_zh = "、".join(d.isoformat() for d in c.checks_due) or "无"
    risk_zh = {"high": "高", "elevated": "升高"}[c.risk_level]
    sw = switch_dose(view, c)
    sw_en, sw_zh = _switch_text(sw)
    data = {
        "last_dose": c.last_dose.isoformat(),
        "stop_recorded": c.stop_recorded,
        "stop_date": iso(c.stop.date) if c.stop else None,
        "stop_reason": c.stop.reason if c.stop else None,
        "day": c.day,
        "peak_window": [p0, p1],
        "window_end": c.window_end.isoformat(),
        "checks_due": [d.isoformat() for d in c.checks_due],
        "risk_level": c.risk_level,
        "risk_reasons": list(c.risk_reasons),
        "switched_to": None if sw is None else {
            "drug": sw.drug, "date": sw.date.isoformat(), "planned": sw.planned},
    }
    return make_finding(
        STOP_WINDOW,
        f"Denosumab stopped — {en}; as-of is day {c.day} of 0–{WINDOW_LAST_DAY}. Rebound "
        f"peak window {p0} – {p1}; window ends {c.window_end.isoformat()}; checks due: {due}; "
        f"risk {c.risk_level}{sw_en}",
        f"地舒单抗已停用——{zh}；评估日为第{c.day}天（窗口0–{WINDOW_LAST_DAY}天）。反跳高峰窗口"
        f" {p0} 至 {p1}；窗口结束 {c.window_end.isoformat()}；待做检查：{due_zh}；风险{risk_zh}"
        f"{sw_zh}",
        data,
        sort_date=c.last_dose.isoformat(),
    )


def _monitor_due(view: CaseView, c: DenCourse) -> Finding | None:
    if not (c.stopped and MONITOR_FIRST_DAY <= c.day <= WINDOW_LAST_DAY):
        return None
    recent = [
        lv for lv in view.labs("CTX")
        if c.day_of(lv.date) > NADIR_LAST_DAY
        and 0 <= (view.as_of - lv.date).days <= MONITOR_RECENT_DAYS
    ]
    if recent:
        return None
    after28 = [lv for lv in view.labs("CTX") if c.day_of(lv.date) > NADIR_LAST_DAY]
    last_ctx = after28[-1] if after28 else None
    last_en = (
        f"last CTX after day 28 on {last_ctx.date.isoformat()}" if last_ctx
        else "no CTX since day 28"
    )
    last_zh = (
        f"第28天后最近一次CTX为 {last_ctx.date.isoformat()}" if last_ctx else "第28天后无CTX"
    )
    return make_finding(
        MONITOR_DUE,
        f"Denosumab stopped (last dose {c.last_dose.isoformat()}), as-of day {c.day}: "
        f"{last_en}, none within the last {MONITOR_RECENT_DAYS} days. Fasting morning CTX "
        "and calcium are due.",
        f"地舒单抗已停用（末次给药 {c.last_dose.isoformat()}），评估日为第{c.day}天：{last_zh}，"
        f"近{MONITOR_RECENT_DAYS}天内无CTX。需复查空腹晨起CTX及血钙。",
        {
            "last_dose": c.last_dose.isoformat(),
            "day": c.day,
            "last_ctx": lab_json(last_ctx) if last_ctx else None,
            "checks_due": [d.isoformat() for d in c.checks_due],
        },
        sort_date=view.as_of.isoformat(),
    )


def _in_rebound_days(c: DenCourse, d) -> bool:
    return REBOUND_FIRST_DAY <= c.day_of(d) <= WINDOW_LAST_DAY


def _rebound_missing(view: CaseView, c: DenCourse, analyte: str, rule_id: str) -> None:
    """Report a missing sample when the rule could judge one by now but none exists."""
    if c.stopped and REBOUND_FIRST_DAY <= c.day <= WINDOW_LAST_DAY:
        missing_of(view).add(f"labs.{analyte}", rule_id)


def _rebound_ctx(view: CaseView, c: DenCourse) -> Finding | None:
    if not c.stopped:
        return None
    factor = 1 + view.params.lsc_ctx
    nadir = c.nadir
    samples = [lv for lv in view.labs("CTX") if _in_rebound_days(c, lv.date)]
    if not samples:
        _rebound_missing(view, c, "CTX", REBOUND_CTX.id)
        return None
    hits = []
    for lv in samples:
        uln = view.uln(lv)
        over_uln = uln is not None and gt(lv.value, uln)
        over_nadir = nadir is not None and ge(lv.value, factor * nadir.value)
        if (over_uln or over_nadir) and rebound_acted_on(view, lv.date) is None:
            hits.append((lv, uln, over_uln, over_nadir))
    if not hits:
        return None
    lv, uln, over_uln, over_nadir = hits[-1]
    v = round_lab("CTX", lv.value)
    day = c.day_of(lv.date)
    parts_en, parts_zh = [], []
    if over_nadir:
        n = round_lab("CTX", nadir.value)
        parts_en.append(f"≥ {factor:g} × nadir {n:g} ng/mL ({nadir.date.isoformat()})")
        parts_zh.append(f"≥ {factor:g} × 最低值 {n:g} ng/mL（{nadir.date.isoformat()}）")
    if over_uln:
        u = round_lab("CTX", uln)
        parts_en.append(f"> ULN {u:g} ng/mL")
        parts_zh.append(f"> 正常上限 {u:g} ng/mL")
    bp = running_bisphosphonate(view, lv.date)
    advice_en, advice_zh = _ctx_advice(bp)
    return make_finding(
        REBOUND_CTX,
        f"CTX rebound: CTX {v:g} ng/mL on {lv.date.isoformat()} (day {day} after the last "
        f"denosumab dose {c.last_dose.isoformat()}) {' and '.join(parts_en)}. {advice_en}",
        f"CTX反跳：{lv.date.isoformat()} CTX {v:g} ng/mL（末次地舒单抗 {c.last_dose.isoformat()}"
        f" 后第{day}天）{'，且'.join(parts_zh)}。{advice_zh}",
        {
            "ctx_ng_ml": v,
            "date": lv.date.isoformat(),
            "day": day,
            "uln_ng_ml": None if uln is None else round_lab("CTX", uln),
            "nadir_ng_ml": None if nadir is None else round_lab("CTX", nadir.value),
            "nadir_date": None if nadir is None else nadir.date.isoformat(),
            "on_bisphosphonate": bp is not None,
            "bisphosphonate": None if bp is None else bp.drug,
            "bisphosphonate_last_dose": None if bp is None else bp.date.isoformat(),
            "ctx": lab_json(lv),
            "above_uln": over_uln,
            "nadir": lab_json(nadir) if nadir else None,
            "nadir_factor": factor,
            "above_nadir_threshold": over_nadir,
            "last_dose": c.last_dose.isoformat(),
            "samples": [lab_json(h[0]) for h in hits],
        },
        sort_date=lv.date.isoformat(),
    )


def _ctx_advice(bp: Administration | None) -> tuple[str, str]:
    """DEN-REBOUND-CTX's advice: the running-bisphosphonate variant (rules/2) when a course
    of ``bp``'s drug was running on the CTX's date, else the general advice."""
    if bp is None:
        return (
            "Resume antiresorptive therapy promptly (denosumab, or a bisphosphonate): MDT "
            "decision; check calcium; spine imaging if back pain.",
            "尽快恢复抗骨吸收治疗（地舒单抗或双膦酸盐），由MDT决定；查血钙；如有背痛行脊柱影像检查。",
        )
    drug, d = bp.drug.replace("_", " "), bp.date.isoformat()
    return (
        f"Bisphosphonate course running ({drug}, last dose {d}): the rebound is not controlled "
        "by the bisphosphonate: consider resuming denosumab in its place (seed practice; never "
        "both, BMA-CONCURRENT), MDT decision; check calcium; spine imaging if back pain.",
        f"双膦酸盐疗程进行中（{DRUG_ZH.get(bp.drug, bp.drug)}，末次给药 {d}）："
        "双膦酸盐未能控制反跳，考虑以地舒单抗替代（专家做法；二者不可同时使用，BMA-CONCURRENT），由MDT决定；查血钙；如有背痛"
        "行脊柱影像检查。",
    )


def _rebound_calcium(view: CaseView, c: DenCourse) -> Finding | None:
    if not c.stopped:
        return None
    samples = [view.corrected_calcium(lv) for lv in view.labs("CA")
               if _in_rebound_days(c, lv.date)]
    if not samples:
        _rebound_missing(view, c, "CA", REBOUND_CALCIUM.id)
        return None
    hits = [
        cv for cv in samples
        if gt(cv.value, cv.uln)
        and rebound_acted_on(view, cv.calcium.date) is None
    ]
    if not hits:
        return None
    cv = hits[-1]
    v = round_lab("CA", cv.value)
    d = cv.calcium.date.isoformat()
    day = c.day_of(cv.calcium.date)
    corr_en = "corrected" if cv.corrected else "uncorrected (no albumin within 7 days)"
    corr_zh = "白蛋白校正" if cv.corrected else "未校正（7天内无白蛋白）"
    return make_finding(
        REBOUND_CALCIUM,
        f"Suspected rebound hypercalcaemia: calcium {v:.2f} mmol/L ({corr_en}) on {d} (day "
        f"{day} after the last denosumab dose {c.last_dose.isoformat()}) > ULN "
        f"{cv.uln:.2f}.",
        f"疑似停药反跳性高钙血症：{d} 血钙 {v:.2f} mmol/L（{corr_zh}），为末次地舒单抗"
        f" {c.last_dose.isoformat()} 后第{day}天，高于正常上限 {cv.uln:.2f}。",
        {
            "calcium_mmol_l": v,
            "calcium_date": d,
            "albumin_corrected": cv.corrected,
            "uln_mmol_l": round_lab("CA", cv.uln),
            "day": day,
            "last_dose": c.last_dose.isoformat(),
            "samples": [
                {"date": h.calcium.date.isoformat(), "calcium_mmol_l": round_lab("CA", h.value)}
                for h in hits
            ],
        },
        sort_date=d,
    )


def _rebound_fracture(view: CaseView, c: DenCourse) -> Finding | None:
    if not c.stopped:
        return None
    lower = c.on_day(NADIR_LAST_DAY)
    if c.stop_recorded and c.stop is not None and c.stop.date < lower:
        lower = c.stop.date

    def concerned(e) -> bool:
        return (e.date > lower and c.day_of(e.date) <= WINDOW_LAST_DAY
                and rebound_acted_on(view, e.date) is None)

    hits = [e for e in vertebral_fractures(view) if concerned(e)]
    if not hits:
        # §0: a fracture in the window whose `vertebral` flag is unknown cannot be judged
        if any(e.kind in FRACTURE_KINDS and e.vertebral is None and not e.planned
               and concerned(e) for e in view.events):
            missing_of(view).add("events.vertebral", REBOUND_FRACTURE.id)
        return None
    e = hits[0]
    d = e.date.isoformat()
    where = f" ({e.region})" if e.region else ""
    return make_finding(
        REBOUND_FRACTURE,
        f"Vertebral fracture{where} on {d}, day {c.day_of(e.date)} after the last denosumab "
        f"dose {c.last_dose.isoformat()} (after {lower.isoformat()}): suspected rebound "
        "fracture — spine imaging, resume antiresorptive, MDT.",
        f"{d} 椎体骨折{where}，为末次地舒单抗 {c.last_dose.isoformat()} 后第{c.day_of(e.date)}天"
        f"（{lower.isoformat()} 之后）：疑似停药反跳性骨折——脊柱影像检查，恢复抗骨吸收治疗，提交M"
        "DT。",
        {
            "fracture": {"date": d, "kind": e.kind, "region": e.region},
            "day": c.day_of(e.date),
            "after": lower.isoformat(),
            "last_dose": c.last_dose.isoformat(),
            "fractures": [
                {"date": h.date.isoformat(), "kind": h.kind, "region": h.region} for h in hits
            ],
        },
        sort_date=d,
    )


def evaluate(view: CaseView) -> list[Finding]:
    """DEN-* findings for the view (none when denosumab was never given)."""
    c = den_course(view)
    if c is None:
        return []
    out = []
    for rule in (_stop_window, _monitor_due, _rebound_ctx, _rebound_calcium,
                 _rebound_fracture):
        f = rule(view, c)
        if f is not None:
            out.append(f)
    return out


def rebound_calcium_fires(view: CaseView) -> bool:
    """Whether DEN-REBOUND-CALCIUM fires on this view (BMA-SUPPLEMENTS is silent then, §4)."""
    c = den_course(view)
    return c is not None and _rebound_calcium(view, c) is not None
