"""The patient care plan as an A4 PDF (reportlab), from a :class:`~app.domain.careplan.CarePlan`.

Every page carries the patient's name and MRN (running header), the print date and "page n
of N" (footer); the last page ends with the clinician signature line. All text is set in the
embedded CJK font; Chinese wraps with ``wordWrap="CJK"``; table cells are Paragraphs.

Thread use: :func:`build_careplan_pdf` touches no global state except the one-time font
registration (locked), so the UI may call it from a worker thread with ``progress`` and
``cancel`` callables.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
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
    cell,
    check_cancel,
    doc_title,
    esc,
    grid_table,
    para,
    styles,
)
from app.reports.fonts import ensure_fonts


def _section(sec: Section, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(30 * mm), para(sec.title, st.h1)]
    out += [para(p, st.body) for p in sec.paragraphs]
    if sec.table:
        if sec.table_header:
            widths = [CONTENT_WIDTH * 0.6, CONTENT_WIDTH * 0.4]
            rows = [[cell(h, st.cell_head, w) for h, w in zip(sec.table_header, widths,
                                                               strict=True)]]
        else:
            rows = []
            widths = [CONTENT_WIDTH * 0.3, CONTENT_WIDTH * 0.7]
        rows += [[cell(c, st.cell, w) for c, w in zip(row, widths, strict=True)]
                 for row in sec.table]
        out.append(Spacer(1, 2))
        out.append(grid_table(rows, widths, header=bool(sec.table_header),
                              key_value=not sec.table_header, style=st.cell))
        out.append(Spacer(1, 4))
    for item in sec.items:
        style = st.urgent if item.urgent else st.bullet
        out.append(Paragraph(esc(item.text), style, bulletText="•"))
    return out


def _signature(plan: CarePlan, st: Styles) -> Flowable:
    line = "_" * 34
    t = Table(
        [[para(plan.labels["signature"], st.body), para(line, st.body),
          para(plan.labels["sign_date"], st.body), para("_" * 16, st.body)]],
        colWidths=[CONTENT_WIDTH * 0.22, CONTENT_WIDTH * 0.42, CONTENT_WIDTH * 0.12,
                   CONTENT_WIDTH * 0.24],
        hAlign="LEFT",
    )
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), ensure_fonts(), 9),
                           ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                           ("LINEABOVE", (0, 0), (-1, 0), 0.4, GRID),
                           ("TOPPADDING", (0, 0), (-1, -1), 10)]))
    return KeepTogether([Spacer(1, 8 * mm), para(plan.labels["footer_note"], st.small), t])


def careplan_story(plan: CarePlan, *, cancel: Cancel | None = None) -> list[Flowable]:
    """The flowables of a care plan (also usable inside a larger document)."""
    st = styles(plan.lang)
    name = plan.patient_name or ""
    lab, colon = plan.labels, plan.labels["colon"]
    story: list[Flowable] = [
        SetHeader(f"{lab['patient']}{colon}{name}", f"{lab['mrn']}{colon}{plan.mrn}"),
        para(plan.title, st.title),
        para(plan.subtitle, st.subtitle),
        para(f"{lab['patient']}{colon}{name}  ·  {lab['mrn']}{colon}{plan.mrn}  ·  "
             f"{lab['as_of']}{colon}{fmt_date(plan.as_of, plan.lang)}", st.small),
        Spacer(1, 3 * mm),
    ]
    for sec in plan.sections:
        check_cancel(cancel)
        story += _section(sec, st)
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
