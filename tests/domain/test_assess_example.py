"""The rule book's worked example (§10): the example case as of 2026-11-21 must reproduce
exactly the status, derived values, scores and findings (in order) the book gives."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.domain.assess import assess
from app.domain.casefile import parse_case
from app.domain.params import params_from_mapping

from .helpers import example_json

AS_OF = date(2026, 11, 21)


@pytest.fixture(scope="module")
def doc():
    return assess(parse_case(example_json()), AS_OF).to_json()


def test_header(doc):
    assert doc["schema"] == "bonemet-assessment/1"
    assert doc["as_of"] == "2026-11-21"
    assert doc["rules_version"] == "rules/2"
    assert doc["parameters"] == {}


def test_status(doc):
    assert doc["status"] == {
        "bone_metastasis": "confirmed",
        "basis": "MRI L3 2026-05-08: positive, bone destruction",
    }


def test_derived(doc):
    d = doc["derived"]
    assert list(d) == [
        "crcl_ml_min", "crcl_date", "corrected_calcium_mmol_l", "calcium_date",
        "calcium_albumin_corrected", "ionised_calcium_mmol_l", "za_dose_mg", "missing_inputs",
        "denosumab",
    ]
    assert d["crcl_ml_min"] == 59.6
    assert d["crcl_date"] == "2026-11-02"
    assert d["za_dose_mg"] == 3.5
    assert d["corrected_calcium_mmol_l"] == 2.35
    assert d["calcium_date"] == "2026-11-02"
    assert d["calcium_albumin_corrected"] is True
    assert d["ionised_calcium_mmol_l"] is None
    assert d["missing_inputs"] == []
    assert d["denosumab"] == {
        "last_dose": "2026-07-20", "stopped": True, "stop_recorded": True,
        "peak_window": ["2026-09-18", "2026-11-17"], "window_end": "2027-08-19",
        "risk_level": "elevated", "nadir_ng_ml": 0.09,
        "checks_due": ["2026-10-18", "2027-01-16", "2027-04-16", "2027-07-20"],
    }


def test_scores(doc):
    s = doc["scores"]
    l3, femur = s["lesions"]
    assert l3 == {"region": "L3", "bone": "vertebra", "sins": 10, "sins_band": "indeterminate",
                  "mirels": None, "mirels_band": None, "escc": "1a", "missing": []}
    assert femur == {"region": "left femur", "bone": "femur", "sins": None, "sins_band": None,
                     "mirels": 8, "mirels_band": "borderline", "escc": None, "missing": []}
    assert s["tokuhashi"] == {"value": 8, "band": "<6 months", "missing": []}
    assert s["tomita"] == {"value": 8, "band": "terminal care", "missing": []}
    assert s["katagiri"] == {"value": None, "band": None,
                             "missing": ["labs.PLT", "labs.TBIL", "labs.CRP", "labs.LDH"]}


EXPECTED = [
    ("DEN-REBOUND-CTX", "critical"),
    ("DEN-STOP-WINDOW", "warning"),
    ("DENT-INVASIVE", "warning"),
    ("LOC-SINS-INDETERMINATE", "warning"),
    ("LOC-MIRELS-BORDERLINE", "info"),
    ("LOC-RT", "info"),
    ("LOC-VERTEBROPLASTY", "info"),
    ("LOC-OLIGO", "info"),
]


def test_findings_in_order(doc):
    assert [(f["rule"], f["severity"]) for f in doc["findings"]] == EXPECTED


def test_findings_carry_why_and_basis(doc):
    by_rule = {f["rule"]: f for f in doc["findings"]}
    assert by_rule["LOC-SINS-INDETERMINATE"]["data"]["region"] == "L3"
    assert "10" in by_rule["LOC-SINS-INDETERMINATE"]["message"]
    assert by_rule["LOC-RT"]["data"]["region"] == "left femur"
    assert "moderate" in by_rule["LOC-RT"]["message"]
    assert "2026-06-10" in by_rule["LOC-RT"]["message"]  # L3 had radiotherapy
    assert "adrenal" in by_rule["LOC-OLIGO"]["message"]
    assert by_rule["LOC-OLIGO"]["evidence"] == ["GL", "SEED"]  # strongest first
    for f in doc["findings"]:
        assert f["message"] and f["message_zh"] and f["source"] and f["evidence"]
        assert f["message_zh"] != f["message"]


def test_rules2_data_keys_of_the_worked_example(doc):
    """§10 (rules/2): the findings are unchanged; data keys were added."""
    by_rule = {f["rule"]: f for f in doc["findings"]}
    ctx = by_rule["DEN-REBOUND-CTX"]["data"]
    assert {k: ctx[k] for k in ("ctx_ng_ml", "date", "day", "uln_ng_ml", "nadir_ng_ml",
                                "nadir_date", "on_bisphosphonate", "bisphosphonate",
                                "bisphosphonate_last_dose")} == {
        "ctx_ng_ml": 0.41, "date": "2026-11-02", "day": 105, "uln_ng_ml": 0.7,
        "nadir_ng_ml": 0.09, "nadir_date": "2026-07-02", "on_bisphosphonate": False,
        "bisphosphonate": None, "bisphosphonate_last_dose": None}
    stop = by_rule["DEN-STOP-WINDOW"]
    assert stop["data"]["switched_to"] is None
    assert "Do not stop denosumab casually" in stop["message"]
    dent = by_rule["DENT-INVASIVE"]["data"]
    assert dent["earliest_date_meeting_hold"] == "2026-11-21"
    assert dent["planned_doses_in_hold"] == []
    assert dent["latest_dose_date_meeting_hold"] == "2026-07-27"
    assert dent["hold_met"] is True and dent["gap_days"] == 67


def test_document_is_json_serialisable(doc):
    assert json.loads(json.dumps(doc)) == doc


def test_parameters_list_non_defaults():
    params = params_from_mapping({"lsc_ctx": 0.5, "lookback_days": 365})
    out = assess(parse_case(example_json()), AS_OF, params).to_json()
    assert out["parameters"] == {"lsc_ctx": 0.5}


def test_as_of_hides_later_records():
    # before the MRI: only the positive bone scan → suspected, no BMA findings yet
    out = assess(parse_case(example_json()), date(2026, 5, 6)).to_json()
    assert out["status"] == {"bone_metastasis": "suspected",
                             "basis": "Bone scan L3 2026-05-05: positive"}
    assert out["derived"]["denosumab"] is None
    assert out["derived"]["crcl_ml_min"] is None and out["derived"]["crcl_date"] is None
