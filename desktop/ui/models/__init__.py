"""Item models of the window: a list of frozen records behind a QAbstractTableModel.

`RecordTableModel` holds the records, answers Qt's questions through `display`, `sort_key`
and friends, and sorts in plain Python when a header is clicked (a QSortFilterProxyModel
over a Python model is far too slow at tens of thousands of rows). Filtering happens before
`set_rows`, in the service or in Python. Subclasses name their columns with `COL_*`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop.ui import theme

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record's id
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2  # the record itself


class RecordTableModel(QAbstractTableModel):
    """Subclasses set COLUMNS (English headers) and override `display`."""

    COLUMNS: tuple[str, ...] = ()
    CONTEXT = "RecordTableModel"  # the translation context of the headers
    BOLD_COLUMNS: frozenset[int] = frozenset()
    QUIET_COLUMNS: frozenset[int] = frozenset()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self._bold = QFont()
        self._bold.setBold(True)

    # --- what subclasses override ------------------------------------------------------
    def display(self, record, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, record, column: int):
        return str(self.display(record, column)).casefold()

    def is_late(self, record, column: int) -> bool:
        return False

    def tooltip(self, record, column: int) -> str | None:
        return None

    # --- the records -------------------------------------------------------------------
    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def record(self, row: int):
        return self._rows[row]

    def row_of_id(self, item_id: int) -> int | None:
        for n, rec in enumerate(self._rows):
            if getattr(rec, "id", None) == item_id:
                return n
        return None

    # --- Qt ----------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.COLUMNS)):
            return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        rec = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(rec, col)
        if role == ID_ROLE:
            return getattr(rec, "id", None)
        if role == RECORD_ROLE:
            return rec
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(rec, col)
        if role == Qt.ItemDataRole.FontRole and col in self.BOLD_COLUMNS:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole:
            colors = theme.current()
            if self.is_late(rec, col):
                return QColor(colors.late)
            if col in self.QUIET_COLUMNS:
                return QColor(colors.quiet)
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        tracked = [(idx, self._rows[idx.row()]) for idx in persistent]

        keyed = [(self.sort_key(rec, column), rec) for rec in self._rows]
        # Empty values go last in either direction: a missing date is not "the oldest".
        present = [pair for pair in keyed if pair[0] is not None and pair[0] != ""]
        missing = [rec for value, rec in keyed if value is None or value == ""]
        present.sort(key=lambda pair: pair[0], reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [rec for _value, rec in present] + missing
        where = {id(rec): n for n, rec in enumerate(self._rows)}
        for idx, rec in tracked:
            self.changePersistentIndex(idx, self.index(where[id(rec)], idx.column()))
        self.layoutChanged.emit()
