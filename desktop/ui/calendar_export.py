"""File → Export calendar…: every upcoming chat as an .ics file any calendar can import.

The same file as `coffee-chats export chats --format ics`: UTC times, one stable UID per chat
(importing again updates the events instead of duplicating them), cancelled chats marked
cancelled. Reads the store only.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from desktop.io import ics
from desktop.services import today as today_service
from desktop.ui import dialogs


def _tr(text: str) -> str:
    return QCoreApplication.translate("CalendarExport", text)


def write_calendar(store, path: Path) -> int:
    """Writes the upcoming chats to `path` (whole or not at all); returns how many."""
    upcoming = today_service.calendar_chats(store)
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(ics.to_bytes(upcoming))
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return len(upcoming)


def export_calendar(window) -> Path | None:
    """Asks where to save, writes the file, says how many chats went in."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = dialogs.save_file(window, _tr("Export upcoming chats to a calendar file"),
                             _tr("Calendar files (*.ics)"),
                             Path(folder or Path.home()) / "coffee-chats.ics")
    if path is None:
        return None
    if path.suffix.lower() != ".ics":
        path = path.with_name(path.name + ".ics")
    try:
        count = write_calendar(window.store, path)
    except OSError as exc:
        dialogs.error(window, _tr("Could not write %1: %2").replace("%1", str(path))
                      .replace("%2", exc.strerror or str(exc)), _tr("Not exported"))
        return None
    text = (_tr("%1 upcoming chat(s) saved to %2. Import the file in your calendar; "
                "importing it again later updates the same events.")
            .replace("%1", str(count)).replace("%2", str(path)) if count else
            _tr("There is no upcoming chat with a date yet; the file %1 is empty.")
            .replace("%1", str(path)))
    dialogs.info(window, text, _tr("Calendar exported"))
    return path
