"""Keyboard and accessibility: the shortcuts trigger their actions, the list shows them all,
every icon-only button has an accessible name, and strings are extractable for translators."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from desktop.ui import shortcuts
from desktop.ui.pages import PAGES

ROOT = Path(__file__).resolve().parents[2]
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def active(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    window.navigation.setFocus()
    return window


def _press(window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget() or window, key, modifiers)


def test_new_chat_and_import_shortcuts_run_their_features(active):
    ran = []
    active.set_feature("new_chat", lambda w: ran.append("new_chat"))
    active.set_feature("import", lambda w: ran.append("import"))
    _press(active, Qt.Key.Key_N, CTRL)
    _press(active, Qt.Key.Key_I, CTRL)
    assert ran == ["new_chat", "import"]


def test_find_puts_the_cursor_in_the_search_field(active):
    _press(active, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is active.search_field


@pytest.mark.parametrize("key, modifiers, handler", [
    (Qt.Key.Key_P, CTRL, "print_sheet"),
    (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier, "show_guide"),
    (Qt.Key.Key_Comma, CTRL, "show_preferences"),
])
def test_print_help_and_preferences_shortcuts(active, monkeypatch, key, modifiers, handler):
    ran = []
    monkeypatch.setattr(shortcuts, handler, lambda window, *a: ran.append(window))
    _press(active, key, modifiers)
    assert ran == [active]


def test_next_and_previous_page(active):
    keys = [spec.key for spec in PAGES]
    assert active.current_key() == keys[0]
    _press(active, Qt.Key.Key_PageDown, CTRL)
    assert active.current_key() == keys[1]
    _press(active, Qt.Key.Key_Tab, CTRL)
    assert active.current_key() == keys[2]
    _press(active, Qt.Key.Key_PageUp, CTRL)
    assert active.current_key() == keys[1]
    _press(active, Qt.Key.Key_PageUp, CTRL)
    _press(active, Qt.Key.Key_PageUp, CTRL)
    assert active.current_key() == keys[-1], "it wraps around"


def test_page_shortcuts_from_inside_a_text_field(active):
    active.focus_search()
    _press(active, Qt.Key.Key_PageDown, CTRL)
    assert active.current_key() == PAGES[1].key


def test_print_sheet_takes_the_next_chat_when_none_is_selected(window, seeded, monkeypatch):
    import desktop.ui.sheet_preview as preview

    opened = []
    monkeypatch.setattr(preview, "show_sheet_preview", lambda p, s, chat_id: opened.append(chat_id))
    shortcuts.print_sheet(window)
    assert opened == [seeded.scheduled_chat]


def test_print_sheet_without_any_chat_says_what_to_do(window, monkeypatch):
    from desktop.ui import dialogs

    told = []
    monkeypatch.setattr(dialogs, "info", lambda parent, text, title="": told.append(text))
    shortcuts.print_sheet(window)
    assert "Chats page" in told[0]


def test_the_shortcut_list_shows_every_menu_shortcut(window):
    dialog = shortcuts.show_dialog(window)
    listed = {(text, keys) for _, rows in shortcuts.shortcut_rows(window) for text, keys in rows}
    for name in ("new_chat", "find", "import", "print_sheet", "next_page", "previous_page",
                 "guide", "preferences"):
        action = window.actions[name]
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert any(keys in shown for _, shown in listed), name
    items = dialog.tree.topLevelItemCount()
    assert items >= 4  # File, Edit, View, Help
    dialog.close()


def test_the_shortcut_list_is_built_from_the_actions_at_the_time(window):
    extra = window.menuBar().actions()[0].menu().addAction("Frobnicate")
    extra.setShortcut(QKeySequence("Ctrl+Shift+F12"))
    rows = [row for _, section in shortcuts.shortcut_rows(window) for row in section]
    assert ("Frobnicate", QKeySequence("Ctrl+Shift+F12").toString(
        QKeySequence.SequenceFormat.NativeText)) in rows


def _icon_only_buttons_without_a_name(root: QWidget) -> list[str]:
    missing = []
    for button in root.findChildren(QAbstractButton):
        if button.text().strip() or button.icon().isNull():
            continue
        if isinstance(button.parentWidget(), QLineEdit) or button.objectName().startswith("qt_"):
            continue  # Qt's own: a line edit's clear button, a tool/menu bar's overflow arrow
        interface = QAccessible.queryAccessibleInterface(button)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        if not (name or button.accessibleName()).strip():
            missing.append(f"{type(button).__name__} {button.objectName() or '(no name)'} "
                           f"in {type(button.parentWidget()).__name__}")
    return missing


def test_every_icon_only_button_has_an_accessible_name(window, seeded):
    for spec in PAGES:
        window.show_page(spec.key)
    assert _icon_only_buttons_without_a_name(window) == []


def test_the_dialogs_of_this_issue_have_named_buttons(qtbot, window):
    from desktop.ui.preferences_dialog import PreferencesDialog
    from desktop.ui.welcome import WelcomeDialog

    for dialog in (PreferencesDialog(window.store, window), WelcomeDialog(window),
                   shortcuts.ShortcutsDialog(window)):
        qtbot.addWidget(dialog)
        assert _icon_only_buttons_without_a_name(dialog) == [], type(dialog).__name__


# --- translations ------------------------------------------------------------------------------

def _tool(name: str) -> str | None:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found if Path(found).exists() else None


@pytest.mark.skipif(_tool("pyside6-lupdate") is None, reason="pyside6-lupdate not installed")
def test_strings_behind_tr_helpers_reach_the_translators(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import update_translations
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    ts = tmp_path / "coffee-chats_de.ts"
    update_translations.extract([ts])
    text = ts.read_text(encoding="utf-8")
    # a self.tr string (context: the class) and a module helper's (_tr) string
    assert "<name>WelcomeDialog</name>" in text and "Start empty" in text
    assert "<name>Welcome</name>" in text and "Get a copy of your data" in text


@pytest.mark.skipif(_tool("pyside6-lrelease") is None, reason="pyside6-lrelease not installed")
def test_a_compiled_translation_is_loaded_for_the_users_language(qapp, tmp_path):
    from desktop.ui import translations

    ts = tmp_path / "coffee-chats_de.ts"
    ts.write_text("""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="de_DE"><context><name>WelcomeDialog</name>
<message><source>Start empty</source><translation>Leer beginnen</translation></message>
</context></TS>""", encoding="utf-8")
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm",
                    str(tmp_path / "coffee-chats_de.qm")], check=True, capture_output=True)
    installed = translations.install(qapp, QLocale("de_DE"), str(tmp_path))
    try:
        assert installed
        assert QCoreApplication.translate("WelcomeDialog", "Start empty") == "Leer beginnen"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert translations.install(qapp, QLocale("fr_FR"), str(tmp_path)) == []


def test_the_interview_wizard_has_named_buttons(window, seeded):
    for chat_id in (seeded.scheduled_chat, seeded.held_chat):
        wizard = window.run_feature("open_chat", chat_id)
        try:
            for page_id in wizard.pageIds():
                assert _icon_only_buttons_without_a_name(wizard.page(page_id)) == [], page_id
            assert _icon_only_buttons_without_a_name(wizard) == []
        finally:
            wizard.close()
