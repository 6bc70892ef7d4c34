"""The Today page with a fixed clock: what it lists, and how its actions change what it shows."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from desktop.domain import records as r
from desktop.domain.enums import ChatStatus, FollowUpKind, InteractionKind
from desktop.domain.keep_in_touch import Reminder, TodoKind
from desktop.services import chats, contacts, interactions
from desktop.ui import interaction_dialog
from desktop.ui.pages.today import ROWS_PER_SECTION, TodayPage
from desktop.ui.reminders import Reminders, message

NOW = datetime(2025, 3, 12, 10, 0)


def person(store, first, **values):
    return contacts.save(store, r.Contact(first_name=first, last_name="Test", **values))


@pytest.fixture
def filled(store):
    ann = person(store, "Ann", emails=(r.Labelled("ann@example.org"),), company="Acme")
    bo = person(store, "Bo")
    cy = person(store, "Cy", cadence_days=30)
    soon = chats.create(store, ann.id, status=ChatStatus.SCHEDULED,
                        scheduled_at=NOW + timedelta(days=1))
    held = chats.create(store, bo.id, status=ChatStatus.HELD, scheduled_at=NOW - timedelta(
        hours=30), ended_at=NOW - timedelta(hours=29), takeaways="Portfolios beat CVs")
    nudge = chats.add_follow_up(store, ann.id, FollowUpKind.NUDGE, date(2025, 3, 10),
                                "Nudge Ann")
    interactions.log(store, cy.id, InteractionKind.CALL, at=datetime(2025, 1, 1))
    return {"ann": ann, "bo": bo, "cy": cy, "soon": soon, "held": held, "nudge": nudge}


@pytest.fixture
def page(qtbot, store):
    def make():
        widget = TodayPage(store, now=NOW)
        qtbot.addWidget(widget)
        widget.resize(1200, 900)
        widget.show()
        return widget
    return make


def test_it_lists_each_kind_of_thing_to_do(page, filled):
    today = page()
    assert set(today.rows) == {
        f"chat{filled['soon'].id}", f"thank_you{filled['held'].id}",
        f"follow_up{filled['nudge'].id}", f"keep_in_touch{filled['cy'].id}"}
    late = today.rows[f"thank_you{filled['held'].id}"].shown
    assert (late.name, late.when_role) == ("Bo Test", "late") and "late" in late.when
    nudge = today.rows[f"follow_up{filled['nudge'].id}"]
    assert nudge.primary.text() == "Draft nudge"
    assert today.findChild(QLabel, "figureValue_overdue").text() == "2"
    assert today.findChild(QLabel, "figureValue_overdue").property("late") is True
    assert today.count() == 3
    all_clear = today.findChild(QLabel, "heading_allClear")  # made when first needed
    assert all_clear is None or not all_clear.isVisibleTo(today)


def test_thank_you_hours_left_is_accent_until_late(page, store):
    bo = person(store, "Bo")
    chat = chats.create(store, bo.id, status=ChatStatus.HELD, ended_at=NOW - timedelta(hours=19))
    row = page().rows[f"thank_you{chat.id}"]
    assert (row.shown.when, row.shown.when_role) == ("5 h left", "accent")
    assert row.accessibleDescription() == "Thank-you for your chat  ·  5 h left"


def test_done_removes_a_thank_you(qtbot, page, filled):
    today = page()
    with qtbot.waitSignal(today.data_changed):
        qtbot.mouseClick(today.findChild(QPushButton, f"done_thank_you{filled['held'].id}"),
                         Qt.MouseButton.LeftButton)
    assert f"thank_you{filled['held'].id}" not in today.rows
    assert chats.get(today.store, filled["held"].id).status is ChatStatus.THANKED


def test_snooze_hides_a_follow_up_until_then(page, filled):
    today = page()
    key = f"follow_up{filled['nudge'].id}"
    menu = today.rows[key].snooze_menu()
    [week] = [a for a in menu.actions() if a.objectName() == f"snooze_week_{key}"]
    week.trigger()
    assert key not in today.rows
    today.set_now(NOW + timedelta(days=7))
    assert key in today.rows


def test_snooze_a_day_hides_a_keep_in_touch(page, filled):
    today = page()
    key = f"keep_in_touch{filled['cy'].id}"
    [day] = [a for a in today.rows[key].snooze_menu().actions()
             if a.objectName() == f"snooze_day_{key}"]
    day.trigger()
    assert key not in today.rows


def test_prep_and_open_ask_the_window(qtbot, page, filled):
    today = page()
    with qtbot.waitSignal(today.open_chat_requested) as blocker:
        qtbot.mouseClick(today.findChild(QPushButton, f"prep_chat{filled['soon'].id}"),
                         Qt.MouseButton.LeftButton)
    assert blocker.args == [filled["soon"].id]
    key = f"keep_in_touch{filled['cy'].id}"
    with qtbot.waitSignal(today.show_contact_requested) as blocker:
        qtbot.mouseClick(today.findChild(QPushButton, f"open_contact_{key}"),
                         Qt.MouseButton.LeftButton)
    assert blocker.args == [filled["cy"].id]


def test_draft_thank_you_hands_a_mailto_to_the_mail_program(qtbot, page, filled, monkeypatch):
    from desktop.ui.wizard import mail

    opened = []
    monkeypatch.setattr(mail, "open_url", lambda url: opened.append(url) or True)
    today = page()
    qtbot.mouseClick(today.findChild(QPushButton, f"draft_thank_you{filled['held'].id}"),
                     Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].startswith("mailto:")
    assert "Portfolios%20beat%20CVs" in opened[0] and "Bo" in opened[0]
    assert f"thank_you{filled['held'].id}" in today.rows  # drafting is not sending


def test_log_interaction_on_a_keep_in_touch_row(qtbot, page, filled, monkeypatch):
    today = page()
    seen = []

    def fake(parent, store, contact_id):
        seen.append(contact_id)
        return interactions.log(store, contact_id, InteractionKind.MESSAGE, "hi", at=NOW)

    monkeypatch.setattr(interaction_dialog, "log_interaction", fake)
    key = f"keep_in_touch{filled['cy'].id}"
    qtbot.mouseClick(today.findChild(QPushButton, f"log_{key}"), Qt.MouseButton.LeftButton)
    assert seen == [filled["cy"].id]
    assert key not in today.rows


def test_the_interaction_dialog_logs_and_resets_the_clock(qtbot, store, filled):
    dialog = interaction_dialog.InteractionDialog(store, None, now=NOW)
    qtbot.addWidget(dialog)
    dialog.contact_edit.setText("Cy Test")
    dialog.set_kind(InteractionKind.MET)
    dialog.text_edit.setText("Coffee at the conference")
    dialog.accept()
    assert dialog.logged is not None
    assert (dialog.logged.kind, dialog.logged.text) == (InteractionKind.MET,
                                                         "Coffee at the conference")
    assert dialog.logged.at == NOW


def test_the_interaction_dialog_needs_a_known_contact(qtbot, store, filled, monkeypatch):
    from desktop.ui import dialogs

    warned = []
    monkeypatch.setattr(dialogs, "warn", lambda *a, **k: warned.append(a))
    dialog = interaction_dialog.InteractionDialog(store, None, now=NOW)
    qtbot.addWidget(dialog)
    dialog.contact_edit.setText("Nobody")
    dialog.accept()
    assert warned and dialog.logged is None and dialog.result() == 0


def test_nothing_due_says_so_and_suggests_a_chat(qtbot, page, store):
    fresh = person(store, "Fresh")
    today = page()
    assert today.findChild(QLabel, "heading_allClear").isVisibleTo(today)
    key = f"ask_for_chat{fresh.id}"
    assert key in today.rows
    with qtbot.waitSignal(today.open_chat_requested) as blocker:
        qtbot.mouseClick(today.findChild(QPushButton, f"plan_chat_{key}"),
                         Qt.MouseButton.LeftButton)
    [chat] = chats.for_contact(store, fresh.id)
    assert blocker.args == [chat.id] and chat.status is ChatStatus.IDEA
    assert key not in today.rows  # asked now


def test_a_long_section_shows_some_rows_then_all(qtbot, page, store):
    ann = person(store, "Ann")
    for n in range(ROWS_PER_SECTION + 3):
        chats.add_follow_up(store, ann.id, FollowUpKind.PROMISE, date(2025, 3, 1), f"#{n}")
    today = page()
    shown = [k for k in today.rows if k.startswith("follow_up")]
    assert len(shown) == ROWS_PER_SECTION
    more = today.findChild(QPushButton, "more_followUps")
    assert more.text() == f"Show all {ROWS_PER_SECTION + 3}"
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert len([k for k in today.rows if k.startswith("follow_up")]) == ROWS_PER_SECTION + 3


def test_reminders_are_sent_once_each(store, filled):
    cy = filled["cy"]
    chat = chats.create(store, cy.id, status=ChatStatus.SCHEDULED,
                        scheduled_at=NOW + timedelta(minutes=10))
    sent: list[Reminder] = []
    clock = [NOW]
    reminders = Reminders(store, notify=sent.append, clock=lambda: clock[0])
    reminders.check()
    reminders.check()
    assert [(x.kind, x.chat_id) for x in sent] == [(TodoKind.CHAT, chat.id)]
    title, text = message(sent[0])
    assert title == "Coffee chat soon" and "Cy Test" in text
    # Moved to a new time: announced again.
    chats.update(store, chat.id, scheduled_at=NOW + timedelta(minutes=14))
    clock[0] = NOW + timedelta(minutes=1)
    assert [x.chat_id for x in reminders.check()] == [chat.id]
    assert len(sent) == 2


def test_doing_the_last_thing_due_says_nothing_is_due(qtbot, page, store):
    bo = person(store, "Bo")
    chat = chats.create(store, bo.id, status=ChatStatus.HELD, ended_at=NOW - timedelta(hours=2))
    today = page()
    heading = today.findChild(QLabel, "heading_allClear")
    assert heading is None or not heading.isVisibleTo(today)
    qtbot.mouseClick(today.findChild(QPushButton, f"done_thank_you{chat.id}"),
                     Qt.MouseButton.LeftButton)
    heading = today.findChild(QLabel, "heading_allClear")
    assert heading.isVisibleTo(today) and heading.text() == "Nothing is due"
    assert today.findChild(QLabel, "text_allClear").text().startswith("No thank-you")
    assert not today.findChild(QLabel, "heading_thanks").isVisibleTo(today)
