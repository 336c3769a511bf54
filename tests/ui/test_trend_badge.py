"""The rebound badge (app.ui.trends.badge) and the plot's rebound shading: they appear while
the denosumab rebound-risk window is open and disappear at its end or when denosumab is
resumed. Offscreen, never skipped."""

from __future__ import annotations

from datetime import date, timedelta

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QGraphicsRectItem, QVBoxLayout, QWidget

from app.domain.case import Administration
from app.domain.trends_rebound import rebound_flag
from app.domain.trends_sample import stopped_denosumab_case
from app.ui.trends.badge import ReboundBadge
from app.ui.trends.plot_items import WINDOW_KEY
from app.ui.trends.view import TrendView

LAST_DOSE = date(2026, 7, 20)  # the sample case's last denosumab dose


@pytest.fixture
def host(qtbot):
    """A visible parent, as the chart header / registry would be."""
    w = QWidget()
    qtbot.addWidget(w)
    layout = QVBoxLayout(w)
    full, compact = ReboundBadge(w), ReboundBadge(w, compact=True)
    layout.addWidget(full)
    layout.addWidget(compact)
    w.show()
    qtbot.waitExposed(w)
    return w, full, compact


def test_badge_shows_the_flag_and_hides_without_one(host):
    _w, full, compact = host
    assert not full.isVisible() and not full.is_shown()
    flag = rebound_flag(stopped_denosumab_case(), date(2026, 11, 21))
    full.set_flag(flag)
    compact.set_flag(flag)
    assert full.isVisible() and compact.isVisible()
    text = full.text()
    assert "rebound-risk window open: day 124 of 395, risk high" in text
    assert "Last dose 2026-07-20" in text and "peak window 2026-09-18 – 2026-11-17" in text
    assert "window ends 2027-08-19" in text
    assert "Checks due (fasting CTX + calcium): 2026-10-18" in text
    assert "Rebound found: CTX rebound" in text
    assert compact.text() == "⚠ Rebound! day 124"
    # the details are in the tooltip and for assistive technology, not colour alone
    assert "DEN-REBOUND-CTX" in compact.toolTip()
    assert "CTX nadir 0.048 ng/mL (2026-07-01)" in full.accessibleDescription()
    assert full.accessibleName() == "Denosumab rebound risk"
    full.set_flag(None)
    assert not full.isVisible() and full.text() == "" and full.toolTip() == ""


def test_badge_without_rebound_finding_and_registry_summary(host):
    _w, full, compact = host
    case = stopped_denosumab_case()
    case.labs = [lab for lab in case.labs if lab.analyte not in ("CTX", "CA")]
    case.events = []
    flag = rebound_flag(case, LAST_DOSE + timedelta(days=30))
    compact.set_flag(flag)
    assert compact.text() == "⚠ Rebound risk: day 30/395"
    full.set_flag(flag)
    assert "Rebound found" not in full.text()
    compact.set_open(True)
    assert compact.isVisible() and compact.text() == "⚠ Rebound risk"
    compact.set_open(False)
    assert not compact.isVisible()


@pytest.fixture
def view(qtbot):
    w = TrendView()
    qtbot.addWidget(w)
    w.resize(1200, 650)
    w.show()
    qtbot.waitExposed(w)
    return w


def shading(view: TrendView) -> list[str]:
    return [r.data(WINDOW_KEY) for r in view.plot.transient_items(view.plot.main.vb)
            if isinstance(r, QGraphicsRectItem) and r.data(WINDOW_KEY)]


def window_labels(view: TrendView) -> list[str]:
    return [i.toPlainText() for i in view.plot.transient_items(view.plot.main.vb)
            if isinstance(i, pg.TextItem)]


def test_flag_and_label_disappear_when_the_window_ends(view):
    case = stopped_denosumab_case()
    view.set_case(case, LAST_DOSE + timedelta(days=395))
    assert view.badge.isVisible()
    assert "Rebound-risk window open: day 395 of 395" in window_labels(view)
    view.set_case(case, LAST_DOSE + timedelta(days=396))
    assert not view.badge.isVisible()
    labels = window_labels(view)
    assert not any(t.startswith("Rebound-risk window open") for t in labels)
    # the past course's windows stay shaded, labelled as monitoring, not as an open flag
    assert "Rebound monitoring (days 0–395)" in labels
    assert sorted(shading(view)) == ["window:monitoring", "window:peak"]


def test_flag_and_shading_disappear_when_denosumab_is_resumed(view):
    case = stopped_denosumab_case()
    as_of = date(2026, 11, 21)
    view.set_case(case, as_of)
    assert view.badge.isVisible() and sorted(shading(view)) == ["window:monitoring", "window:peak"]
    case.bma.administrations.append(Administration(date(2026, 11, 20), "denosumab", 120))
    view.set_case(case, as_of)
    assert not view.badge.isVisible()
    assert shading(view) == []
    assert not any("window" in t.lower() for t in window_labels(view))


def test_switching_to_a_patient_without_denosumab_clears_the_flag(view):
    view.set_case(stopped_denosumab_case(), date(2026, 11, 21))
    assert view.badge.isVisible()
    other = stopped_denosumab_case()
    other.bma.administrations = []
    other.bma.stops = []
    view.set_case(other, date(2026, 11, 21))
    assert not view.badge.isVisible() and view.plot.lane_names() == ["Events", "Lab changes"]
    view.set_data(None)
    assert not view.badge.isVisible()


class _MarkTrends(QTranslator):
    """A stand-in translation: every "Trends" string comes back wrapped in « »."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»" if context == "Trends" else None  # None: not translated here

    def isEmpty(self) -> bool:  # noqa: N802 (Qt naming)
        return False


def test_texts_are_translated_and_retranslated_live(qapp, view, qtbot):
    view.set_case(stopped_denosumab_case(), date(2026, 11, 21))
    translator = _MarkTrends()
    qapp.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: view.log_box.text().startswith("«"), timeout=2000)
        assert view.range_buttons["1y"].text() == "«1 &year»"
        assert view.export_button.text() == "«&Export PNG…»"
        assert view.plot.main.getAxis("left").labelString().count("«ALP (U/L)»") == 1
        assert view.model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == (
            "«Date»")
        assert view.badge.text().startswith("⚠ «Denosumab stopped")
        assert "«Stop: Denosumab»" in window_labels(view)
    finally:
        qapp.removeTranslator(translator)
    qtbot.waitUntil(lambda: view.log_box.text() == "&Log scale (CTX)", timeout=2000)
    assert "Stop: Denosumab" in window_labels(view)
