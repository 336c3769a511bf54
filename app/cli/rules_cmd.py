"""``bonemet rules``: print the rule catalogue (ID, severity, trigger, evidence, source) in
rule-book order, as text (default) or JSON, so that every alert can be checked against its
rule."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap

from app.domain.catalogue import RULES_VERSION, catalogue


def catalogue_json() -> dict:
    return {
        "rules_version": RULES_VERSION,
        "rules": [
            {"id": r.id, "severity": r.severity, "trigger": r.trigger, "says": r.says,
             "says_zh": r.says_zh, "evidence": list(r.evidence), "source": r.source}
            for r in catalogue()
        ],
    }


def catalogue_text() -> str:
    lines = [f"BoneMet rule catalogue ({RULES_VERSION}): {len(catalogue())} rules", ""]
    for r in catalogue():
        lines.append(f"{r.id}  [{r.severity}]")
        for label, text in (("when", r.trigger), ("says", r.says),
                            ("evidence", f"{', '.join(r.evidence)} — {r.source}")):
            lines.extend(textwrap.wrap(f"{label}: {text}", 100, initial_indent="    ",
                                       subsequent_indent="        "))
        lines.append("")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.format == "json":
        sys.stdout.write(json.dumps(catalogue_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(catalogue_text())
    return 0


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("rules", help="list every clinical rule with its trigger and basis")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=run)
