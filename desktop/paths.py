"""Where Coffee Chats keeps its files: the platform's user data folder, chosen once, forever.

We use platformdirs (no Qt needed, so the command line stays light):
- Linux: `$XDG_DATA_HOME/CoffeeChats` (usually `~/.local/share/CoffeeChats`)
- macOS: `~/Library/Application Support/CoffeeChats`
- Windows: `%LOCALAPPDATA%\\CoffeeChats`
Never change these names: a user's years of data live there.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

APP_DIR_NAME = "CoffeeChats"
DATABASE_NAME = "coffee-chats.sqlite"


def data_dir() -> Path:
    return Path(user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def default_database() -> Path:
    return data_dir() / DATABASE_NAME


def log_dir() -> Path:
    return data_dir() / "logs"


def backup_dir() -> Path:
    return data_dir() / "backups"
