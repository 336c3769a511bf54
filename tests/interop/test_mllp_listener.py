"""The MLLP listener over loopback: ACK codes, MSA-2, one transaction per message, bad frames,
several messages on one connection, and no patient data in ACKs or events."""

from __future__ import annotations

from datetime import date

import pytest
from hl7.client import MLLPClient
from sqlalchemy import select

from app.data import models as M
from app.interop.lab_intake import receive_message
from app.interop.mllp_listener import ListenerThread, MllpListener
from app.services.records import RecordsService

from .feed_fixtures import MRN, TODAY, hl7_message, lab_count, registry
from .mllp_client import Client, frame, msa, segments


@pytest.fixture
def db(tmp_path):
    database = registry(tmp_path / "registry.sqlite")
    yield database
    database.dispose()


@pytest.fixture
def events():
    return []


@pytest.fixture
def server(db, events):
    listener = MllpListener(lambda data: receive_message(db, data, "mllp:test",
                                                         today=lambda: TODAY),
                            "127.0.0.1", 0, max_bytes=64 * 1024, on_event=events.append)
    thread = ListenerThread(listener)
    host, port = thread.start()
    assert host == "127.0.0.1" and port > 0
    yield port
    assert thread.stop(timeout_s=15)


def chart_labs(db):
    with db.session() as s:
        pid = s.scalar(select(M.Patient.id).where(M.Patient.mrn == MRN))
    chart = RecordsService(db, "test", today=lambda: TODAY).chart(pid)
    return [(lab.date, lab.analyte, lab.value, lab.unit) for lab in chart.case.labs]


def test_accepted_message_is_acknowledged_aa_and_shows_in_the_chart(db, server):
    with Client(server) as client:
        ack = client.exchange(frame(hl7_message("LAB-0001")))
    code, control, text = msa(ack)
    assert (code, control, text) == ("AA", "LAB-0001", "")
    header = segments(ack)["MSH"][0]
    assert header[9] == "ACK^R01^ACK"
    assert (header[3], header[4], header[5], header[6]) == ("BONEMET", "ONC", "LIS", "LAB1")
    assert (date(2026, 11, 10), "CTX", 0.52, "ng/mL") in chart_labs(db)


def test_rejected_result_gets_ae_naming_the_field_without_patient_data(db, server, events):
    before = lab_count(db)
    with Client(server) as client:
        ack = client.exchange(frame(hl7_message("LAB-0002", value="0.61", unit="mmol/L")))
    code, control, text = msa(ack)
    assert (code, control) == ("AE", "LAB-0002")
    assert "OBX-6" in text
    err = segments(ack)["ERR"][0]
    assert err[2] == "OBX^1^6" and err[4] == "E" and "OBX-6" in err[8]
    assert lab_count(db) == before
    for shown in [ack, *(str(e) for e in events)]:
        assert MRN not in shown and "0.61" not in shown and "测试" not in shown


@pytest.mark.parametrize("message, problem", [
    (hl7_message("LAB-0003", mrn="NOBODY-1"), "PID-3"),
    (hl7_message("LAB-0004", mtype="ADT^A01"), "MSH-9"),
    (hl7_message("LAB-0005", mrn=""), "PID-3"),
])
def test_message_level_faults_get_ar(db, server, message, problem):
    before = lab_count(db)
    with Client(server) as client:
        code, control, text = msa(client.exchange(frame(message)))
    assert code == "AR" and control.startswith("LAB-000") and problem in text
    assert "NOBODY-1" not in text
    assert lab_count(db) == before


def test_garbage_gets_ar_and_the_connection_goes_on(db, server):
    with Client(server) as client:
        code, control, text = msa(client.exchange(frame("this is not HL7")))
        assert (code, control) == ("AR", "") and "MSH" in text
        code, _, text = msa(client.exchange(b"no start byte at all" + b"\x1c\r"))
        assert code == "AR" and "start byte" in text
        code, _, _ = msa(client.exchange(frame(b"\xff\xfe\x00garbage")))
        assert code == "AR"
        # blank lines between frames are tolerated; the next real message is stored
        assert msa(client.exchange(b"\r\n" + frame(hl7_message("LAB-0006"))))[:2] == \
            ("AA", "LAB-0006")
    assert lab_count(db) == 1


def test_two_messages_on_one_connection_and_a_resend(db, server):
    first = hl7_message("LAB-0007")
    second = hl7_message("LAB-0008", code="6768-6^ALP^LN", value="140", unit="U/L")
    with Client(server) as client:
        client.sock.sendall(frame(first) + frame(second))  # both before reading an ACK
        assert msa(client.read_ack())[:2] == ("AA", "LAB-0007")
        assert msa(client.read_ack())[:2] == ("AA", "LAB-0008")
        assert lab_count(db) == 2
        # the sender never got our ACK and sends again: accepted, stored once
        assert msa(client.exchange(frame(first)))[:2] == ("AA", "LAB-0007")
    assert lab_count(db) == 2


def test_unfinished_frame_is_dropped_the_next_one_answered(db, server):
    with Client(server) as client:
        half = frame(hl7_message("LAB-0009"))[:40]  # never ended by FS CR
        code, control, _ = msa(client.exchange(half + frame(hl7_message("LAB-0010"))))
    assert (code, control) == ("AA", "LAB-0010")
    assert lab_count(db) == 1


def test_oversized_frame_is_refused_and_the_server_keeps_serving(db, server):
    huge = frame(hl7_message("LAB-0011") + "NTE|1||" + "x" * 80_000 + "\r")
    with Client(server) as client:
        client.sock.sendall(huge)
        code, _, text = msa(client.read_ack())
        assert code == "AR" and "larger than" in text
    with Client(server) as client:
        assert msa(client.exchange(frame(hl7_message("LAB-0012"))))[0] == "AA"


def test_a_laboratory_client_python_hl7_mllpclient(db, server):
    with MLLPClient("127.0.0.1", server) as client:
        client.socket.settimeout(10)
        ack = client.send_message(hl7_message("LAB-0013").encode("gb18030"))
    assert ack.startswith(b"\x0b") and ack.endswith(b"\x1c\r")
    assert msa(ack[1:-2].decode("gb18030"))[:2] == ("AA", "LAB-0013")
    assert lab_count(db) == 1


def test_stop_with_a_client_connected_is_clean(db, events):
    listener = MllpListener(lambda data: receive_message(db, data, "t", today=lambda: TODAY),
                            "127.0.0.1", 0)
    thread = ListenerThread(listener)
    _, port = thread.start()
    client = Client(port)
    assert msa(client.exchange(frame(hl7_message("LAB-0014"))))[0] == "AA"
    assert thread.stop(timeout_s=15)
    assert client.sock.recv(10) == b""  # the server closed the connection
    client.sock.close()
    assert lab_count(db) == 1


def test_address_in_use_raises_on_start(db, server):
    second = ListenerThread(MllpListener(lambda data: None, "127.0.0.1", server))
    with pytest.raises(OSError):
        second.start()
