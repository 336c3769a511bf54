"""``ReboundBadge``: the visible denosumab rebound-risk flag (rule book §5, DEN-STOP-WINDOW).

One widget for every place that shows the flag: the patient chart header and the trend view
(``compact=False``: every fact on its own line), the registry and the worklist
(``compact=True``: one short line, the facts in the tooltip). It is hidden while there is no
flag, so a host can simply call :meth:`ReboundBadge.set_flag` with
``app.domain.trends_rebound.rebound_flag(case, as_of, params)`` whenever the patient or the
as-of date changes. Where only the registry's cached ``rebound_open`` boolean is at hand,
:meth:`ReboundBadge.set_open` shows the short form without details.

Not colour alone: the text says "Rebound risk" (or "Rebound!" when a DEN-REBOUND-* finding
fired) and a warning sign leads it; the accessible name and description carry the same text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from app.domain.trends_rebound import ReboundFlag
from app.ui.trends import text as tx

WARNING_STYLE = (
    "QLabel#reboundText { background: #fff3cd; color: #5c3c00; "
    "border: 1px solid #e0a800; border-radius: 4px; padding: 2px 6px; }"
)
CRITICAL_STYLE = (
    "QLabel#reboundText { background: #c41e3a; color: white; "
    "border: 1px solid #8a1529; border-radius: 4px; padding: 2px 6px; }"
)

translate = QCoreApplication.translate


class ReboundBadge(QWidget):
    """Shows a :class:`ReboundFlag`; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self._flag: ReboundFlag | None = None
        self._open_only = False
        self._compact = compact
        self.label = QLabel(self)
        self.label.setObjectName("reboundText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(not compact)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._refresh()

    # ---- API ---------------------------------------------------------------------------
    def set_flag(self, flag: ReboundFlag | None) -> None:
        """Show ``flag`` (None hides the badge: no window open, or denosumab resumed)."""
        self._flag = flag
        self._open_only = False
        self._refresh()

    def set_open(self, is_open: bool) -> None:
        """The registry's cached summary: show the short form without details."""
        self._flag = None
        self._open_only = is_open
        self._refresh()

    def flag(self) -> ReboundFlag | None:
        return self._flag

    def is_shown(self) -> bool:
        """True when the badge has something to show (independent of the parent's visibility)."""
        return self._flag is not None or self._open_only

    def set_compact(self, compact: bool) -> None:
        self._compact = compact
        self.label.setWordWrap(not compact)
        self._refresh()

    def text(self) -> str:
        return self.label.text()

    # ---- internals ---------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def _refresh(self) -> None:
        self.setAccessibleName(translate("Trends", "Denosumab rebound risk"))
        flag = self._flag
        if flag is None and not self._open_only:
            self.label.clear()
            self.label.setToolTip("")
            self.setToolTip("")
            self.setAccessibleDescription("")
            self.label.setAccessibleDescription("")
            self.setVisible(False)
            return
        if flag is None:
            short = translate("Trends", "Rebound risk")
            lines = [translate("Trends", "Denosumab stopped — rebound-risk window open")]
            critical = False
        else:
            short = tx.flag_short(flag)
            lines = tx.flag_lines(flag)
            summary = tx.flag_summary(flag)
            critical = flag.rebound_found
        sign = "⚠ "
        if flag is None:
            summary = lines
        shown = short if self._compact else "\n".join(summary)
        self.label.setText(sign + shown)
        full = "\n".join(lines)
        self.label.setToolTip(full)
        self.setToolTip(full)
        self.setAccessibleDescription(full)
        self.label.setAccessibleName(self.accessibleName())
        self.label.setAccessibleDescription(full)
        self.setStyleSheet(CRITICAL_STYLE if critical else WARNING_STYLE)
        if self.parentWidget() is not None:  # a parentless badge is not popped up as a window
            self.setVisible(True)
