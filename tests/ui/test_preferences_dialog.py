"""Edit → Preferences…: values saved, the theme previewed and kept or reverted, delete all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog

from desktop.domain import records as r
from desktop.services import contacts
from desktop.services import preferences as prefs
from desktop.ui import dialogs, preferences_dialog, theme
from desktop.ui.preferences_dialog import DELETE_ALL, DeleteAllDialog, PreferencesDialog


def _window_colour() -> str:
    return QApplication.instance().palette().color(QPalette.ColorRole.Window).name().upper()


def test_the_dialog_shows_and_saves_the_values(qtbot, window):
    prefs.update(window.store, chat_minutes=40, paper_size="letter")
    dialog = PreferencesDialog(window.store, window)
    qtbot.addWidget(dialog)
    assert dialog.minutes.value() == 40
    assert dialog.paper.currentData() == "letter"
    dialog.hours.setValue(48)
    dialog.cadence.setValue(60)
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    dialog.accept()
    got = prefs.get(window.store)
    assert (got.thank_you_hours, got.cadence_days, got.paper_size) == (48, 60, "a4")


def test_no_cadence_reads_as_no_reminder(qtbot, store):
    dialog = PreferencesDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.cadence.value() == 0
    assert dialog.cadence.text() == "No reminder"


def test_the_theme_previews_live_and_goes_back_on_cancel(qtbot, window):
    theme.apply(QApplication.instance(), "light")
    dialog = PreferencesDialog(window.store, window)
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    assert _window_colour() == theme.DARK.window
    dialog.reject()
    assert _window_colour() == theme.LIGHT.window


def test_the_theme_chosen_is_kept_and_checked_in_the_view_menu(qtbot, window):
    try:
        dialog = PreferencesDialog(window.store, window)
        qtbot.addWidget(dialog)
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        dialog.accept()
        assert _window_colour() == theme.DARK.window
        assert window.actions["theme_dark"].isChecked()
        assert preferences_dialog.current_theme() == "dark"
    finally:
        window.actions["theme_light"].trigger()


def test_the_delete_button_needs_the_word(qtbot, store, tmp_path):
    dialog = DeleteAllDialog(prefs_counts(store), store.path, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.delete_button.isEnabled()
    qtbot.keyClicks(dialog.confirm, "delete")
    assert not dialog.delete_button.isEnabled(), "the word is typed as shown, in capitals"
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, "DELETE")
    assert dialog.delete_button.isEnabled()
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def prefs_counts(store):
    from desktop.services import overview

    return overview.counts(store)


def test_delete_all_data_from_the_window(window, monkeypatch, tmp_path):
    contacts.save(window.store, r.Contact(first_name="Ana"))
    monkeypatch.setattr(preferences_dialog, "confirm_delete_all", lambda *a: True)
    told = []
    monkeypatch.setattr(dialogs, "info", lambda parent, text, title="": told.append(text))
    path = window.store.path
    made = preferences_dialog.delete_all_data(window)
    assert made is not None and made.exists()
    assert str(made) in told[0]
    assert window.store.path == path
    assert prefs.is_empty(window.store)


def test_delete_all_data_cancelled_changes_nothing(window, monkeypatch):
    contacts.save(window.store, r.Contact(first_name="Ana"))
    monkeypatch.setattr(preferences_dialog, "confirm_delete_all", lambda *a: False)
    assert preferences_dialog.delete_all_data(window) is None
    assert not prefs.is_empty(window.store)


def test_the_dialog_hands_delete_to_the_window(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(preferences_dialog, "delete_all_data", lambda w: asked.append(w))
    monkeypatch.setattr(PreferencesDialog, "exec",
                        lambda self: (self.delete_button.click(), self.result())[1])
    assert preferences_dialog.show_preferences(window) == DELETE_ALL
    assert asked == [window]


def test_preferences_is_in_the_edit_menu(window, monkeypatch):
    shown = []
    monkeypatch.setattr(preferences_dialog, "show_preferences", lambda w: shown.append(w))
    window.actions["preferences"].trigger()
    assert shown == [window]
