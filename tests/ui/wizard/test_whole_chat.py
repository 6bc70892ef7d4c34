"""A whole chat driven through the wizard by object names, then closed and reopened."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import unquote, urlsplit

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QWizard,
)

from desktop.domain.enums import ChatStatus, FollowUpKind, NoteKind, Source
from desktop.services import chats, contacts
from tests.ui.wizard.helpers import click, double_click_row, find, next_page, open_wizard

CUSTOM = "What would you do in my place?"


def _mail_parts(url: str) -> dict[str, str]:
    query = urlsplit(url).query
    return {k: unquote(v) for k, v in (p.split("=", 1) for p in query.split("&"))}


def _type_lines(qtbot, edit, *lines: str) -> None:
    """keyClicks cannot type a line break: Return between the lines."""
    for n, line in enumerate(lines):
        if n:
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        qtbot.keyClicks(edit, line)


def test_a_whole_chat_through_the_wizard(qtbot, store, person, outside):
    wizard = open_wizard(qtbot, store, contact_id=person.id)
    assert wizard.objectName() == "chatWizard"
    assert wizard.currentPage().objectName() == "prepPage"
    chat_id = wizard.chat_id
    assert chats.get(store, chat_id).status is ChatStatus.IDEA
    assert find(wizard, "contactPicker", QLineEdit).text() == "Łucja Wiśniewska"
    assert find(wizard, "minutesSpin", QSpinBox).value() == 30
    assert "Łucja" in find(wizard, "requestEdit", QPlainTextEdit).toPlainText()

    # --- prep: goal, time, five questions from the bank, one of my own, reordered ------------
    qtbot.keyClicks(find(wizard, "goalEdit", QLineEdit), "How she moved into design")
    when = QDateTime(QDate(2031, 3, 4), QTime(15, 30))
    find(wizard, "scheduledEdit", QDateTimeEdit).setDateTime(when)
    find(wizard, "minutesSpin", QSpinBox).setValue(25)
    bank = find(wizard, "questionBankList", QListWidget)
    chosen = find(wizard, "chosenQuestionsList", QListWidget)
    picked = []
    for row in (0, 3, 6, 9, 12):
        picked.append(bank.item(row).text())
        double_click_row(qtbot, bank, row)
    assert chosen.count() == 5
    qtbot.keyClicks(find(wizard, "customQuestionEdit", QLineEdit), CUSTOM)
    click(qtbot, wizard, "addQuestionButton")
    assert chosen.count() == 6
    chosen.setCurrentRow(5)
    chosen.setFocus()
    qtbot.keyClick(chosen, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(chosen, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    order = [chosen.item(i).text() for i in range(6)]
    assert order == picked[:3] + [CUSTOM] + picked[3:]
    qtbot.waitUntil(lambda: [q.text for q in chats.questions(store, chat_id)] == order,
                    timeout=10_000)  # saved by the debounce alone, without leaving the page
    chat = chats.get(store, chat_id)
    assert chat.goal == "How she moved into design" and chat.minutes == 25
    assert chat.scheduled_at.isoformat() == "2031-03-04T15:30:00"

    # --- live: start, tick three with answers, four notes of different kinds, end -----------
    next_page(qtbot, wizard)
    assert wizard.currentPage().objectName() == "liveNotesPage"
    click(qtbot, wizard, "startButton")
    chat = chats.get(store, chat_id)
    assert chat.status is ChatStatus.IN_PROGRESS and chat.started_at is not None
    assert "/ 25:00" in find(wizard, "timerLabel", QLabel).text()
    checklist = find(wizard, "questionChecklist", QListWidget)
    assert checklist.count() == 6
    answer = find(wizard, "answerEdit", QLineEdit)
    for row in range(3):
        checklist.setCurrentRow(row)
        qtbot.keyClicks(answer, f"answer {row + 1}")
    quick = find(wizard, "quickNoteEdit", QLineEdit)
    typed = [(None, NoteKind.QUOTE, "\"Portfolios beat titles.\""),
             (None, NoteKind.INSIGHT, "Research ops is a growing niche"),
             ("kindReferralButton", NoteKind.REFERRAL, "Talk to Maria Lopez at Beta"),
             (None, NoteKind.PROMISE, "Send her the diary-study article")]
    for button, kind, text in typed:
        if button:
            click(qtbot, wizard, button)
        else:
            qtbot.keyClick(quick, Qt.Key.Key_1 + list(NoteKind).index(kind),
                           Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(quick, text)
        qtbot.keyClick(quick, Qt.Key.Key_Return)
    notes_list = find(wizard, "notesList", QListWidget)
    assert notes_list.count() == 4 and quick.text() == ""
    notes = chats.notes(store, chat_id)
    assert [(n.kind, n.text) for n in notes] == [(k, t) for _b, k, t in typed]
    assert all(n.offset_seconds is not None and n.offset_seconds >= 0 for n in notes)
    click(qtbot, wizard, "endButton")
    assert wizard.currentPage().objectName() == "wrapUpPage"
    chat = chats.get(store, chat_id)
    assert chat.status is ChatStatus.HELD
    assert chat.thank_you_due == chat.ended_at + timedelta(hours=24)
    questions = chats.questions(store, chat_id)
    assert [(q.asked, q.answer) for q in questions[:4]] == [
        (True, "answer 1"), (True, "answer 2"), (True, "answer 3"), (False, "")]

    # --- wrap-up: takeaways, two insights promoted, a referral, a promise, the thank-you ----
    takeaways = find(wizard, "takeawaysEdit", QPlainTextEdit)
    _type_lines(qtbot, takeaways, "Portfolios beat titles.", "Talk to hiring managers early.")
    candidates = find(wizard, "noteCandidatesList", QListWidget)
    assert candidates.count() == 2
    candidates.selectAll()
    click(qtbot, wizard, "promoteButton")
    insights = find(wizard, "insightsList", QListWidget)
    assert insights.count() == 2 and len(chats.insights(store, chat_id)) == 2

    find(wizard, "referralNotesList", QListWidget).setCurrentRow(0)
    assert find(wizard, "referralNameEdit", QLineEdit).text() == "Maria Lopez"
    qtbot.keyClicks(find(wizard, "referralCompanyEdit", QLineEdit), "Beta")
    click(qtbot, wizard, "addReferralButton")
    maria = [c for c in contacts.list_rows(store) if c.name == "Maria Lopez"]
    assert len(maria) == 1
    maria = contacts.get(store, maria[0].id)
    assert maria.source is Source.REFERRAL and maria.referred_by_id == person.id
    assert maria.company == "Beta"

    find(wizard, "promisesList", QListWidget).setCurrentRow(0)
    click(qtbot, wizard, "promiseMineButton")

    picker = find(wizard, "takeawayPicker", QComboBox)
    picker.setCurrentIndex(picker.findData("Talk to hiring managers early."))
    thank_you = find(wizard, "thankYouEdit", QPlainTextEdit).toPlainText()
    assert thank_you.startswith("Hi Łucja,")
    assert "Talk to hiring managers early." in thank_you
    assert "Portfolios beat titles" not in thank_you  # ONE takeaway
    assert "As promised, I will send her the diary-study article." in thank_you

    follow_ups = {f.kind: f for f in chats.follow_ups(store, chat_id)}
    ended = chat.ended_at
    assert follow_ups[FollowUpKind.THANK_YOU].due == (ended + timedelta(hours=24)).date()
    assert follow_ups[FollowUpKind.CHECK_IN].due == ended.date() + timedelta(days=28)
    assert follow_ups[FollowUpKind.INTRODUCTION].contact_id == maria.id
    assert follow_ups[FollowUpKind.PROMISE].text == \
        "I promised: Send her the diary-study article"
    follow_list = find(wizard, "followUpsList", QListWidget)
    assert follow_list.count() == 4
    check_in_row = [i for i in range(4)
                    if follow_list.item(i).text().startswith("Check-in")][0]
    follow_list.setCurrentRow(check_in_row)
    moved = follow_ups[FollowUpKind.CHECK_IN].due + timedelta(days=3)
    find(wizard, "followUpDueEdit", QDateEdit).setDate(QDate(moved.year, moved.month, moved.day))

    click(qtbot, wizard, "copyThankYouButton")
    assert outside.clipboard[-1] == thank_you
    click(qtbot, wizard, "mailThankYouButton")
    parts = _mail_parts(outside.urls[-1])
    assert urlsplit(outside.urls[-1]).path == "lucja@example.com"
    assert parts["body"] == thank_you.replace("\n", "\r\n")

    # Typed just before closing: the close writes it.
    _type_lines(qtbot, takeaways, "", "Ask about research ops.")
    wizard.close()
    chat = chats.get(store, chat_id)
    assert chat.takeaways.endswith("Ask about research ops.")
    assert chat.thank_you_text == thank_you
    check_in = [f for f in chats.follow_ups(store, chat_id) if f.kind is FollowUpKind.CHECK_IN]
    assert check_in[0].due == moved

    # --- reopened: on the wrap-up page, with everything there ---------------------------
    again = open_wizard(qtbot, store, chat_id=chat_id)
    assert again.currentPage().objectName() == "wrapUpPage"
    assert find(again, "takeawaysEdit", QPlainTextEdit).toPlainText() == chat.takeaways
    assert find(again, "insightsList", QListWidget).count() == 2
    assert find(again, "thankYouEdit", QPlainTextEdit).toPlainText() == thank_you
    assert find(again, "takeawayPicker", QComboBox).currentData() == \
        "Talk to hiring managers early."
    assert find(again, "followUpsList", QListWidget).count() == 4
    qtbot.mouseClick(again.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert again.currentPage().objectName() == "liveNotesPage"
    assert find(again, "notesList", QListWidget).count() == 4
    checklist = find(again, "questionChecklist", QListWidget)
    assert [checklist.item(i).checkState() == Qt.CheckState.Checked for i in range(6)] == \
        [True, True, True, False, False, False]
    assert "answer 2" in checklist.item(1).text()
    assert not find(again, "startButton").isEnabled()
    again.stages.item(0).setSelected(True)
    again.go_to(0)
    assert again.currentPage().objectName() == "prepPage"
    assert find(again, "goalEdit", QLineEdit).text() == "How she moved into design"
    chosen = find(again, "chosenQuestionsList", QListWidget)
    assert [chosen.item(i).text() for i in range(6)] == order
    again.go_to(2)
    qtbot.mouseClick(again.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert chats.get(store, chat_id).status is ChatStatus.WRAPPED_UP


def test_mark_sent_then_finish_gives_thanked(qtbot, store, person, outside):
    wizard = open_wizard(qtbot, store, contact_id=person.id)
    wizard.go_to(1)
    click(qtbot, wizard, "startButton")
    click(qtbot, wizard, "endButton")
    click(qtbot, wizard, "markSentButton")
    chat = chats.get(store, wizard.chat_id)
    assert chat.status is ChatStatus.THANKED and chat.thank_you_sent_at is not None
    assert not find(wizard, "markSentButton").isEnabled()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert chats.get(store, wizard.chat_id).status is ChatStatus.THANKED
