"""The contacts table: one `ContactRow` per line (name, company, role, source, dates, tags)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.domain.records import ContactRow
from desktop.ui.formatting import date_text
from desktop.ui.models import RecordTableModel

COL_NAME, COL_COMPANY, COL_ROLE, COL_SOURCE, COL_LAST_CONTACT, COL_NEXT, COL_TAGS = range(7)


class ContactTableModel(RecordTableModel):
    CONTEXT = "ContactTableModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("ContactTableModel", "Name"),
        QT_TRANSLATE_NOOP("ContactTableModel", "Company"),
        QT_TRANSLATE_NOOP("ContactTableModel", "Role"),
        QT_TRANSLATE_NOOP("ContactTableModel", "Source"),
        QT_TRANSLATE_NOOP("ContactTableModel", "Last contact"),
        QT_TRANSLATE_NOOP("ContactTableModel", "Next keep-in-touch"),
        QT_TRANSLATE_NOOP("ContactTableModel", "Tags"),
    )
    BOLD_COLUMNS = frozenset({COL_NAME})
    QUIET_COLUMNS = frozenset({COL_ROLE, COL_SOURCE, COL_LAST_CONTACT, COL_TAGS})

    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today or date.today()

    def display(self, row: ContactRow, column: int) -> str:
        if column == COL_NAME:
            return row.name
        if column == COL_COMPANY:
            return row.company
        if column == COL_ROLE:
            return row.role
        if column == COL_SOURCE:
            return row.source.label
        if column == COL_LAST_CONTACT:
            return date_text(row.last_contact)
        if column == COL_NEXT:
            return date_text(row.next_keep_in_touch)
        if column == COL_TAGS:
            return ", ".join(row.tags)
        return ""

    def sort_key(self, row: ContactRow, column: int):
        if column == COL_LAST_CONTACT:
            return row.last_contact
        if column == COL_NEXT:
            return row.next_keep_in_touch
        return super().sort_key(row, column)

    def is_late(self, row: ContactRow, column: int) -> bool:
        return (column == COL_NEXT and row.next_keep_in_touch is not None
                and row.next_keep_in_touch < self.today)
