"""Case-file validation (§10): every kind of input error names its field; round trips."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import case as C
from app.domain.casefile import CaseFileError, case_to_json, parse_case

from .helpers import example_json, minimal_json


def _err(obj) -> CaseFileError:
    with pytest.raises(CaseFileError) as info:
        parse_case(obj)
    return info.value


def test_example_parses_with_the_expected_values():
    case = parse_case(example_json())
    assert case.patient.mrn == "BM-0001"
    assert case.patient.weight_kg == 58.0
    assert case.cancer.visceral_metastases == ["adrenal"]
    assert case.labs[0].unit == "pg/mL" and case.labs[0].value == 812.0
    assert case.lesions[0].level == "L3" and case.lesions[1].peritrochanteric is False
    assert case.bma.interval_days == {"denosumab": 28}
    assert case.dental.exams == [date(2026, 5, 20)]
    assert case.dental.procedures[0].planned is True
    assert case.status_override is None


def test_example_round_trips():
    case = parse_case(example_json())
    again = parse_case(json.loads(json.dumps(case_to_json(case))))
    assert again == case


def test_contract_example_message():
    obj = minimal_json(labs=[{"date": "2026-01-01", "analyte": "CTX", "value": 1,
                              "unit": "mmol/L"}])
    e = _err(obj)
    assert str(e) == "labs[0].unit: 'mmol/L' is not a unit of CTX"
    assert e.field == "labs[0].unit"
    assert "\n" not in str(e)


@pytest.mark.parametrize("unit", ["ug/L", "µg/L", "μg/L", "NG/ML", "pg/mL", "ng/L"])
def test_units_accepted_case_and_micro_insensitive(unit):
    obj = minimal_json(labs=[{"date": "2026-01-01", "analyte": "CTX", "value": 1, "unit": unit}])
    assert parse_case(obj).labs[0].unit == unit


BAD = [
    # (mutation on minimal case, expected field, expected fragment)
    ({"schema": "bonemet-case/2"}, "schema", "expected"),
    ({"schema": None}, "schema", "required"),
    ({"patient": None}, "patient", "required"),
    ({"patient": {}}, "patient.mrn", "required"),
    ({"patient": {"mrn": ""}}, "patient.mrn", "empty"),
    ({"patient": {"mrn": 12}}, "patient.mrn", "string"),
    ({"patient": {"mrn": "x", "sex": "F"}}, "patient.sex", "not one of"),
    ({"patient": {"mrn": "x", "weight_kg": 0}}, "patient.weight_kg", "> 0"),
    ({"patient": {"mrn": "x", "weight_kg": True}}, "patient.weight_kg", "number"),
    ({"patient": {"mrn": "x", "weight_kg": "58"}}, "patient.weight_kg", "number"),
    ({"patient": {"mrn": "x", "osteoporosis": 0}}, "patient.osteoporosis", "true or false"),
    ({"patient": {"mrn": "x", "birth_date": "02/04/1953"}}, "patient.birth_date", "date"),
    ({"patient": {"mrn": "x", "birth_date": "1953-02-30"}}, "patient.birth_date", "date"),
    ({"patient": {"mrn": "x", "birth_date": "19530402"}}, "patient.birth_date", "date"),
    ({"patient": {"mrn": "x", "age": 3}}, "patient.age", "unknown key"),
    ({"extra": 1}, "extra", "unknown key"),
    ({"cancer": {"kps": 85}}, "cancer.kps", "multiple of 10"),
    ({"cancer": {"kps": 110}}, "cancer.kps", "0–100"),
    ({"cancer": {"ecog": 6}}, "cancer.ecog", "0–5"),
    ({"cancer": {"ecog": 1.5}}, "cancer.ecog", "whole number"),
    ({"cancer": {"ecog": True}}, "cancer.ecog", "whole number"),
    ({"cancer": {"stage": "IIIIA"}}, "cancer.stage", "not one of"),
    ({"cancer": {"frankel": "F"}}, "cancer.frankel", "not one of"),
    ({"cancer": {"histology": "Adenocarcinoma"}}, "cancer.histology", "not one of"),
    ({"cancer": {"drivers": "EGFR"}}, "cancer.drivers", "list"),
    ({"cancer": {"drivers": [""]}}, "cancer.drivers[0]", "non-empty"),
    ({"cancer": {"visceral_lesion_count": -1}}, "cancer.visceral_lesion_count", "≥ 0"),
    ({"cancer": {"immunotherapy": "yes"}}, "cancer.immunotherapy", "true or false"),
    ({"symptoms": [{"date": "2026-01-01"}]}, "symptoms[0].kind", "required"),
    ({"symptoms": [{"kind": "bone_pain"}]}, "symptoms[0].date", "required"),
    ({"symptoms": [{"date": "2026-01-01", "kind": "bone_pain", "pattern": "diffuse"}]},
     "symptoms[0].pattern", "not one of"),
    ({"symptoms": {"date": "2026-01-01"}}, "symptoms", "list"),
    ({"labs": [{"date": "2026-01-01", "analyte": "XYZ", "value": 1, "unit": "U/L"}]},
     "labs[0].analyte", "not one of"),
    ({"labs": [{"date": "2026-01-01", "analyte": "ALP", "value": "1", "unit": "U/L"}]},
     "labs[0].value", "number"),
    ({"labs": [{"date": "2026-01-01", "analyte": "ALP", "value": float("nan"), "unit": "U/L"}]},
     "labs[0].value", "finite"),
    ({"labs": [{"date": "2026-01-01", "analyte": "ALP", "value": -1, "unit": "U/L"}]},
     "labs[0].value", "negative"),
    ({"labs": [{"date": "2026-01-01", "analyte": "ALP", "value": 1}]}, "labs[0].unit", "required"),
    ({"labs": [{"date": "2026-01-01", "analyte": "CREA", "value": 1, "unit": "mmol/L"}]},
     "labs[0].unit", "not a unit of CREA"),
    ({"labs": [{"date": "2026-01-01", "analyte": "ALP", "value": 1, "unit": "U/L",
                "ref_low": 200, "ref_high": 100}]}, "labs[0].ref_low", "ref_high"),
    ({"labs": [{"date": "2026-01-01", "analyte": "ALP", "value": 1, "unit": "U/L",
                "fasting": "yes"}]}, "labs[0].fasting", "true or false"),
    ({"imaging": [{"date": "2026-01-01", "modality": "pet", "region": "L3",
                   "result": "positive"}]}, "imaging[0].modality", "not one of"),
    ({"imaging": [{"date": "2026-01-01", "modality": "mri", "region": " ",
                   "result": "positive"}]}, "imaging[0].region", "empty"),
    ({"imaging": [{"date": "2026-01-01", "modality": "mri", "region": "L3",
                   "result": "suspicious"}]}, "imaging[0].result", "not one of"),
    ({"biopsies": [{"date": "2026-01-01", "region": "L3", "result": "malignant"}]},
     "biopsies[0].result", "not one of"),
    ({"lesions": [{"region": "L3", "bone": "vertebra"}]}, "lesions[0].level", "required"),
    ({"lesions": [{"region": "L3", "bone": "vertebra", "level": "L6"}]}, "lesions[0].level",
     "not one of"),
    ({"lesions": [{"region": "x", "bone": "femur", "level": "L3"}]}, "lesions[0].level",
     "only a vertebra"),
    ({"lesions": [{"region": "x", "bone": "femur", "limb": "upper"}]}, "lesions[0].limb",
     "lower limb"),
    ({"lesions": [{"region": "x", "bone": "radius", "limb": "lower"}]}, "lesions[0].limb",
     "upper limb"),
    ({"lesions": [{"region": "x", "bone": "rib", "limb": "upper"}]}, "lesions[0].limb",
     "not in a limb"),
    ({"lesions": [{"region": "x", "bone": "tibia", "peritrochanteric": True}]},
     "lesions[0].peritrochanteric", "femur"),
    ({"lesions": [{"region": "x", "bone": "femur", "pain": "mechanical"}]}, "lesions[0].pain",
     "not one of"),
    ({"lesions": [{"region": "L3", "bone": "vertebra", "level": "L3", "pain": "moderate"}]},
     "lesions[0].pain", "not one of"),
    ({"lesions": [{"region": "L3", "bone": "vertebra", "level": "L3", "escc": 2}]},
     "lesions[0].escc", "not one of"),
    ({"lesions": [{"region": "x", "bone": "femur", "size": "big"}]}, "lesions[0].size",
     "not one of"),
    ({"bma": {"administrations": [{"date": "2026-01-01", "drug": "xgeva", "dose_mg": 120}]}},
     "bma.administrations[0].drug", "not one of"),
    ({"bma": {"administrations": [{"date": "2026-01-01", "drug": "denosumab", "dose_mg": 0}]}},
     "bma.administrations[0].dose_mg", "> 0"),
    ({"bma": {"administrations": [{"date": "2026-01-01", "drug": "denosumab"}]}},
     "bma.administrations[0].dose_mg", "required"),
    ({"bma": {"administrations": [{"date": "2026-01-01", "drug": "denosumab", "dose_mg": 120,
                                   "planned": "no"}]}}, "bma.administrations[0].planned",
     "true or false"),
    ({"bma": {"interval_days": {"denosumab": 0}}}, "bma.interval_days.denosumab", "≥ 1"),
    ({"bma": {"interval_days": {"aspirin": 7}}}, "bma.interval_days.aspirin", "unknown key"),
    ({"bma": {"stops": [{"drug": "denosumab"}]}}, "bma.stops[0].date", "required"),
    ({"bma": {"doses": []}}, "bma.doses", "unknown key"),
    ({"supplements": {"calcium": 1}}, "supplements.calcium", "true or false"),
    ({"dental": {"exams": ["2026-13-01"]}}, "dental.exams[0]", "date"),
    ({"dental": {"procedures": [{"date": "2026-01-01", "kind": "whitening"}]}},
     "dental.procedures[0].kind", "not one of"),
    ({"events": [{"date": "2026-01-01", "kind": "fracture", "planned": True}]},
     "events[0].planned", "cannot be planned"),
    ({"events": [{"date": "2026-01-01", "kind": "fall"}]}, "events[0].kind", "not one of"),
    ({"status_override": {"status": "confirmed"}}, "status_override.date", "required"),
    ({"status_override": {"status": "yes", "date": "2026-01-01"}}, "status_override.status",
     "not one of"),
]


@pytest.mark.parametrize(("mutation", "field", "fragment"), BAD)
def test_bad_input_names_field_and_problem(mutation, field, fragment):
    obj = minimal_json()
    obj.update(mutation)
    e = _err(obj)
    assert e.field == field, str(e)
    assert fragment in e.problem, str(e)
    assert str(e) == f"{field}: {e.problem}" and "\n" not in str(e)


def test_not_an_object():
    assert _err([1, 2]).field == "(case)"


def test_messages_never_echo_patient_values():
    obj = minimal_json(patient={"mrn": "SECRET-MRN", "birth_date": "SECRET-DATE"})
    assert "SECRET" not in str(_err(obj))
    obj = minimal_json(patient={"mrn": "SECRET-MRN", "weight_kg": -71.3})
    assert "71.3" not in str(_err(obj)) and "SECRET" not in str(_err(obj))


def test_nulls_mean_unknown_and_absent_lists_mean_none():
    obj = minimal_json(cancer={"visceral_metastases": None, "kps": None}, labs=None,
                       bma=None, status_override=None)
    case = parse_case(obj)
    assert case.cancer.visceral_metastases is None and case.labs == []
    assert parse_case(minimal_json(cancer={"visceral_metastases": []})).cancer \
        .visceral_metastases == []


def test_datetimes_keep_calendar_date_as_written():
    obj = minimal_json(labs=[{"date": "2026-03-01T23:30:00+08:00", "analyte": "CA",
                              "value": 2.3, "unit": "mmol/L"}])
    lab = parse_case(obj).labs[0]
    assert lab.date == date(2026, 3, 1)
    assert lab.at is not None and lab.at.hour == 23
    assert parse_case(case_to_json(parse_case(obj))) == parse_case(obj)


def test_integral_float_accepted_for_whole_numbers():
    assert parse_case(minimal_json(cancer={"kps": 80.0})).cancer.kps == 80


# ---------------------------------------------------------------- hypothesis round trip

_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1,
                max_size=12).filter(lambda s: s.strip() != "")
_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
_nums = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
_pos = st.floats(min_value=0.001, max_value=1e4, allow_nan=False, allow_infinity=False)
# within app.domain.limits (plausibility): weight 20–300 kg, doses up to the smallest drug maximum
_weights = st.floats(min_value=20, max_value=300, allow_nan=False)
_doses = st.floats(min_value=0.001, max_value=10, allow_nan=False)
_opt = st.none


def _stamp(d: date):
    return st.one_of(st.none(), st.builds(
        lambda h, m, tz: datetime(d.year, d.month, d.day, h, m, tzinfo=tz),
        st.integers(0, 23), st.integers(0, 59), st.sampled_from([None, UTC])))


def _dated(builder):
    return _dates.flatmap(lambda d: _stamp(d).flatmap(lambda at: builder(d, at)))


def _choice(values):
    return st.one_of(st.none(), st.sampled_from(values))


_bools = st.one_of(st.none(), st.booleans())

_labs = st.sampled_from(sorted(C.ANALYTES)).flatmap(lambda a: _dated(lambda d, at: st.builds(
    C.Lab, date=st.just(d), at=st.just(at), analyte=st.just(a), value=_nums,
    unit=st.sampled_from(_units_of(a)), ref_low=st.one_of(st.none(), st.just(0.0)),
    ref_high=st.one_of(st.none(), _pos), fasting=_bools,
    method=st.one_of(st.none(), _text))))


def _units_of(analyte: str) -> list[str]:
    from app.domain.units import ANALYTES
    return list(ANALYTES[analyte].units_display)


def _lesion():
    def build(bone):
        vert = bone == "vertebra"
        limb = ("lower" if bone in C.LOWER_LIMB_BONES else "upper"
                if bone in C.UPPER_LIMB_BONES else None)
        return st.builds(
            C.Lesion, region=_text, bone=st.just(bone),
            level=st.sampled_from(C.VERTEBRAL_LEVELS) if vert else st.none(),
            side=_choice(C.SIDES), limb=st.sampled_from([None, limb]),
            peritrochanteric=st.booleans() if bone == "femur" else st.just(False),
            pattern=_choice(C.LESION_PATTERNS),
            pain=_choice(C.VERTEBRAL_PAIN if vert else C.LIMB_PAIN),
            alignment=_choice(C.ALIGNMENTS), collapse=_choice(C.COLLAPSES),
            posterolateral=_choice(C.POSTEROLATERAL), size=_choice(C.SIZES),
            escc=_choice(C.ESCC_GRADES))
    return st.sampled_from(C.BONES).flatmap(build)


_cases = st.builds(
    C.Case,
    patient=st.builds(C.Patient, mrn=_text, name=st.one_of(st.none(), _text),
                      sex=_choice(C.SEXES), birth_date=st.one_of(st.none(), _dates),
                      weight_kg=st.one_of(st.none(), _weights), osteoporosis=_bools),
    cancer=st.builds(
        C.Cancer, histology=_choice(C.HISTOLOGIES), stage=_choice(C.STAGES),
        drivers=st.one_of(st.none(), st.lists(_text, max_size=2)),
        targeted_therapy=_bools, immunotherapy=_bools, prior_chemotherapy=_bools,
        visceral_treatable=_bools, disseminated=_bools,
        visceral_metastases=st.one_of(st.none(), st.lists(_text, max_size=3)),
        visceral_lesion_count=st.one_of(st.none(), st.integers(0, 50)),
        ecog=st.one_of(st.none(), st.integers(0, 5)),
        kps=st.one_of(st.none(), st.integers(0, 10).map(lambda k: k * 10)),
        frankel=_choice(C.FRANKEL)),
    symptoms=st.lists(_dated(lambda d, at: st.builds(
        C.Symptom, date=st.just(d), at=st.just(at), kind=st.sampled_from(C.SYMPTOM_KINDS),
        pattern=_choice(C.PAIN_PATTERNS), site=st.one_of(st.none(), _text),
        mechanical=_bools)), max_size=2),
    labs=st.lists(_labs, max_size=4),
    imaging=st.lists(_dated(lambda d, at: st.builds(
        C.Imaging, date=st.just(d), at=st.just(at), modality=st.sampled_from(C.MODALITIES),
        region=_text, result=st.sampled_from(C.IMAGING_RESULTS),
        pattern=_choice(C.LESION_PATTERNS), bone_destruction=_bools)), max_size=3),
    biopsies=st.lists(_dated(lambda d, at: st.builds(
        C.Biopsy, date=st.just(d), at=st.just(at), region=_text,
        result=st.sampled_from(C.BIOPSY_RESULTS))), max_size=2),
    lesions=st.lists(_lesion(), max_size=3),
    bma=st.builds(
        C.Bma,
        administrations=st.lists(_dated(lambda d, at: st.builds(
            C.Administration, date=st.just(d), at=st.just(at), drug=st.sampled_from(C.DRUGS),
            dose_mg=_doses, planned=st.booleans())), max_size=3),
        interval_days=st.dictionaries(st.sampled_from(C.DRUGS), st.integers(1, 400),
                                      max_size=2),
        stops=st.lists(_dated(lambda d, at: st.builds(
            C.Stop, drug=st.sampled_from(C.DRUGS), date=st.just(d), at=st.just(at),
            reason=st.one_of(st.none(), _text))), max_size=2)),
    supplements=st.builds(C.Supplements, calcium=_bools, vitamin_d=_bools),
    dental=st.builds(C.Dental, exams=st.lists(_dates, max_size=2), procedures=st.lists(
        _dated(lambda d, at: st.builds(C.DentalProcedure, date=st.just(d), at=st.just(at),
                                       kind=st.sampled_from(C.DENTAL_KINDS),
                                       planned=st.booleans())), max_size=2)),
    events=st.lists(st.sampled_from(C.EVENT_KINDS).flatmap(lambda k: _dated(
        lambda d, at: st.builds(
            C.Event, date=st.just(d), at=st.just(at), kind=st.just(k),
            region=st.one_of(st.none(), _text), vertebral=_bools,
            planned=st.booleans() if k in C.PLANNABLE_EVENTS else st.just(False)))),
        max_size=3),
    status_override=st.one_of(st.none(), st.builds(
        C.StatusOverride, status=st.sampled_from(C.STATUSES), date=_dates,
        by=st.one_of(st.none(), _text), reason=st.one_of(st.none(), _text))),
)


@settings(max_examples=150, deadline=None)
@given(_cases)
def test_round_trip_property(case):
    doc = case_to_json(case)
    assert parse_case(doc) == case
    # and through JSON text (what a file holds)
    assert parse_case(json.loads(json.dumps(doc, ensure_ascii=False))) == case
