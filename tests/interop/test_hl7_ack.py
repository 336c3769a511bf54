"""HL7 acknowledgements: the header read from a received message, the ACK written, and the
ACK code chosen for each import outcome."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest

from app.interop.hl7_ack import build_ack, escape, read_header
from app.interop.lab_intake import HELD_FOR_REVIEW, ack_code
from app.services.lab_import import UnitOutcome

from .mllp_client import msa, segments

MSG = ("MSH|^~\\&|LIS^1.2.3^ISO|LAB1|BONEMET|ONC|20261110080000||ORU^R01^ORU_R01|C-77|P|2.5"
       "||||||UNICODE UTF-8\rPID|1||X\r")


def test_header_fields_as_sent():
    h = read_header("\r\n" + MSG)
    assert (h.sending_application, h.sending_facility) == ("LIS^1.2.3^ISO", "LAB1")
    assert (h.receiving_application, h.receiving_facility) == ("BONEMET", "ONC")
    assert (h.control_id, h.trigger, h.processing_id, h.version) == ("C-77", "R01", "P", "2.5")
    assert h.charset == "UNICODE UTF-8"
    assert read_header("PID|1||X") is None and read_header("") is None


def test_header_with_other_delimiters_takes_first_components_escaped():
    h = read_header("MSH#:!?*#LIS:X#LAB|1#B#O#2026#|#ORU:R01#C:1#T#2.3\r")
    assert h.sending_application == "LIS" and h.sending_facility == "LAB\\F\\1"
    assert (h.control_id, h.trigger, h.processing_id, h.version) == ("C", "R01", "T", "2.3")


def test_ack_swaps_applications_echoes_control_id_and_charset():
    ack = build_ack("AA", read_header(MSG), now=datetime(2026, 12, 7, 10, 0, 0))
    msh = segments(ack)["MSH"][0]
    assert msh[3:8] == ["BONEMET", "ONC", "LIS^1.2.3^ISO", "LAB1", "20261207100000"]
    assert msh[9] == "ACK^R01^ACK" and msh[10].startswith("BM20261207100000")
    assert (msh[11], msh[12], msh[18]) == ("P", "2.5", "UNICODE UTF-8")
    assert msa(ack) == ("AA", "C-77", "")
    assert "ERR" not in segments(ack) and ack.endswith("\r")


def test_error_ack_escapes_truncates_and_locates():
    long = "OBX 2, OBX-6: 'mg|dL^x' is not a unit of CREA " + "and more " * 10
    ack = build_ack("AE", read_header(MSG), (long, "PID-3: required (the patient's MRN)",
                                             "OBX: no observation in the message"))
    code, control, text = msa(ack)
    assert (code, control) == ("AE", "C-77") and len(text) <= 80
    assert "\\F\\" in text and "\\S\\" in text and "|dL" not in text
    errs = segments(ack)["ERR"]
    assert [e[2] for e in errs] == ["OBX^2^6", "PID^1^3", "OBX"]
    assert [e[3].split("^")[0] for e in errs] == ["207", "101", "207"]
    assert errs[0][8].startswith("OBX 2, OBX-6: 'mg\\F\\dL\\S\\x'")


def test_ack_without_a_header_and_bad_code():
    ack = build_ack("AR", None, ("frame: x",))
    assert msa(ack) == ("AR", "", "frame: x")
    assert segments(ack)["MSH"][0][9] == "ACK"
    with pytest.raises(ValueError, match="code"):
        build_ack("CA", None)
    assert escape("a\\b|c^d&e~f\rg") == "a\\E\\b\\F\\c\\S\\d\\T\\e\\R\\f g"


@pytest.mark.parametrize("status, reasons, expected", [
    ("imported", ("OBX 3: not a BoneMet analyte (OBX-3)", "1 result(s) already in the registry"),
     ("AA", ())),
    ("skipped", ("no results",), ("AA", ())),
    ("rejected", ("OBX 1, OBX-6: 'mmol/L' is not a unit of CTX",), "AE"),
    ("rejected", ("OBX 2: unit: at most 20 characters",), "AE"),
    ("rejected", ("database error (OperationalError): nothing of it was written",), "AE"),
    ("rejected", ("PID-3: no patient with this MRN in the registry",), "AR"),
    ("rejected", ("MSH-9: 'ADT^A01' is not ORU^R01", "OBX 1, OBX-5: required"), "AR"),
    ("imported", ("OBX 2, OBX-6: 'x' is not a unit of ALP",), "AE"),
    ("queued", ("PID-5: family name differs",), ("AA", (HELD_FOR_REVIEW,))),
])
def test_ack_code_per_outcome(status, reasons, expected):
    code, problems = ack_code(UnitOutcome("message 1", status, reasons=reasons))
    if isinstance(expected, tuple):
        assert (code, problems) == expected
    else:
        assert code == expected and problems == reasons


def test_results_rejected_by_count_get_ae():
    outcome = SimpleNamespace(status="imported", reasons=("OBX 2 rejected",), rejected_results=1)
    assert ack_code(outcome) == ("AE", ("OBX 2 rejected",))
