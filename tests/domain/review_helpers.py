"""Shared helpers of the independent review tests (test_review_*.py): build a bonemet-case/1
document from sections, assess it as of 2026-11-21 (or another date) and read the §10 output.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

from app.domain.assess import assess
from app.domain.casefile import parse_case
from app.domain.params import DEFAULTS, params_from_mapping

AS_OF = date(2026, 11, 21)


def ago(n: int) -> str:
    return (AS_OF - timedelta(days=n)).isoformat()


def case_obj(**sections: Any) -> dict[str, Any]:
    obj: dict[str, Any] = {"schema": "bonemet-case/1", "patient": {"mrn": "R-2"}}
    obj.update(copy.deepcopy(sections))
    return obj


def run(as_of: date = AS_OF, params: dict[str, Any] | None = None, **sections: Any) -> dict:
    p = params_from_mapping(params) if params else DEFAULTS
    return assess(parse_case(case_obj(**sections)), as_of, p).to_json()


def lab(n: int, analyte: str, value: float, unit: str, **kw: Any) -> dict:
    return {"date": ago(n), "analyte": analyte, "value": value, "unit": unit, **kw}


def found(doc: dict, rule: str) -> list[dict]:
    return [f for f in doc["findings"] if f["rule"] == rule]


def missing_names(doc: dict) -> set[str]:
    return {m["input"] for m in doc["derived"]["missing_inputs"]}


def fires(doc: dict, rule: str) -> bool:
    return bool(found(doc, rule))


def img(n: int, modality: str, region: str, result: str, **kw: Any) -> dict:
    return {"date": ago(n), "modality": modality, "region": region, "result": result, **kw}


def status(doc: dict) -> tuple[str, str]:
    return doc["status"]["bone_metastasis"], doc["status"]["basis"]


MRI_CONFIRM = img(100, "mri", "L3", "positive", bone_destruction=True)
