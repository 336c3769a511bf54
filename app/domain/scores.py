"""Scores (rule book §8): SINS and Mirels per lesion, ESCC grade, revised Tokuhashi, Tomita,
new Katagiri, and the CTCAE v5 calcium grade.

A score without its inputs is ``None`` with the missing inputs named by their case-file key
(``kps``, ``frankel``, ``lesions.pain``, ``labs.CRP``, ...). For the lesion scores,
:func:`sins_bounds` / :func:`mirels_bounds` also give the lowest and highest value the score
could take with the missing parts unknown, so that a rule can fire when the threshold is met
whatever the missing parts are (the score itself stays ``None``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.domain.case import LONG_BONES, LOWER_LIMB_BONES, Case, Lesion
from app.domain.context import CaseView
from app.domain.rules_bma_common import ge, gt, lt

# ---------------------------------------------------------------- result type


@dataclass(frozen=True)
class ScoreResult:
    value: int | None
    band: str | None
    missing: tuple[str, ...] = ()
    parts: dict[str, int] = field(default_factory=dict)  # item → points (known items)

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "band": self.band, "missing": list(self.missing)}


@dataclass(frozen=True)
class Bounds:
    """Known part of a lesion score plus the range the missing parts could add."""

    low: int
    high: int
    missing: tuple[str, ...]
    parts: dict[str, int]

    @property
    def value(self) -> int | None:
        return self.low if not self.missing else None


# ---------------------------------------------------------------- SINS (Fisher 2010)

_JUNCTIONAL = {"C1", "C2", "C7", "T1", "T2", "T11", "T12", "L1", "L5", "S1"}
_MOBILE = {"C3", "C4", "C5", "C6", "L2", "L3", "L4"}
_SEMI_RIGID = {f"T{i}" for i in range(3, 11)}

SINS_LOCATION = "location"
SINS_ITEMS: dict[str, dict[str, int]] = {
    "pain": {"mechanical": 3, "occasional": 1, "none": 0},
    "pattern": {"osteolytic": 2, "mixed": 1, "osteoblastic": 0},
    "alignment": {"subluxation": 4, "deformity": 2, "normal": 0},
    "collapse": {"gt50": 3, "lt50": 2, "none_gt50_involved": 1, "none": 0},
    "posterolateral": {"bilateral": 3, "unilateral": 1, "none": 0},
}


def sins_location(level: str) -> int:
    if level in _JUNCTIONAL:
        return 3
    if level in _MOBILE:
        return 2
    if level in _SEMI_RIGID:
        return 1
    return 0  # rigid S2–S5


def sins_band(value: int | None) -> str | None:
    if value is None:
        return None
    return "stable" if value <= 6 else "indeterminate" if value <= 12 else "unstable"


def _bounds(lesion: Lesion, first: tuple[str, int] | None,
            items: dict[str, dict[str, int]]) -> Bounds:
    parts: dict[str, int] = {}
    if first is not None:
        parts[first[0]] = first[1]
    low = high = sum(parts.values())
    missing = []
    for key, table in items.items():
        v = getattr(lesion, key)
        if v is None or v not in table:
            missing.append(f"lesions.{key}")
            low += min(table.values())
            high += max(table.values())
        else:
            parts[key] = table[v]
            low += table[v]
            high += table[v]
    return Bounds(low, high, tuple(missing), parts)


def sins_bounds(lesion: Lesion) -> Bounds | None:
    """SINS bounds for a vertebral lesion (None for other bones)."""
    if lesion.bone != "vertebra" or lesion.level is None:
        return None
    return _bounds(lesion, (SINS_LOCATION, sins_location(lesion.level)), SINS_ITEMS)


def sins(lesion: Lesion) -> ScoreResult | None:
    b = sins_bounds(lesion)
    if b is None:
        return None
    return ScoreResult(b.value, sins_band(b.value), b.missing, b.parts)


# ---------------------------------------------------------------- Mirels (1989)

MIRELS_ITEMS: dict[str, dict[str, int]] = {
    "pain": {"none": 1, "mild": 1, "moderate": 2, "functional": 3},
    "pattern": {"osteoblastic": 1, "mixed": 2, "osteolytic": 3},
    "size": {"lt_third": 1, "third_to_two_thirds": 2, "gt_two_thirds": 3},
}


def mirels_site(lesion: Lesion) -> int:
    if lesion.bone == "femur" and lesion.peritrochanteric:
        return 3
    return 2 if lesion.bone in LOWER_LIMB_BONES else 1


def mirels_band(value: int | None) -> str | None:
    if value is None:
        return None
    return "low" if value <= 7 else "borderline" if value == 8 else "high"


def mirels_bounds(lesion: Lesion) -> Bounds | None:
    """Mirels bounds for a long-bone lesion (None for other bones)."""
    if lesion.bone not in LONG_BONES:
        return None
    return _bounds(lesion, ("site", mirels_site(lesion)), MIRELS_ITEMS)


def mirels(lesion: Lesion) -> ScoreResult | None:
    b = mirels_bounds(lesion)
    if b is None:
        return None
    return ScoreResult(b.value, mirels_band(b.value), b.missing, b.parts)


ESCC_HIGH = ("2", "3")


def lesion_scores_json(lesion: Lesion) -> dict[str, Any]:
    """One entry of ``scores.lesions`` (§10)."""
    s, m = sins(lesion), mirels(lesion)
    missing: list[str] = []
    for r in (s, m):
        if r is not None:
            missing.extend(x for x in r.missing if x not in missing)
    if lesion.bone == "vertebra" and lesion.escc is None:
        missing.append("lesions.escc")
    return {
        "region": lesion.region, "bone": lesion.bone,
        "sins": None if s is None else s.value, "sins_band": None if s is None else s.band,
        "mirels": None if m is None else m.value, "mirels_band": None if m is None else m.band,
        "escc": lesion.escc, "missing": missing,
    }


# ---------------------------------------------------------------- patient-level scores


def distinct_organs(organs: list[str] | None) -> list[str]:
    """Distinct visceral organ names (trimmed, case-insensitive), first spelling kept."""
    seen: dict[str, str] = {}
    for o in organs or ():
        key = o.strip().casefold()
        if key and key not in seen:
            seen[key] = o.strip()
    return list(seen.values())


def _vertebral_counts(case: Case) -> tuple[int, int]:
    vertebral = sum(1 for le in case.lesions if le.bone == "vertebra")
    return vertebral, len(case.lesions) - vertebral


def tokuhashi_band(value: int) -> str:
    return "<6 months" if value <= 8 else "≥6 months" if value <= 11 else "≥1 year"


def tokuhashi(case: Case) -> ScoreResult:
    """Revised Tokuhashi (2005), 0–15; only with ≥1 vertebral lesion."""
    c = case.cancer
    vertebral, extraspinal = _vertebral_counts(case)
    if vertebral == 0:
        return ScoreResult(None, None, ("lesions",))
    parts: dict[str, int] = {}
    missing: list[str] = []
    if c.kps is None:
        missing.append("kps")
    else:
        parts["kps"] = 0 if c.kps < 50 else 1 if c.kps < 80 else 2
    parts["extraspinal_bone"] = 0 if extraspinal >= 3 else 1 if extraspinal >= 1 else 2
    parts["vertebral"] = 0 if vertebral >= 3 else 1 if vertebral == 2 else 2
    _visceral_item(c, parts, missing, none=2, treatable=1, untreatable=0)
    parts["primary"] = 0  # lung
    if c.frankel is None:
        missing.append("frankel")
    else:
        parts["palsy"] = 0 if c.frankel in ("A", "B") else 1 if c.frankel in ("C", "D") else 2
    if missing:
        return ScoreResult(None, None, tuple(missing), parts)
    value = sum(parts.values())
    return ScoreResult(value, tokuhashi_band(value), (), parts)


def _visceral_item(c, parts: dict[str, int], missing: list[str], *, none: int,
                   treatable: int, untreatable: int) -> None:
    """The visceral-metastases item shared by Tokuhashi and Tomita (their points differ):
    unknown organs or treatability → a missing input."""
    if c.visceral_metastases is None:
        missing.append("visceral_metastases")
    elif not distinct_organs(c.visceral_metastases):
        parts["visceral"] = none
    elif c.visceral_treatable is None:
        missing.append("visceral_treatable")
    else:
        parts["visceral"] = treatable if c.visceral_treatable else untreatable


def tomita_band(value: int) -> str:
    if value <= 3:
        return "long-term local control"
    if value <= 5:
        return "middle-term local control"
    if value <= 7:
        return "short-term palliation"
    return "terminal care"


def tomita(case: Case) -> ScoreResult:
    """Tomita (2001); lung primary = rapid growth 4."""
    c = case.cancer
    parts: dict[str, int] = {"primary": 4}
    missing: list[str] = []
    _visceral_item(c, parts, missing, none=0, treatable=2, untreatable=4)
    n = len(case.lesions)
    if n == 0:
        missing.append("lesions")
    else:
        parts["bone"] = 1 if n == 1 else 2
    if missing:
        return ScoreResult(None, None, tuple(missing), parts)
    value = sum(parts.values())
    return ScoreResult(value, tomita_band(value), (), parts)


def katagiri_band(value: int) -> str:
    return "low" if value <= 3 else "intermediate" if value <= 6 else "high"


KATAGIRI_CRITICAL = ("PLT", "CA", "TBIL")
KATAGIRI_ABNORMAL = ("CRP", "LDH", "ALB")


def katagiri_lab_values(view: CaseView) -> dict[str, float]:
    """Latest canonical values dated within 30 days (calcium = corrected calcium)."""
    out: dict[str, float] = {}
    for analyte in KATAGIRI_CRITICAL + KATAGIRI_ABNORMAL:
        if analyte == "CA":
            ca = view.latest_calcium(30)
            if ca is not None:
                out["CA"] = ca.value
            continue
        lv = view.latest(analyte, 30)
        if lv is not None:
            out[analyte] = lv.value
    return out


def katagiri_lab_item(values: dict[str, float]) -> tuple[int | None, list[str]]:
    """(points, analytes not measured). Critical → 2 whenever present; abnormal → 1 when all
    three critical analytes were measured; 0 when all six were measured and none abnormal."""
    critical = (
        ("PLT" in values and lt(values["PLT"], 100))
        or ("CA" in values and ge(values["CA"], 2.57))
        or ("TBIL" in values and ge(values["TBIL"], 23.9))
    )
    abnormal = (
        ("CRP" in values and ge(values["CRP"], 4))
        or ("LDH" in values and ge(values["LDH"], 250))
        or ("ALB" in values and lt(values["ALB"], 37))
    )
    not_measured = [a for a in KATAGIRI_CRITICAL + KATAGIRI_ABNORMAL if a not in values]
    if critical:
        return 2, []
    if abnormal and all(a in values for a in KATAGIRI_CRITICAL):
        return 1, []
    if not not_measured and not abnormal:
        return 0, []
    return None, not_measured


def katagiri(view: CaseView) -> ScoreResult:
    """New Katagiri (2014), 0–10."""
    c = view.case.cancer
    parts: dict[str, int] = {}
    missing: list[str] = []
    # "lung cancer with targeted_therapy true 2, otherwise 3": unknown counts as "otherwise".
    parts["primary"] = 2 if c.targeted_therapy is True else 3
    organs = distinct_organs(c.visceral_metastases)
    if c.disseminated:  # pleural/peritoneal/leptomeningeal spread scores 2 on its own
        parts["visceral"] = 2
    elif c.visceral_metastases is None:
        missing.append("visceral_metastases")
    elif not organs:
        parts["visceral"] = 0
    elif c.disseminated is None:
        missing.append("disseminated")
    else:
        parts["visceral"] = 1
    lab, not_measured = katagiri_lab_item(katagiri_lab_values(view))
    if lab is None:
        missing.extend(f"labs.{a}" for a in not_measured)
    else:
        parts["laboratory"] = lab
    if c.ecog is None:
        missing.append("ecog")
    else:
        parts["ecog"] = 1 if c.ecog >= 3 else 0
    if c.prior_chemotherapy is None:
        missing.append("prior_chemotherapy")
    else:
        parts["prior_chemotherapy"] = 1 if c.prior_chemotherapy else 0
    parts["multiple_skeletal"] = 1 if len(view.case.lesions) >= 2 else 0
    if missing:
        return ScoreResult(None, None, tuple(missing), parts)
    value = sum(parts.values())
    return ScoreResult(value, katagiri_band(value), (), parts)


# ---------------------------------------------------------------- CTCAE v5 calcium


def calcium_grade(value: float, lln: float, uln: float) -> tuple[str | None, int]:
    """CTCAE v5 grade of corrected calcium (mmol/L): ('hypo'|'hyper'|None, grade 0–4).
    A value equal to a boundary up to binary rounding counts as equal."""
    if lt(value, lln):
        grade = 4 if lt(value, 1.5) else 3 if lt(value, 1.75) else 2 if lt(value, 2.0) else 1
        return "hypo", grade
    if gt(value, uln):
        grade = 4 if gt(value, 3.4) else 3 if gt(value, 3.1) else 2 if gt(value, 2.9) else 1
        return "hyper", grade
    return None, 0


def scores_json(view: CaseView) -> dict[str, Any]:
    """The §10 ``scores`` object."""
    case = view.case
    return {
        "lesions": [lesion_scores_json(le) for le in case.lesions],
        "tokuhashi": tokuhashi(case).to_json(),
        "tomita": tomita(case).to_json(),
        "katagiri": katagiri(view).to_json(),
    }
