"""The patient's preferred printout language survives ``bonemet case export`` → ``case
import`` (the optional ``patient.language`` key of a bonemet-case/1 file, ``en`` or ``zh``):
written by export, read by import into the registry, and any other value refused with one
line naming the field, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from data.factories import migrated_db

from app.cli import main
from app.domain.casefile import CaseFileError, case_to_json, parse_case
from app.services.registry import PatientForm, RegistryService

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "cases" / "example.json"


def example(**patient) -> dict:
    obj = json.loads(EXAMPLE.read_text("utf-8"))
    obj["patient"].update(patient)
    return obj


def export(capsys, db: Path, mrn: str) -> dict:
    capsys.readouterr()  # drop earlier output ("imported 1 case …")
    assert main(["case", "export", mrn, "--db", str(db)]) == 0
    return json.loads(capsys.readouterr().out)


def registry_language(db_path: Path, mrn: str) -> str:
    db = migrated_db(db_path)
    try:
        service = RegistryService(db, "t")
        pid = next(r.id for r in service.search(mrn) if r.mrn == mrn)
        return service.load_form(pid)[0].language
    finally:
        db.dispose()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_language_survives_export_then_import(tmp_path, capsys, lang):
    source = tmp_path / "case.json"
    source.write_text(json.dumps(example(language=lang), ensure_ascii=False), "utf-8")
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    assert main(["case", "import", str(source), "--db", str(first)]) == 0
    assert registry_language(first, "BM-0001") == lang
    exported = export(capsys, first, "BM-0001")
    assert exported["patient"]["language"] == lang
    moved = tmp_path / "moved.json"
    moved.write_text(json.dumps(exported, ensure_ascii=False), "utf-8")
    assert main(["case", "import", str(moved), "--db", str(second)]) == 0
    assert registry_language(second, "BM-0001") == lang
    assert export(capsys, second, "BM-0001") == exported


def test_the_language_chosen_in_the_app_is_exported(tmp_path, capsys):
    path = tmp_path / "reg.sqlite"
    db = migrated_db(path)
    try:
        service = RegistryService(db, "t")
        row = service.create(PatientForm(mrn="LANG-1", name="Anna Li", language="zh"))
        form, version = service.load_form(row.id)
        service.update(row.id, PatientForm(**{**form.__dict__, "language": "en"}), version)
    finally:
        db.dispose()
    assert export(capsys, path, "LANG-1")["patient"] == {"mrn": "LANG-1", "name": "Anna Li",
                                                         "language": "en"}


@pytest.mark.parametrize(("value", "shown"), [("fr", "'fr'"), ("EN", "'EN'"), (1, "1"),
                                               ("", "''")])
def test_other_values_are_refused_naming_the_field(tmp_path, capsys, value, shown):
    source = tmp_path / "case.json"
    source.write_text(json.dumps(example(language=value)), "utf-8")
    db = tmp_path / "reg.sqlite"
    assert main(["case", "import", str(source), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.strip().endswith(f"patient.language: {shown} is not one of en, zh")
    assert err.count("\n") == 1
    if db.exists():  # nothing was imported
        assert main(["case", "export", "BM-0001", "--db", str(db)]) == 2


def test_the_key_is_optional_and_round_trips_in_the_domain():
    without = parse_case(example())
    assert without.patient.language is None
    assert "language" not in case_to_json(without)["patient"]
    with_en = parse_case(example(language="en"))
    assert with_en.patient.language == "en"
    assert parse_case(case_to_json(with_en)) == with_en
    with pytest.raises(CaseFileError, match=r"^patient\.language: 'de' is not one of en, zh$"):
        parse_case(example(language="de"))
    with pytest.raises(CaseFileError, match=r"^patient\.locale: unknown key$"):
        parse_case(example(locale="en"))  # the schema still forbids unknown keys
