"""The Contacts page: filter, tag and archive choices, the guard on selection, bulk, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from desktop.domain import records as r
from desktop.services import chats
from desktop.services import contacts as cs
from desktop.ui import dialogs
from desktop.ui.contacts import table_model as tm
from desktop.ui.pages.contacts import ContactsPage


@pytest.fixture
def ids(store):
    made = {}
    for first, last, company, tags, archived in (
        ("Ann", "Lee", "Globex", ("mentor",), False),
        ("Bob", "Ray", "Initech", ("alumni",), False),
        ("Cleo", "Park", "Globex", ("mentor", "alumni"), False),
        ("Dan", "Old", "Acme", (), True),
    ):
        made[first] = cs.save(
            store,
            r.Contact(
                first_name=first, last_name=last, company=company, tags=tags, archived=archived
            ),
        ).id
    chats.create(store, made["Bob"], goal="Ops")
    return made


@pytest.fixture
def page(qtbot, store, ids):
    widget = ContactsPage(store)
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()
    return widget


def _names(page):
    return [row.name for row in page.model.rows()]


def _click_row(page, contact_id):
    row = page.model.row_of_id(contact_id)
    page.table.selectionModel().setCurrentIndex(
        page.model.index(row, tm.COL_NAME),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_model_checks_and_initial_state(qtmodeltester, page):
    qtmodeltester.check(page.model)
    assert _names(page) == ["Ann Lee", "Bob Ray", "Cleo Park"]
    assert page.summary.text() == "3 people"
    assert [page.tag_filter.itemText(i) for i in range(page.tag_filter.count())] == [
        "All tags",
        "alumni",
        "mentor",
    ]


def test_filter_narrows_as_you_type(qtbot, page):
    counts = []
    for letter in "glob":
        qtbot.keyClick(page.filter, letter)
        page._apply_filter()
        counts.append(page.model.rowCount())
    assert counts[-1] == 2 and counts == sorted(counts, reverse=True)
    assert page.summary.text() == "2 of 3 shown"
    qtbot.keyClicks(page.filter, "ex ann")
    qtbot.waitUntil(lambda: _names(page) == ["Ann Lee"], timeout=2000)


def test_tag_filter_and_archived_toggle(page):
    page.tag_filter.setCurrentIndex(page.tag_filter.findData("alumni"))
    assert _names(page) == ["Bob Ray", "Cleo Park"]
    page.tag_filter.setCurrentIndex(0)
    page.show_archived.setChecked(True)
    assert "Dan Old" in _names(page)


def test_header_click_sorts(qtbot, page):
    header = page.table.horizontalHeader()
    header.setSortIndicator(tm.COL_COMPANY, Qt.SortOrder.DescendingOrder)
    assert [r.company for r in page.model.rows()] == ["Initech", "Globex", "Globex"]


def test_selection_shows_the_contact_and_the_guard_can_keep_it(page, ids, monkeypatch):
    _click_row(page, ids["Ann"])
    assert page.panel.contact_id() == ids["Ann"]
    page.panel.form.role.setText("CTO")
    monkeypatch.setattr(dialogs, "ask_save_discard_cancel", lambda *a, **k: "cancel")
    _click_row(page, ids["Bob"])
    assert page.panel.contact_id() == ids["Ann"]
    assert page.panel.form.role.text() == "CTO"
    page._after_reset()  # what the deferred call after a cancel does
    assert page.selected_ids() == [ids["Ann"]]
    monkeypatch.setattr(dialogs, "ask_save_discard_cancel", lambda *a, **k: "save")
    _click_row(page, ids["Bob"])
    assert page.panel.contact_id() == ids["Bob"]
    assert [row.role for row in page.model.rows() if row.id == ids["Ann"]] == ["CTO"]


def test_filtering_keeps_the_edited_contact(page, ids):
    page.select(ids["Cleo"])
    page.search("globex")
    assert page.panel.contact_id() == ids["Cleo"] and page.selected_ids() == [ids["Cleo"]]
    page.search("initech")  # Cleo hidden: the panel keeps showing her
    assert page.panel.contact_id() == ids["Cleo"] and page.selected_ids() == []


def test_select_reveals_an_archived_contact(page, ids):
    assert page.select(ids["Dan"])
    assert page.show_archived.isChecked()


def test_save_updates_the_row_in_place(page, ids, qtbot):
    page.select(ids["Bob"])
    page.panel.form.company.set_name("Hooli")
    with qtbot.waitSignal(page.data_changed):
        page.panel.save_button.click()
    assert [row.company for row in page.model.rows() if row.id == ids["Bob"]] == ["Hooli"]


def test_bulk_tag_archive_cadence_and_undo(page, store, ids):
    page.table.selectAll()
    assert page.bulk.isVisibleTo(page) and page.bulk.count.text() == "3 selected"
    page.bulk.tag.setText("climate")
    page.bulk._tag()
    assert all("climate" in row.tags for row in page.model.rows())
    page.bulk.cadence.setValue(30)
    page.bulk._cadence()
    assert all(cs.get(store, i).cadence_days == 30 for i in page.selected_ids())
    page.bulk.archive.click()
    assert page.model.rowCount() == 0
    assert page.undo() and page.model.rowCount() == 3
    assert page.undo()  # the cadence
    assert cs.get(store, ids["Ann"]).cadence_days is None
    assert page.undo()  # the tag
    assert all("climate" not in row.tags for row in page.model.rows())
    assert not page.undo_button.isEnabled()


def test_bulk_delete_and_undo(page, store, ids, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda p, text, *a, **k: asked.append(text) or True)
    page.table.selectAll()
    page.bulk.delete.click()
    assert asked[0].startswith("Delete 3 contacts? Their 1 chat will be deleted")
    assert page.model.rowCount() == 0
    page.undo()
    assert _names(page) == ["Ann Lee", "Bob Ray", "Cleo Park"]
    assert len(chats.for_contact(store, ids["Bob"])) == 1


def test_undo_key_in_the_table(qtbot, page, ids, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a, **k: True)
    page.select(ids["Ann"])
    page.panel.delete_button.click()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Ann Lee" in _names(page)


def test_plan_chat_runs_the_windows_feature(page, ids, monkeypatch):
    calls = []

    class Window:
        def has_feature(self, name):
            return name == "plan_chat"

        def run_feature(self, name, *args):
            calls.append((name, args))

    monkeypatch.setattr(page, "window", lambda: Window())
    page.select(ids["Ann"])
    page.panel.plan_button.click()
    assert calls == [("plan_chat", (ids["Ann"],))]


def test_new_contact_appears(page, store):
    page.new_button.click()
    page.panel.form.first_name.setText("Eve")
    page.panel.save_button.click()
    assert "Eve" in _names(page)


def test_edit_undo_in_the_window_undoes_a_delete(qtbot, window, store, monkeypatch):
    ann = cs.save(store, r.Contact(first_name="Ann")).id
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a, **k: True)
    page = window.show_page("contacts")
    page.refresh()
    page.select(ann)
    page.panel.delete_button.click()
    assert page.model.rowCount() == 0
    page.panel.setFocus()
    window.actions["undo"].trigger()
    assert [row.id for row in page.model.rows()] == [ann]
