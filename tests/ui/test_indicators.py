"""Tick boxes and radio buttons stand out from the background in both themes (Fusion's own
outline, the window colour made darker, all but vanished in dark mode)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QListWidget, QListWidgetItem, QRadioButton

from desktop.ui import theme


def _luminance(color: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def _contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _best_contrast(widget, width: int, background: str) -> float:
    """The strongest contrast against `background` in the left `width` pixels (the box)."""
    image = widget.grab().toImage()
    behind = QColor(background)
    return max(_contrast(image.pixelColor(x, y), behind)
               for x in range(min(width, image.width())) for y in range(image.height()))


@pytest.fixture(params=["light", "dark"])
def colors(request, qapp):
    try:
        yield theme.apply(qapp, request.param)
    finally:
        theme.apply(qapp, "light")


def test_an_unticked_box_is_outlined_clearly(qtbot, colors):
    box = QCheckBox("Show archived")
    radio = QRadioButton("All contacts")
    for widget in (box, radio):
        qtbot.addWidget(widget)
        widget.show()
        # WCAG asks 3:1 for the parts of a control needed to see it.
        assert _best_contrast(widget, 20, colors.window) >= 3, type(widget).__name__


def test_list_tick_boxes_are_outlined_and_ticked_clearly(qtbot, colors):
    """The wizard's question checklist: rows with a tick box on the base colour."""
    view = QListWidget()
    qtbot.addWidget(view)
    for text, state in (("Asked", Qt.CheckState.Checked), ("Not yet", Qt.CheckState.Unchecked)):
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(state)
        view.addItem(item)
    view.resize(240, 120)
    view.show()
    image = view.viewport().grab().toImage()
    behind = QColor(colors.base)
    for row in range(2):
        rect = view.visualItemRect(view.item(row))
        best = max(_contrast(image.pixelColor(x, y), behind)
                   for x in range(rect.left(), rect.left() + 24)
                   for y in range(rect.top(), rect.bottom()))
        assert best >= 3, view.item(row).text()
    ticked = view.visualItemRect(view.item(0))
    seen = {image.pixelColor(x, y).name() for x in range(ticked.left(), ticked.left() + 24)
            for y in range(ticked.top(), ticked.bottom())}
    assert colors.accent.lower() in seen  # the ticked box is filled with the accent
