"""Chats: every chat with its contact, date, status and thank-you state; filter by status.

A first, plain version. Double-click or Enter opens a chat (the interview wizard, once
wired); the context menu also shows the contact or cancels the chat.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop.domain.enums import ChatStatus
from desktop.services import chats as chats_service
from desktop.ui import dialogs, theme
from desktop.ui.models import RECORD_ROLE
from desktop.ui.models.chats import COL_CONTACT, COL_WHEN, ChatTableModel
from desktop.ui.pages import Page

OPEN_STATUSES = {ChatStatus.REQUESTED, ChatStatus.SCHEDULED, ChatStatus.IN_PROGRESS}


class ChatsPage(Page):
    def __init__(self, store, parent=None):
        super().__init__(store, parent)
        self._chats = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        header = QHBoxLayout()
        header.addWidget(theme.set_role(QLabel(self.tr("Chats")), "heading"))
        header.addSpacing(12)
        self.summary = theme.set_role(QLabel(), "quiet")
        header.addWidget(self.summary, 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName(self.tr("Show chats with status"))
        self.status_filter.addItem(self.tr("All chats"), None)
        self.status_filter.addItem(self.tr("Open (requested, scheduled, in progress)"), "open")
        for status in ChatStatus:
            self.status_filter.addItem(QCoreApplication.translate("ChatStatus", status.label),
                                       status.value)
        self.status_filter.currentIndexChanged.connect(self._apply)
        header.addWidget(self.status_filter)
        self.sheet_button = QPushButton(self.tr("Print question sheet…"))
        self.sheet_button.setObjectName("printSheetButton")
        self.sheet_button.setEnabled(False)
        self.sheet_button.clicked.connect(lambda: self._print_sheet(self._selected()))
        header.addWidget(self.sheet_button)
        layout.addLayout(header)

        self.model = ChatTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("chatsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
        self.table.sortByColumn(COL_WHEN, Qt.SortOrder.DescendingOrder)
        for column, width in enumerate((170, 190, 110, 150)):
            self.table.setColumnWidth(column, width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.activated.connect(lambda index: self._open(index.data(RECORD_ROLE)))
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.sheet_button.setEnabled(current.isValid()))
        layout.addWidget(self.table, 1)
        self.refresh()

    def title(self) -> str:
        return self.tr("Chats")

    def count(self) -> int | None:
        return sum(1 for c in self._chats if c.status in OPEN_STATUSES)

    def refresh(self) -> None:
        self._chats = chats_service.list_chats(self.store)
        self._apply()

    def _apply(self) -> None:
        wanted = self.status_filter.currentData()
        if wanted is None:
            rows = self._chats
        elif wanted == "open":
            rows = [c for c in self._chats if c.status in OPEN_STATUSES]
        else:
            rows = [c for c in self._chats if c.status.value == wanted]
        self.model.now = datetime.now()
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.summary.setText(self.tr("%n chats", "", len(self._chats)))

    def select(self, item_id: int) -> bool:
        row = self.model.row_of_id(item_id)
        if row is None and self.status_filter.currentIndex() != 0:
            self.status_filter.setCurrentIndex(0)
            row = self.model.row_of_id(item_id)
        if row is None:
            return False
        index = self.model.index(row, COL_CONTACT)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _has_wizard(self) -> bool:
        window = self.window()
        return bool(getattr(window, "has_feature", lambda _n: False)("open_chat"))

    def _open(self, chat) -> None:
        if chat is not None and self._has_wizard():
            self.open_chat_requested.emit(chat.id)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        chat = index.data(RECORD_ROLE)
        menu = QMenu(self)
        menu.setObjectName("chatMenu")
        open_action = menu.addAction(self.tr("Open chat"), lambda: self._open(chat))
        open_action.setEnabled(self._has_wizard())
        menu.addAction(self.tr("Show contact"),
                       lambda: self.show_contact_requested.emit(chat.contact_id))
        menu.addAction(self.tr("Print question sheet…"), lambda: self._print_sheet(chat))
        menu.addSeparator()
        cancel = menu.addAction(self.tr("Cancel chat…"), lambda: self._cancel(chat))
        cancel.setEnabled(chat.status in OPEN_STATUSES | {ChatStatus.IDEA})
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _selected(self):
        index = self.table.selectionModel().currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def _print_sheet(self, chat) -> None:
        """The sheet preview (QtPdf and ReportLab load only now, never at start-up)."""
        if chat is not None:
            from desktop.ui.sheet_preview import show_sheet_preview

            show_sheet_preview(self, self.store, chat.id)

    def _cancel(self, chat) -> None:
        question = self.tr("Cancel the chat with %1? It stays in the list as cancelled.")
        if not dialogs.ask_yes_no(self, question.replace("%1", chat.contact_name),
                                  yes=self.tr("Cancel chat"), no=self.tr("Keep")):
            return
        chats_service.cancel(self.store, chat.id)
        self.refresh()
        self.data_changed.emit()
