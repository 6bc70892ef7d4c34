"""The Chats page: filters, open in the wizard, new chat, cancel, print sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.domain.enums import ChatStatus
from desktop.services import chats
from desktop.ui import dialogs
from desktop.ui.models import RECORD_ROLE


def _page(window):
    return window.show_page("chats")


def test_filters_by_status_and_text(window, seeded):
    page = _page(window)
    assert page.model.rowCount() == 2
    combo = page.status_filter
    assert combo.itemText(0).endswith("(2)")
    combo.setCurrentIndex(combo.findData(ChatStatus.HELD.value))
    assert [c.id for c in page.model.rows()] == [seeded.held_chat]
    assert combo.currentText().endswith("(1)")
    combo.setCurrentIndex(0)
    page.filter_edit.setText("lukasiewicz")  # accents and case folded
    assert [c.id for c in page.model.rows()] == [seeded.scheduled_chat]
    page.filter_edit.setText("nobody at all")
    assert page.model.rowCount() == 0 and page.empty.isVisible()
    assert page.select(seeded.held_chat)  # clears the filters to show it
    assert page.filter_edit.text() == "" and page.model.rowCount() == 2


def test_enter_and_open_button_open_the_wizard(qtbot, window, seeded, monkeypatch):
    page = _page(window)
    opened = []
    page.open_chat_requested.disconnect()
    page.open_chat_requested.connect(opened.append)
    assert page.select(seeded.scheduled_chat)
    assert page.open_button.isEnabled()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    page.open_button.click()
    assert opened[-1] == seeded.scheduled_chat and len(opened) >= 1


def test_new_chat_button_runs_the_window_feature(window):
    page = _page(window)
    calls = []
    window.set_feature("new_chat", lambda win: calls.append(win))
    page.new_button.click()
    assert calls == [window]


def test_cancel_button(window, seeded, monkeypatch):
    page = _page(window)
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a, **k: True)
    page.select(seeded.held_chat)
    assert not page.cancel_button.isEnabled()  # a held chat cannot be cancelled
    page.select(seeded.scheduled_chat)
    assert page.cancel_button.isEnabled()
    page.cancel_button.click()
    assert chats.get(window.store, seeded.scheduled_chat).status is ChatStatus.CANCELLED
    selected = page.table.selectionModel().currentIndex().data(RECORD_ROLE)
    assert selected.id == seeded.scheduled_chat  # still selected after the refresh


def test_model_is_sound(qtmodeltester, window, seeded):
    qtmodeltester.check(_page(window).model)
