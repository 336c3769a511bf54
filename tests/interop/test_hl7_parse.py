"""HL7 v2 ORU^R01 parsing: fields read, validated and positioned in messages (no database)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.interop.hl7_labs import dtm_to_iso, parse_hl7_text, split_messages
from app.interop.lab_files import LabFileError, parse_lab_file

from .conftest import TODAY, message, msh, obr, obx, pid


def one(text: str):
    units = parse_hl7_text(text, today=TODAY)
    assert len(units) == 1
    return units[0]


def test_loinc_result_is_read_as_reported():
    u = one(message(msh(facility="中心实验室"), pid(), obr(),
                    obx(1, "41171-0^β-CTX^LN", "812", "pg/mL", ref="136-689", flag="H",
                        dtm="20261102070500+0800", method="^ECLIA")))
    assert u.problems == [] and u.skipped == []
    assert u.mrn == "BM-7001" and u.source == "hl7:中心实验室" and u.label == "message 1"
    [item] = u.labs
    lab = item.lab
    assert (lab.analyte, lab.value, lab.unit) == ("CTX", 812.0, "pg/mL")
    assert (lab.ref_low, lab.ref_high, lab.fasting, lab.method) == (136.0, 689.0, None, "ECLIA")
    assert lab.at == datetime(2026, 11, 2, 7, 5, tzinfo=timezone(timedelta(hours=8)))
    assert lab.date.isoformat() == "2026-11-02"
    assert (item.loinc, item.flag, item.ref_text, item.corrects) == ("41171-0", "H", "136-689",
                                                                    False)


def test_chinese_local_names_and_obr_time_fallback():
    u = one(message(msh(), pid(), obr("20261110073000"),
                    obx(1, "L001^碱性磷酸酶", "180", "U/L", ref="45~125"),
                    obx(2, "L002^β-CTX", "0.52", "ng/mL", ref="0.1\\R\\0.7"),
                    obx(3, "L003^肌酐", "0.9", "mg/dL"),
                    obx(4, "L004^血钙", "2.31", "mmol/L"),
                    obx(5, "L005^白蛋白", "38", "g/L")))
    assert u.problems == []
    got = [(i.lab.analyte, i.lab.unit, i.loinc) for i in u.labs]
    assert got == [("ALP", "U/L", None), ("CTX", "ng/mL", None), ("CREA", "mg/dL", None),
                   ("CA", "mmol/L", None), ("ALB", "g/L", None)]
    assert all(i.lab.at == datetime(2026, 11, 10, 7, 30) for i in u.labs)
    assert u.labs[0].lab.ref_low == 45 and u.labs[0].lab.ref_high == 125
    assert (u.labs[1].lab.ref_low, u.labs[1].lab.ref_high) == (0.1, 0.7)
    assert u.labs[1].ref_text == "0.1~0.7"


def test_gbk_bytes_fall_back_and_say_so():
    text = message(msh(), pid(), obr(), obx(1, "X1^碱性磷酸酶", "99", "U/L"),
                   obx(2, "X2^β-CTX", "300", "pg/mL"))
    data = text.encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    parsed = parse_lab_file(data, "labs.hl7", today=TODAY)
    assert parsed.format == "hl7" and parsed.encoding.startswith("gb18030")
    assert [i.lab.analyte for i in parsed.units[0].labs] == ["ALP", "CTX"]
    explicit = parse_lab_file(data, "labs.txt", encoding="gbk", today=TODAY)
    assert explicit.encoding == "gbk"
    assert [i.lab.analyte for i in explicit.units[0].labs] == ["ALP", "CTX"]
    utf8 = parse_lab_file(text.encode("utf-8"), "labs.hl7", today=TODAY)
    assert utf8.encoding == "utf-8"


def test_wrong_explicit_encoding_is_a_file_error():
    data = message(msh(), pid(), obx(1, "X^肌酐", "1", "mg/dL")).encode("utf-8")
    with pytest.raises(LabFileError, match="not valid ascii text"):
        parse_lab_file(data, "a.hl7", encoding="ascii", today=TODAY)
    with pytest.raises(LabFileError, match="--encoding: unknown encoding"):
        parse_lab_file(data, "a.hl7", encoding="klingon", today=TODAY)


def test_mllp_framing_newlines_and_batch_envelope():
    m1 = message(msh("1"), pid(), obr(), obx(1, "2160-0^Creat^LN", "0.9", "mg/dL"))
    m2 = message(msh("2"), pid("BM-7002"), obr(), obx(1, "1751-7^Alb^LN", "40", "g/L"))
    text = ("FHS|^~\\&\nBHS|^~\\&\n" + "\x0b" + m1.replace("\r", "\r\n") + "\x1c\r"
            + "\x0b" + m2.replace("\r", "\n") + "\x1c\r" + "BTS|2\nFTS|1\n")
    units = parse_hl7_text(text, today=TODAY)
    assert [(u.label, u.mrn, u.problems) for u in units] == [
        ("message 1", "BM-7001", []), ("message 2", "BM-7002", [])]
    assert units[0].labs[0].lab.analyte == "CREA" and units[0].labs[0].loinc == "2160-0"


def test_bad_unit_names_obx6_and_the_position():
    u = one(message(msh(), pid(), obr(), obx(1, "1751-7^Alb^LN", "40", "g/L"),
                    obx(2, "41171-0^CTX^LN", "0.5", "mmol/L")))
    assert u.problems == []  # one bad result costs only itself
    assert u.rejected == ["OBX 2, OBX-6: 'mmol/L' is not a unit of CTX (ng/mL, pg/mL, µg/L, "
                          "ng/L)"]
    assert [i.lab.analyte for i in u.labs] == ["ALB"]


def test_missing_unit_value_and_time_are_named():
    u = one(message(msh(), pid(), "OBR|1", obx(1, "41171-0^CTX^LN", "", "")))
    assert u.problems == [] and u.labs == []
    assert "OBX 1, OBX-5: required (no value)" in u.rejected
    assert "OBX 1, OBX-6: required (no unit)" in u.rejected


@pytest.mark.parametrize("status, word", [("P", "preliminary"), ("X", "cancelled (no result)"),
                                          ("R", "not verified"), ("S", "partial")])
def test_not_final_and_cancelled_results_are_skipped_with_a_reason(status, word):
    u = one(message(msh(), pid(), obr(), obx(1, "41171-0^CTX^LN", "0.5", "ng/mL"),
                    obx(2, "2160-0^Cr^LN", "", "", status=status)))
    assert u.problems == [] and len(u.labs) == 1
    assert u.skipped == [f"OBX 2: {word} result (OBX-11 {status})"]


def test_unknown_analyte_is_skipped_not_rejected():
    u = one(message(msh(), pid(), obr(), obx(1, "2345-7^Glucose^LN", "5.1", "mmol/L"),
                    obx(2, "G1^葡萄糖", "5.1", "mmol/L")))
    assert u.problems == [] and u.labs == []
    assert u.skipped == ["OBX 1: not a BoneMet analyte (OBX-3)",
                         "OBX 2: not a BoneMet analyte (OBX-3)"]
    assert u.skipped_codes == [("2345-7", "Glucose"), ("G1", "葡萄糖")]


def test_corrected_status_marks_the_result():
    u = one(message(msh(), pid(), obr(), obx(1, "41171-0^CTX^LN", "0.5", "ng/mL", status="C")))
    assert u.labs[0].corrects is True


@pytest.mark.parametrize("segment, expected", [
    (obx(1, "41171-0^CTX^LN", "abc", "ng/mL"), "OBX 1, OBX-5: not a non-negative decimal"),
    (obx(1, "41171-0^CTX^LN", "-1", "ng/mL"), "OBX 1, OBX-5: not a non-negative decimal"),
    (obx(1, "41171-0^CTX^LN", "1^:^2", "ng/mL", vtype="SN"), "OBX 1, OBX-5: a ratio, range"),
    (obx(1, "41171-0^CTX^LN", "1\\Z\\5", "ng/mL"), "OBX 1, OBX-5: unknown escape sequence"),
    (obx(1, "41171-0^CTX^LN", "x", "ng/mL", vtype="CE"), "OBX 1, OBX-2: value type 'CE'"),
    (obx(1, "41171-0^CTX^LN", "1", "ng/mL", ref="normal"), "OBX 1, OBX-7: expected a reference"),
    (obx(1, "41171-0^CTX^LN", "1", "ng/mL", ref="9-1"), "OBX 1, OBX-7: must not be above"),
    (obx(1, "41171-0^CTX^LN", "1", "ng/mL", status="Z"), "OBX 1, OBX-11: 'Z' is not a result"),
    (obx(1, "41171-0^CTX^LN", "1", "ng/mL", dtm="20261302"), "OBX 1, OBX-14: not a valid date"),
    (obx(1, "41171-0^CTX^LN", "1", "ng/mL", dtm="20271201"), "OBX 1, OBX-14: is in the future"),
    (obx(1, "41171-0^CTX^LN", "1", "ng/mL", method="M" * 101), "OBX 1, OBX-17: at most 100"),
])
def test_field_problems_name_the_field(segment, expected):
    u = one(message(msh(), pid(), obr(), segment, obx(2, "1751-7^Alb^LN", "40", "g/L")))
    assert u.problems == [] and [i.where for i in u.labs] == ["OBX 2"]
    assert any(p.startswith(expected) for p in u.rejected), u.rejected


def test_message_level_problems():
    assert one(message(msh(mtype="ADT^A01"), pid())).problems == [
        "MSH-9: 'ADT^A01' is not ORU^R01 (only lab results are imported)"]
    assert one(message(msh(), obr(), obx(1, "41171-0^CTX^LN", "1", "ng/mL"))).problems == [
        "PID: missing"]
    assert "PID-3/PID-2/PID-4: required (the patient's ID)" in one(message(
        msh(), "PID|1||", obr(), obx(1, "41171-0^CTX^LN", "1", "ng/mL"))).problems
    assert one(message(msh(), pid(), obr())).problems == ["OBX: no observation in the message"]


def test_mrn_prefers_the_mr_identifier():
    u = one(message(msh(), "PID|1||998877^^^INS^PI~BM-7001^^^HOSP^MR", obr(),
                    obx(1, "41171-0^CTX^LN", "1", "ng/mL")))
    assert u.mrn == "BM-7001"


def test_values_are_unescaped():
    u = one(message(msh(facility="A\\T\\B"), pid(), obr(),
                    obx(1, "41171-0^CTX^LN", "1", "ng/mL", method="^ECL\\T\\IA")))
    assert u.source == "hl7:A&B" and u.labs[0].lab.method == "ECL&IA"


def test_problems_never_repeat_patient_data():
    secret_mrn, secret_value = "SECRET-42", "987654"
    u = one(message(msh(), pid(secret_mrn), obr(),
                    obx(1, "41171-0^CTX^LN", secret_value, "mmol/L", ref="x", flag="Q"),
                    obx(2, "2160-0^Cr^LN", secret_value + "x", "mg/dL")))
    assert u.rejected
    for p in u.rejected + u.notes:
        assert "SECRET" not in p and secret_value not in p


def test_file_level_errors():
    with pytest.raises(LabFileError, match="no HL7 message"):
        split_messages("\r\n\r\n")
    with pytest.raises(LabFileError, match="segment 1: expected MSH"):
        split_messages("PID|1||X\rMSH|^~\\&|A")
    with pytest.raises(LabFileError, match="cannot tell whether"):
        parse_lab_file(b"hello world\n", "labs.txt")
    with pytest.raises(LabFileError, match="is empty"):
        parse_lab_file(b"  \n", "labs.hl7")
    with pytest.raises(LabFileError, match="neither UTF-8 nor GBK"):
        parse_lab_file(b"MSH|\xff\xff\xff\x00\x81", "labs.hl7")


@pytest.mark.parametrize("dtm, iso", [
    ("20261102", "2026-11-02"),
    ("202611020705", "2026-11-02T07:05:00"),
    ("20261102070509.25", "2026-11-02T07:05:09.250000"),
    ("20261102070509+0800", "2026-11-02T07:05:09+08:00"),
    ("2026110207", "2026-11-02T07:00:00"),
    ("202611", None), ("20260231", None), ("20261102+0800", None), ("2026-11-02", None),
    ("20261102250000", None),
])
def test_dtm_to_iso(dtm, iso):
    assert dtm_to_iso(dtm) == iso
