"""Which BoneMet analyte (rule book §1 key) an incoming lab code or name stands for.

Order of lookup for an HL7 OBX-3 (identifier ^ text ^ coding system ^ alternate identifier ^
alternate text ^ alternate coding system):

1. a LOINC code of the §1 table (:func:`app.domain.units.analyte_for_loinc`) in OBX-3.1 or in
   OBX-3.4 (whatever the coding system says: a code of the table is unambiguous);
2. the **local name table** below, matched against OBX-3.1, OBX-3.2, OBX-3.4 and OBX-3.5 — the
   documented fallback for Chinese laboratory systems that send their own codes and names
   (碱性磷酸酶, β-CTX, 肌酐, 血钙, 白蛋白 …) instead of LOINC.

Names match after Unicode NFKC folding (full-width letters and brackets, Roman numeral Ⅰ → I),
removing spaces and ignoring case. The table lists only unambiguous names: e.g. plain ``钙``
(calcium) is total calcium, ``离子钙`` is ionised calcium; ``Cr`` is creatinine (chromium is not
a lab analyte in this product). A code that matches nothing is not a BoneMet analyte: the
importer skips that observation and counts it.
"""

from __future__ import annotations

import unicodedata

from app.domain.units import ANALYTES, analyte_for_loinc

#: Local codes and names (Chinese and common abbreviations) → analyte key.
LOCAL_NAMES: dict[str, tuple[str, ...]] = {
    "ALP": ("ALP", "AKP", "碱性磷酸酶", "血清碱性磷酸酶", "总碱性磷酸酶"),
    "BALP": ("BALP", "B-ALP", "BAP", "骨碱性磷酸酶", "骨特异性碱性磷酸酶", "骨源性碱性磷酸酶"),
    "CTX": ("CTX", "β-CTX", "b-CTX", "beta-CTX", "β-CrossLaps", "β-胶原降解产物",
            "β-胶原特殊序列", "Ⅰ型胶原C端肽β特殊序列", "I型胶原羧基末端肽", "β-I型胶原羧基端肽",
            "I型胶原C端肽"),
    "PINP": ("PINP", "P1NP", "TPINP", "T-PINP", "总I型胶原氨基端延长肽", "I型胶原氨基端前肽",
             "总Ⅰ型前胶原氨基端肽"),
    "CA": ("CA", "钙", "血钙", "总钙", "血清钙"),
    "ICA": ("ICA", "iCa", "Ca2+", "离子钙", "游离钙"),
    "ALB": ("ALB", "白蛋白", "血清白蛋白"),
    "CREA": ("CREA", "CRE", "Cr", "SCr", "肌酐", "血肌酐", "血清肌酐"),
    "VITD": ("VITD", "25(OH)D", "25-OH-VD", "25-OHD", "25-羟基维生素D", "总25羟基维生素D",
             "25-羟维生素D"),
    "GGT": ("GGT", "γ-GT", "r-GT", "γ-谷氨酰转移酶", "γ-谷氨酰基转移酶", "谷氨酰转肽酶",
            "γ-谷氨酰转肽酶"),
    "CRP": ("CRP", "C反应蛋白", "C-反应蛋白"),
    "LDH": ("LDH", "LD", "乳酸脱氢酶"),
    "PLT": ("PLT", "血小板", "血小板计数"),
    "TBIL": ("TBIL", "T-BIL", "TBil", "总胆红素", "血清总胆红素"),
}


def fold(name: str) -> str:
    """The comparison form of a code or name (NFKC, no spaces, case-folded)."""
    text = unicodedata.normalize("NFKC", name)
    return "".join(text.split()).casefold()


_BY_NAME: dict[str, str] = {}
for _key, _names in LOCAL_NAMES.items():
    assert _key in ANALYTES, _key
    for _name in _names:
        _folded = fold(_name)
        assert _BY_NAME.get(_folded, _key) == _key, f"ambiguous local name {_name!r}"
        _BY_NAME[_folded] = _key


def analyte_for_name(name: str) -> str | None:
    """The analyte a local code or name stands for, or None."""
    return _BY_NAME.get(fold(name)) if name and name.strip() else None


def analyte_for_code(identifier: str, text: str = "", alt_identifier: str = "",
                     alt_text: str = "") -> tuple[str | None, str | None]:
    """(analyte, LOINC code given) for an OBX-3; the code is None when matched by name."""
    for code in (identifier, alt_identifier):
        code = (code or "").strip()
        if code:
            key = analyte_for_loinc(code)
            if key is not None:
                return key, code
    for name in (identifier, text, alt_identifier, alt_text):
        key = analyte_for_name(name or "")
        if key is not None:
            return key, None
    return None, None
