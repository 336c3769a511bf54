"""``TrendView``: the patient chart's trend panel — rebound badge, controls, plot and table.

Embedding (the patient chart owns one ``TrendView`` and reuses it for every patient)::

    view = TrendView(parent)
    view.set_case(case, as_of, params)     # computes app.domain.trends.build_trend_data
    view.set_data(trend_data)              # …or shows data computed elsewhere (same thing)
    view.set_data(None)                    # no patient

Controls (keyboard: Alt+Y / Alt+S / Alt+A ranges, Alt+L log scale, Alt+C calcium and
creatinine, Alt+E export): display range 1 year / 3 years / all (the domain clips the data:
``TrendData.with_range``), CTX linear or log, the corrected calcium / creatinine row, and PNG
export at print resolution (:func:`app.ui.trends.render.render_trend_png`, the renderer the
MDT pack uses) under a caption with the patient's name, MRN, the dates shown and the print
date, suggested as ``trend-<MRN>-<date>.png`` (:mod:`app.ui.trends.export`). The table beside
the plot lists exactly the series drawn.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.case import Case
from app.domain.findings import Finding
from app.domain.params import DEFAULTS, Params
from app.domain.trends import EXTRA_SERIES, MAIN_SERIES, RANGES, TrendData, build_trend_data
from app.services.files import OutputPathError, write_file_atomic
from app.ui.printing.preview import SETTING_DIR
from app.ui.trends.badge import ReboundBadge
from app.ui.trends.export import PatientLabel, caption_lines, default_file_name, render_labelled_png
from app.ui.trends.plot import TrendPlot
from app.ui.trends.render import render_trend_png
from app.ui.trends.table import TrendTableModel

EXPORT_SIZE = (2400, 1350)  # 16:9 at 300 dpi ≈ 20 × 11 cm

translate = QCoreApplication.translate


def _plain(label: str) -> str:
    """A button label without its mnemonic ("&1 year" → "1 year", "1 年(&1)" → "1 年")."""
    return re.sub(r"\(&.\)|&", "", label).strip()


class TrendView(QWidget):
    """Badge + controls + plot + accessible table for one patient at a time."""

    rangeChanged = Signal(str)  # noqa: N815 (Qt naming)
    exported = Signal(str)  # the PNG file written by Export PNG…

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full: TrendData | None = None
        self.patient: PatientLabel | None = None  # whose trend (caption, file name)
        self._range = "all"
        self.badge = ReboundBadge(self)
        self.plot = TrendPlot(self)
        self.model = TrendTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(40)  # size columns by 40 rows, not all 600
        self.table.horizontalHeader().setStretchLastSection(False)

        self.range_label = QLabel(self)
        self.range_buttons: dict[str, QToolButton] = {}
        self.range_group = QButtonGroup(self)
        self.range_group.setExclusive(True)
        for key in RANGES:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setChecked(key == self._range)
            button.clicked.connect(lambda _c=False, k=key: self.set_range(k))
            self.range_group.addButton(button)
            self.range_buttons[key] = button
        self.log_box = QCheckBox(self)
        self.log_box.toggled.connect(self._log_toggled)
        self.extra_box = QCheckBox(self)
        self.extra_box.toggled.connect(self._extra_toggled)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_dialog)

        controls = QHBoxLayout()
        controls.addWidget(self.range_label)
        for key in RANGES:
            controls.addWidget(self.range_buttons[key])
        controls.addSpacing(12)
        controls.addWidget(self.log_box)
        controls.addWidget(self.extra_box)
        controls.addStretch(1)
        controls.addWidget(self.export_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.plot)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 430])
        layout = QVBoxLayout(self)
        layout.addWidget(self.badge)
        layout.addLayout(controls)
        layout.addWidget(self.splitter, 1)
        self.retranslate()
        self._show()

    # ---- feeding -------------------------------------------------------------------------
    def set_case(
        self,
        case: Case | None,
        as_of: date | None = None,
        params: Params = DEFAULTS,
        findings: Iterable[Finding] | None = None,
    ) -> None:
        """Compute and show the trend data of ``case`` as of ``as_of`` (default: today).

        ``findings``: the chart's assessment findings for the same date, if at hand (saves
        re-running the DEN rules for the rebound flag)."""
        self.patient = None if case is None else PatientLabel(case.patient.mrn,
                                                               case.patient.name)
        if case is None:
            self.set_data(None)
            return
        self.set_data(
            build_trend_data(case, as_of or date.today(), params, self._range, findings=findings)
        )

    def set_data(self, data: TrendData | None) -> None:
        """Show prebuilt data (its range is replaced by the view's current range)."""
        self._full = None if data is None else (data.full or data)
        self._show()

    def trend_data(self) -> TrendData | None:
        """The data as shown (clipped to the current range)."""
        return self.plot.data()

    def clear(self) -> None:
        self.set_data(None)

    # ---- presentation --------------------------------------------------------------------
    def range_key(self) -> str:
        return self._range

    def set_range(self, key: str) -> None:
        if key not in RANGES:
            raise ValueError(f"range: {key!r} is not one of {', '.join(RANGES)}")
        self.range_buttons[key].setChecked(True)
        if key != self._range:
            self._range = key
            self._show()
            self.rangeChanged.emit(key)

    def set_log_ctx(self, log: bool) -> None:
        self.log_box.setChecked(log)

    def set_extra_visible(self, visible: bool) -> None:
        self.extra_box.setChecked(visible)

    def shown_series(self) -> tuple[str, ...]:
        return MAIN_SERIES + (EXTRA_SERIES if self.extra_box.isChecked() else ())

    def _log_toggled(self, checked: bool) -> None:
        self.plot.set_log_ctx(checked)

    def _extra_toggled(self, checked: bool) -> None:
        self.plot.set_extra_visible(checked)
        self.model.set_data(self.plot.data(), self._table_keys())

    def _table_keys(self) -> tuple[str, ...]:
        data = self.plot.data()
        if data is None:
            return ()
        return tuple(k for k in self.shown_series() if k in data.series)

    def _show(self) -> None:
        data = None if self._full is None else self._full.with_range(self._range)
        self.plot.set_data(data)
        self.model.set_data(data, self._table_keys())
        self.badge.set_flag(None if data is None else data.flag)
        self.export_button.setEnabled(data is not None)

    # ---- export --------------------------------------------------------------------------
    def render_png(self, width_px: int = EXPORT_SIZE[0], height_px: int = EXPORT_SIZE[1]) -> bytes:
        """The plot alone, as shown (range, scale, extra row)."""
        return render_trend_png(
            self.plot.data(),
            width_px,
            height_px,
            log_ctx=self.plot.log_ctx(),
            extra=self.plot.extra_visible(),
        )

    def export_bytes(self, width_px: int = EXPORT_SIZE[0], height_px: int = EXPORT_SIZE[1],
                     printed_on: date | None = None) -> bytes:
        """The exported PNG: the plot as shown under the caption (patient, MRN, dates)."""
        data = self.plot.data()
        if data is None:
            raise ValueError("trend: no data to export")
        lines = caption_lines(self.patient, data, printed_on or date.today())
        return render_labelled_png(data, width_px, height_px, lines,
                                   log_ctx=self.plot.log_ctx(), extra=self.plot.extra_visible())

    def export_png(
        self, path: str | Path, width_px: int = EXPORT_SIZE[0], height_px: int = EXPORT_SIZE[1],
        printed_on: date | None = None,
    ) -> Path:
        """Write the exported PNG to ``path`` atomically (raises ``OutputPathError``)."""
        return write_file_atomic(path, self.export_bytes(width_px, height_px, printed_on))

    def export_file_name(self, printed_on: date | None = None) -> str:
        return default_file_name(self.patient, printed_on or date.today())

    def export_dialog(self) -> None:
        title = translate("Trends", "Export trend plot")
        folder = QSettings().value(SETTING_DIR, "") or os.path.expanduser("~")
        path, _filter = QFileDialog.getSaveFileName(
            self, title, str(Path(str(folder)) / self.export_file_name()),
            translate("Trends", "PNG image (*.png)"),
        )
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            self.export_png(path)
        except OutputPathError as exc:
            QMessageBox.warning(self, title, translate(
                "Trends", "The image could not be saved: {error}").format(error=exc.problem))
            return
        QSettings().setValue(SETTING_DIR, str(Path(path).parent))
        self.exported.emit(path)

    # ---- translation ---------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.range_label.setText(translate("Trends", "Range:"))
        names = {
            # not Alt+1 / Alt+3: the chart's panel keys (issue 20)
            "1y": translate("Trends", "1 &year"),
            "3y": translate("Trends", "3 year&s"),
            "all": translate("Trends", "&All"),
        }
        for key, button in self.range_buttons.items():
            button.setText(names[key])
            button.setAccessibleName(
                translate("Trends", "Show range: {range}").format(range=_plain(names[key]))
            )
        self.log_box.setText(translate("Trends", "&Log scale (CTX)"))
        self.extra_box.setText(translate("Trends", "&Calcium and creatinine"))
        self.export_button.setText(translate("Trends", "&Export PNG…"))
        self.export_button.setToolTip(
            translate("Trends", "Save the plot as a print-resolution PNG")
        )
        self.table.setAccessibleName(translate("Trends", "Trend table: the plotted results"))
        self.model.retranslate()
