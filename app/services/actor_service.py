"""The common part of the use-case services that act for one user on one registry.

:class:`ActorService` keeps the registry, the acting user (written to the audit log), the
rule parameters and the clock (``today``, injectable for tests); the chart
(:class:`~app.services.records.RecordsService`) and work-up
(:class:`~app.services.workup_service.WorkupService`) services build on it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params


class ActorService:
    """Use cases for one user (``actor``) on one registry (``db``)."""

    def __init__(self, db: Database, actor: str, *, params: Params = DEFAULTS,
                 today: Callable[[], date] = date.today) -> None:
        self._db = db
        self._actor = actor
        self._params = params
        self._today = today

    @property
    def params(self) -> Params:
        return self._params

    @property
    def db(self) -> Database:
        """The registry this service writes to (read-only: other use cases of the same
        window, e.g. the work-up wizard, open their own service on it)."""
        return self._db

    @property
    def actor(self) -> str:
        """The user the service acts for (read-only)."""
        return self._actor

    def today(self) -> date:
        return self._today()
