"""``bonemet careplan`` with the site's care-plan settings (clinic contacts, calcium target) —
the same file the app's Settings → Clinic writes — the ``--clinic-*`` overrides, the fill-in
phone line, and the per-patient large-print preference."""

from __future__ import annotations

from pathlib import Path

import pytest
from careplan_check import PlanText, body_font_size, pdf_text
from data.factories import example_case, migrated_db

from app.cli import main
from app.domain.careplan import Clinic
from app.services.careplan_prefs import large_print, set_large_print
from app.services.careplan_settings import (
    CarePlanSettings,
    default_careplan_settings_path,
    load_careplan_settings,
    save_careplan_settings,
)
from app.services.case_service import import_case
from app.services.registry import RegistryService

CASE = Path(__file__).resolve().parents[1] / "fixtures" / "cases" / "example.json"


def plan(tmp_path, *argv: str, lang: str = "en") -> PlanText:
    out = tmp_path / "plan.pdf"
    rc = main(["careplan", "--case", str(CASE), "--as-of", "2026-11-21", "--lang", lang,
               "--out", str(out), *argv])
    assert rc == 0
    return PlanText(pdf_text(out.read_bytes()), lang)


def test_without_settings_the_plan_has_a_line_for_the_phone(tmp_path):
    assert not default_careplan_settings_path().exists()
    assert plan(tmp_path).in_section("contact", "Phone: ____")
    assert plan(tmp_path, lang="zh").in_section("contact", "电话：____")


def test_site_settings_are_used_and_flags_override_them(tmp_path):
    save_careplan_settings(CarePlanSettings(
        Clinic("Thoracic Oncology", "010-1111 2222", "120", "1 Hospital Road"), True))
    t = plan(tmp_path)
    for phrase in ("Thoracic Oncology", "Phone: 010-1111 2222", "After hours / urgent: 120",
                   "1 Hospital Road"):
        assert t.in_section("contact", phrase), phrase
    assert not t.has("Phone: ____")
    t = plan(tmp_path, "--clinic-phone", "010-9999 0000")
    assert t.has("Phone: 010-9999 0000") and not t.has("010-1111 2222")
    assert t.has("Thoracic Oncology")  # the other fields still from the site settings


def test_settings_round_trip_and_bad_file_names_the_field(tmp_path, capsys):
    s = CarePlanSettings(Clinic("诊所", "010", None, None), True)
    save_careplan_settings(s)
    assert load_careplan_settings() == s
    default_careplan_settings_path().write_text('{"clinic": {"fax": "1"}}', encoding="utf-8")
    out = tmp_path / "plan.pdf"
    rc = main(["careplan", "--case", str(CASE), "--lang", "en", "--out", str(out)])
    assert rc == 2 and not out.exists()
    assert "clinic.fax: unknown field" in capsys.readouterr().err


@pytest.fixture
def registry(tmp_path) -> tuple[Path, int]:
    path = tmp_path / "registry.sqlite"
    db = migrated_db(path)
    import_case(db, example_case(), "tester")
    pid = RegistryService(db, "tester").search("BM-0001")[0].id
    db.dispose()
    return path, pid


def test_large_print_is_remembered_per_patient(registry, tmp_path):
    path, pid = registry
    out = tmp_path / "plan.pdf"
    argv = ["careplan", "--db", str(path), "--mrn", "BM-0001", "--as-of", "2026-11-21",
            "--lang", "en", "--out", str(out)]
    assert main(argv) == 0
    assert body_font_size(out.read_bytes()) < 14
    db = migrated_db(path)
    set_large_print(db, pid, True, "tester")
    assert large_print(db, pid) is True
    db.dispose()
    assert main(argv) == 0
    assert body_font_size(out.read_bytes()) >= 14
    assert main([*argv, "--no-large-print"]) == 0
    assert body_font_size(out.read_bytes()) < 14
