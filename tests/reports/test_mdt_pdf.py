"""MDT summary and pack PDFs: cover page, one summary per case, trend image slot, fonts."""

from __future__ import annotations

import io
from datetime import date

import pytest
from domain.helpers import case_of, example_json
from PIL import Image

from app.domain.assess import assess
from app.domain.casefile import parse_case
from app.domain.mdt_content import MdtPack, build_mdt_summary
from app.reports.common import BuildCancelled
from app.reports.mdt_pdf import build_mdt_pack_pdf, build_mdt_summary_pdf

from .pdfcheck import (
    all_text,
    font_problems,
    image_count,
    ink_fraction,
    page_texts,
    render_pages,
    squash,
)

AS_OF = date(2026, 11, 21)
MEETING = date(2026, 11, 25)


def png(width=800, height=320) -> bytes:
    img = Image.new("RGB", (width, height), "white")
    img.paste((31, 78, 121), (40, 40, width - 40, 60))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def example_summary(**kw):
    case = parse_case(example_json())
    case.patient.name = "张小燕"
    return build_mdt_summary(case, assess(case, AS_OF), AS_OF, **kw)


def other_summary():
    case = case_of(patient={"mrn": "OT-7", "name": "John Smith"}, cancer={"stage": "IVA"})
    return build_mdt_summary(case, assess(case, AS_OF), AS_OF, question="Biopsy needed?")


def test_summary_content_and_fonts():
    s = example_summary(question="恢复地舒单抗还是改用唑来膦酸？").with_trend(png())
    pdf = build_mdt_summary_pdf(s, printed_on=AS_OF)
    text = all_text(pdf)
    for phrase in ("张小燕", "MRN BM-0001", "恢复地舒单抗还是改用唑来膦酸", "adenocarcinoma",
                   "EGFR L858R", "IVB", "confirmed", "MRI L3 2026-05-08", "10 (indeterminate)",
                   "8 (borderline)", "1a", "Revised Tokuhashi", "platelets (no recent result)",
                   "denosumab: 120 mg every 28 days", "Bone-drug courses",
                   "dental extraction", "radiotherapy", "DEN-REBOUND-CTX", "SEED R50",
                   "ALP and CTX over time", "MDT decision"):
        assert squash(phrase) in text, phrase
    assert image_count(pdf) == 1
    assert font_problems(pdf) == []


def test_without_a_trend_png_the_reason_is_said_not_an_empty_slot():
    pdf = build_mdt_summary_pdf(example_summary(), printed_on=AS_OF)
    assert image_count(pdf) == 0
    text = all_text(pdf)
    assert squash("ALP and CTX over time") in text  # the heading, then why there is no plot
    assert squash("The trend plot could not be drawn") in text  # results exist: a failure
    bare = other_summary()
    text = all_text(build_mdt_summary_pdf(bare, printed_on=AS_OF))
    assert squash("No labs on record: there is no trend plot for this case.") in text


def test_recorded_decision_is_printed():
    pdf = build_mdt_summary_pdf(example_summary(decision="Resume denosumab 120 mg q4w"),
                                printed_on=AS_OF)
    assert squash("Resume denosumab 120 mg q4w") in all_text(pdf)


@pytest.fixture(scope="module")
def pack_pdf() -> bytes:
    pack = MdtPack(MEETING, "Thoracic MDT", (
        example_summary(question="Resume denosumab?").with_trend(png()), other_summary()))
    return build_mdt_pack_pdf(pack, printed_on=AS_OF)


def test_pack_cover_lists_cases_then_one_summary_per_case(pack_pdf):
    pages = [squash(t) for t in page_texts(pack_pdf)]
    cover = pages[0]
    for phrase in ("Thoracic MDT", "2026-11-25", "2 case(s)", "BM-0001", "张小燕",
                   "Resume denosumab?", "OT-7", "John Smith", "Biopsy needed?"):
        assert squash(phrase) in cover, phrase
    starts = [i for i, p in enumerate(pages) if squash("MDT case summary as of") in p]
    assert len(starts) == 2 and starts[0] == 1
    # each case's pages carry its own patient in the running header
    assert all("BM-0001" in p for p in pages[starts[0]:starts[1]])
    assert all("OT-7" in p and "BM-0001" not in p for p in pages[starts[1]:])
    total = len(pages)
    assert all(squash(f"Page {n} of {total}") in p for n, p in enumerate(pages, start=1))
    assert image_count(pack_pdf) == 1
    assert font_problems(pack_pdf) == []


def test_pack_pages_render(pack_pdf, tmp_path):
    pngs = render_pages(pack_pdf, tmp_path, stem="pack")
    assert len(pngs) == len(page_texts(pack_pdf))
    assert all(ink_fraction(p) > 0.005 for p in pngs)


def test_pack_progress_and_cancel():
    pack = MdtPack(MEETING, None, (other_summary(), other_summary(), other_summary()))
    seen: list[tuple[int, int]] = []
    build_mdt_pack_pdf(pack, progress=lambda d, n: seen.append((d, n)))
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    calls = {"n": 0}

    def cancel_later() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(BuildCancelled):
        build_mdt_pack_pdf(pack, cancel=cancel_later)


def test_empty_pack_has_a_cover_only():
    pdf = build_mdt_pack_pdf(MdtPack(MEETING, None, ()), printed_on=AS_OF)
    assert len(page_texts(pdf)) == 1
    assert squash("No cases are listed") in all_text(pdf)


def test_chinese_summary_and_pack():
    s = example_summary(question="恢复地舒单抗？", lang="zh")
    pack = MdtPack(MEETING, None, (s,), lang="zh")
    pdf = build_mdt_pack_pdf(pack, printed_on=AS_OF)
    text = all_text(pdf)
    for phrase in ("MDT会议—肺癌骨转移", "共1例", "MDT病例摘要", "患者与肿瘤", "病理类型", "肺腺癌",
                   "确诊", "病灶", "10(潜在不稳定)", "8(临界)", "预后评分", "修订Tokuhashi评分",
                   "<6个月", "无法计算", "骨改良药物疗程", "地舒单抗", "共给药3次",
                   "骨相关事件与局部治疗", "放疗", "当前提示", "危急", "CTX反跳", "MDT决定",
                   "第1页，共"):
        assert squash(phrase) in text, phrase
    assert font_problems(pdf) == []
