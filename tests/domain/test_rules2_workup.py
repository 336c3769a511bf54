"""rules/2 §3: WU-HIGH-RISK is stage-aware (``data.level`` ``screen`` / ``alert``) and
WU-SCAN-DISCORDANT has a ``persistent_pain`` warning variant (fixed or unpatterned bone pain
dated within ``symptom_days`` before the as-of date, before or after the MRI)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from .rules_helpers import AS_OF, POSITIVE_MRI, fired, img, missing

# ---------------------------------------------------------------- WU-HIGH-RISK


@pytest.mark.parametrize(("cancer", "level"), [
    ({"stage": "IVA"}, "screen"),
    ({"stage": "IIIA", "histology": "squamous"}, "screen"),
    ({"stage": "IIIC", "histology": "adenocarcinoma"}, "screen"),
    ({"stage": "IV", "drivers": ["ALK"]}, "screen"),
    ({"stage": "IB", "visceral_metastases": ["liver", "adrenal"]}, "screen"),
    ({"visceral_metastases": ["liver", "brain"]}, "screen"),
    ({"stage": "IIB", "histology": "adenocarcinoma"}, "alert"),
    ({"stage": "0", "histology": "sclc"}, "alert"),
    ({"stage": "IA1", "drivers": ["EGFR L858R"]}, "alert"),
    ({"stage": "II", "histology": "adenocarcinoma", "visceral_metastases": ["liver"]}, "alert"),
    ({"histology": "adenocarcinoma"}, "alert"),
    ({"drivers": ["KRAS G12C"]}, "alert"),
])  # fmt: skip
def test_high_risk_level(cancer, level):
    [f] = fired("WU-HIGH-RISK", cancer=cancer)
    assert f.severity == "info"
    assert f.data["level"] == level
    assert f.data["stage"] == cancer.get("stage")
    assert f.data["factors"]


def test_high_risk_screen_message():
    [f] = fired("WU-HIGH-RISK", cancer={"stage": "IVB", "histology": "adenocarcinoma"})
    assert f.data["factors"] == ["stage IVB", "histology adenocarcinoma"]
    assert ("bone imaging (PET-CT, or bone scan) at staging or restaging if not already done"
            in f.message)
    assert "routine bone scans are not recommended" not in f.message
    assert "分期或再分期" in f.message_zh


def test_high_risk_alert_message():
    [f] = fired("WU-HIGH-RISK", cancer={"stage": "IA2", "histology": "adenocarcinoma"})
    assert f.data["factors"] == ["histology adenocarcinoma"]
    assert "image promptly for bone pain or a raised ALP/CTX" in f.message
    assert ("routine bone scans are not recommended in follow-up of early-stage disease"
            in f.message)
    assert "at staging or restaging" not in f.message
    assert "不推荐常规骨扫描" in f.message_zh


def test_high_risk_alert_without_stage_lists_the_stage_as_missing():
    cancer = {"histology": "sclc", "drivers": [], "visceral_metastases": []}
    [f] = fired("WU-HIGH-RISK", cancer=cancer)
    assert f.data["level"] == "alert" and f.data["stage"] is None
    assert missing("WU-HIGH-RISK", cancer=cancer) == ["stage"]
    # with a stage recorded nothing is missing
    assert missing("WU-HIGH-RISK", cancer={**cancer, "stage": "IIA"}) == []
    # a screen level does not need the stage
    assert missing("WU-HIGH-RISK",
                   cancer={**cancer, "visceral_metastases": ["liver", "bone marrow"]}) == []


def test_high_risk_silent_when_confirmed_or_no_factor():
    assert not fired("WU-HIGH-RISK", cancer={"stage": "IIIA"}, imaging=[POSITIVE_MRI])
    cancer = {"stage": "IIB", "histology": "squamous", "drivers": [],
              "visceral_metastases": ["liver"]}
    assert not fired("WU-HIGH-RISK", cancer=cancer)
    assert missing("WU-HIGH-RISK", cancer=cancer) == []


# ---------------------------------------------------------------- WU-SCAN-DISCORDANT

SCAN = img("2026-05-01", "bone_scan", "L3", "positive")
MRI = img("2026-05-20", "mri", "l3 ", "negative")


def pain(d: date | str, pattern: str | None = "fixed") -> dict:
    s = {"date": d if isinstance(d, str) else d.isoformat(), "kind": "bone_pain"}
    if pattern is not None:
        s["pattern"] = pattern
    return s


def discordant(symptoms=(), as_of: date = AS_OF, params=None):
    return fired("WU-SCAN-DISCORDANT", as_of, params, imaging=[SCAN, MRI],
                 symptoms=list(symptoms))


def test_reassuring_without_pain():
    [f] = discordant()
    assert f.severity == "info"
    assert {k: f.data[k] for k in ("region", "bone_scan_date", "mri_date", "variant",
                                   "pain_dates")} == {
        "region": "L3", "bone_scan_date": "2026-05-01", "mri_date": "2026-05-20",
        "variant": "reassuring", "pain_dates": []}
    assert "broadly reassuring" in f.message and "PET-CT if doubt persists" in f.message


def test_reassuring_with_migratory_pain_only():
    [f] = discordant([pain("2026-06-01", "migratory")])
    assert f.data["variant"] == "reassuring" and f.severity == "info"
    assert missing("WU-SCAN-DISCORDANT", imaging=[SCAN, MRI],
                   symptoms=[pain("2026-06-01", "migratory")]) == []


@pytest.mark.parametrize("when", ["2026-04-15", "2026-05-20", "2026-06-25"])
def test_persistent_pain_before_or_after_the_mri(when):
    [f] = discordant([pain(when), pain("2026-06-01", "migratory")])
    assert f.severity == "warning"
    assert f.data["variant"] == "persistent_pain"
    assert f.data["pain_dates"] == [when]
    assert ("bone pain at a fixed site persists" in f.message
            and "the negative MRI does not reassure: settle it with PET-CT (or CT of the "
                "painful site)" in f.message)
    assert "broadly reassuring" not in f.message
    assert "MRI阴性不能令人放心" in f.message_zh


@pytest.mark.parametrize(("days", "variant"), [(90, "persistent_pain"), (91, "reassuring")])
def test_symptom_days_edge(days, variant):
    [f] = discordant([pain(AS_OF - timedelta(days=days))])
    assert f.data["variant"] == variant


def test_symptom_days_parameter():
    symptoms = [pain(AS_OF - timedelta(days=40))]
    [f] = discordant(symptoms, params={"symptom_days": 40})
    assert f.data["variant"] == "persistent_pain"
    [f] = discordant(symptoms, params={"symptom_days": 39})
    assert f.data["variant"] == "reassuring"


def test_pain_after_the_as_of_date_is_not_seen():
    [f] = discordant([pain(AS_OF + timedelta(days=1))])
    assert f.data["variant"] == "reassuring"


def test_unpatterned_pain_is_persistent_and_lists_the_pattern_as_missing():
    symptoms = [pain("2026-06-10", None)]
    [f] = discordant(symptoms)
    assert f.data["variant"] == "persistent_pain" and f.severity == "warning"
    assert f.data["pain_dates"] == ["2026-06-10"]
    assert "symptoms.pattern" in missing("WU-SCAN-DISCORDANT", imaging=[SCAN, MRI],
                                         symptoms=symptoms)


def test_fixed_and_unpatterned_pains_listed_without_missing_pattern():
    symptoms = [pain("2026-06-10", None), pain("2026-06-12"), pain("2026-06-14", "migratory")]
    [f] = discordant(symptoms)
    assert f.data["pain_dates"] == ["2026-06-10", "2026-06-12"]
    assert missing("WU-SCAN-DISCORDANT", imaging=[SCAN, MRI], symptoms=symptoms) == []


def test_neuro_deficit_is_not_bone_pain():
    [f] = discordant([{"date": "2026-06-10", "kind": "neuro_deficit"}])
    assert f.data["variant"] == "reassuring"


def test_silent_when_confirmed_or_no_negative_mri_after_the_scan():
    assert not fired("WU-SCAN-DISCORDANT", imaging=[SCAN, MRI, POSITIVE_MRI],
                     symptoms=[pain("2026-06-10")])
    early_mri = img("2026-04-30", "mri", "L3", "negative")
    assert not fired("WU-SCAN-DISCORDANT", imaging=[SCAN, early_mri],
                     symptoms=[pain("2026-06-10")])
