"""The oncology-history texts: both languages with the same placeholders, every code named,
and the seed's case 3 read back in words."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.domain import case as C
from app.domain.oncology_text import (
    HISTORY_TEXTS,
    HISTORY_WORDS,
    dental_findings_text,
    history_rows,
    latest_pdl1,
    pain_text,
    therapy_line_text,
    therapy_lines,
)


@pytest.mark.parametrize("key", sorted(HISTORY_TEXTS))
def test_same_placeholders_in_both_languages(key):
    en, zh = HISTORY_TEXTS[key]
    assert set(re.findall(r"{(\w+)}", en)) == set(re.findall(r"{(\w+)}", zh))
    # the Chinese text has no English word (abbreviations NRS, WHO, TPS, CPS, PD-L1 aside)
    assert not re.search(r"[a-z]{3,}", re.sub(r"{\w+}", "", zh))


def test_every_code_has_a_word():
    codes = (*C.RECIST_RESPONSES, *C.THERAPY_STOP_REASONS, *C.SMOKING_STATUSES,
             *C.COURSE_KINDS, *C.ORAL_HYGIENE, *(f"step{n}" for n in C.ANALGESIC_STEPS))
    assert set(codes) <= set(HISTORY_WORDS)


def test_a_therapy_line_in_words():
    t = C.TherapyLine(2, ["osimertinib"], date(2021, 5, 20), stop=date(2024, 6, 1),
                      stop_reason="progression", best_response="SD")
    assert therapy_line_text(t, "en") == (
        "Line 2: osimertinib; 2021-05-20 → 2024-06-01; stopped: progression; "
        "best response stable disease (SD)")
    assert therapy_line_text(t, "zh") == (
        "第2线：osimertinib；2021-05-20 → 2024-06-01；停药原因：进展；最佳疗效 疾病稳定（SD）")
    running = C.TherapyLine(3, ["furmonertinib", "savolitinib"], date(2024, 6, 15))
    assert therapy_line_text(running, "en") == (
        "Line 3: furmonertinib, savolitinib; since 2024-06-15")


def test_summary_rows_take_what_is_dated_by_the_as_of_date():
    case = C.Case(
        patient=C.Patient("X"),
        symptoms=[C.Symptom(date(2024, 5, 1), "bone_pain", nrs=7, analgesic_step=2),
                  C.Symptom(date(2024, 9, 1), "bone_pain", nrs=3)],
        therapy_lines=[C.TherapyLine(2, ["b"], date(2022, 1, 1)),
                       C.TherapyLine(1, ["a"], date(2020, 1, 1), stop=date(2021, 12, 1))],
        pdl1=[C.Pdl1(date(2020, 1, 1), tps=1, cps=2, assay="22C3")],
        smoking=[C.Smoking(date(2020, 1, 1), "former", 30)],
        disease_course=[C.CourseEntry(date(2020, 1, 1), "diagnosis", "IVB"),
                        C.CourseEntry(date(2021, 12, 1), "progression")],
    )
    rows = dict(history_rows(case, date(2024, 6, 1), "en"))
    assert rows == {
        "Diagnosed": "2020-01-01",
        "Recurrence / progression": "progression (2021-12-01)",
        "Stage history": "IVB (2020-01-01)",
        "Smoking": "former smoker; 30 pack-years (2020-01-01)",
        "Latest pain score": "pain NRS 7/10; WHO step 2 (weak opioid) (2024-05-01)",
    }
    assert [t[:6] for t in therapy_lines(case, date(2024, 6, 1), "en")] == ["Line 1", "Line 2"]
    assert therapy_lines(case, date(2021, 1, 1), "en")[0].startswith("Line 1")
    assert len(therapy_lines(case, date(2021, 1, 1), "en")) == 1
    assert latest_pdl1(case, date(2024, 6, 1), "zh") == (
        "PD-L1 TPS 1%, CPS 2；检测抗体 22C3（2020-01-01）")
    assert latest_pdl1(case, date(2019, 1, 1), "en") is None
    assert pain_text(C.Symptom(date(2024, 1, 1), "bone_pain"), "en") == ""


def test_dental_findings_in_words():
    e = C.DentalExam(date(2024, 1, 5), "poor", True, True)
    assert dental_findings_text(e, "en") == "oral hygiene poor; infection; extraction needed"
    assert dental_findings_text(e, "zh") == "口腔卫生差；有感染；需拔牙"
    assert dental_findings_text(C.DentalExam(date(2024, 1, 5)), "en") == ""
