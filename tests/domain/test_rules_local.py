"""LOC-* rules and IO-DENOSUMAB (§7): per-lesion findings, thresholds on both sides, silence."""

from __future__ import annotations

from datetime import date

import pytest

from .rules_helpers import POSITIVE_MRI, fired, missing

CONFIRMED = [POSITIVE_MRI]


def vert(level="L3", **kw):
    base = {"region": level, "bone": "vertebra", "level": level, "pattern": "osteolytic",
            "pain": "mechanical", "alignment": "normal", "collapse": "lt50",
            "posterolateral": "unilateral", "escc": "1a"}
    base.update(kw)
    return {k: v for k, v in base.items() if v is not None}


def femur(**kw):
    base = {"region": "left femur", "bone": "femur", "pattern": "mixed", "pain": "moderate",
            "size": "third_to_two_thirds"}
    base.update(kw)
    return {k: v for k, v in base.items() if v is not None}


# ---------------------------------------------------------------- SINS

def test_sins_boundaries():
    six = vert("T5", pain="none", collapse="none", posterolateral="bilateral")  # 1+0+2+0+0+3
    seven = vert("T5", pain="occasional", collapse="none", posterolateral="bilateral")
    twelve = vert("L1", alignment="deformity", collapse="lt50", posterolateral="none")  # 3+3+2+2+2
    thirteen = vert("L1", alignment="deformity", collapse="gt50", posterolateral="none")
    assert not fired("LOC-SINS-INDETERMINATE", lesions=[six])
    assert fired("LOC-SINS-INDETERMINATE", lesions=[seven])
    assert fired("LOC-SINS-INDETERMINATE", lesions=[twelve])
    assert not fired("LOC-SINS-UNSTABLE", lesions=[twelve])
    [f] = fired("LOC-SINS-UNSTABLE", lesions=[thirteen])
    assert f.severity == "critical" and f.data["region"] == "L1" and "13" in f.message
    assert not fired("LOC-SINS-INDETERMINATE", lesions=[thirteen])


def test_sins_one_finding_per_lesion():
    found = fired("LOC-SINS-INDETERMINATE", lesions=[vert("L3"), vert("L4"), femur()])
    assert [f.data["region"] for f in found] == ["L3", "L4"]


def test_sins_missing_parts_fire_when_threshold_is_certain_else_missing():
    # known parts: junctional 3 + lytic 2 + subluxation 4 + gt50 3 + bilateral 3 = 15 ≥ 13
    sure = vert("T12", pain=None, alignment="subluxation", collapse="gt50",
                posterolateral="bilateral")
    [f] = fired("LOC-SINS-UNSTABLE", lesions=[sure])
    assert f.data["sins"] is None and f.data["sins_at_least"] == 15
    assert "pain" in f.message
    # known 2+2+0+2+1 = 7 ≥ 7, could reach 10: indeterminate, unstable impossible
    unsure = vert(pain=None)
    assert fired("LOC-SINS-INDETERMINATE", lesions=[unsure])
    assert missing("LOC-SINS-UNSTABLE", lesions=[unsure]) == []
    # known 2 + 2 = 4 (pain, alignment, collapse missing): could be 4..14
    low = vert(pain=None, alignment=None, collapse=None, posterolateral="none")
    assert not fired("LOC-SINS-INDETERMINATE", lesions=[low])
    assert missing("LOC-SINS-UNSTABLE", lesions=[low]) == [
        "lesions.alignment", "lesions.collapse", "lesions.pain"]


# ---------------------------------------------------------------- ESCC

@pytest.mark.parametrize(("grade", "fires"), [("0", False), ("1c", False), ("2", True),
                                              ("3", True)])
def test_escc_high(grade, fires):
    found = fired("LOC-ESCC-HIGH", lesions=[vert(escc=grade)])
    assert bool(found) is fires
    if fires:
        assert found[0].severity == "critical" and f"grade {grade}" in found[0].message


def test_escc_missing_only_for_vertebrae():
    assert missing("LOC-ESCC-HIGH", lesions=[vert(escc=None)]) == ["lesions.escc"]
    assert missing("LOC-ESCC-HIGH", lesions=[femur()]) == []


# ---------------------------------------------------------------- Mirels

def test_mirels_thresholds():
    assert fired("LOC-MIRELS-BORDERLINE", lesions=[femur()])                       # 8
    assert not fired("LOC-MIRELS-FIX", lesions=[femur()])
    assert not fired("LOC-MIRELS-BORDERLINE", lesions=[femur(pain="mild")])        # 7
    [f] = fired("LOC-MIRELS-FIX", lesions=[femur(peritrochanteric=True)])           # 9
    assert f.severity == "warning" and "9" in f.message
    assert not fired("LOC-MIRELS-BORDERLINE", lesions=[femur(peritrochanteric=True)])
    assert not fired("LOC-MIRELS-FIX", lesions=[{"region": "rib", "bone": "rib",
                                                "pain": "functional", "pattern": "osteolytic"}])


def test_mirels_missing():
    # site 2 + lytic 3 + >2/3 3 = 8 known, pain ≥1 → ≥ 9 whatever the pain
    assert fired("LOC-MIRELS-FIX", lesions=[femur(pain=None, pattern="osteolytic",
                                                  size="gt_two_thirds")])
    partial = femur(size=None)  # 2+2+2 = 6 + size 1..3 → 7..9
    assert not fired("LOC-MIRELS-FIX", lesions=[partial])
    assert not fired("LOC-MIRELS-BORDERLINE", lesions=[partial])
    assert missing("LOC-MIRELS-FIX", lesions=[partial]) == ["lesions.size"]
    assert missing("LOC-MIRELS-BORDERLINE", lesions=[partial]) == ["lesions.size"]


# ---------------------------------------------------------------- LOC-RT

def rt(d, region, planned=False):
    e = {"date": d, "kind": "radiotherapy", "region": region}
    if planned:
        e["planned"] = True
    return e


def test_rt_painful_lesion_without_radiotherapy_there():
    [f] = fired("LOC-RT", lesions=[vert(), femur()], events=[rt("2026-06-10", "L3")])
    assert f.data["region"] == "left femur" and "L3 had radiotherapy" in f.message
    assert not fired("LOC-RT", lesions=[femur()], events=[rt("2026-06-10", "Left Femur ")])
    assert not fired("LOC-RT", lesions=[femur()], events=[rt("2026-08-01", "left femur",
                                                             planned=True)])
    assert not fired("LOC-RT", lesions=[femur(pain="none")])
    assert len(fired("LOC-RT", lesions=[vert(), femur()])) == 2
    assert missing("LOC-RT", lesions=[femur(pain=None)]) == ["lesions.pain"]


def test_rt_recent_pathological_fracture():
    fx = {"date": "2026-04-01", "kind": "pathological_fracture", "region": "right humerus"}
    [f] = fired("LOC-RT", events=[fx])  # 90 days before as-of 2026-06-30
    assert f.data["fractures"][0]["region"] == "right humerus"
    assert not fired("LOC-RT", events=[dict(fx, date="2026-03-31")])
    assert not fired("LOC-RT", events=[fx, rt("2026-04-01", "right humerus")])
    assert fired("LOC-RT", events=[fx, rt("2026-03-31", "right humerus")])
    # a painless lesion with that fracture: one finding for the lesion
    lesion = {"region": "right humerus", "bone": "humerus", "pain": "none"}
    [f] = fired("LOC-RT", events=[fx], lesions=[lesion])
    assert f.data["region"] == "right humerus" and f.data["fractures"] == ["2026-04-01"]


# ---------------------------------------------------------------- LOC-POST-FIX-RT

def test_post_fix_rt():
    surgery = {"date": "2026-05-01", "kind": "surgery_to_bone", "region": "left femur"}
    [f] = fired("LOC-POST-FIX-RT", events=[surgery])
    assert "left femur" in f.message
    assert not fired("LOC-POST-FIX-RT", events=[surgery, rt("2026-05-01", "left femur")])
    assert not fired("LOC-POST-FIX-RT", events=[surgery, rt("2026-09-01", "left femur",
                                                             planned=True)])
    assert fired("LOC-POST-FIX-RT", events=[surgery, rt("2026-04-30", "left femur")])
    assert not fired("LOC-POST-FIX-RT", events=[dict(surgery, planned=True)])
    assert fired("LOC-POST-FIX-RT", events=[{"date": "2026-05-01", "kind": "vertebroplasty",
                                             "region": "T12"}])


# ---------------------------------------------------------------- LOC-VERTEBROPLASTY

def test_vertebroplasty():
    assert fired("LOC-VERTEBROPLASTY", lesions=[vert()])
    assert fired("LOC-VERTEBROPLASTY", lesions=[vert(collapse="gt50", escc="1b")])
    assert not fired("LOC-VERTEBROPLASTY", lesions=[vert(collapse="none_gt50_involved")])
    assert not fired("LOC-VERTEBROPLASTY", lesions=[vert(escc="1c")])
    assert missing("LOC-VERTEBROPLASTY", lesions=[vert(escc=None)]) == ["lesions.escc"]
    # SINS 13 → not < 13
    assert not fired("LOC-VERTEBROPLASTY",
                     lesions=[vert("L1", alignment="deformity", collapse="gt50",
                                   posterolateral="none")])
    # SINS unknown → does not fire
    assert not fired("LOC-VERTEBROPLASTY", lesions=[vert(pain=None)])
    assert missing("LOC-VERTEBROPLASTY", lesions=[vert(pain=None)]) == ["lesions.pain"]


def test_vertebroplasty_with_vertebral_fracture_event():
    lesion = vert(collapse="none")
    fx = {"date": "2026-06-01", "kind": "pathological_fracture", "region": "L3",
          "vertebral": True}
    [f] = fired("LOC-VERTEBROPLASTY", lesions=[lesion], events=[fx])
    assert "2026-06-01" in f.message
    assert not fired("LOC-VERTEBROPLASTY", lesions=[lesion], events=[dict(fx, region="L4")])


# ---------------------------------------------------------------- LOC-OLIGO

def oligo(lesions, **cancer):
    return fired("LOC-OLIGO", imaging=CONFIRMED, lesions=lesions, cancer=cancer)


def test_oligo_counts():
    three = [vert("L1"), vert("L2"), vert("L4")]
    assert oligo(three, visceral_metastases=["liver", "adrenal"])  # 3 + 2 = 5, 3 organs
    assert not oligo(three, visceral_metastases=["liver", "adrenal", "brain"])  # 6, 4 organs
    assert not oligo([vert()], visceral_metastases=["liver", "adrenal", "brain"])  # 4 organs
    assert oligo([vert()], visceral_metastases=["liver", "adrenal"], visceral_lesion_count=4)
    assert not oligo([vert()], visceral_metastases=["liver"], visceral_lesion_count=5)
    [f] = oligo([vert()], visceral_metastases=[])
    assert f.data["total"] == 1 and f.data["organs"] == 1


def test_oligo_needs_confirmed_lesions_and_visceral_status():
    assert not fired("LOC-OLIGO", lesions=[vert()], cancer={"visceral_metastases": []})
    assert not oligo([], visceral_metastases=[])
    assert not oligo([vert()])
    assert missing("LOC-OLIGO", imaging=CONFIRMED, lesions=[vert()]) == ["visceral_metastases"]


# ---------------------------------------------------------------- LOC-BMA-WITH-RT, IO

DEN = {"administrations": [{"date": "2026-06-15", "drug": "denosumab", "dose_mg": 120}]}
ZA = {"administrations": [{"date": "2026-06-15", "drug": "zoledronic_acid", "dose_mg": 4}]}


def test_bma_with_rt():
    assert fired("LOC-BMA-WITH-RT", events=[rt("2026-05-31", "L3")])   # 30 days
    assert not fired("LOC-BMA-WITH-RT", events=[rt("2026-05-30", "L3")])  # 31 days
    assert fired("LOC-BMA-WITH-RT", events=[rt("2026-08-01", "L3", planned=True)])
    assert not fired("LOC-BMA-WITH-RT", events=[rt("2026-06-20", "L3")], bma=DEN)
    assert not fired("LOC-BMA-WITH-RT", events=[rt("2026-06-20", "L3")], bma=ZA)


def test_io_denosumab():
    io = {"immunotherapy": True}
    [f] = fired("IO-DENOSUMAB", imaging=CONFIRMED, cancer=io)
    assert f.severity == "info"
    [f] = fired("IO-DENOSUMAB", imaging=CONFIRMED, cancer=io, bma=ZA)
    assert f.data["active_bma"] == ["zoledronic_acid"]
    assert not fired("IO-DENOSUMAB", imaging=CONFIRMED, cancer=io, bma=DEN)
    assert not fired("IO-DENOSUMAB", cancer=io)  # not confirmed
    assert not fired("IO-DENOSUMAB", imaging=CONFIRMED, cancer={"immunotherapy": False})
    assert missing("IO-DENOSUMAB", imaging=CONFIRMED) == ["immunotherapy"]
    # denosumab last given > 90 days ago: no longer active → fires
    old = {"administrations": [{"date": "2026-01-01", "drug": "denosumab", "dose_mg": 120}]}
    assert fired("IO-DENOSUMAB", as_of=date(2026, 6, 30), imaging=CONFIRMED, cancer=io, bma=old)
