"""The PDF preview dialog: pages of a generated care plan are shown (rendered off the GUI
thread), keyboard paging and zoom, Save as PDF (through the real file dialog) writes the
identical bytes atomically, printing on a PDF-file QPrinter produces a real PDF with the same
number of pages. The system print dialog itself: test_print_dialog.py."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from domain.helpers import example_json
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QLineEdit

from app.domain.assess import assess
from app.domain.careplan import build_careplan
from app.domain.casefile import parse_case
from app.domain.progress import BuildCancelled
from app.reports.careplan_pdf import build_careplan_pdf
from app.ui.printing.preview import PdfPreviewDialog
from app.ui.printing.print_pdf import print_pdf
from app.ui.printing.raster import PdfPages, PdfReadError

from .dialog_driver import DialogDriver

AS_OF = date(2026, 11, 21)


@pytest.fixture(scope="module")
def plan_pdf() -> bytes:
    case = parse_case(example_json())
    return build_careplan_pdf(build_careplan(case, assess(case, AS_OF), AS_OF, "en"),
                              printed_on=AS_OF)


@pytest.fixture
def preview(qtbot, plan_pdf):
    dialog = PdfPreviewDialog(plan_pdf, title="Care plan", file_name="plan.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.all_rendered, timeout=10_000)
    yield dialog
    dialog.close()


def _ink(image) -> int:
    """Non-white pixels on a coarse grid (a blank placeholder page has none)."""
    white = QColor("white").rgb()
    return sum(image.pixel(x, y) != white
               for x in range(0, image.width(), 4) for y in range(0, image.height(), 4))


def test_shows_every_page_with_content(preview, plan_pdf):
    n = len(PdfReader(BytesIO(plan_pdf)).pages)
    assert preview.page_count() == n >= 2
    for i in range(n):
        image = preview.page_image(i)
        assert image.width() > 500  # A4 at 96 dpi ≈ 794 px
        assert _ink(image) > 200, f"page {i + 1} looks blank"
    assert preview.page_of.text().endswith(str(n))


def test_keyboard_paging_and_zoom(qtbot, preview):
    preview.scroll.setFocus()
    assert preview.current_page() == 0
    qtbot.keyClick(preview.scroll, Qt.Key.Key_PageDown)
    assert preview.current_page() == 1
    assert preview.page_spin.value() == 2
    qtbot.keyClick(preview.scroll, Qt.Key.Key_PageUp)
    assert preview.current_page() == 0
    width = preview.page_labels[0].width()
    qtbot.keyClick(preview.scroll, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom > 1.0
    assert preview.page_labels[0].width() > width
    qtbot.waitUntil(preview.all_rendered, timeout=10_000)
    assert preview.page_image(0).width() > width  # re-rendered at the new zoom
    qtbot.keyClick(preview.scroll, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(preview.scroll, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom < 1.0
    preview.page_spin.setValue(2)
    assert preview.current_page() == 1


def test_save_as_pdf_writes_identical_bytes(qtbot, preview, plan_pdf, tmp_path):
    """Ctrl+S opens the real file dialog; the user types a name without ".pdf"."""
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "copy"

    def choose(dialog: QFileDialog) -> None:
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(target))  # the user types it
        dialog.accept()

    driver = DialogDriver(QFileDialog, choose)
    with qtbot.waitSignal(preview.saved, timeout=20_000) as saved:
        qtbot.keyClick(preview.scroll, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    driver.stop()
    assert driver.titles == ["Save as PDF"]
    written = folder / "copy.pdf"  # the extension is added
    assert saved.args == [str(written)]
    assert written.read_bytes() == plan_pdf
    assert sorted(p.name for p in folder.iterdir()) == ["copy.pdf"]  # no temporary left


def test_save_failure_is_reported_not_raised(preview, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("app.ui.printing.preview.QMessageBox.warning",
                        lambda *a: shown.append(a[2]))
    assert not preview.save_to(tmp_path / "missing-folder" / "x.pdf")
    assert shown and "could not be written (the folder does not exist)" in shown[-1]
    (tmp_path / "folder.pdf").mkdir()
    assert not preview.save_to(tmp_path / "folder.pdf")
    assert "is a folder" in shown[-1]
    assert not preview.save_to("/dev/null")
    assert "is a device" in shown[-1]


def test_save_replaces_an_existing_file_atomically(preview, plan_pdf, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "plan.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    link = folder / "link.pdf"
    link.symlink_to(target)
    assert preview.save_to(link)  # a link to a file: the file is replaced, the link stays
    assert link.is_symlink() and target.read_bytes() == plan_pdf
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in folder.iterdir()) == ["link.pdf", "plan.pdf"]


def test_print_to_pdf_printer_in_background(qtbot, preview, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = preview.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(100)
    with qtbot.waitSignal(preview.printed, timeout=20_000) as blocker:
        job = preview.print_to(printer)
        assert job is not None
    assert blocker.args == [preview.page_count()]
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    printed = PdfReader(str(out))
    assert len(printed.pages) == preview.page_count()
    box = printed.pages[0].mediabox  # A4 kept: 595 × 842 pt
    assert abs(float(box.width) - 595) < 3 and abs(float(box.height) - 842) < 3
    assert _ink(PdfPages(data).render(0, 40)) > 100  # the page image was drawn


def test_print_page_range_and_cancel(qtbot, plan_pdf, tmp_path):
    pages = PdfPages(plan_pdf)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "one.pdf"))
    printer.setResolution(72)
    printer.setFromTo(2, 2)
    steps = []
    assert print_pdf(pages, printer, progress=lambda d, t: steps.append((d, t))) == 1
    assert steps[-1] == (1, 1)
    assert len(PdfReader(str(tmp_path / "one.pdf")).pages) == 1
    printer2 = QPrinter()
    printer2.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer2.setOutputFileName(str(tmp_path / "two.pdf"))
    with pytest.raises(BuildCancelled):
        print_pdf(pages, printer2, cancel=lambda: True)
    pages.close()


def test_not_a_pdf_is_refused():
    with pytest.raises(PdfReadError, match="pdf: not a readable PDF"):
        PdfPages(b"hello")
