"""The plain-text summary: status, findings with why and basis, derived values, scores."""

from __future__ import annotations

from datetime import date

from app.domain.assess import assess
from app.domain.assess_text import format_text
from app.domain.casefile import parse_case
from app.domain.params import params_from_mapping

from .helpers import case_of, example_json


def test_example_text_lists_everything_in_order():
    case = parse_case(example_json())
    text = format_text(case, assess(case, date(2026, 11, 21)))
    assert text.startswith("BoneMet assessment — MRN BM-0001 — as of 2026-11-21 (rules/2)")
    assert "Findings (8): 1 critical, 3 warning, 4 info" in text
    order = [text.index(r) for r in ("DEN-REBOUND-CTX", "DEN-STOP-WINDOW", "DENT-INVASIVE",
                                     "LOC-SINS-INDETERMINATE", "LOC-OLIGO")]
    assert order == sorted(order)
    assert "Basis: GL — GL Fisher 2010" in text
    assert "CrCl 59.6 mL/min (creatinine 2026-11-02) → zoledronic acid 3.5 mg" in text
    assert "Calcium 2.35 mmol/L (2026-11-02, albumin-corrected)" in text
    assert "L3 (vertebra): SINS 10 indeterminate; ESCC 1a" in text
    assert "Tokuhashi 8 (<6 months)" in text
    assert all(len(line) <= 100 for line in text.splitlines() if line.isascii())


def test_empty_case_text_and_parameters():
    case = case_of()
    params = params_from_mapping({"symptom_days": 30})
    text = format_text(case, assess(case, date(2026, 1, 1), params))
    assert "Site parameters: symptom_days=30" in text
    assert "Bone metastasis: UNKNOWN — no diagnostic imaging" in text
    assert "CrCl —" in text
    assert "Tomita — (missing visceral_metastases, lesions)" in text


def test_chinese_text():
    case = parse_case(example_json())
    text = format_text(case, assess(case, date(2026, 11, 21)), "zh")
    assert "骨转移状态：确诊 — MRI L3 2026-05-08：阳性，骨质破坏" in text
    assert "[警告] DEN-STOP-WINDOW" in text
