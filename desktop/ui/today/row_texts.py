"""What a Today row says and offers: the quiet context line, the time on the right with its
role (the accent for what needs doing now, red only for what is late), and the actions.

Plain text and choices, no widgets: `rows.TodoRow` shows them.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from desktop.domain.enums import FollowUpKind, Medium
from desktop.domain.keep_in_touch import TodoItem, TodoKind
from desktop.ui.formatting import date_text, datetime_text, hours_left, relative_day


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


def actions_for(item: TodoItem) -> tuple[tuple[Action, str], tuple[Action, ...], bool]:
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
