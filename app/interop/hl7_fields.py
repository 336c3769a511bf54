"""How HL7 v2 field texts are read: escapes, charsets, values, ranges, flags, units, times.

Each function takes one field's text and returns what it means, or says that it cannot: the
caller (:mod:`app.interop.hl7_labs`) turns that into a rejection of the one result concerned.

- **Escapes** (:func:`unescape`): ``\\F\\ \\S\\ \\T\\ \\R\\ \\E\\``, ``\\Xhh…\\`` (hex),
  ``\\H\\``/``\\N\\`` (highlighting, dropped) and ``\\.br\\`` (a line break → space). Any other
  sequence (e.g. ``\\Z\\``, locally defined) is an :class:`EscapeError`: a value holding one
  is rejected, never read as the number left after removing it.
- **Charsets** (:func:`codec_for_charset`): MSH-18 as HL7 table 0211 names them (``UNICODE
  UTF-8``, ``8859/1`` … ``8859/15``, ``ASCII``, ``GB 18030-2000``) and the names Chinese
  systems write (``GB2312``, ``GBK``, ``UTF-8``).
- **Values** (:func:`parse_value`): a non-negative decimal number, optionally with a
  comparator (``<0.010``, ``> 2000``; SN ``<^0.010``): a comparator means the true value is
  beyond the number (below a detection limit, above a measuring range).
- **Ranges** (:func:`parse_range`): ``a-b``, ``a--b``, ``a~b``, ``a ~ b``, ``a–b``, ``a to b``,
  ``<b``, ``<=b``, ``>a``, ``>=a``, ``a-`` (lower limit only), ``-b``; ``-`` or empty = none.
- **Flags** (:data:`FLAGS`): ``H HH > ↑ 高 偏高`` → H; ``L LL < ↓ 低 偏低`` → L; ``N`` → N;
  ``A AA`` and empty → derived from the range.
- **Units** (:func:`unit_for`): UCUM and common spellings mapped to the rule book's §1 units
  (``10*9/L`` and ``10*3/uL`` → 10^9/L and 10^3/uL, ``[IU]/L`` → IU/L, ``x10E3/uL``, ``K/uL``
  → 10^3/uL, ``mcg/L`` → µg/L); a unit that is not one of the analyte's is refused.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from app.domain.units import ANALYTES, is_accepted, normalise_unit

__all__ = ["FLAGS", "EscapeError", "codec_for_charset", "dtm_to_iso", "parse_range",
           "parse_value", "unescape", "unit_for"]


class EscapeError(ValueError):
    """An escape sequence that is not defined by HL7 (or not closed)."""


_NUMBER = re.compile(r"^\+?(\d+(\.\d*)?|\.\d+)$")
_NUM = r"(\d+(?:\.\d+)?|\.\d+)"
_RANGE = re.compile(rf"^{_NUM}\s*(?:-{{1,2}}|~|～|–|—|to)\s*{_NUM}$", re.IGNORECASE)
_BOUND = re.compile(rf"^(<=|>=|<|>|≤|≥)\s*{_NUM}$")
_LOW_ONLY = re.compile(rf"^{_NUM}\s*(?:-|~)$")
_HIGH_ONLY = re.compile(rf"^(?:-|~)\s*{_NUM}$")
_VALUE = re.compile(r"^(<=|>=|<|>|≤|≥|=)?\s*(.*)$")
_DTM = re.compile(
    r"^(\d{4})(\d{2})(\d{2})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:\.(\d{1,6}))?)?)?)?"
    r"([+-]\d{4})?$"
)
_COMPARATORS = {"<": "<", "<=": "<=", ">": ">", ">=": ">=", "≤": "<=", "≥": ">=", "=": None}

FLAGS: dict[str, str | None] = {
    "H": "H", "HH": "H", ">": "H", "↑": "H", "高": "H", "偏高": "H",
    "L": "L", "LL": "L", "<": "L", "↓": "L", "低": "L", "偏低": "L",
    "N": "N", "正常": "N", "A": None, "AA": None, "": None,
}

_CHARSETS = {
    "ASCII": "ascii", "UNICODEUTF-8": "utf-8", "UTF-8": "utf-8", "UTF8": "utf-8",
    "UNICODE": "utf-8", "GB18030-2000": "gb18030", "GB18030": "gb18030", "GBK": "gb18030",
    "GB2312": "gb18030", "GB2312-80": "gb18030", "CNS11643-1992": "big5",
    "BIG-5": "big5", "BIG5": "big5", "ISOIR6": "ascii", "ISOIR100": "latin-1",
    "ISOIR192": "utf-8", "ISO-8859-1": "latin-1",
}

_UNIT_SPELLINGS = {
    "[iu]/l": "IU/L", "iu/l": "IU/L", "u/l": "U/L",
    "10*9/l": "10^9/L", "10e9/l": "10^9/L", "x10e9/l": "10^9/L", "x10^9/l": "10^9/L",
    "10*3/ul": "10^3/uL", "10*3/mm3": "10^3/uL", "10^3/mm3": "10^3/uL", "x10e3/ul": "10^3/uL",
    "x10^3/ul": "10^3/uL", "10e3/ul": "10^3/uL", "k/ul": "10^3/uL", "thou/ul": "10^3/uL",
    "giga/l": "10^9/L", "giga.l-1": "10^9/L",
    "mcg/l": "ug/L", "mcmol/l": "umol/L", "micromol/l": "umol/L", "millimol/l": "mmol/L",
    "meq/l": "mEq/L", "ng/ml": "ng/mL",
}


def unescape(text: str, esc: str = "\\", seps: str = "|^~&") -> str:
    """Decode HL7 escapes in one field/component text (see the module docstring)."""
    if esc not in text:
        return text
    names = {"F": seps[0], "S": seps[1], "R": seps[2], "T": seps[3], "E": esc}
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c != esc:
            out.append(c)
            i += 1
            continue
        end = text.find(esc, i + 1)
        if end < 0:
            raise EscapeError("an escape sequence is not closed")
        seq = text[i + 1:end]
        if seq in names:
            out.append(names[seq])
        elif seq in ("H", "N"):
            pass
        elif seq == ".br":
            out.append(" ")
        elif seq[:1] == "X" and len(seq) > 1 and len(seq) % 2 == 1 and re.fullmatch(
                r"[0-9A-Fa-f]+", seq[1:]):
            out.append(bytes.fromhex(seq[1:]).decode("latin-1"))
        else:
            raise EscapeError(f"unknown escape sequence {esc}{seq[:6]}{esc}")
        i = end + 1
    return "".join(out)


def codec_for_charset(name: str) -> str | None:
    """The Python codec of an MSH-18 character set name (None if unknown)."""
    key = re.sub(r"[\s_]", "", name.upper())
    if key in _CHARSETS:
        return _CHARSETS[key]
    m = re.fullmatch(r"(?:ISO)?-?8859[/-](\d{1,2})", key)
    if m and 1 <= int(m.group(1)) <= 16 and int(m.group(1)) != 12:
        return f"iso8859-{int(m.group(1))}"
    return None


def parse_value(text: str) -> tuple[str | None, float] | str:
    """(comparator or None, number) of a value text, else the problem (a text)."""
    m = _VALUE.match(text.strip())
    comparator, number = (m.group(1), m.group(2).strip()) if m else (None, "")
    if not number:
        return "required (no value)"
    if not _NUMBER.match(number):
        return "not a non-negative decimal number"
    return _COMPARATORS.get(comparator or "="), float(number)


def parse_range(text: str) -> tuple[float | None, float | None] | None:
    """(low, high) of a reference-range text; (None, None) for none; None if unreadable."""
    t = text.strip()
    if t in ("", "-", "~", "--"):
        return None, None
    for pattern, make in ((_RANGE, lambda a, b: (float(a), float(b))),
                          (_LOW_ONLY, lambda a: (float(a), None)),
                          (_HIGH_ONLY, lambda b: (None, float(b)))):
        m = pattern.match(t)
        if m:
            return make(*m.groups())
    m = _BOUND.match(t)
    if m:
        op, v = m.group(1), float(m.group(2))
        return (None, v) if op in ("<", "<=", "≤") else (v, None)
    return None


def unit_for(analyte: str, text: str) -> str | None:
    """The rule book's spelling of a unit sent for the analyte (None: not one of its units)."""
    t = " ".join(text.split())
    if not t:
        return None
    if is_accepted(analyte, t):
        return t
    mapped = _UNIT_SPELLINGS.get(normalise_unit(t).replace(" ", ""))
    if mapped and is_accepted(analyte, mapped):
        return mapped
    return None


def units_of(analyte: str) -> str:
    return ", ".join(ANALYTES[analyte].units_display)


def dtm_to_iso(value: str) -> str | None:
    """An HL7 DTM (at least to the day) as ``YYYY-MM-DD`` or an ISO date-time; None if it is
    not one (the calendar is checked). Digits beyond seconds' fractions are refused."""
    m = _DTM.match(value.strip())
    if not m:
        return None
    y, mo, d, hh, mi, ss, frac, tz = m.groups()
    try:
        date(int(y), int(mo), int(d))
        if hh is None:
            return f"{y}-{mo}-{d}" if tz is None else None
        dt = datetime(int(y), int(mo), int(d), int(hh), int(mi or 0), int(ss or 0),
                      int((frac or "0").ljust(6, "0")))
    except ValueError:
        return None
    iso = dt.isoformat()
    if tz is not None:
        if int(tz[1:3]) > 14 or int(tz[3:]) > 59:
            return None
        iso += f"{tz[:3]}:{tz[3:]}"
    return iso
