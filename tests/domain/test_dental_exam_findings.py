"""BMA-DENTAL-CLEARANCE and dental exam findings (issue 20 item 8): an exam that found an
extraction needed is not a clearance (docs/clinical-readings.md); one that did not is."""

import pytest

from app.domain import rules_bma_ca
from app.domain.case import DentalExam
from app.domain.why import why_text

from .bma_cases import T0, day, give, make, plan, run


def _case(*exams: DentalExam, doses=None):
    case = make(doses=doses or [give(T0)], exams=[e.date for e in exams])
    case.dental.findings = [e for e in exams if e.has_findings()]
    return case


@pytest.mark.parametrize(("extraction", "fires"), [(True, True), (False, False), (None, False)])
def test_exam_finding_extraction_needed_is_no_clearance(extraction, fires):
    case = _case(DentalExam(day(-30), oral_hygiene="poor", extraction_needed=extraction))
    found = run(rules_bma_ca, case, day(5))
    assert ("BMA-DENTAL-CLEARANCE" in found) is fires
    if fires:
        f = found["BMA-DENTAL-CLEARANCE"]
        assert f.data["extraction_needed_exam"] == day(-30).isoformat()
        assert "extraction needed" in f.message and "需拔牙" in f.message_zh
        assert "extraction needed" in why_text(f.rule, f.data, "en")
        assert "需拔牙" in why_text(f.rule, f.data, "zh")


def test_a_later_exam_without_extraction_needed_clears_again():
    case = _case(DentalExam(day(-90), extraction_needed=True),
                 DentalExam(day(-10), extraction_needed=False))
    assert "BMA-DENTAL-CLEARANCE" not in run(rules_bma_ca, case, day(5))


def test_an_exam_with_no_findings_on_another_day_still_clears():
    case = _case(DentalExam(day(-90), extraction_needed=True), DentalExam(day(-20)))
    assert "BMA-DENTAL-CLEARANCE" not in run(rules_bma_ca, case, day(5))


def test_extraction_needed_blocks_clearance_for_a_planned_first_dose_at_the_window_edge():
    # the exam is on the 180th day before the planned dose: in the window, but not a clearance
    case = _case(DentalExam(day(-160), extraction_needed=True), doses=[plan(day(20))])
    f = run(rules_bma_ca, case, T0)["BMA-DENTAL-CLEARANCE"]
    assert f.data["extraction_needed_exam"] == day(-160).isoformat()
    ok = _case(DentalExam(day(-160), infection=False), doses=[plan(day(20))])
    assert "BMA-DENTAL-CLEARANCE" not in run(rules_bma_ca, ok, T0)


def test_an_old_extraction_needed_exam_outside_the_window_is_not_mentioned():
    case = _case(DentalExam(day(-300), extraction_needed=True))
    f = run(rules_bma_ca, case, day(5))["BMA-DENTAL-CLEARANCE"]
    assert "extraction_needed_exam" not in f.data


def test_the_review_rule_still_counts_an_extraction_needed_exam_as_an_exam():
    case = _case(DentalExam(day(-40), extraction_needed=True),
                 doses=[give(day(-200)), give(day(-10))])
    found = run(rules_bma_ca, case, T0)
    assert "BMA-DENTAL-CLEARANCE" not in found  # the first dose is 200 days old
    assert "BMA-DENTAL-REVIEW" not in found  # an exam 40 days ago
