"""The patient registry use cases the UI calls: search, count, create, edit (with validation,
optimistic concurrency and the audit trail). One session (transaction) per call.

Validation returns :class:`FieldError` s with stable ``code`` s (the UI translates by code; the
English ``message`` is for the CLI and logs). Messages never contain the values entered.

Start path: on an SQLite file, :meth:`RegistryService.search` and ``count`` read with ``sqlite3``
(:mod:`app.data.sqlite_list`); SQLAlchemy and the ORM models are imported on the first other
call (a form, a save), not with this module, so the registry window starts without them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.data.engine import Database
from app.data.patient_rows import MRN_MAX, NAME_MAX, SORT_KEYS, PatientRow
from app.data.search_keys import name_search_keys
from app.domain.case import LANGUAGES, SEXES
from app.domain.case_checks import birth_date_problem
from app.domain.dates import age_on
from app.domain.limits import (
    MAX_AGE_YEARS,
    MIN_AGE_YEARS,
    date_problem,
    weight_problem,
)

__all__ = [
    "SORT_KEYS", "ConcurrentEditError", "FieldError", "PatientForm", "PatientNotFound",
    "PatientRow", "RegistryService", "ValidationFailed",
]

_MRN_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")
_PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()\-]{4,24}$")
FORM_FIELDS = ("mrn", "name", "sex", "birth_date", "weight_kg", "osteoporosis", "language",
               "phone")


@dataclass
class PatientForm:
    mrn: str
    name: str | None = None
    sex: str | None = None
    birth_date: date | None = None
    weight_kg: float | None = None
    osteoporosis: bool | None = None
    language: str = "zh"
    phone: str | None = None


class FieldError(Exception):
    """One invalid field: ``field``, a stable ``code``, an English ``message``."""

    def __init__(self, field: str, code: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"FieldError({self.field!r}, {self.code!r})"


class ValidationFailed(Exception):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


class ConcurrentEditError(Exception):
    """Someone else saved this patient after the form was loaded."""

    def __init__(self, message: str = "patient: changed by someone else since it was opened; "
                 "reload and re-apply your changes") -> None:
        super().__init__(message)


class PatientNotFound(LookupError):
    pass


def mrn_problem(mrn: str | None) -> FieldError | None:
    """The MRN's format error (required / too_long / bad_chars), or None."""
    mrn = (mrn or "").strip()
    if not mrn:
        return FieldError("mrn", "required", "MRN is required")
    if len(mrn) > MRN_MAX:
        return FieldError("mrn", "too_long", f"at most {MRN_MAX} characters")
    if not _MRN_RE.match(mrn):
        return FieldError("mrn", "bad_chars", "only letters, digits and . _ / - (not first)")
    return None


def _clean(form: PatientForm) -> PatientForm:
    def s(v: str | None) -> str | None:
        v = v.strip() if isinstance(v, str) else v
        return v or None

    return PatientForm(
        mrn=(form.mrn or "").strip(), name=s(form.name), sex=s(form.sex),
        birth_date=form.birth_date, weight_kg=form.weight_kg, osteoporosis=form.osteoporosis,
        language=(form.language or "").strip(), phone=s(form.phone),
    )


class RegistryService:
    def __init__(self, db: Database, actor: str) -> None:
        self.db = db
        self.actor = actor

    # -- queries ---------------------------------------------------------------------------
    def count_all(self) -> int:
        return self.count("")

    def search(self, text: str, *, sort: str = "mrn", descending: bool = False,
               offset: int = 0, limit: int = 200, matching: int | None = None
               ) -> list[PatientRow]:
        """A sorted page of the patients matching ``text``. ``matching`` (their number, or a
        lower bound of it, when the caller has it) only saves counting them again to choose the
        query plan; the rows are the same."""
        reader = self.db.list_reader()
        if reader is not None:
            return reader.search(text, sort=sort, descending=descending, offset=offset,
                                 limit=limit, matching=matching)
        from app.data.patient_repo import search as _search

        with self.db.session() as s:
            return _search(s, text, sort=sort, descending=descending, offset=offset,
                           limit=limit)

    def resolve(self, text: str, limit: int = 10) -> list[PatientRow]:
        """The patient(s) a patient picker's text means, through the registry's own search.

        A picked suggestion ``"MRN  name"`` or an exact MRN (any case) → that one patient; an
        exact name → that patient when only one has it; otherwise every patient the search
        finds for the text (MRN, name, pinyin or initials; at most ``limit``). One row means
        resolved; none or several: the caller asks the user to pick (nothing is guessed)."""
        t = (text or "").strip()
        if not t:
            return []
        mrn = t.split()[0] if "  " in t else t
        exact = [r for r in self.search(mrn, limit=limit) if r.mrn.casefold() == mrn.casefold()]
        if exact:
            return exact[:1]
        if mrn != t:
            return []  # a suggestion whose patient is no longer there
        rows = self.search(t, limit=limit)
        named = [r for r in rows if r.name is not None and r.name.strip() == t]
        return named if len(named) == 1 else rows

    def count(self, text: str, limit: int | None = None) -> int:
        """How many patients match ``text`` (at most ``limit`` when given)."""
        reader = self.db.list_reader()
        if reader is not None:
            return reader.count(text, limit)
        from app.data.patient_repo import count as _count

        with self.db.session() as s:
            return _count(s, text, limit)

    def get_row(self, patient_id: int) -> PatientRow:
        from app.data.patient_repo import get_row

        with self.db.session() as s:
            row = get_row(s, patient_id)
        if row is None:
            raise PatientNotFound("patient: no such patient")
        return row

    def load_form(self, patient_id: int) -> tuple[PatientForm, int]:
        from app.data.models import Patient

        with self.db.session() as s:
            p = s.get(Patient, patient_id)
            if p is None:
                raise PatientNotFound("patient: no such patient")
            form = PatientForm(**{f: getattr(p, f) for f in FORM_FIELDS})
            return form, p.version

    # -- validation -------------------------------------------------------------------------
    def validate(self, form: PatientForm, patient_id: int | None = None,
                 today: date | None = None) -> list[FieldError]:
        f = _clean(form)
        today = today or date.today()
        errors: list[FieldError] = []
        problem = mrn_problem(f.mrn)
        if problem is not None:
            errors.append(problem)
        else:
            from sqlalchemy import select

            from app.data.case_repo import mrn_matches
            from app.data.models import Patient

            with self.db.session() as s:
                stmt = select(Patient.id).where(mrn_matches(s, f.mrn))
                if patient_id is not None:
                    stmt = stmt.where(Patient.id != patient_id)
                if s.scalar(stmt) is not None:
                    errors.append(FieldError("mrn", "duplicate",
                                             "another patient already has this MRN"))
        if f.name is not None and len(f.name) > NAME_MAX:
            errors.append(FieldError("name", "too_long", f"at most {NAME_MAX} characters"))
        if f.sex is not None and f.sex not in SEXES:
            errors.append(FieldError("sex", "invalid", f"must be one of {', '.join(SEXES)}"))
        if f.birth_date is not None:
            # §10 (rules/2): not after today (the as-of date of a record entered now), age ≤ 120
            problem = birth_date_problem(f.birth_date, today)
            if problem is not None:
                code = problem[0]
                errors.append(FieldError("birth_date", code, {
                    "future": "is in the future",
                    "too_old": f"more than {MAX_AGE_YEARS} years ago"}[code]))
            elif date_problem(f.birth_date):
                errors.append(FieldError("birth_date", "too_old",
                                         f"more than {MAX_AGE_YEARS} years ago"))
            elif age_on(f.birth_date, today) < MIN_AGE_YEARS:
                errors.append(FieldError("birth_date", "too_young",
                                         "patient under 18 (adult oncology only)"))
        weight = weight_problem(f.weight_kg)
        if weight is not None:
            errors.append(FieldError("weight_kg", "out_of_range", weight))
        if f.language not in LANGUAGES:
            errors.append(FieldError("language", "invalid", "must be zh or en"))
        if f.phone is not None and not _PHONE_RE.match(f.phone):
            errors.append(FieldError("phone", "invalid", "not a phone number"))
        return errors

    # -- changes ----------------------------------------------------------------------------
    def create(self, form: PatientForm) -> PatientRow:
        f = _clean(form)
        errors = self.validate(f)
        if errors:
            raise ValidationFailed(errors)
        from sqlalchemy.exc import IntegrityError

        from app.data.models import Patient
        from app.services.audit import write_audit

        pinyin, initials = name_search_keys(f.name)
        try:
            with self.db.session() as s:
                p = Patient(**{k: getattr(f, k) for k in FORM_FIELDS}, name_pinyin=pinyin,
                            name_initials=initials, created_by=self.actor,
                            updated_by=self.actor)
                s.add(p)
                s.flush()
                write_audit(s, actor=self.actor, action="create", entity="patient",
                            entity_id=p.id, patient_id=p.id)
                pid = p.id
        except IntegrityError:
            raise ValidationFailed([FieldError("mrn", "duplicate",
                                               "another patient already has this MRN")]) from None
        return self.get_row(pid)

    def update(self, patient_id: int, form: PatientForm, version: int) -> PatientRow:
        f = _clean(form)
        errors = self.validate(f, patient_id)
        if errors:
            raise ValidationFailed(errors)
        from sqlalchemy.exc import IntegrityError
        from sqlalchemy.orm.exc import StaleDataError

        from app.data.models import Patient
        from app.services.audit import write_audit

        try:
            with self.db.session() as s:
                p = s.get(Patient, patient_id)
                if p is None:
                    raise PatientNotFound("patient: no such patient")
                if p.version != version:
                    raise ConcurrentEditError()
                changed = [k for k in FORM_FIELDS if getattr(p, k) != getattr(f, k)]
                for k in changed:
                    setattr(p, k, getattr(f, k))
                if "name" in changed:
                    p.name_pinyin, p.name_initials = name_search_keys(f.name)
                if changed:
                    p.updated_by = self.actor
                    s.flush()
                    write_audit(s, actor=self.actor, action="update", entity="patient",
                                entity_id=p.id, patient_id=p.id, fields=changed)
        except StaleDataError:
            raise ConcurrentEditError() from None
        except IntegrityError:
            raise ValidationFailed([FieldError("mrn", "duplicate",
                                               "another patient already has this MRN")]) from None
        return self.get_row(patient_id)

    def store_summary(self, patient_id: int, summary, as_of: date) -> None:
        """Cache a domain PatientSummary for the list (no version bump, no audit: derived)."""
        from app.data.patient_repo import store_summary

        with self.db.session() as s:
            store_summary(s, patient_id, summary, as_of)
