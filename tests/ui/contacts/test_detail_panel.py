"""The contact detail panel: edit, validate, save, revert, the unsaved-edits guard, delete."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop.domain import records as r
from desktop.domain.enums import FollowUpKind, Source
from desktop.services import chats
from desktop.services import contacts as cs
from desktop.services.undo import UndoHistory
from desktop.ui import dialogs
from desktop.ui.contacts.detail_panel import DetailPanel, deletion_text


@pytest.fixture
def people(store):
    ann = cs.save(
        store,
        r.Contact(
            first_name="Ann",
            last_name="Lee",
            company="Globex",
            emails=(r.Labelled("ann@globex.com", "work"),),
            tags=("mentor",),
            cadence_days=30,
        ),
    )
    bob = cs.save(store, r.Contact(first_name="Bob", last_name="Ray", company="Globex"))
    chat = chats.create(store, ann.id, goal="Learn about pricing")
    chats.add_note(store, chat.id, "Pricing is a team sport")
    chats.add_note(store, chat.id, "Ask about Lisbon")
    chats.add_follow_up(store, ann.id, FollowUpKind.THANK_YOU, date(2020, 1, 1))
    return ann, bob


@pytest.fixture
def panel(qtbot, store, people):
    widget = DetailPanel(store, UndoHistory())
    qtbot.addWidget(widget)
    widget.set_choices(cs.list_rows(store), ["mentor", "alumni"])
    widget.resize(700, 900)
    widget.show()
    widget.show_contact(people[0].id)
    return widget


def test_loads_every_field_and_the_related_lists(panel, people):
    assert panel.form.first_name.text() == "Ann" and panel.form.company.name() == "Globex"
    assert [e.value for e in panel.form.emails.values()] == ["ann@globex.com"]
    assert panel.form.tags.tags() == ("mentor",) and panel.form.cadence.value() == 30
    assert panel.related.chats.count() == 1
    assert panel.related.notes.count() == 2
    assert panel.related.follow_ups.count() == 1
    assert "Notes (2)" == panel.related.notes_title.text()
    assert not panel.is_dirty() and not panel.save_button.isEnabled()


def test_edit_and_save_every_kind_of_field(qtbot, panel, store, people):
    ann, bob = people
    qtbot.keyClicks(panel.form.role, "CTO")
    panel.form.emails.add_button.click()
    panel.form.emails.line_edits()[-1].setText("ann@home.net")
    panel.form.phones.add_button.click()
    panel.form.phones.line_edits()[-1].setText("+48 600 100 200")
    panel.form.linkedin.setText("https://www.linkedin.com/in/annlee")
    panel.form.source.setCurrentIndex(panel.form.source.findData(Source.EVENT.value))
    panel.form.referred_by.set_contact_id(bob.id)
    panel.form.referred_by.changed.emit()
    panel.form.tags.setText("mentor, fintech")
    panel.form.cadence.setValue(60)
    panel.form.research.setPlainText("Wrote about pricing")
    panel.form.company_notes.setPlainText("Hiring in Lisbon")
    assert panel.is_dirty() and panel.save_button.isEnabled()
    saved = []
    panel.contactSaved.connect(saved.append)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert saved == [ann.id]
    stored = cs.get(store, ann.id)
    assert stored.role == "CTO" and stored.source == Source.EVENT
    assert [(e.value, e.label) for e in stored.emails] == [
        ("ann@globex.com", "work"),
        ("ann@home.net", "work"),
    ]
    assert [p.value for p in stored.phones] == ["+48 600 100 200"]
    assert stored.referred_by_id == bob.id and stored.cadence_days == 60
    assert set(stored.tags) == {"mentor", "fintech"}
    # Company notes are shared: Bob's panel shows them too.
    assert next(c for c in cs.companies(store) if c.name == "Globex").notes == "Hiring in Lisbon"
    panel.show_contact(bob.id)
    assert panel.form.company_notes.toPlainText() == "Hiring in Lisbon"
    assert not panel.is_dirty()


def test_a_new_company_is_created_on_save(panel, store, people):
    panel.form.company.set_name("Initech")
    assert "new" in panel.form.company_notes_label.text()
    panel.form.company_notes.setPlainText("Printers")
    assert panel.save()
    assert {c.name: c.notes for c in cs.companies(store)}["Initech"] == "Printers"


def test_validation_messages_inline_and_save_refused(panel, store, people):
    panel.form.first_name.clear()
    panel.form.last_name.clear()
    panel.form.company.set_name("")
    assert panel.message.isVisible() and "name or a company" in panel.message.text()
    assert not panel.save_button.isEnabled()
    panel.form.first_name.setText("Ann")
    panel.form.emails.line_edits()[0].setText("not-an-address")
    assert "e-mail" in panel.message.text()
    panel.form.emails.line_edits()[0].setText("ann@globex.com")
    panel.form.linkedin.setText("linked in/ann")
    assert "web address" in panel.message.text()
    assert not panel.save()
    assert cs.get(store, people[0].id).linkedin_url == ""
    panel.form.linkedin.setText("linkedin.com/in/ann")
    assert not panel.message.isVisible() and panel.save()


def test_revert_restores_the_stored_values(panel):
    panel.form.role.setText("Something else")
    panel.form.tags.setText("")
    panel.form.emails._remove(panel.form.emails._rows[0])
    assert panel.is_dirty()
    panel.revert_button.click()
    assert panel.form.role.text() == "" and panel.form.tags.tags() == ("mentor",)
    assert len(panel.form.emails.values()) == 1 and not panel.is_dirty()


@pytest.mark.parametrize(
    "answer, leaves, saved_role",
    [
        ("save", True, "CTO"),
        ("discard", True, ""),
        ("cancel", False, ""),
    ],
)
def test_guard_on_leaving_with_unsaved_edits(
    panel, store, people, monkeypatch, answer, leaves, saved_role
):
    asked = []
    monkeypatch.setattr(
        dialogs,
        "ask_save_discard_cancel",
        lambda parent, text, title="": asked.append(text) or answer,
    )
    assert panel.maybe_leave()  # nothing edited: no question
    assert asked == []
    panel.form.role.setText("CTO")
    assert panel.maybe_leave() is leaves
    assert asked and "Ann Lee" in asked[0]
    assert cs.get(store, people[0].id).role == saved_role
    assert panel.form.role.text() == ("" if answer == "discard" else "CTO")


def test_guard_save_with_invalid_input_stays(panel, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_save_discard_cancel", lambda *a, **k: "save")
    panel.form.emails.line_edits()[0].setText("broken")
    assert panel.maybe_leave() is False


def test_delete_confirmation_names_what_goes_and_undo_brings_it_back(
    panel, store, people, monkeypatch
):
    asked = []
    monkeypatch.setattr(
        dialogs, "ask_yes_no", lambda parent, text, *a, **k: asked.append(text) or True
    )
    deleted = []
    panel.contactsDeleted.connect(deleted.append)
    panel.delete_button.click()
    assert "Delete Ann Lee?" in asked[0]
    assert "1 chat, 2 notes and 1 follow-up" in asked[0]
    assert "Undo" in asked[0]
    assert deleted == [[people[0].id]]
    assert panel.contact_id() is None
    panel.history.undo(store)
    assert cs.get(store, people[0].id).first_name == "Ann"
    assert len(chats.notes_for_contact(store, people[0].id)) == 2


def test_delete_can_be_refused(panel, store, people, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a, **k: False)
    panel.delete_button.click()
    assert cs.get(store, people[0].id).first_name == "Ann"


def test_deletion_text_for_many_and_for_none():
    text = deletion_text("x", r.DeletionImpact(contacts=3, chats=2, referrals=1))
    assert text.startswith("Delete 3 contacts? Their 2 chats will be deleted")
    assert "1 other contacts" in text
    assert "Their" not in deletion_text("Zed", r.DeletionImpact(contacts=1))


def test_archive_and_plan_a_chat(qtbot, panel, store, people):
    changed = []
    panel.contactsChanged.connect(changed.append)
    panel.archive_button.click()
    assert cs.get(store, people[0].id).archived and panel.archive_button.text() == "Unarchive"
    assert changed == [[people[0].id]]
    panel.history.undo(store)
    assert not cs.get(store, people[0].id).archived
    with qtbot.waitSignal(panel.planChatRequested) as signal:
        panel.plan_button.click()
    assert signal.args == [people[0].id]


def test_chat_activation_asks_to_open_it(qtbot, panel, store, people):
    item = panel.related.chats.item(0)
    with qtbot.waitSignal(panel.openChatRequested) as signal:
        panel.related.chats.itemActivated.emit(item)
    assert signal.args == [chats.for_contact(store, people[0].id)[0].id]


def test_new_contact(panel, store):
    panel.new_contact()
    assert panel.title.text() == "New contact"
    assert not panel.delete_button.isEnabled()
    panel.form.first_name.setText("Cleo")
    panel.form.tags.setText("alumni,  Alumni , climate")
    assert panel.save()
    made = [c for c in cs.list_rows(store) if c.name == "Cleo"]
    assert made and made[0].tags == ("alumni", "climate")


def test_referred_by_picker_completes_and_excludes_self(panel, people):
    ann, bob = people
    picker = panel.form.referred_by
    picker._picked("Bob Ray · Globex")
    assert picker.contact_id() == bob.id
    picker._picked("Ann Lee · Globex")  # a contact cannot refer themself
    assert picker.contact_id() is None
