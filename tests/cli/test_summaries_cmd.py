"""``bonemet refresh-summaries``: refreshes every cached summary, progress on stderr as counts
only, exit 2 with one line for bad input."""

from __future__ import annotations

from services.records_helpers import TODAY, case_doc, iso, make_registry
from sqlalchemy import select

from app.cli import COMMAND_MODULES, COMMANDS, main
from app.data import models as M


def _registry(tmp_path):
    doc = case_doc("RS-1", dental={"exams": [iso(40)]})
    doc["bma"] = {"administrations": [{"date": iso(100), "drug": "denosumab", "dose_mg": 120}],
                  "stops": [{"drug": "denosumab", "date": iso(80)}]}
    db, ids = make_registry(tmp_path, doc, case_doc("RS-2"), case_doc("RS-3"))
    with db.session() as s:  # forget what the import cached
        for p in s.scalars(select(M.Patient)):
            p.summary_as_of, p.rebound_open, p.alert_count = None, False, None
    db.dispose()
    return tmp_path / "registry.sqlite", ids


def test_registered_as_a_command():
    assert "app.cli.summaries_cmd" in COMMAND_MODULES
    assert COMMANDS["refresh-summaries"][0] == "app.cli.summaries_cmd"


def test_refreshes_every_summary_with_counts_on_stderr(tmp_path, capsys):
    path, ids = _registry(tmp_path)
    code = main(["refresh-summaries", "--db", str(path), "--as-of", TODAY.isoformat(),
                 "--chunk-size", "2"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "refreshed 3 of 3 patients" in err
    assert "RS-" not in err and "Test Patient" not in err  # counts only
    assert out.strip() == f"refreshed the summaries of 3 patients as of {TODAY.isoformat()}"
    from app.data.engine import open_database

    db = open_database(path)
    try:
        with db.session() as s:
            rows = {p.mrn: p for p in s.scalars(select(M.Patient))}
        assert all(p.summary_as_of == TODAY and p.alert_count is not None
                   for p in rows.values())
        assert rows["RS-1"].rebound_open and not rows["RS-2"].rebound_open
    finally:
        db.dispose()


def test_bad_input_exits_2_with_one_line(tmp_path, capsys):
    path, _ids = _registry(tmp_path)
    assert main(["refresh-summaries", "--db", str(path), "--as-of", "2026-13-01"]) == 2
    err = capsys.readouterr().err
    assert "--as-of" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert main(["refresh-summaries", "--db", str(tmp_path / "missing.sqlite")]) == 2
    assert "--db" in capsys.readouterr().err
    assert main(["refresh-summaries", "--db", str(path), "--chunk-size", "0"]) == 2
    assert "--chunk-size" in capsys.readouterr().err


def _rebound_registry(tmp_path):
    """Denosumab stopped; CTX doubled from its nadir (DEN-REBOUND-CTX with lsc_ctx 0.30)."""
    doc = case_doc("RB-1", dental={"exams": [iso(40)]},
                   labs=[{"date": iso(90), "analyte": "CTX", "value": 0.10, "unit": "ng/mL"},
                         {"date": iso(20), "analyte": "CTX", "value": 0.20, "unit": "ng/mL"}])
    doc["bma"] = {"administrations": [{"date": iso(100), "drug": "denosumab", "dose_mg": 120}],
                  "stops": [{"drug": "denosumab", "date": iso(80)}]}
    db, _ids = make_registry(tmp_path, doc)
    db.dispose()
    return tmp_path / "registry.sqlite"


def _top_severity(path):
    from app.data.engine import open_database

    db = open_database(path)
    try:
        with db.session() as s:
            return s.scalars(select(M.Patient.alert_top_severity)).one()
    finally:
        db.dispose()


def test_uses_the_site_parameter_file_like_the_app(tmp_path, capsys, monkeypatch):
    path = _rebound_registry(tmp_path)
    site = tmp_path / "site.json"
    site.write_text('{"lsc_ctx": 5.0}', encoding="utf-8")
    # explicit --params: a 500% least significant change silences the rebound finding
    assert main(["refresh-summaries", "--db", str(path), "--as-of", TODAY.isoformat(),
                 "--params", str(site)]) == 0
    assert _top_severity(path) != "critical"
    # no --params and no site file: the rule book's defaults (rebound is critical)
    assert main(["refresh-summaries", "--db", str(path), "--as-of", TODAY.isoformat()]) == 0
    assert _top_severity(path) == "critical"
    # the desktop app's default site file is used when present
    monkeypatch.setattr("app.services.site_settings.default_params_path", lambda: site)
    assert main(["refresh-summaries", "--db", str(path), "--as-of", TODAY.isoformat()]) == 0
    assert _top_severity(path) != "critical"
    capsys.readouterr()


def test_bad_parameter_file_exits_2_naming_the_parameter(tmp_path, capsys):
    path = _rebound_registry(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text('{"lsc_ctx": -1}', encoding="utf-8")
    assert main(["refresh-summaries", "--db", str(path), "--params", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "--params" in err and "lsc_ctx" in err and len(err.strip().splitlines()) == 1
