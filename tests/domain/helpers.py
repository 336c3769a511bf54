"""Shared test helpers for the domain tests: load the example case, build small cases."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from app.domain.casefile import parse_case

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "cases"


def example_json() -> dict[str, Any]:
    """A fresh copy of the §10 example case (as decoded JSON)."""
    return json.loads((FIXTURES / "example.json").read_text(encoding="utf-8"))


def minimal_json(**sections: Any) -> dict[str, Any]:
    """The smallest valid case plus the given top-level sections."""
    obj: dict[str, Any] = {"schema": "bonemet-case/1", "patient": {"mrn": "T-1"}}
    obj.update(copy.deepcopy(sections))
    return obj


def case_of(**sections: Any):
    return parse_case(minimal_json(**sections))
