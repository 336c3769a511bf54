"""File → Lab review queue…: a held message beside the registry patient, assign and reject
through the real window (real registry, real import)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.data import models as M
from app.data.models_labreview import LabReview
from app.interop.lab_files import parse_lab_file
from app.services.lab_import import apply_lab_import

MESSAGE = ("MSH|^~\\&|LIS|OTHERLAB|||20261110080000||ORU^R01|WP-{n}|P|2.5\r"
           "PID|1||B2002^^^OTHERHOSP^MR||王^强||19700815|M\r"
           "OBR|1|||CHEM|||20261110073000\r"
           "OBX|1|NM|2160-0^Creatinine^LN||1.{n}|mg/dL|0.5-1.1|H|||F\r")


def hold(registry, n: int) -> None:
    units = parse_lab_file(MESSAGE.format(n=n).encode(), "x.hl7", today=date(2026, 11, 21)).units
    rep = apply_lab_import(registry.db, units, "t", today=lambda: date(2026, 11, 21))
    assert rep.queued == 1


def creatinines(registry) -> list[tuple[str, float]]:
    with registry.db.session() as s:
        return [(p.mrn, r.value) for r, p in s.execute(
            select(M.LabResult, M.Patient).join(M.Patient).where(M.LabResult.analyte == "CREA"))]


def test_menu_action_opens_the_queue_side_by_side_and_assigns(qtbot, window, registry):
    from app.ui.labreview.install import install_lab_review

    hold(registry, 1)
    hold(registry, 2)
    hub = install_lab_review(window, registry.db, "reviewer")
    assert hub.act in window.menu_file.actions()
    assert hub.act.shortcut().toString() == "Ctrl+Shift+R"
    hub.act.trigger()
    win = hub.window
    qtbot.addWidget(win)
    assert win.model.rowCount() == 2 and win.table.hasFocus() or win.isVisible()
    assert win.cells[("name", "message")].text() == "王 强"
    assert win.cells[("name", "registry")].text() == "李娜"
    assert win.cells[("birth_date", "message")].text() == "1970-08-15"
    assert win.cells[("birth_date", "registry")].text() == "1970-01-15"
    assert "PID-5: the family name differs" in win.reason.text()
    assert "OBX|1|NM|2160-0" in win.text.toPlainText()
    qtbot.mouseClick(win.assign_button, Qt.MouseButton.LeftButton)
    assert creatinines(registry) == [("B2002", 1.1)]
    assert "was imported into the patient's chart" in win.status.text()
    assert win.model.rowCount() == 1
    # reject needs a reason
    qtbot.mouseClick(win.reject_button, Qt.MouseButton.LeftButton)
    assert win.status.text() == "Reject: write the reason first."
    qtbot.keyClicks(win.reject_reason, "another hospital's patient")
    qtbot.mouseClick(win.reject_button, Qt.MouseButton.LeftButton)
    assert win.model.rowCount() == 0
    assert win.reason.text() == "No lab message is waiting for review."
    assert not win.assign_button.isEnabled()
    with registry.db.session() as s:
        rows = [(r.status, r.resolution_note) for r in s.scalars(
            select(LabReview).order_by(LabReview.id))]
    assert rows == [("assigned", None), ("rejected", "another hospital's patient")]
    assert creatinines(registry) == [("B2002", 1.1)]


def test_assign_to_another_mrn_and_an_unknown_one(qtbot, window, registry):
    from app.ui.labreview.install import install_lab_review

    hold(registry, 3)
    hub = install_lab_review(window, registry.db, "reviewer")
    win = hub.open()
    qtbot.addWidget(win)
    qtbot.keyClicks(win.mrn, "NOPE-1")
    qtbot.mouseClick(win.assign_button, Qt.MouseButton.LeftButton)
    assert win.status.text() == "mrn: no patient with this MRN in the registry"
    win.mrn.clear()
    qtbot.keyClicks(win.mrn, "A1001")
    qtbot.mouseClick(win.assign_button, Qt.MouseButton.LeftButton)
    assert creatinines(registry) == [("A1001", 1.3)]
