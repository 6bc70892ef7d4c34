"""Quick notes during the chat: type, press Enter, keep listening.

`quickNoteEdit` takes one line; Enter saves it at once (its own transaction, so a crash a
second later keeps it), stamped with the time since the start, into `notesList`. Its kind
is one click away (the row of kind buttons) or Ctrl+1…6 (note, quote, insight, lead,
referral, promise); the kind falls back to "note" after each save. In the list, F2 or a
double-click edits a note's text, Ctrl+1…6 changes the selected note's kind, Delete
removes it after asking.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import records as r
from desktop.domain.enums import NoteKind
from desktop.ui import dialogs
from desktop.ui.wizard.common import WrapDelegate, quiet, row, wrapping
from desktop.ui.wizard.timer import clock_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
OFFSET_ROLE = Qt.ItemDataRole.UserRole + 3
KINDS = tuple(NoteKind)  # Ctrl+1 … Ctrl+6, in this order
KIND_SYMBOL = {NoteKind.NOTE: "•", NoteKind.QUOTE: "“", NoteKind.INSIGHT: "★",
               NoteKind.LEAD: "◆", NoteKind.REFERRAL: "→", NoteKind.PROMISE: "✓"}


def note_prefix(offset: int | None, kind: NoteKind) -> str:
    stamp = clock_text(offset) if offset is not None else "--:--"
    return f"{stamp}  {KIND_SYMBOL[kind]} {kind.label}  "


class NoteDelegate(WrapDelegate):
    """Shows "12:05  “ Quote  text" while the editor edits the text alone."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        kind = index.data(KIND_ROLE)
        if kind is not None:
            option.text = note_prefix(index.data(OFFSET_ROLE), NoteKind(kind)) + option.text


def kind_index(event: QKeyEvent) -> int | None:
    """0…5 for Ctrl+1…6, else None."""
    if event.modifiers() & Qt.KeyboardModifier.ControlModifier and \
            Qt.Key.Key_1.value <= event.key() <= Qt.Key.Key_6.value:
        return event.key() - Qt.Key.Key_1.value
    return None


class QuickNoteEdit(QLineEdit):
    """The quick-note line. Ctrl+digit also works here when no window shortcut fires
    (a window that is not active, as under some test drivers)."""

    kindKey = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = kind_index(event)
        if index is not None:
            self.kindKey.emit(index)
            return
        super().keyPressEvent(event)


class NotesList(QListWidget):
    kindKey = Signal(int)
    deleteKey = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = kind_index(event)
        if index is not None:
            self.kindKey.emit(index)
            return
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.deleteKey.emit()
                return
        super().keyPressEvent(event)


class NotesPanel(QWidget):
    noteAdded = Signal(str, object)  # text, NoteKind: the page saves it
    noteEdited = Signal(int, str)  # id, text
    noteKindChanged = Signal(int, object)  # id, NoteKind
    noteDeleted = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = NoteKind.NOTE
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.edit = QuickNoteEdit()
        self.edit.setObjectName("quickNoteEdit")
        self.edit.kindKey.connect(self.kind_key)
        self.edit.setAccessibleName(self.tr("Quick note"))
        self.edit.setPlaceholderText(self.tr("Type a note and press Enter"))
        self.edit.returnPressed.connect(self.submit)
        font = self.edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.edit.setFont(font)
        self.edit.setMinimumHeight(38)
        layout.addWidget(self.edit)

        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        buttons = []
        for n, kind in enumerate(KINDS, start=1):
            button = QPushButton(f"{KIND_SYMBOL[kind]} {self.tr(kind.label)}")
            button.setObjectName(f"kind{kind.value.capitalize()}Button")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setToolTip(self.tr("%1 (Ctrl+%2)").replace("%1", self.tr(kind.label))
                              .replace("%2", str(n)))
            button.setAccessibleName(self.tr("Note kind: %1").replace("%1", self.tr(kind.label)))
            self.group.addButton(button, n - 1)
            buttons.append(button)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n}"), self)
            # The whole window: the kind is one key away from the checklist too.
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda i=n - 1: self.kind_key(i))
        self.group.idClicked.connect(lambda i: self.set_kind(KINDS[i], focus=True))
        layout.addLayout(row(*buttons, stretch_last=True))

        self.list = NotesList()
        self.list.setObjectName("notesList")
        self.list.setAccessibleName(self.tr("Notes"))
        self.list.setItemDelegate(NoteDelegate(self.list))
        wrapping(self.list)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.itemChanged.connect(self._edited)
        self.list.deleteKey.connect(self.delete_current)
        self.list.kindKey.connect(self.change_selected_kind)
        layout.addWidget(self.list, 1)
        layout.addWidget(quiet(self.tr(
            "Enter saves · Ctrl+1…6 sets the kind · F2 edits the selected note")))
        self.set_kind(NoteKind.NOTE)

    def set_kind(self, kind: NoteKind, focus: bool = False) -> None:
        self.kind = kind
        self.group.button(KINDS.index(kind)).setChecked(True)
        self.edit.setPlaceholderText(
            self.tr("Type a %1 and press Enter").replace("%1", self.tr(kind.label).lower()))
        if focus:
            self.edit.setFocus()

    def kind_key(self, index: int) -> None:
        """Ctrl+digit: changes the selected note when the list has focus, else the next one."""
        if self.list.hasFocus() and self.list.currentItem() is not None:
            self.change_selected_kind(index)
        else:
            self.set_kind(KINDS[index])

    def change_selected_kind(self, index: int) -> None:
        item = self.list.currentItem()
        if item is not None:
            kind = KINDS[index]
            item.setData(KIND_ROLE, kind.value)
            self.noteKindChanged.emit(item.data(ID_ROLE), kind)

    def submit(self) -> None:
        text = self.edit.text().strip()
        if not text:
            return
        saved_before = self.list.count()
        self.noteAdded.emit(text, self.kind)
        if self.list.count() == saved_before:
            return  # not saved (the page said why): the text stays, to press Enter again
        self.edit.clear()
        self.set_kind(NoteKind.NOTE)

    def set_notes(self, notes: tuple[r.Note, ...]) -> None:
        self._loading = True
        try:
            self.list.clear()
            for note in notes:
                self.append(note)
        finally:
            self._loading = False

    def append(self, note: r.Note) -> None:
        item = QListWidgetItem(note.text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setData(ID_ROLE, note.id)
        item.setData(KIND_ROLE, note.kind.value)
        item.setData(OFFSET_ROLE, note.offset_seconds)
        was, self._loading = self._loading, True
        try:
            self.list.addItem(item)
        finally:
            self._loading = was
        self.list.scrollToItem(item)

    def _edited(self, item: QListWidgetItem) -> None:
        if not self._loading and item.text().strip():
            self.noteEdited.emit(item.data(ID_ROLE), item.text().strip())

    def delete_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        if dialogs.ask_yes_no(self, self.tr("Delete this note?\n\n%1").replace("%1", item.text()),
                              yes=self.tr("Delete"), no=self.tr("Keep")):
            self.noteDeleted.emit(item.data(ID_ROLE))
            self.list.takeItem(self.list.row(item))
