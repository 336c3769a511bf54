"""Apply lab results parsed from an HL7 v2 or CSV file to the registry.

The parsers turn a file into :class:`ImportUnit` s (:mod:`app.services.lab_import_types`), one
per HL7 message or CSV row, each result with its own outcome. :func:`apply_lab_import` writes
them:

- **One transaction per HL7 message** (the unit of acceptance: a message committed is
  durable); CSV rows are written 500 to a transaction (a row is still all-or-nothing: it was
  checked whole before; a database error rejects the batch, naming it for each row). A unit
  with a message-level problem (or an unknown patient) is rejected whole; otherwise its
  results are stored one by one: a result rejected by the parser costs only itself.
- **Right patient or nobody.** An HL7 message is matched by ID, then checked on the
  assigning authority and the demographics (:mod:`app.services.lab_match`); any doubt puts
  the whole message in the review queue (:mod:`app.services.lab_review`) instead of a chart.
- Each result is stored **as reported**: value (with its comparator, ``< 0.010``), unit,
  reference range (numbers and text as sent), flag (as sent, else derived from the range —
  for a censored value only when the bound decides it), method, collection date and time,
  LOINC (as sent, else the §1 code), ``source`` and ``source_id``.
- **Idempotent, race-free.** A result is a duplicate when the registry holds the same analyte,
  collection date and time, value and unit (also an entered-in-error one: a re-import never
  resurrects a withdrawn result), or the same natural key (patient, analyte, collection date,
  source, source ID) — a natural key already stored with *another* value is rejected, never
  overwritten. A unique index on the natural key makes two concurrent imports of one file store
  each result once: the loser's unit is rolled back and retried, and then finds duplicates.
  The stored rows are read once per patient per import (no per-result query).
- **Corrections** (``C``) replace the patient's one current result of the analyte at that
  collection time (a new row whose ``replaces_id`` points at the old one); none → stored as new
  (noted); several → rejected (it cannot tell which). **Retractions** (``W``/``D``) mark that
  one result entered in error, the laboratory being the reason; nothing is ever deleted.
- **Summaries** (registry list, worklist) are refreshed once per patient at the end of the
  import, each in its own transaction (``bonemet refresh-summaries`` recomputes them if the
  import was interrupted in between).
- **Dry run** does every check and writes nothing.

Reports carry unit labels, OBX positions, field names and counts — never an MRN, a name or a
value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.services.lab_import_types import (
    ImportReport,
    ImportUnit,
    IncomingLab,
    PatientInfo,
    UnitOutcome,
)
from app.services.lab_match import id_only, review_reasons
from app.services.lab_review import queue_message
from app.services.lab_rows import Writer, refresh_summaries

#: CSV rows per transaction (each row in its own savepoint).
CSV_BATCH = 500

__all__ = [
    "ImportReport", "ImportUnit", "IncomingLab", "PatientInfo", "UnitOutcome",
    "apply_lab_import",
]


class _Rejected(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _rejected_results(unit: ImportUnit) -> int:
    """Results the parser rejected (a result with two bad fields counts once)."""
    return len({p.split(",", 1)[0] for p in unit.rejected})


def _outcome(unit: ImportUnit, status: str, reasons: Iterable[str], **counts) -> UnitOutcome:
    return UnitOutcome(unit.label, status, left_out=len(unit.skipped), reasons=tuple(reasons),
                       rejected_results=_rejected_results(unit),
                       skipped_codes=tuple(unit.skipped_codes), notes=tuple(unit.notes),
                       **counts)


def _apply_unit(w: Writer, unit: ImportUnit, accepted: frozenset[str],
                check_patient: bool) -> UnitOutcome:
    found = w.patient(unit.mrn or "")
    if found is None:
        raise _Rejected(f"{unit.mrn_field}: no patient with this MRN in the registry")
    pid, name, birth, sex = found
    if check_patient and unit.labs:  # a message with nothing to store is not held
        reasons = review_reasons(unit.patient, name, birth, sex, accepted)
        if reasons:
            if not w.dry_run:
                queue_message(w.session, unit, w.actor, pid, reasons)
            return _outcome(unit, "queued", reasons + unit.rejected)
    rows = w.rows(pid)
    written = corrected = duplicates = retracted = 0
    rejected: list[str] = []
    notes: list[str] = []
    for item in unit.labs:
        where = f"{item.where}: " if item.where else ""
        if item.retracts:
            got = w.retract(rows, pid, item, unit)
            if got.startswith("retracted"):
                retracted += 1
            else:
                (rejected if got.startswith("rejected") else notes).append(
                    where + got.removeprefix("rejected: "))
            continue
        kind = rows.classify(item, unit.source)
        if kind == "duplicate":
            duplicates += 1
            continue
        if kind == "conflict":
            rejected.append(f"{where}its source ID is already stored with another value: "
                            "send a correction (OBX-11 C)")
            continue
        current = rows.current(item.lab) if item.corrects else []
        if len(current) > 1:
            rejected.append(f"{where}OBX-11 C: several stored results at this time; cannot "
                            "tell which one it corrects")
            continue
        if item.corrects and not current:
            notes.append(f"{where}OBX-11 C: no stored result to correct: stored as new")
        try:
            w.store(rows, pid, item, unit, current[0] if current else None)
        except w.FieldTooLong as exc:
            rejected.append(f"{where}{exc.field}: {exc.problem}")
            continue
        written += 1
        corrected += bool(current)
    reasons = list(unit.skipped) + list(unit.rejected) + rejected
    if duplicates:
        reasons.append(f"{duplicates} result(s) already in the registry")
    if check_patient and id_only(unit.patient):
        notes.append("matched by ID only (the message has no name, birth date or sex)")
    if written or retracted:
        w.touched.add(pid)
        status = "imported"
    elif unit.rejected or rejected:
        status = "rejected"
    else:
        status = "skipped"
    if status == "skipped" and not reasons:
        reasons.append("no results")
    out = _outcome(unit, status, reasons, imported=written, corrected=corrected,
                   duplicates=duplicates, retracted=retracted)
    return UnitOutcome(**{**out.__dict__, "rejected_results": _rejected_results(unit)
                          + len(rejected), "notes": out.notes + tuple(notes)})


def _kind(exc: BaseException) -> str:
    return type(getattr(exc, "orig", None) or exc).__name__


def _db_error(kind: str) -> str:
    return f"database error ({kind}): nothing of it was written"


def _write_batch(db: Database, w: Writer, units: list[ImportUnit], accepted: frozenset[str],
                 check_patient: bool) -> list[UnitOutcome]:
    """One transaction for the batch; new results inserted together at its end."""
    outcomes: list[UnitOutcome] = []
    with db.session() as s:
        if s.get_bind().dialect.name == "sqlite":
            # take the write lock now: a read-then-write could otherwise meet another
            # importer's commit (SQLITE_BUSY_SNAPSHOT) instead of waiting for it
            s.connection().exec_driver_sql("BEGIN IMMEDIATE")
        w.begin(s)
        for unit in units:
            if unit.problems:
                outcomes.append(_outcome(unit, "rejected", unit.problems))
                continue
            try:
                outcomes.append(_apply_unit(w, unit, accepted, check_patient))
            except _Rejected as exc:  # raised before anything of the unit was written
                outcomes.append(_outcome(unit, "rejected", (exc.reason,)))
        w.flush()
        if w.dry_run:
            s.rollback()  # nothing of a dry run is ever committed
    return outcomes


def _run_batch(db: Database, w: Writer, units: list[ImportUnit], accepted: frozenset[str],
               check_patient: bool) -> list[UnitOutcome]:
    """All of the batch or nothing of it; a unique-key conflict (another import stored the
    same result meanwhile) is retried once with the registry read again."""
    kind = "IntegrityError"
    for _attempt in (1, 2):
        try:
            return _write_batch(db, w, units, accepted, check_patient)
        except IntegrityError:
            w.forget()
        except SQLAlchemyError as exc:  # rolled back; the driver's text may hold values
            w.forget()
            kind = _kind(exc)
            break
    return [_outcome(u, "rejected", u.problems or (_db_error(kind),)) for u in units]


def apply_lab_import(db: Database, units: list[ImportUnit], actor: str, *,
                     dry_run: bool = False, params: Params = DEFAULTS,
                     today: Callable[[], date] = date.today,
                     progress: Callable[[int, int], None] | None = None,
                     accepted_authorities: Iterable[str] = (),
                     check_patient: bool = True,
                     refresh: bool = True, batch: int | None = None,
                     cancel: Callable[[], bool] | None = None) -> ImportReport:
    """Write the units (none in a dry run); see the module docstring. ``progress(done,
    total)`` is called after each batch. ``check_patient=False`` skips the demographic check (a
    reviewer assigned the message); ``refresh=False`` leaves the summaries to the caller.
    ``batch``: units per transaction (default: 1 for HL7 messages — the unit of acceptance —,
    500 for CSV rows). ``cancel()`` is asked before each batch: once it says True, the units
    not yet written are reported as skipped ("import cancelled") and the summaries of the
    patients already changed are still refreshed."""
    report = ImportReport(dry_run=dry_run)
    w = Writer(actor, dry_run)
    accepted = frozenset(accepted_authorities)
    size = batch or (1 if any(u.raw is not None for u in units[:1]) else CSV_BATCH)
    for start in range(0, len(units), size):
        chunk = units[start:start + size]
        if cancel is not None and cancel():
            report.cancelled = True
            report.outcomes.extend(_outcome(u, "skipped", ("import cancelled: not imported",))
                                   for u in units[start:])
            break
        report.outcomes.extend(_run_batch(db, w, chunk, accepted, check_patient))
        if progress is not None:
            progress(start + len(chunk), len(units))
    if refresh and not dry_run and w.touched:
        report.patients_refreshed = refresh_summaries(db, sorted(w.touched), today(), params)
    return report
