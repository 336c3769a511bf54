"""Shared test set-up: Qt runs offscreen (never aborts for lack of a display), and the user's
data/config/cache directories point into a temp dir (tests never read or write the real registry,
settings or site parameter file)."""

import os

import pytest
from hypothesis import HealthCheck, settings

# Property tests: no per-example deadline (the machines are shared and noisy). On CI the
# examples are derandomized, so a run is reproducible; locally they explore at random.
settings.register_profile("dev", deadline=None)
settings.register_profile(
    "ci", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# Must be set before any QApplication exists (tech notes: without it Qt aborts the process).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.setenv("BONEMET_LOG_DIR", str(base / "log"))
