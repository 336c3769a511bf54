"""Independent review of rule book §1 (units, corrected calcium, CrCl) and §8 (SINS, Mirels,
Tokuhashi,
Tomita, Katagiri, CTCAE calcium grades) against the text.

Written from the book's sentences (quoted in each docstring), not from the engine: hand-made
bonemet-case/1 documents go through ``parse_case`` and ``assess`` (and the CLI's ``main``) and
the §10 output is checked — each rule firing, both sides of every threshold / day boundary,
and silent cases. Readings where the book leaves a choice are in docs/clinical-readings.md.
"""

from __future__ import annotations

from typing import Any

import pytest

from .review_helpers import (
    ago,
    found,
    lab,
    missing_names,
    run,
)


def ca_alb(ca: float, alb_days: list[tuple[int, float]], ca_day: int = 10) -> dict:
    labs = [lab(ca_day, "CA", ca, "mmol/L")]
    labs += [lab(n, "ALB", v, "g/L") for n, v in alb_days]
    return run(labs=labs)["derived"]


def test_corrected_calcium_payne_same_day():
    """§1: Ca_corr = Ca + 0.02 × (40 − ALB) in mmol/L (output rounded to 0.01)."""
    d = ca_alb(2.31, [(10, 38)])
    assert d["corrected_calcium_mmol_l"] == 2.35
    assert d["calcium_albumin_corrected"] is True
    assert d["calcium_date"] == ago(10)


@pytest.mark.parametrize("alb_day,paired", [(17, True), (18, False), (3, True), (2, False)])
def test_albumin_pairing_window(alb_day, paired):
    """§1: using the albumin closest in time within ±`albumin_pairing_days` of the calcium
    sample; with no such albumin, the uncorrected value is used and the output says so."""
    d = ca_alb(2.20, [(alb_day, 30)])
    assert d["calcium_albumin_corrected"] is paired
    assert d["corrected_calcium_mmol_l"] == (2.40 if paired else 2.20)


def test_albumin_tie_goes_to_earlier_sample():
    """§1: a tie goes to the earlier sample."""
    d = ca_alb(2.20, [(13, 30), (7, 36)])  # both 3 days from the calcium on day 10
    assert d["corrected_calcium_mmol_l"] == 2.40
    d = ca_alb(2.20, [(12, 30), (9, 36)])  # the later one is closer
    assert d["corrected_calcium_mmol_l"] == 2.28


def test_albumin_after_as_of_is_ignored():
    """§0: records dated after the as-of date are ignored."""
    d = run(labs=[lab(0, "CA", 2.20, "mmol/L"), lab(-1, "ALB", 30, "g/L")])["derived"]
    assert d["calcium_albumin_corrected"] is False
    assert d["corrected_calcium_mmol_l"] == 2.2


def test_calcium_units_and_latest_sample():
    """§1: CA mg/dL ×0.2495; ALB g/dL ×10; `corrected_calcium_mmol_l` the latest calcium."""
    d = run(labs=[lab(40, "CA", 3.0, "mmol/L"), lab(10, "CA", 9.2, "mg/dl"),
                  lab(10, "ALB", 3.0, "G/DL")])["derived"]  # fmt: skip
    assert d["calcium_date"] == ago(10)
    assert d["corrected_calcium_mmol_l"] == round(9.2 * 0.2495 + 0.2, 2)


def test_ionised_calcium_reported_beside_within_30_days():
    """§1/§10: `ionised_calcium_mmol_l` is the latest ionised calcium dated within 30 days;
    reported beside, not substituted."""
    d = run(labs=[lab(30, "ICA", 2.5, "mEq/L"), lab(5, "CA", 2.3, "mmol/L")])["derived"]
    assert d["ionised_calcium_mmol_l"] == 1.25
    assert d["corrected_calcium_mmol_l"] == 2.3
    assert run(labs=[lab(31, "ICA", 1.2, "mmol/L")])["derived"]["ionised_calcium_mmol_l"] is None
    d = run(labs=[lab(3, "ICA", 1.1, "mmol/L")])["derived"]
    assert d["ionised_calcium_mmol_l"] == 1.1 and d["corrected_calcium_mmol_l"] is None


def crcl_case(sex="male", birth="1966-11-21", weight=70, crea=(0, 88.4, "umol/L")) -> dict:
    patient: dict[str, Any] = {"mrn": "R-2"}
    if sex:
        patient["sex"] = sex
    if birth:
        patient["birth_date"] = birth
    if weight:
        patient["weight_kg"] = weight
    n, v, u = crea
    return run(patient=patient, labs=[lab(n, "CREA", v, u)])["derived"]


def test_crcl_cockcroft_gault_male_female():
    """§1: CrCl = (140 − age) × weight_kg / (72 × SCr_mg/dL), × 0.85 if female; SCr mg/dL =
    µmol/L ÷ 88.4; output rounded to 0.1 mL/min."""
    assert crcl_case()["crcl_ml_min"] == 77.8  # 80 × 70 / 72
    assert crcl_case(sex="female")["crcl_ml_min"] == 66.1
    assert crcl_case(crea=(0, 1.0, "mg/dL"))["crcl_ml_min"] == 77.8
    assert crcl_case(crea=(0, 88.4, "μmol/L"))["crcl_ml_min"] == 77.8  # Greek mu
    assert crcl_case()["crcl_date"] == ago(0)


def test_crcl_age_in_whole_years_on_creatinine_date():
    """§1: age in whole years on the creatinine date."""
    assert crcl_case(weight=72, birth="1966-11-21")["crcl_ml_min"] == 80.0  # 60 today
    assert crcl_case(weight=72, birth="1966-11-22")["crcl_ml_min"] == 81.0  # 59 until tomorrow
    # creatinine a year ago: the age then (58), not on the as-of date (59)
    d = crcl_case(weight=72, birth="1966-11-22", crea=(365, 88.4, "umol/L"))
    assert d["crcl_ml_min"] == 82.0 and d["crcl_date"] == ago(365)


@pytest.mark.parametrize("sex,birth,weight,name", [
    (None, "1966-11-21", 70, "sex"), ("other", "1966-11-21", 70, "sex"),
    ("male", None, 70, "birth_date"), ("male", "1966-11-21", None, "weight_kg"),
])  # fmt: skip
def test_crcl_not_computable_names_missing(sex, birth, weight, name):
    """§1: Needs sex `female` or `male`, birth date and weight; otherwise it is not computable
    and the missing inputs are named; `crcl_date` is the date of the creatinine used (even when
    CrCl is not computable)."""
    obj = {"mrn": "R-2", "sex": sex, "birth_date": birth, "weight_kg": weight}
    obj = {k: v for k, v in obj.items() if v is not None}
    doc = run(patient=obj, labs=[lab(3, "CREA", 80, "umol/L")])
    assert doc["derived"]["crcl_ml_min"] is None
    assert doc["derived"]["za_dose_mg"] is None
    assert doc["derived"]["crcl_date"] == ago(3)
    assert name in missing_names(doc)


def test_crcl_latest_creatinine_not_future():
    """§10: `crcl_ml_min` uses the latest creatinine on or before the as-of date."""
    patient = {"mrn": "R", "sex": "male", "birth_date": "1966-11-21", "weight_kg": 70}
    doc = run(
        patient=patient, labs=[lab(20, "CREA", 88.4, "umol/L"), lab(-1, "CREA", 400, "umol/L")]
    )
    assert doc["derived"]["crcl_date"] == ago(20)


@pytest.mark.parametrize("weight,dose", [
    (60.04, 4.0), (60, 3.5), (50, 3.5), (49.99, 3.3), (40, 3.3), (39.99, 3.0), (30, 3.0),
    (29.99, None),
])  # fmt: skip
def test_za_dose_bands_on_unrounded_crcl(weight, dose):
    """§4: CrCl > 60 → 4.0 mg; 50 ≤ CrCl ≤ 60 → 3.5; 40 ≤ CrCl < 50 → 3.3; 30 ≤ CrCl < 40 → 3.0;
    < 30 null. §0: Thresholds are applied to unrounded values. (age 68, SCr 1 mg/dL: CrCl = kg)"""
    d = crcl_case(birth="1958-11-21", weight=weight, crea=(0, 1.0, "mg/dL"))
    assert d["za_dose_mg"] == dose


@pytest.mark.parametrize("level,points", [
    ("C1", 3), ("C2", 3), ("C3", 2), ("C6", 2), ("C7", 3), ("T1", 3), ("T2", 3), ("T3", 1),
    ("T10", 1), ("T11", 3), ("T12", 3), ("L1", 3), ("L2", 2), ("L4", 2), ("L5", 3), ("S1", 3),
    ("S2", 0), ("S5", 0),
])  # fmt: skip
def test_sins_location_points(level, points):
    """§8 SINS: junctional (C1–C2, C7–T2, T11–L1, L5–S1) 3, mobile (C3–C6, L2–L4) 2,
    semi-rigid (T3–T10) 1, rigid (S2–S5) 0."""
    les = {"region": level, "bone": "vertebra", "level": level, "pain": "none",
           "pattern": "osteoblastic", "alignment": "normal", "collapse": "none",
           "posterolateral": "none"}  # fmt: skip
    row = run(lesions=[les])["scores"]["lesions"][0]
    assert row["sins"] == points and row["sins_band"] == "stable"


@pytest.mark.parametrize("fields,total,band", [
    ({"pain": "mechanical", "pattern": "osteolytic", "alignment": "subluxation",
      "collapse": "gt50", "posterolateral": "bilateral"}, 18, "unstable"),
    ({"pain": "occasional", "pattern": "mixed", "alignment": "deformity",
      "collapse": "none_gt50_involved", "posterolateral": "unilateral"}, 9, "indeterminate"),
    ({"pain": "none", "pattern": "mixed", "alignment": "normal", "collapse": "lt50",
      "posterolateral": "unilateral"}, 7, "indeterminate"),
    ({"pain": "occasional", "pattern": "mixed", "alignment": "normal", "collapse": "lt50",
      "posterolateral": "none"}, 7, "indeterminate"),
    ({"pain": "none", "pattern": "mixed", "alignment": "normal", "collapse": "lt50",
      "posterolateral": "none"}, 6, "stable"),
    ({"pain": "mechanical", "pattern": "osteolytic", "alignment": "deformity", "collapse": "gt50",
      "posterolateral": "unilateral"}, 14, "unstable"),
    ({"pain": "mechanical", "pattern": "osteolytic", "alignment": "deformity", "collapse": "lt50",
      "posterolateral": "unilateral"}, 13, "unstable"),
    ({"pain": "mechanical", "pattern": "osteolytic", "alignment": "deformity", "collapse": "lt50",
      "posterolateral": "none"}, 12, "indeterminate"),
])  # fmt: skip
def test_sins_items_and_bands(fields, total, band):
    """§8 SINS: pain mechanical 3, occasional 1, none 0; osteolytic 2, mixed 1, osteoblastic 0;
    subluxation 4, deformity 2, normal 0; gt50 3, lt50 2, none_gt50_involved 1, none 0;
    bilateral 3, unilateral 1, none 0. Bands: 0–6 stable, 7–12 indeterminate, 13–18 unstable.
    (level L1: junctional 3)"""
    row = run(lesions=[{"region": "L1", "bone": "vertebra", "level": "L1", **fields}])
    row = row["scores"]["lesions"][0]
    assert (row["sins"], row["sins_band"]) == (total, band)


def test_sins_missing_field_named_as_case_file_key():
    """§0/§10: A score without its inputs is `null` with the missing inputs named ...
    `lesions.pain` for a lesion field."""
    les = {"region": "L3", "bone": "vertebra", "level": "L3", "pattern": "mixed",
           "alignment": "normal", "collapse": "none", "posterolateral": "none"}  # fmt: skip
    row = run(lesions=[les])["scores"]["lesions"][0]
    assert row["sins"] is None and row["sins_band"] is None
    assert "lesions.pain" in row["missing"]


@pytest.mark.parametrize("lesion,total,band", [
    ({"bone": "humerus", "pain": "none", "pattern": "osteoblastic", "size": "lt_third"}, 4, "low"),
    ({"bone": "ulna", "pain": "mild", "pattern": "osteolytic", "size": "gt_two_thirds"}, 8,
     "borderline"),
    ({"bone": "radius", "pain": "functional", "pattern": "mixed", "size": "lt_third"}, 7, "low"),
    ({"bone": "tibia", "pain": "moderate", "pattern": "mixed", "size": "third_to_two_thirds"}, 8,
     "borderline"),
    ({"bone": "fibula", "pain": "functional", "pattern": "osteolytic", "size": "gt_two_thirds"},
     11, "high"),
    ({"bone": "femur", "peritrochanteric": True, "pain": "functional", "pattern": "osteolytic",
      "size": "gt_two_thirds"}, 12, "high"),
    ({"bone": "femur", "peritrochanteric": True, "pain": "mild", "pattern": "osteoblastic",
      "size": "third_to_two_thirds"}, 7, "low"),
    ({"bone": "femur", "pain": "mild", "pattern": "mixed", "size": "third_to_two_thirds"}, 7,
     "low"),
    ({"bone": "femur", "pain": "moderate", "pattern": "osteolytic", "size": "lt_third"}, 8,
     "borderline"),
    ({"bone": "humerus", "pain": "moderate", "pattern": "osteolytic", "size": "gt_two_thirds"},
     9, "high"),
])  # fmt: skip
def test_mirels_items_and_bands(lesion, total, band):
    """§8 Mirels: site upper 1 / lower 2 / peritrochanteric (femur only) 3; pain none or mild 1
    / moderate 2 / functional 3; osteoblastic 1 / mixed 2 / osteolytic 3; size 1/2/3. Bands:
    ≤7 low, 8 borderline, ≥9 high."""
    row = run(lesions=[{"region": "x", **lesion}])["scores"]["lesions"][0]
    assert (row["mirels"], row["mirels_band"]) == (total, band)


def test_mirels_only_long_bones_and_escc_reported():
    """§8: Mirels per lesion of femur, tibia, fibula, humerus, radius, ulna; ESCC grades."""
    rows = run(
        lesions=[
            {
                "region": "rib 3",
                "bone": "rib",
                "pain": "moderate",
                "pattern": "osteolytic",
                "size": "gt_two_thirds",
            },
            {"region": "T4", "bone": "vertebra", "level": "T4", "escc": "1c"},
        ]
    )
    a, b = rows["scores"]["lesions"]
    assert a["mirels"] is None and a["sins"] is None
    assert not found(rows, "LOC-MIRELS-FIX")
    assert b["escc"] == "1c" and b["mirels"] is None


def vert(level: str) -> dict:
    return {"region": level, "bone": "vertebra", "level": level}


def rib(i: int) -> dict:
    return {"region": f"rib {i}", "bone": "rib"}


TOKU_BASE = {"kps": 80, "frankel": "E", "visceral_metastases": []}


def toku(cancer: dict, lesions: list[dict]) -> dict:
    return run(cancer=cancer, lesions=lesions)["scores"]["tokuhashi"]


@pytest.mark.parametrize("kps,points", [(100, 2), (80, 2), (70, 1), (50, 1), (40, 0), (0, 0)])
def test_tokuhashi_kps(kps, points):
    """§8 Tokuhashi: KPS < 50 → 0, 50–79 → 1, ≥ 80 → 2 (others: 0 extraspinal 2, 1 vertebral 2,
    none visceral 2, lung 0, Frankel E 2). KPS is a multiple of 10 (§10), so 70/80 and 40/50
    are the boundaries."""
    assert toku(dict(TOKU_BASE, kps=kps), [vert("L3")])["value"] == 8 + points


@pytest.mark.parametrize("n_extra,n_vert,value", [(1, 1, 9), (2, 1, 9), (3, 1, 8), (0, 2, 9),
                                                  (0, 3, 8), (3, 3, 6)])  # fmt: skip
def test_tokuhashi_lesion_counts(n_extra, n_vert, value):
    """§8 Tokuhashi: extraspinal bone lesions ≥3 → 0, 1–2 → 1, 0 → 2; vertebral lesions ≥3 → 0,
    2 → 1, 1 → 2."""
    lesions = [rib(i) for i in range(n_extra)] + [vert(f"T{i + 1}") for i in range(n_vert)]
    assert toku(TOKU_BASE, lesions)["value"] == value


@pytest.mark.parametrize("cancer,value,band", [
    ({"visceral_metastases": ["liver"], "visceral_treatable": True}, 9, "≥6 months"),
    ({"visceral_metastases": ["liver"], "visceral_treatable": False}, 8, "<6 months"),
    ({"frankel": "A"}, 8, "<6 months"), ({"frankel": "B"}, 8, "<6 months"),
    ({"frankel": "C"}, 9, "≥6 months"), ({"frankel": "D"}, 9, "≥6 months"),
    ({}, 10, "≥6 months"),
])  # fmt: skip
def test_tokuhashi_visceral_palsy_bands(cancer, value, band):
    """§8 Tokuhashi: visceral unremovable 0 / removable 1 / none 2; Frankel A–B 0 / C–D 1 / E 2.
    Bands: 0–8 `<6 months`, 9–11 `≥6 months`, 12–15 `≥1 year`."""
    t = toku(dict(TOKU_BASE, **cancer), [vert("L3")])
    assert (t["value"], t["band"]) == (value, band)


def test_tokuhashi_needs_vertebral_lesion_and_inputs():
    """§8 Tokuhashi: computed only when at least one vertebral lesion is recorded (else `null`,
    missing `lesions`); missing inputs named by case-file key (`frankel`, `kps`)."""
    t = toku(TOKU_BASE, [rib(1)])
    assert t["value"] is None and t["band"] is None and "lesions" in t["missing"]
    t = toku({"visceral_metastases": []}, [vert("L3")])
    assert t["value"] is None and {"kps", "frankel"} <= set(t["missing"])


@pytest.mark.parametrize("cancer,n,value,band", [
    ({"visceral_metastases": []}, 1, 5, "middle-term local control"),
    ({"visceral_metastases": []}, 2, 6, "short-term palliation"),
    ({"visceral_metastases": ["liver"], "visceral_treatable": True}, 1, 7, "short-term palliation"),
    ({"visceral_metastases": ["liver"], "visceral_treatable": True}, 3, 8, "terminal care"),
    ({"visceral_metastases": ["lung"], "visceral_treatable": False}, 2, 10, "terminal care"),
])  # fmt: skip
def test_tomita(cancer, n, value, band):
    """§8 Tomita: primary lung 4; visceral none 0 / treatable 2 / untreatable 4; bone: 1 lesion
    → 1, ≥ 2 → 2. Bands 2–3 long-term, 4–5 middle-term, 6–7 short-term palliation, 8–10
    terminal care."""
    t = run(cancer=cancer, lesions=[rib(i) for i in range(n)])["scores"]["tomita"]
    assert (t["value"], t["band"]) == (value, band)


def test_tomita_null_without_lesions():
    """§8 Tomita: none recorded → `null`."""
    t = run(cancer={"visceral_metastases": []})["scores"]["tomita"]
    assert t["value"] is None and t["band"] is None and t["missing"]


NORMAL_LABS = [("PLT", 200, "10^9/L"), ("CA", 2.3, "mmol/L"), ("TBIL", 10, "umol/L"),
               ("CRP", 1, "mg/L"), ("LDH", 180, "U/L"), ("ALB", 40, "g/L")]  # fmt: skip


KAT_CANCER = {"targeted_therapy": False, "visceral_metastases": [], "ecog": 1,
              "prior_chemotherapy": False}  # fmt: skip


def kat(cancer: dict | None = None, labs: dict | None = None, n_lesions: int = 1,
        day: int = 5) -> dict:  # fmt: skip
    """Katagiri with the normal labs, overridden by ``labs`` (analyte → value, None = absent)."""
    values = {a: (v, u) for a, v, u in NORMAL_LABS}
    for a, v in (labs or {}).items():
        if v is None:
            values.pop(a)
        else:
            values[a] = (v, values.get(a, (0, {"CRP": "mg/L"}.get(a, "U/L")))[1])
    lab_rows = [lab(day, a, v, u) for a, (v, u) in values.items()]
    c = dict(KAT_CANCER, **(cancer or {}))
    return run(cancer=c, labs=lab_rows, lesions=[rib(i) for i in range(n_lesions)])["scores"][
        "katagiri"
    ]


def test_katagiri_baseline_all_normal():
    """§8 Katagiri: lung, `targeted_therapy` not true 3; 0 if all six were measured and none
    is abnormal. Bands 0–3 low."""
    k = kat()
    assert (k["value"], k["band"]) == (3, "low")
    assert kat({"targeted_therapy": True})["value"] == 2


@pytest.mark.parametrize("labs,points", [
    ({"PLT": 99.9}, 2), ({"PLT": 100}, 0), ({"CA": 2.57}, 2), ({"CA": 2.569}, 0),
    ({"TBIL": 23.9}, 2), ({"TBIL": 23.89}, 0), ({"CRP": 4}, 1), ({"CRP": 3.99}, 0),
    ({"LDH": 250}, 1), ({"LDH": 249}, 0), ({"ALB": 36.9}, 1), ({"ALB": 37}, 0),
    ({"PLT": 50, "CRP": 10}, 2),
])  # fmt: skip
def test_katagiri_lab_thresholds(labs, points):
    """§8 Katagiri: critical (platelets <100, calcium ≥ 2.57 mmol/L, bilirubin ≥23.9 µmol/L) 2;
    abnormal (CRP ≥4 mg/L, LDH ≥250 U/L or albumin <37 g/L) 1."""
    assert kat(labs=labs)["value"] == 3 + points


def test_katagiri_calcium_is_corrected_calcium():
    """§1: "Calcium" in the rules below means corrected calcium (2.45 + 0.02 × (40 − 36.5) =
    2.52 < 2.57; 2.50 + 0.02 × (40 − 36) = 2.58 ≥ 2.57)."""
    assert kat(labs={"CA": 2.45, "ALB": 36.5})["value"] == 3 + 1  # ALB abnormal only
    assert kat(labs={"CA": 2.50, "ALB": 36})["value"] == 3 + 2


def test_katagiri_bilirubin_mg_dl_converted():
    """§1: TBIL mg/dL ×17.1 (1.4 mg/dL = 23.94 µmol/L ≥ 23.9)."""
    base = [lab(5, a, v, u) for a, v, u in NORMAL_LABS if a != "TBIL"]
    for tbil, pts in ((1.4, 2), (1.39, 0)):
        doc = run(cancer=KAT_CANCER, labs=base + [lab(5, "TBIL", tbil, "mg/dL")],
                  lesions=[rib(1)])  # fmt: skip
        assert doc["scores"]["katagiri"]["value"] == 3 + pts


def test_katagiri_missing_analytes():
    """§8 Katagiri: 2 if any critical value is present; else 1 if any abnormal value is present
    and all three critical analytes were measured; 0 if all six measured and none abnormal;
    otherwise `null`, naming the analytes not measured (`labs.CRP`)."""
    assert kat(labs={"PLT": 80, "CRP": None, "TBIL": None})["value"] == 5
    k = kat(labs={"CRP": 10, "PLT": None})
    assert k["value"] is None and k["band"] is None and "labs.PLT" in k["missing"]
    k = kat(labs={"LDH": None})
    assert k["value"] is None and "labs.LDH" in k["missing"]


def test_katagiri_labs_within_30_days():
    """§8 Katagiri: laboratory item from the latest values dated within 30 days."""
    assert kat(day=30)["value"] == 3
    k = kat(day=31)
    assert k["value"] is None and {"labs.PLT", "labs.CRP"} <= set(k["missing"])


@pytest.mark.parametrize("cancer,n,value,band", [
    ({"ecog": 3}, 1, 4, "intermediate"), ({"ecog": 4}, 1, 4, "intermediate"),
    ({"ecog": 2}, 1, 3, "low"), ({"prior_chemotherapy": True}, 1, 4, "intermediate"),
    ({}, 2, 4, "intermediate"),
    ({"visceral_metastases": ["liver"], "disseminated": False}, 1, 4, "intermediate"),
    ({"visceral_metastases": ["pleura"], "disseminated": True, "ecog": 3,
      "prior_chemotherapy": True}, 2, 8, "high"),
    ({"visceral_metastases": ["liver"], "disseminated": True, "prior_chemotherapy": True}, 2, 7,
     "high"),
    ({"visceral_metastases": ["liver"], "disseminated": True}, 2, 6, "intermediate"),
])  # fmt: skip
def test_katagiri_other_items_and_bands(cancer, n, value, band):
    """§8 Katagiri: visceral none 0 / nodular 1 / disseminated 2; ECOG 3–4 1;
    `prior_chemotherapy` 1; ≥2 skeletal lesions 1. Bands 0–3 low, 4–6 intermediate, 7–10 high."""
    k = kat(cancer, n_lesions=n)
    assert (k["value"], k["band"]) == (value, band)


def grade_of(finding: dict) -> Any:
    for key, val in finding["data"].items():
        if "grade" in key.lower():
            return val
    raise AssertionError("no grade in the finding's data")


@pytest.mark.parametrize("ca,rule,severity,grade", [
    (2.09, "BMA-HYPOCALCAEMIA", "warning", 1), (2.0, "BMA-HYPOCALCAEMIA", "warning", 1),
    (1.99, "BMA-HYPOCALCAEMIA", "critical", 2), (1.75, "BMA-HYPOCALCAEMIA", "critical", 2),
    (1.74, "BMA-HYPOCALCAEMIA", "critical", 3), (1.5, "BMA-HYPOCALCAEMIA", "critical", 3),
    (1.49, "BMA-HYPOCALCAEMIA", "critical", 4),
    (2.61, "BMA-HYPERCALCAEMIA", "warning", 1), (2.9, "BMA-HYPERCALCAEMIA", "warning", 1),
    (2.91, "BMA-HYPERCALCAEMIA", "critical", 2), (3.1, "BMA-HYPERCALCAEMIA", "critical", 2),
    (3.11, "BMA-HYPERCALCAEMIA", "critical", 3), (3.4, "BMA-HYPERCALCAEMIA", "critical", 3),
    (3.41, "BMA-HYPERCALCAEMIA", "critical", 4),
])  # fmt: skip
def test_ctcae_calcium_grades(ca, rule, severity, grade):
    """§8 CTCAE v5: hypocalcaemia grade 1 < LLN–2.0, grade 2 < 2.0–1.75, grade 3 < 1.75–1.5,
    grade 4 < 1.5; hypercalcaemia grade 1 > ULN–2.9, grade 2 > 2.9–3.1, grade 3 > 3.1–3.4,
    grade 4 > 3.4; the BMA calcium rules are critical at grade ≥2."""
    doc = run(labs=[lab(5, "CA", ca, "mmol/L"), lab(5, "ALB", 40, "g/L")])
    fs = found(doc, rule)
    assert len(fs) == 1 and fs[0]["severity"] == severity
    assert grade_of(fs[0]) == grade


@pytest.mark.parametrize("ca,ref,fire", [(2.10, {}, None), (2.60, {}, None),
                                         (2.15, {"ref_low": 2.2}, "BMA-HYPOCALCAEMIA"),
                                         (2.55, {"ref_high": 2.5}, "BMA-HYPERCALCAEMIA"),
                                         (2.65, {"ref_high": 2.7}, None)])  # fmt: skip
def test_calcium_limits_lab_range_wins(ca, ref, fire):
    """§0/§1: A result's own reference range always wins over a default range (for corrected
    calcium: the calcium sample's range)."""
    doc = run(labs=[lab(5, "CA", ca, "mmol/L", **ref), lab(5, "ALB", 40, "g/L")])
    fired = {f["rule"] for f in doc["findings"]} & {"BMA-HYPOCALCAEMIA", "BMA-HYPERCALCAEMIA"}
    assert fired == ({fire} if fire else set())


def test_katagiri_calcium_compared_in_mmol_l():
    """§8 Katagiri: calcium ≥ 2.57 mmol/L (≈10.3 mg/dL; compared in mmol/L): 10.3 mg/dL ×
    0.2495 = 2.5699 is not critical; 10.31 mg/dL = 2.5723 is."""
    base = [lab(5, a, v, u) for a, v, u in NORMAL_LABS if a != "CA"]
    for ca, pts in ((10.3, 0), (10.31, 2)):
        doc = run(cancer=KAT_CANCER, labs=base + [lab(5, "CA", ca, "mg/dL")], lesions=[rib(1)])
        assert doc["scores"]["katagiri"]["value"] == 3 + pts


def test_katagiri_uses_latest_value_per_analyte():
    """§8 Katagiri: laboratory item from the latest values dated within 30 days."""
    labs = [lab(5, a, v, u) for a, v, u in NORMAL_LABS] + [lab(20, "PLT", 80, "10^9/L")]
    assert run(cancer=KAT_CANCER, labs=labs, lesions=[rib(1)])["scores"]["katagiri"]["value"] == 3


def test_alp_25_uln_uses_result_range():
    """§1: A threshold relative to ULN uses the range of the result being judged (2.5 × 100)."""
    assert found(run(labs=[lab(10, "ALP", 251, "U/L", ref_high=100)]), "WU-ALP-RISE")
    assert not found(run(labs=[lab(10, "ALP", 249, "U/L", ref_high=100)]), "WU-ALP-RISE")


def test_katagiri_unknown_items_make_the_score_null():
    """§0: A score without its inputs is `null` with the missing inputs named (reading: unknown
    `ecog`, `prior_chemotherapy` or `visceral_metastases` leave Katagiri null; only
    `targeted_therapy` is worded "true 2, otherwise 3")."""
    for key in ("ecog", "prior_chemotherapy", "visceral_metastases"):
        k = kat({key: None})
        assert k["value"] is None and key in k["missing"]
    assert kat(n_lesions=0)["value"] == 3  # no lesions recorded: the ≥2 item scores 0


@pytest.mark.parametrize("ca,rule", [(2.6049, "BMA-HYPERCALCAEMIA"), (2.0999, "BMA-HYPOCALCAEMIA")])
def test_thresholds_on_unrounded_values(ca, rule):
    """§0: Thresholds are applied to unrounded values (2.6049 shows as 2.60 yet is > 2.60)."""
    doc = run(labs=[lab(5, "CA", ca, "mmol/L"), lab(5, "ALB", 40, "g/L")])
    assert doc["derived"]["corrected_calcium_mmol_l"] == round(ca, 2)
    assert found(doc, rule)
