"""The bone-metastasis work-up of a synthetic patient: symptoms, imaging, biopsies, lesions.

Work-up paths cover every stage the rule book distinguishes: no imaging yet, high-risk
screening (rising ALP or CTX, fixed or migratory pain, a negative bone scan), a positive bone
scan awaiting confirmation, inconclusive imaging awaiting biopsy, metastasis not found after
a negative MRI / CT / PET-CT (including the osteoblastic case an MRI cannot clear), and
confirmed by MRI, CT, PET-CT (with bone destruction) or by biopsy.
"""

from __future__ import annotations

from datetime import date

from app.domain.case import Biopsy, Imaging, Lesion, Symptom
from app.services.demo.draft import DAY, Draft

WORKUP_WEIGHTS = {
    "none": 7, "screening": 10, "scan_positive": 7, "not_found": 5, "inconclusive": 3,
    "confirmed_mri": 30, "confirmed_ct": 15, "confirmed_petct": 18, "confirmed_biopsy": 5,
}
CONFIRMED_PATHS = ("confirmed_mri", "confirmed_ct", "confirmed_petct", "confirmed_biopsy")

_LEVELS = (
    [(f"C{i}", 1) for i in range(1, 8)] + [(f"T{i}", 4) for i in range(1, 13)]
    + [(f"L{i}", 6) for i in range(1, 6)] + [("S1", 4), ("S2", 2), ("S3", 1)]
)
_BONES = {"vertebra": 55, "pelvis": 14, "femur": 10, "rib": 9, "humerus": 5, "tibia": 1,
          "sternum": 2, "scapula": 2, "skull": 1, "clavicle": 1}
_SITE_TEXT = {"C": "neck", "T": "mid back", "L": "lower back", "S": "sacrum"}


def _region_for(d: Draft) -> str:
    """A plausible site for a bone-scan hot spot (non-confirmed paths)."""
    if d.chance(0.6):
        return d.rng.choices([lv for lv, _ in _LEVELS], weights=[w for _, w in _LEVELS])[0]
    return d.rng.choice(("pelvis", "right femur", "left femur", "left humerus", "right rib 6",
                         "sternum"))


def make_lesions(d: Draft, count: int) -> None:
    seen: set[str] = set()
    tries = 0
    while len(d.lesions) < count and tries < 40:
        tries += 1
        bone = d.pick(_BONES)
        les = _vertebra(d) if bone == "vertebra" else _other_bone(d, bone)
        if les.region.lower() in seen:
            continue
        seen.add(les.region.lower())
        d.lesions.append(les)


def _maybe(d: Draft, value: str, p_missing: float = 0.04) -> str | None:
    return None if d.chance(p_missing) else value


def _vertebra(d: Draft) -> Lesion:
    level = d.rng.choices([lv for lv, _ in _LEVELS], weights=[w for _, w in _LEVELS])[0]
    return Lesion(
        region=level, bone="vertebra", level=level,
        pattern=_maybe(d, d.pick({"osteolytic": 60, "mixed": 25, "osteoblastic": 15})),
        pain=_maybe(d, d.pick({"mechanical": 30, "occasional": 35, "none": 35})),
        alignment=_maybe(d, d.pick({"normal": 80, "deformity": 15, "subluxation": 5})),
        collapse=_maybe(d, d.pick({"none": 50, "none_gt50_involved": 15, "lt50": 25,
                                   "gt50": 10})),
        posterolateral=_maybe(d, d.pick({"none": 50, "unilateral": 35, "bilateral": 15})),
        escc=_maybe(d, d.pick({"0": 58, "1a": 20, "1b": 10, "1c": 9, "2": 2, "3": 1}), 0.1),
    )


def _other_bone(d: Draft, bone: str) -> Lesion:
    side = d.pick({"left": 48, "right": 48, "bilateral": 4}) if bone != "sternum" else "midline"
    limb = {"femur": "lower", "tibia": "lower", "humerus": "upper"}.get(bone)
    if bone == "rib":
        region = f"{side} rib {d.days(3, 11)}" if side != "bilateral" else "ribs"
    elif bone in ("sternum", "skull"):
        region, side = bone, ("midline" if bone == "sternum" else None)
    else:
        region = f"{side} {bone}" if side != "bilateral" else f"{bone} (bilateral)"
    pattern = d.pick({"osteolytic": 60, "mixed": 25, "osteoblastic": 15})
    if limb is None:
        pain = _maybe(d, d.pick({"none": 40, "mild": 30, "moderate": 25, "functional": 5}))
        return Lesion(region=region, bone=bone, side=side, pattern=pattern, pain=pain)
    return Lesion(
        region=region, bone=bone, side=side, limb=limb if d.chance(0.8) else None,
        peritrochanteric=bone == "femur" and d.chance(0.35),
        pattern=pattern,
        pain=_maybe(d, d.pick({"none": 20, "mild": 30, "moderate": 35, "functional": 15})),
        size=_maybe(d, d.pick({"lt_third": 40, "third_to_two_thirds": 40,
                               "gt_two_thirds": 20})),
    )


def _pain(d: Draft, when: date, site: str, pattern: str = "fixed") -> None:
    if when <= d.ref:
        text = f"{_SITE_TEXT[site[0]]} ({site})" if site[:1] in _SITE_TEXT and site[1:].isdigit() \
            else site
        d.symptoms.append(Symptom(date=when, kind="bone_pain", pattern=pattern,
                                  site=text if pattern == "fixed" else "several sites",
                                  mechanical=d.chance(0.4) if pattern == "fixed" else None))


def _img(d: Draft, when: date, modality: str, region: str, result: str,
         pattern: str | None = None, destruction: bool | None = None) -> None:
    if when <= d.ref:
        d.imaging.append(Imaging(date=when, modality=modality, region=region, result=result,
                                 pattern=pattern, bone_destruction=destruction))


def confirmed_workup(d: Draft) -> None:
    """Imaging/biopsy that confirms the metastasis on ``d.dx`` (lesions already made)."""
    assert d.dx is not None
    first = d.lesions[0]
    pattern = first.pattern or "osteolytic"
    if d.chance(0.7) and first.pain not in (None, "none"):
        _pain(d, d.dx - d.days(10, 60) * DAY, first.region)
    path = d.workup
    if path in ("confirmed_mri", "confirmed_ct") and d.chance(0.75):
        region = "whole body" if d.chance(0.5) else first.region
        _img(d, d.dx - d.days(2, 21) * DAY, "bone_scan", region, "positive")
    if path == "confirmed_mri":
        _img(d, d.dx, "mri", first.region, "positive", pattern, True)
    elif path == "confirmed_ct":
        _img(d, d.dx, "ct", first.region, "positive", pattern, True)
    elif path == "confirmed_petct":
        _img(d, d.dx, "pet_ct", "whole body", "positive", pattern, True)
    else:  # biopsy after equivocal imaging
        _img(d, d.dx - d.days(20, 40) * DAY, "bone_scan", first.region, "positive")
        _img(d, d.dx - d.days(5, 14) * DAY, "mri", first.region, "equivocal", pattern, False)
        d.biopsies.append(Biopsy(date=d.dx, region=first.region, result="positive"))
    for les in d.lesions[1:3]:
        if d.chance(0.3):
            modality = d.rng.choice(("mri", "ct"))
            _img(d, d.dx + d.days(0, 10) * DAY, modality, les.region, "positive",
                 les.pattern, d.chance(0.8))
    if d.chance(0.25):  # restaging
        _img(d, d.ago(0, 120), "ct", first.region, "positive", pattern, True)


def other_workup(d: Draft) -> None:
    """The non-confirmed paths (sets ``d.dx`` to the key work-up date)."""
    path = d.workup
    region = _region_for(d)
    if path == "none":
        d.dx = d.ago(0, 200)
        if d.chance(0.15):
            _pain(d, d.ago(5, 80), "several sites", "migratory")
    elif path == "screening":
        d.dx = d.ago(0, 40)
        variant = d.pick({"alp_rise": 30, "ctx_high": 20, "pain_fixed": 20,
                          "pain_migratory": 15, "neg_scan": 15})
        d.variant = variant  # read by the lab step
        if variant == "pain_fixed":
            _pain(d, d.dx, region)
        elif variant == "pain_migratory":
            _pain(d, d.dx, region, "migratory")
        elif variant == "neg_scan":
            _img(d, d.dx, "bone_scan", "whole body", "negative")
    elif path == "scan_positive":
        d.dx = d.ago(1, 25)
        if d.chance(0.6):
            _pain(d, d.dx - d.days(5, 40) * DAY, region)
        _img(d, d.dx, "bone_scan", region, "positive" if d.chance(0.8) else "equivocal")
    elif path == "not_found":
        d.dx = d.ago(20, 500)
        if d.chance(0.3):
            _pain(d, d.dx - d.days(10, 30) * DAY, region, "migratory")
        if d.chance(0.7):
            _img(d, d.dx - d.days(7, 30) * DAY, "bone_scan", region, "positive")
            _img(d, d.dx, "mri", region, "negative")
        else:  # an osteoblastic CT finding: MRI cannot clear it, PET-CT can
            _img(d, d.dx - d.days(12, 20) * DAY, "ct", region, "positive", "osteoblastic", False)
            _img(d, d.dx - d.days(3, 8) * DAY, "mri", region, "negative")
            if d.chance(0.6):
                _img(d, d.dx, "pet_ct", "whole body", "negative")
    elif path == "inconclusive":
        d.dx = d.ago(3, 40)
        _pain(d, d.dx - d.days(10, 40) * DAY, region)
        _img(d, d.dx - d.days(7, 20) * DAY, "bone_scan", region, "positive")
        _img(d, d.dx, "mri", region, "equivocal", None, False)
        if d.chance(0.3):
            d.biopsies.append(Biopsy(date=min(d.dx + d.days(2, 10) * DAY, d.ref),
                                     region=region, result="nondiagnostic"))
