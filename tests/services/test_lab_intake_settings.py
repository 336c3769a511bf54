"""The lab intake settings file: defaults when missing, round trip, every setting validated by
name, an unusable file is an error (never the defaults)."""

from __future__ import annotations

import json

import pytest

from app.services.lab_intake_settings import (
    IntakeSettingsError,
    LabIntakeSettings,
    default_intake_path,
    load_intake_settings,
    save_intake_settings,
)


def test_missing_file_means_nothing_runs(tmp_path):
    settings = load_intake_settings(tmp_path / "absent.json")
    assert settings == LabIntakeSettings()
    assert settings.listen is False and settings.watch_path is None


def test_default_file_is_beside_the_parameter_file():
    assert default_intake_path().name == "lab-intake.json"
    assert default_intake_path().parent.name == "BoneMet"


def test_round_trip(tmp_path):
    path = tmp_path / "sub" / "lab-intake.json"
    wanted = LabIntakeSettings(listen=True, listen_host="0.0.0.0", listen_port=2600,
                             watch_folder=str(tmp_path / "drop"))
    assert save_intake_settings(wanted, path) == path
    assert load_intake_settings(path) == wanted
    assert load_intake_settings(path).watch_path == tmp_path / "drop"
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("data, problem", [
    ({"listen_port": 0}, "listen_port: must be between 1 and 65535"),
    ({"listen_port": 65536}, "listen_port: must be between 1 and 65535"),
    ({"listen_port": "2575"}, "listen_port: must be a whole number"),
    ({"listen_port": True}, "listen_port: must be a whole number"),
    ({"listen": "yes"}, "listen: must be true or false"),
    ({"listen_host": " "}, "listen_host: required"),
    ({"watch_folder": 3}, "watch_folder: must be text"),
    ({"watch": "/x"}, "watch: unknown setting"),
    ([], "must be a JSON object"),
])
def test_unusable_values_name_the_setting(tmp_path, data, problem):
    path = tmp_path / "lab-intake.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(IntakeSettingsError) as err:
        load_intake_settings(path)
    assert err.value.problem.startswith(problem)
    assert err.value.path == path


def test_port_limits_accepted(tmp_path):
    path = tmp_path / "lab-intake.json"
    for port in (1, 65535):
        path.write_text(json.dumps({"listen_port": port}), encoding="utf-8")
        assert load_intake_settings(path).listen_port == port


def test_bad_json_is_an_error(tmp_path):
    path = tmp_path / "lab-intake.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(IntakeSettingsError, match="invalid JSON at line 1"):
        load_intake_settings(path)
