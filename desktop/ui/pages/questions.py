"""Questions: the question bank by category (a minimal list; the question-bank page replaces it)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QTableView, QVBoxLayout

from desktop.domain.records import Question
from desktop.services import questions as questions_service
from desktop.ui import theme
from desktop.ui.models import RecordTableModel
from desktop.ui.pages import Page

COL_CATEGORY, COL_TEXT, COL_ORIGIN = range(3)


class QuestionTableModel(RecordTableModel):
    CONTEXT = "QuestionTableModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("QuestionTableModel", "Category"),
        QT_TRANSLATE_NOOP("QuestionTableModel", "Question"),
        QT_TRANSLATE_NOOP("QuestionTableModel", "From"),
    )
    QUIET_COLUMNS = frozenset({COL_CATEGORY, COL_ORIGIN})

    def display(self, question: Question, column: int) -> str:
        if column == COL_CATEGORY:
            return QCoreApplication.translate("QuestionCategory", question.category.label)
        if column == COL_TEXT:
            return question.text
        if column == COL_ORIGIN:
            return QCoreApplication.translate(
                self.CONTEXT, "built-in" if question.builtin else "mine")
        return ""


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
        header.addWidget(self.summary, 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        layout.addLayout(header)
        self.model = QuestionTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("questionsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.setColumnWidth(COL_CATEGORY, 190)
        self.table.setColumnWidth(COL_TEXT, 620)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.refresh()

    def title(self) -> str:
        return self.tr("Questions")

    def refresh(self) -> None:
        rows = questions_service.list_questions(self.store)
        self.model.set_rows(rows)
        self.summary.setText(self.tr("%n questions", "", len(rows)))
