"""The "Job leads" tab: unadvertised roles people mentioned, with who said it and where it stands.

Job-lead insights from chats appear by themselves (status "New"); editing any cell, status
included, keeps the lead. Leads can also be added by hand and deleted. Status and career path
are picked from a list in the cell.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.insights import JobLead, LeadStatus
from desktop.errors import UserError
from desktop.services import insights as insights_service
from desktop.ui import dialogs, theme
from desktop.ui.insights.models import LEAD_STATUS_TEXT, LeadsModel


class LeadDelegate(QStyledItemDelegate):
    """A list to pick from for the status and career path cells; text fields elsewhere."""

    def createEditor(self, parent, option, index):
        model = index.model()
        if index.column() == LeadsModel.COL_STATUS:
            combo = QComboBox(parent)
            combo.setObjectName("leadStatusEditor")
            for status in LeadStatus:
                combo.addItem(QCoreApplication.translate("LeadsModel", LEAD_STATUS_TEXT[status]),
                              status.value)
            return combo
        if index.column() == LeadsModel.COL_PATH:
            combo = QComboBox(parent)
            combo.setObjectName("leadPathEditor")
            combo.addItem(QCoreApplication.translate("LeadDelegate", "(none)"), 0)
            for path_id, name in model.path_names.items():
                combo.addItem(name, path_id)
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole) or 0)
            editor.setCurrentIndex(max(found, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class LeadsPanel(QWidget):
    changed = Signal()

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)

        add = QHBoxLayout()
        add.setSpacing(8)
        self.company_edit = QLineEdit()
        self.company_edit.setObjectName("newLeadCompany")
        self.company_edit.setAccessibleName(self.tr("Company"))
        self.company_edit.setPlaceholderText(self.tr("Company"))
        self.role_edit = QLineEdit()
        self.role_edit.setObjectName("newLeadRole")
        self.role_edit.setAccessibleName(self.tr("Role"))
        self.role_edit.setPlaceholderText(self.tr("Role, or what you heard"))
        self.role_edit.returnPressed.connect(self.add_lead)
        self.add_button = QPushButton(self.tr("Add lead"))
        self.add_button.setObjectName("addLeadButton")
        self.add_button.clicked.connect(self.add_lead)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteLeadButton")
        self.delete_button.clicked.connect(self.delete_selected)
        add.addWidget(self.company_edit, 1)
        add.addWidget(self.role_edit, 2)
        add.addWidget(self.add_button)
        add.addStretch(0)
        add.addWidget(self.delete_button)
        layout.addLayout(add)

        self.model = LeadsModel(self)
        self.model.edited.connect(self._save)
        self.table = QTableView()
        self.table.setObjectName("jobLeads")
        self.table.setModel(self.model)
        self.table.setItemDelegate(LeadDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(LeadsModel.COL_ROLE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((LeadsModel.COL_COMPANY, 180), (LeadsModel.COL_WHO, 170),
                           (LeadsModel.COL_STATUS, 120), (LeadsModel.COL_PATH, 170)):
            header.resizeSection(col, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 1)
        self.hint = QLabel(self.tr("Double-click a cell to change it; the status and career "
                                   "path are picked from a list."))
        theme.set_role(self.hint, "quiet")
        layout.addWidget(self.hint)
        self._update_buttons()

    def set_leads(self, leads, path_names: dict[int, str]) -> None:
        self.model.set_leads(leads, path_names)
        self._update_buttons()

    def selected_lead(self) -> JobLead | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.lead(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        lead = self.selected_lead()
        self.delete_button.setEnabled(lead is not None and lead.id is not None)

    def add_lead(self) -> None:
        lead = JobLead(self.company_edit.text(), self.role_edit.text())
        try:
            insights_service.save_lead(self.store, lead)
        except UserError as exc:
            dialogs.warn(self, str(exc), self.tr("Not added"))
            return
        self.company_edit.clear()
        self.role_edit.clear()
        self.changed.emit()

    def delete_selected(self) -> None:
        lead = self.selected_lead()
        if lead is None or lead.id is None:
            return
        insights_service.delete_lead(self.store, lead.id)
        self.changed.emit()

    def _save(self, lead: JobLead) -> None:
        try:
            insights_service.save_lead(self.store, lead)
        except UserError as exc:
            dialogs.warn(self, str(exc), self.tr("Not saved"))
        self.changed.emit()
