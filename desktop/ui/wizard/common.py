"""Pieces every page of the interview wizard shares.

- `WizardContext`: the store, the chat being worked on (None until a contact is picked),
  the `AutoSaver`, and a `changed` signal pages emit after a lifecycle step so the others
  (and the window behind) reload.
- `ChatPage`: a QWizardPage whose content scrolls, which reloads itself from the store
  every time it is shown (`refresh`) and writes pending edits when left.
- `card`, `field_label`: the calm look of the pages (see desktop/ui/theme.py).
- `Tip`: a brief hint from the practice beside a field; dismissed once, gone for good
  (remembered in the app's settings).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.ui import settings, theme
from desktop.ui.wizard.autosave import AutoSaver

TIP_KEY = "tips/dismissed/"


class WizardContext(QObject):
    """What the pages share: the store, the chat id and the saver."""

    changed = Signal()  # a page changed the chat's status or stamps: others reload
    chat_created = Signal(int)

    def __init__(self, store, chat_id: int | None, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.chat_id = chat_id
        self.saver = AutoSaver(self)

    def set_chat(self, chat_id: int) -> None:
        self.chat_id = chat_id
        self.chat_created.emit(chat_id)


class ChatPage(QWizardPage):
    """A wizard page with scrolling content in `self.body` (a QVBoxLayout)."""

    def __init__(self, context: WizardContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.loading = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("pageScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        content.setObjectName("pageContent")
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(4, 4, 12, 4)
        self.body.setSpacing(14)
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll)

    @property
    def store(self):
        return self.context.store

    @property
    def chat_id(self) -> int | None:
        return self.context.chat_id

    def save_later(self, key: str, write) -> None:
        """Queues a write unless the page is filling itself from the store."""
        if not self.loading and self.chat_id is not None:
            self.context.saver.schedule(key, write)

    def initializePage(self) -> None:
        self.reload()

    def cleanupPage(self) -> None:
        # Back must not reset anything: every field is already saved.
        self.context.saver.flush()

    def reload(self) -> None:
        """Fills the page from the store, without triggering saves."""
        self.loading = True
        try:
            self.refresh()
        finally:
            self.loading = False

    def refresh(self) -> None:
        raise NotImplementedError


def wizard_style() -> str:
    """Roomier list rows, visible toggles, a stage list like the app's navigation."""
    c = theme.current()
    return (
        "QListWidget::item { padding: 5px 6px; }"
        # No bold: a wider label would be clipped by the size the button took unchecked.
        f"QPushButton:checked {{ background: {c.accent_soft}; border-color: {c.accent};"
        f" color: {c.text}; }}"
        f"QListWidget#stageList {{ background: {c.navigation}; border: none;"
        " border-radius: 8px; padding: 8px 6px; }"
        f"QListWidget#stageList::item {{ padding: 0 10px; border-radius: 6px;"
        f" color: {c.text}; }}"
        f"QListWidget#stageList::item:selected {{ background: {c.accent_soft};"
        f" color: {c.text}; font-weight: 600; }}"
    )


class WrapDelegate(QStyledItemDelegate):
    """Row heights measured at the width the text really gets (after the tick box and the
    padding): the stock measure ignores the tick box, so a line that only just fits wraps
    when painted and its last line is cut off."""

    PADDING = 18  # the row padding of wizard_style() and the text margins
    TICK_BOX = 26  # a tick box and its spacing

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        base = super().sizeHint(option, index)
        view = self.parent()
        if not isinstance(view, QListWidget):
            return base
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        spare = self.PADDING
        if index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            spare += self.TICK_BOX
        width = max(view.viewport().width() - spare, 80)
        text = QFontMetrics(opt.font).boundingRect(
            QRect(0, 0, width, 1_000_000), int(Qt.TextFlag.TextWordWrap), opt.text)
        return QSize(base.width(), max(base.height(), text.height() + 14))


def wrapping(view: QListWidget) -> QListWidget:
    """A list whose long rows wrap to its width instead of scrolling sideways."""
    if not isinstance(view.itemDelegate(), WrapDelegate):
        view.setItemDelegate(WrapDelegate(view))
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListWidget.ResizeMode.Adjust)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    return view


def card(title: str = "", object_name: str = "") -> tuple[QFrame, QVBoxLayout]:
    """A titled panel; returns the frame and the layout to fill."""
    frame = QFrame()
    theme.set_role(frame, "card")
    if object_name:
        frame.setObjectName(object_name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 14)
    layout.setSpacing(8)
    if title:
        heading = theme.set_role(QLabel(title), "subheading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
    return frame, layout


def field_label(text: str, buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    theme.set_role(label, "name")
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def quiet(text: str = "") -> QLabel:
    label = theme.set_role(QLabel(text), "quiet")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def row(*widgets, stretch_last: bool = False) -> QHBoxLayout:
    """Widgets side by side; None is a stretch, and a label takes the room when none is
    given (so a hint beside buttons does not wrap into a narrow column)."""
    layout = QHBoxLayout()
    layout.setSpacing(8)
    label_stretch = 1 if None not in widgets and not stretch_last else 0
    for widget in widgets:
        if widget is None:
            layout.addStretch(1)
        elif isinstance(widget, QHBoxLayout | QVBoxLayout):
            layout.addLayout(widget)
        elif isinstance(widget, QLabel):
            layout.addWidget(widget, label_stretch)
        else:
            layout.addWidget(widget)
    if stretch_last:
        layout.addStretch(1)
    return layout


class Tip(QFrame):
    """A short hint from the practice with a × to dismiss it for good."""

    def __init__(self, key: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"tip_{key}")
        self.setProperty("role", "tip")
        colors = theme.current()
        self.setStyleSheet(
            f"QFrame#tip_{key} {{ background: {colors.accent_soft}; border-radius: 6px; }}"
            f"QFrame#tip_{key} QLabel {{ color: {colors.text}; background: transparent; }}"
            f"QFrame#tip_{key} QToolButton {{ border: none; background: transparent;"
            f" color: {colors.quiet}; font-weight: 600; padding: 0 4px; }}"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 4, 6)
        layout.setSpacing(6)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        close = QToolButton()
        close.setObjectName(f"dismissTip_{key}")
        close.setText("×")
        close.setAccessibleName(self.tr("Dismiss this tip"))
        close.setToolTip(self.tr("Dismiss this tip"))
        close.setCursor(Qt.CursorShape.PointingHandCursor)
        close.clicked.connect(self.dismiss)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        if tip_dismissed(key):
            self.setVisible(False)
            self.setProperty("dismissed", True)

    def dismiss(self) -> None:
        settings().setValue(TIP_KEY + self.key, True)
        self.setProperty("dismissed", True)
        self.hide()


def tip_dismissed(key: str) -> bool:
    value = settings().value(TIP_KEY + key, False)
    return value in (True, "true", "1", 1)


def show_all_tips() -> None:
    store = settings()
    store.remove(TIP_KEY.rstrip("/"))
    store.sync()
