"""Shared set-up for the chart-records service tests: a real SQLite registry in a temp dir
with a few patients imported from case documents (no demo generator needed)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from app.data.engine import open_database
from app.data.migrate import ensure_schema
from app.domain.casefile import parse_case
from app.services.case_service import import_case

TODAY = date(2026, 11, 21)


def iso(days_before_today: int) -> str:
    return (TODAY - timedelta(days=days_before_today)).isoformat()


def case_doc(mrn: str, **sections: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "schema": "bonemet-case/1",
        "patient": {"mrn": mrn, "name": "Test Patient", "sex": "female",
                    "birth_date": "1950-01-01", "weight_kg": 50},
        "cancer": {"histology": "adenocarcinoma", "stage": "IVB", "drivers": ["EGFR L858R"]},
        "imaging": [{"date": iso(200), "modality": "mri", "region": "L3", "result": "positive",
                     "bone_destruction": True}],
    }
    doc.update(sections)
    return doc


def kidney_doc(mrn: str, creatinine_umol_l: float, days_ago: int = 7) -> dict[str, Any]:
    """A confirmed patient (76-year-old woman, 50 kg) with a creatinine, a normal calcium and
    albumin ``days_ago``, a recent dental exam and supplements."""
    return case_doc(
        mrn,
        labs=[{"date": iso(days_ago), "analyte": "CREA", "value": creatinine_umol_l,
               "unit": "umol/L"},
              {"date": iso(days_ago), "analyte": "CA", "value": 2.3, "unit": "mmol/L"},
              {"date": iso(days_ago), "analyte": "ALB", "value": 40, "unit": "g/L"}],
        dental={"exams": [iso(30)]},
        supplements={"calcium": True, "vitamin_d": True},
    )


def poor_kidney_doc(mrn: str = "K-1") -> dict[str, Any]:
    """Creatinine 180 µmol/L a week ago: CrCl ≈ 20 mL/min."""
    return kidney_doc(mrn, 180)


def mild_kidney_doc(mrn: str = "K-2") -> dict[str, Any]:
    """CrCl ≈ 45 mL/min → zoledronic acid 3.3 mg."""
    return kidney_doc(mrn, 80)


def severe_kidney_doc(mrn: str = "K-9") -> dict[str, Any]:
    """Creatinine 380 µmol/L 3 days ago: CrCl ≈ 8.8 mL/min (< 10)."""
    return kidney_doc(mrn, 380, days_ago=3)


def make_registry(tmp_path, *docs: dict[str, Any]):
    db = open_database(tmp_path / "registry.sqlite")
    ensure_schema(db)
    ids = {d["patient"]["mrn"]: import_case(db, parse_case(d), "setup") for d in docs}
    return db, ids
