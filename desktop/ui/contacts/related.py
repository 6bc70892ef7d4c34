"""Under the contact form: the contact's chats, notes and follow-ups, and the derived dates.

Last contact and next keep-in-touch are derived (DESIGN.md), never typed; the next date is
red when overdue and in the accent colour when due within a week. A chat opens in the
wizard on double-click or Enter (`openChatRequested`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.domain import records as r
from desktop.services import chats as chats_service
from desktop.services import contacts as contacts_service
from desktop.ui import theme
from desktop.ui.formatting import date_text, datetime_text, relative_day

CHAT_ROLE = Qt.ItemDataRole.UserRole + 1
LIST_ROWS = 4  # each list shows this many rows before it scrolls


class RelatedLists(QWidget):
    openChatRequested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.dates = QLabel()
        self.dates.setObjectName("derivedDates")
        self.dates.setTextFormat(Qt.TextFormat.RichText)
        self.dates.setWordWrap(True)
        layout.addWidget(self.dates)
        self.chats_title, self.chats = self._section(layout, "chatsList")
        self.chats.itemActivated.connect(self._activated)
        self.follow_ups_title, self.follow_ups = self._section(layout, "followUpsList")
        self.notes_title, self.notes = self._section(layout, "notesList")

    def _section(self, layout, name: str) -> tuple[QLabel, QListWidget]:
        title = theme.set_role(QLabel(), "subheading")
        listing = QListWidget()
        listing.setObjectName(name)
        listing.setAccessibleName(name)
        listing.setUniformItemSizes(True)
        listing.setSpacing(2)
        listing.setWordWrap(False)
        listing.setTextElideMode(Qt.TextElideMode.ElideRight)
        listing.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(title)
        layout.addWidget(listing)
        return title, listing

    def clear(self) -> None:
        self.dates.clear()
        for listing in (self.chats, self.notes, self.follow_ups):
            listing.clear()
        self._titles(0, 0, 0)

    def _titles(self, chats: int, follow_ups: int, notes: int) -> None:
        self.chats_title.setText(self.tr("Chats (%1)").replace("%1", str(chats)))
        self.follow_ups_title.setText(self.tr("Follow-ups (%1)").replace("%1", str(follow_ups)))
        self.notes_title.setText(self.tr("Notes (%1)").replace("%1", str(notes)))

    def load(self, store, contact: r.Contact, today: date | None = None) -> None:
        today = today or date.today()
        chats = chats_service.for_contact(store, contact.id)
        follow_ups = chats_service.follow_ups_for_contact(store, contact.id)
        notes = chats_service.notes_for_contact(store, contact.id)
        self._titles(len(chats), len(follow_ups), len(notes))
        found = contacts_service.rows_for(store, [contact.id])
        self._show_dates(found[0] if found else None, contact, today)
        colors = theme.current()

        self.chats.clear()
        for chat in chats:
            when = datetime_text(chat.scheduled_at) if chat.scheduled_at else self.tr("not set")
            text = f"{when} · {chat.status.label}"
            if chat.goal:
                text += f" · {' '.join(chat.goal.split())}"
            item = QListWidgetItem(text)
            item.setData(CHAT_ROLE, chat.id)
            item.setToolTip(self.tr("Double-click to open this chat"))
            self.chats.addItem(item)
        self._empty(self.chats, self.tr("No chats yet. Use “Plan a chat”."))

        self.follow_ups.clear()
        for follow_up in follow_ups:
            done = follow_up.done_at is not None
            state = self.tr("done") if done else relative_day(follow_up.due, today)
            text = f"{date_text(follow_up.due)} · {follow_up.kind.label} · {state}"
            if follow_up.text:
                text += f" · {' '.join(follow_up.text.split())}"
            item = QListWidgetItem(text)
            if done:
                item.setForeground(QColor(colors.quiet))
            elif follow_up.due < today:
                item.setForeground(QColor(colors.late))
            self.follow_ups.addItem(item)
        self._empty(self.follow_ups, self.tr("No follow-ups."))

        self.notes.clear()
        for note in notes:
            when = date_text(note.at.date()) if isinstance(note.at, datetime) else ""
            item = QListWidgetItem(f"{when} · {' '.join(note.text.split())}")
            item.setToolTip(note.text)
            item.setData(CHAT_ROLE, note.chat_id)
            self.notes.addItem(item)
        self._empty(self.notes, self.tr("No notes yet."))

    def _empty(self, listing: QListWidget, text: str) -> None:
        if listing.count() == 0:
            item = QListWidgetItem(text)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            listing.addItem(item)
        # As tall as its rows, up to LIST_ROWS; longer lists scroll.
        row = listing.sizeHintForRow(0) + 2 * listing.spacing()
        shown = min(listing.count(), LIST_ROWS)
        listing.setFixedHeight(row * shown + 2 * listing.frameWidth() + 2)

    def _show_dates(self, row: r.ContactRow | None, contact: r.Contact, today: date) -> None:
        colors = theme.current()
        last = row.last_contact if row else None
        due = row.next_keep_in_touch if row else None  # the cadence may come from a tag
        parts = [
            self.tr("Last contact: %1").replace("%1", date_text(last) if last else self.tr("never"))
        ]
        if due is not None:
            text = f"{date_text(due)} ({relative_day(due, today)})"
            if due < today:
                text = f"<span style='color:{colors.late}; font-weight:600'>{text}</span>"
            elif due <= today + timedelta(days=7):
                text = f"<span style='color:{colors.accent}; font-weight:600'>{text}</span>"
            parts.append(self.tr("Next keep-in-touch: %1").replace("%1", text))
        elif contact.cadence_days and last is None:
            parts.append(self.tr("Next keep-in-touch: after a first chat"))
        else:
            parts.append(self.tr("No keep-in-touch cadence"))
        self.dates.setText(" &nbsp;·&nbsp; ".join(parts))

    def _activated(self, item: QListWidgetItem) -> None:
        chat_id = item.data(CHAT_ROLE)
        if chat_id:
            self.openChatRequested.emit(int(chat_id))
