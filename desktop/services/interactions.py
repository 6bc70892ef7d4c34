"""Logged interactions (an e-mail, a call, a message, meeting in person) with a contact.

Logging one resets the contact's keep-in-touch clock: last contact is the latest held chat,
logged interaction or done follow-up, and the next keep-in-touch counts from it.
"""

from __future__ import annotations

from datetime import datetime

from desktop.db import Store
from desktop.db import models as m
from desktop.domain import records as r
from desktop.domain.enums import InteractionKind
from desktop.errors import NotFound, UserError
from desktop.services import convert


def log(
    store: Store, contact_id: int, kind: InteractionKind, text: str = "",
    at: datetime | None = None,
) -> r.Interaction:
    """Records an interaction (now, unless `at` says when) and lifts any keep-in-touch snooze."""
    if m.Contact.get_or_none(m.Contact.id == contact_id) is None:
        raise NotFound(f"There is no contact {contact_id}.")
    text = " ".join((text or "").split())
    if len(text) > 500:
        raise UserError("Keep the note on an interaction to one line (500 characters at most).")
    when = (at or datetime.now()).replace(microsecond=0)
    with store.atomic():
        row = m.Interaction.create(contact=contact_id, kind=InteractionKind(kind).value,
                                   at=when, text=text)
        # The clock starts again from this interaction; an old snooze no longer means anything.
        m.KeepInTouchSnooze.delete().where(m.KeepInTouchSnooze.contact == contact_id).execute()
    return convert.interaction(row)


def for_contact(store: Store, contact_id: int) -> list[r.Interaction]:
    """The contact's interactions, latest first."""
    return [
        convert.interaction(row)
        for row in m.Interaction.select()
        .where(m.Interaction.contact == contact_id)
        .order_by(m.Interaction.at.desc(), m.Interaction.id.desc())
    ]


def delete(store: Store, interaction_id: int) -> None:
    with store.atomic():
        count = m.Interaction.delete().where(m.Interaction.id == interaction_id).execute()
    if not count:
        raise NotFound(f"There is no interaction {interaction_id}.")
