"""Helpers for rule tests: assess a small case and pick out one rule's findings."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain.assess import assess
from app.domain.params import params_from_mapping

from .helpers import case_of

AS_OF = date(2026, 6, 30)

POSITIVE_MRI = {"date": "2026-05-08", "modality": "mri", "region": "L3", "result": "positive",
                "bone_destruction": True}


def run(as_of: date = AS_OF, params: dict[str, Any] | None = None, **sections):
    p = params_from_mapping(params or {})
    return assess(case_of(**sections), as_of, p)


def fired(rule: str, as_of: date = AS_OF, params=None, **sections) -> list:
    return [f for f in run(as_of, params, **sections).findings if f.rule == rule]


def missing(rule: str, as_of: date = AS_OF, params=None, **sections) -> list[str]:
    out = run(as_of, params, **sections).derived["missing_inputs"]
    return [m["input"] for m in out if rule in m["rules"]]


def lab(d: str, analyte: str, value: float, unit: str, **kw) -> dict[str, Any]:
    return {"date": d, "analyte": analyte, "value": value, "unit": unit, **kw}


def img(d: str, modality: str, region: str, result: str, **kw) -> dict[str, Any]:
    return {"date": d, "modality": modality, "region": region, "result": result, **kw}
