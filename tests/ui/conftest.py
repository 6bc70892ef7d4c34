"""Fixtures for window tests: a store with a few records, and a main window of its own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from desktop.domain import records as r
from desktop.domain.enums import ChatStatus, FollowUpKind, InsightKind
from desktop.services import chats, contacts


@dataclass
class Seeded:
    ana: int
    omar: int
    scheduled_chat: int
    held_chat: int
    follow_up: int


def seed(store) -> Seeded:
    """Two contacts, a chat tomorrow, a held chat without thank-you, a late follow-up."""
    now = datetime.now().replace(microsecond=0, second=0)
    ana = contacts.save(store, r.Contact(first_name="Ana", last_name="Łukasiewicz",
                                         company="Shopify", role="Data Scientist",
                                         tags=("alumni",))).id
    omar = contacts.save(store, r.Contact(first_name="Omar", last_name="Haddad",
                                          company="Stripe", cadence_days=30)).id
    scheduled = chats.create(store, ana, status=ChatStatus.SCHEDULED,
                             scheduled_at=now + timedelta(days=1), goal="Data careers").id
    held = chats.create(store, omar, status=ChatStatus.HELD,
                        scheduled_at=now - timedelta(days=40),
                        ended_at=now - timedelta(days=40)).id
    follow_up = chats.add_follow_up(store, omar, FollowUpKind.CHECK_IN,
                                    date.today() - timedelta(days=2), "Send the article").id
    chats.add_insight(store, held, "Learn SQL", InsightKind.SKILL)
    return Seeded(ana, omar, scheduled, held, follow_up)


@pytest.fixture
def seeded(store) -> Seeded:
    return seed(store)


@pytest.fixture
def window(qtbot, store):
    from desktop.ui.main_window import MainWindow

    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
