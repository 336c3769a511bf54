"""Censored lab values (``< 0.010``: below a detection limit; ``> 2000``: above a measuring
range) are kept as reported but never used as numbers by the rules; a censored latest result
leaves the analyte without a usable latest value (docs/clinical-readings.md, lab import)."""

from __future__ import annotations

from datetime import date

from app.domain.case import Case, Lab, Patient
from app.domain.casefile import parse_case
from app.domain.casefile_write import case_to_json
from app.domain.context import CaseView

from .rules_helpers import fired, lab, missing

D = date.fromisoformat


def ctx(d, v, **kw):
    return lab(d, "CTX", v, "ng/mL", fasting=True, **kw)


def test_view_keeps_numbers_only_and_a_censored_latest_hides_older_numbers():
    case = Case(patient=Patient(mrn="T"), labs=[
        Lab(D("2026-02-01"), "CTX", 0.9, "ng/mL"),
        Lab(D("2026-06-01"), "CTX", 0.01, "ng/mL", comparator="<")])
    view = CaseView(case, D("2026-06-30"))
    assert [lv.value for lv in view.labs("CTX")] == [0.9]
    assert view.latest("CTX") is None  # not the older 0.9
    assert CaseView(case, D("2026-05-30")).latest("CTX").value == 0.9


def test_ctx_rise_fires_on_a_high_number_and_stays_silent_when_the_latest_is_censored():
    high_then = [ctx("2026-02-01", 0.5), ctx("2026-06-01", 0.9)]
    assert fired("WU-CTX-RISE", labs=high_then)
    censored_latest = [ctx("2026-02-01", 0.9), ctx("2026-06-01", 0.01, comparator="<")]
    assert not fired("WU-CTX-RISE", labs=censored_latest)
    assert "labs.CTX" in missing("WU-CTX-RISE", labs=censored_latest)


def test_alp_above_the_measuring_range_is_not_read_as_its_bound():
    alp = [lab("2026-06-01", "ALP", 2000, "U/L", comparator=">")]
    assert not fired("WU-ALP-RISE", labs=alp)  # not evaluated: listed as missing
    assert "labs.ALP" in missing("WU-ALP-RISE", labs=alp)
    assert fired("WU-ALP-RISE", labs=[lab("2026-06-01", "ALP", 2000, "U/L")])


def test_case_file_round_trip_keeps_the_comparator():
    case = parse_case({"schema": "bonemet-case/1", "patient": {"mrn": "T"},
                       "labs": [ctx("2026-06-01", 0.01, comparator="<")]})
    assert case.labs[0].comparator == "<"
    again = case_to_json(case)
    assert again["labs"][0]["comparator"] == "<"
    plain = case_to_json(parse_case({"schema": "bonemet-case/1", "patient": {"mrn": "T"},
                                     "labs": [ctx("2026-06-01", 0.5)]}))
    assert "comparator" not in plain["labs"][0]
