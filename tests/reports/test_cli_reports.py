"""``bonemet careplan``, ``bonemet mdt-pack`` and ``bonemet mdt``: output and exit codes."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from data.factories import example_case, migrated_db
from sqlalchemy import update

from app.cli import main
from app.data.models import Patient
from app.services.case_service import import_case
from app.services.mdt_service import MdtService

from .pdfcheck import all_text, font_problems, image_count, squash

CASE = Path(__file__).resolve().parents[1] / "fixtures" / "cases" / "example.json"


@pytest.fixture
def registry(tmp_path) -> Path:
    path = tmp_path / "registry.sqlite"
    db = migrated_db(path)
    case = example_case()
    case.patient.name = "张小燕"
    import_case(db, case, "tester")
    db.dispose()
    return path


def test_careplan_from_case_file(tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    rc = main(["careplan", "--case", str(CASE), "--as-of", "2026-11-21", "--lang", "zh",
               "--out", str(out), "--clinic-phone", "010-12345678"])
    assert rc == 0, capsys.readouterr().err
    text = all_text(out.read_bytes())
    assert squash("停用地舒单抗之后") in text and "010-12345678" in text
    assert font_problems(out.read_bytes()) == []
    captured = capsys.readouterr()
    assert captured.out == "" and "BM-0001" not in captured.err


def test_careplan_from_registry(registry, tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    rc = main(["careplan", "--db", str(registry), "--mrn", "BM-0001", "--as-of", "2026-11-21",
               "--lang", "en", "--out", str(out)])
    assert rc == 0, capsys.readouterr().err
    text = all_text(out.read_bytes())
    assert squash("Patient: 张小燕") in text and squash("After stopping denosumab") in text


def test_careplan_defaults_to_the_patients_language(registry, tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    rc = main(["careplan", "--db", str(registry), "--mrn", "BM-0001", "--as-of", "2026-11-21",
               "--out", str(out)])
    assert rc == 0, capsys.readouterr().err
    assert squash("您的骨骼健康护理计划") in all_text(out.read_bytes())  # registry default: zh
    db = migrated_db(registry)
    with db.session() as s:
        s.execute(update(Patient).where(Patient.mrn == "BM-0001").values(language="en"))
    db.dispose()
    assert main(["careplan", "--db", str(registry), "--mrn", "BM-0001", "--out", str(out)]) == 0
    assert squash("Your bone care plan") in all_text(out.read_bytes())
    assert main(["careplan", "--db", str(registry), "--mrn", "BM-0001", "--lang", "zh",
                 "--out", str(out)]) == 0  # switchable when printing
    assert squash("您的骨骼健康护理计划") in all_text(out.read_bytes())


@pytest.mark.parametrize("argv, message", [
    (["--case", "CASE", "--lang", "fr"], "--lang"),
    (["--case", "CASE"], "--lang"),
    (["--lang", "en"], "--case"),
    (["--case", "nope.json", "--lang", "en"], "no such file"),
    (["--case", "CASE", "--lang", "en", "--as-of", "2026-02-30"], "--as-of"),
    (["--case", "CASE", "--mrn", "X", "--lang", "en"], "not both"),
])
def test_careplan_bad_input_exits_2(tmp_path, capsys, argv, message):
    argv = [str(CASE) if a == "CASE" else a for a in argv]
    out = tmp_path / "x.pdf"
    assert run_cli(["careplan", *argv, "--out", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def run_cli(argv: list[str]) -> int:
    """Exit code of the command (argparse errors raise SystemExit)."""
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code)


def test_careplan_out_folder_missing(tmp_path, capsys):
    rc = main(["careplan", "--case", str(CASE), "--lang", "en",
               "--out", str(tmp_path / "no" / "x.pdf")])
    assert rc == 2 and "--out" in capsys.readouterr().err


def test_mdt_commands_and_pack(registry, tmp_path, capsys):
    db = ["--db", str(registry)]
    day = (date.today() + timedelta(days=3)).isoformat()
    assert main(["mdt", "create", *db, "--date", day, "--title", "Thoracic MDT"]) == 0
    assert main(["mdt", "add", *db, "--date", day, "--mrn", "BM-0001",
                 "--question", "Resume denosumab?"]) == 0
    assert main(["mdt", "add", *db, "--date", day, "--mrn", "NOPE", "--question", "Q"]) == 2
    assert "mrn: no patient" in capsys.readouterr().err
    out = tmp_path / "pack.pdf"
    rc = main(["mdt-pack", *db, "--meeting", "next", "--out", str(out)])
    assert rc == 0, capsys.readouterr().err
    pdf = out.read_bytes()
    text = all_text(pdf)
    assert squash("Thoracic MDT") in text and squash("Resume denosumab?") in text
    assert text.count("张小燕") >= 2 and font_problems(pdf) == []
    assert image_count(pdf) == 1  # the trend plot, drawn by app.ui.trends (offscreen Qt)
    assert "propagateSizeHints" not in capsys.readouterr().err
    out2 = tmp_path / "pack2.pdf"
    assert main(["mdt-pack", *db, "--meeting", day, "--lang", "zh", "--out", str(out2)]) == 0
    assert squash("MDT病例摘要") in all_text(out2.read_bytes())
    # decision before the meeting is refused; the service records it afterwards
    handle = migrated_db(registry)
    case_id = MdtService(handle, "t").list_cases(1)[0].id
    handle.dispose()
    assert main(["mdt", "decide", *db, "--case-id", str(case_id), "--decision", "Resume"]) == 2
    assert "not taken place" in capsys.readouterr().err


@pytest.mark.parametrize("meeting, message", [
    ("2026-13-01", "--meeting: expected a date"),
    ("2001-01-01", "--meeting: no meeting on this date"),
    ("next", "--meeting: no upcoming meeting"),
])
def test_mdt_pack_bad_meeting_exits_2(registry, tmp_path, capsys, meeting, message):
    rc = main(["mdt-pack", "--db", str(registry), "--meeting", meeting,
               "--out", str(tmp_path / "p.pdf")])
    assert rc == 2
    assert message in capsys.readouterr().err


def test_mdt_pack_bad_site_parameter_file_exits_2(registry, tmp_path, capsys):
    bad = tmp_path / "site.json"
    bad.write_text('{"ctx_uln": 1}', encoding="utf-8")
    rc = main(["mdt-pack", "--db", str(registry), "--meeting", "next",
               "--out", str(tmp_path / "p.pdf"), "--params", str(bad)])
    assert rc == 2
    err = capsys.readouterr().err
    assert "--params" in err and "ctx_uln" in err
    assert not (tmp_path / "p.pdf").exists()


@pytest.fixture
def site_settings(tmp_path):
    """QSettings in a temp dir (the CLI reads the app's language setting from there)."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    return tmp_path / "cfg"


def test_mdt_meeting_details_from_the_command_line(registry, tmp_path, capsys, site_settings):
    db = ["--db", str(registry)]
    day = (date.today() + timedelta(days=3)).isoformat()
    assert main(["mdt", "create", *db, "--date", day, "--time", "2 pm"]) == 2
    assert "start_time: expected a time HH:MM" in capsys.readouterr().err
    assert main(["mdt", "create", *db, "--date", day, "--title", "Thoracic MDT", "--time",
                 "14:00", "--place", "Room 3", "--chair", "Dr Li",
                 "--attendees", "Dr Zhang, Dr Chen"]) == 0
    assert main(["mdt", "edit", *db, "--date", day, "--place", "Room 5", "--chair", ""]) == 0
    assert main(["mdt", "edit", *db, "--date", "2001-01-01", "--place", "x"]) == 2
    assert "--date: no meeting on this date" in capsys.readouterr().err
    handle = migrated_db(registry)
    m = MdtService(handle, "t").meeting_on(date.fromisoformat(day))
    handle.dispose()
    assert m.title == "Thoracic MDT"  # a flag left out keeps its value
    assert (m.details.start_time, m.details.place, m.details.chair, m.details.attendees) == (
        "14:00", "Room 5", None, "Dr Zhang, Dr Chen")
    assert main(["mdt", "add", *db, "--date", day, "--mrn", "BM-0001",
                 "--question", "Resume denosumab?"]) == 0
    # no --lang: the site language (the app's language setting), here Chinese
    from PySide6.QtCore import QSettings

    from app.cli.mdt_cmd import site_language

    QSettings().setValue("ui/language", "zh_CN")
    QSettings().sync()
    assert site_language() == "zh"
    out = tmp_path / "pack.pdf"
    assert main(["mdt-pack", *db, "--meeting", day, "--out", str(out)]) == 0
    text = all_text(out.read_bytes())
    for phrase in ("时间", "14:00", "地点", "Room 5", "主持人", "未记录", "Dr Zhang, Dr Chen",
                   "骨改良药物疗程"):
        assert squash(phrase) in text, phrase
    QSettings().setValue("ui/language", "en")
    assert site_language() == "en"
