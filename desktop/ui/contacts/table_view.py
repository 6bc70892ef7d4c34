"""The contacts table view, set up to stay fast at tens of thousands of rows.

Every row has one fixed height and columns have set widths, so after a model reset the
view measures nothing: it asks only for the cells it paints. (ResizeToContents on either
header would read every row's text on each keystroke.)
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.ui.contacts import table_model as tm

# Sized so every column, tags included, fits beside the detail panel at 1366×768.
WIDTHS = {
    tm.COL_NAME: 140,
    tm.COL_COMPANY: 112,
    tm.COL_ROLE: 112,
    tm.COL_SOURCE: 76,
    tm.COL_LAST_CONTACT: 96,
    tm.COL_NEXT: 96,
    tm.COL_TAGS: 80,  # the last column: it takes what is left, and no less than this
}


class ContactsTableView(QTableView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("contactsTable")
        self.setAccessibleName(self.tr("Contacts"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 14)
        columns = self.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns.setStretchLastSection(True)
        columns.setHighlightSections(False)
        columns.setSortIndicatorShown(True)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setSortingEnabled(True)

    def setModel(self, model) -> None:
        super().setModel(model)
        for column, width in WIDTHS.items():
            self.setColumnWidth(column, width)
        # A date column fits its longest date ("28 Sep 2026") in the font in use.
        date_width = self.fontMetrics().horizontalAdvance("28 Sep 2026") + 24
        for column in (tm.COL_LAST_CONTACT, tm.COL_NEXT):
            self.setColumnWidth(column, max(WIDTHS[column], date_width))
        # The usual sources ("LinkedIn", "Referral") in full; "Association" is elided.
        source_width = self.fontMetrics().horizontalAdvance("LinkedIn") + 28
        self.setColumnWidth(tm.COL_SOURCE, max(WIDTHS[tm.COL_SOURCE], source_width))
        if isinstance(model, tm.ContactsTableModel):
            column, order = model.sort_state()
            self.horizontalHeader().setSortIndicator(column, order)

    def selected_ids(self) -> list[int]:
        """The selected contacts in table order, read from the selection's row ranges
        (selectedRows() makes an index per row: most of a second for 50,000)."""
        model = self.model()
        rows: set[int] = set()
        for chosen in self.selectionModel().selection():
            rows.update(range(chosen.top(), chosen.bottom() + 1))
        return [model.id_at(row) for row in sorted(rows)]
