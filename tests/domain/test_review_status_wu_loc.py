"""Independent review of rule book §2 (status and its basis) and §3 (work-up rules WU-*)
against the text.

Written from the book's sentences (quoted in each docstring), not from the engine: hand-made
bonemet-case/1 documents go through ``parse_case`` and ``assess`` (and the CLI's ``main``) and
the §10 output is checked — each rule firing, both sides of every threshold / day boundary,
and silent cases. Readings where the book leaves a choice are in docs/clinical-readings.md.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from .review_helpers import (
    MRI_CONFIRM,
    ago,
    fires,
    found,
    img,
    run,
    status,
)


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


def test_status_xray_or_bone_scan_never_clears():
    """§2: cleared only by a negative MRI, CT or PET-CT (not an X-ray)."""
    doc = run(imaging=[img(40, "mri", "L3", "equivocal"), img(30, "xray", "L3", "negative")])
    assert status(doc)[0] == "suspected"


def test_wu_high_risk_distinct_organs_trim_and_case():
    """WU-HIGH-RISK: metastases in ≥2 *distinct* visceral organs (names compared like regions:
    trimmed, case-insensitive)."""
    assert not fires(run(cancer={"visceral_metastases": ["Liver", " liver "]}), "WU-HIGH-RISK")
