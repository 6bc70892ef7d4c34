"""One row of the Today page per thing to do: who (bold), context (quiet), when, and actions.

A row never touches the store: each button calls `act(action, item)` with one of the
`Action` values, and the page does the work. Colours come from the theme's roles: the
accent for what needs doing now, red only for what is late.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QEnterEvent, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QToolTip,
    QWidget,
)

from desktop.domain.keep_in_touch import TodoItem
from desktop.ui import theme
from desktop.ui.today.row_texts import (
    SECONDARY_TEXT,
    Action,
    actions_for,
    context_text,
    item_key,
    when_text,
)

WHEN_WIDTH = 110  # at least: a common width lines the buttons of all rows up in columns
SECONDARY_WIDTH = 64
PRIMARY_WIDTH = 140
TEXT_MIN_WIDTH = 40  # the name and context column, cut short in a narrow window
TEXT_SPACING = 2  # between the name and the context line
ROW_MARGIN = 9  # above and below the texts and buttons
BUTTON_GAP = 6  # more than the spacing between the time and the first button


def _tr(text: str) -> str:
    return QCoreApplication.translate("TodayRow", text)


def show_if(widget: QWidget, visible: bool) -> None:
    """setVisible only when it changes: each call polishes, which a stylesheet makes slow."""
    if widget.isHidden() == visible:
        widget.setVisible(visible)


def restyle(widget: QWidget, **properties) -> None:
    """Sets stylesheet properties and re-polishes now: a widget already polished (a size
    hint is enough) keeps its old look otherwise, shown or not."""
    for key, value in properties.items():
        widget.setProperty(key, value)
    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return  # polishing reads the properties; asking for style() costs start-up time
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class _Fonts:
    """A row's font and its bold (600, as the stylesheet's names), with their metrics."""

    def __init__(self, font: QFont):
        self.regular = font
        self.bold = QFont(font)
        self.bold.setWeight(QFont.Weight.DemiBold)
        self.regular_metrics = QFontMetrics(self.regular)
        self.bold_metrics = QFontMetrics(self.bold)


def _line_height(metrics: QFontMetrics, text: str) -> int:
    """The height of one line of `text`, as a label would size it: a fallback font for
    some of its characters (Chinese, say) can make it taller. Not for Latin up to
    Extended-A (with the context line's middle dot), which every UI font has; laying the
    text out to find out costs start-up time."""
    if text.isascii() or max(text) < "\u0180":
        return metrics.height()
    flags = int(Qt.AlignmentFlag.AlignLeft)
    return metrics.boundingRect(QRect(0, 0, 2000, 2000), flags, text).height()


def _text_flags(text: str, side: Qt.AlignmentFlag) -> int:
    """How to draw `text` at the left or right `side` as a label would: in its own reading
    order (right to left when its first letter with a direction is Arabic or Hebrew,
    whatever the widget's direction), and then on the mirrored side."""
    order, align = Qt.TextFlag.TextForceLeftToRight, Qt.AlignmentFlag
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            order = Qt.TextFlag.TextForceRightToLeft
            side = align.AlignRight if side == align.AlignLeft else align.AlignLeft
        if kind in ("L", "R", "AL"):
            break
    return int(order) | int(side | align.AlignVCenter)


@dataclass(frozen=True)
class RowText:
    """What a row says: the name, the quiet context line, and the time with its role
    ("quiet", "accent" when due now, "late")."""

    name: str = ""
    context: str = ""
    when: str = ""
    when_role: str = "quiet"


class TodoRow(QWidget):
    """A row: name and context on the left; when, the other buttons and the primary right.

    The three texts are painted by the row, not shown in labels: under the app's stylesheet
    every widget costs about twice as much to polish, and Today is the start page. Their
    colours come from `theme.current()` at paint time, so a theme switch only repaints.
    Rows are reused: `set_item` shows another thing to do in the same widgets, so reloading
    Today after an action costs a few text changes, not a new tree of widgets.
    """

    def __init__(self, act: Callable[[Action, TodoItem], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._act = act
        self.item: TodoItem | None = None
        self.shown = RowText()
        self._line = False
        self._fonts: _Fonts | None = None  # made when first measured
        self._heights = (0, 0)  # of the name and context lines
        self._name_shown = ""  # the name as painted (elided when the column is narrow)
        self._flags = (0, 0, 0)  # to draw the name, context and time with
        self._actions: dict[QPushButton, Action] = {}
        self._menu: QMenu | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, ROW_MARGIN, 0, ROW_MARGIN)
        layout.setSpacing(10)
        # Two spacers hold the painted texts' places: the name and context column takes the
        # width left over, and the gap before the buttons holds the right-aligned time.
        self._texts = QSpacerItem(TEXT_MIN_WIDTH, 0, QSizePolicy.Policy.MinimumExpanding,
                                  QSizePolicy.Policy.Minimum)
        layout.addItem(self._texts)
        layout.setStretch(0, 1)
        self._gap = QSpacerItem(BUTTON_GAP, 0, QSizePolicy.Policy.Fixed,
                                QSizePolicy.Policy.Minimum)
        layout.addItem(self._gap)
        self._layout = layout
        # The other buttons (laid out in this order before the primary one) are made when a
        # row first needs them: a chat has none, a thank-you no snooze, and every widget made
        # costs start-up time (bench/startup.py).
        self.secondary: list[QPushButton | None] = [None, None]
        self.snooze_button: QPushButton | None = None
        self.primary = QPushButton(self)
        theme.set_role(self.primary, "primary")
        self.primary.setMinimumWidth(PRIMARY_WIDTH)
        self.primary.clicked.connect(lambda _=False: self._clicked(self.primary))
        layout.addWidget(self.primary)

    def set_item(self, item: TodoItem, now: datetime) -> None:
        """Shows `item`; object names follow it (`row_follow_up3`, `done_thank_you12`...)."""
        self.item = item
        key = item_key(item)
        self.setObjectName(f"row_{key}")
        when, role = when_text(item, now)
        self._show_text(RowText(item.name or _tr("(no name)"), context_text(item, now),
                                when, role))
        (primary, primary_text), secondary, snooze = actions_for(item)
        self._actions = {self.primary: primary}
        self.primary.setText(primary_text)
        self.primary.setObjectName(f"{primary.value}_{key}")
        for n, made in enumerate(self.secondary):
            action = secondary[n] if n < len(secondary) else None
            if action is None:
                if made is not None:
                    show_if(made, False)
                continue
            button = self._secondary(n)
            show_if(button, True)
            self._actions[button] = action
            button.setText(QCoreApplication.translate("TodayRow", SECONDARY_TEXT[action]))
            button.setObjectName(f"{action.value}_{key}")
        if snooze or self.snooze_button is not None:
            snooze_button = self._snooze()
            show_if(snooze_button, snooze)
            snooze_button.setObjectName(f"snooze_{key}")
        if self._menu is not None:
            self._name_menu(key)

    def set_line(self, line: bool) -> None:
        """A hairline along the top, between this row and the one (or the text) above."""
        if line != self._line:
            self._line = line
            self._layout.setContentsMargins(0, ROW_MARGIN + int(line), 0, ROW_MARGIN)
            self.update()

    # --- the painted texts -----------------------------------------------------------------
    def _show_text(self, text: RowText) -> None:
        old, self.shown = self.shown, text
        if text == old:
            return
        self.setAccessibleName(text.name)
        self.setAccessibleDescription("  ·  ".join(t for t in (text.context, text.when) if t))
        left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
        self._flags = (_text_flags(text.name, left), _text_flags(text.context, left),
                       _text_flags(text.when, right))
        self._measure()
        self.update()

    def _measure(self) -> None:
        """Sizes the spacers for the texts: line heights as a label would take, and the
        time's column at least WHEN_WIDTH wide, so the buttons of all rows line up."""
        text = self.shown
        if self._fonts is None:
            self._fonts = _Fonts(self.font())
        fonts = self._fonts
        name_height = _line_height(fonts.bold_metrics, text.name)
        context_height = _line_height(fonts.regular_metrics, text.context) if text.context else 0
        height = name_height + (TEXT_SPACING + context_height if text.context else 0)
        gap = BUTTON_GAP
        if text.when:
            metrics = fonts.regular_metrics if text.when_role == "quiet" else fonts.bold_metrics
            gap += 2 * self._layout.spacing() + max(WHEN_WIDTH,
                                                    metrics.horizontalAdvance(text.when))
        changed = (self._heights != (name_height, context_height)
                   or self._gap.sizeHint().width() != gap)
        self._heights = (name_height, context_height)
        if changed:
            policy = QSizePolicy.Policy
            self._texts.changeSize(TEXT_MIN_WIDTH, height, policy.MinimumExpanding,
                                   policy.Minimum)
            self._gap.changeSize(gap, 0, policy.Fixed, policy.Minimum)
            self._layout.invalidate()
            self.updateGeometry()

    def _rects(self) -> tuple[QRect, QRect, QRect]:
        """Where the name, context and time go, as the labels they replace were laid out:
        two lines in the text column (sharing any height to spare), the time beside it."""
        column = self._texts.geometry()
        # The gap holds the time between the layout's spacing on either side, then the
        # extra gap before the buttons (the layout mirrors it all right to left).
        gap = self._gap.geometry()
        spacing = self._layout.spacing()
        width = gap.width() - BUTTON_GAP - 2 * spacing
        x = gap.right() + 1 - spacing - width if self.isRightToLeft() else gap.x() + spacing
        when = QRect(x, column.y(), width, column.height())
        name_height, context_height = self._heights
        if not self.shown.context:
            return column, QRect(), when
        spare = max(0, column.height() - name_height - TEXT_SPACING - context_height)
        name = QRect(column.x(), column.y(), column.width(), name_height + spare // 2)
        context = QRect(column.x(), name.bottom() + 1 + TEXT_SPACING, column.width(),
                        column.bottom() - name.bottom() - TEXT_SPACING)
        return name, context, when

    def paintEvent(self, event: QPaintEvent) -> None:
        colors = theme.current()
        text = self.shown
        painter = QPainter(self)
        if self._line:
            painter.fillRect(0, 0, self.width(), 1, QColor(colors.border))
        fonts = self._fonts or _Fonts(self.font())
        name_rect, context_rect, when_rect = self._rects()
        name_flags, context_flags, when_flags = self._flags
        elide = Qt.TextElideMode.ElideRight
        painter.setFont(fonts.bold)
        painter.setPen(QColor(colors.text))
        self._name_shown = fonts.bold_metrics.elidedText(text.name, elide, name_rect.width())
        painter.drawText(name_rect, name_flags, self._name_shown)
        if text.context:
            painter.setFont(fonts.regular)
            painter.setPen(QColor(colors.quiet))
            painter.drawText(context_rect, context_flags, fonts.regular_metrics.elidedText(
                text.context, elide, context_rect.width()))
        if text.when:
            role = text.when_role
            painter.setFont(fonts.regular if role == "quiet" else fonts.bold)
            painter.setPen(QColor({"late": colors.late, "accent": colors.accent}.get(
                role, colors.quiet)))
            painter.drawText(when_rect, when_flags, text.when)

    # A tooltip tells the whole context line (it may be cut short), and the name when cut
    # short. The row filters its own events only while the mouse is over it: a Python
    # `event` override would cost every event of every row, at start-up too.
    def enterEvent(self, event: QEnterEvent) -> None:
        self.installEventFilter(self)
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.removeEventFilter(self)
        super().leaveEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self or event.type() != QEvent.Type.ToolTip:
            return False
        name_rect, context_rect, _ = self._rects()
        pos = event.pos()
        if self.shown.context and context_rect.contains(pos):
            QToolTip.showText(event.globalPos(), self.shown.context, self, context_rect)
        elif name_rect.contains(pos) and self._name_shown != self.shown.name:
            QToolTip.showText(event.globalPos(), self.shown.name, self, name_rect)
        else:
            QToolTip.hideText()  # not the row's buttons either: they have none of their own
        return True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fonts = None  # measure again (a fallback font may have come)
            self._heights = (-1, -1)
            self._measure()
        super().changeEvent(event)

    def _insert(self, button: QPushButton, before: list[QPushButton | None]) -> None:
        """Puts a button made late at its place: before the first of `before` there is."""
        following = next(b for b in [*before, self.primary] if b is not None)
        self._layout.insertWidget(self._layout.indexOf(following), button)

    def _secondary(self, n: int) -> QPushButton:
        button = self.secondary[n]
        if button is None:
            button = self.secondary[n] = QPushButton(self)
            button.setMinimumWidth(SECONDARY_WIDTH)
            button.clicked.connect(lambda _=False, b=button: self._clicked(b))
            self._insert(button, [*self.secondary[n + 1:], self.snooze_button])
        return button

    def _snooze(self) -> QPushButton:
        if self.snooze_button is None:
            self.snooze_button = QPushButton(_tr("Snooze") + "  ▾", self)
            self.snooze_button.setAccessibleName(_tr("Snooze"))
            self.snooze_button.clicked.connect(self._show_snooze_menu)
            self._insert(self.snooze_button, [])
        return self.snooze_button

    def _clicked(self, button: QPushButton) -> None:
        action = self._actions.get(button)
        if action is not None and self.item is not None:
            self._act(action, self.item)

    def snooze_menu(self) -> QMenu:
        """The snooze menu, made on first use (most rows are never snoozed)."""
        if self._menu is None:
            self._menu = QMenu(self._snooze())
            for action, text in ((Action.SNOOZE_DAY, _tr("Until tomorrow")),
                                 (Action.SNOOZE_WEEK, _tr("For a week"))):
                menu_action = self._menu.addAction(text)
                menu_action.setData(action.value)
                menu_action.triggered.connect(
                    lambda _=False, a=action: self.item is not None and self._act(a, self.item))
            if self.item is not None:
                self._name_menu(item_key(self.item))
        return self._menu

    def _name_menu(self, key: str) -> None:
        assert self._menu is not None
        self._menu.setObjectName(f"snoozeMenu_{key}")
        for menu_action in self._menu.actions():
            menu_action.setObjectName(f"{menu_action.data()}_{key}")

    def _show_snooze_menu(self) -> None:
        menu = self.snooze_menu()
        menu.popup(self.snooze_button.mapToGlobal(self.snooze_button.rect().bottomLeft()))
