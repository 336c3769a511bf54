"""The patient case (`bonemet-case/1`) as typed, immutable-by-convention dataclasses.

This is the domain's single picture of a patient: the rule engine reads it, the data layer
maps registry rows to and from it, the case-file reader (`app.domain.casefile`) parses JSON
into it. Field names and allowed values follow ``clinical-rules.md`` §10 exactly.

Conventions:
- ``None`` means unknown / not recorded; an empty list means "recorded, none" only where the
  rule book says so (``Cancer.visceral_metastases``); every other absent list is ``[]``.
- Each dated record keeps its calendar ``date`` (what the rules use) and, when the source gave
  a time, the full ``at`` date-time (kept for display and round trips).
- ``rid`` is the registry's record id when the case was loaded from the database (``None`` for
  case files); it lets a finding point back to the record behind it. It never takes part in
  equality.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

SCHEMA = "bonemet-case/1"

SEXES = ("female", "male", "other", "unknown")
HISTOLOGIES = ("adenocarcinoma", "squamous", "sclc", "large_cell", "nsclc_nos", "other")
STAGES = (
    "0", "IA1", "IA2", "IA3", "IB", "IIA", "IIB", "IIIA", "IIIB", "IIIC", "IVA", "IVB",
    "I", "II", "III", "IV",
)
SYMPTOM_KINDS = ("bone_pain", "neuro_deficit")
PAIN_PATTERNS = ("fixed", "migratory")
ANALYTES = (
    "ALP", "BALP", "CTX", "PINP", "CA", "ICA", "ALB", "CREA", "VITD", "GGT", "CRP", "LDH",
    "PLT", "TBIL",
)
MODALITIES = ("bone_scan", "mri", "ct", "xray", "pet_ct")
IMAGING_RESULTS = ("positive", "negative", "equivocal")
LESION_PATTERNS = ("osteolytic", "osteoblastic", "mixed")
BIOPSY_RESULTS = ("positive", "negative", "nondiagnostic")
BONES = (
    "vertebra", "femur", "tibia", "fibula", "humerus", "radius", "ulna", "pelvis", "rib",
    "sternum", "skull", "scapula", "clavicle", "other",
)
LOWER_LIMB_BONES = ("femur", "tibia", "fibula")
UPPER_LIMB_BONES = ("humerus", "radius", "ulna")
LONG_BONES = LOWER_LIMB_BONES + UPPER_LIMB_BONES
VERTEBRAL_LEVELS = (
    tuple(f"C{i}" for i in range(1, 8))
    + tuple(f"T{i}" for i in range(1, 13))
    + tuple(f"L{i}" for i in range(1, 6))
    + tuple(f"S{i}" for i in range(1, 6))
)
SIDES = ("left", "right", "midline", "bilateral")
LIMBS = ("upper", "lower")
VERTEBRAL_PAIN = ("mechanical", "occasional", "none")
LIMB_PAIN = ("none", "mild", "moderate", "functional")
ALIGNMENTS = ("subluxation", "deformity", "normal")
COLLAPSES = ("gt50", "lt50", "none_gt50_involved", "none")
POSTEROLATERAL = ("bilateral", "unilateral", "none")
SIZES = ("lt_third", "third_to_two_thirds", "gt_two_thirds")
ESCC_GRADES = ("0", "1a", "1b", "1c", "2", "3")
FRANKEL = ("A", "B", "C", "D", "E")
DRUGS = (
    "denosumab", "zoledronic_acid", "pamidronate", "ibandronate", "incadronate", "clodronate",
)
BISPHOSPHONATES = tuple(d for d in DRUGS if d != "denosumab")
MINOR_DENTAL = ("root_canal", "scaling", "filling", "crown")
INVASIVE_DENTAL = ("extraction", "implant", "periodontal_surgery", "oral_surgery")
DENTAL_KINDS = MINOR_DENTAL + INVASIVE_DENTAL
EVENT_KINDS = (
    "pathological_fracture", "fracture", "spinal_cord_compression", "radiotherapy",
    "surgery_to_bone", "vertebroplasty", "hypercalcaemia", "onj",
)
PLANNABLE_EVENTS = ("radiotherapy", "surgery_to_bone", "vertebroplasty")
STATUSES = ("confirmed", "suspected", "not_found", "unknown")
# The patient's preferred language for printouts (``patient.language``, an extension of §10
# recorded in docs/clinical-readings.md): Chinese or English.
LANGUAGES = ("en", "zh")

# Oncology history (issue 20 item 8; optional keys of bonemet-case/1, docs/case-file.md)
#: RECIST 1.1 best overall response of a systemic-therapy line (NE: not evaluable)
RECIST_RESPONSES = ("CR", "PR", "SD", "PD", "NE")
THERAPY_STOP_REASONS = ("progression", "toxicity", "completed", "patient_choice", "other")
SMOKING_STATUSES = ("never", "former", "current")
#: dated milestones of the cancer's course; each may carry the stage found then
COURSE_KINDS = ("diagnosis", "recurrence", "progression", "restaging")
ORAL_HYGIENE = ("good", "fair", "poor")
#: WHO analgesic ladder: 1 non-opioid, 2 weak opioid, 3 strong opioid
ANALGESIC_STEPS = (1, 2, 3)


def _rid() -> int | None:
    return field(default=None, compare=False, repr=False)


@dataclass
class Patient:
    mrn: str
    name: str | None = None
    sex: str | None = None
    birth_date: date | None = None
    weight_kg: float | None = None
    osteoporosis: bool | None = None
    language: str | None = None  # preferred printout language (LANGUAGES); None = not given


@dataclass
class Cancer:
    histology: str | None = None
    stage: str | None = None
    drivers: list[str] | None = None
    targeted_therapy: bool | None = None
    immunotherapy: bool | None = None
    prior_chemotherapy: bool | None = None
    visceral_treatable: bool | None = None
    disseminated: bool | None = None
    visceral_metastases: list[str] | None = None
    visceral_lesion_count: int | None = None
    ecog: int | None = None
    kps: int | None = None
    frankel: str | None = None


@dataclass
class Symptom:
    date: date
    kind: str
    pattern: str | None = None
    site: str | None = None
    mechanical: bool | None = None
    at: datetime | None = None
    nrs: int | None = None  # pain score, numeric rating scale 0-10
    analgesic_step: int | None = None  # WHO ladder step 1-3 (ANALGESIC_STEPS)
    rid: int | None = _rid()


#: A censored lab value: the true value is below / above the number given (detection limit,
#: measuring range); shown as "< 0.010" and never used as a number by the rules.
LAB_COMPARATORS = ("<", "<=", ">", ">=")


@dataclass
class Lab:
    date: date
    analyte: str
    value: float
    unit: str
    ref_low: float | None = None
    ref_high: float | None = None
    fasting: bool | None = None
    method: str | None = None
    at: datetime | None = None
    comparator: str | None = None  # "<", "<=", ">", ">=": the value is a bound (censored)
    # provenance kept as the laboratory sent it (optional keys of labs[], an extension of
    # bonemet-case/1; docs/clinical-readings.md): not clinical content, so not compared
    loinc: str | None = field(default=None, compare=False)
    flag: str | None = field(default=None, compare=False)  # H / L / N
    ref_text: str | None = field(default=None, compare=False)
    source: str | None = field(default=None, compare=False)
    rid: int | None = _rid()


@dataclass
class Imaging:
    date: date
    modality: str
    region: str
    result: str
    pattern: str | None = None
    bone_destruction: bool | None = None
    at: datetime | None = None
    report: str | None = None  # the radiologist's report text, as written
    rid: int | None = _rid()


@dataclass
class Biopsy:
    date: date
    region: str
    result: str
    at: datetime | None = None
    rid: int | None = _rid()


@dataclass
class Lesion:
    region: str
    bone: str
    level: str | None = None
    side: str | None = None
    limb: str | None = None
    peritrochanteric: bool = False
    pattern: str | None = None
    pain: str | None = None
    alignment: str | None = None
    collapse: str | None = None
    posterolateral: str | None = None
    size: str | None = None
    escc: str | None = None
    first_seen: date | None = None  # when the lesion was first seen on imaging
    size_mm: float | None = None  # largest diameter, mm
    rid: int | None = _rid()


@dataclass
class Administration:
    date: date
    drug: str
    dose_mg: float
    planned: bool = False
    at: datetime | None = None
    rid: int | None = _rid()


@dataclass
class Stop:
    drug: str
    date: date
    reason: str | None = None
    at: datetime | None = None
    rid: int | None = _rid()


@dataclass
class Bma:
    administrations: list[Administration] = field(default_factory=list)
    interval_days: dict[str, int] = field(default_factory=dict)
    stops: list[Stop] = field(default_factory=list)


@dataclass
class Supplements:
    calcium: bool | None = None
    vitamin_d: bool | None = None


@dataclass
class DentalProcedure:
    date: date
    kind: str
    planned: bool = False
    at: datetime | None = None
    rid: int | None = _rid()


@dataclass
class DentalExam:
    """A dental exam with what it found (every finding optional: ``None`` = not recorded).
    An exam that found an extraction needed is not a dental clearance (BMA-DENTAL-CLEARANCE,
    docs/clinical-readings.md)."""

    date: date
    oral_hygiene: str | None = None  # ORAL_HYGIENE
    infection: bool | None = None
    extraction_needed: bool | None = None
    rid: int | None = _rid()

    def has_findings(self) -> bool:
        return any(v is not None for v in (self.oral_hygiene, self.infection,
                                           self.extraction_needed))


@dataclass
class Dental:
    exams: list[date] = field(default_factory=list)  # every exam's date
    procedures: list[DentalProcedure] = field(default_factory=list)
    # the exams that recorded findings (their dates are in ``exams`` too)
    findings: list[DentalExam] = field(default_factory=list)

    def clearance_exams(self) -> list[date]:
        """Exam dates that count as a dental clearance: not a day whose exam found an
        extraction needed."""
        blocked = {f.date for f in self.findings if f.extraction_needed}
        return [d for d in self.exams if d not in blocked]


@dataclass
class Event:
    date: date
    kind: str
    region: str | None = None
    vertebral: bool | None = None
    planned: bool = False
    at: datetime | None = None
    rid: int | None = _rid()


@dataclass
class TherapyLine:
    """A line of systemic anticancer therapy (drugs by name, as prescribed)."""

    line: int
    drugs: list[str]
    start: date
    stop: date | None = None
    stop_reason: str | None = None  # THERAPY_STOP_REASONS
    best_response: str | None = None  # RECIST_RESPONSES
    note: str | None = None
    rid: int | None = _rid()

    @property
    def date(self) -> date:
        """The start (what a timeline sorts by)."""
        return self.start


@dataclass
class Pdl1:
    """A PD-L1 result: tumour proportion score and/or combined positive score."""

    date: date
    tps: float | None = None  # % of tumour cells, 0-100
    cps: float | None = None  # 0-100
    assay: str | None = None  # antibody clone / assay, e.g. 22C3
    rid: int | None = _rid()


@dataclass
class Smoking:
    """Smoking status as recorded on a date, with pack-years when known."""

    date: date
    status: str  # SMOKING_STATUSES
    pack_years: float | None = None
    rid: int | None = _rid()


@dataclass
class CourseEntry:
    """A dated milestone of the cancer's course (diagnosis, recurrence, …) with the stage
    found then: together the diagnosis/recurrence dates and the stage history."""

    date: date
    kind: str  # COURSE_KINDS
    stage: str | None = None  # STAGES
    rid: int | None = _rid()


@dataclass
class StatusOverride:
    status: str
    date: date
    by: str | None = None
    reason: str | None = None


@dataclass
class Case:
    patient: Patient
    cancer: Cancer = field(default_factory=Cancer)
    symptoms: list[Symptom] = field(default_factory=list)
    labs: list[Lab] = field(default_factory=list)
    imaging: list[Imaging] = field(default_factory=list)
    biopsies: list[Biopsy] = field(default_factory=list)
    lesions: list[Lesion] = field(default_factory=list)
    bma: Bma = field(default_factory=Bma)
    supplements: Supplements = field(default_factory=Supplements)
    dental: Dental = field(default_factory=Dental)
    events: list[Event] = field(default_factory=list)
    status_override: StatusOverride | None = None
    therapy_lines: list[TherapyLine] = field(default_factory=list)
    pdl1: list[Pdl1] = field(default_factory=list)
    smoking: list[Smoking] = field(default_factory=list)
    disease_course: list[CourseEntry] = field(default_factory=list)
    schema: str = SCHEMA
