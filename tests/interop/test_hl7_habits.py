"""What real laboratories send (issue 12): each habit from a synthetic fixture of
tests/fixtures/hl7/, imported through the real path (parse → apply) into a test registry."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import select

from app.data import models as M
from app.interop.lab_feed_config import LabFeedSettings
from app.interop.lab_files import parse_lab_file
from app.services.lab_import import apply_lab_import

from .conftest import MRN, TODAY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "hl7"


def parse(name: str, settings: LabFeedSettings | None = None):
    return parse_lab_file((FIXTURES / name).read_bytes(), name, today=TODAY, settings=settings)


def run(db, name: str, **kw):
    parsed = parse(name)
    return parsed, apply_lab_import(db, parsed.units, "tester", today=lambda: TODAY, **kw)


def stored(db, source: str) -> list[tuple]:
    with db.session() as s:
        return [(r.analyte, r.comparator, r.value, r.unit, r.flag, r.ref_text, r.loinc,
                 r.source_id, r.entered_in_error)
                for r in s.scalars(select(M.LabResult).where(M.LabResult.source == source)
                                   .order_by(M.LabResult.id))]


def test_mindray_id_in_pid2_name_in_obx4_padded_unit(db):
    _, rep = run(db, "mindray_pid2_obx4.hl7")
    [o] = rep.outcomes
    assert (o.label, o.status, o.imported) == ("message MR1001", "imported", 2)
    assert stored(db, "hl7:BS-240") == [
        ("TBIL", None, 18.5, "umol/L", None, None, "14631-6", "MR1001/1", False),
        ("CREA", None, 76.2, "umol/L", "N", "44-133", "14682-9", "MR1001/2", False)]
    assert rep.skipped_codes == {("11", "GLU"): 1}
    assert "matched by ID only (the message has no name, birth date or sex)" in o.notes


def test_radiometer_id_in_pid4_st_value_and_flag(db):
    _, rep = run(db, "radiometer_pid4.hl7")
    assert stored(db, "hl7:ICU") == [
        ("ICA", None, 1.05, "mmol/L", "L", "1.15-1.29", "1995-0", "ABL77/1", False)]
    assert rep.skipped_codes == {("pH", "pH"): 1}


def test_patient_id_field_order_is_a_site_setting():
    settings = LabFeedSettings.from_mapping({"patient_id_fields": ["PID-4"]})
    assert parse("mindray_pid2_obx4.hl7", settings).units[0].problems == [
        "PID-4: required (the patient's ID)"]


def test_chinese_lis_habits(db):
    parsed, rep = run(db, "cn_lis_bone_markers.hl7")
    assert parsed.encoding == "utf-8 (MSH-18 UNICODE UTF-8)"
    [o] = rep.outcomes
    assert (o.status, o.imported, o.rejected_results) == ("imported", 8, 0)
    got = {(r[0], r[7]): r[1:7] for r in stored(db, "hl7:检验科")}
    assert got[("CTX", "CN0042/1")] == (None, 0.86, "ng/mL", "H", "0.1--0.573", "41171-0")
    assert got[("VITD", "CN0042/2")][3:5] == ("L", "30~100")  # 偏低, "30 ~ 100"
    assert got[("PINP", "CN0042/3")][3:5] == ("H", "16.3--73.9")  # 高
    assert got[("ALP", "CN0042/4")][3] == "H"  # empty OBX-11: taken as final, noted
    assert got[("PLT", "CN0042/5")][1:3] == (182.0, "10^9/L")  # unescaped 10^9/L read whole
    # SN <^0.010: stored as a bound (below the detection limit), flagged L by its bound
    assert got[("CTX", "CN0042/7")][:4] == ("<", 0.01, "ng/mL", "L")
    assert got[("ALB", "CN0042/8")][3] == "L" and got[("CREA", "CN0042/9")][3] == "L"
    assert "OBX 4, OBX-11: empty, taken as final (F)" in o.notes
    assert ("no observation time (OBX-14, OBR-7, OBR-14): the message time (MSH-7) is used"
            in o.notes)
    assert rep.skipped_codes == {("B06", "降钙素"): 1}
    with db.session() as s:
        times = {r.at_time.isoformat() for r in s.scalars(
            select(M.LabResult).where(M.LabResult.source == "hl7:检验科"))}
    assert times == {"2026-11-10T15:00:00"}


def test_declared_charsets_are_honoured(db):
    latin = parse("latin1_charset.hl7")
    assert latin.encoding == "iso8859-1 (MSH-18 8859/1)"
    assert latin.units[0].labs[0].lab.unit == "µmol/L"  # not 祄ol/L
    gbk = parse("gbk_charset.hl7")
    assert gbk.encoding == "gb18030 (MSH-18 GB2312)"
    assert [i.lab.analyte for i in gbk.units[0].labs] == ["ALP", "CA"]
    assert gbk.units[0].source == "hl7:检验科"


def test_undeclared_charset_that_does_not_fit_is_a_file_error():
    from app.interop.lab_files import LabFileError

    data = (FIXTURES / "latin1_charset.hl7").read_bytes().replace(b"8859/1", b"ASCII")
    with pytest.raises(LabFileError, match="not valid ASCII text as MSH-18 declares"):
        parse_lab_file(data, "x.hl7", today=TODAY)
    with pytest.raises(LabFileError, match="MSH-18: unknown character set 'EBCDIC'"):
        parse_lab_file(data.replace(b"ASCII", b"EBCDIC"), "x.hl7", today=TODAY)


def test_loinc_and_ucum_units_mass_code_with_molar_unit_is_noted(db):
    _, rep = run(db, "loinc_ucum.hl7")
    [o] = rep.outcomes
    assert (o.status, o.imported, o.rejected_results) == ("imported", 4, 0)
    assert [r[:7] for r in stored(db, "hl7:LAB")] == [
        ("CREA", None, 71.0, "umol/L", "N", "45-90", "2160-0"),
        ("PLT", None, 210.0, "10^3/uL", "N", "150-400", "26515-7"),
        ("ALP", None, 140.0, "IU/L", "H", "40-129", "6768-6"),
        ("CRP", None, 12.0, "mg/L", "H", "<5", "1988-5")]
    assert ("OBX 1, OBX-3: LOINC 2160-0 is a mass concentration but the unit 'umol/L' is "
            "not: converted by the unit as reported") in o.notes
    assert rep.skipped_codes == {("600-7", "Blood culture"): 1}


def test_unknown_escape_rejects_that_result_and_nothing_reaches_stderr(db, caplog, capfd):
    caplog.set_level(logging.DEBUG)
    _, rep = run(db, "bad_escape.hl7")
    [o] = rep.outcomes
    assert (o.status, o.imported, o.rejected_results) == ("imported", 1, 1)
    assert "OBX 1, OBX-5: unknown escape sequence \\Z\\: the value cannot be read" in o.reasons
    assert [r[0] for r in stored(db, "hl7:LAB")] == ["ALB"]  # no creatinine 15
    out, err = capfd.readouterr()
    for text in (out, err, caplog.text):
        assert MRN not in text and "1\\Z\\5" not in text and "Z" not in text.replace(
            "\\Z\\", "")


def test_wrong_patient_goes_to_the_review_queue_not_the_chart(db):
    _, rep = run(db, "wrong_patient.hl7")
    [o] = rep.outcomes
    assert o.status == "queued" and rep.queued == 1
    assert o.reasons == (
        "PID-3.4: the ID's assigning authority is not one the site accepts (site setting "
        "accepted_authorities)",
        "PID-5: the family name differs from the registry patient's",
        "PID-7: the birth date differs from the registry patient's",
        "PID-8: the sex differs from the registry patient's")
    assert stored(db, "hl7:OTHERLAB") == []
    with db.session() as s:
        [held] = s.scalars(select(M.models_labreview.LabReview)).all()
        assert (held.status, held.label, held.details["family"]) == ("pending", "message WP-1",
                                                                     "王")


def test_accepted_authority_and_matching_demographics_are_stored(db):
    parsed = parse("wrong_patient.hl7")
    parsed.units[0].raw = None
    from dataclasses import replace

    parsed.units[0].patient = replace(parsed.units[0].patient, family="测", given="试",
                                      birth_date=None, sex="female")
    rep = apply_lab_import(db, parsed.units, "tester", today=lambda: TODAY,
                           accepted_authorities=["otherhosp"])
    assert rep.outcomes[0].status == "imported"


@pytest.mark.parametrize("family, given, registry, ok", [
    ("测试", "", "测试", True), ("测", "试", "测试", True), ("CE", "SHI", "测试", True),
    ("ce", "", "测试", True), ("王", "", "测试", False), ("WANG", "", "测试", False),
    ("OUYANG", "NA", "欧阳娜", True), ("Smith", "John", "John Smith", True),
    ("Smith", "John", "Smith John", True), ("Smyth", "John", "John Smith", False),
    ("Müller", "", "Anna Muller", True),
])
def test_family_name_check(family, given, registry, ok):
    from app.services.lab_import_types import PatientInfo
    from app.services.lab_match import review_reasons

    info = PatientInfo(mrn="X", family=family, given=given)
    assert (review_reasons(info, registry, None, None, []) == []) is ok


def test_correction_replaces_and_withdrawal_marks_entered_in_error(db):
    _, rep = run(db, "correct_retract.hl7")
    assert [(o.label, o.status) for o in rep.outcomes] == [
        ("message CR-1", "imported"), ("message CR-2", "imported"),
        ("message CR-3", "imported")]
    assert rep.outcomes[1].corrected == 1 and rep.results_retracted == 1
    rows = stored(db, "hl7:LAB")
    assert [(r[0], r[2], r[7], r[8]) for r in rows] == [
        ("CREA", 1.4, "CR-1/1", False), ("ALB", 41.0, "CR-1/2", True),
        ("CREA", 0.9, "CR-2/1/C", False)]
    with db.session() as s:
        alb = s.scalar(select(M.LabResult).where(M.LabResult.analyte == "ALB"))
        assert alb.error_reason == "withdrawn by the laboratory (hl7:LAB, message CR-3, OBX 1)"
        from app.data import case_repo

        case = case_repo.load_case(s, alb.patient_id)
    assert [(lab.analyte, lab.value) for lab in case.labs if lab.date.day == 10] == [
        ("CREA", 0.9)]
    again = apply_lab_import(db, parse("correct_retract.hl7").units, "tester",
                             today=lambda: TODAY)
    assert again.results_imported == 0 and len(stored(db, "hl7:LAB")) == 3


def test_site_code_map_maps_local_codes_with_a_unit(db):
    settings = LabFeedSettings.from_mapping({"codes": {"B06": {"analyte": "CTX"},
                                                       "降钙素": "CTX"}})
    u = parse("cn_lis_bone_markers.hl7", settings).units[0]
    assert u.skipped_codes == [] and any(i.where == "OBX 6" for i in u.labs)
    from app.interop.lab_codes import CodeMap, CodeMapError

    m = CodeMap.from_mapping({"X1": {"analyte": "vitd", "unit": "nmol/L"}})
    assert m.match("X1").analyte == "VITD" and m.match("x 1").unit == "nmol/L"
    with pytest.raises(CodeMapError, match=r"codes\['X1'\]\.analyte: 'NOPE' is not one of"):
        CodeMap.from_mapping({"X1": "nope"})


@pytest.mark.parametrize("text, expected", [
    ("1.2", (None, 1.2)), ("<0.010", ("<", 0.01)), ("< 5", ("<", 5.0)), (">=2000", (">=", 2000.0)),
    ("≤3", ("<=", 3.0)), ("", "required (no value)"), ("1,2", "not a non-negative decimal number"),
    ("-1", "not a non-negative decimal number"), (".....", "not a non-negative decimal number"),
])
def test_value_texts(text, expected):
    from app.interop.hl7_fields import parse_value

    assert parse_value(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("3.5-5.5", (3.5, 5.5)), ("16.3--73.9", (16.3, 73.9)), ("7 ~ 40", (7.0, 40.0)),
    ("45~125", (45.0, 125.0)), ("4.3 to 6.2", (4.3, 6.2)), ("<5", (None, 5.0)),
    (">30", (30.0, None)), ("40.000000-", (40.0, None)), ("-", (None, None)), ("", (None, None)),
    ("normal", None), ("<9 mcg/dL: see note", None),
])
def test_range_texts(text, expected):
    from app.interop.hl7_fields import parse_range

    assert parse_range(text) == expected


@pytest.mark.parametrize("flag, expected", [
    ("H", "H"), ("HH", "H"), ("↑", "H"), ("高", "H"), ("偏高", "H"), (">", "H"),
    ("L", "L"), ("LL", "L"), ("↓", "L"), ("低", "L"), ("偏低", "L"), ("<", "L"),
    ("N", "N"), ("A", None), ("", None),
])
def test_flags(flag, expected):
    from app.interop.hl7_fields import FLAGS

    assert FLAGS[flag] == expected


@pytest.mark.parametrize("analyte, unit, expected", [
    ("PLT", "10*9/L", "10*9/L"), ("PLT", "10*3/uL", "10^3/uL"), ("PLT", "x10E3/uL", "10^3/uL"),
    ("ALP", "[IU]/L", "IU/L"), ("CREA", "umol/L", "umol/L"), ("TBIL", "micromol/L", "umol/L"),
    ("CREA", "mg/dL", "mg/dL"), ("CREA", " µmol/L ", "µmol/L"), ("PLT", "{cells}/uL", None),
    ("CTX", "mmol/L", None),
])
def test_units(analyte, unit, expected):
    from app.interop.hl7_fields import unit_for

    assert unit_for(analyte, unit) == expected


@pytest.mark.parametrize("name, codec", [
    ("UNICODE UTF-8", "utf-8"), ("8859/1", "iso8859-1"), ("ASCII", "ascii"),
    ("GB 18030-2000", "gb18030"), ("GB2312", "gb18030"), ("GBK", "gb18030"), ("EBCDIC", None),
])
def test_charsets(name, codec):
    from app.interop.hl7_fields import codec_for_charset

    assert codec_for_charset(name) == codec


def test_the_hl7_librarys_loggers_stay_silent_in_this_process(caplog, capfd):
    """python-hl7 logs an undecodable escape with the raw field (identifiers, values); another
    module (e.g. an MLLP listener) may use the library: importing the lab reader silences it."""
    import hl7

    import app.interop.hl7_labs  # noqa: F401

    caplog.set_level(logging.DEBUG)
    msg = hl7.parse("MSH|^~\\&|A|B|||20261110||ORU^R01|1|P|2.5\r"
                    "PID|1||SECRET-MRN\rOBX|1|NM|X||1\\Z\\5|mg/dL\r")
    assert msg.unescape("1\\Z\\5") == "15"  # what the library would have read
    out, err = capfd.readouterr()
    assert "SECRET" not in out + err + caplog.text and "1\\Z\\5" not in err + caplog.text
    assert err == "" and caplog.records == []
