"""The denosumab rebound flag (app.domain.trends_rebound): when it shows, what it carries,
and when it disappears (window end, resumed denosumab)."""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.case import Administration, Bma, Case, Event, Lab, Patient, Stop
from app.domain.casefile import parse_case
from app.domain.trends_rebound import rebound_flag

from .helpers import example_json

FIRST = date(2025, 1, 6)


def course(n: int = 8, stop_after: int | None = 7, **case_kw) -> tuple[Case, date]:
    doses = [Administration(FIRST + timedelta(days=28 * i), "denosumab", 120) for i in range(n)]
    last = doses[-1].date
    stops = [] if stop_after is None else [Stop("denosumab", last + timedelta(days=stop_after),
                                                "dental extraction")]
    case = Case(patient=Patient(mrn="T-RB", **case_kw.pop("patient", {})),
                bma=Bma(administrations=doses, interval_days={"denosumab": 28}, stops=stops),
                **case_kw)
    return case, last


def test_example_case_flag_matches_the_worked_example():
    case = parse_case(example_json())
    flag = rebound_flag(case, date(2026, 11, 21))
    assert flag is not None
    assert flag.last_dose == date(2026, 7, 20) and flag.stop_date == date(2026, 8, 10)
    assert flag.stop_recorded and flag.day == 124
    assert flag.peak_window == (date(2026, 9, 18), date(2026, 11, 17))
    assert flag.window_end == date(2027, 8, 19)
    assert flag.checks_due == (date(2026, 10, 18), date(2027, 1, 16), date(2027, 4, 16),
                               date(2027, 7, 20))
    assert flag.risk_level == "elevated"
    assert flag.nadir_ng_ml == 0.09 and flag.nadir_date == date(2026, 7, 2)
    assert [f.rule for f in flag.findings] == ["DEN-REBOUND-CTX"]
    assert flag.findings[0].severity == "critical" and flag.rebound_found
    assert not flag.in_peak_window and flag.next_check == date(2026, 10, 18)


def test_flag_shows_from_the_stop_to_day_395_then_disappears():
    case, last = course()
    assert rebound_flag(case, last) is None  # not stopped yet on the day of the last dose
    assert rebound_flag(case, last + timedelta(days=6)) is None  # stop not yet recorded
    at_stop = rebound_flag(case, last + timedelta(days=7))
    assert at_stop is not None and at_stop.day == 7 and not at_stop.rebound_found
    in_peak = rebound_flag(case, last + timedelta(days=90))
    assert in_peak.in_peak_window
    assert rebound_flag(case, last + timedelta(days=395)).day == 395
    assert rebound_flag(case, last + timedelta(days=396)) is None


def test_flag_disappears_when_denosumab_is_resumed():
    case, last = course()
    assert rebound_flag(case, last + timedelta(days=100)) is not None
    resumed = Administration(last + timedelta(days=110), "denosumab", 120)
    case.bma.administrations.append(resumed)
    assert rebound_flag(case, last + timedelta(days=100)) is not None  # not yet resumed then
    assert rebound_flag(case, last + timedelta(days=111)) is None
    # a *planned* restart is not a resumption
    case2, last2 = course()
    case2.bma.administrations.append(
        Administration(last2 + timedelta(days=130), "denosumab", 120, planned=True))
    assert rebound_flag(case2, last2 + timedelta(days=100)) is not None


def test_unrecorded_stop_opens_the_flag_after_interval_plus_56_days():
    case, last = course(stop_after=None)
    assert rebound_flag(case, last + timedelta(days=84)) is None
    flag = rebound_flag(case, last + timedelta(days=85))
    assert flag is not None and not flag.stop_recorded and flag.stop_date is None


def test_risk_level_and_rebound_findings():
    case, last = course(patient={"osteoporosis": True})
    case.labs += [Lab(FIRST + timedelta(days=40), "CTX", 0.05, "ng/mL"),
                  Lab(last + timedelta(days=90), "CTX", 0.9, "ng/mL")]
    case.events.append(Event(last + timedelta(days=95), "fracture", region="L2", vertebral=True))
    flag = rebound_flag(case, last + timedelta(days=100))
    assert flag.risk_level == "high" and "osteoporosis" in flag.risk_reasons
    assert [f.rule for f in flag.findings] == ["DEN-REBOUND-CTX", "DEN-REBOUND-FRACTURE"]
    # a bisphosphonate given after the rebound acts on it: the findings go, the window stays
    case.bma.administrations.append(
        Administration(last + timedelta(days=97), "zoledronic_acid", 4))
    acted = rebound_flag(case, last + timedelta(days=100))
    assert acted is not None and acted.findings == ()


def test_findings_supplied_by_the_caller_are_used():
    case, last = course()
    as_of = last + timedelta(days=30)
    assert rebound_flag(case, as_of, findings=[]) is None  # no DEN-STOP-WINDOW: no flag


def test_flag_agrees_with_the_assessment_and_the_registry_summary():
    from app.domain.assess import assess
    from app.domain.summary import summarize
    from app.domain.trends_sample import stopped_denosumab_case

    case = stopped_denosumab_case()
    last = date(2026, 7, 20)
    for day in (-5, 0, 8, 9, 60, 124, 200, 395, 396, 420):
        as_of = last + timedelta(days=day)
        assessment = assess(case, as_of)
        own = rebound_flag(case, as_of)
        given = rebound_flag(case, as_of, findings=assessment.findings)
        assert own == given
        assert (own is not None) == summarize(case, assessment, as_of).rebound_open
        assert (own is not None) == (9 <= day <= 395)  # stop recorded on day 9
