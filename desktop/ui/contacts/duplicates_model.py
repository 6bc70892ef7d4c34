"""Item models of the duplicates dialog: proposed pairs of people, groups of companies."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.domain.records import CompanyDuplicate, DuplicatePair

_DISPLAY = Qt.ItemDataRole.DisplayRole
REASONS = {
    "email": QT_TRANSLATE_NOOP("DuplicatesModel", "Same e-mail"),
    "linkedin": QT_TRANSLATE_NOOP("DuplicatesModel", "Same LinkedIn profile"),
    "name": QT_TRANSLATE_NOOP("DuplicatesModel", "Same name and company"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DuplicatesModel", text)


class _ListModel(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list = []

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int):
        return self._items[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=_DISPLAY):
        if (
            role == _DISPLAY
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return _tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=_DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        if role in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return self.text(self._items[index.row()], index.column())
        return None

    def text(self, item, column: int) -> str:
        raise NotImplementedError


class DuplicatePairsModel(_ListModel):
    COL_FIRST, COL_SECOND, COL_WHY, COL_KEY = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("DuplicatesModel", "Contact"),
        QT_TRANSLATE_NOOP("DuplicatesModel", "Looks like"),
        QT_TRANSLATE_NOOP("DuplicatesModel", "Why"),
        QT_TRANSLATE_NOOP("DuplicatesModel", "Shared value"),
    )

    def text(self, pair: DuplicatePair, column: int) -> str:
        if column == self.COL_FIRST:
            return pair.first_name
        if column == self.COL_SECOND:
            return pair.second_name
        if column == self.COL_WHY:
            return _tr(REASONS.get(pair.reason, pair.reason))
        # The name key is "name|company": show it as people read it.
        return pair.key.replace("|", " · ").strip(" ·")


class CompanyGroupsModel(_ListModel):
    COL_NAMES, COL_CONTACTS = range(2)
    HEADERS = (
        QT_TRANSLATE_NOOP("DuplicatesModel", "Names that look like one company"),
        QT_TRANSLATE_NOOP("DuplicatesModel", "Contacts"),
    )

    def text(self, group: CompanyDuplicate, column: int) -> str:
        if column == self.COL_NAMES:
            return " · ".join(c.name for c in group.companies)
        return str(sum(group.contact_counts))
