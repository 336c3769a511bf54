"""BMA calcium, supplement and dental-clearance rules (rule book §4): BMA-HYPOCALCAEMIA,
BMA-HYPERCALCAEMIA, BMA-CA-MISSING, BMA-SUPPLEMENTS, BMA-DENTAL-CLEARANCE, BMA-DENTAL-REVIEW.

BMA-SUPPLEMENTS is silent while DEN-REBOUND-CALCIUM fires (rules/2); that rule's own condition
is asked of :mod:`app.domain.rules_den` (:func:`~app.domain.rules_den.rebound_calcium_fires`),
so the two never disagree.

"Calcium" is corrected calcium (Payne) as computed by the as-of view; its LLN/ULN are the
sample's own range, else the §9 defaults. Grades are CTCAE v5 (§8).
"""

from __future__ import annotations

from datetime import date

from app.domain.bma_state import any_active, dose_json
from app.domain.context import CalciumValue, CaseView, round_lab
from app.domain.dates import days_between
from app.domain.findings import Finding, RuleInfo, make_finding, register
from app.domain.rules_bma_common import hyper_grade, hypo_grade, iso, missing_of
from app.domain.rules_den import rebound_calcium_fires

CALCIUM_MAX_AGE = 30
CA_BEFORE_DOSE_DAYS = 30
HYPERCALCAEMIA_EVENT_DAYS = 30
CLEARANCE_RECENT_DAYS = 30
CLEARANCE_EXAM_DAYS = 180

HYPO = register(212, RuleInfo(
    "BMA-HYPOCALCAEMIA", "critical at CTCAE grade ≥2 (< 2.0 mmol/L), else warning",
    "any patient: the latest calcium dated within 30 days is < LLN",
    "correct hypocalcaemia before any BMA dose; shows the CTCAE v5 grade",
    "任何骨改良药物给药前先纠正低钙血症；显示CTCAE v5分级",
    ("LABEL",), "LABEL; CTCAE v5",
))
HYPER = register(213, RuleInfo(
    "BMA-HYPERCALCAEMIA", "critical at CTCAE grade ≥2 (> 2.9 mmol/L), else warning",
    "any patient: the latest calcium dated within 30 days is > ULN",
    "hypercalcaemia: hold calcium supplements; grade ≥2: hydration and an antiresorptive per "
    "protocol; shows the grade",
    "高钙血症：暂停钙剂；2级及以上：按方案水化并给予抗骨吸收药物；显示分级",
    ("GL",), "GL; CTCAE v5",
))
CA_MISSING = register(214, RuleInfo(
    "BMA-CA-MISSING", "warning",
    "the next planned BMA dose is dated within 30 days after the as-of date (or is overdue) "
    "and has no total or ionised calcium dated 0–30 days before it",
    "check calcium (and albumin) before the dose",
    "给药前检查血钙（及白蛋白）",
    ("LABEL",), "LABEL",
))
SUPPLEMENTS = register(215, RuleInfo(
    "BMA-SUPPLEMENTS", "warning",
    "a BMA is active, supplements.calcium or supplements.vitamin_d is not true, "
    "BMA-HYPERCALCAEMIA does not fire, DEN-REBOUND-CALCIUM does not fire, and no "
    "hypercalcaemia event is dated within 30 days",
    "calcium ≥500 mg + vitamin D ≥400 IU daily",
    "每日补充钙≥500 mg及维生素D≥400 IU",
    ("LABEL", "SEED"), "LABEL; SEED R34",
))
DENTAL_CLEARANCE = register(216, RuleInfo(
    "BMA-DENTAL-CLEARANCE", "warning",
    "the first BMA dose ever (any drug) is planned, or was given within the last 30 days, "
    "with no dental exam dated 0–180 days before it",
    "oral/dental examination before starting; finish necessary dental work first",
    "开始用药前进行口腔检查；先完成必要的牙科治疗",
    ("GL", "LABEL", "SEED"), "GL MASCC/ISOO/ASCO 2019; LABEL; SEED R38",
))
DENTAL_REVIEW = register(217, RuleInfo(
    "BMA-DENTAL-REVIEW", "info",
    "a BMA is active and the last dental exam is > dental_review_days old, or none is "
    "recorded (and BMA-DENTAL-CLEARANCE does not fire)",
    "routine dental review about every 6 months; good oral hygiene",
    "约每6个月常规口腔复查；保持良好口腔卫生",
    ("GL",), "GL MASCC 2019",
))


def _calcium_data(cv: CalciumValue, grade: int) -> dict:
    return {
        "calcium_mmol_l": round_lab("CA", cv.value),
        "calcium_date": cv.calcium.date.isoformat(),
        "albumin_corrected": cv.corrected,
        "albumin_g_l": None if cv.albumin is None else round_lab("ALB", cv.albumin.value),
        "albumin_date": None if cv.albumin is None else cv.albumin.date.isoformat(),
        "measured_mmol_l": round_lab("CA", cv.calcium.value),
        "lln_mmol_l": round_lab("CA", cv.lln),
        "uln_mmol_l": round_lab("CA", cv.uln),
        "ctcae_grade": grade,
    }


def _calcium_words(cv: CalciumValue) -> tuple[str, str]:
    v = round_lab("CA", cv.value)
    d = cv.calcium.date.isoformat()
    if cv.corrected:
        alb = round_lab("ALB", cv.albumin.value)
        return (f"corrected calcium {v:.2f} mmol/L on {d} (albumin {alb:g} g/L)",
                f"{d} 校正血钙 {v:.2f} mmol/L（白蛋白 {alb:g} g/L）")
    return (f"calcium {v:.2f} mmol/L on {d} (uncorrected: no albumin within 7 days)",
            f"{d} 血钙 {v:.2f} mmol/L（未校正：7天内无白蛋白）")


def _hypo(view: CaseView, cv: CalciumValue | None) -> Finding | None:
    if cv is None:
        return None
    grade = hypo_grade(cv.value, cv.lln)
    if grade == 0:
        return None
    en, zh = _calcium_words(cv)
    return make_finding(
        HYPO,
        f"Hypocalcaemia CTCAE grade {grade}: {en} < LLN {cv.lln:.2f}. Correct hypocalcaemia "
        "before any BMA dose.",
        f"低钙血症CTCAE {grade}级：{zh}，低于正常下限 {cv.lln:.2f}。任何骨改良药物给药前先纠正低"
        "钙血症。",
        _calcium_data(cv, grade),
        severity="critical" if grade >= 2 else "warning",
        sort_date=cv.calcium.date.isoformat(),
    )


def _hyper(view: CaseView, cv: CalciumValue | None) -> Finding | None:
    if cv is None:
        return None
    grade = hyper_grade(cv.value, cv.uln)
    if grade == 0:
        return None
    en, zh = _calcium_words(cv)
    extra_en = " Grade ≥2: hydration and an antiresorptive per protocol." if grade >= 2 else ""
    extra_zh = "2级及以上：按方案水化并给予抗骨吸收药物。" if grade >= 2 else ""
    return make_finding(
        HYPER,
        f"Hypercalcaemia CTCAE grade {grade}: {en} > ULN {cv.uln:.2f}. Hold calcium "
        f"supplements.{extra_en}",
        f"高钙血症CTCAE {grade}级：{zh}，高于正常上限 {cv.uln:.2f}。暂停钙剂。{extra_zh}",
        _calcium_data(cv, grade),
        severity="critical" if grade >= 2 else "warning",
        sort_date=cv.calcium.date.isoformat(),
    )


def _ca_missing(view: CaseView) -> Finding | None:
    # "The next planned BMA dose … (or is overdue)": an overdue plan and the next plan on/after
    # the as-of date can both be "next"; every plan dated up to 30 days ahead is checked (the
    # safer reading, docs/clinical-readings.md), naming the first one without calcium.
    due = [a for a in view.planned() if days_between(view.as_of, a.date) <= CA_BEFORE_DOSE_DAYS]
    samples = view.labs("CA") + view.labs("ICA")
    lacking = [
        a for a in due
        if not any(0 <= days_between(lv.date, a.date) <= CA_BEFORE_DOSE_DAYS for lv in samples)
    ]
    if not lacking:
        return None
    nxt = lacking[0]
    d = nxt.date.isoformat()
    overdue = nxt.date < view.as_of
    return make_finding(
        CA_MISSING,
        f"Next planned dose {nxt.drug.replace('_', ' ')} {nxt.dose_mg:g} mg on {d}"
        f"{' (overdue plan)' if overdue else ''} has no calcium dated 0–30 days before it: "
        "check calcium (and albumin) before the dose.",
        f"下次计划给药（{d}{'，已逾期' if overdue else ''}）前0–30天内无血钙结果：给药前检查血钙"
        "（及白蛋白）。",
        {"dose": dose_json(nxt), "overdue": overdue, "window_days": CA_BEFORE_DOSE_DAYS,
         "doses": [dose_json(a) for a in lacking]},
        sort_date=d,
    )


def _supplements(view: CaseView, hyper_fired: bool) -> Finding | None:
    if hyper_fired or not any_active(view) or rebound_calcium_fires(view):
        return None
    s = view.case.supplements
    if s.calcium is True and s.vitamin_d is True:
        return None
    events = [e for e in view.events if e.kind == "hypercalcaemia" and not e.planned
              and 0 <= days_between(e.date, view.as_of) <= HYPERCALCAEMIA_EVENT_DAYS]
    if events:
        return None
    lacking = [k for k, v in (("calcium", s.calcium), ("vitamin_d", s.vitamin_d)) if v is not True]
    names_zh = {"calcium": "钙剂", "vitamin_d": "维生素D"}

    def state(v):
        return "not recorded" if v is None else "no"

    detail = ", ".join(f"{k.replace('_', ' ')}: {state(getattr(s, k))}" for k in lacking)
    return make_finding(
        SUPPLEMENTS,
        f"A bone-modifying agent is active and supplements are not confirmed ({detail}): "
        "calcium ≥500 mg + vitamin D ≥400 IU daily.",
        f"正在使用骨改良药物，但未确认补充{'和'.join(names_zh[k] for k in lacking)}："
        "每日补充钙≥500 mg及维生素D≥400 IU。",
        {"calcium": s.calcium, "vitamin_d": s.vitamin_d, "lacking": lacking},
    )


def _first_dose(view: CaseView):
    given = view.given()
    if given:
        first = given[0]
        recent = 0 <= days_between(first.date, view.as_of) <= CLEARANCE_RECENT_DAYS
        return first if recent else None
    plans = view.planned()
    return plans[0] if plans else None


def _dental_clearance(view: CaseView) -> Finding | None:
    first = _first_dose(view)
    if first is None:
        return None
    def in_window(e: date) -> bool:
        return 0 <= days_between(e, first.date) <= CLEARANCE_EXAM_DAYS

    if any(in_window(e) for e in view.clearance_exams):
        return None
    # an exam that found an extraction needed is no clearance (docs/clinical-readings.md)
    needs_extraction = [e for e in view.dental_exams
                        if in_window(e) and e not in view.clearance_exams]
    last_exam = view.dental_exams[-1] if view.dental_exams else None
    state_en = "planned" if first.planned else "given"
    state_zh = "计划" if first.planned else "已给予"
    d = first.date.isoformat()
    last_en = f"last exam {last_exam.isoformat()}" if last_exam else "no dental exam recorded"
    last_zh = f"最近一次口腔检查 {last_exam.isoformat()}" if last_exam else "无口腔检查记录"
    if needs_extraction:
        e = needs_extraction[-1].isoformat()
        last_en += f"; the exam of {e} found an extraction needed, which is not a clearance"
        last_zh += f"；{e}的口腔检查发现需拔牙，不算口腔准入"
    return make_finding(
        DENTAL_CLEARANCE,
        f"First bone-modifying agent dose ({first.drug.replace('_', ' ')}, {state_en} {d}) "
        f"without a dental exam in the 180 days before it ({last_en}): oral/dental "
        "examination before starting; finish necessary dental work first.",
        f"首次骨改良药物（{d}{state_zh}）前180天内无口腔检查（{last_zh}）：开始用药前进行口腔检查，"
        "先完成必要的牙科治疗。",
        {"first_dose": dose_json(first), "last_exam": iso(last_exam),
         "window_days": CLEARANCE_EXAM_DAYS,
         **({"extraction_needed_exam": iso(needs_extraction[-1])} if needs_extraction else {})},
        sort_date=d,
    )


def _dental_review(view: CaseView, clearance_fired: bool) -> Finding | None:
    if clearance_fired or not any_active(view):
        return None
    limit = view.params.dental_review_days
    last = view.dental_exams[-1] if view.dental_exams else None
    if last is not None and days_between(last, view.as_of) <= limit:
        return None
    if last is None:
        en, zh = "no dental exam recorded", "无口腔检查记录"
    else:
        age = days_between(last, view.as_of)
        en = f"last dental exam {last.isoformat()} is {age} days old (> {limit})"
        zh = f"最近一次口腔检查 {last.isoformat()} 距今{age}天（> {limit}天）"
    return make_finding(
        DENTAL_REVIEW,
        f"A bone-modifying agent is active and {en}: routine dental review about every 6 "
        "months; good oral hygiene.",
        f"正在使用骨改良药物，{zh}：约每6个月常规口腔复查；保持良好口腔卫生。",
        {"last_exam": iso(last), "review_days": limit},
    )


def evaluate(view: CaseView) -> list[Finding]:
    """The calcium / supplement / dental-clearance BMA findings, in rule-book order."""
    cv = view.latest_calcium(CALCIUM_MAX_AGE)
    if cv is None:
        missing_of(view).add("labs.CA", HYPO.id, HYPER.id)
    hyper = _hyper(view, cv)
    clearance = _dental_clearance(view)
    found = [
        _hypo(view, cv),
        hyper,
        _ca_missing(view),
        _supplements(view, hyper is not None),
        clearance,
        _dental_review(view, clearance is not None),
    ]
    return [f for f in found if f is not None]
