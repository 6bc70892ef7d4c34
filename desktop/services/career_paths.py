"""Career paths the user is exploring: name them, link chats to them, note how they fit.

A chat belongs to at most one path. A path's view gathers the evidence: its chats, the
insights those chats produced, the job leads tied to it or to its chats, and the user's note.
"""

from __future__ import annotations

from datetime import datetime

from desktop.db import Store
from desktop.db import models as m
from desktop.domain.enums import InsightKind
from desktop.domain.insights import CareerPath, CareerPathView, Mention, PathChat
from desktop.domain.rules import fold
from desktop.errors import NotFound, UserError


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _dt(value) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def list_paths(store: Store) -> list[CareerPath]:
    """The paths in the user's order, each with how many chats are linked to it."""
    rows = store.sql(
        """SELECT p.id, p.name, p.note, p.position,
                  (SELECT count(*) FROM chat_career_path l WHERE l.career_path_id = p.id)
             FROM career_path p WHERE p.archived = 0 ORDER BY p.position, p.id"""
    )
    return [CareerPath(name, note, pos, chats, pid) for pid, name, note, pos, chats in rows]


def get(store: Store, path_id: int) -> CareerPath:
    for path in list_paths(store):
        if path.id == path_id:
            return path
    raise NotFound(f"There is no career path {path_id}.")


def _clean_name(name: str, path_id: int | None = None) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise UserError("A career path needs a name.")
    clash = m.CareerPath.get_or_none(m.CareerPath.name_key == fold(name))
    if clash is not None and clash.id != path_id:
        if clash.archived:
            raise UserError(f"“{clash.name}” was removed earlier; choose another name.")
        raise UserError(f"There is already a career path called “{clash.name}”.")
    return name


def create(store: Store, name: str, note: str = "") -> CareerPath:
    with store.atomic():
        name = _clean_name(name)
        last = store.sql("SELECT coalesce(max(position), -1) FROM career_path"
                                    ).fetchone()[0]
        row = m.CareerPath.create(name=name, name_key=fold(name), note=note,
                                  position=last + 1)
    return get(store, row.id)


def rename(store: Store, path_id: int, name: str) -> CareerPath:
    with store.atomic():
        name = _clean_name(name, path_id)
        m.CareerPath.update(name=name, name_key=fold(name), updated_at=_now()).where(
            m.CareerPath.id == path_id).execute()
    return get(store, path_id)


def set_note(store: Store, path_id: int, note: str) -> CareerPath:
    """The user's own note on how the path fits them."""
    with store.atomic():
        if not m.CareerPath.update(note=note, updated_at=_now()).where(
                m.CareerPath.id == path_id).execute():
            raise NotFound(f"There is no career path {path_id}.")
    return get(store, path_id)


def delete(store: Store, path_id: int) -> None:
    """Removes a path; its chats and leads stay, unlinked."""
    with store.atomic():
        m.CareerPath.delete().where(m.CareerPath.id == path_id).execute()


def link_chat(store: Store, chat_id: int, path_id: int | None) -> None:
    """Links a chat to a path (None unlinks it); a chat has at most one path."""
    if m.Chat.get_or_none(m.Chat.id == chat_id) is None:
        raise NotFound(f"There is no chat {chat_id}.")
    with store.atomic():
        m.ChatCareerPath.delete().where(m.ChatCareerPath.chat == chat_id).execute()
        if path_id is not None:
            m.ChatCareerPath.create(chat=chat_id, career_path=path_id)


def path_of_chat(store: Store, chat_id: int) -> int | None:
    row = m.ChatCareerPath.get_or_none(m.ChatCareerPath.chat == chat_id)
    return row.career_path_id if row else None


def view(store: Store, path_id: int) -> CareerPathView:
    """The path with its chats, their insights and its leads: the evidence for it."""
    from desktop.services import insights as insights_service  # insights lists paths too

    path = get(store, path_id)
    chats = tuple(
        PathChat(chat_id, cid, name, status,
                 _dt(ended) or _dt(at))
        for chat_id, cid, name, status, at, ended in store.sql(
            """SELECT ch.id, ch.contact_id, trim(c.first_name || ' ' || c.last_name),
                      ch.status, ch.scheduled_at, ch.ended_at
                 FROM chat_career_path l JOIN chat ch ON ch.id = l.chat_id
                 JOIN contact c ON c.id = ch.contact_id
                WHERE l.career_path_id = ?
                ORDER BY coalesce(ch.ended_at, ch.scheduled_at, ch.created_at) DESC""",
            (path_id,))
    )
    chat_ids = {c.chat_id for c in chats}
    insights = tuple(
        Mention(iid, text, chat_id, cid, name, _dt(at))
        for iid, text, chat_id, cid, name, at, kind in store.sql(
            """SELECT i.id, i.text, i.chat_id, ch.contact_id,
                      trim(c.first_name || ' ' || c.last_name), i.created_at, i.kind
                 FROM chat_career_path l JOIN insight i ON i.chat_id = l.chat_id
                 JOIN chat ch ON ch.id = i.chat_id JOIN contact c ON c.id = ch.contact_id
                WHERE l.career_path_id = ? ORDER BY i.kind, i.id""",
            (path_id,))
        if kind != InsightKind.JOB_LEAD.value
    )
    leads = tuple(
        lead for lead in insights_service.leads(store)
        if lead.career_path_id == path_id or (lead.chat_id in chat_ids)
    )
    return CareerPathView(path, chats, insights, leads)


def chat_choices(store: Store) -> list[PathChat]:
    """Every chat that could be linked to a path (not ideas nor cancelled), latest first."""
    return [
        PathChat(chat_id, cid, name, status, _dt(ended) or _dt(at))
        for chat_id, cid, name, status, at, ended in store.sql(
            """SELECT ch.id, ch.contact_id, trim(c.first_name || ' ' || c.last_name),
                      ch.status, ch.scheduled_at, ch.ended_at
                 FROM chat ch JOIN contact c ON c.id = ch.contact_id
                WHERE ch.status NOT IN ('idea', 'cancelled')
                ORDER BY coalesce(ch.ended_at, ch.scheduled_at, ch.created_at) DESC, ch.id DESC""")
    ]
