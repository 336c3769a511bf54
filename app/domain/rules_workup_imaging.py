"""Work-up rules (rule book §3, WU-*), part 2: imaging and biopsy — WU-SCAN-CONFIRM,
WU-SCAN-DISCORDANT, WU-MRI-BLASTIC, WU-BIOPSY-INCONCLUSIVE, WU-BIOPSY-SOLITARY.

Regions match per §0 (trimmed, case-insensitive; a whole-body bone scan or PET-CT covers every
region). Each rule fires at most once and lists every item concerned in its ``data``.
"""

from __future__ import annotations

from app.domain.case import Imaging
from app.domain.context import CaseView, imaging_covers, region_key
from app.domain.dates import days_between
from app.domain.findings import Finding, RuleInfo, make_finding, register
from app.domain.rules_workup import img_json, not_confirmed, recent_bone_pain
from app.domain.scores import distinct_organs
from app.domain.status import describe_imaging, describe_imaging_zh

SCAN_CONFIRM = register(105, RuleInfo(
    "WU-SCAN-CONFIRM", "warning",
    "status ≠ confirmed and a positive/equivocal bone scan with no MRI, CT or X-ray of the same "
    "region, and no PET-CT of any region, dated on/after it",
    "a bone scan screens but cannot confirm: targeted MRI/CT/X-ray of the positive site, or "
    "PET-CT",
    "骨扫描只能筛查不能确诊：对阳性部位做MRI/CT/X线，或做PET-CT",
    ("SEED",), "SEED R21–R22",
))
SCAN_DISCORDANT = register(106, RuleInfo(
    "WU-SCAN-DISCORDANT", "info; warning for persistent_pain",
    "status ≠ confirmed and a positive bone scan followed (same day or later) by a negative MRI "
    "of the same region. Variant reassuring when no bone_pain dated within symptom_days before "
    "the as-of date (before or after the MRI) has pattern fixed or no pattern; otherwise "
    "persistent_pain",
    "reassuring: broadly reassuring (a bone scan reflects osteoblast activity: inflammation, "
    "injury); PET-CT if doubt persists. persistent_pain: bone pain at a fixed site persists, so "
    "the negative MRI does not reassure: settle it with PET-CT (or CT of the painful site)",
    "令人放心：总体令人放心（骨扫描反映成骨活性：炎症、损伤亦可阳性）；仍有疑问可做PET-CT。持续疼痛："
    "固定部位骨痛持续存在，MRI阴性不能令人放心：做PET-CT（或疼痛部位CT）明确",
    ("SEED", "DESIGN"), "SEED R25–R26 (case 1: the reassurance rested on migratory pain); "
    "DESIGN (variant)",
))
MRI_BLASTIC = register(107, RuleInfo(
    "WU-MRI-BLASTIC", "info",
    "a negative MRI dated on/after, or within 90 days before, a study of the same region that "
    "reported an osteoblastic pattern",
    "MRI is less sensitive for osteoblastic lesions: CT or PET-CT",
    "MRI对成骨性病灶敏感性较低：建议CT或PET-CT",
    ("SEED",), "SEED R24",
))
BIOPSY_INCONCLUSIVE = register(108, RuleInfo(
    "WU-BIOPSY-INCONCLUSIVE", "info",
    "status suspected and some region has ≥2 imaging studies, at least one positive or "
    "equivocal",
    "bone biopsy is reserved for imaging that stays inconclusive, or high suspicion with "
    "insufficient imaging",
    "骨活检用于影像学仍不能确定、或高度怀疑但影像不足的情况",
    ("SEED",), "SEED R27",
))
BIOPSY_SOLITARY = register(109, RuleInfo(
    "WU-BIOPSY-SOLITARY", "info",
    "status confirmed, exactly one entry in lesions, visceral_metastases recorded and empty, and "
    "no positive biopsy",
    "solitary metastasis: biopsy it unless the MDT judges the risk too high",
    "孤立性转移灶：除非MDT认为风险过高，应做活检",
    ("GL",), "GL EORTC 2019 (Dingemans)",
))

BLASTIC_MRI_BEFORE_DAYS = 90

def _scan_confirm(view: CaseView) -> Finding | None:
    if not not_confirmed(view):
        return None
    scans = [m for m in view.imaging
             if m.modality == "bone_scan" and m.result in ("positive", "equivocal")]
    open_scans = []
    for s in scans:
        followed = any(
            m.date >= s.date and (
                m.modality == "pet_ct"
                or (m.modality in ("mri", "ct", "xray")
                    and imaging_covers(m.modality, m.region, s.region))
            )
            for m in view.imaging
        )
        if not followed:
            open_scans.append(s)
    if not open_scans:
        return None
    first = open_scans[0]
    return make_finding(
        SCAN_CONFIRM,
        f"{describe_imaging(first)}, not yet followed by MRI/CT/X-ray of that region or PET-CT: "
        "a bone scan screens but cannot confirm; image the positive site (MRI/CT/X-ray) or do "
        "PET-CT.",
        f"{describe_imaging_zh(first)}，之后未做该部位MRI/CT/X线或PET-CT：骨扫描只能筛查不能确诊，"
        "请对阳性部位做MRI/CT/X线，或做PET-CT。",
        {"scans": [img_json(s) for s in open_scans]}, sort_date=first.date.isoformat(),
    )


DISCORDANT_TEXT = {
    "reassuring": (
        "info",
        "broadly reassuring (a bone scan reflects osteoblast activity: inflammation, injury); "
        "PET-CT if doubt persists.",
        "总体令人放心（骨扫描反映成骨活性，炎症、损伤亦可阳性）；仍有疑问可做PET-CT。",
    ),
    "persistent_pain": (
        "warning",
        "bone pain at a fixed site persists ({pains}), so the negative MRI does not reassure: "
        "settle it with PET-CT (or CT of the painful site).",
        "固定部位骨痛持续存在（{pains}），MRI阴性不能令人放心：请做PET-CT（或疼痛部位CT）明确。",
    ),
}


def _scan_discordant(view: CaseView) -> Finding | None:
    if not not_confirmed(view):
        return None
    pairs = []
    for s in view.imaging:
        if s.modality != "bone_scan" or s.result != "positive":
            continue
        for m in view.imaging:
            if (m.modality == "mri" and m.result == "negative" and m.date >= s.date
                    and imaging_covers(m.modality, m.region, s.region)):
                pairs.append((s, m))
                break
    if not pairs:
        return None
    s, m = pairs[0]
    # rules/2: fixed or unpatterned bone pain within symptom_days, before or after the MRI
    pains = [p for p in recent_bone_pain(view) if p.pattern in ("fixed", None)]
    variant = "persistent_pain" if pains else "reassuring"
    if pains and not any(p.pattern == "fixed" for p in pains):
        view.missing.add("symptoms.pattern", SCAN_DISCORDANT.id)
    severity, en, zh = DISCORDANT_TEXT[variant]
    dates = [p.date.isoformat() for p in pains]
    return make_finding(
        SCAN_DISCORDANT,
        f"{describe_imaging(s)} followed by {describe_imaging(m)}: "
        + en.format(pains=", ".join(dates)),
        f"{describe_imaging_zh(s)}，之后 {describe_imaging_zh(m)}："
        + zh.format(pains="、".join(dates)),
        {"region": s.region, "bone_scan_date": s.date.isoformat(),
         "mri_date": m.date.isoformat(), "variant": variant, "pain_dates": dates,
         "pairs": [{"bone_scan": img_json(a), "mri": img_json(b)} for a, b in pairs]},
        severity=severity, sort_date=s.date.isoformat(),
    )


def _overlap(a: Imaging, b: Imaging) -> bool:
    return (imaging_covers(a.modality, a.region, b.region)
            or imaging_covers(b.modality, b.region, a.region))


def _mri_blastic(view: CaseView) -> Finding | None:
    pairs = []
    for mri in view.imaging:
        if mri.modality != "mri" or mri.result != "negative":
            continue
        for study in view.imaging:
            if study is mri or study.pattern != "osteoblastic" or not _overlap(mri, study):
                continue
            d = days_between(study.date, mri.date)  # > 0: MRI after the study
            if d >= -BLASTIC_MRI_BEFORE_DAYS:
                pairs.append((study, mri))
                break
    if not pairs:
        return None
    study, mri = pairs[0]
    return make_finding(
        MRI_BLASTIC,
        f"Negative MRI {mri.region} {mri.date.isoformat()} beside an osteoblastic study "
        f"({describe_imaging(study)}): MRI is less sensitive for osteoblastic lesions: CT or "
        "PET-CT.",
        f"MRI {mri.region} {mri.date.isoformat()} 阴性，但同部位检查提示成骨性病变"
        f"（{describe_imaging_zh(study)}）：MRI对成骨性病灶敏感性较低，建议CT或PET-CT。",
        {"pairs": [{"study": img_json(a), "mri": img_json(b)} for a, b in pairs]},
        sort_date=min(study.date, mri.date).isoformat(),
    )


def _biopsy_inconclusive(view: CaseView) -> Finding | None:
    if view.status is None or view.status.bone_metastasis != "suspected":
        return None
    regions: dict[str, str] = {}
    for m in view.imaging:
        regions.setdefault(region_key(m.region), m.region.strip())
    hits = []
    for name in regions.values():
        studies = [m for m in view.imaging if imaging_covers(m.modality, m.region, name)]
        if len(studies) >= 2 and any(m.result in ("positive", "equivocal") for m in studies):
            hits.append((name, studies))
    if not hits:
        return None
    name, studies = hits[0]
    listing = "; ".join(describe_imaging(m) for m in studies)
    listing_zh = "；".join(describe_imaging_zh(m) for m in studies)
    return make_finding(
        BIOPSY_INCONCLUSIVE,
        f"Status suspected with {len(studies)} studies of {name} ({listing}): bone biopsy is "
        "reserved for imaging that stays inconclusive, or high suspicion with insufficient "
        "imaging.",
        f"状态为疑似，{name} 已做{len(studies)}次影像（{listing_zh}）：影像学仍不能确定、"
        "或高度怀疑但影像不足时可考虑骨活检。",
        {"regions": [{"region": n, "studies": [img_json(m) for m in s]} for n, s in hits]},
    )


def _biopsy_solitary(view: CaseView) -> Finding | None:
    if view.status is None or view.status.bone_metastasis != "confirmed":
        return None
    lesions = view.case.lesions
    if len(lesions) != 1 or any(b.result == "positive" for b in view.biopsies):
        return None
    visceral = view.case.cancer.visceral_metastases
    if visceral is None:
        view.missing.add("visceral_metastases", BIOPSY_SOLITARY.id)
        return None
    if distinct_organs(visceral):
        return None
    region = lesions[0].region
    return make_finding(
        BIOPSY_SOLITARY,
        f"Solitary bone metastasis ({region}), no visceral metastases, no positive biopsy: "
        "biopsy it unless the MDT judges the risk too high.",
        f"孤立性骨转移（{region}），无内脏转移，无阳性活检：除非MDT认为风险过高，应做活检。",
        {"region": region},
    )



_RULES = (_scan_confirm, _scan_discordant, _mri_blastic, _biopsy_inconclusive, _biopsy_solitary)


def evaluate(view: CaseView) -> list[Finding]:
    """Every imaging/biopsy WU-* rule that fires on this view (``view.status`` must be set)."""
    out = []
    for rule in _RULES:
        f = rule(view)
        if f is not None:
            out.append(f)
    return out
