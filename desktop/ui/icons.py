"""The app's icons: line drawings in resources/icons/, tinted with the theme's colours.

The SVGs are compiled into `desktop.resources_rc` (packaging/build_resources.py) and read
as `:/icons/<name>.svg`, so a source checkout and a frozen build find them the same way.
They draw with `currentColor`; `icon(name)` returns a QIcon whose engine substitutes the
colour of the theme in use *when it paints*, so a switch between light and dark needs no
code that re-sets icons: the repaint after the palette change is enough.

    icon("today")          a navigation or menu icon
    app_icon()             the application's own icon (window, task bar, about)
"""

from __future__ import annotations

from functools import cache, lru_cache

from PySide6.QtCore import QByteArray, QFile, QIODevice, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

import desktop.resources_rc  # noqa: F401  (registers the :/icons/... files)
from desktop.ui import theme

APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def path(name: str) -> str:
    return f":/icons/{name}.svg"


def exists(name: str) -> bool:
    return QFile.exists(path(name))


@cache
def _source(name: str) -> bytes:
    file = QFile(path(name))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise KeyError(f"no icon {path(name)} in the compiled resources")
    try:
        return bytes(file.readAll().data())
    finally:
        file.close()


@lru_cache(maxsize=256)
def _renderer(name: str, color: str) -> QSvgRenderer:
    return QSvgRenderer(QByteArray(_source(name).replace(b"currentColor", color.encode())))


def _color(mode: QIcon.Mode) -> str:
    colors = theme.current()
    if mode == QIcon.Mode.Disabled:
        faded = QColor(colors.quiet)
        faded.setAlpha(110)
        return faded.name(QColor.NameFormat.HexArgb)
    if mode == QIcon.Mode.Selected:
        return colors.accent
    if mode == QIcon.Mode.Active:
        return colors.text
    return colors.quiet


class TintedSvgEngine(QIconEngine):
    """Draws one of our SVGs in the current theme's colour for the icon's mode."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        color = _color(mode)
        renderer = _renderer(self.name, color)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(rect))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        # Render at device pixels so high-DPI screens get sharp lines, not a blown-up 16 px.
        pixels = QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)))
        image = QPixmap(pixels)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self.paint(painter, QRect(QPoint(0, 0), pixels), mode, state)
        painter.end()
        image.setDevicePixelRatio(scale)
        return image

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        return TintedSvgEngine(self.name)

    def key(self) -> str:
        return "TintedSvgEngine"

    def iconName(self) -> str:
        return self.name

    def isNull(self) -> bool:
        return not exists(self.name)


def icon(name: str) -> QIcon:
    """The icon `name` (a file in resources/icons/ without .svg), tinted by the theme."""
    return QIcon(TintedSvgEngine(name))


@lru_cache(maxsize=1)
def app_icon() -> QIcon:
    """The app icon from its pre-rendered PNGs (window managers want pixmaps)."""
    result = QIcon()
    for size in APP_ICON_SIZES:
        result.addFile(f":/icons/app/coffee-chats-{size}.png", QSize(size, size))
    return result
