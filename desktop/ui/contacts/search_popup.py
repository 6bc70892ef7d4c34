"""Full-text search from the window's header field: a results list that opens what it found.

`run(window, text)` is the window's "search" feature: it shows, under the search field, the
hits of `services.search` — contacts, companies, notes and chats — each with the words
around the match. The list is a child of the window, not a popup window, so the field keeps
the keyboard: ↑/↓ move, Enter opens, Escape closes. A contact opens on the Contacts page; a
note or a chat opens its chat; a company filters the Contacts page by its name. The last
row filters the Contacts page by the typed text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.domain.records import SearchHit
from desktop.services import search as search_service
from desktop.ui import theme

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
LIMIT = 30
VISIBLE_ROWS = 8
KIND_LABELS = {
    "contact": "Contact",
    "company": "Company",
    "note": "Note",
    "chat": "Chat",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchResults", text)


class HitDelegate(QStyledItemDelegate):
    """Two lines: the title in bold with its kind on the right, the snippet quieter below."""

    def sizeHint(self, option, index) -> QSize:
        height = option.fontMetrics.height()
        return QSize(option.rect.width(), height * 2 + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        colors = theme.current()
        hit: SearchHit | None = index.data(HIT_ROLE)
        rect = option.rect.adjusted(10, 5, -10, -5)
        line = option.fontMetrics.height()
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(option.palette.text().color())
        kind = _tr(KIND_LABELS.get(hit.kind, hit.kind)) if hit else ""
        kind_width = option.fontMetrics.horizontalAdvance(kind) + 8
        title_rect = QRect(rect.left(), rect.top(), rect.width() - kind_width, line)
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, title_rect.width()),
        )
        painter.setFont(option.font)
        painter.setPen(QColor(colors.quiet))
        painter.drawText(
            QRect(rect.right() - kind_width, rect.top(), kind_width, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            kind,
        )
        snippet = hit.snippet if hit else ""
        painter.drawText(
            QRect(rect.left(), rect.top() + line + 2, rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            option.fontMetrics.elidedText(snippet, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()


class SearchResults(QListWidget):
    """The list under the header's search field."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window_ = window
        self.field = window.search_field
        self.setObjectName("searchResults")
        self.setAccessibleName(_tr("Search results"))
        self.setItemDelegate(HitDelegate(self))
        self.setUniformItemSizes(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the keyboard
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QListWidget.Shape.StyledPanel)
        self.itemClicked.connect(self.open_item)
        self._keys = _FieldKeys(self)
        self.field.installEventFilter(self._keys)
        self.hide()

    def show_hits(self, text: str) -> None:
        self.clear()
        if not text:
            self.hide()
            return
        hits = search_service.search(self.window_.store, text, limit=LIMIT)
        for hit in hits:
            item = QListWidgetItem(hit.title)
            item.setData(HIT_ROLE, hit)
            item.setToolTip(hit.snippet)
            self.addItem(item)
        if not hits:
            empty = QListWidgetItem(_tr("Nothing found for “%1”").replace("%1", text))
            empty.setData(HIT_ROLE, SearchHit("", 0, empty.text(), _tr("Try fewer letters.")))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(empty)
        more = QListWidgetItem(_tr("Filter contacts by “%1”").replace("%1", text))
        more.setData(
            HIT_ROLE,
            SearchHit("", 0, more.text(), _tr("Show every contact that matches in the table")),
        )
        more.setData(FILTER_ROLE, text)
        self.addItem(more)
        self.setCurrentRow(0 if hits else self.count() - 1)
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        field = self.field
        top_left = field.mapTo(self.window_, QPoint(0, field.height() + 2))
        width = max(field.width(), 420)
        left = min(top_left.x(), self.window_.width() - width - 8)
        rows = min(self.count(), VISIBLE_ROWS)
        height = self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 2
        self.setGeometry(left, top_left.y(), width, height)

    def move_by(self, step: int) -> None:
        row = self.currentRow() + step
        while 0 <= row < self.count() and not (self.item(row).flags() & Qt.ItemFlag.ItemIsEnabled):
            row += step
        if 0 <= row < self.count():
            self.setCurrentRow(row)

    def open_current(self) -> None:
        item = self.currentItem()
        if item is not None:
            self.open_item(item)

    def open_item(self, item: QListWidgetItem) -> None:
        hit: SearchHit = item.data(HIT_ROLE)
        text = item.data(FILTER_ROLE)
        self.hide()
        window = self.window_
        if text:
            window.show_page("contacts").search(text)
        elif hit.kind == "contact" and hit.contact_id is not None:
            window.show_contact(hit.contact_id)
        elif hit.kind == "company":
            window.show_page("contacts").search(hit.title)
        elif hit.chat_id is not None:
            window.open_chat(hit.chat_id)


class _FieldKeys(QObject):
    """Arrow keys, Enter and Escape typed in the search field drive the results list."""

    def __init__(self, results: SearchResults):
        super().__init__(results)
        self.results = results

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            # A click on a result comes before the list hides (it takes no focus).
            if not self.results.underMouse():
                self.results.hide()
            return False
        if event.type() != QEvent.Type.KeyPress or not self.results.isVisible():
            return False
        key = event.key()
        if key == Qt.Key.Key_Down:
            self.results.move_by(1)
        elif key == Qt.Key.Key_Up:
            self.results.move_by(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.results.open_current()
        elif key == Qt.Key.Key_Escape:
            self.results.hide()
        else:
            return False
        return True


def results_of(window: QWidget) -> SearchResults:
    found = window.findChild(SearchResults, "searchResults")
    return found if found is not None else SearchResults(window)


def run(window: QWidget, text: str) -> None:
    """The window's "search" feature: called as the user types (debounced) and on Enter."""
    results_of(window).show_hits(text.strip())
