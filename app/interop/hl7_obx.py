"""One OBX of an ORU^R01 message → a result to store, a skip, or a rejection naming the field.

Used by :mod:`app.interop.hl7_labs` (which reads the message around it: header, patient,
order times); the field rules are those of its docstring. :class:`Reader` gives access to a
message's fields with its own separators; :class:`ObxReader` reads one OBX.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

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
from app.services.lab_import import IncomingLab
from app.services.records_validate import ValidationFailed, parse_record

__all__ = ["MESSAGE_TIME", "ObxReader", "Reader", "show"]

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
MESSAGE_TIME = ("no observation time (OBX-14, OBR-7, OBR-14): the message time (MSH-7) is "
                "used")


def show(text: str) -> str:
    """A short quoted code (units, types, flags — never values)."""
    return repr(text if len(text) <= 20 else text[:17] + "...")


class Reader:
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


class ObxReader:
    """Reads one OBX into an IncomingLab, a skip or a rejection (see the module docstring)."""

    def __init__(self, r: Reader, seg, where: str, times: dict[str, str], today: date,
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
            self.bad("OBX-11", f"{show(status)} is not a result status")
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
                    self.notes.append(MESSAGE_TIME)
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
            self.bad("OBX-2", f"value type {show(vtype)} is not numeric (NM, SN or ST)")
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
            self.bad("OBX-6", f"{show(sent[0])} is not a unit of {analyte} "
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
        self.notes.append(f"{self.where}, OBX-8: {show(raw)} is not a known flag: the flag "
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


