"""RegistryService: prefix search (indexed), SQL sorting, paging, validation codes, optimistic
concurrency, audit rows without values."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from app.data.patient_repo import _order, search_statement
from app.services.audit import list_audit
from app.services.registry import (
    SORT_KEYS,
    ConcurrentEditError,
    PatientForm,
    RegistryService,
    ValidationFailed,
)

PEOPLE = [
    ("MRN-0003", "张小燕", "female", date(1953, 4, 2)),
    ("mrn-0001", "John Smith", "male", date(1970, 1, 1)),
    ("X-100", "李Anna", "female", date(1980, 6, 1)),
    ("X-101", "欧阳娜娜", "other", None),
    ("Q%_7", None, None, None),
]


@pytest.fixture
def reg(db):
    service = RegistryService(db, "dr.test")
    for mrn, name, sex, birth in PEOPLE[:4]:
        service.create(PatientForm(mrn=mrn, name=name, sex=sex, birth_date=birth))
    return service


def mrns(rows) -> list[str]:
    return [r.mrn for r in rows]


@pytest.mark.parametrize("text, expected", [
    ("mrn", {"MRN-0003", "mrn-0001"}),          # MRN prefix, case-insensitive
    ("MRN-0001", {"mrn-0001"}),
    ("x-10", {"X-100", "X-101"}),
    ("张", {"MRN-0003"}),                        # name prefix
    ("john", {"mrn-0001"}),
    ("zhangx", {"MRN-0003"}),                    # pinyin prefix
    ("Zhang Xiao", {"MRN-0003"}),                # spaces and case ignored for pinyin
    ("zxy", {"MRN-0003"}),                       # initials
    ("JS", {"mrn-0001"}),
    ("oynn", {"X-101"}),
    ("lian", {"X-100"}),
    ("xiaoyan", set()),                          # prefix only, not substring
    ("%", set()),                                # wildcards are literal
    ("_", set()),
])
def test_search(reg, text, expected):
    assert set(mrns(reg.search(text))) == expected
    assert reg.count(text) == len(expected)


def test_empty_search_lists_everyone(reg):
    assert reg.count_all() == 4 == reg.count("  ")
    assert len(reg.search("")) == 4


def test_search_uses_the_nocase_indexes(reg, db):
    """EXPLAIN QUERY PLAN: every term is an index SEARCH (MULTI-INDEX OR), no table scan."""
    with db.session() as s:
        stmt = search_statement(s, "zx").order_by(*_order("name", False)).limit(200)
        compiled = stmt.compile(dialect=db.engine.dialect)
        params = tuple(compiled.params[k] for k in compiled.positiontup)
        plan = [row[3] for row in s.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN " + str(compiled), params)]
    assert not any(step.startswith("SCAN") for step in plan), plan
    searches = " ".join(step for step in plan if step.startswith("SEARCH patient USING INDEX"))
    for index in ("ix_patient_name ", "ix_patient_name_pinyin", "ix_patient_name_initials",
                  "sqlite_autoindex_patient_1"):
        assert index in searches + " ", plan


def test_sorting_in_sql(reg, db):
    # case-insensitive order (NOCASE)
    assert mrns(reg.search("", sort="mrn")) == ["mrn-0001", "MRN-0003", "X-100", "X-101"]
    assert mrns(reg.search("", sort="name")) == ["mrn-0001", "X-100", "X-101", "MRN-0003"]
    # sex, then youngest first
    assert mrns(reg.search("", sort="sex_age")) == ["X-100", "MRN-0003", "mrn-0001", "X-101"]
    assert mrns(reg.search("", sort="sex_age", descending=True))[:1] == ["X-101"]
    ids = {r.mrn: r.id for r in reg.search("")}
    summary = SimpleNamespace(bm_status="confirmed", current_bma="denosumab", alert_count=1,
                              alert_top_severity="warning", next_due_date=None,
                              next_due_text=None, rebound_open=False)
    reg.store_summary(ids["X-100"], summary, date(2026, 11, 21))
    reg.store_summary(ids["mrn-0001"], SimpleNamespace(
        **{**vars(summary), "alert_count": 3, "alert_top_severity": "critical",
           "rebound_open": True, "bm_status": "suspected"}), date(2026, 11, 21))
    assert mrns(reg.search("", sort="alerts", descending=True))[:2] == ["mrn-0001", "X-100"]
    assert mrns(reg.search("", sort="bm_status"))[:2] == ["X-100", "mrn-0001"]  # nulls last
    assert mrns(reg.search("", sort="bm_status", descending=True))[:2] == ["mrn-0001", "X-100"]
    row = reg.get_row(ids["mrn-0001"])
    assert row.rebound_open is True and row.alert_count == 3
    assert row.version == 1  # caching a summary is not an edit
    for key in SORT_KEYS:
        assert len(reg.search("", sort=key)) == 4
    with pytest.raises(ValueError):
        reg.search("", sort="nonsense")


def test_paging(reg):
    everyone = mrns(reg.search("", sort="mrn"))
    page = mrns(reg.search("", sort="mrn", offset=1, limit=2))
    assert page == everyone[1:3]
    assert reg.search("", offset=10) == []


def codes(service, **changes) -> set[tuple[str, str]]:
    form = PatientForm(**{"mrn": "NEW-1", **changes})
    return {(e.field, e.code) for e in service.validate(form, today=date(2026, 11, 21))}


def test_validation_codes(reg):
    today = date(2026, 11, 21)
    assert codes(reg) == set()
    assert codes(reg, mrn="  ") == {("mrn", "required")}
    assert codes(reg, mrn="A" * 33) == {("mrn", "too_long")}
    assert codes(reg, mrn="AB 12") == {("mrn", "bad_chars")}
    assert codes(reg, mrn="-AB") == {("mrn", "bad_chars")}
    assert codes(reg, mrn="x-100") == {("mrn", "duplicate")}  # case-insensitive
    assert codes(reg, name="名" * 101) == {("name", "too_long")}
    assert codes(reg, sex="f") == {("sex", "invalid")}
    assert codes(reg, birth_date=today + timedelta(days=1)) == {("birth_date", "future")}
    assert codes(reg, birth_date=date(1900, 1, 1)) == {("birth_date", "too_old")}
    # §10 (rules/2): an age above 120 whole years is refused, exactly 120 accepted
    assert codes(reg, birth_date=date(1905, 11, 21)) == {("birth_date", "too_old")}  # 121
    assert codes(reg, birth_date=date(1905, 11, 22)) == set()  # 120 and 364 days
    assert codes(reg, birth_date=date(1906, 11, 21)) == set()  # 120 today
    assert codes(reg, birth_date=today) == {("birth_date", "too_young")}  # not "future"
    assert codes(reg, birth_date=date(2010, 1, 1)) == {("birth_date", "too_young")}
    assert codes(reg, weight_kg=19.9) == {("weight_kg", "out_of_range")}
    assert codes(reg, weight_kg=300.5) == {("weight_kg", "out_of_range")}
    assert codes(reg, weight_kg=20) == set()
    assert codes(reg, language="fr") == {("language", "invalid")}
    assert codes(reg, phone="call me") == {("phone", "invalid")}
    assert codes(reg, phone="+86 138-0013-8000") == set()
    with pytest.raises(ValidationFailed) as info:
        reg.create(PatientForm(mrn="", sex="x"))
    assert {e.code for e in info.value.errors} == {"required", "invalid"}


def test_validation_messages_do_not_echo_values(reg):
    errors = reg.validate(PatientForm(mrn="X-100", phone="secret-phone-555"))
    assert errors and all("X-100" not in e.message and "555" not in e.message for e in errors)


def test_update_and_optimistic_concurrency(reg):
    pid = reg.search("X-100")[0].id
    form, version = reg.load_form(pid)
    assert (form.name, form.sex, version) == ("李Anna", "female", 1)
    form_b, version_b = reg.load_form(pid)  # a second workstation opens the same patient
    form.name = "王芳"
    row = reg.update(pid, form, version)
    assert row.version == 2 and row.name == "王芳"
    assert mrns(reg.search("wangf")) == ["X-100"] and reg.search("lian") == []
    form_b.phone = "13800138000"
    with pytest.raises(ConcurrentEditError):
        reg.update(pid, form_b, version_b)
    assert reg.load_form(pid)[0].phone is None  # not silently overwritten
    with pytest.raises(ValidationFailed):
        reg.update(pid, PatientForm(mrn="X-101", name="x"), 2)  # MRN of someone else


def test_audit_rows_for_create_and_update_without_values(reg, db):
    pid = reg.search("X-100")[0].id
    form, version = reg.load_form(pid)
    form.phone = "13800138000"
    form.weight_kg = 61.5
    reg.update(pid, form, version)
    with db.session() as s:
        rows = list_audit(s)
    assert len(rows) == 5  # 4 creates + 1 update
    update = rows[0]
    assert (update.action, update.entity, update.patient_id, update.actor) == (
        "update", "patient", pid, "dr.test")
    assert "phone" in update.summary and "weight_kg" in update.summary
    for row in rows:
        for secret in ("13800138000", "61.5", "李Anna", "Anna", "X-100", "张小燕", "1953"):
            assert secret not in row.summary
