"""The question bank: list and filter, add, edit, archive and favourite questions.

Built-in questions arrive through migrations (`sync_builtin_questions`, re-exported here for
later migrations' tests and tools). Editing a built-in marks it `edited`, so an upgrade never
puts our wording back over the user's; archiving hides a question without deleting it, so
an upgrade never brings it back either.
"""

from __future__ import annotations

from dataclasses import replace

from desktop.db import Store
from desktop.db import models as m
from desktop.db.migration_002_questions import SyncResult, sync_builtin_questions
from desktop.domain import records as r
from desktop.domain.enums import QuestionCategory
from desktop.domain.rules import fold
from desktop.errors import NotFound, UserError
from desktop.services import convert

__all__ = [
    "SyncResult",
    "add",
    "counts_by_category",
    "edit",
    "get",
    "list_questions",
    "set_archived",
    "set_favourite",
    "sync_builtin_questions",
]

MAX_LENGTH = 2000
_CATEGORY_ORDER = {c: n for n, c in enumerate(QuestionCategory)}


def _clean(text: str) -> str:
    cleaned = " ".join((text or "").split())
    if not cleaned:
        raise UserError("A question needs some text.")
    if len(cleaned) > MAX_LENGTH:
        raise UserError(f"A question can be at most {MAX_LENGTH} characters long.")
    return cleaned


def _row(question_id: int) -> m.Question:
    row = m.Question.get_or_none(m.Question.id == question_id)
    if row is None:
        raise NotFound(f"There is no question {question_id}.")
    return row


def _record(row: m.Question) -> r.Question:
    return replace(convert.question(row), edited=bool(row.edited))


def get(store: Store, question_id: int) -> r.Question:
    return _record(_row(question_id))


def list_questions(
    store: Store,
    *,
    category: QuestionCategory | None = None,
    text: str = "",
    include_archived: bool = False,
    favourites_only: bool = False,
) -> list[r.Question]:
    """The bank in category order, then bank order; `text` matches ignoring case and accents."""
    query = m.Question.select()
    if category is not None:
        query = query.where(m.Question.category == category.value)
    if not include_archived:
        query = query.where(m.Question.archived == False)  # noqa: E712 (peewee expression)
    if favourites_only:
        query = query.where(m.Question.favourite == True)  # noqa: E712
    # The bank holds hundreds of questions, not millions: folding in Python matches "cafe"
    # to "café" the way the rest of the app's search does.
    needle = fold(text)
    questions = [
        _record(row)
        for row in query.order_by(m.Question.position, m.Question.id)
        if not needle or needle in fold(row.text)
    ]
    questions.sort(key=lambda q: _CATEGORY_ORDER[q.category])
    return questions


def counts_by_category(
    store: Store, *, include_archived: bool = False
) -> dict[QuestionCategory, int]:
    counts = dict.fromkeys(QuestionCategory, 0)
    query = m.Question.select(m.Question.category)
    if not include_archived:
        query = query.where(m.Question.archived == False)  # noqa: E712
    for row in query:
        category = QuestionCategory.parse(row.category, QuestionCategory.ADVICE)
        counts[category] += 1
    return counts


def add(
    store: Store, text: str, category: QuestionCategory, *, favourite: bool = False
) -> r.Question:
    """Adds one of the user's own questions at the end of the bank."""
    cleaned = _clean(text)
    with store.atomic():
        last = m.Question.select(m.Question.position).order_by(m.Question.position.desc()).first()
        row = m.Question.create(
            text=cleaned,
            category=category.value,
            builtin=False,
            favourite=favourite,
            position=(last.position + 1) if last else 0,
        )
    return _record(row)


def edit(
    store: Store,
    question_id: int,
    *,
    text: str | None = None,
    category: QuestionCategory | None = None,
) -> r.Question:
    """Changes a question's text or category; a changed built-in is marked edited."""
    with store.atomic():
        row = _row(question_id)
        changes: dict = {}
        if text is not None:
            cleaned = _clean(text)
            if cleaned != row.text:
                changes["text"] = cleaned
        if category is not None and category.value != row.category:
            changes["category"] = category.value
        if changes:
            if row.builtin:
                changes["edited"] = True
            m.Question.update(**changes).where(m.Question.id == question_id).execute()
    return get(store, question_id)


def set_archived(store: Store, question_id: int, archived: bool = True) -> r.Question:
    with store.atomic():
        _row(question_id)
        m.Question.update(archived=archived).where(m.Question.id == question_id).execute()
    return get(store, question_id)


def set_favourite(store: Store, question_id: int, favourite: bool = True) -> r.Question:
    with store.atomic():
        _row(question_id)
        m.Question.update(favourite=favourite).where(m.Question.id == question_id).execute()
    return get(store, question_id)
