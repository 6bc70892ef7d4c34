"""The question checklist of the live page: tick what was asked, a short answer each.

`questionChecklist` lists the planned questions, each with a tick box (Space toggles it)
and its answer shown under it. `answerEdit` below edits the answer of the selected
question; typing an answer ticks the question, and Enter moves on to the next one, so a
whole chat runs from the keyboard: read, type, Enter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.domain import records as r
from desktop.ui.wizard.common import field_label, quiet, wrapping

ID_ROLE = Qt.ItemDataRole.UserRole + 1
TEXT_ROLE = Qt.ItemDataRole.UserRole + 2
ANSWER_ROLE = Qt.ItemDataRole.UserRole + 3


class ChecklistView(QListWidget):
    toAnswer = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.toAnswer.emit()
            return
        super().keyPressEvent(event)


class Checklist(QWidget):
    askedChanged = Signal(int, bool)  # chat question id, asked
    answerChanged = Signal(int, str)  # chat question id, answer

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.list = ChecklistView()
        self.list.setObjectName("questionChecklist")
        self.list.setAccessibleName(self.tr("Questions to ask"))
        wrapping(self.list)
        self.list.setSpacing(2)
        self.list.itemChanged.connect(self._ticked)
        self.list.currentRowChanged.connect(self._current_changed)
        self.list.toAnswer.connect(lambda: self.answer_edit.setFocus())
        layout.addWidget(self.list, 1)
        self.answer_label: QLabel = field_label(self.tr("Answer"))
        self.answer_edit = QLineEdit()
        self.answer_edit.setObjectName("answerEdit")
        self.answer_edit.setAccessibleName(self.tr("Short answer to the selected question"))
        self.answer_edit.setPlaceholderText(self.tr("A few words; Enter goes to the next question"))
        self.answer_edit.setMinimumHeight(34)
        self.answer_label.setBuddy(self.answer_edit)
        self.answer_edit.textEdited.connect(self._answer_typed)
        self.answer_edit.returnPressed.connect(self.next_question)
        layout.addWidget(self.answer_label)
        layout.addWidget(self.answer_edit)
        self.empty = quiet(self.tr("No questions planned. Add some on the Prep page."))
        layout.addWidget(self.empty)

    def set_questions(self, questions: tuple[r.ChatQuestion, ...]) -> None:
        current = self.list.currentRow()
        self._loading = True
        try:
            self.list.clear()
            for question in questions:
                item = QListWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                item.setData(ID_ROLE, question.id)
                item.setData(TEXT_ROLE, question.text)
                item.setData(ANSWER_ROLE, question.answer)
                item.setCheckState(Qt.CheckState.Checked if question.asked
                                   else Qt.CheckState.Unchecked)
                self.list.addItem(item)
                self._show(item)
        finally:
            self._loading = False
        self.empty.setVisible(not questions)
        self.answer_edit.setEnabled(bool(questions))
        if questions:
            self.list.setCurrentRow(min(max(current, 0), len(questions) - 1))
        self._current_changed(self.list.currentRow())

    def _show(self, item: QListWidgetItem) -> None:
        number = self.list.row(item) + 1
        text = f"{number}. {item.data(TEXT_ROLE)}"
        answer = item.data(ANSWER_ROLE) or ""
        if answer:
            text += f"\n      ↳ {answer}"
        was, self._loading = self._loading, True
        try:
            item.setText(text)
        finally:
            self._loading = was

    def _ticked(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        self.askedChanged.emit(item.data(ID_ROLE), item.checkState() == Qt.CheckState.Checked)

    def _current_changed(self, row: int) -> None:
        item = self.list.item(row) if row >= 0 else None
        if item is None:
            self.answer_label.setText(self.tr("Answer"))
            self.answer_edit.clear()
            return
        self.answer_label.setText(self.tr("Answer to question %1").replace("%1", str(row + 1)))
        self.answer_edit.setText(item.data(ANSWER_ROLE) or "")

    def _answer_typed(self, text: str) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        item.setData(ANSWER_ROLE, text)
        self._show(item)
        self.answerChanged.emit(item.data(ID_ROLE), text)
        if text.strip() and item.checkState() != Qt.CheckState.Checked:
            item.setCheckState(Qt.CheckState.Checked)  # an answer means it was asked

    def next_question(self) -> None:
        row = self.list.currentRow()
        if row + 1 < self.list.count():
            self.list.setCurrentRow(row + 1)
            self.answer_edit.setFocus()
