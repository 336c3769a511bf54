"""Small helpers shared by the BMA, DEN and DENT rule modules (no rules live here).

- :func:`missing_of` — where a rule reports a missing input (``view.missing`` per the
  rule-module hook; ``view.memo["missing"]`` as a fallback while a view has none).
- :func:`status_of` — the bone-metastasis status string from ``view.status``.
- :func:`dose_en` / :func:`dose_zh` — a dose as the findings' messages name it.
- Float comparisons with a tiny tolerance, so that a value *at* a threshold written in the
  book (e.g. 3.5 + 0.05 mg, 1.3 × nadir) is judged as equal, not spoiled by binary rounding.
  Thresholds are still applied to unrounded values (§0); the tolerance is 1e-9 relative.
- CTCAE v5 calcium grades (§8) for corrected calcium in mmol/L.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain.case import Administration
from app.domain.context import CaseView, CrCl, LabValue, Missing, round_crcl, round_lab
from app.domain.names import DRUG_NAMES

_EPS = 1e-9

#: the drugs' Chinese names, from the one bilingual catalogue (app.domain.names)
DRUG_ZH = {key: zh for key, (_en, zh) in DRUG_NAMES.items()}


def dose_en(a: Administration) -> str:
    """"denosumab 120 mg given 2026-03-01" (a dose in a finding's English message)."""
    state = "planned" if a.planned else "given"
    return f"{a.drug.replace('_', ' ')} {a.dose_mg:g} mg {state} {a.date.isoformat()}"


def dose_zh(a: Administration) -> str:
    """The Chinese of :func:`dose_en`."""
    state = "计划" if a.planned else "已给"
    return f"{a.date.isoformat()} {state}{DRUG_ZH.get(a.drug, a.drug)} {a.dose_mg:g} mg"


def missing_of(view: CaseView) -> Missing:
    """The assessment's collector of missing inputs for this view."""
    m = getattr(view, "missing", None)
    if isinstance(m, Missing):
        return m
    m = view.memo.get("missing")
    if not isinstance(m, Missing):
        m = Missing()
        view.memo["missing"] = m
    return m


def status_of(view: CaseView) -> str | None:
    """'confirmed' | 'suspected' | 'not_found' | 'unknown' (None before the status is set)."""
    s = view.status
    if s is None or isinstance(s, str):
        return s
    return getattr(s, "bone_metastasis", None)


def _tol(b: float) -> float:
    return _EPS * max(1.0, abs(b))


def gt(a: float, b: float) -> bool:
    """a > b, with a value equal to b up to binary rounding judged as equal."""
    return a > b + _tol(b)


def ge(a: float, b: float) -> bool:
    return a >= b - _tol(b)


def lt(a: float, b: float) -> bool:
    return a < b - _tol(b)


def iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def hypo_grade(value: float, lln: float) -> int:
    """CTCAE v5 hypocalcaemia grade of a corrected calcium (0 = not below the LLN)."""
    if not lt(value, lln):
        return 0
    if lt(value, 1.5):
        return 4
    if lt(value, 1.75):
        return 3
    if lt(value, 2.0):
        return 2
    return 1


def hyper_grade(value: float, uln: float) -> int:
    """CTCAE v5 hypercalcaemia grade of a corrected calcium (0 = not above the ULN)."""
    if not gt(value, uln):
        return 0
    if gt(value, 3.4):
        return 4
    if gt(value, 3.1):
        return 3
    if gt(value, 2.9):
        return 2
    return 1


def lab_json(lv: LabValue) -> dict[str, Any]:
    """A lab result for findings' data: canonical value (rounded per §0) and as reported."""
    return {
        "date": lv.date.isoformat(),
        "analyte": lv.analyte,
        "value": round_lab(lv.analyte, lv.value),
        "reported": {"value": lv.lab.value, "unit": lv.lab.unit},
    }


def crcl_json(c: CrCl) -> dict[str, Any]:
    """A CrCl with the inputs used (creatinine value and date, weight, age, sex)."""
    return {
        "crcl_ml_min": None if c.value is None else round_crcl(c.value),
        "creatinine_umol_l": round_lab("CREA", c.creatinine.value),
        "creatinine_mg_dl": round_lab("CREA", c.scr_mg_dl),
        "creatinine_date": c.creatinine.date.isoformat(),
        "weight_kg": c.weight_kg,
        "age": c.age,
        "sex": c.sex,
        "missing": list(c.missing),
    }


def crcl_text(c: CrCl) -> tuple[str, str]:
    """English and Chinese text of a CrCl with its creatinine, weight, age and sex."""
    cr = round_lab("CREA", c.creatinine.value)
    d = c.creatinine.date.isoformat()
    if c.value is None:
        miss = ", ".join(c.missing)
        return (
            f"CrCl not computable (missing {miss}); creatinine {cr:g} µmol/L on {d}",
            f"无法计算CrCl（缺少{miss}）；肌酐 {cr:g} µmol/L（{d}）",
        )
    v = round_crcl(c.value)
    sex_zh = {"female": "女", "male": "男"}.get(c.sex or "", c.sex or "")
    return (
        f"CrCl {v:.1f} mL/min (creatinine {cr:g} µmol/L on {d}, weight {c.weight_kg:g} kg, "
        f"{c.sex}, {c.age} y)",
        f"CrCl {v:.1f} mL/min（肌酐 {cr:g} µmol/L，{d}；体重 {c.weight_kg:g} kg；{sex_zh}，"
        f"{c.age}岁）",
    )
