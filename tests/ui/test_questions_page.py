"""The Questions page: the bank by category, filters, add, edit, archive and favourite."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.domain.enums import QuestionCategory
from desktop.services import questions as qs
from desktop.ui.pages import questions as page_module
from desktop.ui.pages.questions import (
    COL_FAVOURITE,
    COL_ORIGIN,
    COL_TEXT,
    QuestionDialog,
    QuestionsPage,
)


@pytest.fixture
def page(qtbot, store):
    widget = QuestionsPage(store)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def _texts(page) -> list[str]:
    model = page.model
    return [model.index(row, COL_TEXT).data() for row in range(model.rowCount())]


def _choose_category(page, category: QuestionCategory | None) -> None:
    for row in range(page.categories.count()):
        if page.categories.item(row).data(Qt.ItemDataRole.UserRole) == (
                category.value if category else None):
            page.categories.setCurrentRow(row)
            return
    raise AssertionError(category)


def test_the_model_passes_qt_model_tester(qtmodeltester, page):
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == len(qs.list_questions(page.store)) >= 48


def test_filter_by_category_and_text(page, store):
    _choose_category(page, QuestionCategory.SKILLS)
    skills = {q.text for q in qs.list_questions(store, category=QuestionCategory.SKILLS)}
    assert set(_texts(page)) == skills
    page.filter_edit.setText("certif")
    assert _texts(page) == ["Are there certifications or courses that are worth the time, "
                            "or not?"]
    page.filter_edit.setText("nothing like this anywhere")
    assert _texts(page) == [] and page.empty_label.isVisibleTo(page)
    _choose_category(page, None)
    page.filter_edit.clear()
    assert page.model.rowCount() == len(qs.list_questions(store))


def test_add_a_question_through_the_dialog(page, store, qtbot, monkeypatch):
    monkeypatch.setattr(page_module, "ask_question",
                        lambda *a, **k: ("Café culture in Zürich?", QuestionCategory.COMPANY))
    with qtbot.waitSignal(page.data_changed):
        page.add_button.click()
    page.filter_edit.setText("zurich")
    assert _texts(page) == ["Café culture in Zürich?"]
    assert page.current() is not None and page.current().text == "Café culture in Zürich?"
    assert page.model.index(0, COL_ORIGIN).data() == "mine"


def test_a_cancelled_dialog_changes_nothing(page, store, monkeypatch):
    monkeypatch.setattr(page_module, "ask_question", lambda *a, **k: None)
    before = qs.list_questions(store, include_archived=True)
    page.add_question()
    page.select(before[0].id)
    page.edit_button.click()
    assert qs.list_questions(store, include_archived=True) == before


def test_editing_a_builtin_marks_it_edited(page, store, monkeypatch):
    first = qs.list_questions(store)[0]
    monkeypatch.setattr(page_module, "ask_question",
                        lambda *a, **k: ("My own wording?", first.category))
    assert page.select(first.id)
    page.edit_button.click()
    assert qs.get(store, first.id).edited
    row = page.model.row_of_id(first.id)
    assert page.model.index(row, COL_TEXT).data() == "My own wording?"
    assert page.model.index(row, COL_ORIGIN).data() == "built-in, edited"


def test_archive_hides_and_show_archived_brings_it_back_to_restore(page, store, qtbot):
    first = qs.list_questions(store)[0]
    page.select(first.id)
    assert page.archive_button.text() == "Archive"
    with qtbot.waitSignal(page.data_changed):
        page.archive_button.click()
    assert page.model.row_of_id(first.id) is None
    page.archived_box.setChecked(True)
    assert page.select(first.id)
    assert page.archive_button.text() == "Restore"
    page.archive_button.click()
    assert not qs.get(store, first.id).archived


def test_clicking_the_star_column_toggles_favourite(page, store, qtbot):
    first = qs.list_questions(store)[0]
    row = page.model.row_of_id(first.id)
    rect = page.table.visualRect(page.model.index(row, COL_FAVOURITE))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert qs.get(store, first.id).favourite
    page.favourites_box.setChecked(True)
    assert [page.model.record(r).id for r in range(page.model.rowCount())] == [first.id]
    assert page.model.index(0, COL_FAVOURITE).data() == "★"


def test_the_dialog_needs_text(qtbot):
    dialog = QuestionDialog(None, "Add", category=QuestionCategory.ADVICE)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    dialog.text_edit.setPlainText("What would you do?")
    assert dialog.save_button.isEnabled()
    assert dialog.values() == ("What would you do?", QuestionCategory.ADVICE)
