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
            "mechanical": s.mechanical}) for s in case.symptoms],
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
            "bone_destruction": m.bone_destruction}) for m in case.imaging],
        "biopsies": [{"date": _d(b.date, b.at), "region": b.region, "result": b.result}
                     for b in case.biopsies],
        "lesions": [_clean({
            "region": le.region, "bone": le.bone, "level": le.level, "side": le.side,
            "limb": le.limb, "peritrochanteric": True if le.peritrochanteric else None,
            "pattern": le.pattern, "pain": le.pain, "alignment": le.alignment,
            "collapse": le.collapse, "posterolateral": le.posterolateral, "size": le.size,
            "escc": le.escc}) for le in case.lesions],
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
        dental["exams"] = [e.isoformat() for e in case.dental.exams]
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
    so = case.status_override
    if so is not None:
        out["status_override"] = _clean({"status": so.status, "date": so.date.isoformat(),
                                         "by": so.by, "reason": so.reason})
    return out
