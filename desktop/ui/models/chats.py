"""The chats table: when, with whom, status, and where the thank-you stands."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.domain.enums import ChatStatus
from desktop.domain.records import Chat
from desktop.services.today import thank_you_due_at as thank_you_due
from desktop.ui.formatting import date_text, datetime_text, hours_left
from desktop.ui.models import RecordTableModel

COL_WHEN, COL_CONTACT, COL_STATUS, COL_THANK_YOU, COL_GOAL = range(5)

HELD = (ChatStatus.HELD, ChatStatus.WRAPPED_UP, ChatStatus.THANKED)


class ChatTableModel(RecordTableModel):
    CONTEXT = "ChatTableModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("ChatTableModel", "When"),
        QT_TRANSLATE_NOOP("ChatTableModel", "Contact"),
        QT_TRANSLATE_NOOP("ChatTableModel", "Status"),
        QT_TRANSLATE_NOOP("ChatTableModel", "Thank-you"),
        QT_TRANSLATE_NOOP("ChatTableModel", "Goal"),
    )
    BOLD_COLUMNS = frozenset({COL_CONTACT})
    QUIET_COLUMNS = frozenset({COL_GOAL})

    def __init__(self, parent=None, now: datetime | None = None):
        super().__init__(parent)
        self.now = now or datetime.now()

    def _tr(self, text: str) -> str:
        return QCoreApplication.translate(self.CONTEXT, text)

    def display(self, chat: Chat, column: int) -> str:
        if column == COL_WHEN:
            return datetime_text(chat.scheduled_at, today=self.now.date()) if chat.scheduled_at \
                else self._tr("not scheduled")
        if column == COL_CONTACT:
            return chat.contact_name
        if column == COL_STATUS:
            return self._tr(chat.status.label)
        if column == COL_THANK_YOU:
            return self.thank_you_text(chat)
        if column == COL_GOAL:
            return chat.goal.splitlines()[0] if chat.goal else ""
        return ""

    def thank_you_text(self, chat: Chat) -> str:
        if chat.thank_you_sent_at is not None:
            return self._tr("sent %s") % date_text(chat.thank_you_sent_at.date())
        if chat.status == ChatStatus.THANKED:
            return self._tr("sent")
        if chat.status in HELD:
            return self._tr("due, %s") % hours_left(thank_you_due(chat), self.now)
        return ""

    def sort_key(self, chat: Chat, column: int):
        if column == COL_WHEN:
            return chat.scheduled_at
        if column == COL_STATUS:
            return list(ChatStatus).index(chat.status)
        if column == COL_THANK_YOU:
            return thank_you_due(chat) if chat.thank_you_sent_at is None else None
        return super().sort_key(chat, column)

    def is_late(self, chat: Chat, column: int) -> bool:
        if column != COL_THANK_YOU or chat.thank_you_sent_at is not None:
            return False
        if chat.status not in (ChatStatus.HELD, ChatStatus.WRAPPED_UP):
            return False
        due = thank_you_due(chat)
        return due is not None and due < self.now

    def tooltip(self, chat: Chat, column: int) -> str | None:
        return chat.goal or None if column == COL_GOAL else None
