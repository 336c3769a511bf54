"""The "Rule parameters" tab of the Settings dialog: every §9 parameter with its default.

One row per parameter: what it is (and its name in the JSON file), a typed editor (a check box
for a switch, spin boxes for numbers, a comma list for ``rebound_checks_days``), the rule
book's default, and a status that says in words when a value differs from the default
("Changed") or cannot be used ("Invalid: …") — never colour alone. "Restore defaults" puts
the defaults back in the editors (nothing is written until the dialog saves).

Beyond the type checks of the file format (:func:`app.domain.params.params_from_mapping`),
the tab refuses values the rules cannot sensibly use: a zero limit or least significant
change, a look-back of zero days, a calcium upper limit not above the lower one.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.params import DEFAULTS, Params, ParamsError, params_from_mapping


@dataclass(frozen=True)
class _Spec:
    maximum: float = 0.0
    decimals: int = 0
    step: float = 1.0
    unit: str = ""  # SI unit shown as a suffix (not translated); "days" is translated
    positive: bool = False  # 0 is refused (a limit, a least significant change)
    at_least_one_day: bool = False


_SPECS: dict[str, _Spec] = {
    "lsc_ctx": _Spec(10.0, 2, 0.01, positive=True),
    "lsc_alp": _Spec(10.0, 2, 0.01, positive=True),
    "lookback_days": _Spec(3650, unit="days", at_least_one_day=True),
    "symptom_days": _Spec(3650, unit="days", at_least_one_day=True),
    "enable_biomarker_workup": _Spec(),
    "alp_uln_u_l": _Spec(5000.0, 0, 1.0, " U/L", positive=True),
    "ctx_uln_ng_ml": _Spec(10.0, 2, 0.01, " ng/mL", positive=True),
    "calcium_lln_mmol_l": _Spec(5.0, 2, 0.01, " mmol/L", positive=True),
    "calcium_uln_mmol_l": _Spec(5.0, 2, 0.01, " mmol/L", positive=True),
    "albumin_pairing_days": _Spec(365, unit="days"),
    "creatinine_max_age_days": _Spec(365, unit="days"),
    "dental_review_days": _Spec(3650, unit="days", at_least_one_day=True),
    "dental_hold_days": _Spec(3650, unit="days"),
    "overdue_grace_days": _Spec(3650, unit="days"),
    "rebound_checks_days": _Spec(),
}
PARAMETER_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Params))
_MAX_DECIMALS = 6


def _decimals_for(value: float, minimum: int) -> int:
    """Enough decimals to show ``value`` exactly (a file value is never silently rounded)."""
    for d in range(minimum, _MAX_DECIMALS + 1):
        if round(value, d) == value:
            return d
    return _MAX_DECIMALS


def format_days_list(days: tuple[int, ...]) -> str:
    return ", ".join(str(d) for d in days)


class _Row:
    """The widgets of one parameter's row."""

    def __init__(self, name: str, editor: QWidget, title: QLabel, default: QLabel,
                 status: QLabel) -> None:
        self.name = name
        self.editor = editor
        self.title = title
        self.default = default
        self.status = status


class ParamsTab(QWidget):
    """Editors for every §9 parameter; :meth:`params` gives the validated result."""

    changed = Signal()

    def __init__(self, values: Params, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleParametersTab")
        self.rows: dict[str, _Row] = {}
        self._quiet = QPalette(self.palette())  # "Default": the text says it, grey recedes
        self._quiet.setColor(QPalette.ColorRole.WindowText,
                             self.palette().color(QPalette.ColorRole.PlaceholderText))
        self._problems: dict[str, str] = {}
        titles = self._titles()

        self.intro = QLabel(self.tr(
            "Thresholds and time windows of the clinical rules (rule book §9). A value that "
            "differs from the rule book's default is marked 'Changed'; only those are written "
            "to the file."), self)
        self.intro.setWordWrap(True)

        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for col, text in enumerate((self.tr("Parameter"), self.tr("Value"),
                                    self.tr("Default"), self.tr("Status"))):
            head = QLabel(f"<b>{text}</b>", grid_host)
            grid.addWidget(head, 0, col)
        for r, name in enumerate(PARAMETER_NAMES, start=1):
            title = QLabel(f"{titles[name]}<br><small><code>{name}</code></small>", grid_host)
            title.setTextFormat(Qt.TextFormat.RichText)
            title.setWordWrap(True)
            editor = self._editor(name, getattr(values, name), grid_host)
            editor.setObjectName(f"param_{name}")
            editor.setAccessibleName(titles[name])
            title.setBuddy(editor)
            default = QLabel(self._format_default(name), grid_host)
            status = QLabel(grid_host)
            status.setObjectName(f"status_{name}")
            status.setWordWrap(True)
            status.setMinimumWidth(220)
            for col, w in enumerate((title, editor, default, status)):
                grid.addWidget(w, r, col, Qt.AlignmentFlag.AlignVCenter)
            self.rows[name] = _Row(name, editor, title, default, status)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(3, 2)
        grid.setRowStretch(len(PARAMETER_NAMES) + 1, 1)

        scroll = self.scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.restore_button = QPushButton(self.tr("Restore &defaults"), self)
        self.restore_button.setToolTip(self.tr(
            "Put the rule book's default in every field (saved only when you press Save)"))
        self.restore_button.clicked.connect(self.restore_defaults)
        self.summary = QLabel(self)
        self.summary.setObjectName("paramsSummary")
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.restore_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.validate()

    # ---- construction ---------------------------------------------------------------------
    def _titles(self) -> dict[str, str]:
        return {
            "lsc_ctx": self.tr("CTX least significant change (fraction: 0.30 = 30%)"),
            "lsc_alp": self.tr("ALP least significant change (fraction: 0.33 = 33%)"),
            "lookback_days": self.tr("Look-back for a biomarker rise"),
            "symptom_days": self.tr("A symptom counts as recent for"),
            "enable_biomarker_workup": self.tr(
                "Biomarker work-up rules (raised ALP / CTX prompt imaging)"),
            "alp_uln_u_l": self.tr("ALP upper limit of normal (when the lab gives none)"),
            "ctx_uln_ng_ml": self.tr("CTX upper limit of normal (when the lab gives none)"),
            "calcium_lln_mmol_l": self.tr("Calcium lower limit (when the lab gives none)"),
            "calcium_uln_mmol_l": self.tr("Calcium upper limit (when the lab gives none)"),
            "albumin_pairing_days": self.tr(
                "Albumin within this many days corrects a calcium"),
            "creatinine_max_age_days": self.tr(
                "Creatinine must be this recent before a zoledronic acid dose"),
            "dental_review_days": self.tr("Dental review interval on a bone drug"),
            "dental_hold_days": self.tr("Bone drug hold before invasive dental work"),
            "overdue_grace_days": self.tr("A dose counts as overdue after"),
            "rebound_checks_days": self.tr(
                "Rebound CTX checks after the last denosumab dose (days, comma-separated)"),
        }

    def _editor(self, name: str, value: Any, parent: QWidget) -> QWidget:
        spec = _SPECS[name]
        default = getattr(DEFAULTS, name)
        if isinstance(default, bool):
            box = QCheckBox(self.tr("On"), parent)
            box.setChecked(bool(value))
            box.toggled.connect(self._edited)
            return box
        if isinstance(default, int):
            spin = QSpinBox(parent)
            spin.setRange(0, max(int(spec.maximum), int(value)))
            spin.setSuffix(self.tr(" days") if spec.unit == "days" else spec.unit)
            spin.setValue(int(value))
            spin.valueChanged.connect(self._edited)
            self._spin_common(spin)
            return spin
        if isinstance(default, float):
            dspin = QDoubleSpinBox(parent)
            dspin.setDecimals(_decimals_for(float(value), spec.decimals))
            dspin.setRange(0.0, max(spec.maximum, float(value)))
            dspin.setSingleStep(spec.step)
            dspin.setSuffix(spec.unit)
            dspin.setValue(float(value))
            dspin.valueChanged.connect(self._edited)
            self._spin_common(dspin)
            return dspin
        line = QLineEdit(format_days_list(value), parent)
        line.setPlaceholderText("90, 180, 270, 365")
        line.textChanged.connect(self._edited)
        return line

    @staticmethod
    def _spin_common(spin: QAbstractSpinBox) -> None:
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setAccelerated(True)
        spin.setMinimumWidth(130)

    def _format_default(self, name: str) -> str:
        return self._format(name, getattr(DEFAULTS, name))

    def _format(self, name: str, value: Any) -> str:
        spec = _SPECS[name]
        if isinstance(value, bool):
            return self.tr("on") if value else self.tr("off")
        if isinstance(value, int):
            return f"{value}{self.tr(' days') if spec.unit == 'days' else spec.unit}"
        if isinstance(value, float):
            return f"{value:.{spec.decimals}f}{spec.unit}"
        return format_days_list(value)

    # ---- values ---------------------------------------------------------------------------
    def raw_value(self, name: str) -> Any:
        """The editor's value as the JSON file would hold it (a list for the comma list; a
        string when the comma list cannot be read)."""
        editor = self.rows[name].editor
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QDoubleSpinBox):
            return editor.value()
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def set_values(self, values: Params) -> None:
        for name in PARAMETER_NAMES:
            value = getattr(values, name)
            editor = self.rows[name].editor
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value))
            elif isinstance(editor, QDoubleSpinBox):
                editor.setDecimals(_decimals_for(float(value), _SPECS[name].decimals))
                editor.setValue(float(value))
            else:
                assert isinstance(editor, QLineEdit)
                editor.setText(format_days_list(value))
        self.validate()

    def restore_defaults(self) -> None:
        self.set_values(DEFAULTS)

    def _parse_days(self, text: str) -> tuple[tuple[int, ...] | None, str]:
        parts = [p.strip() for p in text.replace("，", ",").split(",")]
        if not any(parts):
            return None, self.tr("Give at least one number of days.")
        days: list[int] = []
        for part in parts:
            if not part:
                return None, self.tr("An empty item between two commas.")
            if not part.isdigit():
                return None, self.tr("\"%1\" is not a whole number of days.").replace("%1", part)
            if int(part) <= 0:
                return None, self.tr("Days must be greater than 0.")
            days.append(int(part))
        return tuple(sorted(set(days))), ""

    def values(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The editors' values (JSON-ready) and, per parameter, the problem with it."""
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for name in PARAMETER_NAMES:
            raw = self.raw_value(name)
            spec = _SPECS[name]
            if name == "rebound_checks_days":
                days, problem = self._parse_days(raw)
                if days is None:
                    problems[name] = problem
                    continue
                raw = list(days)
            if spec.positive and raw <= 0:
                problems[name] = self.tr("Must be greater than 0.")
            elif spec.at_least_one_day and raw < 1:
                problems[name] = self.tr("Must be at least 1 day.")
            else:
                try:
                    params_from_mapping({name: raw})
                except ParamsError as exc:  # unreachable with typed editors; kept as a guard
                    problems[name] = str(exc)
                    continue
                values[name] = raw
        low, high = values.get("calcium_lln_mmol_l"), values.get("calcium_uln_mmol_l")
        if low is not None and high is not None and high <= low:
            problems["calcium_uln_mmol_l"] = self.tr(
                "Must be above the calcium lower limit (%1 mmol/L).").replace("%1", f"{low:g}")
            values.pop("calcium_uln_mmol_l")
        return values, problems

    def params(self) -> Params | None:
        """The validated parameters, or None when any field has a problem."""
        values, problems = self.values()
        return None if problems else params_from_mapping(values)

    def problems(self) -> dict[str, str]:
        return dict(self._problems)

    # ---- status ---------------------------------------------------------------------------
    def _edited(self, *_args) -> None:
        self.validate()
        self.changed.emit()

    def validate(self) -> dict[str, str]:
        """Refresh every row's status text; returns the problems (parameter -> message)."""
        values, problems = self.values()
        self._problems = problems
        changed = 0
        for name, row in self.rows.items():
            if name in problems:
                row.status.setText(self.tr("⚠ Invalid: %1").replace("%1", problems[name]))
                row.status.setStyleSheet("color: #b00020; font-weight: bold;")
                row.status.setPalette(self.palette())
                row.status.setToolTip(problems[name])
                row.editor.setToolTip(problems[name])
            elif values[name] != DEFAULTS.as_dict()[name]:
                changed += 1
                row.status.setText(self.tr("● Changed (site value)"))
                row.status.setStyleSheet("font-weight: bold;")
                row.status.setPalette(self.palette())
                row.status.setToolTip("")
                row.editor.setToolTip("")
            else:
                row.status.setText(self.tr("Default"))
                row.status.setStyleSheet("")
                row.status.setPalette(self._quiet)
                row.status.setToolTip("")
                row.editor.setToolTip("")
        for row in self.rows.values():
            row.editor.setAccessibleDescription(row.status.text())
        if problems:
            self.summary.setText(self.tr("Values that cannot be used: %1").replace(
                "%1", str(len(problems))))
        else:
            self.summary.setText(self.tr("Values changed from the defaults: %1").replace(
                "%1", str(changed)))
        return problems

    def first_problem_editor(self) -> QWidget | None:
        """The editor of the first parameter with a problem, scrolled into view."""
        for name in PARAMETER_NAMES:
            if name in self._problems:
                editor = self.rows[name].editor
                self.scroll.ensureWidgetVisible(self.rows[name].status)
                self.scroll.ensureWidgetVisible(editor)
                return editor
        return None
