"""``bonemet listen``: receive lab results from a laboratory system over the network.

    bonemet listen --port N [--host 127.0.0.1] --db DB [--params FILE.json]

Listens for HL7 v2 ORU^R01 messages framed by MLLP (:mod:`app.interop.mllp_listener`) and
answers each with an HL7 ACK once it is stored (AA accepted, AE results rejected — the ACK names
the field —, AR rejected whole). One transaction per message. Each imported patient's cached
summary is recomputed with the site's rule parameters (``--params``, else the desktop app's
site file). ``--port 0`` picks a free port (the one used is printed).

On stderr: one line when listening, one per message (time, ACK code, message control ID and
counts — never a patient identifier or value), one when stopped. Ctrl+C (SIGINT) or SIGTERM
stops it cleanly: the message being stored is finished and acknowledged first.

Exit codes: 0 stopped cleanly; 1 the address cannot be used (e.g. the port is taken); 2 a bad
option, an unusable database or parameter file.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from datetime import datetime

from app.cli.case_cmd import cli_actor
from app.cli.db_cmd import CliError, add_db_argument, ready_database, report
from app.interop.lab_intake import receive_message
from app.interop.mllp_listener import DEFAULT_PORT, ListenerEvent, MllpListener
from app.services.site_settings import SiteParamsError, load_site_params

_LOOPBACK = ("127.0.0.1", "::1", "localhost")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "listen",
        help="receive lab results (HL7 v2 over MLLP) from a laboratory system",
        description="Listen for HL7 v2 ORU^R01 messages over MLLP, store each in one "
        "transaction and answer it with an HL7 ACK (AA, AE or AR). Stop with Ctrl+C.",
    )
    p.add_argument("--port", type=int, default=None, metavar="N",
                   help=f"TCP port (the HL7 standard port is {DEFAULT_PORT}; 0: any free port)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this computer only; "
                   "0.0.0.0 for all networks)")
    add_db_argument(p)
    p.add_argument("--params", metavar="FILE.json",
                   help="site rule parameters for the refreshed summaries (default: the "
                   "desktop app's site file, if any)")
    p.set_defaults(func=run)


def _log(text: str) -> None:
    print(f"{datetime.now():%Y-%m-%d %H:%M:%S} {text}", file=sys.stderr, flush=True)


def describe_event(event: ListenerEvent) -> str:
    """One log line for an event (codes and counts only)."""
    if event.kind == "listening" and event.address:
        host, port = event.address
        return f"listening for HL7 (MLLP) on {host}:{port}; Ctrl+C to stop"
    if event.kind == "stopped":
        return "stopped"
    r = event.receipt
    if r is None:
        return event.kind
    ctrl = repr(r.control_id[:40]) if r.control_id else "(no MSH-10)"
    line = f"message {ctrl}: {r.code}, {r.stored} result(s) stored, {r.duplicates} already stored"
    if r.problems:
        line += f"; {len(r.problems)} problem(s): {r.problems[0]}"
    return line


def _check_port(port: int | None) -> int:
    if port is None:
        raise CliError("--port: required (e.g. --port 2575)")
    if not 0 <= port <= 65535:
        raise CliError("--port: must be between 0 and 65535")
    return port


async def _serve(listener: MllpListener) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await listener.start()
    await stop.wait()
    await listener.stop()


@report
def run(args: argparse.Namespace) -> int:
    port = _check_port(args.port)
    host = (args.host or "").strip()
    if not host:
        raise CliError("--host: required")
    try:
        params = load_site_params(args.params).params
    except SiteParamsError as exc:
        raise CliError(f"--params: {exc.problem}") from None
    db = ready_database(getattr(args, "db", None), must_exist=True)
    actor = cli_actor().replace("cli:", "mllp:", 1)
    if host not in _LOOPBACK:
        _log(f"warning: listening on {host}: MLLP is not encrypted; allow only the laboratory "
             "system to reach this port")
    listener = MllpListener(lambda data: receive_message(db, data, actor, params=params),
                            host, port, on_event=lambda e: _log(describe_event(e)))
    try:
        asyncio.run(_serve(listener))
    except OSError as exc:
        raise CliError(f"--port: cannot listen on {host}:{port} "
                       f"({exc.strerror or type(exc).__name__})", 1) from None
    finally:
        db.dispose()
    return 0
