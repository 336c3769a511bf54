"""Bone-metastasis status (§2): each step, its boundaries, the basis text and overrides."""

from __future__ import annotations

from datetime import date

from app.domain.context import CaseView
from app.domain.status import derive_status

from .helpers import case_of

AS_OF = date(2026, 6, 30)


def img(d, modality, region, result, **kw):
    return {"date": d, "modality": modality, "region": region, "result": result, **kw}


def status(as_of=AS_OF, **sections):
    return derive_status(CaseView(case_of(**sections), as_of))


def test_unknown_without_imaging():
    s = status()
    assert (s.bone_metastasis, s.basis) == ("unknown", "no diagnostic imaging")


def test_unknown_with_only_negative_bone_scan():
    s = status(imaging=[img("2026-05-01", "bone_scan", "whole body", "negative")])
    assert s.bone_metastasis == "unknown"


def test_confirmed_by_positive_biopsy():
    s = status(biopsies=[{"date": "2026-05-03", "region": "T8", "result": "positive"}])
    assert (s.bone_metastasis, s.basis) == ("confirmed", "Biopsy T8 2026-05-03: positive")


def test_nondiagnostic_biopsy_does_not_confirm():
    s = status(biopsies=[{"date": "2026-05-03", "region": "T8", "result": "nondiagnostic"}])
    assert s.bone_metastasis == "unknown"


def test_confirmed_by_xray_with_destruction_earliest_item_is_the_basis():
    s = status(imaging=[
        img("2026-05-09", "pet_ct", "whole body", "positive", bone_destruction=True),
        img("2026-05-02", "xray", "left femur", "positive", bone_destruction=True),
    ])
    assert s.basis == "X-ray left femur 2026-05-02: positive, bone destruction"


def test_positive_without_destruction_is_only_suspected():
    s = status(imaging=[img("2026-05-08", "mri", "L3", "positive")])
    assert (s.bone_metastasis, s.basis) == ("suspected", "MRI L3 2026-05-08: positive")


def test_bone_scan_with_destruction_flag_does_not_confirm():
    s = status(imaging=[img("2026-05-08", "bone_scan", "L3", "positive", bone_destruction=True)])
    assert s.bone_metastasis == "suspected"


def test_confirming_study_after_as_of_is_ignored():
    s = status(as_of=date(2026, 5, 7), imaging=[
        img("2026-05-05", "bone_scan", "L3", "positive"),
        img("2026-05-08", "mri", "L3", "positive", bone_destruction=True)])
    assert s.bone_metastasis == "suspected"
    s = status(as_of=date(2026, 5, 8), imaging=[
        img("2026-05-05", "bone_scan", "L3", "positive"),
        img("2026-05-08", "mri", "L3", "positive", bone_destruction=True)])
    assert s.bone_metastasis == "confirmed"


def test_not_found_when_cleared_same_day_or_later_same_region_case_insensitive():
    s = status(imaging=[
        img("2026-05-05", "bone_scan", "L3", "positive"),
        img("2026-05-05", "mri", " l3 ", "negative")])
    assert (s.bone_metastasis, s.basis) == ("not_found", "MRI l3 2026-05-05: negative")


def test_negative_before_the_positive_does_not_clear():
    s = status(imaging=[
        img("2026-05-04", "mri", "L3", "negative"),
        img("2026-05-05", "bone_scan", "L3", "positive")])
    assert s.bone_metastasis == "suspected"


def test_other_region_does_not_clear_but_whole_body_pet_does():
    base = [img("2026-05-05", "bone_scan", "L3", "equivocal")]
    s = status(imaging=base + [img("2026-05-06", "ct", "L4", "negative")])
    assert s.bone_metastasis == "suspected"
    s = status(imaging=base + [img("2026-05-06", "pet_ct", "Whole Body", "negative")])
    assert s.bone_metastasis == "not_found"


def test_xray_or_bone_scan_cannot_clear():
    base = [img("2026-05-05", "bone_scan", "L3", "positive")]
    assert status(imaging=base + [img("2026-05-06", "xray", "L3", "negative")]) \
        .bone_metastasis == "suspected"


def test_negative_mri_does_not_clear_an_osteoblastic_study_ct_does():
    base = [img("2026-05-05", "ct", "L3", "positive", pattern="osteoblastic")]
    assert status(imaging=base + [img("2026-05-06", "mri", "L3", "negative")]) \
        .bone_metastasis == "suspected"
    s = status(imaging=base + [img("2026-05-06", "mri", "L3", "negative"),
                               img("2026-05-07", "ct", "L3", "negative")])
    assert (s.bone_metastasis, s.basis) == ("not_found", "CT L3 2026-05-07: negative")


def test_every_flagged_study_must_be_cleared_basis_is_latest_clearing():
    imaging = [
        img("2026-05-01", "bone_scan", "L3", "positive"),
        img("2026-05-02", "bone_scan", "T8", "positive"),
        img("2026-05-10", "mri", "L3", "negative"),
    ]
    assert status(imaging=imaging).bone_metastasis == "suspected"
    s = status(imaging=imaging + [img("2026-05-20", "mri", "T8", "negative")])
    assert (s.bone_metastasis, s.basis) == ("not_found", "MRI T8 2026-05-20: negative")


def test_only_negative_cross_sectional_imaging_is_not_found():
    s = status(imaging=[img("2026-05-01", "ct", "chest", "negative"),
                        img("2026-06-01", "ct", "chest", "negative")])
    assert (s.bone_metastasis, s.basis) == ("not_found", "CT chest 2026-06-01: negative")


def test_positive_biopsy_wins_over_clearing_imaging():
    s = status(imaging=[img("2026-05-01", "mri", "L3", "negative")],
               biopsies=[{"date": "2026-05-03", "region": "L3", "result": "positive"}])
    assert s.bone_metastasis == "confirmed"


def test_override_applies_from_its_date():
    override = {"status": "not_found", "date": "2026-06-01", "by": "Dr Li",
                "reason": "MDT review"}
    imaging = [img("2026-05-05", "bone_scan", "L3", "positive")]
    s = status(imaging=imaging, status_override=override)
    assert (s.bone_metastasis, s.basis) == (
        "not_found", "clinician override (Dr Li, 2026-06-01): MDT review")
    assert s.overridden
    s = status(as_of=date(2026, 5, 31), imaging=imaging, status_override=override)
    assert s.bone_metastasis == "suspected"


def test_override_without_by_or_reason():
    s = status(status_override={"status": "confirmed", "date": "2026-06-01"})
    assert s.basis == "clinician override (2026-06-01): no reason recorded"


def test_lesions_alone_do_not_change_status():
    s = status(lesions=[{"region": "L3", "bone": "vertebra", "level": "L3"}])
    assert s.bone_metastasis == "unknown"
