"""Apply lab results parsed from an HL7 v2 or CSV file to the registry.

The file parsers (:mod:`app.interop.hl7_labs`, :mod:`app.interop.csv_labs`) turn a file into
:class:`ImportUnit` s — one per HL7 message or per CSV row — each already validated field by
field. :func:`apply_lab_import` writes them:

- **One transaction per unit.** A unit's results, their audit rows and the patient's refreshed
  cached summary are committed together, or nothing of the unit is written. A unit with any
  problem (bad field, unknown MRN) is *rejected whole*; the other units are still imported.
- Each result is stored **as reported**: value, unit, reference range (numbers and the text as
  sent), flag (as sent, else derived from the range), method, collection date and time, the
  LOINC code (as sent, else the §1 code for analyte + unit), and ``source`` (``hl7:<sending
  facility>`` or ``csv:<file name>``). Fasting is unknown unless the file says.
- **Idempotent.** A result identical to one already stored for the patient (same analyte,
  collection date and time, value and unit — also when that row was later marked entered in
  error, so a re-import never resurrects a withdrawn result) is skipped and counted, so
  importing the same file twice changes nothing the second time.
- **Corrections.** An HL7 result with status ``C`` (corrected) replaces the patient's one
  current result of the same analyte and collection time (a new row whose ``replaces_id``
  points at the old one, which is kept); with none — or several, when it cannot tell which —
  it is stored as a new result.
- A database error in a unit (e.g. a constraint violated by a concurrent change) rolls that
  unit back and rejects it, naming only the error's kind; the other units go on.
- **Dry run** (``dry_run=True``) does every check (MRN lookup and duplicates included) and
  writes nothing.

Reports carry unit labels (``message 3``, ``line 7``), field positions and counts — never an
MRN, a name or a value.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.data import case_repo, record_repo
from app.data import models as M
from app.data.engine import Database
from app.data.patient_repo import store_summary
from app.domain.assess import assess
from app.domain.case import Lab
from app.domain.params import DEFAULTS, Params
from app.domain.summary import summarize
from app.domain.units import normalise_unit
from app.services.audit import write_audit

__all__ = [
    "ImportReport", "ImportUnit", "IncomingLab", "UnitOutcome", "apply_lab_import",
]

_ENTITY = "lab_result"
_SOURCE_MAX = 100


@dataclass(frozen=True)
class IncomingLab:
    """One validated result of a unit."""

    lab: Lab  # value and unit as reported; ``at`` set when the source gave a time
    where: str = ""  # position in the unit for messages, e.g. "OBX 2"
    loinc: str | None = None  # LOINC code as sent (None: the §1 code for analyte + unit)
    flag: str | None = None  # H / L / N as sent (None: derived from the range)
    ref_text: str | None = None  # reference range as sent (None: composed from the numbers)
    corrects: bool = False  # HL7 result status C: replaces the current result


@dataclass
class ImportUnit:
    """One HL7 message or one CSV row: imported in one transaction, or rejected whole."""

    label: str  # "message 3" / "line 7"
    mrn: str | None
    source: str  # "hl7:<sending facility>" / "csv:<file name>"
    labs: list[IncomingLab] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # any → rejected whole
    skipped: list[str] = field(default_factory=list)  # results left out at parse time, why
    mrn_field: str = "mrn"  # how the file names the MRN field (HL7: "PID-3")


@dataclass(frozen=True)
class UnitOutcome:
    label: str
    status: str  # "imported" | "skipped" | "rejected"
    imported: int = 0  # results written (or, in a dry run, that would be written)
    corrected: int = 0  # of which corrections of a stored result
    duplicates: int = 0  # results already in the registry
    left_out: int = 0  # results left out by the parser (preliminary, cancelled, not tracked)
    reasons: tuple[str, ...] = ()


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do)."""

    dry_run: bool = False
    outcomes: list[UnitOutcome] = field(default_factory=list)

    def _count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def read(self) -> int:
        return len(self.outcomes)

    @property
    def imported(self) -> int:
        return self._count("imported")

    @property
    def skipped(self) -> int:
        return self._count("skipped")

    @property
    def rejected(self) -> int:
        return self._count("rejected")

    @property
    def results_imported(self) -> int:
        return sum(o.imported for o in self.outcomes)

    @property
    def results_duplicate(self) -> int:
        return sum(o.duplicates for o in self.outcomes)

    @property
    def results_left_out(self) -> int:
        return sum(o.left_out for o in self.outcomes)


def _source(unit: ImportUnit) -> str:
    return unit.source[:_SOURCE_MAX]


def _same_result(row: M.LabResult, lab: Lab) -> bool:
    return (row.on_date == lab.date and row.at_time == lab.at and row.value == lab.value
            and normalise_unit(row.unit) == normalise_unit(lab.unit))


def _stored(s: Session, patient_id: int, analyte: str, on: date) -> list[M.LabResult]:
    """Every stored row (entered-in-error ones too) of the analyte on that date."""
    return list(s.scalars(select(M.LabResult).where(
        M.LabResult.patient_id == patient_id, M.LabResult.analyte == analyte,
        M.LabResult.on_date == on,
    ).order_by(M.LabResult.id)))


def _current(rows: list[M.LabResult], lab: Lab) -> list[M.LabResult]:
    """Valid, not superseded rows taken at the same collection time as ``lab``."""
    replaced = {r.replaces_id for r in rows if r.replaces_id and not r.entered_in_error}
    return [r for r in rows if not r.entered_in_error and r.id not in replaced
            and r.at_time == lab.at]


class _Rejected(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _extra(unit: ImportUnit, item: IncomingLab) -> dict[str, object]:
    extra: dict[str, object] = {"source": _source(unit)}
    if item.loinc is not None:
        extra["loinc"] = item.loinc
    if item.flag is not None:
        extra["flag"] = item.flag
    if item.ref_text is not None:
        extra["ref_text"] = item.ref_text
    return extra


def _key(pid: int, lab: Lab) -> tuple:
    return (pid, lab.analyte, lab.date, lab.at, lab.value, normalise_unit(lab.unit))


def _apply_unit(s: Session, unit: ImportUnit, actor: str, today: date, params: Params,
                seen: set[tuple], keys: list[tuple]) -> UnitOutcome:
    pid = case_repo.find_patient_id(s, unit.mrn or "")
    if pid is None:
        raise _Rejected(f"{unit.mrn_field}: no patient with this MRN in the registry")
    written = corrected = duplicates = 0
    for item in unit.labs:
        lab = copy.copy(item.lab)
        lab.rid = None
        rows = _stored(s, pid, lab.analyte, lab.date)
        key = _key(pid, lab)
        if key in seen or key in keys or any(_same_result(r, lab) for r in rows):
            duplicates += 1
            continue
        keys.append(key)
        where = f"{item.where}: " if item.where else ""
        try:
            current = _current(rows, lab) if item.corrects else []
            if len(current) == 1:
                old = current[0]
                new_id = record_repo.correct_record(s, _ENTITY, old.id, lab, actor, old.version,
                                                    **_extra(unit, item))
                write_audit(s, actor=actor, action="correct", entity=_ENTITY,
                            entity_id=new_id, patient_id=pid)
                corrected += 1
            else:
                new_id = case_repo.add_record(s, pid, lab, actor, **_extra(unit, item))
                write_audit(s, actor=actor, action="import", entity=_ENTITY, entity_id=new_id,
                            patient_id=pid)
        except case_repo.FieldTooLong as exc:
            raise _Rejected(f"{where}{exc.field}: {exc.problem}") from None
        except (record_repo.StaleRecordError, record_repo.RecordStateError):
            raise _Rejected(f"{where}the result it corrects was changed meanwhile; "
                            "import the file again") from None
        written += 1
    reasons = list(unit.skipped)
    if duplicates:
        reasons.append(f"{duplicates} result(s) already in the registry")
    if written:
        s.flush()
        case = case_repo.load_case(s, pid)
        store_summary(s, pid, summarize(case, assess(case, today, params), today), today)
    status = "imported" if written else "skipped"
    if not written and not reasons:
        reasons.append("no results")
    return UnitOutcome(unit.label, status, written, corrected, duplicates, len(unit.skipped),
                       tuple(reasons))


def apply_lab_import(db: Database, units: list[ImportUnit], actor: str, *,
                     dry_run: bool = False, params: Params = DEFAULTS,
                     today: Callable[[], date] = date.today,
                     progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Write the units, one transaction each (none in a dry run); see the module docstring.
    ``progress(done, total)`` is called after each unit."""
    report = ImportReport(dry_run=dry_run)
    day = today()
    seen: set[tuple] = set()  # results written (or that would be) by earlier units of this run
    for n, unit in enumerate(units, 1):
        if unit.problems:
            outcome = UnitOutcome(unit.label, "rejected", left_out=len(unit.skipped),
                                  reasons=tuple(unit.problems))
        else:
            keys: list[tuple] = []
            try:
                with db.session() as s:
                    outcome = _apply_unit(s, unit, actor, day, params, seen, keys)
                    if dry_run:
                        s.rollback()  # nothing of a dry run is ever committed
                seen.update(keys)
            except _Rejected as exc:
                outcome = UnitOutcome(unit.label, "rejected", left_out=len(unit.skipped),
                                      reasons=(exc.reason,))
            except SQLAlchemyError as exc:  # rolled back; the driver's text may hold values
                kind = type(getattr(exc, "orig", None) or exc).__name__
                outcome = UnitOutcome(unit.label, "rejected", left_out=len(unit.skipped),
                                      reasons=(f"database error ({kind}): nothing of it was "
                                               "written",))
        report.outcomes.append(outcome)
        if progress is not None:
            progress(n, len(units))
    return report
