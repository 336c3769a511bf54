"""Local therapy and lesion rules (rule book §7, LOC-*) and IO-DENOSUMAB.

Per-lesion rules (SINS, ESCC, Mirels, LOC-RT, LOC-VERTEBROPLASTY) emit one finding per lesion,
with the lesion's region in ``data``; the others fire at most once. A lesion score with
missing parts is ``None`` in the output, but a threshold rule still fires when the threshold
is met whatever the missing parts are (the known points alone reach it); otherwise the missing
fields are reported as missing inputs. Follows the rule-module hook (:mod:`app.domain.assess`).
"""

from __future__ import annotations

from typing import Any

from app.domain.bma_state import active_drugs, is_active
from app.domain.case import Event, Lesion
from app.domain.context import CaseView, same_region
from app.domain.dates import within
from app.domain.findings import Finding, RuleInfo, make_finding, register
from app.domain.scores import ESCC_HIGH, distinct_organs, mirels_bounds, sins_bounds

SINS_UNSTABLE = register(500, RuleInfo(
    "LOC-SINS-UNSTABLE", "critical", "a spinal lesion has SINS ≥ 13",
    "unstable: urgent surgical consultation", "脊柱不稳定：紧急脊柱外科会诊",
    ("GL",), "GL Fisher 2010",
))
SINS_INDETERMINATE = register(501, RuleInfo(
    "LOC-SINS-INDETERMINATE", "warning", "a spinal lesion has SINS 7–12",
    "potentially unstable: surgical consultation", "潜在不稳定：脊柱外科会诊",
    ("GL",), "GL Fisher 2010",
))
ESCC_HIGH_RULE = register(502, RuleInfo(
    "LOC-ESCC-HIGH", "critical", "a lesion has ESCC grade 2 or 3",
    "high-grade epidural compression: surgical decompression before radiotherapy unless "
    "radiosensitive",
    "高级别硬膜外脊髓压迫：除非肿瘤对放疗敏感，应先手术减压再放疗",
    ("GL",), "GL Bilsky 2010",
))
MIRELS_FIX = register(503, RuleInfo(
    "LOC-MIRELS-FIX", "warning", "a long-bone lesion has Mirels ≥ 9",
    "impending fracture: prophylactic fixation before radiotherapy",
    "即将发生病理性骨折：放疗前预防性内固定",
    ("GL",), "GL Mirels 1989; ESMO 2020 [III,B]",
))
MIRELS_BORDERLINE = register(504, RuleInfo(
    "LOC-MIRELS-BORDERLINE", "info", "a long-bone lesion has Mirels = 8",
    "~15% fracture risk: clinical judgement", "骨折风险约15%：需临床判断",
    ("GL",), "GL Mirels 1989",
))
RT = register(505, RuleInfo(
    "LOC-RT", "info",
    "a lesion with pain ≠ none and no radiotherapy event (given or planned) of the same region "
    "on record; or a pathological_fracture dated within 90 days with no radiotherapy of the "
    "same region dated on/after it",
    "radiotherapy indicated; single 8 Gy for uncomplicated painful metastasis",
    "有放疗指征；无并发症的疼痛性骨转移可单次8 Gy",
    ("SEED", "GL"), "SEED R54; GL ESMO 2020 [I,A]",
))
POST_FIX_RT = register(506, RuleInfo(
    "LOC-POST-FIX-RT", "info",
    "a surgery_to_bone or vertebroplasty event (not planned) with no radiotherapy (given or "
    "planned) of the same region dated on/after it",
    "radiotherapy after fixation / cement is usually still needed",
    "内固定/骨水泥术后通常仍需放疗",
    ("GL", "SEED"), "GL ESMO 2020 [III,B]; SEED R57",
))
VERTEBROPLASTY = register(507, RuleInfo(
    "LOC-VERTEBROPLASTY", "info",
    "a vertebral lesion with collapse gt50 or lt50, or with a vertebral pathological_fracture "
    "event of the same region, whose SINS is known and < 13 and whose ESCC is 0, 1a or 1b",
    "consider vertebroplasty/kyphoplasty for stability and pain",
    "可考虑椎体成形术/后凸成形术以增加稳定性、缓解疼痛",
    ("SEED",), "SEED R56",
))
OLIGO = register(508, RuleInfo(
    "LOC-OLIGO", "info",
    "status confirmed; bone lesions (≥1) + visceral lesions (visceral_lesion_count, else one per "
    "distinct visceral organ) ≤ 5; and 1 (bone) + distinct visceral organs ≤ 3",
    "oligometastatic: consider radical local therapy, radiotherapy preferred; PET-CT and brain "
    "imaging required",
    "寡转移：考虑根治性局部治疗（首选放疗）；需PET-CT及脑部影像检查",
    ("SEED", "GL"), "SEED R58; GL EORTC 2019",
))
BMA_WITH_RT = register(509, RuleInfo(
    "LOC-BMA-WITH-RT", "info",
    "a radiotherapy event dated within the last 30 days or planned, and no BMA active",
    "combine a BMA with radiotherapy (different targets, complementary)",
    "放疗同时联合骨改良药物（作用靶点不同，互为补充）",
    ("SEED",), "SEED R39, R55",
))
IO_DENOSUMAB = register(600, RuleInfo(
    "IO-DENOSUMAB", "info",
    "cancer.immunotherapy true, status confirmed, and denosumab not active (whether or not "
    "another BMA is)",
    "observational data suggest denosumab + ICI synergy (information only)",
    "观察性研究提示地舒单抗与免疫检查点抑制剂可能有协同作用（仅供参考）",
    ("SEED", "TRIAL"), "SEED 001; TRIAL Cao 2021, Asano 2024 (observational)",
))

SINS_UNSTABLE_MIN = 13
SINS_INDETERMINATE_MIN = 7
MIRELS_FIX_MIN = 9
MIRELS_BORDERLINE_VALUE = 8
FRACTURE_RT_DAYS = 90
RECENT_RT_DAYS = 30
OLIGO_MAX_LESIONS = 5
OLIGO_MAX_ORGANS = 3
PAIN_ZH = {"mechanical": "机械性", "occasional": "偶发", "none": "无", "mild": "轻度",
           "moderate": "中度", "functional": "功能性"}
COLLAPSE_ZH = {"gt50": "塌陷 >50%", "lt50": "塌陷 <50%"}


def _lesion_data(le: Lesion, **extra: Any) -> dict[str, Any]:
    return {"region": le.region, "bone": le.bone, **extra}


def _missing_text(missing: tuple[str, ...]) -> tuple[str, str]:
    if not missing:
        return "", ""
    names = ", ".join(m.split(".", 1)[1] for m in missing)
    return f" (not recorded: {names}; SINS at least this)", f"（未记录：{names}；SINS至少为此值）"


def _sins_rules(view: CaseView, le: Lesion) -> list[Finding]:
    b = sins_bounds(le)
    if b is None:
        return []
    out = []
    extra, extra_zh = _missing_text(b.missing)
    data = _lesion_data(le, level=le.level, sins=b.value, sins_at_least=b.low,
                        missing=list(b.missing))
    if b.low >= SINS_UNSTABLE_MIN:
        out.append(make_finding(
            SINS_UNSTABLE,
            f"{le.region}: SINS {b.low}{extra} ≥ 13: unstable: urgent surgical consultation.",
            f"{le.region}：SINS {b.low}{extra_zh} ≥ 13：脊柱不稳定，需紧急脊柱外科会诊。",
            data,
        ))
    elif b.low >= SINS_INDETERMINATE_MIN:
        maybe = " (could be ≥ 13)" if b.high >= SINS_UNSTABLE_MIN else ""
        maybe_zh = "（可能 ≥ 13）" if b.high >= SINS_UNSTABLE_MIN else ""
        out.append(make_finding(
            SINS_INDETERMINATE,
            f"{le.region}: SINS {b.low}{extra}{maybe} (7–12): potentially unstable: surgical "
            "consultation.",
            f"{le.region}：SINS {b.low}{extra_zh}{maybe_zh}（7–12）：潜在不稳定，需脊柱外科会诊。",
            data,
        ))
        if b.high >= SINS_UNSTABLE_MIN:
            for m in b.missing:
                view.missing.add(m, SINS_UNSTABLE.id)
    else:
        if b.high >= SINS_UNSTABLE_MIN:
            for m in b.missing:
                view.missing.add(m, SINS_UNSTABLE.id)
        if b.high >= SINS_INDETERMINATE_MIN:
            for m in b.missing:
                view.missing.add(m, SINS_INDETERMINATE.id)
    return out


def _escc(view: CaseView, le: Lesion) -> Finding | None:
    if le.escc is None:
        if le.bone == "vertebra":
            view.missing.add("lesions.escc", ESCC_HIGH_RULE.id)
        return None
    if le.escc not in ESCC_HIGH:
        return None
    return make_finding(
        ESCC_HIGH_RULE,
        f"{le.region}: ESCC grade {le.escc}: high-grade epidural compression: surgical "
        "decompression before radiotherapy unless radiosensitive.",
        f"{le.region}：ESCC {le.escc}级，高级别硬膜外脊髓压迫："
        "除非对放疗敏感，应先手术减压再放疗。",
        _lesion_data(le, escc=le.escc),
    )


def _mirels_rules(view: CaseView, le: Lesion) -> list[Finding]:
    b = mirels_bounds(le)
    if b is None:
        return []
    data = _lesion_data(le, mirels=b.value, mirels_at_least=b.low, missing=list(b.missing))
    if b.low >= MIRELS_FIX_MIN:
        extra = (f" (not recorded: {', '.join(m.split('.', 1)[1] for m in b.missing)}; "
                 "Mirels at least this)") if b.missing else ""
        extra_zh = "（部分项目未记录，Mirels至少为此值）" if b.missing else ""
        return [make_finding(
            MIRELS_FIX,
            f"{le.region}: Mirels {b.low}{extra} ≥ 9: impending fracture: prophylactic "
            "fixation before radiotherapy.",
            f"{le.region}：Mirels {b.low}{extra_zh} ≥ 9：即将发生病理性骨折，放疗前预防性内固定。",
            data,
        )]
    if b.value == MIRELS_BORDERLINE_VALUE:
        return [make_finding(
            MIRELS_BORDERLINE,
            f"{le.region}: Mirels 8: ~15% fracture risk: clinical judgement.",
            f"{le.region}：Mirels 8分，骨折风险约15%：需临床判断。",
            data,
        )]
    if b.missing:
        if b.high >= MIRELS_FIX_MIN:
            for m in b.missing:
                view.missing.add(m, MIRELS_FIX.id)
        if b.low <= MIRELS_BORDERLINE_VALUE <= b.high:
            for m in b.missing:
                view.missing.add(m, MIRELS_BORDERLINE.id)
    return []


def _radiotherapy(view: CaseView) -> list[Event]:
    """Radiotherapy on record: given by the as-of date, or planned (any date)."""
    return [e for e in view.events if e.kind == "radiotherapy"]


def _rt(view: CaseView) -> list[Finding]:
    rts = _radiotherapy(view)
    fractures = [e for e in view.events
                 if e.kind == "pathological_fracture" and not e.planned
                 and within(e.date, view.as_of, FRACTURE_RT_DAYS)]
    open_fractures = [f for f in fractures
                      if not any(same_region(r.region, f.region) and r.date >= f.date
                                 for r in rts)]
    other_rt = [r for r in rts if r.region]
    out: list[Finding] = []
    used: set[int] = set()
    for le in view.case.lesions:
        reasons, reasons_zh, data_items = [], [], {}
        has_rt = any(same_region(r.region, le.region) for r in rts)
        if le.pain is None and not has_rt:
            view.missing.add("lesions.pain", RT.id)
        elif le.pain not in (None, "none") and not has_rt:
            reasons.append(f"painful ({le.pain}), no radiotherapy there")
            reasons_zh.append(f"{PAIN_ZH.get(le.pain, le.pain)}疼痛，该部位无放疗记录")
            data_items["pain"] = le.pain
        fx = [f for f in open_fractures if same_region(f.region, le.region)]
        if fx:
            used.update(id(f) for f in fx)
            reasons.append(f"pathological fracture {fx[0].date.isoformat()}, no radiotherapy "
                           "there since")
            reasons_zh.append(f"{fx[0].date.isoformat()} 病理性骨折，此后该部位无放疗")
            data_items["fractures"] = [f.date.isoformat() for f in fx]
        if not reasons:
            continue
        others = [r for r in other_rt if not same_region(r.region, le.region)]
        note = note_zh = ""
        if others:
            note = " (" + "; ".join(
                f"{r.region} had radiotherapy {'planned ' if r.planned else ''}on "
                f"{r.date.isoformat()}" for r in others) + ")"
            note_zh = "（" + "；".join(
                f"{r.region} {'计划' if r.planned else '已'}于 {r.date.isoformat()} 放疗"
                for r in others) + "）"
        out.append(make_finding(
            RT,
            f"{le.region}: {'; '.join(reasons)}{note}: radiotherapy indicated; single 8 Gy for "
            "uncomplicated painful metastasis.",
            f"{le.region}：{'；'.join(reasons_zh)}{note_zh}："
            "有放疗指征；无并发症的疼痛性骨转移可单次8 Gy。",
            _lesion_data(le, **data_items),
        ))
    rest = [f for f in open_fractures if id(f) not in used]
    if rest:
        regions = ", ".join(f"{f.region or 'region not recorded'} {f.date.isoformat()}"
                            for f in rest)
        regions_zh = "，".join(f"{f.region or '部位未记录'} {f.date.isoformat()}" for f in rest)
        out.append(make_finding(
            RT,
            f"Pathological fracture without radiotherapy of that region since ({regions}): "
            "radiotherapy indicated; single 8 Gy for uncomplicated painful metastasis.",
            f"病理性骨折后该部位无放疗（{regions_zh}）："
            "有放疗指征；无并发症的疼痛性骨转移可单次8 Gy。",
            {"region": rest[0].region,
             "fractures": [{"date": f.date.isoformat(), "region": f.region} for f in rest]},
            sort_date=rest[0].date.isoformat(),
        ))
    return out


def _post_fix_rt(view: CaseView) -> Finding | None:
    rts = _radiotherapy(view)
    open_events = [
        e for e in view.events
        if e.kind in ("surgery_to_bone", "vertebroplasty") and not e.planned
        and not any(same_region(r.region, e.region) and r.region and r.date >= e.date
                    for r in rts)
    ]
    if not open_events:
        return None
    text = "; ".join(f"{e.kind.replace('_', ' ')} {e.region or '(region not recorded)'} "
                     f"{e.date.isoformat()}" for e in open_events)
    kinds_zh = {"surgery_to_bone": "骨手术", "vertebroplasty": "椎体成形术"}
    text_zh = "；".join(f"{kinds_zh[e.kind]} {e.region or '（部位未记录）'} {e.date.isoformat()}"
                       for e in open_events)
    return make_finding(
        POST_FIX_RT,
        f"No radiotherapy on record after {text}: radiotherapy after fixation / cement is "
        "usually still needed.",
        f"{text_zh} 之后无放疗记录：内固定/骨水泥术后通常仍需放疗。",
        {"events": [{"date": e.date.isoformat(), "kind": e.kind, "region": e.region}
                    for e in open_events]},
        sort_date=open_events[0].date.isoformat(),
    )


def _vertebroplasty(view: CaseView, le: Lesion) -> Finding | None:
    if le.bone != "vertebra":
        return None
    fractures = [e for e in view.events
                 if e.kind == "pathological_fracture" and not e.planned
                 and e.vertebral is not False and same_region(e.region, le.region)]
    if le.collapse not in ("gt50", "lt50") and not fractures:
        if le.collapse is None:
            view.missing.add("lesions.collapse", VERTEBROPLASTY.id)
        return None
    b = sins_bounds(le)
    if b is None:
        return None
    if b.value is None:
        if b.low < SINS_UNSTABLE_MIN:
            for m in b.missing:
                view.missing.add(m, VERTEBROPLASTY.id)
        return None
    if b.value >= SINS_UNSTABLE_MIN:
        return None
    if le.escc is None:
        view.missing.add("lesions.escc", VERTEBROPLASTY.id)
        return None
    if le.escc not in ("0", "1a", "1b"):
        return None
    why = f"collapse {le.collapse}" if le.collapse in ("gt50", "lt50") else \
        f"pathological fracture {fractures[0].date.isoformat()}"
    why_zh = f"椎体{COLLAPSE_ZH[le.collapse]}" if le.collapse in ("gt50", "lt50") else \
        f"{fractures[0].date.isoformat()} 病理性骨折"
    return make_finding(
        VERTEBROPLASTY,
        f"{le.region}: {why}, SINS {b.value} < 13, ESCC {le.escc}: consider vertebroplasty/"
        "kyphoplasty for stability and pain.",
        f"{le.region}：{why_zh}，SINS {b.value} < 13，ESCC {le.escc}：可考虑椎体成形术/后凸成形术"
        "以增加稳定性、缓解疼痛。",
        _lesion_data(le, collapse=le.collapse, sins=b.value, escc=le.escc,
                     fractures=[f.date.isoformat() for f in fractures]),
    )


def _oligo(view: CaseView) -> Finding | None:
    if view.status is None or view.status.bone_metastasis != "confirmed":
        return None
    c = view.case.cancer
    n_bone = len(view.case.lesions)
    if n_bone < 1:
        view.missing.add("lesions", OLIGO.id)
        return None
    if c.visceral_metastases is None:
        view.missing.add("visceral_metastases", OLIGO.id)
        return None
    organs = distinct_organs(c.visceral_metastases)
    n_visc = c.visceral_lesion_count if c.visceral_lesion_count is not None else len(organs)
    total = n_bone + n_visc
    n_organs = 1 + len(organs)
    if total > OLIGO_MAX_LESIONS or n_organs > OLIGO_MAX_ORGANS:
        return None
    which = f" ({', '.join(organs)})" if organs else ""
    return make_finding(
        OLIGO,
        f"{n_bone} bone lesion{'s' if n_bone != 1 else ''} + {n_visc} visceral{which} = {total} "
        f"≤ 5, in {n_organs} organ{'s' if n_organs != 1 else ''} ≤ 3: oligometastatic: consider "
        "radical local therapy, radiotherapy preferred; PET-CT and brain imaging required.",
        f"{n_bone}处骨病灶 + {n_visc}处内脏病灶{which} = {total} ≤ 5，累及{n_organs}个器官 ≤ 3："
        "寡转移，考虑根治性局部治疗（首选放疗）；需PET-CT及脑部影像检查。",
        {"bone_lesions": n_bone, "visceral_lesions": n_visc, "total": total,
         "organs": n_organs, "visceral_organs": organs},
    )


def _bma_with_rt(view: CaseView) -> Finding | None:
    rts = [e for e in _radiotherapy(view)
           if e.planned or within(e.date, view.as_of, RECENT_RT_DAYS)]
    if not rts or active_drugs(view):
        return None
    text = "; ".join(f"{'planned ' if r.planned else ''}{r.region or ''} {r.date.isoformat()}"
                     .replace("  ", " ") for r in rts)
    text_zh = "；".join(f"{'计划' if r.planned else ''}{r.region or ''} {r.date.isoformat()}"
                       for r in rts)
    return make_finding(
        BMA_WITH_RT,
        f"Radiotherapy ({text}) and no bone-modifying agent active: combine a BMA with "
        "radiotherapy (different targets, complementary).",
        f"放疗（{text_zh}）期间未使用骨改良药物：建议放疗同时联合骨改良药物（作用靶点不同，互为补充）。",
        {"radiotherapy": [{"date": r.date.isoformat(), "region": r.region,
                           "planned": r.planned} for r in rts]},
        sort_date=rts[0].date.isoformat(),
    )


def _io_denosumab(view: CaseView) -> Finding | None:
    if view.status is None or view.status.bone_metastasis != "confirmed":
        return None
    if is_active(view, "denosumab"):
        return None
    io = view.case.cancer.immunotherapy
    if io is None:
        view.missing.add("immunotherapy", IO_DENOSUMAB.id)
        return None
    if not io:
        return None
    others = active_drugs(view)
    now = (f" (currently {', '.join(d.replace('_', ' ') for d in others)})" if others
           else " (no BMA active)")
    now_zh = f"（目前使用 {', '.join(others)}）" if others else "（目前未用骨改良药物）"
    return make_finding(
        IO_DENOSUMAB,
        f"On immunotherapy, bone metastasis confirmed, denosumab not active{now}: observational "
        "data suggest denosumab + ICI synergy (information only).",
        f"正在免疫治疗，骨转移已确诊，未使用地舒单抗{now_zh}：观察性研究提示地舒单抗与免疫检查点抑制剂"
        "可能有协同作用（仅供参考）。",
        {"active_bma": list(others)},
    )


def evaluate(view: CaseView) -> list[Finding]:
    """Every LOC-* rule and IO-DENOSUMAB that fires on this view."""
    out: list[Finding] = []
    lesions = view.case.lesions
    for le in lesions:
        out.extend(_sins_rules(view, le))
    for le in lesions:
        f = _escc(view, le)
        if f:
            out.append(f)
    for le in lesions:
        out.extend(_mirels_rules(view, le))
    out.extend(_rt(view))
    for f in (_post_fix_rt(view),):
        if f:
            out.append(f)
    for le in lesions:
        f = _vertebroplasty(view, le)
        if f:
            out.append(f)
    for f in (_oligo(view), _bma_with_rt(view), _io_denosumab(view)):
        if f:
            out.append(f)
    return out
