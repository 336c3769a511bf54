"""Independent review of rule book §0/§2/§3/§7 (status, work-up, local therapy) against the text.

Written from the book's sentences (quoted in each docstring), not from the engine: hand-made
bonemet-case/1 documents go through ``parse_case`` and ``assess`` and the §10 JSON output is
checked — each rule firing, both sides of every threshold / day boundary, and silent cases.
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from typing import Any

import pytest

from app.domain.assess import assess
from app.domain.casefile import parse_case
from app.domain.params import DEFAULTS, params_from_mapping

AS_OF = date(2026, 11, 21)


def ago(n: int) -> str:
    """The ISO date ``n`` days before the as-of date (negative = after)."""
    return (AS_OF - timedelta(days=n)).isoformat()


def run(as_of: date = AS_OF, params: dict[str, Any] | None = None, **sections: Any) -> dict:
    obj: dict[str, Any] = {"schema": "bonemet-case/1", "patient": {"mrn": "R-1"}}
    obj.update(copy.deepcopy(sections))
    p = params_from_mapping(params) if params else DEFAULTS
    return assess(parse_case(obj), as_of, p).to_json()


def found(doc: dict, rule: str) -> list[dict]:
    return [f for f in doc["findings"] if f["rule"] == rule]


def fires(doc: dict, rule: str) -> bool:
    return bool(found(doc, rule))


def img(n: int, modality: str, region: str, result: str, **kw: Any) -> dict:
    return {"date": ago(n), "modality": modality, "region": region, "result": result, **kw}


def status(doc: dict) -> tuple[str, str]:
    return doc["status"]["bone_metastasis"], doc["status"]["basis"]


MRI_CONFIRM = img(100, "mri", "L3", "positive", bone_destruction=True)


# --------------------------------------------------------------------------------------- §2


def test_status_confirmed_by_biopsy_names_biopsy():
    """§2: `confirmed` if any of: a positive biopsy ... basis names the item (modality or
    biopsy, region, date, result)."""
    doc = run(biopsies=[{"date": ago(10), "region": "T8", "result": "positive"}])
    st, basis = status(doc)
    assert st == "confirmed"
    assert "biopsy" in basis.lower() and "T8" in basis and ago(10) in basis and "positive" in basis


def test_status_confirmed_earliest_confirming_item():
    """§2: for `confirmed` [basis names] the earliest confirming item."""
    doc = run(
        imaging=[
            img(5, "ct", "L4", "positive", bone_destruction=True),
            img(50, "pet_ct", "whole body", "positive", bone_destruction=True),
            img(80, "mri", "L3", "positive"),
        ],
        biopsies=[{"date": ago(20), "region": "L4", "result": "positive"}],
    )
    st, basis = status(doc)
    assert st == "confirmed"
    assert ago(50) in basis and "whole body" in basis
    assert basis.startswith("PET")


@pytest.mark.parametrize("modality", ["mri", "ct", "xray", "pet_ct"])
def test_status_confirmed_needs_bone_destruction(modality):
    """§2: a positive PET-CT with bone destruction; a positive MRI, CT or X-ray with bone
    destruction [confirm]; without it the study is only `suspected`."""
    assert (
        status(run(imaging=[img(5, modality, "L3", "positive", bone_destruction=True)]))[0]
        == "confirmed"
    )
    assert status(run(imaging=[img(5, modality, "L3", "positive")]))[0] == "suspected"
    assert (
        status(run(imaging=[img(5, modality, "L3", "positive", bone_destruction=False)]))[0]
        == "suspected"
    )


def test_status_bone_scan_or_equivocal_never_confirms():
    """§2: only a *positive* PET-CT/MRI/CT/X-ray with destruction confirms; a bone scan is not
    in the list and an equivocal study is not positive."""
    doc = run(imaging=[img(5, "bone_scan", "L3", "positive", bone_destruction=True)])
    assert status(doc)[0] == "suspected"
    doc = run(imaging=[img(5, "mri", "L3", "equivocal", bone_destruction=True)])
    assert status(doc)[0] == "suspected"


def test_status_suspected_basis_earliest_positive_or_equivocal():
    """§2: for `suspected` the earliest positive or equivocal study."""
    doc = run(
        imaging=[
            img(5, "mri", "L3", "positive"),
            img(30, "bone_scan", "T9", "equivocal"),
            img(60, "ct", "T2", "negative"),
        ]
    )
    st, basis = status(doc)
    assert st == "suspected"
    assert "T9" in basis and ago(30) in basis and "equivocal" in basis


def test_status_not_found_latest_clearing_study():
    """§2: `not_found` if ... every positive or equivocal study was followed (same day or
    later) by a negative MRI, CT or PET-CT of the same region; basis: the latest clearing study."""
    doc = run(
        imaging=[
            img(40, "bone_scan", "L3", "positive"),
            img(40, "mri", "l3 ", "negative"),
            img(10, "ct", "L3", "negative"),
        ]
    )
    st, basis = status(doc)
    assert st == "not_found"
    assert ago(10) in basis and "negative" in basis


def test_status_clearing_must_follow_and_match_region():
    """§2: followed (same day or later) ... of the same region; no anatomical containment."""
    before = run(imaging=[img(40, "bone_scan", "L3", "positive"), img(41, "mri", "L3", "negative")])
    assert status(before)[0] == "suspected"
    other = run(
        imaging=[img(40, "bone_scan", "L3", "positive"), img(30, "mri", "lumbar spine", "negative")]
    )
    assert status(other)[0] == "suspected"


def test_status_whole_body_pet_ct_clears_every_region():
    """§0: A bone scan or PET-CT with region `whole body` covers every region."""
    doc = run(
        imaging=[
            img(40, "bone_scan", "L3", "positive"),
            img(30, "pet_ct", "Whole Body", "negative"),
        ]
    )
    assert status(doc)[0] == "not_found"


def test_status_negative_bone_scan_does_not_clear():
    """§2: cleared only by a negative MRI, CT or PET-CT."""
    doc = run(
        imaging=[img(40, "ct", "L3", "equivocal"), img(30, "bone_scan", "whole body", "negative")]
    )
    assert status(doc)[0] == "suspected"


def test_status_negative_mri_does_not_clear_osteoblastic():
    """§2: A negative MRI does not clear a study that reported an osteoblastic pattern (CT or
    PET-CT is needed)."""
    blastic = img(40, "bone_scan", "L3", "positive", pattern="osteoblastic")
    assert status(run(imaging=[blastic, img(30, "mri", "L3", "negative")]))[0] == "suspected"
    assert status(run(imaging=[blastic, img(30, "ct", "L3", "negative")]))[0] == "not_found"


def test_status_only_negative_diagnostic_is_not_found_only_bone_scan_unknown():
    """§2: `not_found` if there is at least one MRI, CT or PET-CT ...; `unknown` otherwise (no
    imaging; or only negative studies without any MRI, CT or PET-CT) — "no diagnostic imaging"."""
    assert status(run(imaging=[img(30, "ct", "L3", "negative")]))[0] == "not_found"
    st, basis = status(
        run(
            imaging=[
                img(30, "bone_scan", "whole body", "negative"),
                img(20, "xray", "L3", "negative"),
            ]
        )
    )
    assert st == "unknown" and basis == "no diagnostic imaging"
    st, basis = status(run())
    assert st == "unknown" and basis == "no diagnostic imaging"


def test_status_lesions_alone_do_not_change_status():
    """§2: Recorded `lesions` without imaging or biopsy do not change the status."""
    doc = run(lesions=[{"region": "L3", "bone": "vertebra", "level": "L3"}])
    assert status(doc)[0] == "unknown"


def test_status_future_records_ignored():
    """§0: records dated after [the as-of date] are ignored."""
    doc = run(
        imaging=[img(-1, "mri", "L3", "positive", bone_destruction=True)],
        biopsies=[{"date": ago(-5), "region": "L3", "result": "positive"}],
    )
    assert status(doc)[0] == "unknown"


def test_status_positive_biopsy_beats_later_negative_imaging():
    """§2: computed in this order: 1. confirmed ... 2. not_found ... (no positive biopsy)."""
    doc = run(
        imaging=[img(10, "ct", "L3", "negative")],
        biopsies=[{"date": ago(20), "region": "L3", "result": "positive"}],
    )
    assert status(doc)[0] == "confirmed"


def test_status_override_applies_from_its_date():
    """§2: A clinician-recorded `status_override` applies from its date and replaces the
    derivation; the basis then reads "clinician override (by, date): reason"."""
    ov = {"status": "confirmed", "date": ago(0), "by": "Dr Li", "reason": "MDT review"}
    doc = run(status_override=ov)
    assert status(doc) == ("confirmed", f"clinician override (Dr Li, {ago(0)}): MDT review")
    later = dict(ov, date=ago(-1))
    assert status(run(status_override=later)) == ("unknown", "no diagnostic imaging")


def test_status_override_can_lower_confirmed():
    """§2: the override replaces the derivation (whatever it would give)."""
    ov = {"status": "not_found", "date": ago(5), "by": "Dr Wang", "reason": "benign on review"}
    doc = run(imaging=[MRI_CONFIRM], status_override=ov)
    assert status(doc) == ("not_found", f"clinician override (Dr Wang, {ago(5)}): benign on review")


# --------------------------------------------------------------------------------------- §3


@pytest.mark.parametrize(
    "cancer,expected",
    [
        ({"stage": "IIIA"}, True),
        ({"stage": "IV"}, True),
        ({"stage": "IVB"}, True),
        ({"stage": "IIB"}, False),
        ({"histology": "sclc"}, True),
        ({"histology": "adenocarcinoma"}, True),
        ({"histology": "squamous"}, False),
        ({"drivers": ["KRAS G12C"]}, True),
        ({"drivers": []}, False),
        ({"visceral_metastases": ["liver", "adrenal"]}, True),
        ({"visceral_metastases": ["liver"]}, False),
        ({"visceral_metastases": ["brain", "liver"]}, True),
    ],
)
def test_wu_high_risk_factors(cancer, expected):
    """WU-HIGH-RISK: status ≠ confirmed and ≥1 factor: stage III or IV; histology
    `adenocarcinoma` or `sclc`; a driver alteration recorded; metastases in ≥2 distinct
    visceral organs (`brain` counts as visceral)."""
    assert fires(run(cancer=cancer), "WU-HIGH-RISK") is expected


def test_wu_high_risk_silent_when_confirmed():
    """WU-HIGH-RISK: status ≠ confirmed."""
    assert not fires(run(cancer={"stage": "IVA"}, imaging=[MRI_CONFIRM]), "WU-HIGH-RISK")


def alp(n: int, value: float, **kw: Any) -> dict:
    return {"date": ago(n), "analyte": "ALP", "value": value, "unit": "U/L", **kw}


def ctx(n: int, value: float, unit: str = "ng/mL", **kw: Any) -> dict:
    return {"date": ago(n), "analyte": "CTX", "value": value, "unit": unit, **kw}


def test_wu_alp_rise_25_uln_branch_without_earlier_alp():
    """WU-ALP-RISE: ... or > 2.5 × ULN (with no earlier ALP only the second branch applies)."""
    assert not fires(run(labs=[alp(10, 312.5)]), "WU-ALP-RISE")
    assert fires(run(labs=[alp(10, 312.6)]), "WU-ALP-RISE")
    assert not fires(run(labs=[alp(10, 200)]), "WU-ALP-RISE")


def test_wu_alp_rise_lsc_branch_lowest_other():
    """WU-ALP-RISE: the latest ALP > ULN, and ≥ (1+`lsc_alp`) × the lowest other ALP dated in
    the `lookback_days` before it."""
    assert fires(run(labs=[alp(200, 100), alp(10, 133)]), "WU-ALP-RISE")
    assert not fires(run(labs=[alp(200, 100), alp(10, 132.9)]), "WU-ALP-RISE")
    # the lowest other ALP (100), not the latest earlier one (120)
    assert fires(run(labs=[alp(300, 100), alp(100, 120), alp(10, 140)]), "WU-ALP-RISE")


def test_wu_alp_rise_earlier_alp_window_365_days_before_latest():
    """WU-ALP-RISE: the lowest other ALP dated in the `lookback_days` before it (within =
    0 ≤ d ≤ N)."""
    assert fires(run(labs=[alp(375, 100), alp(10, 140)]), "WU-ALP-RISE")
    assert not fires(run(labs=[alp(376, 100), alp(10, 140)]), "WU-ALP-RISE")


def test_wu_alp_rise_latest_must_be_within_lookback():
    """WU-ALP-RISE: the latest ALP (dated within `lookback_days` of the as-of date)."""
    assert fires(run(labs=[alp(365, 400)]), "WU-ALP-RISE")
    assert not fires(run(labs=[alp(366, 400)]), "WU-ALP-RISE")


def test_wu_alp_rise_uses_result_uln_and_switch_and_status():
    """§1: A threshold relative to ULN uses the range of the result being judged; WU-ALP-RISE
    can be turned off (`enable_biomarker_workup`); status ≠ confirmed."""
    assert not fires(run(labs=[alp(200, 100), alp(10, 140, ref_high=150)]), "WU-ALP-RISE")
    assert fires(run(labs=[alp(200, 100), alp(10, 140, unit="IU/L")]), "WU-ALP-RISE")
    assert not fires(
        run(params={"enable_biomarker_workup": False}, labs=[alp(10, 400)]), "WU-ALP-RISE"
    )
    assert not fires(run(labs=[alp(10, 400)], imaging=[MRI_CONFIRM]), "WU-ALP-RISE")


def test_wu_alp_rise_lsc_parameter():
    """§9: `lsc_alp` is site-configurable."""
    labs = [alp(200, 100), alp(10, 133)]
    assert not fires(run(params={"lsc_alp": 0.40}, labs=labs), "WU-ALP-RISE")


def test_wu_ctx_rise_no_other_ctx_branch():
    """WU-CTX-RISE: the latest CTX (dated within `lookback_days`) > ULN, and ... or no other
    CTX in that window."""
    assert fires(run(labs=[ctx(10, 0.71)]), "WU-CTX-RISE")
    assert not fires(run(labs=[ctx(10, 0.70)]), "WU-CTX-RISE")
    assert fires(run(labs=[ctx(10, 710, "pg/mL")]), "WU-CTX-RISE")
    assert not fires(run(labs=[ctx(366, 0.9)]), "WU-CTX-RISE")
    assert fires(run(labs=[ctx(365, 0.9)]), "WU-CTX-RISE")


def test_wu_ctx_rise_lsc_branch():
    """WU-CTX-RISE: ≥ (1+`lsc_ctx`) × the lowest other CTX dated in the `lookback_days`
    before it."""
    assert fires(run(labs=[ctx(100, 0.6), ctx(10, 0.78)]), "WU-CTX-RISE")
    assert not fires(run(labs=[ctx(100, 0.6), ctx(10, 0.779)]), "WU-CTX-RISE")
    # an earlier CTX 365 days before counts (silences a small rise); 366 days does not
    assert not fires(run(labs=[ctx(375, 0.69), ctx(10, 0.71)]), "WU-CTX-RISE")
    assert fires(run(labs=[ctx(376, 0.69), ctx(10, 0.71)]), "WU-CTX-RISE")


def test_wu_ctx_rise_silenced_by_given_denosumab_only():
    """WU-CTX-RISE: no denosumab dose ever given (a planned dose is not given)."""
    given = {"administrations": [{"date": ago(400), "drug": "denosumab", "dose_mg": 120}]}
    planned = {
        "administrations": [{"date": ago(-5), "drug": "denosumab", "dose_mg": 120, "planned": True}]
    }
    assert not fires(run(labs=[ctx(10, 0.9)], bma=given), "WU-CTX-RISE")
    assert fires(run(labs=[ctx(10, 0.9)], bma=planned), "WU-CTX-RISE")


def test_wu_ctx_rise_ref_high_and_fasting_advice():
    """WU-CTX-RISE: ULN from the result's range; "if the sample was not fasting, repeat as a
    fasting morning sample"."""
    assert not fires(run(labs=[ctx(10, 0.75, ref_high=0.8)]), "WU-CTX-RISE")
    msg = found(run(labs=[ctx(10, 0.9, fasting=False)]), "WU-CTX-RISE")[0]["message"]
    assert "fasting" in msg.lower()
    assert not fires(run(labs=[ctx(10, 0.9)], imaging=[MRI_CONFIRM]), "WU-CTX-RISE")


def pain(n: int, pattern: str = "fixed") -> dict:
    return {"date": ago(n), "kind": "bone_pain", "pattern": pattern}


def test_wu_pain_fixed_window():
    """WU-PAIN-FIXED: a `bone_pain` symptom with pattern `fixed` dated within `symptom_days`."""
    assert fires(run(symptoms=[pain(90)]), "WU-PAIN-FIXED")
    assert not fires(run(symptoms=[pain(91)]), "WU-PAIN-FIXED")
    assert not fires(run(symptoms=[pain(-1)]), "WU-PAIN-FIXED")
    assert not fires(run(symptoms=[pain(10, "migratory")]), "WU-PAIN-FIXED")


def test_wu_pain_fixed_imaging_on_or_after_silences():
    """WU-PAIN-FIXED: no MRI, CT, X-ray, PET-CT or bone scan (any region) dated on/after that
    symptom."""
    assert not fires(
        run(symptoms=[pain(10)], imaging=[img(10, "xray", "knee", "negative")]), "WU-PAIN-FIXED"
    )
    assert fires(
        run(symptoms=[pain(10)], imaging=[img(11, "mri", "L3", "negative")]), "WU-PAIN-FIXED"
    )
    assert fires(
        run(symptoms=[pain(10)], imaging=[img(-1, "mri", "L3", "negative")]), "WU-PAIN-FIXED"
    )
    # a later fixed pain after the imaging still needs imaging
    assert fires(
        run(symptoms=[pain(30), pain(5)], imaging=[img(20, "ct", "L3", "negative")]),
        "WU-PAIN-FIXED",
    )
    assert not fires(run(symptoms=[pain(10)], imaging=[MRI_CONFIRM]), "WU-PAIN-FIXED")


def test_wu_pain_migratory():
    """WU-PAIN-MIGRATORY: status ≠ confirmed, and the `bone_pain` symptoms within
    `symptom_days` are all `migratory`."""
    assert fires(run(symptoms=[pain(10, "migratory"), pain(50, "migratory")]), "WU-PAIN-MIGRATORY")
    assert not fires(run(symptoms=[pain(10, "migratory"), pain(50)]), "WU-PAIN-MIGRATORY")
    assert fires(run(symptoms=[pain(10, "migratory"), pain(91)]), "WU-PAIN-MIGRATORY")
    assert not fires(run(symptoms=[pain(91, "migratory")]), "WU-PAIN-MIGRATORY")
    assert not fires(run(), "WU-PAIN-MIGRATORY")
    assert not fires(
        run(symptoms=[pain(10, "migratory")], imaging=[MRI_CONFIRM]), "WU-PAIN-MIGRATORY"
    )


def test_wu_scan_confirm():
    """WU-SCAN-CONFIRM: a positive/equivocal bone scan with no MRI, CT or X-ray of the same
    region, and no PET-CT of any region, dated on/after it."""
    scan = img(20, "bone_scan", "L3", "positive")
    assert fires(run(imaging=[scan]), "WU-SCAN-CONFIRM")
    assert fires(run(imaging=[img(20, "bone_scan", "L3", "equivocal")]), "WU-SCAN-CONFIRM")
    assert not fires(run(imaging=[img(20, "bone_scan", "L3", "negative")]), "WU-SCAN-CONFIRM")
    assert not fires(run(imaging=[scan, img(20, "xray", " l3", "negative")]), "WU-SCAN-CONFIRM")
    assert fires(run(imaging=[scan, img(21, "mri", "L3", "negative")]), "WU-SCAN-CONFIRM")
    assert fires(run(imaging=[scan, img(10, "ct", "L4", "negative")]), "WU-SCAN-CONFIRM")
    assert not fires(run(imaging=[scan, img(10, "pet_ct", "chest", "negative")]), "WU-SCAN-CONFIRM")
    assert fires(run(imaging=[scan, img(21, "pet_ct", "chest", "negative")]), "WU-SCAN-CONFIRM")


def test_wu_scan_discordant():
    """WU-SCAN-DISCORDANT: a positive bone scan followed (same day or later) by a negative MRI
    of the same region."""
    scan = img(20, "bone_scan", "L3", "positive")
    assert fires(run(imaging=[scan, img(20, "mri", "L3", "negative")]), "WU-SCAN-DISCORDANT")
    assert not fires(run(imaging=[scan, img(21, "mri", "L3", "negative")]), "WU-SCAN-DISCORDANT")
    assert not fires(run(imaging=[scan, img(10, "ct", "L3", "negative")]), "WU-SCAN-DISCORDANT")
    assert not fires(run(imaging=[scan, img(10, "mri", "L4", "negative")]), "WU-SCAN-DISCORDANT")
    assert not fires(
        run(imaging=[img(20, "bone_scan", "L3", "equivocal"), img(10, "mri", "L3", "negative")]),
        "WU-SCAN-DISCORDANT",
    )


def test_wu_mri_blastic_window_and_no_status_condition():
    """WU-MRI-BLASTIC: a negative MRI dated on/after, or within 90 days before, a study of the
    same region that reported an `osteoblastic` pattern (no status condition)."""
    blastic = img(100, "ct", "T10", "positive", pattern="osteoblastic")
    assert fires(run(imaging=[blastic, img(50, "mri", "T10", "negative")]), "WU-MRI-BLASTIC")
    assert fires(run(imaging=[blastic, img(190, "mri", "t10", "negative")]), "WU-MRI-BLASTIC")
    assert not fires(run(imaging=[blastic, img(191, "mri", "T10", "negative")]), "WU-MRI-BLASTIC")
    assert not fires(run(imaging=[blastic, img(50, "mri", "T11", "negative")]), "WU-MRI-BLASTIC")
    assert not fires(run(imaging=[blastic, img(50, "mri", "T10", "positive")]), "WU-MRI-BLASTIC")
    assert not fires(
        run(
            imaging=[
                img(100, "ct", "T10", "positive", pattern="mixed"),
                img(50, "mri", "T10", "negative"),
            ]
        ),
        "WU-MRI-BLASTIC",
    )
    confirmed = run(
        imaging=[blastic, img(50, "mri", "T10", "negative")],
        biopsies=[{"date": ago(40), "region": "T10", "result": "positive"}],
    )
    assert fires(confirmed, "WU-MRI-BLASTIC")


def test_wu_biopsy_inconclusive():
    """WU-BIOPSY-INCONCLUSIVE: status `suspected` and some region has ≥2 imaging studies, at
    least one positive or equivocal."""
    doc = run(imaging=[img(20, "bone_scan", "L3", "positive"), img(10, "xray", " l3 ", "negative")])
    assert status(doc)[0] == "suspected" and fires(doc, "WU-BIOPSY-INCONCLUSIVE")
    doc = run(imaging=[img(20, "bone_scan", "L3", "positive"), img(10, "xray", "L4", "negative")])
    assert not fires(doc, "WU-BIOPSY-INCONCLUSIVE")
    doc = run(imaging=[img(20, "bone_scan", "L3", "positive"), img(10, "ct", "L3", "negative")])
    assert status(doc)[0] == "not_found" and not fires(doc, "WU-BIOPSY-INCONCLUSIVE")


LESION_L3 = {"region": "L3", "bone": "vertebra", "level": "L3"}


def test_wu_biopsy_solitary():
    """WU-BIOPSY-SOLITARY: status confirmed, exactly one entry in `lesions`,
    `visceral_metastases` recorded and empty, and no positive biopsy."""
    base = {"imaging": [MRI_CONFIRM], "lesions": [LESION_L3]}
    assert fires(run(cancer={"visceral_metastases": []}, **base), "WU-BIOPSY-SOLITARY")
    assert not fires(run(cancer={}, **base), "WU-BIOPSY-SOLITARY")
    assert not fires(run(cancer={"visceral_metastases": ["liver"]}, **base), "WU-BIOPSY-SOLITARY")
    two = dict(base, lesions=[LESION_L3, {"region": "rib 5", "bone": "rib"}])
    assert not fires(run(cancer={"visceral_metastases": []}, **two), "WU-BIOPSY-SOLITARY")
    bx = dict(base, biopsies=[{"date": ago(90), "region": "L3", "result": "positive"}])
    assert not fires(run(cancer={"visceral_metastases": []}, **bx), "WU-BIOPSY-SOLITARY")
    susp = dict(base, imaging=[img(20, "mri", "L3", "positive")])
    assert not fires(run(cancer={"visceral_metastases": []}, **susp), "WU-BIOPSY-SOLITARY")


def test_wu_mscc_window_any_status():
    """WU-MSCC (critical): a `neuro_deficit` symptom or a `spinal_cord_compression` event dated
    within 30 days."""
    nd = lambda n: {"date": ago(n), "kind": "neuro_deficit"}  # noqa: E731
    scc = lambda n: {"date": ago(n), "kind": "spinal_cord_compression"}  # noqa: E731
    doc = run(symptoms=[nd(30)], imaging=[MRI_CONFIRM])
    assert found(doc, "WU-MSCC")[0]["severity"] == "critical"
    assert not fires(run(symptoms=[nd(31)]), "WU-MSCC")
    assert not fires(run(symptoms=[nd(-1)]), "WU-MSCC")
    assert fires(run(events=[scc(30)]), "WU-MSCC")
    assert not fires(run(events=[scc(31)]), "WU-MSCC")


def test_rules_fire_once_per_assessment():
    """§0: At most once per assessment, except the per-lesion rules of §7; a finding lists every
    item concerned in its `data`."""
    doc = run(
        symptoms=[pain(10), pain(20)],
        imaging=[img(20, "bone_scan", "L3", "positive"), img(15, "bone_scan", "T9", "positive")],
    )
    assert len(found(doc, "WU-PAIN-FIXED")) == 1
    scan = found(doc, "WU-SCAN-CONFIRM")
    assert len(scan) == 1
    data = json.dumps(scan[0]["data"], ensure_ascii=False)
    assert "L3" in data and "T9" in data


# --------------------------------------------------------------------------------------- §7


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
    assert f["source"] == "SEED R10–R14; GL Chinese 2024 guideline"
    f = found(run(cancer={"immunotherapy": True}, imaging=[MRI_CONFIRM]), "IO-DENOSUMAB")[0]
    assert f["evidence"] == ["TRIAL", "SEED"]


# ------------------------------------------------------------------------- further edges


def test_status_whole_body_positive_not_cleared_by_one_region():
    """§0: no anatomical containment; only a `whole body` bone scan / PET-CT covers every
    region — a negative L3 CT does not clear a positive whole-body bone scan."""
    scan = img(40, "bone_scan", "whole body", "positive")
    assert status(run(imaging=[scan, img(30, "ct", "L3", "negative")]))[0] == "suspected"
    assert status(run(imaging=[scan, img(30, "pet_ct", "whole body", "negative")]))[0] == (
        "not_found"
    )


def test_status_not_found_basis_is_latest_clearing_not_latest_negative():
    """§2: for `not_found` [the basis names] the latest clearing study."""
    doc = run(
        imaging=[
            img(40, "bone_scan", "L3", "positive"),
            img(30, "mri", "L3", "negative"),
            img(10, "ct", "T5", "negative"),
        ]
    )
    st, basis = status(doc)
    assert st == "not_found"
    assert "L3" in basis and ago(30) in basis and "T5" not in basis


def test_status_suspected_basis_wording_matches_confirmed_style():
    """§2: basis names the item (modality or biopsy, region, date, result) — same form as the
    worked example "MRI L3 2026-05-08: positive, bone destruction"."""
    assert status(run(imaging=[img(5, "mri", "L3", "positive")]))[1] == f"MRI L3 {ago(5)}: positive"
    basis = status(run(imaging=[img(5, "pet_ct", "whole body", "positive", bone_destruction=True)]))
    assert basis[1] == f"PET-CT whole body {ago(5)}: positive, bone destruction"


def test_wu_alp_rise_either_branch():
    """WU-ALP-RISE: either ≥ (1+`lsc_alp`) × the lowest other ALP ..., or > 2.5 × ULN."""
    assert fires(run(labs=[alp(100, 300), alp(10, 313)]), "WU-ALP-RISE")
    assert not fires(run(labs=[alp(100, 300), alp(10, 312)]), "WU-ALP-RISE")


def test_wu_ctx_rise_ref_high_in_reported_unit():
    """§1: `ref_low`/`ref_high` are in the result's reported unit (689 pg/mL = 0.689 ng/mL)."""
    assert fires(run(labs=[ctx(10, 695, "pg/mL", ref_high=689)]), "WU-CTX-RISE")
    assert not fires(run(labs=[ctx(10, 695, "pg/mL")]), "WU-CTX-RISE")


def test_wu_parameters_move_the_windows():
    """§9: `lsc_ctx`, `lookback_days`, `symptom_days` are site parameters."""
    labs = [ctx(100, 0.6), ctx(10, 0.78)]
    assert not fires(run(params={"lsc_ctx": 0.31}, labs=labs), "WU-CTX-RISE")
    assert not fires(run(params={"lookback_days": 9}, labs=labs), "WU-CTX-RISE")
    assert fires(run(params={"symptom_days": 30}, symptoms=[pain(30)]), "WU-PAIN-FIXED")
    assert not fires(run(params={"symptom_days": 30}, symptoms=[pain(31)]), "WU-PAIN-FIXED")


def test_loc_bma_with_rt_overdue_plan():
    """§0: a plan dated before the as-of date is an overdue plan; LOC-BMA-WITH-RT: ... or
    planned."""
    assert fires(run(events=[rt(60, "L3", planned=True)]), "LOC-BMA-WITH-RT")


def test_loc_rt_regions_trim_and_case():
    """§0: Regions match when equal after trimming spaces and ignoring case."""
    les = [femur(region="  Left Femur")]
    assert not fires(run(lesions=les, events=[rt(10, "left femur")]), "LOC-RT")


def test_wu_scan_rules_silent_when_confirmed():
    """WU-SCAN-CONFIRM / WU-SCAN-DISCORDANT: status ≠ confirmed."""
    bx = [{"date": ago(5), "region": "T5", "result": "positive"}]
    scan = img(20, "bone_scan", "L3", "positive")
    assert not fires(run(imaging=[scan], biopsies=bx), "WU-SCAN-CONFIRM")
    doc = run(imaging=[scan, img(10, "mri", "L3", "negative")], biopsies=bx)
    assert not fires(doc, "WU-SCAN-DISCORDANT")


def test_wu_biopsy_inconclusive_needs_the_positive_in_that_region():
    """WU-BIOPSY-INCONCLUSIVE: some region has ≥2 imaging studies, at least one positive or
    equivocal (two negatives of L3 and a lone positive of L4 do not qualify)."""
    doc = run(imaging=[img(30, "bone_scan", "L4", "positive"), img(20, "ct", "L3", "negative"),
                       img(10, "mri", "L3", "negative")])  # fmt: skip
    assert status(doc)[0] == "suspected" and not fires(doc, "WU-BIOPSY-INCONCLUSIVE")


def test_wu_ctx_rise_future_unplanned_denosumab_ignored():
    """§0: records dated after the as-of date are ignored (a later dose is not yet given)."""
    bma = {"administrations": [{"date": ago(-3), "drug": "denosumab", "dose_mg": 120}]}
    assert fires(run(labs=[ctx(10, 0.9)], bma=bma), "WU-CTX-RISE")


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


def test_status_override_without_by_or_reason_reading():
    """§2: An override needs `status` and `date` (`by` and `reason` recommended) — reading: the
    basis omits an unrecorded `by` and says "no reason recorded" for an unrecorded reason."""
    doc = run(status_override={"status": "suspected", "date": ago(3)})
    assert status(doc) == ("suspected", f"clinician override ({ago(3)}): no reason recorded")


def test_whole_body_study_counts_for_every_region_reading():
    """§0 "covers every region" applied to WU-BIOPSY-INCONCLUSIVE (reading): a positive
    whole-body bone scan and a negative L3 X-ray are two studies of L3; a regional study does
    not answer a whole-body scan for WU-SCAN-CONFIRM (only PET-CT does)."""
    doc = run(imaging=[img(20, "bone_scan", "whole body", "positive"),
                       img(10, "xray", "L3", "negative")])  # fmt: skip
    assert status(doc)[0] == "suspected"
    assert fires(doc, "WU-BIOPSY-INCONCLUSIVE") and fires(doc, "WU-SCAN-CONFIRM")
