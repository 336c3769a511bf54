"""CSV lab import: the documented format, per-line errors, header errors, encodings."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from app.data import models as M
from app.interop.csv_labs import parse_csv_text
from app.interop.lab_files import LabFileError, parse_lab_file
from app.services.lab_import import apply_lab_import

from .conftest import MRN, TODAY

HEADER = "mrn,date,analyte,value,unit,ref_low,ref_high,fasting,method\n"


def parse(text: str):
    return parse_csv_text(text, "labs.csv", today=TODAY)


def test_happy_path_rows_become_units():
    units = parse(HEADER
                  + f"{MRN},2026-11-02,CTX,812,pg/mL,136,689,true,ECLIA\n"
                  + "\n"
                  + f"{MRN},2026-11-02T07:05:00+08:00,crea,0.9,mg/dL,,,,\n")
    assert [(u.label, u.mrn, u.source, u.problems) for u in units] == [
        ("line 2", MRN, "csv:labs.csv", []), ("line 4", MRN, "csv:labs.csv", [])]
    a, b = units[0].labs[0].lab, units[1].labs[0].lab
    assert (a.analyte, a.value, a.unit, a.ref_low, a.ref_high, a.fasting, a.method) == (
        "CTX", 812.0, "pg/mL", 136.0, 689.0, True, "ECLIA")
    assert a.at is None and a.date.isoformat() == "2026-11-02"
    assert (b.analyte, b.unit, b.fasting) == ("CREA", "mg/dL", None)
    assert b.at == datetime(2026, 11, 2, 7, 5, tzinfo=timezone(timedelta(hours=8)))


def test_columns_in_any_order_and_optional_columns_absent():
    units = parse("Unit,Value,Analyte,Date,MRN\nU/L,180,ALP,2026-11-01,X1\n")
    assert units[0].problems == [] and units[0].labs[0].lab.value == 180.0


def test_per_line_errors_name_line_and_field_never_the_value():
    units = parse(HEADER
                  + f"{MRN},2026-11-02,CTX,0.5,mmol/L,,,,\n"
                  + f"{MRN},2026-11-02,CTX,lots,ng/mL,,,maybe,\n"
                  + f"{MRN},2026-02-30,XYZ,1,U/L,,,,\n"
                  + ",2026-11-02,ALP,1,U/L,9,1,,\n"
                  + f"{MRN},2027-01-01,ALP,1,U/L,,,,\n"
                  + f"{MRN},2026-11-02,ALP,1\n")
    got = {u.label: u.problems for u in units}
    assert got["line 2"] == ["unit: 'mmol/L' is not a unit of CTX"]
    assert got["line 3"] == ["value: expected a non-negative decimal number",
                             "fasting: expected true or false (or empty = unknown)"]
    assert "date: not a valid calendar date or time" in got["line 4"]
    assert any(p.startswith("analyte: 'XYZ' is not one of") for p in got["line 4"])
    assert got["line 5"][0] == "mrn: required"
    assert "ref_low: must not be above ref_high" in got["line 5"]
    assert got["line 6"] == ["date: is in the future: only a planned record can be dated "
                             "after today"]
    assert got["line 7"] == ["expected 9 fields, found 4"]
    assert all(u.labs == [] for u in units)
    for problems in got.values():
        assert not any(MRN in p or "lots" in p for p in problems)


@pytest.mark.parametrize("text, message", [
    ("mrn,date,analyte,value\nX,2026-01-01,ALP,1\n", "header: missing column 'unit'"),
    ("mrn,date,analyte,value,unit,colour\n", "header: unknown column 'colour'"),
    ("mrn,date,analyte,value,unit,unit\n", "header: column 'unit' appears twice"),
    ("\n\n", "header: the file has no header line"),
    (HEADER, "file: no data rows after the header"),
])
def test_header_problems_make_the_file_unreadable(text, message):
    with pytest.raises(LabFileError) as err:
        parse(text)
    assert str(err.value).startswith(message)


def test_bom_and_gbk_files():
    body = HEADER + f"{MRN},2026-11-02,ALP,180,U/L,,,否,速率法\n"
    bom = parse_lab_file(("\ufeff" + body).encode("utf-8"), "in.csv", today=TODAY)
    gbk = parse_lab_file(body.encode("gbk"), "in.csv", encoding="gbk", today=TODAY)
    auto = parse_lab_file(body.encode("gbk"), "in.csv", today=TODAY)
    for parsed in (bom, gbk, auto):
        assert parsed.format == "csv"
        lab = parsed.units[0].labs[0].lab
        assert (lab.method, lab.fasting) == ("速率法", False)
    assert bom.encoding == "utf-8" and gbk.encoding == "gbk"
    assert auto.encoding.startswith("gb18030")


def test_csv_import_one_transaction_per_row(db):
    text = (HEADER + f"{MRN},2026-11-02,CTX,0.5,mmol/L,,,,\n"
            + f"{MRN},2026-11-02,CTX,0.52,ng/mL,0.1,0.7,true,\n"
            + "NOPE,2026-11-02,ALP,100,U/L,,,,\n")
    parsed = parse_lab_file(text.encode(), "/some/dir/lis-export.csv", today=TODAY)
    rep = apply_lab_import(db, parsed.units, "tester", today=lambda: TODAY)
    assert [(o.label, o.status) for o in rep.outcomes] == [
        ("line 2", "rejected"), ("line 3", "imported"), ("line 4", "rejected")]
    assert rep.outcomes[2].reasons == ("mrn: no patient with this MRN in the registry",)
    with db.session() as s:
        rows = [(r.analyte, r.value, r.unit, r.fasting, r.flag, r.ref_text, r.source)
                for r in s.scalars(select(M.LabResult).where(
                    M.LabResult.source.like("csv:%")))]
    assert rows == [("CTX", 0.52, "ng/mL", True, "N", "0.1–0.7", "csv:lis-export.csv")]
    again = apply_lab_import(db, parsed.units, "tester", today=lambda: TODAY)
    assert again.results_imported == 0 and again.results_duplicate == 1


def test_stray_quote_rejects_its_line_only_and_misplaces_nothing(db):
    """Issue 15: '"unterminated' swallowed the next row into another patient's method field."""
    case_two = "BM-7002"
    from app.services.case_service import import_case

    from .conftest import small_case
    import_case(db, small_case(case_two), "test")
    text = (HEADER
            + f'{MRN},2026-11-02,CREA,0.9,mg/dL,,,,"unterminated\n'
            + f"{case_two},2026-11-03,ALP,180,U/L,,,,\n"
            + f'{MRN},2026-11-04,ALB,"38"x,g/L,,,,\n'
            + f'{MRN},2026-11-05,CA,2.3,mmol/L,,,,"a, ""quoted"" method"\n')
    parsed = parse_lab_file(text.encode(), "stray.csv", today=TODAY)
    got = {u.label: u.problems for u in parsed.units}
    assert got["line 2"][0].startswith("not valid CSV (unexpected end of data): a quote is "
                                       "not closed")
    assert got["line 4"][0].startswith("not valid CSV (',' expected after '\"')")
    assert got["line 3"] == [] and got["line 5"] == []
    rep = apply_lab_import(db, parsed.units, "tester", today=lambda: TODAY)
    assert [o.status for o in rep.outcomes] == ["rejected", "imported", "rejected", "imported"]
    with db.session() as s:
        rows = sorted((p.mrn, r.analyte, r.method, r.source_id) for r, p in s.execute(
            select(M.LabResult, M.Patient).join(M.Patient)
            .where(M.LabResult.source == "csv:stray.csv")))
    assert rows == [(MRN, "CA", 'a, "quoted" method', "line 5"),
                    (case_two, "ALP", None, "line 3")]
