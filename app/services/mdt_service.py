"""MDT meetings: create a meeting, list patients with a question, gather the pack's content,
record each case's decision after the meeting.

One transaction per user action (``db.session()``); every change writes its audit row in the
same transaction (:func:`app.services.audit.write_audit`: structured, never clinical text).
Nothing is hard-deleted: a case listed by mistake is withdrawn (``entered_in_error``).
Errors are :class:`MdtError` with ``str()`` = ``<field>: <problem>`` (no patient data).
One meeting per date and one listing of a patient per meeting are unique keys of the database
too (two users at once): a lost race gets the same message as the pre-check.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.data import case_repo
from app.data import models as M
from app.data.engine import Database
from app.data.types import utcnow
from app.data.unique_keys import violated
from app.domain.assess import assess
from app.domain.case import Case
from app.domain.mdt_content import MdtCaseSummary, MdtPack, build_mdt_summary
from app.domain.params import DEFAULTS, Params
from app.domain.progress import Cancel, Progress, check_cancel
from app.services.audit import write_audit

QUESTION_MAX = 2000
DECISION_MAX = 4000
TITLE_MAX = 200
PLACE_MAX = 200
CHAIR_MAX = 200
ATTENDEES_MAX = 4000
_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


#: ``(case, as_of, lab_panel, lang) -> PNG bytes or None``: draws a case's trend plot.
TrendPng = Callable[[Case, date, bool, str], "bytes | None"]

DUPLICATE_MEETING = "a meeting on this date already exists"
DUPLICATE_LISTING = "this patient is already listed for this meeting"


class MdtError(ValueError):
    """A refused MDT action; ``str()`` = ``<field>: <problem>``. Nothing was written."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


@dataclass(frozen=True)
class MeetingDetails:
    """Where and when a meeting takes place and who runs it (all optional, printed on the
    pack's cover). ``start_time`` is ``HH:MM`` (24-hour, local time)."""

    start_time: str | None = None
    place: str | None = None
    chair: str | None = None
    attendees: str | None = None


@dataclass(frozen=True)
class Meeting:
    id: int
    meeting_date: date
    title: str | None
    case_count: int
    details: MeetingDetails = field(default_factory=MeetingDetails)
    version: int = 1


@dataclass(frozen=True)
class MdtCaseRow:
    id: int
    meeting_id: int
    meeting_date: date
    patient_id: int
    mrn: str
    name: str | None
    question: str | None
    decision: str | None
    decided_at: datetime | None
    decided_by: str | None
    version: int


def _text(value: str | None, field: str, limit: int, *, required: bool) -> str | None:
    text = (value or "").strip()
    if not text:
        if required:
            raise MdtError(field, "required")
        return None
    if len(text) > limit:
        raise MdtError(field, f"too long (at most {limit} characters)")
    return text


def _time(value: str | None) -> str | None:
    text = (value or "").strip()
    if not text:
        return None
    m = _TIME.fullmatch(text)
    if m is None:
        raise MdtError("start_time", "expected a time HH:MM (24-hour)")
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def clean_details(details: MeetingDetails | None) -> MeetingDetails:
    """The details trimmed and checked (empty text = not recorded). Raises :class:`MdtError`
    naming the field."""
    d = details or MeetingDetails()
    return MeetingDetails(
        start_time=_time(d.start_time),
        place=_text(d.place, "place", PLACE_MAX, required=False),
        chair=_text(d.chair, "chair", CHAIR_MAX, required=False),
        attendees=_text(d.attendees, "attendees", ATTENDEES_MAX, required=False),
    )


def _meeting(row: M.MdtMeeting, count: int) -> Meeting:
    details = MeetingDetails(row.start_time, row.place, row.chair, row.attendees)
    return Meeting(row.id, row.meeting_date, row.title, count, details, row.version)


def list_patient(session: Session, *, actor: str, meeting_id: int, patient_id: int,
                 question: str) -> int:
    """List a patient for a meeting inside the caller's transaction (e.g. the work-up wizard's
    completion), audited; returns the ``mdt_case`` id. Raises :class:`MdtError`."""
    q = _text(question, "question", QUESTION_MAX, required=True)
    if session.get(M.MdtMeeting, meeting_id) is None:
        raise MdtError("meeting", "no such meeting")
    dup = session.scalar(select(M.MdtCase.id).where(
        M.MdtCase.meeting_id == meeting_id, M.MdtCase.patient_id == patient_id,
        M.MdtCase.entered_in_error.is_(False)))
    if dup is not None:
        raise MdtError("mrn", DUPLICATE_LISTING)
    row = M.MdtCase(meeting_id=meeting_id, patient_id=patient_id, question=q,
                    created_by=actor)
    session.add(row)
    try:
        session.flush()
    except IntegrityError as exc:  # listed by another user since the check above
        if violated(exc, "uq_mdt_case_active"):
            raise MdtError("mrn", DUPLICATE_LISTING) from None
        raise
    write_audit(session, actor=actor, action="create", entity="mdt_case", entity_id=row.id,
                patient_id=patient_id, fields=["question"])
    return row.id


class MdtService:
    """MDT use cases for one signed-in user (``actor`` goes into the audit trail)."""

    def __init__(self, db: Database, actor: str) -> None:
        self.db = db
        self.actor = actor

    # ---- meetings -------------------------------------------------------------------
    def create_meeting(self, meeting_date: date, title: str | None = None,
                       details: MeetingDetails | None = None) -> Meeting:
        title = _text(title, "title", TITLE_MAX, required=False)
        d = clean_details(details)
        try:
            with self.db.session() as s:
                if s.scalar(select(M.MdtMeeting.id).where(
                        M.MdtMeeting.meeting_date == meeting_date)) is not None:
                    raise MdtError("meeting_date", DUPLICATE_MEETING)
                row = M.MdtMeeting(meeting_date=meeting_date, title=title,
                                   start_time=d.start_time, place=d.place, chair=d.chair,
                                   attendees=d.attendees, created_by=self.actor)
                s.add(row)
                s.flush()
                write_audit(s, actor=self.actor, action="create", entity="mdt_meeting",
                            entity_id=row.id)
                return _meeting(row, 0)
        except IntegrityError as exc:  # created by another user since the check above
            if violated(exc, "uq_mdt_meeting_date"):
                raise MdtError("meeting_date", DUPLICATE_MEETING) from None
            raise

    def edit_meeting(self, meeting_id: int, *, title: str | None, details: MeetingDetails,
                     version: int | None = None) -> Meeting:
        """Replace a meeting's title and details (empty = not recorded); the date stays.
        ``version``: the version the user edited (a concurrent change is refused)."""
        title = _text(title, "title", TITLE_MAX, required=False)
        d = clean_details(details)
        try:
            with self.db.session() as s:
                row = s.get(M.MdtMeeting, meeting_id)
                if row is None:
                    raise MdtError("meeting", "no such meeting")
                if version is not None and row.version != version:
                    raise MdtError("meeting", "changed by someone else since it was loaded; "
                                   "reload it")
                new = {"title": title, "start_time": d.start_time, "place": d.place,
                       "chair": d.chair, "attendees": d.attendees}
                changed = sorted(k for k, v in new.items() if getattr(row, k) != v)
                for k in changed:
                    setattr(row, k, new[k])
                s.flush()
                if changed:
                    write_audit(s, actor=self.actor, action="update", entity="mdt_meeting",
                                entity_id=row.id, fields=changed)
                count = s.scalar(select(func.count(M.MdtCase.id)).where(
                    M.MdtCase.meeting_id == row.id, M.MdtCase.entered_in_error.is_(False)))
                return _meeting(row, count or 0)
        except StaleDataError:
            raise MdtError("meeting", "changed by someone else at the same time; "
                           "reload it") from None

    def _meetings(self, s: Session, *conditions) -> list[Meeting]:
        count = (select(func.count(M.MdtCase.id))
                 .where(M.MdtCase.meeting_id == M.MdtMeeting.id,
                        M.MdtCase.entered_in_error.is_(False))
                 .scalar_subquery())
        stmt = (select(M.MdtMeeting, count).where(*conditions)
                .order_by(M.MdtMeeting.meeting_date))
        return [_meeting(m, n) for m, n in s.execute(stmt)]

    def list_meetings(self, *, from_date: date | None = None) -> list[Meeting]:
        with self.db.session() as s:
            conds = [] if from_date is None else [M.MdtMeeting.meeting_date >= from_date]
            return self._meetings(s, *conds)

    def meeting_on(self, meeting_date: date) -> Meeting | None:
        with self.db.session() as s:
            found = self._meetings(s, M.MdtMeeting.meeting_date == meeting_date)
            return found[0] if found else None

    def next_meeting(self, on_or_after: date) -> Meeting | None:
        """The first meeting dated on/after ``on_or_after`` (e.g. today)."""
        with self.db.session() as s:
            found = self._meetings(s, M.MdtMeeting.meeting_date >= on_or_after)
            return found[0] if found else None

    # ---- cases ----------------------------------------------------------------------
    def _row(self, s: Session, c: M.MdtCase) -> MdtCaseRow:
        p = s.get(M.Patient, c.patient_id)
        m = s.get(M.MdtMeeting, c.meeting_id)
        return MdtCaseRow(c.id, c.meeting_id, m.meeting_date, c.patient_id, p.mrn, p.name,
                          c.question, c.decision, c.decided_at, c.decided_by, c.version)

    def add_case(self, meeting_id: int, mrn: str, question: str) -> MdtCaseRow:
        """List a patient (by MRN) for a meeting with the question for the MDT."""
        with self.db.session() as s:
            pid = case_repo.find_patient_id(s, (mrn or "").strip())
            if pid is None:
                _text(question, "question", QUESTION_MAX, required=True)  # report it first
                raise MdtError("mrn", "no patient with this MRN in the registry")
            case_id = list_patient(s, actor=self.actor, meeting_id=meeting_id, patient_id=pid,
                                   question=question)
            return self._row(s, s.get(M.MdtCase, case_id))

    def list_cases(self, meeting_id: int) -> list[MdtCaseRow]:
        """The meeting's cases in the order they were listed (withdrawn ones left out)."""
        with self.db.session() as s:
            rows = s.scalars(select(M.MdtCase).where(
                M.MdtCase.meeting_id == meeting_id, M.MdtCase.entered_in_error.is_(False))
                .order_by(M.MdtCase.id)).all()
            return [self._row(s, c) for c in rows]

    def _live_case(self, s: Session, case_id: int, version: int | None) -> M.MdtCase:
        row = s.get(M.MdtCase, case_id)
        if row is None or row.entered_in_error:
            raise MdtError("case", "no such MDT case")
        if version is not None and row.version != version:
            raise MdtError("case", "changed by someone else since it was loaded; reload it")
        return row

    def record_decision(self, case_id: int, decision: str, *, version: int | None = None,
                        today: date | None = None) -> MdtCaseRow:
        """Record the MDT's decision for a case (after the meeting; once)."""
        text = _text(decision, "decision", DECISION_MAX, required=True)
        try:
            return self._decide(case_id, text, version, today)
        except StaleDataError:
            raise MdtError("case", "changed by someone else at the same time; reload it") from None

    def _decide(self, case_id: int, text: str, version: int | None, today: date | None
                ) -> MdtCaseRow:
        with self.db.session() as s:
            row = self._live_case(s, case_id, version)
            meeting = s.get(M.MdtMeeting, row.meeting_id)
            if (today or date.today()) < meeting.meeting_date:
                raise MdtError("decision", "the meeting has not taken place yet")
            if row.decision is not None:
                raise MdtError("decision", "already recorded; withdraw the case entry "
                               "(entered in error) and list it again to correct it")
            row.decision = text
            row.decided_at = utcnow()
            row.decided_by = self.actor
            s.flush()
            write_audit(s, actor=self.actor, action="decide", entity="mdt_case",
                        entity_id=row.id, patient_id=row.patient_id, fields=["decision"])
            return self._row(s, row)

    def withdraw_case(self, case_id: int, reason: str, *, version: int | None = None) -> None:
        """Mark a case entry entered-in-error (kept in the database and the audit trail)."""
        why = _text(reason, "reason", QUESTION_MAX, required=True)
        with self.db.session() as s:
            row = self._live_case(s, case_id, version)
            row.entered_in_error = True
            row.error_reason = why
            s.flush()
            write_audit(s, actor=self.actor, action="entered_in_error", entity="mdt_case",
                        entity_id=row.id, patient_id=row.patient_id)

    def patient_decisions(self, patient_id: int) -> list[MdtCaseRow]:
        """A patient's MDT listings with a recorded decision, oldest meeting first (for the
        chart's timeline)."""
        with self.db.session() as s:
            rows = s.scalars(
                select(M.MdtCase).join(M.MdtMeeting, M.MdtMeeting.id == M.MdtCase.meeting_id)
                .where(M.MdtCase.patient_id == patient_id, M.MdtCase.decision.is_not(None),
                       M.MdtCase.entered_in_error.is_(False))
                .order_by(M.MdtMeeting.meeting_date, M.MdtCase.id)).all()
            return [self._row(s, c) for c in rows]

    # ---- the pack -------------------------------------------------------------------
    def pack_content(
        self,
        meeting_id: int,
        *,
        as_of: date | None = None,
        params: Params = DEFAULTS,
        trend_png: TrendPng | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
        lang: str = "en",
    ) -> MdtPack:
        """Everything the pack PDF prints: the meeting's details and each listed case
        assessed as of ``as_of`` (default: the meeting date, or today if that is earlier),
        with its trend PNG from ``trend_png(case, as_of, lab_panel, lang)`` when given
        (rendered by the UI layer; Qt widgets live on the GUI thread, so a worker thread's
        callable must ask the GUI thread for the PNG, e.g. through a blocking queued signal).
        ``lang``: ``en`` or ``zh``. The pack orders the cases by urgency."""
        with self.db.session() as s:
            meeting = s.get(M.MdtMeeting, meeting_id)
            if meeting is None:
                raise MdtError("meeting", "no such meeting")
            when = as_of or min(meeting.meeting_date, date.today())
            listed = s.scalars(select(M.MdtCase).where(
                M.MdtCase.meeting_id == meeting_id, M.MdtCase.entered_in_error.is_(False))
                .order_by(M.MdtCase.id)).all()
            cases = [(case_repo.load_case(s, c.patient_id), c) for c in listed]
            head = _meeting(meeting, len(listed))
            rows = [(c.question, c.decision, c.decided_by, c.decided_at) for _, c in cases]
        summaries: list[MdtCaseSummary] = []
        for i, ((case, _row), (question, decision, by, at)) in enumerate(
                zip(cases, rows, strict=True)):
            check_cancel(cancel)
            if progress is not None:
                progress(i, len(cases))
            summary = build_mdt_summary(case, assess(case, when, params), when,
                                        question=question, decision=decision, params=params,
                                        lang=lang, decided_by=by, decided_at=at)
            if trend_png is not None:
                summary = summary.with_trend(trend_png(case, when, summary.lab_panel, lang))
            summaries.append(summary)
        if progress is not None:
            progress(len(cases), len(cases))
        d = head.details
        return MdtPack(head.meeting_date, head.title, tuple(summaries), lang=lang,
                       start_time=d.start_time, place=d.place, chair=d.chair,
                       attendees=d.attendees)
