"""Shared fixtures: every test gets its own database under tmp_path, built by the migrations.

Qt runs offscreen, and the app's data and settings folders point into tmp_path so no test
reads or writes the real user's files.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest  # noqa: E402

from desktop.services import open_store  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """The app's data folder, settings and config live in this test's tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("COFFEE_CHATS_NO_WELCOME", "1")


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "chats.sqlite"


@pytest.fixture
def store(db_path):
    opened = open_store(db_path)
    yield opened
    opened.close()
