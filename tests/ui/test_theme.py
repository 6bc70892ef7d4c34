"""The look: light and dark palettes, and "system" follows the platform's colour scheme."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette

from desktop.ui import theme


@pytest.fixture
def app(qapp):
    """The test's QApplication, its look put back afterwards (it is shared by all tests)."""
    saved = (qapp.style().name(), qapp.palette(), qapp.styleSheet(), qapp.property("coffeeDark"))
    yield qapp
    style, palette, sheet, dark = saved
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    if style:  # empty when a stylesheet was already set: nothing to put back then
        qapp.setStyle(style)
    qapp.setProperty("coffeeDark", dark)
    qapp.setProperty("coffeeFusion", None)


@pytest.mark.parametrize("scheme, colors", [("light", theme.LIGHT), ("dark", theme.DARK)])
def test_a_chosen_scheme(app, scheme, colors):
    assert theme.apply(app, scheme) is colors
    assert app.property("coffeeFusion") is True
    assert app.palette().color(QPalette.ColorRole.Window).name().lower() == colors.window.lower()
    assert colors.accent in app.styleSheet()
    assert theme.current() is colors


@pytest.mark.parametrize("dark", [True, False])
def test_system_follows_the_platform(app, monkeypatch, dark):
    monkeypatch.setattr(theme, "system_is_dark", lambda: dark)
    assert theme.apply(app, "system") is (theme.DARK if dark else theme.LIGHT)
    assert theme.apply(app, "nonsense") is (theme.DARK if dark else theme.LIGHT)


def test_late_is_red_and_differs_from_the_accent():
    for colors in (theme.LIGHT, theme.DARK):
        assert colors.late != colors.accent


def test_a_system_change_is_followed_until_stopped(app, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    choice = ["system"]
    theme.apply(app, "light")
    stop = theme.follow_system(app, lambda: choice[0])
    hints = QGuiApplication.styleHints()
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.current() is theme.DARK
    choice[0] = "dark"  # the user picked one: system changes no longer matter
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert theme.current() is theme.DARK
    stop()
    choice[0] = "system"
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert theme.current() is theme.DARK
