"""MDT case-summary content: identity, status and basis, lesion scores, renal notes, findings."""

from __future__ import annotations

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
    assert set(scores["New Katagiri"].missing) == {"labs.PLT", "labs.TBIL", "labs.CRP",
                                                  "labs.LDH"}
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
