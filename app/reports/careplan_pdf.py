"""The patient care plan as an A4 PDF (reportlab), from a :class:`~app.domain.careplan.CarePlan`.

Layout only: the content (and every word of it) comes from ``app.domain.careplan``. Every page
carries the patient's name and MRN (running header, elided to fit so that a long name or MRN
never overprints the other; the full name and MRN are in the plan's header section), the print
date and "page n of N" (footer); the last page ends with the clinician signature line.

- Large print (``plan.large_print``): body text 14 pt (else 10.5 pt), headings in proportion.
- Each paragraph and bullet is kept whole on one page, so that a page break never puts the
  running header or footer inside a sentence (the plan is checked from its extracted text).
- All text is set in the embedded CJK font; Chinese wraps with ``wordWrap="CJK"``.

Thread use: :func:`build_careplan_pdf` touches no global state except the one-time font
registration (locked), so the UI may call it from a worker thread with ``progress`` and
``cancel`` callables.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer
from reportlab.platypus.tables import Table, TableStyle

from app.domain.careplan import CarePlan, Section
from app.domain.careplan_text import fmt_date
from app.reports.common import (
    CONTENT_WIDTH,
    GRID,
    Cancel,
    Chrome,
    Progress,
    SetHeader,
    Styles,
    build_pdf,
    check_cancel,
    doc_title,
    esc,
    para,
    styles,
)
from app.reports.fonts import ensure_fonts

BODY_PT = 10.5
LARGE_BODY_PT = 14.0
HEADER_PT = 8.5  # the running header's size (app.reports.common)
ELLIPSIS = "…"


def elide(text: str, width: float, font: str, size: float = HEADER_PT) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` points (unchanged if it fits)."""
    if stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid] + ELLIPSIS, font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


def running_header(plan: CarePlan, font: str) -> tuple[str, str]:
    """(left, right) of the running header, each within its share of the line."""
    lab, colon = plan.labels, plan.labels["colon"]
    gap = 6 * mm
    right = f"{lab['mrn']}{colon}{plan.mrn}"
    right = elide(right, CONTENT_WIDTH * 0.45 - gap / 2, font)
    left_width = CONTENT_WIDTH - stringWidth(right, font, HEADER_PT) - gap
    left = elide(f"{lab['patient']}{colon}{plan.patient_name or ''}", left_width, font)
    return left, right


class WholeParagraph(Paragraph):
    """A paragraph that moves to the next page rather than split across two (cheaper than
    wrapping it in ``KeepTogether``)."""

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab API
        return []


def _para(text: str, style) -> Paragraph:
    """:func:`app.reports.common.para` (CJK-aware wrapping), kept whole."""
    p = para(text, style)
    p.__class__ = WholeParagraph  # same state, only ``split`` differs
    return p


def _section(sec: Section, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(35 * mm), para(sec.title, st.h1)]
    out += [_para(p, st.body) for p in sec.paragraphs]
    for item in sec.items:
        style = st.urgent if item.urgent else st.bullet
        out.append(WholeParagraph(esc(item.text), style, bulletText="•"))
    return out


def _header(sec: Section, plan: CarePlan, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [para(sec.title, st.title), para(plan.subtitle, st.subtitle)]
    out += [para(p, st.body) for p in sec.paragraphs]
    out.append(Spacer(1, 2 * mm))
    return out


def _signature(plan: CarePlan, st: Styles) -> Flowable:
    size = st.body.fontSize
    t = Table(
        [[para(plan.labels["signature"], st.body), para("_" * 30, st.body),
          para(plan.labels["sign_date"], st.body), para("_" * 12, st.body)]],
        colWidths=[CONTENT_WIDTH * 0.26, CONTENT_WIDTH * 0.40, CONTENT_WIDTH * 0.12,
                   CONTENT_WIDTH * 0.22],
        hAlign="LEFT",
    )
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), ensure_fonts(), size),
                           ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                           ("LINEABOVE", (0, 0), (-1, 0), 0.4, GRID),
                           ("TOPPADDING", (0, 0), (-1, -1), 10)]))
    return KeepTogether([Spacer(1, 8 * mm), para(plan.labels["footer_note"], st.small), t])


def plan_styles(plan: CarePlan) -> Styles:
    return styles(plan.lang, LARGE_BODY_PT if plan.large_print else BODY_PT)


def careplan_story(plan: CarePlan, *, cancel: Cancel | None = None) -> list[Flowable]:
    """The flowables of a care plan (also usable inside a larger document)."""
    st = plan_styles(plan)
    left, right = running_header(plan, ensure_fonts())
    story: list[Flowable] = [SetHeader(left, right)]
    for sec in plan.sections:
        check_cancel(cancel)
        story += _header(sec, plan, st) if sec.key == "header" else _section(sec, st)
    story.append(_signature(plan, st))
    return story


def build_careplan_pdf(
    plan: CarePlan,
    *,
    printed_on: date | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> bytes:
    """The care plan as PDF bytes. ``printed_on`` defaults to today (the footer's date)."""
    printed = printed_on or date.today()
    check_cancel(cancel)
    if progress:
        progress(0, 2)
    story = careplan_story(plan, cancel=cancel)
    chrome = Chrome(
        page_label=plan.labels["page"],
        footer_left=plan.labels["printed"].format(date=fmt_date(printed, plan.lang)),
    )
    check_cancel(cancel)
    pdf = build_pdf(story, chrome, title=doc_title("careplan", plan.lang), lang=plan.lang)
    if progress:
        progress(2, 2)
    return pdf
