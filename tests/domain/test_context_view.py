"""The as-of view: visibility of dated records and plans, unit conversion, pairing, CrCl."""

from datetime import date

import pytest

from app.domain.case import Administration, Bma, Case, Lab, Patient
from app.domain.context import (
    CaseView,
    imaging_covers,
    round_crcl,
    round_lab,
    round_sig,
    same_region,
    za_dose_for_crcl,
)

D = date.fromisoformat


def _case(labs=(), admins=(), **patient) -> Case:
    p = {"mrn": "T-1", "sex": "female", "birth_date": D("1953-04-02"), "weight_kg": 58}
    p.update(patient)
    return Case(patient=Patient(**p), labs=list(labs), bma=Bma(administrations=list(admins)))


def test_labs_after_as_of_are_ignored_and_converted_to_canonical():
    case = _case(labs=[
        Lab(D("2026-05-03"), "CTX", 812, "pg/mL", ref_low=136, ref_high=689),
        Lab(D("2026-12-01"), "CTX", 0.5, "ng/mL"),
    ])
    view = CaseView(case, D("2026-11-21"))
    [ctx] = view.labs("CTX")
    assert ctx.value == pytest.approx(0.812)
    assert view.uln(ctx) == pytest.approx(0.689)  # the lab's own range wins
    assert view.latest("CTX", within_days=202) is ctx
    assert view.latest("CTX", within_days=201) is None  # 202 days old


def test_default_uln_when_the_lab_has_no_range():
    view = CaseView(_case(labs=[Lab(D("2026-01-01"), "CTX", 0.9, "ug/L")]), D("2026-02-01"))
    assert view.uln(view.latest("CTX")) == pytest.approx(0.70)


def test_plans_are_kept_whatever_their_date_given_doses_are_not():
    admins = [
        Administration(D("2026-12-01"), "denosumab", 120, planned=True),
        Administration(D("2026-12-01"), "denosumab", 120),  # given in the future: ignored
        Administration(D("2026-01-01"), "denosumab", 120, planned=True),  # overdue plan
    ]
    view = CaseView(_case(admins=admins), D("2026-11-21"))
    assert [a.date for a in view.planned("denosumab")] == [D("2026-01-01"), D("2026-12-01")]
    assert view.given() == []


def test_corrected_calcium_pairs_the_closest_albumin_tie_goes_to_the_earlier():
    labs = [
        Lab(D("2026-11-02"), "CA", 2.31, "mmol/L"),
        Lab(D("2026-10-30"), "ALB", 30, "g/L"),
        Lab(D("2026-11-05"), "ALB", 38, "g/L"),
        Lab(D("2026-10-20"), "ALB", 20, "g/L"),  # 13 days away: outside ±7
    ]
    view = CaseView(_case(labs=labs), D("2026-11-21"))
    cv = view.latest_calcium()
    assert cv.albumin.value == 30  # 3 days before beats 3 days after
    assert cv.value == pytest.approx(2.31 + 0.02 * 10)
    assert cv.corrected


def test_calcium_without_albumin_is_uncorrected_and_mg_dl_converts():
    view = CaseView(_case(labs=[Lab(D("2026-11-02"), "CA", 9.2, "mg/dL")]), D("2026-11-21"))
    cv = view.latest_calcium()
    assert not cv.corrected and cv.albumin is None
    assert cv.value == pytest.approx(9.2 * 0.2495)


def test_crcl_worked_example_and_missing_inputs():
    view = CaseView(_case(labs=[Lab(D("2026-11-02"), "CREA", 68, "umol/L")]), D("2026-11-21"))
    c = view.crcl_latest()
    assert c.age == 73
    assert round_crcl(c.value) == 59.6
    assert za_dose_for_crcl(c.value) == 3.5
    view2 = CaseView(
        _case(labs=[Lab(D("2026-11-02"), "CREA", 68, "umol/L")], sex="unknown", weight_kg=None),
        D("2026-11-21"),
    )
    c2 = view2.crcl_latest()
    assert c2.value is None and c2.missing == ("sex", "weight_kg")


@pytest.mark.parametrize(
    "crcl, dose",
    [(None, None), (29.99, None), (30, 3.0), (39.99, 3.0), (40, 3.3), (49.99, 3.3),
     (50, 3.5), (60, 3.5), (60.01, 4.0)],
)
def test_za_dose_table_boundaries(crcl, dose):
    assert za_dose_for_crcl(crcl) == dose


def test_regions_and_whole_body_cover():
    assert same_region(" l3 ", "L3")
    assert not same_region("lumbar spine", "L3")
    assert imaging_covers("bone_scan", "Whole Body", "L3")
    assert imaging_covers("pet_ct", "whole body", "left femur")
    assert not imaging_covers("mri", "whole body", "L3")


def test_output_rounding_half_up():
    assert round_lab("CA", 2.345) == 2.35
    assert round_lab("CTX", 0.0905) == 0.091
    assert round_lab("ALP", 123.45) == 123.0
    assert round_sig(1234.5, 3) == 1230.0
    assert round_crcl(59.65) == 59.7


def test_absurd_creatinine_gives_no_crcl_and_rounding_keeps_non_finite_values():
    # found by the property test: a creatinine of 1e-308 µmol/L made CrCl infinite and the
    # output rounding raised decimal.InvalidOperation
    view = CaseView(_case(labs=[Lab(D("2000-01-01"), "CREA", 1.1125369292536007e-308,
                                    "umol/L")]), D("2000-01-01"))
    assert view.crcl_latest().value is None
    assert round_crcl(float("inf")) == float("inf")
    assert round_crcl(1e30) == 1e30
    assert round_sig(float("inf")) == float("inf")
