"""The chat table model passes Qt's model checks and sort in Python with empty values last."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from desktop.domain.enums import ChatStatus
from desktop.domain.records import Chat
from desktop.ui.models.chats import COL_THANK_YOU, COL_WHEN, ChatTableModel


def test_chat_model(qtmodeltester):
    now = datetime(2024, 5, 1, 12, 0)
    chats = [
        Chat(contact_id=1, id=1, contact_name="A", status=ChatStatus.HELD,
             scheduled_at=datetime(2024, 4, 29, 9), ended_at=datetime(2024, 4, 29, 10)),
        Chat(contact_id=2, id=2, contact_name="B", status=ChatStatus.IDEA),
        Chat(contact_id=3, id=3, contact_name="C", status=ChatStatus.THANKED,
             scheduled_at=datetime(2024, 3, 1, 9), thank_you_sent_at=datetime(2024, 3, 2, 9)),
    ]
    model = ChatTableModel(now=now)
    model.set_rows(chats)
    qtmodeltester.check(model)
    late = model.index(0, COL_THANK_YOU)
    assert "late" in model.data(late)
    assert model.data(late, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(2, COL_THANK_YOU)).startswith("sent")
    model.sort(COL_WHEN, Qt.SortOrder.DescendingOrder)
    assert [c.id for c in model.rows()] == [1, 3, 2]
