"""The work-up wizard's decision logic (app.domain.workup): next study, marked rises, biopsy,
conclusion — always drawn from the rules on the chart plus the wizard's entries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain import case as C
from app.domain.params import Params
from app.domain.workup import SENSITIVITY_NOTE, analyse, pending_case
from app.domain.workup_entries import (
    BiopsyEntry,
    DraftError,
    LabEntry,
    RiskProfile,
    StudyEntry,
    WorkupEntries,
    chart_fragments,
)

DAY = date(2026, 11, 21)


def base(**cancer) -> C.Case:
    c = dict(histology="squamous", stage="IB", drivers=[], visceral_metastases=[])
    c.update(cancer)
    return C.Case(C.Patient("WU-1"), C.Cancer(**c))


def entries(case: C.Case, **kw) -> WorkupEntries:
    return WorkupEntries(DAY, risk=RiskProfile.from_cancer(case.cancer), **kw)


def scan(result="positive", region="L3", **kw) -> StudyEntry:
    return StudyEntry(DAY, "bone_scan", region, result, **kw)


def mri(result, region="L3", **kw) -> StudyEntry:
    return StudyEntry(DAY, "mri", region, result, **kw)


def test_positive_scan_leads_to_confirmation_of_that_region():
    b = base()
    a = analyse(b, entries(b, studies=[scan(region="T8")]))
    assert a.status == "suspected"
    r = a.recommendation
    assert (r.key, r.purpose, r.modality, r.region) == ("confirm", "confirmation", "mri", "T8")
    assert "pet_ct" in r.alternatives and r.rules == ("WU-SCAN-CONFIRM",)
    assert "SEED" in r.evidence and "T8" in r.text


def test_osteoblastic_scan_confirms_with_ct_not_mri():
    b = base()
    r = analyse(b, entries(b, studies=[scan(pattern="osteoblastic")])).recommendation
    assert (r.purpose, r.modality) == ("osteoblastic", "ct")


def test_negative_mri_after_positive_scan_reassures_and_offers_pet_ct():
    b = base()
    a = analyse(b, entries(b, studies=[scan(), mri("negative")]))
    assert a.status == "not_found"
    r = a.recommendation
    assert (r.key, r.purpose, r.modality) == ("reassured", "reassurance", "pet_ct")
    assert "WU-SCAN-DISCORDANT" in r.rules
    assert a.conclusion.status == "not_found"
    assert not any(s.group == "bone_drug" for s in a.conclusion.steps)


def test_negative_mri_beside_osteoblastic_study_asks_for_ct():
    b = base()
    a = analyse(b, entries(b, studies=[scan(pattern="osteoblastic"), mri("negative")]))
    assert a.status == "suspected"  # a negative MRI does not clear an osteoblastic study
    assert (a.recommendation.key, a.recommendation.modality) == ("blastic", "ct")


def test_mri_with_destruction_confirms_and_recommends_a_bone_drug():
    b = base()
    a = analyse(b, entries(b, studies=[scan(), mri("positive", bone_destruction=True)]))
    assert a.status == "confirmed"
    assert a.conclusion.basis.startswith("MRI L3")
    groups = {s.group: s for s in a.conclusion.steps}
    assert "BMA-START" in groups["bone_drug"].rules
    assert "dental" in groups["bone_drug"].text.lower()
    assert "mdt" in groups and a.conclusion.mdt_question
    assert a.recommendation.key == "none_confirmed"


def test_pet_ct_with_destruction_confirms_at_once():
    b = base()
    a = analyse(b, entries(b, studies=[StudyEntry(DAY, "pet_ct", "whole body", "positive",
                                                  bone_destruction=True)]))
    assert a.status == "confirmed"
    assert a.conclusion.basis.startswith("PET-CT")


def test_neurological_deficit_is_the_urgent_branch():
    b = base()
    a = analyse(b, entries(b, neuro_deficit=True, neuro_site="new leg weakness"))
    assert a.urgent
    r = a.recommendation
    assert (r.purpose, r.modality, r.region) == ("urgent", "mri", "whole spine")
    assert "24" in r.text
    assert a.conclusion.steps[0].group == "urgent"
    assert "WU-MSCC" in a.conclusion.steps[0].rules


def test_fixed_pain_asks_for_mri_of_the_site():
    b = base()
    a = analyse(b, entries(b, bone_pain=True, pain_pattern="fixed", pain_site="left hip"))
    r = a.recommendation
    assert (r.purpose, r.modality, r.region) == ("marrow", "mri", "left hip")


def test_migratory_pain_alone_is_not_typical():
    b = base()
    r = analyse(b, entries(b, bone_pain=True, pain_pattern="migratory")).recommendation
    assert r.key == "migratory" and r.modality is None


def test_high_risk_profile_names_factors_and_screens():
    b = base()
    e = entries(b)
    assert analyse(b, e).recommendation.key == "none"  # squamous IB, no drivers: low risk
    e.risk = RiskProfile("IVA", "adenocarcinoma", ["EGFR L858R"], ["liver", "adrenal"])
    a = analyse(b, e)
    assert len(a.high_risk_factors) == 4
    assert (a.recommendation.purpose, a.recommendation.modality) == ("screening", "bone_scan")


def _alp(days_before: int, value: float) -> C.Lab:
    return C.Lab(DAY - timedelta(days=days_before), "ALP", value, "U/L")


@pytest.mark.parametrize(("earlier", "latest", "marked"), [
    (100.0, 140.0, True),   # > ULN 125 and ≥ 1.33 × 100
    (120.0, 140.0, False),  # > ULN but only 1.17 × the earlier value
    (None, 320.0, True),    # no earlier value: > 2.5 × ULN
    (None, 300.0, False),
])
def test_alp_marked_follows_the_rule(earlier, latest, marked):
    b = base()
    if earlier is not None:
        b.labs.append(_alp(60, earlier))
    e = entries(b, labs=[LabEntry(DAY, "ALP", latest, "U/L")])
    a = analyse(b, e)
    v = a.biomarkers["ALP"]
    assert v.marked is marked
    assert v.latest == (DAY, latest)
    assert v.earlier == (() if earlier is None else ((DAY - timedelta(days=60), earlier),))
    if marked:
        assert (a.recommendation.purpose, a.recommendation.rules) == ("direct", ("WU-ALP-RISE",))


def test_ctx_in_pg_per_ml_and_not_fasting():
    b = base()
    b.labs.append(C.Lab(DAY - timedelta(days=90), "CTX", 0.5, "ng/mL"))
    e = entries(b, labs=[LabEntry(DAY, "CTX", 900, "pg/mL", fasting=False)])
    v = analyse(b, e).biomarkers["CTX"]
    assert v.marked and v.latest == (DAY, 0.9) and v.unit == "ng/mL"
    assert "fasting" in v.text


def test_biomarker_not_judged_when_confirmed_or_switched_off():
    b = base()
    b.imaging.append(C.Imaging(DAY - timedelta(days=5), "ct", "L1", "positive",
                               bone_destruction=True))
    e = entries(b, labs=[LabEntry(DAY, "ALP", 900, "U/L")])
    v = analyse(b, e).biomarkers["ALP"]
    assert not v.applicable and not v.marked
    b2 = base()
    v2 = analyse(b2, entries(b2, labs=[LabEntry(DAY, "ALP", 900, "U/L")]), DAY,
                 Params(enable_biomarker_workup=False)).biomarkers["ALP"]
    assert not v2.applicable and not v2.marked


def test_inconclusive_imaging_calls_for_biopsy():
    b = base()
    e = entries(b, studies=[scan(), mri("equivocal")])
    a = analyse(b, e)
    assert [f.rule for f in a.biopsy] == ["WU-BIOPSY-INCONCLUSIVE"]
    assert a.recommendation.purpose == "biopsy"
    e.biopsies.append(BiopsyEntry(DAY, "L3", "positive"))
    assert analyse(b, e).status == "confirmed"


def test_solitary_metastasis_calls_for_biopsy():
    b = base()
    b.lesions.append(C.Lesion("L3", "vertebra", level="L3"))
    a = analyse(b, entries(b, studies=[mri("positive", bone_destruction=True)]))
    assert "WU-BIOPSY-SOLITARY" in [f.rule for f in a.biopsy]
    assert "biopsy" in a.conclusion.mdt_question.lower()


def test_local_therapy_steps_come_from_lesion_scores():
    b = base()
    b.lesions.append(C.Lesion("L3", "vertebra", level="L3", pattern="osteolytic",
                              pain="mechanical", alignment="subluxation", collapse="gt50",
                              posterolateral="bilateral"))
    a = analyse(b, entries(b, studies=[mri("positive", bone_destruction=True)]))
    urgent = [s for s in a.conclusion.steps if s.group == "urgent"]
    assert any("LOC-SINS-UNSTABLE" in s.rules for s in urgent)


def test_pending_case_leaves_the_chart_untouched():
    b = base()
    e = entries(b, bone_pain=True, pain_pattern="fixed", studies=[scan()])
    e.risk.stage = "IVB"
    p = pending_case(b, e)
    assert len(p.imaging) == 1 and len(p.symptoms) == 1 and p.cancer.stage == "IVB"
    assert b.imaging == [] and b.symptoms == [] and b.cancer.stage == "IB"


def test_draft_json_round_trip_and_errors():
    b = base()
    e = entries(b, bone_pain=True, pain_pattern="fixed", pain_site="L3",
                labs=[LabEntry(DAY, "CTX", 812, "pg/mL", fasting=True)],
                studies=[scan()], biopsies=[BiopsyEntry(DAY, "L3", "negative")],
                mdt_question="q", page="imaging")
    assert WorkupEntries.from_json(e.to_json()) == e
    with pytest.raises(DraftError, match="schema"):
        WorkupEntries.from_json({"schema": "x"})
    bad = e.to_json()
    bad["surprise"] = 1
    with pytest.raises(DraftError, match="surprise"):
        WorkupEntries.from_json(bad)


def test_chart_fragments_are_case_file_records():
    b = base()
    e = entries(b, neuro_deficit=True, neuro_site="legs", compression_region="T10",
                studies=[scan()])
    kinds = [k for k, _ in chart_fragments(e)]
    assert kinds == ["symptom", "event", "imaging"]


def test_sensitivity_note_is_labelled_seed_and_mentions_disagreement():
    en, zh = SENSITIVITY_NOTE
    assert "SEED" in en and "meta-analyses" in en
    assert "MRI > PET-CT > bone scan > CT > X-ray" in en and "专家经验" in zh


def test_lesions_entered_in_the_workup_feed_the_scores():
    from app.domain.workup_entries import LesionEntry

    b = base()
    e = entries(b, studies=[mri("positive", bone_destruction=True)])
    e.lesions.append(LesionEntry("L3", "vertebra", level="L3", pattern="osteolytic",
                                 pain="mechanical", alignment="subluxation", collapse="gt50",
                                 posterolateral="bilateral", escc="2"))
    a = analyse(b, e)
    assert a.assessment.scores["lesions"][0]["sins"] == 17
    rules = {r for s in a.conclusion.steps for r in s.rules}
    assert {"LOC-SINS-UNSTABLE", "LOC-ESCC-HIGH", "LOC-RT"} <= rules
    assert WorkupEntries.from_json(e.to_json()) == e
    assert ("lesion", {"region": "L3", "bone": "vertebra", "level": "L3",
                       "pattern": "osteolytic", "pain": "mechanical",
                       "alignment": "subluxation", "collapse": "gt50",
                       "posterolateral": "bilateral", "escc": "2"}) in chart_fragments(e)


def test_suspected_without_rule_gets_the_pet_ct_step_in_the_conclusion():
    b = base()
    a = analyse(b, entries(b, studies=[mri("positive")]))
    assert a.status == "suspected" and a.recommendation.purpose == "direct"
    assert any(s.group == "imaging" and "PET-CT" in s.text for s in a.conclusion.steps)
