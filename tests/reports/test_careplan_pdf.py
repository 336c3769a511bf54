"""The care-plan PDF, checked the §11 way from its extracted text: the §10 worked example (en,
zh) as the rule book describes it, page furniture on every page, embedded fonts, rendering,
large print (body ≥ 14 pt), long names and MRNs that never overprint the running header, and
paragraphs that never break across a page."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from careplan_check import PlanText, body_font_size, pdf_text
from domain.helpers import case_of, example_json
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.domain.assess import assess
from app.domain.careplan import CarePlan, Clinic, build_careplan
from app.domain.casefile import parse_case
from app.reports.careplan_pdf import HEADER_PT, build_careplan_pdf, running_header
from app.reports.common import CONTENT_WIDTH, BuildCancelled
from app.reports.fonts import ensure_fonts

from .pdfcheck import font_problems, ink_fraction, page_texts, render_pages, squash

AS_OF = date(2026, 11, 21)
PRINTED = date(2026, 11, 22)
CLINIC = Clinic("胸部肿瘤科 Thoracic Oncology", "010-12345678", "120")


def example_plan(lang: str, **kw) -> CarePlan:
    case = parse_case(example_json())
    case.patient.name = "张小燕"
    return build_careplan(case, assess(case, AS_OF), AS_OF, lang, **kw)


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    return {lang: build_careplan_pdf(example_plan(lang, clinic=CLINIC), printed_on=PRINTED)
            for lang in ("en", "zh")}


def checked(pdf: bytes, lang: str, *, confirmed: bool = True) -> PlanText:
    t = PlanText(pdf_text(pdf), lang)
    assert t.problems(confirmed=confirmed) == []
    return t


WORKED_EXAMPLE = {
    "en": {
        "medicine": ("The cancer has spread to your bones.",
                     "No further doses are planned at present."),
        "denosumab_stop": (
            "Stopping denosumab can make bone loss come back quickly",
            "This risk lasts until about 19 Aug 2027.",
            "18 Oct 2026: blood test (CTX and calcium) - overdue, please call us to book it",
            "16 Jan 2027: blood test (CTX and calcium)",
            "16 Apr 2027: blood test (CTX and calcium)",
            "20 Jul 2027: blood test (CTX and calcium)",
            "Your latest results show signs of this rebound; your doctor will discuss "
            "treatment with you soon.",
            "Do not start or stop a bone medicine without talking to your cancer doctor."),
        "dental_procedure": (
            "planned on 25 Sep 2026",
            "This date has passed: please check the new date with us.",
            "Your last bone-medicine dose before it: 20 Jul 2026",
            "The earliest date that keeps the recommended gap is 21 Nov 2026",
            "A pause in denosumab must be planned by your doctor",
            "Your cancer doctor and your dentist will agree this plan together"),
        "blood_tests": ("how fast your bones are being broken down", "before breakfast"),
    },
    "zh": {
        "medicine": ("肿瘤已转移到骨骼。", "目前暂无用药安排。"),
        "denosumab_stop": (
            "停用地舒单抗后，骨量可能快速流失（停药反跳）",
            "这一风险大约持续到2027年8月19日。",
            "2026年10月18日：血液检查（CTX和血钙）——已逾期，请联系我们预约",
            "2027年1月16日：血液检查（CTX和血钙）",
            "2027年4月16日：血液检查（CTX和血钙）",
            "2027年7月20日：血液检查（CTX和血钙）",
            "您最近的检查结果提示出现反弹，医生会尽快与您讨论治疗。",
            "未经肿瘤科医生同意，不要自行开始或停用骨保护药物。"),
        "dental_procedure": (
            "计划于2026年9月25日进行拔牙",
            "该日期已过，请与我们确认新的日期。",
            "手术前最近一次用药：2026年7月20日",
            "拔牙最早可安排在2026年11月21日",
            "暂停地舒单抗必须由医生安排",
            "肿瘤科医生和牙医会共同商定这一安排"),
        "blood_tests": ("反映骨吸收（骨头被分解）的快慢", "早餐前"),
    },
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_worked_example_care_plan(pdfs, lang):
    t = checked(pdfs[lang], lang)
    assert t.sections() == ["header", "medicine", "denosumab_stop", "dental_procedure",
                            "teeth", "contact", "blood_tests"]
    for key, phrases in WORKED_EXAMPLE[lang].items():
        for phrase in phrases:
            assert t.in_section(key, phrase), (key, phrase)
    next_dose = "Next dose:" if lang == "en" else "下次用药："
    assert not t.has(next_dose)
    # no bisphosphonate, no drug active: no flu-like, kidney, Prolia or missed-appointment rows
    for phrase in (("flu-like", "much less urine", "Prolia", "miss an injection")
                   if lang == "en" else ("流感样", "尿量明显减少", "普罗力", "错过注射")):
        assert not t.has(phrase), phrase
    never = ("Do not stop denosumab without", "Take calcium (at least") if lang == "en" else (
        "不要自行停用地舒单抗", "每天补充钙剂")
    assert not any(t.has(p) for p in never)
    assert t.in_section("contact", "010-12345678")


@pytest.mark.parametrize("lang, name, mrn, page, printed", [
    ("en", "Patient: 张小燕", "MRN: BM-0001", "Page {n} of {total}", "Printed 22 Nov 2026"),
    ("zh", "患者：张小燕", "病历号：BM-0001", "第{n}页，共{total}页", "打印日期：2026年11月22日"),
])
def test_every_page_has_name_mrn_page_number_and_print_date(pdfs, lang, name, mrn, page,
                                                            printed):
    pages = [squash(t) for t in page_texts(pdfs[lang])]
    assert len(pages) >= 2
    for n, text in enumerate(pages, start=1):
        for expected in (name, mrn, page.format(n=n, total=len(pages)), printed):
            assert squash(expected) in text, (n, expected)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_all_fonts_are_embedded_and_pages_render(pdfs, lang, tmp_path):
    assert font_problems(pdfs[lang]) == []
    pngs = render_pages(pdfs[lang], tmp_path, stem=lang)
    assert len(pngs) == len(page_texts(pdfs[lang]))
    for png in pngs:
        assert ink_fraction(png) > 0.005, png.name


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_large_print_body_is_at_least_14_pt(lang):
    normal = build_careplan_pdf(example_plan(lang), printed_on=PRINTED)
    large = build_careplan_pdf(example_plan(lang, large_print=True), printed_on=PRINTED)
    assert body_font_size(normal) < 14 <= body_font_size(large)
    assert len(page_texts(large)) > len(page_texts(normal))
    checked(large, lang)  # every phrase whole: no paragraph broken by a page break


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_long_name_and_mrn_never_overprint_the_running_header(lang):
    case = case_of(patient={"mrn": "MRN-" + "9" * 36, "name": "Wolfeschlegelsteinhausen " * 8})
    plan = build_careplan(case, assess(case, AS_OF), AS_OF, lang)
    font = ensure_fonts()
    left, right = running_header(plan, font)
    assert stringWidth(left, font, HEADER_PT) + stringWidth(right, font, HEADER_PT) < (
        CONTENT_WIDTH - 10)
    assert left.endswith("…")
    pdf = build_careplan_pdf(plan, printed_on=PRINTED)
    t = checked(pdf, lang, confirmed=False)
    assert t.in_section("header", case.patient.name)  # in full, wrapped, in the header section
    assert t.in_section("header", case.patient.mrn)


def test_a_short_name_is_not_elided():
    left, right = running_header(example_plan("en"), ensure_fonts())
    assert (left, right) == ("Patient: 张小燕", "MRN: BM-0001")


def test_progress_cancel_and_worker_thread():
    plan = example_plan("en")
    seen: list[tuple[int, int]] = []
    with pytest.raises(BuildCancelled):
        build_careplan_pdf(plan, cancel=lambda: True)
    out: list[bytes] = []
    worker = threading.Thread(target=lambda: out.append(
        build_careplan_pdf(plan, progress=lambda d, n: seen.append((d, n)))))
    worker.start()
    worker.join(30)
    assert out and out[0].startswith(b"%PDF")
    assert seen[0] == (0, 2) and seen[-1] == (2, 2)
