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

from app.interop.hl7_fields import dtm_to_iso
from app.interop.hl7_obx import ObxReader, Reader, show
from app.interop.lab_feed_config import LabFeedSettings
from app.interop.lab_files import LabFileError
from app.services.lab_import import ImportUnit, PatientInfo

__all__ = ["LabFileError", "dtm_to_iso", "parse_hl7_text", "split_messages"]

for _logger in (hl7.util.logger, hl7.containers.logger, logging.getLogger("hl7")):
    _logger.disabled = True  # they log raw fields (patient identifiers, values)

_ENVELOPE = ("FHS", "BHS", "BTS", "FTS")
_SEX = {"F": "female", "M": "male"}

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


def _seg_name(seg: list[str]) -> str:
    return seg[0].strip().upper()


def _patient_id(r: Reader, pid, order: tuple[str, ...]) -> tuple[str, str, str]:
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


def _patient(r: Reader, pid, settings: LabFeedSettings) -> PatientInfo:
    mrn, authority, where = _patient_id(r, pid, settings.patient_id_fields)
    born = dtm_to_iso(r.text(pid, 7)[:8]) if r.text(pid, 7) else None
    return PatientInfo(
        mrn=mrn, authority=authority, id_field=where,
        family=r.text(pid, 5, 1, 1), given=r.text(pid, 5, 1, 2),
        birth_date=date.fromisoformat(born) if born else None,
        sex=_SEX.get(r.text(pid, 8).upper()[:1]),
    )


def _message(index: int, segments: list[str], today: date, settings: LabFeedSettings
             ) -> ImportUnit:
    unit = ImportUnit(f"message #{index}", None, "hl7:unknown", mrn_field="PID-3",
                      raw="\r".join(segments))
    header = segments[0]
    if len(header) < 8 or header[3] in "^~\\&" or header[3].isalnum():
        unit.problems.append("MSH: malformed message header")
        return unit
    r = Reader(header)
    msg = [r.segment(text) for text in segments]
    msh = msg[0]
    control = r.text(msh, 10)
    if control:
        unit.label = f"message {control[:40]}"
        unit.control_id = control[:40]
    mtype, trigger = r.text(msh, 9, 1, 1).upper(), r.text(msh, 9, 1, 2).upper()
    if (mtype, trigger) != ("ORU", "R01"):
        unit.problems.append(f"MSH-9: {show(mtype + '^' + trigger)} is not ORU^R01 "
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
            _read_obx(unit, ObxReader(r, seg, f"OBX {k}", times, today, settings), k)
    if k == 0:
        unit.problems.append("OBX: no observation in the message")
    return unit


def _read_obx(unit: ImportUnit, obx: ObxReader, k: int) -> None:
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

