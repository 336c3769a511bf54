"""Messages and a registry for the lab-feed tests (network listener, watched folder, import
dialog): one patient whose demographics the messages repeat (PID-5, -7, -8), so they are the
right patient by every check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from data.factories import migrated_db
from sqlalchemy import func, select

from app.data import models as M
from app.domain import case as C
from app.services.case_service import import_case

MRN = "BM-8001"
TODAY = date(2026, 11, 21)


def patient_case(mrn: str = MRN) -> C.Case:
    return C.Case(patient=C.Patient(mrn=mrn, name="测试", sex="female",
                                    birth_date=date(1955, 1, 2), weight_kg=55))


def registry(path: Path):
    """A migrated SQLite registry holding the one patient (caller disposes)."""
    db = migrated_db(path)
    import_case(db, patient_case(), "test")
    return db


def hl7_message(control: str = "CTRL-1", *, mrn: str = MRN, code: str = "41171-0^CTX^LN",
                value: str = "0.52", unit: str = "ng/mL", dtm: str = "20261110073000",
                mtype: str = "ORU^R01", name: str = "测试", born: str = "19550102",
                sex: str = "F") -> str:
    """One ORU^R01 message with one observation (segments end in CR)."""
    return "\r".join([
        f"MSH|^~\\&|LIS|LAB1|BONEMET|ONC|20261110080000||{mtype}|{control}|P|2.5",
        f"PID|1||{mrn}||{name}||{born}|{sex}",
        f"OBR|1|||CHEM^生化|||{dtm}",
        f"OBX|1|NM|{code}||{value}|{unit}|||||F",
    ]) + "\r"


def csv_rows(*rows: tuple[str, str, str, str]) -> str:
    """A lab CSV: rows of (date, analyte, value, unit) for the patient."""
    lines = ["mrn,date,analyte,value,unit"]
    lines += [f"{MRN},{d},{a},{v},{u}" for d, a, v, u in rows]
    return "\n".join(lines) + "\n"


def lab_count(db) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(M.LabResult)))
