"""``bonemet import-labs``: report, exit codes, dry run, and no patient data on the output."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.data import models as M

from .conftest import MRN, message, msh, obr, obx, pid


def lab_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(M.LabResult))


@pytest.fixture(autouse=True)
def _no_site_file(tmp_path, monkeypatch):
    """The machine's own site parameter file must not change these tests."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def registry(db):
    return db.sqlite_path


def write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


GOOD = message(msh("1"), pid(), obr(), obx(1, "41171-0^CTX^LN", "0.52", "ng/mL"),
               obx(2, "X^血钙", "2.31", "mmol/L"), obx(3, "X^葡萄糖", "5", "mmol/L"))
BAD = message(msh("2"), pid(), obr(), obx(1, "41171-0^CTX^LN", "0.61", "mmol/L"))


def test_all_imported_exit_0_and_reimport_skips(tmp_path, registry, db, capsys):
    f = write(tmp_path, "a.hl7", GOOD, "gbk")
    assert main(["import-labs", f, "--db", str(registry)]) == 0
    out = capsys.readouterr().out
    assert "HL7 v2 file, encoding gb18030" in out
    assert "read 1 message: 1 imported, 0 skipped, 0 rejected" in out
    assert "results: 2 imported, 0 already in the registry, 0 rejected, 1 left out" in out
    assert "      1 x  code 'X', name '葡萄糖'" in out  # the codes to map, with counts
    assert main(["import-labs", f, "--db", str(registry)]) == 0
    assert "results: 0 imported, 2 already in the registry" in capsys.readouterr().out


def test_some_rejected_exit_1_says_the_others_were_imported(tmp_path, registry, db, capsys):
    f = write(tmp_path, "b.hl7", BAD + GOOD)
    before = lab_count(db)
    assert main(["import-labs", f, "--db", str(registry), "--format", "hl7"]) == 1
    captured = capsys.readouterr()
    assert "rejected message 2, OBX 1, OBX-6: 'mmol/L' is not a unit of CTX" in captured.out
    assert ("1 message and 1 result(s) rejected (nothing of them written); the others were "
            "imported") in captured.out
    assert lab_count(db) == before + 2
    for text in (captured.out, captured.err):
        assert MRN not in text and "0.61" not in text and "0.52" not in text


def test_dry_run_writes_nothing(tmp_path, registry, db, capsys):
    f = write(tmp_path, "c.hl7", BAD + GOOD)
    before = lab_count(db)
    assert main(["import-labs", f, "--db", str(registry), "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "dry run: nothing was written" in out
    assert "read 2 messages: 1 would be imported, 0 skipped, 1 rejected" in out
    assert lab_count(db) == before


def test_csv_per_line_error(tmp_path, registry, db, capsys):
    f = write(tmp_path, "d.csv", "mrn,date,analyte,value,unit\n"
              f"{MRN},2026-11-02,CTX,0.5,mmol/L\n{MRN},2026-11-03,ALB,38,g/L\n")
    assert main(["import-labs", f, "--db", str(registry)]) == 1
    out = capsys.readouterr().out
    assert "CSV file, encoding utf-8" in out
    assert "rejected line 2, unit: 'mmol/L' is not a unit of CTX" in out
    assert "read 2 rows: 1 imported, 0 skipped, 1 rejected" in out


@pytest.mark.parametrize("name, content, args, message", [
    ("missing.hl7", None, [], "FILE: no such file"),
    ("e.hl7", "garbage\n", ["--format", "hl7"], "segment 1: expected MSH"),
    ("e.csv", "who,what\n", [], "header: unknown column 'who'"),
    ("e.txt", "hello\n", [], "--format: cannot tell"),
    ("e.hl7", "MSH|^~\\&|é\r", ["--encoding", "nope"], "--encoding: unknown encoding"),
])
def test_unreadable_file_exit_2_nothing_written(tmp_path, registry, db, capsys, name,
                                                content, args, message):
    f = str(tmp_path / name) if content is None else write(tmp_path, name, content)
    before = lab_count(db)
    assert main(["import-labs", f, "--db", str(registry), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"bonemet: {message}") and "nothing was imported" in err
    assert "Traceback" not in err
    assert lab_count(db) == before


def test_missing_database_exit_2(tmp_path, capsys):
    f = write(tmp_path, "a.hl7", GOOD)
    assert main(["import-labs", f, "--db", str(tmp_path / "none.sqlite")]) == 2
    assert "--db: no such database file" in capsys.readouterr().err


def test_site_parameters(tmp_path, registry, db, capsys):
    f = write(tmp_path, "a.hl7", GOOD)
    bad = write(tmp_path, "bad.json", '{"lsc_ctx": -1}')
    assert main(["import-labs", f, "--db", str(registry), "--params", bad]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bonemet: --params: lsc_ctx") and "nothing was imported" in err
    assert lab_count(db) == 2
    good = write(tmp_path, "good.json", '{"lsc_ctx": 0.5}')
    assert main(["import-labs", f, "--db", str(registry), "--params", good]) == 0
    assert lab_count(db) == 4


def test_progress_goes_to_stderr_as_counts_only(capsys):
    from app.cli.import_labs_cmd import _Progress

    progress = _Progress("messages", every_s=0.0)
    progress(3, 10)
    progress(10, 10)  # the end is reported by the summary, not here
    assert capsys.readouterr().err == "processed 3 of 10 messages\n"


def test_code_map_file_and_site_file(tmp_path, registry, db, capsys):
    text = message(msh("9"), pid(), obr(), obx(1, "LOC7^骨胶原片段", "0.5", "ng/mL"))
    f = write(tmp_path, "m.hl7", text)
    assert main(["import-labs", f, "--db", str(registry), "--dry-run"]) == 0
    assert "1 x  code 'LOC7', name '骨胶原片段'" in capsys.readouterr().out
    cmap = write(tmp_path, "map.json", '{"codes": {"LOC7": "CTX"}}')
    assert main(["import-labs", f, "--db", str(registry), "--code-map", cmap]) == 0
    assert "results: 1 imported" in capsys.readouterr().out
    site = tmp_path / "config" / "BoneMet" / "lab-feed.json"  # the default site file
    site.parent.mkdir(parents=True)
    site.write_text('{"codes": {"骨胶原片段": "CTX"}}', encoding="utf-8")
    assert main(["import-labs", f, "--db", str(registry), "--dry-run"]) == 0
    assert "1 already in the registry" in capsys.readouterr().out
    bad = write(tmp_path, "bad.json", '{"codes": {"LOC7": "NOPE"}, "colour": 1}')
    assert main(["import-labs", f, "--db", str(registry), "--code-map", bad]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bonemet: --code-map: 'colour': unknown key") and "nothing" in err
