"""Denosumab discontinuation and rebound state (rule book §5) and ``derived.denosumab`` (§10).

Times count from the **last given dose** (day 0); a dose given after a stop resumes the
course and becomes the new last dose. A course is **stopped** when a stop dated on/after the
last given dose is recorded, or when the days since it exceed interval + 56 (an unrecorded
stop) — computed in :mod:`app.domain.bma_state`.

- Peak window: days 60–120. Monitoring window: days 0–395 (``window_end`` = day 395).
- ``checks_due``: the ``rebound_checks_days`` schedule dates on/after the as-of date, plus
  earlier ones with no CTX dated within ±14 days of them.
- Risk level: ``high`` with a vertebral fracture ever recorded, osteoporosis recorded, or
  exposure ≥ 24 months (last given dose ≥ first-ever dose + 24 calendar months); else
  ``elevated``.
- Nadir: the lowest CTX dated from the day after the first-ever dose to day 28 after the last
  given dose (inclusive).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.domain.bma_state import drug_state
from app.domain.case import Stop
from app.domain.context import CaseView, LabValue, round_lab
from app.domain.dates import add_months, days_between

DRUG = "denosumab"
PEAK_FIRST_DAY = 60
PEAK_LAST_DAY = 120
WINDOW_LAST_DAY = 395
REBOUND_FIRST_DAY = 29  # rebound rules judge samples dated day 29–395
NADIR_LAST_DAY = 28
CHECK_MATCH_DAYS = 14
EXPOSURE_MONTHS = 24
FRACTURE_KINDS = ("pathological_fracture", "fracture")


@dataclass(frozen=True)
class DenCourse:
    """The denosumab course as seen on the as-of date (only when a dose was ever given)."""

    first_dose: date  # first-ever given dose
    last_dose: date  # last given dose = day 0
    interval: int
    stopped: bool
    stop_recorded: bool
    stop: Stop | None  # the earliest recorded stop on/after the last dose
    day: int  # as-of day (days since the last given dose)
    schedule: tuple[date, ...]  # rebound check dates (last dose + rebound_checks_days)
    checks_due: tuple[date, ...]
    risk_level: str
    risk_reasons: tuple[str, ...]
    nadir: LabValue | None

    def day_of(self, d: date) -> int:
        return days_between(self.last_dose, d)

    def on_day(self, k: int) -> date:
        return self.last_dose + timedelta(days=k)

    @property
    def peak_window(self) -> tuple[date, date]:
        return self.on_day(PEAK_FIRST_DAY), self.on_day(PEAK_LAST_DAY)

    @property
    def window_end(self) -> date:
        return self.on_day(WINDOW_LAST_DAY)

    @property
    def in_window(self) -> bool:
        """As-of date within days 0–395."""
        return 0 <= self.day <= WINDOW_LAST_DAY


def vertebral_fractures(view: CaseView) -> list:
    """Recorded vertebral fractures (``pathological_fracture``/``fracture``, vertebral true)."""
    return [
        e for e in view.events
        if e.kind in FRACTURE_KINDS and e.vertebral is True and not e.planned
    ]


def _risk(view: CaseView, first: date, last: date) -> tuple[str, tuple[str, ...]]:
    reasons = []
    if vertebral_fractures(view):
        reasons.append("vertebral_fracture")
    if view.case.patient.osteoporosis is True:
        reasons.append("osteoporosis")
    if last >= add_months(first, EXPOSURE_MONTHS):
        reasons.append("exposure_24_months")
    return ("high" if reasons else "elevated"), tuple(reasons)


def _nadir(view: CaseView, first: date, last: date) -> LabValue | None:
    lo, hi = first + timedelta(days=1), last + timedelta(days=NADIR_LAST_DAY)
    best: LabValue | None = None
    for lv in view.labs("CTX"):
        if lo <= lv.date <= hi and (best is None or lv.value < best.value):
            best = lv
    return best


def _checks_due(view: CaseView, schedule: tuple[date, ...]) -> tuple[date, ...]:
    ctx_dates = [lv.date for lv in view.labs("CTX")]
    due = []
    for d in schedule:
        if d >= view.as_of:
            due.append(d)
        elif not any(abs(days_between(d, c)) <= CHECK_MATCH_DAYS for c in ctx_dates):
            due.append(d)
    return tuple(due)


def den_course(view: CaseView) -> DenCourse | None:
    """The denosumab course, or None when no denosumab dose was ever given (memoised)."""
    key = "denosumab.course"
    if key in view.memo:
        return view.memo[key]
    st = drug_state(view, DRUG)
    course = None
    if st.last_given is not None:
        first, last = st.first_given.date, st.last_given.date
        schedule = tuple(
            last + timedelta(days=k) for k in sorted(view.params.rebound_checks_days)
        )
        level, reasons = _risk(view, first, last)
        course = DenCourse(
            first_dose=first,
            last_dose=last,
            interval=st.interval,
            stopped=st.stopped,
            stop_recorded=st.stop_recorded,
            stop=st.recorded_stop,
            day=days_between(last, view.as_of),
            schedule=schedule,
            checks_due=_checks_due(view, schedule),
            risk_level=level,
            risk_reasons=reasons,
            nadir=_nadir(view, first, last),
        )
    view.memo[key] = course
    return course


def denosumab_derived(view: CaseView) -> dict[str, Any] | None:
    """Exactly the §10 ``derived.denosumab`` object (None when no dose was ever given)."""
    c = den_course(view)
    if c is None:
        return None
    peak = [c.peak_window[0].isoformat(), c.peak_window[1].isoformat()]
    return {
        "last_dose": c.last_dose.isoformat(),
        "stopped": c.stopped,
        "stop_recorded": c.stop_recorded,
        "peak_window": peak if c.stopped else None,
        "window_end": c.window_end.isoformat() if c.stopped else None,
        "risk_level": c.risk_level,
        "nadir_ng_ml": None if c.nadir is None else round_lab("CTX", c.nadir.value),
        "checks_due": [d.isoformat() for d in c.checks_due] if c.stopped else None,
    }
