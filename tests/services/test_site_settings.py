"""The site's rule-parameter file: round trip, only non-defaults written, atomic save,
clear errors naming the parameter, the default location."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.params import DEFAULTS
from app.services import site_settings
from app.services.site_settings import (
    SiteParamsError,
    default_params_path,
    load_site_params,
    read_params_file,
    save_site_params,
)


def test_round_trip_writes_only_the_non_default_values(tmp_path):
    path = tmp_path / "sub" / "parameters.json"  # the folder is created
    changed = replace(DEFAULTS, lsc_ctx=0.5, enable_biomarker_workup=False,
                      rebound_checks_days=(60, 120))
    save_site_params(changed, path)
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk == {"lsc_ctx": 0.5, "enable_biomarker_workup": False,
                       "rebound_checks_days": [60, 120]}
    assert read_params_file(path) == changed
    site = load_site_params(path)
    assert site.params == changed and site.path == path and site.from_file
    assert [p.name for p in path.parent.iterdir()] == ["parameters.json"]  # no temp file left


def test_defaults_write_an_empty_object(tmp_path):
    path = tmp_path / "parameters.json"
    save_site_params(replace(DEFAULTS, lookback_days=100), path)
    save_site_params(DEFAULTS, path)
    assert json.loads(path.read_text(encoding="utf-8")) == {}
    assert read_params_file(path) == DEFAULTS


@pytest.mark.parametrize(("content", "named"), [
    ('{"lsc_ctx": -0.3}', "lsc_ctx: must not be negative"),
    ('{"lookback_days": 1.5}', "lookback_days: expected a whole number"),
    ('{"enable_biomarker_workup": "yes"}', "enable_biomarker_workup: expected true or false"),
    ('{"no_such_thing": 1}', "no_such_thing: unknown parameter"),
    ('{"ctx_uln": 1}', "ctx_uln: unknown parameter; did you mean ctx_uln_ng_ml?"),
    ('{"rebound_checks_days": []}', "rebound_checks_days: expected a non-empty list"),
    ('[1, 2]', "parameters: expected a JSON object"),
    ('{"lsc_ctx": 0.3,}', "invalid JSON at line 1"),
])
def test_an_unusable_file_is_an_error_naming_the_problem(tmp_path, content, named):
    path = tmp_path / "parameters.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SiteParamsError) as info:
        load_site_params(path)
    assert named in info.value.problem
    assert info.value.path == path


def test_missing_files(tmp_path, monkeypatch):
    with pytest.raises(SiteParamsError, match="no such file"):
        load_site_params(tmp_path / "absent.json")  # named on the command line: must exist
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rel.json").write_text("{}", encoding="utf-8")
    assert load_site_params("rel.json").path == tmp_path / "rel.json"  # absolute
    default = tmp_path / "cfg" / "parameters.json"
    monkeypatch.setattr(site_settings, "default_params_path", lambda: default)
    site = load_site_params()  # no site file yet: the rule book's defaults
    assert site.params == DEFAULTS and site.path == default and not site.from_file
    default.parent.mkdir()
    default.write_text('{"ctx_uln_ng_ml": 0.9}', encoding="utf-8")
    assert load_site_params().params.ctx_uln_ng_ml == 0.9


def test_default_location_is_the_user_config_dir():
    path = default_params_path()
    assert path.name == "parameters.json" and path.parent.name == "BoneMet"


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "parameters.json"
    save_site_params(replace(DEFAULTS, lsc_alp=0.4), path)

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(SiteParamsError, match="cannot write"):
        save_site_params(replace(DEFAULTS, lsc_alp=0.9), path)
    assert read_params_file(path).lsc_alp == 0.4
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == ["parameters.json"]
