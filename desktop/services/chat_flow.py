"""The life of a chat: idea → requested → scheduled → in progress → held → wrapped up → thanked.

Each step is one transaction that sets the status and the stamps, and makes the follow-ups
the practice asks for: a nudge a week after a request, the thank-you within 24 hours of the
end (or the preferences' hours), a check-in four weeks later, a reach-out to each referral,
and one per promise. A step never moves a chat backwards (starting a chat that was already
held keeps it held).
`now` is injectable so tests fix the clock.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desktop.db import Store
from desktop.db import models as m
from desktop.domain import records as r
from desktop.domain.enums import ChatStatus, FollowUpKind, Source
from desktop.domain.rules import CHECK_IN_DAYS, NUDGE_DAYS, thank_you_due
from desktop.errors import UserError
from desktop.services import chats, preferences
from desktop.services import contacts as contacts_service
from desktop.services import profile as profile_service

BEFORE = (ChatStatus.IDEA, ChatStatus.REQUESTED, ChatStatus.SCHEDULED, ChatStatus.NO_REPLY,
          ChatStatus.CANCELLED)
HELD = (ChatStatus.HELD, ChatStatus.WRAPPED_UP, ChatStatus.THANKED)
NUDGES_BEFORE_NO_REPLY = 2
REFERRAL_REACH_OUT_DAYS = 2
PROMISE_DAYS = 7
MINE_PREFIX = "I promised: "
THEIRS_PREFIX = "They promised: "


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(microsecond=0)


def _follow_ups(chat_id: int, kind: FollowUpKind, *, open_only: bool = False):
    query = m.FollowUp.select().where((m.FollowUp.chat == chat_id)
                                      & (m.FollowUp.kind == kind.value))
    if open_only:
        query = query.where(m.FollowUp.done_at.is_null())
    return query


def new_for_contact(store: Store, contact_id: int, **values) -> r.Chat:
    """An idea chat with this contact: the pitch from the profile, research from the contact,
    the agreed minutes from the preferences."""
    contact = contacts_service.get(store, contact_id)
    values.setdefault("minutes", preferences.chat_minutes(store))
    values.setdefault("pitch", profile_service.get(store).pitch)
    values.setdefault("research", contact.research)
    return chats.create(store, contact_id, status=ChatStatus.IDEA, **values)


def mark_requested(store: Store, chat_id: int, now: datetime | None = None) -> r.Chat:
    """The request went out: status requested, and a nudge due a week later."""
    stamp = _now(now)
    chat = chats.get(store, chat_id)
    with store.atomic():
        chats.update(store, chat_id, status=ChatStatus.REQUESTED)
        if not _follow_ups(chat_id, FollowUpKind.NUDGE, open_only=True).exists():
            chats.add_follow_up(store, chat.contact_id, FollowUpKind.NUDGE,
                                stamp.date() + timedelta(days=NUDGE_DAYS),
                                "Nudge if there is no reply yet.", chat_id=chat_id)
    return chats.get(store, chat_id)


def nudges_sent(store: Store, chat_id: int) -> int:
    return _follow_ups(chat_id, FollowUpKind.NUDGE).where(m.FollowUp.done_at.is_null(False)
                                                          ).count()


def nudge_sent(store: Store, chat_id: int, now: datetime | None = None) -> int:
    """A nudge went out: the open nudge is done and the next one is due a week later.

    Returns how many nudges have been sent; from `NUDGES_BEFORE_NO_REPLY` on the wizard
    suggests marking the chat "no reply" instead of nudging again.
    """
    stamp = _now(now)
    chat = chats.get(store, chat_id)
    with store.atomic():
        done = m.FollowUp.update(done_at=stamp).where(
            (m.FollowUp.chat == chat_id) & (m.FollowUp.kind == FollowUpKind.NUDGE.value)
            & m.FollowUp.done_at.is_null()).execute()
        if not done:  # sent without a reminder: still counts
            m.FollowUp.create(contact=chat.contact_id, chat=chat_id, due=stamp.date(),
                              kind=FollowUpKind.NUDGE.value, text="Nudge sent.", done_at=stamp)
        sent = nudges_sent(store, chat_id)
        if sent < NUDGES_BEFORE_NO_REPLY:
            chats.add_follow_up(store, chat.contact_id, FollowUpKind.NUDGE,
                                stamp.date() + timedelta(days=NUDGE_DAYS),
                                "Nudge again if there is still no reply.", chat_id=chat_id)
    return sent


def suggest_no_reply(chat: r.Chat, sent: int) -> bool:
    return chat.status is ChatStatus.REQUESTED and sent >= NUDGES_BEFORE_NO_REPLY


def _drop_open_nudges(chat_id: int) -> None:
    m.FollowUp.delete().where(
        (m.FollowUp.chat == chat_id) & (m.FollowUp.kind == FollowUpKind.NUDGE.value)
        & m.FollowUp.done_at.is_null()).execute()


def said_yes(store: Store, chat_id: int) -> r.Chat:
    """They agreed: status scheduled; the nudges still open are no longer needed."""
    with store.atomic():
        chats.update(store, chat_id, status=ChatStatus.SCHEDULED)
        _drop_open_nudges(chat_id)
    return chats.get(store, chat_id)


def no_reply(store: Store, chat_id: int) -> r.Chat:
    with store.atomic():
        chats.update(store, chat_id, status=ChatStatus.NO_REPLY)
        _drop_open_nudges(chat_id)
    return chats.get(store, chat_id)


def start(store: Store, chat_id: int, now: datetime | None = None) -> r.Chat:
    """Records the start (once) and puts a chat that had not happened yet in progress."""
    chat = chats.get(store, chat_id)
    values: dict = {}
    if chat.started_at is None:
        values["started_at"] = _now(now)
    if chat.status in BEFORE:
        values["status"] = ChatStatus.IN_PROGRESS
    if values:
        with store.atomic():
            chats.update(store, chat_id, **values)
            _drop_open_nudges(chat_id)
    return chats.get(store, chat_id)


def end(store: Store, chat_id: int, now: datetime | None = None) -> r.Chat:
    """Records the end: status held, thank-you due (preferences: 24 h) later, the follow-ups."""
    chat = chats.get(store, chat_id)
    stamp = _now(now)
    ended = chat.ended_at or stamp
    due = chat.thank_you_due or thank_you_due(ended, preferences.thank_you_hours(store))
    values: dict = {"ended_at": ended, "thank_you_due": due}
    if chat.started_at is None:
        values["started_at"] = ended
    if chat.status not in HELD:
        values["status"] = ChatStatus.HELD
    with store.atomic():
        chats.update(store, chat_id, **values)
        ensure_default_follow_ups(store, chat_id)
    return chats.get(store, chat_id)


def ensure_default_follow_ups(store: Store, chat_id: int) -> tuple[r.FollowUp, ...]:
    """The thank-you (the preference, 24 h, after the end) and a check-in (4 weeks), unless
    already there."""
    chat = chats.get(store, chat_id)
    ended = chat.ended_at or _now(None)
    with store.atomic():
        if chat.thank_you_sent_at is None and not _follow_ups(
                chat_id, FollowUpKind.THANK_YOU).exists():
            due = (chat.thank_you_due
                   or thank_you_due(ended, preferences.thank_you_hours(store))).date()
            chats.add_follow_up(store, chat.contact_id, FollowUpKind.THANK_YOU, due,
                                "Send the thank-you.", chat_id=chat_id)
        if not _follow_ups(chat_id, FollowUpKind.CHECK_IN).exists():
            chats.add_follow_up(store, chat.contact_id, FollowUpKind.CHECK_IN,
                                ended.date() + timedelta(days=CHECK_IN_DAYS),
                                "Check in with an update on how things went.", chat_id=chat_id)
    return chats.follow_ups(store, chat_id)


def mark_thank_you_sent(store: Store, chat_id: int, now: datetime | None = None) -> r.Chat:
    """The thank-you went out: stamped, the chat thanked, its thank-you follow-up done."""
    chat = chats.get(store, chat_id)
    stamp = _now(now)
    values: dict = {"thank_you_sent_at": chat.thank_you_sent_at or stamp}
    if chat.status in (ChatStatus.IN_PROGRESS, *HELD) or chat.ended_at is not None:
        values["status"] = ChatStatus.THANKED
    with store.atomic():
        chats.update(store, chat_id, **values)
        m.FollowUp.update(done_at=stamp).where(
            (m.FollowUp.chat == chat_id) & (m.FollowUp.kind == FollowUpKind.THANK_YOU.value)
            & m.FollowUp.done_at.is_null()).execute()
    return chats.get(store, chat_id)


def finish(store: Store, chat_id: int, now: datetime | None = None) -> r.Chat:
    """The wizard's Finish: wrapped up, or thanked when the thank-you is sent."""
    chat = chats.get(store, chat_id)
    if chat.status is ChatStatus.IN_PROGRESS:
        chat = end(store, chat_id, now)
    if chat.status not in (ChatStatus.HELD, ChatStatus.WRAPPED_UP, ChatStatus.THANKED):
        return chat  # it never happened: nothing to wrap up
    status = ChatStatus.THANKED if chat.thank_you_sent_at else ChatStatus.WRAPPED_UP
    return chats.update(store, chat_id, status=status)


def add_referral(store: Store, chat_id: int, person: r.Contact, *, why: str = "",
                 now: datetime | None = None) -> tuple[r.Contact, r.FollowUp]:
    """Someone they offered to introduce: a contact referred by them and a reach-out."""
    chat = chats.get(store, chat_id)
    if not (person.first_name.strip() or person.last_name.strip()):
        raise UserError("A referral needs a name.")
    stamp = _now(now)
    research = "\n".join(t for t in (person.research.strip(), why.strip()) if t)
    with store.atomic():
        saved = contacts_service.save(store, r.Contact(
            first_name=person.first_name, last_name=person.last_name, role=person.role,
            company=person.company, emails=person.emails, source=Source.REFERRAL,
            referred_by_id=chat.contact_id, research=research, created_at=stamp))
        text = f"Reach out — referred by {chat.contact_name}." if chat.contact_name else \
            "Reach out to this referral."
        follow_up = chats.add_follow_up(
            store, saved.id, FollowUpKind.INTRODUCTION,
            (chat.ended_at or stamp).date() + timedelta(days=REFERRAL_REACH_OUT_DAYS),
            text, chat_id=chat_id)
    return saved, follow_up


def referrals(store: Store, chat_id: int) -> list[r.Contact]:
    """People this chat's contact referred, as made from this chat's wrap-up."""
    chat = chats.get(store, chat_id)
    ids = dict.fromkeys(row.contact_id for row in _follow_ups(chat_id, FollowUpKind.INTRODUCTION))
    rows = m.Contact.select(m.Contact.id).where(m.Contact.id.in_(list(ids))
                                                & (m.Contact.referred_by == chat.contact_id))
    found = {row.id for row in rows}
    return [contacts_service.get(store, cid) for cid in ids if cid in found]


def add_promise(store: Store, chat_id: int, text: str, *, mine: bool,
                due: date | None = None) -> r.FollowUp:
    """A promise made in the chat becomes a follow-up ("I promised: …" / "They promised: …")."""
    text = " ".join(text.split())
    if not text:
        raise UserError("A promise needs some text.")
    chat = chats.get(store, chat_id)
    base = (chat.ended_at or _now(None)).date()
    prefix = MINE_PREFIX if mine else THEIRS_PREFIX
    existing = _follow_ups(chat_id, FollowUpKind.PROMISE).where(
        m.FollowUp.text.in_([MINE_PREFIX + text, THEIRS_PREFIX + text])).first()
    if existing is not None:
        return chats.update_follow_up(store, existing.id, text=prefix + text)
    return chats.add_follow_up(store, chat.contact_id, FollowUpKind.PROMISE,
                               due or base + timedelta(days=PROMISE_DAYS * (1 if mine else 2)),
                               prefix + text, chat_id=chat_id)


def promise_of(follow_up: r.FollowUp) -> tuple[str, bool] | None:
    """(text, mine) for a promise follow-up made by `add_promise`, else None."""
    if follow_up.kind is not FollowUpKind.PROMISE:
        return None
    for prefix, mine in ((MINE_PREFIX, True), (THEIRS_PREFIX, False)):
        if follow_up.text.startswith(prefix):
            return follow_up.text[len(prefix):], mine
    return follow_up.text, True
