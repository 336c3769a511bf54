"""MDT case-summary content: identity, status and basis, lesion scores, renal notes, findings."""

from __future__ import annotations

import dataclasses
from datetime import date

from app.domain.assess import assess
from app.domain.casefile import parse_case
from app.domain.mdt_content import build_mdt_summary

from .helpers import case_of, example_json

AS_OF = date(2026, 11, 21)


def summary(case, **kw):
    return build_mdt_summary(case, assess(case, AS_OF), AS_OF, **kw)


def test_example_case_summary():
    s = summary(parse_case(example_json()), question="Resume denosumab?")
    assert s.mrn == "BM-0001" and s.question == "Resume denosumab?" and s.decision is None
    ident = dict(s.identity)
    assert ident["Age"] == "73 y" and ident["Sex"] == "female"
    cancer = dict(s.cancer)
    assert cancer["Histology"] == "adenocarcinoma" and cancer["Drivers"] == "EGFR L858R"
    assert cancer["Stage (AJCC 8)"] == "IVB" and cancer["ECOG / KPS / Frankel"] == "1 / 80 / E"
    assert s.bm_status == "confirmed"
    assert s.bm_basis.startswith("MRI L3 2026-05-08")
    l3, femur = s.lesions
    assert (l3.region, l3.sins, l3.mirels, l3.escc, l3.pattern) == (
        "L3", "10 (indeterminate)", "—", "1a", "osteolytic")
    assert (femur.region, femur.mirels) == ("left femur", "8 (borderline)")
    scores = {x.name.split(" (")[0]: x for x in s.scores}
    assert scores["Revised Tokuhashi"].value == "8 (<6 months)"
    assert scores["New Katagiri"].value == "not computable"
    assert set(scores["New Katagiri"].missing) == {
        "platelets (no recent result)", "total bilirubin (no recent result)",
        "CRP (no recent result)", "LDH (no recent result)"}
    assert [(d.date.isoformat(), d.dose_mg, d.planned) for d in s.doses] == [
        ("2026-05-25", 120, False), ("2026-06-22", 120, False), ("2026-07-20", 120, False)]
    assert [(x.drug, x.reason) for x in s.stops] == [("denosumab", "dental extraction")]
    assert [(e.kind, e.region) for e in s.events] == [("radiotherapy", "L3")]
    assert s.findings[0].rule == "DEN-REBOUND-CTX" and s.findings[0].severity == "critical"
    assert "SEED" in s.findings[0].evidence
    den = dict(s.derived)["Denosumab"]
    assert "stopped" in den and "2027-01-16" in den and "risk elevated" in den
    assert s.trend_png is None and s.with_trend(b"png").trend_png == b"png"


def test_zoledronic_acid_doses_show_their_renal_adjustment():
    case = case_of(
        patient={"mrn": "Z-1", "sex": "male", "birth_date": "1958-01-01", "weight_kg": 55},
        labs=[{"date": "2026-10-01", "analyte": "CREA", "value": 88.4, "unit": "umol/L"},
              {"date": "2026-11-10", "analyte": "CREA", "value": 88.4, "unit": "umol/L"}],
        bma={"administrations": [
            {"date": "2026-09-01", "drug": "zoledronic_acid", "dose_mg": 4},
            {"date": "2026-10-05", "drug": "zoledronic_acid", "dose_mg": 4},
            {"date": "2026-11-12", "drug": "zoledronic_acid", "dose_mg": 3.5}],
            "stops": [{"drug": "zoledronic_acid", "date": "2026-11-20", "reason": "renal"}]})
    notes = [d.note for d in summary(case).doses]
    # 68 y, 55 kg, 1.0 mg/dL -> CrCl 55.0 -> 3.5 mg
    assert notes[0] == "no creatinine within 14 days before"
    assert notes[1] == "CrCl 55.0 → 3.5 mg: EXCEEDS renal adjustment"
    assert notes[2] == "CrCl 55.0 → renally adjusted 3.5 mg"


def test_unknown_values_are_named_not_blank():
    s = summary(case_of())
    cancer = dict(s.cancer)
    assert cancer["Histology"] == "unknown" and cancer["Visceral metastases"] == "not staged"
    assert s.lesions == () and s.doses == () and s.events == ()
    assert s.bm_status == "unknown"


def test_chinese_summary_translates_labels_and_codes():
    s = summary(parse_case(example_json()), lang="zh")
    ident = dict(s.identity)
    assert ident["年龄"] == "73岁" and ident["性别"] == "女"
    assert dict(s.cancer)["病理类型"] == "肺腺癌"
    assert (s.bm_status, s.bm_status_label) == ("confirmed", "确诊")
    assert s.lesions[0].sins == "10 (潜在不稳定)" and s.lesions[0].pattern == "溶骨性"
    assert s.lesions[1].bone == "股骨"
    assert s.doses[0].drug == "地舒单抗"
    assert s.findings[0].severity == "critical" and s.findings[0].severity_label == "危急"
    assert s.findings[0].message.startswith("CTX反跳")
    assert s.labels["sec_lesions"] == "病灶"
    assert s.events[0].kind == "放疗"


def test_unknown_language_is_refused():
    import pytest

    with pytest.raises(ValueError, match="lang"):
        summary(case_of(), lang="fr")


def test_pack_sections_of_the_example_case():
    s = summary(parse_case(example_json()), question="Extraction: when to resume?")
    assert s.courses == ("denosumab: 120 mg every 28 days; 2026-05-25 – 2026-07-20, 3 dose(s) "
                         "given; stopped 2026-08-10: dental extraction",)
    assert [(x.date.isoformat(), x.study, x.region, x.result, x.detail) for x in s.studies] == [
        ("2026-05-05", "bone scan", "L3", "positive", "—"),
        ("2026-05-08", "MRI", "L3", "positive", "osteolytic, bone destruction")]
    crea, ca = s.lab_ages
    # creatinine 2026-11-02 is 19 days old: over creatinine_max_age_days (14) -> stale
    assert (crea.value, crea.age_days, crea.window_days, crea.stale) == ("68 µmol/L", 19, 14, True)
    assert crea.state == "STALE: older than 14 days"
    # calcium of the same day: within its 30-day window
    assert (ca.value, ca.age_days, ca.stale) == ("2.35 mmol/L (albumin-corrected)", 19, False)
    assert s.dental is not None and s.dental.procedures == ("2026-09-25 extraction (planned)",)
    assert s.dental.last_exam == "2026-05-20 (185 days)"
    assert (s.critical, s.warnings) == (1, 3) and not s.lab_panel
    assert (s.lab_count, s.trend_points) == (6, 5)
    assert dict(s.cancer)["PD-L1"] == "not recorded"
    assert dict(s.cancer)["Lines of systemic therapy"] == "not recorded"
    why = s.findings[0].why
    assert "CTX 0.41 (2026-11-02)" in why and "nadir: CTX 0.09 (2026-07-02)" in why


def _labs_case(crea_date: str, ca_date: str):
    return case_of(labs=[{"date": crea_date, "analyte": "CREA", "value": 80, "unit": "umol/L"},
                         {"date": ca_date, "analyte": "CA", "value": 2.3, "unit": "mmol/L"}])


def test_stale_marks_at_the_windows_both_sides():
    fresh = summary(_labs_case("2026-11-07", "2026-10-22")).lab_ages  # 14 and 30 days old
    assert [(x.age_days, x.stale) for x in fresh] == [(14, False), (30, False)]
    stale = summary(_labs_case("2026-11-06", "2026-10-21")).lab_ages  # 15 and 31 days old
    assert [(x.age_days, x.stale) for x in stale] == [(15, True), (31, True)]
    assert stale[1].state == "STALE: older than 30 days"
    from app.domain.params import DEFAULTS

    site = summary(_labs_case("2026-11-06", "2026-10-21"),
                   params=dataclasses.replace(DEFAULTS, creatinine_max_age_days=21))
    assert site.lab_ages[0].stale is False and site.lab_ages[0].window_days == 21
    none = summary(case_of()).lab_ages
    assert all(x.stale and x.date is None for x in none)
    assert none[0].state == "no result on record"
    assert summary(case_of()).lab_count == 0


def test_dental_section_only_when_the_jaw_is_involved():
    plain = case_of(dental={"exams": ["2026-06-01"]})
    assert summary(plain).dental is None
    assert summary(plain, question="Radiotherapy to L3?").dental is None
    assert summary(plain, question="Tooth extraction planned: hold?").dental is not None
    assert summary(plain, question="拔牙前是否停药？").dental is not None
    onj = case_of(events=[{"date": "2026-11-01", "kind": "onj", "region": "left mandible"}])
    s = summary(onj, lang="zh")  # DENT-ONJ fires
    assert s.dental is not None and s.dental.onj == ("2026-11-01 颌骨坏死 (左下颌骨)",)
    assert s.dental.last_exam == "无记录"


def test_lab_panel_when_a_renal_or_calcium_finding_is_active():
    from app.domain.mdt_sections import lab_panel_needed

    assert lab_panel_needed(["BMA-ZA-CONTRAINDICATED"]) and lab_panel_needed(["BMA-DEN-CKD"])
    assert lab_panel_needed(["BMA-BP-RENAL"]) and lab_panel_needed(["BMA-CA-MISSING"])
    assert lab_panel_needed(["BMA-HYPOCALCAEMIA"]) and lab_panel_needed(["BMA-HYPERCALCAEMIA"])
    assert not lab_panel_needed(["DEN-REBOUND-CTX", "BMA-START", "BMA-SUPPLEMENTS", "LOC-RT"])
    low_ca = case_of(labs=[{"date": "2026-11-20", "analyte": "CA", "value": 1.9,
                            "unit": "mmol/L"}])
    assert summary(low_ca).lab_panel  # BMA-HYPOCALCAEMIA fires for any patient


def test_chinese_regions_organs_and_missing_inputs():
    from app.domain.mdt_terms import missing_name, organ, region

    assert region("zh", "left femur") == "左股骨" and region("zh", "right rib 6") == "右第6肋"
    assert region("zh", "L3") == "L3" and region("zh", "whole body") == "全身"
    assert region("zh", "femur (bilateral)") == "双侧股骨"
    assert region("zh", "left sacroiliac joint") == "left sacroiliac joint"  # unknown: as is
    assert region("en", "left femur") == "left femur"
    assert organ("zh", "adrenal") == "肾上腺" and organ("zh", "spleen") == "spleen"
    assert missing_name("zh", "labs.PLT") == "血小板（近期无结果）"
    assert missing_name("zh", "weight_kg") == "体重" and missing_name("en", "kps") == "KPS"
    s = summary(parse_case(example_json()), lang="zh")
    assert s.lesions[1].region == "左股骨" and dict(s.cancer)["内脏转移"] == "肾上腺"
    assert "血小板（近期无结果）" in s.scores[2].missing
    assert s.courses[0].startswith("地舒单抗：120 mg，每28天")
    assert s.studies[0].study == "骨扫描" and s.studies[1].detail == "溶骨性、骨破坏"
    assert s.lab_ages[0].state == "已过期：超过14天"


def test_pack_orders_cases_by_urgency():
    from app.domain.mdt_content import MdtPack

    base = summary(case_of())
    a = dataclasses.replace(base, mrn="A", critical=0, warnings=5)
    b = dataclasses.replace(base, mrn="B", critical=1, warnings=0)
    c = dataclasses.replace(base, mrn="C", critical=1, warnings=2)
    d = dataclasses.replace(base, mrn="D", critical=0, warnings=5)
    pack = MdtPack(AS_OF, None, (a, b, c, d))
    assert [x.mrn for x in pack.cases] == ["C", "B", "A", "D"]  # ties keep listing order
