"""Care-plan content, row by row of rule book §11: each state fires its wording and stays silent
where it must; the next-dose table (rows 1–6) and the lay reasons of a hold; never-printed
phrases; both languages. Checked the §11 way (white space removed, case folded, sections by
their markers) on the built plan; tests/reports checks the same on the PDFs' text."""

from __future__ import annotations

from datetime import date

import pytest
from careplan_check import PlanText, plan_text

from app.domain.assess import assess
from app.domain.careplan import Clinic, build_careplan
from app.domain.careplan_sites import lay_sites, level_key

from .helpers import case_of

AS_OF = date(2026, 11, 21)
PATIENT = {"mrn": "T-1", "name": "张小燕", "sex": "female", "birth_date": "1953-04-02",
           "weight_kg": 58}
CONFIRMED = [{"date": "2026-05-08", "modality": "mri", "region": "L3", "result": "positive",
              "bone_destruction": True}]
GOOD_CREA = {"date": "2026-11-15", "analyte": "CREA", "value": 68, "unit": "umol/L"}
BAD_CREA = {"date": "2026-11-15", "analyte": "CREA", "value": 300, "unit": "umol/L"}
CALCIUM_OK = {"date": "2026-11-15", "analyte": "CA", "value": 2.3, "unit": "mmol/L"}


def dose(d: str, drug: str = "zoledronic_acid", mg: float = 3.5, planned: bool = False):
    out = {"date": d, "drug": drug, "dose_mg": mg}
    if planned:
        out["planned"] = True
    return out


def case(**extra):
    sections = dict(patient=PATIENT, imaging=CONFIRMED, labs=[GOOD_CREA, CALCIUM_OK],
                    supplements={"calcium": True, "vitamin_d": True},
                    dental={"exams": ["2026-08-01"]})
    sections.update(extra)
    return case_of(**sections)


def za(*doses, **extra):
    return case(bma={"administrations": list(doses)}, **extra)


def text(c, lang="en", as_of=AS_OF, **kw) -> PlanText:
    plan = build_careplan(c, assess(c, as_of), as_of, lang, **kw)
    t = PlanText(plan_text(plan), lang)
    status = assess(c, as_of).to_json()["status"]["bone_metastasis"]
    assert t.problems(confirmed=status == "confirmed") == []
    return t


def fired(c, as_of=AS_OF) -> set[str]:
    return {f.rule for f in assess(c, as_of).findings}


# --- the next-dose table ------------------------------------------------------------------
HOLD_EN = "Next dose: on hold until your doctor reviews it"
HOLD_ZH = "下次用药：暂停，待医生评估后再安排"


def test_row1_hold_kidney_contraindicated_no_planned_date_anywhere():
    c = za(dose("2026-10-24"), dose("2026-11-28", planned=True), labs=[BAD_CREA, CALCIUM_OK])
    assert "BMA-ZA-CONTRAINDICATED" in fired(c)
    en, zh = text(c), text(c, "zh")
    assert en.in_section("medicine", HOLD_EN)
    assert en.in_section("medicine", "Reason: your kidney function needs to be checked first")
    assert zh.in_section("medicine", HOLD_ZH) and zh.has("原因：需要先评估肾功能")
    assert en.count("Next dose:") == 1 and en.count("Reason:") == 1
    assert not en.has("28 Nov 2026") and not zh.has("2026年11月28日")


def test_row1_distinct_reasons_once_each():
    # creatinine rise over baseline and CrCl < 30: two findings, two different reasons
    base = {"date": "2026-09-01", "analyte": "CREA", "value": 68, "unit": "umol/L"}
    c = za(dose("2026-09-20"), dose("2026-10-20"), dose("2026-11-25", planned=True),
           labs=[base, BAD_CREA, CALCIUM_OK])
    assert {"BMA-ZA-CONTRAINDICATED", "BMA-ZA-CREAT-RISE"} <= fired(c)
    en = text(c)
    assert en.has("Reason: your kidney function needs to be checked first")
    assert en.has("Reason: your kidney blood test has changed")
    assert en.count("Reason:") == 2
    assert text(c, "zh").has("原因：您的肾功能检查结果有变化")


def test_row1_overdose_reason():
    c = za(dose("2026-10-24"), dose("2026-11-28", mg=4.0, planned=True))
    assert "BMA-ZA-OVERDOSE" in fired(c)
    en = text(c)
    assert en.has(HOLD_EN) and en.has("Reason: the dose must be adjusted to your kidney function")
    assert text(c, "zh").has("原因：剂量需要根据肾功能调整")


@pytest.mark.parametrize("value, hold", [(1.95, True), (2.05, False)])
def test_row1_hypocalcaemia_only_when_critical(value, hold):
    low = {"date": "2026-11-15", "analyte": "CA", "value": value, "unit": "mmol/L"}
    c = za(dose("2026-10-24"), dose("2026-11-28", planned=True), labs=[GOOD_CREA, low])
    assert "BMA-HYPOCALCAEMIA" in fired(c)
    en = text(c)
    assert en.has(HOLD_EN) is hold
    assert en.has("Reason: your blood calcium is too low and must be corrected first") is hold
    assert en.has("Next dose: zoledronic acid (Zometa) on 28 Nov 2026") is not hold
    if hold:
        assert text(c, "zh").has("原因：血钙过低，需要先纠正")


def test_row1_two_bone_medicines_and_aclasta_prolia_lines():
    c = case(bma={"administrations": [dose("2026-11-10", "denosumab", 120),
                                      dose("2026-11-28", planned=True)]})
    assert "BMA-CONCURRENT" in fired(c)
    en = text(c)
    assert en.has(HOLD_EN)
    assert en.has("Reason: two bone medicines were given or planned too close together; your "
                  "doctor will choose one")
    assert text(c, "zh").has("原因：两种骨保护药物用药间隔太近，医生会选择其中一种")
    assert en.in_section("contact", "Prolia") and en.in_section("contact", "Aclasta")


def test_row1_jaw_and_no_routine_dental_sentence():
    c = case(bma={"administrations": [dose("2026-11-01", "denosumab", 120),
                                      dose("2026-11-29", "denosumab", 120, planned=True)]},
             events=[{"date": "2026-10-27", "kind": "onj"}],
             dental={"exams": ["2026-08-01"],
                     "procedures": [{"date": "2026-12-01", "kind": "filling", "planned": True}]})
    assert {"DENT-ONJ", "DENT-MINOR"} <= fired(c)
    for lang, phrases in (("en", (HOLD_EN, "Reason: your jaw needs to be checked first",
                                   "osteonecrosis of the jaw", "Keep your mouth very clean",
                                   "exposed bone")),
                          ("zh", (HOLD_ZH, "原因：需要先检查颌骨情况", "颌骨坏死", "保持口腔清洁",
                                  "露出的骨头"))):
        t = text(c, lang)
        assert t.section("jaw") is not None
        assert all(t.has(p) for p in phrases), lang
        assert not t.has("can go ahead") and not t.has("可以照常进行")
        assert not t.has("29 Nov 2026") and not t.has("2026年11月29日")


def test_jaw_without_any_bone_medicine_is_no_hold():
    c = case(events=[{"date": "2026-10-27", "kind": "onj"}])
    en = text(c)
    assert en.section("jaw") is not None and not en.has("Next dose:")
    assert en.has("No further doses are planned at present.")


def test_row2_non_oncology_dose_to_be_confirmed():
    c = case(bma={"administrations": [dose("2026-10-24", "denosumab", 120),
                                      dose("2026-11-28", "denosumab", 60, planned=True)]})
    assert "BMA-NON-ONCOLOGY-DOSE" in fired(c)
    en, zh = text(c), text(c, "zh")
    assert en.has("Next dose: to be confirmed by your doctor") and zh.has("下次用药：需医生确认")
    assert not en.has("28 Nov 2026") and not zh.has("2026年11月28日")


def test_row2_planned_dose_inside_a_dental_hold():
    """DENT-INVASIVE ``planned_doses_in_hold`` and ``earliest_date_meeting_hold`` (rules/2)."""
    c = za(dose("2026-10-24"), dose("2026-11-28", planned=True),
           dental={"exams": ["2026-08-01"],
                   "procedures": [{"date": "2026-12-20", "kind": "extraction",
                                   "planned": True}]})
    data = next(f for f in assess(c, AS_OF).findings if f.rule == "DENT-INVASIVE").data
    assert data["planned_doses_in_hold"] == [{"drug": "zoledronic_acid", "date": "2026-11-28"}]
    assert data["earliest_date_meeting_hold"] == "2026-12-23"
    for lang, confirm, hold, earliest in (
            ("en", "Next dose: to be confirmed by your doctor",
             "Your doctors will decide whether to skip or move your dose(s) on 28 Nov 2026",
             "The earliest date that keeps the recommended gap is 23 Dec 2026"),
            ("zh", "下次用药：需医生确认", "医生会决定是否暂停或推迟2026年11月28日的用药",
             "拔牙最早可安排在2026年12月23日")):
        t = text(c, lang)
        assert t.in_section("medicine", confirm)
        assert t.in_section("dental_procedure", hold)
        assert t.in_section("dental_procedure", earliest)
        outside = t.flat.replace(t.section("dental_procedure"), "")
        assert "28nov2026" not in outside and "2026年11月28日" not in outside


def test_row2_other_procedure_earliest_date_wording():
    c = za(dose("2026-10-24"), dental={
        "exams": ["2026-08-01"],
        "procedures": [{"date": "2026-12-20", "kind": "implant", "planned": True}]})
    assert text(c, "zh").has("手术最早可安排在2026年12月23日")
    assert text(c).has("The earliest date that keeps the recommended gap is 23 Dec 2026")
    assert not text(c).has("to be confirmed")  # no planned dose in the hold


def test_row3_earliest_plan_on_or_after_as_of():
    c = za(dose("2026-10-24"), dose("2026-12-26", planned=True), dose("2026-11-21", planned=True))
    assert text(c).has("Next dose: zoledronic acid (Zometa) on 21 Nov 2026")
    assert text(c, "zh").has("下次用药：唑来膦酸（择泰），2026年11月21日")


def test_row4_only_overdue_plans_names_the_latest():
    c = za(dose("2026-09-24"), dose("2026-10-20", planned=True), dose("2026-11-10", planned=True))
    assert text(c).has("Next dose: overdue since 10 Nov 2026 - please call us to rebook")
    assert text(c, "zh").has("下次用药：已逾期（2026年11月10日），请联系我们重新预约")


def test_row5_active_nothing_planned():
    c = za(dose("2026-10-24"))
    assert text(c).has("Next dose: not booked yet - please call us to book it")
    assert text(c, "zh").has("下次用药：尚未预约，请联系我们预约")


def test_row6_nothing_active_nothing_planned():
    c = za(dose("2026-05-01"))  # 204 days ago: not active
    en, zh = text(c), text(c, "zh")
    assert en.has("No further doses are planned at present.") and not en.has("Next dose:")
    assert zh.has("目前暂无用药安排。") and not zh.has("下次用药：")
    assert en.section("calcium") is None  # no BMA active, no calcium hold


# --- status ---------------------------------------------------------------------------------
def test_status_wording():
    suspected = case(imaging=[{"date": "2026-11-01", "modality": "bone_scan", "region": "L3",
                               "result": "positive"}])
    t = text(suspected)  # problems() checks the never-printed phrases
    assert t.has("Tests are under way to check your bones.")
    assert text(suspected, "zh").has("正在检查您的骨骼情况。")
    assert text(case()).has("The cancer has spread to your bones.")
    assert text(case(), "zh").has("肿瘤已转移到骨骼。")
    nothing = case(imaging=[])
    for lang in ("en", "zh"):
        t = text(nothing, lang)
        assert not t.has("Tests are under way") and not t.has("正在检查您的骨骼情况")
        assert not t.has("cancer has spread") and not t.has("肿瘤已转移")


# --- denosumab -------------------------------------------------------------------------------
def test_denosumab_running_do_not_stop():
    c = case(bma={"administrations": [dose("2026-11-01", "denosumab", 120)]})
    assert text(c).has("Do not stop denosumab without talking to your cancer doctor.")
    assert text(c, "zh").has("未经肿瘤科医生同意，不要自行停用地舒单抗。")
    assert text(c).in_section("contact", "Prolia") and text(c, "zh").has("普罗力")
    assert not text(c).has("Aclasta")


def den_stopped(*planned, **extra):
    return case(bma={"administrations": [dose("2026-06-01", "denosumab", 120),
                                         dose("2026-06-29", "denosumab", 120), *planned],
                     "stops": [{"drug": "denosumab", "date": "2026-07-20"}]}, **extra)


def test_denosumab_stopped_section_and_no_next_dose():
    c = den_stopped()
    assert "DEN-STOP-WINDOW" in fired(c)
    en, zh = text(c), text(c, "zh")
    assert en.in_section("denosumab_stop", "Stopping denosumab can make bone loss come back "
                                           "quickly")
    assert en.has("This risk lasts until about 29 Jul 2027.")
    assert en.has("27 Sep 2026: blood test (CTX and calcium) - overdue, please call us to book "
                  "it")
    assert en.has("26 Mar 2027: blood test (CTX and calcium)")
    assert en.has("Do not start or stop a bone medicine without talking to your cancer doctor.")
    assert not en.has("Do not stop denosumab without") and not zh.has("不要自行停用地舒单抗")
    assert not en.has("Next dose:") and en.has("No further doses are planned at present.")
    assert zh.has("停用地舒单抗后，骨量可能快速流失（停药反跳）")
    assert zh.has("这一风险大约持续到2027年7月29日。")
    assert zh.has("2026年9月27日：血液检查（CTX和血钙）——已逾期，请联系我们预约")
    assert zh.has("未经肿瘤科医生同意，不要自行开始或停用骨保护药物。")
    assert not en.has("signs of this rebound")  # no DEN-REBOUND-* fires
    assert en.section("blood_tests") is not None  # checks_due is not null


def test_denosumab_planned_restart_names_denosumab():
    c = den_stopped(dose("2026-11-30", "denosumab", 120, planned=True))
    en = text(c)
    assert en.section("denosumab_stop") is not None
    assert en.has("Next dose: denosumab (Xgeva) on 30 Nov 2026")


def test_rebound_line_when_a_rebound_rule_fires():
    hi = {"date": "2026-11-10", "analyte": "CA", "value": 2.8, "unit": "mmol/L"}
    c = den_stopped(labs=[GOOD_CREA, hi])
    assert {"DEN-REBOUND-CALCIUM", "BMA-HYPERCALCAEMIA"} <= fired(c)
    en, zh = text(c), text(c, "zh")
    assert en.in_section("denosumab_stop", "Your latest results show signs of this rebound; "
                                           "your doctor will discuss treatment with you soon.")
    assert zh.has("您最近的检查结果提示出现反弹，医生会尽快与您讨论治疗。")
    assert en.in_section("calcium", "Do not take calcium tablets until your doctor tells you to")
    assert zh.has("在医生允许之前请不要服用钙片")
    assert not en.has("Take calcium (at least") and not zh.has("每天补充钙剂")


# --- calcium ---------------------------------------------------------------------------------
@pytest.mark.parametrize("days_ago, section", [(30, True), (31, False)])
def test_hypercalcaemia_event_window(days_ago, section):
    d = date.fromordinal(AS_OF.toordinal() - days_ago).isoformat()
    c = case(events=[{"date": d, "kind": "hypercalcaemia"}])
    en = text(c)
    assert (en.section("calcium") is not None) is section
    assert en.has("Do not take calcium tablets until your doctor tells you to") is section


def test_take_calcium_and_the_site_target():
    c = za(dose("2026-10-24"))
    en, zh = text(c), text(c, "zh")
    assert en.in_section("calcium", "Take calcium (at least 500 mg) and vitamin D (at least "
                                    "400 IU) every day")
    assert zh.has("每天补充钙剂（至少500毫克）和维生素D（至少400国际单位）")
    assert not en.has("1000–1200")
    target = text(c, calcium_target=True)
    assert target.has("1000–1200 mg") and target.has("Take calcium (at least 500 mg)")
    assert text(c, "zh", calcium_target=True).has("1000–1200毫克")


# --- spine -----------------------------------------------------------------------------------
@pytest.mark.parametrize("days_ago, urgent", [(30, True), (31, False)])
def test_spine_urgent_within_30_days_else_past_paragraph(days_ago, urgent):
    d = date.fromordinal(AS_OF.toordinal() - days_ago).isoformat()
    c = case(events=[{"date": d, "kind": "spinal_cord_compression"}])
    assert ("WU-MSCC" in fired(c)) is urgent
    en, zh = text(c), text(c, "zh")
    assert (en.section("spine") is not None) is urgent
    if urgent:
        assert en.in_section("spine", "already knows") and en.in_section("spine",
                                                                         "call an ambulance")
        assert zh.in_section("spine", "医护团队已经了解您的情况") and zh.has("拨打120")
        assert not en.has("in the past")
    else:
        assert en.in_section("contact", "pressure on your spinal cord in the past")
        assert en.in_section("contact", "call an ambulance")
        assert zh.in_section("contact", "既往曾有脊髓受压")
        assert not zh.has("紧急：关于您的脊柱")


def test_neuro_deficit_symptom_opens_the_spine_section():
    c = case(symptoms=[{"date": "2026-11-20", "kind": "neuro_deficit"}])
    assert text(c).section("spine") is not None


# --- dental ----------------------------------------------------------------------------------
def test_routine_dental_work_only_when_dent_minor_fires():
    minor = {"exams": ["2026-08-01"],
             "procedures": [{"date": "2026-12-01", "kind": "scaling", "planned": True}]}
    c = za(dose("2026-10-24"), dental=minor)
    assert "DENT-MINOR" in fired(c)
    assert text(c).in_section("teeth", "Routine dental work such as cleaning, fillings, crowns "
                                       "or root canal treatment can go ahead.")
    assert text(c, "zh").has("洗牙、补牙、牙冠或根管治疗等常规牙科治疗可以照常进行。")
    assert not text(za(dose("2026-10-24"))).has("can go ahead")


def test_dental_procedure_section():
    c = case(bma={"administrations": [dose("2026-11-01", "denosumab", 120)]},
             dental={"exams": ["2026-08-01"],
                     "procedures": [{"date": "2026-12-10", "kind": "implant",
                                     "planned": True}]})
    assert "DENT-INVASIVE" in fired(c)
    en, zh = text(c), text(c, "zh")
    assert en.in_section("dental_procedure", "planned on 10 Dec 2026")
    assert zh.in_section("dental_procedure", "计划于2026年12月10日进行种植牙")
    assert en.has("Your last bone-medicine dose before it: 1 Nov 2026")
    assert zh.has("手术前最近一次用药：2026年11月1日")
    assert en.has("A pause in denosumab must be planned by your doctor")
    assert zh.has("暂停地舒单抗必须由医生安排")
    assert en.has("Your cancer doctor and your dentist will agree this plan together")
    assert zh.has("肿瘤科医生和牙医会共同商定这一安排")
    assert not en.has("This date has passed")


# --- leaflet -----------------------------------------------------------------------------------
LEAFLET_ANY_BMA = (("thigh, hip or groin", "大腿、髋部或腹股沟"), ("does not heal", "不愈合"),
                   ("ear pain", "耳痛"), ("numbness or tingling", "麻木或刺痛"),
                   ("trouble breathing", "呼吸困难"), ("tell every dentist", "告诉每一位牙医"))


def test_leaflet_rows_with_a_bone_medicine():
    c = za(dose("2026-10-24"))
    en, zh = text(c), text(c, "zh")
    for e, z in LEAFLET_ANY_BMA + (("flu-like", "流感样"), ("drink plenty of fluids", "多喝水"),
                                   ("much less urine", "尿量明显减少"), ("Aclasta", "密固达"),
                                   ("miss an injection or infusion", "错过注射或输液")):
        assert en.has(e) and zh.has(z), e
    assert en.has("new bone pain that stays in one place") and zh.has("固定部位的新发骨痛")
    assert not en.has("Prolia")


def test_leaflet_rows_without_any_bone_medicine():
    en, zh = text(case()), text(case(), "zh")
    assert en.has("new bone pain that stays in one place") and zh.has("固定部位的新发骨痛")
    for e, z in LEAFLET_ANY_BMA + (("flu-like", "流感样"), ("much less urine", "尿量明显减少"),
                                   ("miss an injection", "错过注射")):
        assert not en.has(e) and not zh.has(z), e
    assert en.section("teeth") is None and en.section("calcium") is None


def test_old_bisphosphonate_past_90_days_drops_infusion_rows_but_names_every_drug():
    c = case(bma={"administrations": [dose("2025-01-10", "pamidronate", 90),
                                      dose("2026-11-01", "denosumab", 120)]})
    en = text(c)
    assert not en.has("flu-like") and not en.has("much less urine")
    assert en.has("tell every dentist that you have had denosumab (Xgeva), pamidronate")
    assert text(c, "zh").has("地舒单抗（安加维）、帕米膦酸二钠")


def test_clodronate_plan_has_kidney_row_but_no_flu_like_row():
    c = case(bma={"administrations": [dose("2026-12-01", "clodronate", 1600, planned=True)]})
    en = text(c)
    assert en.has("much less urine") and not en.has("flu-like")


def test_blood_tests_section_needs_a_ctx_or_checks():
    assert text(case()).section("blood_tests") is None
    ctx = {"date": "2026-11-02", "analyte": "CTX", "value": 0.3, "unit": "ng/mL"}
    en = text(case(labs=[GOOD_CREA, ctx]))
    assert en.in_section("blood_tests", "how fast your bones are being broken down")
    assert en.in_section("blood_tests", "before breakfast")
    zh = text(case(labs=[GOOD_CREA, ctx]), "zh")
    assert zh.has("反映骨吸收（骨头被分解）的快慢") and zh.has("早餐前")


# --- contacts, header, misc ----------------------------------------------------------------------
def test_contacts_printed_or_a_line_to_write_the_phone_on():
    c = case()
    with_phone = text(c, clinic=Clinic("Thoracic Oncology", "010-1234 5678", "120"))
    assert with_phone.in_section("contact", "Phone: 010-1234 5678")
    assert with_phone.in_section("contact", "Thoracic Oncology")
    assert not with_phone.has("____")
    blank = text(c)
    assert blank.in_section("contact", "Phone: ____")
    assert text(c, "zh").in_section("contact", "电话：____")
    assert text(c, clinic=Clinic(name="Clinic only")).has("Phone: ____")


def test_header_name_mrn_plan_date():
    en, zh = text(case()), text(case(), "zh")
    assert en.in_section("header", "Plan date: 21 Nov 2026") and en.has("T-1")
    assert zh.in_section("header", "计划日期：2026年11月21日") and zh.has("张小燕")


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang"):
        build_careplan(case(), assess(case(), AS_OF), AS_OF, "fr")


def test_large_print_is_carried_to_the_layout():
    c = case()
    assert build_careplan(c, assess(c, AS_OF), AS_OF, "en", large_print=True).large_print


def test_spine_levels_in_natural_order_and_lay_regions():
    c = case(lesions=[
        {"region": "T10", "bone": "vertebra", "level": "T10"},
        {"region": "L3", "bone": "vertebra", "level": "L3"},
        {"region": "T2", "bone": "vertebra", "level": "T2"},
        {"region": "C5", "bone": "vertebra", "level": "C5"},
        {"region": "ribs", "bone": "rib", "side": "bilateral"},
        {"region": "left femur", "bone": "femur", "side": "left"}])
    en = lay_sites(c.lesions, "en")
    assert en == ["neck (cervical spine) C5", "middle back (thoracic spine) T2, T10",
                  "lower back (lumbar spine) L3", "ribs on both sides", "left thigh bone"]
    assert lay_sites(c.lesions, "zh") == ["颈椎（C5）", "胸椎（T2、T10）", "腰椎（L3）",
                                          "双侧肋骨", "左侧股骨"]
    assert sorted(["S1", "L5", "T12", "T9", "C7"], key=level_key) == ["C7", "T9", "T12", "L5",
                                                                      "S1"]
    assert text(c).has("Where: neck (cervical spine) C5; middle back")


def test_no_rule_ids_in_a_busy_plan():
    c = za(dose("2026-10-24"), dose("2026-11-28", planned=True), labs=[BAD_CREA, CALCIUM_OK],
           events=[{"date": "2026-11-20", "kind": "spinal_cord_compression"},
                   {"date": "2026-11-01", "kind": "onj"}])
    for lang in ("en", "zh"):
        text(c, lang)  # problems() applies the rule-ID regular expression


def test_headings_and_never_printed_phrases_each_live_in_one_phrase_only():
    """A section heading is a unique marker and a never-printed phrase is reserved for its
    row: each occurs (white space removed, case folded) in exactly one phrase of the tables."""
    from careplan_check import MARKERS, norm

    from app.domain.careplan_text import LAY_DRUGS, PHRASES, ROUTES

    texts = [t for table in (PHRASES, LAY_DRUGS, ROUTES) for pair in table.values()
             for t in pair]
    reserved = [m for pair in MARKERS.values() for m in pair] + [
        "can go ahead", "可以照常进行", "Take calcium (at least", "每天补充钙剂",
        "Do not stop denosumab without", "不要自行停用地舒单抗", "spread to your bones",
        "转移到骨骼", "pressure on your spinal cord in the past", "既往曾有脊髓受压"]
    for phrase in reserved:
        holders = [t for t in texts if norm(phrase) in norm(t)]
        assert len(holders) == 1, (phrase, holders)
    for phrase in ("bone metastas", "骨转移", "spread to the bone"):
        assert not any(norm(phrase) in norm(t) for t in texts), phrase


# --- rules/2 §4: BMA-BP-RENAL, BMA-BP-CREAT-RISE, BMA-NO-INDICATION, ibandronate 150 mg ------
CREA_40 = {"date": "2026-11-15", "analyte": "CREA", "value": 101, "unit": "umol/L"}


def test_bp_renal_not_recommended_is_a_hold_with_the_kidney_reason():
    c = case(labs=[BAD_CREA, CALCIUM_OK], bma={"administrations": [
        dose("2026-11-28", "pamidronate", 90, planned=True)]})
    assert "BMA-BP-RENAL" in fired(c)
    en = text(c)
    assert en.has(HOLD_EN) and en.has("Reason: your kidney function needs to be checked first")
    assert not en.has("28 Nov 2026")


@pytest.mark.parametrize("mg, hold", [(6, True), (4, False)])
def test_bp_renal_excess_dose_holds_but_the_reduced_dose_does_not(mg, hold):
    c = case(labs=[CREA_40, CALCIUM_OK], bma={"administrations": [
        dose("2026-11-28", "ibandronate", mg, planned=True)]})
    assert "BMA-BP-RENAL" in fired(c)
    en = text(c)
    assert en.has(HOLD_EN) is hold
    assert en.has("Reason: the dose must be adjusted to your kidney function") is hold
    assert en.has("Next dose: ibandronate on 28 Nov 2026") is not hold
    if hold:
        assert text(c, "zh").has("原因：剂量需要根据肾功能调整")


def test_bp_creatinine_rise_is_a_hold():
    base = {"date": "2026-09-01", "analyte": "CREA", "value": 68, "unit": "umol/L"}
    risen = {"date": "2026-11-15", "analyte": "CREA", "value": 120, "unit": "umol/L"}
    c = case(labs=[base, risen, CALCIUM_OK], bma={"administrations": [
        dose("2026-09-20", "pamidronate", 90), dose("2026-10-20", "pamidronate", 90)]})
    assert "BMA-BP-CREAT-RISE" in fired(c)
    assert text(c).has("Reason: your kidney blood test has changed")
    assert text(c, "zh").has(HOLD_ZH)


def test_no_indication_next_dose_to_be_confirmed():
    c = za(dose("2026-11-28", planned=True),
           imaging=[{"date": "2026-11-01", "modality": "bone_scan", "region": "L3",
                     "result": "positive"}])
    assert "BMA-NO-INDICATION" in fired(c)
    en = text(c)
    assert en.has("Next dose: to be confirmed by your doctor") and not en.has("28 Nov 2026")
    assert en.has("Tests are under way to check your bones.")


def test_osteoporosis_ibandronate_dose_to_be_confirmed():
    c = case(bma={"administrations": [dose("2026-11-28", "ibandronate", 150, planned=True)]})
    assert "BMA-NON-ONCOLOGY-DOSE" in fired(c)
    assert text(c, "zh").has("下次用药：需医生确认")
