"""Care-plan content: sections come from the rules, empty sections are left out, both languages."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.assess import assess
from app.domain.careplan import Clinic, build_careplan, lay_site, lay_sites
from app.domain.casefile import parse_case

from .helpers import case_of, example_json

AS_OF = date(2026, 11, 21)
PATIENT = {"mrn": "T-1", "name": "张小燕", "sex": "female", "birth_date": "1953-04-02",
           "weight_kg": 58}
CONFIRMED = [{"date": "2026-05-08", "modality": "mri", "region": "L3", "result": "positive",
              "bone_destruction": True}]


def plan(case, lang="en", clinic=None, as_of=AS_OF):
    return build_careplan(case, assess(case, as_of), as_of, lang, clinic=clinic)


def texts(section) -> str:
    parts = list(section.paragraphs) + [i.text for i in section.items]
    parts += [" | ".join(row) for row in section.table]
    return "\n".join(parts)


def za_case(**extra):
    sections = dict(
        patient=PATIENT, imaging=CONFIRMED,
        cancer={"histology": "squamous", "stage": "IVA"},
        labs=[{"date": "2026-11-15", "analyte": "CREA", "value": 68, "unit": "umol/L"}],
        bma={"administrations": [
            {"date": "2026-10-24", "drug": "zoledronic_acid", "dose_mg": 3.5},
            {"date": "2026-11-24", "drug": "zoledronic_acid", "dose_mg": 3.5, "planned": True}]},
        supplements={"calcium": True, "vitamin_d": True},
        dental={"exams": ["2026-08-01"]})
    sections.update(extra)
    return case_of(**sections)


def test_example_case_denosumab_stopped_en():
    case = parse_case(example_json())
    cp = plan(case, clinic=Clinic("Thoracic Oncology", "010-1234"))
    keys = [s.key for s in cp.sections]
    # no active drug: no medicine table and no supplement advice; stop section present
    assert "bone_drug" not in keys and "supplements" not in keys
    assert keys == ["diagnosis", "denosumab_stop", "warning_signs", "dental", "tests",
                    "contacts"]
    stop = texts(cp.section("denosumab_stop"))
    assert "20 Jul 2026" in stop  # last dose
    assert "never be stopped on your own" in stop
    for check in ("16 Jan 2027", "16 Apr 2027", "20 Jul 2027"):
        assert check in stop
    assert "signs of this rebound" in stop  # DEN-REBOUND-CTX fired
    tests = cp.section("tests").table
    assert tests[0] == ("Fasting morning blood test: CTX and calcium",
                        "as soon as possible (was due 18 Oct 2026)")
    dental = texts(cp.section("dental"))
    assert "tooth extraction planned on 25 Sep 2026" in dental
    assert "Root canal" in dental and "about every 6 months" in dental
    dx = texts(cp.section("diagnosis"))
    assert "lung adenocarcinoma (stage IVB)" in dx and "lower back spine (L3)" in dx
    assert "left thigh bone" in dx
    warn = cp.section("warning_signs")
    assert warn.items[0].urgent and "bladder or bowels" in warn.items[0].text
    assert any("fracture of the spine" in i.text for i in warn.items)
    assert any("Signs of high calcium" in i.text for i in warn.items)


def test_example_case_chinese():
    cp = plan(parse_case(example_json()), lang="zh")
    assert cp.title == "我的骨健康管理计划"
    stop = texts(cp.section("denosumab_stop"))
    assert "2026年7月20日" in stop and "绝不能自行停药" in stop
    assert "2027年1月16日" in stop
    assert "腰椎（L3）" in texts(cp.section("diagnosis"))
    assert "大小便失控" in cp.section("warning_signs").items[0].text
    # Chinese text uses full-width punctuation
    assert "，" in texts(cp.section("warning_signs")) and "," not in cp.section(
        "warning_signs").items[0].text


def test_zoledronic_acid_plan_has_drug_dose_interval_next_date_and_kidney_test():
    cp = plan(za_case())
    drug = dict(cp.section("bone_drug").table)
    assert drug == {"Medicine": "zoledronic acid", "Dose": "3.5 mg",
                    "How it is given": "drip into a vein (infusion)",
                    "How often": "every 4 weeks", "Next dose": "24 Nov 2026"}
    assert "creatinine" in texts(cp.section("bone_drug"))
    supp = texts(cp.section("supplements"))
    assert "at least 500 mg" in supp and "ask us" not in supp  # already taking them
    tests = dict(cp.section("tests").table)
    assert tests["Kidney function blood test (creatinine)"] == "before the next dose (24 Nov 2026)"
    assert tests["Dental check-up"] == "28 Jan 2027"
    assert "denosumab_stop" not in [s.key for s in cp.sections]
    zh = plan(za_case(), lang="zh")
    assert dict(zh.section("bone_drug").table)["药物"] == "唑来膦酸"
    assert dict(zh.section("bone_drug").table)["用药间隔"] == "每4周一次"


def test_active_denosumab_warns_against_stopping_and_shows_overdue_dose():
    case = case_of(patient=PATIENT, imaging=CONFIRMED, bma={"administrations": [
        {"date": "2026-10-10", "drug": "denosumab", "dose_mg": 120}]})
    cp = plan(case)
    drug = dict(cp.section("bone_drug").table)
    assert drug["Next dose"].startswith("was due on 7 Nov 2026")
    assert drug["How it is given"] == "injection under the skin"
    assert any(i.urgent and "Do not stop" in i.text for i in cp.section("bone_drug").items)
    assert "ask us which product" in texts(cp.section("supplements"))  # not recorded
    assert any("No dental check-up" in i.text for i in cp.section("dental").items)
    assert any("low calcium" in i.text for i in cp.section("warning_signs").items)


def test_high_calcium_replaces_supplement_advice():
    case = za_case(labs=[
        {"date": "2026-11-15", "analyte": "CREA", "value": 68, "unit": "umol/L"},
        {"date": "2026-11-15", "analyte": "CA", "value": 3.0, "unit": "mmol/L"}])
    sup = plan(case).section("supplements")
    assert len(sup.items) == 1 and sup.items[0].urgent
    assert "do NOT take calcium" in sup.items[0].text


def test_without_bone_medicine_the_drug_supplement_dental_sections_are_omitted():
    case = case_of(patient={"mrn": "T-2"}, cancer={"histology": "sclc"})
    cp = plan(case)
    assert [s.key for s in cp.sections] == ["diagnosis", "warning_signs", "tests"]
    # WU-HIGH-RISK (small cell histology): bone screening is the only upcoming test
    assert cp.section("tests").table == (
        ("Bone scan or MRI/CT to check the bones", "as arranged by your doctor"),)
    warn = texts(cp.section("warning_signs"))
    assert "jaw" not in warn and "low calcium" not in warn
    assert texts(cp.section("diagnosis")) == "You have small cell lung cancer."


def test_nothing_known_leaves_only_the_warning_signs():
    cp = plan(case_of())
    assert [s.key for s in cp.sections] == ["warning_signs"]


def test_contacts_only_with_content():
    assert plan(case_of(), clinic=Clinic()).section("contacts") is None
    assert plan(case_of(), clinic=Clinic(name="  ")).section("contacts") is None
    cp = plan(case_of(), lang="zh", clinic=Clinic(phone="010-1", after_hours_phone="120"))
    assert cp.section("contacts").table == (("电话", "010-1"), ("夜间/紧急", "120"))


def test_planned_radiotherapy_is_an_upcoming_appointment():
    case = case_of(imaging=CONFIRMED, events=[
        {"date": "2026-12-01", "kind": "radiotherapy", "region": "L3", "planned": True}])
    assert ("Radiotherapy", "1 Dec 2026") in plan(case).section("tests").table


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang"):
        build_careplan(case_of(), {}, AS_OF, "fr")


def test_accepts_the_assessment_json_document():
    case = parse_case(example_json())
    doc = assess(case, AS_OF).to_json()
    assert build_careplan(case, doc, AS_OF, "en") == plan(case)


@pytest.mark.parametrize("args, en, zh", [
    (("L3", "vertebra", "L3", None), "lower back spine (L3)", "腰椎（L3）"),
    (("T7", "vertebra", "T7", None), "upper/mid back spine (T7)", "胸椎（T7）"),
    (("left femur", "femur", None, "left"), "left thigh bone", "左股骨"),
    (("pelvis", "pelvis", None, None), "pelvis", "骨盆"),
    (("odd", "other", None, None), "odd", "odd"),
])
def test_lay_site(args, en, zh):
    assert lay_site(*args, "en") == en
    assert lay_site(*args, "zh") == zh


def test_lay_sites_group_vertebrae_by_spine_part():
    case = case_of(lesions=[
        {"region": "T4", "bone": "vertebra", "level": "T4"},
        {"region": "L3", "bone": "vertebra", "level": "L3"},
        {"region": "T9", "bone": "vertebra", "level": "T9"},
        {"region": "pelvis", "bone": "pelvis"},
        {"region": "T9 again", "bone": "vertebra", "level": "T9"}])
    assert lay_sites(case.lesions, "en") == [
        "upper/mid back spine (T4, T9)", "lower back spine (L3)", "pelvis"]
    assert lay_sites(case.lesions, "zh") == ["胸椎（T4、T9）", "腰椎（L3）", "骨盆"]
