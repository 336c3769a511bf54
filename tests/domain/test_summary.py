"""summarize(case, assessment, as_of) -> PatientSummary (contracts.md)."""

from datetime import date

from app.domain.assess import assess
from app.domain.casefile import parse_case
from app.domain.summary import PatientSummary, summarize

from .bma_cases import T0, day, give, make, plan, stop
from .helpers import example_json


def _summary(case, as_of):
    return summarize(case, assess(case, as_of), as_of)


def test_worked_example_summary():
    case = parse_case(example_json())
    as_of = date(2026, 11, 21)
    a = assess(case, as_of)
    s = summarize(case, a, as_of)
    assert isinstance(s, PatientSummary)
    assert s.bm_status == "confirmed"
    assert s.current_bma is None  # denosumab stopped
    assert s.rebound_open is True
    assert s.alert_count == len(a.findings) == 8
    assert s.alert_top_severity == "critical"
    # the day-90 rebound check (2026-10-18) had no CTX within ±14 days: overdue
    assert s.next_due_date == date(2026, 10, 18)
    assert "Rebound check overdue" in s.next_due_text
    assert s.to_json()["next_due_date"] == "2026-10-18"


def test_example_before_the_stop_shows_the_next_dose():
    case = parse_case(example_json())
    s = _summary(case, date(2026, 7, 1))
    assert s.current_bma == "denosumab"
    assert s.rebound_open is False
    assert s.next_due_date == date(2026, 7, 20)  # 2026-06-22 + 28
    assert s.next_due_text == "Next denosumab dose due"


def test_no_bma_no_due_item():
    s = _summary(make(), T0)
    assert s.current_bma is None and s.next_due_date is None and s.next_due_text is None
    assert s.rebound_open is False


def test_planned_dose_is_the_next_due_item():
    case = make(doses=[give(T0), plan(day(21))], exams=[day(-10)])
    s = _summary(case, day(7))
    assert s.next_due_date == day(21)
    assert s.next_due_text == "Denosumab 120 mg planned"


def test_overdue_plan_and_overdue_dose():
    overdue_plan = make(doses=[give(T0), plan(day(28))], exams=[day(-10)])
    s = _summary(overdue_plan, day(35))
    assert s.next_due_date == day(28) and s.next_due_text.startswith("Overdue planned")
    overdue_dose = make(doses=[give(T0)], exams=[day(-10)])
    s = _summary(overdue_dose, day(50))
    assert s.next_due_date == day(28)
    assert s.next_due_text == "Denosumab dose overdue"
    assert s.alert_top_severity == "warning"  # BMA-DEN-OVERDUE (day 50 > 28 + 14)


def test_dental_review_due_when_it_is_earliest():
    case = make(doses=[give(day(-20), "zoledronic_acid")], exams=[day(-185)],
                interval={"zoledronic_acid": 84})
    s = _summary(case, T0)
    assert s.current_bma == "zoledronic_acid"
    assert s.next_due_date == day(-5)
    assert s.next_due_text == "Dental review overdue"
    no_exam = make(doses=[give(day(-60), "zoledronic_acid")], interval={"zoledronic_acid": 84})
    s = _summary(no_exam, T0)
    assert s.next_due_date == T0 and "Dental exam needed" in s.next_due_text


def test_rebound_flag_follows_den_stop_window():
    case = make(doses=[give(T0)], stops=[stop(day(5))], exams=[day(-10)])
    s = _summary(case, day(30))
    assert s.rebound_open is True
    assert s.next_due_date == day(90)
    assert s.next_due_text == "Rebound check: fasting CTX + calcium"
    assert _summary(case, day(396)).rebound_open is False


def test_current_bma_with_two_active_drugs_is_the_most_recently_given():
    case = make(doses=[give(day(-20)), give(T0, "zoledronic_acid")], exams=[day(-10)])
    s = _summary(case, day(5))
    assert s.current_bma == "zoledronic_acid"
    assert s.alert_top_severity == "critical"  # BMA-CONCURRENT
