"""§10 (rules/2) on the command line: a ``patient.birth_date`` after the as-of date, or an age
above 120 on it, exits 2 with one line naming the field (``assess``, ``careplan``, ``case
import``); an age of exactly 120 is accepted; nothing is written to the registry."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "cases" / "example.json"


def case_file(tmp_path, birth: str) -> str:
    obj = json.loads(EXAMPLE.read_text("utf-8"))
    obj["patient"]["birth_date"] = birth
    p = tmp_path / "case.json"
    p.write_text(json.dumps(obj), "utf-8")
    return str(p)


def test_assess_birth_date_after_the_as_of_date_exits_2(tmp_path, capsys):
    code = main(["assess", case_file(tmp_path, "2027-01-01"), "--as-of", "2026-11-21"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err == ("bonemet assess: patient.birth_date: 2027-01-01 is after the as-of date "
                   "2026-11-21\n")


@pytest.mark.parametrize(("birth", "code"), [("1906-11-21", 0), ("1905-11-21", 2),
                                             ("2026-11-21", 0), ("2026-11-22", 2)])
def test_assess_age_and_as_of_edges(tmp_path, capsys, birth, code):
    rc = main(["assess", case_file(tmp_path, birth), "--as-of", "2026-11-21", "--format",
               "json"])
    out, err = capsys.readouterr()
    assert rc == code
    if code == 0:
        assert json.loads(out)["rules_version"] == "rules/2" and err == ""
    else:
        assert err.startswith("bonemet assess: patient.birth_date: ")
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_an_earlier_as_of_date_makes_a_valid_birth_date_an_error(tmp_path, capsys):
    # the example patient was born 1953-04-02
    assert main(["assess", str(EXAMPLE), "--as-of", "1953-04-01"]) == 2
    assert "patient.birth_date: 1953-04-02 is after the as-of date 1953-04-01" in (
        capsys.readouterr().err)


def test_careplan_refuses_with_exit_2_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    rc = main(["careplan", "--case", case_file(tmp_path, "1905-11-21"), "--as-of",
               "2026-11-21", "--lang", "en", "--out", str(out)])
    err = capsys.readouterr().err
    assert rc == 2 and not out.exists()
    assert err.startswith("bonemet careplan: patient.birth_date: 1905-11-21 gives an age of 121")


def test_case_import_refuses_a_future_birth_date(tmp_path, capsys):
    db = tmp_path / "reg.sqlite"
    future = date.today().replace(year=date.today().year + 1, day=1).isoformat()
    rc = main(["case", "import", case_file(tmp_path, future), "--db", str(db)])
    err = capsys.readouterr().err
    assert rc == 2
    assert err.startswith(f"bonemet: patient.birth_date: {future} is after the as-of date ")
    assert not db.exists()  # validated before the database is opened


def test_registry_patient_checked_against_the_as_of_date(tmp_path, capsys):
    db = tmp_path / "reg.sqlite"
    assert main(["case", "import", str(EXAMPLE), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["assess", "--db", str(db), "--mrn", "BM-0001", "--as-of", "1953-04-01"]) == 2
    assert capsys.readouterr().err == ("bonemet assess: patient.birth_date: 1953-04-02 is after "
                                       "the as-of date 1953-04-01\n")
    assert main(["assess", "--db", str(db), "--mrn", "BM-0001", "--as-of", "1953-04-02"]) == 0
