"""The main window: each page shows the store's data, pages are lazy, menus and settings work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.services import open_store
from desktop.ui import dialogs, settings, theme
from desktop.ui.main_window import MainWindow
from desktop.ui.models import RECORD_ROLE


def test_only_the_start_page_is_built_at_first(window):
    assert list(window.built_pages()) == ["today"]
    assert window.current_key() == "today"
    assert window.windowTitle().startswith("Today")


def test_every_page_shows_what_the_store_holds(qtbot, store, seeded):
    window = MainWindow(store)
    qtbot.addWidget(window)

    today = [row.shown.name for row in window.page("today").rows.values()]
    assert "Ana Łukasiewicz" in today  # chat tomorrow
    assert today.count("Omar Haddad") >= 2  # thank-you due and the late follow-up

    contacts = window.show_page("contacts")
    names = [row.name for row in contacts.model.rows()]
    assert sorted(names) == ["Ana Łukasiewicz", "Omar Haddad"]

    chats = window.show_page("chats")
    assert {c.id for c in chats.model.rows()} == {seeded.scheduled_chat, seeded.held_chat}

    questions = window.show_page("questions")
    assert questions.model.rowCount() > 0  # the built-in bank

    insights = window.show_page("insights")
    skills = insights.skills_panel.model
    assert skills.group(0).title.lower() == "learn sql"
    assert set(window.built_pages()) == {"today", "contacts", "chats", "questions", "insights"}


def test_badges_count_what_needs_doing(window, seeded):
    window.refresh()  # the store was filled after the window opened
    assert window.navigation.count_of("today") == window.page("today").count() >= 2
    assert window.navigation.count_of("chats") == 1  # the scheduled chat


def test_done_on_today_marks_other_pages_stale(qtbot, store, seeded):
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show_page("chats")
    window.show_page("today")
    before = window.navigation.count_of("today")
    name = f"done_follow_up{seeded.follow_up}"
    done = window.page("today").findChild(QPushButton, name)
    qtbot.mouseClick(done, Qt.MouseButton.LeftButton)
    # The follow-up is done (Omar's keep-in-touch was not listed while it was open, and
    # doing it was a contact, so it stays met).
    assert window.navigation.count_of("today") == before - 1
    shown = [b for b in window.page("today").findChildren(QPushButton, name)
             if b.isVisibleTo(window)]
    assert shown == []
    assert "chats" in window._stale
    window.show_page("chats")
    assert "chats" not in window._stale


def test_search_filters_contacts(qtbot, window, seeded):
    # The header's search lists full-text hits; its last row filters the Contacts page.
    window.refresh()
    qtbot.keyClicks(window.search_field, "shop")
    window.search_field.returnPressed.emit()
    results = window.findChild(QWidget, "searchResults")
    results.setCurrentRow(results.count() - 1)
    results.open_current()
    page = window.built_pages()["contacts"]
    assert window.current_key() == "contacts"
    assert [row.name for row in page.model.rows()] == ["Ana Łukasiewicz"]


def test_show_contact_selects_it(window, seeded):
    window.show_contact(seeded.omar)
    page = window.built_pages()["contacts"]
    assert page.selected_ids() == [seeded.omar]


def test_chats_filter_by_status(window, seeded):
    page = window.show_page("chats")
    page.status_filter.setCurrentIndex(page.status_filter.findData("held"))
    assert [c.id for c in page.model.rows()] == [seeded.held_chat]
    page.status_filter.setCurrentIndex(page.status_filter.findData("open"))
    assert [c.id for c in page.model.rows()] == [seeded.scheduled_chat]


def test_cancel_a_chat_from_the_chats_page(window, seeded, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a, **k: True)
    page = window.show_page("chats")
    chat = next(c for c in page.model.rows() if c.id == seeded.scheduled_chat)
    page._cancel(chat)
    statuses = {c.id: c.status.value for c in page.model.rows()}
    assert statuses[seeded.scheduled_chat] == "cancelled"
    assert window.navigation.count_of("chats") == 0


def test_features_stay_disabled_until_wired(qtbot, store, monkeypatch):
    from desktop.ui import main_window

    for name in ("import", "export"):  # as before the import and export dialogs
        monkeypatch.setitem(main_window.FEATURES, name, None)
    window = MainWindow(store)
    qtbot.addWidget(window)
    for name in ("import", "export"):
        assert not window.actions[name].isEnabled()
    calls = []
    window.set_feature("import", lambda win: calls.append(win))
    assert window.actions["import"].isEnabled()
    window.actions["import"].trigger()
    assert calls == [window]


def test_open_chat_without_the_wizard_shows_it_in_chats(window, seeded, monkeypatch):
    from desktop.ui import main_window

    monkeypatch.setitem(main_window.FEATURES, "open_chat", None)  # as before the wizard
    window.open_chat(seeded.held_chat)
    page = window.built_pages()["chats"]
    selected = page.table.selectionModel().selectedRows()
    assert [i.data(RECORD_ROLE).id for i in selected] == [seeded.held_chat]


def test_open_database_switches_files(window, tmp_path, monkeypatch):
    other = tmp_path / "other.sqlite"
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: other)
    old_store = window.store
    window.show_page("contacts")
    window.actions["open_database"].trigger()
    assert window.store.path == other
    assert old_store.db.is_closed()
    assert window.current_key() == "contacts"
    assert window.page("contacts").model.rowCount() == 0


def test_open_database_refused_keeps_the_current_one(window, tmp_path, monkeypatch):
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database at all" * 50)
    errors = []
    monkeypatch.setattr(dialogs, "error", lambda parent, text, *a, **k: errors.append(text))
    current = window.store
    assert window.open_database(garbage) is False
    assert window.store is current and not current.db.is_closed()
    assert "not a Coffee Chats database" in errors[0]
    assert garbage.read_bytes() == b"not a database at all" * 50


def test_geometry_is_remembered(qtbot, store, db_path):
    first = MainWindow(store)
    qtbot.addWidget(first)
    first.show()
    first.resize(701, 513)  # within the offscreen platform's 800 × 600 screen
    first.close()
    assert settings().value("window/geometry") is not None
    second = MainWindow(open_store(db_path))
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (701, 513)
    second.store.close()


def test_about_names_the_database(window, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "info", lambda parent, text, *a, **k: shown.append(text))
    window.actions["about"].trigger()
    assert str(window.store.path) in shown[0]
    window.actions["shortcuts"].trigger()
    from desktop.ui.shortcuts import ShortcutsDialog

    listed = window.findChild(ShortcutsDialog).tree
    assert listed.findItems("Ctrl+F", Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchContains, 1)


def test_theme_choice_is_stored(window, qapp, monkeypatch):
    applied = []
    monkeypatch.setattr(theme, "apply", lambda app, scheme: applied.append(scheme))
    window.actions["theme_dark"].trigger()
    assert settings().value("view/theme") == "dark"
    window.actions["theme_light"].trigger()
    assert applied == ["dark", "light"]
    assert window.actions["theme_light"].isChecked()
