"""Insight groups of one kind: what was said, by how many people, and who."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.domain.insights import InsightGroup
from desktop.ui.models import RecordTableModel

COL_TITLE, COL_PEOPLE, COL_WHO = range(3)


class InsightGroupTableModel(RecordTableModel):
    CONTEXT = "InsightGroupTableModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("InsightGroupTableModel", "Insight"),
        QT_TRANSLATE_NOOP("InsightGroupTableModel", "People"),
        QT_TRANSLATE_NOOP("InsightGroupTableModel", "Who said it"),
    )
    BOLD_COLUMNS = frozenset({COL_TITLE})
    QUIET_COLUMNS = frozenset({COL_WHO})

    def display(self, group: InsightGroup, column: int) -> str:
        if column == COL_TITLE:
            return group.title
        if column == COL_PEOPLE:
            return str(group.people)
        if column == COL_WHO:
            return ", ".join(group.names)
        return ""

    def sort_key(self, group: InsightGroup, column: int):
        if column == COL_PEOPLE:
            return group.people
        return super().sort_key(group, column)
