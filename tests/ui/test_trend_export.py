"""Export PNG… of the chart's trend panel: the real file dialog suggests
``trend-<MRN>-<date>.png``; the saved image carries the patient's name, MRN, the dates of
the results shown and the print date (drawn on a caption band above the plot, and in the
PNG's text entries); it is written atomically; nothing about the patient reaches the log."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QLineEdit

from app.domain.trends_sample import stopped_denosumab_case
from app.services.files import OutputPathError
from app.ui.trends.view import EXPORT_SIZE, TrendView

from .dialog_driver import DialogDriver
from .test_due_item_text import chinese  # noqa: F401 (the Chinese UI fixture)

AS_OF = date(2026, 11, 21)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def patient_case(name: str, mrn: str):
    case = stopped_denosumab_case()
    return replace(case, patient=replace(case.patient, name=name, mrn=mrn))


@pytest.fixture
def view(qtbot):
    w = TrendView()
    qtbot.addWidget(w)
    w.resize(1200, 600)
    w.set_case(patient_case("Wang Jianguo", "MRN/77-01"), AS_OF)
    w.show()
    qtbot.waitExposed(w)
    return w


def band_ink(image: QImage, band_px: int) -> int:
    white = QColor("white").rgb()
    return sum(image.pixel(x, y) != white
               for x in range(0, image.width(), 3) for y in range(0, band_px, 2))


def test_export_dialog_names_the_file_and_the_image_names_the_patient(qtbot, view, tmp_path,
                                                                      caplog):
    caplog.set_level(logging.DEBUG)
    folder = tmp_path / "out"
    folder.mkdir()
    suggested = []

    def save(dialog: QFileDialog) -> None:
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        suggested.append(edit.text())
        edit.setText(str(folder / suggested[0]))
        dialog.accept()

    driver = DialogDriver(QFileDialog, save)
    with qtbot.waitSignal(view.exported, timeout=20_000) as exported:
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    driver.stop()
    today = date.today().isoformat()
    assert suggested == [f"trend-MRN_77-01-{today}.png"]  # "/" is no file-name character
    path = folder / suggested[0]
    assert exported.args == [str(path)]
    assert sorted(p.name for p in folder.iterdir()) == [path.name]  # no temporary file left
    image = QImage(str(path))
    assert (image.width(), image.height()) == EXPORT_SIZE
    data = view.trend_data()
    text = image.text("Description")
    assert "Wang Jianguo" in text and "MRN/77-01" in text
    assert data.start.isoformat() in text and data.end.isoformat() in text and today in text
    assert image.text("Title") == "Patient: Wang Jianguo · MRN: MRN/77-01"
    assert band_ink(image, 120) > 300  # the caption is drawn on the image itself
    assert "MRN/77-01" not in caplog.text and "Wang" not in caplog.text


def test_the_caption_is_drawn_not_only_stored(qtbot, view):
    first = QImage.fromData(view.export_bytes(1200, 675, printed_on=AS_OF), "PNG")
    view.set_case(patient_case("Li Na", "BM-000144"), AS_OF)
    second = QImage.fromData(view.export_bytes(1200, 675, printed_on=AS_OF), "PNG")
    band = 80
    differs = sum(first.pixel(x, y) != second.pixel(x, y)
                  for x in range(0, 1200, 2) for y in range(0, band))
    assert differs > 100  # another name and MRN: other pixels in the band
    assert second.text("Description").startswith("Patient: Li Na · MRN: BM-000144\n")
    assert "printed 2026-11-21" in second.text("Description")


def test_a_device_or_folder_is_refused(view, tmp_path):
    for target, problem in ((tmp_path, "is a folder"), ("/dev/null", "is a device")):
        with pytest.raises(OutputPathError, match=problem):
            view.export_png(target, 400, 300)


def test_caption_in_chinese(view, chinese):  # noqa: F811
    image = QImage.fromData(view.export_bytes(1200, 675, printed_on=AS_OF), "PNG")
    text = image.text("Description")
    assert text.startswith("患者：Wang Jianguo · 病历号：MRN/77-01\n")
    assert "打印于 2026-11-21" in text
