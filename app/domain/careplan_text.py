"""Care-plan wording helpers and lay names, in English and Chinese (rule book §11).

The phrases live in :mod:`app.domain.careplan_phrases` (header, bone medicine, calcium, spine,
denosumab stop, jaw, dental procedure) and :mod:`app.domain.careplan_phrases_leaflet` (teeth,
contacts and leaflet content, blood tests, page furniture); :func:`say` picks the language and
fills the ``{placeholders}``. The lay names are here: drugs as the §11 table gives them
(:data:`LAY_DRUGS`), bones, spine parts, sides and dental procedures. :data:`DRUGS` and
:data:`HISTOLOGIES` are the plain (non-brand) names other printouts share.

Dates print in the reader's convention: ``5 Dec 2026`` / ``2026年12月5日``.
"""

from __future__ import annotations

from datetime import date

from app.domain.careplan_phrases import PLAN_PHRASES
from app.domain.careplan_phrases_leaflet import LEAFLET_PHRASES
from app.domain.names import DRUG_NAMES

LANGS = ("en", "zh")

PHRASES: dict[str, tuple[str, str]] = {**PLAN_PHRASES, **LEAFLET_PHRASES}

#: Lay drug names of the care plan (§11 table, rules/2).
LAY_DRUGS: dict[str, tuple[str, str]] = {
    "denosumab": ("denosumab (Xgeva)", "地舒单抗（安加维）"),
    "zoledronic_acid": ("zoledronic acid (Zometa)", "唑来膦酸（择泰）"),
    "pamidronate": ("pamidronate", "帕米膦酸二钠"),
    "ibandronate": ("ibandronate", "伊班膦酸钠"),
    "clodronate": ("clodronate", "氯膦酸二钠"),
    "incadronate": ("incadronate", "英卡膦酸二钠"),
}

#: Plain drug names (no brand), shared with the MDT pack: the one bilingual catalogue's.
DRUGS: dict[str, tuple[str, str]] = DRUG_NAMES

#: How each drug is given, in lay words.
ROUTES: dict[str, tuple[str, str]] = {
    "denosumab": ("an injection under the skin", "皮下注射"),
    "clodronate": ("tablets by mouth or a drip into a vein", "口服或静脉输注"),
}
ROUTE_IV = ("a drip into a vein", "静脉输注")

HISTOLOGIES: dict[str, tuple[str, str]] = {
    "adenocarcinoma": ("lung adenocarcinoma", "肺腺癌"),
    "squamous": ("squamous cell lung cancer", "肺鳞癌"),
    "sclc": ("small cell lung cancer", "小细胞肺癌"),
    "large_cell": ("large cell lung cancer", "肺大细胞癌"),
    "nsclc_nos": ("non-small cell lung cancer", "非小细胞肺癌"),
    "other": ("lung cancer", "肺癌"),
}

#: Bones in lay words: (en singular, zh, en for both sides).
BONES: dict[str, tuple[str, str]] = {
    "femur": ("thigh bone", "股骨"),
    "tibia": ("shin bone", "胫骨"),
    "fibula": ("calf bone", "腓骨"),
    "humerus": ("upper arm bone", "肱骨"),
    "radius": ("forearm bone (radius)", "桡骨"),
    "ulna": ("forearm bone (ulna)", "尺骨"),
    "pelvis": ("pelvis", "骨盆"),
    "rib": ("rib", "肋骨"),
    "sternum": ("breastbone", "胸骨"),
    "skull": ("skull", "颅骨"),
    "scapula": ("shoulder blade", "肩胛骨"),
    "clavicle": ("collarbone", "锁骨"),
}
BONES_BOTH_SIDES_EN: dict[str, str] = {
    "femur": "both thigh bones", "tibia": "both shin bones", "fibula": "both calf bones",
    "humerus": "both upper arm bones", "radius": "both forearm bones (radius)",
    "ulna": "both forearm bones (ulna)", "pelvis": "both sides of the pelvis",
    "rib": "ribs on both sides", "sternum": "breastbone", "skull": "both sides of the skull",
    "scapula": "both shoulder blades", "clavicle": "both collarbones",
}

#: Spine parts by the first letter of a level, in natural order (neck to tailbone).
SPINE: dict[str, tuple[str, str]] = {
    "C": ("neck (cervical spine)", "颈椎"),
    "T": ("middle back (thoracic spine)", "胸椎"),
    "L": ("lower back (lumbar spine)", "腰椎"),
    "S": ("base of the spine (sacrum)", "骶椎"),
}

SIDES: dict[str, tuple[str, str]] = {
    "left": ("left", "左侧"),
    "right": ("right", "右侧"),
    "bilateral": ("both sides", "双侧"),
    "midline": ("", ""),
}

DENTAL_PROCEDURES: dict[str, tuple[str, str]] = {
    "extraction": ("Tooth extraction", "拔牙"),
    "implant": ("Dental implant", "种植牙"),
    "periodontal_surgery": ("Gum surgery", "牙周手术"),
    "oral_surgery": ("Oral surgery", "口腔手术"),
}


_ZH_PUNCT = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）"})


def _zh(table: dict[str, tuple[str, str]]) -> None:
    """Chinese text takes full-width punctuation (a source typed with ASCII is fixed here)."""
    for key, (en, zh) in table.items():
        table[key] = (en, zh.translate(_ZH_PUNCT))


for _table in (PHRASES, LAY_DRUGS, DRUGS, ROUTES, HISTOLOGIES, BONES, SPINE, SIDES,
               DENTAL_PROCEDURES):
    _zh(_table)


def pick(pair: tuple[str, str], lang: str) -> str:
    """The English or Chinese member of a phrase pair."""
    return pair[1] if lang == "zh" else pair[0]


def say(lang: str, key: str, **values: object) -> str:
    """The phrase ``key`` in ``lang`` with its placeholders filled."""
    text = pick(PHRASES[key], lang)
    return text.format(**values) if values else text


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fmt_date(d: date, lang: str) -> str:
    """A date as a patient reads it: ``5 Dec 2026`` / ``2026年12月5日``."""
    if lang == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def join(items: list[str], lang: str) -> str:
    return say(lang, "list_sep").join(items)
