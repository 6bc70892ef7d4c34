"""Dark mode through the window: View → Appearance and the system's scheme repaint it live."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPalette

from desktop.ui import theme


@pytest.fixture
def restore_look(qapp):
    saved = (qapp.palette(), qapp.styleSheet(), qapp.property("coffeeDark"))
    yield
    palette, sheet, dark = saved
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setProperty("coffeeDark", dark)


def _colour(widget, role=QPalette.ColorRole.Window) -> str:
    return widget.palette().color(role).name().upper()


def _icon_colours(icon: QIcon) -> set[str]:
    image = icon.pixmap(QSize(24, 24)).toImage()
    return {image.pixelColor(x, y).name().upper() for x in range(24) for y in range(24)
            if image.pixelColor(x, y).alpha() > 220}


def test_the_view_menu_switches_the_window_palette_live(window, restore_look):
    window.actions["theme_light"].trigger()
    assert _colour(window) == theme.LIGHT.window
    assert _colour(window.navigation, QPalette.ColorRole.Text) == theme.LIGHT.text
    window.actions["theme_dark"].trigger()
    assert _colour(window) == theme.DARK.window
    assert _colour(window.navigation, QPalette.ColorRole.Text) == theme.DARK.text
    # the navigation icons follow without being set again
    assert theme.DARK.quiet in _icon_colours(window.navigation.item_for("today").icon())
    window.actions["theme_light"].trigger()
    assert _colour(window) == theme.LIGHT.window


def test_every_built_page_repaints_in_the_new_palette(window, restore_look):
    from desktop.ui.pages import PAGES

    for spec in PAGES:
        window.show_page(spec.key)
    window.actions["theme_dark"].trigger()
    for key, page in window.built_pages().items():
        assert _colour(page) == theme.DARK.window, key
    window.actions["theme_light"].trigger()


def test_following_the_system_repaints_the_window(window, qapp, restore_look, monkeypatch):
    from desktop.ui.main_window import theme_choice

    window.actions["theme_system"].trigger()
    stop = theme.follow_system(qapp, theme_choice)
    try:
        monkeypatch.setattr(theme, "system_is_dark", lambda: True)
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert _colour(window) == theme.DARK.window
        monkeypatch.setattr(theme, "system_is_dark", lambda: False)
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert _colour(window) == theme.LIGHT.window
    finally:
        stop()
