"""CLI `case import/export`, `db upgrade/current`, `backup`; case-file reading; backups.
Runs in-process through app.cli.main (no Qt)."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

import pytest
from data.factories import FIXTURES, example_case, full_case, migrated_db, without_lab_provenance
from sqlalchemy import func, select, text

from app.cli import main
from app.data import models as M
from app.data.engine import open_database
from app.data.migrate import current_revision, head_revision
from app.domain.casefile import CaseFileError, case_to_json, parse_case
from app.interop.casefile_io import load_case_file, write_case_file
from app.services.backup import BackupNotSupported, backup_database
from app.services.case_service import import_case, load_case

EXAMPLE = FIXTURES / "cases" / "example.json"


def table_counts(path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return {t.name: con.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0]
                for t in M.Base.metadata.sorted_tables}
    finally:
        con.close()


def test_cli_import_then_export_round_trip(tmp_path, capsys):
    db_path = tmp_path / "reg.sqlite"
    assert main(["case", "import", str(EXAMPLE), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "imported 1 case" in out and "BM-0001" not in out
    assert main(["--db", str(db_path), "case", "export", "BM-0001"]) == 0
    exported = json.loads(capsys.readouterr().out)
    expected = case_to_json(example_case())
    # the file gave no printout language: the registry's default (Chinese) is exported with it
    assert exported["patient"].pop("language") == "zh"
    assert without_lab_provenance(exported) == expected
    assert exported["labs"][0]["loinc"] == "41171-0"  # what the registry keeps, exported
    assert parse_case(exported) == parse_case(json.loads(EXAMPLE.read_text("utf-8")))


@pytest.mark.parametrize("content, message", [
    ('{"schema": "bonemet-case/1", "patient": {"mrn": "X1"},\n  }',
     "json: invalid JSON at line 2, column 3"),
    ('{"schema": "bonemet-case/1", "patient": {"mrn": "X1"}, "labs": [{"date": "2026-01-01",'
     ' "analyte": "CTX", "value": 1, "unit": "mmol/L"}]}',
     "labs[0].unit: 'mmol/L' is not a unit of CTX"),
    ('{"schema": "bonemet-case/1", "patient": {"mrn": "X1", "shoe_size": 9}}',
     "patient.shoe_size"),
])
def test_cli_bad_file_exit_2_and_db_unchanged(tmp_path, capsys, content, message):
    db_path = tmp_path / "reg.sqlite"
    assert main(["case", "import", str(EXAMPLE), "--db", str(db_path)]) == 0
    before = table_counts(db_path)
    bad = tmp_path / "bad.json"
    bad.write_text(content, "utf-8")
    capsys.readouterr()
    assert main(["case", "import", str(bad), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert table_counts(db_path) == before


def test_cli_duplicate_import_exit_2_and_db_unchanged(tmp_path, capsys):
    db_path = tmp_path / "reg.sqlite"
    assert main(["case", "import", str(EXAMPLE), "--db", str(db_path)]) == 0
    before = table_counts(db_path)
    assert main(["case", "import", str(EXAMPLE), "--db", str(db_path)]) == 2
    assert "patient.mrn:" in capsys.readouterr().err
    assert table_counts(db_path) == before


def test_cli_missing_things(tmp_path, capsys):
    db_path = tmp_path / "reg.sqlite"
    assert main(["case", "import", str(tmp_path / "none.json"), "--db", str(db_path)]) == 2
    assert "no such file" in capsys.readouterr().err
    assert not db_path.exists()  # nothing created for a bad file
    assert main(["case", "export", "X", "--db", str(tmp_path / "nothere.sqlite")]) == 2
    assert main(["db", "current", "--db", str(tmp_path / "nothere.sqlite")]) == 2
    assert main(["case", "import", str(EXAMPLE), "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["case", "export", "NOPE", "--db", str(db_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "mrn:" in captured.err


def test_cli_db_upgrade_and_current(tmp_path, capsys):
    db_path = tmp_path / "reg.sqlite"
    assert main(["db", "upgrade", "--db", str(db_path)]) == 0
    assert "created" in capsys.readouterr().out
    assert main(["db", "upgrade", "--db", f"sqlite:///{db_path}"]) == 0
    assert "already at the newest" in capsys.readouterr().out
    assert main(["db", "current", "--db", str(db_path)]) == 0
    assert f"revision: {head_revision()}" in capsys.readouterr().out
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    con.commit()
    con.close()
    assert main(["db", "upgrade", "--db", str(db_path)]) == 1
    assert "newer BoneMet" in capsys.readouterr().err
    assert main(["case", "import", str(EXAMPLE), "--db", str(db_path)]) == 1
    assert main(["db", "current", "--db", str(db_path)]) == 0
    assert "NEWER" in capsys.readouterr().out


def test_cli_backup(tmp_path, capsys):
    db_path = tmp_path / "reg.sqlite"
    assert main(["case", "import", str(EXAMPLE), "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["backup", "--db", str(db_path), "--out", str(tmp_path / "bk")]) == 0
    copy = tmp_path / "bk" / capsys.readouterr().out.strip().rsplit("/", 1)[-1]
    assert copy.exists() and copy.name.startswith("reg-")
    assert table_counts(copy) == table_counts(db_path)


def test_backup_api_is_consistent_while_open(db, tmp_path):
    import_case(db, full_case(), "t")
    with db.session() as s:  # an open session with uncommitted work is not in the copy
        s.add(M.Patient(mrn="UNCOMMITTED"))
        s.flush()
        path = backup_database(db, tmp_path / "out", now=datetime(2026, 11, 21, 8, 0, 0))
        s.rollback()
    assert path.name == "registry-20261121-080000.sqlite"
    copy = open_database(path)
    try:
        assert current_revision(copy) == head_revision()
        assert load_case(copy, "FULL-001") == full_case()
        with copy.session() as s:
            assert s.scalar(select(func.count()).select_from(M.Patient)) == 1
    finally:
        copy.dispose()
    second = backup_database(db, tmp_path / "out", now=datetime(2026, 11, 21, 8, 0, 0))
    assert second != path and second.exists()
    assert backup_database(db).parent == db.sqlite_path.parent / "backups"


def test_backup_refuses_a_server_database():
    pytest.importorskip("psycopg")
    db = open_database("postgresql://u@localhost/x")
    with pytest.raises(BackupNotSupported):
        backup_database(db)
    db.dispose()


def test_case_file_io(tmp_path):
    case = full_case()
    path = write_case_file(case, tmp_path / "case.json")
    assert load_case_file(path) == case
    assert "欧阳小燕" in path.read_text("utf-8")  # readable UTF-8, not \\u escapes
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert load_case_file(bom) == example_case()
    with pytest.raises(CaseFileError, match="^file: .*no such file"):
        load_case_file(tmp_path / "missing.json")
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"x": "é"}'.encode("latin-1"))
    with pytest.raises(CaseFileError, match="^file: not UTF-8"):
        load_case_file(latin)
    (tmp_path / "syntax.json").write_text('{\n  "schema": "bonemet-case/1"\n  "patient": {}\n}')
    with pytest.raises(CaseFileError) as info:
        load_case_file(tmp_path / "syntax.json")
    assert info.value.field == "json" and "line 3, column 3" in str(info.value)
    assert "\n" not in str(info.value)


def test_migrated_db_fixture_is_really_empty(tmp_path):
    db = migrated_db(tmp_path / "e.sqlite")
    with db.session() as s:
        assert s.execute(text("SELECT count(*) FROM patient")).scalar() == 0
    db.dispose()


def test_cli_database_problems_are_one_line(tmp_path, capsys):
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database file" * 100)
    assert main(["case", "import", str(EXAMPLE), "--db", str(garbage)]) == 1
    err = capsys.readouterr().err
    assert "database error" in err and len(err.strip().splitlines()) == 1
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["db", "upgrade", "--db", str(blocker / "sub" / "r.sqlite")]) == 2
    assert "cannot create the folder" in capsys.readouterr().err
