"""Bone-metastasis status (rule book §2), derived from imaging and biopsy as of a date.

Order: ``confirmed`` (a positive biopsy, or a positive PET-CT/MRI/CT/X-ray with bone
destruction) → ``not_found`` (≥1 MRI/CT/PET-CT, no positive biopsy, and every positive or
equivocal study followed — same day or later — by a negative MRI/CT/PET-CT covering its region;
a negative MRI does not clear an osteoblastic study) → ``suspected`` (any positive or equivocal
study) → ``unknown``. A clinician override, from its date, replaces the derivation.

``basis`` names the item that establishes the status, e.g.
``"MRI L3 2026-05-08: positive, bone destruction"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.case import Biopsy, Imaging, StatusOverride
from app.domain.context import CaseView, imaging_covers

MODALITY_NAMES = {
    "bone_scan": "Bone scan", "mri": "MRI", "ct": "CT", "xray": "X-ray", "pet_ct": "PET-CT",
}
MODALITY_NAMES_ZH = {
    "bone_scan": "骨扫描", "mri": "MRI", "ct": "CT", "xray": "X线", "pet_ct": "PET-CT",
}
RESULT_ZH = {
    "positive": "阳性", "negative": "阴性", "equivocal": "可疑", "nondiagnostic": "未能诊断",
}
STATUS_ZH = {
    "confirmed": "确诊", "suspected": "疑似", "not_found": "未发现", "unknown": "未知",
}
CROSS_SECTIONAL = ("mri", "ct", "pet_ct")  # the studies that can clear (not_found)
CONFIRMING = ("pet_ct", "mri", "ct", "xray")  # with bone destruction


@dataclass(frozen=True)
class StatusResult:
    """The derived (or overridden) status, the text of its basis, and the record behind it."""

    bone_metastasis: str
    basis: str
    basis_zh: str
    item: Any = None  # the Imaging / Biopsy / StatusOverride that established it (or None)
    overridden: bool = False

    def to_json(self) -> dict[str, str]:
        return {"bone_metastasis": self.bone_metastasis, "basis": self.basis}


def describe_imaging(m: Imaging) -> str:
    """``"MRI L3 2026-05-08: positive, bone destruction"``."""
    text = f"{MODALITY_NAMES[m.modality]} {m.region.strip()} {m.date.isoformat()}: {m.result}"
    if m.bone_destruction:
        text += ", bone destruction"
    return text


def describe_imaging_zh(m: Imaging) -> str:
    text = (f"{MODALITY_NAMES_ZH[m.modality]} {m.region.strip()} {m.date.isoformat()}："
            f"{RESULT_ZH[m.result]}")
    if m.bone_destruction:
        text += "，骨质破坏"
    return text


def describe_biopsy(b: Biopsy) -> str:
    return f"Biopsy {b.region.strip()} {b.date.isoformat()}: {b.result}"


def describe_biopsy_zh(b: Biopsy) -> str:
    return f"活检 {b.region.strip()} {b.date.isoformat()}：{RESULT_ZH[b.result]}"


def _override(o: StatusOverride) -> StatusResult:
    who = ", ".join(x for x in ((o.by or "").strip(), o.date.isoformat()) if x)
    reason = (o.reason or "").strip() or "no reason recorded"
    reason_zh = (o.reason or "").strip() or "未记录理由"
    return StatusResult(
        o.status, f"clinician override ({who}): {reason}", f"医生修订（{who}）：{reason_zh}",
        o, True,
    )


def clears(negative: Imaging, study: Imaging) -> bool:
    """Does a negative MRI/CT/PET-CT clear a positive/equivocal study (§2 step 2)?"""
    if negative is study or negative.result != "negative":
        return False
    if negative.modality not in CROSS_SECTIONAL or negative.date < study.date:
        return False
    if study.pattern == "osteoblastic" and negative.modality == "mri":
        return False
    return imaging_covers(negative.modality, negative.region, study.region)


def derive_status(view: CaseView) -> StatusResult:
    """The status on the view's as-of date (§2)."""
    if view.status_override is not None:
        return _override(view.status_override)
    imaging: list[Imaging] = view.imaging
    biopsies: list[Biopsy] = view.biopsies

    # 1. confirmed: the earliest confirming item (a biopsy first on the same day)
    confirming: list[tuple[Any, int, Any]] = []
    for b in biopsies:
        if b.result == "positive":
            confirming.append((b.date, 0, b))
    for m in imaging:
        if m.result == "positive" and m.bone_destruction and m.modality in CONFIRMING:
            confirming.append((m.date, 1, m))
    if confirming:
        first = min(confirming, key=lambda t: (t[0], t[1]))[2]
        if isinstance(first, Biopsy):
            return StatusResult("confirmed", describe_biopsy(first), describe_biopsy_zh(first),
                                first)
        return StatusResult("confirmed", describe_imaging(first), describe_imaging_zh(first),
                            first)

    flagged = [m for m in imaging if m.result in ("positive", "equivocal")]
    # 2. not_found
    if any(m.modality in CROSS_SECTIONAL for m in imaging):
        clearing: list[Imaging] = []
        all_cleared = True
        for study in flagged:
            cleared_by = [n for n in imaging if clears(n, study)]
            if not cleared_by:
                all_cleared = False
                break
            clearing.extend(cleared_by)
        if all_cleared:
            if not clearing:  # nothing to clear: the latest negative cross-sectional study
                clearing = [m for m in imaging
                            if m.modality in CROSS_SECTIONAL and m.result == "negative"]
            if clearing:
                ids = {id(m) for m in clearing}
                last = [m for m in imaging if id(m) in ids][-1]  # latest (imaging is sorted)
                return StatusResult("not_found", describe_imaging(last),
                                    describe_imaging_zh(last), last)
    # 3. suspected: the earliest positive or equivocal study
    if flagged:
        first = flagged[0]
        return StatusResult("suspected", describe_imaging(first), describe_imaging_zh(first),
                            first)
    # 4. unknown
    return StatusResult("unknown", "no diagnostic imaging", "无诊断性影像")
