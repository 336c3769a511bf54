"""The PDF preview dialog: pages of a generated care plan are shown (rendered off the GUI
thread), keyboard paging and zoom, Save as PDF writes the identical bytes, printing on a
PDF-file QPrinter (no dialog) produces a real PDF with the same number of pages."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from domain.helpers import example_json
from pypdf import PdfReader
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter

from app.domain.assess import assess
from app.domain.careplan import build_careplan
from app.domain.casefile import parse_case
from app.domain.progress import BuildCancelled
from app.reports.careplan_pdf import build_careplan_pdf
from app.ui.printing.preview import PdfPreviewDialog
from app.ui.printing.print_pdf import print_pdf
from app.ui.printing.raster import PdfPages, PdfReadError

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


def test_save_as_pdf_writes_identical_bytes(preview, plan_pdf, tmp_path, monkeypatch):
    target = tmp_path / "copy"
    monkeypatch.setattr(
        "app.ui.printing.preview.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), "PDF documents (*.pdf)"))
    preview.act_save.trigger()
    written = tmp_path / "copy.pdf"  # the extension is added
    assert written.read_bytes() == plan_pdf


def test_save_failure_is_reported_not_raised(preview, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("app.ui.printing.preview.QMessageBox.warning",
                        lambda *a: shown.append(a[2]))
    assert not preview.save_to(tmp_path / "missing-folder" / "x.pdf")
    assert shown and "could not be written" in shown[0]


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


def test_ctrl_p_goes_through_the_print_dialog(qtbot, preview, tmp_path, monkeypatch):
    out = tmp_path / "via-dialog.pdf"
    seen = []

    class FakePrintDialog(QObject):
        """Stands in for the system print dialog: the user picks a PDF file and presses Print."""

        accepted = Signal()
        finished = Signal(int)

        def __init__(self, printer, parent) -> None:
            super().__init__(parent)
            self.printer = printer
            seen.append(self)

        def setMinMax(self, low: int, high: int) -> None:
            self.range = (low, high)

        def setWindowTitle(self, _title: str) -> None:
            pass

        def setAttribute(self, *_args) -> None:
            pass

        def open(self) -> None:
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(out))
            self.printer.setResolution(72)
            self.accepted.emit()
            self.finished.emit(1)

    monkeypatch.setattr("app.ui.printing.preview.QPrintDialog", FakePrintDialog)
    with qtbot.waitSignal(preview.printed, timeout=20_000):
        qtbot.keyClick(preview.scroll, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert seen and seen[0].range == (1, preview.page_count())
    assert len(PdfReader(str(out)).pages) == preview.page_count()
