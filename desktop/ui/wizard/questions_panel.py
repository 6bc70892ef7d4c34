"""Choosing the chat's questions: the bank on one side, the chosen list in order on the other.

- The bank (`questionBankList`) filters by category and by text as you type; double-click,
  Enter or "Add" puts the selected questions at the end of the chosen list.
- The chosen list (`chosenQuestionsList`) reorders by drag and drop or with Alt+↑/↓ (also
  the ↑ ↓ buttons), edits in place with F2 or a double-click, and loses a question with
  Delete. Custom questions are typed below it (`addQuestionButton`).
Every change emits `changed`; the prep page saves the plan through the autosaver.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import records as r
from desktop.domain.enums import QuestionCategory
from desktop.services import questions as questions_service
from desktop.ui.wizard.common import field_label, quiet, row, wrapping

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the chat question's id (None until saved)
BANK_ROLE = Qt.ItemDataRole.UserRole + 2  # the bank question's id (None for a custom one)
EDITABLE = (Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)


class ChosenList(QListWidget):
    """The chosen questions: drag to reorder, Alt+↑/↓ to move, Delete to remove."""

    moved = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers()
        key = event.key()
        if mods & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier) \
                and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if key == Qt.Key.Key_Up else 1)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != \
                QAbstractItemView.State.EditingState:
            self.remove_current()
            return
        super().keyPressEvent(event)

    def move_current(self, step: int) -> None:
        current = self.currentRow()
        target = current + step
        if current < 0 or not 0 <= target < self.count():
            return
        item = self.takeItem(current)
        self.insertItem(target, item)
        self.setCurrentRow(target)
        self.moved.emit()

    def remove_current(self) -> None:
        current = self.currentRow()
        if current >= 0:
            self.takeItem(current)
            self.setCurrentRow(min(current, self.count() - 1))
            self.moved.emit()


class QuestionsPanel(QWidget):
    changed = Signal()

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)

        self.count_label = field_label("")
        layout.addWidget(self.count_label)
        self.chosen = ChosenList()
        self.chosen.setObjectName("chosenQuestionsList")
        self.chosen.setAccessibleName(self.tr("Chosen questions, in order"))
        self.chosen.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.chosen.setDefaultDropAction(Qt.DropAction.MoveAction)
        wrapping(self.chosen)
        self.chosen.setMinimumHeight(180)
        self.chosen.setAlternatingRowColors(True)
        self.chosen.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                    | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.chosen.moved.connect(self._changed)
        self.chosen.model().rowsMoved.connect(self._changed)
        self.chosen.itemChanged.connect(self._edited)
        layout.addWidget(self.chosen, 1)
        self.up_button = self._small("moveQuestionUpButton", "↑", self.tr("Move question up"),
                                     lambda: self.chosen.move_current(-1))
        self.down_button = self._small("moveQuestionDownButton", "↓",
                                       self.tr("Move question down"),
                                       lambda: self.chosen.move_current(1))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeQuestionButton")
        self.remove_button.clicked.connect(self.chosen.remove_current)
        layout.addLayout(row(quiet(self.tr("Drag, or Alt+↑/↓, to reorder. F2 edits.")),
                             self.up_button, self.down_button, self.remove_button))
        self.custom_edit = QLineEdit()
        self.custom_edit.setObjectName("customQuestionEdit")
        self.custom_edit.setPlaceholderText(self.tr("Your own question…"))
        self.custom_edit.setAccessibleName(self.tr("New question"))
        self.custom_edit.returnPressed.connect(self.add_custom)
        self.add_button = QPushButton(self.tr("Add question"))
        self.add_button.setObjectName("addQuestionButton")
        self.add_button.clicked.connect(self.add_custom)
        layout.addLayout(row(self.custom_edit, self.add_button))
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("questionFilterEdit")
        self.filter_edit.setPlaceholderText(self.tr("Filter the bank…"))
        self.filter_edit.setAccessibleName(self.tr("Filter questions"))
        self.filter_edit.setClearButtonEnabled(True)
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("questionCategoryCombo")
        self.category_combo.setAccessibleName(self.tr("Question category"))
        self.category_combo.addItem(self.tr("All categories"), None)
        for category in QuestionCategory:
            self.category_combo.addItem(self.tr(category.label), category.value)
        layout.addSpacing(6)
        layout.addWidget(field_label(self.tr("Add from the question bank")))
        layout.addLayout(row(self.filter_edit, self.category_combo))
        self.bank = QListWidget()
        self.bank.setObjectName("questionBankList")
        self.bank.setAccessibleName(self.tr("Question bank"))
        self.bank.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        wrapping(self.bank)
        self.bank.setMinimumHeight(150)
        self.bank.setMaximumHeight(300)
        self.bank.setAlternatingRowColors(True)
        self.bank.itemActivated.connect(lambda item: self.add_from_bank([item]))
        self.bank.itemDoubleClicked.connect(lambda item: self.add_from_bank([item]))
        layout.addWidget(self.bank, 1)
        self.add_bank_button = QPushButton(self.tr("Add selected ↑"))
        self.add_bank_button.setObjectName("addFromBankButton")
        self.add_bank_button.clicked.connect(lambda: self.add_from_bank(self.bank.selectedItems()))
        hint = quiet(self.tr("Double-click or press Enter to add."))
        layout.addLayout(row(hint, self.add_bank_button))

        self.filter_edit.textChanged.connect(self.fill_bank)
        self.category_combo.currentIndexChanged.connect(self.fill_bank)
        self.fill_bank()
        self._count()

    def _small(self, name: str, text: str, accessible: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setToolTip(accessible)
        button.setFixedWidth(40)
        button.clicked.connect(slot)
        return button

    # --- the bank ---------------------------------------------------------------------------
    def fill_bank(self) -> None:
        value = self.category_combo.currentData()
        category = QuestionCategory(value) if value else None
        self.bank.clear()
        chosen = self._chosen_bank_ids()
        for question in questions_service.list_questions(
                self.store, category=category, text=self.filter_edit.text()):
            item = QListWidgetItem(question.text)
            item.setData(BANK_ROLE, question.id)
            item.setToolTip(self.tr(question.category.label))
            if question.id in chosen:
                item.setText("✓ " + question.text)
            self.bank.addItem(item)

    def _chosen_bank_ids(self) -> set[int]:
        return {self.chosen.item(i).data(BANK_ROLE) for i in range(self.chosen.count())} - {None}

    def add_from_bank(self, items: list[QListWidgetItem]) -> None:
        chosen = self._chosen_bank_ids()
        added = False
        for item in sorted(items, key=self.bank.row):
            bank_id = item.data(BANK_ROLE)
            if bank_id in chosen:
                continue
            text = item.text().removeprefix("✓ ")
            self._append(r.ChatQuestion(text=text, question_id=bank_id))
            item.setText("✓ " + text)
            chosen.add(bank_id)
            added = True
        if added:
            self._changed()

    # --- the chosen list ---------------------------------------------------------------------
    def _append(self, question: r.ChatQuestion) -> QListWidgetItem:
        item = QListWidgetItem(question.text)
        item.setFlags(EDITABLE)
        item.setData(ID_ROLE, question.id)
        item.setData(BANK_ROLE, question.question_id)
        self._loading, was = True, self._loading
        try:
            self.chosen.addItem(item)
        finally:
            self._loading = was
        return item

    def add_custom(self) -> None:
        text = " ".join(self.custom_edit.text().split())
        if text:
            item = self._append(r.ChatQuestion(text=text))
            self.custom_edit.clear()
            self.chosen.scrollToItem(item)
            self._changed()
            return
        # Nothing typed yet: a new line in the list, ready to type into.
        item = self._append(r.ChatQuestion(text=self.tr("New question")))
        self.chosen.setCurrentItem(item)
        self.chosen.scrollToItem(item)
        self._changed()
        self.chosen.editItem(item)

    def _edited(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        if not item.text().strip():
            self.chosen.takeItem(self.chosen.row(item))
        self._changed()

    def _changed(self, *_args) -> None:
        if self._loading:
            return
        self._count()
        self.changed.emit()

    def _count(self) -> None:
        n = self.chosen.count()
        self.count_label.setText(self.tr("Your questions (%n)", "", n))

    def set_questions(self, questions: tuple[r.ChatQuestion, ...]) -> None:
        self._loading = True
        try:
            self.chosen.clear()
            for question in questions:
                self._append(question)
        finally:
            self._loading = False
        self._count()
        self.fill_bank()

    def plan(self) -> list[r.ChatQuestion]:
        out = []
        for i in range(self.chosen.count()):
            item = self.chosen.item(i)
            text = " ".join(item.text().split())
            if text:
                out.append(r.ChatQuestion(text=text, position=i, id=item.data(ID_ROLE),
                                          question_id=item.data(BANK_ROLE)))
        return out

    def apply_ids(self, saved: tuple[r.ChatQuestion, ...]) -> None:
        """After a save: the new rows' ids go onto their items (same order as `plan`)."""
        items = [self.chosen.item(i) for i in range(self.chosen.count())
                 if self.chosen.item(i).text().strip()]
        if len(items) != len(saved):
            return
        self._loading = True
        try:
            for item, question in zip(items, saved, strict=True):
                item.setData(ID_ROLE, question.id)
        finally:
            self._loading = False
