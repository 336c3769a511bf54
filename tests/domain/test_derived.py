"""Derived values (§1, §10 derived.*): CrCl, corrected and ionised calcium, ZA dose, missing
inputs; property tests for unit conversion, corrected calcium and Cockcroft–Gault."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.assess import assess
from app.domain.case import Case, Lab, Patient
from app.domain.context import CaseView, Missing, za_dose_for_crcl
from app.domain.derived import derived_json, missing_inputs_json
from app.domain.units import ANALYTES, normalise_unit, to_canonical

from .helpers import case_of

AS_OF = date(2026, 11, 21)


def derived(**sections):
    return derived_json(CaseView(case_of(**sections), AS_OF))


PATIENT = {"mrn": "T-1", "sex": "female", "birth_date": "1953-04-02", "weight_kg": 58}


def lab(d, analyte, value, unit, **kw):
    return {"date": d, "analyte": analyte, "value": value, "unit": unit, **kw}


def test_all_keys_present_and_null_without_data():
    d = derived()
    assert d == {
        "crcl_ml_min": None, "crcl_date": None, "corrected_calcium_mmol_l": None,
        "calcium_date": None, "calcium_albumin_corrected": None,
        "ionised_calcium_mmol_l": None, "za_dose_mg": None, "missing_inputs": [],
        "denosumab": None,
    }


def test_crcl_example_and_mg_dl_creatinine():
    d = derived(patient=PATIENT, labs=[lab("2026-11-02", "CREA", 68, "µmol/L")])
    assert (d["crcl_ml_min"], d["crcl_date"], d["za_dose_mg"]) == (59.6, "2026-11-02", 3.5)
    d = derived(patient=PATIENT, labs=[lab("2026-11-02", "CREA", 68 / 88.4, "mg/dL")])
    assert d["crcl_ml_min"] == 59.6


def test_crcl_uses_latest_creatinine_on_or_before_as_of():
    d = derived(patient=PATIENT, labs=[lab("2026-10-01", "CREA", 68, "umol/L"),
                                       lab("2026-11-22", "CREA", 300, "umol/L")])
    assert d["crcl_date"] == "2026-10-01"


def test_crcl_not_computable_names_missing_inputs_and_keeps_date():
    d = derived(patient={"mrn": "x", "sex": "unknown"},
                labs=[lab("2026-11-02", "CREA", 68, "umol/L")])
    assert d["crcl_ml_min"] is None and d["crcl_date"] == "2026-11-02"
    assert d["za_dose_mg"] is None
    assert [m["input"] for m in d["missing_inputs"]] == ["birth_date", "sex", "weight_kg"]


def test_male_crcl_and_age_on_creatinine_date():
    p = dict(PATIENT, sex="male", birth_date="1953-11-03")  # 72 on 2026-11-02, 73 next day
    d = derived(patient=p, labs=[lab("2026-11-02", "CREA", 88.4, "umol/L")])
    assert d["crcl_ml_min"] == round((140 - 72) * 58 / 72, 1)


@pytest.mark.parametrize(("crcl", "dose"), [
    (None, None), (29.99, None), (30, 3.0), (39.99, 3.0), (40, 3.3), (49.99, 3.3), (50, 3.5),
    (60, 3.5), (60.01, 4.0), (120, 4.0)])
def test_za_dose_boundaries(crcl, dose):
    assert za_dose_for_crcl(crcl) == dose


def test_corrected_calcium_pairing_and_uncorrected():
    d = derived(labs=[lab("2026-11-02", "CA", 2.31, "mmol/L"), lab("2026-11-09", "ALB", 30, "g/L")])
    assert (d["corrected_calcium_mmol_l"], d["calcium_albumin_corrected"]) == (2.51, True)
    d = derived(labs=[lab("2026-11-02", "CA", 2.31, "mmol/L"), lab("2026-11-10", "ALB", 30, "g/L")])
    assert (d["corrected_calcium_mmol_l"], d["calcium_albumin_corrected"]) == (2.31, False)
    d = derived(labs=[lab("2026-11-02", "CA", 9.2, "mg/dL")])
    assert d["corrected_calcium_mmol_l"] == round(9.2 * 0.2495, 2)


def test_ionised_calcium_within_30_days_only():
    d = derived(labs=[lab("2026-10-22", "ICA", 2.4, "mEq/L")])
    assert d["ionised_calcium_mmol_l"] == 1.2
    d = derived(labs=[lab("2026-10-21", "ICA", 2.4, "mEq/L")])
    assert d["ionised_calcium_mmol_l"] is None


def test_missing_inputs_sorted_with_rules_in_book_order():
    import app.domain.catalogue  # noqa: F401  (registers every rule)

    m = Missing()
    m.add("weight_kg", "BMA-ZA-DOSE")
    m.add("kps", "LOC-OLIGO")
    m.add("weight_kg", "WU-HIGH-RISK")
    assert missing_inputs_json(m) == [
        {"input": "kps", "rules": ["LOC-OLIGO"]},
        {"input": "weight_kg", "rules": ["WU-HIGH-RISK", "BMA-ZA-DOSE"]},
    ]


def test_missing_inputs_reach_the_assessment():
    case = case_of(imaging=[{"date": "2026-11-01", "modality": "mri", "region": "L3",
                             "result": "positive", "bone_destruction": True}],
                   cancer={"visceral_metastases": []},
                   lesions=[{"region": "L3", "bone": "vertebra", "level": "L3"}])
    out = assess(case, AS_OF).to_json()
    inputs = {m["input"]: m["rules"] for m in out["derived"]["missing_inputs"]}
    assert "LOC-SINS-INDETERMINATE" in inputs["lesions.pain"]
    assert inputs["lesions.escc"] == ["LOC-ESCC-HIGH"]
    assert inputs["immunotherapy"] == ["IO-DENOSUMAB"]


# ---------------------------------------------------------------- properties

_values = st.floats(min_value=0, max_value=1e5, allow_nan=False, allow_infinity=False)


@given(st.sampled_from(sorted(ANALYTES)), st.data(), _values)
def test_unit_conversion_property(analyte, data, value):
    info = ANALYTES[analyte]
    unit = data.draw(st.sampled_from(info.units_display))
    canonical = to_canonical(analyte, value, unit)
    assert canonical == pytest.approx(value * info.factors[normalise_unit(unit)])
    # the canonical unit converts to itself; case and µ/μ spelling never matter
    assert to_canonical(analyte, value, info.canonical) == value
    swapped = unit.replace("µ", "μ")
    assert to_canonical(analyte, value, swapped) == canonical
    assert to_canonical(analyte, value, "".join(ch.upper() if ch.isascii() else ch
                                                for ch in swapped)) == canonical


@settings(deadline=None)
@given(st.floats(1.0, 4.0), st.floats(10, 60), st.integers(-10, 10))
def test_corrected_calcium_property(ca, alb, gap):
    d0 = date(2026, 6, 1)
    case = Case(patient=Patient(mrn="x"), labs=[
        Lab(d0, "CA", ca, "mmol/L"), Lab(d0 + timedelta(days=gap), "ALB", alb, "g/L")])
    view = CaseView(case, date(2026, 7, 1))
    cv = view.latest_calcium()
    if abs(gap) <= 7:
        assert cv.corrected and cv.value == pytest.approx(ca + 0.02 * (40 - alb))
        # lower albumin → higher corrected calcium
        assert (cv.value >= ca) == (alb <= 40)
    else:
        assert not cv.corrected and cv.value == ca


@settings(deadline=None)
@given(st.integers(18, 100), st.floats(30, 200), st.floats(20, 1500),
       st.sampled_from(["female", "male"]))
def test_crcl_property(age, weight, scr_umol, sex):
    d0 = date(2026, 6, 1)
    birth = date(d0.year - age, 1, 1)
    case = Case(patient=Patient(mrn="x", sex=sex, birth_date=birth, weight_kg=weight),
                labs=[Lab(d0, "CREA", scr_umol, "umol/L")])
    c = CaseView(case, d0).crcl_latest()
    expected = (140 - age) * weight / (72 * scr_umol / 88.4) * (0.85 if sex == "female" else 1)
    assert c.value == pytest.approx(expected)
    # doubling creatinine halves CrCl; the same in mg/dL gives the same CrCl
    case2 = Case(patient=case.patient, labs=[Lab(d0, "CREA", scr_umol / 88.4, "mg/dL")])
    assert CaseView(case2, d0).crcl_latest().value == pytest.approx(c.value)
    case3 = Case(patient=case.patient, labs=[Lab(d0, "CREA", scr_umol * 2, "umol/L")])
    assert CaseView(case3, d0).crcl_latest().value == pytest.approx(c.value / 2)
