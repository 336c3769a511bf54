"""Validation of chart records as a form hands them in: the case-file rules (allowed values,
units, lesion constraints) reused, every wrong field named at once, plus the checks only a
form needs (no future date for something that happened, plausible dose)."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import case as C
from app.services.records_map import ExamDate, IntervalSetting
from app.services.records_validate import ValidationFailed, parse_record

TODAY = date(2026, 11, 21)


def problems(kind, values) -> dict[str, tuple[str, str]]:
    with pytest.raises(ValidationFailed) as err:
        parse_record(kind, values, TODAY)
    return {e.field: (e.code, e.message) for e in err.value.errors}


@pytest.mark.parametrize("kind,values,cls", [
    ("symptom", {"date": "2026-11-01", "kind": "bone_pain", "pattern": "fixed"}, C.Symptom),
    ("lab", {"date": "2026-11-01T07:30", "analyte": "CREA", "value": 1.2, "unit": "mg/dL"},
     C.Lab),
    ("imaging", {"date": "2026-11-01", "modality": "pet_ct", "region": "whole body",
                 "result": "equivocal"}, C.Imaging),
    ("biopsy", {"date": "2026-11-01", "region": "L3", "result": "nondiagnostic"}, C.Biopsy),
    ("lesion", {"region": "left femur", "bone": "femur", "limb": "lower",
                "peritrochanteric": True, "size": "gt_two_thirds"}, C.Lesion),
    ("administration", {"date": "2026-12-01", "drug": "denosumab", "dose_mg": 120,
                        "planned": True}, C.Administration),
    ("stop", {"date": "2026-11-01", "drug": "denosumab", "reason": "dental"}, C.Stop),
    ("interval", {"drug": "zoledronic_acid", "days": 84}, IntervalSetting),
    ("dental_exam", {"date": "2026-11-01"}, ExamDate),
    ("dental_procedure", {"date": "2027-01-10", "kind": "extraction", "planned": True},
     C.DentalProcedure),
    ("event", {"date": "2027-01-10", "kind": "radiotherapy", "planned": True}, C.Event),
    ("cancer", {"stage": "IVB", "ecog": 1, "kps": 80, "frankel": "E", "drivers": []},
     C.Cancer),
    ("supplements", {"calcium": True, "vitamin_d": False}, C.Supplements),
    ("status_override", {"status": "confirmed", "date": "2026-11-01", "reason": "MDT"},
     C.StatusOverride),
])
def test_valid_records_parse(kind, values, cls):
    record = parse_record(kind, values, TODAY)
    assert isinstance(record, cls)


def test_every_wrong_field_is_named_at_once():
    got = problems("imaging", {"date": "2026-13-01", "modality": "pet", "result": "maybe"})
    assert set(got) == {"date", "modality", "region", "result"}
    assert got["region"][0] == "required"
    assert "not one of" in got["modality"][1]


def test_units_follow_the_analyte():
    got = problems("lab", {"date": "2026-11-01", "analyte": "CA", "value": 2.3,
                           "unit": "g/L"})
    assert got == {"unit": ("unit", "'g/L' is not a unit of CA")}


def test_lesion_constraints_from_the_case_file():
    got = problems("lesion", {"region": "x", "bone": "rib", "limb": "upper",
                              "peritrochanteric": True, "level": "T4"})
    assert set(got) == {"level", "limb", "peritrochanteric"}


def test_future_only_for_plans_and_dose_plausibility():
    assert "date" in problems("administration", {"date": "2026-12-01", "drug": "denosumab",
                                                 "dose_mg": 120})
    assert parse_record("administration", {"date": "2026-12-01", "drug": "denosumab",
                                           "dose_mg": 120, "planned": True}, TODAY)
    got = problems("administration", {"date": "2026-11-01", "drug": "pamidronate",
                                       "dose_mg": 900})
    assert got["dose_mg"][0] == "out_of_range"
    assert problems("event", {"date": "2026-11-01", "kind": "onj", "planned": True}) == {
        "planned": ("invalid", "a onj event cannot be planned")}

