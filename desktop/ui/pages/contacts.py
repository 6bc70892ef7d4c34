"""Contacts: every contact in a sortable table, filtered as you type in the header search.

A first, plain version (a later page adds the detail panel and editing). Filtering is plain
Python over the loaded rows: instant for tens of thousands of contacts.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QTableView, QVBoxLayout

from desktop.domain.rules import fold
from desktop.services import contacts as contacts_service
from desktop.ui import theme
from desktop.ui.models import ID_ROLE
from desktop.ui.models.contacts import COL_NAME, ContactTableModel
from desktop.ui.pages import Page


class ContactsPage(Page):
    def __init__(self, store, parent=None):
        super().__init__(store, parent)
        self._all = []
        self._filter = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        header = QHBoxLayout()
        header.addWidget(theme.set_role(QLabel(self.tr("Contacts")), "heading"))
        header.addSpacing(12)
        self.summary = theme.set_role(QLabel(), "quiet")
        header.addWidget(self.summary, 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        layout.addLayout(header)

        self.model = ContactTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("contactsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((200, 170, 200, 90, 110, 140)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        self.refresh()

    def title(self) -> str:
        return self.tr("Contacts")

    def refresh(self) -> None:
        self._all = contacts_service.list_rows(self.store)
        self._apply()

    def search(self, text: str) -> bool:
        self._filter = text
        self._apply()
        return True

    def _apply(self) -> None:
        words = fold(self._filter).split()
        rows = self._all
        if words:
            def haystack(row):
                return fold(" ".join((row.name, row.company, row.role, *row.tags, *row.emails)))
            rows = [row for row in rows if all(w in haystack(row) for w in words)]
        header = self.table.horizontalHeader()
        self.model.set_rows(rows)
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if words:
            self.summary.setText(self.tr("%1 of %2 shown").replace("%1", f"{len(rows):,}")
                                 .replace("%2", f"{len(self._all):,}"))
        else:
            self.summary.setText(self.tr("%n people", "", len(self._all)))

    def select(self, item_id: int) -> bool:
        row = self.model.row_of_id(item_id)
        if row is None and self._filter:
            self.search("")  # the contact may be hidden by the search
            row = self.model.row_of_id(item_id)
        if row is None:
            return False
        index = self.model.index(row, COL_NAME)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def selected_ids(self) -> list[int]:
        return [i.data(ID_ROLE) for i in self.table.selectionModel().selectedRows()]
