"""The MDT case summary's content (clinician-facing, English): what the pack prints per case.

:func:`build_mdt_summary` turns a case, its assessment (rule book §10) and the as-of date
into a :class:`MdtCaseSummary`: identity, histology/drivers/stage, bone-metastasis status and
basis, the lesion table with SINS/Mirels/ESCC, the prognostic scores with their missing
inputs, the bone-drug history (doses with the renal adjustment of each zoledronic-acid dose,
intervals, stops), skeletal events, the active findings with their evidence, the question
for the MDT and the decision (when recorded). The ALP/CTX trend plot is not drawn here: the
caller attaches PNG bytes (``trend_png``) rendered by the UI layer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from app.domain.careplan import assessment_doc
from app.domain.case import Case
from app.domain.context import CaseView, round_crcl, za_dose_for_crcl
from app.domain.dates import age_on
from app.domain.params import DEFAULTS, Params

HISTOLOGY_LABELS = {
    "adenocarcinoma": "adenocarcinoma", "squamous": "squamous cell carcinoma",
    "sclc": "small cell lung cancer", "large_cell": "large cell carcinoma",
    "nsclc_nos": "NSCLC, not otherwise specified", "other": "other",
}
DRUG_LABELS = {
    "denosumab": "denosumab", "zoledronic_acid": "zoledronic acid",
    "pamidronate": "pamidronate", "ibandronate": "ibandronate",
    "incadronate": "incadronate", "clodronate": "clodronate",
}
SCORE_LABELS = {"tokuhashi": "Revised Tokuhashi (0–15)", "tomita": "Tomita (2–10)",
                "katagiri": "New Katagiri (0–10)"}
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
    severity: str
    rule: str
    message: str
    evidence: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class MdtCaseSummary:
    """One case of an MDT pack (and the stand-alone case summary)."""

    as_of: date
    mrn: str
    name: str | None
    identity: tuple[tuple[str, str], ...]  # sex, age, birth date
    cancer: tuple[tuple[str, str], ...]  # histology, stage, drivers, ECOG, ...
    bm_status: str
    bm_basis: str
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

    def with_trend(self, png: bytes | None) -> MdtCaseSummary:
        return replace(self, trend_png=png)


@dataclass(frozen=True)
class MdtPack:
    """A meeting's pack: date, optional title, and the case summaries in listing order."""

    meeting_date: date
    title: str | None
    cases: tuple[MdtCaseSummary, ...]


def _yn(v: bool | None) -> str:
    return "unknown" if v is None else ("yes" if v else "no")


def _score_text(value: Any, band: Any) -> str:
    if value is None:
        return "—"
    return f"{value} ({band})" if band else str(value)


def _cancer_lines(case: Case) -> tuple[tuple[str, str], ...]:
    c = case.cancer
    lines = [
        ("Histology", HISTOLOGY_LABELS.get(c.histology or "", "unknown")),
        ("Stage (AJCC 8)", c.stage or "unknown"),
        ("Drivers", "unknown" if c.drivers is None else (", ".join(c.drivers) or "none found")),
        ("Visceral metastases", "not staged" if c.visceral_metastases is None
         else (", ".join(c.visceral_metastases) or "none")),
        ("Targeted therapy / immunotherapy / prior chemotherapy",
         f"{_yn(c.targeted_therapy)} / {_yn(c.immunotherapy)} / {_yn(c.prior_chemotherapy)}"),
        ("ECOG / KPS / Frankel",
         " / ".join("—" if v is None else str(v) for v in (c.ecog, c.kps, c.frankel))),
    ]
    return tuple(lines)


def _identity(case: Case, as_of: date) -> tuple[tuple[str, str], ...]:
    p = case.patient
    age = f"{age_on(p.birth_date, as_of)} y" if p.birth_date else "unknown"
    lines = [("MRN", p.mrn), ("Sex", p.sex or "unknown"), ("Age", age),
             ("Weight", f"{p.weight_kg:g} kg" if p.weight_kg else "unknown"),
             ("Osteoporosis", _yn(p.osteoporosis))]
    return tuple(lines)


def _derived(doc: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    d = doc.get("derived") or {}
    out: list[tuple[str, str]] = []
    if d.get("crcl_ml_min") is not None:
        out.append(("CrCl (Cockcroft–Gault)", f"{d['crcl_ml_min']} mL/min ({d.get('crcl_date')})"))
    if d.get("za_dose_mg") is not None:
        out.append(("Zoledronic acid dose for this CrCl", f"{d['za_dose_mg']} mg"))
    if d.get("corrected_calcium_mmol_l") is not None:
        corr = "albumin-corrected" if d.get("calcium_albumin_corrected") else "uncorrected"
        out.append(("Calcium", f"{d['corrected_calcium_mmol_l']} mmol/L, {corr} "
                               f"({d.get('calcium_date')})"))
    if d.get("ionised_calcium_mmol_l") is not None:
        out.append(("Ionised calcium", f"{d['ionised_calcium_mmol_l']} mmol/L"))
    den = d.get("denosumab")
    if den:
        state = "stopped" if den.get("stopped") else "ongoing"
        if den.get("stopped") and not den.get("stop_recorded"):
            state += " (unrecorded stop)"
        text = f"last dose {den.get('last_dose')}, {state}"
        if den.get("stopped"):
            peak = den.get("peak_window") or ["?", "?"]
            text += (f"; rebound risk {den.get('risk_level')}; peak window {peak[0]} – {peak[1]};"
                     f" window end {den.get('window_end')}")
            if den.get("checks_due"):
                text += "; checks due " + ", ".join(den["checks_due"])
        if den.get("nadir_ng_ml") is not None:
            text += f"; CTX nadir {den['nadir_ng_ml']} ng/mL"
        out.append(("Denosumab", text))
    return tuple(out)


def _doses(case: Case, view: CaseView) -> tuple[DoseLine, ...]:
    lines = []
    creas = view.labs("CREA")
    max_age = view.params.creatinine_max_age_days
    for a in (*view.given(), *view.planned()):
        note = ""
        if a.drug == "zoledronic_acid":
            usable = [lv for lv in creas if 0 <= (a.date - lv.date).days <= max_age]
            if not usable and a.planned:
                usable = creas[-1:]
            if usable:
                cc = view.crcl(usable[-1])
                if cc.value is None:
                    note = "CrCl not computable (missing " + ", ".join(cc.missing) + ")"
                else:
                    rec = za_dose_for_crcl(cc.value)
                    crcl = round_crcl(cc.value)
                    if rec is None:
                        note = f"CrCl {crcl}: below 30, not recommended"
                    elif a.dose_mg > rec + 0.05:
                        note = f"CrCl {crcl} → {rec:g} mg: EXCEEDS renal adjustment"
                    elif rec < 4.0:
                        note = f"CrCl {crcl} → renally adjusted {rec:g} mg"
                    else:
                        note = f"CrCl {crcl}: full dose"
            else:
                note = "no creatinine within 14 days before"
        lines.append(DoseLine(a.date, DRUG_LABELS[a.drug], a.dose_mg, a.planned, note))
    return tuple(sorted(lines, key=lambda x: x.date))


def build_mdt_summary(case: Case, assessment: Any, as_of: date, *, question: str | None = None,
                      decision: str | None = None, params: Params = DEFAULTS) -> MdtCaseSummary:
    """The MDT case summary for ``case`` as of ``as_of``."""
    doc = assessment_doc(assessment)
    view = CaseView(case, as_of, params)
    scores = doc.get("scores") or {}
    lesions = tuple(
        LesionLine(
            region=x.get("region", ""), bone=x.get("bone", ""),
            pattern=next((les.pattern for les in case.lesions
                          if les.region == x.get("region")), None),
            sins=_score_text(x.get("sins"), x.get("sins_band")),
            mirels=_score_text(x.get("mirels"), x.get("mirels_band")),
            escc=x.get("escc") or "—", missing=tuple(x.get("missing") or ()),
        )
        for x in scores.get("lesions") or []
    )
    score_lines = tuple(
        ScoreLine(SCORE_LABELS[k],
                  "not computable" if (scores.get(k) or {}).get("value") is None
                  else _score_text(scores[k]["value"], scores[k].get("band")),
                  tuple((scores.get(k) or {}).get("missing") or ()))
        for k in ("tokuhashi", "tomita", "katagiri")
    )
    findings = tuple(
        FindingLine(f.get("severity", ""), f.get("rule", ""), f.get("message", ""),
                    tuple(f.get("evidence") or ()), f.get("source", ""))
        for f in doc.get("findings") or []
    )
    missing = tuple(
        f"{m.get('input')} ({', '.join(m.get('rules') or [])})"
        for m in (doc.get("derived") or {}).get("missing_inputs") or []
    )
    status = doc.get("status") or {}
    return MdtCaseSummary(
        as_of=as_of, mrn=case.patient.mrn, name=case.patient.name,
        identity=_identity(case, as_of), cancer=_cancer_lines(case),
        bm_status=status.get("bone_metastasis") or "unknown",
        bm_basis=status.get("basis") or "",
        derived=_derived(doc), lesions=lesions, scores=score_lines,
        doses=_doses(case, view),
        intervals=tuple((DRUG_LABELS[k], v) for k, v in sorted(case.bma.interval_days.items())),
        stops=tuple(StopLine(s.date, DRUG_LABELS[s.drug], s.reason) for s in view.stops()),
        events=tuple(EventLine(e.date, e.kind.replace("_", " "), e.region, e.planned)
                     for e in view.events if e.kind in SKELETAL_EVENTS),
        findings=findings, missing_inputs=missing, question=question, decision=decision,
    )
