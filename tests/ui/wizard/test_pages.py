"""The wizard's pages one by one: opening stage, request steps, picker, timer, notes, mail."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPlainTextEdit, QWizard

from desktop.domain import records as r
from desktop.domain.enums import ChatStatus, FollowUpKind, Medium, NoteKind
from desktop.services import chat_flow, chats, contacts, profile
from desktop.ui import settings
from desktop.ui.wizard.chat_wizard import LIVE, PREP, WRAP_UP
from tests.ui.wizard.helpers import click, find, next_page, open_wizard


@pytest.mark.parametrize("status, page", [
    (ChatStatus.IDEA, PREP), (ChatStatus.REQUESTED, PREP), (ChatStatus.SCHEDULED, PREP),
    (ChatStatus.NO_REPLY, PREP), (ChatStatus.CANCELLED, PREP),
    (ChatStatus.IN_PROGRESS, LIVE), (ChatStatus.HELD, WRAP_UP),
    (ChatStatus.WRAPPED_UP, WRAP_UP), (ChatStatus.THANKED, WRAP_UP)])
def test_opens_on_the_page_of_its_status_and_back_always_works(qtbot, store, person, outside,
                                                               status, page):
    chat = chats.create(store, person.id, status=status)
    wizard = open_wizard(qtbot, store, chat_id=chat.id)
    assert wizard.currentId() == page
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled() or page == WRAP_UP
    while wizard.currentId() != PREP:
        wizard.back()
    assert wizard.currentPage().objectName() == "prepPage"
    wizard.go_to(WRAP_UP)
    assert wizard.currentPage().objectName() == "wrapUpPage"


def test_new_chat_creates_the_contact_inline(qtbot, store, outside):
    wizard = open_wizard(qtbot, store)
    assert wizard.chat_id is None
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    picker = find(wizard, "contactPicker", QLineEdit)
    qtbot.keyClicks(picker, "Maria de la Cruz")
    create = find(wizard, "createContactButton")
    assert create.isVisible() and "Maria de la Cruz" in create.text()
    click(qtbot, wizard, "createContactButton")
    assert wizard.chat_id is not None
    chat = chats.get(store, wizard.chat_id)
    person = contacts.get(store, chat.contact_id)
    assert (person.first_name, person.last_name) == ("Maria", "de la Cruz")
    assert chat.status is ChatStatus.IDEA
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert find(wizard, "goalEdit").isEnabled()


def test_picker_finds_an_existing_contact_by_name(qtbot, store, person, outside):
    other = contacts.save(store, r.Contact(first_name="Omar", last_name="Haddad"))
    wizard = open_wizard(qtbot, store, contact_id=person.id)
    picker = find(wizard, "contactPicker", QLineEdit)
    picker.selectAll()
    qtbot.keyClicks(picker, "omar haddad")
    assert not find(wizard, "createContactButton").isVisible()
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert chats.get(store, wizard.chat_id).contact_id == other.id
    assert wizard.currentPage().objectName() == "prepPage"  # Enter never turns the page


def test_asking_for_the_chat(qtbot, store, person, outside):
    wizard = open_wizard(qtbot, store, contact_id=person.id)
    request = find(wizard, "requestEdit", QPlainTextEdit)
    text = request.toPlainText()
    assert "Hi Łucja," in text and "Jo Martin" in text and "fit around" in text
    click(qtbot, wizard, "copyRequestButton")
    assert outside.clipboard[-1] == text
    click(qtbot, wizard, "mailRequestButton")
    assert outside.urls[-1].startswith("mailto:lucja@example.com?subject=")
    click(qtbot, wizard, "markRequestedButton")
    chat_id = wizard.chat_id
    assert chats.get(store, chat_id).status is ChatStatus.REQUESTED
    (nudge,) = chats.follow_ups(store, chat_id)
    assert nudge.kind is FollowUpKind.NUDGE
    assert (nudge.due - datetime.now().date()).days == 7
    suggestion = find(wizard, "noReplySuggestion")
    assert not suggestion.isVisible()
    click(qtbot, wizard, "nudgeSentButton")
    click(qtbot, wizard, "nudgeSentButton")
    assert suggestion.isVisible()
    click(qtbot, wizard, "saidYesButton")
    assert chats.get(store, chat_id).status is ChatStatus.SCHEDULED
    assert not find(wizard, "requestEdit").isVisible()


def test_their_local_time_and_calendar_file(qtbot, store, person, outside, tmp_path):
    wizard = open_wizard(qtbot, store, contact_id=person.id)
    zone = wizard.prep.zone_combo
    zone.setCurrentIndex(zone.findData("Pacific/Kiritimati"))  # UTC+14: never mine
    find(wizard, "scheduledEdit").setDateTime(QDateTime(QDate(2031, 5, 6), QTime(9, 0)))
    label = find(wizard, "theirTimeLabel", QLabel)
    assert label.isVisible() and "Kiritimati" in label.text()
    wizard.prep.medium_combo.setCurrentIndex(wizard.prep.medium_combo.findData(
        Medium.IN_PERSON.value))
    assert not label.isVisible()
    outside.saved_path = tmp_path / "chat"
    click(qtbot, wizard, "addToCalendarButton")
    text = (tmp_path / "chat.ics").read_bytes().decode()
    assert "METHOD:PUBLISH" in text and "DTSTART:" in text and "Z\r\n" in text
    chat = chats.get(store, wizard.chat_id)
    assert chat.time_zone == "Pacific/Kiritimati" and chat.medium is Medium.IN_PERSON
    assert f"UID:{chat.uid}@" in text


def test_print_sheet_opens_the_preview(qtbot, store, person, outside, monkeypatch):
    from desktop.ui import sheet_preview

    opened = []
    monkeypatch.setattr(sheet_preview, "show_sheet_preview",
                        lambda parent, st, chat_id: opened.append(chat_id))
    wizard = open_wizard(qtbot, store, contact_id=person.id)
    qtbot.keyClicks(find(wizard, "goalEdit"), "Typed just before printing")
    click(qtbot, wizard, "printSheetButton")
    assert opened == [wizard.chat_id]
    assert chats.get(store, wizard.chat_id).goal == "Typed just before printing"


def test_tips_are_dismissed_for_good(qtbot, store, person, outside):
    wizard = open_wizard(qtbot, store, contact_id=person.id)
    tip = find(wizard, "tip_goal")
    assert tip.isVisible()
    click(qtbot, wizard, "dismissTip_goal")
    assert not tip.isVisible()
    assert settings().value("tips/dismissed/goal") in (True, "true")
    wizard.close()
    again = open_wizard(qtbot, store, contact_id=person.id)
    assert not find(again, "tip_goal").isVisible()


def test_timer_colours(qtbot, store, person, outside):
    chat = chats.create(store, person.id, status=ChatStatus.SCHEDULED, minutes=30)
    wizard = open_wizard(qtbot, store, chat_id=chat.id)
    wizard.go_to(LIVE)
    timer = find(wizard, "timerLabel", QLabel)
    assert timer.text() == "00:00 / 30:00" and timer.property("state") == "normal"
    start = datetime(2030, 1, 1, 10, 0)
    for minutes, state in ((10, "normal"), (25, "warning"), (29, "warning"), (31, "over")):
        timer.clock = lambda m=minutes: start + timedelta(minutes=m)
        timer.set_times(start, None, 30)
        assert timer.property("state") == state, minutes
    assert timer.text() == "31:00 / 30:00"
    colours = set()
    for minutes in (10, 26, 40):
        timer.clock = lambda m=minutes: start + timedelta(minutes=m)
        timer.update_text()
        colours.add(timer.styleSheet())
    assert len(colours) == 3


def test_notes_kinds_edits_and_keyboard(qtbot, store, person, outside):
    chat = chats.create(store, person.id, status=ChatStatus.SCHEDULED)
    chats.plan_questions(store, chat.id, [r.ChatQuestion("One?"), r.ChatQuestion("Two?")])
    wizard = open_wizard(qtbot, store, chat_id=chat.id)
    next_page(qtbot, wizard)
    quick = find(wizard, "quickNoteEdit", QLineEdit)
    qtbot.keyClicks(quick, "before the start")
    qtbot.keyClick(quick, Qt.Key.Key_Return)
    assert chats.notes(store, chat.id)[0].offset_seconds is None
    wizard.activateWindow()
    qtbot.keyClick(quick, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert wizard.live.notes.kind is NoteKind.PROMISE
    qtbot.keyClicks(quick, "intro to Sam")
    qtbot.keyClick(quick, Qt.Key.Key_Return)
    assert wizard.live.notes.kind is NoteKind.NOTE  # back to a plain note
    notes_list = find(wizard, "notesList", QListWidget)
    notes_list.setFocus()
    notes_list.setCurrentRow(0)
    qtbot.keyClick(notes_list, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    item = notes_list.item(0)
    item.setText("before the start, edited")
    wizard.flush()
    first, second = chats.notes(store, chat.id)
    assert (first.kind, first.text) == (NoteKind.INSIGHT, "before the start, edited")
    assert (second.kind, second.text) == (NoteKind.PROMISE, "intro to Sam")
    qtbot.keyClick(notes_list, Qt.Key.Key_Delete)  # asks; the fixture answers yes
    assert len(chats.notes(store, chat.id)) == 1

    checklist = find(wizard, "questionChecklist", QListWidget)
    answer = find(wizard, "answerEdit", QLineEdit)
    checklist.setCurrentRow(0)
    qtbot.keyClicks(answer, "yes")
    qtbot.keyClick(answer, Qt.Key.Key_Return)
    assert checklist.currentRow() == 1
    checklist.item(1).setCheckState(Qt.CheckState.Checked)
    wizard.flush()
    assert [(q.asked, q.answer) for q in chats.questions(store, chat.id)] == [
        (True, "yes"), (True, "")]
    assert wizard.currentPage().objectName() == "liveNotesPage"


def test_long_thank_you_goes_to_the_clipboard(qtbot, store, person, outside):
    chat = chats.create(store, person.id, status=ChatStatus.HELD,
                        thank_you_text="Thank you! " * 300)
    wizard = open_wizard(qtbot, store, chat_id=chat.id)
    click(qtbot, wizard, "mailThankYouButton")
    assert outside.urls == []
    assert outside.clipboard[-1].startswith("Subject: ")
    assert "too long" in outside.messages[-1]


def test_edited_thank_you_is_not_overwritten_without_asking(qtbot, store, person, outside):
    chat = chats.create(store, person.id, status=ChatStatus.HELD, takeaways="A.\nB.")
    wizard = open_wizard(qtbot, store, chat_id=chat.id)
    edit = find(wizard, "thankYouEdit", QPlainTextEdit)
    edit.setPlainText("My own words.")
    picker = find(wizard, "takeawayPicker")
    picker.setCurrentIndex(1)
    assert edit.toPlainText() == "My own words."
    outside.answer_yes = False
    click(qtbot, wizard, "redraftThankYouButton")
    assert edit.toPlainText() == "My own words."
    outside.answer_yes = True
    click(qtbot, wizard, "redraftThankYouButton")
    assert "B." in edit.toPlainText()


def test_profile_dialog_feeds_new_chats(qtbot, store, person, outside):
    from desktop.ui.profile_dialog import ProfileDialog

    dialog = ProfileDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.pitch_edit.toPlainText().startswith("I teach science")
    dialog.pitch_edit.setPlainText("A brand new pitch.")
    dialog.name_edit.setText("Jo M.")
    dialog.accept()
    assert profile.get(store).pitch == "A brand new pitch."
    chat = chat_flow.new_for_contact(store, person.id)
    assert chat.pitch == "A brand new pitch."
    wizard = open_wizard(qtbot, store, chat_id=chat.id)
    assert find(wizard, "pitchEdit", QPlainTextEdit).toPlainText() == "A brand new pitch."
    assert "Jo M." in find(wizard, "requestEdit", QPlainTextEdit).toPlainText()


def test_one_click_turns_a_referral_note_into_a_contact(qtbot, store, person, outside):
    chat = chats.create(store, person.id, status=ChatStatus.HELD)
    chats.add_note(store, chat.id, "Talk to Priya Raghavan about analytics", NoteKind.REFERRAL)
    wizard = open_wizard(qtbot, store, chat_id=chat.id)
    notes = find(wizard, "referralNotesList", QListWidget)
    assert notes.count() == 1
    click(qtbot, wizard, "addReferralButton")
    made = [c for c in contacts.list_rows(store) if c.name == "Priya Raghavan"]
    assert len(made) == 1
    priya = contacts.get(store, made[0].id)
    assert priya.referred_by_id == person.id
    assert priya.research == "Talk to Priya Raghavan about analytics"
    assert notes.count() == 0  # done: no longer offered
    assert find(wizard, "referralsList", QListWidget).count() == 1


def test_closing_with_an_unsaved_edit_asks_first(qtbot, store, person, outside, monkeypatch):
    from desktop.errors import UserError
    from desktop.services import chats as chats_module

    wizard = open_wizard(qtbot, store, contact_id=person.id)
    real_update = chats_module.update

    def locked(*_a, **_k):
        raise UserError("The database is locked.")

    monkeypatch.setattr(chats_module, "update", locked)
    qtbot.keyClicks(find(wizard, "goalEdit"), "Keep me")
    outside.answer_yes = False
    wizard.close()
    assert wizard.isVisible() and "could not be saved" in outside.messages[-1]
    monkeypatch.setattr(chats_module, "update", real_update)
    wizard.close()
    assert not wizard.isVisible()
    assert chats.get(store, wizard.chat_id).goal == "Keep me"
