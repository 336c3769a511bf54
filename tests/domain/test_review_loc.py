"""Independent review of rule book §7 (local therapy LOC-*, IO-DENOSUMAB) and the findings
order against the text.

Written from the book's sentences (quoted in each docstring), not from the engine: hand-made
bonemet-case/1 documents go through ``parse_case`` and ``assess`` (and the CLI's ``main``) and
the §10 output is checked — each rule firing, both sides of every threshold / day boundary,
and silent cases. Readings where the book leaves a choice are in docs/clinical-readings.md.
"""

from __future__ import annotations

from typing import Any

import pytest

from .review_helpers import (
    MRI_CONFIRM,
    ago,
    fires,
    found,
    img,
    run,
)


def pain(n: int, pattern: str = "fixed") -> dict:
    return {"date": ago(n), "kind": "bone_pain", "pattern": pattern}


def vert(region: str, level: str, **kw: Any) -> dict:
    return {"region": region, "bone": "vertebra", "level": level, **kw}


SINS13 = vert(
    "T5",
    "T5",
    pain="mechanical",
    pattern="osteolytic",
    alignment="subluxation",
    collapse="gt50",
    posterolateral="none",
)  # 1+3+2+4+3+0


SINS12 = dict(SINS13, collapse="lt50")  # 1+3+2+4+2+0


SINS7 = vert(
    "L3",
    "L3",
    pain="mechanical",
    pattern="osteolytic",
    alignment="normal",
    collapse="none",
    posterolateral="none",
)  # 2+3+2


SINS6 = dict(SINS7, pain="occasional", collapse="none_gt50_involved")  # 2+1+2+0+1+0


@pytest.mark.parametrize(
    "lesion,score,unstable,indeterminate",
    [
        (SINS13, 13, True, False),
        (SINS12, 12, False, True),
        (SINS7, 7, False, True),
        (SINS6, 6, False, False),
    ],
)
def test_loc_sins_thresholds(lesion, score, unstable, indeterminate):
    """LOC-SINS-UNSTABLE: SINS ≥ 13; LOC-SINS-INDETERMINATE: SINS 7–12."""
    doc = run(lesions=[lesion])
    assert doc["scores"]["lesions"][0]["sins"] == score
    assert fires(doc, "LOC-SINS-UNSTABLE") is unstable
    assert fires(doc, "LOC-SINS-INDETERMINATE") is indeterminate
    if unstable:
        assert found(doc, "LOC-SINS-UNSTABLE")[0]["severity"] == "critical"


def test_loc_per_lesion_one_finding_each():
    """§7: Per-lesion rules emit one finding per lesion (the lesion's region in `data`)."""
    doc = run(lesions=[SINS7, dict(SINS7, region="L4", level="L4")])
    fs = found(doc, "LOC-SINS-INDETERMINATE")
    assert len(fs) == 2
    assert {"L3", "L4"} <= {v for f in fs for v in f["data"].values() if isinstance(v, str)}


@pytest.mark.parametrize("grade,fire", [("2", True), ("3", True), ("1c", False), ("0", False)])
def test_loc_escc_high(grade, fire):
    """LOC-ESCC-HIGH (critical): a lesion has ESCC grade 2 or 3."""
    doc = run(lesions=[vert("T4", "T4", escc=grade)])
    assert fires(doc, "LOC-ESCC-HIGH") is fire


def femur(**kw: Any) -> dict:
    base = {
        "region": "left femur",
        "bone": "femur",
        "side": "left",
        "pain": "moderate",
        "pattern": "mixed",
        "size": "lt_third",
    }
    base.update(kw)
    return base


@pytest.mark.parametrize(
    "lesion,score,fix,border",
    [
        (femur(), 7, False, False),
        (femur(size="third_to_two_thirds"), 8, False, True),
        (femur(size="gt_two_thirds"), 9, True, False),
        (femur(peritrochanteric=True), 8, False, True),
        (
            {
                "region": "R humerus",
                "bone": "humerus",
                "pain": "functional",
                "pattern": "osteolytic",
                "size": "gt_two_thirds",
            },
            10,
            True,
            False,
        ),
    ],
)
def test_loc_mirels_thresholds(lesion, score, fix, border):
    """LOC-MIRELS-FIX: Mirels ≥ 9; LOC-MIRELS-BORDERLINE: Mirels = 8."""
    doc = run(lesions=[lesion])
    assert doc["scores"]["lesions"][0]["mirels"] == score
    assert fires(doc, "LOC-MIRELS-FIX") is fix
    assert fires(doc, "LOC-MIRELS-BORDERLINE") is border


def rt(n: int, region: str, **kw: Any) -> dict:
    return {"date": ago(n), "kind": "radiotherapy", "region": region, **kw}


def test_loc_rt_painful_lesion():
    """LOC-RT: a lesion with `pain` ≠ `none` and no `radiotherapy` event (given or planned) of
    the same region on record."""
    les = [femur()]
    assert fires(run(lesions=les), "LOC-RT")
    assert not fires(run(lesions=[femur(pain="none")]), "LOC-RT")
    assert not fires(run(lesions=les, events=[rt(400, " LEFT FEMUR ")]), "LOC-RT")
    assert not fires(run(lesions=les, events=[rt(-30, "left femur", planned=True)]), "LOC-RT")
    assert fires(run(lesions=les, events=[rt(10, "right femur")]), "LOC-RT")


def test_loc_rt_pathological_fracture():
    """LOC-RT: or a `pathological_fracture` dated within 90 days with no `radiotherapy` of the
    same region dated on/after it."""
    fx = lambda n: {"date": ago(n), "kind": "pathological_fracture", "region": "rib 4"}  # noqa: E731
    assert fires(run(events=[fx(90)]), "LOC-RT")
    assert not fires(run(events=[fx(91)]), "LOC-RT")
    assert not fires(run(events=[fx(50), rt(50, "Rib 4")]), "LOC-RT")
    assert fires(run(events=[fx(50), rt(51, "rib 4")]), "LOC-RT")


def test_loc_post_fix_rt():
    """LOC-POST-FIX-RT: a `surgery_to_bone` or `vertebroplasty` event (not planned) with no
    `radiotherapy` (given or planned) of the same region dated on/after it."""
    surg = {"date": ago(20), "kind": "surgery_to_bone", "region": "right humerus"}
    assert fires(run(events=[surg]), "LOC-POST-FIX-RT")
    assert fires(run(events=[dict(surg, kind="vertebroplasty", region="T12")]), "LOC-POST-FIX-RT")
    assert not fires(run(events=[dict(surg, planned=True, date=ago(-5))]), "LOC-POST-FIX-RT")
    assert not fires(run(events=[surg, rt(20, "Right Humerus")]), "LOC-POST-FIX-RT")
    assert fires(run(events=[surg, rt(21, "right humerus")]), "LOC-POST-FIX-RT")
    assert not fires(run(events=[surg, rt(-10, "right humerus", planned=True)]), "LOC-POST-FIX-RT")


def test_loc_vertebroplasty():
    """LOC-VERTEBROPLASTY: a vertebral lesion with `collapse` `gt50` or `lt50`, or with a
    vertebral `pathological_fracture` event of the same region, whose SINS is known and < 13 and
    whose ESCC is `0`, `1a` or `1b`."""
    base = dict(SINS7, collapse="lt50", escc="1b")  # SINS 9
    assert fires(run(lesions=[base]), "LOC-VERTEBROPLASTY")
    assert not fires(run(lesions=[dict(base, escc="1c")]), "LOC-VERTEBROPLASTY")
    assert not fires(run(lesions=[dict(base, escc="2")]), "LOC-VERTEBROPLASTY")
    assert not fires(run(lesions=[dict(SINS13, escc="0")]), "LOC-VERTEBROPLASTY")
    assert fires(run(lesions=[dict(SINS12, escc="0")]), "LOC-VERTEBROPLASTY")
    none = dict(base, collapse="none")
    assert not fires(run(lesions=[none]), "LOC-VERTEBROPLASTY")
    fx = {"date": ago(200), "kind": "pathological_fracture", "region": "l3", "vertebral": True}
    assert fires(run(lesions=[none], events=[fx]), "LOC-VERTEBROPLASTY")
    unknown_sins = {k: v for k, v in base.items() if k != "pain"}
    assert not fires(run(lesions=[unknown_sins]), "LOC-VERTEBROPLASTY")


def rib(i: int) -> dict:
    return {"region": f"rib {i}", "bone": "rib"}


@pytest.mark.parametrize(
    "n_lesions,cancer,fire",
    [
        (3, {"visceral_metastases": ["liver", "adrenal"]}, True),  # 3+2=5, 1+2=3
        (4, {"visceral_metastases": ["liver", "adrenal"]}, False),  # 6
        (1, {"visceral_metastases": ["liver", "adrenal", "brain"]}, False),  # 1+3=4 organs-wise
        (1, {"visceral_metastases": ["liver"], "visceral_lesion_count": 4}, True),  # 5
        (1, {"visceral_metastases": ["liver"], "visceral_lesion_count": 5}, False),  # 6
        (5, {"visceral_metastases": []}, True),
        (6, {"visceral_metastases": []}, False),
        (0, {"visceral_metastases": []}, False),
    ],
)
def test_loc_oligo(n_lesions, cancer, fire):
    """LOC-OLIGO: status confirmed; bone lesions (number of `lesions`, at least 1) + visceral
    lesions (`cancer.visceral_lesion_count`, else one per distinct visceral organ) ≤ 5; and 1
    (bone) + distinct visceral organs ≤ 3."""
    doc = run(imaging=[MRI_CONFIRM], lesions=[rib(i) for i in range(n_lesions)], cancer=cancer)
    assert fires(doc, "LOC-OLIGO") is fire


def test_loc_oligo_needs_confirmed_and_staging():
    """LOC-OLIGO: status confirmed; `visceral_metastases` absent means not staged/unknown."""
    les = [rib(1)]
    assert not fires(
        run(
            imaging=[img(5, "mri", "L3", "positive")],
            lesions=les,
            cancer={"visceral_metastases": []},
        ),
        "LOC-OLIGO",
    )
    assert not fires(run(imaging=[MRI_CONFIRM], lesions=les, cancer={}), "LOC-OLIGO")


def test_loc_bma_with_rt():
    """LOC-BMA-WITH-RT: a `radiotherapy` event dated within the last 30 days or planned, and no
    BMA active."""
    assert fires(run(events=[rt(30, "L3")]), "LOC-BMA-WITH-RT")
    assert not fires(run(events=[rt(31, "L3")]), "LOC-BMA-WITH-RT")
    assert fires(run(events=[rt(-20, "L3", planned=True)]), "LOC-BMA-WITH-RT")
    active = {"administrations": [{"date": ago(10), "drug": "zoledronic_acid", "dose_mg": 4}]}
    assert not fires(run(events=[rt(5, "L3")], bma=active), "LOC-BMA-WITH-RT")


def test_io_denosumab():
    """IO-DENOSUMAB: `cancer.immunotherapy` true, status confirmed, and denosumab not active
    (whether or not another BMA is)."""
    za = {"administrations": [{"date": ago(10), "drug": "zoledronic_acid", "dose_mg": 4}]}
    den = {"administrations": [{"date": ago(10), "drug": "denosumab", "dose_mg": 120}]}
    io = {"immunotherapy": True}
    assert fires(run(cancer=io, imaging=[MRI_CONFIRM]), "IO-DENOSUMAB")
    assert fires(run(cancer=io, imaging=[MRI_CONFIRM], bma=za), "IO-DENOSUMAB")
    assert not fires(run(cancer=io, imaging=[MRI_CONFIRM], bma=den), "IO-DENOSUMAB")
    assert not fires(run(cancer={"immunotherapy": False}, imaging=[MRI_CONFIRM]), "IO-DENOSUMAB")
    assert not fires(run(cancer=io, imaging=[img(5, "mri", "L3", "positive")]), "IO-DENOSUMAB")


def test_findings_order_severity_then_book_order():
    """§10: `findings` holds only the rules that fired, ordered by severity, then rule-book
    order, then date."""
    doc = run(
        symptoms=[pain(10), {"date": ago(3), "kind": "neuro_deficit"}],
        cancer={"stage": "IVA"},
        imaging=[img(20, "bone_scan", "L3", "positive")],
        lesions=[vert("T4", "T4", escc="3"), SINS7],
    )
    rules = [f["rule"] for f in doc["findings"]]
    sev = {"critical": 0, "warning": 1, "info": 2}
    assert [sev[f["severity"]] for f in doc["findings"]] == sorted(
        sev[f["severity"]] for f in doc["findings"]
    )
    assert rules.index("WU-MSCC") < rules.index("LOC-ESCC-HIGH")
    assert (
        rules.index("WU-PAIN-FIXED")
        < rules.index("WU-SCAN-CONFIRM")
        < rules.index("LOC-SINS-INDETERMINATE")
    )
    assert rules.index("WU-HIGH-RISK") < rules.index("LOC-RT")


def test_evidence_strongest_first():
    """§10: `evidence` lists the labels of the rule's Evidence column, strongest first
    (LABEL > GL > TRIAL > SEED > DESIGN); `source` is that column's text."""
    f = found(run(cancer={"stage": "IVA"}), "WU-HIGH-RISK")[0]
    assert f["evidence"] == ["GL", "SEED"]
    assert f["source"] == (
        "SEED R10–R14; GL Chinese 2024 guideline (screen high-risk patients); GL ASCO 2019 "
        "surveillance guideline (Schneider 2020: chest CT; no routine PET-CT after curative "
        "treatment of stage I–III)")
    f = found(run(cancer={"immunotherapy": True}, imaging=[MRI_CONFIRM]), "IO-DENOSUMAB")[0]
    assert f["evidence"] == ["TRIAL", "SEED"]


def test_loc_bma_with_rt_overdue_plan():
    """§0: a plan dated before the as-of date is an overdue plan; LOC-BMA-WITH-RT: ... or
    planned."""
    assert fires(run(events=[rt(60, "L3", planned=True)]), "LOC-BMA-WITH-RT")


def test_loc_rt_regions_trim_and_case():
    """§0: Regions match when equal after trimming spaces and ignoring case."""
    les = [femur(region="  Left Femur")]
    assert not fires(run(lesions=les, events=[rt(10, "left femur")]), "LOC-RT")


def test_loc_rt_fracture_planned_radiotherapy_after_counts():
    """LOC-RT: a `pathological_fracture` ... with no `radiotherapy` of the same region dated
    on/after it (a plan dated after the fracture counts; one before it does not)."""
    fx = {"date": ago(10), "kind": "pathological_fracture", "region": "rib 4"}
    assert not fires(run(events=[fx, rt(-10, "rib 4", planned=True)]), "LOC-RT")
    assert fires(run(events=[fx, rt(20, "rib 4", planned=True)]), "LOC-RT")


def test_loc_vertebroplasty_fracture_must_be_vertebral():
    """LOC-VERTEBROPLASTY: a vertebral `pathological_fracture` event of the same region (not a
    `fracture`, not one marked `vertebral: false`)."""
    les = [dict(SINS6, region="L2", level="L2", escc="0")]
    fx = {"date": ago(10), "kind": "pathological_fracture", "region": "L2", "vertebral": True}
    assert fires(run(lesions=les, events=[fx]), "LOC-VERTEBROPLASTY")
    assert not fires(run(lesions=les, events=[dict(fx, vertebral=False)]), "LOC-VERTEBROPLASTY")
    assert not fires(run(lesions=les, events=[dict(fx, kind="fracture")]), "LOC-VERTEBROPLASTY")


@pytest.mark.parametrize("days,fire", [(84, False), (85, True)])
def test_io_denosumab_unrecorded_stop_boundary(days, fire):
    """IO-DENOSUMAB: denosumab not active; §4 (iii)/§5: a course is stopped when the days since
    the last given dose exceed the interval + 56 (28 + 56 = 84)."""
    bma = {"administrations": [{"date": ago(days), "drug": "denosumab", "dose_mg": 120}]}
    doc = run(cancer={"immunotherapy": True}, imaging=[MRI_CONFIRM], bma=bma)
    assert fires(doc, "IO-DENOSUMAB") is fire


@pytest.mark.parametrize("days,fire", [(90, False), (91, True)])
def test_loc_bma_with_rt_active_boundary(days, fire):
    """LOC-BMA-WITH-RT: no BMA active; §4: active when its last given dose is ≤ 90 days old."""
    bma = {"administrations": [{"date": ago(days), "drug": "zoledronic_acid", "dose_mg": 4}]}
    assert fires(run(events=[rt(5, "L3")], bma=bma), "LOC-BMA-WITH-RT") is fire


def test_loc_oligo_distinct_organs():
    """LOC-OLIGO: one per distinct visceral organ ("Liver" and " liver" are one organ):
    4 bone + 1 visceral = 5."""
    cancer = {"visceral_metastases": ["Liver", " liver"]}
    doc = run(imaging=[MRI_CONFIRM], lesions=[rib(i) for i in range(4)], cancer=cancer)
    assert fires(doc, "LOC-OLIGO")
