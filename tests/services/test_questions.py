"""The question bank: built-ins from the migration, upgrades that respect the user, use cases."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace

import pytest

from desktop.domain.builtin_questions import BUILTIN_QUESTIONS, BuiltinQuestion
from desktop.domain.enums import QuestionCategory
from desktop.errors import NotFound, UserError
from desktop.services import open_store
from desktop.services import questions as qs


def _sync(db_path, questions):
    """What a later migration does: the sync in a transaction on a raw connection."""
    with closing(sqlite3.connect(db_path, isolation_level=None)) as conn:
        conn.execute("BEGIN IMMEDIATE")
        result = qs.sync_builtin_questions(conn, questions)
        conn.execute("COMMIT")
    return result


def test_the_migration_brings_at_least_48_builtins_in_every_category(store):
    bank = qs.list_questions(store)
    assert len(bank) == len(BUILTIN_QUESTIONS) >= 48
    assert all(q.builtin and q.key and not q.edited for q in bank)
    counts = qs.counts_by_category(store)
    assert set(counts) == set(QuestionCategory)
    assert min(counts.values()) >= 6
    keys = [q.key for q in BUILTIN_QUESTIONS]
    assert len(set(keys)) == len(keys)
    texts = [q.text for q in BUILTIN_QUESTIONS]
    assert len(set(texts)) == len(texts)


def test_builtin_rows_have_uids_and_keys(store):
    rows = store.db.execute_sql("SELECT uid, key FROM question").fetchall()
    assert all(len(uid) == 32 and key.startswith("builtin.") for uid, key in rows)


def test_an_upgrade_keeps_edits_and_archives_and_adds_new_ones(store, db_path):
    bank = {q.key: q for q in qs.list_questions(store)}
    edited_key, archived_key, plain_key = (
        "builtin.career_path.01", "builtin.skills.02", "builtin.advice.03"
    )
    qs.edit(store, bank[edited_key].id, text="My own wording, R&D <Team>")
    qs.set_archived(store, bank[archived_key].id)
    qs.set_favourite(store, bank[plain_key].id)
    store.close()

    # A later version rewords all three and ships one more question.
    shipped = [
        replace(q, text=q.text + " (v2)")
        if q.key in {edited_key, archived_key, plain_key} else q
        for q in BUILTIN_QUESTIONS
    ]
    shipped.append(BuiltinQuestion("builtin.next_steps.99", QuestionCategory.NEXT_STEPS,
                                   "A brand new question?"))
    result = _sync(db_path, shipped)
    assert (result.added, result.updated, result.kept_edited) == (1, 2, 1)
    # Running it again changes nothing.
    assert _sync(db_path, shipped) == qs.SyncResult(0, 0, 1)

    with open_store(db_path) as again:
        after = {q.key: q for q in qs.list_questions(again, include_archived=True)}
        assert after[edited_key].text == "My own wording, R&D <Team>"
        assert after[edited_key].edited
        assert after[archived_key].archived  # never brought back
        assert after[archived_key].text.endswith("(v2)")
        assert after[plain_key].text.endswith("(v2)") and after[plain_key].favourite
        assert after["builtin.next_steps.99"].text == "A brand new question?"
        visible = {q.key for q in qs.list_questions(again)}
        assert archived_key not in visible


def test_reopening_does_not_duplicate_builtins(db_path):
    with open_store(db_path) as first:
        n = len(qs.list_questions(first, include_archived=True))
    with open_store(db_path) as second:
        assert len(qs.list_questions(second, include_archived=True)) == n


def test_filter_by_category_and_text_ignoring_case_and_accents(store):
    mine = qs.add(store, "Café culture in the Zürich office?", QuestionCategory.COMPANY)
    assert not mine.builtin and mine.key is None
    found = qs.list_questions(store, text="zurich")
    assert [q.id for q in found] == [mine.id]
    skills = qs.list_questions(store, category=QuestionCategory.SKILLS)
    assert skills and all(q.category is QuestionCategory.SKILLS for q in skills)
    assert qs.list_questions(store, category=QuestionCategory.SKILLS, text="zurich") == []
    categories = [q.category for q in qs.list_questions(store)]
    order = list(QuestionCategory)
    assert categories == sorted(categories, key=order.index)


def test_edit_marks_builtins_only_when_something_changed(store):
    q = qs.list_questions(store)[0]
    same = qs.edit(store, q.id, text="  " + q.text + "  ")
    assert not same.edited
    moved = qs.edit(store, q.id, category=QuestionCategory.ADVICE)
    assert moved.edited and moved.category is QuestionCategory.ADVICE
    mine = qs.add(store, "Mine?", QuestionCategory.SKILLS)
    assert not qs.edit(store, mine.id, text="Still mine?").edited


def test_archive_unarchive_and_favourite(store):
    q = qs.list_questions(store)[0]
    qs.set_archived(store, q.id)
    assert q.id not in {x.id for x in qs.list_questions(store)}
    assert q.id in {x.id for x in qs.list_questions(store, include_archived=True)}
    qs.set_archived(store, q.id, False)
    assert q.id in {x.id for x in qs.list_questions(store)}
    qs.set_favourite(store, q.id)
    assert [x.id for x in qs.list_questions(store, favourites_only=True)] == [q.id]
    qs.set_favourite(store, q.id, False)
    assert qs.list_questions(store, favourites_only=True) == []


def test_bad_input_is_a_user_error(store):
    with pytest.raises(UserError):
        qs.add(store, "   ", QuestionCategory.SKILLS)
    with pytest.raises(UserError):
        qs.add(store, "x" * (qs.MAX_LENGTH + 1), QuestionCategory.SKILLS)
    with pytest.raises(NotFound):
        qs.edit(store, 999_999, text="Nope?")
    with pytest.raises(NotFound):
        qs.set_archived(store, 999_999)
