"""Today: a row of figures, then one row per thing to do, each with its primary action.

Sections: chats in the next 7 days, thank-yous due (hours left, red when late), follow-ups
due, contacts due a keep-in-touch. Each section shows at most `ROWS_PER_SECTION` rows so the
page stays quick with thousands of contacts; the rest is summed up in one line.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.services import today as today_service
from desktop.ui import theme
from desktop.ui.formatting import date_text, datetime_text, hours_left, relative_day
from desktop.ui.pages import Page

ROWS_PER_SECTION = 8


def _label(text: str, role: str = "", **extra) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        theme.set_role(label, role, **extra)
    return label


class TodayPage(Page):
    def __init__(self, store, parent=None):
        super().__init__(store, parent)
        self._count = 0
        scroll = QScrollArea(self)
        scroll.setObjectName("todayScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._content = QWidget()
        self._content.setObjectName("todayContent")
        scroll.setWidget(self._content)
        self._layout = QVBoxLayout(self._content)
        self._layout.setContentsMargins(32, 24, 32, 32)
        self._layout.setSpacing(14)
        self.refresh()

    def title(self) -> str:
        return self.tr("Today")

    def count(self) -> int | None:
        return self._count

    # --- loading ---------------------------------------------------------------------------
    def refresh(self, now: datetime | None = None) -> None:
        now = now or datetime.now().replace(microsecond=0)
        store = self.store
        figures = today_service.summary(store, now)
        upcoming = today_service.upcoming_chats(store, now)
        thanks = today_service.thank_yous_due(store, now)
        follow_ups = today_service.follow_ups_due(store, now, {c.id for c in thanks})
        keep = today_service.keep_in_touch_due(store, now)
        self._count = len(thanks) + len(follow_ups) + len(keep)

        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # gone now; deleted once back in the event loop
                item.widget().deleteLater()
        header = QHBoxLayout()
        header.addWidget(_label(self.tr("Today"), "heading"))
        header.addSpacing(12)
        date_label = _label(date_text(now.date(), with_year=False), "quiet")
        header.addWidget(date_label, 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        holder = QWidget()
        holder.setLayout(header)
        self._layout.addWidget(holder)
        self._layout.addWidget(self._figures(figures))

        self._section(self.tr("Coming up"), upcoming,
                      lambda c: self._chat_row(c, now), self.tr("No chats in the next 7 days."))
        self._section(self.tr("Thank-yous due"), thanks,
                      lambda c: self._thank_you_row(c, now), self.tr("Every thank-you is sent."))
        self._section(self.tr("Follow-ups due"), follow_ups,
                      lambda f: self._follow_up_row(f, now), self.tr("No follow-ups due."))
        self._section(self.tr("Keep in touch"), keep,
                      lambda c: self._keep_in_touch_row(c, now),
                      self.tr("Nobody is waiting to hear from you."))
        self._layout.addStretch(1)

    def _figures(self, f: today_service.Figures) -> QWidget:
        row = QWidget()
        grid = QGridLayout(row)
        grid.setContentsMargins(0, 4, 0, 8)
        grid.setHorizontalSpacing(12)
        for n, (value, text, late) in enumerate((
            (f.people, self.tr("people"), False),
            (f.held, self.tr("chats held"), False),
            (f.scheduled, self.tr("scheduled"), False),
            (f.awaiting_reply, self.tr("awaiting reply"), False),
            (f.overdue, self.tr("overdue"), f.overdue > 0),
        )):
            card = QFrame()
            card.setObjectName(f"figure{n}")
            theme.set_role(card, "card")
            inner = QVBoxLayout(card)
            inner.setContentsMargins(16, 12, 16, 12)
            inner.setSpacing(2)
            inner.addWidget(_label(f"{value:,}", "figure", late=late))
            inner.addWidget(_label(text, "figureLabel"))
            grid.addWidget(card, 0, n)
        return row

    def _section(self, title: str, items: list, make_row, empty: str) -> None:
        self._layout.addWidget(_label(f"{title}  ·  {len(items)}" if items else title,
                                      "subheading"))
        card = QFrame()
        theme.set_role(card, "card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(16, 6, 16, 6)
        inner.setSpacing(0)
        if not items:
            inner.addWidget(_label(empty, "empty"))
        for n, item in enumerate(items[:ROWS_PER_SECTION]):
            if n:
                line = QFrame()
                line.setFrameShape(QFrame.Shape.HLine)
                line.setStyleSheet(f"color: {theme.current().border};")
                inner.addWidget(line)
            inner.addWidget(make_row(item))
        if len(items) > ROWS_PER_SECTION:
            inner.addWidget(_label(self.tr("and %n more", "", len(items) - ROWS_PER_SECTION),
                                   "quiet"))
        self._layout.addWidget(card)

    # --- rows --------------------------------------------------------------------------------
    def _row(self, name: str, context: str, when: str = "", late: bool = False) -> tuple:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.setSpacing(12)
        texts = QVBoxLayout()
        texts.setSpacing(1)
        texts.addWidget(_label(name, "name"))
        if context:
            texts.addWidget(_label(context, "quiet"))
        layout.addLayout(texts, 1)
        if when:
            layout.addWidget(_label(when, "late" if late else "quiet"))
        return row, layout

    def _button(self, layout, name: str, text: str, slot, *, primary=False,
                enabled=True) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        if primary:
            theme.set_role(button, "primary")
        button.setEnabled(enabled)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    def _has_wizard(self) -> bool:
        window = self.window()
        return bool(getattr(window, "has_feature", lambda _n: False)("open_chat"))

    def _chat_row(self, chat, now: datetime) -> QWidget:
        medium = QCoreApplication.translate("Medium", chat.medium.label)
        context = " · ".join(p for p in (medium, chat.place, chat.goal.split("\n")[0]) if p)
        row, layout = self._row(chat.contact_name, context,
                                datetime_text(chat.scheduled_at, today=now.date()))
        self._button(layout, f"prep{chat.id}", self.tr("Prep"),
                     lambda: self.open_chat_requested.emit(chat.id),
                     primary=True, enabled=self._has_wizard())
        return row

    def _thank_you_row(self, chat, now: datetime) -> QWidget:
        due = chat.thank_you_due
        held = chat.ended_at or chat.scheduled_at
        context = self.tr("Chat on %1").replace("%1", date_text(held.date())) if held else ""
        late = due is not None and due < now
        row, layout = self._row(chat.contact_name, context, hours_left(due, now), late)
        self._button(layout, f"thank{chat.id}", self.tr("Draft thank-you"),
                     lambda: self.open_chat_requested.emit(chat.id),
                     primary=True, enabled=self._has_wizard())
        return row

    def _follow_up_row(self, item: today_service.FollowUpRow, now: datetime) -> QWidget:
        f = item.follow_up
        kind = QCoreApplication.translate("FollowUpKind", f.kind.label)
        context = f"{kind}: {f.text}" if f.text else kind
        late = f.due < now.date()
        row, layout = self._row(item.contact_name, context, relative_day(f.due, now.date()), late)
        self._button(layout, f"followUpContact{f.id}", self.tr("Open"),
                     lambda: self.show_contact_requested.emit(f.contact_id))
        self._button(layout, f"done{f.id}", self.tr("Done"), lambda: self._done(f.id),
                     primary=True)
        return row

    def _keep_in_touch_row(self, contact, now: datetime) -> QWidget:
        last = self.tr("last contact %1").replace("%1", date_text(contact.last_contact))
        context = " · ".join(p for p in (contact.company, last) if p)
        due = contact.next_keep_in_touch
        row, layout = self._row(contact.name, context, relative_day(due, now.date()),
                                due is not None and due < now.date())
        self._button(layout, f"keepInTouchContact{contact.id}", self.tr("Open"),
                     lambda: self.show_contact_requested.emit(contact.id))
        self._button(layout, f"checkedIn{contact.id}", self.tr("Checked in"),
                     lambda: self._checked_in(contact.id), primary=True)
        return row

    # --- actions -----------------------------------------------------------------------------
    def _done(self, follow_up_id: int) -> None:
        today_service.mark_follow_up_done(self.store, follow_up_id)
        self.refresh()
        self.data_changed.emit()

    def _checked_in(self, contact_id: int) -> None:
        today_service.log_check_in(self.store, contact_id)
        self.refresh()
        self.data_changed.emit()
