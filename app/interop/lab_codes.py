"""Which BoneMet analyte (rule book §1 key) an incoming lab code or name stands for: the site
code map and the shipped defaults.

Order of lookup for an HL7 observation (OBX-3 = identifier ^ text ^ coding system ^ alternate
identifier ^ alternate text; OBX-4 = the test name some analysers send there, e.g. Mindray):

1. the **site code map** (:class:`CodeMap`, a JSON file: ``import-labs --code-map FILE`` or the
   site file, :func:`app.services.site_settings.default_lab_feed_path`): local codes and names
   in any language → analyte, optionally with the unit the laboratory means when it sends
   none; matched on OBX-3.1, OBX-3.4, then OBX-3.2, OBX-3.5, then OBX-4;
2. a **LOINC code** of the analytes (:data:`LOINC_CODES`: the §1 codes and their mass/molar
   and specimen variants, e.g. 26515-7 platelets in blood, 38483-4 creatinine in blood) in
   OBX-3.1 or OBX-3.4 (a code of the table is unambiguous, whatever the coding system says);
3. the **default local names** (:data:`LOCAL_NAMES`: usual Chinese LIS names and
   abbreviations) on the same fields as 1.

Names match after Unicode NFKC folding (full-width letters and brackets, Roman numeral Ⅰ → I),
removing spaces and ignoring case; a name with a parenthesised part (``β-胶原降解产物(β-CTX)``,
``总胆红素(TBIL)``) also matches by the part outside and the part inside the brackets. The
defaults list only unambiguous names: plain ``钙`` is total calcium, ``离子钙`` ionised calcium;
``Cr`` is creatinine. A code that matches nothing is not a BoneMet analyte: the importer skips
it and the report names its code and name (so the site can map it).

**LOINC property vs unit.** :func:`loinc_unit_note` says when a code's property (mass or
substance concentration) disagrees with the unit sent (2160-0, creatinine *mass*, with
``umol/L``): the importer notes it and converts by the unit as reported.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.units import ANALYTES

__all__ = ["LOCAL_NAMES", "LOINC_CODES", "CodeMap", "CodeMapError", "Match", "analyte_for_code",
           "analyte_for_name", "fold", "loinc_unit_note"]

#: Default local codes and names (Chinese LIS names and common abbreviations) → analyte key.
LOCAL_NAMES: dict[str, tuple[str, ...]] = {
    "ALP": ("ALP", "AKP", "碱性磷酸酶", "血清碱性磷酸酶", "总碱性磷酸酶", "碱性磷酸酶测定"),
    "BALP": ("BALP", "B-ALP", "BAP", "骨碱性磷酸酶", "骨特异性碱性磷酸酶", "骨源性碱性磷酸酶",
             "骨碱性磷酸酶测定"),
    "CTX": ("CTX", "β-CTX", "b-CTX", "beta-CTX", "β-CrossLaps", "β-胶原降解产物",
            "β-胶原特殊序列", "Ⅰ型胶原C端肽β特殊序列", "I型胶原羧基末端肽", "β-I型胶原羧基端肽",
            "I型胶原C端肽", "β-胶原降解产物测定", "I型胶原羧基端肽β特殊序列", "S-CTX"),
    "PINP": ("PINP", "P1NP", "TPINP", "T-PINP", "t-P1NP", "总I型胶原氨基端延长肽",
             "I型胶原氨基端前肽", "总Ⅰ型前胶原氨基端肽", "总I型前胶原氨基端前肽",
             "I型前胶原氨基端前肽", "总I型胶原氨基端前肽"),
    "CA": ("CA", "钙", "血钙", "总钙", "血清钙", "血清总钙", "钙测定"),
    "ICA": ("ICA", "iCa", "Ca2+", "Ca++", "离子钙", "游离钙", "血离子钙"),
    "ALB": ("ALB", "白蛋白", "血清白蛋白", "白蛋白测定"),
    "CREA": ("CREA", "CRE", "Cr", "SCr", "CREA-S", "肌酐", "血肌酐", "血清肌酐", "肌酐测定",
             "肌酐(酶法)", "肌酐(苦味酸法)"),
    "VITD": ("VITD", "25(OH)D", "25-OH-VD", "25-OHD", "25OHD", "25-OH-D", "25-羟基维生素D",
             "25羟基维生素D", "总25羟基维生素D", "25-羟维生素D", "25羟维生素D", "总25-羟基维生素D",
             "25-羟基维生素D总量"),
    "GGT": ("GGT", "γ-GT", "r-GT", "GGT-S", "γ-谷氨酰转移酶", "γ-谷氨酰基转移酶", "谷氨酰转肽酶",
            "γ-谷氨酰转肽酶", "谷氨酰转移酶", "r-谷氨酰转移酶"),
    "CRP": ("CRP", "hs-CRP", "hsCRP", "C反应蛋白", "C-反应蛋白", "超敏C反应蛋白",
            "超敏C-反应蛋白"),
    "LDH": ("LDH", "LD", "LDH-L", "乳酸脱氢酶"),
    "PLT": ("PLT", "血小板", "血小板计数", "血小板数"),
    "TBIL": ("TBIL", "T-BIL", "TBil", "STB", "总胆红素", "血清总胆红素"),
}

#: LOINC codes → (analyte, property): "mass" / "molar" concentration, "catalytic", "count",
#: or None when the code fixes no unit kind.
LOINC_CODES: dict[str, tuple[str, str | None]] = {
    "6768-6": ("ALP", "catalytic"),
    "17838-4": ("BALP", "mass"),
    "41171-0": ("CTX", "mass"),
    "77370-5": ("PINP", "mass"),
    "2000-8": ("CA", "molar"), "17861-6": ("CA", "mass"), "49765-1": ("CA", "mass"),
    "1995-0": ("ICA", "molar"), "1994-3": ("ICA", "molar"), "17863-2": ("ICA", "mass"),
    "1751-7": ("ALB", "mass"), "61151-7": ("ALB", "mass"), "61152-5": ("ALB", "mass"),
    "2160-0": ("CREA", "mass"), "14682-9": ("CREA", "molar"), "38483-4": ("CREA", "mass"),
    "59826-8": ("CREA", "molar"),
    "62292-8": ("VITD", "mass"),
    "2324-2": ("GGT", "catalytic"),
    "1988-5": ("CRP", "mass"), "30522-7": ("CRP", "mass"),
    "2532-0": ("LDH", "catalytic"), "14804-9": ("LDH", "catalytic"),
    "777-3": ("PLT", "count"), "26515-7": ("PLT", "count"),
    "1975-2": ("TBIL", "mass"), "14631-6": ("TBIL", "molar"), "42719-5": ("TBIL", "mass"),
}

_BRACKETS = re.compile(r"^(.*?)\((.+)\)$")


def fold(name: str) -> str:
    """The comparison form of a code or name (NFKC, no spaces, case-folded)."""
    text = unicodedata.normalize("NFKC", name)
    return "".join(text.split()).casefold()


def _variants(name: str) -> list[str]:
    """The folded name, then (for ``outside(inside)``) the outside and the inside part."""
    f = fold(name)
    out = [f] if f else []
    m = _BRACKETS.match(f)
    if m:
        out += [p for p in (m.group(1), m.group(2)) if p]
    return out


def _index(names: dict[str, tuple[str, ...]]) -> dict[str, str]:
    by_name: dict[str, str] = {}
    for key, values in names.items():
        assert key in ANALYTES, key
        for name in values:
            folded = fold(name)
            assert by_name.get(folded, key) == key, f"ambiguous local name {name!r}"
            by_name[folded] = key
    return by_name


_BY_NAME = _index(LOCAL_NAMES)
for _code, (_key, _prop) in LOINC_CODES.items():
    assert _key in ANALYTES, _code
    assert all(c in LOINC_CODES for i in ANALYTES.values() for c in i.loinc.values())


def analyte_for_name(name: str) -> str | None:
    """The analyte a default local code or name stands for, or None."""
    for variant in _variants(name or ""):
        if variant in _BY_NAME:
            return _BY_NAME[variant]
    return None


def _unit_kind(unit: str) -> str | None:
    u = unit.replace("µ", "u").replace("μ", "u").lower()
    if "mol" in u or "eq/" in u:
        return "molar"
    if re.search(r"(^|[^a-z])(m|u|n|p)?g/", u):
        return "mass"
    return None


def loinc_unit_note(code: str | None, unit: str) -> str | None:
    """A note when a LOINC code's property disagrees with the unit sent (None otherwise)."""
    entry = LOINC_CODES.get(code or "")
    if entry is None or entry[1] not in ("mass", "molar"):
        return None
    kind = _unit_kind(unit)
    if kind is None or kind == entry[1]:
        return None
    return (f"LOINC {code} is a {entry[1]} concentration but the unit {unit!r} is not: "
            "converted by the unit as reported")


class CodeMapError(ValueError):
    """A code-map file that cannot be used; ``str()`` names the entry and the problem."""


@dataclass(frozen=True)
class Match:
    """An observation matched to an analyte: how, and the unit the site map gives (if any)."""

    analyte: str
    loinc: str | None = None  # the LOINC code matched (None: matched by a local code/name)
    unit: str | None = None  # the site map's unit for results sent without one
    by: str = ""  # "site map" / "LOINC" / "default names"


@dataclass
class CodeMap:
    """The site's local codes and names → analyte (+ optional unit)."""

    entries: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)  # folded → as the site wrote it

    @classmethod
    def from_mapping(cls, data: object, where: str = "codes") -> CodeMap:
        """From ``{"code or name": "ALP" | {"analyte": "CTX", "unit": "ng/mL"}}``."""
        if not isinstance(data, dict):
            raise CodeMapError(f"{where}: expected an object of code → analyte")
        entries: dict[str, tuple[str, str | None]] = {}
        written: dict[str, str] = {}
        for name, value in data.items():
            label = f"{where}[{name[:30]!r}]"
            if isinstance(value, str):
                value = {"analyte": value}
            if not isinstance(value, dict) or set(value) - {"analyte", "unit"}:
                raise CodeMapError(f"{label}: expected an analyte key or "
                                   '{"analyte": …, "unit": …}')
            analyte = str(value.get("analyte") or "").upper()
            if analyte not in ANALYTES:
                raise CodeMapError(f"{label}.analyte: {analyte[:12]!r} is not one of "
                                   + ", ".join(ANALYTES))
            unit = value.get("unit")
            if unit is not None and (not isinstance(unit, str) or not unit.strip()):
                raise CodeMapError(f"{label}.unit: expected a unit text")
            folded = fold(name)
            if not folded:
                raise CodeMapError(f"{label}: an empty code")
            entries[folded] = (analyte, unit.strip() if unit else None)
            written[folded] = name.strip()
        return cls(entries, written)

    @classmethod
    def from_file(cls, path: str | Path) -> CodeMap:
        return cls.from_mapping(read_json_object(path).get("codes", {}))

    def to_mapping(self) -> dict[str, object]:
        return {self.written.get(k, k): (a if u is None else {"analyte": a, "unit": u})
                for k, (a, u) in self.entries.items()}

    def site_match(self, name: str) -> Match | None:
        for variant in _variants(name or ""):
            hit = self.entries.get(variant)
            if hit is not None:
                return Match(hit[0], None, hit[1], "site map")
        return None

    def match(self, identifier: str, text: str = "", alt_identifier: str = "",
              alt_text: str = "", obx4: str = "") -> Match | None:
        """The analyte of an observation (see the module docstring), or None."""
        fields = (identifier, alt_identifier, text, alt_text, obx4)
        for name in fields:
            hit = self.site_match(name)
            if hit is not None:
                return hit
        for code in (identifier, alt_identifier):
            entry = LOINC_CODES.get((code or "").strip())
            if entry is not None:
                return Match(entry[0], code.strip(), None, "LOINC")
        for name in fields:
            key = analyte_for_name(name or "")
            if key is not None:
                return Match(key, None, None, "default names")
        return None


def read_json_object(path: str | Path, limit: int = 1024 * 1024) -> dict:
    """A small UTF-8 JSON object file (:class:`CodeMapError` naming the problem)."""
    p = Path(path)
    try:
        if p.stat().st_size > limit:
            raise CodeMapError(f"{p.name}: larger than {limit // 1024} KB")
        data = json.loads(p.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise CodeMapError(f"{p.name}: no such file") from None
    except (OSError, UnicodeDecodeError):
        raise CodeMapError(f"{p.name}: cannot be read as UTF-8 text") from None
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f" at line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        raise CodeMapError(f"{p.name}: not valid JSON{where}") from None
    if not isinstance(data, dict):
        raise CodeMapError(f"{p.name}: expected a JSON object")
    return data


def analyte_for_code(identifier: str, text: str = "", alt_identifier: str = "",
                     alt_text: str = "") -> tuple[str | None, str | None]:
    """(analyte, LOINC code given) with the default tables only (no site map)."""
    hit = CodeMap().match(identifier, text, alt_identifier, alt_text)
    return (hit.analyte, hit.loinc) if hit else (None, None)
