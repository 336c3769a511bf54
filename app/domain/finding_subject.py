"""What a finding is *about*, so that a form can tell a new finding from one already on the chart.

A finding is new when its (rule ID, subject) was not there before (issue 20): a second lesion's
LOC-RT is new although LOC-RT already fires for the first lesion. The subject is the part of
the finding's ``data`` that names the record(s) it concerns — the lesion region and level, the
dose(s), the dental procedure(s), the event or fracture, the scans, symptoms or pairs compared,
the stop — never values that merely change with time or with the latest lab (day counts,
clearances, CTX values). A rule without such data (e.g. BMA-START) has the rule alone as its
subject: it is new only when the rule did not fire before. Pure Python.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from app.domain.findings import Finding

#: the ``data`` keys that name what a finding concerns (see the module docstring)
SUBJECT_KEYS = (
    "region", "level", "regions", "procedure", "procedures", "dose", "doses", "event",
    "events", "fracture", "pairs", "items", "scans", "symptoms", "radiotherapy", "stop_date",
    "last_dose", "first_dose",
)


def finding_key(f: Finding) -> tuple[str, str]:
    """``(rule ID, subject)`` with the subject as canonical text (comparable, hashable)."""
    subject = {k: f.data[k] for k in SUBJECT_KEYS if k in f.data}
    return f.rule, json.dumps(subject, sort_keys=True, default=str, ensure_ascii=False)


def is_new(f: Finding, before: Iterable[Finding] | set[tuple[str, str]]) -> bool:
    """True when ``f``'s (rule, subject) is not among ``before`` (findings or their keys)."""
    keys = before if isinstance(before, set) else {finding_key(b) for b in before}
    return finding_key(f) not in keys
