"""The care plan's site settings file (clinic contacts, calcium target) and the per-patient
large-print preference: validation naming the field, atomic round trip, audit, and a preference
change that leaves the patient's edit version alone."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.data.models import AuditLog, Patient
from app.domain.careplan import Clinic
from app.services.careplan_prefs import PatientNotFoundError, large_print, set_large_print
from app.services.careplan_settings import (
    CarePlanSettings,
    default_careplan_settings_path,
    load_careplan_settings,
    save_careplan_settings,
)
from app.services.registry import PatientForm, RegistryService
from app.services.site_settings import SiteParamsError


def test_no_file_means_no_contacts_and_no_target():
    assert not default_careplan_settings_path().exists()
    assert load_careplan_settings() == CarePlanSettings(Clinic(), False)


def test_round_trip_leaves_out_empty_fields(tmp_path):
    path = tmp_path / "careplan.json"
    save_careplan_settings(CarePlanSettings(Clinic(" Clinic ", "", "120", None), True), path)
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "clinic": {"name": "Clinic", "after_hours_phone": "120"}, "calcium_target": True}
    assert load_careplan_settings(path) == CarePlanSettings(Clinic("Clinic", None, "120"), True)


@pytest.mark.parametrize("content, problem", [
    ("[]", "must be a JSON object"),
    ('{"colour": 1}', "colour: unknown setting"),
    ('{"clinic": "x"}', "clinic: must be an object"),
    ('{"clinic": {"phone": 120}}', "clinic.phone: must be text"),
    ('{"clinic": {"name": "' + "x" * 201 + '"}}', "clinic.name: longer than 200"),
    ('{"calcium_target": "yes"}', "calcium_target: must be true or false"),
    ("{", "invalid JSON"),
])
def test_bad_files_name_the_field(tmp_path, content, problem):
    path = tmp_path / "careplan.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SiteParamsError, match=problem.replace("(", r"\(")):
        load_careplan_settings(path)


def _patient(db) -> int:
    registry = RegistryService(db, "tester")
    return registry.create(PatientForm(mrn="LP-1", name="Large Print")).id


def test_large_print_preference_audit_and_version(db):
    pid = _patient(db)
    with db.session() as s:
        version = s.scalar(select(Patient.version).where(Patient.id == pid))
    assert large_print(db, pid) is False
    set_large_print(db, pid, True, "dr.a")
    set_large_print(db, pid, True, "dr.a")  # unchanged: no second audit row
    assert large_print(db, pid) is True
    with db.session() as s:
        assert s.scalar(select(Patient.version).where(Patient.id == pid)) == version
        rows = s.scalars(select(AuditLog.summary).where(AuditLog.patient_id == pid,
                                                        AuditLog.action == "update")).all()
    assert rows == ["update patient: fields careplan_large_print"]
    with pytest.raises(PatientNotFoundError):
        set_large_print(db, pid + 999, True, "dr.a")
