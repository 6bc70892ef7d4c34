"""The navigation column: one row per page, with a count pill beside Today and Chats.

A QListWidget whose rows carry the page key (Qt.UserRole) and a count (COUNT_ROLE); the
delegate paints the count right-aligned in the accent colour (red when it means overdue).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from desktop.ui import theme
from desktop.ui.pages import PAGES

KEY_ROLE = Qt.ItemDataRole.UserRole
COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
LATE_ROLE = Qt.ItemDataRole.UserRole + 2


class BadgeDelegate(QStyledItemDelegate):
    """Paints the row as usual, then the count as a small rounded pill on the right."""

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 40, max(size.height(), 38))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        super().paint(painter, option, index)
        count = index.data(COUNT_ROLE)
        if not count:
            return
        colors = theme.current()
        text = str(count) if count < 1000 else "999+"
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        width = max(metrics.horizontalAdvance(text) + 14, 22)
        height = metrics.height() + 4
        rect = QRect(option.rect.right() - width - 8,
                     option.rect.center().y() - height // 2, width, height)
        fill = QColor(colors.late if index.data(LATE_ROLE) else colors.accent)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor(colors.accent_text if not index.data(LATE_ROLE) else "#FFFFFF"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class Navigation(QListWidget):
    """Emits `page_chosen(key)` when the user picks a row."""

    page_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setAccessibleName(self.tr("Pages"))
        self.setItemDelegate(BadgeDelegate(self))
        self.setFixedWidth(190)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.05)
        self.setFont(font)
        for spec in PAGES:
            item = QListWidgetItem(spec.translated_title())
            item.setData(KEY_ROLE, spec.key)
            self.addItem(item)
        self.currentItemChanged.connect(self._changed)

    def _changed(self, current, _previous) -> None:
        if current is not None:
            self.page_chosen.emit(current.data(KEY_ROLE))

    def item_for(self, key: str) -> QListWidgetItem:
        for row in range(self.count()):
            if self.item(row).data(KEY_ROLE) == key:
                return self.item(row)
        raise KeyError(key)

    def select(self, key: str) -> None:
        """Marks `key` as current without emitting page_chosen."""
        item = self.item_for(key)
        if self.currentItem() is not item:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)

    def set_count(self, key: str, count: int | None, *, late: bool = False) -> None:
        item = self.item_for(key)
        item.setData(COUNT_ROLE, count or 0)
        item.setData(LATE_ROLE, late)
        title = item.text()
        # Screen readers do not see the painted pill: say the count in the accessible text.
        item.setData(Qt.ItemDataRole.AccessibleTextRole,
                     f"{title}, {count}" if count else title)

    def count_of(self, key: str) -> int:
        return self.item_for(key).data(COUNT_ROLE) or 0
