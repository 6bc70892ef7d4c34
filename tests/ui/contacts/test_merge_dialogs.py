"""The duplicates dialog proposes pairs and companies; the merge dialog picks each value."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from desktop.domain import records as r
from desktop.domain.enums import Source
from desktop.services import chats, merge
from desktop.services import contacts as cs
from desktop.services.undo import UndoHistory
from desktop.ui.contacts.duplicates_dialog import DuplicatesDialog
from desktop.ui.contacts.merge_dialog import MergeDialog


@pytest.fixture
def pair(store):
    ann = cs.save(
        store,
        r.Contact(
            first_name="Ann",
            last_name="Lee",
            company="Globex",
            emails=(r.Labelled("ann@globex.com", "work"),),
            tags=("mentor",),
            research="Met at a fair",
        ),
    )
    dup = cs.save(
        store,
        r.Contact(
            first_name="Anna",
            last_name="Lee",
            company="Globex LLC",
            role="CTO",
            source=Source.EVENT,
            emails=(r.Labelled("ANN@globex.com", ""), r.Labelled("ann@home.net", "home")),
            tags=("fintech",),
            research="Writes on pricing",
        ),
    )
    chat = chats.create(store, dup.id, goal="CTO path")
    chats.add_note(store, chat.id, "Hiring soon")
    return ann, dup, chat


def test_merge_dialog_defaults_and_choices(qtbot, store, pair):
    ann, dup, chat = pair
    history = UndoHistory()
    dialog = MergeDialog(store, ann.id, dup.id, history)
    qtbot.addWidget(dialog)
    assert "1 chats, 1 notes" in dialog.moves.text()
    # Differing fields offer a choice; lists default to both.
    assert set(dialog.groups) >= {
        "first_name",
        "company",
        "role",
        "source",
        "tags",
        "emails",
        "research",
    }
    assert "last_name" not in dialog.groups  # the same in both
    assert dialog.groups["tags"].checkedId() == 3
    dialog.findChild(type(dialog.groups["first_name"].button(2)), "first_name2").setChecked(True)
    dialog.groups["company"].button(2).setChecked(True)
    dialog.groups["tags"].button(1).setChecked(True)
    merged = dialog.merged()
    assert (merged.first_name, merged.company, merged.role) == ("Anna", "Globex LLC", "CTO")
    assert merged.tags == ("mentor",)
    assert [e.value for e in merged.emails] == ["ann@globex.com", "ann@home.net"]
    assert merged.research == "Met at a fair\n\nWrites on pricing"
    dialog.merge_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    kept = cs.get(store, ann.id)
    assert kept.first_name == "Anna" and kept.tags == ("mentor",)
    assert chats.get(store, chat.id).contact_id == ann.id
    history.undo(store)
    assert cs.get(store, dup.id).first_name == "Anna"
    assert cs.get(store, ann.id).first_name == "Ann"


def test_merge_dialog_keep_the_other_record(qtbot, store, pair):
    ann, dup, _ = pair
    dialog = MergeDialog(store, ann.id, dup.id)
    qtbot.addWidget(dialog)
    dialog.findChild(type(dialog.groups["role"].button(1)), "keep2").setChecked(True)
    assert dialog.kept_id() == dup.id
    assert "“Ann Lee”" in dialog.moves.text()
    dialog.merge_button.click()
    assert [c.id for c in cs.list_rows(store)] == [dup.id]


def test_duplicates_dialog_lists_pairs_and_companies(
    qtbot, qtmodeltester, store, pair, monkeypatch
):
    ann, dup, _ = pair
    dialog = DuplicatesDialog(store, UndoHistory())
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.pairs)
    qtmodeltester.check(dialog.groups)
    assert dialog.pairs.rowCount() == 1
    assert dialog.pairs.data(dialog.pairs.index(0, 2)) == "Same e-mail"
    assert dialog.groups.data(dialog.groups.index(0, 0)) == "Globex · Globex LLC"

    monkeypatch.setattr(MergeDialog, "exec", lambda self: (self._merge(), self.result())[1])
    dialog.merge_pair_button.click()
    assert dialog.changed and dialog.pairs.rowCount() == 0
    assert "No duplicates" in dialog.people_summary.text()

    dialog.keep_name.setCurrentText("Globex")
    dialog.merge_companies_button.click()
    assert [c.name for c in cs.companies(store)] == ["Globex"]
    assert dialog.groups.rowCount() == 0


def test_not_the_same_person(qtbot, store, pair):
    dialog = DuplicatesDialog(store)
    qtbot.addWidget(dialog)
    dialog.dismiss_button.click()
    assert dialog.pairs.rowCount() == 0
    assert merge.find_duplicates(store) == []
