"""The site's time zone (site.json ``time_zone``, else the machine's zone)."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.services.site_settings import SiteParamsError
from app.services.site_zone import default_site_path, load_site_zone, machine_zone


def _write(content: str):
    path = default_site_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def test_without_a_site_file_the_machines_zone(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    assert load_site_zone() == ZoneInfo("Asia/Shanghai") == machine_zone()


def test_machine_zone_falls_back_to_a_fixed_offset(monkeypatch):
    monkeypatch.setenv("TZ", "Not/AZone")
    zone = machine_zone()
    assert zone.utcoffset(datetime(2026, 1, 1)) is not None


def test_the_site_file_sets_the_zone(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    _write(json.dumps({"time_zone": "Europe/Berlin", "other": 1}))
    zone = load_site_zone()
    assert zone == ZoneInfo("Europe/Berlin")
    # an IANA zone gives the right offset for past dates across DST
    assert datetime(2026, 7, 1, 12, tzinfo=zone).utcoffset().total_seconds() == 7200
    assert datetime(2026, 1, 1, 12, tzinfo=zone).utcoffset().total_seconds() == 3600
    _write(json.dumps({"time_zone": None}))
    assert load_site_zone() == ZoneInfo("UTC")


@pytest.mark.parametrize(("content", "problem"), [
    ('{"time_zone": "Mars/Olympus"}', "time_zone: 'Mars/Olympus' is not a known time zone"),
    ('{"time_zone": 8}', "time_zone: expected an IANA zone name"),
    ('["x"]', "expected a JSON object"),
    ("{", "cannot read the site file"),
])
def test_an_unusable_site_file_is_an_error(content, problem):
    path = _write(content)
    with pytest.raises(SiteParamsError) as err:
        load_site_zone()
    assert err.value.path == path and problem in err.value.problem
