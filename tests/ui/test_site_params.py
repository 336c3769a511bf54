"""Site rule parameters in the desktop app: the file given with ``--params`` (or the default
site file) reaches the charts; an unusable file stops the start, naming the parameter."""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.cli import build_parser, main
from app.cli.gui_cmd import GuiStartError, prepare_gui
from app.data.engine import open_database
from app.data.migrate import ensure_schema
from app.domain.casefile import parse_case
from app.domain.params import DEFAULTS
from app.services import site_settings
from app.services.case_service import import_case


def args(**kw) -> argparse.Namespace:
    return argparse.Namespace(**{"db": None, "demo": False, "lang": "en", "command": None,
                                 "site_params": None, **kw})


def iso(days_ago: int) -> str:
    return (date.today() - timedelta(days=days_ago)).isoformat()


def rebound_case() -> dict:
    """Denosumab stopped ~4 months ago; CTX 0.41 ng/mL a month ago after a nadir of 0.09:
    with the defaults (LSC 30%, ULN 0.70) that is a rebound (≥ 1.3 × nadir)."""
    return {
        "schema": "bonemet-case/1",
        "patient": {"mrn": "R-1", "name": "Test Patient", "sex": "female",
                    "birth_date": "1953-04-02", "weight_kg": 58},
        "cancer": {"histology": "adenocarcinoma", "stage": "IVB"},
        "imaging": [{"date": iso(300), "modality": "mri", "region": "L3", "result": "positive",
                     "bone_destruction": True}],
        "labs": [{"date": iso(170), "analyte": "CTX", "value": 0.09, "unit": "ng/mL"},
                 {"date": iso(30), "analyte": "CTX", "value": 0.41, "unit": "ng/mL"}],
        "bma": {"administrations": [
            {"date": iso(200), "drug": "denosumab", "dose_mg": 120},
            {"date": iso(172), "drug": "denosumab", "dose_mg": 120},
            {"date": iso(144), "drug": "denosumab", "dose_mg": 120}],
            "stops": [{"drug": "denosumab", "date": iso(130), "reason": "dental"}]},
    }


@pytest.fixture
def rebound_db(tmp_path):
    path = tmp_path / "registry.sqlite"
    db = open_database(path)
    ensure_schema(db)
    pid = import_case(db, parse_case(rebound_case()), "setup")
    db.dispose()
    return path, pid


def chart_rules(qtbot, session, pid) -> set[str]:
    qtbot.addWidget(session.window)
    win = session.window.chart_opener.open_chart(pid)
    qtbot.waitUntil(lambda: win.chart is not None, timeout=5000)
    rules = {f.rule for f in win.chart.assessment.findings}
    shown = {f.rule for f in win.findings.findings_model.findings()}
    assert shown == rules  # what the chart shows is this assessment
    win.close()
    return rules


def test_the_chart_honours_the_parameter_file(qtbot, tmp_path, rebound_db):
    path, pid = rebound_db
    session = prepare_gui(args(db=str(path)), show_dialogs=False)
    try:
        assert session.site.params == DEFAULTS and not session.site.from_file
        assert "DEN-REBOUND-CTX" in chart_rules(qtbot, session, pid)
    finally:
        session.window.close()
        session.db.dispose()

    params = tmp_path / "site.json"
    params.write_text(json.dumps({"lsc_ctx": 5.0}), encoding="utf-8")  # 0.41 < 6 × 0.09
    session = prepare_gui(args(db=str(path), site_params=str(params)), show_dialogs=False)
    try:
        assert session.site.params.lsc_ctx == 5.0
        assert session.window.chart_opener.params.lsc_ctx == 5.0
        assert session.window.mdt_hub.params.lsc_ctx == 5.0
        rules = chart_rules(qtbot, session, pid)
        assert "DEN-REBOUND-CTX" not in rules and "DEN-STOP-WINDOW" in rules
    finally:
        session.window.close()
        session.db.dispose()


def test_the_default_site_file_is_used_without_the_option(qtbot, tmp_path, rebound_db):
    path, pid = rebound_db
    default = site_settings.default_params_path()  # isolated by tests/ui/conftest.py
    default.parent.mkdir(parents=True, exist_ok=True)
    default.write_text(json.dumps({"ctx_uln_ng_ml": 0.3, "lsc_ctx": 5.0}), encoding="utf-8")
    session = prepare_gui(args(db=str(path)), show_dialogs=False)
    try:
        assert session.site.from_file and session.site.path == default
        # 0.41 > ULN 0.30: a rebound again, through the other branch of the rule
        assert "DEN-REBOUND-CTX" in chart_rules(qtbot, session, pid)
    finally:
        session.window.close()
        session.db.dispose()


def test_an_unusable_file_stops_the_start_naming_the_parameter(qapp, tmp_path, capsys):
    db_path = tmp_path / "registry.sqlite"
    params = tmp_path / "site.json"
    params.write_text('{"lsc_ctx": "thirty percent"}', encoding="utf-8")
    with pytest.raises(GuiStartError) as info:
        prepare_gui(args(db=str(db_path), site_params=str(params)), show_dialogs=False)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "lsc_ctx: expected a number" in err and "will not start" in err
    assert "Traceback" not in err
    assert not db_path.exists()  # refused before the database was touched


def test_main_shows_the_problem_in_a_message_box(qapp, tmp_path, capsys):
    default = site_settings.default_params_path()
    default.parent.mkdir(parents=True, exist_ok=True)
    default.write_text('{"dental_hold_days": -5}', encoding="utf-8")
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(f"{box.text()}\n{box.informativeText()}")
            box.accept()
        else:
            QTimer.singleShot(50, close_box)

    QTimer.singleShot(50, close_box)
    assert main(["--db", str(tmp_path / "r.sqlite"), "--lang", "en"]) == 2
    assert seen and "will not start" in seen[0]
    assert "dental_hold_days: must not be negative" in seen[0]
    assert "dental_hold_days" in capsys.readouterr().err


def test_the_option_is_on_the_top_level_command_line():
    ns = build_parser(["--params", "x.json"]).parse_args(["--params", "x.json"])
    assert ns.site_params == "x.json" and ns.command is None
    argv = ["--params", "x.json", "assess", "case.json"]
    ns = build_parser(argv).parse_args(argv)
    assert ns.command == "assess" and ns.case == "case.json"  # its value is not a command


def test_the_option_before_a_command_is_refused_not_ignored(capsys):
    assert main(["--params", "site.json", "rules"]) == 2
    err = capsys.readouterr().err
    assert "--params before rules" in err and "after the command" in err
