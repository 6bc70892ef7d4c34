"""Desktop notifications while the app runs: a chat starting in 15 minutes, a thank-you 4 hours
from late.

A `Reminders` object checks the store once a minute (a QTimer) and hands each reminder to
`notify` exactly once: the reminder's key names the thing and its time, so the same chat is
never announced twice, while a chat moved to a new time is announced again. The real
notifier is a system-tray message, used only where the desktop has a tray; calendars ignore
imported alarms (FORMATS.md), so these are the reminders the user gets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from desktop.domain.keep_in_touch import Reminder, TodoKind
from desktop.errors import UserError
from desktop.services import today as today_service
from desktop.ui.formatting import time_text

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 60_000
SHOW_FOR_MS = 15_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reminders", text)


def message(reminder: Reminder) -> tuple[str, str]:
    """(title, text) of the notification, translated."""
    name = reminder.name or _tr("your contact")
    at = time_text(reminder.when)
    if reminder.kind is TodoKind.CHAT:
        return (_tr("Coffee chat soon"),
                _tr("Your chat with %1 starts at %2.").replace("%1", name).replace("%2", at))
    return (_tr("Thank-you due soon"),
            _tr("The thank-you to %1 is due by %2.").replace("%1", name).replace("%2", at))


class Reminders(QObject):
    """Checks every minute; `notify(reminder)` is called once per reminder key."""

    chat_clicked = Signal(int)

    def __init__(self, store, notify: Callable[[Reminder], None] | None = None,
                 clock: Callable[[], datetime] = datetime.now, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._notify = notify or self._show_in_tray
        self._clock = clock
        self._shown: set[str] = set()
        self._tray: QSystemTrayIcon | None = None
        self._last_chat: int | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("remindersTimer")
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        self.check()

    def stop(self) -> None:
        self.timer.stop()
        if self._tray is not None:
            self._tray.hide()

    def check(self) -> list[Reminder]:
        """Sends what is due and not sent yet; returns what was sent (for tests)."""
        try:
            due = today_service.reminders(self.store, self._clock())
        except UserError as exc:  # a locked or closed store: try again next minute
            log.warning("reminders skipped: %s", exc)
            return []
        sent = [r for r in due if r.key not in self._shown]
        for reminder in sent:
            self._shown.add(reminder.key)
            self._notify(reminder)
        return sent

    # --- the tray ----------------------------------------------------------------------------
    def _show_in_tray(self, reminder: Reminder) -> None:
        tray = self._tray_icon()
        if tray is None:
            return
        title, text = message(reminder)
        self._last_chat = reminder.chat_id
        tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, SHOW_FOR_MS)

    def _tray_icon(self) -> QSystemTrayIcon | None:
        if self._tray is None:
            if not QSystemTrayIcon.isSystemTrayAvailable():
                return None
            app = QApplication.instance()
            icon = app.windowIcon() if app is not None else None
            if icon is None or icon.isNull():
                from PySide6.QtWidgets import QStyle  # costly enums: not at start-up

                icon = app.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self._tray = QSystemTrayIcon(icon, self)
            self._tray.setObjectName("reminderTray")
            self._tray.setToolTip(QApplication.applicationDisplayName())
            self._tray.messageClicked.connect(self._clicked)
            self._tray.show()
        return self._tray

    def _clicked(self) -> None:
        if self._last_chat is not None:
            self.chat_clicked.emit(self._last_chat)


def install(page: QObject, store) -> Reminders | None:
    """Starts reminders owned by `page` when the desktop has a tray; None otherwise."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    reminders = Reminders(store, parent=page)
    reminders.start()
    return reminders
