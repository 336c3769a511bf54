"""Which bone-modifying agent (BMA) is active, and each drug's course (rule book §4, §5).

Definitions implemented here, to the letter of the rule book:

- The **interval** of a drug is ``bma.interval_days[drug]`` when given, else 28 days.
- A **course** is the run of given doses since the drug's last recorded stop (or since its
  first dose). A stop recorded on the day of a dose means that dose was the last one, so the
  current course is the given doses dated after the latest stop that precedes the last given
  dose.
- A drug is **active** on the as-of date when (i) its last given dose is ≤ 90 days old, or a
  dose of it is planned on/after the as-of date; and (ii) no stop of it is recorded on/after
  its last given dose, unless a planned dose is dated after that stop (a planned restart);
  and (iii) for denosumab, the course is not stopped under §5 unless a dose is planned
  on/after the as-of date.
- §5 **stopped** (used for denosumab): a stop dated on/after the last given dose is recorded,
  or the days since the last given dose exceed interval + 56 (an unrecorded stop).

- *(rules/2)* A bisphosphonate's **running course** on a date: a dose of it was given before
  that date, the last such dose is ≤ 90 days before it, and no stop of it is dated from that
  dose up to and including that date. A dose given on/after a rebound result **acted on** it
  only if no course of that bisphosphonate was running on the result's date
  (:func:`rebound_acted_on`).

Safer reading (documented): with no given dose at all, every recorded stop of the drug counts
for (ii) (there is no "last given dose" to be on/after), so a plan must post-date the stop.

Results are memoised per :class:`~app.domain.context.CaseView` in ``view.memo``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.case import BISPHOSPHONATES, DRUGS, Administration, Stop
from app.domain.context import CaseView
from app.domain.dates import days_between

ACTIVE_LOOKBACK_DAYS = 90
UNRECORDED_STOP_EXTRA_DAYS = 56
STANDARD_INTERVAL_DAYS = 28


@dataclass(frozen=True)
class DrugState:
    """One drug's doses, stops and state on the as-of date."""

    drug: str
    interval: int
    given: tuple[Administration, ...]  # given by the as-of date, oldest first
    planned: tuple[Administration, ...]  # plans of any date, oldest first
    stops: tuple[Stop, ...]  # recorded by the as-of date, oldest first
    course: tuple[Administration, ...]  # the current course (given doses)
    stops_after_last: tuple[Stop, ...]  # stops dated on/after the last given dose
    stopped: bool  # §5 stopped (recorded or unrecorded)
    stop_recorded: bool  # a stop on/after the last given dose is recorded
    active: bool

    @property
    def last_given(self) -> Administration | None:
        return self.given[-1] if self.given else None

    @property
    def first_given(self) -> Administration | None:
        return self.given[0] if self.given else None

    @property
    def recorded_stop(self) -> Stop | None:
        """The earliest stop dated on/after the last given dose (the one that stopped it)."""
        return self.stops_after_last[0] if self.stops_after_last else None


def _stops_after_last(stops: list[Stop], last: Administration | None) -> list[Stop]:
    if last is None:
        return list(stops)
    return [s for s in stops if s.date >= last.date]


def _course(given: list[Administration], stops: list[Stop]) -> list[Administration]:
    if not given:
        return []
    last = given[-1]
    before = [s.date for s in stops if s.date < last.date]
    start_after = max(before) if before else None
    return [a for a in given if start_after is None or a.date > start_after]


def _compute(view: CaseView, drug: str) -> DrugState:
    as_of = view.as_of
    given = view.given(drug)
    planned = view.planned(drug)
    stops = list(view.stops(drug))
    interval = view.interval(drug)
    last = given[-1] if given else None
    after_last = _stops_after_last(stops, last) if last is not None else []
    stop_recorded = bool(after_last)
    unrecorded = (
        last is not None
        and days_between(last.date, as_of) > interval + UNRECORDED_STOP_EXTRA_DAYS
    )
    stopped = last is not None and (stop_recorded or unrecorded)
    plan_ahead = any(p.date >= as_of for p in planned)
    # (i)
    recent = last is not None and days_between(last.date, as_of) <= ACTIVE_LOOKBACK_DAYS
    cond_i = recent or plan_ahead
    # (ii)
    blocking = _stops_after_last(stops, last)
    if blocking:
        latest_stop = max(s.date for s in blocking)
        cond_ii = any(p.date > latest_stop for p in planned)
    else:
        cond_ii = True
    # (iii)
    cond_iii = drug != "denosumab" or not stopped or plan_ahead
    return DrugState(
        drug=drug,
        interval=interval,
        given=tuple(given),
        planned=tuple(planned),
        stops=tuple(stops),
        course=tuple(_course(given, stops)),
        stops_after_last=tuple(after_last),
        stopped=stopped,
        stop_recorded=stop_recorded,
        active=cond_i and cond_ii and cond_iii,
    )


def drug_state(view: CaseView, drug: str) -> DrugState:
    """The state of one drug on the view's as-of date (memoised)."""
    cache = view.memo.setdefault("bma_state", {})
    if drug not in cache:
        cache[drug] = _compute(view, drug)
    return cache[drug]


def active_drugs(view: CaseView) -> list[str]:
    """Drugs active on the as-of date, in catalogue order."""
    return [d for d in DRUGS if drug_state(view, d).active]


def any_active(view: CaseView) -> bool:
    """"A BMA is active" = any drug is active."""
    return bool(active_drugs(view))


def is_active(view: CaseView, drug: str) -> bool:
    return drug_state(view, drug).active


def running_course_dose(view: CaseView, drug: str, day: date) -> Administration | None:
    """§5 *running course* (rules/2): the last dose of ``drug`` given before ``day`` when that
    course is running on ``day`` — the dose is ≤ 90 days before ``day`` and no stop of the
    drug is dated from that dose up to and including ``day`` — else None."""
    before = [a for a in view.given(drug) if a.date < day]
    if not before:
        return None
    last = before[-1]
    if days_between(last.date, day) > ACTIVE_LOOKBACK_DAYS:
        return None
    if any(last.date <= s.date <= day for s in view.stops(drug)):
        return None
    return last


def running_bisphosphonate(view: CaseView, day: date) -> Administration | None:
    """The last dose of the bisphosphonate whose course is running on ``day`` (with several,
    the one with the latest dose; a tie goes to catalogue order), else None."""
    best: Administration | None = None
    for drug in BISPHOSPHONATES:
        a = running_course_dose(view, drug, day)
        if a is not None and (best is None or a.date > best.date):
            best = a
    return best


def rebound_acted_on(view: CaseView, day: date) -> Administration | None:
    """§5 *acted on* (rules/2): the first bisphosphonate dose given on/after ``day`` (the date
    of the result that triggers a DEN-REBOUND rule; by the as-of date) of a drug whose course
    was **not** running on ``day`` — a new course or a restart after a stop. Routine doses of
    a course running on ``day`` do not count. None when no dose acted on it."""
    for a in view.given(BISPHOSPHONATES):
        if a.date >= day and running_course_dose(view, a.drug, day) is None:
            return a
    return None


def next_expected_dose(view: CaseView, drug: str) -> date | None:
    """Last given dose + interval (None without a given dose)."""
    st = drug_state(view, drug)
    if st.last_given is None:
        return None
    return st.last_given.date + timedelta(days=st.interval)


def dose_json(a: Administration) -> dict:
    """A dose as it appears in findings' ``data``."""
    return {
        "date": a.date.isoformat(),
        "drug": a.drug,
        "dose_mg": a.dose_mg,
        "planned": a.planned,
    }
