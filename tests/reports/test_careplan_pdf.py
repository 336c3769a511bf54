"""The care-plan PDF: content in both languages, chrome on every page, embedded fonts, rendering."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from domain.helpers import case_of, example_json

from app.domain.assess import assess
from app.domain.careplan import CarePlan, Clinic, Item, Section, build_careplan
from app.domain.casefile import parse_case
from app.reports.careplan_pdf import build_careplan_pdf
from app.reports.common import BuildCancelled

from .pdfcheck import all_text, font_problems, ink_fraction, page_texts, render_pages, squash

AS_OF = date(2026, 11, 21)
PRINTED = date(2026, 11, 22)
CLINIC = Clinic("胸部肿瘤科 Thoracic Oncology", "010-12345678", "120")


def example_plan(lang: str) -> CarePlan:
    case = parse_case(example_json())
    case.patient.name = "张小燕"
    return build_careplan(case, assess(case, AS_OF), AS_OF, lang, clinic=CLINIC)


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    return {lang: build_careplan_pdf(example_plan(lang), printed_on=PRINTED)
            for lang in ("en", "zh")}


def test_english_content(pdfs):
    text = all_text(pdfs["en"])
    for phrase in ("My bone care plan", "Your diagnosis", "lung adenocarcinoma (stage IVB)",
                   "After stopping denosumab", "16 Jan 2027", "Warning signs",
                   "loss of control of the bladder or bowels", "Teeth and mouth",
                   "Root canal treatment", "Upcoming tests", "Clinic contacts", "010-12345678",
                   "胸部肿瘤科", "Clinician signature"):
        assert squash(phrase) in text, phrase
    # no active drug → these sections are omitted
    assert squash("Your bone medicine") not in text
    assert squash("Calcium and vitamin D") not in text


def test_chinese_content(pdfs):
    text = all_text(pdfs["zh"])
    for phrase in ("我的骨健康管理计划", "您的诊断", "肺腺癌（IVB期）", "地舒单抗停药以后",
                   "2027年1月16日", "危险信号及应对方法", "大小便失控", "口腔与牙齿",
                   "根管治疗", "近期检查与预约", "联系方式", "医生签名", "胸部肿瘤科"):
        assert squash(phrase) in text, phrase
    assert squash("您的护骨药物") not in text and squash("补充钙和维生素D") not in text


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
def test_all_fonts_are_embedded(pdfs, lang):
    assert font_problems(pdfs[lang]) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pages_render(pdfs, lang, tmp_path):
    pngs = render_pages(pdfs[lang], tmp_path, stem=lang)
    assert len(pngs) == len(page_texts(pdfs[lang]))
    for png in pngs:
        assert ink_fraction(png) > 0.005, png.name


def test_empty_sections_are_left_out_of_the_pdf():
    case = case_of(patient={"mrn": "E-1"})
    pdf = build_careplan_pdf(build_careplan(case, assess(case, AS_OF), AS_OF, "en"),
                             printed_on=PRINTED)
    text = all_text(pdf)
    assert squash("Warning signs and what to do") in text
    for absent in ("Your diagnosis", "Your bone medicine", "Teeth and mouth", "Upcoming tests",
                   "Clinic contacts", "After stopping denosumab"):
        assert squash(absent) not in text, absent
    assert font_problems(pdf) == []


def test_long_chinese_text_wraps_without_being_cut(tmp_path):
    long = "请每天刷牙两次并保持口腔清洁" * 30
    plan = example_plan("zh")
    plan = CarePlan(plan.lang, plan.title, plan.subtitle, plan.patient_name, plan.mrn,
                    plan.as_of, (Section("x", "测试", paragraphs=(long,),
                                         table=(("项目", long),), items=(Item(long),)),),
                    plan.labels)
    pdf = build_careplan_pdf(plan, printed_on=PRINTED)
    assert all_text(pdf).count(squash(long)) == 3  # all text present (wrapped, not clipped)


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
