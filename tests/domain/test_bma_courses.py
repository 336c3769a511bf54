"""Bone-drug history summarised as courses: split at recorded stops, plans, doses below the
standard dose, intervals, and the one-line text in English and Chinese."""

from __future__ import annotations

from datetime import date

from app.domain.bma_courses import summarise_courses
from app.domain.casefile import parse_case
from app.domain.mdt_terms import course_text

from .helpers import case_of, example_json

AS_OF = date(2026, 11, 21)


def dose(d: str, drug: str = "zoledronic_acid", mg: float = 4, planned: bool = False) -> dict:
    return {"date": d, "drug": drug, "dose_mg": mg, "planned": planned}


def courses(bma: dict, as_of: date = AS_OF):
    return summarise_courses(case_of(bma=bma), as_of)


def test_example_case_is_one_stopped_denosumab_course():
    (c,) = summarise_courses(parse_case(example_json()), AS_OF)
    assert (c.drug, c.first, c.last, c.given) == (
        "denosumab", date(2026, 5, 25), date(2026, 7, 20), 3)
    assert (c.usual_dose_mg, c.interval_days, c.observed_interval_days) == (120, 28, 28)
    assert c.stop is not None and c.stop.reason == "dental extraction" and c.ended
    assert c.below_standard == () and c.planned == ()
    assert course_text(c, "en", AS_OF) == (
        "denosumab: 120 mg every 28 days; 2026-05-25 – 2026-07-20, 3 dose(s) given; "
        "stopped 2026-08-10: dental extraction")
    assert course_text(c, "zh", AS_OF) == (
        "地舒单抗：120 mg，每28天；2026-05-25至2026-07-20，共给药3次；"
        "2026-08-10停药：dental extraction")


def test_a_stop_splits_the_doses_into_two_courses_and_a_plan_joins_the_running_one():
    cs = courses({"administrations": [
        dose("2026-01-05"), dose("2026-02-02"), dose("2026-03-02"),
        dose("2026-06-01"), dose("2026-06-29", mg=3.5), dose("2026-07-27", mg=3.0),
        dose("2026-12-01", planned=True)],
        "stops": [{"drug": "zoledronic_acid", "date": "2026-03-20", "reason": "creatinine"}]})
    first, second = cs
    assert (first.first, first.last, first.given, first.stop.date) == (
        date(2026, 1, 5), date(2026, 3, 2), 3, date(2026, 3, 20))
    assert first.planned == () and first.below_standard == ()
    assert (second.first, second.last, second.given, second.stop) == (
        date(2026, 6, 1), date(2026, 7, 27), 3, None)
    # renal adjustments: the doses below the standard 4 mg, listed with their dates
    assert second.below_standard == ((date(2026, 6, 29), 3.5), (date(2026, 7, 27), 3.0))
    assert second.planned == (date(2026, 12, 1),)
    text = course_text(second, "en", AS_OF)
    assert "2 dose(s) below the standard 4 mg" in text
    assert "3.5 mg (2026-06-29), 3 mg (2026-07-27)" in text and "planned 2026-12-01" in text
    zh = course_text(second, "zh", AS_OF)
    assert "2次低于标准剂量4 mg" in zh and "计划给药 2026-12-01" in zh


def test_a_stop_on_the_day_of_a_dose_ends_the_course_with_that_dose():
    cs = courses({"administrations": [dose("2026-01-05"), dose("2026-02-02"),
                                      dose("2026-04-01")],
                  "stops": [{"drug": "zoledronic_acid", "date": "2026-02-02"}]})
    assert [(c.first, c.last, c.given) for c in cs] == [
        (date(2026, 1, 5), date(2026, 2, 2), 2), (date(2026, 4, 1), date(2026, 4, 1), 1)]
    assert cs[0].stop.reason is None
    assert "stopped 2026-02-02: no reason recorded" in course_text(cs[0], "en", AS_OF)


def test_a_plan_after_the_stop_is_a_planned_restart():
    cs = courses({"administrations": [
        dose("2026-05-01", "denosumab", 120), dose("2026-05-29", "denosumab", 120),
        dose("2026-12-01", "denosumab", 120, planned=True)],
        "stops": [{"drug": "denosumab", "date": "2026-06-10", "reason": "extraction"}]})
    stopped, restart = cs
    assert stopped.stop is not None and stopped.planned == ()
    assert (restart.first, restart.given, restart.planned) == (None, 0, (date(2026, 12, 1),))
    assert course_text(restart, "en", AS_OF) == (
        "denosumab: 120 mg every 28 days; no dose given yet; planned 2026-12-01")


def test_interval_recorded_and_observed_and_a_lapsed_course():
    cs = courses({"administrations": [dose("2026-01-01"), dose("2026-03-26"),
                                      dose("2026-06-18")],
                  "interval_days": {"zoledronic_acid": 84}})
    (c,) = cs
    assert (c.interval_days, c.observed_interval_days) == (84, 84)
    # last dose 2026-06-18, 156 days before the as-of date: more than 84 + 14
    assert "no dose for 156 days, no stop recorded" in course_text(c, "en", AS_OF)
    running = course_text(c, "en", date(2026, 7, 1))
    assert "ongoing" in running and "observed" not in running
    cs = courses({"administrations": [dose("2026-10-01"), dose("2026-11-05")]})
    assert "observed median interval 35 days" in course_text(cs[0], "en", AS_OF)
    assert "ongoing" in course_text(cs[0], "en", AS_OF)  # 16 days since: within 28 + 14


def test_drugs_are_kept_apart_and_ordered_by_their_first_date():
    cs = courses({"administrations": [
        dose("2026-03-01", "denosumab", 120), dose("2026-01-01"),
        dose("2026-04-01", "denosumab", 60)]})
    assert [(c.drug, c.given) for c in cs] == [("zoledronic_acid", 1), ("denosumab", 2)]
    assert cs[1].below_standard == ((date(2026, 4, 1), 60),)  # Prolia 60 mg: below 120


def test_incadronate_has_no_standard_dose_and_future_doses_are_not_given():
    cs = courses({"administrations": [dose("2026-11-01", "incadronate", 10),
                                      dose("2026-12-01", "incadronate", 10)]})
    (c,) = cs
    assert c.given == 1 and c.standard_mg is None and c.below_standard == ()
    assert summarise_courses(case_of(), AS_OF) == ()


def test_reduced_doses_are_summarised_as_runs_not_listed_one_by_one():
    cs = courses({"administrations": [
        dose("2026-01-05", mg=3.3), dose("2026-02-02", mg=3.3), dose("2026-03-02", mg=3.0),
        dose("2026-03-30", mg=3.0), dose("2026-04-27", mg=3.0), dose("2026-05-25")]})
    (c,) = cs
    assert len(c.below_standard) == 5
    text = course_text(c, "en", AS_OF)
    assert ("5 dose(s) below the standard 4 mg (renal adjustment or other product): "
            "3.3 mg ×2 (2026-01-05 – 2026-02-02), 3 mg ×3 (2026-03-02 – 2026-04-27)") in text
    assert "3.3 mg ×2 (2026-01-05至2026-02-02)、3 mg ×3 (2026-03-02至2026-04-27)" in \
        course_text(c, "zh", AS_OF)
