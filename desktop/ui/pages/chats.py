"""Chats: every chat with its contact, date, status and thank-you state.

Filter by status (with a count for each) and by text (contact or goal); open a chat in the
interview wizard with a double-click, Enter or "Open"; start a "New chat"; cancel one; print
its question sheet (button and context menu). The wizard is reached through the window's
"open_chat" and "new_chat" features, so this page imports neither the wizard nor the sheet
(ReportLab and QtPdf load only when a sheet is asked for).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop.domain.enums import ChatStatus
from desktop.domain.rules import fold
from desktop.services import chats as chats_service
from desktop.ui import dialogs, theme
from desktop.ui.models import RECORD_ROLE
from desktop.ui.models.chats import COL_CONTACT, COL_WHEN, ChatTableModel
from desktop.ui.pages import Page

OPEN_STATUSES = {ChatStatus.REQUESTED, ChatStatus.SCHEDULED, ChatStatus.IN_PROGRESS}
CANCELLABLE = OPEN_STATUSES | {ChatStatus.IDEA, ChatStatus.NO_REPLY}


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
        self.new_button = QPushButton(self.tr("New chat…"))
        self.new_button.setObjectName("newChatButton")
        theme.set_role(self.new_button, "primary")
        self.new_button.clicked.connect(self._new_chat)
        header.addWidget(self.new_button)
        layout.addLayout(header)

        tools = QHBoxLayout()
        tools.setSpacing(8)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("chatFilterEdit")
        self.filter_edit.setPlaceholderText(self.tr("Filter by name or goal…"))
        self.filter_edit.setAccessibleName(self.tr("Filter chats"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMaximumWidth(320)
        self.filter_edit.textChanged.connect(self._apply)
        tools.addWidget(self.filter_edit, 1)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName(self.tr("Show chats with status"))
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_filter.currentIndexChanged.connect(self._apply)
        tools.addWidget(self.status_filter)
        tools.addStretch(1)
        self.open_button = self._button("openChatButton", self.tr("Open"),
                                        lambda: self._open(self._selected()))
        self.sheet_button = self._button("printSheetButton", self.tr("Print question sheet…"),
                                         lambda: self._print_sheet(self._selected()))
        self.cancel_button = self._button("cancelChatButton", self.tr("Cancel chat…"),
                                          lambda: self._cancel(self._selected()))
        for button in (self.open_button, self.sheet_button, self.cancel_button):
            tools.addWidget(button)
        layout.addLayout(tools)
        self._fill_status_filter()

        self.model = ChatTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("chatsTable")
        self.table.setAccessibleName(self.tr("Chats"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.sortByColumn(COL_WHEN, Qt.SortOrder.DescendingOrder)
        for column, width in enumerate((170, 200, 110, 160)):
            self.table.setColumnWidth(column, width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.activated.connect(lambda index: self._open(index.data(RECORD_ROLE)))
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._selection_changed())
        layout.addWidget(self.table, 1)
        self.empty = theme.set_role(QLabel(), "empty")
        self.empty.setObjectName("chatsEmpty")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.refresh()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setEnabled(False)
        button.clicked.connect(slot)
        return button

    def title(self) -> str:
        return self.tr("Chats")

    def count(self) -> int | None:
        return sum(1 for c in self._chats if c.status in OPEN_STATUSES)

    # --- filling ----------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self._selected()
        self._chats = chats_service.list_chats(self.store)
        self._fill_status_filter()
        self._apply()
        if selected is not None:
            self.select(selected.id)

    def _fill_status_filter(self) -> None:
        counts = Counter(c.status for c in self._chats)
        wanted = self.status_filter.currentData()
        self.status_filter.blockSignals(True)
        try:
            self.status_filter.clear()
            self.status_filter.addItem(self.tr("All chats (%1)").replace(
                "%1", str(len(self._chats))), None)
            self.status_filter.addItem(self.tr("Open: requested, scheduled, in progress (%1)")
                                       .replace("%1", str(sum(counts[s] for s in OPEN_STATUSES))),
                                       "open")
            for status in ChatStatus:
                label = QCoreApplication.translate("ChatStatus", status.label)
                self.status_filter.addItem(f"{label} ({counts[status]})", status.value)
            index = self.status_filter.findData(wanted)
            self.status_filter.setCurrentIndex(max(index, 0))
        finally:
            self.status_filter.blockSignals(False)

    def _apply(self) -> None:
        wanted = self.status_filter.currentData()
        if wanted is None:
            rows = self._chats
        elif wanted == "open":
            rows = [c for c in self._chats if c.status in OPEN_STATUSES]
        else:
            rows = [c for c in self._chats if c.status.value == wanted]
        needle = fold(self.filter_edit.text())
        if needle:
            rows = [c for c in rows if needle in fold(f"{c.contact_name} {c.goal}")]
        self.model.now = datetime.now()
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.summary.setText(self.tr("%n chats", "", len(self._chats)))
        if not self._chats:
            self.empty.setText(self.tr("No chats yet. Plan one from a contact (“Plan a chat”) "
                                       "or with New chat…"))
        elif not rows:
            self.empty.setText(self.tr("No chat matches this filter."))
        self.empty.setVisible(not rows)
        self._selection_changed()

    def select(self, item_id: int) -> bool:
        row = self.model.row_of_id(item_id)
        if row is None and (self.status_filter.currentIndex() != 0 or self.filter_edit.text()):
            self.filter_edit.clear()
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

    def search(self, text: str) -> bool:
        self.filter_edit.setText(text)
        return True

    def _selected(self):
        index = self.table.selectionModel().currentIndex() if hasattr(self, "table") else None
        return index.data(RECORD_ROLE) if index is not None and index.isValid() else None

    def _selection_changed(self) -> None:
        chat = self._selected()
        self.open_button.setEnabled(chat is not None and self._has_wizard())
        self.sheet_button.setEnabled(chat is not None)
        self.cancel_button.setEnabled(chat is not None and chat.status in CANCELLABLE)

    # --- actions ----------------------------------------------------------------------------
    def _window_feature(self, name: str) -> bool:
        window = self.window()
        return bool(getattr(window, "has_feature", lambda _n: False)(name))

    def _has_wizard(self) -> bool:
        return self._window_feature("open_chat")

    def _new_chat(self) -> None:
        if self._window_feature("new_chat"):
            self.window().run_feature("new_chat")

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
        cancel.setEnabled(chat.status in CANCELLABLE)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _print_sheet(self, chat) -> None:
        """The sheet preview (QtPdf and ReportLab load only now, never at start-up)."""
        if chat is not None:
            from desktop.ui.sheet_preview import show_sheet_preview

            show_sheet_preview(self, self.store, chat.id)

    def _cancel(self, chat) -> None:
        if chat is None or chat.status not in CANCELLABLE:
            return
        question = self.tr("Cancel the chat with %1? It stays in the list as cancelled.")
        if not dialogs.ask_yes_no(self, question.replace("%1", chat.contact_name),
                                  yes=self.tr("Cancel chat"), no=self.tr("Keep")):
            return
        chats_service.cancel(self.store, chat.id)
        self.refresh()
        self.data_changed.emit()
