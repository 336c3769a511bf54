"""The one bilingual catalogue of names shown everywhere: drugs, analytes, evidence labels,
and the words of body regions, plus the reader's date convention.

Each entry is ``key: (English, Chinese)``. The UI (drug and analyte choice lists, labels), the
findings' "why" texts and the worklist take their names from here, so a drug is called the
same on every screen (the Chinese drug names follow the rule book §11 lay-name table without
the brand names: 地舒单抗, 唑来膦酸, 帕米膦酸二钠, 伊班膦酸钠, 氯膦酸二钠, 英卡膦酸二钠).
``lang`` is ``"en"`` or ``"zh"`` (anything else reads as English).
"""

from __future__ import annotations

import re
from datetime import date

DRUG_NAMES: dict[str, tuple[str, str]] = {
    "denosumab": ("denosumab", "地舒单抗"),
    "zoledronic_acid": ("zoledronic acid", "唑来膦酸"),
    "pamidronate": ("pamidronate", "帕米膦酸二钠"),
    "ibandronate": ("ibandronate", "伊班膦酸钠"),
    "incadronate": ("incadronate", "英卡膦酸二钠"),
    "clodronate": ("clodronate", "氯膦酸二钠"),
}

#: analyte key -> (English name, Chinese name); the key itself (CTX, ALP…) is shown beside it
ANALYTE_NAMES: dict[str, tuple[str, str]] = {
    "ALP": ("alkaline phosphatase, total", "碱性磷酸酶（总）"),
    "BALP": ("bone-specific ALP", "骨特异性碱性磷酸酶"),
    "CTX": ("serum β-CTX (β-CrossLaps)", "血清β-CTX（β-胶原降解产物）"),
    "PINP": ("total PINP", "总I型前胶原氨基端前肽（PINP）"),
    "CA": ("total calcium", "血清总钙"),
    "ICA": ("ionised calcium", "离子钙"),
    "ALB": ("albumin", "白蛋白"),
    "CREA": ("creatinine", "肌酐"),
    "VITD": ("25-OH vitamin D (D2+D3)", "25-羟维生素D（D2+D3）"),
    "GGT": ("γ-glutamyl transferase", "γ-谷氨酰转移酶"),
    "CRP": ("C-reactive protein", "C反应蛋白"),
    "LDH": ("lactate dehydrogenase", "乳酸脱氢酶"),
    "PLT": ("platelets", "血小板"),
    "TBIL": ("total bilirubin", "总胆红素"),
}

#: evidence labels of the rule book (§0) — the citations after them stay as published
EVIDENCE_NAMES: dict[str, tuple[str, str]] = {
    "LABEL": ("LABEL", "说明书"),
    "GL": ("GL", "指南"),
    "TRIAL": ("TRIAL", "临床试验"),
    "SEED": ("SEED", "专家经验"),
    "DESIGN": ("DESIGN", "设计约定"),
}

#: score bands (rule book §8): SINS, Mirels, Katagiri, Tokuhashi, Tomita
BAND_NAMES: dict[str, tuple[str, str]] = {
    "stable": ("stable", "稳定"), "indeterminate": ("indeterminate", "潜在不稳定"),
    "unstable": ("unstable", "不稳定"), "low": ("low", "低"), "borderline": ("borderline", "临界"),
    "high": ("high", "高"), "intermediate": ("intermediate", "中"),
    "<6 months": ("<6 months", "<6个月"), "≥6 months": ("≥6 months", "≥6个月"),
    "≥1 year": ("≥1 year", "≥1年"),
    "long-term local control": ("long-term local control", "长期局部控制"),
    "middle-term local control": ("middle-term local control", "中期局部控制"),
    "short-term palliation": ("short-term palliation", "短期姑息"),
    "terminal care": ("terminal care", "临终关怀"),
}

#: words of free-text regions (lesion sites, imaging regions), for the Chinese reader
REGION_WORDS: dict[str, str] = {
    "left": "左", "right": "右", "bilateral": "双侧", "midline": "正中", "femur": "股骨",
    "humerus": "肱骨", "tibia": "胫骨", "fibula": "腓骨", "radius": "桡骨", "ulna": "尺骨",
    "rib": "肋", "ribs": "肋骨", "pelvis": "骨盆", "sternum": "胸骨", "skull": "颅骨",
    "scapula": "肩胛骨", "clavicle": "锁骨", "spine": "脊柱", "vertebra": "椎体",
    "sacrum": "骶骨", "whole body": "全身", "several sites": "多处", "lower limbs": "双下肢",
    "below": "以下", "neck": "颈部", "mid back": "背部", "lower back": "腰部", "liver": "肝",
    "adrenal": "肾上腺", "brain": "脑", "lung": "肺",
    "pleura": "胸膜", "contralateral": "对侧", "ipsilateral": "同侧", "bone": "骨",
    "peritoneum": "腹膜", "kidney": "肾", "spleen": "脾", "pericardium": "心包",
    "lymph nodes": "淋巴结",
    "thoracic spine": "胸椎", "lumbar spine": "腰椎", "cervical spine": "颈椎",
}

_DRIVER_WORDS = (  # (pattern, Chinese) for the driver alterations' English words
    (r"exon (\d+) deletion", r"\1号外显子缺失"), (r"exon (\d+) insertion", r"\1号外显子插入"),
    (r"exon (\d+) skipping", r"\1号外显子跳跃突变"), (r" fusion", "融合"),
    (r" mutation", "突变"), (r" amplification", "扩增"),
)
_CJK = re.compile(r"[\u3400-\u9fff]")
_ZH_TO_EN = sorted(((zh, en) for en, zh in REGION_WORDS.items()), key=lambda p: -len(p[0]))
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_zh(lang: str) -> bool:
    return lang.lower().startswith("zh")


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if is_zh(lang) else pair[0]


def drug_name(key: str | None, lang: str) -> str:
    """A drug's name (the key itself when unknown)."""
    if key is None:
        return "—"
    return pick(DRUG_NAMES[key], lang) if key in DRUG_NAMES else key


def analyte_name(key: str, lang: str) -> str:
    return pick(ANALYTE_NAMES[key], lang) if key in ANALYTE_NAMES else key


def evidence_name(label: str, lang: str) -> str:
    return pick(EVIDENCE_NAMES[label], lang) if label in EVIDENCE_NAMES else label


def band_name(band: str | None, lang: str) -> str:
    if band is None:
        return "—"
    return pick(BAND_NAMES[band], lang) if band in BAND_NAMES else band


def source_text(source: str, lang: str) -> str:
    """A finding's source line with each part's leading evidence label in the reader's
    language ('TRIAL CALGB 70604; SEED R47' → '临床试验 CALGB 70604；专家经验 R47'); the
    citations themselves stay as published."""
    if not is_zh(lang):
        return source
    parts = []
    for part in source.split("; "):
        head, _, rest = part.partition(" ")
        if head in EVIDENCE_NAMES:
            part = evidence_name(head, lang) + (" " + rest if rest else "")
        parts.append(part)
    return "；".join(parts)


def date_text(value: date | str | None, lang: str) -> str:
    """``12 Oct 2026`` / ``2026年10月12日`` (rule book §11's convention); text that is not an
    ISO date is returned as it is."""
    if value is None:
        return "—"
    if isinstance(value, str):
        if not _ISO.match(value):
            return value
        value = date.fromisoformat(value)
    if is_zh(lang):
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def driver_text(text: str, lang: str) -> str:
    """A driver alteration ('EGFR exon 19 deletion' → 'EGFR 19号外显子缺失'); gene symbols and
    protein changes stay as written."""
    if not is_zh(lang):
        return text
    for pattern, zh in _DRIVER_WORDS:
        text = re.sub(pattern, zh, text)
    return text


def region_text(text: str | None, lang: str) -> str:
    """A free-text region for the reader: in Chinese, known English words are translated
    ('right rib 6' → '右第6肋', 'left femur' → '左股骨', 'whole body' → '全身'); spine levels
    (T8, L1) and unknown words stay as written. English: unchanged."""
    if not text:
        return "—"
    if not is_zh(lang):
        return _region_en(text) if _CJK.search(text) else text
    low = text.strip().casefold()
    if low in REGION_WORDS:
        return REGION_WORDS[low]
    tokens = text.replace("(", " ").replace(")", " ").split()
    words = [t.casefold() for t in tokens]
    if words and words[-1].isdigit() and "rib" in words:
        side = REGION_WORDS.get(words[0], "") if words[0] != "rib" else ""
        return f"{side}第{words[-1]}肋"
    out = []
    i = 0
    while i < len(words):
        two = " ".join(words[i:i + 2])
        if two in REGION_WORDS:
            out.append(REGION_WORDS[two])
            i += 2
            continue
        known = REGION_WORDS.get(words[i])
        out.append(known if known else f" {tokens[i]} ")
        i += 1
    if "以下" in out and 0 < out.index("以下") < len(out) - 1:  # "lower limbs below T10"
        k = out.index("以下")
        return ("".join(out[k + 1:]) + "以下" + "".join(out[:k])).replace(" ", "")
    if len(out) > 1 and out[-1] == "双侧":  # "femur (bilateral)" → "双侧股骨"
        out = out[-1:] + out[:-1]
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _region_en(text: str) -> str:
    """A region written in Chinese, for the English reader ('右第6肋' → 'right rib 6',
    '左股骨' → 'left femur', 'T10以下双下肢' → 'lower limbs below T10'); unknown words stay."""
    t = text.strip()
    m = re.fullmatch(r"(左|右)?第(\d+)肋", t)
    if m:
        side = {"左": "left ", "右": "right "}.get(m.group(1) or "", "")
        return f"{side}rib {m.group(2)}"
    m = re.fullmatch(r"(\S+?)以下(.+)", t)
    if m:
        return f"{_region_en(m.group(2))} below {m.group(1)}"
    words: list[str] = []
    i = 0
    while i < len(t):
        for zh, en in _ZH_TO_EN:
            if t.startswith(zh, i):
                words.append(en)
                i += len(zh)
                break
        else:
            if words and not _CJK.match(t[i]) and not t[i].isspace() and words[-1][-1:].isalnum() \
                    and not _CJK.search(words[-1]) and t[i - 1:i].isalnum():
                words[-1] += t[i]
            elif not t[i].isspace():
                words.append(t[i])
            i += 1
    return " ".join(words).replace(" 、", ",")
