"""Settings → Lab codes: the site's code map edited, tested on a pasted message, saved to the
lab-feed file that `bonemet import-labs` reads."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from app.interop.lab_feed_config import load_lab_feed_settings
from app.services.site_settings import default_lab_feed_path

from .test_settings_dialog import open_dialog

MESSAGE = ("MSH|^~\\&|LIS|检验科|||20261110150000||ORU^R01|T1|P|2.4\r"
           "PID|1||A1001||张小燕||19580302|F\r"
           "OBR|1|||骨代谢|||20261110073000\r"
           "OBX|1|NM|X99^骨胶原片段||0.41|ng/mL|0.1-0.57||||F\r"
           "OBX|2|NM|X98^谷丙转氨酶||30|U/L|7-40||||F\r"
           "OBX|3|NM|X97^骨钙素||12||||||F\r")


def test_map_test_and_save(qtbot, window, tmp_path):
    _hub, dialog = open_dialog(qtbot, window, tmp_path)
    tab = dialog.lab_tab
    dialog.tabs.setCurrentWidget(tab)
    assert dialog.tabs.tabText(dialog.tabs.indexOf(tab)) == "Lab anal&yte codes"
    tab.sample.setPlainText(MESSAGE)
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    before = tab.result.toPlainText()
    assert "not mapped: 'X99' '骨胶原片段'" in before
    tab.codes.setPlainText("X99 = CTX\n# the osteocalcin code is not ours\n骨钙素 = PINP ng/mL\n")
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    after = tab.result.toPlainText()
    assert "OBX 1: CTX 0.41 ng/mL" in after
    assert "OBX 3: PINP 12 ng/mL" in after  # the site map's unit for a result without one
    assert "not mapped: 'X98' '谷丙转氨酶'" in after
    tab.authorities.setText("HOSP, 中心医院")
    assert dialog.save() is True
    path = default_lab_feed_path()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["codes"] == {"X99": "CTX", "骨钙素": {"analyte": "PINP", "unit": "ng/mL"}}
    assert data["accepted_authorities"] == ["HOSP", "中心医院"]
    settings = load_lab_feed_settings(path)
    assert settings.codes.match("X99").analyte == "CTX"
    assert settings.authority_accepted("hosp")


def test_a_bad_line_keeps_the_dialog_open_naming_it(qtbot, window, tmp_path):
    _hub, dialog = open_dialog(qtbot, window, tmp_path)
    tab = dialog.lab_tab
    tab.codes.setPlainText("X99 = CTX\nnonsense\n")
    assert dialog.save() is False
    assert dialog.error.text() == ("The lab codes could not be saved: line 2: expected "
                                   "'code = ANALYTE [unit]'")
    assert dialog.tabs.currentWidget() is tab
    tab.codes.setPlainText("X99 = CTXX\n")
    assert dialog.save() is False
    assert "codes['X99'].analyte: 'CTXX' is not one of" in dialog.error.text()
    assert not default_lab_feed_path().exists()
