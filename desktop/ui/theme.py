"""The look of Coffee Chats: Fusion, a light and a dark palette, and a small stylesheet.

Calm and modern: quiet greys, one accent colour for what needs action, red only for what
is late, generous spacing. The scheme follows the system's (QStyleHints.colorScheme) unless
the user picked one in View → Appearance; it is stored as "view/theme" = system|light|dark.

Widgets ask for a look through dynamic properties rather than colours of their own:
  QLabel[role="heading"|"subheading"|"quiet"|"figure"|"figureLabel"|"name"|"late"|"badge"]
  QPushButton[role="primary"]   the one action that matters on a row or page
  QFrame[role="card"]           a white panel with a hairline border
so a later redesign changes this file only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

import desktop.resources_rc  # noqa: F401  (the stylesheet's tick images, :/icons/tick-*.svg)

SCHEMES = ("system", "light", "dark")


@dataclass(frozen=True)
class Colors:
    window: str
    base: str
    alternate: str
    text: str
    quiet: str
    border: str
    accent: str
    accent_text: str
    accent_soft: str
    late: str
    late_soft: str
    navigation: str
    dark: bool


LIGHT = Colors(
    window="#F4F5F7", base="#FFFFFF", alternate="#F8F9FB", text="#1D2433", quiet="#5F6B7A",
    border="#DFE3EA", accent="#3559D6", accent_text="#FFFFFF", accent_soft="#E6ECFC",
    late="#C42B1C", late_soft="#FCE9E7", navigation="#ECEEF2", dark=False,
)
DARK = Colors(
    window="#1B1D21", base="#24272C", alternate="#282B31", text="#E6E8EC", quiet="#9AA3AF",
    border="#363B44", accent="#7B9BFF", accent_text="#10131A", accent_soft="#2B3553",
    late="#FF7B72", late_soft="#3E2525", navigation="#202328", dark=True,
)


def current() -> Colors:
    """The colours in use now (for painting code such as delegates)."""
    app = QApplication.instance()
    dark = bool(app and app.property("coffeeDark"))
    return DARK if dark else LIGHT


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def palette(c: Colors) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    for r, value in (
        (role.Window, c.window), (role.WindowText, c.text), (role.Base, c.base),
        (role.AlternateBase, c.alternate), (role.Text, c.text), (role.Button, c.base),
        (role.ButtonText, c.text), (role.ToolTipBase, c.base), (role.ToolTipText, c.text),
        (role.PlaceholderText, c.quiet), (role.Highlight, c.accent),
        (role.HighlightedText, c.accent_text), (role.Link, c.accent), (role.BrightText, c.late),
        (role.Light, c.base), (role.Midlight, c.border), (role.Mid, c.border),
        (role.Dark, c.quiet), (role.Shadow, "#000000"),
    ):
        p.setColor(r, QColor(value))
    disabled = QColor(c.quiet)
    disabled.setAlpha(150)
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, disabled)
    return p


def stylesheet(c: Colors, point_size: float) -> str:
    big = point_size * 1.7
    mid = point_size * 1.2
    small = max(point_size * 0.9, 8)
    return f"""
QMainWindow, QDialog {{ background: {c.window}; }}
QToolBar#header {{ background: {c.window}; border: none; border-bottom: 1px solid {c.border};
    padding: 6px 12px; spacing: 8px; }}
QListWidget#navigation {{ background: {c.navigation}; border: none;
    border-right: 1px solid {c.border}; padding: 10px 8px; outline: none; }}
QListWidget#navigation::item {{ padding: 9px 10px; border-radius: 6px; margin: 1px 0;
    color: {c.text}; }}
QListWidget#navigation::item:hover {{ background: {c.border}; }}
QListWidget#navigation::item:selected {{ background: {c.accent_soft}; color: {c.text}; }}
QLineEdit, QPlainTextEdit, QTextEdit {{
    background: {c.base}; border: 1px solid {c.border}; border-radius: 6px; padding: 5px 8px;
    selection-background-color: {c.accent}; selection-color: {c.accent_text}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{ border-color: {c.accent}; }}
QPushButton {{ background: {c.base}; border: 1px solid {c.border}; border-radius: 6px;
    padding: 5px 14px; color: {c.text}; }}
QPushButton:hover {{ border-color: {c.accent}; }}
QPushButton:disabled {{ color: {c.quiet}; background: {c.window}; }}
QPushButton[role="primary"] {{ background: {c.accent}; border-color: {c.accent};
    color: {c.accent_text}; font-weight: 600; }}
QPushButton[role="primary"]:disabled {{ background: {c.border}; border-color: {c.border};
    color: {c.quiet}; }}
QTableView, QTreeView, QListView {{ background: {c.base}; alternate-background-color: {c.alternate};
    border: 1px solid {c.border}; border-radius: 6px; gridline-color: transparent;
    selection-background-color: {c.accent_soft}; selection-color: {c.text}; outline: none; }}
QTableView::item, QTreeView::item {{ padding: 4px 8px; }}
QHeaderView::section {{ background: {c.base}; color: {c.quiet}; border: none;
    border-bottom: 1px solid {c.border}; padding: 6px 8px; font-weight: 600; }}
QFrame[role="card"] {{ background: {c.base}; border: 1px solid {c.border}; border-radius: 8px; }}
QFrame[role="card"] QLabel {{ background: transparent; border: none; }}
QLabel[role="heading"] {{ font-size: {big:.1f}pt; font-weight: 600; }}
QLabel[role="subheading"] {{ font-size: {mid:.1f}pt; font-weight: 600; padding-top: 6px; }}
QLabel[role="quiet"] {{ color: {c.quiet}; }}
QLabel[role="name"] {{ font-weight: 600; }}
QLabel[role="late"] {{ color: {c.late}; font-weight: 600; }}
QLabel[role="figure"] {{ font-size: {big:.1f}pt; font-weight: 600; }}
QLabel[role="figure"][late="true"] {{ color: {c.late}; }}
QLabel[role="figureLabel"] {{ color: {c.quiet}; font-size: {small:.1f}pt; }}
QLabel[role="empty"] {{ color: {c.quiet}; padding: 6px 0; }}
QScrollBar:vertical {{ background: transparent; width: 12px; margin: 2px; }}
QScrollBar:horizontal {{ background: transparent; height: 12px; margin: 2px; }}
QScrollBar::handle {{ background: {c.border}; border-radius: 4px; }}
QScrollBar::handle:hover {{ background: {c.quiet}; }}
QScrollBar::handle:vertical {{ min-height: 32px; }}
QScrollBar::handle:horizontal {{ min-width: 32px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
QScrollArea {{ background: transparent; border: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QStatusBar {{ color: {c.quiet}; }}
QMenu::item:disabled {{ color: {c.quiet}; }}
{indicators(c)}"""


def indicators(c: Colors) -> str:
    """Tick boxes and radio buttons drawn from the theme: Fusion outlines them with the
    window colour made darker, which all but vanishes on the dark base. The tick is an SVG
    in the accent text colour (`tick-on-accent-*.svg`, one per scheme)."""
    tick = ":/icons/tick-on-accent-dark.svg" if c.dark else ":/icons/tick-on-accent-light.svg"
    boxes = ("QCheckBox::indicator{0}, QAbstractItemView::indicator{0}, "
             "QGroupBox::indicator{0}").format
    return f"""
{boxes("")} {{ width: 14px; height: 14px; border: 1px solid {c.quiet};
    border-radius: 3px; background: {c.base}; }}
{boxes(":hover")} {{ border-color: {c.accent}; }}
{boxes(":checked")} {{ background: {c.accent}; border-color: {c.accent};
    image: url({tick}); }}
{boxes(":indeterminate")} {{ background: {c.accent_soft}; border-color: {c.accent}; }}
{boxes(":disabled")} {{ border-color: {c.border}; background: {c.window}; }}
{boxes(":checked:disabled")} {{ background: {c.border}; border-color: {c.border}; }}
QRadioButton::indicator {{ width: 14px; height: 14px; border: 1px solid {c.quiet};
    border-radius: 8px; background: {c.base}; }}
QRadioButton::indicator:hover {{ border-color: {c.accent}; }}
QRadioButton::indicator:checked {{ border-color: {c.accent}; background: qradialgradient(
    cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5, stop: 0 {c.accent}, stop: 0.42 {c.accent},
    stop: 0.5 {c.base}, stop: 1 {c.base}); }}
QRadioButton::indicator:disabled {{ border-color: {c.border}; background: {c.window}; }}
"""


def new_application(argv: list[str]) -> QApplication:
    """The app's QApplication, made with Fusion already chosen so `apply` need not set it:
    `setStyle` hands back the QStyle, and making Python's QStyle type (some 560 enum
    members) costs about 10 ms of start-up (bench/startup.py)."""
    app = QApplication([*argv, "-style", "Fusion"])
    app.setProperty("coffeeFusion", True)
    return app


def apply(app: QApplication, scheme: str = "system") -> Colors:
    """Sets Fusion, the palette and the stylesheet for `scheme` (system, light or dark)."""
    # With a stylesheet set, style() is Qt's stylesheet wrapper whose name() is empty, so
    # remember whether Fusion was set rather than asking.
    if app.property("coffeeFusion") is not True:
        app.setStyle("Fusion")
        app.setProperty("coffeeFusion", True)
    dark = system_is_dark() if scheme not in ("light", "dark") else scheme == "dark"
    colors = DARK if dark else LIGHT
    app.setProperty("coffeeDark", dark)
    app.setPalette(palette(colors))
    app.setStyleSheet(stylesheet(colors, app.font().pointSizeF() or 10.0))
    return colors


def follow_system(app: QApplication, scheme_of) -> Callable[[], None]:
    """Re-applies the look when the system scheme changes and the user chose "system".

    Returns a function that stops following (the app calls it when its window closes).
    """
    hints = QGuiApplication.styleHints()
    signal = getattr(hints, "colorSchemeChanged", None)
    if signal is None:
        return lambda: None

    def changed(*_):
        if scheme_of() == "system":
            apply(app, "system")
    signal.connect(changed)
    return lambda: signal.disconnect(changed)


def set_role(widget: QWidget, role: str, **extra) -> QWidget:
    """Tags a widget for the stylesheet (see the module docstring)."""
    widget.setProperty("role", role)
    for key, value in extra.items():
        widget.setProperty(key, value)
    if widget.isVisible():
        # A shown widget keeps its old look until the style polishes it again.
        widget.style().unpolish(widget)
        widget.style().polish(widget)
    return widget
