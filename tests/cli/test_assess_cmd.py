"""``bonemet assess`` and ``bonemet rules``: output, exit codes and one-line error messages."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.domain.assess import assess
from app.domain.casefile import parse_case

EXAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "cases" / "example.json"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path, name, content) -> str:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content if isinstance(content, str) else json.dumps(content),
                     encoding="utf-8")
    return str(p)


def example():
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_text_output_is_default(capsys):
    code, out, err = run(capsys, "assess", str(EXAMPLE), "--as-of", "2026-11-21")
    assert code == 0 and err == ""
    assert "Bone metastasis: CONFIRMED — MRI L3 2026-05-08: positive, bone destruction" in out
    assert out.index("DEN-REBOUND-CTX") < out.index("LOC-OLIGO")
    assert "CrCl 59.6 mL/min" in out and "Katagiri —" in out


def test_chinese_text(capsys):
    code, out, _ = run(capsys, "--lang", "zh_CN", "assess", str(EXAMPLE), "--as-of",
                       "2026-11-21")
    assert code == 0 and "骨转移状态：确诊" in out and "[危急] DEN-REBOUND-CTX" in out


def test_json_output_matches_the_domain(capsys):
    code, out, _ = run(capsys, "assess", str(EXAMPLE), "--as-of", "2026-11-21",
                       "--format", "json")
    assert code == 0
    expected = assess(parse_case(example()), date(2026, 11, 21)).to_json()
    assert json.loads(out) == expected


def test_params_file_changes_and_is_listed(capsys, tmp_path):
    params = write(tmp_path, "p.json", {"lsc_ctx": 9.0})
    code, out, _ = run(capsys, "assess", str(EXAMPLE), "--as-of", "2026-11-21",
                       "--format", "json", "--params", params)
    doc = json.loads(out)
    assert code == 0 and doc["parameters"] == {"lsc_ctx": 9.0}
    # CTX 0.41 is no longer ≥ 10 × nadir, and ≤ ULN → no rebound finding
    assert "DEN-REBOUND-CTX" not in [f["rule"] for f in doc["findings"]]


@pytest.mark.parametrize(("content", "message"), [
    ({"lsc_ctz": 0.3}, "bonemet assess: params.lsc_ctz: unknown parameter"),
    ({"lookback_days": "365"}, "bonemet assess: params.lookback_days: expected a whole number"),
    ("[1, 2]", "bonemet assess: parameters: expected a JSON object"),
    ("{", "bonemet assess: --params: invalid JSON at line 1"),
])
def test_bad_params(capsys, tmp_path, content, message):
    params = write(tmp_path, "p.json", content)
    code, out, err = run(capsys, "assess", str(EXAMPLE), "--params", params)
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1


def test_missing_params_file(capsys, tmp_path):
    code, _, err = run(capsys, "assess", str(EXAMPLE), "--params", str(tmp_path / "no.json"))
    assert (code, err) == (2, "bonemet assess: --params: no such file\n")


def test_bad_case_content_names_field_and_hides_patient_data(capsys, tmp_path):
    case = example()
    case["patient"]["mrn"] = "SECRET-MRN-42"
    case["labs"][0]["unit"] = "mmol/L"
    code, out, err = run(capsys, "assess", write(tmp_path, "c.json", case))
    assert code == 2 and out == ""
    assert err == "bonemet assess: labs[0].unit: 'mmol/L' is not a unit of CTX\n"
    assert "SECRET" not in err


@pytest.mark.parametrize(("content", "fragment"), [
    ('{"schema": "bonemet-case/1",', "json: invalid JSON at line 1"),
    (b"\xff\xfe{}", "file: not UTF-8"),
    ("[]", "(case): expected a JSON object"),
    ('{"schema": "bonemet-case/1", "patient": {"mrn": "x"}, "extra": 1}', "extra: unknown key"),
])
def test_bad_case_files(capsys, tmp_path, content, fragment):
    code, out, err = run(capsys, "assess", write(tmp_path, "c.json", content))
    assert code == 2 and out == ""
    assert err.startswith(f"bonemet assess: {fragment}") and err.count("\n") == 1


def test_missing_case_file_message_does_not_echo_the_file_name(capsys, tmp_path):
    code, _, err = run(capsys, "assess", str(tmp_path / "张小燕.json"))
    assert (code, err) == (2, "bonemet assess: file: no such file\n")


@pytest.mark.parametrize("as_of", ["2026-02-30", "21/11/2026", "today", "2026-11-21T10:00"])
def test_bad_as_of(capsys, as_of):
    code, out, err = run(capsys, "assess", str(EXAMPLE), "--as-of", as_of)
    assert code == 2 and out == "" and err.startswith("bonemet assess: --as-of: ")


def test_bad_format_and_missing_or_double_source(capsys):
    with pytest.raises(SystemExit) as info:
        main(["assess", str(EXAMPLE), "--format", "xml"])
    assert info.value.code == 2
    capsys.readouterr()
    code, _, err = run(capsys, "assess")
    assert code == 2 and "CASE" in err
    code, _, err = run(capsys, "assess", str(EXAMPLE), "--mrn", "BM-0001")
    assert code == 2 and "not both" in err


def test_internal_error_is_one_line_without_traceback(capsys, monkeypatch):
    import app.cli.assess_cmd as cmd

    def boom(*_a, **_k):
        raise RuntimeError("value 812 of patient BM-0001")

    monkeypatch.setattr(cmd, "assess", boom)
    code, out, err = run(capsys, "assess", str(EXAMPLE))
    assert code == 1 and out == ""
    assert err.startswith("bonemet assess: internal error (RuntimeError); reference ")
    assert err.endswith("please report it\n") and err.count("\n") == 1
    assert "812" not in err and "BM-0001" not in err
    from app.services.applog import log_path

    logged = log_path().read_text(encoding="utf-8")
    reference = err.split("reference ")[1].split()[0]
    assert reference in logged and "RuntimeError" in logged
    assert "value 812" not in logged and "BM-0001" not in logged  # (log times have digits)


def test_real_process_exit_code_and_no_traceback(tmp_path):
    bad = write(tmp_path, "c.json", '{"schema": "bonemet-case/1", "patient": {"mrn": 5}}')
    proc = subprocess.run([sys.executable, "-m", "app", "assess", bad],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr == "bonemet assess: patient.mrn: expected a string\n"
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_assess_from_registry_matches_case_file(capsys, tmp_path):
    db = str(tmp_path / "reg.sqlite")
    code, _, err = run(capsys, "case", "import", str(EXAMPLE), "--db", db)
    assert code == 0, err
    code, out, err = run(capsys, "assess", "--db", db, "--mrn", "BM-0001", "--as-of",
                         "2026-11-21", "--format", "json")
    assert code == 0, err
    from_file = assess(parse_case(example()), date(2026, 11, 21)).to_json()
    assert json.loads(out) == from_file
    # --db also works before the command (top-level flag)
    code, out2, err = run(capsys, "--db", db, "assess", "--mrn", "BM-0001", "--as-of",
                          "2026-11-21", "--format", "json")
    assert code == 0 and json.loads(out2) == from_file
    code, out, err = run(capsys, "assess", "--db", db, "--mrn", "NOPE", "--as-of", "2026-11-21")
    assert code == 2 and out == "" and err.startswith("bonemet assess: mrn:")


def test_rules_catalogue(capsys):
    code, out, _ = run(capsys, "rules", "--format", "json")
    doc = json.loads(out)
    ids = [r["id"] for r in doc["rules"]]
    assert code == 0 and doc["rules_version"] == "rules/2"
    assert len(ids) == len(set(ids)) == 52
    assert ids[0] == "WU-HIGH-RISK" and ids[-1] == "IO-DENOSUMAB"
    assert ids.index("WU-MSCC") < ids.index("BMA-START") < ids.index("DEN-STOP-WINDOW") \
        < ids.index("DENT-MINOR") < ids.index("LOC-SINS-UNSTABLE")
    assert ids.index("BMA-START") < ids.index("BMA-NO-INDICATION") < ids.index(
        "BMA-ZA-CREAT-RISE") < ids.index("BMA-BP-RENAL") < ids.index("BMA-BP-CREAT-MISSING") \
        < ids.index("BMA-BP-CREAT-RISE") < ids.index("BMA-DEN-CKD")  # rules/2
    for r in doc["rules"]:
        assert r["severity"] and r["trigger"] and r["evidence"] and r["source"] and r["says_zh"]
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "LOC-OLIGO  [info]" in out and "evidence: GL, SEED" in out
