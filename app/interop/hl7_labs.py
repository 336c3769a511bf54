"""HL7 v2 ORU^R01 lab messages → import units (one per message).

A file holds one or more messages. MLLP framing bytes (VT ... FS CR) and batch/file envelope
segments (FHS, BHS, BTS, FTS) are tolerated; segments may end in CR, LF or CR LF. Each message
is parsed with python-hl7 (``hl7.parse``), which only splits the text: every field used is
checked here. Field values are read unescaped (``\\T\\`` → ``&``).

What is read (positions are 1-based, as in the standard):

========  ==============================================================================
MSH-9     must be ``ORU^R01`` (any other message type is rejected)
MSH-4     sending facility (else MSH-3): the results' source is ``hl7:<facility>``
PID-3     the patient's MRN: the repetition typed ``MR`` (CX.5), else the first; it must be
          in the registry
OBX-3     the analyte: a LOINC code of the rule book's §1 table, else a local code or name
          (:mod:`app.interop.lab_codes`, e.g. 碱性磷酸酶, β-CTX, 肌酐, 血钙, 白蛋白); an
          observation that is none of these is not a BoneMet analyte and is skipped (counted)
OBX-11    result status: ``F`` final and ``C`` corrected are imported (``C`` replaces the
          stored result of the same analyte and collection time); ``P``, ``R``, ``S``, ``I``
          (not final) and ``X``, ``D``, ``W`` (cancelled / deleted / wrong) are skipped
          (counted); empty or anything else rejects the message
OBX-2     value type ``NM``, ``SN`` (no comparator), ``ST`` or empty
OBX-5     the value: one non-negative decimal number
OBX-6     the unit (CE.1, else CE.2): must be a unit of the analyte (§1), exactly as sent
OBX-7     reference range ``low-high`` (also ``~`` — escaped ``\\R\\`` or sent raw —, ``–``),
          ``<x``, ``<=x``, ``>x``, ``>=x``
OBX-8     flag: ``H``/``HH``/``>`` → H, ``L``/``LL``/``<`` → L, ``N`` → N; ``A``/``AA``/empty
          → derived from the range; anything else rejects the message
OBX-14    observation date-time, else OBR-7 of the OBX's order (YYYYMMDD[HH[MM[SS[.S]]]]
          [+/-ZZZZ]); not after today
OBX-17    method (CE.2 text, else CE.1), at most 100 characters
========  ==============================================================================

Fasting is unknown (HL7 does not say). One bad observation rejects the *whole* message
(nothing of it is written): the laboratory should resend it. Problems name the message number,
the OBX's position and the field (``OBX 2, OBX-6: 'mmol/L' is not a unit of CTX``) and never
repeat an MRN, a name or a value.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import hl7

from app.domain import units
from app.interop.lab_codes import analyte_for_code
from app.interop.lab_files import LabFileError
from app.services.lab_import import ImportUnit, IncomingLab
from app.services.records_validate import ValidationFailed, parse_record

__all__ = ["LabFileError", "dtm_to_iso", "parse_hl7_text", "split_messages"]

_ENVELOPE = ("FHS", "BHS", "BTS", "FTS")
_IMPORT_STATUS = ("F", "C")
_NOT_FINAL = {"P": "preliminary", "R": "not verified", "S": "partial", "I": "pending",
              "A": "amended order, results not final"}
_WITHDRAWN = {"X": "cancelled", "D": "deleted", "W": "posted as wrong"}
_VALUE_TYPES = ("", "NM", "SN", "ST")
_NUMBER = re.compile(r"^\+?(\d+(\.\d*)?|\.\d+)$")
_RANGE = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:-|~|～|–|—)\s*(\d+(?:\.\d+)?)$")
_BOUND = re.compile(r"^(<=|>=|<|>|≤|≥)\s*(\d+(?:\.\d+)?)$")
_DTM = re.compile(
    r"^(\d{4})(\d{2})(\d{2})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:\.(\d{1,6}))?)?)?)?"
    r"([+-]\d{4})?$"
)
_FLAGS = {"H": "H", "HH": "H", ">": "H", "L": "L", "LL": "L", "<": "L", "N": "N",
          "A": None, "AA": None, "": None}
_POSITIONS = {"analyte": "OBX-3", "value": "OBX-5", "unit": "OBX-6", "ref_low": "OBX-7",
              "ref_high": "OBX-7", "method": "OBX-17"}
_REF_TEXT_MAX = 60
_METHOD_MAX = 100


def _show(text: str) -> str:
    """A short quoted code (units, types, flags — never values)."""
    return repr(text if len(text) <= 20 else text[:17] + "...")


def split_messages(text: str) -> list[list[str]]:
    """The messages of a file as lists of segments (envelopes and framing removed)."""
    text = text.replace("\x0b", "\r").replace("\x1c", "\r")
    text = text.replace("\r\n", "\r").replace("\n", "\r")
    messages: list[list[str]] = []
    for n, raw in enumerate(text.split("\r"), 1):
        seg = raw.strip("\ufeff \t")
        if not seg:
            continue
        name = seg[:3].upper()
        if name in _ENVELOPE:
            continue
        if name == "MSH":
            messages.append([seg])
        elif not messages:
            raise LabFileError(f"segment {n}", "expected MSH: a message must start with MSH")
        else:
            messages[-1].append(seg)
    if not messages:
        raise LabFileError("file", "no HL7 message in it (no MSH segment)")
    return messages


def dtm_to_iso(value: str) -> str | None:
    """An HL7 DTM (at least to the day) as ``YYYY-MM-DD`` or an ISO date-time; None if it is
    not one (the calendar is checked)."""
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


def _get(seg, field: int, rep: int = 1, comp: int = 1) -> str:
    """An unescaped field component ('' when absent)."""
    try:
        return str(seg.extract_field(1, field, rep, comp, 1) or "").strip()
    except (IndexError, KeyError, ValueError, TypeError):
        return ""


def _repetitions(seg, field: int) -> int:
    try:
        return len(seg(field)) if field < len(seg) else 0
    except (IndexError, TypeError):
        return 0


def _mrn(pid) -> str:
    n = max(_repetitions(pid, 3), 1)
    ids = [(_get(pid, 3, r, 1), _get(pid, 3, r, 5).upper()) for r in range(1, n + 1)]
    for value, kind in ids:
        if value and kind == "MR":
            return value
    return next((value for value, _ in ids if value), "")


def _range(text: str) -> tuple[float | None, float | None] | None:
    t = text.strip()
    if not t:
        return None, None
    m = _RANGE.match(t)
    if m:
        return float(m.group(1)), float(m.group(2))
    m = _BOUND.match(t)
    if m:
        op, v = m.group(1), float(m.group(2))
        return (None, v) if op in ("<", "<=", "≤") else (v, None)
    return None


def _loinc_problem(analyte: str, code: str | None, unit: str) -> str | None:
    """A unit-specific LOINC code (calcium, creatinine, bilirubin) that names another unit."""
    if code is None:
        return None
    info = units.ANALYTES[analyte]
    if "*" in info.loinc or len(info.loinc) < 2 or not units.is_accepted(analyte, unit):
        return None
    expected = units.loinc(analyte, unit)
    if code != expected:
        return f"OBX-6: {_show(unit)} does not fit LOINC {code} in OBX-3"
    return None


def _observation(obx, where: str, obr_dtm: str, today: date
                 ) -> tuple[IncomingLab | None, list[str], str | None]:
    """(result, problems, skip reason) of one OBX."""
    analyte, code = analyte_for_code(_get(obx, 3, 1, 1), _get(obx, 3, 1, 2),
                                     _get(obx, 3, 1, 4), _get(obx, 3, 1, 5))
    if analyte is None:
        return None, [], f"{where}: not a BoneMet analyte (OBX-3)"
    status = _get(obx, 11).upper()
    if status in _NOT_FINAL:
        return None, [], f"{where}: {_NOT_FINAL[status]} result (OBX-11 {status})"
    if status in _WITHDRAWN:
        return None, [], f"{where}: {_WITHDRAWN[status]} result (OBX-11 {status})"
    problems: list[str] = []
    if status not in _IMPORT_STATUS:
        problems.append(f"{where}, OBX-11: " + ("required (result status F, C, P or X)"
                        if not status else f"{_show(status)} is not a result status"))
    vtype = _get(obx, 2).upper()
    raw_value = _get(obx, 5)
    if vtype not in _VALUE_TYPES:
        problems.append(f"{where}, OBX-2: value type {_show(vtype)} is not numeric "
                        "(NM, SN or ST expected)")
    elif vtype == "SN":
        comparator, raw_value = _get(obx, 5, 1, 1), _get(obx, 5, 1, 2)
        if comparator not in ("", "="):
            problems.append(f"{where}, OBX-5: a value with a comparator ({_show(comparator)}) "
                            "cannot be stored as a number")
    if _repetitions(obx, 5) > 1:
        problems.append(f"{where}, OBX-5: more than one value")
    value: float | None = None
    if not raw_value:
        problems.append(f"{where}, OBX-5: required (no value)")
    elif not _NUMBER.match(raw_value):
        problems.append(f"{where}, OBX-5: not a non-negative decimal number")
    else:
        value = float(raw_value)
    unit = _get(obx, 6, 1, 1) or _get(obx, 6, 1, 2)
    # "3.5~5.5" sent unescaped splits into repetitions: read them back as one range text
    ref_raw = "~".join(_get(obx, 7, r) for r in range(1, max(_repetitions(obx, 7), 1) + 1))
    ref = _range(ref_raw)
    if ref is None:
        problems.append(f"{where}, OBX-7: expected a reference range like 136-689, <5 or >30")
        ref = (None, None)
    elif len(ref_raw) > _REF_TEXT_MAX:
        problems.append(f"{where}, OBX-7: at most {_REF_TEXT_MAX} characters")
    flag_raw = _get(obx, 8).upper()
    if flag_raw not in _FLAGS:
        problems.append(f"{where}, OBX-8: {_show(flag_raw)} is not an abnormal flag "
                        "(H, HH, L, LL, N, A)")
    dtm_field, dtm = ("OBX-14", _get(obx, 14)) if _get(obx, 14) else ("OBR-7", obr_dtm)
    when = dtm_to_iso(dtm) if dtm else None
    if not dtm:
        problems.append(f"{where}, OBX-14: required (no observation date-time in OBX-14 "
                        "or OBR-7)")
    elif when is None:
        problems.append(f"{where}, {dtm_field}: not a valid date-time "
                        "(YYYYMMDD[HHMM[SS]][+ZZZZ])")
    method = _get(obx, 17, 1, 2) or _get(obx, 17, 1, 1) or None
    if method is not None and len(method) > _METHOD_MAX:
        problems.append(f"{where}, OBX-17: at most {_METHOD_MAX} characters")
        method = None
    values = {"date": when or "2000-01-01", "analyte": analyte, "value": value or 0.0,
              "unit": unit, "ref_low": ref[0], "ref_high": ref[1], "method": method}
    lab = None
    try:
        lab = parse_record("lab", values, today)
    except ValidationFailed as exc:
        for e in exc.errors:
            pos = dtm_field if e.field == "date" else _POSITIONS.get(e.field, e.field)
            if e.field == "unit" and not unit:
                problems.append(f"{where}, OBX-6: required (no unit)")
            else:
                problems.append(f"{where}, {pos}: {e.message}")
    if lab is not None and (p := _loinc_problem(analyte, code, unit)):
        problems.append(f"{where}, {p}")
    if problems or lab is None:
        return None, problems, None
    result = IncomingLab(lab, where, loinc=code, flag=_FLAGS[flag_raw],
                         ref_text=ref_raw or None, corrects=status == "C")
    return result, [], None


def _segment_name(seg) -> str:
    try:
        return str(seg[0]).upper()
    except (IndexError, TypeError):
        return ""


def _message(index: int, segments: list[str], today: date) -> ImportUnit:
    unit = ImportUnit(f"message {index}", None, "hl7:unknown", mrn_field="PID-3")
    try:
        msg = hl7.parse("\r".join(segments))
    except Exception:  # python-hl7 raises several kinds on a broken header
        unit.problems.append("MSH: malformed message header")
        return unit
    msh = msg[0]
    mtype, trigger = _get(msh, 9, 1, 1).upper(), _get(msh, 9, 1, 2).upper()
    if (mtype, trigger) != ("ORU", "R01"):
        unit.problems.append(f"MSH-9: {_show(mtype + '^' + trigger)} is not ORU^R01 "
                             "(only lab results are imported)")
        return unit
    facility = _get(msh, 4) or _get(msh, 3)
    unit.source = f"hl7:{facility or 'unknown'}"
    pids = [s for s in msg if _segment_name(s) == "PID"]
    if len(pids) != 1:
        unit.problems.append("PID: missing" if not pids else "PID: more than one patient")
        return unit
    unit.mrn = _mrn(pids[0])
    if not unit.mrn:
        unit.problems.append("PID-3: required (the patient's MRN)")
    obr_dtm, k = "", 0
    for seg in msg:
        name = _segment_name(seg)
        if name == "OBR":
            obr_dtm = _get(seg, 7)
        elif name == "OBX":
            k += 1
            result, problems, skip = _observation(seg, f"OBX {k}", obr_dtm, today)
            unit.problems.extend(problems)
            if skip:
                unit.skipped.append(skip)
            if result is not None:
                unit.labs.append(result)
    if k == 0:
        unit.problems.append("OBX: no observation in the message")
    return unit


def parse_hl7_text(text: str, *, today: date | None = None) -> list[ImportUnit]:
    """One import unit per ORU^R01 message of a decoded file (see the module docstring)."""
    day = today or date.today()
    return [_message(i, segs, day) for i, segs in enumerate(split_messages(text), 1)]
