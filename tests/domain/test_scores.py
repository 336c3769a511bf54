"""Scores (§8): SINS, Mirels, Tokuhashi, Tomita, Katagiri and CTCAE calcium grades, against
worked examples and at their band boundaries."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.case import Cancer, Case, Lesion, Patient
from app.domain.context import CaseView
from app.domain.scores import (
    calcium_grade,
    katagiri,
    katagiri_lab_item,
    mirels,
    mirels_bounds,
    sins,
    sins_band,
    sins_bounds,
    sins_location,
    tokuhashi,
    tomita,
)

from .helpers import case_of


def vert(level="L3", **kw):
    base = dict(region=level, bone="vertebra", level=level, pattern="osteolytic",
                pain="mechanical", alignment="normal", collapse="lt50",
                posterolateral="unilateral")
    base.update(kw)
    return Lesion(**base)


def long_bone(bone="femur", **kw):
    base = dict(region=f"left {bone}", bone=bone, pattern="mixed", pain="moderate",
                size="third_to_two_thirds")
    base.update(kw)
    return Lesion(**base)


# ---------------------------------------------------------------- SINS

def test_sins_worked_example_l3():
    r = sins(vert())
    assert (r.value, r.band) == (10, "indeterminate")
    assert r.parts == {"location": 2, "pain": 3, "pattern": 2, "alignment": 0, "collapse": 2,
                       "posterolateral": 1}


def test_sins_maximum_and_minimum():
    assert sins(vert("T12", alignment="subluxation", collapse="gt50",
                     posterolateral="bilateral")).value == 18
    r = sins(vert("S3", pattern="osteoblastic", pain="none", collapse="none",
                  posterolateral="none"))
    assert (r.value, r.band) == (0, "stable")


@pytest.mark.parametrize(("level", "points"), [
    ("C1", 3), ("C2", 3), ("C3", 2), ("C6", 2), ("C7", 3), ("T1", 3), ("T2", 3), ("T3", 1),
    ("T10", 1), ("T11", 3), ("L1", 3), ("L2", 2), ("L4", 2), ("L5", 3), ("S1", 3), ("S2", 0),
    ("S5", 0),
])
def test_sins_location(level, points):
    assert sins_location(level) == points


@pytest.mark.parametrize(("value", "band"), [
    (0, "stable"), (6, "stable"), (7, "indeterminate"), (12, "indeterminate"),
    (13, "unstable"), (18, "unstable"), (None, None)])
def test_sins_band_boundaries(value, band):
    assert sins_band(value) == band


def test_sins_missing_field_is_null_and_named_with_bounds():
    r = sins(vert(pain=None, alignment=None))
    assert r.value is None and r.band is None
    assert r.missing == ("lesions.pain", "lesions.alignment")
    b = sins_bounds(vert(pain=None, alignment=None))
    assert (b.low, b.high) == (7, 14)  # 2+2+2+1 known, pain 0–3, alignment 0–4


def test_sins_not_for_other_bones():
    assert sins(long_bone()) is None


# ---------------------------------------------------------------- Mirels

def test_mirels_worked_example_femur():
    r = mirels(long_bone())
    assert (r.value, r.band) == (8, "borderline")


@pytest.mark.parametrize(("lesion", "value", "band"), [
    (long_bone("humerus", pain="mild", pattern="osteoblastic", size="lt_third"), 4, "low"),
    (long_bone("radius", pain="functional", pattern="mixed", size="lt_third"), 7, "low"),
    (long_bone("tibia", pain="moderate", pattern="mixed", size="third_to_two_thirds"), 8,
     "borderline"),
    (long_bone("femur", peritrochanteric=True, pain="moderate", pattern="mixed",
               size="third_to_two_thirds"), 9, "high"),
    (long_bone("femur", peritrochanteric=True, pain="functional", pattern="osteolytic",
               size="gt_two_thirds"), 12, "high"),
    # Mirels 1989 example: lytic (3), painful functional (3), >2/3 (3), upper limb (1) = 10
    (long_bone("humerus", pain="functional", pattern="osteolytic", size="gt_two_thirds"), 10,
     "high"),
])
def test_mirels_values_and_bands(lesion, value, band):
    r = mirels(lesion)
    assert (r.value, r.band) == (value, band)


def test_mirels_pain_none_and_mild_both_score_1():
    assert mirels(long_bone(pain="none")).value == mirels(long_bone(pain="mild")).value == 7


def test_mirels_missing_and_not_for_other_bones():
    r = mirels(long_bone(size=None))
    assert r.value is None and r.missing == ("lesions.size",)
    assert mirels_bounds(long_bone(size=None)).low == 7
    assert mirels(Lesion(region="rib 5", bone="rib", pain="moderate")) is None
    assert mirels(vert()) is None


# ---------------------------------------------------------------- Tokuhashi / Tomita

def _case(lesions, **cancer):
    base = dict(kps=80, visceral_metastases=["adrenal"], visceral_treatable=True, frankel="E")
    base.update(cancer)
    return Case(patient=Patient(mrn="x"), cancer=Cancer(**base), lesions=lesions)


def test_tokuhashi_worked_example():
    r = tokuhashi(_case([vert(), long_bone()]))
    assert (r.value, r.band) == (8, "<6 months")


@pytest.mark.parametrize(("kps", "points"), [(40, 0), (50, 1), (70, 1), (80, 2), (100, 2)])
def test_tokuhashi_kps(kps, points):
    assert tokuhashi(_case([vert()], kps=kps)).parts["kps"] == points


def test_tokuhashi_counts_and_bands():
    # 3 vertebral, 3 extraspinal → 0 + 0; no visceral → 2; KPS 80 → 2; Frankel E → 2 = 6
    lesions = [vert("T4"), vert("T5"), vert("T6"), long_bone(), long_bone("tibia"),
               Lesion(region="rib", bone="rib")]
    r = tokuhashi(_case(lesions, visceral_metastases=[]))
    assert (r.value, r.band) == (6, "<6 months")
    # best possible for lung: 2+2+2+2+0+2 = 10 (extraspinal 0 → 2, vertebral 1 → 2)
    r = tokuhashi(_case([vert()], visceral_metastases=[]))
    assert (r.value, r.band) == (10, "≥6 months")
    r = tokuhashi(_case([vert(), vert("L4")], visceral_metastases=["lung"],
                        visceral_treatable=False, frankel="C", kps=60))
    assert r.value == 1 + 2 + 1 + 0 + 0 + 1  # kps, extraspinal 0, vertebral 2, unremovable, C


def test_tokuhashi_null_without_vertebral_lesion_or_inputs():
    assert tokuhashi(_case([long_bone()])).to_json() == {
        "value": None, "band": None, "missing": ["lesions"]}
    r = tokuhashi(_case([vert()], kps=None, frankel=None, visceral_treatable=None))
    assert r.value is None and r.missing == ("kps", "visceral_treatable", "frankel")
    assert tokuhashi(_case([vert()], visceral_metastases=None)).missing == (
        "visceral_metastases",)


def test_tomita_worked_example_and_bands():
    r = tomita(_case([vert(), long_bone()]))
    assert (r.value, r.band) == (8, "terminal care")
    r = tomita(_case([vert()], visceral_metastases=[]))
    assert (r.value, r.band) == (5, "middle-term local control")
    r = tomita(_case([vert()], visceral_treatable=True))
    assert (r.value, r.band) == (7, "short-term palliation")
    r = tomita(_case([vert(), vert("L4")], visceral_treatable=False))
    assert (r.value, r.band) == (10, "terminal care")


def test_tomita_null_without_lesions_or_visceral_status():
    assert tomita(_case([])).missing == ("lesions",)
    assert tomita(_case([vert()], visceral_metastases=None)).missing == ("visceral_metastases",)


# ---------------------------------------------------------------- Katagiri

@pytest.mark.parametrize(("values", "expected"), [
    ({"PLT": 99}, (2, [])),
    ({"CA": 2.57}, (2, [])),
    ({"CA": 2.569}, (None, ["PLT", "TBIL", "CRP", "LDH", "ALB"])),
    ({"TBIL": 23.9}, (2, [])),
    ({"PLT": 100, "CA": 2.4, "TBIL": 10, "CRP": 4}, (1, [])),
    ({"PLT": 100, "CA": 2.4, "CRP": 4}, (None, ["TBIL", "LDH", "ALB"])),
    ({"PLT": 100, "CA": 2.4, "TBIL": 10, "CRP": 3.9, "LDH": 249, "ALB": 37}, (0, [])),
    ({"PLT": 100, "CA": 2.4, "TBIL": 10, "CRP": 3.9, "LDH": 250, "ALB": 37}, (1, [])),
    ({"PLT": 100, "CA": 2.4, "TBIL": 10, "CRP": 3.9, "LDH": 100, "ALB": 36.9}, (1, [])),
    ({"PLT": 100, "CA": 2.4, "TBIL": 10, "CRP": 1, "LDH": 100}, (None, ["ALB"])),
])
def test_katagiri_lab_item(values, expected):
    assert katagiri_lab_item(values) == expected


def _labs(*rows, d="2026-11-10"):
    return [{"date": d, "analyte": a, "value": v, "unit": u} for a, v, u in rows]


ALL_NORMAL = (("PLT", 200, "10^9/L"), ("CA", 2.3, "mmol/L"), ("TBIL", 10, "umol/L"),
              ("CRP", 1, "mg/L"), ("LDH", 180, "U/L"), ("ALB", 40, "g/L"))
CANCER = {"targeted_therapy": True, "visceral_metastases": ["adrenal"], "disseminated": False,
          "ecog": 1, "prior_chemotherapy": False}


def test_katagiri_full_score():
    case = case_of(cancer=CANCER, labs=_labs(*ALL_NORMAL),
                   lesions=[{"region": "L3", "bone": "vertebra", "level": "L3"},
                            {"region": "rib", "bone": "rib"}])
    r = katagiri(CaseView(case, date(2026, 11, 21)))
    assert (r.value, r.band) == (2 + 1 + 0 + 0 + 0 + 1, "intermediate")
    worst = dict(CANCER, targeted_therapy=False, disseminated=True, ecog=3,
                 prior_chemotherapy=True)
    case = case_of(cancer=worst, labs=_labs(("PLT", 50, "10^9/L")),
                   lesions=[{"region": "rib", "bone": "rib"}, {"region": "skull", "bone": "skull"}])
    r = katagiri(CaseView(case, date(2026, 11, 21)))
    assert (r.value, r.band) == (10, "high")


def test_katagiri_labs_older_than_30_days_do_not_count():
    case = case_of(cancer=CANCER, labs=_labs(*ALL_NORMAL, d="2026-10-21"))
    assert katagiri(CaseView(case, date(2026, 11, 20))).value == 3
    r = katagiri(CaseView(case, date(2026, 11, 21)))
    assert r.value is None and "labs.PLT" in r.missing


def test_katagiri_uses_corrected_calcium_and_converted_units():
    rows = [r for r in ALL_NORMAL if r[0] not in ("CA", "ALB")]
    # 2.45 + 0.02 × (40 − 34) = 2.57 → critical; albumin 34 g/dL→ given as 3.4 g/dL
    case = case_of(cancer=CANCER, labs=_labs(*rows, ("CA", 2.45, "mmol/L"),
                                             ("ALB", 3.4, "g/dL")))
    r = katagiri(CaseView(case, date(2026, 11, 21)))
    assert r.parts["laboratory"] == 2


@pytest.mark.parametrize(("targeted", "primary"), [(True, 2), (False, 3), (None, 3)])
def test_katagiri_primary_targeted_true_2_otherwise_3(targeted, primary):
    # the rule book: "targeted_therapy true 2, otherwise 3" (unknown is "otherwise")
    case = case_of(cancer=dict(CANCER, targeted_therapy=targeted), labs=_labs(*ALL_NORMAL))
    r = katagiri(CaseView(case, date(2026, 11, 21)))
    assert r.parts["primary"] == primary and r.missing == ()


# ---------------------------------------------------------------- CTCAE calcium

@pytest.mark.parametrize(("value", "expected"), [
    (2.10, (None, 0)), (2.0999, ("hypo", 1)), (2.0, ("hypo", 1)), (1.9999, ("hypo", 2)),
    (1.75, ("hypo", 2)), (1.7499, ("hypo", 3)), (1.5, ("hypo", 3)), (1.4999, ("hypo", 4)),
    (2.60, (None, 0)), (2.6001, ("hyper", 1)), (2.9, ("hyper", 1)), (2.9001, ("hyper", 2)),
    (3.1, ("hyper", 2)), (3.1001, ("hyper", 3)), (3.4, ("hyper", 3)), (3.4001, ("hyper", 4)),
])
def test_ctcae_calcium_grades(value, expected):
    assert calcium_grade(value, 2.10, 2.60) == expected


def test_ctcae_uses_the_given_range():
    assert calcium_grade(2.15, 2.20, 2.65) == ("hypo", 1)
    assert calcium_grade(2.62, 2.20, 2.65) == (None, 0)


def test_katagiri_visceral_item():
    def item(**cancer):
        case = case_of(cancer=dict(CANCER, **cancer), labs=_labs(*ALL_NORMAL))
        r = katagiri(CaseView(case, date(2026, 11, 21)))
        return r.parts.get("visceral"), r.missing

    assert item() == (1, ())
    assert item(visceral_metastases=[]) == (0, ())
    assert item(disseminated=True) == (2, ())
    assert item(visceral_metastases=None, disseminated=True) == (2, ())  # pleural spread
    assert item(visceral_metastases=None, disseminated=None) == (None, ("visceral_metastases",))
    assert item(disseminated=None) == (None, ("disseminated",))
