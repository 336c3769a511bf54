"""Dental procedure rules (rule book §6, DENT-*): DENT-MINOR, DENT-INVASIVE, DENT-ONJ.

Minor procedures (no hold): root canal, scaling, filling, crown. Invasive (bone-involving):
extraction, implant, periodontal surgery, oral surgery. Planned procedures dated before the
as-of date are still checked (an overdue plan). Each rule fires once, naming the first
procedure concerned (every procedure concerned is listed in ``data``).
"""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.bma_state import active_drugs, dose_json
from app.domain.case import BISPHOSPHONATES, INVASIVE_DENTAL, MINOR_DENTAL, Administration
from app.domain.context import CaseView
from app.domain.dates import days_between
from app.domain.findings import Finding, RuleInfo, make_finding, register
from app.domain.rules_bma_common import DRUG_ZH

DEN_BEFORE_PROCEDURE_DAYS = 180
ONJ_DAYS = 365

KIND_EN = {
    "root_canal": "root canal", "scaling": "scaling", "filling": "filling", "crown": "crown",
    "extraction": "extraction", "implant": "implant",
    "periodontal_surgery": "periodontal surgery", "oral_surgery": "oral surgery",
}
KIND_ZH = {
    "root_canal": "根管治疗", "scaling": "洁治", "filling": "补牙", "crown": "牙冠",
    "extraction": "拔牙", "implant": "种植牙", "periodontal_surgery": "牙周手术",
    "oral_surgery": "口腔手术",
}

MINOR = register(400, RuleInfo(
    "DENT-MINOR", "info",
    "a minor procedure is planned and a BMA is active on the as-of date",
    "no BMA hold needed",
    "无需暂停骨改良药物",
    ("SEED", "GL"), "SEED R40; GL (AAOMS-style safe procedures)",
))
INVASIVE = register(401, RuleInfo(
    "DENT-INVASIVE", "warning",
    "an invasive procedure is planned, and a bisphosphonate was ever given or denosumab was "
    "given within the 180 days before the procedure date",
    "elective dentoalveolar surgery should be avoided during oncology-dose BMA; if "
    "unavoidable, oncologist and dentist decide together; seed practice: hold about "
    "dental_hold_days before. Shows the latest BMA dose on/before the procedure, the gap, "
    "whether the hold is met, the next planned dose after the procedure and the latest dose "
    "date that meets the hold; the earliest date meeting the hold (the later of the as-of date "
    "and the last given dose + dental_hold_days, when later than the procedure date) and the "
    "planned doses in the hold. To keep the hold: skip or postpone the doses in the hold and, "
    "if needed, move the procedure to the earliest date meeting the hold or later. For "
    "denosumab, the hold is a gap with rebound risk: plan the restart together with the hold",
    "使用肿瘤剂量骨改良药物期间应避免择期牙槽外科手术；如不可避免，由肿瘤科医生与口腔科医生共同决"
    "定；"
    "专家做法：术前约停药dental_hold_days天。显示术前最近一次给药、间隔天数、是否满足停药要求、术"
    "后下次"
    "计划给药及满足停药要求的最晚给药日期；满足停药要求的最早手术日期（评估日与末次给药+dental_hold"
    "_days中较晚者，晚于手术日期时）及停药期内的计划给药。为满足停药要求：暂停或推迟停药期内的给药，"
    "必要时将手术改至最早日期或之后。地舒单抗停药期间存在反跳风险：恢复用药应与停药一并计划",
    ("GL", "SEED"), "GL MASCC/ISOO/ASCO 2019; SEED R41–R44",
))
ONJ = register(402, RuleInfo(
    "DENT-ONJ", "critical",
    "an onj event dated within 365 days",
    "specialist (oral surgery) care; oral hygiene; antibiotics if infected; surgery if "
    "extensive; decide on pausing the BMA",
    "转口腔颌面外科专科处理；保持口腔卫生；感染时用抗生素；范围广泛时手术；决定是否暂停骨改良药物",
    ("GL", "SEED"), "SEED R37; GL MASCC 2019",
))


def _proc_json(view: CaseView, p) -> dict:
    return {"date": p.date.isoformat(), "kind": p.kind, "planned": p.planned,
            "overdue": p.planned and p.date < view.as_of}


def _minor(view: CaseView) -> Finding | None:
    plans = [p for p in view.dental_procedures if p.planned and p.kind in MINOR_DENTAL]
    active = sorted(active_drugs(view))
    if not plans or not active:
        return None
    p = plans[0]
    drugs_en = ", ".join(d.replace("_", " ") for d in active)
    drugs_zh = "、".join(DRUG_ZH.get(d, d) for d in active)
    return make_finding(
        MINOR,
        f"{KIND_EN[p.kind].capitalize()} planned {p.date.isoformat()} while {drugs_en} is "
        "active: a minor procedure, no BMA hold needed.",
        f"计划于 {p.date.isoformat()} 行{KIND_ZH[p.kind]}，目前正在使用{drugs_zh}：属小型操作，无"
        "需暂停骨改良药物。",
        {"procedure": _proc_json(view, p), "active_drugs": active,
         "procedures": [_proc_json(view, q) for q in plans]},
        sort_date=p.date.isoformat(),
    )


def _concerned(view: CaseView, p) -> bool:
    if view.given(BISPHOSPHONATES):
        return True
    return any(
        0 <= days_between(a.date, p.date) <= DEN_BEFORE_PROCEDURE_DAYS
        for a in view.given("denosumab")
    )


def earliest_date_meeting_hold(view: CaseView, procedure_date: date) -> date | None:
    """§6 (rules/2): the later of the as-of date and (the last given BMA dose, any drug, on/
    before the as-of date + ``dental_hold_days``) when that is later than the procedure date,
    else None (also None with no given dose)."""
    given = view.given()
    if not given:
        return None
    hold_end = given[-1].date + timedelta(days=view.params.dental_hold_days)
    earliest = max(view.as_of, hold_end)
    return earliest if earliest > procedure_date else None


def planned_doses_in_hold(view: CaseView, procedure_date: date) -> list[Administration]:
    """§6 (rules/2): planned doses (overdue plans included) dated after procedure −
    ``dental_hold_days`` and on/before the procedure (a dose exactly ``dental_hold_days``
    before meets the hold)."""
    start = procedure_date - timedelta(days=view.params.dental_hold_days)
    return [a for a in view.planned() if start < a.date <= procedure_date]


def _keep_hold_text(earliest: date | None, in_hold: list[Administration]) -> tuple[str, str]:
    """The actionable sentence of DENT-INVASIVE (empty when nothing needs to change)."""
    en, zh = [], []
    if in_hold:
        doses = ", ".join(f"{a.drug.replace('_', ' ')} {a.date.isoformat()}" for a in in_hold)
        doses_zh = "、".join(f"{DRUG_ZH.get(a.drug, a.drug)} {a.date.isoformat()}"
                             for a in in_hold)
        en.append(f"skip or postpone the planned dose(s) in the hold ({doses})")
        zh.append(f"暂停或推迟停药期内的计划给药（{doses_zh}）")
    if earliest is not None:
        en.append(f"move the procedure to {earliest.isoformat()} or later")
        zh.append(f"将手术改至 {earliest.isoformat()} 或之后")
    if not en:
        return "", ""
    return (f" To keep the hold: {' and '.join(en)}.",
            f"为满足停药要求：{'，并'.join(zh)}。")


def _invasive(view: CaseView) -> Finding | None:
    plans = [
        p for p in view.dental_procedures
        if p.planned and p.kind in INVASIVE_DENTAL and _concerned(view, p)
    ]
    if not plans:
        return None
    p = plans[0]
    hold = view.params.dental_hold_days
    doses = view.given() + view.planned()
    before = sorted((a for a in doses if a.date <= p.date), key=lambda a: (a.date, a.planned))
    after = sorted((a for a in view.planned() if a.date > p.date), key=lambda a: a.date)
    latest = before[-1] if before else None
    nxt = after[0] if after else None
    gap = days_between(latest.date, p.date) if latest else None
    met = gap is not None and gap >= hold
    latest_ok = p.date - timedelta(days=hold)
    earliest = earliest_date_meeting_hold(view, p.date)
    in_hold = planned_doses_in_hold(view, p.date)
    keep_en, keep_zh = _keep_hold_text(earliest, in_hold)
    d = p.date.isoformat()
    overdue = p.date < view.as_of
    od_en, od_zh = (" (overdue plan)", "（已逾期）") if overdue else ("", "")
    if latest is not None:
        kind = "planned" if latest.planned else "given"
        dose_en = (f"latest dose {latest.drug.replace('_', ' ')} {latest.date.isoformat()} "
                   f"({kind}) is {gap} days before: hold {'met' if met else 'NOT met'} "
                   f"(≥ {hold} days)")
        dose_zh = (f"术前最近一次给药为 {latest.date.isoformat()} {DRUG_ZH.get(latest.drug)}，"
                   f"间隔{gap}天：{'满足' if met else '未满足'}停药要求（≥ {hold}天）")
    else:
        dose_en, dose_zh = "no dose on/before it", "术前无给药"
    nxt_en = (f"next planned dose {nxt.drug.replace('_', ' ')} {nxt.date.isoformat()}"
              if nxt else "no planned dose after it")
    nxt_zh = f"术后下次计划给药 {nxt.date.isoformat()}" if nxt else "术后无计划给药"
    den_note_en = den_note_zh = ""
    if latest is not None and latest.drug == "denosumab":
        den_note_en = (" For denosumab, the hold is a gap with rebound risk: plan the restart "
                       "together with the hold.")
        den_note_zh = "地舒单抗停药期间存在反跳风险：恢复用药应与停药一并计划。"
    return make_finding(
        INVASIVE,
        f"{KIND_EN[p.kind].capitalize()} planned {d}{od_en} with oncology-dose BMA exposure: "
        f"{dose_en}; "
        f"latest dose date meeting the hold {latest_ok.isoformat()}; {nxt_en}.{keep_en} Avoid "
        "elective dentoalveolar surgery; if unavoidable, oncologist and dentist decide together."
        f"{den_note_en}",
        f"计划于 {d} 行{KIND_ZH[p.kind]}{od_zh}，有肿瘤剂量骨改良药物用药史：{dose_zh}；满足停药"
        "要求的"
        f"最晚给药日期为 {latest_ok.isoformat()}；{nxt_zh}。{keep_zh}应避免择期牙槽外科手术；如不"
        "可避免，由肿瘤科"
        f"与口腔科医生共同决定。{den_note_zh}",
        {
            "procedure": _proc_json(view, p),
            "latest_dose": dose_json(latest) if latest else None,
            "gap_days": gap,
            "hold_days": hold,
            "hold_met": met,
            "latest_dose_date_meeting_hold": latest_ok.isoformat(),
            "next_planned_dose": dose_json(nxt) if nxt else None,
            "earliest_date_meeting_hold": None if earliest is None else earliest.isoformat(),
            "planned_doses_in_hold": [{"drug": a.drug, "date": a.date.isoformat()}
                                      for a in in_hold],
            "procedures": [_proc_json(view, q) for q in plans],
        },
        sort_date=d,
    )


def _onj(view: CaseView) -> Finding | None:
    events = [e for e in view.events if e.kind == "onj" and not e.planned
              and 0 <= days_between(e.date, view.as_of) <= ONJ_DAYS]
    if not events:
        return None
    e = events[-1]
    d = e.date.isoformat()
    ago = days_between(e.date, view.as_of)
    where = f" ({e.region})" if e.region else ""
    return make_finding(
        ONJ,
        f"Osteonecrosis of the jaw{where} recorded {d} ({ago} days ago): specialist (oral "
        "surgery) care; oral hygiene; antibiotics if infected; surgery if extensive; decide on "
        "pausing the BMA.",
        f"{d} 记录颌骨坏死{where}（{ago}天前）：转口腔颌面外科专科处理；保持口腔卫生；感染时用抗"
        "生素；"
        "范围广泛时手术；决定是否暂停骨改良药物。",
        {"event": {"date": d, "region": e.region}, "days_ago": ago,
         "events": [{"date": x.date.isoformat(), "region": x.region} for x in events]},
        sort_date=d,
    )


def evaluate(view: CaseView) -> list[Finding]:
    """DENT-* findings for the view."""
    return [f for f in (_minor(view), _invasive(view), _onj(view)) if f is not None]
