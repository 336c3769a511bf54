"""§10 (rules/2): ``patient.birth_date`` after the as-of date, or an age above 120 whole years
on it, is an input error naming ``patient.birth_date``; exactly 120 is accepted."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.case_checks import birth_date_problem, check_case_on
from app.domain.casefile import CaseFileError

from .helpers import case_of

AS_OF = date(2026, 11, 21)


def with_birth(birth: str | None):
    patient = {"mrn": "T-1"} if birth is None else {"mrn": "T-1", "birth_date": birth}
    return case_of(patient=patient)


def test_the_books_message_for_a_birth_date_after_the_as_of_date():
    with pytest.raises(CaseFileError) as exc:
        check_case_on(with_birth("2027-01-01"), AS_OF)
    assert exc.value.field == "patient.birth_date"
    assert str(exc.value) == "patient.birth_date: 2027-01-01 is after the as-of date 2026-11-21"


@pytest.mark.parametrize(("birth", "code"), [
    ("2026-11-22", "future"),   # the day after the as-of date
    ("2026-11-21", None),       # on the as-of date (age 0)
    ("1906-11-21", None),       # 120 today
    ("1905-11-22", None),       # 120 years and 364 days: still 120 whole years
    ("1905-11-21", "too_old"),  # 121 today
    ("1800-01-01", "too_old"),
    (None, None),
])  # fmt: skip
def test_birth_date_edges(birth, code):
    b = None if birth is None else date.fromisoformat(birth)
    got = birth_date_problem(b, AS_OF)
    assert (got[0] if got else None) == code
    if code is None:
        check_case_on(with_birth(birth), AS_OF)  # accepted
    else:
        with pytest.raises(CaseFileError, match=r"^patient\.birth_date: "):
            check_case_on(with_birth(birth), AS_OF)


def test_too_old_message_names_the_age_and_the_limit():
    with pytest.raises(CaseFileError) as exc:
        check_case_on(with_birth("1905-11-21"), AS_OF)
    assert str(exc.value) == ("patient.birth_date: 1905-11-21 gives an age of 121 years on the "
                              "as-of date 2026-11-21 (at most 120)")
