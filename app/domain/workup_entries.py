"""What the clinician enters in the bone-metastasis work-up wizard, as plain data.

:class:`WorkupEntries` is the wizard's whole state: presentation (bone pain, neurological
deficit, other symptoms), the risk profile (prefilled from the chart, editable), ALP / CTX
results, the imaging studies and biopsies entered, the urgent-compression actions and the MDT
question. It round-trips through JSON (:meth:`WorkupEntries.to_json` /
:meth:`WorkupEntries.from_json`) so a draft can be saved and resumed, and it turns into ordinary
chart records as ``bonemet-case/1`` fragments (:func:`chart_fragments`) when the work-up is
completed. Pure Python: no I/O.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

from app.domain.case import Biopsy, Cancer, Imaging, Lesion

DRAFT_SCHEMA = "bonemet-workup/1"
#: the risk-profile fields of ``cancer`` the wizard shows (rule book §3 WU-HIGH-RISK inputs)
RISK_FIELDS = ("stage", "histology", "drivers", "visceral_metastases")
MSCC_ACTIONS = ("whole_spine_mri", "corticosteroids", "urgent_referral")
#: risk-profile fields whose change on the chart needs the clinician's explicit confirmation
#: (issue 20: a work-up never changes the diagnosis silently)
CONFIRM_FIELDS = ("histology", "stage")


class DraftError(ValueError):
    """A saved draft that cannot be read back (``str()`` names the field)."""


@dataclass
class StudyEntry(Imaging):
    """One imaging study entered in the wizard: a case-file ``imaging[]`` record."""


@dataclass
class BiopsyEntry(Biopsy):
    """One biopsy entered in the wizard: a case-file ``biopsies[]`` record."""


@dataclass
class LabEntry:
    """An ALP or CTX result (value as reported, with its unit)."""

    date: date
    analyte: str
    value: float
    unit: str
    fasting: bool | None = None
    ref_high: float | None = None


@dataclass
class LesionEntry(Lesion):
    """A bone lesion found in the work-up: a case-file lesion with its score inputs (SINS,
    Mirels, ESCC), plus how it becomes a ``lesions[]`` fragment."""

    def fragment(self) -> dict[str, Any]:
        """The case-file ``lesions[]`` object (unset keys left out)."""
        d = asdict(self)
        d["region"] = self.region.strip()
        if not self.peritrochanteric:
            d.pop("peritrochanteric")
        return _drop_none(d)


@dataclass
class RiskProfile:
    stage: str | None = None
    histology: str | None = None
    drivers: list[str] | None = None
    visceral_metastases: list[str] | None = None

    @classmethod
    def from_cancer(cls, cancer: Cancer) -> RiskProfile:
        return cls(cancer.stage, cancer.histology,
                   None if cancer.drivers is None else list(cancer.drivers),
                   None if cancer.visceral_metastases is None
                   else list(cancer.visceral_metastases))

    def differs_from(self, cancer: Cancer) -> list[str]:
        """Names of the fields whose value differs from the chart's ``cancer``."""
        return [f for f in RISK_FIELDS if getattr(self, f) != getattr(cancer, f)]

    def changes_from(self, cancer: Cancer) -> list[tuple[str, Any, Any]]:
        """``(field, chart value, work-up value)`` for every field that differs."""
        return [(f, getattr(cancer, f), getattr(self, f)) for f in self.differs_from(cancer)]

    def unconfirmed(self, cancer: Cancer, confirmed: Any) -> list[str]:
        """The changed :data:`CONFIRM_FIELDS` not in ``confirmed`` (field names)."""
        return [f for f in self.differs_from(cancer) if f in CONFIRM_FIELDS
                and f not in confirmed]


@dataclass
class WorkupEntries:
    visit_date: date
    bone_pain: bool = False
    pain_pattern: str | None = None  # fixed | migratory
    pain_site: str = ""
    pain_mechanical: bool | None = None
    neuro_deficit: bool = False
    neuro_site: str = ""  # e.g. "new weakness of both legs"
    other_symptoms: str = ""
    risk: RiskProfile = field(default_factory=RiskProfile)
    labs: list[LabEntry] = field(default_factory=list)
    studies: list[StudyEntry] = field(default_factory=list)
    biopsies: list[BiopsyEntry] = field(default_factory=list)
    lesions: list[LesionEntry] = field(default_factory=list)
    mscc_actions: list[str] = field(default_factory=list)
    mscc_continue: bool = False  # go on with the full work-up after the urgent page
    compression_region: str = ""  # cord compression seen (records a spinal_cord_compression)
    mdt_question: str = ""
    mdt_meeting_id: int | None = None  # list the patient for this MDT meeting on completion
    page: str = ""  # the page the draft was saved on

    # ---- JSON (drafts) -----------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["schema"] = DRAFT_SCHEMA
        return _dates_to_text(out)

    @classmethod
    def from_json(cls, obj: Any) -> WorkupEntries:
        if not isinstance(obj, dict) or obj.get("schema") != DRAFT_SCHEMA:
            raise DraftError(f"schema: not a {DRAFT_SCHEMA} draft")
        try:
            data = {k: v for k, v in obj.items() if k != "schema"}
            known = {f.name for f in fields(cls)}
            unknown = sorted(set(data) - known)
            if unknown:
                raise DraftError(f"{unknown[0]}: unknown draft field")
            data["visit_date"] = date.fromisoformat(data["visit_date"])
            data["risk"] = RiskProfile(**data.get("risk") or {})
            data["labs"] = [LabEntry(**_dated(x)) for x in data.get("labs", [])]
            data["studies"] = [StudyEntry(**_dated(x)) for x in data.get("studies", [])]
            data["biopsies"] = [BiopsyEntry(**_dated(x)) for x in data.get("biopsies", [])]
            data["lesions"] = [LesionEntry(**x) for x in data.get("lesions", [])]
            return cls(**data)
        except DraftError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise DraftError(f"draft: malformed ({type(exc).__name__})") from exc

    # ---- convenience --------------------------------------------------------------------
    def lab(self, analyte: str) -> LabEntry | None:
        for lab in self.labs:
            if lab.analyte == analyte:
                return lab
        return None

    def set_lab(self, analyte: str, lab: LabEntry | None) -> None:
        self.labs = [x for x in self.labs if x.analyte != analyte]
        if lab is not None:
            self.labs.append(lab)


def _dated(obj: dict[str, Any]) -> dict[str, Any]:
    out = dict(obj)
    out["date"] = date.fromisoformat(out["date"])
    return out


def _dates_to_text(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _dates_to_text(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_dates_to_text(v) for v in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None and v != ""}


def chart_fragments(e: WorkupEntries) -> list[tuple[str, dict[str, Any]]]:
    """The chart records the work-up leaves, as (record kind, case-file fragment) pairs.

    Kinds and keys are the records service's (``symptom``, ``lab``, ``imaging``, ``biopsy``,
    ``event``, ``lesion``); the risk profile is a patient-level section, see
    :meth:`RiskProfile.differs_from`.
    """
    day = e.visit_date.isoformat()
    out: list[tuple[str, dict[str, Any]]] = []
    if e.bone_pain:
        out.append(("symptom", _drop_none({
            "date": day, "kind": "bone_pain", "pattern": e.pain_pattern,
            "site": e.pain_site.strip() or None, "mechanical": e.pain_mechanical})))
    if e.neuro_deficit:
        out.append(("symptom", _drop_none({
            "date": day, "kind": "neuro_deficit", "site": e.neuro_site.strip() or None})))
        if e.compression_region.strip():
            out.append(("event", {"date": day, "kind": "spinal_cord_compression",
                                  "region": e.compression_region.strip(), "vertebral": True}))
    for lab in e.labs:
        out.append(("lab", _drop_none({
            "date": lab.date.isoformat(), "analyte": lab.analyte, "value": lab.value,
            "unit": lab.unit, "fasting": lab.fasting, "ref_high": lab.ref_high})))
    for s in e.studies:
        out.append(("imaging", _drop_none({
            "date": s.date.isoformat(), "modality": s.modality, "region": s.region.strip(),
            "result": s.result, "pattern": s.pattern, "bone_destruction": s.bone_destruction})))
    for b in e.biopsies:
        out.append(("biopsy", {"date": b.date.isoformat(), "region": b.region.strip(),
                               "result": b.result}))
    for le in e.lesions:
        out.append(("lesion", le.fragment()))
    return out
