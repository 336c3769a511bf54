"""HL7 v2 ORU^R01 lab messages → import units (one per message, one outcome per OBX).

A file holds one or more messages. MLLP framing bytes (VT ... FS CR) and batch/file envelope
segments (FHS, BHS, BTS, FTS) are tolerated; segments may end in CR, LF or CR LF. Each
message is split with its own separators (MSH-1, MSH-2) and every field used is read and
checked here, with HL7's escapes decoded strictly (:mod:`app.interop.hl7_fields`). (python-hl7's
``hl7.parse`` was used before: its parse and re-join cost 40 % of an import, and its loggers,
disabled here for any other user of the library in the process, print raw fields —
identifiers, values — to stderr.)

**A message is rejected whole** only for message-level faults: not ORU^R01, an unreadable
header, no (or more than one) PID, no patient ID, no OBX. **Each OBX has its own outcome**:
stored (or, for ``C``, correcting / for ``W``/``D``, retracting the stored result), skipped
(not a BoneMet analyte — its code and name are reported —, not final, cancelled) or rejected
(the field and the reason). Notes (a time taken from the message header, a LOINC whose property
disagrees with the unit, an unknown flag) are reported beside stored results.

What is read (positions are 1-based, as in the standard):

========  ==============================================================================
MSH-9     must be ``ORU^R01``; MSH-10 (control ID) names the message in the report and,
          with the OBX's position, is the result's source ID (natural key)
MSH-4     sending facility (else MSH-3): the results' source is ``hl7:<facility>``
MSH-18    the character set (:func:`app.interop.lab_files.decode` honours it)
PID-3     the patient's ID: the repetition typed ``MR`` (CX.5), else the first; when empty,
          PID-2 then PID-4 (the order is a site setting, ``patient_id_fields``); CX.4 is the
          assigning authority (checked against the site's accepted authorities)
PID-5/7/8 family and given name, birth date, sex: checked against the registry patient
OBX-3     the analyte (:class:`app.interop.lab_codes.CodeMap`: site map, LOINC, default
          local names), with OBX-4 as the test name when OBX-3 has none (Mindray)
OBX-11    ``F``, ``C`` (correction), empty (taken as final, noted); ``W``/``D`` retract the
          stored result; ``P R S I A`` (not final) and ``X`` (cancelled) are skipped
OBX-2/5   ``NM``, ``SN``, ``ST`` or empty: a non-negative number, optionally with a
          comparator (``<0.010``, SN ``<^0.010``: stored as below the detection limit)
OBX-6     the unit, UCUM or usual spellings (``10*9/L``, ``10*3/uL``, ``[IU]/L``; an unescaped
          ``10^9/L`` is read whole), else the site map's unit for the code
OBX-7     reference range (:func:`app.interop.hl7_fields.parse_range`)
OBX-8     flag (:data:`app.interop.hl7_fields.FLAGS`); unknown → derived from the range, noted
OBX-14    observation date-time, else OBR-7, else OBR-14, else MSH-7 (noted: message time)
OBX-17    method (CE.2 text, else CE.1), at most 100 characters
========  ==============================================================================

Problems name the message, the OBX's position and the field (``message M42, OBX 2, OBX-6:
'mmol/L' is not a unit of CTX``) and never repeat an MRN, a name or a value.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date

import hl7.containers
import hl7.util

from app.interop.hl7_fields import (
    FLAGS,
    EscapeError,
    dtm_to_iso,
    parse_range,
    parse_value,
    unescape,
    unit_for,
    units_of,
)
from app.interop.lab_codes import loinc_unit_note
from app.interop.lab_feed_config import LabFeedSettings
from app.interop.lab_files import LabFileError
from app.services.lab_import import ImportUnit, IncomingLab, PatientInfo
from app.services.records_validate import ValidationFailed, parse_record

__all__ = ["LabFileError", "dtm_to_iso", "parse_hl7_text", "split_messages"]

for _logger in (hl7.util.logger, hl7.containers.logger, logging.getLogger("hl7")):
    _logger.disabled = True  # they log raw fields (patient identifiers, values)

_ENVELOPE = ("FHS", "BHS", "BTS", "FTS")
_FINAL = ("F", "C", "")
_NOT_FINAL = {"P": "preliminary", "R": "not verified", "S": "partial", "I": "pending",
              "A": "amended order, results not final", "X": "cancelled (no result)",
              "N": "not asked", "U": "status change only", "O": "order only"}
_RETRACT = ("W", "D")
_VALUE_TYPES = ("", "NM", "SN", "ST")
_POSITIONS = {"analyte": "OBX-3", "value": "OBX-5", "unit": "OBX-6", "ref_low": "OBX-7",
              "ref_high": "OBX-7", "method": "OBX-17"}
_REF_TEXT_MAX = 60
_METHOD_MAX = 100
_SEX = {"F": "female", "M": "male"}
_MESSAGE_TIME = ("no observation time (OBX-14, OBR-7, OBR-14): the message time (MSH-7) is "
                 "used")


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


class _Reader:
    """Field access on one message's segments with its own separators and escape character.

    A segment is the list of its raw fields (``seg[n]`` = field n, the segment name at 0; for
    MSH, ``seg[1]`` is MSH-1 the field separator, so the numbering is the standard's too)."""

    def __init__(self, msh_text: str) -> None:
        self.field_sep = msh_text[3] if len(msh_text) > 3 else "|"
        enc = msh_text[4:].split(self.field_sep)[0]
        enc += "^~\\&"[len(enc):] if len(enc) < 4 else ""
        self.comp, self.rep, self.esc, self.sub = enc[:4]
        self.seps = self.field_sep + self.comp + self.rep + self.sub

    def segment(self, text: str) -> list[str]:
        fields = text.split(self.field_sep)
        if fields[0].upper() == "MSH":
            fields.insert(1, self.field_sep)
        return fields

    @staticmethod
    def raw(seg: list[str], n: int) -> str:
        return seg[n] if n < len(seg) else ""

    def reps(self, seg, n: int) -> list[str]:
        raw = self.raw(seg, n)
        return raw.split(self.rep) if raw else []

    def comps(self, raw_rep: str) -> list[str]:
        return [c.split(self.sub)[0] for c in raw_rep.split(self.comp)]

    def strict(self, text: str) -> str:
        return unescape(text, self.esc, self.seps).strip()

    def text(self, seg, n: int, rep: int = 1, comp: int = 1) -> str:
        """An unescaped component ('' when absent; an unknown escape is dropped)."""
        reps = self.reps(seg, n)
        if len(reps) < rep:
            return ""
        comps = self.comps(reps[rep - 1])
        if len(comps) < comp:
            return ""
        try:
            return self.strict(comps[comp - 1])
        except EscapeError:
            return ""


def _seg_name(seg: list[str]) -> str:
    return seg[0].strip().upper()


def _patient_id(r: _Reader, pid, order: tuple[str, ...]) -> tuple[str, str, str]:
    """(id, authority, field) from the first non-empty ID field of ``order``."""
    for name in order:
        n = int(name.split("-")[1])
        reps = r.reps(pid, n)
        ids = []
        for k in range(1, len(reps) + 1):
            value = r.text(pid, n, k, 1)
            if value:
                ids.append((value, r.text(pid, n, k, 4), r.text(pid, n, k, 5).upper()))
        ids.sort(key=lambda t: t[2] != "MR")
        if ids:
            return ids[0][0], ids[0][1], name
    return "", "", order[0]


def _patient(r: _Reader, pid, settings: LabFeedSettings) -> PatientInfo:
    mrn, authority, where = _patient_id(r, pid, settings.patient_id_fields)
    born = dtm_to_iso(r.text(pid, 7)[:8]) if r.text(pid, 7) else None
    return PatientInfo(
        mrn=mrn, authority=authority, id_field=where,
        family=r.text(pid, 5, 1, 1), given=r.text(pid, 5, 1, 2),
        birth_date=date.fromisoformat(born) if born else None,
        sex=_SEX.get(r.text(pid, 8).upper()[:1]),
    )


class _Obx:
    """Reads one OBX into an IncomingLab, a skip or a rejection (see the module docstring)."""

    def __init__(self, r: _Reader, seg, where: str, times: dict[str, str], today: date,
                 settings: LabFeedSettings) -> None:
        self.r, self.seg, self.where, self.times, self.today = r, seg, where, times, today
        self.settings = settings
        self.notes: list[str] = []
        self.problems: list[str] = []

    def bad(self, field: str, problem: str) -> None:
        self.problems.append(f"{self.where}, {field}: {problem}")

    def read(self) -> tuple[IncomingLab | None, str | None, tuple[str, str] | None]:
        """(result, skip reason, unmapped (code, name))."""
        r, seg = self.r, self.seg
        ident, text = r.text(seg, 3, 1, 1), r.text(seg, 3, 1, 2)
        obx4 = r.text(seg, 4) if not text else ""
        match = self.settings.codes.match(ident, text, r.text(seg, 3, 1, 4),
                                          r.text(seg, 3, 1, 5), obx4)
        if match is None:
            name = text or r.text(seg, 3, 1, 5) or (obx4 if not obx4.isdigit() else "")
            return None, f"{self.where}: not a BoneMet analyte (OBX-3)", (ident, name)
        status = r.text(seg, 11).upper()
        if status in _NOT_FINAL:
            return None, f"{self.where}: {_NOT_FINAL[status]} result (OBX-11 {status})", None
        if status not in _FINAL + _RETRACT:
            self.bad("OBX-11", f"{_show(status)} is not a result status")
            return None, None, None
        if status == "":
            self.notes.append(f"{self.where}, OBX-11: empty, taken as final (F)")
        when, time_field = self.time()
        if status in _RETRACT:
            return self.retraction(match.analyte, when, time_field), None, None
        return self.result(match, status, when, time_field), None, None

    def time(self) -> tuple[str | None, str]:
        for field, dtm in (("OBX-14", self.r.text(self.seg, 14)),
                           ("OBR-7", self.times["OBR-7"]), ("OBR-14", self.times["OBR-14"]),
                           ("MSH-7", self.times["MSH-7"])):
            if dtm:
                iso = dtm_to_iso(dtm)
                if iso is None:
                    self.bad(field, "not a valid date-time (YYYYMMDD[HHMM[SS]][+ZZZZ])")
                elif field == "MSH-7":
                    self.notes.append(_MESSAGE_TIME)
                return iso, field
        self.bad("OBX-14", "required (no observation date-time in OBX-14, OBR-7, OBR-14 "
                 "or MSH-7)")
        return None, "OBX-14"

    def retraction(self, analyte: str, when: str | None, field: str) -> IncomingLab | None:
        if when is None or self.problems:
            return None
        try:
            lab = parse_record("lab", {"date": when, "analyte": analyte, "value": 0.0,
                                       "unit": units_of(analyte).split(", ")[0]}, self.today)
        except ValidationFailed as exc:
            for e in exc.errors:
                self.bad(field if e.field == "date" else _POSITIONS.get(e.field, e.field),
                         e.message)
            return None
        return IncomingLab(lab, self.where, retracts=True)

    def value(self) -> tuple[str | None, float] | None:
        r, seg = self.r, self.seg
        vtype = r.text(seg, 2).upper()
        if vtype not in _VALUE_TYPES:
            self.bad("OBX-2", f"value type {_show(vtype)} is not numeric (NM, SN or ST)")
            return None
        reps = r.reps(seg, 5)
        if len(reps) > 1:
            self.bad("OBX-5", "more than one value")
            return None
        comps = r.comps(reps[0]) if reps else [""]
        try:
            parts = [r.strict(c) for c in comps]
        except EscapeError as exc:
            self.bad("OBX-5", f"{exc}: the value cannot be read")
            return None
        if len(parts) > 1 or vtype == "SN":
            parts += ["", "", ""]
            if parts[0] not in ("", "=", "<", ">", "<=", ">=") or any(parts[2:4]):
                self.bad("OBX-5", "a ratio, range or structured value cannot be stored")
                return None
            text = parts[0] + parts[1]
        else:
            text = parts[0]
        got = parse_value(text)
        if isinstance(got, str):
            self.bad("OBX-5", got)
            return None
        return got

    def unit(self, analyte: str, site_unit: str | None) -> str | None:
        reps = self.r.reps(self.seg, 6)
        try:
            comps = [self.r.strict(c) for c in self.r.comps(reps[0])] if reps else []
        except EscapeError as exc:
            self.bad("OBX-6", str(exc))
            return None
        comps += [""] * (5 - len(comps))
        candidates = [comps[0], f"{comps[0]}^{comps[1]}" if comps[1] else "", comps[1],
                      comps[3], comps[4]]
        sent = [c for c in candidates if c]
        for c in sent:
            unit = unit_for(analyte, c)
            if unit is not None:
                return unit
        if not sent and site_unit:
            self.notes.append(f"{self.where}, OBX-6: no unit sent: the site code map's unit "
                              "is used")
            return unit_for(analyte, site_unit) or site_unit
        if not sent:
            self.bad("OBX-6", "required (no unit)")
        else:
            self.bad("OBX-6", f"{_show(sent[0])} is not a unit of {analyte} "
                     f"({units_of(analyte)})")
        return None

    def ref_range(self) -> tuple[str, tuple[float | None, float | None]] | None:
        reps = self.r.reps(self.seg, 7)
        try:  # "3.5~5.5" sent unescaped splits into repetitions: read them back as one text
            text = "~".join(self.r.strict(x) for x in reps)
        except EscapeError as exc:
            self.bad("OBX-7", str(exc))
            return None
        got = parse_range(text)
        if got is None:
            self.bad("OBX-7", "expected a reference range like 3.5-5.5, 16.3--73.9, 7 ~ 40, "
                     "<5 or >30")
            return None
        if len(text) > _REF_TEXT_MAX:
            self.bad("OBX-7", f"at most {_REF_TEXT_MAX} characters")
            return None
        return text, got

    def flag(self) -> tuple[bool, str | None]:
        """(flag given, flag)."""
        raw = self.r.text(self.seg, 8)
        key = raw.upper() if raw.isascii() else raw
        if key in FLAGS:
            return bool(FLAGS[key]), FLAGS[key]
        self.notes.append(f"{self.where}, OBX-8: {_show(raw)} is not a known flag: the flag "
                          "is derived from the range")
        return False, None

    def result(self, match, status: str, when: str | None, time_field: str
               ) -> IncomingLab | None:
        analyte = match.analyte
        value = self.value()
        unit = self.unit(analyte, match.unit)
        ref = self.ref_range()
        given, flag = self.flag()
        method = self.r.text(self.seg, 17, 1, 2) or self.r.text(self.seg, 17, 1, 1) or None
        if method is not None and len(method) > _METHOD_MAX:
            self.bad("OBX-17", f"at most {_METHOD_MAX} characters")
        if self.problems or value is None or unit is None or ref is None or when is None:
            return None
        comparator, number = value
        ref_text, (low, high) = ref
        try:
            lab = parse_record("lab", {"date": when, "analyte": analyte, "value": number,
                                       "unit": unit, "ref_low": low, "ref_high": high,
                                       "method": method}, self.today)
        except ValidationFailed as exc:
            for e in exc.errors:
                self.bad(time_field if e.field == "date" else _POSITIONS.get(e.field, e.field),
                         e.message)
            return None
        if comparator is not None:
            lab = replace(lab, comparator=comparator)
            flag = flag if given else _censored_flag(comparator, number, low, high)
            given = True
        if note := loinc_unit_note(match.loinc, unit):
            self.notes.append(f"{self.where}, OBX-3: {note}")
        return IncomingLab(lab, self.where, loinc=match.loinc, flag=flag,
                           flag_given=given,
                           ref_text=ref_text if (low, high) != (None, None) else None,
                           corrects=status == "C")


def _censored_flag(comparator: str, bound: float, low: float | None, high: float | None
                   ) -> str | None:
    """The flag of ``< bound`` / ``> bound`` when the bound decides it, else None."""
    if comparator.startswith("<"):
        if low is not None and bound <= low:
            return "L"
        return None
    if high is not None and bound >= high:
        return "H"
    return None


def _message(index: int, segments: list[str], today: date, settings: LabFeedSettings
             ) -> ImportUnit:
    unit = ImportUnit(f"message #{index}", None, "hl7:unknown", mrn_field="PID-3",
                      raw="\r".join(segments))
    header = segments[0]
    if len(header) < 8 or header[3] in "^~\\&" or header[3].isalnum():
        unit.problems.append("MSH: malformed message header")
        return unit
    r = _Reader(header)
    msg = [r.segment(text) for text in segments]
    msh = msg[0]
    control = r.text(msh, 10)
    if control:
        unit.label = f"message {control[:40]}"
        unit.control_id = control[:40]
    mtype, trigger = r.text(msh, 9, 1, 1).upper(), r.text(msh, 9, 1, 2).upper()
    if (mtype, trigger) != ("ORU", "R01"):
        unit.problems.append(f"MSH-9: {_show(mtype + '^' + trigger)} is not ORU^R01 "
                             "(only lab results are imported)")
        return unit
    facility = r.text(msh, 4) or r.text(msh, 3)
    unit.source = f"hl7:{facility or 'unknown'}"
    pids = [s for s in msg if _seg_name(s) == "PID"]
    if len(pids) != 1:
        unit.problems.append("PID: missing" if not pids else "PID: more than one patient")
        return unit
    unit.patient = _patient(r, pids[0], settings)
    unit.mrn, unit.mrn_field = unit.patient.mrn or None, unit.patient.id_field
    if not unit.mrn:
        unit.problems.append(f"{'/'.join(settings.patient_id_fields)}: required (the "
                             "patient's ID)")
    times = {"OBR-7": "", "OBR-14": "", "MSH-7": r.text(msh, 7)}
    k = 0
    for seg in msg:
        name = _seg_name(seg)
        if name == "OBR":
            times.update({"OBR-7": r.text(seg, 7), "OBR-14": r.text(seg, 14)})
        elif name == "OBX":
            k += 1
            _read_obx(unit, _Obx(r, seg, f"OBX {k}", times, today, settings), k)
    if k == 0:
        unit.problems.append("OBX: no observation in the message")
    return unit


def _read_obx(unit: ImportUnit, obx: _Obx, k: int) -> None:
    result, skip, unmapped = obx.read()
    unit.rejected.extend(obx.problems)
    if skip:
        unit.skipped.append(skip)
    if unmapped is not None:
        unit.skipped_codes.append(unmapped)
    if result is not None and not obx.problems:
        source_id = f"{unit.control_id}/{k}" if unit.control_id else None
        if source_id and result.corrects:
            source_id += "/C"  # a correction is another report of the same result
        unit.labs.append(replace(result, source_id=source_id))
        unit.notes.extend(n for n in obx.notes if n not in unit.notes)


def parse_hl7_text(text: str, *, today: date | None = None,
                   settings: LabFeedSettings | None = None) -> list[ImportUnit]:
    """One import unit per ORU^R01 message of a decoded file (see the module docstring)."""
    day = today or date.today()
    conf = settings or LabFeedSettings()
    return [_message(i, segs, day, conf) for i, segs in enumerate(split_messages(text), 1)]

