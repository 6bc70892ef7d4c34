"""Disk full while saving: the user is told in words, what they typed stays, nothing is lost.

SQLite's `max_page_count` stands in for the full disk (see conftest.py): the write fails
with SQLITE_FULL as it would on a full disk, without filling this machine's disk.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget

from desktop.__main__ import main
from desktop.domain import records as r
from desktop.domain.enums import ChatStatus
from desktop.errors import DiskFull, UserError
from desktop.services import chat_flow, chats, contacts, open_store, transfer
from tests.faults.conftest import (
    content,
    count,
    fill_to_the_brim,
    fingerprint,
    full_disk,
    integrity,
    linkedin_csv,
)

BIG = "Long research notes. " * 400  # several pages: a write that must grow the file


def test_a_save_on_a_full_disk_says_so_and_keeps_what_was_there(filled):
    with open_store(filled) as store:
        before = [row.name for row in contacts.list_rows(store)]
        fill_to_the_brim(store)
        with pytest.raises(DiskFull, match="The disk is full") as caught:
            contacts.save(store, r.Contact(first_name="Zofia", research=BIG))
        assert isinstance(caught.value, UserError)  # a message, never a crash report
        assert "safe" in str(caught.value)
        assert [row.name for row in contacts.list_rows(store)] == before
        chat = None
        with pytest.raises(DiskFull):
            chat = chats.create(store, contacts.list_rows(store)[0].id, goal=BIG)
        assert chat is None and chats.list_chats(store) == []
        store.db.execute_sql("PRAGMA max_page_count = 1000000")  # space freed: saving works
        contacts.save(store, r.Contact(first_name="Zofia", research=BIG))
    assert integrity(filled) == "ok" and count(filled) == 3


def test_an_import_on_a_full_disk_changes_nothing(filled, tmp_path, monkeypatch, capsys):
    source = tmp_path / "Connections.csv"
    source.write_text(linkedin_csv(400), encoding="utf-8")
    before = fingerprint(filled)
    full_disk(monkeypatch, filled)
    assert main(["import", str(source), "--db", str(filled)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "The disk is full" in err
    assert fingerprint(filled) == before


def test_a_json_import_on_a_full_disk_changes_nothing(filled, tmp_path, monkeypatch, capsys):
    other = tmp_path / "other.sqlite"
    with open_store(other) as store:
        for i in range(150):
            contacts.save(store, r.Contact(first_name=f"Ida{i}", research=BIG[:2000]))
        document = transfer.export_document(store)
    from desktop.io import json_format

    out = tmp_path / "all.json"
    json_format.write_file(document, out)
    before = content(filled)
    full_disk(monkeypatch, filled)
    assert main(["import", str(out), "--db", str(filled)]) == 2
    assert "The disk is full" in capsys.readouterr().err
    assert content(filled) == before and integrity(filled) == "ok"


def test_the_contact_panel_keeps_the_typed_text_and_says_why(qtbot, store, stocked):
    from desktop.services.undo import UndoHistory
    from desktop.ui.contacts.detail_panel import DetailPanel

    panel = DetailPanel(store, UndoHistory())
    qtbot.addWidget(panel)
    people = contacts.list_rows(store)
    panel.set_choices(people, [])
    panel.show()
    panel.show_contact(people[0].id)
    panel.form.research.setPlainText(BIG)
    qtbot.keyClicks(panel.form.role, "Staff engineer")
    fill_to_the_brim(store)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.message.isVisible() and "The disk is full" in panel.message.text()
    assert panel.form.role.text() == "Staff engineer"
    assert panel.form.research.toPlainText() == BIG
    assert panel.is_dirty() and panel.save_button.isEnabled()
    assert contacts.get(store, people[0].id).role == ""
    store.db.execute_sql("PRAGMA max_page_count = 1000000")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert contacts.get(store, people[0].id).role == "Staff engineer"


@pytest.fixture
def live_chat(store, stocked):
    who = contacts.list_rows(store)[0]
    chat = chats.create(store, who.id, status=ChatStatus.SCHEDULED)
    chats.plan_questions(store, chat.id, [r.ChatQuestion("How did you start?")])
    chat_flow.start(store, chat.id)
    chats.add_note(store, chat.id, "typed before the disk filled up")
    return chat


def test_the_wizard_keeps_a_note_it_could_not_save_and_says_why(qtbot, store, live_chat,
                                                                monkeypatch):
    from desktop.ui import dialogs
    from tests.ui.wizard.helpers import find, open_wizard

    told = []
    for name in ("warn", "error", "info"):
        monkeypatch.setattr(dialogs, name, lambda _p, text, *a, **k: told.append(text))
    wizard = open_wizard(qtbot, store, chat_id=live_chat.id)
    assert wizard.currentPage().objectName() == "liveNotesPage"
    quick = find(wizard, "quickNoteEdit", QLineEdit)
    notes_list = find(wizard, "notesList", QListWidget)
    fill_to_the_brim(store)
    # Longer than a page: it needs a new page (a short one could fit in a page's free bytes).
    typed = "She said the hiring freeze ends in March. " * 200
    quick.setText(typed)
    qtbot.keyClick(quick, Qt.Key.Key_Return)
    assert told and "The disk is full" in told[-1]
    assert quick.text() == typed  # still there to save again
    assert notes_list.count() == 1
    answer = find(wizard, "answerEdit", QLineEdit)
    find(wizard, "questionChecklist", QListWidget).setCurrentRow(0)
    answer.setText("Through a bootcamp, then a referral. " * 200)
    qtbot.keyClicks(answer, "!")  # typed: the answer is queued to be saved
    told.clear()
    wizard.flush()
    assert told and "The disk is full" in told[-1]
    assert answer.text().startswith("Through a bootcamp")
    store.db.execute_sql("PRAGMA max_page_count = 1000000")
    qtbot.keyClick(quick, Qt.Key.Key_Return)
    assert quick.text() == "" and notes_list.count() == 2
    texts = [n.text for n in chats.notes(store, live_chat.id)]
    assert texts == ["typed before the disk filled up", typed.strip()]
    wizard.close()
