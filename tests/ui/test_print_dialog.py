"""Print from the preview through the real system print dialog (``QPrintDialog``, Qt's own
dialog here): a timer finds the open dialog and answers it as a user would — picks "Print to
File (PDF)", types the file name, sets a page range, presses Print or Cancel — and the printed
PDF is read back with pypdf. Care plans (from the chart's Ctrl+P) and MDT packs (from the MDT
window) alike. Also: every Alt+letter of the preview does what its button says, and no two
share a letter, in English and in Chinese."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QToolButton,
)
from shiboken6 import isValid

from app.reports.common import doc_title
from app.ui.printing.preview import PdfPreviewDialog
from app.ui.printing.raster import PdfPages

from .dialog_driver import DialogDriver
from .mdt_fixtures import TODAY, mdt_env_fixture, mdt_window_fixture  # noqa: F401
from .test_chart_documents import open_chart, setup  # noqa: F401
from .test_due_item_text import chinese  # noqa: F401 (the Chinese UI fixture)
from .test_print_preview import plan_pdf  # noqa: F401
from .test_print_preview import preview as plan_preview  # noqa: F401

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def print_to_file(path: Path, pages: tuple[int, int] | None = None, *, cancel: bool = False,
                  current: bool = False):
    """The user's answer to the print dialog: the PDF-file printer, ``path``, optionally the
    page range "from … to …" or "Current page", then Print (or Cancel)."""

    def act(dialog: QPrintDialog) -> None:
        combo = dialog.findChild(QComboBox, "printers")
        entry = next(i for i in range(combo.count()) if "PDF" in combo.itemText(i))
        combo.setCurrentIndex(entry)
        name = dialog.findChild(QLineEdit, "filename")
        assert name.isEnabled()
        name.setText(str(path))
        if pages is not None:
            dialog.findChild(QRadioButton, "printRange").setChecked(True)
            dialog.findChild(QSpinBox, "from").setValue(pages[0])
            dialog.findChild(QSpinBox, "to").setValue(pages[1])
        if current:
            button = dialog.findChild(QRadioButton, "printCurrentPage")
            assert button.isEnabled()
            button.setChecked(True)
        box = dialog.findChild(QDialogButtonBox)
        role = (QDialogButtonBox.ButtonRole.RejectRole if cancel
                else QDialogButtonBox.ButtonRole.AcceptRole)
        next(b for b in box.buttons() if box.buttonRole(b) == role).click()

    return act


def printed_pages(path: Path) -> list:
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    return list(PdfReader(str(path)).pages)


def assert_a4(page) -> None:
    box = page.mediabox
    assert abs(float(box.width) - 595) < 3 and abs(float(box.height) - 842) < 3


def test_care_plan_prints_through_the_system_dialog(qtbot, mdt_env, setup, tmp_path):  # noqa: F811
    _main, hub, _opener = setup
    win, docs = open_chart(qtbot, mdt_env, hub, mdt_env.mrns[1])
    qtbot.keyClick(win, Qt.Key.Key_P, CTRL)  # Documents → Print care plan…
    with qtbot.waitSignal(docs.careplan.previewOpened, timeout=30_000) as opened:
        docs.careplan.dialog.accept()  # the language dialog's Preview
    preview: PdfPreviewDialog = opened.args[0]
    qtbot.waitUntil(preview.all_rendered, timeout=20_000)
    note = docs.careplan.contacts_note  # told once: no clinic phone number is set
    if note is not None and note.isVisible():
        qtbot.keyClick(note, Qt.Key.Key_Return)  # read and dismissed, as a clinician would
        qtbot.waitUntil(lambda: not note.isVisible(), timeout=5_000)
    out = tmp_path / "printed-plan.pdf"
    from PySide6.QtWidgets import QApplication

    preview.activateWindow()  # the clinician is looking at the preview
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview, timeout=5_000)
    driver = DialogDriver(QPrintDialog, print_to_file(out))
    with qtbot.waitSignal(preview.printed, timeout=60_000) as printed:
        qtbot.keyClick(preview.scroll, Qt.Key.Key_P, CTRL)  # Print… in the preview
    driver.stop()
    assert driver.titles == ["Print"]
    assert preview.file_name.startswith(f"careplan-{mdt_env.mrns[1]}-")  # Save as PDF's name
    job_name = preview.new_printer().docName()  # the print queue's: the title, no MRN
    assert job_name in (doc_title("careplan", "en"), doc_title("careplan", "zh"))
    assert printed.args == [preview.page_count()]
    pages = printed_pages(out)
    assert len(pages) == preview.page_count() >= 2
    assert_a4(pages[0])
    assert preview.print_job is None
    preview.close()
    win.close()


@pytest.fixture
def pack_preview(qtbot, mdt_env, mdt_window):  # noqa: F811
    meeting = mdt_env.service.create_meeting(TODAY + timedelta(days=7), "Print test")
    for mrn in mdt_env.mrns[:2]:
        mdt_env.service.add_case(meeting.id, mrn, "Radiotherapy?")
    mdt_window.reload(meeting_id=meeting.id)
    with qtbot.waitSignal(mdt_window.packReady, timeout=60_000) as ready:
        mdt_window.generate_pack()
    preview = ready.args[0]
    qtbot.waitUntil(preview.all_rendered, timeout=20_000)
    preview.activateWindow()
    yield preview
    if isValid(preview):  # closing deletes it (WA_DeleteOnClose)
        preview.close()


def toolbar_button(preview: PdfPreviewDialog, action) -> QToolButton:
    return preview.toolbar.widgetForAction(action)


def test_mdt_pack_prints_a_page_range_from_the_toolbar(qtbot, pack_preview, tmp_path):
    preview = pack_preview
    assert preview.page_count() >= 3  # cover + a summary per case
    out = tmp_path / "pack-page-2.pdf"
    driver = DialogDriver(QPrintDialog, print_to_file(out, pages=(2, 2)))
    with qtbot.waitSignal(preview.printed, timeout=60_000) as printed:
        qtbot.mouseClick(toolbar_button(preview, preview.act_print), Qt.MouseButton.LeftButton)
    driver.stop()
    assert printed.args == [1]
    pages = printed_pages(out)
    assert len(pages) == 1
    assert_a4(pages[0])


def test_current_page_prints_the_page_in_view(qtbot, plan_preview, tmp_path):  # noqa: F811
    preview = plan_preview
    preview.go_to_page(1)
    out = tmp_path / "current.pdf"
    driver = DialogDriver(QPrintDialog, print_to_file(out, current=True))
    with qtbot.waitSignal(preview.printed, timeout=60_000) as printed:
        assert preview.print_document()
    driver.stop()
    assert printed.args == [1] and len(printed_pages(out)) == 1
    reference = tmp_path / "page2.pdf"  # the same page printed by its number
    driver = DialogDriver(QPrintDialog, print_to_file(reference, pages=(2, 2)))
    with qtbot.waitSignal(preview.printed, timeout=60_000):
        assert preview.print_document()
    driver.stop()
    first = tmp_path / "page1.pdf"
    driver = DialogDriver(QPrintDialog, print_to_file(first, pages=(1, 1)))
    with qtbot.waitSignal(preview.printed, timeout=60_000):
        assert preview.print_document()
    driver.stop()
    def look(path: Path):
        pages = PdfPages(path.read_bytes())
        try:
            return pages.render(0, 30)
        finally:
            pages.close()

    assert look(out) == look(reference) != look(first)


def test_cancel_in_the_print_dialog_prints_nothing(qtbot, plan_preview, tmp_path):  # noqa: F811
    preview = plan_preview
    out = tmp_path / "never.pdf"
    failed = []
    preview.printed.connect(failed.append)
    driver = DialogDriver(QPrintDialog, print_to_file(out, cancel=True))
    assert preview.print_document() is False
    driver.stop()
    assert len(driver.titles) == 1
    assert preview.print_job is None and preview._print_dialog is None
    assert not out.exists() and failed == []


def mnemonics(preview: PdfPreviewDialog) -> dict[str, str]:
    """Alt-letter → the text of the button or label that carries it (every "&" in the
    preview's own widgets)."""
    found: dict[str, list[str]] = {}
    widgets = [*preview.findChildren(QAbstractButton), *preview.findChildren(QLabel)]
    for w in widgets:
        if isinstance(w, QLabel) and w.buddy() is None:
            continue
        text = w.text()
        i = text.replace("&&", "").find("&")
        if i >= 0 and w.isVisibleTo(preview):
            key = text.replace("&&", "")[i + 1].upper()
            found.setdefault(key, []).append(text)
    dupes = {k: v for k, v in found.items() if len(v) > 1}
    assert dupes == {}, f"duplicate mnemonics: {dupes}"
    return {k: v[0] for k, v in found.items()}


def test_every_mnemonic_is_unique_in_both_languages(qtbot, plan_preview, chinese):  # noqa: F811
    preview = plan_preview
    english = mnemonics(preview)
    assert set(english) == set("PSRNIOFCA")
    zh = PdfPreviewDialog(preview.pdf, title="MDT", file_name="x.pdf")
    qtbot.addWidget(zh)
    zh.show()
    assert QCoreApplication.translate("PdfPreviewDialog", "&Print…") != "&Print…"
    chinese_keys = mnemonics(zh)
    assert set(chinese_keys) == set(english)
    assert all("&" in t and not t.startswith("&") for t in chinese_keys.values())
    zh.close()


def alt(qtbot, preview: PdfPreviewDialog, letter: str) -> None:
    """Alt+letter in the preview (the active window, as after any dialog the user closed)."""
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow, timeout=5_000)
    qtbot.keyClick(preview.scroll, getattr(Qt.Key, f"Key_{letter}"), ALT)


def test_every_alt_letter_does_what_its_button_says(qtbot, plan_preview, tmp_path):  # noqa: F811
    preview = plan_preview
    preview.scroll.setFocus()
    assert preview.current_page() == 0
    alt(qtbot, preview, "N")  # Next
    qtbot.waitUntil(lambda: preview.current_page() == 1)
    alt(qtbot, preview, "R")  # Previous
    qtbot.waitUntil(lambda: preview.current_page() == 0)
    zoom = preview.zoom
    alt(qtbot, preview, "I")  # Zoom in
    qtbot.waitUntil(lambda: preview.zoom > zoom)
    zoom = preview.zoom
    alt(qtbot, preview, "O")  # Zoom out
    qtbot.waitUntil(lambda: preview.zoom < zoom)
    preview.set_zoom(3.0)
    alt(qtbot, preview, "F")  # Fit width
    qtbot.waitUntil(lambda: preview.zoom < 3.0)
    alt(qtbot, preview, "A")  # the page-number box
    qtbot.waitUntil(lambda: QApplication.focusWidget() is preview.page_spin)
    preview.scroll.setFocus()

    files = DialogDriver(QFileDialog, lambda d: d.reject())  # Save as PDF…: the file dialog
    alt(qtbot, preview, "S")
    qtbot.waitUntil(lambda: files.titles == ["Save as PDF"], timeout=10_000)
    files.stop()

    out = tmp_path / "alt-p.pdf"
    printer = DialogDriver(QPrintDialog, print_to_file(out))  # Print…: the print dialog
    with qtbot.waitSignal(preview.printed, timeout=60_000):
        alt(qtbot, preview, "P")
    printer.stop()
    assert len(printed_pages(out)) == preview.page_count()

    with qtbot.waitSignal(preview.finished, timeout=5_000):
        alt(qtbot, preview, "C")  # Close
    assert not preview.isVisible()
