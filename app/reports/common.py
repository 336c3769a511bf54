"""Shared report machinery: styles on the embedded font, page chrome, progress and cancel.

- :func:`styles` — paragraph styles on the embedded CJK font (``wordWrap="CJK"`` for
  Chinese, normal word wrapping for English), never a base-14 font.
- :func:`build_pdf` — an A4 document whose canvas starts on the embedded
  font, with a running header (set per page by :class:`SetHeader` flowables) and a
  "page n of N" footer drawn after layout (:class:`_NumberedCanvas`); its properties carry
  a title without patient data (:func:`doc_title`), the language and the creation date.
- Builders take ``progress(done, total)`` and ``cancel()`` callables so the UI can run them
  on a worker thread; a cancelled build raises :class:`BuildCancelled`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.tables import Table, TableStyle

from app.domain.progress import BuildCancelled, Cancel, Progress, check_cancel
from app.reports.fonts import ensure_fonts

__all__ = ["BuildCancelled", "Cancel", "Progress", "check_cancel"]  # re-exported for builders

MARGIN = 18 * mm
HEADER_Y = A4[1] - 11 * mm
FOOTER_Y = 9 * mm
ACCENT = colors.HexColor("#1f4e79")
URGENT = colors.HexColor("#b00020")
GRID = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#e8eef4")


def esc(text: object) -> str:
    """Text made safe for reportlab's paragraph mini-markup."""
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    bullet: ParagraphStyle
    urgent: ParagraphStyle


def styles(lang: str = "en", base_size: float = 10.5) -> Styles:
    """Paragraph styles for ``lang`` on the embedded font."""
    font = ensure_fonts()
    wrap = "CJK" if lang == "zh" else None
    lead = 1.45 if lang == "zh" else 1.3

    def st(name: str, size: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * lead,
                              bulletFontName=font, wordWrap=wrap, alignment=TA_LEFT, **kw)

    return Styles(
        body=st("body", base_size, spaceAfter=3),
        small=st("small", base_size - 2, textColor=colors.HexColor("#444444")),
        cell=st("cell", base_size - 1),
        cell_head=st("cell_head", base_size - 1, textColor=colors.white),
        title=st("title", base_size + 9, textColor=ACCENT, spaceAfter=2),
        subtitle=st("subtitle", base_size + 1, textColor=colors.HexColor("#333333"),
                    spaceAfter=6),
        h1=st("h1", base_size + 3.5, textColor=ACCENT, spaceBefore=8, spaceAfter=4),
        h2=st("h2", base_size + 1.5, textColor=ACCENT, spaceBefore=6, spaceAfter=3),
        bullet=st("bullet", base_size, leftIndent=12, bulletIndent=2, spaceAfter=2),
        urgent=st("urgent", base_size, leftIndent=12, bulletIndent=2, spaceAfter=2,
                  textColor=URGENT),
    )


_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def para(text: object, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of plain text; text containing CJK characters wraps the CJK way (an
    English document may carry a Chinese name, question or decision)."""
    s = str(text)
    if style.wordWrap != "CJK" and _CJK.search(s):
        style = ParagraphStyle(style.name + "_cjk", parent=style, wordWrap="CJK")
    return Paragraph(esc(s), style)


CELL_PAD = 4


def cell(text: object, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A table cell: the plain string when it fits on one line of the column (fast to lay
    out), else a wrapping Paragraph (long text wraps inside the cell, never cut off)."""
    s = str(text)
    if "\n" not in s and stringWidth(s, style.fontName, style.fontSize) <= width - 2 * CELL_PAD - 1:
        return s
    return para(s, style)


def grid_table(rows: list[list[Any]], col_widths: list[float], *, header: bool = True,
               key_value: bool = False, style: ParagraphStyle | None = None) -> Table:
    """A grid table; ``style`` sets the font of plain-string cells (see :func:`cell`)."""
    t = Table(rows, colWidths=col_widths, repeatRows=1 if header else 0, hAlign="LEFT")
    size = style.fontSize if style is not None else 9
    leading = style.leading if style is not None else 11
    cmds: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), ensure_fonts(), size, leading),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), ACCENT))
        cmds.append(("TEXTCOLOR", (0, 0), (-1, 0), colors.white))
    if key_value:
        cmds.append(("BACKGROUND", (0, 0), (0, -1), SHADE))
    t.setStyle(TableStyle(cmds))
    return t


class SetHeader(Flowable):
    """Zero-size flowable: from the page it lands on, the running header reads ``left`` /
    ``right`` (e.g. patient name / MRN)."""

    def __init__(self, left: str, right: str) -> None:
        super().__init__()
        self.left, self.right = left, right
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._bm_header = (self.left, self.right)  # type: ignore[attr-defined]


class Checkpoint(Flowable):
    """Zero-size flowable that reports progress and honours the cancel flag during layout."""

    def __init__(self, done: int, total: int, progress: Progress | None,
                 cancel: Cancel | None) -> None:
        super().__init__()
        self.done, self.total, self.progress, self.cancel = done, total, progress, cancel
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        check_cancel(self.cancel)
        return 0, 0

    def draw(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.total)


@dataclass(frozen=True)
class Chrome:
    """Page furniture: the page label template (``{n}``/``{total}``) and the footer text."""

    page_label: str  # e.g. "Page {n} of {total}"
    footer_left: str  # e.g. "Printed 21 Nov 2026"


def _canvas_class(chrome: Chrome, font: str) -> type[Canvas]:
    class _NumberedCanvas(Canvas):
        """Keeps each page's state, then draws "page n of N" once the total is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for n, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(font, 8)
                self.setFillColor(colors.HexColor("#444444"))
                self.drawString(MARGIN, FOOTER_Y, chrome.footer_left)
                self.drawRightString(A4[0] - MARGIN, FOOTER_Y,
                                     chrome.page_label.format(n=n, total=total))
                super().showPage()
            super().save()

    return _NumberedCanvas


def _draw_header(canv: Canvas, doc: BaseDocTemplate) -> None:
    header = getattr(canv, "_bm_header", None)
    if not header:
        return
    font = ensure_fonts()
    canv.saveState()
    canv.setFont(font, 8.5)
    canv.setFillColor(colors.HexColor("#333333"))
    canv.drawString(MARGIN, HEADER_Y, header[0])
    canv.drawRightString(A4[0] - MARGIN, HEADER_Y, header[1])
    canv.setStrokeColor(GRID)
    canv.setLineWidth(0.5)
    canv.line(MARGIN, HEADER_Y - 2.5 * mm, A4[0] - MARGIN, HEADER_Y - 2.5 * mm)
    canv.restoreState()


# The PDF's title (document properties; viewers show it in the window title and tab): what
# the document is, never who it is about. English / Chinese; {date} = the meeting date.
DOC_TITLES: dict[str, tuple[str, str]] = {
    "careplan": ("BoneMet care plan", "BoneMet 骨健康管理计划"),
    "mdt_pack": ("MDT case pack {date}", "MDT病例资料 {date}"),
    "mdt_summary": ("MDT case summary", "MDT病例摘要"),
}


def doc_title(kind: str, lang: str, day: date | None = None) -> str:
    """The metadata title of a ``kind`` of report (:data:`DOC_TITLES`) in ``lang``."""
    text = DOC_TITLES[kind][1 if lang == "zh" else 0]
    return text.format(date=day.isoformat() if day else "").strip()


def build_pdf(story: list[Flowable], chrome: Chrome, *, title: str, lang: str = "en") -> bytes:
    """Lay out ``story`` on A4 with the running header and numbered footer; PDF bytes.

    The document properties: ``title`` (from :func:`doc_title`: no patient data), the
    language, author and creator, and the real creation date and time (local time with its
    UTC offset; ``SOURCE_DATE_EPOCH``, when set, fixes it for reproducible builds). Viewers
    are asked to show the title rather than the file name (which may carry the MRN).
    """
    font = ensure_fonts()
    # binary (not ASCII85) streams: the trend PNGs embed ~40% faster; PDF readers don't care
    rl_config.useA85 = 0
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=20 * mm,
        bottomMargin=17 * mm, title=title, author="BoneMet Workstation", creator="BoneMet",
        lang="zh-CN" if lang == "zh" else "en", displayDocTitle=True,
        initialFontName=font, initialFontSize=10, invariant=False,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=_draw_header)])
    doc.build(story, canvasmaker=_canvas_class(chrome, font))
    return buf.getvalue()


CONTENT_WIDTH = A4[0] - 2 * MARGIN
