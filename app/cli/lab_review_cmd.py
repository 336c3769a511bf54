"""``bonemet lab-review``: the messages held instead of stored, and a decision on each.

    bonemet lab-review list [--all] --db DB
    bonemet lab-review show ID --db DB
    bonemet lab-review assign ID [--mrn MRN] --db DB
    bonemet lab-review reject ID --reason TEXT --db DB

A message is held when its patient does not match the registry (another assigning authority,
family name, birth date or sex). ``list`` gives id, date, message, source and why — no name
or ID. ``show`` prints, as its explicit output, the message's patient details beside the
registry patient's (names, IDs, birth dates, sex) and the message itself, for the reviewer.
``assign`` imports the results into the patient its ID matched (or ``--mrn``); ``reject``
files it with a reason. Both are audited; nothing is deleted.

Exit codes: 0 done; 2 bad input (no such held message, already decided, unknown MRN).
"""

from __future__ import annotations

import argparse

from app.cli.case_cmd import cli_actor
from app.cli.db_cmd import CliError, add_db_argument, ready_database, report
from app.cli.import_labs_cmd import load_feed_settings
from app.interop.lab_review_io import ReviewError, assign_held_message
from app.services.lab_review import get_review, list_reviews, reject_review
from app.services.site_settings import SiteParamsError, load_site_params


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("lab-review", help="lab messages held for review: list, show, assign, "
                       "reject", description=__doc__.split("\n\n")[2])
    actions = p.add_subparsers(dest="action", required=True)
    a = actions.add_parser("list", help="the held messages (no patient data)")
    a.add_argument("--all", action="store_true", help="also the assigned and rejected ones")
    add_db_argument(a)
    a = actions.add_parser("show", help="one held message beside the registry patient")
    a.add_argument("id", type=int)
    add_db_argument(a)
    a = actions.add_parser("assign", help="import a held message into a patient")
    a.add_argument("id", type=int)
    a.add_argument("--mrn", help="the patient (default: the one its ID matched)")
    a.add_argument("--code-map", metavar="FILE.json", help="the site's lab-feed file")
    a.add_argument("--params", metavar="FILE.json", help="site rule parameters")
    add_db_argument(a)
    a = actions.add_parser("reject", help="file a held message as not ours")
    a.add_argument("id", type=int)
    a.add_argument("--reason", required=True)
    add_db_argument(a)
    p.set_defaults(func=run)


def _side_by_side(item) -> list[str]:
    msg, reg = item.message_patient, item.candidate or {}
    rows = [("ID", f"{msg.get('mrn')} ({msg.get('id_field')}"
             + (f", authority {msg['authority']})" if msg.get("authority") else ")"),
             reg.get("mrn")),
            ("name", " ".join(x for x in (msg.get("family"), msg.get("given")) if x),
             reg.get("name")),
            ("birth date", msg.get("birth_date"), reg.get("birth_date")),
            ("sex", msg.get("sex"), reg.get("sex"))]
    lines = [f"{'':<12}{'message':<36}registry"]
    lines += [f"{k:<12}{str(a or '—'):<36}{b or '—'}" for k, a, b in rows]
    return lines


@report
def run(args: argparse.Namespace) -> int:
    db = ready_database(getattr(args, "db", None), must_exist=True)
    try:
        if args.action == "list":
            items = list_reviews(db, None if args.all else "pending")
            for it in items:
                print(f"{it.id:>5}  {it.status:<9}{it.received_at:%Y-%m-%d %H:%M}  "
                      f"{it.label}  {it.source}  {it.reason}")
            print(f"{len(items)} held message(s)" if not args.all
                  else f"{len(items)} message(s)")
        elif args.action == "show":
            it = get_review(db, args.id)
            print(f"{it.label} from {it.source}, {it.status}: {it.reason}")
            for line in _side_by_side(it):
                print(line)
            print(it.message.replace("\r", "\n"))
        elif args.action == "assign":
            settings = load_feed_settings(args.code_map, [])
            try:
                params = load_site_params(args.params).params
            except SiteParamsError as exc:
                raise CliError(f"--params: {exc.problem}") from None
            rep = assign_held_message(db, args.id, args.mrn, cli_actor(), settings=settings,
                                      params=params)
            print(f"assigned: {rep.results_imported} result(s) imported, "
                  f"{rep.results_duplicate} already in the registry")
        else:
            reject_review(db, args.id, cli_actor(), args.reason)
            print("rejected")
    except ReviewError as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    return 0
