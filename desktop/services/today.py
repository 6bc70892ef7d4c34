"""What needs doing now: everything the Today page shows, built with a few aggregate queries.

- chats in the next 7 days (scheduled, requested with a time, or in progress);
- thank-yous due: held or wrapped-up chats without a sent thank-you, with hours left;
- follow-ups due today or earlier and not done (a referrer's update is made here, once);
- contacts due a keep-in-touch: last contact (latest held chat, logged interaction or done
  follow-up) + cadence (the contact's own, else the smallest of its tags', else the app's
  default from the settings) is today or earlier, unless snoozed or already in motion;
- when nothing is due, suggestions: a referral not yet reached, a contact not yet asked.
Built in a handful of SQL statements whatever the number of contacts (no query per contact);
`now` is injectable so tests and the page agree on one moment.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from desktop.db import Store
from desktop.domain import keep_in_touch as kit
from desktop.domain.enums import FollowUpKind
from desktop.domain.keep_in_touch import (
    HELD_STATUSES,
    Reminder,
    Today,
    TodaySummary,
    TodoItem,
    TodoKind,
    days_overdue,
    hours_left,
    is_late,
    starts_soon,
    thank_you_warning,
    upcoming_window,
    update_message,
)
from desktop.services import followups
from desktop.services.keep_in_touch_sql import (
    CADENCE,
    HELD_IN,
    LAST_CONTACT_CTE,
    default_cadence,
)

if TYPE_CHECKING:
    from desktop.domain import records as r
    from desktop.domain.drafts import Draft

# Start-up imports this module for the first page: what only a row's action or an export
# needs (records, drafts, the chat and contact services) is imported when that runs.

KEEP_IN_TOUCH_LIMIT = 50
_FOLLOW_UP_KINDS = {kind.value: kind for kind in FollowUpKind}
SUGGESTIONS = 3
# Name, company and first e-mail of contact `c` (company `co` joined by the caller).
_WHO = """trim(c.first_name || ' ' || c.last_name), coalesce(co.name, ''), c.role,
  coalesce((SELECT e.value FROM contact_email e WHERE e.contact_id = c.id
            ORDER BY e.position, e.id LIMIT 1), '')"""


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(microsecond=0)


def _text(value: datetime | date) -> str:
    return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()


def _dt(value) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _d(value) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def thank_you_due_at(chat: r.Chat) -> datetime | None:
    """When this chat's thank-you is due: as stored, else 24 h after it ended."""
    return kit.thank_you_due_at(chat.thank_you_due, chat.ended_at, chat.scheduled_at,
                                chat.minutes)


def summary(store: Store, now: datetime | None = None) -> TodaySummary:
    """People, chats held, scheduled, awaiting a reply; `overdue` is filled in by `build`."""
    people, held, scheduled, requested = store.sql(
        f"""SELECT (SELECT count(*) FROM contact WHERE archived = 0),
                   (SELECT count(*) FROM chat WHERE status IN ({HELD_IN})),
                   (SELECT count(*) FROM chat WHERE status = 'scheduled'),
                   (SELECT count(*) FROM chat WHERE status = 'requested')"""
    ).fetchone()
    return TodaySummary(people, held, scheduled, requested, 0)


def upcoming_chats(store: Store, now: datetime | None = None) -> list[TodoItem]:
    """Chats from the start of today to 7 days ahead, and any chat under way, soonest first."""
    start, end = upcoming_window(_now(now))
    rows = store.sql(
        f"""SELECT ch.id, ch.contact_id, {_WHO}, ch.status, ch.scheduled_at, ch.minutes,
                   ch.medium, ch.place
              FROM chat ch JOIN contact c ON c.id = ch.contact_id
              LEFT JOIN company co ON co.id = c.company_id
             WHERE (ch.status IN ('scheduled', 'requested')
                    AND ch.scheduled_at >= ? AND ch.scheduled_at < ?)
                OR ch.status = 'in_progress'
             ORDER BY ch.scheduled_at IS NULL, ch.scheduled_at, ch.id""",
        (_text(start), _text(end)),
    )
    return [
        TodoItem(TodoKind.CHAT, cid, name or company, company, role, email, chat_id=chat_id,
                  chat_status=status, when=_dt(at), minutes=minutes, medium=medium, place=place)
        for chat_id, cid, name, company, role, email, status, at, minutes, medium, place in rows
    ]


def thank_yous(store: Store, now: datetime | None = None) -> list[TodoItem]:
    """Held chats still waiting for their thank-you, soonest due first, with hours left."""
    now = _now(now)
    rows = store.sql(
        f"""SELECT ch.id, ch.contact_id, {_WHO}, ch.status, ch.thank_you_due, ch.ended_at,
                   ch.scheduled_at, ch.minutes
              FROM chat ch JOIN contact c ON c.id = ch.contact_id
              LEFT JOIN company co ON co.id = c.company_id
             WHERE ch.status IN ('held', 'wrapped_up') AND ch.thank_you_sent_at IS NULL"""
    )
    items = []
    for chat_id, cid, name, company, role, email, status, due, ended, at, minutes in rows:
        when = kit.thank_you_due_at(_dt(due), _dt(ended), _dt(at), minutes) or now
        items.append(TodoItem(
            TodoKind.THANK_YOU, cid, name or company, company, role, email, chat_id=chat_id,
            chat_status=status, when=when, hours_left=hours_left(when, now),
            late=is_late(when, now), minutes=minutes,
        ))
    items.sort(key=lambda item: (item.when, item.chat_id))
    return items


def follow_ups_due(store: Store, now: datetime | None = None,
                   skip_chat_ids: set[int] | frozenset[int] = frozenset()) -> list[TodoItem]:
    """Open follow-ups due today or earlier, oldest first.

    A thank-you follow-up is left out when its chat's thank-you is listed (in
    `skip_chat_ids`) or already sent: Today shows each thank-you once.
    """
    now = _now(now)
    rows = store.sql(
        f"""SELECT f.id, f.contact_id, {_WHO}, f.kind, f.text, f.due, f.chat_id,
                   ch.thank_you_sent_at,
                   CASE WHEN ch.contact_id != f.contact_id
                        THEN trim(about.first_name || ' ' || about.last_name) ELSE '' END
              FROM follow_up f JOIN contact c ON c.id = f.contact_id
              LEFT JOIN company co ON co.id = c.company_id
              LEFT JOIN chat ch ON ch.id = f.chat_id
              LEFT JOIN contact about ON about.id = ch.contact_id
             WHERE f.done_at IS NULL AND f.due <= ? AND c.archived = 0
             ORDER BY f.due, f.id""",
        (_text(now.date()),),
    )
    items = []
    for (fid, cid, name, company, role, email, kind, text, due, chat_id, sent,
         about) in rows:
        kind = _FOLLOW_UP_KINDS.get(kind) or FollowUpKind.parse(kind, FollowUpKind.CHECK_IN)
        if kind is FollowUpKind.THANK_YOU and (chat_id in skip_chat_ids or sent):
            continue
        due_date = _d(due) or now.date()
        overdue = days_overdue(due_date, now)
        items.append(TodoItem(
            TodoKind.FOLLOW_UP, cid, name or company, company, role, email, chat_id=chat_id,
            follow_up_id=fid, follow_up_kind=kind, text=text, when=due_date,
            days_overdue=overdue, late=overdue > 0, about_name=about or "",
        ))
    return items


# The smallest cadence of a contact's tags, looked up per contact (the primary key of
# contact_tag starts with contact_id): 2-3 ms less at 10,000 contacts than grouping every
# tag first and joining the result (bench/today_insights.py).
_TAG_CADENCE = """(SELECT min(tg.cadence_days) FROM contact_tag ct JOIN tag tg ON tg.id = ct.tag_id
                    WHERE ct.contact_id = c.id AND tg.cadence_days > 0)"""


# Contacts due a keep-in-touch, in one statement: last contact per contact from the three
# sources, cadence from contact / smallest tag / app default, minus snoozed contacts and
# those already in motion (a chat on the way or a follow-up open). The names and e-mails
# are looked up for the 50 rows shown only, after the sort.
_KEEP_IN_TOUCH_SQL = f"""
WITH {LAST_CONTACT_CTE}, due AS MATERIALIZED (
    SELECT x.id, x.last_d, x.next_d FROM (
        SELECT c.id, last.d AS last_d,
               date(last.d, '+' || coalesce({CADENCE.format(tag_days=_TAG_CADENCE)}, ?)
                    || ' days') AS next_d
          FROM last JOIN contact c ON c.id = last.contact_id
         WHERE c.archived = 0) AS x
     WHERE x.next_d <= ?
       AND NOT EXISTS (SELECT 1 FROM keep_in_touch_snooze s
                        WHERE s.contact_id = x.id AND s.until > ?)
       AND NOT EXISTS (SELECT 1 FROM chat ch WHERE ch.contact_id = x.id
                        AND ch.status IN ('requested', 'scheduled', 'in_progress'))
       AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.contact_id = x.id
                        AND f.done_at IS NULL)
), shown AS (
    SELECT * FROM due ORDER BY next_d, id LIMIT {KEEP_IN_TOUCH_LIMIT}
)
SELECT shown.id, {_WHO}, shown.last_d, shown.next_d, (SELECT count(*) FROM due)
  FROM shown JOIN contact c ON c.id = shown.id
  LEFT JOIN company co ON co.id = c.company_id
 ORDER BY shown.next_d, shown.id
"""


def keep_in_touch_due(store: Store, now: datetime | None = None) -> tuple[list[TodoItem], int]:
    """Contacts due a keep-in-touch, most overdue first (at most 50), and how many in all."""
    now = _now(now)
    cadence = default_cadence(store)
    today = _text(now.date())
    rows = store.sql(_KEEP_IN_TOUCH_SQL, (cadence, today, today)).fetchall()
    items = []
    for cid, name, company, role, email, last, next_d, _total in rows:
        due = _d(next_d) or now.date()
        overdue = days_overdue(due, now)
        items.append(TodoItem(
            TodoKind.KEEP_IN_TOUCH, cid, name or company, company, role, email, when=due,
            days_overdue=overdue, late=False, last_contact=_d(last),
        ))
    return items, (rows[0][-1] if rows else 0)


def suggestions(store: Store, limit: int = SUGGESTIONS) -> list[TodoItem]:
    """The next useful things when nothing is due: referrals not yet reached first, then
    contacts not yet asked for a chat (newest first, so a fresh import shows fresh names)."""
    rows = store.sql(
        f"""SELECT c.id, {_WHO}, coalesce(trim(ref.first_name || ' ' || ref.last_name), '')
              FROM contact c LEFT JOIN company co ON co.id = c.company_id
              LEFT JOIN contact ref ON ref.id = c.referred_by_id
             WHERE c.archived = 0
               AND NOT EXISTS (SELECT 1 FROM chat ch WHERE ch.contact_id = c.id)
               AND NOT EXISTS (SELECT 1 FROM interaction i WHERE i.contact_id = c.id)
             ORDER BY c.referred_by_id IS NULL, c.created_at DESC, c.id DESC
             LIMIT ?""",
        (limit,),
    )
    return [
        TodoItem(TodoKind.REACH_REFERRAL if referrer else TodoKind.ASK_FOR_CHAT, cid,
                  name or company, company, role, email, referrer_name=referrer)
        for cid, name, company, role, email, referrer in rows
    ]


def build(store: Store, now: datetime | None = None) -> Today:
    """Everything Today shows. Makes any missing referrer update first (one statement)."""
    now = _now(now)
    followups.ensure_referral_follow_ups(store, now)
    thanks = thank_yous(store, now)
    follow_ups = follow_ups_due(store, now, {t.chat_id for t in thanks if t.chat_id})
    keep, keep_total = keep_in_touch_due(store, now)
    base = summary(store, now)
    overdue = sum(1 for t in thanks if t.late) + sum(1 for f in follow_ups if f.late)
    today = Today(
        now=now,
        summary=TodaySummary(base.people, base.held, base.scheduled, base.awaiting_reply,
                             overdue),
        chats=tuple(upcoming_chats(store, now)),
        thank_yous=tuple(thanks),
        follow_ups=tuple(follow_ups),
        keep_in_touch=tuple(keep),
        keep_in_touch_total=keep_total,
    )
    if today.nothing_due:
        today = Today(today.now, today.summary, suggestions=tuple(suggestions(store)))
    return today


def due_count(store: Store, now: datetime | None = None) -> int:
    """How many things Today asks the user to do now (the badge beside Today)."""
    now = _now(now)
    thanks = thank_yous(store, now)
    follow_ups = follow_ups_due(store, now, {t.chat_id for t in thanks if t.chat_id})
    return len(thanks) + len(follow_ups) + keep_in_touch_due(store, now)[1]


def open_chats_count(store: Store) -> int:
    """Chats still in motion (requested, scheduled or in progress): the badge beside Chats."""
    return store.sql(
        "SELECT count(*) FROM chat WHERE status IN ('requested', 'scheduled', 'in_progress')"
    ).fetchone()[0]


def reminders(store: Store, now: datetime | None = None) -> list[Reminder]:
    """Tray messages due now: a chat starting within 15 minutes, a thank-you 4 hours from late.

    Each has a key naming the thing and its time, so a moved chat is announced again.
    """
    now = _now(now)
    out = []
    rows = store.sql(
        """SELECT ch.id, trim(c.first_name || ' ' || c.last_name), ch.scheduled_at
             FROM chat ch JOIN contact c ON c.id = ch.contact_id
            WHERE ch.status IN ('scheduled', 'requested') AND ch.scheduled_at >= ?
              AND ch.scheduled_at <= ?""",
        (_text(now), _text(now + timedelta(minutes=60))),
    )
    for chat_id, name, at in rows:
        start = _dt(at)
        if start and starts_soon(start, now):
            out.append(Reminder(f"chat:{chat_id}:{start:%Y%m%d%H%M}", TodoKind.CHAT, name,
                                start, chat_id))
    for item in thank_yous(store, now):
        if isinstance(item.when, datetime) and thank_you_warning(item.when, now):
            out.append(Reminder(f"thanks:{item.chat_id}:{item.when:%Y%m%d%H%M}",
                                TodoKind.THANK_YOU, item.name, item.when, item.chat_id))
    return out


def calendar_chats(store: Store, now: datetime | None = None) -> list[r.Chat]:
    """Every upcoming chat with a time, for calendar export: not yet over, any status but
    idea; cancelled ones too, so re-importing the file cancels them in the calendar."""
    from desktop.services import chats as chats_service

    now = _now(now)
    return [
        chat for chat in chats_service.list_chats(store)
        if chat.scheduled_at is not None and chat.status.value != "idea"
        and chat.scheduled_at + timedelta(minutes=chat.minutes or 0) >= now
        and chat.status.value not in HELD_STATUSES
    ]


def draft_for(store: Store, item: TodoItem) -> tuple[str, Draft]:
    """(to, draft) of the e-mail a Today row offers: the thank-you (the wizard's own text when
    the user already wrote one), a nudge, or an update (thanks for an introduction)."""
    from desktop.domain import drafts
    from desktop.services import chat_flow
    from desktop.services import chats as chats_service
    from desktop.services import contacts as contacts_service
    from desktop.services import profile as profile_service

    contact = contacts_service.get(store, item.contact_id)
    profile = profile_service.get(store)
    to = contact.primary_email
    kind = item.follow_up_kind
    if item.chat_id is not None and (item.kind is TodoKind.THANK_YOU
                                     or kind is FollowUpKind.THANK_YOU):
        detail = chats_service.detail(store, item.chat_id)
        if detail.chat.thank_you_text.strip():
            return to, drafts.Draft("Thank you for your time", detail.chat.thank_you_text)
        choices = drafts.takeaway_choices(detail.chat.takeaways,
                                          [i.text for i in detail.insights])
        promises = [drafts.Promise(*found) for f in detail.follow_ups
                    if (found := chat_flow.promise_of(f)) is not None]
        return to, drafts.thank_you(profile, contact, takeaway=choices[0] if choices else "",
                                    promises=promises)
    if kind is FollowUpKind.NUDGE:
        minutes = chats_service.get(store, item.chat_id).minutes if item.chat_id else 30
        return to, drafts.nudge_message(profile, contact, minutes=minutes)
    return to, update_message(profile, contact, about_name=item.about_name)
