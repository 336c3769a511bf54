"""Fixtures: a migrated SQLite registry holding one small case, and HL7 message builders."""

from __future__ import annotations

from datetime import date

import pytest
from data.factories import migrated_db

from app.domain import case as C
from app.services.case_service import import_case

TODAY = date(2026, 11, 21)
MRN = "BM-7001"


def small_case(mrn: str = MRN) -> C.Case:
    """Denosumab stopped on 2026-08-10 (last dose 2026-07-20), nadir CTX 0.09 ng/mL, a
    follow-up CTX on day 62 that is no rebound: as of 2026-11-21 no DEN-REBOUND-CTX yet."""
    return C.Case(
        patient=C.Patient(mrn=mrn, name="测试", sex="female", birth_date=date(1955, 1, 2),
                          weight_kg=55),
        labs=[C.Lab(date(2026, 7, 2), "CTX", 0.09, "ng/mL"),
              C.Lab(date(2026, 9, 20), "CTX", 0.10, "ng/mL")],
        bma=C.Bma(
            administrations=[C.Administration(date(2026, 5, 25), "denosumab", 120),
                             C.Administration(date(2026, 6, 22), "denosumab", 120),
                             C.Administration(date(2026, 7, 20), "denosumab", 120)],
            interval_days={},
            stops=[C.Stop("denosumab", date(2026, 8, 10), "dental extraction")],
        ),
    )


def msh(control: str = "1", facility: str = "LAB1", mtype: str = "ORU^R01") -> str:
    return f"MSH|^~\\&|LIS|{facility}|BONEMET|ONC|20261110080000||{mtype}|{control}|P|2.5"


def pid(mrn: str = MRN, *, authority: str = "", name: str = "测试", birth: str = "",
        sex: str = "") -> str:
    """A PID (the small case's patient: 测试, born 1955-01-02, female)."""
    return f"PID|1||{mrn}^^^{authority}^MR||{name}||{birth}|{sex}"


def obr(dtm: str = "20261110073000") -> str:
    return f"OBR|1|||CHEM^生化|||{dtm}"


def obx(n: int, code: str, value: str, unit: str, *, ref: str = "", flag: str = "",
        status: str = "F", vtype: str = "NM", dtm: str = "", method: str = "") -> str:
    fields = ["OBX", str(n), vtype, code, "", value, unit, ref, flag, "", "", status, "", "",
              dtm, "", "", method]
    return "|".join(fields)


def message(*segments: str) -> str:
    return "\r".join(segments) + "\r"


@pytest.fixture
def db(tmp_path):
    database = migrated_db(tmp_path / "registry.sqlite")
    import_case(database, small_case(), "test")
    yield database
    database.dispose()
