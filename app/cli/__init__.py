"""The ``bonemet`` command: the GUI by default, sub-commands for scripting and integration.

Each sub-command lives in its own module of this package exposing ``add_parser(subparsers)``
(which sets ``func`` on its parser) and is listed in :data:`COMMAND_MODULES`. Modules are
imported lazily-by-name so that ``bonemet assess`` never imports Qt.

Exit codes: 0 success, 1 failure at run time, 2 bad input (a message naming the field).
Patient data never goes to stdout/stderr except as the explicit output of a command
(e.g. ``case export``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

COMMAND_MODULES: tuple[str, ...] = (
    # one line per command module; keep this list sorted
    "app.cli.assess_cmd",
    "app.cli.careplan_cmd",
    "app.cli.case_cmd",
    "app.cli.db_cmd",
    "app.cli.demo_cmd",
    "app.cli.fhir_cmd",
    "app.cli.import_labs_cmd",
    "app.cli.lab_review_cmd",
    "app.cli.listen_cmd",
    "app.cli.mdt_cmd",
    "app.cli.rules_cmd",
    "app.cli.summaries_cmd",
)

# Top-level command name -> (module, one-line help). Only the module of the command being run
# is imported (start-up stays fast, and one command's dependencies never break another).
# A module in COMMAND_MODULES without an entry here is imported eagerly.
COMMANDS: dict[str, tuple[str, str]] = {
    "assess": ("app.cli.assess_cmd", "run the clinical rules on a case file or a registry patient"),
    "backup": ("app.cli.db_cmd", "copy the SQLite registry to a timestamped file"),
    "careplan": ("app.cli.careplan_cmd", "print a patient's care plan (PDF, Chinese or English)"),
    "case": ("app.cli.case_cmd", "import or export a bonemet-case/1 JSON case"),
    "db": ("app.cli.db_cmd", "database schema: upgrade, current"),
    "demo": ("app.cli.demo_cmd", "write a synthetic demo registry"),
    "export-fhir": ("app.cli.fhir_cmd", "export patients as FHIR R4 bundles (mCODE-shaped)"),
    "import-fhir": ("app.cli.fhir_cmd",
                    "import lab results from a FHIR bundle (LOINC-coded Observations)"),
    "import-labs": ("app.cli.import_labs_cmd",
                    "import lab results from an HL7 v2 ORU^R01 or CSV file"),
    "lab-review": ("app.cli.lab_review_cmd",
                   "lab messages held for review (patient mismatch): list, show, assign, "
                   "reject"),
    "listen": ("app.cli.listen_cmd",
               "receive lab results (HL7 v2 over MLLP) from a laboratory system"),
    "mdt": ("app.cli.mdt_cmd", "MDT meetings: create, add a patient, list, decide"),
    "mdt-pack": ("app.cli.mdt_cmd", "the case pack (PDF) for an MDT meeting"),
    "refresh-summaries": ("app.cli.summaries_cmd",
                          "recompute every patient's cached summary (registry list, worklist)"),
    "restore": ("app.cli.db_cmd", "replace the SQLite registry by a verified backup"),
    "rules": ("app.cli.rules_cmd", "list every clinical rule with its trigger and basis"),
}
_GLOBAL_OPTIONS_WITH_VALUE = ("--db", "--lang", "--params")


def _selected_command(argv: list[str]) -> str | None:
    """The sub-command named on the command line (skipping global options and their values)."""
    skip = False
    for token in argv:
        if skip:
            skip = False
            continue
        if token in _GLOBAL_OPTIONS_WITH_VALUE:
            skip = True
            continue
        if token.startswith("-"):
            continue
        return token if token in COMMANDS else None
    return None


class _Parser(argparse.ArgumentParser):
    """argparse that exits with code 2 and one clear line (no usage dump) on bad flags."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def version_text() -> str:
    """``bonemet <version> (rules/N, schema <head revision>)`` for ``--version``."""
    from importlib.metadata import PackageNotFoundError, version

    from app.data.migrate import HEAD_REVISION
    from app.domain.catalogue import RULES_VERSION

    try:
        app_version = version("bonemet-workstation")
    except PackageNotFoundError:  # a source tree that was never installed
        app_version = "unknown"
    return f"bonemet {app_version} ({RULES_VERSION}, schema {HEAD_REVISION})"


class _VersionAction(argparse.Action):
    """``--version``: computed only when asked for (no imports on every start)."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[override]
        print(version_text())
        parser.exit(0)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The full parser for the command in ``argv`` (all commands' modules when ``None``)."""
    parser = _Parser(
        prog="bonemet",
        description="BoneMet Workstation: lung cancer bone metastasis care. "
        "Without a command, starts the desktop app.",
    )
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0,
        help="print the app version, the rule-book version and the database schema revision",
    )
    parser.add_argument("--db", help="SQLite file path or database URL (default: user data dir)")
    parser.add_argument(
        "--demo", action="store_true",
        help="open the demo registry (created with 200 synthetic patients on first use)",
    )
    parser.add_argument("--lang", choices=("en", "zh_CN"), help="user-interface language")
    parser.add_argument(
        "--params", dest="site_params", metavar="FILE.json",
        help="desktop app: site rule parameters (JSON object; default: "
        "<user config dir>/BoneMet/parameters.json, the file the Settings dialog edits)",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    mapped = {module for module, _ in COMMANDS.values()}
    selected = None if argv is None else _selected_command(argv)
    wanted = [m for m in COMMAND_MODULES if m not in mapped]
    if argv is None:
        wanted += [m for m in COMMAND_MODULES if m in mapped]
    elif selected is not None:
        wanted.append(COMMANDS[selected][0])
    for module in dict.fromkeys(wanted):
        importlib.import_module(module).add_parser(sub)
    for name, (_, help_text) in sorted(COMMANDS.items()):
        if name not in sub.choices:
            sub.add_parser(name, help=help_text, add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.command is not None and getattr(args, "site_params", None) is not None:
        # a sub-command would silently ignore it: say where its own option goes
        print(f"bonemet: error: --params before {args.command}: this option is for the desktop "
              f"app; give a command's parameter file after the command "
              f"(bonemet {args.command} … --params FILE.json)", file=sys.stderr)
        return 2
    if args.command is None:
        from app.cli.gui_cmd import run_gui

        return run_gui(args)
    from app.services.applog import log_event

    log_event(f"command {args.command} started")
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()
    except (SystemExit, KeyboardInterrupt):
        raise
    except BrokenPipeError:
        # the reader of our output went away (`bonemet rules | head`): stop quietly, and keep
        # Python from complaining again when it flushes stdout at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:  # an internal error: its message may carry patient data
        from app.services.applog import log_error, log_path

        reference = log_error(exc, f"bonemet {args.command}")
        print(f"bonemet {args.command}: internal error ({type(exc).__name__}); reference "
              f"{reference} in the log file {log_path()}; please report it", file=sys.stderr)
        return 1
    log_event(f"command {args.command} ended (exit {code})")
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
