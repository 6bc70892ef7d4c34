"""The header's full-text search: results as you type, keys in the field, what each opens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.domain import records as r
from desktop.services import chats
from desktop.services import contacts as cs
from desktop.ui.contacts.search_popup import HIT_ROLE, results_of


@pytest.fixture
def data(store):
    zoe = cs.save(store, r.Contact(first_name="Zoë", last_name="Ngô", company="Globex"))
    chat = chats.create(store, zoe.id, goal="Pricing careers")
    chats.add_note(store, chat.id, "Mentioned an opening in Kraków (remote*)")
    return zoe, chat


def _search(qtbot, window, text):
    window.search_field.clear()
    qtbot.keyClicks(window.search_field, text)
    window._search_now()
    return results_of(window)


def _kinds(results):
    return [results.item(n).data(HIT_ROLE).kind for n in range(results.count())]


def test_results_as_you_type_and_enter_opens_the_contact(qtbot, window, data):
    zoe, _ = data
    results = _search(qtbot, window, "zo")
    assert results.isVisible()
    assert results.item(0).data(HIT_ROLE).contact_id == zoe.id
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert not results.isVisible()
    assert window.current_key() == "contacts"
    assert window.page("contacts").panel.contact_id() == zoe.id


def test_a_note_opens_its_chat(qtbot, window, data, monkeypatch):
    opened = []
    monkeypatch.setattr(window, "open_chat", opened.append)
    results = _search(qtbot, window, "krakow")
    assert _kinds(results)[0] == "note"
    results.open_item(results.item(0))
    assert opened == [data[1].id]


def test_company_filters_the_contacts_page(qtbot, window, data):
    results = _search(qtbot, window, "globex")
    row = _kinds(results).index("company")
    results.setCurrentRow(0)
    for _ in range(row):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert results.currentRow() == row
    qtbot.keyClick(window.search_field, Qt.Key.Key_Enter)
    page = window.page("contacts")
    assert page.filter.text() == "Globex" and [x.name for x in page.model.rows()] == ["Zoë Ngô"]


def test_escape_closes_and_nothing_found(qtbot, window, data):
    results = _search(qtbot, window, '"(nothing*')
    assert results.isVisible()
    assert results.count() == 2  # "nothing found" and the filter row
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert not results.isVisible()
    _search(qtbot, window, "")
    assert not results.isVisible()
