"""The data an import carries: parsed units in, outcomes and the report out.

The file parsers (:mod:`app.interop.hl7_labs`, :mod:`app.interop.csv_labs`) produce
:class:`ImportUnit` s — one per HL7 message or CSV row — whose results each already have their
own outcome: :attr:`ImportUnit.labs` to store (or correct / retract), :attr:`ImportUnit.skipped`
and :attr:`ImportUnit.skipped_codes` (not imported, and why), :attr:`ImportUnit.rejected` (the
field and the reason). :attr:`ImportUnit.problems` are message-level faults: the unit is then
rejected whole. Nothing here ever holds a text with a patient identifier or a value except
``mrn``, ``patient`` and ``raw``, which the report never prints.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from app.domain.case import Lab

__all__ = ["ImportReport", "ImportUnit", "IncomingLab", "PatientInfo", "UnitOutcome"]


@dataclass(frozen=True)
class IncomingLab:
    """One validated result of a unit."""

    lab: Lab  # value and unit as reported; ``at`` set when the source gave a time
    where: str = ""  # position in the unit for messages, e.g. "OBX 2"
    loinc: str | None = None  # LOINC code as sent (None: the §1 code for analyte + unit)
    flag: str | None = None  # H / L / N as sent (None: derived from the range)
    ref_text: str | None = None  # reference range as sent (None: composed from the numbers)
    corrects: bool = False  # HL7 result status C: replaces the current result
    retracts: bool = False  # HL7 result status W / D: marks the stored result in error
    source_id: str | None = None  # the result's ID at the source (natural key)
    flag_given: bool = False  # ``flag`` is final even when None (a censored value)


@dataclass(frozen=True)
class PatientInfo:
    """What a message says about its patient (checked against the registry)."""

    mrn: str
    authority: str = ""
    id_field: str = "PID-3"
    family: str = ""
    given: str = ""
    birth_date: date | None = None
    sex: str | None = None  # "female" / "male" / None

    def to_json(self) -> dict[str, object]:
        return {"mrn": self.mrn, "authority": self.authority, "id_field": self.id_field,
                "family": self.family, "given": self.given,
                "birth_date": self.birth_date.isoformat() if self.birth_date else None,
                "sex": self.sex}


@dataclass
class ImportUnit:
    """One HL7 message or one CSV row: its results written in one transaction."""

    label: str  # "message M42" / "line 7"
    mrn: str | None
    source: str  # "hl7:<sending facility>" / "csv:<file name>"
    labs: list[IncomingLab] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # any → rejected whole
    skipped: list[str] = field(default_factory=list)  # results left out at parse time, why
    mrn_field: str = "mrn"  # how the file names the MRN field (HL7: "PID-3")
    rejected: list[str] = field(default_factory=list)  # results rejected one by one
    skipped_codes: list[tuple[str, str]] = field(default_factory=list)  # (code, name)
    notes: list[str] = field(default_factory=list)  # remarks on stored results
    patient: PatientInfo | None = None  # HL7: the message's patient (demographic check)
    raw: str | None = None  # HL7: the message as received (for the review queue)
    control_id: str | None = None  # HL7 MSH-10


@dataclass(frozen=True)
class UnitOutcome:
    label: str
    status: str  # "imported" | "skipped" | "rejected" | "queued"
    imported: int = 0  # results written (or, in a dry run, that would be written)
    corrected: int = 0  # of which corrections of a stored result
    duplicates: int = 0  # results already in the registry
    left_out: int = 0  # results left out by the parser (not final, cancelled, not tracked)
    reasons: tuple[str, ...] = ()
    rejected_results: int = 0  # results rejected on their own
    retracted: int = 0  # stored results marked entered in error by the laboratory
    skipped_codes: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do)."""

    dry_run: bool = False
    outcomes: list[UnitOutcome] = field(default_factory=list)
    patients_refreshed: int = 0
    cancelled: bool = False  # stopped by the caller's cancel(): the rest was not imported

    def _count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def _total(self, attr: str) -> int:
        return sum(getattr(o, attr) for o in self.outcomes)

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
    def queued(self) -> int:
        return self._count("queued")

    @property
    def results_imported(self) -> int:
        return self._total("imported")

    @property
    def results_duplicate(self) -> int:
        return self._total("duplicates")

    @property
    def results_left_out(self) -> int:
        return self._total("left_out")

    @property
    def results_rejected(self) -> int:
        return self._total("rejected_results")

    @property
    def results_retracted(self) -> int:
        return self._total("retracted")

    @property
    def skipped_codes(self) -> Counter[tuple[str, str]]:
        """Every code and name that is not a BoneMet analyte, with its count."""
        return Counter(c for o in self.outcomes for c in o.skipped_codes)

    @property
    def has_rejections(self) -> bool:
        return bool(self.rejected or self.results_rejected)
