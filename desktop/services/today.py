"""What needs doing now: the lists and figures of the Today page, and its one-click actions.

- chats in the next 7 days (scheduled or in progress, from the start of today);
- thank-yous due: held or wrapped-up chats without a sent thank-you (due 24 h after the
  chat ended unless the chat says otherwise);
- follow-ups due today or earlier and not done;
- contacts due a keep-in-touch (last contact + cadence is today or earlier).
Each function takes `now` so tests and the UI agree on one moment.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from desktop.db import Store
from desktop.db import models as m
from desktop.domain import records as r
from desktop.domain.enums import ChatStatus, FollowUpKind, InteractionKind, Source
from desktop.domain.rules import THANK_YOU_HOURS, fold, next_keep_in_touch
from desktop.errors import NotFound
from desktop.services import contacts as contacts_service
from desktop.services import convert

UPCOMING_DAYS = 7
UPCOMING_STATUSES = (ChatStatus.SCHEDULED, ChatStatus.IN_PROGRESS)
THANK_STATUSES = (ChatStatus.HELD, ChatStatus.WRAPPED_UP)
HELD_STATUSES = (ChatStatus.HELD, ChatStatus.WRAPPED_UP, ChatStatus.THANKED)


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    """An open follow-up with its contact's name, for lists of things to do."""

    follow_up: r.FollowUp
    contact_name: str


@dataclass(frozen=True, slots=True)
class Figures:
    """The figures across the top of Today."""

    people: int = 0
    held: int = 0
    scheduled: int = 0
    awaiting_reply: int = 0
    overdue: int = 0


def _now(now: datetime | None) -> datetime:
    return now or datetime.now().replace(microsecond=0)


def _name(first: str, last: str) -> str:
    return f"{first} {last}".strip() or "(no name)"


def _chats(query) -> list[r.Chat]:
    rows = query.select(m.Chat, m.Contact.first_name, m.Contact.last_name).join(m.Contact)
    return [
        convert.chat(row, _name(row.contact.first_name, row.contact.last_name)) for row in rows
    ]


def upcoming_chats(store: Store, now: datetime | None = None,
                   days: int = UPCOMING_DAYS) -> list[r.Chat]:
    """Scheduled or running chats from the start of today to `days` ahead, soonest first."""
    now = _now(now)
    start = datetime.combine(now.date(), datetime.min.time())
    query = (
        m.Chat.select()
        .where(m.Chat.status.in_([s.value for s in UPCOMING_STATUSES]),
               m.Chat.scheduled_at >= start,
               m.Chat.scheduled_at < now + timedelta(days=days))
        .order_by(m.Chat.scheduled_at)
    )
    return _chats(query)


def thank_you_due_at(chat: r.Chat) -> datetime | None:
    """When the thank-you for this chat is due: as stored, else 24 h after it ended."""
    if chat.thank_you_due is not None:
        return chat.thank_you_due
    ended = chat.ended_at or (
        chat.scheduled_at + timedelta(minutes=chat.minutes) if chat.scheduled_at else None
    )
    return ended + timedelta(hours=THANK_YOU_HOURS) if ended else None


def thank_yous_due(store: Store, now: datetime | None = None) -> list[r.Chat]:
    """Held chats still waiting for a thank-you, with `thank_you_due` filled in, soonest first.

    They are due from the moment the chat is held, so none is left out for being early.
    """
    query = m.Chat.select().where(
        m.Chat.status.in_([s.value for s in THANK_STATUSES]),
        m.Chat.thank_you_sent_at.is_null(),
    )
    chats = [replace(c, thank_you_due=thank_you_due_at(c)) for c in _chats(query)]
    chats.sort(key=lambda c: (c.thank_you_due is None, c.thank_you_due or datetime.max))
    return chats


def follow_ups_due(store: Store, now: datetime | None = None,
                   skip_chat_ids: set[int] = frozenset()) -> list[FollowUpRow]:
    """Open follow-ups due today or earlier, oldest first.

    A thank-you follow-up of a chat in `skip_chat_ids` is left out: Today already lists
    that chat's thank-you.
    """
    today = _now(now).date()
    query = (
        m.FollowUp.select(m.FollowUp, m.Contact.first_name, m.Contact.last_name)
        .join(m.Contact)
        .where(m.FollowUp.done_at.is_null(), m.FollowUp.due <= today)
        .order_by(m.FollowUp.due, m.FollowUp.id)
    )
    out = []
    for row in query:
        if row.kind == FollowUpKind.THANK_YOU.value and row.chat_id in skip_chat_ids:
            continue
        name = _name(row.contact.first_name, row.contact.last_name)
        out.append(FollowUpRow(convert.follow_up(row), name))
    return out


def keep_in_touch_due(store: Store, now: datetime | None = None) -> list[r.ContactRow]:
    """Contacts whose next keep-in-touch date is today or earlier, most overdue first."""
    today = _now(now).date()
    # The contacts service owns how "last contact" is derived; reuse its query so the two
    # pages never disagree, but only for contacts that have a cadence at all.
    sql = (contacts_service._ROWS_SQL
           + " WHERE c.archived = 0 AND last.d IS NOT NULL"
             " AND coalesce(c.cadence_days, tags.cadence) > 0")
    rows = []
    for (cid, first, last_name, company, role, source, cadence, archived, tags, mails,
         last) in store.db.execute_sql(sql):
        last_contact = date.fromisoformat(str(last)[:10])
        due = next_keep_in_touch(last_contact, cadence)
        if due is None or due > today:
            continue
        rows.append(r.ContactRow(
            id=cid, name=f"{first} {last_name}".strip() or company or "(no name)",
            company=company, role=role, source=Source.parse(source, Source.OTHER),
            last_contact=last_contact, next_keep_in_touch=due,
            tags=tuple(tags.split(contacts_service.SEP)) if tags else (),
            emails=tuple(mails.split(contacts_service.SEP)) if mails else (),
            archived=bool(archived),
        ))
    rows.sort(key=lambda row: (row.next_keep_in_touch, fold(row.name)))
    return rows


def summary(store: Store, now: datetime | None = None) -> Figures:
    """People, chats held, scheduled, awaiting a reply, and things overdue."""
    now = _now(now)
    one = lambda sql, *args: store.db.execute_sql(sql, args).fetchone()[0]  # noqa: E731
    by_status = dict(store.db.execute_sql("SELECT status, count(*) FROM chat GROUP BY status"))
    late_thanks = sum(
        1 for c in thank_yous_due(store, now) if c.thank_you_due and c.thank_you_due < now
    )
    late_follow_ups = one(
        "SELECT count(*) FROM follow_up WHERE done_at IS NULL AND due < ?", now.date()
    )
    return Figures(
        people=one("SELECT count(*) FROM contact WHERE archived = 0"),
        held=sum(by_status.get(s.value, 0) for s in HELD_STATUSES),
        scheduled=by_status.get(ChatStatus.SCHEDULED.value, 0),
        awaiting_reply=by_status.get(ChatStatus.REQUESTED.value, 0),
        overdue=late_thanks + late_follow_ups,
    )


def due_count(store: Store, now: datetime | None = None) -> int:
    """How many things Today asks the user to do now (the badge beside Today)."""
    now = _now(now)
    thanks = thank_yous_due(store, now)
    follow_ups = follow_ups_due(store, now, {c.id for c in thanks})
    return len(thanks) + len(follow_ups) + len(keep_in_touch_due(store, now))


def open_chats_count(store: Store) -> int:
    """Chats still in motion (requested, scheduled or in progress): the badge beside Chats."""
    statuses = [s.value for s in (ChatStatus.REQUESTED, *UPCOMING_STATUSES)]
    return m.Chat.select().where(m.Chat.status.in_(statuses)).count()


def mark_follow_up_done(store: Store, follow_up_id: int, now: datetime | None = None) -> None:
    with store.atomic():
        count = (m.FollowUp.update(done_at=_now(now))
                 .where(m.FollowUp.id == follow_up_id).execute())
    if not count:
        raise NotFound(f"There is no follow-up {follow_up_id}.")


def log_check_in(store: Store, contact_id: int, now: datetime | None = None,
                 text: str = "") -> r.Interaction:
    """Records that the user got in touch today, which restarts the keep-in-touch clock."""
    contacts_service.get(store, contact_id)  # raises NotFound
    with store.atomic():
        row = m.Interaction.create(contact=contact_id, kind=InteractionKind.MESSAGE.value,
                                   at=_now(now), text=text)
    return convert.interaction(row)
