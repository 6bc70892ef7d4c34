"""A Today row makes its other buttons the first time it needs them, and a reused row shows
them in their place (secondary buttons, then Snooze, then the primary one) or hides them.
Its texts are painted in the theme's colours, cut short in a narrow window."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect
from PySide6.QtGui import QEnterEvent, QHelpEvent
from PySide6.QtWidgets import QApplication, QPushButton, QToolTip

from desktop.domain.enums import FollowUpKind
from desktop.domain.keep_in_touch import TodoItem, TodoKind
from desktop.ui import theme
from desktop.ui.today.rows import TodoRow

NOW = datetime(2025, 3, 12, 10, 0)
CHAT = TodoItem(TodoKind.CHAT, 1, "Ann", chat_id=7, chat_status="scheduled",
                when=datetime(2025, 3, 13, 9, 0))
FOLLOW_UP = TodoItem(TodoKind.FOLLOW_UP, 2, "Bo", follow_up_id=3,
                     follow_up_kind=FollowUpKind.NUDGE, chat_id=8, when=date(2025, 3, 10))


def _shown(row: TodoRow) -> list[str]:
    buttons = [b for b in row.findChildren(QPushButton) if b.isVisible()]
    return [b.objectName() for b in sorted(buttons, key=lambda b: b.x())]


def test_a_chat_row_makes_only_its_primary_button(qtbot):
    row = TodoRow(lambda action, item: None)
    qtbot.addWidget(row)
    row.set_item(CHAT, NOW)
    assert [b.objectName() for b in row.findChildren(QPushButton)] == ["prep_chat7"]


def test_a_reused_row_shows_its_new_buttons_in_order_then_hides_them(qtbot):
    clicked = []
    row = TodoRow(lambda action, item: clicked.append((action.value, item.name)))
    qtbot.addWidget(row)
    row.set_item(CHAT, NOW)
    row.resize(900, 60)
    row.show()
    qtbot.waitExposed(row)
    row.set_item(FOLLOW_UP, NOW)
    qtbot.wait(1)
    key = "follow_up3"
    assert _shown(row) == [f"done_{key}", f"open_chat_{key}", f"snooze_{key}", f"draft_{key}"]
    row.findChild(QPushButton, f"done_{key}").click()
    assert clicked == [("done", "Bo")]
    assert row.snooze_menu().objectName() == f"snoozeMenu_{key}"
    row.set_item(CHAT, NOW)
    qtbot.wait(1)
    assert _shown(row) == ["prep_chat7"]


def test_a_second_button_made_after_snooze_goes_before_it(qtbot):
    promise = TodoItem(TodoKind.FOLLOW_UP, 4, "Cy", follow_up_id=5,
                       follow_up_kind=FollowUpKind.PROMISE, when=date(2025, 3, 12))
    keep = TodoItem(TodoKind.KEEP_IN_TOUCH, 6, "Di", when=date(2025, 3, 1))
    row = TodoRow(lambda action, item: None)
    qtbot.addWidget(row)
    row.set_item(promise, NOW)  # one secondary button and Snooze
    row.resize(900, 60)
    row.show()
    qtbot.waitExposed(row)
    assert _shown(row) == ["open_contact_follow_up5", "snooze_follow_up5", "done_follow_up5"]
    row.set_item(keep, NOW)  # two secondary buttons: the second is made now
    qtbot.wait(1)
    assert _shown(row) == ["draft_keep_in_touch6", "open_contact_keep_in_touch6",
                           "snooze_keep_in_touch6", "log_keep_in_touch6"]


LONG = TodoItem(TodoKind.FOLLOW_UP, 7, "Priya Raman", follow_up_id=9,
                follow_up_kind=FollowUpKind.CHECK_IN, when=date(2025, 3, 10),
                text="Send her the write-up of the onboarding research and ask about the team",
                late=True)


@pytest.fixture
def restore_look(qapp):
    saved = (qapp.palette(), qapp.styleSheet(), qapp.property("coffeeDark"))
    yield
    qapp.setStyleSheet(saved[1])
    qapp.setPalette(saved[0])
    qapp.setProperty("coffeeDark", saved[2])


def _shown_row(qtbot, width: int) -> TodoRow:
    """A row showing LONG at `width` px, on screen."""
    row = TodoRow(lambda action, item: None)
    qtbot.addWidget(row)
    row.set_item(LONG, NOW)
    row.resize(width, 60)
    row.show()
    qtbot.waitExposed(row)
    return row


def _colours(row: TodoRow, rect: QRect) -> set[str]:
    image = row.grab().toImage()
    return {image.pixelColor(x, y).name().upper()
            for x in range(rect.left(), rect.right() + 1)
            for y in range(rect.top(), rect.bottom() + 1)}


def test_the_texts_are_painted_in_the_theme_colours_and_follow_a_switch(qtbot, qapp,
                                                                        restore_look):
    row = _shown_row(qtbot, 900)
    assert (row.shown.when, row.shown.when_role) == ("2 days late", "late")
    first_button = min(b.x() for b in row.findChildren(QPushButton) if b.isVisible())
    texts, times = QRect(0, 0, 200, 60), QRect(first_button - 140, 0, 140, 60)
    for colours in (theme.LIGHT, theme.DARK):
        theme.apply(qapp, "dark" if colours.dark else "light")
        qtbot.wait(1)
        painted = _colours(row, texts)
        assert colours.text in painted and colours.quiet in painted  # name, context
        assert colours.late in _colours(row, times)


def test_a_narrow_row_cuts_the_context_short_and_tells_it_in_a_tooltip(qtbot):
    row = _shown_row(qtbot, 640)
    assert row.minimumSizeHint().width() < 640
    buttons = [b for b in row.findChildren(QPushButton) if b.isVisible()]
    assert all(0 <= b.x() and b.geometry().right() < 640 for b in buttons)
    context = row.shown.context
    assert context.startswith("Check-in: Send her the write-up")
    assert row.accessibleName() == "Priya Raman"
    assert row.accessibleDescription() == f"{context}  ·  2 days late"
    # Hovering the context line shows all of it.
    at = QPoint(20, row.height() - 14)
    QApplication.sendEvent(row, QEnterEvent(QPointF(at), QPointF(row.mapToGlobal(at)),
                                            QPointF(row.mapToGlobal(at))))
    QApplication.sendEvent(row, QHelpEvent(QEvent.Type.ToolTip, at, row.mapToGlobal(at)))
    assert QToolTip.isVisible() and QToolTip.text() == context
    QToolTip.hideText()
