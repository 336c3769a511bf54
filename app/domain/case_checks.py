"""Checks of a case that depend on the as-of date (rule book §10, rules/2).

A case file is validated on its own by :mod:`app.domain.casefile`; what can only be judged
against the as-of date of an assessment (or today, for a record entered now) is checked here,
in one place for the command line and the patient form:

- ``patient.birth_date`` must not be after the as-of date, and must not give an age above
  120 whole years on it (an age of exactly 120 is accepted). The problem is an input error
  naming ``patient.birth_date``, e.g. ``patient.birth_date: 2027-01-01 is after the as-of date
  2026-11-21`` (the message shape of the book).
"""

from __future__ import annotations

from datetime import date

from app.domain.case import Case
from app.domain.casefile import CaseFileError
from app.domain.dates import age_on

MAX_AGE_YEARS = 120
BIRTH_DATE_FIELD = "patient.birth_date"


def birth_date_problem(birth: date | None, as_of: date) -> tuple[str, str] | None:
    """``(code, problem)`` for a birth date that is impossible on ``as_of``, else None.
    Codes: ``future`` (after the as-of date), ``too_old`` (age above 120 whole years)."""
    if birth is None:
        return None
    if birth > as_of:
        return "future", f"{birth.isoformat()} is after the as-of date {as_of.isoformat()}"
    age = age_on(birth, as_of)
    if age > MAX_AGE_YEARS:
        return "too_old", (f"{birth.isoformat()} gives an age of {age} years on the as-of date "
                           f"{as_of.isoformat()} (at most {MAX_AGE_YEARS})")
    return None


def check_case_on(case: Case, as_of: date) -> None:
    """Raise :class:`CaseFileError` naming ``patient.birth_date`` when the case cannot be
    assessed on ``as_of`` (a birth date after it, or an age above 120 on it)."""
    problem = birth_date_problem(case.patient.birth_date, as_of)
    if problem is not None:
        raise CaseFileError(BIRTH_DATE_FIELD, problem[1])
