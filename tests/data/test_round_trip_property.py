"""Property: any case the domain accepts comes back from the registry unchanged (floats, Unicode
text up to the column lengths, date-times naive or with any offset)."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.data import case_repo
from app.domain import case as C
from app.domain.casefile import case_to_json
from app.domain.units import ANALYTES

from .factories import migrated_db, without_lab_provenance

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=100)
DATES = st.dates(date(1990, 1, 1), date(2030, 12, 31))
OFFSETS = st.one_of(st.none(), st.integers(-12 * 60, 14 * 60).map(
    lambda m: timezone(timedelta(minutes=m))))


@st.composite
def stamped(draw):
    d = draw(DATES)
    if draw(st.booleans()):
        return d, None
    t = draw(st.times())
    return d, datetime.combine(d, t, tzinfo=draw(OFFSETS))


@st.composite
def labs(draw):
    d, at = draw(stamped())
    analyte = draw(st.sampled_from(C.ANALYTES))
    unit = draw(st.sampled_from(ANALYTES[analyte].units_display))
    value = draw(st.floats(0, 1e9, allow_nan=False))
    low = draw(st.one_of(st.none(), st.floats(0, 1e6, allow_nan=False)))
    high = draw(st.one_of(st.none(), st.floats(0, 1e6, allow_nan=False)))
    if low is not None and high is not None and low > high:
        low, high = high, low
    return C.Lab(d, analyte, value, unit, ref_low=low, ref_high=high,
                 fasting=draw(st.one_of(st.none(), st.booleans())),
                 method=draw(st.one_of(st.none(), TEXT)), at=at)


@st.composite
def cases(draw, mrn: str):
    symptoms = []
    for _ in range(draw(st.integers(0, 3))):
        d, at = draw(stamped())
        symptoms.append(C.Symptom(d, draw(st.sampled_from(C.SYMPTOM_KINDS)), site=draw(
            st.one_of(st.none(), TEXT)), at=at))
    events = []
    for _ in range(draw(st.integers(0, 3))):
        d, at = draw(stamped())
        events.append(C.Event(d, draw(st.sampled_from(C.EVENT_KINDS)),
                              region=draw(st.one_of(st.none(), TEXT)), at=at))
    return C.Case(
        patient=C.Patient(mrn, name=draw(st.one_of(st.none(), TEXT)),
                          weight_kg=draw(st.one_of(st.none(), st.floats(
                              0.1, 500, allow_nan=False)))),
        cancer=C.Cancer(drivers=draw(st.one_of(st.none(), st.lists(TEXT, max_size=3))),
                        visceral_metastases=draw(st.one_of(st.none(), st.lists(TEXT,
                                                                              max_size=3)))),
        symptoms=symptoms,
        labs=draw(st.lists(labs(), max_size=5)),
        events=events,
        bma=C.Bma(interval_days=draw(st.dictionaries(st.sampled_from(C.DRUGS),
                                                     st.integers(1, 400), max_size=3))),
        dental=C.Dental(exams=draw(st.lists(DATES, max_size=3))),
    )


_counter = itertools.count()


@pytest.fixture(scope="module")
def prop_db(tmp_path_factory):
    db = migrated_db(tmp_path_factory.mktemp("prop") / "prop.sqlite")
    yield db
    db.dispose()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_case_round_trips(prop_db, data):
    db = prop_db
    case = data.draw(cases(f"P{next(_counter)}"))
    with db.session() as s:
        pid, _ = case_repo.insert_case(s, case, "prop")
    with db.session() as s:
        loaded = case_repo.load_case(s, pid)
    # the registry returns dated records in date order (ties: order of entry)
    case.symptoms.sort(key=lambda r: r.date)
    case.labs.sort(key=lambda r: r.date)
    case.events.sort(key=lambda r: r.date)
    case.dental.exams.sort()
    assert loaded == case
    # also the at-times, to the microsecond; the registry adds the labs' derived provenance
    # (LOINC, flag, range text: optional keys of labs[]), which the drawn case did not carry
    assert without_lab_provenance(case_to_json(loaded)) == case_to_json(case)
