"""Cases of several patients for registry-wide work (exports): which patients, then their
current cases a chunk at a time (one query per table per chunk, as the worklist does)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select

from app.data import case_repo
from app.data import models as M
from app.data.engine import Database
from app.domain.case import Case
from app.services.records_map import load_cases


class UnknownMrn(LookupError):
    """An MRN asked for is not in the registry (``position``: its place on the command line;
    the message never repeats the MRN)."""

    def __init__(self, position: int) -> None:
        super().__init__(f"--mrn (#{position}): no patient with this MRN in the registry")
        self.position = position


def patient_ids(db: Database, mrns: list[str] | None = None) -> list[int]:
    """Every patient's id in MRN order, or the ids of ``mrns`` in the order given."""
    with db.session() as s:
        if mrns is None:
            return list(s.scalars(select(M.Patient.id).order_by(M.Patient.mrn)))
        ids = []
        for n, mrn in enumerate(mrns, 1):
            pid = case_repo.find_patient_id(s, mrn)
            if pid is None:
                raise UnknownMrn(n)
            ids.append(pid)
        return list(dict.fromkeys(ids))


def cases(db: Database, ids: list[int], chunk: int = 50) -> Iterator[tuple[int, Case]]:
    """(patient id, current case) for ``ids`` in their order, ``chunk`` patients per read."""
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        with db.session() as s:
            loaded = load_cases(s, part)
        for pid in part:
            yield pid, loaded[pid]
