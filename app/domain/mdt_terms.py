"""Terms of the MDT pack in English and Chinese: regions, organs, modalities, missing-input
names, dental procedures, and the one-line text of a bone-drug course.

Tables of ``(en, zh)`` pairs as in :mod:`app.domain.mdt_text`. Free text recorded by the
clinic (a region such as "left femur", an organ such as "adrenal") is translated word by
word where every word is known; anything unknown is printed as recorded (never guessed).
"""

from __future__ import annotations

import re
from datetime import date

from app.domain.bma_courses import Course
from app.domain.careplan_text import BONES, pick
from app.domain.dates import days_between
from app.domain.mdt_text import drug, tr

REGION_WORDS: dict[str, tuple[str, str]] = {
    "left": ("left", "左"), "right": ("right", "右"), "bilateral": ("bilateral", "双侧"),
    "ribs": ("ribs", "肋骨"), "rib": ("rib", "肋骨"), "whole": ("whole", "全"),
    "body": ("body", "身"), "spine": ("spine", "脊柱"), "lumbar": ("lumbar", "腰"),
    "thoracic": ("thoracic", "胸"), "cervical": ("cervical", "颈"), "sacrum": ("sacrum", "骶骨"),
    "hip": ("hip", "髋部"), "chest": ("chest", "胸部"), "jaw": ("jaw", "颌骨"),
    "mandible": ("mandible", "下颌骨"), "vertebra": ("vertebra", "椎体"),
    **{k: (k, v[1]) for k, v in BONES.items()},
}
ORGANS: dict[str, tuple[str, str]] = {
    "liver": ("liver", "肝"), "adrenal": ("adrenal", "肾上腺"), "brain": ("brain", "脑"),
    "contralateral lung": ("contralateral lung", "对侧肺"), "lung": ("lung", "肺"),
    "pleura": ("pleura", "胸膜"), "pericardium": ("pericardium", "心包"),
    "peritoneum": ("peritoneum", "腹膜"), "kidney": ("kidney", "肾"),
    "lymph nodes": ("distant lymph nodes", "远处淋巴结"), "skin": ("skin", "皮肤"),
}
MODALITIES: dict[str, tuple[str, str]] = {
    "bone_scan": ("bone scan", "骨扫描"), "mri": ("MRI", "MRI"), "ct": ("CT", "CT"),
    "xray": ("X-ray", "X线"), "pet_ct": ("PET-CT", "PET-CT"),
}
RESULTS: dict[str, tuple[str, str]] = {
    "positive": ("positive", "阳性"), "negative": ("negative", "阴性"),
    "equivocal": ("equivocal", "可疑"), "nondiagnostic": ("non-diagnostic", "未能明确诊断"),
}
DENTAL_KINDS: dict[str, tuple[str, str]] = {
    "extraction": ("extraction", "拔牙"), "implant": ("implant", "种植牙"),
    "periodontal_surgery": ("periodontal surgery", "牙周手术"),
    "oral_surgery": ("oral surgery", "口腔手术"), "root_canal": ("root canal", "根管治疗"),
    "scaling": ("scaling", "洁牙"), "filling": ("filling", "补牙"), "crown": ("crown", "牙冠"),
}
MISSING: dict[str, tuple[str, str]] = {
    "sex": ("sex", "性别"), "birth_date": ("birth date", "出生日期"),
    "weight_kg": ("weight", "体重"), "kps": ("KPS", "KPS评分"), "ecog": ("ECOG", "ECOG评分"),
    "frankel": ("Frankel grade", "Frankel分级"), "stage": ("stage", "分期"),
    "visceral_metastases": ("visceral metastases (not staged)", "内脏转移（未评估）"),
    "visceral_treatable": ("visceral metastases treatable?", "内脏转移是否可治疗"),
    "disseminated": ("disseminated metastases?", "是否播散性转移"),
    "immunotherapy": ("immunotherapy (yes/no)", "是否免疫治疗"),
    "symptoms.pattern": ("pain pattern", "疼痛特点"), "lesions": ("bone lesions", "骨病灶"),
    "lesions.level": ("lesion level", "病灶节段"), "lesions.pattern": ("lesion type", "病灶类型"),
    "lesions.pain": ("lesion pain", "病灶疼痛"), "lesions.alignment": ("alignment", "脊柱序列"),
    "lesions.collapse": ("vertebral collapse", "椎体塌陷"),
    "lesions.posterolateral": ("posterolateral involvement", "后外侧受累"),
    "lesions.size": ("lesion size", "病灶大小"), "lesions.escc": ("ESCC grade", "ESCC分级"),
    "lesions.limb": ("limb", "肢体"),
}
ANALYTE_NAMES: dict[str, tuple[str, str]] = {
    "CA": ("calcium", "血钙"), "ICA": ("ionised calcium", "离子钙"), "ALB": ("albumin", "白蛋白"),
    "CREA": ("creatinine", "肌酐"), "PLT": ("platelets", "血小板"),
    "TBIL": ("total bilirubin", "总胆红素"), "VITD": ("vitamin D", "维生素D"),
}
_LEVEL = re.compile(r"[CTLS]\d{1,2}(?:\s*[-–]\s*[CTLS]?\d{1,2})?", re.IGNORECASE)


def region(lang: str, text: str | None) -> str:
    """A recorded region in ``lang``: levels (L3) as they are; 'left femur' → '左股骨',
    'left rib 6' → '左第6肋'; text with an unknown word unchanged."""
    if not text:
        return "—"
    if lang != "zh" or _LEVEL.fullmatch(text.strip()):
        return text
    words = text.lower().replace("(", " ").replace(")", " ").split()
    if words and words[-1].isdigit() and "rib" in words:
        side = pick(REGION_WORDS[words[0]], lang) if words[0] in ("left", "right") else ""
        return f"{side}第{words[-1]}肋"
    if words and all(w in REGION_WORDS for w in words):
        if words[-1] in ("left", "right", "bilateral"):  # "femur (bilateral)"
            words = [words[-1], *words[:-1]]
        return "".join(pick(REGION_WORDS[w], lang) for w in words)
    return text


def organ(lang: str, text: str) -> str:
    pair = ORGANS.get(text.strip().lower())
    return pick(pair, lang) if pair else text


def term(table: dict[str, tuple[str, str]], lang: str, key: str | None) -> str:
    if key is None:
        return "—"
    return pick(table[key], lang) if key in table else key


def missing_name(lang: str, key: str) -> str:
    """A missing input named for the reader: 'labs.CRP' → 'CRP (no recent result)'."""
    if key.startswith("labs."):
        analyte = key[5:]
        name = pick(ANALYTE_NAMES[analyte], lang) if analyte in ANALYTE_NAMES else analyte
        return tr(lang, "missing_lab", name=name)
    return pick(MISSING[key], lang) if key in MISSING else key


def _num(v: float) -> str:
    return f"{v:g}"


def _runs(doses: tuple[tuple[date, float], ...], lang: str) -> str:
    """Reduced doses as runs of the same dose: '3.3 mg ×2 (2026-04-08 – 2026-05-06)'."""
    runs: list[list[tuple[date, float]]] = []
    for d, mg in doses:
        if runs and runs[-1][-1][1] == mg:
            runs[-1].append((d, mg))
        else:
            runs.append([(d, mg)])
    out = []
    for run in runs:
        first, last, mg = run[0][0], run[-1][0], run[0][1]
        when = first.isoformat() if len(run) == 1 else tr(
            lang, "date_range", start=first.isoformat(), end=last.isoformat())
        count = f" ×{len(run)}" if len(run) > 1 else ""
        out.append(f"{_num(mg)} mg{count} ({when})")
    return ("、" if lang == "zh" else ", ").join(out)


def course_text(c: Course, lang: str, as_of: date) -> str:
    """One course as a line: drug, dose, interval, from–to, number of doses, the doses below
    the standard dose, the stop with its reason, the planned doses."""
    parts: list[str] = []
    if c.usual_dose_mg is not None:
        parts.append(tr(lang, "course_dose", dose=_num(c.usual_dose_mg), n=c.interval_days))
    if c.observed_interval_days is not None and round(c.observed_interval_days) != c.interval_days:
        parts.append(tr(lang, "course_observed", n=_num(round(c.observed_interval_days))))
    if c.first is not None and c.last is not None:
        parts.append(tr(lang, "course_span", start=c.first.isoformat(), end=c.last.isoformat(),
                        n=c.given))
    else:
        parts.append(tr(lang, "course_none_given"))
    if c.below_standard:
        parts.append(tr(lang, "course_below", n=len(c.below_standard),
                        std=_num(c.standard_mg or 0), doses=_runs(c.below_standard, lang)))
    if c.stop is not None:
        parts.append(tr(lang, "course_stop", date=c.stop.date.isoformat(),
                        reason=c.stop.reason or tr(lang, "no_reason")))
    elif not c.planned and c.last is not None:
        gap = days_between(c.last, as_of)
        parts.append(tr(lang, "course_running") if gap <= c.interval_days + c.grace_days
                     else tr(lang, "course_lapsed", n=gap))
    if c.planned:
        parts.append(tr(lang, "course_planned", dates=", ".join(d.isoformat()
                                                                 for d in c.planned)))
    sep = "；" if lang == "zh" else "; "
    return drug(lang, c.drug) + ("：" if lang == "zh" else ": ") + sep.join(parts)
