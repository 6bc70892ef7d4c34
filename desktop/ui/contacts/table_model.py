"""The contacts table model: filtered and sorted in plain Python, shown through a reset.

At 50,000 contacts a QSortFilterProxyModel calling Python per row takes seconds per
keystroke. Here every row gets, once when loaded, its display texts, a folded search
string (name, company, role, e-mails, tags) and a sort key per column, and every column's
order is sorted once; a keystroke is then one list comprehension of substring tests and a
model reset, a click on a header a pick of a ready order.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import compress

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop.domain.records import ContactRow
from desktop.ui import theme
from desktop.ui.contacts.table_entry import (  # noqa: F401 (COL_* are this module's API)
    COL_COMPANY,
    COL_LAST_CONTACT,
    COL_NAME,
    COL_NEXT,
    COL_ROLE,
    COL_SOURCE,
    COL_TAGS,
    Entry,
    cached,
    quick_fold,
)
from desktop.ui.formatting import date_text

COLUMNS = (
    QT_TRANSLATE_NOOP("ContactsTableModel", "Name"),
    QT_TRANSLATE_NOOP("ContactsTableModel", "Company"),
    QT_TRANSLATE_NOOP("ContactsTableModel", "Role"),
    QT_TRANSLATE_NOOP("ContactsTableModel", "Source"),
    QT_TRANSLATE_NOOP("ContactsTableModel", "Last contact"),
    QT_TRANSLATE_NOOP("ContactsTableModel", "Next"),
    QT_TRANSLATE_NOOP("ContactsTableModel", "Tags"),
)
# Headers are short to fit at 1366×768; the tooltip says what a short one means.
HEADER_TIPS = {
    COL_LAST_CONTACT: QT_TRANSLATE_NOOP("ContactsTableModel",
                                        "The last chat or interaction with them"),
    COL_NEXT: QT_TRANSLATE_NOOP("ContactsTableModel",
                                "Next keep-in-touch: when to reach out again"),
}
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SOON_DAYS = 7  # a keep-in-touch due within a week shows in the accent colour

_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_FONT = Qt.ItemDataRole.FontRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


class ContactsTableModel(QAbstractTableModel):
    """The visible rows of all loaded contacts, after the filter, tag and archive choices."""

    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today or date.today()
        self._entries: list[Entry] = []
        self._order: list[Entry] = []  # all entries in the current sort order
        # After the archive and tag choices, in sort order, with their haystacks alongside
        # (a comprehension over two lists beats attribute lookups by half at 50k rows).
        self._base: list[Entry] = []
        self._base_hays: list[str] = []
        self._visible: list[Entry] = []
        self._visible_hays: list[str] = []
        self._positions: dict[int, int] | None = None
        self._population = 0
        self._ascending: dict[int, list[Entry]] = {}
        self._by_id: dict[int, Entry] = {}
        self._words: tuple[str, ...] = ()
        self._tag = ""
        self._show_archived = False
        self._sort = (COL_NAME, Qt.SortOrder.AscendingOrder)
        self._bold = QFont()
        self._bold.setBold(True)
        self._colors = theme.current()

    # --- loading -------------------------------------------------------------------------
    def set_rows(self, rows: list[ContactRow]) -> None:
        """Replaces every contact (archived ones too: the toggle only filters)."""
        self._colors = theme.current()
        fold_, date_text_ = cached(quick_fold), cached(date_text)
        label = cached(lambda source: source.label)
        self._entries = [Entry(row, fold_, date_text_, label) for row in rows]
        self._by_id = {e.row.id: e for e in self._entries}
        # Every column's order, sorted once now: a click on a header then costs no sort.
        self._ascending = {
            column: sorted(self._entries, key=lambda e, c=column: e.keys[c])
            for column in range(len(COLUMNS))
        }
        self._order = self._sorted(self._entries)
        self._rebase()

    def replace_row(self, row: ContactRow) -> None:
        """Refreshes one contact after an edit, keeping its place so the view holds still."""
        self.replace_rows([row])

    def replace_rows(self, rows: list[ContactRow]) -> None:
        """Refreshes contacts after edits, keeping their places, however many."""
        fresh = {row.id: Entry(row) for row in rows}
        if not fresh:
            return
        self._ascending.clear()  # their sort keys may have changed: sort again when asked
        old = {cid: self._by_id[cid] for cid in fresh if cid in self._by_id}
        self._by_id.update(fresh)
        added = [entry for cid, entry in fresh.items() if cid not in old]
        if added:
            self._entries = [fresh.get(e.row.id, e) for e in self._entries] + added
            self._order = self._sorted(self._entries)
            self._rebase()
            return
        lists = (
            (self._entries, None),
            (self._order, None),
            (self._base, self._base_hays),
            (self._visible, self._visible_hays),
        )
        if len(fresh) <= 20:
            # A few: list.index finds each by identity in C, far faster than a Python loop.
            for cid, replacement in fresh.items():
                for entries, hays in lists:
                    try:
                        n = entries.index(old[cid])
                    except ValueError:
                        continue
                    entries[n] = replacement
                    if hays is not None:
                        hays[n] = replacement.haystack
        else:
            swap = {id(old[cid]): entry for cid, entry in fresh.items()}
            for entries, hays in lists:
                for n, entry in enumerate(entries):
                    replacement = swap.get(id(entry))
                    if replacement is not None:
                        entries[n] = replacement
                        if hays is not None:
                            hays[n] = replacement.haystack
        if any(
            old[cid].archived != e.archived or (self._tag and old[cid].tag_keys != e.tag_keys)
            for cid, e in fresh.items()
        ):
            self._rebase()  # some may now be hidden (or shown) by the archive or tag choice
            return
        self._positions = None
        find = self.row_of_id if len(fresh) <= 20 else self.row_of_id_fast
        rows_at = [r for r in map(find, fresh) if r is not None]
        if rows_at:
            self.dataChanged.emit(
                self.index(min(rows_at), 0), self.index(max(rows_at), len(COLUMNS) - 1)
            )

    def remove_ids(self, contact_ids) -> None:
        """Drops deleted contacts without reloading the rest."""
        gone = set(contact_ids)
        self._ascending.clear()
        for cid in gone:
            self._by_id.pop(cid, None)
        self._entries = [e for e in self._entries if e.row.id not in gone]
        self._order = [e for e in self._order if e.row.id not in gone]
        self._rebase()

    def all_rows(self) -> list[ContactRow]:
        return [e.row for e in self._entries]

    def tags(self) -> list[str]:
        """Every tag in use, sorted, for the tag filter."""
        names: dict[str, str] = {}
        for entry in self._entries:
            if entry.tag_keys:
                for key, tag in zip(entry.tag_keys, entry.row.tags, strict=False):
                    names.setdefault(key, tag)
        return [names[k] for k in sorted(names)]

    # --- filtering -----------------------------------------------------------------------
    def set_filter(self, text: str) -> None:
        words = tuple(quick_fold(text).split())
        if words == self._words:
            return
        # When each old word lies inside a new one, the new matches are a subset of the old:
        # typing more letters tests only the rows still shown.
        narrower = bool(self._words) and all(any(old in w for w in words) for old in self._words)
        self._words = words
        self._filter(narrower)

    def filter_text(self) -> str:
        return " ".join(self._words)

    def set_tag(self, tag: str) -> None:
        if quick_fold(tag) != self._tag:
            self._tag = quick_fold(tag)
            self._rebase()

    def set_show_archived(self, show: bool) -> None:
        if show != self._show_archived:
            self._show_archived = show
            self._rebase()

    def _rebase(self) -> None:
        rows = self._order
        if not self._show_archived:
            rows = [e for e in rows if not e.archived]
        self._population = len(rows)
        if self._tag:
            tag = self._tag
            rows = [e for e in rows if tag in e.tag_keys]
        self._base = rows if rows is not self._order else list(rows)
        self._base_hays = [e.haystack for e in self._base]
        self._filter(False)

    def _filter(self, narrower: bool) -> None:
        entries, hays = (
            (self._visible, self._visible_hays) if narrower else (self._base, self._base_hays)
        )
        words = self._words
        if len(words) == 1:
            word = words[0]
            mask = [word in hay for hay in hays]
        elif words:
            mask = [all(w in hay for w in words) for hay in hays]
        self.beginResetModel()
        if words:
            self._visible = list(compress(entries, mask))
            self._visible_hays = list(compress(hays, mask))
        else:
            self._visible, self._visible_hays = list(entries), list(hays)
        self._positions = None
        self.endResetModel()

    # --- sorting -------------------------------------------------------------------------
    def _sorted(self, entries: list[Entry]) -> list[Entry]:
        column, order = self._sort
        ascending = self._ascending.get(column)
        if ascending is None:
            ascending = self._ascending[column] = sorted(entries, key=lambda e: e.keys[column])
        if order == Qt.SortOrder.DescendingOrder:
            return ascending[::-1]
        return list(ascending)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or (column, order) == self._sort:
            return
        previous = self._sort
        self._sort = (column, order)
        if previous[0] == column:
            # The same column the other way round: reversing is enough (keys are unique).
            self.beginResetModel()
            for items in (
                self._order,
                self._base,
                self._base_hays,
                self._visible,
                self._visible_hays,
            ):
                items.reverse()
            self._positions = None
            self.endResetModel()
        else:
            self._order = self._sorted(self._entries)
            self._rebase()

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    # --- access --------------------------------------------------------------------------
    def row_at(self, row: int) -> ContactRow:
        return self._visible[row].row

    def id_at(self, row: int) -> int:
        return self._visible[row].row.id

    def row_of_id_fast(self, contact_id: int) -> int | None:
        """`row_of_id` through an index built once per reset (for thousands of lookups)."""
        if self._positions is None:
            self._positions = {e.row.id: n for n, e in enumerate(self._visible)}
        return self._positions.get(contact_id)

    def population(self) -> int:
        """How many contacts the archive choice admits (before the tag and text filters)."""
        return self._population

    def row_by_id(self, contact_id: int) -> ContactRow | None:
        entry = self._by_id.get(contact_id)
        return entry.row if entry is not None else None

    def row_of_id(self, contact_id: int) -> int | None:
        entry = self._by_id.get(contact_id)
        if entry is None:
            return None
        try:
            return self._visible.index(entry)  # by identity, in C
        except ValueError:
            return None

    def rows(self) -> list[ContactRow]:
        """The rows shown, in order."""
        return [e.row for e in self._visible]

    def visible_ids(self) -> list[int]:
        return [e.row.id for e in self._visible]

    def total(self) -> int:
        return len(self._entries)

    # --- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=_DISPLAY):
        if (
            role == _DISPLAY
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate("ContactsTableModel", COLUMNS[section])
        if role == _TOOLTIP and orientation == Qt.Orientation.Horizontal and (
                tip := HEADER_TIPS.get(section)):
            return QCoreApplication.translate("ContactsTableModel", tip)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=_DISPLAY):
        # Called for every painted cell and role: answer the common cases first, cheaply.
        row = index.row()
        if not index.isValid() or row >= len(self._visible):
            return None
        column = index.column()
        if role == _DISPLAY:
            return self._visible[row].texts[column]
        if role == _FOREGROUND:
            entry = self._visible[row]
            if column == COL_NEXT:
                due = entry.row.next_keep_in_touch
                if due is not None and due < self.today:
                    return QColor(self._colors.late)
                if due is not None and due <= self.today + timedelta(days=SOON_DAYS):
                    return QColor(self._colors.accent)
            elif column != COL_NAME and column != COL_COMPANY:
                return QColor(self._colors.quiet)
            if entry.archived:
                return QColor(self._colors.quiet)
            return None
        if role == _FONT:
            return self._bold if column == COL_NAME else None
        if role == ID_ROLE:
            return self._visible[row].row.id
        if role == ROW_ROLE:
            return self._visible[row].row
        if role == _TOOLTIP:
            entry = self._visible[row]
            if (
                column == COL_NEXT
                and entry.row.next_keep_in_touch is not None
                and entry.row.next_keep_in_touch < self.today
            ):
                return QCoreApplication.translate("ContactsTableModel", "Overdue")
            if entry.archived:
                return QCoreApplication.translate("ContactsTableModel", "Archived")
            return entry.texts[column] or None
        return None
