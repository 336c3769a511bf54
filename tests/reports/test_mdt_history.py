"""The oncology history in the MDT case summary and its PDF (issue 20 item 8): the seeds'
case 3 — gefitinib → osimertinib → furmonertinib + savolitinib — in English and Chinese."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.domain.assess import assess
from app.domain.casefile import parse_case
from app.domain.mdt_content import MdtPack, build_mdt_summary
from app.reports.mdt_pdf import build_mdt_pack_pdf, build_mdt_summary_pdf

from .pdfcheck import all_text, font_problems

AS_OF = date(2024, 12, 10)
CASE3 = Path(__file__).resolve().parents[1] / "fixtures" / "cases" / "seed_case3_history.json"


def _case():
    return parse_case(json.loads(CASE3.read_text("utf-8")))


def _summary(lang="en", as_of=AS_OF, **kw):
    case = _case()
    return build_mdt_summary(case, assess(case, as_of), as_of, lang=lang, **kw)


def test_summary_carries_the_history_and_the_lines():
    s = _summary()
    assert dict(s.cancer)["PD-L1"] == "PD-L1 TPS 5%; assay 22C3 (2020-04-25)"
    assert dict(s.cancer)["Lines of systemic therapy"] == "3"
    assert dict(s.history) == {
        "Diagnosed": "2020-04-20",
        "Recurrence / progression": "progression (2021-05-10), progression (2024-06-01)",
        "Stage history": "IVB (2020-04-20)",
        "Smoking": "never smoker (2020-04-20)",
        "Latest pain score": "pain NRS 4/10; WHO step 1 (non-opioid) (2024-11-20)",
    }
    assert s.therapy_lines[0].startswith("Line 1: gefitinib; 2020-05-01 → 2021-05-10")
    assert s.therapy_lines[2] == "Line 3: furmonertinib, savolitinib; since 2024-06-15"
    assert s.studies[0].detail == "multiple bone metastases"


def test_the_dental_exam_that_found_an_extraction_needed_is_in_the_dental_section():
    s = _summary()
    rules = [f.rule for f in s.findings]
    assert "BMA-DENTAL-CLEARANCE" in rules  # the only exam found an extraction needed
    assert s.dental is not None
    assert s.dental.last_exam == ("2024-11-15 (25 days): oral hygiene fair; no infection; "
                                  "extraction needed")


def test_only_lines_started_by_the_as_of_date():
    s = _summary(as_of=date(2022, 1, 1))
    assert len(s.therapy_lines) == 2 and dict(s.cancer)["Lines of systemic therapy"] == "2"


def test_a_case_without_history_says_not_recorded():
    case = parse_case({"schema": "bonemet-case/1", "patient": {"mrn": "N-1"}})
    s = build_mdt_summary(case, assess(case, AS_OF), AS_OF)
    assert s.history == () and s.therapy_lines == ()
    assert dict(s.cancer)["PD-L1"] == "not recorded"
    assert dict(s.cancer)["Lines of systemic therapy"] == "not recorded"


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["Oncology history and systemic therapy", "Line 2: osimertinib",
            "best response stable disease (SD)", "Line 3: furmonertinib, savolitinib",
            "Latest pain score"]),
    ("zh", ["肿瘤病史与全身治疗", "第2线：osimertinib", "最佳疗效疾病稳定（SD）", "确诊日期",
            "WHO第1阶梯（非阿片类）", "需拔牙"]),
])
def test_summary_pdf_prints_the_history(lang, expected):
    pdf = build_mdt_summary_pdf(_summary(lang), printed_on=AS_OF)
    text = all_text(pdf)
    for piece in expected:
        assert piece.replace(" ", "") in text, piece
    assert font_problems(pdf) == []


def test_pack_pdf_without_history_prints_no_lines_recorded():
    case = parse_case({"schema": "bonemet-case/1", "patient": {"mrn": "N-1"}})
    s = build_mdt_summary(case, assess(case, AS_OF), AS_OF)
    pdf = build_mdt_pack_pdf(MdtPack(AS_OF, "MDT", (s,)), printed_on=AS_OF)
    assert "Nosystemic-therapylinerecorded." in all_text(pdf)
