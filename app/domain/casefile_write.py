"""Serialise a :class:`~app.domain.case.Case` back to a ``bonemet-case/1`` JSON object — the
inverse of :func:`app.domain.casefile.parse_case` (``parse_case(case_to_json(c)) == c``).

``None`` values and empty lists are omitted, except ``cancer.drivers`` and
``cancer.visceral_metastases`` where ``[]`` means "none" (and absent means unknown). A date
keeps its time when the source gave one (``at``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from app.domain import case as C


def _num(v: float) -> int | float:
    """A float that is a whole number is written as an int (58.0 → 58)."""
    return int(v) if float(v).is_integer() and abs(v) < 2**53 else v


def _d(d: date, at: datetime | None = None) -> str:
    return at.isoformat() if at is not None else d.isoformat()


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def case_to_json(case: C.Case) -> dict[str, Any]:
    """The case as a ``bonemet-case/1`` JSON object (``None`` values and empty lists omitted,
    except ``drivers``/``visceral_metastases`` where ``[]`` means "none")."""
    p, c = case.patient, case.cancer
    out: dict[str, Any] = {"schema": C.SCHEMA}
    out["patient"] = _clean({
        "mrn": p.mrn, "name": p.name, "sex": p.sex,
        "birth_date": p.birth_date.isoformat() if p.birth_date else None,
        "weight_kg": None if p.weight_kg is None else _num(p.weight_kg),
        "osteoporosis": p.osteoporosis, "language": p.language,
    })
    cancer = _clean({
        "histology": c.histology, "stage": c.stage,
        "drivers": None if c.drivers is None else list(c.drivers),
        "targeted_therapy": c.targeted_therapy, "immunotherapy": c.immunotherapy,
        "prior_chemotherapy": c.prior_chemotherapy,
        "visceral_metastases": None if c.visceral_metastases is None
        else list(c.visceral_metastases),
        "visceral_treatable": c.visceral_treatable, "disseminated": c.disseminated,
        "visceral_lesion_count": c.visceral_lesion_count, "ecog": c.ecog, "kps": c.kps,
        "frankel": c.frankel,
    })
    if cancer:
        out["cancer"] = cancer
    lists: dict[str, list[dict[str, Any]]] = {
        "symptoms": [_clean({
            "date": _d(s.date, s.at), "kind": s.kind, "pattern": s.pattern, "site": s.site,
            "mechanical": s.mechanical, "nrs": s.nrs, "analgesic_step": s.analgesic_step})
            for s in case.symptoms],
        "labs": [_clean({
            "date": _d(x.date, x.at), "analyte": x.analyte, "value": _num(x.value),
            "unit": x.unit,
            "ref_low": None if x.ref_low is None else _num(x.ref_low),
            "ref_high": None if x.ref_high is None else _num(x.ref_high),
            "fasting": x.fasting, "method": x.method, "comparator": x.comparator,
            "loinc": x.loinc, "flag": x.flag, "ref_text": x.ref_text, "source": x.source})
            for x in case.labs],
        "imaging": [_clean({
            "date": _d(m.date, m.at), "modality": m.modality, "region": m.region,
            "result": m.result, "pattern": m.pattern,
            "bone_destruction": m.bone_destruction, "report": m.report})
            for m in case.imaging],
        "biopsies": [{"date": _d(b.date, b.at), "region": b.region, "result": b.result}
                     for b in case.biopsies],
        "lesions": [_clean({
            "region": le.region, "bone": le.bone, "level": le.level, "side": le.side,
            "limb": le.limb, "peritrochanteric": True if le.peritrochanteric else None,
            "pattern": le.pattern, "pain": le.pain, "alignment": le.alignment,
            "collapse": le.collapse, "posterolateral": le.posterolateral, "size": le.size,
            "escc": le.escc,
            "first_seen": le.first_seen.isoformat() if le.first_seen else None,
            "size_mm": None if le.size_mm is None else _num(le.size_mm)})
            for le in case.lesions],
    }
    out.update({k: v for k, v in lists.items() if v})
    bma: dict[str, Any] = {}
    if case.bma.administrations:
        bma["administrations"] = [_clean({
            "date": _d(a.date, a.at), "drug": a.drug, "dose_mg": _num(a.dose_mg),
            "planned": True if a.planned else None}) for a in case.bma.administrations]
    if case.bma.interval_days:
        bma["interval_days"] = dict(case.bma.interval_days)
    if case.bma.stops:
        bma["stops"] = [_clean({"drug": s.drug, "date": _d(s.date, s.at), "reason": s.reason})
                        for s in case.bma.stops]
    if bma:
        out["bma"] = bma
    sup = _clean({"calcium": case.supplements.calcium, "vitamin_d": case.supplements.vitamin_d})
    if sup:
        out["supplements"] = sup
    dental: dict[str, Any] = {}
    if case.dental.exams:
        dental["exams"] = _exams(case.dental)
    if case.dental.procedures:
        dental["procedures"] = [_clean({
            "date": _d(pr.date, pr.at), "kind": pr.kind,
            "planned": True if pr.planned else None}) for pr in case.dental.procedures]
    if dental:
        out["dental"] = dental
    if case.events:
        out["events"] = [_clean({
            "date": _d(e.date, e.at), "kind": e.kind, "region": e.region,
            "vertebral": e.vertebral, "planned": True if e.planned else None})
            for e in case.events]
    out.update(_history(case))
    so = case.status_override
    if so is not None:
        out["status_override"] = _clean({"status": so.status, "date": so.date.isoformat(),
                                         "by": so.by, "reason": so.reason})
    return out


def _exams(dental: C.Dental) -> list[Any]:
    """Each exam as its date, or as an object when it recorded findings (the first unused
    finding of the same date)."""
    unused = list(dental.findings)
    out: list[Any] = []
    for day in dental.exams:
        found = next((f for f in unused if f.date == day), None)
        if found is None:
            out.append(day.isoformat())
            continue
        unused.remove(found)
        out.append(_clean({"date": day.isoformat(), "oral_hygiene": found.oral_hygiene,
                           "infection": found.infection,
                           "extraction_needed": found.extraction_needed}))
    return out


def _history(case: C.Case) -> dict[str, list[dict[str, Any]]]:
    """The optional oncology-history keys (therapy lines, PD-L1, smoking, disease course)."""
    def opt(v: float | None) -> int | float | None:
        return None if v is None else _num(v)

    lists = {
        "therapy_lines": [_clean({
            "line": t.line, "drugs": list(t.drugs), "start": t.start.isoformat(),
            "stop": t.stop.isoformat() if t.stop else None, "stop_reason": t.stop_reason,
            "best_response": t.best_response, "note": t.note}) for t in case.therapy_lines],
        "pdl1": [_clean({"date": x.date.isoformat(), "tps": opt(x.tps), "cps": opt(x.cps),
                         "assay": x.assay}) for x in case.pdl1],
        "smoking": [_clean({"date": x.date.isoformat(), "status": x.status,
                            "pack_years": opt(x.pack_years)}) for x in case.smoking],
        "disease_course": [_clean({"date": x.date.isoformat(), "kind": x.kind,
                                   "stage": x.stage}) for x in case.disease_course],
    }
    return {k: v for k, v in lists.items() if v}
