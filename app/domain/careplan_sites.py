"""Lesion sites in lay words for the care plan, in natural order.

Vertebrae are grouped by spine part, the parts from the neck down (C, T, L, S) and the levels
by number (``T2, T10``, not ``T10, T2``): ``lower back (lumbar spine) L3, L4`` /
``腰椎（L3、L4）``. Other bones read as a patient would say them: ``left thigh bone``, ``ribs
on both sides`` / ``左侧股骨``, ``双侧肋骨``. Duplicates are left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.careplan_text import BONES, BONES_BOTH_SIDES_EN, SIDES, SPINE, join, pick
from app.domain.case import Lesion

_SPINE_ORDER = "CTLS"


def level_key(level: str) -> tuple[int, int]:
    """Sort key of a vertebral level: spine part (C, T, L, S), then number."""
    part = _SPINE_ORDER.find(level[:1].upper())
    try:
        number = int(level[1:])
    except ValueError:
        number = 99
    return (part if part >= 0 else len(_SPINE_ORDER), number)


def bone_site(bone: str, side: str | None, region: str, lang: str) -> str:
    """One non-spinal site in lay words (the recorded region when the bone is ``other``)."""
    if bone not in BONES:
        return region
    name = pick(BONES[bone], lang)
    if lang == "zh":
        return f"{pick(SIDES[side], lang) if side in SIDES else ''}{name}"
    if side == "bilateral":
        return BONES_BOTH_SIDES_EN[bone]
    if side in ("left", "right"):
        return f"{side} {name}"
    return name


def spine_group(part: str, levels: list[str], lang: str) -> str:
    name = pick(SPINE[part], lang)
    shown = join(sorted(levels, key=level_key), lang)
    return f"{name}（{shown}）" if lang == "zh" else f"{name} {shown}"


def lay_sites(lesions: Iterable[Lesion], lang: str) -> list[str]:
    """The sites of ``lesions`` in lay words: spine parts first (neck down), then the other
    bones in the order first recorded."""
    spine: dict[str, list[str]] = {}
    others: list[str] = []
    for x in lesions:
        level = (x.level or "").strip().upper()
        if x.bone == "vertebra" and level[:1] in SPINE:
            levels = spine.setdefault(level[0], [])
            if level not in levels:
                levels.append(level)
            continue
        site = bone_site(x.bone, x.side, x.region, lang)
        if site and site not in others:
            others.append(site)
    out = [spine_group(p, spine[p], lang) for p in _SPINE_ORDER if p in spine]
    return out + others


def sites_text(lesions: Iterable[Lesion], lang: str) -> str:
    """The sites as one phrase (English sites separated by semicolons, the spine levels by
    commas); empty when no lesion is recorded."""
    return ("、" if lang == "zh" else "; ").join(lay_sites(lesions, lang))
