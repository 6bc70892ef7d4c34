"""Today, the start page: a row of figures, then one row per thing to do, each acting in one step.

Sections: chats in the next 7 days; thank-yous due (hours left, red when late); follow-ups due
and overdue; contacts due a keep-in-touch. When nothing is due it says so and suggests the
next useful thing. Each section shows `ROWS_PER_SECTION` rows and a "Show all" button, so the
page stays quick with thousands of contacts. The data comes from one service call
(`today.build`); `show_today(data)` only builds widgets. While the page lives, reminders go
to the system tray (desktop/ui/reminders.py).
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

from desktop.domain.keep_in_touch import Snooze, Today, TodoItem, TodoKind
from desktop.errors import UserError
from desktop.services import followups
from desktop.services import today as today_service
from desktop.ui import dialogs, reminders, theme
from desktop.ui.formatting import date_text
from desktop.ui.pages import Page
from desktop.ui.today.rows import Action, TodoRow, restyle, show_if

ROWS_PER_SECTION = 8
SHOW_ALL_LIMIT = 200


def _label(text: str, role: str = "", **extra) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        theme.set_role(label, role, **extra)
    return label


class Section:
    """A heading and a card of rows that are reused from one load to the next.

    Its widgets are made the first time it has something to show (most days never show
    "Nothing is due"), the text above the rows and the "Show all" button when first
    needed: under the app's stylesheet every widget made costs start-up time.
    """

    def __init__(self, page: TodayPage, key: str, layout: QVBoxLayout):
        self.key = key
        self.page = page
        self.box = QVBoxLayout()  # holds the heading and the card, once made
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(layout.spacing())
        layout.addLayout(self.box)
        self.heading: QLabel | None = None
        self.card: QFrame | None = None
        self.inner = QVBoxLayout()
        self.text: QLabel | None = None
        self.more: QPushButton | None = None
        self.rows: list[TodoRow] = []

    def _build(self) -> tuple[QLabel, QFrame]:
        self.heading = _label("", "subheading")
        self.heading.setObjectName(f"heading_{self.key}")
        self.card = QFrame()
        self.card.setObjectName(f"section_{self.key}")
        theme.set_role(self.card, "card")
        self.card.setLayout(self.inner)
        self.inner.setContentsMargins(16, 4, 16, 4)
        self.inner.setSpacing(0)
        self.box.addWidget(self.heading)
        self.box.addWidget(self.card)
        return self.heading, self.card

    def _text(self) -> QLabel:
        if self.text is None:
            self.text = _label("", "empty")
            self.text.setObjectName(f"text_{self.key}")
            self.text.setWordWrap(True)
            self.inner.insertWidget(0, self.text)
        return self.text

    def _more(self) -> QPushButton:
        if self.more is None:
            self.more = QPushButton()
            self.more.setObjectName(f"more_{self.key}")
            self.more.setFlat(True)
            self.more.clicked.connect(lambda _=False: self.page.toggle(self.key))
            self.inner.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        return self.more

    def fill(self, title: str, items, now: datetime, *, text: str = "", total: int | None = None,
             limit: int = ROWS_PER_SECTION) -> None:
        total = len(items) if total is None else total
        shown = list(items[:limit])
        visible = bool(shown or text)
        if self.heading is None or self.card is None:
            if not visible:
                return
            heading, card = self._build()
        else:
            heading, card = self.heading, self.card
        show_if(heading, visible)
        show_if(card, visible)
        heading.setText(f"{title}  ·  {total:,}" if total else title)
        if text or self.text is not None:
            label = self._text()
            label.setText(text)
            show_if(label, bool(text))
        while len(self.rows) < len(shown):
            row = TodoRow(self.page.act, self.card)
            at = self.inner.indexOf(self.more) if self.more is not None else self.inner.count()
            self.inner.insertWidget(at, row)
            self.rows.append(row)
        for n, row in enumerate(self.rows):
            if n < len(shown):
                row.set_item(shown[n], now)
                # A hairline between rows, and under the text when rows follow it.
                row.set_line(n > 0 or bool(text))
                self.page.rows[row.objectName().removeprefix("row_")] = row
            show_if(row, n < len(shown))
        expanded = self.key in self.page.expanded
        wanted = total > len(shown) or expanded
        if wanted or self.more is not None:
            more = self._more()
            show_if(more, wanted)
            # Not a QObject: the page's context, spelled out so lupdate records it.
            more.setText(QCoreApplication.translate("TodayPage", "Show fewer") if expanded
                         else QCoreApplication.translate("TodayPage", "Show all %n", "", total))


class TodayPage(Page):
    def __init__(self, store, parent=None, *, now: datetime | None = None):
        super().__init__(store, parent)
        self._fixed_now = now  # tests fix the clock; the app uses the real one
        self._data: Today | None = None
        self.expanded: set[str] = set()
        self.rows: dict[str, TodoRow] = {}
        scroll = QScrollArea(self)
        scroll.setObjectName("todayScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        content = QWidget()
        content.setObjectName("todayContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 22, 32, 32)
        layout.setSpacing(12)
        layout.addLayout(self._header())
        layout.addWidget(self._figures())
        self.sections = {key: Section(self, key, layout)
                         for key in ("chats", "thanks", "followUps", "keepInTouch", "allClear")}
        layout.addStretch(1)
        # Filled before the scroll area shows (and so polishes) it: each row is styled once.
        self.refresh()
        scroll.setWidget(content)
        self.reminders = reminders.install(self, store)
        if self.reminders is not None:
            self.reminders.chat_clicked.connect(self.open_chat_requested)

    def title(self) -> str:
        return self.tr("Today")

    def count(self) -> int | None:
        data = self._data
        if data is None:
            return None
        return len(data.thank_yous) + len(data.follow_ups) + data.keep_in_touch_total

    def now(self) -> datetime:
        return self._fixed_now or datetime.now().replace(microsecond=0)

    def set_now(self, now: datetime | None) -> None:
        self._fixed_now = now
        self.refresh()

    # --- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        self.show_today(today_service.build(self.store, self.now()))

    def show_today(self, data: Today) -> None:
        """Shows `data` in the page's widgets (no store access here)."""
        self._data = data
        self.rows = {}
        now = data.now
        self.date_label.setText(date_text(now.date(), with_year=False))
        s = data.summary
        for name, value in (("people", s.people), ("held", s.held), ("scheduled", s.scheduled),
                            ("awaiting", s.awaiting_reply), ("overdue", s.overdue)):
            self.figures[name].setText(f"{value:,}")
        late = s.overdue > 0
        if self.figures["overdue"].property("late") != late:
            restyle(self.figures["overdue"], late=late)

        def limit(key: str) -> int:
            return SHOW_ALL_LIMIT if key in self.expanded else ROWS_PER_SECTION

        sec = self.sections
        sec["chats"].fill(self.tr("Coming up"), data.chats, now, limit=limit("chats"),
                          text="" if data.chats else self.tr("No chats in the next 7 days."))
        sec["thanks"].fill(self.tr("Thank-yous due"), data.thank_yous, now,
                           limit=limit("thanks"))
        sec["followUps"].fill(self.tr("Follow-ups due"), data.follow_ups, now,
                              limit=limit("followUps"))
        sec["keepInTouch"].fill(self.tr("Keep in touch"), data.keep_in_touch, now,
                                total=data.keep_in_touch_total, limit=limit("keepInTouch"))
        if data.nothing_due:
            text = (self.tr("No thank-you, follow-up or keep-in-touch is waiting. "
                            "A next useful step:") if data.suggestions else
                    self.tr("No thank-you, follow-up or keep-in-touch is waiting. Add "
                            "contacts or import your LinkedIn connections to plan your next "
                            "chat."))
            sec["allClear"].fill(self.tr("Nothing is due"), data.suggestions, now, text=text,
                                 total=0)
        else:
            sec["allClear"].fill("", (), now)

    def _header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        header.addWidget(_label(self.tr("Today"), "heading"))
        header.addSpacing(12)
        self.date_label = _label("", "quiet")
        self.date_label.setObjectName("todayDate")
        header.addWidget(self.date_label, 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        log = QPushButton(self.tr("Log an interaction…"))
        log.setObjectName("logInteractionButton")
        log.clicked.connect(lambda: self.log_interaction(None))
        header.addWidget(log, 0, Qt.AlignmentFlag.AlignBottom)
        return header

    def _figures(self) -> QWidget:
        row = QWidget()
        grid = QGridLayout(row)
        grid.setContentsMargins(0, 2, 0, 6)
        grid.setHorizontalSpacing(12)
        self.figures: dict[str, QLabel] = {}
        for n, (name, text) in enumerate((
            ("people", self.tr("people")), ("held", self.tr("chats held")),
            ("scheduled", self.tr("scheduled")), ("awaiting", self.tr("awaiting reply")),
            ("overdue", self.tr("overdue")),
        )):
            card = QFrame()
            card.setObjectName(f"figure_{name}")
            theme.set_role(card, "card")
            inner = QVBoxLayout(card)
            inner.setContentsMargins(16, 10, 16, 10)
            inner.setSpacing(0)
            figure = _label("0", "figure", late=False)
            figure.setObjectName(f"figureValue_{name}")
            self.figures[name] = figure
            inner.addWidget(figure)
            inner.addWidget(_label(text, "figureLabel"))
            grid.addWidget(card, 0, n)
        return row

    def toggle(self, key: str) -> None:
        self.expanded ^= {key}
        if self._data is not None:
            self.show_today(self._data)

    # --- actions ---------------------------------------------------------------------------
    def act(self, action: Action, item: TodoItem) -> None:
        try:
            changed = self._do(action, item)
        except UserError as exc:
            dialogs.error(self, str(exc), self.tr("That did not work"))
            changed = True  # the list may be out of date: show what is there now
        if changed:
            self.refresh()
            self.data_changed.emit()

    def _do(self, action: Action, item: TodoItem) -> bool:
        """Does `action`; True when the store changed and the page must reload."""
        now = self.now()
        if action in (Action.PREP, Action.OPEN_CHAT) and item.chat_id is not None:
            self.open_chat_requested.emit(item.chat_id)
            return False
        if action in (Action.OPEN_CONTACT, Action.OPEN_CHAT):
            self.show_contact_requested.emit(item.contact_id)
            return False
        if action is Action.DRAFT:
            self.draft(item)
            return False
        if action is Action.LOG:
            return self.log_interaction(item.contact_id) is not None
        if action is Action.PLAN_CHAT:
            from desktop.services import chat_flow  # not needed for the first paint

            chat = chat_flow.new_for_contact(self.store, item.contact_id)
            self.open_chat_requested.emit(chat.id)
            return True
        snooze = {Action.SNOOZE_DAY: Snooze.DAY, Action.SNOOZE_WEEK: Snooze.WEEK}.get(action)
        if item.kind is TodoKind.THANK_YOU and item.chat_id is not None and not snooze:
            followups.mark_thank_you_sent(self.store, item.chat_id, now)
        elif item.kind is TodoKind.FOLLOW_UP and item.follow_up_id is not None:
            if snooze:
                followups.snooze(self.store, item.follow_up_id, snooze, now)
            else:
                followups.mark_done(self.store, item.follow_up_id, now)
        elif item.kind is TodoKind.KEEP_IN_TOUCH and snooze:
            followups.snooze_keep_in_touch(self.store, item.contact_id, snooze, now)
        else:
            return False
        return True

    def draft(self, item: TodoItem) -> None:
        """Hands the row's e-mail to the mail program (or the clipboard when it cannot)."""
        from desktop.ui.wizard import mail  # the wizard's mail hand-off, loaded on first use

        to, draft = today_service.draft_for(self.store, item)
        mail.open_in_mail(self, to, draft)

    def log_interaction(self, contact_id: int | None):
        from desktop.ui.interaction_dialog import log_interaction

        logged = log_interaction(self, self.store, contact_id)
        if logged is not None and contact_id is None:
            self.refresh()
            self.data_changed.emit()
        return logged
