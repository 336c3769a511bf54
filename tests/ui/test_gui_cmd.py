"""``bonemet`` without a command: database resolution, schema check, refusal of a newer schema."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text

from app.cli import main
from app.cli.gui_cmd import GuiStartError, prepare_gui
from app.data.engine import open_database
from app.data.migrate import ensure_schema, head_revision


def args(**kw) -> argparse.Namespace:
    return argparse.Namespace(**{"db": None, "demo": False, "lang": "en", "command": None, **kw})


def make_too_new(path) -> None:
    db = open_database(path)
    ensure_schema(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_the_future'"))
    db.dispose()


def test_prepare_gui_creates_schema_and_opens_the_registry(qtbot, tmp_path):
    path = tmp_path / "new.sqlite"
    session = prepare_gui(args(db=str(path)), show_dialogs=False)
    try:
        qtbot.addWidget(session.window)
        assert path.is_file()
        with session.db.engine.connect() as conn:
            rev = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert rev == head_revision()
        assert session.window.model.total_count == 0
        assert str(path) in session.window._db_label.text()
        assert session.translations.language == "en"
    finally:
        session.db.dispose()


def test_newer_schema_is_refused_with_exit_2(tmp_path, capsys, qapp):
    path = tmp_path / "future.sqlite"
    make_too_new(path)
    with pytest.raises(GuiStartError) as info:
        prepare_gui(args(db=str(path)), show_dialogs=False)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "newer version of BoneMet" in err and "Traceback" not in err
    # and the file was left alone
    db = open_database(path)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            "ffff_from_the_future"
        )
    db.dispose()


def test_main_shows_a_message_box_and_exits_2(tmp_path, capsys, qapp):
    path = tmp_path / "future.sqlite"
    make_too_new(path)
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(50, close_box)

    QTimer.singleShot(50, close_box)
    assert main(["--db", str(path), "--lang", "en"]) == 2
    assert seen and "newer version" in seen[0]


def test_bad_database_target_exits_2(tmp_path, capsys, qapp):
    with pytest.raises(GuiStartError) as info:
        prepare_gui(args(db="mysql://nowhere/db"), show_dialogs=False)
    assert info.value.code == 2
    assert "cannot be opened" in capsys.readouterr().err
