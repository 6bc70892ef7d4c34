"""The "Career paths" tab: the paths the user is exploring and the evidence for each.

Left, the paths (add, rename, remove). Right, the chosen path: the user's note on how it
fits (saved as it is typed), the chats linked to it (link another, unlink), what those chats
taught, and the job leads tied to it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import ChatStatus
from desktop.domain.insights import CareerPath, CareerPathView, PathChat
from desktop.errors import UserError
from desktop.services import career_paths
from desktop.ui import dialogs, theme
from desktop.ui.formatting import date_text

NOTE_SAVE_MS = 800


def chat_text(chat: PathChat) -> str:
    status = ChatStatus.parse(chat.status, ChatStatus.IDEA)
    parts = [chat.contact_name, QCoreApplication.translate("ChatStatus", status.label)]
    if chat.when:
        parts.append(date_text(chat.when.date()))
    return "  ·  ".join(p for p in parts if p)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    theme.set_role(label, "name")
    return label


class PathsPanel(QWidget):
    changed = Signal()
    open_chat_requested = Signal(int)

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._paths: list[CareerPath] = []
        self._view: CareerPathView | None = None
        self._choices_loaded = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(14)

        left = QVBoxLayout()
        left.setSpacing(6)
        self.path_list = QListWidget()
        self.path_list.setObjectName("careerPaths")
        self.path_list.setAccessibleName(self.tr("Career paths"))
        self.path_list.setFixedWidth(230)
        self.path_list.currentRowChanged.connect(lambda _row: self._show_current())
        left.addWidget(self.path_list, 1)
        self.new_edit = QLineEdit()
        self.new_edit.setObjectName("newPathName")
        self.new_edit.setAccessibleName(self.tr("New career path"))
        self.new_edit.setPlaceholderText(self.tr("Name a path you are exploring"))
        self.new_edit.returnPressed.connect(self.add_path)
        self.new_edit.setFixedWidth(230)
        left.addWidget(self.new_edit)
        row = QHBoxLayout()
        for name, text, slot in (("addPathButton", self.tr("Add"), self.add_path),
                                 ("renamePathButton", self.tr("Rename"), self.rename_path),
                                 ("deletePathButton", self.tr("Remove"), self.delete_path)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
            setattr(self, name, button)
        left.addLayout(row)
        layout.addLayout(left)

        self.detail = QWidget()
        self.detail.setObjectName("pathDetail")
        right = QGridLayout(self.detail)
        right.setContentsMargins(0, 0, 0, 0)
        right.setHorizontalSpacing(14)
        right.setVerticalSpacing(6)
        self.title = QLabel()
        self.title.setObjectName("pathTitle")
        theme.set_role(self.title, "subheading")
        right.addWidget(self.title, 0, 0, 1, 2)
        right.addWidget(_heading(self.tr("How it fits me")), 1, 0)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("pathNote")
        self.note_edit.setAccessibleName(self.tr("My note on fit"))
        self.note_edit.setPlaceholderText(self.tr(
            "What draws you to it, what worries you, what the chats changed in your mind…"))
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_SAVE_MS)
        self._note_timer.timeout.connect(self.save_note)
        self.note_edit.textChanged.connect(self._note_typed)
        right.addWidget(self.note_edit, 2, 0)

        chats_box = QVBoxLayout()
        chats_box.addWidget(_heading(self.tr("Chats on this path")))
        self.chat_list = QListWidget()
        self.chat_list.setObjectName("pathChats")
        self.chat_list.setAccessibleName(self.tr("Chats on this path"))
        self.chat_list.itemDoubleClicked.connect(
            lambda item: self.open_chat_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        chats_box.addWidget(self.chat_list, 1)
        link_row = QHBoxLayout()
        link_row.setSpacing(6)
        self.chat_combo = QComboBox()
        self.chat_combo.setObjectName("linkChatCombo")
        self.chat_combo.setAccessibleName(self.tr("Chat to link"))
        self.chat_combo.setMinimumContentsLength(18)
        self.link_button = QPushButton(self.tr("Link"))
        self.link_button.setObjectName("linkChatButton")
        self.link_button.clicked.connect(self.link_chosen_chat)
        self.unlink_button = QPushButton(self.tr("Unlink"))
        self.unlink_button.setObjectName("unlinkChatButton")
        self.unlink_button.clicked.connect(self.unlink_selected_chat)
        link_row.addWidget(self.chat_combo, 1)
        link_row.addWidget(self.link_button)
        link_row.addWidget(self.unlink_button)
        chats_box.addLayout(link_row)
        right.addLayout(chats_box, 1, 1, 2, 1)

        right.addWidget(_heading(self.tr("What they said")), 3, 0)
        right.addWidget(_heading(self.tr("Job leads")), 3, 1)
        self.insight_list = QListWidget()
        self.insight_list.setObjectName("pathInsights")
        self.insight_list.setAccessibleName(self.tr("What they said"))
        right.addWidget(self.insight_list, 4, 0)
        self.lead_list = QListWidget()
        self.lead_list.setObjectName("pathLeads")
        self.lead_list.setAccessibleName(self.tr("Job leads on this path"))
        for wrapped in (self.insight_list, self.lead_list, self.chat_list):
            # Long sentences wrap instead of scrolling sideways.
            wrapped.setWordWrap(True)
            wrapped.setResizeMode(QListView.ResizeMode.Adjust)
            wrapped.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right.addWidget(self.lead_list, 4, 1)
        right.setRowStretch(2, 2)
        right.setRowStretch(4, 3)
        right.setColumnStretch(0, 1)
        right.setColumnStretch(1, 1)
        layout.addWidget(self.detail, 1)
        self.empty = QLabel(self.tr(
            "Name the career paths you are exploring in the field on the left, then link "
            "chats to a path: its chats, what they taught and its job leads gather here as "
            "evidence, beside your own note on how it fits you."))
        self.empty.setObjectName("pathsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        theme.set_role(self.empty, "empty")
        layout.addWidget(self.empty, 1)
        self._show_current()

    # --- the list of paths -----------------------------------------------------------------
    def set_paths(self, paths) -> None:
        self.save_note()
        current = self.current_path_id()
        self._paths = list(paths)
        self.path_list.blockSignals(True)
        self.path_list.clear()
        for path in self._paths:
            text = path.name if not path.chats else f"{path.name}  ·  {path.chats}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, path.id)
            self.path_list.addItem(item)
            if path.id == current:
                self.path_list.setCurrentItem(item)
        if self.path_list.currentRow() < 0 and self._paths:
            self.path_list.setCurrentRow(0)
        self.path_list.blockSignals(False)
        self._choices_loaded = False
        self._show_current()

    def current_path_id(self) -> int | None:
        item = self.path_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select_path(self, path_id: int) -> None:
        for row in range(self.path_list.count()):
            if self.path_list.item(row).data(Qt.ItemDataRole.UserRole) == path_id:
                self.path_list.setCurrentRow(row)

    def add_path(self) -> None:
        try:
            path = career_paths.create(self.store, self.new_edit.text())
        except UserError as exc:
            dialogs.warn(self, str(exc), self.tr("Not added"))
            return
        self.new_edit.clear()
        self.set_paths(career_paths.list_paths(self.store))
        self.select_path(path.id)
        self.changed.emit()

    def rename_path(self) -> None:
        path_id = self.current_path_id()
        name = self.new_edit.text().strip()
        if path_id is None or not name:
            dialogs.info(self, self.tr("Type the new name in the field below the list, "
                                       "then press Rename."), self.tr("Rename a path"))
            return
        try:
            career_paths.rename(self.store, path_id, name)
        except UserError as exc:
            dialogs.warn(self, str(exc), self.tr("Not renamed"))
            return
        self.new_edit.clear()
        self.changed.emit()

    def delete_path(self) -> None:
        path_id = self.current_path_id()
        if path_id is None:
            return
        if not dialogs.ask_yes_no(self, self.tr("Remove this career path? Its chats and leads "
                                                "stay; only the link to the path goes."),
                                  self.tr("Remove path"), yes=self.tr("Remove")):
            return
        career_paths.delete(self.store, path_id)
        self.changed.emit()

    # --- one path ----------------------------------------------------------------------------
    def _show_current(self) -> None:
        path_id = self.current_path_id()
        self._view = career_paths.view(self.store, path_id) if path_id is not None else None
        self.detail.setVisible(self._view is not None)
        self.empty.setVisible(self._view is None)
        for button in (self.renamePathButton, self.deletePathButton):
            button.setEnabled(self._view is not None)
        if self._view is None:
            return
        view = self._view
        self.title.setText(view.path.name)
        self.note_edit.blockSignals(True)
        self.note_edit.setPlainText(view.path.note)
        self.note_edit.blockSignals(False)
        self.chat_list.clear()
        for chat in view.chats:
            item = QListWidgetItem(chat_text(chat))
            item.setData(Qt.ItemDataRole.UserRole, chat.chat_id)
            self.chat_list.addItem(item)
        self.insight_list.clear()
        for mention in view.insights:
            self.insight_list.addItem(f"“{' '.join(mention.text.split())}” — "
                                      f"{mention.contact_name}")
        if not view.insights:
            self.insight_list.addItem(self.tr("Nothing noted from these chats yet."))
        self.lead_list.clear()
        for lead in view.leads:
            self.lead_list.addItem("  ·  ".join(p for p in (lead.company, lead.role) if p))
        if not view.leads:
            self.lead_list.addItem(self.tr("No job leads yet."))
        if self.isVisible():
            self._load_choices()

    def showEvent(self, event) -> None:
        # Listing every chat costs time at thousands of chats: only when the tab is seen.
        self._load_choices()
        super().showEvent(event)

    def _load_choices(self) -> None:
        if self._choices_loaded or self._view is None:
            return
        # Every chat: linking one that is on another path moves it here.
        self.chat_combo.clear()
        for chat in career_paths.chat_choices(self.store):
            self.chat_combo.addItem(chat_text(chat), chat.chat_id)
        self._choices_loaded = True
        self.link_button.setEnabled(self.chat_combo.count() > 0)

    def link_chosen_chat(self) -> None:
        path_id, chat_id = self.current_path_id(), self.chat_combo.currentData()
        if path_id is None or chat_id is None:
            return
        career_paths.link_chat(self.store, chat_id, path_id)
        self.changed.emit()

    def unlink_selected_chat(self) -> None:
        item = self.chat_list.currentItem()
        if item is None:
            return
        career_paths.link_chat(self.store, item.data(Qt.ItemDataRole.UserRole), None)
        self.changed.emit()

    def _note_typed(self) -> None:
        self._note_timer.start()

    def save_note(self) -> None:
        """Saves the note now if it changed (also called before the list reloads)."""
        self._note_timer.stop()
        if self._view is None:
            return
        text = self.note_edit.toPlainText()
        if text != self._view.path.note:
            path = career_paths.set_note(self.store, self._view.path.id, text)
            self._view = CareerPathView(path, self._view.chats, self._view.insights,
                                        self._view.leads)
