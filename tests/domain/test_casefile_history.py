"""The optional oncology-history keys of bonemet-case/1 (issue 20 item 8): read, written,
round-tripped, and bad values refused naming the key (docs/case-file.md)."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from app.domain import case as C
from app.domain.casefile import CaseFileError, case_to_json, parse_case

BASE = {"schema": "bonemet-case/1", "patient": {"mrn": "H-1", "birth_date": "1952-03-01"}}

#: the seed's case 3 (gefitinib → osimertinib → furmonertinib + MET inhibitor), with the
#: rest of the history the issue asks for
HISTORY = {
    "therapy_lines": [
        {"line": 1, "drugs": ["gefitinib"], "start": "2020-05-01", "stop": "2021-05-10",
         "stop_reason": "progression", "best_response": "PR", "note": "bone progression; T790M"},
        {"line": 2, "drugs": ["osimertinib"], "start": "2021-05-20", "stop": "2024-06-01",
         "stop_reason": "progression", "best_response": "SD"},
        {"line": 3, "drugs": ["furmonertinib", "savolitinib"], "start": "2024-06-15"},
    ],
    "pdl1": [{"date": "2020-04-25", "tps": 1, "cps": 2.5, "assay": "22C3"}],
    "smoking": [{"date": "2020-04-20", "status": "never", "pack_years": 0}],
    "disease_course": [{"date": "2020-04-20", "kind": "diagnosis", "stage": "IVB"},
                       {"date": "2024-06-01", "kind": "progression"}],
    "symptoms": [{"date": "2024-05-01", "kind": "bone_pain", "nrs": 6, "analgesic_step": 2}],
    "imaging": [{"date": "2024-05-03", "modality": "mri", "region": "L3", "result": "positive",
                 "report": "L3 溶骨性破坏，后缘完整"}],
    "lesions": [{"region": "L3", "bone": "vertebra", "level": "L3", "first_seen": "2021-04-30",
                 "size_mm": 18}],
    "dental": {"exams": ["2020-04-01", {"date": "2024-01-05", "oral_hygiene": "fair",
                                        "infection": True, "extraction_needed": True}]},
}


def _doc(**over) -> dict:
    doc = copy.deepcopy(BASE)
    doc.update(copy.deepcopy(HISTORY))
    doc.update(over)
    return doc


def test_history_keys_are_read():
    case = parse_case(_doc())
    assert [t.drugs for t in case.therapy_lines] == [
        ["gefitinib"], ["osimertinib"], ["furmonertinib", "savolitinib"]]
    first = case.therapy_lines[0]
    assert (first.line, first.start, first.stop, first.stop_reason, first.best_response) == (
        1, date(2020, 5, 1), date(2021, 5, 10), "progression", "PR")
    assert case.therapy_lines[2].stop is None and case.therapy_lines[2].date == date(2024, 6, 15)
    assert case.pdl1 == [C.Pdl1(date(2020, 4, 25), 1.0, 2.5, "22C3")]
    assert case.smoking == [C.Smoking(date(2020, 4, 20), "never", 0.0)]
    assert [(c.kind, c.stage) for c in case.disease_course] == [
        ("diagnosis", "IVB"), ("progression", None)]
    assert (case.symptoms[0].nrs, case.symptoms[0].analgesic_step) == (6, 2)
    assert case.imaging[0].report.startswith("L3")
    assert (case.lesions[0].first_seen, case.lesions[0].size_mm) == (date(2021, 4, 30), 18.0)
    assert case.dental.exams == [date(2020, 4, 1), date(2024, 1, 5)]
    assert case.dental.findings == [C.DentalExam(date(2024, 1, 5), "fair", True, True)]
    assert case.dental.clearance_exams() == [date(2020, 4, 1)]


def test_history_round_trips():
    case = parse_case(_doc())
    out = case_to_json(case)
    assert parse_case(out) == case
    for key in ("therapy_lines", "pdl1", "smoking", "disease_course"):
        assert out[key] == HISTORY[key]
    assert out["dental"] == HISTORY["dental"]
    assert out["lesions"][0]["size_mm"] == 18 and out["symptoms"][0]["nrs"] == 6


def test_a_case_without_the_keys_writes_none_of_them():
    out = case_to_json(parse_case(copy.deepcopy(BASE)))
    assert not {"therapy_lines", "pdl1", "smoking", "disease_course"} & set(out)


BAD = [
    ("therapy_lines", [{"drugs": ["x"], "start": "2020-01-01"}], "therapy_lines[0].line",
     "required"),
    ("therapy_lines", [{"line": 0, "drugs": ["x"], "start": "2020-01-01"}],
     "therapy_lines[0].line", "must be 1–20"),
    ("therapy_lines", [{"line": 1, "drugs": [], "start": "2020-01-01"}],
     "therapy_lines[0].drugs", "required"),
    ("therapy_lines", [{"line": 1, "drugs": "gefitinib", "start": "2020-01-01"}],
     "therapy_lines[0].drugs", "expected a list"),
    ("therapy_lines", [{"line": 1, "drugs": ["x", ""], "start": "2020-01-01"}],
     "therapy_lines[0].drugs[1]", "non-empty"),
    ("therapy_lines", [{"line": 1, "drugs": ["x"] * 11, "start": "2020-01-01"}],
     "therapy_lines[0].drugs", "at most 10"),
    ("therapy_lines", [{"line": 1, "drugs": ["x"]}], "therapy_lines[0].start", "required"),
    ("therapy_lines", [{"line": 1, "drugs": ["x"], "start": "2020-01-01", "stop": "2019-12-31"}],
     "therapy_lines[0].stop", "before start"),
    ("therapy_lines", [{"line": 1, "drugs": ["x"], "start": "2020-01-01",
                        "stop_reason": "progression"}], "therapy_lines[0].stop_reason",
     "only a stopped line"),
    ("therapy_lines", [{"line": 1, "drugs": ["x"], "start": "2020-01-01",
                        "best_response": "iCR"}], "therapy_lines[0].best_response", "not one of"),
    ("therapy_lines", [{"line": 1, "drugs": ["x"], "start": "1899-12-31"}],
     "therapy_lines[0].start", "before 1900"),
    ("therapy_lines", [{"line": 1, "drugs": ["x"], "start": "1950-01-01"}],
     "therapy_lines[0].start", "birth date"),
    ("therapy_lines", [{"line": 1, "drugs": ["x"], "start": "2020-01-01", "dose": 1}],
     "therapy_lines[0].dose", "unknown key"),
    ("pdl1", [{"date": "2020-01-01"}], "pdl1[0].tps", "required"),
    ("pdl1", [{"date": "2020-01-01", "tps": 101}], "pdl1[0].tps", "must be 0–100 %"),
    ("pdl1", [{"date": "2020-01-01", "cps": -1}], "pdl1[0].cps", "must be 0–100"),
    ("pdl1", [{"date": "2020-01-01", "tps": True}], "pdl1[0].tps", "expected a number"),
    ("pdl1", [{"tps": 5}], "pdl1[0].date", "required"),
    ("smoking", [{"date": "2020-01-01", "status": "ex"}], "smoking[0].status", "not one of"),
    ("smoking", [{"date": "2020-01-01", "status": "former", "pack_years": 250}],
     "smoking[0].pack_years", "must be 0–200"),
    ("smoking", [{"date": "2020-01-01", "status": "never", "pack_years": 5}],
     "smoking[0].pack_years", "never-smoker"),
    ("disease_course", [{"date": "2020-01-01", "kind": "relapse"}], "disease_course[0].kind",
     "not one of"),
    ("disease_course", [{"date": "2020-01-01", "kind": "diagnosis", "stage": "V"}],
     "disease_course[0].stage", "not one of"),
    ("disease_course", [{"date": "1940-01-01", "kind": "diagnosis"}],
     "disease_course[0].date", "birth date"),
    ("symptoms", [{"date": "2020-01-01", "kind": "bone_pain", "nrs": 11}], "symptoms[0].nrs",
     "must be 0–10"),
    ("symptoms", [{"date": "2020-01-01", "kind": "bone_pain", "nrs": 6.5}], "symptoms[0].nrs",
     "whole number"),
    ("symptoms", [{"date": "2020-01-01", "kind": "bone_pain", "analgesic_step": 4}],
     "symptoms[0].analgesic_step", "must be 1–3"),
    ("imaging", [{"date": "2020-01-01", "modality": "ct", "region": "x", "result": "positive",
                  "report": 5}], "imaging[0].report", "expected a string"),
    ("lesions", [{"region": "x", "bone": "rib", "size_mm": 0.2}], "lesions[0].size_mm",
     "must be 1–500 mm"),
    ("lesions", [{"region": "x", "bone": "rib", "first_seen": "2020-02-30"}],
     "lesions[0].first_seen", "not a valid calendar date"),
    ("lesions", [{"region": "x", "bone": "rib", "first_seen": "1951-01-01"}],
     "lesions[0].first_seen", "birth date"),
    ("dental", {"exams": [{"date": "2020-01-01", "oral_hygiene": "bad"}]},
     "dental.exams[0].oral_hygiene", "not one of"),
    ("dental", {"exams": [{"date": "2020-01-01", "extraction_needed": "yes"}]},
     "dental.exams[0].extraction_needed", "true or false"),
    ("dental", {"exams": [{"extraction_needed": True}]}, "dental.exams[0].date", "required"),
    ("dental", {"exams": [{"date": "2020-01-01", "caries": True}]},
     "dental.exams[0].caries", "unknown key"),
]


@pytest.mark.parametrize(("key", "value", "field", "problem"), BAD,
                         ids=[f"{b[2]}:{b[3]}" for b in BAD])
def test_bad_values_are_refused_naming_the_key(key, value, field, problem):
    doc = copy.deepcopy(BASE)
    doc[key] = value
    with pytest.raises(CaseFileError) as err:
        parse_case(doc)
    assert err.value.field == field
    assert problem in err.value.problem


def test_a_history_date_on_the_birth_date_is_accepted():
    doc = copy.deepcopy(BASE)
    doc["disease_course"] = [{"date": "1952-03-01", "kind": "diagnosis"}]
    assert parse_case(doc).disease_course[0].date == date(1952, 3, 1)
