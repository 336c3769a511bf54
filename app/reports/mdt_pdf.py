"""MDT case summaries and the meeting pack as PDFs (reportlab), from domain DTOs.

- :func:`build_mdt_summary_pdf` — one case summary.
- :func:`build_mdt_pack_pdf` — a cover page listing the cases, then one summary per case,
  each starting on a new page with its patient's name and MRN in the running header.

The trend plot arrives as PNG bytes in the summary (``trend_png``); this module never
renders plots. Without a PNG the trend block is simply left out (no empty frame).
Both builders accept ``progress(done, total)`` and ``cancel()`` for worker-thread use.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Flowable, Image, KeepTogether, PageBreak, Spacer
from reportlab.platypus.tables import Table, TableStyle

from app.domain.mdt_content import MdtCaseSummary, MdtPack, report_labels
from app.reports.common import (
    CONTENT_WIDTH,
    GRID,
    SHADE,
    URGENT,
    Cancel,
    Checkpoint,
    Chrome,
    Progress,
    SetHeader,
    Styles,
    build_pdf,
    cell,
    check_cancel,
    doc_title,
    grid_table,
    para,
    styles,
)
from app.reports.fonts import ensure_fonts

SEVERITY_COLOURS = {"critical": URGENT, "warning": colors.HexColor("#a35200"),
                    "info": colors.HexColor("#1f4e79")}


def pack_styles(lang: str) -> Styles:
    """The report styles, with headings kept on the page of what follows them."""
    st = styles(lang, base_size=9.5)
    return replace(st, h1=ParagraphStyle("h1_keep", parent=st.h1, keepWithNext=1),
                   h2=ParagraphStyle("h2_keep", parent=st.h2, keepWithNext=1))


def _fmt(d: date | None) -> str:
    return d.isoformat() if d else ""


def _kv(rows: list[tuple[str, str]], st: Styles, key_share: float = 0.32) -> Table:
    widths = [CONTENT_WIDTH * key_share, CONTENT_WIDTH * (1 - key_share)]
    return grid_table([[cell(k, st.cell, widths[0]), cell(v, st.cell, widths[1])]
                       for k, v in rows], widths, header=False, key_value=True, style=st.cell)


def _table(header: list[str], rows: list[list[str]], shares: list[float], st: Styles,
           col_styles: dict[int, ParagraphStyle] | None = None) -> Table:
    widths = [CONTENT_WIDTH * s for s in shares]
    styles_ = [(col_styles or {}).get(i, st.cell) for i in range(len(widths))]
    body: list[list] = [[cell(h, st.cell_head, w) for h, w in zip(header, widths, strict=True)]]
    body += [[cell(c, cs, w) for c, w, cs in zip(row, widths, styles_, strict=True)]
             for row in rows]
    table = grid_table(body, widths, style=st.cell)
    for i, cs in enumerate(styles_):
        if cs is not st.cell:  # plain-string cells of this column take its font size
            table.setStyle(TableStyle([("FONTSIZE", (i, 1), (i, -1), cs.fontSize)]))
    return table


def _evidence(labels: tuple[str, ...], source: str) -> str:
    """The source, prefixed by the evidence labels it does not already name."""
    extra = [x for x in labels if x not in source]
    return f"{', '.join(extra)} — {source}" if extra else source


def _trend(png: bytes) -> Image:
    w, h = ImageReader(io.BytesIO(png)).getSize()
    width = CONTENT_WIDTH
    height = width * h / w if w else 60 * mm
    if height > 95 * mm:  # keep it on one page with room for the heading
        width, height = width * 95 * mm / height, 95 * mm
    return Image(io.BytesIO(png), width=width, height=height)


def _question_box(title: str, text: str, st: Styles) -> Table:
    t = Table([[para(title, st.h2)], [para(text, st.body)]],
              colWidths=[CONTENT_WIDTH], hAlign="LEFT")
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), ensure_fonts(), 9),
                           ("BOX", (0, 0), (-1, -1), 1, colors.HexColor("#1f4e79")),
                           ("BACKGROUND", (0, 0), (-1, -1), SHADE)]))
    return t


def _decided_line(summary: MdtCaseSummary, lab: dict[str, str]) -> str:
    when = ""
    if summary.decided_at is not None:
        when = summary.decided_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return lab["decided"].format(who=summary.decided_by or "—", when=when or "—")


def _decision_box(summary: MdtCaseSummary, lab: dict[str, str], st: Styles) -> Flowable:
    rows: list[list[Flowable | str]] = [[para(lab["decision"], st.h2)]]
    heights: list[float | None] = [None]
    if summary.decision:
        rows.append([para(summary.decision, st.body)])
        heights.append(None)
        rows.append([para(_decided_line(summary, lab), st.small)])
    else:
        rows += [[""] for _ in range(4)]
        heights += [8 * mm] * 4
        rows.append([para(lab["recorded_by"], st.small)])
    heights.append(None)
    t = Table(rows, colWidths=[CONTENT_WIDTH], rowHeights=heights, hAlign="LEFT")
    cmds = [("FONT", (0, 0), (-1, -1), ensure_fonts(), 9),
            ("BOX", (0, 0), (-1, -1), 1, colors.HexColor("#1f4e79"))]
    if not summary.decision:
        cmds.append(("LINEBELOW", (0, 1), (-1, -2), 0.3, GRID))
    t.setStyle(TableStyle(cmds))
    return t


def _labels(obj: MdtCaseSummary | MdtPack) -> dict[str, str]:
    return obj.labels or report_labels(obj.lang)


def _lab_ages(s: MdtCaseSummary, lab: dict[str, str], st: Styles) -> list[Flowable]:
    stale_style = ParagraphStyle("stale", parent=st.cell, textColor=URGENT)
    table = _table(
        [lab["col_test"], lab["col_value"], lab["col_date"], lab["col_age"], lab["col_state"]],
        [[x.test, x.value or "—", _fmt(x.date) or "—",
          lab["days_old"].format(n=x.age_days) if x.age_days is not None else "—", x.state]
         for x in s.lab_ages],
        [0.16, 0.30, 0.14, 0.12, 0.28], st, col_styles={4: stale_style})
    for i, x in enumerate(s.lab_ages, start=1):  # stale: bold frame as well as colour
        if not x.stale:
            table.setStyle(TableStyle([("TEXTCOLOR", (4, i), (4, i), colors.black)]))
        else:
            table.setStyle(TableStyle([("BOX", (4, i), (4, i), 1.2, URGENT)]))
    return [CondPageBreak(25 * mm), para(lab["sec_labs"], st.h1), table]


def _trend_block(s: MdtCaseSummary, lab: dict[str, str], st: Styles) -> list[Flowable]:
    title = lab["sec_trend_labs" if s.lab_panel else "sec_trend"]
    head = [CondPageBreak(70 * mm if s.trend_png else 20 * mm), para(title, st.h1)]
    if s.trend_png:
        return [*head, _trend(s.trend_png)]
    key = "no_labs" if s.lab_count == 0 else (
        "no_trend_points" if s.trend_points == 0 else "plot_failed")
    return [*head, para(lab[key], st.body)]


def _dental(s: MdtCaseSummary, lab: dict[str, str], st: Styles) -> list[Flowable]:
    d = s.dental
    if d is None:
        return []
    sep = "；" if s.lang == "zh" else "; "
    rows = [(lab["dental_exam"], d.last_exam),
            (lab["dental_procedures"], sep.join(d.procedures) or lab["none_recorded"]),
            (lab["onj_events"], sep.join(d.onj) or lab["none_recorded"])]
    return [CondPageBreak(25 * mm), para(lab["sec_dental"], st.h1), _kv(rows, st)]


def _findings(s: MdtCaseSummary, lab: dict[str, str], st: Styles) -> list[Flowable]:
    if not s.findings:
        return []
    small = ParagraphStyle("rule", parent=st.cell, fontSize=st.cell.fontSize - 1.5,
                           leading=(st.cell.fontSize - 1.5) * 1.3)
    rule = ParagraphStyle("rule_id", parent=small, wordWrap=None)  # IDs never break inside
    rows = [[f.severity_label, f.rule, f.message, f.why or "—", _evidence(f.evidence, f.source)]
            for f in s.findings]
    table = _table([lab["col_severity"], lab["col_rule"], lab["col_finding"], lab["col_why"],
                    lab["col_evidence"]], rows, [0.08, 0.21, 0.35, 0.20, 0.16], st,
                   col_styles={1: rule, 3: small, 4: small})
    table.setStyle(TableStyle([
        ("TEXTCOLOR", (0, i), (0, i), SEVERITY_COLOURS.get(f.severity, colors.black))
        for i, f in enumerate(s.findings, start=1)]))
    return [para(lab["sec_findings"], st.h1), table]


def _history(s: MdtCaseSummary, lab: dict[str, str], st: Styles) -> list[Flowable]:
    """The oncology history: dated rows, then one bullet per systemic-therapy line."""
    out: list[Flowable] = [CondPageBreak(25 * mm), para(lab["sec_history"], st.h1)]
    if s.history:
        out += [_kv(list(s.history), st), Spacer(1, 2 * mm)]
    out += [para(f"• {line}", st.bullet) for line in s.therapy_lines] or [
        para(lab["no_lines"], st.body)]
    return out


def summary_story(s: MdtCaseSummary, st: Styles | None = None, number: tuple[int, int] | None = None
                  ) -> list[Flowable]:
    """The flowables of one case summary (starts with its running header); ``number``:
    (n, total) of the case in its pack."""
    st = st or pack_styles(s.lang)
    lab = _labels(s)
    name = s.name or lab["no_name"]
    when = s.as_of.isoformat()
    sub = lab["summary_as_of"].format(date=when)
    if number is not None:
        sub = f"{lab['case_no'].format(n=number[0], total=number[1])} · {sub}"
    out: list[Flowable] = [
        SetHeader(f"{lab['summary_title']} — {name}",
                  f"{lab['mrn']} {s.mrn}   {lab['as_of'].format(date=when)}"),
        para(f"{name}   ·   {lab['mrn']} {s.mrn}", st.title),
        para(sub, st.subtitle),
        _question_box(lab["question"], s.question or "—", st), Spacer(1, 3 * mm),
    ]
    out += [para(lab["sec_patient"], st.h1), _kv([*s.identity, *s.cancer], st)]
    out += _history(s, lab, st)
    out += [para(lab["sec_bone"], st.h1),
            _kv([(lab["status"], s.bm_status_label), (lab["basis"], s.bm_basis or "—")], st)]
    if s.derived:
        out += [para(lab["sec_derived"], st.h2), _kv(list(s.derived), st)]
    if s.lab_ages:
        out += _lab_ages(s, lab, st)
    out += [CondPageBreak(25 * mm), para(lab["sec_imaging"], st.h1)]
    out.append(_table([lab["col_date"], lab["col_modality"], lab["col_region"],
                       lab["col_result"], lab["col_detail"]],
                      [[_fmt(x.date), x.study, x.region, x.result, x.detail] for x in s.studies],
                      [0.14, 0.16, 0.28, 0.14, 0.28], st)
               if s.studies else para(lab["no_imaging"], st.body))
    if s.lesions:
        out += [CondPageBreak(35 * mm), para(lab["sec_lesions"], st.h1), _table(
            [lab["col_region"], lab["col_bone"], lab["col_pattern"], "SINS", "Mirels", "ESCC",
             lab["col_missing"]],
            [[x.region, x.bone, x.pattern or "—", x.sins, x.mirels, x.escc,
              ", ".join(x.missing) or "—"] for x in s.lesions],
            [0.15, 0.11, 0.12, 0.17, 0.15, 0.08, 0.22], st)]
    out += [CondPageBreak(30 * mm), para(lab["sec_scores"], st.h1), _table(
        [lab["col_score"], lab["col_value"], lab["col_missing"]],
        [[x.name, x.value, ", ".join(x.missing) or "—"] for x in s.scores],
        [0.34, 0.26, 0.40], st)]
    if s.missing_inputs:
        out.append(para(lab["missing_line"].format(items="; ".join(s.missing_inputs)),
                        st.small))
    out += [CondPageBreak(25 * mm), para(lab["sec_courses"], st.h1)]
    out += [para(f"• {line}", st.bullet) for line in s.courses] or [para(lab["no_bma"], st.body)]
    out += _dental(s, lab, st)
    out += _trend_block(s, lab, st)
    if s.events:
        out += [CondPageBreak(30 * mm), para(lab["sec_events"], st.h1),
                _table([lab["col_date"], lab["col_event"], lab["col_region"], lab["col_state"]],
                       [[_fmt(e.date), e.kind, e.region or "—",
                         lab["planned"] if e.planned else lab["done"]] for e in s.events],
                       [0.14, 0.36, 0.32, 0.18], st)]
    # the findings and the decision box stay on one page (the box never strands alone)
    out.append(KeepTogether([*_findings(s, lab, st), Spacer(1, 4 * mm),
                             _decision_box(s, lab, st)]))
    return out


def _chrome(lab: dict[str, str], generated_on: date) -> Chrome:
    return Chrome(page_label=lab["page"],
                  footer_left=lab["printed"].format(date=generated_on.isoformat()))


def build_mdt_summary_pdf(summary: MdtCaseSummary, *, printed_on: date | None = None,
                          cancel: Cancel | None = None) -> bytes:
    """One MDT case summary as PDF bytes."""
    check_cancel(cancel)
    story = summary_story(summary)
    return build_pdf(story, _chrome(_labels(summary), printed_on or date.today()),
                     title=doc_title("mdt_summary", summary.lang), lang=summary.lang)


def _cover(pack: MdtPack, st: Styles) -> list[Flowable]:
    lab = _labels(pack)
    title = pack.title or lab["pack_title"]
    missing = lab["not_recorded"]
    details = [(lab["col_date"], pack.meeting_date.isoformat()),
               (lab["meeting_time"], pack.start_time or missing),
               (lab["place"], pack.place or missing), (lab["chair"], pack.chair or missing),
               (lab["attendees"], pack.attendees or missing)]
    rows = [[str(i), c.mrn, c.name or "", str(c.critical), str(c.warnings), c.question or "—"]
            for i, c in enumerate(pack.cases, start=1)]
    out: list[Flowable] = [
        SetHeader(title, pack.meeting_date.isoformat()),
        para(title, st.title),
        para(lab["pack_sub"].format(date=pack.meeting_date.isoformat(), n=len(pack.cases)),
             st.subtitle),
        _kv(details, st, key_share=0.2), Spacer(1, 4 * mm),
    ]
    if rows:
        out += [para(lab["cover_order"], st.small), Spacer(1, 1.5 * mm),
                _table([lab["col_no"], lab["mrn"], lab["col_patient"], lab["col_critical"],
                        lab["col_warnings"], lab["question"]],
                       rows, [0.06, 0.13, 0.15, 0.08, 0.09, 0.49], st)]
    else:
        out.append(para(lab["no_cases"], st.body))
    return out


def build_mdt_pack_pdf(pack: MdtPack, *, printed_on: date | None = None,
                       progress: Progress | None = None,
                       cancel: Cancel | None = None) -> bytes:
    """The meeting pack: cover page, then one summary per case (each on a new page)."""
    st = pack_styles(pack.lang)
    total = len(pack.cases)
    story = _cover(pack, st)
    for i, case in enumerate(pack.cases):
        check_cancel(cancel)
        story += [PageBreak(), Checkpoint(i, total, progress, cancel)]
        story += summary_story(case, st, number=(i + 1, total))
    story.append(Checkpoint(total, total, progress, cancel))
    return build_pdf(story, _chrome(_labels(pack), printed_on or date.today()),
                     title=doc_title("mdt_pack", pack.lang, pack.meeting_date), lang=pack.lang)
