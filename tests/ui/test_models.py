"""The table models pass Qt's model checks and sort in Python with empty values last."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt

from desktop.domain.enums import ChatStatus, Source
from desktop.domain.records import Chat, ContactRow
from desktop.ui.models.chats import COL_THANK_YOU, COL_WHEN, ChatTableModel
from desktop.ui.models.contacts import COL_COMPANY, COL_NEXT, ContactTableModel


def _contact(n: int, next_date=None) -> ContactRow:
    return ContactRow(id=n, name=f"Person {n}", company=f"Co {5 - n}", role="", source=Source.EVENT,
                      last_contact=None, next_keep_in_touch=next_date, tags=("a", "b"))


def test_contact_model(qtmodeltester):
    model = ContactTableModel(today=date(2024, 5, 1))
    model.set_rows([_contact(1, date(2024, 4, 1)), _contact(2), _contact(3, date(2024, 6, 1))])
    qtmodeltester.check(model)
    assert model.data(model.index(0, COL_NEXT), Qt.ItemDataRole.ForegroundRole) is not None
    model.sort(COL_NEXT, Qt.SortOrder.DescendingOrder)
    assert [r.id for r in model.rows()] == [3, 1, 2]
    model.sort(COL_NEXT, Qt.SortOrder.AscendingOrder)
    assert [r.id for r in model.rows()] == [1, 3, 2]
    model.sort(COL_COMPANY)
    assert [r.id for r in model.rows()] == [3, 2, 1]
    qtmodeltester.check(model)


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


def test_insight_group_model(qtmodeltester):
    from desktop.domain.enums import InsightKind
    from desktop.domain.insights import InsightGroup
    from desktop.ui.models.insights import COL_PEOPLE, COL_WHO, InsightGroupTableModel

    groups = [InsightGroup(InsightKind.SKILL, "sql", "SQL", 1, ()),
              InsightGroup(InsightKind.SKILL, "story", "Storytelling", 3, ())]
    model = InsightGroupTableModel()
    model.set_rows(groups)
    qtmodeltester.check(model)
    model.sort(COL_PEOPLE, Qt.SortOrder.DescendingOrder)
    assert [g.key for g in model.rows()] == ["story", "sql"]
    assert model.data(model.index(0, COL_WHO)) == ""
