"""``bonemet mdt-pack`` (the meeting's case pack as one PDF) and ``bonemet mdt`` (meetings).

    bonemet mdt-pack --db DB --meeting YYYY-MM-DD|next --out FILE.pdf [--as-of YYYY-MM-DD]
                     [--lang en|zh]   (default: the site language, as the app's)
    bonemet mdt create --db DB --date YYYY-MM-DD [--title TEXT] [--time HH:MM] [--place TEXT]
                       [--chair TEXT] [--attendees TEXT]
    bonemet mdt edit --db DB --date YYYY-MM-DD [same flags; "" clears one]
    bonemet mdt add --db DB --date YYYY-MM-DD --mrn MRN --question TEXT
    bonemet mdt list --db DB [--date YYYY-MM-DD]
    bonemet mdt decide --db DB --case-id N --decision TEXT

The pack renders each case's ALP/CTX trend with ``app.ui.trends.render_trend_png`` under an
offscreen QApplication when that function and PySide6 are available; otherwise the pack is
built without the trend images (a note goes to stderr). Bad flags/input exit 2 with one line
``bonemet mdt…: <field>: <problem>``; patient data is printed only by ``mdt list`` (its output).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date

from app.cli.assess_cmd import InputError, parse_as_of, report_failure
from app.cli.out_file import check_out, write_out


def _db(args: argparse.Namespace):
    from app.cli.db_cmd import CliError, ready_database

    try:
        return ready_database(getattr(args, "db", None), must_exist=True)
    except CliError as exc:
        raise InputError(str(exc), exc.code) from None


def _quiet_offscreen_warning() -> None:
    """Drop the offscreen plugin's harmless "propagateSizeHints" warning (tech notes); other
    Qt messages still reach stderr."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def trend_renderer() -> tuple[Callable | None, object | None]:
    """``(render(case, as_of, lab_panel, lang) -> png | None, keep-alive app)``;
    ``(None, missing module name)`` when Qt or a plotting module cannot be imported (a
    frozen build without QtOpenGLWidgets, a server without Qt): the caller says which."""
    try:
        from app.ui.mdt.pack_job import draw_trend
        from app.ui.trends.render import render_trend_png
    except ImportError as exc:
        return None, exc.name or type(exc).__name__
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.ui.app import register_bundled_fonts

    qapp = QApplication.instance()
    if qapp is None:
        _quiet_offscreen_warning()
        qapp = QApplication(["bonemet-mdt-pack"])
        register_bundled_fonts(qapp)  # Chinese plot texts need the bundled CJK font

    def render(case, as_of: date, lab_panel: bool = False, lang: str = "en") -> bytes | None:
        try:
            return draw_trend(render_trend_png, case, as_of, lab_panel, lang)
        except Exception as exc:  # a plot failure must not lose the whole pack
            render.failures.append(type(exc).__name__)  # type: ignore[attr-defined]
            return None

    render.failures = []  # type: ignore[attr-defined]

    return render, qapp


def site_language() -> str:
    """The site's language (``en``/``zh``): the app's language setting, else the system
    locale — the language the desktop app would use on this workstation."""
    try:
        from PySide6.QtCore import QCoreApplication, QSettings

        from app.ui.app import APPLICATION, ORGANIZATION, resolve_language
    except ImportError:
        return "en"
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    return "zh" if resolve_language().startswith("zh") else "en"


def _fail(prefix: str, exc: Exception) -> int:
    from app.services.mdt_service import MdtError

    if isinstance(exc, MdtError):  # bad input found by the service (its message names it)
        print(f"{prefix}: {exc}", file=sys.stderr)
        return 2
    return report_failure(prefix, exc)


def run_pack(args: argparse.Namespace) -> int:
    try:
        out = check_out(args.out)
        as_of = parse_as_of(args.as_of) if args.as_of else None
        meeting_arg = args.meeting.strip()
        meeting_day = None if meeting_arg == "next" else parse_meeting_date(meeting_arg)
        from app.reports.mdt_pdf import build_mdt_pack_pdf
        from app.services.mdt_service import MdtService
        from app.services.site_settings import SiteParamsError, load_site_params

        try:  # the site's parameters, as in the desktop app (--params, else the site file)
            params = load_site_params(args.params).params
        except SiteParamsError as exc:
            raise InputError(f"--params: {exc.problem}") from None
        db = _db(args)
        try:
            svc = MdtService(db, "cli")
            meeting = (svc.next_meeting(date.today()) if meeting_day is None
                       else svc.meeting_on(meeting_day))
            if meeting is None:
                raise InputError("--meeting: no upcoming meeting" if meeting_day is None
                                 else "--meeting: no meeting on this date")
            render, _qapp = trend_renderer()
            if render is None:
                print(f"bonemet mdt-pack: note: trend plots unavailable (module {_qapp} "
                      "cannot be imported); pack built without them", file=sys.stderr)
            lang = args.pack_lang or site_language()
            pack = svc.pack_content(meeting.id, as_of=as_of, params=params,
                                    trend_png=render, lang=lang)
            failed = getattr(render, "failures", [])
            if failed:
                print(f"bonemet mdt-pack: note: {len(failed)} trend plot(s) could not be drawn "
                      f"({', '.join(sorted(set(failed)))}); those cases have no plot",
                      file=sys.stderr)
        finally:
            db.dispose()
        write_out(out, build_mdt_pack_pdf(pack))
        return 0
    except Exception as exc:  # never a traceback (it could carry patient data)
        return _fail("bonemet mdt-pack", exc)


def parse_meeting_date(text: str, flag: str = "--meeting") -> date:
    try:
        return parse_as_of(text)
    except InputError:
        hint = " or 'next'" if flag == "--meeting" else ""
        raise InputError(f"{flag}: expected a date YYYY-MM-DD{hint}") from None


def run_mdt(args: argparse.Namespace) -> int:
    try:
        from app.services.mdt_service import MdtService, MeetingDetails

        day = parse_meeting_date(args.date, "--date") if getattr(args, "date", None) else None
        db = _db(args)
        try:
            svc = MdtService(db, os.environ.get("USER") or "cli")
            if args.action == "create":
                m = svc.create_meeting(day, args.title, _details(args, MeetingDetails()))
                print(f"meeting {m.id} on {m.meeting_date.isoformat()}")
            elif args.action == "edit":
                m = svc.meeting_on(day)
                if m is None:
                    raise InputError("--date: no meeting on this date")
                title = m.title if args.title is None else args.title
                m = svc.edit_meeting(m.id, title=title, details=_details(args, m.details),
                                     version=m.version)
                print(f"meeting {m.id} on {m.meeting_date.isoformat()} updated")
            elif args.action == "add":
                m = svc.meeting_on(day)
                if m is None:
                    raise InputError("--date: no meeting on this date")
                row = svc.add_case(m.id, args.mrn, args.question)
                print(f"case {row.id} listed for {m.meeting_date.isoformat()}")
            elif args.action == "list":
                meetings = [svc.meeting_on(day)] if day else svc.list_meetings()
                for m in (x for x in meetings if x is not None):
                    print(f"{m.meeting_date.isoformat()}  {m.title or ''}  ({m.case_count})")
                    for c in svc.list_cases(m.id):
                        state = "decided" if c.decision else "open"
                        print(f"  [{c.id}] {c.mrn}  {c.name or ''}  {state}: {c.question}")
            else:
                row = svc.record_decision(args.case_id, args.decision)
                print(f"decision recorded for case {row.id}")
        finally:
            db.dispose()
        return 0
    except Exception as exc:
        return _fail("bonemet mdt", exc)


def _details(args: argparse.Namespace, current):
    """The meeting details from the flags; a flag left out keeps ``current``'s value."""
    from dataclasses import replace

    given = {k: getattr(args, k) for k in ("start_time", "place", "chair", "attendees")
             if getattr(args, k, None) is not None}
    return replace(current, **given)


def _detail_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--title")
    p.add_argument("--time", dest="start_time", metavar="HH:MM", help="start time (24-hour)")
    p.add_argument("--place", help="room or video link")
    p.add_argument("--chair", help="who chairs the meeting")
    p.add_argument("--attendees", help="who attends (names separated by commas or newlines)")


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=argparse.SUPPRESS,
                   help="SQLite file path or database URL (default: user data dir)")


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "mdt-pack", help="write an MDT meeting's case pack (PDF)",
        description="One PDF: a cover page listing the meeting's cases, then one case "
        "summary per patient (trend plot, lesion table with scores, question, decision).",
    )
    _db_arg(p)
    p.add_argument("--meeting", required=True, metavar="YYYY-MM-DD|next",
                   help="meeting date, or 'next' for the first meeting from today")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="PDF file to write")
    p.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD",
                   help="assess the cases as of this date (default: meeting date or today)")
    p.add_argument("--lang", dest="pack_lang", choices=("en", "zh"), default=None,
                   help="language of the pack (default: the site language, as in the app)")
    p.add_argument("--params", metavar="FILE.json",
                   help="site rule parameters (default: the desktop app's site file, if any)")
    p.set_defaults(func=run_pack)

    m = subparsers.add_parser("mdt", help="MDT meetings: create, edit, add a patient, list, "
                              "decide")
    sub = m.add_subparsers(dest="action", required=True, parser_class=type(p))
    c = sub.add_parser("create", help="create a meeting")
    c.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    _detail_args(c)
    e = sub.add_parser("edit", help="change a meeting's title, time, place, chair, attendees")
    e.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    _detail_args(e)
    a = sub.add_parser("add", help="list a patient for a meeting with a question")
    a.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    a.add_argument("--mrn", required=True)
    a.add_argument("--question", required=True)
    ls = sub.add_parser("list", help="meetings and their cases")
    ls.add_argument("--date", metavar="YYYY-MM-DD")
    d = sub.add_parser("decide", help="record the MDT decision for a case (after the meeting)")
    d.add_argument("--case-id", dest="case_id", type=int, required=True)
    d.add_argument("--decision", required=True)
    for q in (c, e, a, ls, d):
        _db_arg(q)
        q.set_defaults(func=run_mdt)
