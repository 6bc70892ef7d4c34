"""Find duplicates: proposed pairs of people to merge, and companies that are one company.

People: pairs sharing an e-mail, a LinkedIn profile, or a name at one company. "Merge…"
opens the merge dialog; "Not the same person" hides the pair for good. Companies: names
that reduce to one key ("Google", "Google LLC"); pick the name to keep and merge them.
Everything done here can be undone with Edit → Undo.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.services import merge
from desktop.services.undo import UndoHistory
from desktop.ui import dialogs, theme
from desktop.ui.contacts.duplicates_model import CompanyGroupsModel, DuplicatePairsModel


def _table(name: str, model) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    return table


class DuplicatesDialog(QDialog):
    def __init__(self, store, history: UndoHistory | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Find duplicates"))
        self.store = store
        self.history = history
        self.changed = False
        self.pairs = DuplicatePairsModel(self)
        self.groups = CompanyGroupsModel(self)
        tabs = QTabWidget()
        tabs.setObjectName("duplicateTabs")
        tabs.addTab(self._people_tab(), self.tr("People"))
        tabs.addTab(self._companies_tab(), self.tr("Companies"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.tabs = tabs
        self.reload()
        self.resize(820, 520)

    # --- building ------------------------------------------------------------------------
    def _people_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.people_summary = theme.set_role(QLabel(), "quiet")
        layout.addWidget(self.people_summary)
        self.pairs_table = _table("duplicatePairs", self.pairs)
        for column, width in ((0, 200), (1, 200), (2, 170)):
            self.pairs_table.setColumnWidth(column, width)
        self.pairs_table.doubleClicked.connect(lambda _index: self._merge_pair())
        layout.addWidget(self.pairs_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.dismiss_button = QPushButton(self.tr("Not the same person"))
        self.dismiss_button.setObjectName("dismissPair")
        self.dismiss_button.clicked.connect(self._dismiss)
        self.merge_pair_button = theme.set_role(QPushButton(self.tr("Merge…")), "primary")
        self.merge_pair_button.setObjectName("mergePair")
        self.merge_pair_button.clicked.connect(self._merge_pair)
        row.addWidget(self.dismiss_button)
        row.addWidget(self.merge_pair_button)
        layout.addLayout(row)
        return page

    def _companies_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.companies_summary = theme.set_role(QLabel(), "quiet")
        layout.addWidget(self.companies_summary)
        self.groups_table = _table("companyGroups", self.groups)
        self.groups_table.setColumnWidth(0, 560)
        self.groups_table.selectionModel().currentRowChanged.connect(self._group_chosen)
        layout.addWidget(self.groups_table, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Keep the name")))
        self.keep_name = QComboBox()
        self.keep_name.setObjectName("keepCompanyName")
        self.keep_name.setAccessibleName(self.tr("Company name to keep"))
        self.keep_name.setEditable(True)
        self.keep_name.setMinimumWidth(240)
        row.addWidget(self.keep_name)
        row.addStretch(1)
        self.merge_companies_button = theme.set_role(
            QPushButton(self.tr("Merge companies")), "primary"
        )
        self.merge_companies_button.setObjectName("mergeCompanies")
        self.merge_companies_button.clicked.connect(self._merge_companies)
        row.addWidget(self.merge_companies_button)
        layout.addLayout(row)
        return page

    # --- state ---------------------------------------------------------------------------
    def reload(self) -> None:
        pairs = merge.find_duplicates(self.store)
        self.pairs.set_items(pairs)
        self.people_summary.setText(
            self.tr("%1 possible duplicates.").replace("%1", str(len(pairs)))
            if pairs
            else self.tr("No duplicates found among your contacts.")
        )
        groups = merge.find_company_duplicates(self.store)
        self.groups.set_items(groups)
        self.companies_summary.setText(
            self.tr("%1 companies appear under more than one name.").replace("%1", str(len(groups)))
            if groups
            else self.tr("Every company has one name.")
        )
        for table, model in ((self.pairs_table, self.pairs), (self.groups_table, self.groups)):
            if model.rowCount():
                table.selectRow(0)
        self._group_chosen()
        for button in (self.dismiss_button, self.merge_pair_button):
            button.setEnabled(bool(pairs))
        self.merge_companies_button.setEnabled(bool(groups))

    def _selected(self, table: QTableView) -> int | None:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    # --- people --------------------------------------------------------------------------
    def _merge_pair(self) -> None:
        from desktop.ui.contacts.merge_dialog import MergeDialog

        row = self._selected(self.pairs_table)
        if row is None:
            return
        pair = self.pairs.item(row)
        dialog = MergeDialog(self.store, pair.first_id, pair.second_id, self.history, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed = True
            self.reload()

    def _dismiss(self) -> None:
        row = self._selected(self.pairs_table)
        if row is None:
            return
        pair = self.pairs.item(row)
        merge.dismiss_pair(self.store, pair.first_id, pair.second_id)
        self.reload()

    # --- companies -----------------------------------------------------------------------
    def _group_chosen(self, *_args) -> None:
        row = self._selected(self.groups_table)
        self.keep_name.clear()
        if row is not None:
            # The name most contacts use comes first: the service sorts by contact count.
            self.keep_name.addItems([c.name for c in self.groups.item(row).companies])

    def _merge_companies(self) -> None:
        row = self._selected(self.groups_table)
        name = " ".join(self.keep_name.currentText().split())
        if row is None or not name:
            return
        group = self.groups.item(row)
        keep = next((c for c in group.companies if c.name == name), group.companies[0])
        others = [c.id for c in group.companies if c.id != keep.id]
        try:
            merge.merge_companies(self.store, keep.id, others, name, self.history)
        except UserError as exc:
            dialogs.warn(self, str(exc), self.tr("Cannot merge"))
            return
        self.changed = True
        self.reload()
        self.tabs.setCurrentIndex(1)
        self.groups_table.setFocus(Qt.FocusReason.OtherFocusReason)
