"""Bone-drug history summarised as courses (the MDT pack prints these, not every dose).

A **course** of a drug is its run of doses since its last recorded stop, or since its first
dose (rule book §4). :func:`summarise_courses` splits each drug's doses at its recorded stops:
a stop dated on/after a dose and before the next dose ends the course (a stop on the day of a
dose means that dose was the last one). Planned doses join the running course; planned doses
dated after the stop that ended the last course form a planned restart (a course with no
dose given yet).

Each :class:`Course` carries what a board needs to read a history at a glance: the drug, the
usual dose, the interval (recorded, else the 28-day default) and the median interval actually
observed, the first and last given dose, the number of doses given, the doses below the
standard oncology dose (renal adjustments, or a non-oncology product), the stop with its
reason, and the planned doses. :func:`course_text` writes one course as a line in English or
Chinese. Pure: no I/O.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from statistics import median

from app.domain.case import DRUGS, Administration, Case, Stop
from app.domain.context import CaseView
from app.domain.dates import days_between
from app.domain.params import DEFAULTS, Params

#: The standard oncology dose of each drug (rule book §4 catalogue; clodronate: the 1600 mg
#: daily regimen). Incadronate has no verified label: no standard, so no "below" count.
STANDARD_DOSE_MG: dict[str, float | None] = {
    "denosumab": 120.0, "zoledronic_acid": 4.0, "pamidronate": 90.0, "ibandronate": 6.0,
    "clodronate": 1600.0, "incadronate": None,
}
TOLERANCE_MG = 0.05  # a dose this close to the standard counts as the standard (rule book §4)


@dataclass(frozen=True)
class Course:
    drug: str
    first: date | None  # first given dose (None: a planned course, nothing given yet)
    last: date | None  # last given dose
    given: int  # number of doses given
    usual_dose_mg: float | None  # the most frequent given dose (planned dose if none given)
    interval_days: int  # recorded interval, else the default (§4)
    observed_interval_days: float | None  # median gap between given doses (≥ 2 doses)
    below_standard: tuple[tuple[date, float], ...]  # given doses below the standard dose
    standard_mg: float | None
    stop: Stop | None  # the recorded stop that ended the course
    planned: tuple[date, ...]  # planned doses of this course (overdue plans included)
    grace_days: int = 14  # §9 overdue_grace_days: a running course is overdue after it

    @property
    def ended(self) -> bool:
        return self.stop is not None


def _split(given: list[Administration], stops: list[Stop]
           ) -> list[tuple[list[Administration], Stop | None]]:
    """Given doses cut into courses at the recorded stops (each with its ending stop)."""
    courses: list[tuple[list[Administration], Stop | None]] = []
    run: list[Administration] = []
    for dose in given:
        if run:
            ending = [s for s in stops if run[-1].date <= s.date < dose.date]
            if ending:
                courses.append((run, ending[0]))
                run = []
        run.append(dose)
    if run:
        ending = [s for s in stops if s.date >= run[-1].date]
        courses.append((run, ending[0] if ending else None))
    return courses


def _course(drug: str, run: list[Administration], stop: Stop | None,
            planned: list[Administration], interval: int, grace: int) -> Course:
    doses = [a.dose_mg for a in run] or [a.dose_mg for a in planned]
    usual = Counter(doses).most_common(1)[0][0] if doses else None
    gaps = [days_between(a.date, b.date) for a, b in zip(run, run[1:], strict=False)]
    standard = STANDARD_DOSE_MG.get(drug)
    below = tuple((a.date, a.dose_mg) for a in run
                  if standard is not None and a.dose_mg < standard - TOLERANCE_MG)
    return Course(
        drug=drug, first=run[0].date if run else None, last=run[-1].date if run else None,
        given=len(run), usual_dose_mg=usual, interval_days=interval,
        observed_interval_days=float(median(gaps)) if gaps else None,
        below_standard=below, standard_mg=standard, stop=stop,
        planned=tuple(a.date for a in planned), grace_days=grace,
    )


def drug_courses(view: CaseView, drug: str) -> list[Course]:
    """One drug's courses, oldest first."""
    given = view.given(drug)
    stops = list(view.stops(drug))
    planned = view.planned(drug)
    interval = view.interval(drug)
    grace = view.params.overdue_grace_days
    runs = _split(given, stops)
    courses = [_course(drug, run, stop, [], interval, grace) for run, stop in runs]
    if not planned:
        return courses
    if runs and runs[-1][1] is None:  # the running course takes the plans
        run, _stop = runs[-1]
        courses[-1] = _course(drug, run, None, planned, interval, grace)
        return courses
    ended = runs[-1][1].date if runs else None  # type: ignore[union-attr]
    after = [a for a in planned if ended is None or a.date > ended]
    before = [a for a in planned if ended is not None and a.date <= ended]
    if before:  # plans dated before the stop that ended the course: shown with that course
        run, stop = runs[-1]
        courses[-1] = _course(drug, run, stop, before, interval, grace)
    if after:
        courses.append(_course(drug, [], None, after, interval, grace))
    return courses


def summarise_courses(case: Case, as_of: date, params: Params = DEFAULTS) -> tuple[Course, ...]:
    """Every course of every bone drug as the case stood on ``as_of`` (records after it are
    ignored, plans kept), ordered by their first date."""
    view = CaseView(case, as_of, params)
    out = [c for drug in DRUGS for c in drug_courses(view, drug)]

    def start(c: Course) -> date:
        return c.first or (c.planned[0] if c.planned else as_of)

    return tuple(sorted(out, key=lambda c: (start(c), DRUGS.index(c.drug))))
