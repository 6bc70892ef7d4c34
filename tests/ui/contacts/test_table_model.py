"""The contacts table model: filter as you type, sort on every column, tags and archive."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop.domain.enums import Source
from desktop.domain.records import ContactRow
from desktop.ui.contacts import table_model as tm

TODAY = date(2025, 3, 10)


def _row(
    cid,
    name,
    company="",
    role="",
    source=Source.OTHER,
    last=None,
    nxt=None,
    tags=(),
    emails=(),
    archived=False,
):
    return ContactRow(
        cid, name, company, role, source, last, nxt, tuple(tags), tuple(emails), archived
    )


ROWS = [
    _row(
        1,
        "Ann Lee",
        "Globex",
        "CTO",
        Source.LINKEDIN,
        date(2025, 1, 2),
        date(2025, 2, 1),
        ("mentor",),
        ("ann@globex.com",),
    ),
    _row(2, "Zoë Ngô", "Initech", "Designer", Source.EVENT, None, None, ("alumni", "mentor")),
    _row(3, "Bob Ray", "", "Analyst", Source.ALUMNI, date(2024, 12, 1), date(2025, 3, 12)),
    _row(
        4,
        "Łukasz Wójcik",
        "Globex",
        "",
        Source.REFERRAL,
        date(2025, 2, 1),
        None,
        ("fintech",),
        ("lw@example.pl",),
    ),
    _row(5, "Old Friend", "Acme", "Retired", archived=True),
    _row(6, "王小明", "腾讯", "工程师", tags=("china",)),
]


@pytest.fixture
def model(qtmodeltester):
    model = tm.ContactsTableModel(today=TODAY)
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    return model


def _names(model):
    return [model.row_at(n).name for n in range(model.rowCount())]


def test_the_model_passes_the_model_tester(qtmodeltester, model):
    model.set_filter("globex")
    qtmodeltester.check(model)
    model.sort(tm.COL_NEXT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_archived_rows_hidden_unless_asked(model):
    assert "Old Friend" not in _names(model)
    model.set_show_archived(True)
    assert "Old Friend" in _names(model)
    assert (
        model.data(model.index(model.row_of_id(5), tm.COL_ROLE), Qt.ItemDataRole.ToolTipRole)
        == "Archived"
    )


def test_filter_narrows_as_you_type_and_widens_again(model):
    counts = []
    for text in ("g", "gl", "glo", "globex"):
        model.set_filter(text)
        counts.append(model.rowCount())
    assert counts == sorted(counts, reverse=True)
    assert _names(model) == ["Ann Lee", "Łukasz Wójcik"]
    model.set_filter("globex cto")
    assert _names(model) == ["Ann Lee"]
    model.set_filter("glob")
    assert _names(model) == ["Ann Lee", "Łukasz Wójcik"]
    model.set_filter("")
    assert model.rowCount() == 5


@pytest.mark.parametrize(
    "text, expected",
    [
        ("zoe", ["Zoë Ngô"]),  # accents folded
        ("lukasz", ["Łukasz Wójcik"]),
        ("DESIGN", ["Zoë Ngô"]),  # role, any case
        ("ann@glo", ["Ann Lee"]),  # e-mail
        ("mentor", ["Ann Lee", "Zoë Ngô"]),  # tag
        ("小明", ["王小明"]),
        ("腾讯", ["王小明"]),
        ("nobody", []),
    ],
)
def test_filter_fields(model, text, expected):
    model.set_filter(text)
    assert _names(model) == expected


def test_tag_filter(model):
    assert model.tags() == ["alumni", "china", "fintech", "mentor"]
    model.set_tag("Mentor")
    assert _names(model) == ["Ann Lee", "Zoë Ngô"]
    model.set_filter("zo")
    assert _names(model) == ["Zoë Ngô"]
    model.set_tag("")
    model.set_filter("")
    assert model.rowCount() == 5


@pytest.mark.parametrize(
    "column, ascending",
    [
        (tm.COL_NAME, ["Ann Lee", "Bob Ray", "Łukasz Wójcik", "Zoë Ngô", "王小明"]),
        (tm.COL_COMPANY, ["Ann Lee", "Łukasz Wójcik", "Zoë Ngô", "王小明", "Bob Ray"]),
        (tm.COL_ROLE, ["Bob Ray", "Ann Lee", "Zoë Ngô", "王小明", "Łukasz Wójcik"]),
        (tm.COL_SOURCE, ["Bob Ray", "Zoë Ngô", "Ann Lee", "王小明", "Łukasz Wójcik"]),
        (tm.COL_LAST_CONTACT, ["Bob Ray", "Ann Lee", "Łukasz Wójcik", "Zoë Ngô", "王小明"]),
        (tm.COL_NEXT, ["Ann Lee", "Bob Ray", "Łukasz Wójcik", "Zoë Ngô", "王小明"]),
        (tm.COL_TAGS, ["Zoë Ngô", "王小明", "Łukasz Wójcik", "Ann Lee", "Bob Ray"]),
    ],
)
def test_sort_on_every_column(model, column, ascending):
    model.sort(column, Qt.SortOrder.AscendingOrder)
    assert _names(model) == ascending
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ascending[::-1]
    model.set_filter("e")  # a filter keeps the sort
    names = _names(model)
    assert names == [n for n in ascending[::-1] if n in names]


def test_overdue_and_soon_are_coloured(model):
    from desktop.ui import theme

    colors = theme.current()
    ann, bob = model.row_of_id(1), model.row_of_id(3)
    fg = Qt.ItemDataRole.ForegroundRole
    assert model.data(model.index(ann, tm.COL_NEXT), fg).name().lower() == colors.late.lower()
    assert model.data(model.index(bob, tm.COL_NEXT), fg).name().lower() == colors.accent.lower()
    assert model.data(model.index(ann, tm.COL_NAME), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(ann, tm.COL_NEXT), tm.ID_ROLE) == 1


def test_replace_row_keeps_the_place(model, qtbot):
    row = model.row_of_id(2)
    with qtbot.waitSignal(model.dataChanged):
        model.replace_row(_row(2, "Zoë Tran", "Initech", "Lead"))
    assert model.row_of_id(2) == row
    assert model.data(model.index(row, tm.COL_ROLE)) == "Lead"
    model.replace_row(_row(9, "New Person"))
    assert "New Person" in _names(model)


def test_replace_many_rows_at_once(qtmodeltester):
    many = [_row(n, f"Person {n:03d}", "Acme") for n in range(1, 61)]
    model = tm.ContactsTableModel(today=TODAY)
    model.set_rows(many)
    model.sort(tm.COL_ROLE)
    model.replace_rows([_row(n, f"Person {n:03d}", "Globex", role="CTO") for n in range(1, 41)])
    qtmodeltester.check(model)
    assert sum(1 for row in model.rows() if row.company == "Globex") == 40
    assert model.row_of_id(5) == model.row_of_id_fast(5)
    model.sort(tm.COL_ROLE, Qt.SortOrder.DescendingOrder)  # sorted again with the new keys
    assert model.rows()[-1].role == "CTO"
    model.remove_ids(range(1, 31))
    assert model.rowCount() == 30 and model.row_by_id(3) is None
