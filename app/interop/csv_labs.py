"""CSV lab results → import units (one per row: each row is its own transaction).

The format (UTF-8, a BOM is accepted; GBK/GB18030 with ``--encoding gbk`` or by the automatic
fallback)::

    mrn,date,analyte,value,unit,ref_low,ref_high,fasting,method
    BM-0001,2026-11-02,CTX,812,pg/mL,136,689,true,ECLIA
    BM-0001,2026-11-02T07:05:00+08:00,CREA,0.9,mg/dL,,,,

- The header names the columns (any order, case-insensitive). ``mrn``, ``date``, ``analyte``,
  ``value`` and ``unit`` are required columns; ``ref_low``, ``ref_high``, ``fasting`` and
  ``method`` are optional. An unknown or repeated column name makes the whole file unreadable.
- ``date``: ``YYYY-MM-DD`` or an ISO date-time (the collection time; offset kept), not after
  today. ``analyte``: a rule-book §1 key (``ALP``, ``CTX``, ``CREA``, …; case-insensitive).
  ``value``, ``ref_low``, ``ref_high``: non-negative decimal numbers in the reported unit.
  ``unit``: a unit of the analyte (§1), stored as written. ``fasting``: ``true``/``false``
  (also ``yes``/``no``, ``1``/``0``, ``是``/``否``) or empty = unknown. ``method``: text, at
  most 100 characters.
- Blank lines are ignored. A row with a problem is rejected (and only that row) with a message
  naming its line and field — ``line 7, unit: 'mmol/L' is not a unit of CTX`` — never its MRN
  or value.
- **Strict quoting, one record per line**: each line is read on its own by Python's csv module
  (``strict=True``); a stray or unclosed quote rejects that line with its number and nothing of
  it is stored — it never swallows the following lines. A value cannot span lines.
- The line number is the result's source ID (natural key with the file name as source): the
  same file imported twice, or by two processes at once, stores each row once.

Why one transaction per row: a CSV row is one result of one patient and stands on its own (a
file usually mixes patients), so a bad row costs only itself; re-importing the corrected file is
safe because rows already stored are recognised as duplicates.
"""

from __future__ import annotations

import csv
import re
from datetime import date

from app.data.patient_rows import MRN_MAX
from app.interop.lab_files import LabFileError
from app.services.lab_import import ImportUnit, IncomingLab
from app.services.records_validate import ValidationFailed, parse_record

__all__ = ["COLUMNS", "REQUIRED", "parse_csv_text"]

COLUMNS = ("mrn", "date", "analyte", "value", "unit", "ref_low", "ref_high", "fasting",
           "method")
REQUIRED = ("mrn", "date", "analyte", "value", "unit")
_NUMBER = re.compile(r"^\+?(\d+(\.\d*)?|\.\d+)$")
_TRUE = ("true", "yes", "y", "1", "是")
_FALSE = ("false", "no", "n", "0", "否")
_METHOD_MAX = 100
_LINES = re.compile(r"\r\n|\r|\n")



def _header(row: list[str]) -> list[str]:
    names = [c.strip().lower() for c in row]
    for name in names:
        if name not in COLUMNS:
            shown = name if len(name) <= 20 else name[:17] + "..."
            raise LabFileError("header", f"unknown column {shown!r} (expected "
                               + ",".join(COLUMNS) + ")")
    for name in names:
        if names.count(name) > 1:
            raise LabFileError("header", f"column {name!r} appears twice")
    for name in REQUIRED:
        if name not in names:
            raise LabFileError("header", f"missing column {name!r}")
    return names


def _row(values: dict[str, str], today: date) -> tuple[dict | None, list[str]]:
    problems: list[str] = []
    obj: dict[str, object] = {}
    for key in ("value", "ref_low", "ref_high"):
        text = values.get(key, "")
        if text:
            if _NUMBER.match(text):
                obj[key] = float(text)
            else:
                problems.append(f"{key}: expected a non-negative decimal number")
    fasting = values.get("fasting", "").lower()
    if fasting in _TRUE:
        obj["fasting"] = True
    elif fasting in _FALSE:
        obj["fasting"] = False
    elif fasting:
        problems.append("fasting: expected true or false (or empty = unknown)")
    method = values.get("method", "")
    if len(method) > _METHOD_MAX:
        problems.append(f"method: at most {_METHOD_MAX} characters")
    elif method:
        obj["method"] = method
    obj["date"] = values.get("date") or None
    obj["analyte"] = values.get("analyte", "").upper() or None
    obj["unit"] = values.get("unit") or None
    return obj, problems


def _records(text: str):
    """(line number, fields or the csv error text) per non-blank physical line. Each line is
    one record, read with strict quoting: a quote left open rejects that line only (it never
    swallows the next ones); a value cannot span lines."""
    for n, line in enumerate(_LINES.split(text.removeprefix("\ufeff")), 1):
        if not line.strip():
            continue
        try:
            rows = list(csv.reader([line], strict=True))
        except csv.Error as exc:
            yield n, str(exc)
            continue
        yield n, rows[0] if rows else []


def parse_csv_text(text: str, file_name: str, *, today: date | None = None
                   ) -> list[ImportUnit]:
    """One import unit per data line of a decoded CSV file (see the module docstring)."""
    day = today or date.today()
    records = _records(text)
    header = None
    for n, row in records:
        if isinstance(row, str):
            raise LabFileError(f"line {n}", f"not valid CSV ({row})")
        if any(c.strip() for c in row):
            header = _header(row)
            break
    if header is None:
        raise LabFileError("header", "the file has no header line")
    source = f"csv:{file_name}"
    units: list[ImportUnit] = []
    for n, row in records:
        if isinstance(row, str):
            unit = ImportUnit(f"line {n}", None, source, mrn_field="mrn")
            unit.problems.append(f"not valid CSV ({row}): a quote is not closed or is "
                                 "misplaced; nothing of this line is stored")
            units.append(unit)
        elif any(c.strip() for c in row):
            units.append(_unit(row, header, f"line {n}", source, day))
    if not units:
        raise LabFileError("file", "no data rows after the header")
    return units


def _unit(row: list[str], header: list[str], label: str, source: str, today: date
          ) -> ImportUnit:
    unit = ImportUnit(label, None, source, mrn_field="mrn")
    if len(row) != len(header):
        unit.problems.append(f"expected {len(header)} fields, found {len(row)}")
        return unit
    values = {name: cell.strip() for name, cell in zip(header, row, strict=True)}
    unit.mrn = values["mrn"] or None
    if unit.mrn is None:
        unit.problems.append("mrn: required")
    elif len(unit.mrn) > MRN_MAX:
        unit.problems.append(f"mrn: at most {MRN_MAX} characters")
    obj, problems = _row(values, today)
    unit.problems.extend(problems)
    bad = {p.split(":", 1)[0] for p in problems}
    clean = {k: v for k, v in obj.items() if k not in bad}
    if "value" in bad:
        clean["value"] = 0.0  # reported above; keeps the other fields checked
    try:
        lab = parse_record("lab", clean, today)
    except ValidationFailed as exc:
        unit.problems.extend(f"{e.field}: {e.message}" for e in exc.errors)
        return unit
    if not unit.problems:
        unit.labs.append(IncomingLab(lab, source_id=label))
    return unit
