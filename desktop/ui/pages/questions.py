"""Questions: the question bank by category; filter, add, edit, archive and favourite.

The category list on the left filters the table (with counts); the field above filters by
text, ignoring case and accents. Built-in questions can be edited (an upgrade then keeps the
user's wording) and archived (an upgrade never brings them back); nothing is deleted.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import QuestionCategory
from desktop.domain.records import Question
from desktop.errors import UserError
from desktop.services import questions as questions_service
from desktop.ui import dialogs, theme
from desktop.ui.models import RECORD_ROLE, RecordTableModel
from desktop.ui.pages import Page

COL_FAVOURITE, COL_TEXT, COL_CATEGORY, COL_ORIGIN = range(4)
STAR = "★"


def category_name(category: QuestionCategory) -> str:
    return QCoreApplication.translate("QuestionCategory", category.label)


class QuestionTableModel(RecordTableModel):
    CONTEXT = "QuestionTableModel"
    COLUMNS = (
        "",  # the favourite star
        QT_TRANSLATE_NOOP("QuestionTableModel", "Question"),
        QT_TRANSLATE_NOOP("QuestionTableModel", "Category"),
        QT_TRANSLATE_NOOP("QuestionTableModel", "From"),
    )
    QUIET_COLUMNS = frozenset({COL_CATEGORY, COL_ORIGIN})

    def display(self, question: Question, column: int) -> str:
        if column == COL_FAVOURITE:
            return STAR if question.favourite else ""
        if column == COL_TEXT:
            return question.text
        if column == COL_CATEGORY:
            return category_name(question.category)
        if column == COL_ORIGIN:
            if question.archived:
                return QCoreApplication.translate(self.CONTEXT, "archived")
            if not question.builtin:
                return QCoreApplication.translate(self.CONTEXT, "mine")
            if question.edited:
                return QCoreApplication.translate(self.CONTEXT, "built-in, edited")
            return QCoreApplication.translate(self.CONTEXT, "built-in")
        return ""

    def tooltip(self, question: Question, column: int) -> str | None:
        if column == COL_FAVOURITE:
            return QCoreApplication.translate(self.CONTEXT, "Favourite: click to change")
        return question.text if column == COL_TEXT else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and 0 <= index.row() < self.rowCount():
            column = index.column()
            if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_FAVOURITE:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.ForegroundRole:
                colors = theme.current()
                if self.record(index.row()).archived:
                    return QColor(colors.quiet)  # archived rows read as set aside
                if column == COL_FAVOURITE:
                    return QColor(colors.accent)
        return super().data(index, role)


class QuestionDialog(QDialog):
    """Add or edit one question: its text and category."""

    def __init__(self, parent: QWidget | None, title: str, text: str = "",
                 category: QuestionCategory = QuestionCategory.CAREER_PATH):
        super().__init__(parent)
        self.setObjectName("questionDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        self.text_edit = QPlainTextEdit(text)
        self.text_edit.setObjectName("questionText")
        self.text_edit.setAccessibleName(self.tr("Question"))
        self.text_edit.setPlaceholderText(self.tr("What would you like to ask?"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(96)
        self.category_box = QComboBox()
        self.category_box.setObjectName("questionCategory")
        for item in QuestionCategory:
            self.category_box.addItem(category_name(item), item.value)
        self.category_box.setCurrentIndex(list(QuestionCategory).index(category))
        form.addRow(self.tr("Question"), self.text_edit)
        form.addRow(self.tr("Category"), self.category_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("questionButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.text_edit.textChanged.connect(self._update)
        form.addRow(buttons)
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(bool(self.text_edit.toPlainText().strip()))

    def values(self) -> tuple[str, QuestionCategory]:
        return (self.text_edit.toPlainText(),
                QuestionCategory(self.category_box.currentData()))


def ask_question(parent: QWidget | None, title: str, text: str = "",
                 category: QuestionCategory = QuestionCategory.CAREER_PATH,
                 ) -> tuple[str, QuestionCategory] | None:
    """Shows the question dialog; the new (text, category), or None when cancelled.

    Tests replace this function, as they replace `desktop.ui.dialogs`.
    """
    dialog = QuestionDialog(parent, title, text, category)
    try:
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class QuestionsPage(Page):
    def __init__(self, store, parent=None):
        super().__init__(store, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)

        header = QHBoxLayout()
        header.addWidget(theme.set_role(QLabel(self.tr("Questions")), "heading"))
        header.addSpacing(12)
        self.summary = theme.set_role(QLabel(), "quiet")
        self.summary.setObjectName("questionsSummary")
        header.addWidget(self.summary, 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        self._actions_to(header)
        header.addSpacing(12)
        self.add_button = theme.set_role(QPushButton(self.tr("Add question…")), "primary")
        self.add_button.setObjectName("addQuestion")
        self.add_button.clicked.connect(self.add_question)
        header.addWidget(self.add_button)
        layout.addLayout(header)

        filters = QHBoxLayout()
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("questionFilter")
        self.filter_edit.setAccessibleName(self.tr("Filter questions"))
        self.filter_edit.setPlaceholderText(self.tr("Filter questions…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._load)
        filters.addWidget(self.filter_edit, 1)
        self.favourites_box = QCheckBox(self.tr("Favourites only"))
        self.favourites_box.setObjectName("favouritesOnly")
        self.favourites_box.toggled.connect(self._load)
        filters.addWidget(self.favourites_box)
        self.archived_box = QCheckBox(self.tr("Show archived"))
        self.archived_box.setObjectName("showArchived")
        self.archived_box.toggled.connect(self.refresh)
        filters.addWidget(self.archived_box)
        layout.addLayout(filters)

        body = QHBoxLayout()
        body.setSpacing(16)
        self.categories = QListWidget()
        self.categories.setObjectName("categoryList")
        self.categories.setAccessibleName(self.tr("Categories"))
        self.categories.setFixedWidth(230)
        # Roomier rows than a plain list: this column reads as navigation, not a form.
        self.categories.setStyleSheet("QListWidget::item { padding: 7px 8px; }")
        self.categories.currentRowChanged.connect(self._load)
        body.addWidget(self.categories)

        self.model = QuestionTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("questionsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        head = self.table.horizontalHeader()
        head.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        head.setHighlightSections(False)
        head.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_FAVOURITE, 34)
        self.table.setColumnWidth(COL_CATEGORY, 170)
        self.table.setColumnWidth(COL_ORIGIN, 120)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.activated.connect(lambda index: self.edit_question(index.data(RECORD_ROLE)))
        self.table.clicked.connect(self._clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        self.empty_label = theme.set_role(QLabel(), "empty")
        self.empty_label.setObjectName("questionsEmpty")
        self.empty_label.hide()
        right.addWidget(self.empty_label)
        body.addLayout(right, 1)
        layout.addLayout(body, 1)
        self.refresh()

    def _actions_to(self, row: QHBoxLayout) -> None:
        """Edit, favourite and archive act on the selected question."""
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editQuestion")
        self.edit_button.clicked.connect(lambda: self.edit_question(self.current()))
        self.favourite_button = QPushButton(self.tr("Favourite"))
        self.favourite_button.setObjectName("favouriteQuestion")
        self.favourite_button.clicked.connect(lambda: self.toggle_favourite(self.current()))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.setObjectName("archiveQuestion")
        self.archive_button.clicked.connect(lambda: self.toggle_archived(self.current()))
        for button in (self.edit_button, self.favourite_button, self.archive_button):
            row.addWidget(button)

    # --- the Page contract ---------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Questions")

    def refresh(self) -> None:
        """Reloads the category counts and the table, keeping the filters and selection."""
        counts = questions_service.counts_by_category(
            self.store, include_archived=self.archived_box.isChecked())
        row = max(0, self.categories.currentRow())
        self.categories.blockSignals(True)
        self.categories.clear()
        all_item = QListWidgetItem(self.tr("All categories  (%1)").replace(
            "%1", str(sum(counts.values()))))
        all_item.setData(Qt.ItemDataRole.UserRole, None)
        self.categories.addItem(all_item)
        for category in QuestionCategory:
            item = QListWidgetItem(f"{category_name(category)}  ({counts[category]})")
            item.setData(Qt.ItemDataRole.UserRole, category.value)
            self.categories.addItem(item)
        self.categories.setCurrentRow(row)
        self.categories.blockSignals(False)
        self._load()

    def search(self, text: str) -> bool:
        self.filter_edit.setText(text)
        return True

    def select(self, item_id: int) -> bool:
        row = self.model.row_of_id(item_id)
        if row is None:
            return False
        index = self.model.index(row, COL_TEXT)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    # --- loading -------------------------------------------------------------------------
    def chosen_category(self) -> QuestionCategory | None:
        item = self.categories.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return QuestionCategory(value) if value else None

    def _load(self, *_args) -> None:
        kept = self.current()
        rows = questions_service.list_questions(
            self.store, category=self.chosen_category(), text=self.filter_edit.text(),
            include_archived=self.archived_box.isChecked(),
            favourites_only=self.favourites_box.isChecked(),
        )
        self.model.set_rows(rows)
        total = sum(1 for q in rows if not q.archived)
        self.summary.setText(self.tr("%n questions", "", total))
        self.empty_label.setText(self.tr("No question matches. Clear the filter, or add "
                                         "your own with Add question…"))
        self.empty_label.setVisible(not rows)
        if kept is not None:
            self.select(kept.id)
        self._update_buttons()

    def current(self) -> Question | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.record(index.row())

    def _update_buttons(self, *_args) -> None:
        question = self.current()
        for button in (self.edit_button, self.favourite_button, self.archive_button):
            button.setEnabled(question is not None)
        self.favourite_button.setText(
            self.tr("Unfavourite") if question and question.favourite else self.tr("Favourite"))
        self.archive_button.setText(
            self.tr("Restore") if question and question.archived else self.tr("Archive"))

    # --- actions -------------------------------------------------------------------------
    def _changed(self, question: Question | None = None) -> None:
        self.refresh()
        if question is not None:
            self.select(question.id)
        self.data_changed.emit()

    def add_question(self) -> None:
        answer = ask_question(self, self.tr("Add a question"),
                              category=self.chosen_category() or QuestionCategory.CAREER_PATH)
        if answer is None:
            return
        try:
            question = questions_service.add(self.store, *answer)
        except UserError as exc:
            dialogs.warn(self, str(exc))
            return
        self._changed(question)

    def edit_question(self, question: Question | None) -> None:
        if question is None:
            return
        answer = ask_question(self, self.tr("Edit question"), question.text, question.category)
        if answer is None:
            return
        text, category = answer
        try:
            changed = questions_service.edit(self.store, question.id, text=text,
                                             category=category)
        except UserError as exc:
            dialogs.warn(self, str(exc))
            return
        self._changed(changed)

    def toggle_favourite(self, question: Question | None) -> None:
        if question is not None:
            self._changed(questions_service.set_favourite(
                self.store, question.id, not question.favourite))

    def toggle_archived(self, question: Question | None) -> None:
        if question is not None:
            self._changed(questions_service.set_archived(
                self.store, question.id, not question.archived))

    def _clicked(self, index) -> None:
        if index.column() == COL_FAVOURITE:
            self.toggle_favourite(index.data(RECORD_ROLE))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        question = index.data(RECORD_ROLE)
        menu = QMenu(self)
        menu.setObjectName("questionMenu")
        menu.addAction(self.tr("Edit…"), lambda: self.edit_question(question))
        menu.addAction(self.tr("Unfavourite") if question.favourite else self.tr("Favourite"),
                       lambda: self.toggle_favourite(question))
        menu.addAction(self.tr("Restore") if question.archived else self.tr("Archive"),
                       lambda: self.toggle_archived(question))
        menu.popup(self.table.viewport().mapToGlobal(pos))
