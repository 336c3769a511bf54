"""The MDT case summary's content (clinician-facing): what the pack prints per case.

:func:`build_mdt_summary` turns a case, its assessment (rule book §10) and the as-of date
into a :class:`MdtCaseSummary`: identity, histology/drivers/stage, the latest PD-L1 and the
oncology history (diagnosis, recurrences, stage history, smoking, latest pain score, one line
per systemic-therapy line; "not recorded" when none), bone-metastasis status and basis, the
imaging and biopsy list, the lesion table with SINS/Mirels/ESCC, the prognostic scores with
their missing inputs, the bone-drug history as courses (:mod:`app.domain.bma_courses`; the
per-dose lines with the renal adjustment of each zoledronic-acid dose are kept in ``doses``),
the latest creatinine and calcium with their age (:mod:`app.domain.mdt_sections`), the jaw
and dental section when the question or a finding involves the jaw, skeletal events, the
active findings with their evidence and triggering data, the question for the MDT and the
decision with who recorded it and when, in English or Chinese (``lang``). The ALP/CTX trend
plot is not drawn here: the caller attaches PNG bytes (``trend_png``) rendered by the UI
layer; ``lab_panel`` says whether it needs the creatinine/calcium panel.

:class:`MdtPack` is the meeting: date, title, time, place, chair, attendees, and the cases
ordered by urgency (critical findings, then warnings; listing order breaks ties).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from app.domain.bma_courses import summarise_courses
from app.domain.bma_renal import band_for, creatinine_for
from app.domain.careplan import assessment_doc
from app.domain.case import BISPHOSPHONATES, Case
from app.domain.context import CaseView, round_crcl, za_dose_for_crcl
from app.domain.dates import age_on
from app.domain.mdt_sections import (
    DentalSection,
    LabAge,
    StudyLine,
    dental_needed,
    dental_section,
    lab_ages,
    lab_panel_needed,
    studies,
    urgency,
    why_text,
)
from app.domain.mdt_terms import course_text, missing_name, organ, region
from app.domain.mdt_text import LABELS, bone, drug, histology, tr, value
from app.domain.oncology_text import history_rows, latest_pdl1, therapy_lines
from app.domain.params import DEFAULTS, Params
from app.domain.rules_bma_common import gt
from app.domain.trends import EXTRA_SERIES, MAIN_SERIES

TREND_ANALYTES = (*MAIN_SERIES, *EXTRA_SERIES)  # what the trend plot can show
SKELETAL_EVENTS = ("pathological_fracture", "fracture", "spinal_cord_compression",
                   "radiotherapy", "surgery_to_bone", "vertebroplasty", "hypercalcaemia", "onj")


@dataclass(frozen=True)
class LesionLine:
    region: str
    bone: str
    pattern: str | None
    sins: str  # "10 (indeterminate)" or "—"
    mirels: str
    escc: str
    missing: tuple[str, ...]


@dataclass(frozen=True)
class ScoreLine:
    name: str
    value: str  # "8 (<6 months)" or "not computable"
    missing: tuple[str, ...]


@dataclass(frozen=True)
class DoseLine:
    date: date
    drug: str
    dose_mg: float
    planned: bool
    note: str  # renal adjustment for zoledronic acid, else ""


@dataclass(frozen=True)
class StopLine:
    date: date
    drug: str
    reason: str | None


@dataclass(frozen=True)
class EventLine:
    date: date
    kind: str
    region: str | None
    planned: bool


@dataclass(frozen=True)
class FindingLine:
    severity: str  # code (critical, warning, info): the PDF colours by it
    severity_label: str  # in the summary's language
    rule: str
    message: str
    evidence: tuple[str, ...]
    source: str
    why: str = ""  # the triggering data


@dataclass(frozen=True)
class MdtCaseSummary:
    """One case of an MDT pack (and the stand-alone case summary)."""

    as_of: date
    mrn: str
    name: str | None
    identity: tuple[tuple[str, str], ...]  # sex, age, birth date
    cancer: tuple[tuple[str, str], ...]  # histology, stage, drivers, ECOG, ...
    bm_status: str  # code: confirmed, suspected, not_found, unknown
    bm_status_label: str  # in ``lang``
    bm_basis: str  # as the rules give it (English)
    derived: tuple[tuple[str, str], ...]  # CrCl, ZA dose, calcium, denosumab state
    lesions: tuple[LesionLine, ...]
    scores: tuple[ScoreLine, ...]
    doses: tuple[DoseLine, ...]
    intervals: tuple[tuple[str, int], ...]
    stops: tuple[StopLine, ...]
    events: tuple[EventLine, ...]
    findings: tuple[FindingLine, ...]
    missing_inputs: tuple[str, ...]
    question: str | None = None
    decision: str | None = None
    trend_png: bytes | None = None
    lang: str = "en"
    labels: dict[str, str] = field(default_factory=dict)  # report headings in ``lang``
    courses: tuple[str, ...] = ()  # one line per bone-drug course (bma_courses)
    studies: tuple[StudyLine, ...] = ()  # imaging and biopsies, oldest first
    lab_ages: tuple[LabAge, ...] = ()  # latest creatinine, calcium
    dental: DentalSection | None = None  # when the question or a finding involves the jaw
    lab_panel: bool = False  # a renal/calcium finding: the plot shows creatinine/calcium
    lab_count: int = 0  # lab results on record (0: "no labs on record")
    trend_points: int = 0  # results the trend plot would show
    critical: int = 0
    warnings: int = 0
    decided_by: str | None = None
    decided_at: datetime | None = None
    # oncology history (issue 20): diagnosis, recurrences, stages, smoking, pain; one line of
    # text per systemic-therapy line (app.domain.oncology_text)
    history: tuple[tuple[str, str], ...] = ()
    therapy_lines: tuple[str, ...] = ()

    def with_trend(self, png: bytes | None) -> MdtCaseSummary:
        return replace(self, trend_png=png)


def by_urgency(cases: tuple[MdtCaseSummary, ...]) -> tuple[MdtCaseSummary, ...]:
    """Most critical findings first, then most warnings; ties keep their order."""
    return tuple(sorted(cases, key=lambda c: (-c.critical, -c.warnings)))


@dataclass(frozen=True)
class MdtPack:
    """A meeting's pack: date, title, time, place, chair, attendees, and the case summaries
    ordered by urgency (:func:`by_urgency`)."""

    meeting_date: date
    title: str | None
    cases: tuple[MdtCaseSummary, ...]
    lang: str = "en"
    labels: dict[str, str] = field(default_factory=dict)  # cover page and chrome
    start_time: str | None = None  # "HH:MM"
    place: str | None = None
    chair: str | None = None
    attendees: str | None = None

    def __post_init__(self) -> None:
        if not self.labels:
            object.__setattr__(self, "labels", report_labels(self.lang))
        object.__setattr__(self, "cases", by_urgency(tuple(self.cases)))


def _yn(lang: str, v: bool | None) -> str:
    return tr(lang, "unknown" if v is None else ("yes" if v else "no"))


def _score_text(lang: str, v: Any, band: Any) -> str:
    if v is None:
        return "—"
    return f"{v} ({value(lang, band)})" if band else str(v)


def _cancer_lines(case: Case, lang: str, as_of: date) -> tuple[tuple[str, str], ...]:
    c = case.cancer
    sep = "、" if lang == "zh" else ", "
    lines = [
        (tr(lang, "histology"), histology(lang, c.histology)),
        (tr(lang, "stage"), c.stage or tr(lang, "unknown")),
        (tr(lang, "drivers"), tr(lang, "unknown") if c.drivers is None
         else (sep.join(c.drivers) or tr(lang, "none_found"))),
        (tr(lang, "pdl1"), latest_pdl1(case, as_of, lang) or tr(lang, "not_recorded")),
        (tr(lang, "visceral"), tr(lang, "not_staged") if c.visceral_metastases is None
         else (sep.join(organ(lang, o) for o in c.visceral_metastases) or tr(lang, "none"))),
        (tr(lang, "therapies"), " / ".join(_yn(lang, v) for v in (
            c.targeted_therapy, c.immunotherapy, c.prior_chemotherapy))),
        (tr(lang, "systemic_lines"),
         str(len(therapy_lines(case, as_of, lang))) if case.therapy_lines
         else tr(lang, "not_recorded")),
        (tr(lang, "performance"),
         " / ".join("—" if v is None else str(v) for v in (c.ecog, c.kps, c.frankel))),
    ]
    return tuple(lines)


def _basis(assessment: Any, status: dict[str, Any], lang: str) -> str:
    """The status basis in ``lang`` (the rules write it in both languages)."""
    zh = getattr(getattr(assessment, "status", None), "basis_zh", None)
    return zh if lang == "zh" and zh else (status.get("basis") or "")


def _identity(case: Case, as_of: date, lang: str) -> tuple[tuple[str, str], ...]:
    p = case.patient
    age = (tr(lang, "age_value", n=age_on(p.birth_date, as_of)) if p.birth_date
           else tr(lang, "unknown"))
    lines = [(tr(lang, "mrn"), p.mrn), (tr(lang, "sex"), value(lang, p.sex or "unknown")),
             (tr(lang, "age"), age),
             (tr(lang, "weight"), f"{p.weight_kg:g} kg" if p.weight_kg else tr(lang, "unknown")),
             (tr(lang, "osteoporosis"), _yn(lang, p.osteoporosis))]
    return tuple(lines)


def _derived(doc: dict[str, Any], lang: str) -> tuple[tuple[str, str], ...]:
    d = doc.get("derived") or {}
    out: list[tuple[str, str]] = []
    if d.get("crcl_ml_min") is not None:
        out.append((tr(lang, "crcl"), f"{d['crcl_ml_min']} mL/min ({d.get('crcl_date')})"))
    if d.get("za_dose_mg") is not None:
        out.append((tr(lang, "za_dose"), f"{d['za_dose_mg']} mg"))
    if d.get("corrected_calcium_mmol_l") is not None:
        corr = tr(lang, "corrected" if d.get("calcium_albumin_corrected") else "uncorrected")
        out.append((tr(lang, "calcium"), f"{d['corrected_calcium_mmol_l']} mmol/L, {corr} "
                                         f"({d.get('calcium_date')})"))
    if d.get("ionised_calcium_mmol_l") is not None:
        out.append((tr(lang, "ionised"), f"{d['ionised_calcium_mmol_l']} mmol/L"))
    den = d.get("denosumab")
    if den:
        state = tr(lang, "den_stopped" if den.get("stopped") else "den_ongoing")
        if den.get("stopped") and not den.get("stop_recorded"):
            state += tr(lang, "den_unrecorded")
        parts = [tr(lang, "den_last", date=den.get("last_dose")) + ", " + state]
        if den.get("stopped"):
            peak = den.get("peak_window") or ["?", "?"]
            parts.append(tr(lang, "den_window", risk=value(lang, den.get("risk_level")),
                            start=peak[0], end=peak[1], end2=den.get("window_end")))
            if den.get("checks_due"):
                parts.append(tr(lang, "den_checks", dates=", ".join(den["checks_due"])))
        if den.get("nadir_ng_ml") is not None:
            parts.append(tr(lang, "den_nadir", v=den["nadir_ng_ml"]))
        out.append((tr(lang, "denosumab"), "; ".join(parts)))
    return tuple(out)


def _renal_note(view: CaseView, a: Any, lang: str) -> str:
    """The renal check of one bisphosphonate dose, with the rules' per-dose CrCl (rule book §4,
    :func:`app.domain.bma_renal.creatinine_for`): zoledronic acid's CrCl-adjusted dose, or the
    band of the other bisphosphonates."""
    max_age = view.params.creatinine_max_age_days
    lv, _provisional = creatinine_for(view, a.date, a.planned)
    if lv is None:
        return tr(lang, "no_creatinine", n=max_age)
    cc = view.crcl(lv)
    if cc.value is None:
        return tr(lang, "crcl_missing", what=", ".join(cc.missing))
    crcl = round_crcl(cc.value)
    if a.drug == "zoledronic_acid":
        rec = za_dose_for_crcl(cc.value)
        if rec is None:
            return tr(lang, "crcl_below_30", c=crcl)
        full = rec >= 4.0
    else:
        band = band_for(a.drug, cc.value)
        if band is None:
            return tr(lang, "crcl_full", c=crcl)
        if band.stop:
            key = "crcl_below_30" if band.upper == 30 else "crcl_below_10"
            return tr(lang, key, c=crcl)
        rec, full = band.recommended_mg, False
    if gt(a.dose_mg - rec, 0.05):
        return tr(lang, "crcl_exceeds", c=crcl, d=f"{rec:g}")
    if full:
        return tr(lang, "crcl_full", c=crcl)
    return tr(lang, "crcl_adjusted", c=crcl, d=f"{rec:g}")


def _doses(view: CaseView, lang: str) -> tuple[DoseLine, ...]:
    lines = [
        DoseLine(a.date, drug(lang, a.drug), a.dose_mg, a.planned,
                 _renal_note(view, a, lang) if a.drug in BISPHOSPHONATES else "")
        for a in (*view.given(), *view.planned())
    ]
    return tuple(sorted(lines, key=lambda x: x.date))


REPORT_LABELS = (
    "summary_title", "summary_as_of", "as_of", "no_name", "question", "sec_patient", "sec_bone",
    "sec_derived", "sec_lesions", "sec_scores", "sec_bma", "sec_stops", "sec_trend",
    "sec_events", "sec_findings", "decision", "recorded_by", "missing_line", "intervals",
    "every_days", "col_region", "col_bone", "col_pattern", "col_missing", "col_score",
    "col_value", "col_date", "col_drug", "col_dose", "col_state", "col_note", "col_reason",
    "col_event", "col_severity", "col_rule", "col_finding", "col_evidence", "planned", "given",
    "done", "status", "basis", "mrn", "pack_title", "pack_sub", "col_no", "col_patient",
    "no_cases", "page", "printed", "sec_courses", "no_bma", "sec_imaging", "col_modality",
    "col_result", "col_detail", "no_imaging", "sec_labs", "col_test", "col_age", "no_result",
    "sec_dental", "dental_exam", "dental_procedures", "onj_events", "none_recorded", "col_why",
    "no_labs", "no_trend_points", "plot_failed", "meeting_time", "place", "chair", "attendees",
    "col_critical", "col_warnings", "cover_order", "case_no", "decided", "days_old",
    "not_recorded", "sec_trend_labs", "sec_history", "no_lines",
)


def report_labels(lang: str) -> dict[str, str]:
    """Headings and chrome of the summary/pack PDFs in ``lang`` (placeholders kept)."""
    return {k: LABELS[k][1 if lang == "zh" else 0] for k in REPORT_LABELS}


def build_mdt_summary(case: Case, assessment: Any, as_of: date, *, question: str | None = None,
                      decision: str | None = None, params: Params = DEFAULTS,
                      lang: str = "en", decided_by: str | None = None,
                      decided_at: datetime | None = None) -> MdtCaseSummary:
    """The MDT case summary for ``case`` as of ``as_of`` in ``lang`` (``en`` or ``zh``)."""
    if lang not in ("en", "zh"):
        raise ValueError(f"lang: {lang!r} is not a summary language (en, zh)")
    doc = assessment_doc(assessment)
    view = CaseView(case, as_of, params)
    scores = doc.get("scores") or {}
    lesions = tuple(
        LesionLine(
            region=region(lang, x.get("region", "")), bone=bone(lang, x.get("bone", "")),
            pattern=value(lang, next((les.pattern for les in case.lesions
                                      if les.region == x.get("region")), None)),
            sins=_score_text(lang, x.get("sins"), x.get("sins_band")),
            mirels=_score_text(lang, x.get("mirels"), x.get("mirels_band")),
            escc=x.get("escc") or "—",
            missing=tuple(missing_name(lang, m) for m in x.get("missing") or ()),
        )
        for x in scores.get("lesions") or []
    )
    score_lines = tuple(
        ScoreLine(tr(lang, k),
                  tr(lang, "not_computable") if (scores.get(k) or {}).get("value") is None
                  else _score_text(lang, scores[k]["value"], scores[k].get("band")),
                  tuple(missing_name(lang, m) for m in (scores.get(k) or {}).get("missing") or ()))
        for k in ("tokuhashi", "tomita", "katagiri")
    )
    msg = "message_zh" if lang == "zh" else "message"
    found = list(doc.get("findings") or [])
    findings = tuple(
        FindingLine(f.get("severity", ""), value(lang, f.get("severity", "")), f.get("rule", ""),
                    f.get(msg) or f.get("message", ""), tuple(f.get("evidence") or ()),
                    f.get("source", ""), why_text(f.get("data")))
        for f in found
    )
    rules = [f.get("rule", "") for f in found]
    missing = tuple(
        f"{missing_name(lang, m.get('input', ''))} ({', '.join(m.get('rules') or [])})"
        if m.get("rules") else missing_name(lang, m.get("input", ""))
        for m in (doc.get("derived") or {}).get("missing_inputs") or []
    )
    critical, warnings = urgency(found)
    status = doc.get("status") or {}
    bm_status = status.get("bone_metastasis") or "unknown"
    return MdtCaseSummary(
        as_of=as_of, mrn=case.patient.mrn, name=case.patient.name,
        identity=_identity(case, as_of, lang), cancer=_cancer_lines(case, lang, as_of),
        history=tuple(history_rows(case, as_of, lang)),
        therapy_lines=tuple(therapy_lines(case, as_of, lang)),
        bm_status=bm_status, bm_status_label=value(lang, bm_status),
        bm_basis=_basis(assessment, status, lang),
        derived=_derived(doc, lang), lesions=lesions, scores=score_lines,
        doses=_doses(view, lang),
        intervals=tuple((drug(lang, k), v) for k, v in sorted(case.bma.interval_days.items())),
        stops=tuple(StopLine(s.date, drug(lang, s.drug), s.reason) for s in view.stops()),
        events=tuple(EventLine(e.date, value(lang, e.kind),
                               region(lang, e.region) if e.region else None, e.planned)
                     for e in view.events if e.kind in SKELETAL_EVENTS),
        findings=findings, missing_inputs=missing, question=question, decision=decision,
        lang=lang, labels=report_labels(lang),
        courses=tuple(course_text(c, lang, as_of)
                      for c in summarise_courses(case, as_of, params)),
        studies=studies(view, lang), lab_ages=lab_ages(view, lang),
        dental=dental_section(view, lang) if dental_needed(question, rules, view) else None,
        lab_panel=lab_panel_needed(rules),
        lab_count=sum(1 for lab in case.labs if lab.date <= as_of),
        trend_points=sum(1 for lab in case.labs
                         if lab.date <= as_of and lab.analyte in TREND_ANALYTES),
        critical=critical, warnings=warnings, decided_by=decided_by, decided_at=decided_at,
    )
