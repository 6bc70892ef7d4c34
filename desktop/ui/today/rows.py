"""One row of the Today page per thing to do: who (bold), context (quiet), when, and actions.

A row never touches the store: each button calls `act(action, item)` with one of the
`Action` values, and the page does the work. Colours come from the theme's roles: the
accent for what needs doing now, red only for what is late.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import FollowUpKind, Medium
from desktop.domain.keep_in_touch import TodoItem, TodoKind
from desktop.ui import theme
from desktop.ui.formatting import date_text, datetime_text, hours_left, relative_day

WHEN_WIDTH = 110
SECONDARY_WIDTH = 64
PRIMARY_WIDTH = 140


class Action(StrEnum):
    PREP = "prep"
    OPEN_CHAT = "open_chat"
    OPEN_CONTACT = "open_contact"
    DRAFT = "draft"
    DONE = "done"
    SNOOZE_DAY = "snooze_day"
    SNOOZE_WEEK = "snooze_week"
    LOG = "log"
    PLAN_CHAT = "plan_chat"


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("TodayRow", text, None, n)


def item_key(item: TodoItem) -> str:
    """A stable name for the row's widgets: kind and the id of what it is about."""
    ident = item.follow_up_id or item.chat_id or item.contact_id
    if item.kind is TodoKind.FOLLOW_UP:
        ident = item.follow_up_id
    elif item.kind in (TodoKind.CHAT, TodoKind.THANK_YOU):
        ident = item.chat_id
    return f"{item.kind.value}{ident}"


def show_if(widget: QWidget, visible: bool) -> None:
    """setVisible only when it changes: each call polishes, which a stylesheet makes slow."""
    if widget.isHidden() == visible:
        widget.setVisible(visible)


def restyle(widget: QWidget, **properties) -> None:
    """Sets stylesheet properties and re-polishes now: a widget already polished (a size
    hint is enough) keeps its old look otherwise, shown or not."""
    for key, value in properties.items():
        widget.setProperty(key, value)
    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return  # polishing reads the properties; asking for style() costs start-up time
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _label(text: str, role: str, **extra) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    theme.set_role(label, role, **extra)
    return label


def context_text(item: TodoItem, now: datetime) -> str:
    """The quiet line under the name, translated."""
    parts: list[str] = []
    if item.kind is TodoKind.CHAT:
        if item.chat_status == "in_progress":
            parts.append(_tr("Under way"))
        elif item.chat_status == "requested":
            parts.append(_tr("Requested, not confirmed"))
        medium = Medium.parse(item.medium, None)
        if medium is not None:
            parts.append(QCoreApplication.translate("Medium", medium.label))
        if item.minutes:
            parts.append(_tr("%n min", item.minutes))
        parts += [p for p in (item.place, item.company) if p]
    elif item.kind is TodoKind.THANK_YOU:
        parts.append(_tr("Thank-you for your chat"))
        parts += [item.company] if item.company else []
    elif item.kind is TodoKind.FOLLOW_UP:
        kind = item.follow_up_kind or FollowUpKind.CHECK_IN
        if kind is FollowUpKind.UPDATE and item.about_name:
            parts.append(_tr("Thank them for introducing %1 and say how the chat went")
                         .replace("%1", item.about_name))
        else:
            label = QCoreApplication.translate("FollowUpKind", kind.label)
            parts.append(f"{label}: {item.text}" if item.text else label)
    elif item.kind is TodoKind.KEEP_IN_TOUCH:
        parts += [item.company] if item.company else []
        if item.last_contact:
            parts.append(_tr("last contact %1").replace("%1", date_text(item.last_contact)))
    elif item.kind is TodoKind.REACH_REFERRAL:
        parts.append(_tr("Introduced by %1, not reached yet").replace("%1", item.referrer_name))
        parts += [item.company] if item.company else []
    else:
        parts += [p for p in (item.role, item.company) if p]
        parts.append(_tr("not asked for a chat yet"))
    return "  ·  ".join(parts)


def when_text(item: TodoItem, now: datetime) -> tuple[str, str]:
    """(text, role) for the right-hand time: "late" when late, "accent" when due now."""
    if item.kind is TodoKind.CHAT and isinstance(item.when, datetime):
        soon = item.when.date() == now.date()
        return datetime_text(item.when, today=now.date()), "accent" if soon else "quiet"
    if item.kind is TodoKind.THANK_YOU and isinstance(item.when, datetime):
        return hours_left(item.when, now), "late" if item.late else "accent"
    if item.kind is TodoKind.FOLLOW_UP and isinstance(item.when, date):
        return relative_day(item.when, now.date()), "late" if item.late else "accent"
    if item.kind is TodoKind.KEEP_IN_TOUCH and isinstance(item.when, date):
        # Not "late": nobody promised a date; it is simply time to get in touch again.
        days = (now.date() - item.when).days
        text = (_tr("due today") if days <= 0 else _tr("due yesterday") if days == 1
                else _tr("due %n days ago", days))
        return text, "quiet"
    return "", "quiet"


def _actions(item: TodoItem) -> tuple[tuple[Action, str], tuple[Action, ...], bool]:
    """(primary action and its text, secondary actions, snooze offered)."""
    kind, fkind = item.kind, item.follow_up_kind
    if kind is TodoKind.CHAT:
        if item.chat_status == "in_progress":
            return (Action.OPEN_CHAT, _tr("Open")), (), False
        return (Action.PREP, _tr("Prep")), (), False
    if kind is TodoKind.THANK_YOU:
        # No snooze: a thank-you is due when it is due, and the on-time share stays honest.
        return (Action.DRAFT, _tr("Draft thank-you")), (Action.DONE, Action.OPEN_CHAT), False
    if kind is TodoKind.FOLLOW_UP:
        if fkind is FollowUpKind.NUDGE:
            return (Action.DRAFT, _tr("Draft nudge")), (Action.DONE, Action.OPEN_CHAT), True
        if fkind is FollowUpKind.THANK_YOU and item.chat_id:
            return (Action.DRAFT, _tr("Draft thank-you")), (Action.DONE, Action.OPEN_CHAT), False
        if fkind in (FollowUpKind.UPDATE, FollowUpKind.CHECK_IN):
            return (Action.DRAFT, _tr("Draft update")), (Action.DONE, Action.OPEN_CONTACT), True
        return (Action.DONE, _tr("Done")), (Action.OPEN_CONTACT,), True
    if kind is TodoKind.KEEP_IN_TOUCH:
        return (Action.LOG, _tr("Log interaction…")), (Action.DRAFT, Action.OPEN_CONTACT), True
    return (Action.PLAN_CHAT, _tr("Plan a chat")), (Action.OPEN_CONTACT,), False


SECONDARY_TEXT = {
    Action.DONE: "Done",
    Action.OPEN_CHAT: "Open",
    Action.OPEN_CONTACT: "Open",
    Action.DRAFT: "Draft e-mail",
}


class TodoRow(QWidget):
    """A row: name and context on the left; when, the other buttons and the primary right.

    Rows are reused: `set_item` shows another thing to do in the same widgets, so reloading
    Today after an action costs a few text changes, not a new tree of widgets.
    """

    def __init__(self, act: Callable[[Action, TodoItem], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._act = act
        self.item: TodoItem | None = None
        self._actions: dict[QPushButton, Action] = {}
        self._menu: QMenu | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 9, 0, 9)
        layout.setSpacing(10)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.name_label = _label("", "name")
        self.context_label = _label("", "quiet")
        texts.addWidget(self.name_label)
        texts.addWidget(self.context_label)
        layout.addLayout(texts, 1)
        self.when_label = _label("", "quiet")
        # A common width lines the buttons of all rows up in columns.
        self.when_label.setMinimumWidth(WHEN_WIDTH)
        self.when_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.when_label)
        layout.addSpacing(6)
        self._layout = layout
        # The other buttons (laid out in this order before the primary one) are made when a
        # row first needs them: a chat has none, a thank-you no snooze, and every widget made
        # costs start-up time (bench/startup.py).
        self.secondary: list[QPushButton | None] = [None, None]
        self.snooze_button: QPushButton | None = None
        self.primary = QPushButton()
        theme.set_role(self.primary, "primary")
        self.primary.setMinimumWidth(PRIMARY_WIDTH)
        self.primary.clicked.connect(lambda _=False: self._clicked(self.primary))
        layout.addWidget(self.primary)

    def set_item(self, item: TodoItem, now: datetime) -> None:
        """Shows `item`; object names follow it (`done_thank_you12`, `when_follow_up3`...)."""
        self.item = item
        key = item_key(item)
        self.setObjectName(f"row_{key}")
        self.name_label.setText(item.name or _tr("(no name)"))
        self.name_label.setObjectName(f"name_{key}")
        context = context_text(item, now)
        self.context_label.setText(context)
        self.context_label.setToolTip(context)
        self.context_label.setObjectName(f"context_{key}")
        show_if(self.context_label, bool(context))
        when, role = when_text(item, now)
        self.when_label.setText(when)
        self.when_label.setObjectName(f"when_{key}")
        if self.when_label.property("role") != role:
            restyle(self.when_label, role=role)
        show_if(self.when_label, bool(when))
        (primary, primary_text), secondary, snooze = _actions(item)
        self._actions = {self.primary: primary}
        self.primary.setText(primary_text)
        self.primary.setObjectName(f"{primary.value}_{key}")
        for n, made in enumerate(self.secondary):
            action = secondary[n] if n < len(secondary) else None
            if action is None:
                if made is not None:
                    show_if(made, False)
                continue
            button = self._secondary(n)
            show_if(button, True)
            self._actions[button] = action
            button.setText(QCoreApplication.translate("TodayRow", SECONDARY_TEXT[action]))
            button.setObjectName(f"{action.value}_{key}")
        if snooze or self.snooze_button is not None:
            snooze_button = self._snooze()
            show_if(snooze_button, snooze)
            snooze_button.setObjectName(f"snooze_{key}")
        if self._menu is not None:
            self._name_menu(key)

    def _insert(self, button: QPushButton, before: list[QPushButton | None]) -> None:
        """Puts a button made late at its place: before the first of `before` there is."""
        following = next(b for b in [*before, self.primary] if b is not None)
        self._layout.insertWidget(self._layout.indexOf(following), button)

    def _secondary(self, n: int) -> QPushButton:
        button = self.secondary[n]
        if button is None:
            button = self.secondary[n] = QPushButton()
            button.setMinimumWidth(SECONDARY_WIDTH)
            button.clicked.connect(lambda _=False, b=button: self._clicked(b))
            self._insert(button, [*self.secondary[n + 1:], self.snooze_button])
        return button

    def _snooze(self) -> QPushButton:
        if self.snooze_button is None:
            self.snooze_button = QPushButton(_tr("Snooze") + "  ▾")
            self.snooze_button.setAccessibleName(_tr("Snooze"))
            self.snooze_button.clicked.connect(self._show_snooze_menu)
            self._insert(self.snooze_button, [])
        return self.snooze_button

    def _clicked(self, button: QPushButton) -> None:
        action = self._actions.get(button)
        if action is not None and self.item is not None:
            self._act(action, self.item)

    def snooze_menu(self) -> QMenu:
        """The snooze menu, made on first use (most rows are never snoozed)."""
        if self._menu is None:
            self._menu = QMenu(self._snooze())
            for action, text in ((Action.SNOOZE_DAY, _tr("Until tomorrow")),
                                 (Action.SNOOZE_WEEK, _tr("For a week"))):
                menu_action = self._menu.addAction(text)
                menu_action.setData(action.value)
                menu_action.triggered.connect(
                    lambda _=False, a=action: self.item is not None and self._act(a, self.item))
            if self.item is not None:
                self._name_menu(item_key(self.item))
        return self._menu

    def _name_menu(self, key: str) -> None:
        assert self._menu is not None
        self._menu.setObjectName(f"snoozeMenu_{key}")
        for menu_action in self._menu.actions():
            menu_action.setObjectName(f"{menu_action.data()}_{key}")

    def _show_snooze_menu(self) -> None:
        menu = self.snooze_menu()
        menu.popup(self.snooze_button.mapToGlobal(self.snooze_button.rect().bottomLeft()))
