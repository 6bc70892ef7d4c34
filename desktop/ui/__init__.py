"""The window of Coffee Chats: widgets, item models and pages. Imports services, never the db.

`settings()` is the one way to reach the app's QSettings: an INI file in the platform's
config folder (platformdirs, like the data folder), found afresh on every call so tests
that point XDG_CONFIG_HOME elsewhere never share a file.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_config_dir
from PySide6.QtCore import QSettings

from desktop.paths import APP_DIR_NAME

ORGANIZATION = "CoffeeChats"
APPLICATION = "CoffeeChats"


def settings_path() -> Path:
    return Path(user_config_dir(APP_DIR_NAME, appauthor=False, roaming=True)) / "settings.ini"


def settings() -> QSettings:
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)
