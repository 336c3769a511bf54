"""Case files beyond the parser and plausibility limits (issue 15): `case import`, `assess
CASE.json` and `careplan --case` answer exit 2 with one line naming the problem — never a
traceback or "internal error" — and nothing is stored. Plus a fuzz test: the example case with
one value replaced by arbitrary JSON (huge integers, NaN, lone surrogates, nesting, …)."""

from __future__ import annotations

import copy
import json
import sqlite3

import pytest
from data.factories import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main

EXAMPLE = json.loads((FIXTURES / "cases" / "example.json").read_text("utf-8"))


def variant(path: tuple, value) -> dict:
    doc = copy.deepcopy(EXAMPLE)
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


def run(capsys, argv: list[str]) -> tuple[int, str]:
    code = main(argv)
    err = capsys.readouterr().err
    return code, err


def commands(file, db) -> list[list[str]]:
    return [["case", "import", str(file), "--db", str(db)], ["assess", str(file)],
            ["careplan", "--case", str(file), "--lang", "en", "--out", str(file) + ".pdf"]]


def deep(n: int) -> str:
    return ('{"schema": "bonemet-case/1", "patient": {"mrn": "X1", "name": '
            + "[" * n + "]" * n + "}}")


CASES = [
    (deep(1000), "nested too deeply"),
    (deep(20), "nested too deeply"),
    (json.dumps(variant(("patient", "weight_kg"), 2**63)), "patient.weight_kg"),
    (json.dumps(variant(("cancer", "visceral_lesion_count"), 2**63)),
     "cancer.visceral_lesion_count: must be smaller than 2^63"),
    (json.dumps(variant(("cancer", "visceral_lesion_count"), 10**30)), "more than 19 digits"),
    (json.dumps(variant(("cancer", "visceral_lesion_count"), 0)).replace(
        '"visceral_lesion_count": 0', '"visceral_lesion_count": 1' + "0" * 5000),
     "more than 19 digits"),
    (json.dumps(variant(("patient", "name"), "\ud800")), "patient.name: not valid text"),
    (json.dumps(variant(("patient", "mrn"), "A\udfff")), "patient.mrn: not valid text"),
    (json.dumps(variant(("patient", "weight_kg"), float("nan"))), "NaN"),
    ('{"schema": "bonemet-case/1", "patient": {"mrn": "X1", "weight_kg": 1e400}}',
     "patient.weight_kg: expected a finite number"),
    (json.dumps(variant(("patient", "weight_kg"), 1e300)), "patient.weight_kg: must be 20–300 kg"),
    (json.dumps(variant(("patient", "weight_kg"), 19.9)), "patient.weight_kg: must be 20–300 kg"),
    (json.dumps(variant(("patient", "birth_date"), "1800-01-01")),
     "patient.birth_date: must not be before 1900"),
    (json.dumps(variant(("labs", 0, "date"), "0001-01-01")), "labs[0].date: must not be before"),
    (json.dumps(variant(("bma", "administrations", 0, "dose_mg"), 1e9)),
     "bma.administrations[0].dose_mg: must be at most 240 mg for denosumab"),
]


@pytest.mark.parametrize("content, problem", CASES)
def test_refused_with_exit_2_on_every_path_and_nothing_stored(tmp_path, capsys, content,
                                                              problem):
    file = tmp_path / "case.json"
    file.write_text(content, "utf-8")
    db = tmp_path / "reg.sqlite"
    for argv in commands(file, db):
        code, err = run(capsys, argv)
        assert code == 2, (argv[0], err)
        assert problem in err and err.count("\n") == 1, err
        assert "Traceback" not in err and "internal error" not in err
    if db.exists():
        con = sqlite3.connect(db)
        assert con.execute("SELECT count(*) FROM patient").fetchone()[0] == 0
        con.close()


def test_limits_are_inclusive_at_the_edges(tmp_path, capsys):
    doc = variant(("patient", "weight_kg"), 300)
    # §10 (rules/2): an age of exactly 120 on the as-of date (today, for case import) is accepted
    from datetime import date

    today = date.today()
    doc["patient"]["birth_date"] = (today.replace(year=today.year - 120) if (today.month, today.day)
                                    != (2, 29) else date(today.year - 120, 3, 1)).isoformat()
    doc["labs"][0]["date"] = "1900-01-01"  # the earliest date a record may carry
    doc["bma"]["administrations"][0]["dose_mg"] = 240
    file = tmp_path / "edge.json"
    file.write_text(json.dumps(doc), "utf-8")
    code, err = run(capsys, ["case", "import", str(file), "--db", str(tmp_path / "r.sqlite")])
    assert code == 0, err


def test_an_over_large_file_is_refused_before_reading(tmp_path, capsys):
    file = tmp_path / "big.json"
    with open(file, "wb") as fh:
        fh.truncate(17 * 1024 * 1024)
    for argv in commands(file, tmp_path / "reg.sqlite"):
        code, err = run(capsys, argv)
        assert code == 2 and "file: larger than 16 MB" in err, err


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*prefix, i))


PATHS = [p for p in _paths(EXAMPLE) if p]
_scalars = (st.none() | st.booleans() | st.integers() | st.integers(2**62, 2**70)
            | st.floats() | st.text(max_size=8) | st.sampled_from(["\ud800", "a\udc00b", ""])
            | st.sampled_from(["0001-01-01", "1899-12-31", "9999-12-31", "2026-02-30"]))
_json = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PATHS), value=_json, mrn=st.integers(0, 10**6))
def test_fuzzed_case_files_never_crash(fuzz_dir, capsys, path, value, mrn):
    doc = variant(path, value)
    if isinstance(doc.get("patient"), dict) and path[:2] != ("patient", "mrn"):
        doc["patient"]["mrn"] = f"FZ-{mrn}"
    file = fuzz_dir / "fuzz.json"
    file.write_text(json.dumps(doc), "utf-8")
    for argv in commands(file, fuzz_dir / "reg.sqlite")[:2]:
        code, err = run(capsys, argv)
        assert code in (0, 2), (argv[0], err)
        assert "Traceback" not in err and "internal error" not in err
        assert code == 0 or err.count("\n") == 1
