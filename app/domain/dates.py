"""Day counts and calendar arithmetic, exactly as the rule book's §0 conventions define them.

d(A, B) = calendar date of B − calendar date of A, in days. "Within N days" means 0 ≤ d ≤ N.
Months are calendar months (same day number; clamped to the month's last day when it has no
such day, e.g. 31 Jan + 1 month = 28/29 Feb).
"""

from __future__ import annotations

import calendar
from datetime import date, datetime


class DateFormatError(ValueError):
    """A text that is neither ``YYYY-MM-DD`` nor an ISO date-time."""


def parse_date_or_datetime(text: str) -> tuple[date, datetime | None]:
    """Parse ``YYYY-MM-DD`` or an ISO date-time; return the calendar date and the date-time
    (``None`` when only a date was given). The calendar date is the one *as written*."""
    if not isinstance(text, str):
        raise DateFormatError("expected a date string YYYY-MM-DD")
    s = text.strip()
    try:
        if len(s) == 10:
            return date.fromisoformat(s), None
        dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError as exc:
        raise DateFormatError(f"{text!r} is not a date (YYYY-MM-DD) or ISO date-time") from exc
    return dt.date(), dt


def days_between(a: date, b: date) -> int:
    """d(A, B): calendar date of B minus calendar date of A, in days."""
    return (b - a).days


def within(a: date, b: date, n: int) -> bool:
    """True when 0 ≤ d(a, b) ≤ n."""
    return 0 <= (b - a).days <= n


def add_months(d: date, months: int) -> date:
    """Calendar-month arithmetic: the same day number ``months`` later (clamped)."""
    total = d.year * 12 + (d.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(d.day, last))


def age_on(birth: date, on: date) -> int:
    """Age in whole years on a date."""
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years
