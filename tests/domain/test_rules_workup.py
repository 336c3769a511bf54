"""WU-* rules (§3): each fires, stays silent, and is checked on both sides of its boundaries."""

from __future__ import annotations

from datetime import date

import pytest

from .rules_helpers import POSITIVE_MRI, fired, img, lab, missing

# ---------------------------------------------------------------- WU-HIGH-RISK


@pytest.mark.parametrize(("cancer", "fires"), [
    ({"stage": "IIIA"}, True), ({"stage": "IVB"}, True), ({"stage": "IV"}, True),
    ({"stage": "IIB"}, False), ({"stage": "I"}, False),
    ({"histology": "adenocarcinoma"}, True), ({"histology": "sclc"}, True),
    ({"histology": "squamous"}, False),
    ({"drivers": ["ALK fusion"]}, True), ({"drivers": []}, False),
    ({"visceral_metastases": ["liver", "brain"]}, True),
    ({"visceral_metastases": ["liver", " Liver"]}, False),  # one distinct organ
])
def test_high_risk_factors(cancer, fires):
    assert bool(fired("WU-HIGH-RISK", cancer=cancer)) is fires


def test_high_risk_lists_factors_and_is_silent_when_confirmed():
    [f] = fired("WU-HIGH-RISK", cancer={"stage": "IVA", "drivers": ["EGFR L858R"]})
    assert "stage IVA" in f.message and "EGFR L858R" in f.message
    assert len(f.data["factors"]) == 2
    assert not fired("WU-HIGH-RISK", cancer={"stage": "IVA"}, imaging=[POSITIVE_MRI])


def test_high_risk_unknown_inputs_are_reported_missing():
    assert missing("WU-HIGH-RISK") == ["drivers", "histology", "stage", "visceral_metastases"]
    assert missing("WU-HIGH-RISK", cancer={"stage": "IV"}) == []


# ---------------------------------------------------------------- WU-ALP-RISE

def alp(d, v, **kw):
    return lab(d, "ALP", v, "U/L", **kw)


@pytest.mark.parametrize(("earlier", "latest", "fires"), [
    (150, 199.5, True),      # = 1.33 × 150 (boundary, included)
    (150, 199.4, False),
    (100, 133, True),        # exact boundary in floating point
    (None, 312.6, True),     # > 2.5 × ULN 125 = 312.5
    (None, 312.5, False),
    (300, 312.6, True),      # no 33% rise but > 2.5 × ULN
    (90, 125, False),        # not > ULN
])
def test_alp_rise_branches(earlier, latest, fires):
    labs = [alp("2026-06-01", latest)]
    if earlier is not None:
        labs.insert(0, alp("2026-01-01", earlier))
    assert bool(fired("WU-ALP-RISE", labs=labs)) is fires


def test_alp_rise_uses_the_results_own_range_and_reports_data():
    labs = [alp("2026-01-01", 75), alp("2026-06-01", 101, ref_high=100)]
    [f] = fired("WU-ALP-RISE", labs=labs)
    assert f.data["latest"] == {"date": "2026-06-01", "value": 101.0, "unit": "U/L",
                                "uln": 100.0}
    assert "101" in f.message and "GGT" in f.message


def test_alp_rise_lookback_windows():
    # latest ALP 365 days before as-of: still in; 366: out (and reported as missing)
    assert fired("WU-ALP-RISE", as_of=date(2026, 6, 1), labs=[alp("2025-06-01", 400)])
    assert not fired("WU-ALP-RISE", as_of=date(2026, 6, 2), labs=[alp("2025-06-01", 400)])
    assert missing("WU-ALP-RISE", as_of=date(2026, 6, 2), labs=[alp("2025-06-01", 400)]) == [
        "labs.ALP"]
    # an earlier ALP more than lookback_days before the latest is not compared
    labs = [alp("2025-05-31", 100), alp("2026-06-01", 140)]
    assert not fired("WU-ALP-RISE", labs=labs)
    labs = [alp("2025-06-01", 100), alp("2026-06-01", 140)]
    assert fired("WU-ALP-RISE", labs=labs)


def test_alp_rise_silent_when_confirmed_or_switched_off():
    labs = [alp("2026-06-01", 400)]
    assert not fired("WU-ALP-RISE", labs=labs, imaging=[POSITIVE_MRI])
    assert not fired("WU-ALP-RISE", labs=labs, params={"enable_biomarker_workup": False})


# ---------------------------------------------------------------- WU-CTX-RISE

def ctx(d, v, unit="ng/mL", **kw):
    return lab(d, "CTX", v, unit, **kw)


@pytest.mark.parametrize(("earlier", "latest", "fires"), [
    (None, 0.71, True), (None, 0.70, False),
    (None, 700, False), (None, 701, True),  # pg/mL: 0.700 is not > 0.70 despite rounding
    (0.6, 0.78, True), (0.6, 0.779, False),
])
def test_ctx_rise(earlier, latest, fires):
    unit = "pg/mL" if latest > 10 else "ng/mL"
    labs = [ctx("2026-06-01", latest, unit, fasting=True)]
    if earlier is not None:
        labs.insert(0, ctx("2026-02-01", earlier))
    assert bool(fired("WU-CTX-RISE", labs=labs)) is fires


def test_ctx_rise_not_fasting_advice_and_denosumab_silences():
    [f] = fired("WU-CTX-RISE", labs=[ctx("2026-06-01", 0.9)])
    assert "fasting" in f.message and f.data["fasting"] is None
    [f] = fired("WU-CTX-RISE", labs=[ctx("2026-06-01", 0.9, fasting=True)])
    assert "repeat" not in f.message
    bma = {"administrations": [{"date": "2025-01-01", "drug": "denosumab", "dose_mg": 120}]}
    assert not fired("WU-CTX-RISE", labs=[ctx("2026-06-01", 0.9)], bma=bma)
    planned = {"administrations": [{"date": "2026-07-01", "drug": "denosumab", "dose_mg": 120,
                                    "planned": True}]}
    assert fired("WU-CTX-RISE", labs=[ctx("2026-06-01", 0.9)], bma=planned)


# ---------------------------------------------------------------- pain rules

def pain(d, pattern, kind="bone_pain", **kw):
    out = {"date": d, "kind": kind, **kw}
    if pattern:
        out["pattern"] = pattern
    return out


def test_pain_fixed_fires_within_symptom_days_without_later_imaging():
    # as-of 2026-06-30; 90 days before = 2026-04-01
    [f] = fired("WU-PAIN-FIXED", symptoms=[pain("2026-04-01", "fixed", site="left hip")])
    assert "left hip" in f.message and "2026-04-01" in f.message
    assert not fired("WU-PAIN-FIXED", symptoms=[pain("2026-03-31", "fixed")])


def test_pain_fixed_silenced_by_imaging_on_or_after_any_region():
    s = [pain("2026-06-01", "fixed")]
    assert not fired("WU-PAIN-FIXED", symptoms=s,
                     imaging=[img("2026-06-01", "xray", "chest", "negative")])
    assert fired("WU-PAIN-FIXED", symptoms=s,
                 imaging=[img("2026-05-31", "mri", "L3", "negative")])
    assert not fired("WU-PAIN-FIXED", symptoms=s, imaging=[POSITIVE_MRI | {"date": "2026-06-02"}])


def test_pain_fixed_unknown_pattern_is_missing():
    assert not fired("WU-PAIN-FIXED", symptoms=[pain("2026-06-01", None)])
    assert missing("WU-PAIN-FIXED", symptoms=[pain("2026-06-01", None)]) == ["symptoms.pattern"]


def test_pain_migratory():
    assert fired("WU-PAIN-MIGRATORY", symptoms=[pain("2026-06-01", "migratory"),
                                                 pain("2026-05-01", "migratory")])
    assert not fired("WU-PAIN-MIGRATORY", symptoms=[pain("2026-06-01", "migratory"),
                                                     pain("2026-05-01", "fixed")])
    # the fixed one is outside symptom_days: the recent ones are all migratory
    assert fired("WU-PAIN-MIGRATORY", symptoms=[pain("2026-06-01", "migratory"),
                                                 pain("2026-03-31", "fixed")])
    assert not fired("WU-PAIN-MIGRATORY", symptoms=[pain("2026-06-01", "migratory")],
                     imaging=[POSITIVE_MRI])
    assert not fired("WU-PAIN-MIGRATORY", symptoms=[pain("2026-06-01", None, kind="neuro_deficit")])


# ---------------------------------------------------------------- bone scan rules

SCAN = img("2026-05-05", "bone_scan", "L3", "positive")


def test_scan_confirm_fires_until_targeted_imaging_or_pet():
    [f] = fired("WU-SCAN-CONFIRM", imaging=[SCAN])
    assert "Bone scan L3 2026-05-05: positive" in f.message
    assert fired("WU-SCAN-CONFIRM", imaging=[img("2026-05-05", "bone_scan", "L3", "equivocal")])
    assert fired("WU-SCAN-CONFIRM", imaging=[SCAN, img("2026-05-04", "mri", "L3", "negative")])
    assert fired("WU-SCAN-CONFIRM", imaging=[SCAN, img("2026-05-06", "mri", "L4", "negative")])
    assert not fired("WU-SCAN-CONFIRM",
                     imaging=[SCAN, img("2026-05-05", "xray", "l3", "negative")])
    assert not fired("WU-SCAN-CONFIRM",
                     imaging=[SCAN, img("2026-05-06", "pet_ct", "chest", "negative")])
    assert not fired("WU-SCAN-CONFIRM", imaging=[img("2026-05-05", "bone_scan", "L3", "negative")])


def test_scan_discordant():
    neg = img("2026-05-05", "mri", "L3", "negative")
    [f] = fired("WU-SCAN-DISCORDANT", imaging=[SCAN, neg])
    assert "MRI L3 2026-05-05: negative" in f.message
    assert not fired("WU-SCAN-DISCORDANT",
                     imaging=[SCAN, img("2026-05-04", "mri", "L3", "negative")])
    assert not fired("WU-SCAN-DISCORDANT",
                     imaging=[SCAN, img("2026-05-06", "ct", "L3", "negative")])
    assert not fired("WU-SCAN-DISCORDANT",
                     imaging=[img("2026-05-05", "bone_scan", "L3", "equivocal"), neg])


def test_mri_blastic_window():
    blastic = img("2026-05-10", "ct", "T8", "positive", pattern="osteoblastic")
    assert fired("WU-MRI-BLASTIC", imaging=[blastic, img("2026-05-10", "mri", "T8", "negative")])
    assert fired("WU-MRI-BLASTIC", imaging=[blastic, img("2026-06-20", "mri", "t8", "negative")])
    # MRI 90 days before the study: in; 91: out
    assert fired("WU-MRI-BLASTIC", imaging=[blastic, img("2026-02-09", "mri", "T8", "negative")])
    assert not fired("WU-MRI-BLASTIC",
                     imaging=[blastic, img("2026-02-08", "mri", "T8", "negative")])
    assert not fired("WU-MRI-BLASTIC",
                     imaging=[blastic, img("2026-05-11", "mri", "T9", "negative")])
    assert not fired("WU-MRI-BLASTIC", imaging=[
        img("2026-05-10", "ct", "T8", "positive", pattern="osteolytic"),
        img("2026-05-11", "mri", "T8", "negative")])


def test_mri_blastic_fires_even_when_confirmed():
    imaging = [img("2026-05-10", "ct", "T8", "positive", pattern="osteoblastic",
                   bone_destruction=True), img("2026-05-11", "mri", "T8", "negative")]
    assert fired("WU-MRI-BLASTIC", imaging=imaging)


# ---------------------------------------------------------------- biopsy rules

def test_biopsy_inconclusive():
    imaging = [SCAN, img("2026-05-20", "xray", "L3", "equivocal")]
    [f] = fired("WU-BIOPSY-INCONCLUSIVE", imaging=imaging)
    assert f.data["regions"][0]["region"] == "L3"
    assert not fired("WU-BIOPSY-INCONCLUSIVE", imaging=[SCAN])
    assert not fired("WU-BIOPSY-INCONCLUSIVE",
                     imaging=[SCAN, img("2026-05-20", "xray", "L4", "equivocal")])
    # cleared → not_found, not suspected
    assert not fired("WU-BIOPSY-INCONCLUSIVE",
                     imaging=[SCAN, img("2026-05-20", "mri", "L3", "negative")])


SOLITARY = dict(imaging=[POSITIVE_MRI], cancer={"visceral_metastases": []},
                lesions=[{"region": "L3", "bone": "vertebra", "level": "L3"}])


def test_biopsy_solitary():
    [f] = fired("WU-BIOPSY-SOLITARY", **SOLITARY)
    assert f.data == {"region": "L3"}
    two = dict(SOLITARY, lesions=SOLITARY["lesions"] + [{"region": "rib", "bone": "rib"}])
    assert not fired("WU-BIOPSY-SOLITARY", **two)
    liver = dict(SOLITARY, cancer={"visceral_metastases": ["liver"]})
    assert not fired("WU-BIOPSY-SOLITARY", **liver)
    assert not fired("WU-BIOPSY-SOLITARY", **dict(SOLITARY, biopsies=[
        {"date": "2026-05-09", "region": "L3", "result": "positive"}]))
    unknown = dict(SOLITARY, cancer={})
    assert not fired("WU-BIOPSY-SOLITARY", **unknown)
    assert missing("WU-BIOPSY-SOLITARY", **unknown) == ["visceral_metastases"]
    assert not fired("WU-BIOPSY-SOLITARY", **dict(SOLITARY, imaging=[SCAN]))  # suspected


# ---------------------------------------------------------------- WU-MSCC

def test_mscc_symptom_or_event_within_30_days():
    [f] = fired("WU-MSCC", symptoms=[pain("2026-05-31", None, kind="neuro_deficit",
                                          site="legs")])
    assert f.severity == "critical" and "2026-05-31" in f.message
    assert not fired("WU-MSCC", symptoms=[pain("2026-05-30", None, kind="neuro_deficit")])
    assert fired("WU-MSCC", events=[{"date": "2026-06-30", "kind": "spinal_cord_compression"}])
    assert not fired("WU-MSCC", events=[{"date": "2026-07-01", "kind": "spinal_cord_compression"}])
    # fires even when confirmed
    assert fired("WU-MSCC", imaging=[POSITIVE_MRI],
                 events=[{"date": "2026-06-30", "kind": "spinal_cord_compression"}])
    assert not fired("WU-MSCC", events=[{"date": "2026-06-30", "kind": "fracture"}])
