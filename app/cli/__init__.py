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
import sys

COMMAND_MODULES: tuple[str, ...] = (
    # one line per command module; keep this list sorted
    "app.cli.assess_cmd",
    "app.cli.careplan_cmd",
    "app.cli.case_cmd",
    "app.cli.db_cmd",
    "app.cli.demo_cmd",
    "app.cli.mdt_cmd",
    "app.cli.rules_cmd",
)


class _Parser(argparse.ArgumentParser):
    """argparse that exits with code 2 and one clear line (no usage dump) on bad flags."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="bonemet",
        description="BoneMet Workstation: lung cancer bone metastasis care. "
        "Without a command, starts the desktop app.",
    )
    parser.add_argument("--db", help="SQLite file path or database URL (default: user data dir)")
    parser.add_argument(
        "--demo", action="store_true",
        help="open the demo registry (created with 200 synthetic patients on first use)",
    )
    parser.add_argument("--lang", choices=("en", "zh_CN"), help="user-interface language")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from app.cli.gui_cmd import run_gui

        return run_gui(args)
    return int(args.func(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
