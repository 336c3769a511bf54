"""Chinese UI: the shipped .qm loads and translates; the .ts is complete; the CJK font loads;
switching language from the menu retranslates the open window and is remembered."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase

from app.resources import cjk_font_path, translation_file, translations_dir
from app.ui.app import (
    Translations,
    create_application,
    register_bundled_fonts,
    resolve_language,
    stored_language,
)
from app.ui.patient_dialog import error_message


@pytest.fixture
def translations(qapp):
    t = Translations(qapp)
    yield t
    t.install("en")  # leave the process in English for the other tests


def test_zh_cn_translator_translates(translations):
    assert translation_file("zh_CN").is_file()
    assert translations.install("zh_CN") is True
    tr = QCoreApplication.translate
    assert tr("MainWindow", "&New patient…") == "新建患者(&N)…"
    assert tr("RegistryTableModel", "MRN") == "病历号"
    assert tr("Labels", "Denosumab") == "地舒单抗"
    assert error_message("weight_kg", "out_of_range") == "体重须在 20 至 300 kg 之间。"
    translations.install("en")
    assert tr("RegistryTableModel", "MRN") == "MRN"


def test_every_string_in_the_ts_is_translated():
    root = ET.parse(translations_dir() / "bonemet_zh_CN.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 80
    untranslated = [
        m.findtext("source") for m in messages
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not (m.findtext("translation") or "").strip()
    ]
    assert untranslated == []


def test_qm_is_not_older_than_ts():
    ts = translations_dir() / "bonemet_zh_CN.ts"
    assert translation_file("zh_CN").stat().st_size > 1000
    assert translation_file("zh_CN").stat().st_mtime >= ts.stat().st_mtime - 1


def test_bundled_cjk_font_registers(qapp):
    assert cjk_font_path().is_file()
    families = register_bundled_fonts(qapp)
    assert "WenQuanYi Micro Hei" in families
    assert "WenQuanYi Micro Hei" in QFontDatabase.families()
    assert "WenQuanYi Micro Hei" in qapp.font().families()


def test_language_menu_switches_live_and_is_remembered(qtbot, window, qapp, translations):
    create_application()  # names for QSettings (isolated to tmp by the conftest fixture)
    window._translations = translations
    window.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.menu_file.title() == "文件(&F)", timeout=2000)
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "病历号"
    assert window.search_box.placeholderText().startswith("搜索")
    assert stored_language() == "zh_CN"
    assert resolve_language(None) == "zh_CN"
    assert resolve_language("en") == "en"  # --lang wins
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.menu_file.title() == "&File", timeout=2000)
    assert stored_language() == "en"


def _messages():
    root = ET.parse(translations_dir() / "bonemet_zh_CN.ts").getroot()
    for m in root.iter("message"):
        yield m.findtext("source") or "", m.findtext("translation") or ""


def test_translations_keep_placeholders_and_keyboard_mnemonics():
    placeholder = re.compile(r"%\d|\{[a-z_]+\}")
    mnemonic = re.compile(r"&(?!&)\S")
    for source, translation in _messages():
        assert sorted(placeholder.findall(source)) == sorted(placeholder.findall(translation)), (
            source
        )
        has_key = bool(mnemonic.search(source.replace("&&", "")))
        assert has_key == bool(mnemonic.search(translation.replace("&&", ""))), source


def test_committed_qm_is_the_compiled_ts(tmp_path):
    """The shipped .qm is exactly what lrelease makes of the .ts (not just newer than it)."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name(
        "pyside6-lrelease"))
    out = tmp_path / "check.qm"
    subprocess.run([lrelease, "-silent", str(translations_dir() / "bonemet_zh_CN.ts"), "-qm",
                    str(out)], check=True, timeout=120)
    assert out.read_bytes() == translation_file("zh_CN").read_bytes(), (
        "bonemet_zh_CN.qm is stale: run scripts/update_translations.sh")


def test_qt_own_dialogs_are_chinese(translations, qtbot):
    """Qt's base translations load with ours: the file dialog's labels are Chinese."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    assert translations.install("zh_CN")
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
    assert not {"&Look in:", "Files of &type:"} & texts
