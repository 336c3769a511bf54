"""The denosumab rebound-risk flag and the course windows the trend plot shades (rule book §5).

The flag is the visible summary of the DEN rules: it exists exactly while DEN-STOP-WINDOW
fires (denosumab stopped, as-of date within days 0–395 after the last given dose) and carries
what the registry row, the chart header and the trend plot show: the last dose, the stop,
the peak window, the window end, the checks due, the risk level, the nadir and any rebound
finding (DEN-REBOUND-CTX / -CALCIUM / -FRACTURE) of the rule engine. A dose given after the
stop resumes the course, so the flag disappears; so it does after day 395.

The course itself (stopped, windows, checks, risk, nadir) comes from
:mod:`app.domain.denosumab`; nothing is re-derived here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.domain.case import Case
from app.domain.context import CaseView, LabValue
from app.domain.denosumab import (
    PEAK_FIRST_DAY,
    PEAK_LAST_DAY,
    WINDOW_LAST_DAY,
    DenCourse,
    den_course,
)
from app.domain.params import DEFAULTS, Params
from app.domain.rules_den import evaluate as evaluate_den

if TYPE_CHECKING:  # pragma: no cover
    from app.domain.findings import Finding

STOP_WINDOW_RULE = "DEN-STOP-WINDOW"
REBOUND_RULES = ("DEN-REBOUND-CTX", "DEN-REBOUND-CALCIUM", "DEN-REBOUND-FRACTURE")
UNRECORDED_STOP_EXTRA_DAYS = 56  # §5: interval + 56 days without a dose = an unrecorded stop


@dataclass(frozen=True)
class ReboundFinding:
    """A rebound finding of the rule engine, as the flag shows it."""

    rule: str
    severity: str
    message: str
    message_zh: str


@dataclass(frozen=True)
class ReboundFlag:
    """The open rebound-risk window of a stopped denosumab course."""

    as_of: date
    last_dose: date  # day 0
    stop_date: date | None  # the recorded stop; None for an unrecorded stop
    stop_recorded: bool
    day: int  # the as-of day (0–395)
    peak_window: tuple[date, date]  # days 60–120
    window_end: date  # day 395
    checks_due: tuple[date, ...]
    risk_level: str  # "high" or "elevated"
    risk_reasons: tuple[str, ...]
    nadir_ng_ml: float | None
    nadir_date: date | None
    findings: tuple[ReboundFinding, ...]  # DEN-REBOUND-* that fired, most severe first

    @property
    def in_peak_window(self) -> bool:
        return self.peak_window[0] <= self.as_of <= self.peak_window[1]

    @property
    def next_check(self) -> date | None:
        """The earliest check due (an overdue one comes first)."""
        return self.checks_due[0] if self.checks_due else None

    @property
    def rebound_found(self) -> bool:
        return bool(self.findings)


@dataclass(frozen=True)
class Window:
    """A shaded span of a stopped denosumab course."""

    kind: str  # "monitoring" (days 0–395) or "peak" (days 60–120)
    start: date
    end: date
    drug: str = "denosumab"


@dataclass(frozen=True)
class CourseWindows:
    """What the plot draws for the current denosumab course."""

    windows: tuple[Window, ...]  # monitoring first, then peak
    nadir: LabValue | None
    unrecorded_stop: date | None  # the day an unrecorded stop began (interval + 57)


def _course(view: CaseView) -> DenCourse | None:
    return den_course(view)


def flag_open(course: DenCourse | None) -> bool:
    """DEN-STOP-WINDOW's trigger: stopped, and the as-of date within days 0–395."""
    return course is not None and course.stopped and 0 <= course.day <= WINDOW_LAST_DAY


def rebound_flag(
    case: Case,
    as_of: date,
    params: Params = DEFAULTS,
    *,
    view: CaseView | None = None,
    findings: Iterable[Finding] | None = None,
) -> ReboundFlag | None:
    """The rebound flag on ``as_of``, or None when DEN-STOP-WINDOW does not fire.

    ``findings``: the assessment's findings when the caller already has them (the registry
    does); otherwise the DEN rules (:func:`app.domain.rules_den.evaluate`) are run.
    """
    view = view or CaseView(case, as_of, params)
    c = _course(view)
    if not flag_open(c):
        return None
    found = list(evaluate_den(view) if findings is None else findings)
    if not any(f.rule == STOP_WINDOW_RULE for f in found):
        return None  # the flag is DEN-STOP-WINDOW's summary: never shown without it
    rebound = sorted(
        (f for f in found if f.rule in REBOUND_RULES),
        key=lambda f: (f.severity != "critical", REBOUND_RULES.index(f.rule)),
    )
    return ReboundFlag(
        as_of=as_of,
        last_dose=c.last_dose,
        stop_date=None if c.stop is None else c.stop.date,
        stop_recorded=c.stop_recorded,
        day=c.day,
        peak_window=c.peak_window,
        window_end=c.window_end,
        checks_due=tuple(c.checks_due),
        risk_level=c.risk_level,
        risk_reasons=tuple(c.risk_reasons),
        nadir_ng_ml=None if c.nadir is None else c.nadir.value,
        nadir_date=None if c.nadir is None else c.nadir.date,
        findings=tuple(
            ReboundFinding(f.rule, f.severity, f.message, f.message_zh) for f in rebound
        ),
    )


def course_windows(view: CaseView) -> CourseWindows | None:
    """The shaded windows (only for a stopped course, as in ``derived.denosumab``), the nadir
    that anchors the CTX LSC band, and the start of an unrecorded stop."""
    c = _course(view)
    if c is None:
        return None
    windows: tuple[Window, ...] = ()
    unrecorded = None
    if c.stopped:
        windows = (
            Window("monitoring", c.last_dose, c.window_end),
            Window("peak", c.on_day(PEAK_FIRST_DAY), c.on_day(PEAK_LAST_DAY)),
        )
        if not c.stop_recorded:
            unrecorded = c.last_dose + timedelta(days=c.interval + UNRECORDED_STOP_EXTRA_DAYS + 1)
    return CourseWindows(windows, c.nadir, unrecorded)
