"""SQLAlchemy 2 typed models of the registry: everything the case file (`bonemet-case/1`) holds,
plus the audit trail and MDT meetings.

Rules every clinical record table follows (:class:`RecordMixin`):

- never hard-deleted: a mistake is marked ``entered_in_error`` (with a reason, who and when);
  a correction is a *new* row whose ``replaces_id`` points at the row it supersedes (the old row
  stays);
- ``version`` is SQLAlchemy's ``version_id_col``: an UPDATE whose version no longer matches
  (another workstation saved first) fails instead of silently overwriting;
- dated records keep the calendar date as written (``on_date``) and, when the source gave one,
  the full reported date-time (``at_time``, ISO text with its offset).

The MetaData carries a naming convention (Alembic batch migrations on SQLite need named
constraints). Column types are portable between SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from app.data.patient_rows import MRN_MAX, NAME_MAX
from app.data.types import IsoDateTime, UtcDateTime, nocase_string, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

__all__ = ["MRN_MAX", "NAME_MAX"]  # and the models below (field limits re-exported)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Patient(Base):
    """One patient: demographics, cancer details (1:1, as columns), supplements, status
    override, and the cached summary the registry list shows."""

    __tablename__ = "patient"

    id: Mapped[int] = mapped_column(primary_key=True)
    mrn: Mapped[str] = mapped_column(nocase_string(MRN_MAX), unique=True)
    name: Mapped[str | None] = mapped_column(nocase_string(NAME_MAX), index=True)
    name_pinyin: Mapped[str | None] = mapped_column(nocase_string(400), index=True)
    name_initials: Mapped[str | None] = mapped_column(nocase_string(100), index=True)
    sex: Mapped[str | None] = mapped_column(String(10))
    birth_date: Mapped[date | None] = mapped_column(Date)
    weight_kg: Mapped[float | None] = mapped_column(Float)
    osteoporosis: Mapped[bool | None] = mapped_column(Boolean)
    language: Mapped[str] = mapped_column(String(2), default="zh", server_default="zh")
    # care-plan printout preference (app.services.careplan_prefs)
    careplan_large_print: Mapped[bool] = mapped_column(Boolean, default=False,
                                                       server_default="0")
    phone: Mapped[str | None] = mapped_column(String(40))

    # cancer (clinical-rules §10 "cancer"), kept on the patient row (1:1)
    histology: Mapped[str | None] = mapped_column(String(20))
    stage: Mapped[str | None] = mapped_column(String(8))
    drivers: Mapped[list[str] | None] = mapped_column(JSON)
    targeted_therapy: Mapped[bool | None] = mapped_column(Boolean)
    immunotherapy: Mapped[bool | None] = mapped_column(Boolean)
    prior_chemotherapy: Mapped[bool | None] = mapped_column(Boolean)
    visceral_treatable: Mapped[bool | None] = mapped_column(Boolean)
    disseminated: Mapped[bool | None] = mapped_column(Boolean)
    visceral_metastases: Mapped[list[str] | None] = mapped_column(JSON)
    visceral_lesion_count: Mapped[int | None] = mapped_column(Integer)
    ecog: Mapped[int | None] = mapped_column(Integer)
    kps: Mapped[int | None] = mapped_column(Integer)
    frankel: Mapped[str | None] = mapped_column(String(1))

    # supplements
    calcium: Mapped[bool | None] = mapped_column(Boolean)
    vitamin_d: Mapped[bool | None] = mapped_column(Boolean)

    # clinician's status override (null = none)
    override_status: Mapped[str | None] = mapped_column(String(12))
    override_date: Mapped[date | None] = mapped_column(Date)
    override_by: Mapped[str | None] = mapped_column(String(100))
    override_reason: Mapped[str | None] = mapped_column(Text)

    # cached summary (app.domain.summary.PatientSummary) for the registry list
    bm_status: Mapped[str | None] = mapped_column(String(12))
    current_bma: Mapped[str | None] = mapped_column(String(20))
    alert_count: Mapped[int | None] = mapped_column(Integer)
    alert_top_severity: Mapped[str | None] = mapped_column(String(10))
    next_due_date: Mapped[date | None] = mapped_column(Date)
    next_due_text: Mapped[str | None] = mapped_column(String(200))
    rebound_open: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    summary_as_of: Mapped[date | None] = mapped_column(Date)

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(64))

    __mapper_args__ = {"version_id_col": version}


# PostgreSQL: the case-insensitive prefix search uses lower(col) LIKE 'abc%' on these indexes
# (SQLite uses the COLLATE NOCASE column indexes above; these are not created there).
for _col in ("mrn", "name", "name_pinyin", "name_initials"):
    Index(
        f"ix_patient_lower_{_col}",
        func.lower(Patient.__table__.c[_col]).label(f"lower_{_col}"),
        postgresql_ops={f"lower_{_col}": "text_pattern_ops"},
    ).ddl_if(dialect="postgresql")


class RecordMixin:
    """Columns shared by every clinical record: owner, versioning, correction trail."""

    id: Mapped[int] = mapped_column(primary_key=True, sort_order=-3)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    entered_in_error: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    error_reason: Mapped[str | None] = mapped_column(Text)
    error_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    error_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(64))

    @declared_attr
    def patient_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("patient.id"), index=True, sort_order=-2)

    @declared_attr
    def replaces_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey(f"{cls.__tablename__}.id"), index=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.version}


class DatedMixin:
    """The calendar date as written and, if given, the reported date-time."""

    on_date: Mapped[date] = mapped_column(Date, sort_order=-1)
    at_time: Mapped[datetime | None] = mapped_column(IsoDateTime, sort_order=-1)


class SymptomRecord(RecordMixin, DatedMixin, Base):
    __tablename__ = "symptom"

    kind: Mapped[str] = mapped_column(String(20))
    pattern: Mapped[str | None] = mapped_column(String(12))
    site: Mapped[str | None] = mapped_column(String(200))
    mechanical: Mapped[bool | None] = mapped_column(Boolean)
    nrs: Mapped[int | None] = mapped_column(Integer)  # pain 0-10
    analgesic_step: Mapped[int | None] = mapped_column(Integer)  # WHO ladder 1-3


class LabResult(RecordMixin, DatedMixin, Base):
    """A lab value exactly as reported (value + unit + range); ``on_date`` is the collection
    date as written, ``at_time`` the collection date-time when the source gave one."""

    __tablename__ = "lab_result"

    analyte: Mapped[str] = mapped_column(String(8))
    loinc: Mapped[str | None] = mapped_column(String(16))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(16))
    ref_low: Mapped[float | None] = mapped_column(Float)
    ref_high: Mapped[float | None] = mapped_column(Float)
    ref_text: Mapped[str | None] = mapped_column(String(60))
    flag: Mapped[str | None] = mapped_column(String(1))  # H / L / N as reported or derived
    fasting: Mapped[bool | None] = mapped_column(Boolean)
    method: Mapped[str | None] = mapped_column(String(100))
    source: Mapped[str | None] = mapped_column(String(100))
    # "<", "<=", ">", ">=": the value is a bound (below a detection limit ...); None: a number
    comparator: Mapped[str | None] = mapped_column(String(2))
    # the result's ID at its source (HL7: "<MSH-10>/<OBX position>", CSV: "line N"): with
    # patient, analyte, collection date and source, the natural key of an imported result
    source_id: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        Index(None, "patient_id", "analyte", "on_date"),
        Index("uq_lab_result_natural_key", "patient_id", "analyte", "on_date", "source",
              "source_id", unique=True, sqlite_where=text("source_id IS NOT NULL"),
              postgresql_where=text("source_id IS NOT NULL")),
    )


class ImagingRecord(RecordMixin, DatedMixin, Base):
    __tablename__ = "imaging"

    modality: Mapped[str] = mapped_column(String(12))
    region: Mapped[str] = mapped_column(String(100))
    result: Mapped[str] = mapped_column(String(12))
    pattern: Mapped[str | None] = mapped_column(String(12))
    bone_destruction: Mapped[bool | None] = mapped_column(Boolean)
    report: Mapped[str | None] = mapped_column(Text)


class BiopsyRecord(RecordMixin, DatedMixin, Base):
    __tablename__ = "biopsy"

    region: Mapped[str] = mapped_column(String(100))
    result: Mapped[str] = mapped_column(String(16))


class LesionRecord(RecordMixin, Base):
    """A bone lesion with every score input (SINS, Mirels, ESCC)."""

    __tablename__ = "lesion"

    region: Mapped[str] = mapped_column(String(100))
    bone: Mapped[str] = mapped_column(String(12))
    level: Mapped[str | None] = mapped_column(String(4))
    side: Mapped[str | None] = mapped_column(String(10))
    limb: Mapped[str | None] = mapped_column(String(6))
    peritrochanteric: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    pattern: Mapped[str | None] = mapped_column(String(12))
    pain: Mapped[str | None] = mapped_column(String(12))
    alignment: Mapped[str | None] = mapped_column(String(12))
    collapse: Mapped[str | None] = mapped_column(String(20))
    posterolateral: Mapped[str | None] = mapped_column(String(12))
    size: Mapped[str | None] = mapped_column(String(20))
    escc: Mapped[str | None] = mapped_column(String(2))
    first_seen: Mapped[date | None] = mapped_column(Date)
    size_mm: Mapped[float | None] = mapped_column(Float)


class BmaAdministration(RecordMixin, DatedMixin, Base):
    """A bone-modifying agent dose, given (``planned`` false) or planned."""

    __tablename__ = "bma_administration"

    drug: Mapped[str] = mapped_column(String(20))
    dose_mg: Mapped[float] = mapped_column(Float)
    planned: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    override_reason: Mapped[str | None] = mapped_column(Text)


class BmaInterval(RecordMixin, Base):
    """The dosing interval chosen for a patient and drug (latest active row wins)."""

    __tablename__ = "bma_interval"

    drug: Mapped[str] = mapped_column(String(20))
    days: Mapped[int] = mapped_column(Integer)


class BmaStop(RecordMixin, DatedMixin, Base):
    __tablename__ = "bma_stop"

    drug: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)


class DentalExam(RecordMixin, DatedMixin, Base):
    __tablename__ = "dental_exam"

    oral_hygiene: Mapped[str | None] = mapped_column(String(8))
    infection: Mapped[bool | None] = mapped_column(Boolean)
    extraction_needed: Mapped[bool | None] = mapped_column(Boolean)


class DentalProcedureRecord(RecordMixin, DatedMixin, Base):
    __tablename__ = "dental_procedure"

    kind: Mapped[str] = mapped_column(String(24))
    planned: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class ClinicalEvent(RecordMixin, DatedMixin, Base):
    __tablename__ = "clinical_event"

    kind: Mapped[str] = mapped_column(String(30))
    region: Mapped[str | None] = mapped_column(String(100))
    vertebral: Mapped[bool | None] = mapped_column(Boolean)
    planned: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class AuditLog(Base):
    """Who did what to which record. ``summary`` never holds clinical values or names."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(24))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    patient_id: Mapped[int | None] = mapped_column(Integer, index=True)
    summary: Mapped[str] = mapped_column(String(500))


class MdtMeeting(Base):
    __tablename__ = "mdt_meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_date: Mapped[date] = mapped_column(Date)  # unique: uq_mdt_meeting_date below
    title: Mapped[str | None] = mapped_column(String(200))
    start_time: Mapped[str | None] = mapped_column(String(5))  # "HH:MM", local time
    place: Mapped[str | None] = mapped_column(String(200))
    chair: Mapped[str | None] = mapped_column(String(200))
    attendees: Mapped[str | None] = mapped_column(Text)  # free text, one name per line
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(64))

    __mapper_args__ = {"version_id_col": version}


class MdtCase(Base):
    """A patient listed for an MDT meeting, the question asked and the decision recorded."""

    __tablename__ = "mdt_case"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("mdt_meeting.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    question: Mapped[str | None] = mapped_column(Text)
    decision: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    entered_in_error: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    error_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(64))

    __mapper_args__ = {"version_id_col": version}


# Unique keys (migration 0003_unique_keys), on SQLite and PostgreSQL alike; the services translate
# a violation into the message of their pre-check (app/data/unique_keys.py):
# - one patient per folded MRN (trimmed, case-insensitive): 'CASEVAR-1', 'casevar-1' and
#   ' CASEVAR-1 ' are one MRN;
# - one MDT meeting per date;
# - a patient listed once per meeting (withdrawn listings, entered_in_error, do not count).
# (PostgreSQL spells trim() as btrim() when it reads an index back: one index per dialect so
# that the drift check compares like with like.)
Index("uq_patient_mrn_folded", func.lower(func.trim(Patient.__table__.c.mrn)),
      unique=True).ddl_if(dialect="sqlite")
Index("uq_patient_mrn_folded", func.lower(func.btrim(Patient.__table__.c.mrn)),
      unique=True).ddl_if(dialect="postgresql")
Index("uq_mdt_meeting_date", MdtMeeting.__table__.c.meeting_date, unique=True)
Index("uq_mdt_case_active", MdtCase.__table__.c.meeting_id, MdtCase.__table__.c.patient_id,
      unique=True, sqlite_where=MdtCase.__table__.c.entered_in_error.is_(False),
      postgresql_where=MdtCase.__table__.c.entered_in_error.is_(False))

#: Every clinical record model, by the entity name used in the audit trail.
RECORD_MODELS: dict[str, type[RecordMixin]] = {
    m.__tablename__: m
    for m in (
        SymptomRecord, LabResult, ImagingRecord, BiopsyRecord, LesionRecord, BmaAdministration,
        BmaInterval, BmaStop, DentalExam, DentalProcedureRecord, ClinicalEvent,
    )
}

# Tables defined in feature modules register on Base.metadata here, so that Alembic and the
# drift test always see the whole schema.
# (app.data.models_oncology adds its record tables to RECORD_MODELS.)
from app.data import models_labreview, models_oncology, models_workup  # noqa: E402,F401
