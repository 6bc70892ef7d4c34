"""The contacts table model: filtered and sorted in plain Python, shown through a reset.

At 50,000 contacts a QSortFilterProxyModel calling Python per row takes seconds per
keystroke. Here every row gets, once when loaded, its display texts, a folded search
string (name, company, role, e-mails, tags) and a sort key per column; a keystroke is then
one list comprehension of substring tests and a model reset, a sort one `list.sort` on the
precomputed keys.
"""

from __future__ import annotations

from datetime import date, timedelta

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
from desktop.domain.rules import fold
from desktop.ui import theme
from desktop.ui.formatting import date_text

COL_NAME, COL_COMPANY, COL_ROLE, COL_SOURCE, COL_LAST_CONTACT, COL_NEXT, COL_TAGS = range(7)
COLUMNS = (
    QT_TRANSLATE_NOOP("ContactsTableModel", "Name"),
    QT_TRANSLATE_NOOP("ContactsTableModel", "Company"),
    QT_TRANSLATE_NOOP("ContactsTableModel", "Role"),
    QT_TRANSLATE_NOOP("ContactsTableModel", "Source"),
    QT_TRANSLATE_NOOP("ContactsTableModel", "Last contact"),
    QT_TRANSLATE_NOOP("ContactsTableModel", "Next keep-in-touch"),
    QT_TRANSLATE_NOOP("ContactsTableModel", "Tags"),
)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SOON_DAYS = 7  # a keep-in-touch due within a week shows in the accent colour

_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_FONT = Qt.ItemDataRole.FontRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_NO_DATE = date.max.toordinal() + 1  # missing dates sort after every real one


class _Entry:
    """One contact with what the model needs precomputed. Slots keep 50k of them small."""

    __slots__ = ("row", "texts", "haystack", "keys", "tag_keys", "archived")

    def __init__(self, row: ContactRow):
        self.row = row
        tags = ", ".join(row.tags)
        self.texts = (
            row.name,
            row.company,
            row.role,
            row.source.label,
            date_text(row.last_contact),
            date_text(row.next_keep_in_touch),
            tags,
        )
        name_key = fold(row.name)
        self.haystack = "\n".join(
            (name_key, fold(row.company), fold(row.role), fold(" ".join(row.emails)), fold(tags))
        )
        self.tag_keys = frozenset(fold(t) for t in row.tags)
        self.archived = row.archived
        last = row.last_contact.toordinal() if row.last_contact else _NO_DATE
        nxt = row.next_keep_in_touch.toordinal() if row.next_keep_in_touch else _NO_DATE
        # Empty texts sort last ("\uffff"); the name breaks ties so the order is stable.
        self.keys = (
            name_key,
            (fold(row.company) or "\uffff", name_key),
            (fold(row.role) or "\uffff", name_key),
            (self.texts[COL_SOURCE].casefold(), name_key),
            (last, name_key),
            (nxt, name_key),
            (fold(tags) or "\uffff", name_key),
        )


class ContactsTableModel(QAbstractTableModel):
    """The visible rows of all loaded contacts, after the filter, tag and archive choices."""

    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today or date.today()
        self._entries: list[_Entry] = []
        self._order: list[_Entry] = []  # all entries in the current sort order
        self._visible: list[_Entry] = []
        self._words: tuple[str, ...] = ()
        self._tag = ""
        self._show_archived = False
        self._sort = (COL_NAME, Qt.SortOrder.AscendingOrder)
        self._bold = QFont()
        self._bold.setBold(True)
        self._colors = theme.current()

    # --- loading -----------------------------------------------------------------------------
    def set_rows(self, rows: list[ContactRow]) -> None:
        """Replaces every contact (archived ones too: the toggle only filters)."""
        self._colors = theme.current()
        self._entries = [_Entry(row) for row in rows]
        self._order = self._sorted(self._entries)
        self._apply()

    def replace_row(self, row: ContactRow) -> None:
        """Refreshes one contact after an edit, keeping its place so the view holds still."""
        for n, entry in enumerate(self._entries):
            if entry.row.id == row.id:
                fresh = _Entry(row)
                self._entries[n] = fresh
                self._order = [fresh if e is entry else e for e in self._order]
                for v, shown in enumerate(self._visible):
                    if shown is entry:
                        self._visible[v] = fresh
                        self.dataChanged.emit(self.index(v, 0), self.index(v, len(COLUMNS) - 1))
                return
        self._entries.append(_Entry(row))
        self._order = self._sorted(self._entries)
        self._apply()

    def all_rows(self) -> list[ContactRow]:
        return [e.row for e in self._entries]

    def tags(self) -> list[str]:
        """Every tag in use, sorted, for the tag filter."""
        names = {}
        for entry in self._entries:
            for tag in entry.row.tags:
                names.setdefault(fold(tag), tag)
        return [names[k] for k in sorted(names)]

    # --- filtering -----------------------------------------------------------------------------
    def set_filter(self, text: str) -> None:
        words = tuple(fold(text).split())
        if words == self._words:
            return
        # When each old word lies inside a new one, the new matches are a subset of the old.
        narrower = all(any(old in w for w in words) for old in self._words)
        self._words = words
        # Typing more letters only narrows: test the visible rows, not all of them.
        self._apply(self._visible if narrower and self._words else None)

    def filter_text(self) -> str:
        return " ".join(self._words)

    def set_tag(self, tag: str) -> None:
        if fold(tag) != self._tag:
            self._tag = fold(tag)
            self._apply()

    def set_show_archived(self, show: bool) -> None:
        if show != self._show_archived:
            self._show_archived = show
            self._apply()

    def _apply(self, candidates: list[_Entry] | None = None) -> None:
        rows = self._order if candidates is None else candidates
        if not self._show_archived:
            rows = [e for e in rows if not e.archived]
        if self._tag:
            tag = self._tag
            rows = [e for e in rows if tag in e.tag_keys]
        words = self._words
        if len(words) == 1:
            word = words[0]
            rows = [e for e in rows if word in e.haystack]
        elif words:
            rows = [e for e in rows if all(w in e.haystack for w in words)]
        self.beginResetModel()
        self._visible = rows if rows is not self._order else list(rows)
        self.endResetModel()

    # --- sorting ---------------------------------------------------------------------------------
    def _sorted(self, entries: list[_Entry]) -> list[_Entry]:
        column, order = self._sort
        return sorted(
            entries, key=lambda e: e.keys[column], reverse=order == Qt.SortOrder.DescendingOrder
        )

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or (column, order) == self._sort:
            return
        previous = self._sort
        self._sort = (column, order)
        if previous[0] == column:
            self._order.reverse()  # the same column the other way: no need to sort again
            self._visible.reverse()
            self.beginResetModel()
            self.endResetModel()
        else:
            self._order = self._sorted(self._entries)
            self._apply()

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    # --- access ----------------------------------------------------------------------------------
    def row_at(self, row: int) -> ContactRow:
        return self._visible[row].row

    def id_at(self, row: int) -> int:
        return self._visible[row].row.id

    def row_of_id(self, contact_id: int) -> int | None:
        for n, entry in enumerate(self._visible):
            if entry.row.id == contact_id:
                return n
        return None

    def visible_ids(self) -> list[int]:
        return [e.row.id for e in self._visible]

    def total(self) -> int:
        return len(self._entries)

    # --- Qt --------------------------------------------------------------------------------------
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
